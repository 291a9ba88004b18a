"""What a layout spec may hold and still print: values that are each valid but together would
print a wrong page, refused by their keys with the range that works (load/layout.py reads them)."""

from __future__ import annotations

from cardgen.load import schema
from cardgen.load.yamlfile import Node
from cardgen.spec import CardLayout, Layout, PosterLayout, QrLayout, TextStyle
from cardgen.units import MM

MIN_QR = 15 * MM  # smaller than this, a phone camera struggles with a printed code
MIN_TEXT = 4.0  # pt: smaller print cannot be read
LEADING = (0.8, 3.0)  # line height per size: below, lines overprint; above, a text falls apart
CARD_STYLES = ("front_label", "front_deck", "title", "description", "number")
POSTER_STYLES = ("title", "label", "footer")
MAX_MARK = (20 * MM, 10 * MM, 1 * MM)  # cut marks' length, offset and width
MIN_BAND_ROOM = 4 * MM  # of the back's band below the safe area's edge, for its icon and label
SLACK = 0.01  # pt: a limit written in mm, read back through points, is still that limit


def check_fits(layout: Layout, top: schema.Reader) -> None:
    """Values that are each valid but would print a wrong page: named by their keys, with the range
    that works. What passes here, build can draw."""
    complain = lambda key, message: _complain(top, key, message)  # noqa: E731
    _check_card(layout.card, layout.qr, complain)
    _check_poster(layout.poster, layout.qr, complain)
    sheet = layout.sheet
    for key, value, most in zip(("length", "offset", "width"), (sheet.mark_length, sheet.mark_offset, sheet.mark_width), MAX_MARK):
        if value > most + SLACK:
            complain(f"sheet.cut_marks.{key}", f"expected at most {most / MM:g} mm, found {value / MM:g} mm")


def _check_card(card: CardLayout, qr: QrLayout, complain) -> None:
    inner_w, inner_h = card.width - 2 * card.padding, card.height - 2 * card.padding
    if min(inner_w, inner_h) < 20 * MM:
        complain("card.padding", f"leaves {min(inner_w, inner_h) / MM:.1f} mm for text inside the padding (at least 20 mm "
                 "is needed); use a smaller padding or a larger card")
        return
    if card.band > card.height / 3 + SLACK:
        complain("card.band", f"expected at most a third of the card's height ({card.height / 3 / MM:g} mm), found {card.band / MM:g} mm")
    elif card.band < card.padding + MIN_BAND_ROOM - SLACK:
        complain("card.band", f"expected at least {(card.padding + MIN_BAND_ROOM) / MM:g} mm, found {card.band / MM:g} mm: the band's "
                 f"icon and label stand inside the safe area (card.padding, {card.padding / MM:g} mm) and need "
                 f"{MIN_BAND_ROOM / MM:g} mm of the band below it")
    most = min(inner_w, 0.4 * card.height)
    if card.icon > most + SLACK:
        complain("card.icon", f"expected at most {most / MM:g} mm (the width inside the padding and 40 % of the "
                 f"card's height), found {card.icon / MM:g} mm")
    if qr.rules_card > most + SLACK:
        complain("qr.rules_card", f"expected from {MIN_QR / MM:g} to {most / MM:g} mm (the width inside the padding and "
                 f"40 % of the card's height), found {qr.rules_card / MM:g} mm")
    for name in CARD_STYLES:
        _check_style(getattr(card, name), f"card.styles.{name}", min(inner_w, inner_h) / 2, complain)


def _check_poster(poster: PosterLayout, qr: QrLayout, complain) -> None:
    short = min(poster.paper)
    if short - 2 * poster.margin < 100 * MM:
        complain("poster.margin", "leaves less than 100 mm of poster between the margins; use a smaller margin or a larger paper")
        return
    if qr.poster > short / 4 + SLACK:
        complain("qr.poster", f"expected from {MIN_QR / MM:g} to {short / 4 / MM:g} mm (a quarter of the poster's "
                 f"short side), found {qr.poster / MM:g} mm")
    if poster.overlap > 50 * MM + SLACK:
        complain("poster.overlap", f"expected from 0 to 50 mm, found {poster.overlap / MM:g} mm")
    for name in POSTER_STYLES:
        _check_style(getattr(poster, name), f"poster.styles.{name}", short / 6, complain)


def _check_style(style: TextStyle, key: str, largest: float, complain) -> None:
    if style.min_size < MIN_TEXT:
        complain(f"{key}.min_size" if style.min_size < style.size else f"{key}.size",
                 f"expected at least {MIN_TEXT:g} pt, found {style.min_size:g} pt: smaller print cannot be read")
    if style.size > largest + SLACK:
        complain(f"{key}.size", f"expected at most {largest:.1f} pt (half the room on the page), found {style.size:g} pt")
    low, high = LEADING
    if not low <= style.leading <= high:
        complain(f"{key}.leading", f"expected from {low:g} to {high:g} (times the size), found {style.leading:g}")


def _complain(top: schema.Reader, dotted: str, message: str) -> None:
    """A problem with the key `dotted`, on the line of that key or of the deepest section written."""
    *sections, key = dotted.split(".")
    node = top.node
    for section in sections:
        child = node.get(section)
        if not isinstance(child, Node):
            top.problems.add(node.path, node.line_of(section), dotted, message)
            return
        node = child
    top.problems.add(node.path, node.line_of(key), dotted, message)
