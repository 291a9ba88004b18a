"""A bilingual deck planned: two editions' texts on every card. The first edition's back as it is,
then the second's below a thin rule (plan/faces.py sets it apart); both descriptions share the
back's box, so they are fitted together, at one size for the deck. What comes out is the first
edition's plan with the second's parts added: the rest of the pipeline draws it unchanged."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cardgen.errors import Problems
from cardgen.model import Card, Edition
from cardgen.spec import CardLayout, Layout
from cardgen.plan.faces import SECOND_FADE, SECOND_GAP, SECOND_LABEL, faded, second_styles
from cardgen.plan.fit import SLACK, STEP, Fit, Shrink, FittedCard, Measure, _fit_labels, _fitted, _width_fit, largest_fitting
from cardgen.plan.geometry import BODY_GAP
from cardgen.units import MM


@dataclass(frozen=True)
class Pair:
    """The second edition's texts of one card, fitted with the first's: what its back adds."""

    fitted: FittedCard  # the second's title and description at the sizes chosen for both
    label_size: float  # the front's second label, as large as fits across the card (0: it does not)


class SecondMeasure(Measure):
    """The second edition's texts, measured in their set-apart styles and faded colours."""

    def __init__(self, card: Card, layout: CardLayout, bold: str, language: str) -> None:
        super().__init__(card, layout, bold, language)
        self.colours = tuple(faded(c, layout.back_background, SECOND_FADE) for c in self.colours)


def second_card_layout(own: Layout) -> CardLayout:
    """The second edition's card styles: its own fonts and direction, set apart (faces.second_styles)."""
    title, description = second_styles(own)
    return replace(own.card, title=title, description=description)


def fit_pairs(
    firsts: list[Card], seconds: list[Card], layout: CardLayout, second_layout: CardLayout,
    bold: tuple[str, str], codes: tuple[Edition, Edition], problems: Problems,
) -> tuple[Fit, tuple[Pair, ...]] | None:
    """Sizes at which both editions' titles and descriptions fit one back together: the title
    sizes each on its own (across the card), the descriptions at one size for both (and, with
    fit: deck, for every action card). None, and a problem naming the card and the edition whose
    text is the tightest, when a card's pair does not fit even at the smallest size."""
    first, second = codes
    a = [Measure(c, layout, bold[0], first.language) for c in firsts]
    b = [SecondMeasure(replace(c, tags=()), second_layout, bold[1], second.language) for c in seconds]  # the rules card's tags once
    name = f"{first.code}-{second.code}"
    labels = _fit_labels(a, layout, first.code, problems)
    labels2 = _fit_labels(b, second_layout, second.code, Problems())  # "where it fits": a label too wide is left out
    titles = [(_width_fit(m, "title", layout.title, first.code, problems),
               _width_fit(n, "title", second_layout.title, second.code, problems)) for m, n in zip(a, b)]  # fmt: skip
    if None in labels.values() or any(None in t for t in titles):
        return None
    fits = [lambda s, m=m, n=n, t=t: _pair_fits(m, n, t, s) for m, n, t in zip(a, b, titles)]
    together = layout.fit == "deck"
    sizes: list[float | None] = [None] * len(a)
    actions = [i for i, m in enumerate(a) if together and m.card.kind == "action"]
    for i in range(len(a)):
        if i not in actions:
            sizes[i] = largest_fitting(layout.description, fits[i])
    if actions:
        deck_size = largest_fitting(layout.description, lambda s: all(fits[i](s) for i in actions))
        for i in actions:
            sizes[i] = deck_size
    failing = [i for i, s in enumerate(sizes) if s is None and not fits[i](layout.description.min_size)]
    for i in failing:  # (each card fitting at the smallest size, the deck fits there too)
        _overflow(a[i], b[i], titles[i], (first.code, second.code), problems)
    if failing:
        return None
    fitted = tuple(_fitted(m, labels[m.card.id], t[0], s) for m, t, s in zip(a, titles, sizes))
    pairs = tuple(Pair(_fitted(n, labels2[n.card.id] or 0.0, t[1], s),
                       min(labels2[n.card.id] or 0.0, labels[m.card.id] * SECOND_LABEL)) for m, n, t, s in zip(a, b, titles, sizes))  # fmt: skip
    action_sizes = [f.body_size for f in fitted if f.card.kind == "action"] or [f.body_size for f in fitted]
    preferred = layout.description.size
    notes = tuple(f"edition '{name}', card '{f.card.id}': descriptions shrunk to {f.body_size:g} pt to fit both languages"
                  for f in fitted if f.body_size < preferred and (f.card.kind != "action" or not together))  # fmt: skip
    return Fit(fitted, min(action_sizes), notes, _tightest(fits, actions, sizes, a, b, titles, layout)), pairs


def _tightest(fits, actions, sizes, a, b, titles, layout: CardLayout) -> Shrink | None:
    """With fit: deck set smaller than preferred: the card that holds the deck there (it would not
    fit one step larger), and, as its one 'card', the edition whose text of it is the longer."""
    if not actions or sizes[actions[0]] >= layout.description.size:
        return None
    size = sizes[actions[0]]
    i = next((i for i in actions if not fits[i](size + STEP)), actions[0])
    return Shrink(size, layout.description.size, (_tighter(a[i], b[i], titles[i], size).card,))


def _tighter(m: Measure, n: Measure, titles, size: float) -> Measure:
    """Of the two editions' texts of a card, the one taking more of the back at `size`; between
    two of the same height (lines come whole), the longer description."""
    first, second, _ = _heights(m, n, titles, size)
    if abs(first - second) > 1e-6:
        return n if second > first else m
    return n if len(n.card.description) > len(m.card.description) else m


def _heights(m: Measure, n: Measure, titles: tuple[float, float], size: float) -> tuple[float, float, float]:
    """(the first's part, the second's part, the room on the back) at description size `size`."""
    first = m.title(titles[0])[0] + BODY_GAP + m.body(size)[0]
    second = n.title(titles[1])[0] + BODY_GAP + n.body(size)[0]
    r = m.regions
    return first, second, r.text_top - r.text_bottom - 2 * SECOND_GAP


def _pair_fits(m: Measure, n: Measure, titles: tuple[float, float], size: float) -> bool:
    first, second, room = _heights(m, n, titles, size)
    wide = max(m.body(size)[1], n.body(size)[1])
    return first + second <= room + 1e-6 and wide <= m.regions.text_w + SLACK


def _overflow(m: Measure, n: Measure, titles, codes: tuple[str, str], problems: Problems) -> None:
    size = m.layout.description.min_size
    first, second, room = _heights(m, n, titles, size)
    name = "-".join(codes)
    (tight, tight_code), (other, other_code) = ((n, codes[1]), (m, codes[0])) if _tighter(m, n, titles, size) is n else ((m, codes[0]), (n, codes[1]))
    source = tight.card.source_of("description")
    part = second if tight is n else first
    problems.add(
        source.path, source.line, source.key,
        f"bilingual deck '{name}', card '{m.card.id}': the two descriptions do not fit one back together even at "
        f"{size:g} pt: they need {(first + second - room) / MM:.1f} mm more than the {room / MM:.1f} mm of the back; "
        f"the {tight_code} text is the tightest ({part / MM:.1f} mm of it, the {other_code} text "
        f"{(first + second - part) / MM:.1f} mm): shorten it, print larger cards (--card-size, card.size in "
        "layout.yaml), or lower card.styles.description.min_size there",
    )  # fmt: skip
