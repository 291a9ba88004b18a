"""The shop files of a --shop --cmyk build are PDF/X-4; every file has distinct font subset names
and an /ID; --shop-page bleed gives pages of the face and its bleed only."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.load.assets import builtin_assets
from cardgen.units import MM
from conftest import CONTENT, FROZEN
from patching import apply_patch
from pdfx import pdfx4_problems

SHOP_FILES = ("cards-shop.pdf", "poster-shop.pdf")
EVERY_FILE = ("cards.pdf", "poster.pdf", "print-pack.pdf", "poster-tiles.pdf", *SHOP_FILES)


def build(out, *args):
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(out), "--lang", "nl", *args])
    assert result.exit_code == 0, result.output
    return out / "nl"


@pytest.fixture(scope="module")
def cmyk_shop(tmp_path_factory):
    return build(tmp_path_factory.mktemp("pdfx"), "--shop", "--cmyk", "--tile", "A4")


@pytest.fixture(scope="module")
def rgb_shop(tmp_path_factory):
    return build(tmp_path_factory.mktemp("rgb"), "--shop", "--tile", "A4")


@pytest.mark.parametrize("name", SHOP_FILES)
def test_the_shop_files_pass_the_pdfx4_check(cmyk_shop, name):
    assert pdfx4_problems(cmyk_shop / name) == []


@pytest.mark.parametrize("name", SHOP_FILES)
def test_the_output_intent_is_the_shipped_fogra39_profile(cmyk_shop, name):
    pdf = pikepdf.open(cmyk_shop / name)
    (intent,) = pdf.Root.OutputIntents
    assert str(intent.OutputConditionIdentifier) == "FOGRA39"
    assert str(intent.RegistryName) == "http://www.color.org"
    shipped = (builtin_assets() / "profiles" / "FOGRA39L-coated.icc").read_bytes()
    assert intent.DestOutputProfile.read_bytes() == shipped
    assert pdf.open_metadata()["pdfxid:GTS_PDFXVersion"] == str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
@pytest.mark.parametrize("name", SHOP_FILES)
def test_qpdf_finds_no_structural_error(cmyk_shop, name):
    result = subprocess.run(["qpdf", "--check", str(cmyk_shop / name)], capture_output=True, text=True)
    assert result.returncode == 0 and "No syntax or stream encoding errors" in result.stdout, result.stdout + result.stderr


def test_the_check_catches_what_it_is_for(rgb_shop):
    """RGB shop files (no --cmyk) are not PDF/X: the check says why, so it is not a check that cannot fail."""
    problems = pdfx4_problems(rgb_shop / "cards-shop.pdf")
    assert any("RGB colour operator rg" in p for p in problems)
    assert any("GTS_PDFXVersion" in p for p in problems) and any("output intents" in p for p in problems)


def fonts_by_name(pdf: pikepdf.Pdf) -> dict[str, set[bytes]]:
    """BaseFont -> the font programs (FontFile2 and widths) shown under that name, over every page and form."""
    found: dict[str, set[bytes]] = {}

    def walk(resources):
        for font in (resources or {}).get("/Font", {}).values():
            descriptor = font.FontDescriptor
            program = descriptor.FontFile2.read_bytes() + repr(list(font.Widths)).encode()
            found.setdefault(str(font.BaseFont), set()).add(program)
        for xobject in (resources or {}).get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in pdf.pages:
        walk(page.obj.get("/Resources"))
    return found


@pytest.mark.parametrize("shop", ["rgb_shop", "cmyk_shop"])
@pytest.mark.parametrize("name", EVERY_FILE)
def test_each_font_subset_has_a_name_of_its_own(request, shop, name):
    fonts = fonts_by_name(pikepdf.open(request.getfixturevalue(shop) / name))
    assert fonts
    for base, programs in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+AtkinsonHyperlegible-\w+", base), base
        assert len(programs) == 1, f"{name}: {len(programs)} different subsets named {base}"


def test_the_same_subset_keeps_its_name_across_files_and_different_ones_differ(rgb_shop):
    names = {name: set(fonts_by_name(pikepdf.open(rgb_shop / name))) for name in EVERY_FILE}
    assert names["cards.pdf"] <= names["print-pack.pdf"] and names["poster.pdf"] <= names["print-pack.pdf"]
    # the shop cards are drawn in a document of their own: other subsets, other names
    assert names["cards-shop.pdf"] != names["cards.pdf"]
    every = [fonts_by_name(pikepdf.open(rgb_shop / name)) for name in EVERY_FILE]
    programs: dict[str, bytes] = {}
    for fonts in every:
        for base, (program,) in fonts.items():
            assert programs.setdefault(base, program) == program, f"{base} names two subsets in two files"


@pytest.mark.parametrize("shop", ["rgb_shop", "cmyk_shop"])
@pytest.mark.parametrize("name", EVERY_FILE)
def test_every_file_has_a_trailer_id(request, shop, name):
    pdf = pikepdf.open(request.getfixturevalue(shop) / name)
    first, second = pdf.trailer.ID
    assert len(bytes(first)) == 16 and bytes(first) == bytes(second)


def test_ids_differ_between_files(rgb_shop):
    ids = {bytes(pikepdf.open(rgb_shop / name).trailer.ID[0]) for name in EVERY_FILE}
    assert len(ids) == len(EVERY_FILE)


def test_shop_pages_with_only_trim_and_bleed(tmp_path):
    nl = build(tmp_path, "--shop", "--cmyk", "--shop-page", "bleed")
    pdf = pikepdf.open(nl / "cards-shop.pdf")
    for page in pdf.pages:
        media = [float(v) for v in page.MediaBox]
        assert [round(v / MM, 2) for v in media] == [0, 0, 69, 94]
        assert [round(float(v) / MM, 2) for v in page.TrimBox] == [3, 3, 66, 91]
        assert [float(v) for v in page.BleedBox] == pytest.approx(media)
    poster = pikepdf.open(nl / "poster-shop.pdf")
    assert [round(float(v) / MM, 1) for v in poster.pages[0].MediaBox] == [0, 0, 426, 303]
    for name in SHOP_FILES:
        assert pdfx4_problems(nl / name) == []
    # no crop marks: the front's colour fills the page to every edge, corners included
    image = pypdfium2.PdfDocument(nl / "cards-shop.pdf")[2].render(scale=100 / 72).to_pil().convert("RGB")
    purple = image.getpixel((image.width // 2, image.height // 2 + 60))
    for corner in ((1, 1), (image.width - 2, 1), (1, image.height - 2), (image.width - 2, image.height - 2)):
        assert image.getpixel(corner) == purple, corner


def test_the_shop_page_layout_key_and_a_wrong_value(tmp_path, deck_copy):
    layout = deck_copy / "layout.yaml"
    layout.write_text(layout.read_text(encoding="utf-8") + "output:\n  shop: true\n  shop_page: bleed\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(tmp_path / "a"), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    shop = pikepdf.open(tmp_path / "a" / "nl" / "cards-shop.pdf")
    assert [round(float(v) / MM) for v in shop.pages[0].MediaBox] == [0, 0, 69, 94]
    layout.write_text(layout.read_text(encoding="utf-8").replace("shop_page: bleed", "shop_page: trimmed"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(tmp_path / "b"), "--lang", "nl"])
    assert result.exit_code == 1
    line = len(layout.read_text(encoding="utf-8").splitlines())
    assert f"layout.yaml:{line}: 'output.shop_page': " in result.output and "'trimmed'" in result.output, result.output


def test_a_standard_font_is_refused_for_pdfx_but_not_otherwise(tmp_path, monkeypatch):
    deck = tmp_path / "deck"
    shutil.copytree(FROZEN, deck)
    _, line = apply_patch(deck, Path(__file__).parent / "fixtures" / "colour" / "standard_font_in_pdfx.patch")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--content", "deck", "--out", "out", "--lang", "nl", "--shop", "--cmyk"])
    assert result.exit_code == 1 and not (tmp_path / "out").exists()
    assert f"deck/layout.yaml:{line}: 'fonts.italic': 'Helvetica-Oblique' is a standard PDF font" in result.output, result.output
    assert "need every font embedded" in result.output
    rgb = CliRunner().invoke(main, ["build", "--content", "deck", "--out", "out", "--lang", "nl", "--shop"])
    assert rgb.exit_code == 0, rgb.output
