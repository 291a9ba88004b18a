"""Load and validate one edition's texts (<language>/texts.yaml), checked against the structure."""

from __future__ import annotations

from pathlib import Path

from cardgen.load import schema
from cardgen.errors import Problems
from cardgen.model import (
    CalibrationText,
    CardText,
    CategoryText,
    Edition,
    PosterText,
    PrintingTexts,
    RulesText,
    Source,
    Structure,
    TileTexts,
)
from cardgen.load.deck import STRUCTURE_FILE
from cardgen.load.defaults import add_page_texts
from cardgen.load.scriptfonts import read_choice
from cardgen.units import UnitError, placeholder_problem
from cardgen.load.yamlfile import Node, key_lines

UNTRANSLATED = "[untranslated]"  # the mark `cardgen translate new` puts before every text to translate


def load_edition(path: Path, structure: Structure | None, problems: Problems) -> Edition | None:
    top = schema.read_file(path, problems, root=path.parent.parent)  # the deck folder: an edition folder may not link out
    if top is None:
        return None
    node = top.node
    _refuse_untranslated(node, "", top.problems)
    language = top.get("language", _language_tag)
    page_note = add_page_texts(node, language) if language else None
    fonts = top.mapping("fonts", required=False)
    fonts = read_choice(fonts, path.parent.parent) if fonts else None  # like layout.yaml's, from the deck folder
    deck = top.mapping("deck")
    title = deck.get("title", schema.text) if deck else None
    subject = deck.get("subject", schema.text) if deck else None
    if deck:
        deck.finish()
    categories = _category_texts(top, structure)
    cards = _card_texts(top, structure)
    rules = _rules_text(top, structure)
    poster = _poster_text(top)
    lines = key_lines(node, ("deck", "poster", "calibration", "fold", "printing"))
    calibration = _calibration_text(top)
    tiles = _tile_texts(top)
    printing = _printing_texts(top)
    fold = top.mapping("fold", required=False)
    fold_steps = fold.get("steps", schema.text) if fold else None
    if fold:
        fold.finish()
    bookmarks = top.mapping("bookmarks")
    bookmark_cards = bookmarks.get("cards", schema.text) if bookmarks else None
    bookmark_poster = bookmarks.get("poster", schema.text) if bookmarks else None
    bookmark_tiles = bookmarks.get("tiles", schema.text, None) if bookmarks else None
    if bookmarks:
        bookmarks.finish()
    top.finish()
    if top.problems or structure is None:
        return None
    return Edition(
        code=path.parent.name,
        path=path,
        language=language,
        title=title,
        subject=subject,
        categories=tuple(categories),
        cards=tuple(cards),
        rules=rules,
        poster=poster,
        bookmark_cards=bookmark_cards,
        bookmark_poster=bookmark_poster,
        lines=lines,
        calibration=calibration,
        tiles=tiles,
        bookmark_tiles=bookmark_tiles,
        notes=(f"edition '{path.parent.name}': {page_note}",) if page_note else (),
        fold=fold_steps,
        printing=printing,
        fonts=fonts,
    )


def _language_tag(value: object) -> str:
    tag = schema.text(value)
    parts = tag.split("-")
    if not (2 <= len(parts[0]) <= 3 and parts[0].isalpha() and all(p.isalnum() and p for p in parts)):
        raise UnitError(f"expected a language tag such as 'nl-BE' or 'fr', found {tag!r}")
    return tag


def _keyed(top: schema.Reader, key: str, expected: list[str] | None, what: str):
    """The entries of a mapping keyed by structure ids, each checked against the structure."""
    section = top.mapping(key)
    if section is None:
        return []
    node, problems = section.node, top.problems
    if expected is None:  # the structure did not load: nothing to check the ids against
        return []
    known = set(expected)  # a set: a deck of 10,000 cards checks 10,000 ids
    for extra in node:
        if extra not in known:
            problems.add(
                node.path,
                node.line_of(extra),
                f"{key}.{extra}",
                f"no {what} with the id '{extra}' in {STRUCTURE_FILE}; fix the id or add the {what} to {STRUCTURE_FILE}",
            )
    result = []
    for item_id in expected:
        if item_id not in node:
            problems.add(
                node.path,
                node.line,
                f"{key}.{item_id}",
                f"'{key}.{item_id}' is missing: {STRUCTURE_FILE} has the {what} '{item_id}' and this edition "
                f"has no text for it; add '{item_id}:' under '{key}:'",
                inline=True,
            )
            continue
        value = node[item_id]
        if not isinstance(value, Node):
            problems.add(
                node.path, node.line_of(item_id), f"{key}.{item_id}", f"expected a mapping of keys below it, found {schema.describe(value)}"
            )
            continue
        result.append((item_id, schema.Reader(value, f"{key}.{item_id}", problems)))
    return result


