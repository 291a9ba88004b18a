"""The layout spec as frozen data: text styles, the card, the sheet, the poster, fonts and the
command line's overrides (loaded by load/layout.py over load/default_layout.yaml). Lengths are
points, colours (r, g, b) fractions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from cardgen.model import RGB, Source
from cardgen.units import MM


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
