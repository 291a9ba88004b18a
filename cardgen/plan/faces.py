"""Card faces planned: every fitted card's front and back as positioned, typeset items, relative to
the card's lower-left corner (the imposition says where the card lands). Pure: no canvas here."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.pdfbase.pdfmetrics import getAscentDescent

from cardgen.bidi import shaped_width
from cardgen.model import Edition
from cardgen.spec import Layout
from cardgen.paragraphs import Lines, wrapped
from cardgen.plan.fit import DECK_NAME_SPACING, Fit, FittedCard, deck_name_width
from cardgen.plan.measure import text_colours
from cardgen.plan.palette import on_back, on_face
from cardgen.plan.geometry import BODY_GAP, Code, Fill, Icon, Line, Rect, Rule, TextBlock, back_regions, shared_items
from cardgen.typeset.markup import printed
from cardgen.typeset.paragraph import markup, printed_line, site_label
from cardgen.units import MM

# --- the front, top to bottom: the deck's name, the icon, the label and its rule, the number ---
DECK_NAME_DROP = 0.75  # the name's baseline sits this share of its size below the safe area's top: its capitals touch it
# Height of the label's centre, as a share of the card's: with an icon the label sits low so that the
# icon above it stands in the middle; without one it is a little above the middle, where the eye puts
# the centre; on the rules card the QR code takes the foot, so everything moves up.
LABEL_CENTRE = {(True, False): 0.40, (True, True): 0.62, (False, False): 0.54, (False, True): 0.70}
RULES_ICON = 0.6  # the rules card's icon, as a share of the layout's icon size: the QR code needs the room
ICON_LIFT = 0.9  # the icon's foot above the label's centre, in label sizes (plus ICON_GAP): clear of its capitals
ICON_GAP = 2 * MM
LABEL_RAISE = 0.12  # in label sizes: a paragraph's box holds the descenders, so centred as is it looks low
RULE_GAP = 3 * MM  # the short rule under the label, below the label's box
RULE_HALF = 6 * MM  # half the rule's length: a short accent, not a divider
RULE_WIDTH = 1.4
SITE_GROW = 0.5  # pt: the site's name a little larger than the deck's name, as it is meant to be typed
QR_GAP = 2.5 * MM  # between the site's name and the QR tile above it, beyond the name's size
QR_RADIUS = 1.2 * MM

# --- the back's band: the label in white beside the category's icon ---------------------------
BAND_BASELINE = 0.35  # in label sizes below the band's middle: centres the lower-case letters on it
BAND_ICON = 0.58  # the icon's side as a share of the band's height
BAND_SAFE_ICON = 0.8  # at most this share of the band's part inside the safe area
BAND_ICON_GAP = 1.8 * MM  # icon to label
BAND_GROW = 1.0  # pt: the band's label a little larger than the deck's name on the front

# --- a bilingual deck (plan/bilingual.py): the second edition's texts, set apart --------------
SECOND_GAP = 2.2 * MM  # above and below the thin rule between the two editions' texts
SECOND_RULE = 0.5  # pt: a hairline, a divider that does not compete with the band
SECOND_FADE = 0.28  # the second's colours moved this share towards the back's background: lighter, still 4.5:1 on white
SECOND_LABEL = 0.55  # the front's second label, as a share of the first's size
SECOND_LABEL_GAP = 1.6 * MM  # between the front's rule and the second label


@dataclass(frozen=True, slots=True)
class FrontPlan:
    """The category's colour to the cut, the deck's name, the icon, the label, the number;
    the rules card adds the site's name and its QR code."""

    background: Fill
    deck_name: Line
    icon: Icon | None
    label: TextBlock
    rule: Rule
    number: Line | None
    site: Line | None = None
    code: Code | None = None
    second_label: TextBlock | None = None  # a bilingual deck: the second edition's label, smaller, under the rule


@dataclass(frozen=True, slots=True)
class BackPlan:
    """A light face: the coloured band with icon and label, the title, the description, the number."""

    background: Fill
    band: Fill
    icon: Icon | None
    label: Line
    title: TextBlock
    body: TextBlock
    number: Line | None
    divider: Rule | None = None  # a bilingual deck: the rule, then the second edition's title and description
    second_title: TextBlock | None = None
    second_body: TextBlock | None = None


@dataclass(frozen=True, slots=True)
class CardFaces:
    front: FrontPlan
    back: BackPlan


