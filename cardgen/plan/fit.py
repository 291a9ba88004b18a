"""Pure text fitting: the sizes at which every card's texts fit their boxes (each card measured by
plan/measure.py), or why they cannot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth

from cardgen.errors import Problems
from cardgen.paragraphs import Lines
from cardgen.plan.measure import SLACK, Measure
from cardgen.model import Card, Edition
from cardgen.spec import CardLayout, TextStyle
from cardgen.typeset.markup import printed
from cardgen.units import MM

STEP = 0.25  # pt: sizes are tried from the preferred one down in these steps


@dataclass(frozen=True, slots=True)
class FittedCard:
    card: Card
    label_size: float
    title_size: float
    body_size: float
    title_height: float
    body_height: float  # measured here at body_size: planning the back needs no second wrap
    title_markup: str  # what drawing passes to ReportLab: typeset once, here, and measured as such
    body_markup: str
    # the paragraphs measured at the chosen sizes, wrapped: drawing paints these lines, it does not wrap again
    title_lines: Lines | None = field(default=None, compare=False, repr=False)
    body_lines: Lines | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Fit:
    cards: tuple[FittedCard, ...]
    body_size: float  # the deck's description size (the smallest, when cards shrink alone)
    notes: tuple[str, ...]  # what shrank, for `cardgen check`
    shrink: Shrink | None = None  # a deck-wide smaller description size, news for `cardgen build`


@dataclass(frozen=True)
class Shrink:
    """fit: deck set every action card's description at `size` instead of `preferred`, because of `cards`."""

    size: float
    preferred: float
    cards: tuple[Card, ...]


def sizes(style: TextStyle) -> list[float]:
    count = int(round((style.size - style.min_size) / STEP))
    return [style.size - i * STEP for i in range(count + 1)]


def largest_fitting(style: TextStyle, fits) -> float | None:
    """The largest size of the style for which fits(size) holds, by bisection over the steps."""
    candidates = sizes(style)
    if fits(candidates[0]):
        return candidates[0]
    lo, hi = 0, len(candidates) - 1  # candidates[lo] fails
    if not fits(candidates[hi]):
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(candidates[mid]):
            hi = mid
        else:
            lo = mid
    return candidates[hi]


def fit_cards(
    cards: list[Card], layout: CardLayout, bold: str, edition: str, language: str, problems: Problems,
    measure: Callable[[Card, CardLayout, str, str], Measure] | None = None,
) -> Fit | None:
    """Choose sizes for every card of an edition (its code and language tag); any text that cannot
    fit even at its minimum is a problem. `measure` may hand out measurements kept from an earlier
    fit (the studio does, between keystrokes); they must be what Measure would make."""
    measure = measure or Measure
    measures = [measure(card, layout, bold, language) for card in cards]
    sizes = _sizes(measures, layout, edition, problems)
    if sizes is None:
        return None
    labels, titles, body, shrink = sizes
    # each measure let go of once its card is fitted: a fitted card keeps only its chosen lines,
    # and a deck of 10,000 cards would otherwise hold every card measured and fitted at once
    fitted = tuple(_fitted(m, labels[m.card.id], titles[m.card.id], body[m.card.id]) for m in _handed_out(measures))
    action_sizes = [f.body_size for f in fitted if f.card.kind == "action"] or [f.body_size for f in fitted]
    return Fit(fitted, min(action_sizes), tuple(_notes(fitted, layout, edition)), shrink)


def _sizes(measures: list[Measure], layout: CardLayout, edition: str, problems: Problems):
    """(label, title and description sizes by card id, and the deck-wide shrink), or None with the
    problems of the texts that fit at no size. What it holds of the measures goes when it returns."""
    labels = _fit_labels(measures, layout, edition, problems)
    titles = {m.card.id: _width_fit(m, "title", layout.title, edition, problems) for m in measures}
    if None in labels.values() or None in titles.values():  # a word wider than the card at the smallest size
        return None
    # With fit: deck, one size for all action cards, so the deck looks even; the rules card is a
    # card of its own kind and, like every card with fit: card, fits on its own.
    together = layout.fit == "deck"
    actions = [m for m in measures if together and m.card.kind == "action"]
    alone = [m for m in measures if not (together and m.card.kind == "action")]
    body = {m.card.id: largest_fitting(layout.description, lambda s, m=m: m.body_fits(titles[m.card.id], s)) for m in alone}
    if actions:
        deck_size = largest_fitting(
            layout.description, lambda s: all(m.body_fits(titles[m.card.id], s) for m in actions)
        )
        body.update({m.card.id: deck_size for m in actions})
    # Only a card without a size can fail at the minimum: measuring every card there again would
    # wrap each description once more for nothing.
    unsized = [m for m in measures if body[m.card.id] is None]
    failing = [m for m in unsized if not m.body_fits(titles[m.card.id], layout.description.min_size)]
    for m in failing:
        _overflow(m, titles[m.card.id], edition, problems)
    if failing:
        return None
    return labels, titles, body, _shrink(measures, titles, body, layout)


def _handed_out(items: list):
    """The items in order, each dropped from the list as it is handed out."""
    for i in range(len(items)):
        item, items[i] = items[i], None
        yield item


def _fitted(m: Measure, label_size: float, title_size: float, body_size: float) -> FittedCard:
    glue = m.glue(title_size, body_size)
    return FittedCard(
        m.card,
        label_size,
        title_size,
        body_size,
        m.title(title_size)[0],
        m.body(body_size, glue)[0],
        m.title_markup,
        m.body_markup(glue),
        m.lines(title_size),
        m.lines(body_size, glue),
    )


DECK_NAME_SPACING = 1.2  # pt between letters of the deck's name on the fronts


