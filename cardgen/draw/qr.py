"""A planned QR code (plan/geometry.Code) on a canvas: vector modules on a tile that holds the quiet zone."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.graphics.shapes import Rect as Square
from reportlab.pdfgen.canvas import Canvas

import cardgen.cache as cache
from cardgen.draw.vector import draw_vector
from cardgen.plan.geometry import Code, Rect

KIND, ENTRIES, SIZE = "qr", 64, 4_000_000  # a code is ~30 kB pickled: the site's, at the card's and the poster's size
FORMAT = "2"  # the layout of an entry: raise it when that changes


def draw_qr(canvas: Canvas, code: Code, box: Rect) -> None:
    """`box` is the code's square, already placed on the page."""
    canvas.saveState()
    canvas.setFillColorRGB(*code.tile)
    canvas.roundRect(box.x, box.y, box.w, box.h, code.radius, stroke=0, fill=1)
    draw_vector(canvas, qr_drawing(code, box.w), box, key=("qr", code.data, code.ink, code.level, code.quiet_zone, box.w))
    canvas.restoreState()


def qr_drawing(code: Code, side: float) -> Drawing:
    """The code's modules as vector shapes filling a square of `side` points. Encoding a code in
    ReportLab's Python takes tens of milliseconds and its import more: the shapes are kept in the
    cache folder, keyed by everything they are made from."""
    from reportlab import Version

    key = cache.digest(KIND, FORMAT, Version, code.data, code.level, str(code.quiet_zone), repr(code.ink), repr(side))
    drawing = cache.read_object(KIND, key, Drawing)
    if drawing is None:
        drawing = _encoded(code, side)
        cache.write_object(KIND, key, drawing, ENTRIES, SIZE)
    return drawing


def _encoded(code: Code, side: float) -> Drawing:
    from reportlab.graphics.barcode.qr import QrCodeWidget  # 12 ms of imports, for a build with --no-qr
    from reportlab.lib.colors import Color

    widget = QrCodeWidget(code.data, barLevel=code.level, barBorder=code.quiet_zone, barFillColor=Color(*code.ink), barStrokeWidth=0)
    widget.barWidth = widget.barHeight = side
    group = widget.draw()  # the shapes the widget stands for, as rendering would expand it
    _plain_rects(group)
    drawing = Drawing(side, side)
    drawing.add(group)
    return drawing


def _plain_rects(group) -> None:
    """The encoder's own Rect (SRect, drawn as a Rect) made a plain Rect with the same attributes,
    so that reading the entry back needs no QR encoder."""
    for index, node in enumerate(group.contents):
        if hasattr(node, "contents"):
            _plain_rects(node)
        elif isinstance(node, Square) and type(node) is not Square:
            plain = Square.__new__(Square)
            plain.__dict__.update(node.__dict__)
            group.contents[index] = plain
