"""An edition planned again with some of its texts edited, by the printing code (cards_for,
fit_cards, plan_faces, plan_poster) over the loaded deck and layout: only what the edit touches is
planned again (a card's edit leaves the poster, a poster text the cards), and the measurements of
every unchanged card are kept (serve/warm.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cardgen.build import EditionPlan, Prepared
from cardgen.errors import Problem, Problems
from cardgen.model import Edition
from cardgen.plan.cards import cards_for
from cardgen.plan.faces import plan_faces
from cardgen.plan.fit import check_deck_name, fit_cards
from cardgen.plan.poster import plan_poster
from cardgen.serve.fits import layout_of
from cardgen.serve.texts import editable_texts, with_edits
from cardgen.serve.warm import Measures
from cardgen.typeset.glyphs import check_glyphs

POSTER_ONLY = ("deck.subject", "poster.")  # keys that change the poster and no card
CARDS_ONLY = ("cards.", "rules.", "deck.title")  # keys that change cards and not the poster


@dataclass(frozen=True)
class Planned:
    """An edition planned with some edits: `plan` is None when they do not fit, `problems` say why."""

    plan: EditionPlan | None
    problems: tuple[Problem, ...]
    edition: Edition  # with the edits in
    shown: EditionPlan | None = None  # when a description is too long: drawn at the smallest size past the card's foot


def plan_edits(prepared: Prepared, edits: dict[str, str], measures: Measures) -> Planned:
    """The prepared edition planned again with `edits` (key -> text) written in."""
    base = prepared.editions[0]
    changed = with_edits(base.edition, edits)
    old, new = editable_texts(base.edition), editable_texts(changed)
    edits = {k: v for k, v in edits.items() if old[k] != new[k]}
    if not edits:
        return Planned(base, (), base.edition)
    layout, structure, problems = layout_of(prepared), prepared.deck.structure, Problems()
    fit, faces, poster = base.fit, base.faces, base.poster
    if not all(k.startswith(POSTER_ONLY) for k in edits):
        fit, faces = _plan_cards(prepared, base, changed, problems, measures)
    else:  # the poster's texts only: their glyphs are checked with the edition's own
        check_glyphs([], changed, structure, layout, problems)
    if not all(k.startswith(CARDS_ONLY) for k in edits):
        qr = layout.qr.poster if layout.qr.show else None
        poster = plan_poster(layout.poster, changed, structure, layout.fonts.bold.name, problems, qr)
    if problems or fit is None or poster is None:
        return Planned(None, tuple(problems.items), changed, _overflowing(prepared, changed, measures))
    return Planned(EditionPlan(changed, fit, poster, faces, base.layout), (), changed)


def _plan_cards(prepared: Prepared, base: EditionPlan, edition: Edition, problems: Problems, measures: Measures):
    """The edition's cards fitted again (every card: one may set the deck's size); glyphs are
    checked and faces planned again only for the cards that changed."""
    layout, structure = layout_of(prepared), prepared.deck.structure
    renamed = edition.title != base.edition.title  # the deck's name is on every front
    if renamed and not check_deck_name(edition, layout.card, problems):
        return None, None
    cards = cards_for(structure, edition, layout)
    before = [fitted.card for fitted in base.fit.cards]
    if not check_glyphs([c for c in cards if c not in before], edition, structure, layout, problems):
        return None, None
    fit = fit_cards(cards, layout.card, layout.fonts.bold.name, edition.code, edition.language, problems, measures.of)
    if fit is None:
        return None, None
    same = len(fit.cards) == len(base.fit.cards) and not renamed
    redo = [i for i, f in enumerate(fit.cards) if not (same and f == base.fit.cards[i])]
    planned = plan_faces(replace(fit, cards=tuple(fit.cards[i] for i in redo)), layout, edition, structure.site)
    faces = list(base.faces) if same else [None] * len(fit.cards)
    for i, face in zip(redo, planned):
        faces[i] = face
    return fit, tuple(faces)


def _overflowing(prepared: Prepared, edition: Edition, measures: Measures) -> EditionPlan | None:
    """The edition as the user typed it, for the preview only: the cards whose descriptions
    changed set at the smallest size, running past the card's foot when too long. None when
    anything else changed (a title, a label, the deck's name): those show the last plan that fitted."""
    base, layout = prepared.editions[0], layout_of(prepared)
    cards = cards_for(prepared.deck.structure, edition, layout)
    fitted = list(base.fit.cards)
    if len(cards) != len(fitted) or edition.title != base.edition.title:
        return None
    smallest, redo = layout.card.description.min_size, []
    for i, (card, old) in enumerate(zip(cards, fitted)):
        if card == old.card:
            continue
        if (card.title, card.label) != (old.card.title, old.card.label):
            return None
        m = measures.of(card, layout.card, layout.fonts.bold.name, edition.language)
        fitted[i] = replace(old, card=card, body_size=smallest, body_height=m.body(smallest)[0],
                            body_markup=m.body_markup(False), body_lines=m.lines(smallest, glue=False))
        redo.append(i)
    fit = replace(base.fit, cards=tuple(fitted))
    faces = list(base.faces)
    planned = plan_faces(replace(fit, cards=tuple(fitted[i] for i in redo)), layout, edition, prepared.deck.structure.site)
    for i, face in zip(redo, planned):
        faces[i] = face
    return EditionPlan(edition, fit, base.poster, tuple(faces), base.layout)
