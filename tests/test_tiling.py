"""Tiling a poster across printer paper: the arithmetic is pure; the tiles PDF is read back as a
teacher would see it (labels, blank printer edge, the poster's parts where the plan says)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from cardgen.plan.tiles import MIN_MARGIN, PRINTER_EDGE, TilingError, count_tiles, plan_tiles, row_name, tile_marks
from cardgen.units import MM, parse_size
from conftest import REPO
from pdfread import find_text, render

A4, A3, A2, A1, LETTER = (parse_size(name) for name in ("A4", "A3", "A2", "A1", "Letter"))
A3_LANDSCAPE = (A3[1], A3[0])
OVERLAP = 10 * MM
MARGIN = 12 * MM
TOL = 1e-6


def landscape(sheet) -> bool:
    return sheet[0] > sheet[1]


# --- the arithmetic ---------------------------------------------------------------------------


def test_an_a3_landscape_poster_goes_on_four_landscape_a4_sheets():
    plan = plan_tiles(A3_LANDSCAPE, A4)
    assert (plan.rows, plan.cols) == (2, 2)
    assert plan.sheet == pytest.approx((A4[1], A4[0]))
    assert (plan.margin, plan.overlap) == pytest.approx((MARGIN, OVERLAP))
    assert [t.label for t in plan.tiles] == ["A1", "A2", "B1", "B2"]


@pytest.mark.parametrize(
    "poster, paper, rows, cols, turned",
    [
        (A2, A4, 4, 2, True),  # portrait would take 3 x 3 = 9
        (A1, A4, 5, 3, True),  # portrait: 4 x 4 = 16
        (A2, A3, 2, 2, False),
        (A1, A3, 4, 2, True),  # portrait: 3 x 3 = 9
        (A2, LETTER, 4, 2, True),
        (A1, LETTER, 5, 3, True),
        (A3, A4, 2, 2, False),  # landscape A4 would need 2 x 3
    ],
)
def test_the_grid_is_the_fewest_sheets(poster, paper, rows, cols, turned):
    plan = plan_tiles(poster, paper)
    assert (plan.rows, plan.cols) == (rows, cols)
    assert landscape(plan.sheet) == turned
    assert len(plan.tiles) == rows * cols
    assert sorted(plan.sheet) == pytest.approx(sorted(paper))


CASES = [
    (A3_LANDSCAPE, A4, {}),
    (A2, A4, {}),
    (A1, A4, {}),
    (A2, A3, {}),
    (A1, A3, {}),
    (A2, LETTER, {}),
    (A1, LETTER, {}),
    (A1, A4, {"overlap": 0.0}),
    (A1, A3, {"overlap": 25 * MM, "margin": 15 * MM}),
    ((536 * MM, 362 * MM), A4, {}),  # exactly two landscape windows each way: the margins stay 12 mm
    ((1000 * MM, 300 * MM), A4, {}),  # a banner
]


@pytest.mark.parametrize("poster, paper, options", CASES)
def test_neighbours_share_exactly_the_overlap_and_the_tiles_cover_exactly_the_poster(poster, paper, options):
    plan = plan_tiles(poster, paper, **options)
    overlap = options.get("overlap", OVERLAP)
    for row in range(plan.rows):
        tiles = [plan.at(row, col) for col in range(plan.cols)]
        assert tiles[0].source[0] == pytest.approx(0, abs=TOL)
        assert tiles[-1].source[2] == pytest.approx(poster[0], abs=TOL)
        for left, right in zip(tiles, tiles[1:]):
            assert left.source[2] - right.source[0] == pytest.approx(overlap, abs=TOL)
    for col in range(plan.cols):
        tiles = [plan.at(row, col) for row in range(plan.rows)]
        assert tiles[0].source[3] == pytest.approx(poster[1], abs=TOL)  # row A is the top
        assert tiles[-1].source[1] == pytest.approx(0, abs=TOL)
        for upper, lower in zip(tiles, tiles[1:]):
            assert lower.source[3] - upper.source[1] == pytest.approx(overlap, abs=TOL)
    for tile in plan.tiles:
        x0, y0, x1, y1 = tile.source
        assert -TOL <= x0 < x1 <= poster[0] + TOL and -TOL <= y0 < y1 <= poster[1] + TOL  # never outside


@pytest.mark.parametrize("poster, paper, options", CASES)
def test_every_point_of_the_poster_is_on_a_tile(poster, paper, options):
    plan = plan_tiles(poster, paper, **options)
    steps = 97  # not a divisor of anything in sight: points fall everywhere, edges included
    for i, j in itertools.product(range(steps + 1), repeat=2):
        x, y = poster[0] * i / steps, poster[1] * j / steps
        assert any(
            t.source[0] - TOL <= x <= t.source[2] + TOL and t.source[1] - TOL <= y <= t.source[3] + TOL
            for t in plan.tiles
        ), (x / MM, y / MM)
    # and the area adds up: each tile's area, minus what neighbours share, is the poster's
    widths = [plan.at(0, c).source[2] - plan.at(0, c).source[0] for c in range(plan.cols)]
    heights = [plan.at(r, 0).source[3] - plan.at(r, 0).source[1] for r in range(plan.rows)]
    overlap = options.get("overlap", OVERLAP)
    assert sum(widths) - (plan.cols - 1) * overlap == pytest.approx(poster[0])
    assert sum(heights) - (plan.rows - 1) * overlap == pytest.approx(poster[1])


@pytest.mark.parametrize("poster, paper, options", CASES)
def test_windows_are_the_size_of_their_source_and_inside_the_margin(poster, paper, options):
    plan = plan_tiles(poster, paper, **options)
    margin = options.get("margin", MARGIN)
    sw, sh = plan.sheet
    for tile in plan.tiles:
        (sx0, sy0, sx1, sy1), (wx0, wy0, wx1, wy1) = tile.source, tile.window
        assert (wx1 - wx0, wy1 - wy0) == pytest.approx((sx1 - sx0, sy1 - sy0))
        assert wx0 >= margin - TOL and wy0 >= margin - TOL
        assert wx1 <= sw - margin + TOL and wy1 <= sh - margin + TOL


@pytest.mark.parametrize("poster, paper, options", CASES)
def test_marks_keep_off_the_printer_edge_and_the_poster(poster, paper, options):
    plan = plan_tiles(poster, paper, **options)
    sw, sh = plan.sheet
    for tile in plan.tiles:
        marks = tile_marks(plan, tile)
        x0, y0, x1, y1 = tile.window
        for segment in marks.crop + marks.glue + marks.ticks:
            for x, y in (segment[:2], segment[2:]):
                assert PRINTER_EDGE < x < sw - PRINTER_EDGE and PRINTER_EDGE < y < sh - PRINTER_EDGE
        for sx0, sy0, sx1, sy1 in marks.crop + marks.ticks:  # in the margin: never over the poster
            assert min(sx0, sx1) >= x1 or max(sx0, sx1) <= x0 or min(sy0, sy1) >= y1 or max(sy0, sy1) <= y0
        assert len(marks.crop) == 8
        expected = []
        if tile.col < plan.cols - 1:
            expected.append((x1 - plan.overlap, y0, x1 - plan.overlap, y1))  # where the tile to the right begins
        if tile.row < plan.rows - 1:
            expected.append((x0, y0 + plan.overlap, x1, y0 + plan.overlap))  # where the tile below begins
        assert len(marks.glue) == len(expected)
        for line, want in zip(marks.glue, expected):
            assert line == pytest.approx(want)


def test_the_glue_line_is_where_the_neighbour_window_begins():
    plan = plan_tiles(A2, A4)
    a1, a2, b1 = plan.at(0, 0), plan.at(0, 1), plan.at(1, 0)
    vertical, horizontal = tile_marks(plan, a1).glue
    # on A1's sheet, poster x of the vertical line = A2's left edge; poster y of the other = B1's top
    assert a1.source[0] + vertical[0] - a1.window[0] == pytest.approx(a2.source[0])
    assert a1.source[1] + horizontal[1] - a1.window[1] == pytest.approx(b1.source[3])
    assert tile_marks(plan, plan.tiles[-1]).glue == ()  # the last tile has no one glued over it


def test_the_leftover_room_is_shared_equally_and_each_window_is_centred():
    plan = plan_tiles(A2, A4)  # 2 x 4 landscape sheets: (420 + 10) / 2 wide, (594 + 30) / 4 high
    for tile in plan.tiles:
        x0, y0, x1, y1 = tile.window
        assert (x1 - x0, y1 - y0) == pytest.approx((215 * MM, 156 * MM))
        assert (x0 + x1, y0 + y1) == pytest.approx(plan.sheet)


def test_tiles_run_row_by_row_from_the_top_left_with_spreadsheet_labels():
    plan = plan_tiles(A1, A4)  # 5 rows x 3 columns
    assert [t.label for t in plan.tiles] == [f"{r}{c}" for r in "ABCDE" for c in (1, 2, 3)]
    assert [(t.row, t.col) for t in plan.tiles] == [(r, c) for r in range(5) for c in range(3)]
    b2 = plan.at(1, 1)
    assert b2.label == "B2"
    assert b2.source[3] < plan.at(0, 1).source[3]  # lower on the poster than A2
    assert b2.source[0] > plan.at(1, 0).source[0]  # right of B1
    assert (row_name(0), row_name(25), row_name(26), row_name(27)) == ("A", "Z", "AA", "AB")


def test_the_orientation_taking_fewer_sheets_wins():
    for poster in (A2, A1, A3_LANDSCAPE, (1000 * MM, 300 * MM), (300 * MM, 1000 * MM)):
        plan = plan_tiles(poster, A4)
        counts = {}
        for sheet in (A4, (A4[1], A4[0])):
            w, h = sheet[0] - 2 * MARGIN, sheet[1] - 2 * MARGIN
            counts[landscape(sheet)] = count_tiles(poster[0], w, OVERLAP) * count_tiles(poster[1], h, OVERLAP)
        assert plan.rows * plan.cols == min(counts.values())


def test_ties_go_to_fewer_rows_then_to_portrait():
    # 450 x 450 mm on A4: portrait 3 columns x 2 rows, landscape 2 columns x 3 rows: 6 sheets each
    plan = plan_tiles((450 * MM, 450 * MM), A4)
    assert (plan.rows, plan.cols) == (2, 3) and not landscape(plan.sheet)
    # 300 x 300 mm: 2 x 2 either way
    plan = plan_tiles((300 * MM, 300 * MM), A4)
    assert (plan.rows, plan.cols) == (2, 2) and not landscape(plan.sheet)


def test_paper_given_landscape_is_taken_as_the_same_paper():
    assert plan_tiles(A2, (A4[1], A4[0])) == plan_tiles(A2, A4)


def test_a_poster_that_fits_on_one_sheet_is_one_centred_tile():
    plan = plan_tiles(A4, A3)
    assert (plan.rows, plan.cols) == (1, 1) and not landscape(plan.sheet)
    (tile,) = plan.tiles
    assert tile.label == "A1"
    assert tile.source == pytest.approx((0, 0, *A4))
    assert tile.window == pytest.approx(((A3[0] - A4[0]) / 2, (A3[1] - A4[1]) / 2, (A3[0] + A4[0]) / 2, (A3[1] + A4[1]) / 2))
    # a landscape poster that only fits a landscape sheet turns the sheet
    plan = plan_tiles((380 * MM, 250 * MM), A3)
    assert (plan.rows, plan.cols) == (1, 1) and landscape(plan.sheet)


def test_a_poster_as_large_as_the_paper_still_needs_tiles():
    # nothing prints in the 5 mm edge, so an A3 poster does not fit on one A3 sheet
    plan = plan_tiles(A3, A3)
    assert (plan.rows, plan.cols) == (2, 1) and landscape(plan.sheet)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"overlap": -1 * MM}, r"the tile overlap is -1 mm; it cannot be negative"),
        ({"overlap": 186 * MM}, r"overlap of 186 mm is not smaller than the 186 mm a sheet of 210 x 297 mm paper with 12 mm margins can show"),
        ({"overlap": 250 * MM}, r"overlap of 250 mm"),
        ({"margin": 4 * MM}, r"the tile margin is 4 mm; it must be at least 10 mm: 5 mm that printers leave blank"),
        ({"margin": 8 * MM}, r"the tile margin is 8 mm; it must be at least 10 mm"),
        ({"margin": 110 * MM}, r"210 x 297 mm paper with 110 mm margins leaves no room to print on"),
    ],
)
def test_impossible_tilings_are_clear_errors(options, message):
    with pytest.raises(TilingError, match=message):
        plan_tiles(A2, A4, **options)


def test_a_poster_over_more_sheets_than_anyone_glues_is_an_error():
    assert len(plan_tiles((1400 * MM, 1100 * MM), parse_size("A5")).tiles) == 80
    with pytest.raises(TilingError, match=r"the poster would take 1924 sheets of 50 x 50 mm \(37 x 52\); at most 100"):
        plan_tiles(A1, (50 * MM, 50 * MM))


def test_tiles_asked_for_on_the_command_line_are_blamed_on_the_flags(tmp_path):
    from click.testing import CliRunner

    from cardgen.cli import main

    args = ["build", "--out", str(tmp_path), "--lang", "nl", "--tile", "50mm x 50mm", "--poster-size", "A1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "--tile, --poster-size: the poster would take 1924 sheets" in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_empty_poster_is_an_error():
    with pytest.raises(ValueError, match=r"poster size 0 x 594 mm must be larger than zero"):
        plan_tiles((0, A2[1]), A4)


def test_the_smallest_margin_is_allowed():
    plan = plan_tiles(A2, A4, margin=MIN_MARGIN)
    assert all(t.window[0] >= MIN_MARGIN - TOL for t in plan.tiles)


# --- the tiles PDF ------------------------------------------------------------------------------

FONT = "AtkinsonTiles"
BLOCKS = 4  # the test poster is BLOCKS x BLOCKS rectangles, each its own colour
TEXT_AT = (60 * MM, 540 * MM)  # poster text, in the top-left block


def near_text(x: float, y: float) -> bool:
    return TEXT_AT[0] - 2 * MM < x < TEXT_AT[0] + 100 * MM and TEXT_AT[1] - 6 * MM < y < TEXT_AT[1] + 16 * MM


MARKERS = tuple((x * MM, y * MM) for x in range(30, 420, 40) for y in range(20, 594, 40) if not near_text(x * MM, y * MM))
MARKER = 6 * MM  # white squares centred on MARKERS: their edges show a shift of a millimetre


def colour(i: int, j: int) -> tuple[int, int, int]:
    """Block (column i, row j from the bottom): sixteen colours far enough apart to tell by pixel."""
    return (40 + 60 * i, 40 + 60 * j, 200 - 40 * ((i + j) % 4))


@pytest.fixture(scope="module")
def font() -> str:
    pdfmetrics.registerFont(TTFont(FONT, str(REPO / "assets/fonts/AtkinsonHyperlegible-Regular.ttf")))
    return FONT


def make_poster(path: Path, size: tuple[float, float], font: str) -> Path:
    w, h = size
    canvas = Canvas(str(path), pagesize=size, invariant=1, initialFontName=font)
    for i, j in itertools.product(range(BLOCKS), repeat=2):
        canvas.setFillColorRGB(*(c / 255 for c in colour(i, j)))
        canvas.rect(i * w / BLOCKS, j * h / BLOCKS, w / BLOCKS, h / BLOCKS, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    for x, y in MARKERS:
        if x < w and y < h:
            canvas.rect(x - MARKER / 2, y - MARKER / 2, MARKER, MARKER, stroke=0, fill=1)
    canvas.setFont(font, 40)
    canvas.drawString(*TEXT_AT, "Test poster")
    canvas.save()
    return path


def expected_colour(point: tuple[float, float], size: tuple[float, float]):
    """The poster's colour at `point`, or None near a block edge or the text, where pixels blur."""
    x, y = point
    if near_text(x, y):
        return None
    i, j = x / (size[0] / BLOCKS), y / (size[1] / BLOCKS)
    edge = 2 * MM / (size[0] / BLOCKS)
    if min(i % 1, 1 - i % 1, j % 1, 1 - j % 1) < edge:
        return None
    if any(abs(x - mx) < MARKER / 2 + 2 * MM and abs(y - my) < MARKER / 2 + 2 * MM for mx, my in MARKERS):
        return None
    return colour(int(i), int(j))


