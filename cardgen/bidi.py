"""Right-to-left paragraphs and lines: each word shaped by HarfBuzz, the words of each line put in
the order the Unicode bidirectional algorithm (UAX #9) gives them.

ReportLab shapes word by word (`ParagraphStyle(shaping=1)` with uharfbuzz): HarfBuzz turns an
Arabic word, given in logical order, into its joined glyphs in visual order. What ReportLab cannot do
without rlbidi is put the words of a line from right to left, keeping a run of Latin words or a
number left to right inside it. BidiParagraph breaks the lines in logical order, as ReportLab
measures them (shaped), and then reorders the words of each line: the widths, and so the fitting,
stay what was measured. Words are the units here: a word is shaped in one direction (HarfBuzz's guess
from its first letter), which is right for every word that does not mix scripts without a space.

It sits at the top level, beside paragraphs.py, because planning measures and drawing paints the
very same paragraphs.
"""

from __future__ import annotations

import unicodedata

from reportlab.platypus import Paragraph

RTL, LTR, NUMBER, NEUTRAL = "R", "L", "N", ""
# a glyph HarfBuzz made that no character maps to (a ligature, a joining form) gets a private-use
# code from ReportLab: in a right-to-left edition's font that is a letter of the right-to-left script
_PRIVATE = "Co"


def word_class(text: str) -> str:
    """RTL, LTR, NUMBER (digits: laid out left to right, but counted with the right-to-left words
    around them, rule N1), or NEUTRAL (punctuation only), by the word's first strong character."""
    private = False
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return RTL
        if kind in ("EN", "AN"):
            return NUMBER
        if kind == "L":
            if unicodedata.category(char) == _PRIVATE:
                private = True
                continue
            return LTR
    return RTL if private else NEUTRAL


def visual_order(classes: list[str]) -> list[int]:
    """The words of one line of a right-to-left paragraph, left to right on the page, as indexes
    into `classes` (logical order). The rules of UAX #9 at the level of words: a number after a
    Latin word is Latin (W7); a neutral word between two Latin words is Latin, any other right to
    left (N1, N2: a number counts as right to left, as do the line's ends). Latin words and numbers
    are at level 2, the rest at 1. Then rule L2: reverse each run at level 2, then the line; a
    number stands alone in its run, as the space beside it is right to left."""
    classes = list(classes)
    last = RTL
    for i, c in enumerate(classes):
        if c == NUMBER and last == LTR:
            classes[i] = LTR
        if c != NEUTRAL:
            last = classes[i]
    strong = [c if c == LTR else (RTL if c in (RTL, NUMBER) else NEUTRAL) for c in classes]
    kinds = []
    for i, c in enumerate(classes):
        if c == NEUTRAL:
            before = next((s for s in reversed(strong[:i]) if s), RTL)
            after = next((s for s in strong[i + 1 :] if s), RTL)
            c = LTR if before == after == LTR else RTL
        kinds.append(c)
    order = list(range(len(kinds)))
    i = 0
    while i < len(kinds):  # reverse each run at level 2: Latin words together, a number alone
        if kinds[i] == RTL:
            i += 1
            continue
        j = i + 1
        while j < len(kinds) and kinds[j] == LTR and kinds[j - 1] == LTR:
            j += 1
        order[i:j] = order[i:j][::-1]
        i = j
    return order[::-1]


class BidiParagraph(Paragraph):
    """A right-to-left paragraph: lines broken as measured, then each line's words in visual order.
    `runs` (set by cardgen.paragraphs, from bidi_runs.prepare): per word of the paragraph whether
    it reads left to right, and the level of each space between words, as the bidirectional
    algorithm resolved them over the whole paragraph; without them, or when the lines hold other
    words (a word broken at a hyphen), each line is ordered from its words' letters (visual_order)."""

    runs: tuple[list[bool], list[int]] | None = None

    def wrap(self, availWidth, availHeight):
        size = super().wrap(availWidth, availHeight)
        para = self.blPara
        if para.kind == 1 and not getattr(para, "_visual", False):
            lines = [_words_of(line.words) for line in para.lines]
            runs = self.runs if self.runs and sum(map(len, lines)) == len(self.runs[0]) else None
            start = 0
            for line, words in zip(para.lines, lines):
                if runs:
                    order = run_order(runs[0][start : start + len(words)], runs[1][start : start + len(words) - 1])
                else:
                    order = visual_order([word_class("".join(t for _, t in w if t)) for w in words])
                line.words = _in_order(words, order)
                start += len(words)
            para._visual = True
        return size


