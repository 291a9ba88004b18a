"""Pure geometry: rectangles, and the regions of a card face decided once for fitting and drawing."""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.model import CardLayout
from cardgen.units import MM


@dataclass(frozen=True)
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


TITLE_GAP = 4 * MM  # band to title
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
    band = Rect(0, card.height - card.band, card.width, card.band)
    number_baseline = card.padding
    return BackRegions(
        band=band,
        text_top=min(band.y, card.height - card.padding) - TITLE_GAP,
        text_bottom=number_baseline + card.number.size + FOOT_GAP,
        text_x=card.padding,
        text_w=card.width - 2 * card.padding,
        number_baseline=number_baseline,
    )