@pytest.fixture(scope="module")
def tiled(tmp_path_factory, font):
    from cardgen.pdf.tiles import write_tiles

    folder = tmp_path_factory.mktemp("tiles")
    poster = make_poster(folder / "poster.pdf", A2, font)
    plan = plan_tiles(A2, A4)
    out = folder / "poster-tiles.pdf"
    pages = write_tiles(poster, out, plan, title="Sextingscreener", font=font)
    return plan, out, pages, poster


def test_one_sheet_size_page_per_tile(tiled):
    plan, out, pages, _ = tiled
    reader = PdfReader(str(out))
    assert pages == len(reader.pages) == len(plan.tiles) == 8
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(plan.sheet)
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"] == "/None"


def test_nothing_is_printed_in_the_five_millimetre_edge(tiled):
    _, out, pages, _ = tiled
    dpi = 144
    edge = int(PRINTER_EDGE / 72 * dpi)
    for index in range(pages):
        image = render(out, index, dpi=dpi)
        w, h = image.size
        for strip in ((0, 0, w, edge), (0, h - edge, w, h), (0, 0, edge, h), (w - edge, 0, w, h)):
            assert image.crop(strip).getextrema() == ((255, 255),) * 3, (index, strip)


def test_each_tile_is_labelled_large_below_its_window(tiled):
    plan, out, pages, _ = tiled
    for index in range(pages):
        for tile in plan.tiles:
            large = [box for box in find_text(out, index, tile.label) if box[3] - box[1] > 4 * MM]
            if tile is plan.tiles[index]:
                assert len(large) == 1, (index, tile.label)
                assert PRINTER_EDGE < large[0][1] and large[0][3] < tile.window[1]  # in the bottom margin
            else:
                assert not large, (index, tile.label)  # other labels only in the small notes


