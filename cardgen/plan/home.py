"""The layout's home-printed card sheets: the grid that holds the most cards, spread apart, imposed
for duplex or fold-over printing; a card that cannot be placed is a problem for the user to fix."""

from __future__ import annotations

from cardgen.errors import Problems
from cardgen.spec import Layout
from cardgen.plan.fold import impose_fold
from cardgen.plan.geometry import Stroke
from cardgen.plan.cuts import MIN_MARK
from cardgen.plan.sheets import ImposeError, SheetPlan, impose, plan_grid, spread


def mark_room(layout: Layout) -> float:
    """Room outside the cards: for the cut marks on the fronts, and for backs shifted by the offset."""
    sheet = layout.sheet
    return max(sheet.mark_offset + MIN_MARK, *(abs(v) for v in sheet.offset))


def card_sheet_paper(layout: Layout) -> tuple[float, float]:
    """The card sheet's page, upright or turned as the imposition turns it: the calibration sheet
    is printed the same way, so that its reading is in the frame the offset shifts the backs in
    (a driver turns a landscape page a quarter one way or the other; printed alike, either is right)."""
    sheet, card = layout.sheet, layout.card
    try:
        grid = plan_grid(sheet.paper, (card.width, card.height), sheet.margin, sheet.gutter, mark_room(layout))
    except ImposeError:  # the build will say so; the paper as given still measures the printer
        return sheet.paper
    return grid.paper_w, grid.paper_h


def plan_home_sheets(layout: Layout, count: int, problems: Problems) -> SheetPlan | None:
    """The sheets for `count` cards, or None with the problem added when a card does not fit."""
    sheet, card = layout.sheet, layout.card
    room = mark_room(layout)
    marks = Stroke(sheet.mark_colour, sheet.mark_width, butt_caps=True)
    try:
        if sheet.flip == "fold":
            return impose_fold(
                count, sheet.paper, (card.width, card.height), sheet.margin, sheet.gutter, room,
                sheet.mark_length, sheet.mark_offset, sheet.cut_lines, marks,
            )  # fmt: skip
        grid = plan_grid(sheet.paper, (card.width, card.height), sheet.margin, sheet.gutter, room)
    except ImposeError as exc:
        problems.add(
            layout.path, layout.line("card.width"), "card.width",
            f"'card.width', 'card.height', 'sheet.paper': {exc}; use a smaller card or larger paper", inline=True,
        )  # fmt: skip
        return None
    outer = tuple(room - abs(v) for v in sheet.offset)  # a back's colour, shifted by the offset, stays off the edge
    return impose(
        count, spread(grid, sheet.margin, room), sheet.flip, sheet.margin, sheet.mark_length, sheet.mark_offset,
        sheet.offset, sheet.cut_lines, marks, outer,
    )  # fmt: skip
