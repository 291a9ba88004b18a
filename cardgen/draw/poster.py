"""The poster: title, the two emoticons with their labels, the instruction and the legend."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.vector import Icons, draw_vector
from cardgen.plan.geometry import Rect
from cardgen.model import Edition, PosterLayout, Structure
from cardgen.plan.poster import (
    GAP,
    LEGEND_INDENT,
    LEGEND_SCALE,
    PANEL_PAD,
    PosterPlan,
    instruction_markup,
    legend_markup,
    poster_line,
    legend_width,
    swatch,
)
from cardgen.typeset.paragraph import hex_colour, paragraph
from cardgen.units import MM

PANEL = (0.955, 0.953, 0.965)  # a light grey that survives any printer and holds the footer together


def draw_poster(
    canvas: Canvas,
    plan: PosterPlan,
    layout: PosterLayout,
    edition: Edition,
    structure: Structure,
    icons: Icons,
    bold: str,
) -> None:
    w, h = layout.paper
    canvas.saveState()
    canvas.setFillColorRGB(*layout.background)
    canvas.rect(0, 0, w, h, stroke=0, fill=1)

    texts = edition.poster
    canvas.setFillColorRGB(*layout.title.colour)
    canvas.setFont(layout.title.font, plan.title_size)
    canvas.drawCentredString(plan.page.cx, plan.title_baseline, poster_line(texts.title, edition))
    canvas.setFillColorRGB(*layout.footer.colour)
    canvas.setFont(layout.footer.font, layout.footer.size)
    canvas.drawCentredString(plan.page.cx, plan.subject_baseline, poster_line(edition.subject, edition))

    for box, emoticon, label in zip(plan.faces, (structure.strengths, structure.work), (texts.strengths, texts.work)):
        draw_vector(canvas, icons.original(emoticon.svg), box)
        canvas.setFillColorRGB(*(layout.label.colour or emoticon.colour))
        canvas.setFont(layout.label.font, plan.label_size)
        canvas.drawCentredString(box.cx, plan.label_baseline, poster_line(label, edition))

    _draw_footer(canvas, plan, layout, edition, structure, bold, icons)
    canvas.restoreState()


def _draw_footer(
    canvas: Canvas, plan: PosterPlan, layout: PosterLayout, edition: Edition, structure: Structure, bold: str, icons: Icons
) -> None:
    style, size, footer = layout.footer, plan.footer_size, plan.footer
    panel = footer.inset(-PANEL_PAD)
    if plan.qr:  # the panel reaches round the code at its right end
        panel = Rect(panel.x, panel.y, plan.qr.right + PANEL_PAD - panel.x, panel.h)
    canvas.setFillColorRGB(*PANEL)
    canvas.roundRect(panel.x, panel.y, panel.w, panel.h, 4 * MM, stroke=0, fill=1)
    instruction = paragraph(instruction_markup(edition), style, size, style.colour, "center")
    _, inst_h = instruction.wrap(footer.w, footer.h)
    instruction.drawOn(canvas, footer.x, footer.top - inst_h)

    columns = len(structure.categories)
    column_w = footer.w / columns
    top = footer.top - inst_h - GAP / 2
    for i, category in enumerate(structure.categories):
        text = edition.category(category.id)
        markup_text = legend_markup(text.label, text.summary, hex_colour(category.colour), bold, edition.language)
        para = paragraph(markup_text, style, size * LEGEND_SCALE, style.colour)
        x = footer.x + i * column_w + LEGEND_INDENT
        _, para_h = para.wrap(legend_width(footer.w, columns, size), footer.h)
        side, gap = swatch(size)
        para.drawOn(canvas, x + side + gap, top - para_h)
        first_line = size * LEGEND_SCALE * style.leading
        box = Rect(x, top - (first_line + side) / 2, side, side)
        if category.icon:
            draw_vector(canvas, icons.tinted(category.icon, category.colour), box.inset(-0.15 * side))
        else:
            canvas.setFillColorRGB(*category.colour)
            canvas.roundRect(box.x, box.y, side, side, side * 0.2, stroke=0, fill=1)
