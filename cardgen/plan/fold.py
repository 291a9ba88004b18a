"""Pure imposition of fold-over sheets, for printers without duplex: each card's front and, beside
it, its back on one page, a fold gap between them.

The order of work, as the README says: cut the pairs apart (along the marks, through the gaps
between pairs), fold each pair on its dashed line, glue, then cut the card out along the front's
cut lines, through both layers. The fold is along the card's long side, the longer the fold the
less a slanted fold turns the back; it runs through the middle of a gap into which both faces'
colours run FOLD_BLEED: a fold 1 mm off shifts the back 2 mm, which the final cut then still
finds covered by the back's own colours, on the fold side and on the far side alike.
"""

from __future__ import annotations

from dataclasses import replace

from cardgen.plan.cuts import BACK_SHIFT, FRONT_BLEED, Bleed, front_bleed, lines_along, marks_for
from reportlab.pdfbase.pdfmetrics import stringWidth

from cardgen.plan.geometry import Line, Rect, Segment, Stroke
from cardgen.plan.sheets import SHOP_MARKS, Placement, Sheet, SheetPlan, inner_sides, plan_grid, shared, slot, spread
from cardgen.units import MM

FOLD_ERROR = 1 * MM  # how far off a careful hand folds
FOLD_BLEED = 2 * FOLD_ERROR  # a fold that far off moves the back twice as far
FOLD_GAP = 2 * FOLD_BLEED  # between a pair's front and back; the fold runs through its middle
FOLD_REACH = 2 * MM  # the fold's line runs on past the pair's top and bottom, to fold by after cutting apart


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
    """A pair is a card twice as wide and FOLD_GAP more: the grid and the marks are those of pairs,
    spread like any home sheet; cut lines stand round each card's front, where the last cut goes.
    The back stands upright because the fold is along a vertical line."""
    card_w, card_h = card
    grid = spread(plan_grid(paper, (2 * card_w + FOLD_GAP, card_h), margin, gutter, mark_room), margin, mark_room)
    gaps = (grid.gutter, grid.gap_y)
    paper = (grid.paper_w, grid.paper_h)  # as the grid turned it
    sheets, same = [], {}
    for start in range(0, count, grid.per_sheet):
        placements, folds = [], []
        for index in range(start, min(start + grid.per_sheet, count)):
            pair = slot(grid, index - start)
            inner = inner_sides(grid, index - start)
            front = Rect(pair.x, pair.y, card_w, card_h)
            back = Rect(pair.right - card_w, pair.y, card_w, card_h)
            placements.append(Placement(index, front, back, False, _front_bleed(inner, gaps, mark_offset), _back_bleed(inner, gaps, mark_offset)))
            folds.append(_fold(pair, inner, gaps, paper, margin))
        pairs = [slot(grid, i) for i in range(len(placements))]
        marks = marks_for(pairs, paper, margin, mark_length, mark_offset)
        cuts = tuple(s for p in placements for s in lines_along([p.front])) if with_cut_lines else ()  # not across the backs
        sheets.append(shared(Sheet(tuple(placements), marks, cuts, tuple(folds)), same))
    return SheetPlan(grid, "fold", tuple(sheets), mark_stroke=mark_stroke)


def _front_bleed(inner, gaps, mark_offset) -> Bleed:
    return replace(front_bleed(inner, gaps, mark_offset), right=FOLD_BLEED)


def _back_bleed(inner, gaps, mark_offset) -> Bleed:
    """Up to the fold on its left; beside the next pair as far as a back shifted by a fold
    FOLD_ERROR off needs, but at most half the gap (the next front's colour starts beyond); up to
    the cut marks on the sheet's outer sides, like a front."""
    gx, gy = gaps
    _, right, top, bottom = inner
    outer = min(FRONT_BLEED, mark_offset)
    return Bleed(
        FOLD_BLEED,
        min(BACK_SHIFT, gx / 2) if right else outer,
        min(BACK_SHIFT, gy / 2) if top else outer,
        min(BACK_SHIFT, gy / 2) if bottom else outer,
    )


def _fold(pair: Rect, inner, gaps, paper, margin) -> Segment:
    """The fold's line through the middle of the pair's fold gap, outside both cards, running on
    past the pair's top and bottom (into the gap between rows, or towards the sheet's edge)."""
    gy = gaps[1]
    x = pair.cx
    up = min(FOLD_REACH, gy / 2) if inner[2] else FOLD_REACH
    down = min(FOLD_REACH, gy / 2) if inner[3] else FOLD_REACH
    return Segment(x, max(pair.y - down, margin), x, min(pair.top + up, paper[1] - margin))


NOTE_SIZE, NOTE_MIN = 7.0, 5.5  # pt: the order of work, printed where the sheet has room
NOTE_GAP = 0.5 * MM  # between the note and the marks
NOTE_COLOUR = (0.25, 0.25, 0.28)  # a dark grey: read as an instruction, not as part of a card


def plan_fold_note(plan: SheetPlan, text: str, font: str, margin: float, marks_reach: float, rtl: bool = False) -> Line | None:
    """The order of work on a fold-over sheet, one line centred above the pairs (or below them),
    between their marks (`marks_reach` past the pairs) and the sheet's unprintable edge; set
    smaller to fit the width, down to NOTE_MIN; None where it does not fit (the README says it too).
    `rtl`: a right-to-left text, shaped (cardgen/bidi.py)."""
    grid = plan.grid
    width = grid.paper_w - 2 * margin
    measure = _shaped_width if rtl else stringWidth
    size = NOTE_SIZE
    while measure(text, font, size) > width and size > NOTE_MIN:
        size = max(NOTE_MIN, size - 0.25)
    if measure(text, font, size) > width:
        return None
    block = grid.block
    above = (block.top + marks_reach + NOTE_GAP, grid.paper_h - margin)
    below = (margin, block.y - marks_reach - NOTE_GAP)
    for low, high in (above, below):
        if high - low >= size * 1.2:  # an em and the descenders
            baseline = high - size if (low, high) == above else low + size * 0.25
            if rtl:  # planned with its left end, as a shaped line is drawn
                return Line(text, font, size, NOTE_COLOUR, grid.paper_w / 2 - measure(text, font, size) / 2, baseline, shaped=True)
            return Line(text, font, size, NOTE_COLOUR, grid.paper_w / 2, baseline, centred=True)
    return None


def _shaped_width(text: str, font: str, size: float) -> float:
    from cardgen.bidi import shaped_width  # HarfBuzz: only right-to-left editions load it

    return shaped_width(text, font, size)
