"""Print production read back from the PDFs: papers, card sizes, orientation, flip, offset, cut lines."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from conftest import CONTENT
from pdfread import MM, find_text, page_sizes, render


def build(tmp_path, *args):
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(tmp_path), "--lang", "nl", *args])
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
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(tmp_path), "--card-size", "mini", "--lang", "nl"])
    assert result.exit_code == 1
    assert "card 'beleid-rond-sexting': the description does not fit even at 8 pt" in result.output


def test_the_offset_shifts_every_back_and_no_front(tmp_path, built):
    plain = built / "cards.pdf"
    shifted = build(tmp_path, "--offset", "1.5,-0.75")
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
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(tmp_path), "--card-size", "200x280", "--lang", "nl"])
    assert result.exit_code == 1
    assert "a 200 x 280 mm card does not fit on 210 x 297 mm paper" in result.output


def test_cut_lines_run_along_every_cut_between_the_cards(tmp_path, built, prepared):
    """Home sheets have them unless told not to (--no-cut-lines)."""
    from cardgen.plan.sheets import slot

    grid = prepared.sheets.grid
    plain = render(build(tmp_path, "--no-cut-lines"), 0, dpi=150, grey=True)
    lined = render(built / "cards.pdf", 0, dpi=150, grey=True)
    scale = 150 / 72
    x = round((grid.x0 + grid.card_w) * scale)  # the cut on the right of the first column
    y = round((grid.paper_h - slot(grid, 4).cy) * scale)  # halfway down the middle row
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


# --- print shop ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    out = tmp_path_factory.mktemp("shop")
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(out), "--shop", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    return out / "nl" / "cards-shop.pdf"


def boxes(pdf, index):
    from pypdf import PdfReader

    page = PdfReader(str(pdf)).pages[index]
    return {name: tuple(float(v) for v in page[name]) for name in ("/MediaBox", "/TrimBox", "/BleedBox")}


def test_the_shop_file_has_one_face_a_page_front_then_back(shop):
    from pdfread import page_text

    assert len(page_sizes(shop)) == 50
    assert "#kwaliteit" in page_text(shop, 2) and "Aanspreekpersoon" not in page_text(shop, 2)
    assert "Aanspreekpersoon" in page_text(shop, 3) and "1/24" in page_text(shop, 3)


def test_every_shop_page_has_its_trim_and_bleed_boxes(shop):
    for index in (0, 1, 17, 49):
        b = boxes(shop, index)
        x0, y0, x1, y1 = b["/TrimBox"]
        assert (x1 - x0, y1 - y0) == pytest.approx((63 * MM, 88 * MM), abs=0.01)
        assert b["/BleedBox"] == pytest.approx((x0 - 3 * MM, y0 - 3 * MM, x1 + 3 * MM, y1 + 3 * MM), abs=0.01)
        mx0, my0, mx1, my1 = b["/MediaBox"]
        assert mx0 < x0 - 3 * MM and mx1 > x1 + 3 * MM and my0 < y0 - 3 * MM and my1 > y1 + 3 * MM


def test_backgrounds_run_into_the_bleed_and_crop_marks_stand_outside_it(shop):
    x0, y0, x1, y1 = boxes(shop, 2)["/TrimBox"]
    _, _, _, page_h = boxes(shop, 2)["/MediaBox"]
    dpi = 200
    s = dpi / 72
    image = render(shop, 2, dpi=dpi)
    purple = image.getpixel((round((x0 + x1) / 2 * s), round((page_h - (y0 + y1) / 2) * s)))
    in_bleed = image.getpixel((round((x0 - 1.5 * MM) * s), round((page_h - (y0 + y1) / 2) * s)))
    assert in_bleed == purple and purple[2] > purple[1] + 40  # the card's purple runs past the cut
    beyond = image.getpixel((round((x0 - 4 * MM) * s), round((page_h - (y0 + y1) / 2) * s)))
    assert beyond == (255, 255, 255)
    mark = [image.getpixel((round(x0 * s) + d, round((page_h - (y0 - 3 * MM - 4 * MM)) * s))) for d in (-1, 0, 1)]
    assert min(sum(p) for p in mark) < 300  # a dark crop mark in line with the left cut, below the bleed


def test_text_keeps_to_the_safe_area_inside_the_cut(shop):
    from pdfread import find_text

    x0, y0, x1, y1 = boxes(shop, 3)["/TrimBox"]
    for needle in ("Aanspreekpersoon", "Onze school", "1/24"):
        left, bottom, right, top = find_text(shop, 3, needle)[0]
        assert left >= x0 + 4.9 * MM and right <= x1 - 4.9 * MM and bottom >= y0 + 4.9 * MM and top <= y1 - 4.9 * MM


def test_every_front_shows_its_icon_in_its_text_colour(shop, built, prepared):
    """A tint must never leak: the white star on a front stays white after the poster drew it purple
    (and the dark shield on the light teal front stays dark)."""
    x0, y0, x1, y1 = boxes(shop, 2)["/TrimBox"]
    _, _, _, page_h = boxes(shop, 2)["/MediaBox"]
    s = 100 / 72
    for index in (2, 18, 34):  # a kwaliteit, preventie and reactie front, after the poster was drawn
        image = render(shop, index, dpi=100)
        icon_area = image.crop((round((x0 + 20 * MM) * s), round((page_h - y1 + 8 * MM) * s),
                                round((x1 - 20 * MM) * s), round((page_h - y1 + 35 * MM) * s)))  # fmt: skip
        data = icon_area.tobytes()
        if index == 18:  # the light face carries dark text and icon
            inked = sum(1 for i in range(0, len(data), 3) if max(data[i : i + 3]) < 50)
        else:
            inked = sum(1 for i in range(0, len(data), 3) if min(data[i : i + 3]) > 240)
        assert inked > 0.05 * (len(data) / 3), index  # a leaked tint leaves none


# --- CMYK ----------------------------------------------------------------------------------------


def colour_operators(pdf):
    from collections import Counter

    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(str(pdf))
    found, values = Counter(), []
    for page in reader.pages:
        streams = [page.get_contents()] + [x.get_object() for x in page["/Resources"].get("/XObject", {}).values()]
        for stream in streams:
            for operands, operator in ContentStream(stream, reader).operations:
                if operator in (b"rg", b"RG", b"g", b"G", b"k", b"K"):
                    found[operator.decode()] += 1
                    values.append((operator.decode(), tuple(round(float(v), 4) for v in operands)))
    return found, values


def test_cmyk_writes_every_colour_in_cmyk_in_every_file(tmp_path):
    build(tmp_path, "--cmyk", "--shop")
    for name in ("cards.pdf", "poster.pdf", "print-pack.pdf", "cards-shop.pdf"):
        found, _ = colour_operators(tmp_path / "nl" / name)
        assert found["k"] > 10, name
        assert not (found["rg"] or found["RG"] or found["g"] or found["G"]), (name, found)


def test_without_cmyk_colours_stay_rgb(built):
    found, _ = colour_operators(built / "cards.pdf")
    assert found["rg"] > 10 and not found["k"]


def test_a_colour_written_as_cmyk_keeps_its_exact_values(deck_copy, tmp_path):
    deck = deck_copy / "deck.yaml"
    deck.write_text(deck.read_text().replace('colour: "#B85400"      # orange', 'colour: "cmyk(0, 60, 100, 25)"'))
    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(tmp_path), "--cmyk", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    _, values = colour_operators(tmp_path / "nl" / "cards.pdf")
    assert ("k", (0.0, 0.6, 1.0, 0.25)) in values


def test_cmyk_colour_syntax():
    from cardgen.units import UnitError, parse_colour

    colour = parse_colour("cmyk(0, 60, 100, 25)")
    assert colour.cmyk == (0.0, 0.6, 1.0, 0.25)
    assert colour == pytest.approx((0.75, 0.3, 0.0))
    with pytest.raises(UnitError, match="cmyk\\(C, M, Y, K\\)"):
        parse_colour("cmyk(0, 160, 0, 0)")


# --- fold-over -----------------------------------------------------------------------------------


def test_fold_over_puts_each_back_beside_its_front_on_one_page(tmp_path):
    from pypdf import PdfReader

    cards = build(tmp_path, "--flip", "fold")
    sizes = page_sizes(cards)
    assert len(sizes) == 7  # 4 pairs a sheet, one page a sheet: no back pages
    for label, page in (("1/24", 0), ("7/24", 1), ("24/24", 6)):
        (front, back) = sorted(find_text(cards, page, label))
        assert centre(back)[0] - centre(front)[0] == pytest.approx(67 * MM, abs=0.6)  # a 4 mm fold gap between them
        assert centre(back)[1] == pytest.approx(centre(front)[1], abs=0.6)
    assert PdfReader(cards).trailer["/Root"]["/ViewerPreferences"]["/Duplex"] == "/Simplex"


def test_fold_over_marks_the_fold_and_keeps_off_the_edge(tmp_path, prepared):
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    cards = build(tmp_path, "--flip", "fold")
    (left, _, right, _) = sorted(find_text(cards, 0, "1/24"))[0]
    fold_x = (left + right) / 2 + 63 * MM / 2 + 2 * MM  # the front's centre + half a card + half the fold gap
    reader = PdfReader(str(cards))
    dashed, dashed_xs = False, []
    for operands, operator in ContentStream(reader.pages[0].get_contents(), reader).operations:
        if operator == b"d":
            dashed = bool(operands[0])
        elif operator == b"m" and dashed:
            dashed_xs.append(float(operands[0]))
    assert any(abs(x - fold_x) < 0.6 for x in dashed_xs), (fold_x, dashed_xs)
    image = render(cards, 0, dpi=200, grey=True)
    edge = round(5 * 200 / 25.4)
    assert all(image.getpixel((x, y)) > 250 for x in range(0, image.width, 3) for y in list(range(edge)) + list(range(image.height - edge, image.height)))


# --- poster sizes and tiles ------------------------------------------------------------------------


def test_poster_size_prints_the_same_poster_larger(tmp_path):
    from pdfread import page_text

    build(tmp_path, "--poster-size", "A1")
    poster = tmp_path / "nl" / "poster.pdf"
    assert page_sizes(poster) == [pytest.approx((841 * MM, 594 * MM), abs=0.5)]
    (left, bottom, right, top) = find_text(poster, 0, "Sextingscreener")[0]
    assert (top - bottom) > 2 * 30  # the title grew with the paper (44 pt on A3)
    assert "Sterke punten" in page_text(poster, 0)


def test_tiles_cover_the_poster_in_the_editions_language_and_the_pack_names_them(tmp_path):
    import pypdfium2 as pdfium

    from pdfread import page_text

    build(tmp_path, "--tile", "A4")
    tiles = tmp_path / "nl" / "poster-tiles.pdf"
    assert len(page_sizes(tiles)) == 4
    for index, label in enumerate(("A1", "A2", "B1", "B2")):
        text = page_text(tiles, index)
        assert f"posterdeel {label}" in text
    assert "hier lijmen" in page_text(tiles, 0)
    doc = pdfium.PdfDocument(str(tmp_path / "nl" / "print-pack.pdf"))
    assert len(doc) == 9  # the tiles print single-sided: a file of their own, not in the double-sided pack
    assert [(b.get_title(), b.get_dest().get_index()) for b in doc.get_toc()][-1] == ("Poster", 8)
    doc.close()
    assert "Poster in delen (poster-tiles.pdf, 4 bladen A4)" in " ".join(page_text(tmp_path / "nl" / "print-pack.pdf", 0).split())


def test_an_overlap_too_large_for_the_tile_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(
        main, ["build", "--content", str(CONTENT), "--out", str(tmp_path), "--tile", "60mm x 60mm", "--overlap", "50", "--lang", "nl"]
    )
    assert result.exit_code == 1
    assert "--tile, --overlap: the tile overlap of 50 mm is not smaller than" in result.output
    assert not (tmp_path / "nl").exists()


def test_a_tile_text_with_an_unknown_placeholder_is_named(deck_copy):
    texts = deck_copy / "nl" / "texts.yaml"
    texts.write_text(texts.read_text(encoding="utf-8") + '\ntiles:\n  glue: "hier lijmen · {tegel} komt over deze kant"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(deck_copy), "--lang", "nl"])
    assert result.exit_code == 1
    assert "'tiles.glue': unknown placeholder" in result.output and "{label}" in result.output


def test_the_shop_poster_has_a_bleed_crop_marks_and_boxes(deck_copy, tmp_path):
    layout = deck_copy / "layout.yaml"
    layout.write_text(layout.read_text().replace('  background: "#FFFFFF"', '  background: "#FFF4D6"'))
    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(tmp_path), "--shop", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    poster = tmp_path / "nl" / "poster-shop.pdf"
    b = boxes(poster, 0)
    x0, y0, x1, y1 = b["/TrimBox"]
    assert (x1 - x0, y1 - y0) == pytest.approx((420 * MM, 297 * MM), abs=0.1)
    assert b["/BleedBox"] == pytest.approx((x0 - 3 * MM, y0 - 3 * MM, x1 + 3 * MM, y1 + 3 * MM), abs=0.1)
    s = 50 / 72
    image = render(poster, 0, dpi=50)
    h = b["/MediaBox"][3]
    assert image.getpixel((round((x0 - 1.5 * MM) * s), round((h - (y0 + y1) / 2) * s))) == (255, 244, 214)
    assert image.getpixel((round((x0 - 4.5 * MM) * s), round((h - (y0 + y1) / 2) * s))) == (255, 255, 255)
