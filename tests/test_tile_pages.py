"""The marks and texts planned for each tile's sheet, checked without a PDF: every text keeps to the
margin the printer prints and off the poster's window, and a text too long for its room is cut
with '…' to fit it."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from cardgen.model import TileTexts
from cardgen.plan.geometry import Line
from cardgen.plan.tile_pages import TurnedLine, plan_tile_pages
from cardgen.plan.tiles import SAFE, plan_tiles
from cardgen.units import MM, parse_size
from conftest import REPO

FONT = "TilePagesRegular"
A4, A3, A1 = (parse_size(name) for name in ("A4", "A3", "A1"))
TOL = 1e-6


@pytest.fixture(scope="module")
def font() -> str:
    pdfmetrics.registerFont(TTFont(FONT, str(REPO / "assets/fonts/AtkinsonHyperlegible-Regular.ttf")))
    return FONT


def box(item: Line | TurnedLine, capitals: bool = False) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 on the sheet of the glyphs' room: the text's width, from descent to ascent
    (for `capitals` and digits: from the baseline to the capital height)."""
    line, centre, angle = (item, (0.0, 0.0), 0) if isinstance(item, Line) else (item.line, item.centre, item.angle)
    width = stringWidth(line.text, line.font, line.size)
    ascent, descent = getAscentDescent(line.font, line.size)
    if capitals:
        ascent, descent = getFont(line.font).face.capHeight / 1000 * line.size, 0.0
    left = line.x - width / 2 if line.centred else line.x
    x0, y0, x1, y1 = left, line.y + descent, left + width, line.y + ascent
    turn = {0: lambda x, y: (x, y), 90: lambda x, y: (-y, x), -90: lambda x, y: (y, -x)}[angle]
    (ax, ay), (bx, by) = turn(x0, y0), turn(x1, y1)
    cx, cy = centre
    return cx + min(ax, bx), cy + min(ay, by), cx + max(ax, bx), cy + max(ay, by)


def texts_of(page) -> list[Line | TurnedLine]:
    return [*page.notes, page.label, *page.footer]


@pytest.mark.parametrize("poster, paper", [(A1, A4), (A3, A4), (A1, A3), (A4, A3)])
def test_every_text_lies_in_the_margin_inside_the_printed_area(font, poster, paper):
    plan = plan_tiles(poster, paper)
    pages = plan_tile_pages(plan, "Strengths of the team", font, TileTexts())
    sw, sh = plan.sheet
    assert len(pages) == len(plan.tiles)
    for tile, page in zip(plan.tiles, pages):
        wx0, wy0, wx1, wy1 = tile.window
        assert len(page.notes) == 3 and len(page.footer) == (2 if tile.row < plan.rows - 1 else 1)
        for item in texts_of(page):
            x0, y0, x1, y1 = box(item, capitals=item is page.label)
            inside = SAFE - TOL <= x0 and x1 <= sw - SAFE + TOL and SAFE - TOL <= y0 and y1 <= sh - SAFE + TOL
            assert inside, (tile.label, item)
            off_window = x1 <= wx0 + TOL or x0 >= wx1 - TOL or y1 <= wy0 + TOL or y0 >= wy1 - TOL
            assert off_window, (tile.label, item)


def test_the_footer_texts_do_not_overlap(font):
    plan = plan_tiles(A1, A4)
    for page in plan_tile_pages(plan, "Strengths of the team", font, TileTexts()):
        spans = sorted((box(item)[0], box(item)[2]) for item in (page.label, *page.footer))
        assert all(left[1] <= right[0] + TOL for left, right in zip(spans, spans[1:]))
        if page.map:
            map_left, map_right = page.map.cells[0].x, max(cell.x + cell.w for cell in page.map.cells)
            assert spans[0][1] <= map_left and map_right <= spans[1][0]


def test_a_long_note_is_cut_with_an_ellipsis_to_fit_its_room(font):
    plan = plan_tiles(A1, A4)
    long_ = " ".join(["glue this part carefully over {label}"] * 20)
    texts = TileTexts(glue=long_, cut=long_)
    top_left, below_it = plan.at(0, 0), plan.at(1, 0)
    pages = plan_tile_pages(plan, "", font, texts)
    first, second = pages[0], pages[plan.cols]
    glue_note = first.footer[0]
    assert glue_note.text.endswith("…") and glue_note.text.startswith("glue this part carefully over B1")
    assert box(glue_note)[2] == pytest.approx(top_left.window[2] - 2 * MM - plan.overlap)  # right-aligned by the tick
    top_note = second.notes[-1]  # along the top margin: the cut note, cut short
    assert top_note.angle == 0 and top_note.line.text.endswith("…")
    x0, _, x1, _ = box(top_note)
    assert below_it.window[0] < x0 and x1 < below_it.window[2]
    assert len(top_note.line.text) < len(long_)

