"""The calibration sheet's planned items (plan/calibration.py) on a canvas, page by page.

Nothing is decided here. Colours are set once per group, as the plan says, and texts take the
fill colour current on the page: the header's title colour on the front, the scales' ink on the back.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.items import draw_line, draw_text
from cardgen.paragraphs import shaped_line
from cardgen.plan.calibration import CalibrationSheet, Cross, Header, Ruler, Scales
from cardgen.plan.geometry import Segment
from cardgen.plan.geometry import Line


def draw_calibration(canvas: Canvas, sheet: CalibrationSheet) -> None:
    _header(canvas, sheet.front_header)
    for cross in sheet.crosses:
        _cross(canvas, cross)
    _ruler(canvas, sheet.ruler)
    canvas.showPage()
    _header(canvas, sheet.back_header)
    for scales in sheet.scales:
        _scales(canvas, scales)
    canvas.showPage()


def _header(canvas: Canvas, header: Header) -> None:
    draw_line(canvas, header.title)
    draw_text(canvas, header.steps)


def _cross(canvas: Canvas, cross: Cross) -> None:
    canvas.saveState()
    canvas.setLineWidth(cross.stroke.width)
    canvas.setStrokeColorRGB(*cross.stroke.colour)
    for segment in cross.lines:
        _segment(canvas, segment)
    _string(canvas, cross.label)
    canvas.restoreState()


def _scales(canvas: Canvas, scales: Scales) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*scales.colour)
    canvas.setFillColorRGB(*scales.colour)
    for tick in scales.ticks:
        canvas.setLineWidth(tick.width)
        _segment(canvas, tick.line)
        if tick.label is not None:
            _string(canvas, tick.label)
    _string(canvas, scales.names[0])
    _string(canvas, scales.names[1], same_font=True)
    _string(canvas, scales.label)
    canvas.restoreState()


def _ruler(canvas: Canvas, ruler: Ruler) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*ruler.stroke.colour)
    canvas.setLineWidth(ruler.stroke.width)
    _segment(canvas, ruler.line)
    for tick in ruler.ticks:
        canvas.setLineWidth(tick.width)
        _segment(canvas, tick.line)
    _string(canvas, ruler.caption)
    draw_text(canvas, ruler.note)
    canvas.restoreState()


def _segment(canvas: Canvas, segment: Segment) -> None:
    canvas.line(segment.x0, segment.y0, segment.x1, segment.y1)


def _string(canvas: Canvas, line: Line, same_font: bool = False) -> None:
    """A line in the fill colour already set (see the module's docstring); `same_font`: the text
    before it set this one's font."""
    if not same_font:
        canvas.setFont(line.font, line.size)
    if line.shaped:  # right to left, its left end planned
        canvas.drawString(line.x, line.y, shaped_line(line.text, line.font, line.size))
        return
    draw = canvas.drawCentredString if line.centred else canvas.drawString
    draw(line.x, line.y, line.text)