def test_the_poster_lands_where_the_plan_says(tiled):
    plan, out, pages, _ = tiled
    checked = 0
    for index, tile in enumerate(plan.tiles):
        image = render(out, index, dpi=72)  # one pixel a point
        sx0, sy0, sx1, sy1 = tile.source
        wx0, wy0 = tile.window[:2]
        for fx, fy in itertools.product((0.03, 0.2, 0.4, 0.6, 0.8, 0.97), repeat=2):
            point = (sx0 + fx * (sx1 - sx0), sy0 + fy * (sy1 - sy0))
            expected = expected_colour(point, plan.poster)
            x, y = wx0 + point[0] - sx0, wy0 + point[1] - sy0
            near_dash = abs(x - (tile.window[2] - plan.overlap)) < 2 * MM or abs(y - (wy0 + plan.overlap)) < 2 * MM
            if expected is None or near_dash:
                continue
            pixel = image.getpixel((int(x), int(plan.sheet[1] - y)))
            assert all(abs(a - b) <= 3 for a, b in zip(pixel, expected)), (tile.label, point, pixel, expected)
            checked += 1
    assert checked > 100


def test_the_markers_land_to_the_millimetre_where_the_plan_says(tiled):
    plan, out, pages, _ = tiled
    checked = 0
    for index, tile in enumerate(plan.tiles):
        image = render(out, index, dpi=144)
        sx0, sy0, sx1, sy1 = tile.source
        dash_x, dash_y = tile.window[2] - plan.overlap, tile.window[1] + plan.overlap

        def pixel(point, dx, dy):
            x = tile.window[0] + point[0] - sx0 + dx
            y = tile.window[1] + point[1] - sy0 + dy
            return image.getpixel((round(x * 2), round((plan.sheet[1] - y) * 2)))

        for marker in MARKERS:
            x = tile.window[0] + marker[0] - sx0
            y = tile.window[1] + marker[1] - sy0
            inside = sx0 + 6 * MM < marker[0] < sx1 - 6 * MM and sy0 + 6 * MM < marker[1] < sy1 - 6 * MM
            if not inside or abs(x - dash_x) < 6 * MM or abs(y - dash_y) < 6 * MM:
                continue
            near = MARKER / 2 - 1 * MM
            far = MARKER / 2 + 1 * MM
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                assert pixel(marker, dx * near, dy * near) == (255, 255, 255), (tile.label, marker)
                assert pixel(marker, dx * far, dy * far) != (255, 255, 255), (tile.label, marker)
            checked += 1
    assert checked > 50


