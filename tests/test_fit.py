"""Text fitting is pure: sizes come back as data, and text that cannot fit is a named problem."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cardgen.errors import Problems
from cardgen.plan.fit import fit_cards, largest_fitting
from cardgen.model import Card, Source
from cardgen.spec import TextStyle

SOURCE = Source(Path("content/nl/texts.yaml"), 41)
SHORT = "Onze school heeft een aanspreekpersoon die weet hoe je moet omgaan met sexting."
LONG = (
    "Onze school reageert kordaat maar respectvol naar de leerlingen bij problematische sexting. "
    "Leerlingen krijgen te horen waarom en welk gedrag wel of niet oké is. Dit kan zowel de "
    "aanspreekpersoon, de directie of iemand anders zijn."
)


def card(card_id: str, description: str, title: str = "Stappenplan", kind: str = "action") -> Card:
    return Card(card_id, kind, title, description, "#reactie", (0.7, 0.3, 0.0), 1, 24, SOURCE)


@pytest.fixture
def card_layout(prepared):
    return prepared.layout.card


def fit(cards, layout, problems=None):
    return fit_cards(cards, layout, "Helvetica-Bold", "nl", "nl-BE", problems if problems is not None else Problems())


def test_largest_fitting_finds_the_boundary_in_quarter_points():
    style = TextStyle("Helvetica", 10, 6, 1.2, (0, 0, 0))
    assert largest_fitting(style, lambda s: s <= 7.3) == 7.25
    assert largest_fitting(style, lambda s: True) == 10
    assert largest_fitting(style, lambda s: False) is None


def test_the_dutch_deck_fits_at_the_preferred_size(prepared):
    plan = next(p for p in prepared.editions if p.edition.code == "nl")
    actions = [f for f in plan.fit.cards if f.card.kind == "action"]
    assert len(actions) == 24
    assert {f.body_size for f in actions} == {prepared.layout.card.description.size}


def test_one_long_card_sets_one_even_size_for_the_whole_deck(card_layout):
    long_text = " ".join([LONG] * 2)
    result = fit([card("a", SHORT), card("b", long_text), card("c", SHORT)], card_layout)
    sizes = {f.card.id: f.body_size for f in result.cards}
    assert len(set(sizes.values())) == 1
    assert sizes["a"] < card_layout.description.size
    assert result.shrink is not None and [c.id for c in result.shrink.cards] == ["b"]
    assert (result.shrink.size, result.shrink.preferred) == (sizes["a"], card_layout.description.size)


def test_per_card_fitting_shrinks_only_the_long_card(card_layout):
    layout = dataclasses.replace(card_layout, fit="card")
    result = fit([card("a", SHORT), card("b", " ".join([LONG] * 2))], layout)
    sizes = {f.card.id: f.body_size for f in result.cards}
    assert sizes["a"] == layout.description.size
    assert layout.description.min_size <= sizes["b"] < layout.description.size
    assert any("card 'b': description shrunk" in note for note in result.notes)


def test_text_that_cannot_fit_is_an_error_naming_edition_card_and_overflow(card_layout):
    problems = Problems()
    assert fit([card("a", SHORT), card("stappenplan", " ".join([LONG] * 4))], card_layout, problems) is None
    (problem,) = problems.items
    message = str(problem)
    assert message.startswith("content/nl/texts.yaml:41: edition 'nl', card 'stappenplan': the description does not fit even at 8 pt")
    assert "mm more than the" in message and "shorten the text" in message


def test_a_word_wider_than_the_card_is_an_error_even_when_height_is_fine(card_layout):
    problems = Problems()
    url = "https://www.sexting.be/" + "heel-lange-weg/" * 6
    assert fit([card("url", f"Zie {url} voor meer.")], card_layout, problems) is None
    assert "the word 'https://www.sexting.be/heel-lange-weg" in str(problems.items[0])


def test_a_title_word_too_wide_is_named(card_layout):
    problems = Problems()
    fit([card("t", SHORT, title="Herstelbemiddelingsondersteuningsprogramma")], card_layout, problems)
    assert "card 't': the title does not fit across the card" in str(problems.items[0])


def test_the_rules_card_fits_on_its_own_without_shrinking_the_deck(card_layout):
    rules = card("rules", " ".join([LONG] * 2), kind="rules")
    result = fit([rules, card("a", SHORT)], card_layout)
    sizes = {f.card.id: f.body_size for f in result.cards}
    assert sizes["a"] == card_layout.description.size
    assert sizes["rules"] < card_layout.description.size
