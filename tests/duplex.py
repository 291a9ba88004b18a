"""A duplex printer as the tests model it, and what a person sees of a printed sheet.

The paper goes through the printer upright (portrait); a landscape page is turned a quarter onto
it by the driver, one way or the other (`turn`), the same for both sides. The engine may shift
what it prints on the back (`shift`, in points, in the frame of the paper as the back is printed),
then the sheet is turned over its long edge or its short one. `behind` says which point of the
front page a point of the back page lands behind.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw


@dataclass(frozen=True)
class Printer:
    page: tuple[float, float]  # the PDF's page size, points
    flip: str  # "long" or "short", as chosen in the print dialogue
    turn: int = 1  # +1: a landscape page turned a quarter anticlockwise onto the paper; -1: clockwise
    shift: tuple[float, float] = (0.0, 0.0)

    @property
    def paper(self) -> tuple[float, float]:
        w, h = self.page
        return (min(w, h), max(w, h))

    def _on_paper(self, p):
        w, h = self.page
        x, y = p
        if w <= h:
            return x, y
        return (h - y, x) if self.turn > 0 else (y, w - x)

    def _on_page(self, q):
        w, h = self.page
        u, v = q
        if w <= h:
            return u, v
        return (v, h - u) if self.turn > 0 else (w - v, u)

    def behind(self, p):
        """The point of the front page that the back page's point `p` is printed behind."""
        u, v = self._on_paper(p)
        u, v = u + self.shift[0], v + self.shift[1]
        pw, ph = self.paper
        return self._on_page((pw - u, v) if self.flip == "long" else (u, ph - v))

    def turned_like_a_page(self, p, direction):
        """A direction on the back page, as seen on the card once it is turned like a book page
        (over its vertical edge, as the front stands upright): (1, 0) reads left to right."""
        a, b = self.behind(p), self.behind((p[0] + direction[0], p[1] + direction[1]))
        dx, dy = b[0] - a[0], b[1] - a[1]
        return (-dx, dy)


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[float, float, float, float]  # left, bottom, right, top
    angle: float  # the first character's, radians anticlockwise
    size: float = 0.0  # the first character's font size, pt

    @property
    def centre(self):
        return ((self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2)

    @property
    def direction(self):
        return (math.cos(self.angle), math.sin(self.angle))


def words(pdf: Path | str, index: int) -> list[Word]:
    """Every run of characters without a space on a page, with its box and reading direction."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        textpage = doc[index].get_textpage()
        found, chars = [], []

        def close():
            if chars:
                text = "".join(c[0] for c in chars)
                boxes = [c[1] for c in chars]
                box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
                found.append(Word(text, box, chars[0][2], chars[0][3]))
                chars.clear()

        for i in range(textpage.count_chars()):
            char = chr(raw.FPDFText_GetUnicode(textpage.raw, i))
            if char.isspace() or char in "\x00\x02\ufffe":
                close()
                continue
            if char in "+-" and chars and chars[-1][0].isdigit():  # two signed numbers set close together
                close()
            angle, size = raw.FPDFText_GetCharAngle(textpage.raw, i), raw.FPDFText_GetFontSize(textpage.raw, i)
            chars.append((char, textpage.get_charbox(i), angle, size))
        close()
        return found
    finally:
        doc.close()


def segments(pdf: Path | str, index: int) -> list[tuple[float, float, float, float]]:
    """Every straight line stroked on a page (x0, y0, x1, y1), in page coordinates."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    page = PdfReader(str(pdf)).pages[index]
    ops = ContentStream(page.get_contents(), page.pdf).operations
    ctm, stack, path, found = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), [], [], []

    def apply(m, x, y):
        return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]

    for operands, op in ops:
        op = op.decode() if isinstance(op, bytes) else op
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop()
        elif op == "cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            m = ctm
            ctm = (a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3],
                   e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5])  # fmt: skip
        elif op == "m":
            path = [apply(ctm, *(float(v) for v in operands))]
        elif op == "l":
            point = apply(ctm, *(float(v) for v in operands))
            if path:
                found.append((*path[-1], *point))
            path.append(point)
        elif op in ("S", "n", "f", "B"):
            path = []
    return found
