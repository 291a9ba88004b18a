"""Home sheets that survive scissors and an uncalibrated duplex printer, measured on renders:
a cut a little off shows the card's own colour, a back shifted 1-2 mm shows nothing of the next
card, the outer 5 mm stay free of ink, and a last sheet has no marks for its empty places."""

from __future__ import annotations

from functools import lru_cache

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from conftest import CONTENT
from duplex import segments
from pdfread import MM, render

DPI = 300
PX = 72 / DPI  # one pixel, in points


@lru_cache(maxsize=4)
def back_page(pdf, index):
    """A page of the session's card sheet at DPI, rendered once for every shift tried on it."""
    return render(pdf, index, dpi=DPI)


def pixels(image, page_h, rect):
    """The distinct colours of a page's pixels whose centres lie inside `rect` (x0, y0, x1, y1 in
    points), a pixel's width clear of its boundary (where antialiasing blends both sides)."""
    x0, y0, x1, y1 = rect
    scale = DPI / 72
    left, right = round((x0 + PX) * scale), round((x1 - PX) * scale)
    top, bottom = round((page_h - y1 + PX) * scale), round((page_h - y0 - PX) * scale)
    if right <= left or bottom <= top:
        return []
    part = image.crop((left, top, right, bottom))
    return [colour for _, colour in part.getcolors(maxcolors=part.width * part.height)]


def beyond(outer, inner):
    """The parts of rect `outer` outside rect `inner`, as up to four rects (left, right, below, above)."""
    x0, y0, x1, y1 = outer
    i0, j0, i1, j1 = inner
    parts = [(x0, y0, min(x1, i0), y1), (max(x0, i1), y0, x1, y1), (max(x0, i0), y0, min(x1, i1), min(y1, j0)),
             (max(x0, i0), max(y0, j1), min(x1, i1), y1)]  # fmt: skip
    return [r for r in parts if r[2] - r[0] > 2 * PX and r[3] - r[1] > 2 * PX]


def own(colour, pixel, tolerance=6):
    """Whether a pixel is white, the card's own colour, or a blend of the two (an edge's antialiasing)."""
    ink = [255 - round(c * 255) for c in colour]  # how far from white
    seen = [255 - p for p in pixel]
    a = sum(i * s for i, s in zip(ink, seen)) / max(1, sum(i * i for i in ink))
    a = min(1.0, max(0.0, a))
    return max(abs(a * i - s) for i, s in zip(ink, seen)) <= tolerance


def box(rect):
    return (rect.x, rect.y, rect.right, rect.top)


def foreign(image, page_h, parts, back, band_h, turned, colour):
    """Pixels in `parts` that are not the back's own: level with its band (and beyond it) the
    band's colour or white; elsewhere white, the back's background."""
    band = (-1e9, back.y + band_h) if turned else (back.top - band_h, 1e9)
    found = []
    for x0, y0, x1, y1 in parts:
        level = (x0, max(y0, band[0]), x1, min(y1, band[1]))
        below, above = (x0, y0, x1, min(y1, band[0])), (x0, max(y0, band[1]), x1, y1)
        found += [c for c in pixels(image, page_h, level) if not own(colour, c)]
        found += [c for r in (below, above) if r[3] > r[1] for c in pixels(image, page_h, r) if min(c) < 250]
    return found


@pytest.mark.parametrize("shift", [(1, 0), (0, -1), (2, 0), (-2, 0), (0, 2), (0, -2), (1.5, -1.5)])
def test_a_back_shifted_up_to_2_mm_shows_nothing_of_the_next_card(built, prepared, shift):
    """What the cut card keeps of the back page is the back's rectangle moved against the printer's
    shift: the strip beyond the back's own edge must be its own band colour or white, on every
    sheet (the first has the slate rules card beside purple, the second petrol beside orange)."""
    sx, sy = shift[0] * MM, shift[1] * MM
    faces = prepared.editions[0].faces
    for number, sheet in enumerate(prepared.sheets.sheets):
        image = back_page(built / "cards.pdf", 2 * number + 1)
        page_h = prepared.sheets.grid.paper_h
        for p in sheet.placements:
            b = p.back
            kept = (b.x - sx, b.y - sy, b.right - sx, b.top - sy)
            colour = faces[p.index].back.band.colour
            bad = foreign(image, page_h, beyond(kept, box(b)), b, prepared.layout.card.band, p.turned, colour)
            assert not bad, f"sheet {number + 1}, card {p.index}: {len(bad)} colours of another card, e.g. {bad[0]}"


