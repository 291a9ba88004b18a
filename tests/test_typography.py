"""Typography read back from the built PDFs: fonts, QR codes, links, hyphenation, black and white."""

from __future__ import annotations

import pytest
import zxingcpp
from pypdf import PdfReader

from cardgen.build import build, prepare
from conftest import CONTENT
from pdfread import render


def codes(pdf, page, dpi):
    return [r.text for r in zxingcpp.read_barcodes(render(pdf, page, dpi=dpi, grey=True))]


def test_the_rules_card_carries_a_qr_code_a_phone_can_read(built):
    # 100 dpi is coarser than any office print; the code still reads
    assert codes(built / "cards.pdf", 0, 100) == ["https://www.sexting.be"]
    assert codes(built / "cards.pdf", 1, 100) == []  # on the front only: the back has the rules text


def test_the_poster_carries_the_same_code(built):
    assert codes(built / "poster.pdf", 0, 72) == ["https://www.sexting.be"]


def test_the_qr_code_is_vectors(built):
    page = PdfReader(built / "cards.pdf").pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    assert not any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())


def test_no_qr_switches_the_codes_off(tmp_path):
    build(prepare(CONTENT, qr=False), tmp_path)
    assert codes(tmp_path / "nl" / "cards.pdf", 0, 100) == []
    assert codes(tmp_path / "nl" / "poster.pdf", 0, 72) == []


def fonts_of(pdf):
    found = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            embedded = bool(descriptor and descriptor.get_object().get("/FontFile2"))
            found[str(font["/BaseFont"])] = embedded
    return found


def test_the_shipped_font_is_embedded_and_subset(built):
    fonts = fonts_of(built / "cards.pdf")
    atkinson = {name: embedded for name, embedded in fonts.items() if "AtkinsonHyperlegible" in name}
    assert any("Regular" in n for n in atkinson) and any("Bold" in n for n in atkinson)
    assert all(atkinson.values())
    # a subset carries a six-letter tag: ABCDEF+Name
    assert all(name.lstrip("/")[6] == "+" for name in atkinson)
    assert not [n for n in fonts if "Helvetica" in n]


def test_a_file_that_is_not_a_truetype_font_is_refused_by_name(deck_copy):
    from click.testing import CliRunner

    from cardgen.cli import main

    (deck_copy / "fonts").mkdir()
    (deck_copy / "fonts" / "Fake.ttf").write_bytes(b"this is not a font")
    layout = deck_copy / "layout.yaml"
    layout.write_text(layout.read_text().replace("fonts/AtkinsonHyperlegible-Italic.ttf", "fonts/Fake.ttf"))
    line = layout.read_text().splitlines().index("  italic: fonts/Fake.ttf") + 1
    result = CliRunner().invoke(main, ["check", "--content", str(deck_copy)])
    assert result.exit_code == 1
    assert f"layout.yaml:{line}: 'fonts.italic': 'fonts/Fake.ttf' is not a usable TrueType font" in result.output
    assert "Traceback" not in result.output


def test_a_deck_font_is_found_in_the_deck_folder_first(deck_copy, tmp_path, built):
    import shutil

    from conftest import REPO

    (deck_copy / "fonts").mkdir()
    shutil.copy(REPO / "assets" / "fonts" / "AtkinsonHyperlegible-Italic.ttf", deck_copy / "fonts" / "MyDeck-Regular.ttf")
    layout = deck_copy / "layout.yaml"
    layout.write_text(layout.read_text().replace("fonts/AtkinsonHyperlegible-Regular.ttf", "fonts/MyDeck-Regular.ttf"))
    build(prepare(deck_copy), tmp_path)
    # the copy is the italic, which the Dutch texts never ask for: seeing it proves the deck's file is used
    assert any("AtkinsonHyperlegible-Italic" in name for name in fonts_of(tmp_path / "nl" / "cards.pdf"))
    assert not any("AtkinsonHyperlegible-Italic" in name for name in fonts_of(built / "cards.pdf"))
