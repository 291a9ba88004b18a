"""The studio's editable texts: which dotted keys (as in PO files) can be edited, and an edition
with some of them changed. Pure: the edition in, a new frozen edition out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from cardgen.load.schema import text as clean_text
from cardgen.model import Edition
from cardgen.units import UnitError

POSTER_KEYS = ("title", "strengths", "work", "instruction")
RULES_KEYS = ("label", "text", "hashtags")
_EDITABLE = re.compile(
    r"deck\.(title|subject)|categories\.[^.]+\.(label|summary)|rules\.(label|text|hashtags)"
    r"|cards\.[^.]+\.(title|description)|poster\.(title|strengths|work|instruction)"
)


def is_editable(key: str) -> bool:
    """Whether the studio edits the text `key` (the tile, calibration and bookmark words it does not)."""
    return _EDITABLE.fullmatch(key) is not None


def editable_texts(edition: Edition) -> dict[str, str]:
    """Every text the studio may change, by key, in the order of the file's sections."""
    texts = {"deck.title": edition.title, "deck.subject": edition.subject}
    for category_id, category in edition.categories:
        texts[f"categories.{category_id}.label"] = category.label
        texts[f"categories.{category_id}.summary"] = category.summary
    if edition.rules is not None:
        texts.update({f"rules.{name}": getattr(edition.rules, name) for name in RULES_KEYS})
    for card_id, card in edition.cards:
        texts[f"cards.{card_id}.title"] = card.title
        texts[f"cards.{card_id}.description"] = card.description
    texts.update({f"poster.{name}": getattr(edition.poster, name) for name in POSTER_KEYS})
    return texts


def cleaned(key: str, text: str) -> str:
    """The text as the loader would read it from texts.yaml; ValueError for one it would refuse."""
    try:
        return clean_text(text)
    except UnitError as exc:
        raise ValueError(f"'{key}': {exc}") from None


def with_edits(edition: Edition, edits: Mapping[str, str]) -> Edition:
    """The edition as it would load with `edits` (key -> text) written into its texts.yaml."""
    known = editable_texts(edition)
    for key, text in edits.items():
        if key not in known:
            raise ValueError(f"no editable text '{key}' in the edition '{edition.code}'")
        edition = _replaced(edition, key.split("."), cleaned(key, text))
    return edition


def _replaced(edition: Edition, parts: list[str], text: str) -> Edition:
    section = parts[0]
    if section == "deck":
        return replace(edition, **{parts[1]: text})
    if section == "poster":
        return replace(edition, poster=replace(edition.poster, **{parts[1]: text}))
    if section == "rules":
        return replace(edition, rules=replace(edition.rules, **{parts[1]: text}))
    field = "categories" if section == "categories" else "cards"
    entries = tuple(
        (entry_id, replace(value, **{parts[2]: text}) if entry_id == parts[1] else value)
        for entry_id, value in getattr(edition, field)
    )
    return replace(edition, **{field: entries})
