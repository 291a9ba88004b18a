"""Load and validate a deck's structure (deck.yaml): ids, categories, cards, site, drawings."""

from __future__ import annotations

from pathlib import Path

from cardgen.load import schema
from cardgen.errors import Problems
from cardgen.model import CardSpec, Category, Emoticon, Source, Structure
from cardgen.load.assets import builtin_assets, resolve_asset
from cardgen.units import UnitError, parse_colour
from cardgen.load.yamlfile import Node

STRUCTURE_FILE = "deck.yaml"


def load_structure(folder: Path, problems: Problems) -> Structure | None:
    path = folder / STRUCTURE_FILE
    top = schema.read_file(path, problems, root=folder)
    if top is None:
        return None
    deck = top.get("deck", schema.identifier)
    author = top.get("author", schema.text, "")  # the PDFs' Author; left empty when not given
    site = top.get("site", _site, None)  # without one, no web address or QR code is printed
    rules_card = top.get("rules_card", schema.choice("first", "last", "none"), "first")
    rules_icon = _svg(top, "rules_icon", folder, required=False)
    source_edition = top.get("source_edition", schema.identifier, None)  # the edition translations are made from
    categories, category_ids = _categories(top, folder)
    cards = _cards(top, category_ids)
    emoticons = top.mapping("emoticons", required=False)
    strengths, work = DEFAULT_EMOTICONS
    if emoticons:
        strengths = _emoticon(emoticons, "strengths", folder)
        work = _emoticon(emoticons, "work", folder)
        emoticons.finish()
    top.finish()
    if top.problems:
        return None
    return Structure(
        path, deck, author, site, rules_card, tuple(categories), tuple(cards), strengths, work, rules_icon,
        source_edition, top.line_of("source_edition"), top.line_of("site"),
    )


def _builtin(name: str) -> Path:
    return builtin_assets() / name


# the poster's faces when deck.yaml names none: cardgen's blue one for strengths, pink for points to work on
DEFAULT_EMOTICONS = (
    Emoticon(_builtin("emoticons/blue.svg"), parse_colour("#1F6FC5")),
    Emoticon(_builtin("emoticons/pink.svg"), parse_colour("#C2327A")),
)


def _site(value: object) -> str:
    site = schema.text(value)
    if not site.startswith(("https://", "http://")) or " " in site:
        raise UnitError(f"expected a web address starting with https://, found {site!r}")
    return site


def _categories(top: schema.Reader, folder: Path) -> tuple[list[Category], set[str]]:
    """The valid categories, and every id written (so that a bad colour does not also make every
    card of that category 'unknown')."""
    result: list[Category] = []
    ids: set[str] = set()
    for reader in _entries(top, "categories", "category"):
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
            result.append(Category(category_id, colour, icon, _source(reader, "colour")))
    return result, ids


def _cards(top: schema.Reader, category_ids: set[str]) -> list[CardSpec]:
    result: list[CardSpec] = []
    seen: dict[str, int] = {}
    for reader in _entries(top, "cards", "card"):
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


def _emoticon(reader: schema.Reader, key: str, folder: Path) -> Emoticon | None:
    sub = reader.mapping(key)
    if sub is None:
        return None
    svg = _svg(sub, "svg", folder)
    colour = sub.get("colour", schema.colour)
    sub.finish()
    return Emoticon(svg, colour, _source(sub, "colour")) if svg and colour else None


def _source(reader: schema.Reader, key: str) -> Source:
    return Source(reader.node.path, reader.line_of(key), reader.key_path(key))


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


def _entries(top: schema.Reader, key: str, what: str):
    """A Reader for each mapping in the list under `key`; anything else in the list is a problem."""
    items = top.sequence(key)
    if items is None:
        return
    if not items:
        top.error(key, f"expected at least one {what}")
    for index, item in enumerate(items):
        if isinstance(item, Node):
            yield schema.Reader(item, f"{key}[{index + 1}]", top.problems)
        else:
            found = schema.describe(item)
            top.problems.add(items.path, items.line_of(index), f"{key}[{index + 1}]", f"expected a mapping such as 'id: ...', found {found}")
