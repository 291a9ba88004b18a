"""How a text fits its card, told in one plain line: the size it is set at, the room left, or by
how much it is too long; drawn from the printing code's own fit and measurements."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from cardgen.errors import Problem, Problems
from cardgen.model import Edition
from cardgen.spec import Layout
from cardgen.plan import fit as fitting
from cardgen.plan.cards import cards_for
from cardgen.serve.texts import editable_texts
from cardgen.typeset.markup import printed
from cardgen.units import MM


@dataclass(frozen=True)
class TextFit:
    status: str  # 'ok' | 'shrunk' | 'overflow'
    size: float | None  # pt the card's description is set at
    room_mm: float | None  # room left below the description
    overflow_mm: float | None  # how much too long (or too wide) at the smallest size
    message: str  # one plain line for the page
    deck_shrink: bool = False  # this text sets every action card of the deck smaller


def plain_fit(key: str) -> TextFit:
    """A text that is on no card (the poster's, a category's summary) and fits."""
    return TextFit("ok", None, None, None, "fits on the poster" if not key.startswith("deck.title") else "fits")


def card_fit(fit: fitting.Fit, card_id: str, layout: Layout, language: str, measures) -> TextFit:
    fitted = next(f for f in fit.cards if f.card.id == card_id)
    card = layout.card
    m = measures.of(fitted.card, card, layout.fonts.bold.name, language)
    glue = fitted.body_markup != m.body_markup(False)
    room = (m.body_room(fitted.title_size) - m.body(fitted.body_size, glue)[0]) / MM
    size, preferred = fitted.body_size, card.description.size
    spare = f"{room:.1f} mm to spare"
    deck_shrink = fit.shrink is not None and any(c.id == card_id for c in fit.shrink.cards)
    if deck_shrink:
        message = f"fits at {size:g} pt: every card of the deck is set at {size:g} pt instead of {preferred:g} pt because of this text"
    elif size < preferred and (card.fit == "card" or fitted.card.kind != "action"):
        message = f"set at {size:g} pt instead of {preferred:g} pt to fit, {spare}"
    elif fitted.title_size < card.title.size:
        message = f"title set at {fitted.title_size:g} pt instead of {card.title.size:g} pt to fit across the card; {spare}"
    elif fitted.label_size < card.front_label.size:
        message = f"front label set at {fitted.label_size:g} pt instead of {card.front_label.size:g} pt to fit; {spare}"
    else:
        shrunk_by_others = f" (every card is set at {size:g} pt because of a longer text on another card)" if size < preferred else ""
        return TextFit("ok", size, room, None, f"set at {size:g} pt, {spare}{shrunk_by_others}")
    return TextFit("shrunk", size, room, None, message, deck_shrink)


def layout_of(prepared) -> Layout:
    """The layout the studio's edition is planned with: its own fonts and direction (load/scriptfonts.py)."""
    return prepared.editions[0].layout or prepared.layout


def failed_fit(problems: tuple[Problem, ...], key: str, prepared, edition: Edition, measures) -> TextFit:
    """Why an edit does not fit, with by how much when the text is a card's."""
    problem = next((p for p in problems if p.key == key), problems[0] if problems else None)
    message = problem.message if problem else "does not fit"
    if problem is not None and problem.key != key:  # the edit is fine, another text of the edition is not
        return TextFit("overflow", None, None, None, message)
    card = layout_of(prepared).card
    parts = key.split(".")
    if parts[0] in ("cards", "categories", "rules") and parts[-1] in ("title", "label"):
        style = card.title if parts[-1] == "title" else card.front_label
        word = fitting._widest_word(printed(editable_texts(edition)[key], edition.language), style)
        wide = (stringWidth(word, style.font, style.min_size) - (card.width - 2 * card.padding)) / MM
        shown = f"does not fit across the card even at {style.min_size:g} pt: the word '{word}' is {wide:.1f} mm too wide"
        return TextFit("overflow", None, None, wide, shown if wide > 0 else message)
    card_id = parts[1] if parts[0] == "cards" else "rules" if parts[0] == "rules" else None
    cards = {c.id: c for c in cards_for(prepared.deck.structure, edition, layout_of(prepared))}
    if card_id not in cards:
        return TextFit("overflow", None, None, None, message)
    m = measures.of(cards[card_id], card, layout_of(prepared).fonts.bold.name, edition.language)
    title_size = fitting._width_fit(m, "title", card.title, edition.code, Problems()) or card.title.min_size
    smallest = card.description.min_size
    height, widest = m.body(smallest)
    if widest > m.regions.text_w + fitting.SLACK:
        return TextFit("overflow", None, None, (widest - m.regions.text_w) / MM, message)
    over = (height - m.body_room(title_size)) / MM
    return TextFit("overflow", None, None, over, f"does not fit even at {smallest:g} pt: {over:.1f} mm too long")
