"""A planned QR code (plan/geometry.Code) on a canvas: vector modules on a tile that holds the quiet zone."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.vector import draw_vector
from cardgen.plan.geometry import Code, Rect


def draw_qr(canvas: Canvas, code: Code, box: Rect) -> None:
    """`box` is the code's square, already placed on the page."""
    from reportlab.graphics.barcode.qr import QrCodeWidget  # 12 ms of imports, for a build with --no-qr

    canvas.saveState()
    canvas.setFillColorRGB(*code.tile)
    canvas.roundRect(box.x, box.y, box.w, box.h, code.radius, stroke=0, fill=1)
    widget = QrCodeWidget(code.data, barLevel=code.level, barBorder=code.quiet_zone, barFillColor=Color(*code.ink), barStrokeWidth=0)
    widget.barWidth = widget.barHeight = box.w
    drawing = Drawing(box.w, box.h)
    drawing.add(widget)
    draw_vector(canvas, drawing, box, key=("qr", code.data, code.ink, code.level, code.quiet_zone, box.w))
    canvas.restoreState()
