"""One card face on a canvas, at a rectangle decided by the imposition."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.plan.fit import DECK_NAME_SPACING, FittedCard, deck_name_width
from cardgen.draw.qr import draw_qr, site_label
from cardgen.draw.vector import Icons, draw_vector
from cardgen.plan.geometry import BODY_GAP, Rect, back_regions
from cardgen.model import RGB, CardLayout
from cardgen.typeset.paragraph import paragraph
from cardgen.units import MM

WHITE = (1.0, 1.0, 1.0)


def draw_front(
    canvas: Canvas,
    box: Rect,
    fitted: FittedCard,
    layout: CardLayout,
    deck_title: str,
    icons: Icons,
    qr: tuple[str, float] | None = None,
    bleed: float = 0.0,
) -> None:
    """The category's colour to the cut, its word large in white, the deck's name and the number.
    `qr` (site, tile side) puts a code for the deck's site below the word: on the rules card."""
    card = fitted.card
    canvas.saveState()
    canvas.setFillColorRGB(*card.colour)
    face = box.inset(-bleed)  # with a bleed, the colour runs past the cut
    canvas.rect(face.x, face.y, face.w, face.h, stroke=0, fill=1)

    deck = layout.front_deck
    _spaced_centred(canvas, deck_title, box.cx, box.top - layout.padding - deck.size * 0.75, deck, deck.colour)

    label = paragraph(fitted.label_markup, layout.front_label, fitted.label_size, layout.front_label.colour, "center")
    width = box.w - 2 * layout.padding
    _, height = label.wrap(width, box.h)
    # top to bottom: the deck's name, the icon, the word and its rule; the QR tile below on the rules card
    icon_size = layout.icon * (0.6 if qr else 1.0) if card.icon else 0.0
    centre = box.y + box.h * ((0.62 if qr else 0.40) if card.icon else (0.70 if qr else 0.54))
    if card.icon:
        icon_box = Rect(box.cx - icon_size / 2, centre + fitted.label_size * 0.9 + 2 * MM, icon_size, icon_size)
        draw_vector(canvas, icons.tinted(card.icon, layout.front_label.colour), icon_box)
    label.drawOn(canvas, box.x + layout.padding, centre - height / 2 + fitted.label_size * 0.12)

    canvas.setStrokeColorRGB(*layout.front_label.colour)
    canvas.setLineWidth(1.4)
    canvas.setLineCap(1)
    rule_y = centre - height / 2 - 3 * MM
    canvas.line(box.cx - 6 * MM, rule_y, box.cx + 6 * MM, rule_y)

    _number(canvas, box, card.number_text, layout, deck.colour)
    if qr:
        _site_code(canvas, box, layout, *qr)
    canvas.restoreState()


def _site_code(canvas: Canvas, box: Rect, layout: CardLayout, site: str, side: float) -> None:
    """The QR tile above the site's name at the foot of the card."""
    deck = layout.front_deck
    canvas.setFillColorRGB(*deck.colour)
    canvas.setFont(deck.font, deck.size + 0.5)
    canvas.drawCentredString(box.cx, box.y + layout.padding, site_label(site))
    tile = Rect(box.cx - side / 2, box.y + layout.padding + deck.size + 2.5 * MM, side, side)
    draw_qr(canvas, tile, site, radius=1.2 * MM)


def draw_back(canvas: Canvas, box: Rect, fitted: FittedCard, layout: CardLayout, icons: Icons, bleed: float = 0.0) -> None:
    """A light face: the coloured band, the title in the card's colour, the description, the number."""
    card = fitted.card
    regions = back_regions(layout)
    canvas.saveState()
    face = box.inset(-bleed)
    canvas.setFillColorRGB(*layout.back_background)
    canvas.rect(face.x, face.y, face.w, face.h, stroke=0, fill=1)
    band = Rect(box.x + regions.band.x, box.y + regions.band.y, regions.band.w, regions.band.h)
    canvas.setFillColorRGB(*card.colour)
    canvas.rect(band.x - bleed, band.y, band.w + 2 * bleed, band.h + bleed, stroke=0, fill=1)

    deck = layout.front_deck
    baseline = band.cy - deck.size * 0.35
    x = box.x + layout.padding
    if card.icon:
        side = band.h * 0.58
        draw_vector(canvas, icons.tinted(card.icon, deck.colour), Rect(x, band.cy - side / 2, side, side))
        x += side + 1.8 * MM
    canvas.setFillColorRGB(*deck.colour)
    canvas.setFont(deck.font, deck.size + 1)
    canvas.drawString(x, baseline, card.label)

    title_colour = layout.title.colour or card.colour
    title = paragraph(fitted.title_markup, layout.title, fitted.title_size, title_colour)
    _, title_h = title.wrap(regions.text_w, box.h)
    top = box.y + regions.text_top
    title.drawOn(canvas, box.x + regions.text_x, top - title_h)

    body_colour = layout.description.colour or card.colour
    body = paragraph(fitted.body_markup, layout.description, fitted.body_size, body_colour)
    _, body_h = body.wrap(regions.text_w, box.h)
    body.drawOn(canvas, box.x + regions.text_x, top - title_h - BODY_GAP - body_h)

    _number(canvas, box, card.number_text, layout, layout.number.colour or card.colour)
    canvas.restoreState()


def _number(canvas: Canvas, box: Rect, text: str, layout: CardLayout, colour: RGB) -> None:
    if not text:
        return
    style = layout.number
    canvas.setFillColorRGB(*colour)
    canvas.setFont(style.font, style.size)
    canvas.drawCentredString(box.cx, box.y + back_regions(layout).number_baseline, text)


def _spaced_centred(canvas: Canvas, name: str, cx: float, y: float, style, colour: RGB) -> None:
    width = deck_name_width(name, style)
    _spaced(canvas, name.upper(), cx - width / 2, y, style, DECK_NAME_SPACING, colour)


def _spaced(canvas: Canvas, text: str, x: float, y: float, style, spacing: float, colour: RGB) -> None:
    obj = canvas.beginText(x, y)
    obj.setFont(style.font, style.size)
    obj.setCharSpace(spacing)
    obj.setFillColorRGB(*colour)
    obj.textOut(text)
    obj.setCharSpace(0)  # Tc outlives the text object in the PDF's text state: later strings would inherit it
    canvas.drawText(obj)
