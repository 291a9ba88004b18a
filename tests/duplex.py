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
                found.append(Word(text, box, chars[0][2]))
                chars.clear()

        for i in range(textpage.count_chars()):
            char = chr(raw.FPDFText_GetUnicode(textpage.raw, i))
            if char.isspace() or char in "\x00\x02\ufffe":
                close()
                continue
            chars.append((char, textpage.get_charbox(i), raw.FPDFText_GetCharAngle(textpage.raw, i)))
        close()
        return found
    finally:
        doc.close()
