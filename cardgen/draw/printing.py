"""The print pack's first page (and its blank back), as cardgen.plan.printing placed it."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.items import draw_line, draw_text
from cardgen.plan.printing import PrintingPlan


def draw_printing(canvas: Canvas, plan: PrintingPlan) -> int:
    """The page, then its blank back if it has one, each ended; returns the page count."""
    canvas.setPageSize(plan.size)
    draw_line(canvas, plan.title)
    for block in plan.parts:
        draw_text(canvas, block)
    canvas.showPage()
    if plan.blank:
        canvas.setPageSize(plan.size)
        draw_text(canvas, plan.blank)
        canvas.showPage()
    return plan.pages
