"""Frozen data passed between the stages. Lengths are points, colours are (r, g, b) fractions."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal
from pathlib import Path

from cardgen.units import MM

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


# --- the layout spec -------------------------------------------------------------------------


@dataclass(frozen=True)
class TextStyle:
    font: str
    size: float
    min_size: float
    leading: float  # line height as a multiple of the size
    colour: RGB | str | None  # None: the category's colour; AUTO: light or dark, whichever reads on the face
    role: str = ""  # the font's role (regular, bold, ...): an edition in another script swaps the font, not the role
    direction: Literal["ltr", "rtl"] = "ltr"  # rtl: shaped, its words ordered right to left (cardgen/bidi.py)


AUTO = "auto"


@dataclass(frozen=True)
class CardLayout:
    width: float
    height: float
    padding: float  # the safe area: no text nearer the cut than this
    band: float  # height of the coloured band on the back
    fit: Literal["deck", "card"]  # deck: one body size for every card; card: each card shrinks on its own
    icon: float  # the icon's size on the front (in the back's band it follows the band)
    front_label: TextStyle
    front_deck: TextStyle
    title: TextStyle
    description: TextStyle
    number: TextStyle
    back_background: RGB
    rules_colour: RGB
    light_text: RGB = (1.0, 1.0, 1.0)  # an 'auto' text colour on dark faces
    dark_text: RGB = (31 / 255, 31 / 255, 36 / 255)  # and on light ones


@dataclass(frozen=True)
class SheetLayout:
    paper: tuple[float, float]  # portrait width, height
    margin: float  # the printer's unprintable edge: nothing is drawn there
    gutter: float
    flip: Literal["long", "short", "fold"]
    mark_length: float
    mark_offset: float
    mark_width: float
    mark_colour: RGB
    offset: tuple[float, float] = (0.0, 0.0)  # shifts every back: a printer's measured misregistration
    cut_lines: bool = True  # thin lines along every cut, besides the marks (false or --no-cut-lines: marks only)


@dataclass(frozen=True)
class PosterLayout:
    paper: tuple[float, float]  # as drawn: landscape already applied
    margin: float
    title: TextStyle
    label: TextStyle
    footer: TextStyle
    background: RGB
    tile: tuple[float, float] | None = None  # print the poster tiled on this paper too (poster-tiles.pdf)
    overlap: float = 10 * MM  # between neighbouring tiles, to glue


@dataclass(frozen=True)
class Overrides:
    """Settings from the command line, already checked; None leaves the layout spec's value."""

    flip: Literal["long", "short", "fold"] | None = None
    qr: bool | None = None
    paper: tuple[float, float] | None = None
    card_size: tuple[float, float] | None = None
    offset: tuple[float, float] | None = None
    cut_lines: bool | None = None
    shop: bool | None = None
    cmyk: bool | None = None
    profile: str | None = None  # an ICC file inside the deck folder
    shop_page: Literal["marked", "bleed"] | None = None
    poster_size: tuple[float, float] | None = None
    tile: tuple[float, float] | None = None
    overlap: float | None = None
    bilingual: tuple[str, str] | None = None  # two editions on every card (load/bilingual.py)


@dataclass(frozen=True)
class QrLayout:
    show: bool
    rules_card: float  # side of the white tile on the rules card's front
    poster: float  # side of the tile in the poster's footer


@dataclass(frozen=True)
class Font:
    name: str  # as registered with ReportLab
    path: Path | None = None  # the TrueType file embedded; None for a standard PDF font


@dataclass(frozen=True)
class FontChoice:
    """Fonts named for a script (layout.yaml `fonts_by_script:`) or an edition (texts.yaml `fonts:`),
    checked but not yet loaded: only an edition that uses them loads them."""

    roles: tuple[tuple[str, str, Path | None], ...]  # (role, as written, the TrueType file or None for a standard font)
    source: Source  # where they were named, for messages

    def role(self, name: str) -> tuple[str, Path | None] | None:
        return next(((value, path) for role, value, path in self.roles if role == name), None)


@dataclass(frozen=True)
class Fonts:
    """The layout's four faces; <b> and <i> in a paragraph pick bold and italic."""

    regular: Font
    bold: Font
    italic: Font
    bold_italic: Font

    def names(self) -> dict[str, str]:
        """Role -> the name ReportLab knows the font by."""
        return {role: getattr(self, role).name for role in ("regular", "bold", "italic", "bold_italic")}


@dataclass(frozen=True)
class Layout:
    path: Path
    card: CardLayout
    sheet: SheetLayout
    poster: PosterLayout
    fonts: Fonts
    qr: QrLayout
    shop: bool  # also write cards-shop.pdf: one face a page, bleed, crop marks, trim and bleed boxes
    cmyk: bool  # write every colour in CMYK
    lines: tuple[tuple[str, int], ...] = ()  # 'card.width' -> its line in layout.yaml, for messages
    profile: Path | None = None  # with cmyk: the CMYK output profile (ICC) every colour is converted through
    shop_page: Literal["marked", "bleed"] = "marked"  # shop pages with crop marks, or only the trimmed face and its bleed
    scripts: tuple[tuple[str, FontChoice], ...] = ()  # fonts_by_script: script -> the fonts of its editions
    direction: Literal["ltr", "rtl"] = "ltr"  # of the edition this layout was made for (load/editions.py)
    bilingual: tuple[str, str] | None = None  # output.bilingual: two editions' texts on every card, OUT/nl-fr/

    def line(self, key: str) -> int | None:
        return self._lines.get(key)

    @cached_property
    def _lines(self) -> dict[str, int]:
        return dict(self.lines)
