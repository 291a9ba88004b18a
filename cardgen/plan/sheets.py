"""Pure imposition: how many cards a sheet holds, where each face lands, where the cuts are.

Coordinates are PDF points with the origin at the sheet's lower-left corner. Backs are placed
so that a duplex print puts each back behind its front. The sheet turns over its paper's long
edge or its short one: on a portrait sheet long-edge flip mirrors x (x -> W - x - w) and
short-edge flip mirrors y (y -> H - y - h); on a landscape sheet the long edge is the top, so
the two swap. A measured printer offset then shifts every back.
"""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.plan.geometry import Rect, Segment, Stroke
from cardgen.units import MM

MIN_MARK = 2 * MM  # a cut mark shorter than this is not worth printing
GREY = (0.55, 0.55, 0.55)  # a mid grey: visible on white and on the darkest category colour
CUT_LINES = Stroke(GREY, 0.3)
FOLD_LINES = Stroke(GREY, 0.5, dash=(2, 2))
SHOP_MARKS = Stroke((0.0, 0.0, 0.0), 0.25, butt_caps=True)  # crop marks as shops expect them: thin, black


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
    turned: bool = False  # the back is drawn turned half round in its rectangle (see back_turned)


@dataclass(frozen=True)
class Sheet:
    placements: tuple[Placement, ...]


@dataclass(frozen=True)
class SheetPlan:
    grid: Grid
    flip: str
    sheets: tuple[Sheet, ...]
    marks: tuple[Segment, ...]  # the same on every front page
    cuts: tuple[Segment, ...] = ()  # lines along every cut across the cards, when asked for
    folds: tuple[Segment, ...] = ()  # fold-over sheets: where each pair is folded (front and back share a page)
    mark_stroke: Stroke = SHOP_MARKS  # the layout's cut marks (sheet.cut_marks)
    cut_stroke: Stroke = CUT_LINES
    fold_stroke: Stroke = FOLD_LINES

    @property
    def fold(self) -> bool:
        return self.flip == "fold"


def plan_grid(
    paper: tuple[float, float], card: tuple[float, float], margin: float, gutter: float, mark_room: float
) -> Grid:
    """The grid that holds the most cards with `margin + mark_room` free on every side, on the
    sheet upright or turned (a tie keeps the paper as given), centred."""
    turned = (paper[1], paper[0])
    grids = [g for g in (_grid(paper, card, margin, gutter, mark_room), _grid(turned, card, margin, gutter, mark_room)) if g]
    if not grids:
        raise ImposeError(
            f"a {card[0] / MM:g} x {card[1] / MM:g} mm card does not fit on {paper[0] / MM:g} x {paper[1] / MM:g} mm "
            f"paper with {margin / MM:g} mm margins and room for cut marks"
        )
    return max(grids, key=lambda g: g.per_sheet)  # max keeps the first of equals: the paper as given