def plan_faces(fit: Fit, layout: Layout, edition: Edition, site: str) -> tuple[CardFaces, ...]:
    """Both faces of every fitted card, in the fit's order. The rules card's front carries a QR
    code for `site` when the layout shows one."""
    deck_name = printed(edition.title, edition.language)
    qr = layout.qr.rules_card if layout.qr.show else None
    faces = []
    labels: dict[str, str] = {}  # a category's label is shared by its cards: set once
    lines: dict[tuple, Lines] = {}  # and wrapped once a size and colour, for all of them
    same: dict = {}  # items equal on several cards, kept once (see geometry.shared_items)
    for fitted in fit.cards:
        raw = fitted.card.label
        if raw not in labels:
            labels[raw] = printed_line(raw, edition.language)  # one way everywhere it prints
        label = labels[raw]
        key = (label, fitted.label_size, on_face(layout.card.front_label, fitted.card))
        if key not in lines:
            lines[key] = label_lines(*key, layout)
        code = qr if fitted.card.kind == "rules" else None
        front = plan_front(fitted, label, lines[key], layout, deck_name, site, code)
        faces.append(CardFaces(shared_items(front, same), shared_items(plan_back(fitted, label, layout), same)))
    return tuple(faces)


def label_lines(label: str, size: float, colour, layout: Layout) -> Lines:
    """The front's label wrapped across the card at `size` in `colour` (its height is what it takes)."""
    style = layout.card
    word = style.front_label
    return Lines(wrapped(markup(label), word, size, colour, style.width - 2 * style.padding, "center"))


def plan_front(
    fitted: FittedCard, label: str, label_wrapped: Lines, layout: Layout, deck_name: str, site: str, qr: float | None
) -> FrontPlan:
    """`label_wrapped` is label_lines() of the label at the fitted size; `qr` is the side of the site's
    QR tile, for the rules card, None on every other card."""
    card, style = fitted.card, layout.card
    w, h = style.width, style.height
    deck, word = style.front_deck, style.front_label
    deck_colour, word_colour = on_face(deck, card), on_face(word, card)
    name_y = h - style.padding - deck.size * DECK_NAME_DROP
    if layout.direction == "rtl":  # not spaced out: letters that join must touch
        name = _shaped(deck_name.upper(), deck.font, deck.size, deck_colour, w / 2 - deck_name_width(deck_name, deck) / 2, name_y)
    else:
        name = Line(deck_name.upper(), deck.font, deck.size, deck_colour, w / 2 - deck_name_width(deck_name, deck) / 2,
                    name_y, spacing=DECK_NAME_SPACING)  # fmt: skip
    text_w, text, label_h = w - 2 * style.padding, markup(label), label_wrapped.height
    centre = h * LABEL_CENTRE[(card.icon is not None, qr is not None)]
    icon = None
    if card.icon:
        side = style.icon * (RULES_ICON if qr else 1.0)
        icon = Icon(card.icon, Rect(w / 2 - side / 2, centre + fitted.label_size * ICON_LIFT + ICON_GAP, side, side), word_colour)
    box = Rect(style.padding, centre - label_h / 2 + fitted.label_size * LABEL_RAISE, text_w, label_h)
    rule_y = centre - label_h / 2 - RULE_GAP
    rule = Rule(w / 2 - RULE_HALF, rule_y, w / 2 + RULE_HALF, rule_y, word_colour, RULE_WIDTH, round_cap=True)
    front = FrontPlan(
        Fill(Rect(0, 0, w, h), card.colour, bleed="lrtb"),
        name,
        icon,
        TextBlock(text, word, fitted.label_size, word_colour, box, "center", label_wrapped),
        rule,
        _number(fitted, layout, deck_colour),
    )
    if qr is None:
        return front
    size = deck.size + SITE_GROW
    baseline = style.padding - getAscentDescent(deck.font, size)[1]  # its descenders (the g of .be) inside the safe area too
    site_line = Line(site_label(site), deck.font, size, deck_colour, w / 2, baseline, centred=True)
    tile = Rect(w / 2 - qr / 2, baseline + deck.size + QR_GAP, qr, qr)
    return replace(front, site=site_line, code=Code(site, tile, QR_RADIUS))


def plan_back(fitted: FittedCard, label: str, layout: Layout) -> BackPlan:
    card, style = fitted.card, layout.card
    regions = back_regions(style)
    band = regions.band
    deck = style.front_deck
    deck_colour = on_face(deck, card)
    # the band runs to the cut, its icon and label stay inside the safe area: centred on the band's part within it
    safe_top = min(band.top, style.height - style.padding)
    band_middle = (band.y + safe_top) / 2
    side = min(band.h * BAND_ICON, (safe_top - band.y) * BAND_SAFE_ICON)
    if layout.direction == "rtl":
        icon, word = _band_from_right(card.icon, label, layout, deck_colour, band_middle, side)
    else:
        x = style.padding
        icon = None
        if card.icon:
            icon = Icon(card.icon, Rect(x, band_middle - side / 2, side, side), deck_colour)
            x += side + BAND_ICON_GAP
        word = Line(label, deck.font, deck.size + BAND_GROW, deck_colour, x, band_middle - deck.size * BAND_BASELINE)

    title_colour, body_colour = text_colours(card, style)
    title_box = Rect(regions.text_x, regions.text_top - fitted.title_height, regions.text_w, fitted.title_height)
    body_h = fitted.body_height
    body_box = Rect(regions.text_x, regions.text_top - fitted.title_height - BODY_GAP - body_h, regions.text_w, body_h)
    return BackPlan(
        Fill(Rect(0, 0, style.width, style.height), style.back_background, bleed="lrtb"),
        Fill(band, card.colour, bleed="lrt"),
        icon,
        word,
        TextBlock(fitted.title_markup, style.title, fitted.title_size, title_colour, title_box, lines=fitted.title_lines),
        TextBlock(fitted.body_markup, style.description, fitted.body_size, body_colour, body_box, lines=fitted.body_lines),
        _number(fitted, layout, on_back(style.number, card, style)),
    )


