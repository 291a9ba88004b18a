"""The contact sheet: every card of an edition on one page, front beside back, labelled with its
number and title, for review by e-mail or on a slide.

plan_contact is pure geometry (where each card lands); contact_pdf draws the planned faces at
full size with the printing code, so the sheet shows what prints and its PNG is a rendering of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from cardgen.build import EditionPlan, Prepared
from cardgen.plan.geometry import Rect
from cardgen.units import MM

COLUMNS = 4  # cards (front and back) a row: a few, so that a row reads at a glance
MARGIN = 12 * MM
PAIR_GAP = 3 * MM  # between a card's front and its back
COLUMN_GAP = 12 * MM
ROW_GAP = 8 * MM
CAPTION = 11 * MM  # the band under each card for its number and title
HEADING = 18 * MM
HEADING_SIZE = 22.0
CAPTION_SIZE = 13.0
PAGE = (0.93, 0.93, 0.94)  # light grey, so that the white backs stand out
BORDER = (0.62, 0.62, 0.65)
INK = (0.13, 0.13, 0.15)


@dataclass(frozen=True)
class Cell:
    front: Rect
    back: Rect
    caption: tuple[float, float]  # where the caption's baseline starts


@dataclass(frozen=True)
class ContactPlan:
    size: tuple[float, float]
    heading: tuple[float, float]  # the heading's baseline start
    cells: tuple[Cell, ...]  # one a card, in print order


def plan_contact(count: int, card_w: float, card_h: float, columns: int = COLUMNS) -> ContactPlan:
    """Rows of `columns` cards, top to bottom, each front beside its back with a caption under."""
    columns = max(1, min(columns, count))
    rows = -(-count // columns)
    cell_w = 2 * card_w + PAIR_GAP
    cell_h = card_h + CAPTION
    width = 2 * MARGIN + columns * cell_w + (columns - 1) * COLUMN_GAP
    height = 2 * MARGIN + HEADING + rows * cell_h + (rows - 1) * ROW_GAP
    cells = []
    for index in range(count):
        row, col = divmod(index, columns)
        x = MARGIN + col * (cell_w + COLUMN_GAP)
        top = height - MARGIN - HEADING - row * (cell_h + ROW_GAP)
        y = top - card_h
        cells.append(Cell(Rect(x, y, card_w, card_h), Rect(x + card_w + PAIR_GAP, y, card_w, card_h),
                          (x, y - CAPTION + (CAPTION - CAPTION_SIZE) / 2 + 2)))  # fmt: skip
    return ContactPlan((width, height), (MARGIN, height - MARGIN - HEADING_SIZE), tuple(cells))


def caption(plan: EditionPlan, index: int) -> tuple[str, str]:
    """(number, title) under a card: '7/24' and its title; the rules card by its label."""
    from cardgen.typeset.markup import printed

    card = plan.fit.cards[index].card
    language = plan.edition.language
    title = " ".join(printed(card.title, language).split())
    return (card.number_text or printed(card.label, language)), title


def contact_pdf(prepared: Prepared, plan: EditionPlan) -> bytes:
    """A one-page PDF of the edition's contact sheet."""
    from cardgen.draw.cards import draw_back, draw_front
    from cardgen.draw.vector import Icons
    from cardgen.pdf.render import new_canvas

    layout = plan.layout or prepared.layout  # the edition's fonts and direction
    card = layout.card
    sheet = plan_contact(len(plan.faces), card.width, card.height)
    buffer = BytesIO()
    canvas = new_canvas(buffer, sheet.size, layout, plan.edition, prepared.deck.structure.author)
    canvas.setFillColorRGB(*PAGE)
    canvas.rect(0, 0, *sheet.size, stroke=0, fill=1)
    bold = layout.fonts.bold.name
    _heading(canvas, sheet, plan, bold)
    icons = Icons(dict(prepared.drawings))
    for index, (cell, faces) in enumerate(zip(sheet.cells, plan.faces)):
        draw_front(canvas, cell.front, faces.front, icons)
        draw_back(canvas, cell.back, faces.back, icons)
        _borders(canvas, cell)
        _caption(canvas, cell, plan, index, bold)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _heading(canvas, sheet: ContactPlan, plan: EditionPlan, font: str) -> None:
    from cardgen.typeset.markup import printed

    edition = plan.edition
    title = printed(edition.title, edition.language)
    canvas.setFillColorRGB(*INK)
    canvas.setFont(font, HEADING_SIZE)
    canvas.drawString(*sheet.heading, _shaped(plan, f"{title} · {edition.code} ({edition.language}) · {len(sheet.cells)} cards, front and back", font, HEADING_SIZE))


def _shaped(plan: EditionPlan, text: str, font: str, size: float) -> str:
    """A right-to-left edition's words, shaped and from right to left (cardgen/bidi.py)."""
    if plan.layout is None or plan.layout.direction != "rtl":
        return text
    from cardgen.paragraphs import shaped_line

    return shaped_line(text, font, size)


def _borders(canvas, cell: Cell) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*BORDER)
    canvas.setLineWidth(0.6)
    for box in (cell.front, cell.back):
        canvas.rect(box.x, box.y, box.w, box.h, stroke=1, fill=0)
    canvas.restoreState()


def _caption(canvas, cell: Cell, plan: EditionPlan, index: int, font: str) -> None:
    """The number in the card's colour (as text), then the title, cut with an ellipsis to the pair's width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    number, title = caption(plan, index)
    x, y = cell.caption
    room = cell.back.x + cell.back.w - x
    canvas.setFont(font, CAPTION_SIZE)
    card = plan.fit.cards[index].card
    canvas.setFillColorRGB(*(card.ink or card.colour))  # the colour deep enough to read on the white sheet
    canvas.drawString(x, y, _shaped(plan, number, font, CAPTION_SIZE))
    x += stringWidth(number + "  ", font, CAPTION_SIZE)
    room -= stringWidth(number + "  ", font, CAPTION_SIZE)
    while title and stringWidth(title, font, CAPTION_SIZE) > room:
        title = title[:-2] + "…"
    canvas.setFillColorRGB(*INK)
    canvas.drawString(x, y, _shaped(plan, title, font, CAPTION_SIZE))