def test_a_cut_1_mm_off_shows_the_fronts_own_colour(built, prepared):
    faces = prepared.editions[0].faces
    page_h = prepared.sheets.grid.paper_h
    for number, sheet in enumerate(prepared.sheets.sheets):
        image = render(built / "cards.pdf", 2 * number, dpi=DPI)
        for p in sheet.placements:
            f = p.front
            colour = faces[p.index].front.background.colour
            line = 0.3 / 2 + 2 * PX  # the grey cut lines along the edges (and on across the gaps), antialiased
            d = 1 * MM
            ring = [(f.x - d, f.y + line, f.x - line, f.top - line), (f.right + line, f.y + line, f.right + d, f.top - line),
                    (f.x + line, f.y - d, f.right - line, f.y - line), (f.x + line, f.top + line, f.right - line, f.top + d)]  # fmt: skip
            ink = [round(c * 255) for c in colour]
            off = [c for part in ring for c in pixels(image, page_h, part) if max(abs(a - b) for a, b in zip(c, ink)) > 6]
            assert not off, f"sheet {number + 1}, card {p.index}: {len(off)} colours not its own, e.g. {off[0]}"


def build(tmp_path, *args):
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(tmp_path), "--lang", "nl", *args])
    assert result.exit_code == 0, result.output
    return tmp_path / "nl" / "cards.pdf"


@pytest.mark.parametrize("args", [[], ["--paper", "A3"], ["--paper", "Letter", "--offset", "2,-2"], ["--flip", "fold"], ["--flip", "short"]])
def test_the_outer_5_mm_stay_free_of_ink(tmp_path, args):
    cards = build(tmp_path, *args)
    for index in (0, 1):
        image = render(cards, index, dpi=72, grey=True)
        edge = round(5 * 72 / 25.4)
        w, h = image.size
        border = [(0, 0, edge, h), (w - edge, 0, w, h), (0, 0, w, edge), (0, h - edge, w, h)]  # left, right, top, bottom
        assert min(image.crop(strip).getextrema()[0] for strip in border) > 250, args


def test_the_last_sheet_has_no_marks_or_lines_for_its_empty_places(built, prepared):
    """Every mark and cut line on the last front page runs along an edge of a card it holds and
    starts at that card's corner (a mark a mark's offset beyond it)."""
    last = prepared.sheets.sheets[-1]
    assert len(last.placements) < prepared.sheets.grid.per_sheet
    fronts = [p.front for p in last.placements]
    offset = prepared.layout.sheet.mark_offset
    corners = {(x, y) for f in fronts for x in (f.x, f.right) for y in (f.y, f.top)}
    inside = lambda x, y: any(f.x + 1 < x < f.right - 1 and f.y + 1 < y < f.top - 1 for f in fronts)  # noqa: E731
    lines = [s for s in segments(built / "cards.pdf", 2 * len(prepared.sheets.sheets) - 2)
             if not inside((s[0] + s[2]) / 2, (s[1] + s[3]) / 2)]  # not the rules drawn on the cards  # fmt: skip
    assert len(lines) > 10
    for x0, y0, x1, y1 in lines:
        near = min(min(abs(x0 - cx) + abs(y0 - cy), abs(x1 - cx) + abs(y1 - cy)) for cx, cy in corners)
        assert near < offset + 0.01, f"a line from ({x0 / MM:.1f}, {y0 / MM:.1f}) mm to ({x1 / MM:.1f}, {y1 / MM:.1f}) mm is for an empty place"


def test_home_sheets_have_cut_lines_unless_left_out(tmp_path, built, prepared):
    """A line along each of the 6 vertical and 6 horizontal cuts of a full A4 sheet (gaps between
    the cards, so two cuts a gap), and none with --no-cut-lines."""
    grid = prepared.sheets.grid
    assert grid.gutter > 0 and grid.gap_y > 0
    lined, plain = segments(built / "cards.pdf", 0), segments(build(tmp_path, "--no-cut-lines"), 0)
    assert len(lined) - len(plain) == 2 * grid.cols + 2 * grid.rows


