"""Nothing that matters within 5 mm inside the cut, on the print shop's pages (--shop): read from
the characters' boxes and from the ink of the rendered pages, where only the backgrounds (the
face's colour, the back's band and its white) may reach the cut."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageDraw
from click.testing import CliRunner
from pypdf import PdfReader

from cardgen.cli import main
from conftest import CONTENT
from pdfread import MM

SAFE = 5 * MM
DPI = 150
SLACK = 0.05 * MM  # a glyph's box may touch the safe area's edge


@pytest.fixture(scope="module")
def shop_cards(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("shop")
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(out), "--lang", "nl", "--shop"])
    assert result.exit_code == 0, result.output
    return out / "nl" / "cards-shop.pdf"


def trim_boxes(pdf: Path) -> list[tuple[float, float, float, float]]:
    return [tuple(float(v) for v in page.trimbox) for page in PdfReader(str(pdf)).pages]


def _nearest_characters(pdf: Path) -> dict[str, tuple[float, int]]:
    """Each character's smallest distance to its page's trim box, and the page."""
    document = pdfium.PdfDocument(str(pdf))
    nearest = {}
    for index, (x0, y0, x1, y1) in enumerate(trim_boxes(pdf)):
        text = document[index].get_textpage()
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            if not char.strip():
                continue
            left, bottom, right, top = text.get_charbox(i)
            gap = min(left - x0, bottom - y0, x1 - right, y1 - top)
            if gap < nearest.get(char, (1e9,))[0]:
                nearest[char] = (gap, index)
    return nearest


def test_every_character_stands_5_mm_inside_the_cut(shop_cards):
    nearest = _nearest_characters(shop_cards)
    assert len(nearest) > 20  # the pages were read: labels, titles, descriptions, the site
    close = {char: (round(gap / MM, 2), page) for char, (gap, page) in nearest.items() if gap < SAFE - SLACK}
    assert not close, f"characters nearer the cut than 5 mm (mm, page): {close}"


def test_the_shop_posters_text_stands_inside_the_safe_area_too(shop_cards):
    nearest = _nearest_characters(shop_cards.parent / "poster-shop.pdf")
    assert len(nearest) > 20
    assert min(gap for gap, _ in nearest.values()) >= SAFE


def test_only_the_backgrounds_reach_into_the_5_mm_inside_the_cut(shop_cards):
    """The icon in the back's band, the band's label, the rules card's site and every number stand
    inside the safe area: in the 5 mm frame inside the trim only the background colours are painted."""
    document = pdfium.PdfDocument(str(shop_cards))
    scale = DPI / 72
    inset_px = int((SAFE - SLACK) * scale)
    strays = {}
    for index, (x0, y0, x1, y1) in enumerate(trim_boxes(shop_cards)):
        page = document[index]
        height = page.get_height()
        image = page.render(scale=scale, no_smoothtext=True, no_smoothpath=True, no_smoothimage=True).to_pil().convert("RGB")
        trim_px = (round(x0 * scale), round((height - y1) * scale), round(x1 * scale), round((height - y0) * scale))
        face = image.crop(trim_px)
        # the backgrounds run across the card and into the bleed: a row's colour in the bleed, 1.5 mm
        # left of the cut, is what that row may show inside the frame
        bleed_x = trim_px[0] - round(1.5 * MM * scale)
        row_colours = image.crop((bleed_x, trim_px[1], bleed_x + 1, trim_px[3])).resize(face.size, Image.NEAREST)
        ink = ImageChops.difference(face, row_colours).convert("L")
        ImageDraw.Draw(ink).rectangle((inset_px, inset_px, face.width - inset_px - 1, face.height - inset_px - 1), fill=0)
        stray = sum(ink.point(lambda level: 255 if level > 8 else 0).histogram()[255:])
        if stray:
            strays[index] = stray
    assert len(document) == 50
    assert not strays, f"pages with ink in the 5 mm inside the cut (page: pixels): {strays}"


def test_a_band_with_no_room_inside_the_safe_area_is_refused_by_name(tmp_path):
    import shutil

    deck = tmp_path / "deck"
    shutil.copytree(CONTENT, deck)
    layout = deck / "layout.yaml"
    layout.write_text(layout.read_text(encoding="utf-8").replace("  band: 11mm", "  band: 7mm", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(deck), "--lang", "nl"])
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(layout.read_text().splitlines(), 1) if text.startswith("  band:"))
    assert (f"layout.yaml:{line}: 'card.band': expected at least 9 mm, found 7 mm: the band's icon and label stand inside the "
            "safe area (card.padding, 5 mm) and need 4 mm of the band below it") in result.output  # fmt: skip
