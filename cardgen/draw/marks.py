"""Cut marks: thin lines outside the cards, where the imposition put them."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.impose import Segment
from cardgen.model import SheetLayout


def draw_marks(canvas: Canvas, marks: tuple[Segment, ...], sheet: SheetLayout) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*sheet.mark_colour)
    canvas.setLineWidth(sheet.mark_width)
    canvas.setLineCap(0)
    for m in marks:
        canvas.line(m.x0, m.y0, m.x1, m.y1)
    canvas.restoreState()
