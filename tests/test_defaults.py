"""A deck folder holds only what is particular to the deck: cardgen's own layout fills in the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import zxingcpp
from click.testing import CliRunner
from pypdf import PdfReader

from cardgen.cli import main
from tests.conftest import SHIPPED, SMALL
from tests.pdfread import MM, page_sizes, page_text, render

BARE_DECK = """\
deck: sextingscreener
categories:
  - {id: kwaliteit, colour: "#532D8C"}
  - {id: preventie, colour: "#00707A"}
  - {id: reactie, colour: "#B85400"}
cards:
  - {id: aanspreekpersoon, category: kwaliteit}
  - {id: safe-sexting, category: preventie}
  - {id: stappenplan, category: reactie}
"""
A4, A3_LANDSCAPE, LETTER = (210 * MM, 297 * MM), (420 * MM, 297 * MM), (612.0, 792.0)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def bare_deck(tmp_path: Path) -> Path:
    """deck.yaml with only ids, colours and cards, one texts file, no layout.yaml, no drawings."""
    deck = tmp_path / "deck"
    deck.mkdir()
    (deck / "deck.yaml").write_text(BARE_DECK, encoding="utf-8")
    shutil.copytree(SMALL / "nl", deck / "nl")
    return deck


def close(size, expected) -> bool:
    return all(abs(a - b) < 0.5 for a, b in zip(size, expected))


def test_a_deck_of_only_deck_yaml_and_one_texts_file_builds_with_cardgens_look(tmp_path):
    deck, out = bare_deck(tmp_path), tmp_path / "out"
    result = run("build", "--content", str(deck), "--out", str(out))
    assert result.exit_code == 0, result.output
    pack = out / "nl" / "print-pack.pdf"
    sizes = page_sizes(pack)
    assert close(sizes[0], A4) and close(sizes[1], A4) and close(sizes[-1], A3_LANDSCAPE), sizes
    assert "Aanspreekpersoon" in page_text(pack, 3)  # after how to print it and its blank back: the first backs
    fonts = {str(font["/BaseFont"]).split("+")[-1] for page in PdfReader(pack).pages
             for font in page["/Resources"]["/Font"].values()}  # fmt: skip
    assert fonts <= {"AtkinsonHyperlegible-Bold", "AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Italic",
                     "AtkinsonHyperlegible-BoldItalic"} and "AtkinsonHyperlegible-Bold" in fonts, fonts  # fmt: skip
    # no site in deck.yaml: no QR code anywhere, and the build says why
    assert "names no site" in run("check", "--content", str(deck)).output
    assert zxingcpp.read_barcodes(render(pack, len(sizes) - 1, dpi=100, grey=True)) == []
    assert zxingcpp.read_barcodes(render(pack, 0, dpi=150, grey=True)) == []
    # no emoticons named: cardgen's blue face for strengths, its pink one for points to work on
    poster = render(pack, len(sizes) - 1, dpi=20)
    w, h = poster.size
    halves = [list(poster.crop(box).tobytes()) for box in ((0, 0, w // 2, h), (w // 2, 0, w, h))]
    halves = [list(zip(half[0::3], half[1::3], half[2::3])) for half in halves]
    blue = [sum(b > r + 60 for r, g, b in half) for half in halves]
    pink = [sum(r > g + 60 and b > g for r, g, b in half) for half in halves]
    assert blue[0] > 20 * blue[1] and pink[1] > 20 * pink[0], (blue, pink)


def test_the_shipped_deck_without_its_layout_file_prints_the_same_bytes(tmp_path):
    """The defaults are the Sextingscreener's look: leaving its layout.yaml out changes nothing."""
    deck = tmp_path / "deck"
    shutil.copytree(SHIPPED, deck)
    (deck / "layout.yaml").unlink()
    for folder, out in ((SHIPPED, tmp_path / "with"), (deck, tmp_path / "without")):
        result = run("build", "--content", str(folder), "--out", str(out), "--lang", "nl")
        assert result.exit_code == 0, result.output
    for name in ("cards.pdf", "poster.pdf", "print-pack.pdf"):
        assert (tmp_path / "without" / "nl" / name).read_bytes() == (tmp_path / "with" / "nl" / name).read_bytes(), name


def test_a_layout_file_holds_only_what_differs(tmp_path):
    deck, out = bare_deck(tmp_path), tmp_path / "out"
    (deck / "layout.yaml").write_text("card:\n  size: bridge\nsheet:\n  paper: Letter\n", encoding="utf-8")
    result = run("build", "--content", str(deck), "--out", str(out))
    assert result.exit_code == 0, result.output
    cards = out / "nl" / "cards.pdf"
    assert all(close(sorted(size), sorted(LETTER)) for size in page_sizes(cards))
    checked = run("check", "--content", str(deck))
    assert "57 x 89 mm" in checked.output, checked.output  # bridge cards, the rest of the look kept


def test_a_layout_file_of_only_comments_is_the_default_look(tmp_path):
    deck = bare_deck(tmp_path)
    (deck / "layout.yaml").write_text("# nothing differs yet\r\n", encoding="utf-8")
    result = run("check", "--content", str(deck))
    assert result.exit_code == 0, result.output
    assert "63 x 88 mm" in result.output


def test_check_shows_the_layout_in_force_and_where_each_value_came_from(tmp_path):
    deck = bare_deck(tmp_path)
    (deck / "layout.yaml").write_text("card:\n  padding: 4mm\n", encoding="utf-8")
    result = run("check", "--content", str(deck), "--layout")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "  padding: 4mm" in lines  # the deck's own value, unmarked
    assert "  band: 11mm  # default" in lines
    assert "sheet:  # default" in lines and "  paper: A4  # default" in lines
    assert "All good: ready to build." in lines


def test_a_mistake_in_a_short_layout_file_names_the_decks_file_line_and_key(tmp_path):
    deck = bare_deck(tmp_path)
    (deck / "layout.yaml").write_text("card:\n  styles:\n    title: {size: 12pt, min_size: 14pt}\n", encoding="utf-8")
    result = run("check", "--content", str(deck))
    assert result.exit_code == 1
    assert f"{deck / 'layout.yaml'}:3: 'card.styles.title.min_size': expected at most the size (12 pt)" in result.output
    assert "Traceback" not in result.output


def test_a_default_that_no_longer_fits_a_changed_card_is_named_at_the_decks_section(tmp_path):
    """The deck made the card small; the default padding then leaves no room: named by its key, at the
    line of the section the deck wrote, with what to do."""
    deck = bare_deck(tmp_path)
    (deck / "layout.yaml").write_text("# small cards\ncard:\n  width: 28mm\n", encoding="utf-8")
    result = run("check", "--content", str(deck))
    assert result.exit_code == 1
    assert f"{deck / 'layout.yaml'}:3: 'card.padding': leaves" in result.output, result.output
    assert "use a smaller padding or a larger card" in result.output