def _number(fitted: FittedCard, layout: Layout, colour) -> Line | None:
    """The card's number at the foot, centred; the rules card has none."""
    text = fitted.card.number_text
    if not text:
        return None
    style = layout.card
    return Line(text, style.number.font, style.number.size, colour, style.width / 2, back_regions(style).number_baseline, centred=True)


def _band_from_right(icon_svg, label: str, layout: Layout, colour, middle: float, side: float) -> tuple[Icon | None, Line]:
    """The band of a right-to-left edition, mirrored: the icon at the right, where reading starts,
    and the label to its left, ending beside it; `middle` and `side` as for a left-to-right band."""
    style = layout.card
    deck = style.front_deck
    right = style.width - style.padding
    icon = None
    if icon_svg:
        icon = Icon(icon_svg, Rect(right - side, middle - side / 2, side, side), colour)
        right -= side + BAND_ICON_GAP
    size = deck.size + BAND_GROW
    return icon, _shaped(label, deck.font, size, colour, right - shaped_width(label, deck.font, size), middle - deck.size * BAND_BASELINE)


def _shaped(text: str, font: str, size: float, colour, x: float, y: float) -> Line:
    """A right-to-left line whose left end is `x`: drawn shaped, its words from right to left."""
    return Line(text, font, size, colour, x, y, shaped=True)


def faded(colour, background, share: float):
    """`colour` moved `share` of the way to `background`: the second edition's lighter ink."""
    return tuple(c + (b - c) * share for c, b in zip(colour, background))


def second_styles(own: Layout):
    """The second edition's title and description styles, in its own fonts: italic, where its
    script has italics (a right-to-left script has none: there the lighter colour alone sets it apart)."""
    card, fonts = own.card, own.fonts
    if own.direction == "rtl":
        return card.title, card.description
    return (replace(card.title, font=fonts.bold_italic.name, role="bold_italic"),
            replace(card.description, font=fonts.italic.name, role="italic"))  # fmt: skip


def add_second_back(back: BackPlan, second: FittedCard, layout: Layout, second_layout: Layout) -> BackPlan:
    """`back` with the second edition's title and description below a thin rule under its own
    description; `second` is fitted in second_styles (plan/bilingual.py made room for both)."""
    style = layout.card
    regions = back_regions(style)
    rule_y = back.body.box.y - SECOND_GAP
    rule = Rule(regions.text_x, rule_y, regions.text_x + regions.text_w, rule_y,
                faded(back.title.colour, style.back_background, SECOND_FADE), SECOND_RULE)  # fmt: skip
    own = second_layout.card
    title_colour, body_colour = (faded(c, style.back_background, SECOND_FADE) for c in text_colours(second.card, own))
    top = rule_y - SECOND_GAP
    title_box = Rect(regions.text_x, top - second.title_height, regions.text_w, second.title_height)
    body_box = Rect(regions.text_x, title_box.y - BODY_GAP - second.body_height, regions.text_w, second.body_height)
    title = TextBlock(second.title_markup, own.title, second.title_size, title_colour, title_box, lines=second.title_lines)
    body = TextBlock(second.body_markup, own.description, second.body_size, body_colour, body_box, lines=second.body_lines)
    return replace(back, divider=rule, second_title=title, second_body=body)


def add_second_front(front: FrontPlan, label: str, size: float, layout: Layout, second_layout: Layout) -> FrontPlan:
    """`front` with the second edition's label under the rule, at `size` or smaller, where it
    fits above the number (or the rules card's QR code); else the front as it was."""
    if size <= 0:
        return front
    style = layout.card
    colour = front.label.colour
    lines = label_lines(label, size, colour, second_layout)
    top = front.rule.y0 - SECOND_LABEL_GAP
    floor = (front.code.box.top if front.code else style.padding + style.number.size) + SECOND_LABEL_GAP
    if top - lines.height < floor:
        return front
    box = Rect(style.padding, top - lines.height, style.width - 2 * style.padding, lines.height)
    return replace(front, second_label=TextBlock(markup(label), second_layout.card.front_label, size, colour, box, "center", lines))
