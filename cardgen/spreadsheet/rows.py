"""The columns of a texts sheet, shared by export and import, and what each text's row says.

Row 1 names the columns: `key`, `where it prints`, `room`, the source edition (`nl (source)`),
then per translated edition its texts (`fr`) and their status (`fr status`), and a last, hidden
column `cardgen <deck>` holding, per row, a fingerprint of each edition's text as exported. The
fingerprints tell on import which cells the user changed, and which texts changed in texts.yaml
meanwhile (a conflict, never overwritten). A row is found by its key, so rows may be sorted.
"""

from __future__ import annotations

import re

from cardgen.load.schema import text as clean_text
from cardgen.translate.files import fingerprint
from cardgen.units import UnitError

KEY, WHERE, ROOM = "key", "where it prints", "room"
SOURCE_MARK = " (source)"
STATUS_MARK = " status"
BASELINE = "cardgen"  # the hidden column's header starts so: 'cardgen sextingscreener'
SHEET_NAME = "texts"
MISSING, UNTRANSLATED, STALE, UNCONFIRMED = "missing", "untranslated", "stale", "unconfirmed"
_CODE = re.compile(r"[A-Za-z0-9_-]{1,20}")
# Where the texts that room_note does not describe print.
WHERE_ELSE = {
    ("rules", "text"): "the rules card, body text",
    ("rules", "hashtags"): "the rules card, below its text: one line",
    ("poster", "instruction"): "poster, at the foot: one or two lines",
    ("calibration", None): "calibration sheet (cardgen calibrate)",
    ("tiles", None): "poster tiles (build --tile): keep each {name} as it is",
    ("bookmarks", None): "bookmarks in a PDF viewer: one or two words",
}


def sheet_source(folder) -> str:
    """The edition in the first column: deck.yaml's source_edition, or a deck's only edition."""
    from cardgen.load.content import find_editions
    from cardgen.translate.status import deck_settings, source_edition

    editions = find_editions(folder)
    if deck_settings(folder).get("source_edition") is None and len(editions) == 1:
        return editions[0]
    return source_edition(folder)


def where_and_room(key: str, source_text: str, folder) -> tuple[str, str]:
    """('card back, body text', 'room for about 240 characters at the smallest size; ...')."""
    from cardgen.translate.po import room_note

    note = room_note(key, source_text, folder)
    if note:
        where, _, room = note.partition(": ")
        return where, room
    section, _, rest = key.partition(".")
    kind = rest.rsplit(".", 1)[-1]
    where = WHERE_ELSE.get((section, kind)) or WHERE_ELSE.get((section, None), "")
    where, _, room = where.partition(": ")
    return where, room


def normal(text: str) -> str:
    """A cell's text as texts.yaml holds it once read: spaces tidied, line breaks kept; '' when empty."""
    try:
        return clean_text(text)
    except UnitError:
        return ""


def baseline_cell(values: dict[str, str]) -> str:
    """'nl=1a2b3c4d5e6f fr=...': a fingerprint of each edition's text as exported."""
    return " ".join(f"{code}={fingerprint(normal(value))}" for code, value in values.items())


def read_baseline(text: str) -> dict[str, str]:
    found = {}
    for part in text.split():
        code, _, value = part.partition("=")
        if _CODE.fullmatch(code) and re.fullmatch(r"[0-9a-f]{12}", value):
            found[code] = value
    return found


def edition_header(text: str) -> tuple[str, str] | None:
    """('fr', 'text'), ('fr', 'status') or ('nl', 'source') for an edition's column header."""
    text = text.strip()
    for mark, kind in ((SOURCE_MARK, "source"), (STATUS_MARK, "status")):
        if text.endswith(mark) and _CODE.fullmatch(text[: -len(mark)]):
            return text[: -len(mark)], kind
    return (text, "text") if _CODE.fullmatch(text) and text not in (KEY, ROOM) else None