def test_a_point_in_the_overlap_is_on_both_tiles_at_the_planned_place(tiled):
    plan, out, _, _ = tiled
    a1, a2 = plan.at(0, 0), plan.at(0, 1)
    point = (a2.source[0] + 8 * MM, a1.source[1] + 50 * MM)  # in the shared strip, clear of a block edge
    assert a2.source[0] < point[0] < a1.source[2]
    assert expected_colour(point, plan.poster) is not None
    for index, tile in ((0, a1), (1, a2)):
        x = tile.window[0] + point[0] - tile.source[0]
        y = tile.window[1] + point[1] - tile.source[1]
        pixel = render(out, index, dpi=72).getpixel((int(x), int(plan.sheet[1] - y)))
        assert all(abs(a - b) <= 3 for a, b in zip(pixel, expected_colour(point, plan.poster))), tile.label


def test_outside_the_window_the_poster_is_clipped(tiled):
    plan, out, _, _ = tiled
    tile = plan.at(1, 1)
    image = render(out, 3, dpi=72)
    x0, y0, x1, y1 = tile.window
    # the middle of each margin, away from the notes: white, although the poster goes on there
    for x, y in (((x0 + x1) / 2 + 40 * MM, y0 - 3 * MM), (x1 + 3 * MM, (y0 + y1) / 2 + 50 * MM)):
        assert image.getpixel((int(x), int(plan.sheet[1] - y))) == (255, 255, 255)


