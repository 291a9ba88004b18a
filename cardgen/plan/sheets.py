"""Pure imposition: how many cards a sheet holds, where each face lands, where the cuts are.

Coordinates are PDF points with the origin at the sheet's lower-left corner. Backs are placed
so that a duplex print puts each back behind its front. The sheet turns over its paper's long
edge or its short one: on a portrait sheet long-edge flip mirrors x (x -> W - x - w) and
short-edge flip mirrors y (y -> H - y - h); on a landscape sheet the long edge is the top, so
the two swap; a back is drawn half round where the sheet turns over a horizontal edge. A measured
printer offset then shifts every back. Home sheets spread their cards apart (spread) so that
colours can run past the cuts (plan/cuts.py); fold-over sheets are in plan/fold.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.plan.cuts import Bleed, back_bleed, front_bleed, lines_along, marks_for
from cardgen.plan.geometry import Rect, Segment, Stroke, shared_items
from cardgen.units import MM

HOME_GAP = 6 * MM  # the most a home sheet spreads its cards apart (see spread)
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
    gutter: float  # between columns
    cols: int
    rows: int
    x0: float  # lower-left corner of the block of cards
    y0: float
    row_gutter: float | None = None  # between rows, when not the same

    @property
    def gap_y(self) -> float:
        return self.gutter if self.row_gutter is None else self.row_gutter

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def block(self) -> Rect:
        w = self.cols * self.card_w + (self.cols - 1) * self.gutter
        h = self.rows * self.card_h + (self.rows - 1) * self.gap_y
        return Rect(self.x0, self.y0, w, h)


@dataclass(frozen=True, slots=True)
class Placement:
    index: int  # the card's position in the deck
    front: Rect
    back: Rect
    turned: bool = False  # the back is drawn turned half round in its rectangle (see back_turned)
    front_bleed: Bleed = Bleed()  # how far each face's colour runs past its cuts
    back_bleed: Bleed = Bleed()


@dataclass(frozen=True)
class Sheet:
    placements: tuple[Placement, ...]
    marks: tuple[Segment, ...] = ()  # on the front page, for the cards this sheet holds
    cuts: tuple[Segment, ...] = ()  # lines along every cut of its cards, unless left out
    folds: tuple[Segment, ...] = ()  # fold-over sheets: where each pair is folded


@dataclass(frozen=True)
class SheetPlan:
    grid: Grid
    flip: str
    sheets: tuple[Sheet, ...]
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


def spread(grid: Grid, margin: float, mark_room: float, most: float = HOME_GAP) -> Grid:
    """The same cards a sheet, with the room left over put between them, up to `most` (never less
    than the layout's gutter), across and down apart: a gap lets each card's colour run past its
    cuts without reaching its neighbour's, so that a cut a little off, or a back shifted by the
    printer, shows the card's own colour and not a sliver of the next card."""
    free = margin + mark_room

    def gap(paper: float, card: float, count: int) -> float:
        if count < 2:
            return grid.gutter
        room = (paper - 2 * free - count * card) / (count - 1)
        return max(grid.gutter, min(most, room - 1e-6))

    gx, gy = gap(grid.paper_w, grid.card_w, grid.cols), gap(grid.paper_h, grid.card_h, grid.rows)
    w = grid.cols * grid.card_w + (grid.cols - 1) * gx
    h = grid.rows * grid.card_h + (grid.rows - 1) * gy
    return Grid(grid.paper_w, grid.paper_h, grid.card_w, grid.card_h, gx, grid.cols, grid.rows,
                (grid.paper_w - w) / 2, (grid.paper_h - h) / 2, gy)  # fmt: skip


def slot(grid: Grid, position: int) -> Rect:
    """The rectangle of a slot, counted row by row from the top-left."""
    row, col = divmod(position, grid.cols)
    x = grid.x0 + col * (grid.card_w + grid.gutter)
    y = grid.y0 + (grid.rows - 1 - row) * (grid.card_h + grid.gap_y)
    return Rect(x, y, grid.card_w, grid.card_h)


def inner_sides(grid: Grid, position: int) -> tuple[bool, bool, bool, bool]:
    """Which sides of a slot (left, right, top, bottom) face another slot rather than the sheet's edge."""
    row, col = divmod(position, grid.cols)
    return col > 0, col < grid.cols - 1, row > 0, row < grid.rows - 1


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


def cut_lines(grid: Grid) -> tuple[Segment, ...]:
    """Thin lines along every cut of a full sheet."""
    return lines_along([slot(grid, i) for i in range(grid.per_sheet)])


def cut_marks(grid: Grid, margin: float, length: float, offset: float) -> tuple[Segment, ...]:
    """Short lines outside the block of a full sheet, in line with every cut."""
    return marks_for([slot(grid, i) for i in range(grid.per_sheet)], (grid.paper_w, grid.paper_h), margin, length, offset)


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
    outer: tuple[float, float] = (0.0, 0.0),
) -> SheetPlan:
    """Cards 0..count-1 in order, a sheet (front page + back page) per `grid.per_sheet` cards.
    `outer`: the room outside the cards a back's colour may run into (x, y), beside its offset."""
    gaps = (grid.gutter, grid.gap_y)
    turned = back_turned((grid.paper_w, grid.paper_h), flip)
    sheets, same = [], {}
    for start in range(0, count, grid.per_sheet):
        placements = []
        for index in range(start, min(start + grid.per_sheet, count)):
            front = slot(grid, index - start)
            inner = inner_sides(grid, index - start)
            placements.append(Placement(index, front, back_of(grid, front, flip, offset), turned,
                                        front_bleed(inner, gaps, mark_offset), back_bleed(inner, gaps, outer)))  # fmt: skip
        fronts = [p.front for p in placements]
        marks = marks_for(fronts, (grid.paper_w, grid.paper_h), margin, mark_length, mark_offset)
        sheets.append(shared(Sheet(tuple(placements), marks, lines_along(fronts) if with_cut_lines else ()), same))
    return SheetPlan(grid, flip, tuple(sheets), mark_stroke=mark_stroke)


def shared(sheet: Sheet, same: dict) -> Sheet:
    """The sheet with its placements' rectangles and bleeds and its lines shared with the sheets
    before it (geometry.shared_items): full sheets have the same slots and marks (10 MiB of
    10,000 cards)."""
    placements = tuple(shared_items(p, same) for p in sheet.placements)
    return shared_items(Sheet(placements, sheet.marks, sheet.cuts, sheet.folds), same)


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


def shop_page(card: tuple[float, float], bleed: float = SHOP_BLEED, mark_stroke: Stroke = SHOP_MARKS, with_marks: bool = True) -> ShopPage:
    """`with_marks`: crop marks outside the bleed; without, the page is the trimmed face and its bleed."""
    room = bleed + SHOP_MARK_GAP + SHOP_MARK_LENGTH + 2 * MM if with_marks else bleed
    w, h = card
    trim = Rect(room, room, w, h)
    if not with_marks:
        return ShopPage((w + 2 * room, h + 2 * room), trim, trim.inset(-bleed), (), mark_stroke)
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
