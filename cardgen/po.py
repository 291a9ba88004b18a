"""PO files for translators: export an edition, import it back (with polib, the kept PO library).

An entry per text: the dotted key as context, the source text as msgid, the translation as
msgstr (empty when untranslated), 'fuzzy' when the source changed since it was translated, and
a note with the room the text has. Importing writes the translations into texts.yaml (ruamel.yaml
keeps its comments and layout) and records the fingerprint of the source each was made from:
the same edition as editing the YAML by hand, with the bookkeeping done.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import polib

from cardgen.errors import CardgenError, Problems
from cardgen.translate import TEXTS_FILE, UNTRANSLATED, fingerprint, read_sources, texts_of, write_sources


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

    from cardgen.geometry import BODY_GAP, back_regions
    from cardgen.layout import load_layout

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
    problems = Problems()
    src = texts_of(folder / source / TEXTS_FILE, problems)
    own = texts_of(folder / code / TEXTS_FILE, problems) if (folder / code / TEXTS_FILE).is_file() else {}
    problems.raise_if_any()
    prints = read_sources(folder / code)
    language = _language(folder / code / TEXTS_FILE) or code
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"{folder.resolve().name} {code}",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
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
    out.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(out))
    return len(po)


def _language(path: Path) -> str | None:
    from cardgen.yamlio import load_yaml

    node = load_yaml(path, Problems()) if path.is_file() else None
    return node.get("language") if node else None


def import_po(folder: Path, file: Path, code: str | None = None) -> tuple[str, list[str]]:
    """Write the PO file's translations into the edition; returns (edition, keys changed)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    try:
        po = polib.pofile(str(file))
    except (OSError, ValueError) as exc:
        raise CardgenError(f"{file}: not a PO file that can be read ({exc})") from None
    code = code or po.metadata.get("X-Cardgen-Edition")
    if not code or not (folder / code / TEXTS_FILE).is_file():
        raise CardgenError(f"{file}: no edition '{code}' in {folder}; give it with --lang")
    source = po.metadata.get("X-Cardgen-Source") or "nl"
    problems = Problems()
    src = texts_of(folder / source / TEXTS_FILE, problems)
    problems.raise_if_any()
    path = folder / code / TEXTS_FILE
    yaml = YAML()
    yaml.width = 4096
    data = yaml.load(path.read_text(encoding="utf-8"))
    prints = read_sources(folder / code)
    changed = []
    for entry in po:
        key, text = entry.msgctxt, entry.msgstr.strip()
        if not key or not text or key not in src:
            continue
        parent, last = _locate(data, key)
        old = parent.get(last)
        if old is None or " ".join(str(old).split()) != " ".join(text.split()):
            if "\n" in text:
                value = LiteralScalarString(text)
            elif len(text) > 60:
                value = _folded(text)
            else:
                value = text
            parent[last] = value
            changed.append(key)
        if not entry.fuzzy:
            prints[key] = fingerprint(entry.msgid)  # the source this translation was made from
    temporary = path.with_name(f".{TEXTS_FILE}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    temporary.replace(path)
    write_sources(folder / code, source, prints)
    return code, changed


def _folded(text: str):
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


def _locate(data, key: str):
    from ruamel.yaml.comments import CommentedMap

    parts = key.split(".")
    node = data
    for part in parts[:-1]:
        if part not in node:
            node[part] = CommentedMap()
        node = node[part]
    return node, parts[-1]

