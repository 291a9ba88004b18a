"""Vector drawings (SVG, QR) onto a canvas, scaled into a box."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from cardgen.geometry import Rect


def draw_vector(canvas: Canvas, drawing: Drawing, box: Rect) -> None:
    """Scale `drawing` to fit `box`, centred, keeping its proportions."""
    scale = min(box.w / drawing.width, box.h / drawing.height)
    canvas.saveState()
    canvas.translate(box.cx - drawing.width * scale / 2, box.cy - drawing.height * scale / 2)
    canvas.scale(scale, scale)
    renderPDF.draw(drawing, canvas, 0, 0, showBoundary=0)
    canvas.restoreState()
