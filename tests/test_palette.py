"""Black and white for real: the faces of the shipped deck, rendered, print as greys at least 15
apart in L*, their text reads at 4.5:1 or more, and `check` warns an author whose colours do not."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.plan.palette import MIN_CONTRAST, MIN_GREY_STEP, contrast, lightness, readable, text_on
from conftest import CONTENT
from pdfread import find_text

DPI = 100
# the cards.pdf pages and a word on each face: the rules card, a kwaliteit, preventie and reactie card
FRONTS = {"rules": (0, "#spelregels"), "kwaliteit": (0, "#kwaliteit"), "preventie": (2, "#preventie"), "reactie": (4, "#reactie")}
TITLES = {"rules": (1, "Sextingscreener"), "kwaliteit": (1, "Aanspreekpersoon"), "preventie": (3, "Safe sexting"), "reactie": (5, "Hulp bieden")}


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("palette")
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(out), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    return out / "nl" / "cards.pdf"


def _rgb(pixel) -> tuple[float, float, float]:
    return tuple(c / 255 for c in pixel[:3])


def _word(pdf: Path, index: int, word: str, grey: bool = False):
    """The two colours in the box of `word` on the page: (background, text), from a crisp render
    (no smoothing: every pixel is either the one or the other)."""
    page = pdfium.PdfDocument(str(pdf))[index]
    left, bottom, right, top = find_text(pdf, index, word)[0]
    scale = DPI / 72
    image = page.render(scale=scale, no_smoothtext=True, no_smoothpath=True, grayscale=grey).to_pil().convert("RGB")
    height = page.get_height()
    box = image.crop((round(left * scale), round((height - top) * scale), round(right * scale), round((height - bottom) * scale)))
    (_, face), (_, text) = sorted(box.getcolors(1 << 20), reverse=True)[:2]
    return face, text


def test_the_faces_print_as_greys_at_least_15_apart_in_l_star(cards):
    faces = {name: _rgb(_word(cards, index, word)[0]) for name, (index, word) in FRONTS.items()}
    greys = {name: lightness(colour) for name, colour in faces.items()}
    for (first, a), (second, b) in combinations(greys.items(), 2):
        assert abs(a - b) >= MIN_GREY_STEP, (first, round(a, 1), second, round(b, 1))
    assert min(greys.values()) > 20  # no black among them


def test_a_black_and_white_render_keeps_the_faces_apart_too(cards):
    """PDFium's own greyscale rendering, as a black-and-white printer driver might make it."""
    greys = {name: lightness(_rgb(_word(cards, index, word, grey=True)[0])) for name, (index, word) in FRONTS.items()}
    for (first, a), (second, b) in combinations(greys.items(), 2):
        assert abs(a - b) >= MIN_GREY_STEP, (first, round(a, 1), second, round(b, 1))


def test_the_word_on_every_front_reads_at_4_5_to_1(cards):
    for name, (index, word) in FRONTS.items():
        face, text = (_rgb(c) for c in _word(cards, index, word))
        assert contrast(face, text) >= MIN_CONTRAST, (name, face, text)


def test_light_faces_carry_dark_text_and_dark_faces_white(cards):
    for name, (index, word) in FRONTS.items():
        face, text = (_rgb(c) for c in _word(cards, index, word))
        assert (lightness(text) > 90) == (lightness(face) < 50), name


def test_every_title_on_the_white_back_reads_at_4_5_to_1(cards):
    """A light category's colour is deepened (same hue) for its titles on the back."""
    for name, (index, word) in TITLES.items():
        back, text = (_rgb(c) for c in _word(cards, index, word))
        assert back == (1.0, 1.0, 1.0), name
        assert contrast(back, text) >= MIN_CONTRAST, (name, text)


def test_readable_deepens_a_light_colour_only_as_much_as_needed():
    teal, white = (0x52 / 255, 0xAD / 255, 0xB5 / 255), (1.0, 1.0, 1.0)
    deep = readable(teal, white)
    assert MIN_CONTRAST <= contrast(deep, white) < MIN_CONTRAST + 0.3
    assert deep[2] > deep[0]  # still a blue-green, not grey
    purple = (0x4F / 255, 0x2A / 255, 0x8A / 255)
    assert readable(purple, white) == purple
    assert text_on(teal, white, (0.1, 0.1, 0.1)) == (0.1, 0.1, 0.1) and text_on(purple, white, (0.1, 0.1, 0.1)) == white


