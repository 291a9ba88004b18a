"""Ids for a new deck's cards and categories, made from their titles: ASCII, stable (the same title
gives the same id on every run and machine), unique, and never a word YAML reads as a number or a
yes/no ('2024', 'no', 'on')."""

from __future__ import annotations

import re
import unicodedata

MAX_ID = 40
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}
# Letters NFKD does not take apart into a base letter and an accent.
_SPELLED = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ı": "i", "’": "", "'": ""})


def slug(text: str) -> str:
    """'Één keer per jaar!' -> 'een-keer-per-jaar'; '' when no Latin letter or digit is left."""
    plain = unicodedata.normalize("NFKD", text.lower().translate(_SPELLED)).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if len(words) > MAX_ID:
        cut = words[:MAX_ID + 1]
        words = cut[: cut.rfind("-")] if "-" in cut[10:] else words[:MAX_ID]
    return words.strip("-")


def unique_ids(titles: list[str], fallback: str) -> list[str]:
    """An id per title, in order: its slug, '-2', '-3' ... after a repeat, '<fallback>-N' for a
    title with nothing to make an id of (or one YAML would misread)."""
    ids: list[str] = []
    taken: set[str] = set()
    for number, title in enumerate(titles, 1):
        base = slug(title)
        if not base or base[0].isdigit() or base in _YAML_WORDS:
            base = f"{fallback}-{base}" if base else f"{fallback}-{number}"
        candidate, count = base, 1
        while candidate in taken:
            count += 1
            candidate = f"{base}-{count}"
        taken.add(candidate)
        ids.append(candidate)
    return ids
