"""Small things from issue 12: tile footers keep their unit, the poster's site name stays in its
panel (or is refused by name), every file says its language, the pink emoticon is friendly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cardgen.cli import main
from cardgen.load.assets import builtin_assets
from conftest import CONTENT
from pdfread import MM, find_text, page_text, render


def _build(content: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), *args])


@pytest.fixture(scope="module")
def tiled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tiled")
    result = _build(CONTENT, out, "--tile", "A4", "--poster-size", "A1", "--shop")
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_tile_footer_keeps_the_overlap_with_its_unit(tiled, lang):
    tiles = tiled / lang / "poster-tiles.pdf"
    pages = len(PdfReader(str(tiles)).pages)
    assert pages == 15
    for index in range(pages):
        footer = page_text(tiles, index).replace("\u00a0", " ")
        assert " 10 mm" in footer, (lang, index, footer[-200:])
        assert " m…" not in footer and " 10…" not in footer


@pytest.mark.parametrize("name", ["poster-tiles.pdf", "poster-shop.pdf", "cards-shop.pdf", "cards.pdf", "poster.pdf", "print-pack.pdf"])
def test_every_file_says_its_language(tiled, name):
    for lang, tag in (("nl", "nl-BE"), ("fr", "fr-BE"), ("en", "en-GB")):
        assert PdfReader(str(tiled / lang / name)).trailer["/Root"].get("/Lang") == tag, (lang, name)


def _deck_with_site(tmp_path: Path, site: str) -> Path:
    deck = tmp_path / "deck"
    shutil.copytree(CONTENT, deck)
    path = deck / "deck.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("site: https://www.sexting.be", f"site: {site}", 1), encoding="utf-8")
    return deck


def test_a_longer_site_name_is_set_smaller_to_stay_in_its_panel(tmp_path):
    deck = _deck_with_site(tmp_path, "https://www.sexting-op-school.be/gids")  # 29 characters shown
    result = _build(deck, tmp_path / "out", "--lang", "nl")
    assert result.exit_code == 0, result.output
    poster = tmp_path / "out" / "nl" / "poster.pdf"
    width = float(PdfReader(str(poster)).pages[0].mediabox.width)
    boxes = find_text(poster, 0, "www.sexting-op-school.be/gids")
    assert boxes
    right = boxes[0][2]
    # the panel ends 5 mm past the code, the code inside the poster's 14 mm margin: the name stays inside both
    assert right <= width - 14 * MM + 0.5, (width - right) / MM
    # and it is the panel's colour around its end, not the white of the page
    image = render(poster, 0, dpi=72)
    assert image.getpixel((round(right) + 2, image.height - round(boxes[0][1]) - 2))[:3] != (255, 255, 255)


def test_a_site_name_too_long_even_at_the_smallest_size_is_refused_by_name(tmp_path):
    deck = _deck_with_site(tmp_path, "https://www.sexting-op-school-en-thuis-met-de-leerlingen.be/gids")
    result = CliRunner().invoke(main, ["check", "--content", str(deck), "--lang", "nl"])
    assert result.exit_code == 1
    line = next(i for i, text in enumerate((deck / "deck.yaml").read_text().splitlines(), 1) if text.startswith("site:"))
    assert f"deck.yaml:{line}: 'site': the site's name 'www.sexting-op-school-en-thuis-met-de-leerlingen.be/gids' is " in result.output
    assert "use a shorter address, or a larger QR code (qr.poster in layout.yaml)" in result.output


def _features(svg: Path, tmp_path: Path):
    """The face's dark features (brows, eyes, mouth) as a set of pixels, from a render of the drawing."""
    from reportlab.graphics import renderPDF
    from svglib.svglib import svg2rlg

    pdf = tmp_path / f"{svg.stem}.pdf"
    renderPDF.drawToFile(svg2rlg(str(svg)), str(pdf))
    image = render(pdf, 0, dpi=72).convert("RGB")
    return image.width, {(x, y) for x in range(image.width) for y in range(image.height) if max(image.getpixel((x, y))) < 110}


def test_the_pink_face_is_even_not_a_smirk_or_a_raised_brow(tmp_path):
    """Points to work on are plans: the pink face's brows, eyes and mouth mirror each other
    (a smirk or one raised eyebrow, which read as mocking, do not), and its mouth turns up."""
    width, dark = _features(builtin_assets() / "emoticons" / "pink.svg", tmp_path)
    mirrored = {(width - 1 - x, y) for x, y in dark}
    assert len(dark) > 1500
    assert len(dark & mirrored) / len(dark) > 0.9
    mouth = [(x, y) for x, y in dark if y > width * 0.6]
    middle = [y for x, y in mouth if abs(x - width / 2) < 5]
    corners = [y for x, y in mouth if abs(x - width / 2) > width * 0.12]
    assert min(corners) < min(middle)  # the corners stand higher than the middle: a smile
