"""Load and validate a deck folder: the structure (deck.yaml) and every edition's texts."""

from __future__ import annotations

from pathlib import Path

from cardgen import schema
from cardgen.errors import Problems
from cardgen.model import (
    CardSpec,
    CardText,
    Category,
    CategoryText,
    Deck,
    Edition,
    Emoticon,
    PosterText,
    RulesText,
    Source,
    Structure,
)
from cardgen.paths import resolve_asset
from cardgen.units import UnitError
from cardgen.yamlio import Node, key_lines, load_yaml

STRUCTURE_FILE = "deck.yaml"
TEXTS_FILE = "texts.yaml"


def find_editions(folder: Path) -> list[str]:
    """Every sub-folder of the deck folder that holds a texts.yaml, in name order."""
    if not folder.is_dir():
        return []
    return sorted(p.parent.name for p in folder.glob(f"*/{TEXTS_FILE}"))


def load_deck(folder: Path, problems: Problems, only: str | None = None) -> Deck | None:
    """The whole deck, validated; None when anything is wrong (the problems say what)."""
    structure = load_structure(folder, problems)
    codes = [only] if only else find_editions(folder)
    if not codes:
        problems.add(
            folder, None, f"no edition found: expected a folder such as '{folder.name}/nl/' holding {TEXTS_FILE}"
        )
    editions = [load_edition(folder / code / TEXTS_FILE, structure, problems) for code in codes]
    if problems or structure is None:
        return None
    return Deck(folder=folder, structure=structure, editions=tuple(e for e in editions if e))


# --- structure -------------------------------------------------------------------------------


def load_structure(folder: Path, problems: Problems) -> Structure | None:
    path = folder / STRUCTURE_FILE
    node = load_yaml(path, problems)
    if node is None:
        return None
    count = len(problems.items)
    top = schema.Reader(node, "", problems)
    deck = top.get("deck", schema.identifier)
    author = top.get("author", schema.text)
    site = top.get("site", _site)
    rules_card = top.get("rules_card", schema.choice("first", "last", "none"), "first")
    rules_icon = _svg(top, "rules_icon", folder, required=False)
    categories, category_ids = _categories(top, folder, problems)
    cards = _cards(top, category_ids, problems)
    emoticons = top.mapping("emoticons")
    strengths = _emoticon(emoticons, "strengths", folder, problems) if emoticons else None
    work = _emoticon(emoticons, "work", folder, problems) if emoticons else None
    if emoticons:
        emoticons.finish()
    top.finish()
    if len(problems.items) > count:
        return None
    return Structure(path, deck, author, site, rules_card, tuple(categories), tuple(cards), strengths, work, rules_icon)


def _site(value: object) -> str:
    site = schema.text(value)
    if not site.startswith(("https://", "http://")) or " " in site:
        raise UnitError(f"expected a web address starting with https://, found {site!r}")
    return site


def _categories(top: schema.Reader, folder: Path, problems: Problems) -> tuple[list[Category], set[str]]:
    """The valid categories, and every id written (so that a bad colour does not also make every
    card of that category 'unknown')."""
    result: list[Category] = []
    ids: set[str] = set()
    for reader in _entries(top, "categories", "category", problems):
        category_id = reader.get("id", schema.identifier)
        colour = reader.get("colour", schema.colour)
        icon = _svg(reader, "icon", folder, required=False)
        reader.finish()
        if category_id in ids:
            reader.error("id", f"duplicate category id '{category_id}'; every category needs its own id")
            continue
        if category_id:
            ids.add(category_id)
        if category_id and colour:
            result.append(Category(category_id, colour, icon))
    return result, ids


def _cards(top: schema.Reader, category_ids: set[str], problems: Problems) -> list[CardSpec]:
    result: list[CardSpec] = []
    seen: dict[str, int] = {}
    for reader in _entries(top, "cards", "card", problems):
        card_id = reader.get("id", schema.identifier)
        category = reader.get("category", schema.identifier)
        reader.finish()
        if card_id in seen:
            reader.error("id", f"duplicate card id '{card_id}' (first on line {seen[card_id]}); ids must be unique")
            continue
        if category and category_ids and category not in category_ids:
            known = ", ".join(sorted(category_ids))
            reader.error("category", f"unknown category '{category}'; expected one of: {known}")
            continue
        if card_id and category:
            seen[card_id] = reader.line_of("id")
            result.append(CardSpec(card_id, category, len(result) + 1))
    return result


def _emoticon(reader: schema.Reader, key: str, folder: Path, problems: Problems) -> Emoticon | None:
    sub = reader.mapping(key)
    if sub is None:
        return None
    svg = _svg(sub, "svg", folder)
    colour = sub.get("colour", schema.colour)
    sub.finish()
    return Emoticon(svg, colour) if svg and colour else None