def _grid(paper, card, margin, gutter, mark_room) -> Grid | None:
    paper_w, paper_h = paper
    card_w, card_h = card
    free = margin + mark_room
    cols = int((paper_w - 2 * free + gutter + 1e-6) // (card_w + gutter))
    rows = int((paper_h - 2 * free + gutter + 1e-6) // (card_h + gutter))
    if cols < 1 or rows < 1:
        return None
    block_w = cols * card_w + (cols - 1) * gutter
    block_h = rows * card_h + (rows - 1) * gutter
    return Grid(paper_w, paper_h, card_w, card_h, gutter, cols, rows, (paper_w - block_w) / 2, (paper_h - block_h) / 2)


def slot(grid: Grid, position: int) -> Rect:
    """The rectangle of a slot, counted row by row from the top-left."""
    row, col = divmod(position, grid.cols)
    x = grid.x0 + col * (grid.card_w + grid.gutter)
    y = grid.y0 + (grid.rows - 1 - row) * (grid.card_h + grid.gutter)
    return Rect(x, y, grid.card_w, grid.card_h)


def mirror(paper: tuple[float, float], front: Rect, flip: str, offset: tuple[float, float] = (0.0, 0.0)) -> Rect:
    """Where on the back page a duplex print puts what stands at `front` on the front page;
    `offset` shifts it to cancel a printer's measured misregistration."""
    if flip not in ("long", "short"):
        raise ValueError(f"unknown flip edge {flip!r}")
    paper_w, paper_h = paper
    mirror_x = (flip == "long") == (paper_h >= paper_w)  # turning over a vertical edge mirrors left and right
    dx, dy = offset
    if mirror_x:
        return Rect(paper_w - front.x - front.w + dx, front.y + dy, front.w, front.h)
    return Rect(front.x + dx, paper_h - front.y - front.h + dy, front.w, front.h)


def back_turned(paper: tuple[float, float], flip: str) -> bool:
    """Whether backs must be drawn upside down: when the sheet turns over a horizontal edge (short
    edge of a portrait sheet, long edge of a landscape one), an upright back would stand upside down
    behind its front once the card is turned like a book page; turned half round, every paper and
    flip gives what A4 long-edge gives, the back's number right behind the front's."""
    paper_w, paper_h = paper
    return (flip == "long") != (paper_h >= paper_w)


def back_of(grid: Grid, front: Rect, flip: str, offset: tuple[float, float] = (0.0, 0.0)) -> Rect:
    """Where a card's back must be drawn so that duplex printing puts it behind `front`."""
    return mirror((grid.paper_w, grid.paper_h), front, flip, offset)


def _cut_positions(grid: Grid) -> tuple[list[float], list[float]]:
    """The x of every vertical cut and the y of every horizontal one; cards edge to edge share a cut."""
    xs, ys = set(), set()
    for c in range(grid.cols):
        left = grid.x0 + c * (grid.card_w + grid.gutter)
        xs.update((round(left, 6), round(left + grid.card_w, 6)))
    for r in range(grid.rows):
        bottom = grid.y0 + r * (grid.card_h + grid.gutter)
        ys.update((round(bottom, 6), round(bottom + grid.card_h, 6)))
    return sorted(xs), sorted(ys)


def cut_lines(grid: Grid) -> tuple[Segment, ...]:
    """Thin lines along every cut, across the whole block of cards."""
    block = grid.block
    xs, ys = _cut_positions(grid)
    return tuple(Segment(x, block.y, x, block.top) for x in xs) + tuple(Segment(block.x, y, block.right, y) for y in ys)


def cut_marks(grid: Grid, margin: float, length: float, offset: float) -> tuple[Segment, ...]:
    """Short lines outside the block, in line with every cut."""
    block = grid.block
    xs, ys = _cut_positions(grid)
    marks = []
    top_end = min(block.top + offset + length, grid.paper_h - margin)
    bottom_end = max(block.y - offset - length, margin)
    right_end = min(block.right + offset + length, grid.paper_w - margin)
    left_end = max(block.x - offset - length, margin)
    for x in xs:
        marks.append(Segment(x, block.top + offset, x, top_end))
        marks.append(Segment(x, block.y - offset, x, bottom_end))
    for y in ys:
        marks.append(Segment(block.right + offset, y, right_end, y))
        marks.append(Segment(block.x - offset, y, left_end, y))
    return tuple(m for m in marks if abs(m.x1 - m.x0) + abs(m.y1 - m.y0) >= MIN_MARK - 1e-6)


def impose(
    count: int,
    grid: Grid,
    flip: str,
    margin: float,
    mark_length: float,
    mark_offset: float,
    offset: tuple[float, float] = (0.0, 0.0),
    with_cut_lines: bool = False,
    mark_stroke: Stroke = SHOP_MARKS,
) -> SheetPlan:
    """Cards 0..count-1 in order, a sheet (front page + back page) per `grid.per_sheet` cards."""
    sheets = []
    for start in range(0, count, grid.per_sheet):
        placements = []
        for index in range(start, min(start + grid.per_sheet, count)):
            front = slot(grid, index - start)
            turned = back_turned((grid.paper_w, grid.paper_h), flip)
            placements.append(Placement(index, front, back_of(grid, front, flip, offset), turned))
        sheets.append(Sheet(tuple(placements)))
    cuts = cut_lines(grid) if with_cut_lines else ()
    return SheetPlan(grid, flip, tuple(sheets), cut_marks(grid, margin, mark_length, mark_offset), cuts, mark_stroke=mark_stroke)


@dataclass(frozen=True)
class ShopPage:
    """One card face on a page of its own, as print shops want it."""

    size: tuple[float, float]
    trim: Rect  # the card as cut (TrimBox)
    bleed: Rect  # the trim grown by the bleed: backgrounds run to here (BleedBox)
    marks: tuple[Segment, ...]  # crop marks, outside the bleed, in line with the trim's edges
    mark_stroke: Stroke = SHOP_MARKS


SHOP_BLEED = 3 * MM
SHOP_MARK_GAP = 2 * MM  # between the bleed and a crop mark, so a mark never prints into the bleed
SHOP_MARK_LENGTH = 5 * MM


def shop_page(card: tuple[float, float], bleed: float = SHOP_BLEED, mark_stroke: Stroke = SHOP_MARKS) -> ShopPage:
    room = bleed + SHOP_MARK_GAP + SHOP_MARK_LENGTH + 2 * MM
    w, h = card
    trim = Rect(room, room, w, h)
    marks = []
    for x in (trim.x, trim.right):
        for y0, direction in ((trim.y, -1), (trim.top, 1)):
            start = y0 + direction * (bleed + SHOP_MARK_GAP)
            marks.append(Segment(x, start, x, start + direction * SHOP_MARK_LENGTH))
    for y in (trim.y, trim.top):
        for x0, direction in ((trim.x, -1), (trim.right, 1)):
            start = x0 + direction * (bleed + SHOP_MARK_GAP)
            marks.append(Segment(start, y, start + direction * SHOP_MARK_LENGTH, y))
    return ShopPage((w + 2 * room, h + 2 * room), trim, trim.inset(-bleed), tuple(marks), mark_stroke)


def impose_fold(
    count: int,
    paper: tuple[float, float],
    card: tuple[float, float],
    margin: float,
    gutter: float,
    mark_room: float,
    mark_length: float,
    mark_offset: float,
    with_cut_lines: bool = False,
    mark_stroke: Stroke = SHOP_MARKS,
) -> SheetPlan:
    """Fold-over sheets for printers without duplex: each card's front, and beside it its back,
    on one page; fold along the line between them, glue, cut. A pair is a card twice as wide, so
    the grid, the cut marks and the cut lines are those of pairs; the back stands upright
    because the fold is along a vertical line."""
    card_w, card_h = card
    grid = plan_grid(paper, (2 * card_w, card_h), margin, gutter, mark_room)
    sheets, folds = [], []
    for start in range(0, count, grid.per_sheet):
        placements = []
        for index in range(start, min(start + grid.per_sheet, count)):
            pair = slot(grid, index - start)
            placements.append(Placement(index, Rect(pair.x, pair.y, card_w, card_h), Rect(pair.x + card_w, pair.y, card_w, card_h)))
        sheets.append(Sheet(tuple(placements)))
    for position in range(grid.per_sheet):
        pair = slot(grid, position)
        folds.append(Segment(pair.x + card_w, pair.y, pair.x + card_w, pair.top))
    cuts = cut_lines(grid) if with_cut_lines else ()
    marks = cut_marks(grid, margin, mark_length, mark_offset)
    return SheetPlan(grid, "fold", tuple(sheets), marks, cuts, tuple(folds), mark_stroke=mark_stroke)
