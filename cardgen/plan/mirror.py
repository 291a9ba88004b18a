"""A page planned for left-to-right readers, mirrored for right-to-left ones: pure geometry.

Only positions turn over, never pictures or text: an Arabic poster puts the strengths' emoticon
at the right, where reading starts, and each legend's icon at the right of its text; the
emoticons' faces and the QR code are not flipped.
"""

from __future__ import annotations

from dataclasses import replace

from cardgen.bidi import shaped_width
from cardgen.plan.geometry import Line, Rect


def mirrored_box(box: Rect, width: float) -> Rect:
    return Rect(width - box.x - box.w, box.y, box.w, box.h)


def mirrored_line(line: Line, width: float) -> Line:
    if line.centred:
        return replace(line, x=width - line.x)
    if line.shaped:
        return replace(line, x=width - line.x - shaped_width(line.text, line.font, line.size))
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return replace(line, x=width - line.x - stringWidth(line.text, line.font, line.size) - line.spacing * (len(line.text) - 1))


def mirrored_item(item, width: float):
    """A Fill, Icon, Code or TextBlock (anything with a box) or a Line, at the mirrored place."""
    if item is None:
        return None
    if isinstance(item, Line):
        return mirrored_line(item, width)
    return replace(item, box=mirrored_box(item.box, width))
