"""A translation's files: inside the deck folder after following links, written whole (through
temporary files and renames, so that a failure never leaves half a file), and the record in
<edition>/sources.yaml of the source texts a translation was made from (their fingerprints)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path

from cardgen.errors import CardgenError, Problems, show_path
from cardgen.load.tags import edition_code
from cardgen.load.yamlfile import Node, load_yaml
from cardgen.units import UnitError, shown

SOURCES_FILE = "sources.yaml"
TEXTS_FILE = "texts.yaml"
DECK_FILE = "deck.yaml"
_FINGERPRINT = re.compile(r"[0-9a-f]{12}")


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def inside(folder: Path, path: Path) -> Path:
    """`path` with every link followed, refused unless it lies inside the deck folder."""
    real = path.resolve()
    if not real.is_relative_to(folder.resolve()):
        raise CardgenError(
            f"{path}: leads outside the deck folder {show_path(folder)} through a link; "
            "copy the files into the deck folder instead of linking to them"
        )
    return real


def edition_file(folder: Path, code: str, name: str) -> Path:
    """<deck folder>/<code>/<name>, for an edition code only, inside the deck folder."""
    try:
        edition_code(code)
    except UnitError as exc:
        raise CardgenError(f"{show_path(folder)}: no such edition: {exc}") from None
    return inside(folder, folder / code / name)


def write_together(files: dict[Path, str]) -> None:
    """Write every file through a temporary file beside it, then rename them all: a full disk or
    any other error while writing leaves every file as it was."""
    staged: dict[Path, str] = {}
    try:
        for path, content in files.items():
            handle, staged[path] = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(content)
    except OSError as exc:
        _remove(staged.values())
        raise CardgenError(f"{show_path(path)}: cannot be written ({exc.strerror}); nothing was changed") from None
    for path, temporary in staged.items():
        try:
            os.replace(temporary, path)
        except OSError as exc:
            _remove(staged.values())
            raise CardgenError(
                f"{show_path(path)}: cannot be replaced ({exc.strerror}); close it in any program that has it open, "
                "then try again"
            ) from None


def _remove(paths) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def read_sources(path: Path) -> dict[str, str]:
    """An edition's sources.yaml: text key -> fingerprint; {} when there is none yet."""
    if not os.path.lexists(path):
        return {}
    problems = Problems()
    node = load_yaml(path, problems)
    prints = _fingerprints(node, path, problems) if node is not None else {}
    problems.raise_if_any()
    return prints


def _fingerprints(node: Node, path: Path, problems: Problems) -> dict[str, str]:
    redo = (
        f"this file is written by cardgen: delete it, review the translations, then run "
        f"'cardgen translate mark {path.parent.name}'"
    )
    texts = node.get("texts")
    if texts is None:
        return {}
    if not isinstance(texts, Node):
        problems.add(path, node.line_of("texts"), "texts", f"expected a mapping of text keys to fingerprints, "
                     f"found {shown(texts)}; {redo}")  # fmt: skip
        return {}
    for key, value in texts.items():
        if not (isinstance(value, str) and _FINGERPRINT.fullmatch(value)):
            problems.add(path, texts.line_of(key), f"texts.{key}", f"expected a fingerprint of 12 hexadecimal "
                         f"digits, found {shown(value)}; {redo}")  # fmt: skip
    return dict(texts)


def write_sources(folder: Path, source: str, prints: dict[str, str]) -> None:
    write_together({folder / SOURCES_FILE: sources_text(source, prints)})


def sources_text(source: str, prints: dict[str, str]) -> str:
    lines = [
        f"# Written by cardgen: a fingerprint of the {source} text each translation was made from.",
        "# Do not edit: 'cardgen translate status' compares them with the current source texts.",
        f"source: {source}",
        "texts:",
        *(f"  {key}: '{value}'" for key, value in sorted(prints.items())),
    ]
    return "\n".join(lines) + "\n"
