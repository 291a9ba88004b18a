"""`check` warns a deck's author of what prints badly though it builds: categories that share an
icon (the palette's warnings, greys too close and text that does not read, are in test_palette.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from tests.conftest import FROZEN
from tests.patching import apply_patch

FIXTURES = Path(__file__).parent / "fixtures" / "warnings"


def check(deck: Path, *more: str):
    return CliRunner().invoke(main, ["check", "--content", str(deck), *more])


@pytest.mark.parametrize(
    ("fixture", "fragment"),
    [
        ("two_categories_share_an_icon", "category 'preventie' has the same icon as category 'kwaliteit' (line 17), star.svg"),
        ("rules_card_with_a_categorys_icon", "the rules card has the same icon as category 'reactie' (line 23), lifebuoy.svg"),
    ],
)
def test_faces_that_share_an_icon_are_named_with_their_lines(tmp_path, fixture, fragment):
    deck = tmp_path / "deck"
    shutil.copytree(FROZEN, deck)
    target, line = apply_patch(deck, FIXTURES / f"{fixture}.patch")
    result = check(deck)
    assert result.exit_code == 0, result.output  # a warning: the deck still builds
    (warning,) = [text for text in result.output.splitlines() if "same icon" in text]
    assert fragment in warning, warning
    assert "in black and white their cards then differ by their label alone: give each its own icon" in warning
    if fixture == "two_categories_share_an_icon":
        assert warning.startswith(f"warning: {target}:{line - 1}:"), warning  # the category's entry, where its id is
    assert check(deck, "--strict").exit_code == 1


def test_the_frozen_deck_has_an_icon_for_each_face_and_no_warning(tmp_path):
    result = check(FROZEN)
    assert "same icon" not in result.output and result.exit_code == 0