def deck_name_width(name: str, style: TextStyle) -> float:
    text = name.upper()
    if style.direction == "rtl":  # shaped and not spaced out (plan/faces.py): joined letters touch
        return word_width(text, style, style.size)
    return stringWidth(text, style.font, style.size) + DECK_NAME_SPACING * (len(text) - 1)


def check_deck_name(edition: Edition, layout: CardLayout, problems: Problems) -> bool:
    """The deck's name runs across the top of every front on one line; False (and a problem) when it cannot."""
    width = layout.width - 2 * layout.padding
    name = printed(edition.title, edition.language)
    if deck_name_width(name, layout.front_deck) > width + SLACK:
        problems.add(
            edition.path,
            edition.line("deck.title"),
            "deck.title",
            f"edition '{edition.code}': 'deck.title': the deck title {name!r} is wider than the card's "
            f"{width / MM:.1f} mm at {layout.front_deck.size:g} pt; shorten 'deck.title' or lower "
            "card.styles.front_deck.size in layout.yaml",
            inline=True,
        )
        return False
    return True


def _fit_labels(measures: list[Measure], layout: CardLayout, edition: str, problems: Problems) -> dict[str, float]:
    """The front's word, fitted once per distinct label: a category's label is shared by its cards."""
    sizes: dict[str, float | None] = {}
    by_label: dict[str, float | None] = {}
    for m in measures:
        label = m.card.label
        if label not in by_label:
            by_label[label] = _width_fit(m, "label", layout.front_label, edition, problems, card=False)
        sizes[m.card.id] = by_label[label]
    return sizes


def _width_fit(m: Measure, part: str, style: TextStyle, edition: str, problems: Problems, card: bool = True) -> float | None:
    """The largest size at which a text fits across the card. Lines break only between words and
    never pass the width (spaceShrinkage=0), so the text fits exactly when its widest word does."""
    text = getattr(m.card, part)
    word = _widest_word(m.title_printed if part == "title" else printed(text, m.language), style)
    width = m.layout.width - 2 * m.layout.padding
    size = largest_fitting(style, lambda s: word_width(word, style, s) <= width + SLACK)
    if size is None:
        where = f"card '{m.card.id}': the {part}" if card else f"the front label {text!r}"
        source = m.card.source_of(part)
        problems.add(
            source.path,
            source.line,
            source.key,
            f"edition '{edition}', {where} does not fit across the card even at "
            f"{style.min_size:g} pt: the word '{word}' is too wide for the {m.regions.text_w / MM:.1f} mm "
            f"box; shorten it or split it with a hyphen",
        )
    return size


def _widest_word(text: str, style: TextStyle) -> str:
    """The widest run that cannot be broken (no-break spaces hold words together)."""
    return max(text.replace("\n", " ").split(" "), key=lambda w: word_width(w, style, style.size))


def word_width(word: str, style: TextStyle, size: float) -> float:
    """A word's width as printed: shaped, in a right-to-left edition (joined letters are narrower)."""
    if style.direction == "rtl":
        from cardgen.bidi import shaped_width

        return shaped_width(word, style.font, size)
    return stringWidth(word, style.font, size)


def _overflow(m: Measure, title_size: float, edition: str, problems: Problems) -> None:
    size = m.layout.description.min_size
    height, widest = m.body(size)
    room = m.body_room(title_size)
    if widest > m.regions.text_w + SLACK:
        word = _widest_word(printed(m.card.description, m.language), m.layout.description)
        detail = f"the word '{word}' is wider than the {m.regions.text_w / MM:.1f} mm box"
    else:
        detail = f"it needs {(height - room) / MM:.1f} mm more than the {max(room, 0) / MM:.1f} mm left below the title"
    source = m.card.source_of("description")
    problems.add(
        source.path,
        source.line,
        source.key,
        f"edition '{edition}', card '{m.card.id}': the description does not fit even at {size:g} pt: "
        f"{detail}; shorten the text or lower card.styles.description.min_size in layout.yaml",
    )


def _shrink(measures: list[Measure], titles: dict, body: dict, layout: CardLayout) -> Shrink | None:
    """With fit: deck, the cards whose descriptions set every action card smaller than preferred
    (titles and body: each card's chosen sizes)."""
    preferred = layout.description.size
    actions = [m for m in measures if m.card.kind == "action"]
    if layout.fit != "deck" or not actions or body[actions[0].card.id] >= preferred:
        return None
    limiting = tuple(m.card for m in actions if not m.body_fits(titles[m.card.id], preferred))
    return Shrink(body[actions[0].card.id], preferred, limiting)


def _notes(fitted, layout: CardLayout, edition: str) -> list[str]:
    """What was set smaller than the layout asks, one line per text (a label shared by a
    category's cards is one line, not one per card)."""
    notes = []
    labels: dict[tuple[str, float], list[str]] = {}
    for f in fitted:
        if f.label_size < layout.front_label.size:
            labels.setdefault((f.card.label, f.label_size), []).append(f.card.id)
        if f.title_size < layout.title.size:
            notes.append(f"edition '{edition}', card '{f.card.id}': title shrunk to {f.title_size:g} pt to fit across the card")
        if (layout.fit == "card" or f.card.kind != "action") and f.body_size < layout.description.size:
            notes.append(f"edition '{edition}', card '{f.card.id}': description shrunk to {f.body_size:g} pt to fit")
    for (label, size), ids in labels.items():
        on = f"card '{ids[0]}'" if len(ids) == 1 else f"its {len(ids)} cards"
        notes.append(f"edition '{edition}': the front label {label!r} shrunk to {size:g} pt to fit across the card ({on})")
    return notes
