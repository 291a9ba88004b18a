"""The translators' view of an edition: every source text beside its translation, with the state
`cardgen translate status` gives it and the room it has on the card (as PO files note it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cardgen.serve.texts import is_editable
from cardgen.translate.files import fingerprint
from cardgen.translate.po import room_note
from cardgen.translate.status import UNTRANSLATED, edition_texts


@dataclass(frozen=True)
class Row:
    key: str
    source_text: str
    text: str  # '' when missing
    state: str  # 'ok' | 'missing' | 'untranslated' | 'stale' | 'unconfirmed'
    room: str
    editable: bool = True  # the studio edits card, poster and deck texts; not calibration or bookmark words


def translation_rows(folder: Path, code: str, source: str) -> list[Row]:
    """One row per text of the source edition, in its order; raises ContentError on a broken file."""
    src, own, prints = edition_texts(folder, code, source)
    rows = []
    for key, (source_text, _) in src.items():
        text = own[key][0] if key in own else ""
        state = _state(code, source, key, text, own, prints, source_text)
        rows.append(Row(key, source_text, text, state, room_note(key, source_text, folder), is_editable(key)))
    return rows


def _state(code: str, source: str, key: str, text: str, own: dict, prints: dict, source_text: str) -> str:
    """The order `translate status` checks in: missing, untranslated, unconfirmed, stale."""
    if code == source:
        return "ok"
    if key not in own:
        return "missing"
    if text.startswith(UNTRANSLATED):
        return "untranslated"
    if key not in prints:
        return "unconfirmed"
    if prints[key] != fingerprint(source_text):
        return "stale"
    return "ok"
