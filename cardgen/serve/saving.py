"""One text written into an edition's texts.yaml: a ruamel.yaml round trip that keeps comments,
key order and every other line as it was, refused when the file changed since the page read it,
written atomically (translate/status.py's write_together), with a translation's fingerprint
recorded in sources.yaml as `cardgen translate mark` would."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from cardgen.errors import CardgenError, show_path
from cardgen.serve.texts import cleaned
from cardgen.translate.files import (
    SOURCES_FILE,
    TEXTS_FILE,
    edition_file,
    fingerprint,
    sources_text,
    write_together,
)
from cardgen.translate.status import edition_texts

LONG = 60  # characters: a longer text is written as a folded '>-' block, as `translate import` does


@dataclass(frozen=True)
class Saved:
    ok: bool
    conflict: bool
    message: str
    version: str  # the file's fingerprint after the save (as it was when nothing was written)


def file_version(path: Path) -> str:
    """A fingerprint of the file's bytes: a save compares it with the one the page loaded."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


def save_text(folder: Path, code: str, source: str | None, key: str, text: str, version: str) -> Saved:
    """Write `text` as `key` of the edition `code`, unless the file is no longer at `version`."""
    path = edition_file(folder, code, TEXTS_FILE)
    current = file_version(path)
    if current != version:
        return Saved(False, True, f"not saved: {show_path(path)} changed since this page loaded it (another tab or "
                     "an editor); reload the page to see its texts, then make the change again", current)  # fmt: skip
    value = cleaned(key, text)
    original = path.read_text(encoding="utf-8")
    content = with_text(original, key, value, path)
    files = {path: content}
    if source is not None and code != source:
        src, _, prints = edition_texts(folder, code, source)
        if key in src:  # what `translate mark` records: this text translates the current source text
            prints[key] = fingerprint(src[key][0])
            files[edition_file(folder, code, SOURCES_FILE)] = sources_text(source, prints)
    if content == original and len(files) == 1:
        return Saved(True, False, "no change", current)
    write_together(files)
    return Saved(True, False, f"saved in {show_path(path)}", file_version(path))


def with_text(original: str, key: str, value: str, path: Path) -> str:
    """The file's text with `key` set to `value`; every other line as it was."""
    from ruamel.yaml import YAML, YAMLError
    from ruamel.yaml.comments import CommentedMap

    yaml = _yaml()
    try:
        data = yaml.load(original)
    except YAMLError:
        raise CardgenError(f"{show_path(path)}: does not read as YAML; fix the file, then save again") from None
    parent = data
    for part in key.split(".")[:-1]:  # a text missing from a translation gets its section
        if part not in parent:
            parent[part] = CommentedMap()
        parent = parent[part]
        if not isinstance(parent, CommentedMap):
            raise CardgenError(f"{show_path(path)}: '{key}' should sit in a mapping, found a text; fix the file, then save again")
    last = key.split(".")[-1]
    old = parent.get(last)
    if isinstance(old, str) and " ".join(old.split()) == " ".join(value.split()) and "\n" not in value:
        return original  # the same text: the file stays as it was written
    parent[last] = _styled(old, value)
    out = io.StringIO()
    yaml.dump(data, out)
    written = out.getvalue()
    again = YAML(typ="safe").load(written)  # never write a file that reads back as another text
    for part in key.split("."):
        again = again[part]
    if cleaned(key, again) != value:
        raise CardgenError(f"{show_path(path)}: '{key}' would not read back as written; nothing was saved")
    return written


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True  # a quoted label stays quoted: untouched lines stay byte for byte
    yaml.width = 4096  # long plain lines are not wrapped anew
    return yaml


def _styled(old, value: str):
    """The new value in the old one's style: a block stays a block, a quoted text stays quoted."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    from cardgen.translate.po import folded

    if "\n" in value:
        return LiteralScalarString(value)
    if isinstance(old, (FoldedScalarString, LiteralScalarString)) or len(value) > LONG:
        return folded(value)
    if isinstance(old, str) and type(old) is not str:
        return type(old)(value)  # single or double quoted, as the author wrote it
    return value
