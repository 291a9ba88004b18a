"""One planned card face (plan/faces.py) on a canvas, in the rectangle the imposition chose."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.items import draw_code, draw_fill, draw_icon, draw_line, draw_rule, draw_text
from cardgen.draw.vector import Icons
from cardgen.plan.faces import BackPlan, FrontPlan
from cardgen.plan.geometry import Rect


def draw_front(canvas: Canvas, box: Rect, front: FrontPlan, icons: Icons, bleed: float | tuple[float, ...] = 0.0) -> None:
    """`bleed`: how far the colour runs past the cut: a print shop's bleed, or a home sheet's per
    side (left, right, top, bottom)."""
    x, y = box.x, box.y
    canvas.saveState()
    draw_fill(canvas, front.background, x, y, bleed)
    draw_line(canvas, front.deck_name, x, y)
    if front.icon:
        draw_icon(canvas, front.icon, icons, x, y)
    draw_text(canvas, front.label, x, y)
    draw_rule(canvas, front.rule, x, y)
    if front.second_label:
        draw_text(canvas, front.second_label, x, y)
    if front.number:
        draw_line(canvas, front.number, x, y)
    if front.site:
        draw_line(canvas, front.site, x, y)
    if front.code:
        draw_code(canvas, front.code, x, y)
    canvas.restoreState()


def draw_back(
    canvas: Canvas, box: Rect, back: BackPlan, icons: Icons, bleed: float | tuple[float, ...] = 0.0, turned: bool = False
) -> None:
    """`turned`: the face drawn half round in its box, as the imposition asks for some flips."""
    x, y = box.x, box.y
    canvas.saveState()
    if turned:
        canvas.translate(box.right, box.top)
        canvas.rotate(180)
        x, y = 0.0, 0.0
    draw_fill(canvas, back.background, x, y, bleed)
    draw_fill(canvas, back.band, x, y, bleed)
    if back.icon:
        draw_icon(canvas, back.icon, icons, x, y)
    draw_line(canvas, back.label, x, y)
    draw_text(canvas, back.title, x, y)
    draw_text(canvas, back.body, x, y)
    if back.divider:  # a bilingual deck's second edition
        draw_rule(canvas, back.divider, x, y)
        draw_text(canvas, back.second_title, x, y)
        draw_text(canvas, back.second_body, x, y)
    if back.number:
        draw_line(canvas, back.number, x, y)
    canvas.restoreState()
