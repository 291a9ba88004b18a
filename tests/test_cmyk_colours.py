"""--cmyk keeps the CMYK values the content files give, with no state kept between builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from cardgen.cli import main
from cardgen.load.assets import builtin_assets
from cardgen.pdf.cmyk import Inks, exact_colours
from cardgen.units import parse_colour

CONTENT = Path(__file__).resolve().parent / "fixtures" / "decks" / "editions"  # frozen: see conftest.py
PROFILE = builtin_assets() / "profiles" / "FOGRA39L-coated.icc"


def deck_with(tmp_path: Path, deck_colour: str, mark_colour: str) -> Path:
    deck = tmp_path / "deck"
    shutil.copytree(CONTENT, deck)
    structure = deck / "deck.yaml"
    structure.write_text(structure.read_text(encoding="utf-8").replace('"#4F2A8A"', f'"{deck_colour}"', 1), encoding="utf-8")
    layout = deck / "layout.yaml"
    text = layout.read_text(encoding="utf-8")
    assert '    colour: "#000000"' in text  # the cut marks
    layout.write_text(text.replace('    colour: "#000000"', f'    colour: "{mark_colour}"', 1), encoding="utf-8")
    return deck


def test_the_exact_colours_are_data_not_a_registry():
    rich, plain = parse_colour("cmyk(60, 40, 40, 100)"), parse_colour("cmyk(0, 0, 0, 100)")
    exact_rich, clashes = exact_colours((rich,))
    assert clashes == []
    assert Inks(PROFILE, exact_rich).cmyk((0, 0, 0)) == rich.cmyk
    assert Inks(PROFILE, exact_colours((plain,))[0]).cmyk((0, 0, 0)) == plain.cmyk  # the earlier call left nothing behind
    assert Inks(PROFILE).cmyk((0, 0, 0)) == (0.0, 0.0, 0.0, 1.0)  # black is the black ink


def test_two_cmyk_colours_that_look_the_same_on_screen_are_refused_with_cmyk(tmp_path):
    deck = deck_with(tmp_path, "cmyk(60, 40, 40, 100)", "cmyk(0, 0, 0, 100)")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--content", str(deck), "--out", str(out), "--lang", "nl", "--cmyk"])
    assert result.exit_code == 1
    assert "cmyk(0, 0, 0, 100) and cmyk(60, 40, 40, 100) look the same on screen, so --cmyk cannot keep them apart" in result.output
    assert not out.exists()
