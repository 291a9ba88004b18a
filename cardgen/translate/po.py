"""PO files for translators: export an edition, import it back (with polib, the kept PO library).

An entry per text: the dotted key as context, the source text as msgid, the translation as
msgstr (empty when untranslated), 'fuzzy' when the source changed since it was translated, and
a note with the room the text has. Importing writes the translations into texts.yaml (ruamel.yaml
keeps its comments and layout) and records the fingerprint of the source each was made from:
the same edition as editing the YAML by hand, with the bookkeeping done.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

import polib

from cardgen.errors import CardgenError, Problems, show_path
from cardgen.load.tags import edition_code
from cardgen.translate.files import (
    SOURCES_FILE,
    TEXTS_FILE,
    edition_file,
    fingerprint,
    sources_text,
    write_together,
)
from cardgen.translate.pofile import PoText, read_po
from cardgen.translate.status import (
    UNTRANSLATED,
    deck_settings,
    edition_texts,
    source_edition,
)
from cardgen.units import UnitError

MAX_TEXT = 5_000  # characters in one translation: ten times the longest card text, and quick to write


def room_note(key: str, source_text: str, folder: Path) -> str:
    """What a translator should know about the space a text has."""
    kind = key.split(".")[-1]
    if key.startswith("cards.") and kind == "description":
        capacity = _description_capacity(source_text, folder)
        about = f"about {capacity} characters" if capacity else "the card's back"
        return f"card back, body text: room for {about} at the smallest size; the source has {len(source_text)}"
    notes = {
        ("cards", "title"): "card back, title: one or two short lines",
        ("categories", "label"): "front of every card of this category, in large type: one short word",
        ("categories", "summary"): "poster legend: one or two lines",
        ("rules", "label"): "front of the rules card, in large type: one short word",
        ("poster", "title"): "poster title: one line",
        ("poster", "strengths"): "poster, under the blue emoticon: one line",
        ("poster", "work"): "poster, under the pink emoticon: one line",
        ("deck", "title"): "the deck's name: on every card front in small capitals, one line",
        ("deck", "subject"): "under the poster title: one line",
    }
    return notes.get((key.split(".")[0], kind), "")


def _description_capacity(text: str, folder: Path) -> int | None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.load.layout import load_layout
    from cardgen.plan.geometry import BODY_GAP, back_regions

    layout = load_layout(folder, Problems())
    if layout is None or not text:
        return None
    card = layout.card
    style = card.description
    regions = back_regions(card)
    title_h = card.title.size * card.title.leading * 2
    lines = int((regions.text_top - title_h - BODY_GAP - regions.text_bottom) // (style.min_size * style.leading))
    per_char = stringWidth(text, style.font, style.min_size) / len(text)
    return int(lines * regions.text_w / per_char * 0.9)


def export_po(folder: Path, code: str, source: str, out: Path) -> int:
    src, own, prints = edition_texts(folder, code, source)
    language = _language(edition_file(folder, code, TEXTS_FILE)) or code
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"{folder.resolve().name} {code}",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Cardgen-Deck": str(deck_settings(folder).get("deck")),
        "X-Cardgen-Edition": code,
        "X-Cardgen-Source": source,
    }
    for key, (text, _) in src.items():
        mine, line = own.get(key, ("", 0))
        translated = mine and not mine.startswith(UNTRANSLATED)
        entry = polib.POEntry(
            msgctxt=key,
            msgid=text,
            msgstr=mine if translated else "",
            comment=room_note(key, text, folder),
            occurrences=[(f"{code}/{TEXTS_FILE}", str(line))] if line else [],
        )
        if translated and prints.get(key) != fingerprint(text):
            entry.flags.append("fuzzy")  # stale or never confirmed: the translator should look again
        po.append(entry)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CardgenError(f"{show_path(out.parent)}: cannot be created ({exc.strerror})") from None
    write_together({out: str(po)})  # polib's own save writes in place: a full disk would truncate the old file
    return len(po)


def _language(path: Path) -> str | None:
    from cardgen.load.yamlfile import load_yaml

    node = load_yaml(path, Problems()) if path.is_file() else None
    return node.get("language") if node else None


@dataclass(frozen=True)
class Imported:
    edition: str
    changed: list[str]
    ignored: list[str]  # one line per entry not imported, with its line in the PO file


def import_po(folder: Path, file: Path, code: str | None = None) -> Imported:
    """Write the PO file's translations into the edition, or refuse the whole file and change nothing."""
    po_text = read_po(file)
    source = _source_of(folder, po_text)
    code = _edition_of(folder, po_text, code, source)
    src, own, prints = edition_texts(folder, code, source)
    entries = _entries(po_text, folder, src)
    path = edition_file(folder, code, TEXTS_FILE)
    data, changed = _translated(path, entries, src, prints)
    ignored = [
        f"{show_path(file)}:{entry.linenum}: {_context(entry)}: no such text in the {source} edition; ignored"
        for entry in entries
        if entry.msgctxt not in src
    ]
    files = {edition_file(folder, code, SOURCES_FILE): sources_text(source, prints)}
    if changed:  # ruamel re-quotes some texts: an unchanged file is left as the translator saw it
        files[path] = dumped(data)
    write_together(files)
    return Imported(code, changed, ignored)