def _svg(reader: schema.Reader, key: str, folder: Path, required: bool = True) -> Path | None:
    """An SVG file named under `key`, found in the deck folder or cardgen's assets."""
    name = reader.get(key, schema.text, schema.MISSING if required else None)
    if name is None:
        return None
    try:
        path = resolve_asset(folder, name)
    except UnitError as exc:
        reader.error(key, str(exc))
        return None
    if path.suffix.lower() != ".svg":
        reader.error(key, f"expected an SVG drawing (a file ending in .svg), found {name!r}")
        return None
    return path


def _entries(top: schema.Reader, key: str, what: str, problems: Problems):
    """A Reader for each mapping in the list under `key`; anything else in the list is a problem."""
    items = top.sequence(key)
    if items is None:
        return
    if not items:
        top.error(key, f"expected at least one {what}")
    for index, item in enumerate(items):
        if isinstance(item, Node):
            yield schema.Reader(item, f"{key}[{index + 1}]", problems)
        else:
            problems.add(
                items.path,
                items.line_of(index),
                f"'{key}[{index + 1}]': expected a mapping such as 'id: ...', found {schema.describe(item)}",
            )


# --- one edition -----------------------------------------------------------------------------


def load_edition(path: Path, structure: Structure | None, problems: Problems) -> Edition | None:
    node = load_yaml(path, problems)
    if node is None:
        return None
    count = len(problems.items)
    top = schema.Reader(node, "", problems)
    language = top.get("language", _language_tag)
    deck = top.mapping("deck")
    title = deck.get("title", schema.text) if deck else None
    subject = deck.get("subject", schema.text) if deck else None
    if deck:
        deck.finish()
    categories = _category_texts(top, structure, problems)
    cards = _card_texts(top, structure, problems)
    rules = _rules_text(top, structure)
    poster = _poster_text(top)
    lines = key_lines(node, ("deck", "poster"))
    bookmarks = top.mapping("bookmarks")
    bookmark_cards = bookmarks.get("cards", schema.text) if bookmarks else None
    bookmark_poster = bookmarks.get("poster", schema.text) if bookmarks else None
    if bookmarks:
        bookmarks.finish()
    top.finish()
    if len(problems.items) > count or structure is None:
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
    )


def _language_tag(value: object) -> str:
    tag = schema.text(value)
    parts = tag.split("-")
    if not (2 <= len(parts[0]) <= 3 and parts[0].isalpha() and all(p.isalnum() and p for p in parts)):
        raise UnitError(f"expected a language tag such as 'nl-BE' or 'fr', found {tag!r}")
    return tag


def _keyed(top: schema.Reader, key: str, expected: list[str] | None, what: str, problems: Problems):
    """The entries of a mapping keyed by structure ids, each checked against the structure."""
    section = top.mapping(key)
    if section is None:
        return []
    node = section.node
    if expected is None:  # the structure did not load: nothing to check the ids against
        return []
    for extra in node:
        if extra not in expected:
            problems.add(
                node.path,
                node.line_of(extra),
                f"'{key}.{extra}': no {what} with the id '{extra}' in {STRUCTURE_FILE}; "
                f"fix the id or add the {what} to {STRUCTURE_FILE}",
            )
    result = []
    for item_id in expected:
        if item_id not in node:
            problems.add(
                node.path,
                node.line,
                f"'{key}.{item_id}' is missing: {STRUCTURE_FILE} has the {what} '{item_id}' and this edition "
                f"has no text for it; add '{item_id}:' under '{key}:'",
            )
            continue
        value = node[item_id]
        if not isinstance(value, Node):
            problems.add(
                node.path,
                node.line_of(item_id),
                f"'{key}.{item_id}': expected a mapping of keys below it, found {schema.describe(value)}",
            )
            continue
        result.append((item_id, schema.Reader(value, f"{key}.{item_id}", problems)))
    return result


def _category_texts(top, structure, problems):
    expected = [c.id for c in structure.categories] if structure else None
    result = []
    for category_id, reader in _keyed(top, "categories", expected, "category", problems):
        label = reader.get("label", schema.text)
        summary = reader.get("summary", schema.text)
        reader.finish()
        result.append((category_id, CategoryText(label, summary, Source(reader.node.path, reader.line_of("label"), f"{reader.where}.label"))))
    return result


def _card_texts(top, structure, problems):
    expected = [c.id for c in structure.cards] if structure else None
    result = []
    for card_id, reader in _keyed(top, "cards", expected, "card", problems):
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
            top.node.path,
            top.line_of("rules"),
            f"'rules': {STRUCTURE_FILE} says rules_card: none; remove this section or set rules_card",
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
