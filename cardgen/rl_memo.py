"""ReportLab's pure-Python number formatting and text widths, remembered.

Without its C accelerator (rl_accel, which formats numbers differently: other bytes), ReportLab
formats every number it writes into a page with `fp_str` and measures every word with a sum over
its characters. A deck repeats both endlessly: 1,000 cards write 57,000 numbers, of which 1,600
differ, and measure the same words again and again. Remembering the results changes nothing in
the output (the same functions give them, once each) and takes a sixth off a large build.

Both memories are bounded: when one is full it starts again, so that the studio, which runs for
hours, never grows on them. `install()` is idempotent and is called where cardgen sets ReportLab
up (cardgen.paragraphs, imported by everything that measures or draws text).
"""

from __future__ import annotations

from reportlab.lib import rl_accel
from reportlab.pdfbase import ttfonts

LIMIT = 50_000  # entries per memory: a few MB at most

_plain_fp_str = rl_accel.fp_str
_plain_width = ttfonts.TTFont.stringWidth
_numbers: dict = {}
_widths: dict = {}


def fp_str(*numbers) -> str:
    try:
        return _numbers[numbers]
    except KeyError:
        pass
    except TypeError:  # a list of numbers, which cannot be a key: formatted as before
        return _plain_fp_str(*numbers)
    if len(_numbers) >= LIMIT:
        _numbers.clear()
    text = _numbers[numbers] = _plain_fp_str(*numbers)
    return text


def string_width(self, text, size, encoding="utf8"):
    """TTFont.stringWidth: 0.001 * size * the sum of the characters' widths, with that sum remembered
    per face and text (the same sum, in the same order: the same float)."""
    if not isinstance(text, str):  # bytes are decoded first; the encoding plays no part for text
        return _plain_width(self, text, size, encoding)
    face = self.face
    key = (id(face), text)
    total = _widths.get(key)
    if total is None:
        if len(_widths) >= LIMIT:
            _widths.clear()
        g, default = face.charWidths.get, face.defaultWidth
        total = _widths[key] = sum(g(ord(u), default) for u in text)
        _FACES[id(face)] = face  # keeps the face alive, so that its id is never another face's
    return 0.001 * size * total


_FACES: dict = {}
_MODULES = (
    "reportlab.lib.rl_accel",
    "reportlab.pdfgen.canvas",
    "reportlab.pdfgen.textobject",
    "reportlab.pdfgen.pathobject",
    "reportlab.pdfbase.pdfdoc",
    "reportlab.pdfbase.ttfonts",
    "reportlab.platypus.flowables",
    "reportlab.graphics.shapes",
    "reportlab.lib.colors",
)


def install() -> None:
    """Route ReportLab's number formatting and TrueType widths through the memories."""
    import sys

    for name in _MODULES:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "fp_str", None) is _plain_fp_str:
            module.fp_str = fp_str
    ttfonts.TTFont.stringWidth = string_width
