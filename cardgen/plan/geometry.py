"""Pure geometry: rectangles, the planned items a page is made of, and the regions of a card's
back decided once for fitting and planning. Drawing paints these items and decides nothing."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from cardgen.model import RGB
from cardgen.spec import CardLayout, TextStyle
from cardgen.paragraphs import Align
from cardgen.units import MM

if TYPE_CHECKING:
    from cardgen.paragraphs import Lines


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def inset(self, d: float) -> Rect:
        return Rect(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)

    def contains(self, other: Rect, tolerance: float = 1e-6) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.top <= self.top + tolerance
        )


# --- planned items: what drawing receives; lengths in points, colours resolved ---------------


@dataclass(frozen=True, slots=True)
class Fill:
    """A rectangle in one colour. `bleed` names the sides ('l', 'r', 't', 'b') that lie on the cut:
    printed with a bleed, those run on past it."""

    box: Rect
    colour: RGB
    radius: float = 0.0  # rounded corners
    bleed: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of plain text on a baseline at `y`: `x` is its left end, or its centre when `centred`."""

    text: str
    font: str
    size: float
    colour: RGB
    x: float
    y: float
    centred: bool = False
    spacing: float = 0.0  # extra space between letters, pt
    shaped: bool = False  # right-to-left text: drawn shaped, its words right to left (cardgen/bidi.py)


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Typeset paragraph markup set in `box`: the box's width wraps the lines, its height is what
    they take (measured when planning). `style` gives the font and leading; size and colour are the
    ones chosen here, not the style's preferred ones."""

    markup: str
    style: TextStyle
    size: float
    colour: RGB
    box: Rect
    align: Align = "left"
    lines: Lines | None = field(default=None, compare=False, repr=False)  # wrapped when measured; None: drawing wraps


@dataclass(frozen=True, slots=True)
class Icon:
    """An SVG drawing scaled into `box`, centred; `tint` recolours a single-colour icon (None: as drawn)."""

    svg: Path
    box: Rect
    tint: RGB | None = None


@dataclass(frozen=True, slots=True)
class Code:
    """A QR code for `data` filling the square `box`: dark modules on a light tile with rounded corners."""

    data: str
    box: Rect
    radius: float
    ink: RGB = (0.07, 0.07, 0.09)  # near black
    tile: RGB = (1.0, 1.0, 1.0)  # white, whatever the card's colour: scanners need the contrast
    quiet_zone: int = 4  # modules of the tile's colour round the code, as the QR standard asks
    level: str = "M"  # error correction: a scratched or folded card still scans


@dataclass(frozen=True, slots=True)
class Rule:
    """A straight stroke from (x0, y0) to (x1, y1)."""

    x0: float
    y0: float
    x1: float
    y1: float
    colour: RGB
    width: float
    round_cap: bool = False


# --- a card's back, shared by fitting and planning --------------------------------------------

TITLE_GAP = 4 * MM  # band to title
OVERHANG = 0.3 * MM  # a j or a quote at a line's start reaches this far left of the text's edge: kept inside the padding
BODY_GAP = 2.5 * MM  # title to description
FOOT_GAP = 3 * MM  # description to the number's line


@dataclass(frozen=True)
class BackRegions:
    """Where things go on a card's back, relative to the card's lower-left corner."""

    band: Rect
    text_top: float  # the title's top line
    text_bottom: float  # the lowest a description may reach
    text_x: float
    text_w: float
    number_baseline: float


def back_regions(card: CardLayout) -> BackRegions:
    """The regions of a card layout's back; the same object for the same layout, which every
    card of a deck asks for several times while it is planned (kept per layout, bounded)."""
    kept = _REGIONS.get(id(card))
    if kept is not None and kept[0] is card:
        return kept[1]
    if len(_REGIONS) >= 64:  # layouts come and go in the studio
        _REGIONS.clear()
    regions = _back_regions(card)
    _REGIONS[id(card)] = (card, regions)  # the layout kept too, so that its id is never another's
    return regions


_REGIONS: dict = {}


def _back_regions(card: CardLayout) -> BackRegions:
    band = Rect(0, card.height - card.band, card.width, card.band)
    number_baseline = card.padding
    return BackRegions(
        band=band,
        text_top=min(band.y, card.height - card.padding) - TITLE_GAP,
        text_bottom=number_baseline + card.number.size + FOOT_GAP,
        text_x=card.padding + OVERHANG,
        text_w=card.width - 2 * (card.padding + OVERHANG),
        number_baseline=number_baseline,
    )


@dataclass(frozen=True)
class Stroke:
    """How a line is stroked: cut marks, cut lines, fold lines."""

    colour: RGB
    width: float  # pt
    dash: tuple[float, ...] = ()  # on, off lengths in pt; () is a solid line
    butt_caps: bool = False  # set butt caps explicitly (marks end exactly where they were planned)


@dataclass(frozen=True, slots=True)
class Segment:
    """A straight line from (x0, y0) to (x1, y1): a cut mark, a cut or fold line, a tick."""

    x0: float
    y0: float
    x1: float
    y1: float


def shared_items(plan, same: dict):
    """A frozen plan (a face, a sheet, a placement) with each of its fields replaced by an equal
    one kept earlier in `same`, when there is one: a category's background, icon and rule, a full
    sheet's slots and marks repeat, and 10,000 cards then hold one of each instead of one a card
    (plans are frozen, so sharing is safe, and pickling keeps it)."""
    items = (getattr(plan, f.name) for f in fields(plan))
    return type(plan)(*(None if item is None else same.setdefault(item, item) for item in items))
