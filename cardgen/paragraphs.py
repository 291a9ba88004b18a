"""ReportLab paragraphs built one way, for measuring (typeset/, plan/) and for painting (draw/).

It sits at the top level because both stages need the very same Paragraph: a text is measured
and then drawn with identical settings, so what fitting decided is what prints."""

from __future__ import annotations

from array import array
from copy import copy
from functools import lru_cache
from typing import Literal

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from cardgen import rl_memo
from cardgen.bidi import BidiParagraph, shaped_line  # noqa: F401  (lines drawn as planned: draw/ takes them from here)
from cardgen.model import RGB
from cardgen.spec import TextStyle

rl_memo.install()  # every stage that measures or draws text comes through here

Align = Literal["left", "center"]
ALIGN = {"left": TA_LEFT, "center": TA_CENTER}
# a right-to-left text starts at the right: "left" is where a line starts
ALIGN_RTL = {"left": TA_RIGHT, "center": TA_CENTER}


@lru_cache(maxsize=256)  # a deck sets its texts in a few styles; a paragraph only reads its style
def paragraph_style(style: TextStyle, size: float, colour: RGB, align: Align = "left") -> ParagraphStyle:
    """Every setting spelled out, so that no ReportLab default or settings file changes the result.
    Shared between paragraphs: never change the one returned."""
    if style.direction == "rtl":
        return _right_to_left(style, size, colour, align)
    return ParagraphStyle(
        name=f"{style.font}-{size:g}",
        fontName=style.font,
        fontSize=size,
        leading=size * style.leading,
        textColor=colour,
        alignment=ALIGN[align],
        spaceBefore=0,
        spaceAfter=0,
        firstLineIndent=0,
        leftIndent=0,
        rightIndent=0,
        wordWrap=None,
        splitLongWords=0,  # a word too long for the box is an error of fitting, never cut silently
        spaceShrinkage=0,  # the default lets a line pass its width by 5% of a space per word
        hyphenationLang="",  # cardgen places soft hyphens itself (typeset/markup.py): ReportLab's own split 'CLB'
        embeddedHyphenation=1,  # break after a real hyphen (CLB-|medewerker) and at soft hyphens
        uriWasteReduce=0,
        allowWidows=1,
        allowOrphans=1,
    )


def _right_to_left(style: TextStyle, size: float, colour: RGB, align: Align) -> ParagraphStyle:
    """The same settings, shaped by HarfBuzz and set from the right. Only right-to-left editions:
    shaping doubles the time a paragraph takes, and would change a Latin edition's bytes."""
    rtl = copy(paragraph_style(TextStyle(style.font, style.size, style.min_size, style.leading, style.colour), size, colour, align))
    rtl.name += "-rtl"  # a copy: the left-to-right style is shared
    rtl.alignment = ALIGN_RTL[align]
    rtl.shaping = 1
    return rtl


def paragraph(markup_text: str, style: TextStyle, size: float, colour: RGB, align: Align = "left") -> Paragraph:
    """`markup_text` must be markup cardgen wrote (typeset/): ReportLab's markup is live."""
    if style.direction == "rtl":
        from cardgen.bidi_runs import prepare_runs  # python-bidi: only right-to-left editions load it

        prepared, runs = prepare_runs(markup_text)
        para = BidiParagraph(prepared, paragraph_style(style, size, colour, align))
        para.runs = runs
        return para
    return Paragraph(markup_text, paragraph_style(style, size, colour, align))


def wrapped(markup_text: str, style: TextStyle, size: float, colour: RGB, width: float, align: Align = "left") -> Paragraph:
    """paragraph(...) wrapped to `width`, measured: its height, line widths and lines can be read."""
    para = paragraph(markup_text, style, size, colour, align)
    para.wrap(width, 1e6)  # the height available plays no part in where ReportLab breaks lines
    para.recipe = (markup_text, style, size, colour, width, align)  # how to make it again (Lines, pickled)
    return para


class Lines:
    """A wrapped paragraph kept for drawing, so that drawing paints the lines planning measured
    instead of wrapping the text again. Kept small, since a deck of 10,000 cards keeps 20,000:
    a paragraph of one plain run (ReportLab's kind 0, nearly every title and description) keeps
    each line as one string and shares its font settings with the paragraphs of its style; one
    with markup (links, bold), or set right to left (cardgen/bidi.py), is kept whole."""

    __slots__ = ("height", "_whole", "_style", "_width", "_head", "_text", "_spaces", "_recipe")

    def __init__(self, para: Paragraph) -> None:
        self.height = para.height
        lines = para.blPara.lines
        # a right-to-left paragraph's shaped words do not pickle: it is sent to a worker as its recipe
        self._recipe = getattr(para, "recipe", None) if type(para) is not Paragraph else None
        if type(para) is not Paragraph or para.blPara.kind != 0 or any(" " in word or "\n" in word for _, words in lines for word in words):
            self._whole = para
            return
        self._whole = None
        self._style, self._width = para.style, para.width
        # two objects for all the lines, not three a line: 20,000 paragraphs hold 175,000 otherwise
        self._text = "\n".join(" ".join(words) for _, words in lines)  # split back at line ends, then spaces
        self._spaces = array("d", (space for space, _ in lines))  # each line's room left, the same doubles
        head = {k: v for k, v in para.blPara.__dict__.items() if k not in ("lines", "text")}
        shared = _HEADS.get(para.style)
        if shared is None or shared.__dict__ != head:
            if len(_HEADS) >= 512:  # styles come and go in the studio: keep it bounded
                _HEADS.clear()
            shared = _HEADS[para.style] = type(para.blPara)(**head)
        self._head = shared

    def paragraph(self) -> Paragraph:
        """A paragraph to draw, of these lines: a fresh one each time, since drawing sets attributes
        on the paragraph it draws (its canvas), so that a plan may be drawn again, or by two threads."""
        if self._whole is not None:
            return copy(self._whole)
        para = Paragraph.__new__(Paragraph)
        blpara = copy(self._head)
        blpara.lines = [(space, text.split(" ")) for space, text in zip(self._spaces, self._text.split("\n"))]
        width = self._width
        para.__dict__.update(style=self._style, width=width, height=self.height, blPara=blpara, bulletText=None,
                             debug=0, _wrapWidths=[width, width])  # fmt: skip
        return para

    def __getstate__(self):
        state = {name: getattr(self, name) for name in self.__slots__ if hasattr(self, name)}
        if state.get("_recipe"):
            state["_whole"] = None
        return state

    def __setstate__(self, state) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        if getattr(self, "_recipe", None):  # wrapped again from the same text, style and width: the same lines
            self._whole = wrapped(*self._recipe)


_HEADS: dict = {}  # paragraph style -> the font settings of its paragraphs' lines, shared by Lines


def paint(canvas, lines: Lines, x: float, y: float) -> None:
    """Kept lines with their lower-left corner at (x, y)."""
    lines.paragraph().drawOn(canvas, x, y)
