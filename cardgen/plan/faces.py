"""Card faces planned: every fitted card's front and back as positioned, typeset items, relative to
the card's lower-left corner (the imposition says where the card lands). Pure: no canvas here."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from cardgen.model import Edition, Layout
from cardgen.paragraphs import Lines, wrapped
from cardgen.plan.fit import DECK_NAME_SPACING, Fit, FittedCard, deck_name_width, text_colours
from cardgen.plan.geometry import BODY_GAP, Code, Fill, Icon, Line, Rect, Rule, TextBlock, back_regions
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
BAND_ICON_GAP = 1.8 * MM  # icon to label
BAND_GROW = 1.0  # pt: the band's label a little larger than the deck's name on the front


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
    lines: dict[tuple[str, float], Lines] = {}  # and wrapped once a size, for all of them
    same: dict = {}  # items equal on several cards, kept once (see _once)
    for fitted in fit.cards:
        raw = fitted.card.label
        if raw not in labels:
            labels[raw] = printed_line(raw, edition.language)  # one way everywhere it prints
        label = labels[raw]
        if (label, fitted.label_size) not in lines:
            lines[label, fitted.label_size] = label_lines(label, fitted.label_size, layout)
        code = qr if fitted.card.kind == "rules" else None
        front = plan_front(fitted, label, lines[label, fitted.label_size], layout, deck_name, site, code)
        faces.append(CardFaces(_once(front, same), _once(plan_back(fitted, label, layout), same)))
    return tuple(faces)


def _once(plan, same: dict):
    """The face with each of its items replaced by an equal one kept earlier, when there is one:
    a category's background, icon, label and rule are the same on all its cards, and 10,000
    cards then hold one of each instead of 10,000 (items are frozen, so sharing them is safe)."""
    items = (getattr(plan, f.name) for f in fields(plan))
    return type(plan)(*(None if item is None else same.setdefault(item, item) for item in items))


def label_lines(label: str, size: float, layout: Layout) -> Lines:
    """The front's label wrapped across the card at `size` (its height is what it takes)."""
    style = layout.card
    word = style.front_label
    return Lines(wrapped(markup(label), word, size, word.colour, style.width - 2 * style.padding, "center"))


def plan_front(
    fitted: FittedCard, label: str, label_wrapped: Lines, layout: Layout, deck_name: str, site: str, qr: float | None
) -> FrontPlan:
    """`label_wrapped` is label_lines() of the label at the fitted size; `qr` is the side of the site's
    QR tile, for the rules card, None on every other card."""
    card, style = fitted.card, layout.card
    w, h = style.width, style.height
    deck, word = style.front_deck, style.front_label
    name = Line(deck_name.upper(), deck.font, deck.size, deck.colour, w / 2 - deck_name_width(deck_name, deck) / 2,
                h - style.padding - deck.size * DECK_NAME_DROP, spacing=DECK_NAME_SPACING)  # fmt: skip
    text_w, text, label_h = w - 2 * style.padding, markup(label), label_wrapped.height
    centre = h * LABEL_CENTRE[(card.icon is not None, qr is not None)]
    icon = None
    if card.icon:
        side = style.icon * (RULES_ICON if qr else 1.0)
        icon = Icon(card.icon, Rect(w / 2 - side / 2, centre + fitted.label_size * ICON_LIFT + ICON_GAP, side, side), word.colour)
    box = Rect(style.padding, centre - label_h / 2 + fitted.label_size * LABEL_RAISE, text_w, label_h)
    rule_y = centre - label_h / 2 - RULE_GAP
    rule = Rule(w / 2 - RULE_HALF, rule_y, w / 2 + RULE_HALF, rule_y, word.colour, RULE_WIDTH, round_cap=True)
    front = FrontPlan(
        Fill(Rect(0, 0, w, h), card.colour, bleed="lrtb"),
        name,
        icon,
        TextBlock(text, word, fitted.label_size, word.colour, box, "center", label_wrapped),
        rule,
        _number(fitted, layout, deck.colour),
    )
    if qr is None:
        return front
    site_line = Line(site_label(site), deck.font, deck.size + SITE_GROW, deck.colour, w / 2, style.padding, centred=True)
    tile = Rect(w / 2 - qr / 2, style.padding + deck.size + QR_GAP, qr, qr)
    return replace(front, site=site_line, code=Code(site, tile, QR_RADIUS))


def plan_back(fitted: FittedCard, label: str, layout: Layout) -> BackPlan:
    card, style = fitted.card, layout.card
    regions = back_regions(style)
    band = regions.band
    deck = style.front_deck
    band_middle = band.cy
    x = style.padding
    icon = None
    if card.icon:
        side = band.h * BAND_ICON
        icon = Icon(card.icon, Rect(x, band_middle - side / 2, side, side), deck.colour)
        x += side + BAND_ICON_GAP
    word = Line(label, deck.font, deck.size + BAND_GROW, deck.colour, x, band_middle - deck.size * BAND_BASELINE)

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
        _number(fitted, layout, style.number.colour or card.colour),
    )


def _number(fitted: FittedCard, layout: Layout, colour) -> Line | None:
    """The card's number at the foot, centred; the rules card has none."""
    text = fitted.card.number_text
    if not text:
        return None
    style = layout.card
    return Line(text, style.number.font, style.number.size, colour, style.width / 2, back_regions(style).number_baseline, centred=True)
