"""Duplex registration read back from the PDFs, as a duplex printer puts the back behind the front:
every back's number behind its front's and upright once the card is turned like a book page, on
every paper and flip; and a printer's shift, read off the calibration sheet, cancelled by --offset."""

from __future__ import annotations

import math
import re

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from conftest import CONTENT
from duplex import Printer, words
from pdfread import MM, page_sizes

RECYCLING = CONTENT.parent / "recycling"
NUMBER = re.compile(r"\d+/\d+")

PAPERS = {  # what a teacher prints on: (deck, edition, options)
    "A4": (CONTENT, "nl", []),
    "A3": (CONTENT, "nl", ["--paper", "A3"]),
    "Letter": (CONTENT, "nl", ["--paper", "Letter"]),
    "mini": (RECYCLING, "en", ["--card-size", "mini", "--paper", "A4"]),  # a deck whose texts fit mini cards
}


def build(out, paper, *more):
    deck, lang, args = PAPERS[paper]
    result = CliRunner().invoke(main, ["build", "--content", str(deck), "--out", str(out), "--lang", lang, *args, *more])
    assert result.exit_code == 0, result.output
    return out / lang / "cards.pdf"


def numbers(pdf, index):
    return {w.text: w for w in words(pdf, index) if NUMBER.fullmatch(w.text)}


def registration(pdf, printer, sheet=0):
    """For every card of a sheet: (distance in mm between the front's number and the point its back's
    number is printed behind, the back's number's reading direction once the card is turned over)."""
    fronts, backs = numbers(pdf, 2 * sheet), numbers(pdf, 2 * sheet + 1)
    assert fronts and fronts.keys() == backs.keys()
    found = {}
    for label, front in fronts.items():
        back = backs[label]
        landed = printer.behind(back.centre)
        distance = math.dist(landed, front.centre) / MM
        found[label] = (distance, printer.turned_like_a_page(back.centre, back.direction))
    return found


@pytest.mark.parametrize("flip", ["long", "short"])
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_every_back_number_stands_behind_its_front_and_upright(tmp_path, paper, flip):
    cards = build(tmp_path, paper, "--flip", flip)
    sizes = page_sizes(cards)
    for turn, sheet in ((t, s) for t in (1, -1) for s in range(len(sizes) // 2)):  # either way a driver turns a landscape page
        for label, (distance, (dx, dy)) in registration(cards, Printer(sizes[0], flip, turn), sheet).items():
            assert distance < 0.5, f"{paper} {flip}: {label} is {distance:.2f} mm from its front"
            assert dx == pytest.approx(1, abs=1e-3) and dy == pytest.approx(0, abs=1e-3), f"{paper} {flip}: {label} is not upright"


def test_the_papers_cover_portrait_and_landscape_sheets(tmp_path):
    portrait, landscape = page_sizes(build(tmp_path / "a4", "A4"))[0], page_sizes(build(tmp_path / "a3", "A3"))[0]
    assert portrait[0] < portrait[1] and landscape[0] > landscape[1]