def run_order(ltr: list[bool], gaps: list[int]) -> list[int]:
    """Rule L2 over words: each run of left-to-right words joined by spaces at an even level is
    reversed, then the line; the result is the words' order from left to right on the page."""
    order, i = list(range(len(ltr))), 0
    while i < len(ltr):
        if not ltr[i]:
            i += 1
            continue
        j = i + 1
        while j < len(ltr) and ltr[j] and gaps[j - 1] % 2 == 0:
            j += 1
        order[i:j] = order[i:j][::-1]
        i = j
    return order[::-1]


def _words_of(frags: list) -> list[list[tuple[object, str | None]]]:
    """A line's frags (logical order, words separated by spaces inside their texts) as words, each
    its pieces (frag, text)."""
    words: list[list[tuple[object, str | None]]] = [[]]
    for frag in frags:
        text = getattr(frag, "text", None)
        if text is None:  # an image or a callback: kept with the word it stands in
            words[-1].append((frag, None))
            continue
        for n, piece in enumerate(_split_spaces(text)):
            if n:
                words.append([])
            if piece:
                words[-1].append((frag, piece))
    return [w for w in words if w]


def _in_order(words, order: list[int]) -> list:
    """The words as frags in `order`, a space after each but the last."""
    out = []
    for n, index in enumerate(order):
        pieces = words[index]
        last = n == len(order) - 1
        for m, (frag, text) in enumerate(pieces):
            if text is None:
                out.append(frag)
                continue
            if m == 0:
                text = _steady(text, frag.fontName)
            if m == len(pieces) - 1 and not last:
                text = text + " "
            out.append(frag.clone(text=text))
    return out


def _steady(text, font: str):
    """ReportLab 5.1 fails on a shaped text whose first glyph is raised (a mark that HarfBuzz put
    first: a right-to-left word ending in a vowel sign, such as ًا): such a text gets a space of no
    width in front, which changes nothing on the page."""
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import ShapedStr

    data = getattr(text, "__shapeData__", None)
    if not data or not data[0].y_offset:
        return text
    space = getFont(font).face.charWidths.get(32, 0)
    lead = ShapedStr(" ", shapeData=[type(data[0])(0x7FFFFFFF, 0, 0, 0, 0, space)])
    return lead + text


def _split_spaces(text: str) -> list:
    """`text` cut at its spaces, keeping the pieces' type (a shaped string keeps its glyph data)."""
    pieces, start = [], 0
    for i, char in enumerate(text):
        if char == " ":
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


def shaped_line(text: str, font: str, size: float):
    """A one-line text (a heading, a label) in visual order, each word shaped: what a canvas draws
    with drawString. Its width is the canvas's stringWidth of the result."""
    from reportlab.pdfbase.ttfonts import shapeStr

    words = [w for w in text.split(" ") if w]
    if not words:
        return ""
    # forced: every piece carries its glyph data, as ReportLab's own right-to-left lines do
    shaped = [shapeStr(w, font, size, force=True) for w in words]
    space = shapeStr(" ", font, size, force=True)
    order = visual_order([word_class(w) for w in words])
    line = shaped[order[0]]
    for index in order[1:]:
        line = line + space + shaped[index]
    return _steady(line, font)


def shaped_width(text: str, font: str, size: float) -> float:
    """The width shaped_line(text, font, size) takes on the page."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import ShapedStr

    line = shaped_line(text, font, size)
    if isinstance(line, ShapedStr):
        return sum(d.x_advance for d in line.__shapeData__) * size / 1000
    return stringWidth(line, font, size)