# --- check warns the author -------------------------------------------------------------------


def _deck(tmp_path: Path, file: str, find: str, replace: str) -> Path:
    import shutil

    deck = tmp_path / "deck"
    shutil.copytree(CONTENT, deck)
    path = deck / file
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    return deck


def _check(deck: Path):
    return CliRunner().invoke(main, ["check", "--content", str(deck), "--lang", "nl"])


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_check_warns_about_two_categories_that_print_as_one_grey(tmp_path):
    deck = _deck(tmp_path, "deck.yaml", '"#B85400"', '"#5E3A96"')  # reactie: a purple only a little lighter
    result = _check(deck)
    assert result.exit_code == 0, result.output
    line = _line_of(deck / "deck.yaml", '"#4F2A8A"')
    assert f"deck.yaml:{line}: category 'kwaliteit' (#4F2A8A, L* 27) and category 'reactie' (#5E3A96, L* 33) print as greys" in result.output
    assert "make one lighter or darker, at least 15 apart in L*" in result.output
    strict = CliRunner().invoke(main, ["check", "--content", str(deck), "--lang", "nl", "--strict"])
    assert strict.exit_code == 1


def test_check_warns_about_the_rules_card_in_the_grey_of_a_category(tmp_path):
    deck = _deck(tmp_path, "layout.yaml", 'rules_colour: "#CDD2DA"', 'rules_colour: "#58A8B0"')
    result = _check(deck)
    line = _line_of(deck / "deck.yaml", '"#52ADB5"')
    rules_line = _line_of(deck / "layout.yaml", "rules_colour")
    assert f"deck.yaml:{line}: category 'preventie' (#52ADB5, L* 66) and the rules card (#58A8B0, L* 64, " in result.output
    assert f"layout.yaml:{rules_line}) print as greys only 1.4 apart" in result.output


def test_check_warns_about_white_text_on_a_light_face(tmp_path):
    deck = _deck(tmp_path, "layout.yaml", "front_label: {font: bold, size: 26pt, min_size: 12pt, colour: auto}",
                 'front_label: {font: bold, size: 26pt, min_size: 12pt, colour: "#FFFFFF"}')  # fmt: skip
    result = _check(deck)
    line = _line_of(deck / "deck.yaml", '"#52ADB5"')
    assert (f"deck.yaml:{line}: category 'preventie': the text on its face (#FFFFFF on #52ADB5, card.styles.front_label) "
            "has a contrast of 2.6:1, below 4.5:1; set colour: auto") in result.output  # fmt: skip
    assert "category 'kwaliteit': the text" not in result.output  # white on purple reads


def test_check_warns_about_a_face_no_text_colour_reads_on(tmp_path):
    deck = _deck(tmp_path, "deck.yaml", '"#B85400"', '"#7F7F7F"')  # a mid grey: neither white nor near-black reaches 4.5:1
    result = _check(deck)
    assert "category 'reactie': the text on its face" in result.output
    assert "neither light_text nor dark_text reads on it" in result.output


def test_check_warns_about_a_pale_description_on_the_back(tmp_path):
    deck = _deck(tmp_path, "layout.yaml", 'leading: 1.3, colour: "#333333"}', 'leading: 1.3, colour: "#AAAAAA"}')
    result = _check(deck)
    line = _line_of(deck / "layout.yaml", "description: {font: regular")
    assert (f"layout.yaml:{line}: card.styles.description: #AAAAAA on the back (#FFFFFF) has a contrast of 2.3:1, "
            "below 4.5:1; choose a darker colour, or colour: auto") in result.output  # fmt: skip


def test_the_shipped_deck_checks_without_a_warning():
    result = CliRunner().invoke(main, ["check", "--content", str(CONTENT), "--strict"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
