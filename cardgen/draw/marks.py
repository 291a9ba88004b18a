"""Cut marks: thin lines outside the cards, where the imposition put them."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.plan.sheets import Segment
from cardgen.model import SheetLayout


CUT_LINE = (0.55, 0.55, 0.55)  # a mid grey: visible on white and on the darkest category colour


def draw_cut_lines(canvas: Canvas, cuts: tuple[Segment, ...]) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*CUT_LINE)
    canvas.setLineWidth(0.3)
    for m in cuts:
        canvas.line(m.x0, m.y0, m.x1, m.y1)
    canvas.restoreState()


def draw_marks(canvas: Canvas, marks: tuple[Segment, ...], sheet: SheetLayout) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*sheet.mark_colour)
    canvas.setLineWidth(sheet.mark_width)
    canvas.setLineCap(0)
    for m in marks:
        canvas.line(m.x0, m.y0, m.x1, m.y1)
    canvas.restoreState()


def draw_folds(canvas: Canvas, folds: tuple[Segment, ...]) -> None:
    """A dashed line where each pair is folded, in a grey that shows on white and on colour."""
    canvas.saveState()
    canvas.setStrokeColorRGB(*CUT_LINE)
    canvas.setLineWidth(0.5)
    canvas.setDash(2, 2)
    for m in folds:
        canvas.line(m.x0, m.y0, m.x1, m.y1)
    canvas.restoreState()
