"""Planned items (plan/geometry.py) on a canvas, each shifted by the origin of the card or page it
belongs to. Nothing is decided here: every position, size, colour and text comes from the item."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.qr import draw_qr
from cardgen.draw.vector import Icons, draw_vector
from cardgen.paragraphs import Lines, paint, shaped_line, wrapped
from cardgen.plan.geometry import Code, Fill, Icon, Line, Rect, Rule, TextBlock


def draw_fill(canvas: Canvas, fill: Fill, x: float = 0.0, y: float = 0.0, bleed: float | tuple[float, ...] = 0.0) -> None:
    """The sides the plan marks as lying on the cut run `bleed` past it: one length for every
    side, or four (left, right, top, bottom)."""
    box = fill.box
    amounts = bleed if isinstance(bleed, tuple) else (bleed,) * 4
    left, right, top, bottom = (amount if side in fill.bleed else 0.0 for side, amount in zip("lrtb", amounts))
    canvas.setFillColorRGB(*fill.colour)
    rect = (x + box.x - left, y + box.y - bottom, box.w + (left + right), box.h + (bottom + top))
    if fill.radius:
        canvas.roundRect(*rect, fill.radius, stroke=0, fill=1)
    else:
        canvas.rect(*rect, stroke=0, fill=1)


def draw_line(canvas: Canvas, line: Line, x: float = 0.0, y: float = 0.0) -> None:
    if line.shaped:  # right to left: planned with its left end at line.x (cardgen/bidi.py)
        canvas.setFillColorRGB(*line.colour)
        canvas.setFont(line.font, line.size)
        canvas.drawString(x + line.x, y + line.y, shaped_line(line.text, line.font, line.size))
        return
    if line.spacing:
        text = canvas.beginText(x + line.x, y + line.y)
        text.setFont(line.font, line.size)
        text.setCharSpace(line.spacing)
        text.setFillColorRGB(*line.colour)
        text.textOut(line.text)
        text.setCharSpace(0)  # Tc outlives the text object in the PDF's text state: later strings would inherit it
        canvas.drawText(text)
        return
    canvas.setFillColorRGB(*line.colour)
    canvas.setFont(line.font, line.size)
    draw = canvas.drawCentredString if line.centred else canvas.drawString
    draw(x + line.x, y + line.y, line.text)


def draw_text(canvas: Canvas, block: TextBlock, x: float = 0.0, y: float = 0.0) -> None:
    """The lines planning wrapped, or, for a block planned without them, the markup wrapped to the box's width."""
    lines = block.lines
    if lines is None:
        lines = Lines(wrapped(block.markup, block.style, block.size, block.colour, block.box.w, block.align))
    paint(canvas, lines, x + block.box.x, y + block.box.y)


def draw_icon(canvas: Canvas, icon: Icon, icons: Icons, x: float = 0.0, y: float = 0.0) -> None:
    drawing = icons.original(icon.svg) if icon.tint is None else icons.tinted(icon.svg, icon.tint)
    draw_vector(canvas, drawing, _shifted(icon.box, x, y))


def draw_rule(canvas: Canvas, rule: Rule, x: float = 0.0, y: float = 0.0) -> None:
    canvas.setStrokeColorRGB(*rule.colour)
    canvas.setLineWidth(rule.width)
    canvas.setLineCap(1 if rule.round_cap else 0)
    canvas.line(x + rule.x0, y + rule.y0, x + rule.x1, y + rule.y1)


def draw_code(canvas: Canvas, code: Code, x: float = 0.0, y: float = 0.0) -> None:
    draw_qr(canvas, code, _shifted(code.box, x, y))


def _shifted(box: Rect, x: float, y: float) -> Rect:
    return Rect(x + box.x, y + box.y, box.w, box.h)