def test_same_input_same_bytes(tiled, tmp_path, font):
    from cardgen.pdf.tiles import write_tiles

    plan, out, _, poster = tiled
    again = tmp_path / "again.pdf"
    write_tiles(poster, again, plan, title="Sextingscreener", font=font)
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize("margin", [MARGIN, MIN_MARGIN])
def test_the_narrowest_margins_keep_the_edge_blank_and_the_label(tmp_path, font, margin):
    from cardgen.pdf.tiles import write_tiles

    # exactly two by two landscape A4 windows: the margins are `margin` all round
    size = (2 * (A4[1] - 2 * margin) - OVERLAP, 2 * (A4[0] - 2 * margin) - OVERLAP)
    poster = make_poster(tmp_path / "poster.pdf", size, font)
    plan = plan_tiles(size, A4, margin=margin)
    assert (plan.rows, plan.cols) == (2, 2)
    assert plan.tiles[3].window[:2] == pytest.approx((margin, margin))
    out = tmp_path / "tiles.pdf"
    assert write_tiles(poster, out, plan, font=font) == 4
    edge = int(PRINTER_EDGE / 72 * 144)
    for index, tile in enumerate(plan.tiles):
        image = render(out, index, dpi=144)
        w, h = image.size
        for strip in ((0, 0, w, edge), (0, h - edge, w, h), (0, 0, edge, h), (w - edge, 0, w, h)):
            assert image.crop(strip).getextrema() == ((255, 255),) * 3, (index, strip)
        assert [b for b in find_text(out, index, tile.label) if b[3] - b[1] > 2.5 * MM], tile.label


def test_a_poster_of_another_size_than_planned_is_refused(tiled, tmp_path):
    from cardgen.pdf.tiles import write_tiles

    _, _, _, poster = tiled
    with pytest.raises(ValueError, match=r"the poster page is 420 x 594 mm, but the tiles were planned for 594 x 841 mm"):
        write_tiles(poster, tmp_path / "x.pdf", plan_tiles(A1, A4))
