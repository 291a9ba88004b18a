"""The planned poster (plan/poster.py) on a canvas: title, emoticons and labels, footer, QR code."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.items import draw_code, draw_fill, draw_icon, draw_line, draw_text
from cardgen.draw.vector import Icons
from cardgen.plan.geometry import Fill
from cardgen.plan.poster import PosterPlan


def draw_poster(canvas: Canvas, plan: PosterPlan, icons: Icons) -> None:
    canvas.saveState()
    draw_fill(canvas, plan.background)
    draw_line(canvas, plan.title)
    draw_line(canvas, plan.subject)
    for emoticon, label in zip(plan.emoticons, plan.labels):
        draw_icon(canvas, emoticon, icons)
        draw_line(canvas, label)
    for line in plan.extras:
        draw_line(canvas, line)
    draw_fill(canvas, plan.panel)
    draw_text(canvas, plan.instruction)
    for entry in plan.legend:
        draw_text(canvas, entry.text)
        if isinstance(entry.swatch, Fill):
            draw_fill(canvas, entry.swatch)
        else:
            draw_icon(canvas, entry.swatch, icons)
    canvas.restoreState()
    if plan.code:
        draw_code(canvas, plan.code)
        draw_line(canvas, plan.site)
