"""Text for ReportLab paragraphs: content is escaped, only markup written here reaches ReportLab."""

from __future__ import annotations

from html import escape

from reportlab.platypus import Paragraph

from cardgen.model import RGB
from cardgen.paragraphs import paragraph  # noqa: F401  (measured here, drawn by draw/: one way to build it)
from cardgen.typeset.markup import printed


def markup(text: str) -> str:
    """Content text as literal paragraph markup: '<', '>' and '&' print as themselves."""
    return escape(text, quote=False)


def coloured(text: str, colour: RGB, bold_font: str) -> str:
    """Markup for a run of content text in a colour and font of our choosing."""
    return f'<font name="{bold_font}" color="{hex_colour(colour)}">{markup(text)}</font>'


def hex_colour(colour: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in colour)


def printed_line(text: str, language: str) -> str:
    """A text that prints on one line (a category's label, a poster heading), as it is printed."""
    return printed(text, language).replace("\n", " ")


def site_label(site: str) -> str:
    """How a site is written for people: without its scheme or a trailing slash."""
    for scheme in ("https://", "http://"):
        if site.startswith(scheme):
            site = site[len(scheme) :]
    return site.rstrip("/")


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
