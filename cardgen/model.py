"""Frozen data passed between the stages: the deck, its editions and its cards (the layout spec's
types are in cardgen/spec.py). Lengths are points, colours are (r, g, b) fractions."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING
from pathlib import Path

if TYPE_CHECKING:
    from cardgen.spec import FontChoice

RGB = tuple[float, float, float]


@dataclass(frozen=True, slots=True)  # a deck of 10,000 cards holds tens of thousands
class Source:
    """Where a value was written: for messages that name file and line."""

    path: Path
    line: int
    key: str = ""  # the dotted key, e.g. 'cards.stappenplan.description'


# --- the deck's structure, written once -------------------------------------------------------


@dataclass(frozen=True)
class Category:
    id: str
    colour: RGB
    icon: Path | None = None  # a single-colour SVG, tinted where it is drawn
    colour_source: Source | None = None  # where the colour was written, for messages about how it prints


@dataclass(frozen=True, slots=True)
class CardSpec:
    id: str
    category: str
    number: int  # 1-based among the action cards


@dataclass(frozen=True)
class Emoticon:
    svg: Path
    colour: RGB
    colour_source: Source | None = None


@dataclass(frozen=True)
class Structure:
    path: Path  # deck.yaml
    deck: str
    author: str
    site: str
    rules_card: str  # first | last | none
    categories: tuple[Category, ...]
    cards: tuple[CardSpec, ...]
    strengths: Emoticon
    work: Emoticon
    rules_icon: Path | None = None
    source_edition: str | None = None  # the edition translations are made from
    source_line: int = 1
    site_line: int | None = None  # of 'site:' in deck.yaml, for messages

    def category(self, category_id: str) -> Category:
        return self._categories[category_id]

    # Lookups by id are built once, on first use: cached_property writes the instance's __dict__
    # directly, so it works on a frozen dataclass, pickles with it and takes no part in equality.
    @cached_property
    def _categories(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}


# --- one edition's texts ---------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryText:
    label: str
    summary: str
    source: Source  # the label's line


@dataclass(frozen=True, slots=True)
class CardText:
    title: str
    description: str
    source: Source  # the card's id line
    title_source: Source
    description_source: Source


@dataclass(frozen=True)
class RulesText:
    label: str
    text: str
    hashtags: str
    source: Source  # the 'rules:' line
    label_source: Source
    text_source: Source


@dataclass(frozen=True)
class PosterText:
    title: str
    strengths: str
    work: str
    instruction: str


@dataclass(frozen=True)
class CalibrationText:
    title: str
    steps: str
    ruler: str


@dataclass(frozen=True)
class TileTexts:
    """The words on the tiles, in the edition's language; {placeholders} are filled in."""

    edge: str = "edge of the poster: trim along the marks when all tiles are glued"
    one_sheet: str = "edge of the poster: trim along the marks"
    glue: str = "glue here · {label} covers this side up to the dashed line"
    cut: str = "cut off this margin along the marks, then lay this edge on the dashed line of {label} and glue"
    where: str = "poster tile {label}: row {row} of {rows}, column {col} of {cols} · overlap {overlap} mm"
    whole: str = "the whole poster on one sheet"


@dataclass(frozen=True)
class PrintingTexts:
    """The first page of the print pack: how each part prints. {placeholders} are filled in;
    `**bold**` and the other text markup work as on the cards."""

    title: str
    cards_long: str  # {part}, {pages}
    cards_short: str
    cards_fold: str
    poster: str  # {part}, {page}, {paper}
    tiles: str  # {part}, {file}, {count}, {paper}
    blank: str  # on the back of this page in a double-sided pack, so that the cards start on a sheet of their own


@dataclass(frozen=True)
class Edition:
    code: str  # folder name under content/, e.g. "nl"
    path: Path  # texts.yaml
    language: str  # BCP 47 tag, e.g. "nl-BE"
    title: str
    subject: str
    categories: tuple[tuple[str, CategoryText], ...]
    cards: tuple[tuple[str, CardText], ...]
    rules: RulesText | None
    poster: PosterText
    bookmark_cards: str
    bookmark_poster: str
    lines: tuple[tuple[str, int], ...] = ()  # 'poster.title' -> its line in texts.yaml, for messages
    calibration: CalibrationText | None = None  # needed only by 'cardgen calibrate'
    tiles: TileTexts | None = None  # the words on poster tiles; needed only when tiles are asked for
    fold: str | None = None  # the order of work printed on fold-over sheets (fold.steps); none: the README's
    bookmark_tiles: str | None = None
    notes: tuple[str, ...] = ()  # for `check`: cardgen's own page texts printed in English, say
    printing: PrintingTexts | None = None  # the print pack's first page
    fonts: FontChoice | None = None  # the edition's own fonts (texts.yaml `fonts:`), over the layout's

    def line(self, key: str) -> int | None:
        return self._lines.get(key)

    def category(self, category_id: str) -> CategoryText:
        return self._categories[category_id]

    def card(self, card_id: str) -> CardText:
        return self._cards[card_id]

    @cached_property  # once, not on every lookup: a deck of 10,000 cards looks each one up
    def _lines(self) -> dict[str, int]:
        return dict(self.lines)

    @cached_property
    def _categories(self) -> dict[str, CategoryText]:
        return dict(self.categories)

    @cached_property
    def _cards(self) -> dict[str, CardText]:
        return dict(self.cards)


@dataclass(frozen=True)
class Deck:
    folder: Path
    structure: Structure
    editions: tuple[Edition, ...]


# --- a card as it will be printed: structure and text joined ----------------------------------


@dataclass(frozen=True, slots=True)  # 10,000 cards at a time
class Card:
    id: str
    kind: str  # "action" | "rules"
    title: str
    description: str
    label: str  # what the front says: the category's label, or the rules card's
    colour: RGB
    number: int | None
    total: int
    source: Source
    tags: tuple[tuple[str, RGB], ...] = ()  # coloured hashtags under the rules card's text
    sources: tuple[tuple[str, Source], ...] = ()  # where 'title', 'description', 'label' were written
    icon: Path | None = None
    on_colour: RGB = (1.0, 1.0, 1.0)  # text on the coloured face, where a style's colour is 'auto'
    ink: RGB | None = None  # the colour as text on the light back (titles, tags): readable; None is `colour`

    _sources: dict[str, Source] = field(init=False, repr=False, compare=False)  # `sources` by part, made once

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sources", dict(self.sources))

    def source_of(self, part: str) -> Source:
        return self._sources.get(part, self.source)

    @property
    def number_text(self) -> str:
        return f"{self.number}/{self.total}" if self.number else ""