def _category_texts(top, structure):
    expected = [c.id for c in structure.categories] if structure else None
    result = []
    for category_id, reader in _keyed(top, "categories", expected, "category"):
        label = reader.get("label", schema.text)
        summary = reader.get("summary", schema.text)
        reader.finish()
        result.append((category_id, CategoryText(label, summary, Source(reader.node.path, reader.line_of("label"), f"{reader.where}.label"))))
    return result


def _card_texts(top, structure):
    expected = [c.id for c in structure.cards] if structure else None
    result = []
    for card_id, reader in _keyed(top, "cards", expected, "card"):
        title = reader.get("title", schema.text)
        description = reader.get("description", schema.text)
        reader.finish()
        path = reader.node.path
        source = Source(path, top.node["cards"].line_of(card_id), reader.where)
        title_source, description_source = (
            Source(path, reader.line_of(k), f"{reader.where}.{k}") for k in ("title", "description")
        )
        result.append((card_id, CardText(title, description, source, title_source, description_source)))
    return result


def _rules_text(top: schema.Reader, structure: Structure | None) -> RulesText | None:
    wanted = structure is None or structure.rules_card != "none"
    rules = top.mapping("rules", required=wanted)
    if rules is None:
        return None
    label = rules.get("label", schema.text)
    text = rules.get("text", schema.text)
    hashtags = rules.get("hashtags", schema.text, "")
    rules.finish()
    if not wanted:
        rules.problems.add(
            top.node.path, top.line_of("rules"), "rules", f"{STRUCTURE_FILE} says rules_card: none; remove this section or set rules_card"
        )
    path = top.node.path
    return RulesText(
        label,
        text,
        hashtags,
        Source(path, top.line_of("rules"), "rules"),
        Source(path, rules.line_of("label"), "rules.label"),
        Source(path, rules.line_of("text"), "rules.text"),
    )


def _poster_text(top: schema.Reader) -> PosterText | None:
    poster = top.mapping("poster")
    if poster is None:
        return None
    result = PosterText(
        title=poster.get("title", schema.text),
        strengths=poster.get("strengths", schema.text),
        work=poster.get("work", schema.text),
        instruction=poster.get("instruction", schema.text),
    )
    poster.finish()
    return result


def _calibration_text(top: schema.Reader) -> CalibrationText | None:
    reader = top.mapping("calibration", required=False)
    if reader is None:
        return None
    result = CalibrationText(*(reader.get(key, schema.text) for key in ("title", "steps", "ruler")))
    reader.finish()
    return result


# The placeholders each tile text may use (filled in by cardgen.plan.tile_pages); the other texts use none.
_PLACES = {"glue": ("label",), "cut": ("label",), "where": ("label", "row", "rows", "col", "cols", "overlap")}


def _tile_texts(top: schema.Reader) -> TileTexts | None:
    """The words on poster tiles; their {placeholders} are checked here, filled in when drawn."""
    reader = top.mapping("tiles", required=False)
    if reader is None:
        return None
    values = {key: reader.get(key, schema.text) for key in ("edge", "one_sheet", "glue", "cut", "where", "whole")}
    for key, text in values.items():
        problem = placeholder_problem(text, _PLACES.get(key, ())) if text is not None else None
        if problem:
            reader.error(key, problem)
            values[key] = None
    reader.finish()
    return None if None in values.values() else TileTexts(**values)


_PRINTING_PLACES = {
    "cards_long": ("part", "pages"), "cards_short": ("part", "pages"), "cards_fold": ("part", "pages"),
    "poster": ("part", "page", "paper"), "tiles": ("part", "file", "count", "paper"),
}  # fmt: skip


def _printing_texts(top: schema.Reader) -> PrintingTexts | None:
    """How each part of the print pack prints, for its first page; checked here, filled in when planned."""
    reader = top.mapping("printing", required=False)
    if reader is None:
        return None
    values = {key: reader.get(key, schema.text) for key in ("title", "cards_long", "cards_short", "cards_fold", "poster", "tiles", "blank")}
    for key, text in values.items():
        problem = placeholder_problem(text, _PRINTING_PLACES.get(key, ())) if text is not None else None
        if problem:
            reader.error(key, problem)
            values[key] = None
    reader.finish()
    return None if None in values.values() else PrintingTexts(**values)


def _refuse_untranslated(node: Node, prefix: str, problems: Problems) -> None:
    """An edition started with 'cardgen translate new' prints only when every text is translated."""
    for key, value in node.items():
        if isinstance(value, Node):
            _refuse_untranslated(value, f"{prefix}{key}.", problems)
        elif isinstance(value, str) and value.lstrip().startswith(UNTRANSLATED):
            problems.add(
                node.path,
                node.line_of(key),
                f"{prefix}{key}",
                f"not translated yet (still marked {UNTRANSLATED}); translate it and remove the mark, or see "
                "'cardgen translate status'",
            )
