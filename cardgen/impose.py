"""Pure imposition: how many cards a sheet holds, where each face lands, where the cuts are.

Coordinates are PDF points with the origin at the sheet's lower-left corner. Backs are placed
so that a duplex print puts each back behind its front: long-edge flip mirrors x
(x -> W - x - w), short-edge flip mirrors y (y -> H - y - h).
"""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.geometry import Rect
from cardgen.units import MM

MIN_MARK = 2 * MM  # a cut mark shorter than this is not worth printing


class ImposeError(ValueError):
    """The cards cannot be placed: the message says why, in the user's terms."""


@dataclass(frozen=True)
class Grid:
    paper_w: float
    paper_h: float
    card_w: float
    card_h: float
    gutter: float
    cols: int
    rows: int
    x0: float  # lower-left corner of the block of cards
    y0: float

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def block(self) -> Rect:
        w = self.cols * self.card_w + (self.cols - 1) * self.gutter
        h = self.rows * self.card_h + (self.rows - 1) * self.gutter
        return Rect(self.x0, self.y0, w, h)


@dataclass(frozen=True)
class Placement:
    index: int  # the card's position in the deck
    front: Rect
    back: Rect


@dataclass(frozen=True)
class Sheet:
    placements: tuple[Placement, ...]


@dataclass(frozen=True)
class Segment:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class SheetPlan:
    grid: Grid
    flip: str
    sheets: tuple[Sheet, ...]
    marks: tuple[Segment, ...]  # the same on every front page


def plan_grid(paper: tuple[float, float], card: tuple[float, float], margin: float, gutter: float, mark_room: float) -> Grid:
    """The largest grid of cards that leaves `margin + mark_room` free on every side, centred."""
    paper_w, paper_h = paper
    card_w, card_h = card
    free = margin + mark_room
    cols = int((paper_w - 2 * free + gutter + 1e-6) // (card_w + gutter))
    rows = int((paper_h - 2 * free + gutter + 1e-6) // (card_h + gutter))
    if cols < 1 or rows < 1:
        raise ImposeError(
            f"a {card_w / MM:g} x {card_h / MM:g} mm card does not fit on {paper_w / MM:g} x {paper_h / MM:g} mm "
            f"paper with {margin / MM:g} mm margins and room for cut marks"
        )
    block_w = cols * card_w + (cols - 1) * gutter
    block_h = rows * card_h + (rows - 1) * gutter
    return Grid(paper_w, paper_h, card_w, card_h, gutter, cols, rows, (paper_w - block_w) / 2, (paper_h - block_h) / 2)


def slot(grid: Grid, position: int) -> Rect:
    """The rectangle of a slot, counted row by row from the top-left."""
    row, col = divmod(position, grid.cols)
    x = grid.x0 + col * (grid.card_w + grid.gutter)
    y = grid.y0 + (grid.rows - 1 - row) * (grid.card_h + grid.gutter)
    return Rect(x, y, grid.card_w, grid.card_h)


def back_of(grid: Grid, front: Rect, flip: str) -> Rect:
    """Where the back must be drawn so that duplex printing puts it behind `front`."""
    if flip == "long":
        return Rect(grid.paper_w - front.x - front.w, front.y, front.w, front.h)
    if flip == "short":
        return Rect(front.x, grid.paper_h - front.y - front.h, front.w, front.h)
    raise ValueError(f"unknown flip edge {flip!r}")


def cut_marks(grid: Grid, margin: float, length: float, offset: float) -> tuple[Segment, ...]:
    """Short lines outside the block, in line with every cut; cards edge to edge share a cut."""
    block = grid.block
    xs, ys = set(), set()
    for c in range(grid.cols):
        left = grid.x0 + c * (grid.card_w + grid.gutter)
        xs.update((round(left, 6), round(left + grid.card_w, 6)))
    for r in range(grid.rows):
        bottom = grid.y0 + r * (grid.card_h + grid.gutter)
        ys.update((round(bottom, 6), round(bottom + grid.card_h, 6)))
    marks = []
    top_end = min(block.top + offset + length, grid.paper_h - margin)
    bottom_end = max(block.y - offset - length, margin)
    right_end = min(block.right + offset + length, grid.paper_w - margin)
    left_end = max(block.x - offset - length, margin)
    for x in sorted(xs):
        marks.append(Segment(x, block.top + offset, x, top_end))
        marks.append(Segment(x, block.y - offset, x, bottom_end))
    for y in sorted(ys):
        marks.append(Segment(block.right + offset, y, right_end, y))
        marks.append(Segment(block.x - offset, y, left_end, y))
    return tuple(m for m in marks if abs(m.x1 - m.x0) + abs(m.y1 - m.y0) >= MIN_MARK - 1e-6)


def impose(count: int, grid: Grid, flip: str, margin: float, mark_length: float, mark_offset: float) -> SheetPlan:
    """Cards 0..count-1 in order, a sheet (front page + back page) per `grid.per_sheet` cards."""
    sheets = []
    for start in range(0, count, grid.per_sheet):
        placements = []
        for index in range(start, min(start + grid.per_sheet, count)):
            front = slot(grid, index - start)
            placements.append(Placement(index, front, back_of(grid, front, flip)))
        sheets.append(Sheet(tuple(placements)))
    return SheetPlan(grid, flip, tuple(sheets), cut_marks(grid, margin, mark_length, mark_offset))
