"""A bilingual deck's whole plan from its two editions (layout: output.bilingual, or --bilingual):
the first edition's plan, its cards carrying the second's texts (plan/bilingual.py fits both),
its poster both labels. An EditionPlan like any other, under the code nl-fr: packing, shop
files, tiles and previews take it as it is."""

from __future__ import annotations

from dataclasses import replace

from cardgen.errors import Problems
from cardgen.model import Deck
from cardgen.spec import Layout
from cardgen.plan.bilingual import fit_pairs, second_card_layout
from cardgen.plan.cards import cards_for
from cardgen.plan.faces import add_second_back, add_second_front, plan_faces
from cardgen.plan.fit import check_deck_name
from cardgen.plan.poster import plan_poster
from cardgen.plan.poster_second import add_second_poster
from cardgen.typeset.glyphs import check_glyphs
from cardgen.typeset.paragraph import printed_line


def plan_pair(deck: Deck, layout: Layout, problems: Problems):
    """(the combined edition, its layout, its fit, poster and faces), or None with problems."""
    from cardgen.load.scriptfonts import edition_layout

    codes = layout.bilingual
    found = {e.code: e for e in deck.editions}
    for code in codes:
        if code not in found:  # there, but left out as an unfinished translation
            problems.add(layout.path, layout.line("output.bilingual") or layout.line("output"), "output.bilingual",
                         f"the edition '{code}' of the bilingual deck {'-'.join(codes)} is not ready to build "
                         "(see the warning above); finish its translation, or name another edition")  # fmt: skip
    if any(code not in found for code in codes):
        return None
    first, second = found[codes[0]], found[codes[1]]
    own, other = edition_layout(layout, first, problems), edition_layout(layout, second, problems)
    if own is None or other is None or not check_deck_name(first, own.card, problems):
        return None
    cards, seconds = cards_for(deck.structure, first, own), cards_for(deck.structure, second, other)
    ok = check_glyphs(cards, first, deck.structure, own, problems)
    set_apart = replace(other, card=second_card_layout(other))  # the second's own fonts, in its italics
    if not (check_glyphs(seconds, second, deck.structure, set_apart, problems) and ok):
        return None
    bolds = (own.fonts.bold.name, other.fonts.bold.name)
    fitted = fit_pairs(cards, seconds, own.card, set_apart.card, bolds, (first, second), problems)
    qr = own.qr.poster if own.qr.show else None
    poster = plan_poster(own.poster, first, deck.structure, bolds[0], problems, qr)
    poster2 = plan_poster(other.poster, second, deck.structure, bolds[1], Problems(), None)  # its lines only
    if fitted is None or poster is None:
        return None
    fit, pairs = fitted
    faces = []
    for face, pair in zip(plan_faces(fit, own, first, deck.structure.site), pairs):
        label = printed_line(pair.fitted.card.label, second.language)
        front = add_second_front(face.front, label, pair.label_size, own, other)
        faces.append(replace(face, front=front, back=add_second_back(face.back, pair.fitted, own, set_apart)))
    if poster2 is not None:
        poster = add_second_poster(poster, poster2, other.poster, second)
    edition = replace(first, code=f"{first.code}-{second.code}")
    return edition, own, fit, poster, tuple(faces)
