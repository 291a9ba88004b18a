"""The print pack prints as people print it: each file asks the print dialogue for what its parts
need (double-sided cards, single-sided tiles, a poster shrunk rather than cut when the sheet is
smaller), no single-sided part sits inside a double-sided file, and the pack's first page and
bookmarks say how to print each part, in the edition's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cardgen.cli import main
from conftest import CONTENT, FROZEN
from patching import apply_patch
from pdfread import MM, page_sizes, page_text

FIXTURES = Path(__file__).parent / "fixtures" / "printing"
A4 = (210 * MM, 297 * MM)
A1 = (594 * MM, 841 * MM)


def _build(out: Path, *args: str, content: Path = CONTENT):
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def tiled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tiled")
    _build(out, "--tile", "A4", "--poster-size", "A1")
    return out


def prefs(pdf: Path) -> dict:
    return dict(PdfReader(str(pdf)).trailer["/Root"]["/ViewerPreferences"])


def outline(pdf: Path) -> list[tuple[str, int]]:
    reader = PdfReader(str(pdf))
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


def _close(size, paper) -> bool:
    return all(abs(a - b) < 1 for a, b in zip(sorted(size), sorted(paper)))


def test_each_file_asks_for_the_way_its_part_prints(tiled):
    nl = tiled / "nl"
    assert prefs(nl / "cards.pdf") == {"/Duplex": "/DuplexFlipLongEdge", "/PrintScaling": "/None"}
    assert prefs(nl / "poster.pdf") == {"/Duplex": "/Simplex", "/PrintScaling": "/AppDefault", "/PickTrayByPDFSize": True}
    assert prefs(nl / "poster-tiles.pdf") == {"/Duplex": "/Simplex", "/PrintScaling": "/None"}
    assert prefs(nl / "print-pack.pdf") == {"/Duplex": "/DuplexFlipLongEdge", "/PrintScaling": "/None", "/PickTrayByPDFSize": True}


def test_the_double_sided_pack_holds_no_single_sided_part(tiled):
    """The tiles are not in the pack; the poster is its one last page, on a sheet of its own
    (an odd page of the pack: the front of a new sheet)."""
    pack = tiled / "nl" / "print-pack.pdf"
    sizes = page_sizes(pack)
    assert len(sizes) == 2 + 6 + 1
    assert all(_close(size, A4) for size in sizes[:-1])
    assert _close(sizes[-1], A1) and len(sizes) % 2 == 1
    tiles = len(PdfReader(str(tiled / "nl" / "poster-tiles.pdf")).pages)
    assert tiles == 15 and len(sizes) < tiles  # none of the 15 A4 tiles came along


def test_the_first_page_says_how_to_print_each_part_with_its_pages(tiled):
    pack = tiled / "nl" / "print-pack.pdf"
    first = " ".join(page_text(pack, 0).split())
    assert first.startswith("Zo druk je dit pakket af")
    assert "Kaarten (bladzijden 3–8): dubbelzijdig, omslaan langs de lange kant, op ware grootte" in first
    assert "Poster (bladzijde 9, A1): enkelzijdig, op A1." in first
    assert "Poster in delen (poster-tiles.pdf, 15 bladen A4): druk dat bestand apart af, enkelzijdig en op ware grootte" in first
    back = " ".join(page_text(pack, 1).split())
    assert back == "Deze bladzijde is met opzet leeg, zodat de kaarten op een nieuw blad beginnen."
    assert "#kwaliteit" in page_text(pack, 2)  # the cards start on the third page: the front of the second sheet


def test_the_bookmarks_lead_to_the_instructions_and_each_part(tiled):
    assert outline(tiled / "nl" / "print-pack.pdf") == [("Zo druk je dit pakket af", 0), ("Kaarten", 2), ("Poster", 8)]
    assert outline(tiled / "en" / "print-pack.pdf") == [("How to print this pack", 0), ("Cards", 2), ("Poster", 8)]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "Cartes (pages 3–8) : recto verso, retournement sur le bord long"),
        ("en", "Cards (pages 3–8): double-sided, flip on long edge, at actual size"),
    ],
)
def test_the_first_page_is_in_the_editions_language(tiled, lang, words):
    assert words in " ".join(page_text(tiled / lang / "print-pack.pdf", 0).split())


def test_a_pack_for_short_edge_printers_says_so_and_asks_for_it(tmp_path):
    _build(tmp_path, "--lang", "nl", "--flip", "short")
    pack = tmp_path / "nl" / "print-pack.pdf"
    assert prefs(pack)["/Duplex"] == "/DuplexFlipShortEdge"
    assert "omslaan langs de korte kant" in " ".join(page_text(pack, 0).split())
    assert "Poster in delen" not in page_text(pack, 0)  # no tiles asked for, none named


def test_a_fold_over_pack_prints_single_sided_and_needs_no_blank_back(tmp_path):
    _build(tmp_path, "--lang", "nl", "--flip", "fold")
    pack = tmp_path / "nl" / "print-pack.pdf"
    assert prefs(pack)["/Duplex"] == "/Simplex"
    assert prefs(tmp_path / "nl" / "cards.pdf")["/Duplex"] == "/Simplex"
    first = " ".join(page_text(pack, 0).split())
    pages = len(page_sizes(pack))
    assert f"Kaarten (bladzijden 2–{pages - 1}): enkelzijdig" in first
    assert f"Poster (bladzijde {pages}, A3)" in first
    assert "#kwaliteit" in page_text(pack, 1)
    assert outline(pack)[:2] == [("Zo druk je dit pakket af", 0), ("Kaarten", 1)]


def test_cards_and_poster_printed_alone_have_no_instruction_page(tiled):
    assert "Zo druk je" not in page_text(tiled / "nl" / "cards.pdf", 0)
    assert len(PdfReader(str(tiled / "nl" / "cards.pdf")).pages) == 6
    assert len(PdfReader(str(tiled / "nl" / "poster.pdf")).pages) == 1


def _deck(tmp_path: Path) -> Path:
    deck = tmp_path / "deck"
    shutil.copytree(CONTENT, deck)
    return deck


def test_a_deck_without_the_printing_texts_gets_cardgens_own_in_its_language(tmp_path):
    deck = _deck(tmp_path)
    assert "printing:" not in (deck / "nl" / "texts.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(deck), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert "printing:" not in result.output and "page texts" not in result.output
    _build(tmp_path / "out", "--lang", "nl", content=deck)
    pack = tmp_path / "out" / "nl" / "print-pack.pdf"
    assert outline(pack)[0] == ("Zo druk je dit pakket af", 0)
    assert "dubbelzijdig, omslaan langs de lange kant" in page_text(pack, 0)


def test_an_unknown_placeholder_in_the_printing_texts_is_reported_with_its_line(tmp_path):
    deck = tmp_path / "deck"
    shutil.copytree(FROZEN, deck)  # an edition that sets the page's words itself
    _, line = apply_patch(deck, FIXTURES / "unknown_placeholder.patch")
    result = CliRunner().invoke(main, ["check", "--content", str(deck), "--lang", "nl"])
    assert result.exit_code == 1
    assert f"texts.yaml:{line - 1}: 'printing.poster': unknown placeholder '{{size}}'; the placeholders this text may use: {{part}}, {{page}}, {{paper}}" in result.output
