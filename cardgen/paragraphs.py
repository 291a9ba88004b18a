"""ReportLab paragraphs built one way, for measuring (typeset/, plan/) and for painting (draw/).

It sits at the top level because both stages need the very same Paragraph: a text is measured
and then drawn with identical settings, so what fitting decided is what prints."""

from __future__ import annotations

from typing import Literal

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from cardgen.bidi import BidiParagraph, shaped_line  # noqa: F401  (lines drawn as planned: draw/ takes them from here)
from cardgen.model import RGB, TextStyle

Align = Literal["left", "center"]
ALIGN = {"left": TA_LEFT, "center": TA_CENTER}
# a right-to-left text starts at the right: "left" is where a line starts
ALIGN_RTL = {"left": TA_RIGHT, "center": TA_CENTER}


def paragraph_style(style: TextStyle, size: float, colour: RGB, align: Align = "left") -> ParagraphStyle:
    """Every setting spelled out, so that no ReportLab default or settings file changes the result."""
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
    rtl = paragraph_style(TextStyle(style.font, style.size, style.min_size, style.leading, style.colour), size, colour, align)
    rtl.name += "-rtl"
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
