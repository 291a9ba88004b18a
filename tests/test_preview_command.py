"""`cardgen preview`: a PNG of every face and the poster, and a contact sheet, written as a whole."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pypdfium2
import pytest
from click.testing import CliRunner
from PIL import Image

from cardgen.cli import main
from cardgen.units import MM

FROZEN = Path(__file__).parent / "fixtures" / "decks" / "frozen"
DPI = 100
CARDS = 25  # the frozen deck: the rules card and 24 action cards


def inch(points: float, dpi: float) -> float:
    return points / 72 * dpi


def rgb(colour) -> tuple[int, int, int]:
    return tuple(round(c * 255) for c in colour)


def near(pixel, colour, tolerance: int = 6) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour))


@pytest.fixture(scope="module")
def previews(tmp_path_factory):
    """The frozen deck previewed once at DPI: (deck folder, OUT, the Dutch preview folder)."""
    root = tmp_path_factory.mktemp("preview")
    deck = root / "deck"
    shutil.copytree(FROZEN, deck)
    result = CliRunner().invoke(main, ["preview", "--content", str(deck), "--out", str(root / "out"), "--dpi", str(DPI)])
    assert result.exit_code == 0, result.output
    return deck, root / "out", root / "out" / "nl" / "preview"


@pytest.fixture(scope="module")
def plan():
    from cardgen.build import prepare

    prepared = prepare(FROZEN, lang="nl")
    return prepared, prepared.editions[0]


def test_every_face_the_poster_and_the_contact_sheet_are_written(previews):
    folder = previews[2]
    names = {p.name for p in folder.iterdir()}
    assert len([n for n in names if n.endswith(("-front.png", "-back.png"))]) == 2 * CARDS
    assert {"00-rules-front.png", "06-mediawijze-afspraken-back.png", "17-stappenplan-front.png",
            "poster.png", "contact-sheet.png", "contact-sheet.pdf"} <= names  # fmt: skip
    assert len(names) == 2 * CARDS + 3  # and nothing else: no staging folder left
    assert not list(folder.parent.glob(".cardgen-*"))


def test_a_face_has_the_cards_size_at_the_dpi_and_its_category_colour(previews, plan):
    prepared, _ = plan
    front = Image.open(previews[2] / "17-stappenplan-front.png").convert("RGB")
    assert abs(front.width - inch(63 * MM, DPI)) <= 1 and abs(front.height - inch(88 * MM, DPI)) <= 1
    assert front.getpixel((4, 4)) == rgb(prepared.deck.structure.category("reactie").colour)
    back = Image.open(previews[2] / "17-stappenplan-back.png")
    assert back.size == front.size


def test_the_poster_has_its_papers_size_at_the_dpi(previews, plan):
    width, height = plan[0].layout.poster.paper
    poster = Image.open(previews[2] / "poster.png")
    assert abs(poster.width - inch(width, DPI)) <= 1 and abs(poster.height - inch(height, DPI)) <= 1


def test_the_contact_sheet_shows_each_card_front_beside_back_in_its_planned_place(previews, plan):
    from cardgen.contact import plan_contact

    prepared, edition = plan
    card = prepared.layout.card
    sheet = plan_contact(CARDS, card.width, card.height)
    image = Image.open(previews[2] / "contact-sheet.png").convert("RGB")
    dpi = DPI / 2
    assert abs(image.width - inch(sheet.size[0], dpi)) <= 1 and abs(image.height - inch(sheet.size[1], dpi)) <= 1
    white = rgb(card.back_background)
    for cell, fitted in zip(sheet.cells, edition.fit.cards):
        def at(x, y):  # a point in PDF space (origin bottom left) as the PNG's pixel
            return image.getpixel((round(inch(x, dpi)), round(image.height - inch(y, dpi))))

        front, back = cell.front, cell.back
        assert near(at(front.x + 3 * MM, front.top - 3 * MM), rgb(fitted.card.colour)), fitted.card.id
        assert near(at(back.x + 1.5 * MM, back.y + back.h / 2), white), fitted.card.id
        # the caption's number is in the card's colour, just under the front's left edge
        left, top = round(inch(front.x, dpi)), round(image.height - inch(cell.caption[1] + 4 * MM, dpi))
        number = image.crop((left, top, left + round(inch(12 * MM, dpi)), top + round(inch(4 * MM, dpi))))
        assert any(near(p, rgb(fitted.card.colour), 30) for _, p in number.getcolors(number.width * number.height)), fitted.card.id


def test_the_contact_sheets_pdf_names_every_card_by_number_and_title(previews):
    document = pypdfium2.PdfDocument(previews[2] / "contact-sheet.pdf")
    try:
        assert len(document) == 1
        text = " ".join(document[0].get_textpage().get_text_range().split())
    finally:
        document.close()
    assert "#spelregels Sextingscreener" in text
    assert "17/24 Stappenplan" in text and "1/24 Aanspreekpersoon" in text and "24/24 Herstelbemiddeling" in text
    assert "nl (nl-BE) · 25 cards" in text


def test_a_broken_deck_is_exit_1_with_file_and_line_and_the_earlier_pictures_stay(previews, tmp_path):
    deck, out, folder = previews
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    broken = tmp_path / "deck"
    shutil.copytree(deck, broken)
    texts = broken / "nl" / "texts.yaml"
    texts.write_text(texts.read_text(encoding="utf-8").replace("    title: Stappenplan", "    title: [Stappenplan"), encoding="utf-8")
    result = CliRunner().invoke(main, ["preview", "--content", str(broken), "--out", str(out), "--dpi", str(DPI)])
    assert result.exit_code == 1
    assert f"{texts}:" in result.output or "nl/texts.yaml:" in result.output
    assert "nothing was built" in result.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_preview_that_fails_halfway_leaves_the_earlier_pictures_as_they_were(previews, monkeypatch):
    from cardgen import preview

    deck, out, folder = previews
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    drawn = []
    real = preview.png

    def full_disk(pdf, dpi):
        drawn.append(1)
        if len(drawn) == 10:
            raise OSError(errno.ENOSPC, "No space left on device", str(folder / "x.png"))
        return real(pdf, dpi)

    monkeypatch.setattr(preview, "png", full_disk)
    result = CliRunner().invoke(main, ["preview", "--content", str(deck), "--out", str(out), "--dpi", "40"])
    assert result.exit_code == 1
    assert "the disk is full" in result.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert not list(folder.glob(".cardgen-*"))


def test_a_card_no_longer_in_the_deck_loses_its_pictures(tmp_path):
    deck = tmp_path / "deck"
    shutil.copytree(FROZEN, deck)
    out = tmp_path / "out"
    args = ["preview", "--content", str(deck), "--out", str(out), "--dpi", "30"]
    assert CliRunner().invoke(main, args).exit_code == 0
    structure = deck / "deck.yaml"
    structure.write_text(structure.read_text(encoding="utf-8").replace("  - {id: herstelbemiddeling, category: reactie}\n", ""), encoding="utf-8")
    texts = deck / "nl" / "texts.yaml"
    lines = texts.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("  herstelbemiddeling:\n")
    texts.write_text("".join(lines[:start] + lines[start + 6:]), encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    names = {p.name for p in (out / "nl" / "preview").iterdir()}
    assert "24-herstelbemiddeling-front.png" not in names and "23-media-ouders-externen-front.png" in names
    assert len(names) == 2 * (CARDS - 1) + 3


@pytest.mark.parametrize("dpi", ["29", "601", "many"])
def test_a_dpi_out_of_bounds_is_a_command_line_error(dpi, tmp_path):
    result = CliRunner().invoke(main, ["preview", "--content", str(FROZEN), "--out", str(tmp_path), "--dpi", dpi])
    assert result.exit_code == 2
    assert "--dpi" in result.output
    assert not list(tmp_path.iterdir())
