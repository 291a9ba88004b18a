"""Text for ReportLab paragraphs: content is escaped, only markup written here reaches ReportLab."""

from __future__ import annotations

from html import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from cardgen.model import RGB, TextStyle

ALIGN = {"left": TA_LEFT, "center": TA_CENTER}


def markup(text: str) -> str:
    """Content text as literal paragraph markup: '<', '>' and '&' print as themselves."""
    return escape(text, quote=False)


def coloured(text: str, colour: RGB, bold_font: str) -> str:
    """Markup for a run of content text in a colour and font of our choosing."""
    return f'<font name="{bold_font}" color="{hex_colour(colour)}">{markup(text)}</font>'


def hex_colour(colour: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in colour)


def paragraph_style(style: TextStyle, size: float, colour: RGB, align: str = "left") -> ParagraphStyle:
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
        hyphenationLang="",  # cardgen places soft hyphens itself (typeset.py): ReportLab's own split 'CLB'
        embeddedHyphenation=1,  # break after a real hyphen (CLB-|medewerker) and at soft hyphens
        uriWasteReduce=0,
        allowWidows=1,
        allowOrphans=1,
    )


def paragraph(markup_text: str, style: TextStyle, size: float, colour: RGB, align: str = "left") -> Paragraph:
    return Paragraph(markup_text, paragraph_style(style, size, colour, align))


def measure(para: Paragraph, width: float) -> tuple[float, float]:
    """(height, widest line) of a paragraph wrapped to `width`."""
    _, height = para.wrap(width, 1e6)
    widths = para.getActualLineWidths0()
    return height, max(widths, default=0.0)


def last_line_words(para: Paragraph) -> int:
    """How many words stand on a wrapped paragraph's last line (words joined by a no-break space count as one)."""
    lines = para.blPara.lines
    if not lines:
        return 0
    last = lines[-1]
    if para.blPara.kind == 0:
        text = " ".join(last[1])
    else:
        text = "".join(getattr(frag, "text", "") for frag in last.words)
    return len([word for word in text.split(" ") if word])
