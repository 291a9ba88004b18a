"""Print production read back from the PDFs: papers, card sizes, orientation, flip, offset, cut lines."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from conftest import CONTENT
from pdfread import MM, find_text, page_sizes, render


def build(tmp_path, *args):
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(tmp_path), *args])
    assert result.exit_code == 0, result.output
    return tmp_path / "nl" / "cards.pdf"


def centre(box):
    left, bottom, right, top = box
    return (left + right) / 2, (bottom + top) / 2


@pytest.mark.parametrize(
    "args, size, pages",
    [
        (["--paper", "Letter", "--card-size", "bridge"], (279.4, 215.9), 8),  # 8 a sheet, turned
        (["--paper", "A3"], (420, 297), 4),  # 18 poker cards a sheet, turned
        (["--card-size", "tarot"], (210, 297), 14),  # 2 x 2
        (["--paper", "Legal", "--card-size", "63x88"], (355.6, 215.9), 6),  # 10 turned, against 9
    ],
)
def test_papers_and_card_sizes_give_the_grid_that_holds_the_most(tmp_path, args, size, pages):
    sizes = page_sizes(build(tmp_path, *args))
    assert len(sizes) == pages
    assert sizes[0] == pytest.approx((size[0] * MM, size[1] * MM), abs=0.1)


def test_on_a_turned_sheet_the_long_edge_flip_mirrors_top_and_bottom(tmp_path):
    """A3 turns landscape; its long edge is the top, so a back is its front mirrored in y: x stays,
    and front y + back y is the same for every card (H - card height + twice the number's height)."""
    cards = build(tmp_path, "--paper", "A3")
    w, h = page_sizes(cards)[0]
    assert w > h
    sums = []
    for label in ("1/24", "8/24", "16/24"):  # top, middle and bottom rows
        (fx, fy), (bx, by) = centre(find_text(cards, 0, label)[0]), centre(find_text(cards, 1, label)[0])
        assert bx == pytest.approx(fx, abs=0.6)
        sums.append(fy + by)
    assert max(sums) - min(sums) < 0.6
    assert find_text(cards, 0, "1/24")[0][1] > h / 2 > find_text(cards, 1, "1/24")[0][1]


def test_cards_too_small_for_the_texts_are_named_card_by_card(tmp_path):
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(tmp_path), "--card-size", "mini"])
    assert result.exit_code == 1
    assert "card 'beleid-rond-sexting': the description does not fit even at 8 pt" in result.output


def test_the_offset_shifts_every_back_and_no_front(tmp_path):
    plain = build(tmp_path / "a")
    shifted = build(tmp_path / "b", "--offset", "1.5,-0.75")
    for label in ("1/24", "5/24", "8/24"):
        assert centre(find_text(shifted, 0, label)[0]) == pytest.approx(centre(find_text(plain, 0, label)[0]), abs=0.01)
        (px, py), (sx, sy) = centre(find_text(plain, 1, label)[0]), centre(find_text(shifted, 1, label)[0])
        assert sx - px == pytest.approx(1.5 * MM, abs=0.05)
        assert sy - py == pytest.approx(-0.75 * MM, abs=0.05)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--offset", "40,0"], "expected an offset of at most 10 mm each way"),
        (["--offset", "1"], "expected an offset as X,Y in millimetres"),
        (["--card-size", "2x3"], "a 2 x 3 mm card is too small"),
        (["--card-size", "huge"], "expected a card size (poker, bridge"),
        (["--paper", "A9"], "expected a paper name"),
    ],
)
def test_wrong_values_on_the_command_line_are_usage_errors(tmp_path, args, message):
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(tmp_path), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "nl").exists()


def test_a_card_too_large_for_the_paper_either_way_is_named(tmp_path):
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(tmp_path), "--card-size", "200x280"])
    assert result.exit_code == 1
    assert "a 200 x 280 mm card does not fit on 210 x 297 mm paper" in result.output


def test_cut_lines_run_along_every_cut_between_the_cards(tmp_path, prepared):
    grid = prepared.sheets.grid
    plain = render(build(tmp_path / "a"), 0, dpi=150, grey=True)
    lined = render(build(tmp_path / "b", "--cut-lines"), 0, dpi=150, grey=True)
    scale = 150 / 72
    x = round((grid.x0 + grid.card_w) * scale)  # the cut between the first and second column
    y = round((grid.paper_h - grid.y0 - grid.card_h * 1.5) * scale)  # halfway down the middle row
    column = range(x - 2, x + 3)
    assert any(abs(lined.getpixel((i, y)) - plain.getpixel((i, y))) > 20 for i in column)
    elsewhere = round((grid.x0 + grid.card_w * 1.5) * scale)
    assert lined.getpixel((elsewhere, y)) == plain.getpixel((elsewhere, y))


def test_nothing_within_5_mm_of_the_edge_on_any_paper(tmp_path):
    cards = build(tmp_path, "--paper", "Letter", "--card-size", "bridge", "--offset", "2,2", "--cut-lines")
    for index in range(2):
        image = render(cards, index, dpi=72, grey=True)
        edge = round(5 * 72 / 25.4)
        w, h = image.size
        border = [(x, y) for x in range(w) for y in range(h) if x < edge or y < edge or x >= w - edge or y >= h - edge]
        assert min(image.getpixel(p) for p in border) > 250
