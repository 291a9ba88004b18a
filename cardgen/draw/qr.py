"""A QR code for the deck's site: vector modules on a white tile that holds the quiet zone."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.vector import draw_vector
from cardgen.plan.geometry import Rect

INK = Color(0.07, 0.07, 0.09)
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def draw_qr(canvas: Canvas, box: Rect, data: str, radius: float = 0.0) -> None:
    """Fill the square `box` with a white tile and the code, medium error correction."""
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.roundRect(box.x, box.y, box.w, box.h, radius, stroke=0, fill=1)
    widget = QrCodeWidget(data, barLevel="M", barBorder=QUIET_ZONE, barFillColor=INK, barStrokeWidth=0)
    widget.barWidth = widget.barHeight = box.w
    drawing = Drawing(box.w, box.h)
    drawing.add(widget)
    draw_vector(canvas, drawing, box, key=("qr", data, box.w))
    canvas.restoreState()

