"""ReportLab paragraphs built one way, for measuring (typeset/, plan/) and for painting (draw/).

It sits at the top level because both stages need the very same Paragraph: a text is measured
and then drawn with identical settings, so what fitting decided is what prints."""

from __future__ import annotations

from typing import Literal

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from cardgen.model import RGB, TextStyle

Align = Literal["left", "center"]
ALIGN = {"left": TA_LEFT, "center": TA_CENTER}


def paragraph_style(style: TextStyle, size: float, colour: RGB, align: Align = "left") -> ParagraphStyle:
    """Every setting spelled out, so that no ReportLab default or settings file changes the result."""
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


def paragraph(markup_text: str, style: TextStyle, size: float, colour: RGB, align: Align = "left") -> Paragraph:
    """`markup_text` must be markup cardgen wrote (typeset/): ReportLab's markup is live."""
    return Paragraph(markup_text, paragraph_style(style, size, colour, align))