@pytest.mark.parametrize("paper, card", [("A4", "poker"), ("A3", "poker"), ("Letter", "bridge"), ("A4", "mini"), ("Legal", "63x88")])
def test_spreading_keeps_the_cards_a_sheet_and_no_bleed_reaches_a_neighbours(paper, card):
    from cardgen.plan.cuts import Bleed
    from cardgen.plan.sheets import HOME_GAP, impose, inner_sides, plan_grid, spread
    from cardgen.units import parse_card_size, parse_size

    margin, room = 5 * MM, 3 * MM
    tight = plan_grid(parse_size(paper), parse_card_size(card), margin, 0, room)
    grid = spread(tight, margin, room)
    assert (grid.cols, grid.rows) == (tight.cols, tight.rows)
    assert 0 < grid.gutter <= HOME_GAP and 0 < grid.gap_y <= HOME_GAP
    block = grid.block
    assert block.x >= margin + room - 1e-6 and block.right <= grid.paper_w - margin - room + 1e-6
    assert block.y >= margin + room - 1e-6 and block.top <= grid.paper_h - margin - room + 1e-6
    plan = impose(grid.per_sheet, grid, "long", margin, 4 * MM, 1 * MM, outer=(room, room))
    placements = plan.sheets[0].placements
    for position, p in enumerate(placements):
        left, right, top, bottom = inner_sides(grid, position)
        f, b = p.front_bleed, p.back_bleed
        assert f.left + f.right + f.top + f.bottom > 0 and b.top > 0
        if right:  # the neighbour's colours start where this card's end, at the latest
            n = placements[position + 1]  # its back's own right stands beside this back's own left
            assert f.right + n.front_bleed.left <= grid.gutter + 1e-6
            assert b.left + n.back_bleed.right <= grid.gutter + 1e-6
            assert grid.gutter - n.back_bleed.right >= min(2 * MM, grid.gutter) - 1e-6  # a 2 mm shift finds no band of it
            assert grid.gutter - b.left >= min(2 * MM, grid.gutter) - 1e-6
        if bottom:
            n = placements[position + grid.cols]
            assert f.bottom + n.front_bleed.top <= grid.gap_y + 1e-6 and b.bottom + n.back_bleed.top <= grid.gap_y + 1e-6
            assert grid.gap_y - n.back_bleed.top >= min(2 * MM, grid.gap_y) - 1e-6
        assert max(f.left, f.right, f.top, f.bottom) <= 1 * MM + 1e-6
        assert isinstance(b, Bleed)


# --- fold-over ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fold(tmp_path_factory):
    from cardgen.build import prepare

    prepared = prepare(CONTENT, lang="nl", flip="fold")
    cards = build(tmp_path_factory.mktemp("fold"), "--flip", "fold")
    return prepared, cards


def test_the_fold_is_marked_outside_the_cards_and_past_each_pair(fold):
    prepared, cards = fold
    sheet = prepared.sheets.sheets[0]
    drawn = segments(cards, 0)
    for p in sheet.placements:
        x = (p.front.right + p.back.x) / 2
        assert p.back.x - p.front.right >= 4 * MM - 1e-6  # a fold gap, both faces 2 mm from the fold
        line = [s for s in drawn if abs(s[0] - x) < 0.01 and abs(s[2] - x) < 0.01]
        assert line, f"no fold line for card {p.index}"
        low, high = min(min(s[1], s[3]) for s in line), max(max(s[1], s[3]) for s in line)
        assert low < p.front.y - 1 * MM and high > p.front.top + 1 * MM  # to fold by once the pair is cut out


@pytest.mark.parametrize("error", [-1, 1, 0.5])
def test_a_fold_1_mm_off_leaves_the_back_its_own_colours(fold, error):
    """Folded on a line `error` mm right of the planned one, the back behind the front is the
    mirror of the front about that line: what lies beyond the back's own edges is its own."""
    prepared, cards = fold
    faces = prepared.editions[0].faces
    page_h = prepared.sheets.grid.paper_h
    image = render(cards, 0, dpi=DPI)
    for p in prepared.sheets.sheets[0].placements:
        fold_x = (p.front.right + p.back.x) / 2 + error * MM
        edge = 0.5 / 2 + 2 * PX  # the dashed fold line, where a fold exactly 1 mm off puts the card's edge
        cut = 0.4 / 2 + 2 * PX  # cut marks stand in line with the top and bottom cuts: on the card's edge
        behind = (2 * fold_x - p.front.right + edge, p.front.y + cut, 2 * fold_x - p.front.x - edge, p.front.top - cut)
        colour = faces[p.index].back.band.colour
        bad = foreign(image, page_h, beyond(behind, box(p.back)), p.back, prepared.layout.card.band, False, colour)
        assert not bad, f"card {p.index}: {len(bad)} colours not its back's, e.g. {bad[0]}"


def test_the_fold_sheet_says_in_which_order_to_work_clear_of_the_cards_and_marks(fold):
    from pdfread import find_text, page_text

    prepared, cards = fold
    steps = "Vouwblad, in deze volgorde: knip de paren los, vouw elk paar op de stippellijn"
    for index, sheet in enumerate(prepared.sheets.sheets):
        assert steps in page_text(cards, index)
        (left, bottom, right, top), = find_text(cards, index, "Vouwblad")
        assert top <= prepared.sheets.grid.paper_h - 5 * MM and left >= 5 * MM
        for s in segments(cards, index):  # marks, fold lines, cut lines, the rules on the cards
            assert min(s[1], s[3]) > top or max(s[1], s[3]) < bottom or max(s[0], s[2]) < left, s
