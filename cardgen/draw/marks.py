"""Lines where the imposition put them: cut marks, cut lines, fold lines, stroked as planned."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.plan.geometry import Stroke
from cardgen.plan.geometry import Segment


def draw_segments(canvas: Canvas, segments: tuple[Segment, ...], stroke: Stroke) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*stroke.colour)
    canvas.setLineWidth(stroke.width)
    if stroke.butt_caps:
        canvas.setLineCap(0)
    if stroke.dash:
        canvas.setDash(*stroke.dash)
    for m in segments:
        canvas.line(m.x0, m.y0, m.x1, m.y1)
    canvas.restoreState()