def _source_of(folder: Path, po_text: PoText) -> str:
    source = source_edition(folder)
    named = po_text.po.metadata.get("X-Cardgen-Source", source)
    where = f"{show_path(po_text.path)}:{po_text.header_line('X-Cardgen-Source')}: 'X-Cardgen-Source'"
    try:
        edition_code(named)
    except UnitError as exc:
        raise CardgenError(f"{where}: {exc}") from None
    if named != source:
        raise CardgenError(
            f"{where}: the file was made from the '{named}' edition, but this deck's translations are made from "
            f"{source} (deck.yaml: source_edition); export the edition again with 'cardgen translate export' and "
            "translate that file"
        )
    return source


def _edition_of(folder: Path, po_text: PoText, code: str | None, source: str) -> str:
    where = f"{show_path(po_text.path)}:{po_text.header_line('X-Cardgen-Edition')}"
    if code is None:
        code = po_text.po.metadata.get("X-Cardgen-Edition")
        if code is None:
            raise CardgenError(f"{show_path(po_text.path)}: names no edition (no 'X-Cardgen-Edition' header); give it with --lang")
        try:
            edition_code(code)
        except UnitError as exc:
            raise CardgenError(f"{where}: 'X-Cardgen-Edition': {exc}") from None
    if code == source:
        raise CardgenError(f"{where}: '{code}' is the source edition: PO files bring translations into the other editions")
    if not edition_file(folder, code, TEXTS_FILE).is_file():
        raise CardgenError(
            f"{where}: no edition '{code}' in {show_path(folder)}; start it with 'cardgen translate new {code}' "
            "or give the edition with --lang"
        )
    return code


def _entries(po_text: PoText, folder: Path, src: dict) -> list[polib.POEntry]:
    """The entries to import (obsolete '#~' ones never are), refused when the file belongs to another deck."""
    file, po = po_text.path, po_text.po
    entries = [e for e in po if not e.obsolete]
    deck, named = str(deck_settings(folder).get("deck")), po.metadata.get("X-Cardgen-Deck")
    if named is not None and named != deck:
        raise CardgenError(
            f"{show_path(file)}:{po_text.header_line('X-Cardgen-Deck')}: a PO file of another deck ({named[:40]!r}), "
            f"not of '{deck}' (deck.yaml: deck); nothing was imported"
        )
    unknown = sum(e.msgctxt not in src for e in entries)
    if named is None and unknown * 2 > len(entries):
        raise CardgenError(
            f"{show_path(file)}: {unknown} of its {len(entries)} texts are not texts of this deck ('{deck}'): "
            "is it a PO file of another deck? Nothing was imported"
        )
    seen: dict[str, int] = {}
    for entry in entries:
        if len(entry.msgstr) > MAX_TEXT:
            raise CardgenError(
                f"{show_path(file)}:{entry.linenum}: {_context(entry)}: a translation of {len(entry.msgstr):,} "
                f"characters; no card holds more than a few hundred (at most {MAX_TEXT:,}). Nothing was imported"
            )
        if entry.msgctxt is not None and entry.msgctxt in seen:
            raise CardgenError(
                f"{show_path(file)}:{entry.linenum}: {_context(entry)}: given twice (first on line "
                f"{seen[entry.msgctxt]}); keep one and import again. Nothing was imported"
            )
        seen[entry.msgctxt] = entry.linenum
    return entries


def _context(entry: polib.POEntry) -> str:
    return repr(entry.msgctxt) if entry.msgctxt is not None else "an entry without a context (msgctxt)"


def _translated(path: Path, entries: list[polib.POEntry], src: dict, prints: dict[str, str]):
    """(texts.yaml with the translations in, keys changed); records in `prints` what each was made from."""
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    changed = []
    for entry in entries:
        key, text = entry.msgctxt, entry.msgstr.strip()
        if not text or key not in src:
            continue
        parent, last = _locate(data, key, path)
        old = parent.get(last)
        if old is None or " ".join(str(old).split()) != " ".join(text.split()):
            if "\n" in text:
                value = LiteralScalarString(text)
            elif len(text) > 60:
                value = folded(text)
            else:
                value = text
            parent[last] = value
            changed.append(key)
        if not entry.fuzzy:
            prints[key] = fingerprint(entry.msgid)  # the source this translation was made from
    return data, changed


def dumped(data) -> str:
    """Edited texts as YAML again, as ruamel.yaml keeps them (comments, quotes, order)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    text = io.StringIO()
    yaml.dump(data, text)
    return text.getvalue()


def folded(text: str):
    """A '>-' block wrapped at about 84 characters, the text itself on one line: ruamel folds at
    the given spaces (a newline in a folded value would print as a line break on the card)."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    value = FoldedScalarString(text)
    positions, line_start = [], 0
    for line in textwrap.wrap(text, 84, break_long_words=False, break_on_hyphens=False)[:-1]:
        end = text.index(line, line_start) + len(line)  # the space after this line
        positions.append(end)
        line_start = end + 1
    value.fold_pos = positions
    return value


def _locate(data, key: str, path: Path):
    from ruamel.yaml.comments import CommentedMap

    parts = key.split(".")
    node = data
    for depth, part in enumerate(parts[:-1], 1):
        if part not in node:
            node[part] = CommentedMap()
        node = node[part]
        if not isinstance(node, CommentedMap):
            raise CardgenError(f"{show_path(path)}: '{'.'.join(parts[:depth])}': expected a mapping holding "
                               f"'{key}', found a text; fix the file, then import again")  # fmt: skip
    return node, parts[-1]

