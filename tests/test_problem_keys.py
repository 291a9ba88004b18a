"""Every problem carries the dotted key it is about, so a test (or a tool) asks for the key
instead of parsing the message; the printed line stays `file:line: 'key': message`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cardgen.build import prepare
from cardgen.errors import ContentError, Problem, Problems

CONTENT = Path(__file__).resolve().parent / "fixtures" / "decks" / "editions"  # frozen: see conftest.py


def problems_of(tmp_path: Path, file: str, old: str, new: str) -> list[Problem]:
    """The problems `prepare` reports for a copy of the shipped deck with `old` replaced by `new` in `file`."""
    deck = tmp_path / "deck"
    shutil.copytree(CONTENT, deck)
    target = deck / file
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not written once in {file}"
    target.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        prepare(deck, lang="nl")
    return caught.value.problems


def test_a_bad_value_names_its_key_apart_from_the_message(tmp_path):
    (problem,) = problems_of(tmp_path, "layout.yaml", "description: {font: regular, size: 11pt,", "description: {font: regular, size: big,")
    assert problem.key == "card.styles.description.size"
    assert "description" not in problem.message  # the key is not pasted into the message
    assert str(problem).endswith(f"layout.yaml:{problem.line}: 'card.styles.description.size': {problem.message}")


def test_a_value_out_of_range_is_blamed_on_its_key(tmp_path):
    (problem,) = problems_of(tmp_path, "layout.yaml", "leading: 1.3, colour: \"#333333\"", "leading: 9, colour: \"#333333\"")
    assert problem.key == "card.styles.description.leading"
    assert "found 9" in problem.message


def test_a_missing_key_and_an_unknown_key_keep_their_wording(tmp_path):
    problems = problems_of(tmp_path, "deck.yaml", "deck: sextingscreener", "dek: sextingscreener")
    assert [p.key for p in problems] == ["deck", "dek"]
    assert str(problems[0]).endswith(f"deck.yaml:{problems[0].line}: 'deck' is missing; add the key 'deck:'")
    assert "unknown key 'dek'; did you mean 'deck'?" in str(problems[1])


def test_a_text_that_does_not_fit_names_the_card_text(tmp_path):
    long = "description: >-\n      " + "Onze school heeft een aanspreekpersoon die weet wat te doen. " * 12 + "\n      Onze"
    (problem,) = problems_of(tmp_path, "nl/texts.yaml", "description: >-\n      Onze school heeft een aanspreekpersoon", long + " aanspreekpersoon")
    assert problem.key == "cards.aanspreekpersoon.description"
    assert problem.message.startswith("edition 'nl', card 'aanspreekpersoon': the description does not fit")
    assert f"'cards.aanspreekpersoon.description': {problem.message}" in str(problem)


def test_a_file_that_is_not_yaml_has_no_key(tmp_path):
    (problem,) = problems_of(tmp_path, "layout.yaml", "  styles:\n    front_label:", "  styles:\n   front_label: [\n    x:")
    assert problem.key is None
    assert "YAML syntax" in str(problem)


def test_a_scope_is_true_only_for_the_problems_of_its_own_stage():
    run = Problems()
    run.add(Path("deck.yaml"), 3, "deck", "expected an id")
    stage = run.scope()
    assert not stage
    stage.add(Path("layout.yaml"), 5, "card.width", "expected a length")
    assert stage and [p.key for p in run.items] == ["deck", "card.width"]
