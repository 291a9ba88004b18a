"""A printer's shift read off the calibration sheet as a person reads it, then cancelled by
--offset: the registration of the calibrated card sheet, measured from both PDFs through a model
of the duplex printer, on portrait and landscape sheets, for both flips."""

from __future__ import annotations

import math
import re

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from conftest import CONTENT
from duplex import Printer, segments, words
from pdfread import MM, page_sizes
from test_registration import PAPERS, build, registration

VALUE = re.compile(r"[+-]?\d+")
CROSS = 24 * MM  # the front's lines are this long


def calibration(out, paper, flip):
    _, _, args = PAPERS[paper]
    deck, lang = CONTENT, "nl"  # the printer is measured with any deck's sheet of that paper and card size
    result = CliRunner().invoke(main, ["calibrate", "--content", str(deck), "--out", str(out), "--lang", lang,
                                       *args, "--flip", flip])  # fmt: skip
    assert result.exit_code == 0, result.output
    return out / lang / "calibration.pdf"


def crosses(pdf):
    """Where the front's crossing lines cross: (x of the vertical line, y of the horizontal one)."""
    lines = [s for s in segments(pdf, 0) if abs(math.dist(s[:2], s[2:]) - CROSS) < 0.01]
    verticals = [s for s in lines if abs(s[0] - s[2]) < 0.01]
    horizontals = [s for s in lines if abs(s[1] - s[3]) < 0.01]
    found = []
    for v in verticals:
        h = min(horizontals, key=lambda h: math.dist(((v[0] + v[2]) / 2, (v[1] + v[3]) / 2), ((h[0] + h[2]) / 2, (h[1] + h[3]) / 2)))
        found.append((v[0], h[1]))
    return found


def _where(labels, along):
    """The value at which a front line at 0 crosses a scale: labels are (position relative to the line, value)."""
    labels = sorted(labels)
    for (p0, v0), (p1, v1) in zip(labels, labels[1:]):
        if p0 <= 0 <= p1:
            return v0 + (v1 - v0) * (0 - p0) / (p1 - p0)
    raise AssertionError(f"the {along} scale does not reach the front's line: {labels}")


def reading(pdf, printer):
    """What a person reads where each front line crosses its scale on the back: (X, Y) per target, mm."""
    numbers = [(printer.behind(w.centre), int(w.text)) for w in words(pdf, 1) if VALUE.fullmatch(w.text)]
    found = []
    for cx, cy in crosses(pdf):
        xs = [(x - cx, v) for (x, y), v in numbers if 3 * MM < abs(y - cy) < 16 * MM and abs(x - cx) < 7 * MM]
        ys = [(y - cy, v) for (x, y), v in numbers if 3 * MM < abs(x - cx) < 16 * MM and abs(y - cy) < 7 * MM]
        found.append((_where(xs, "X"), _where(ys, "Y")))
    return found


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    """(the calibration sheet, the uncalibrated card sheet) of a paper and flip, made once for
    every shift a printer is given."""
    made = {}

    def made_for(paper, flip):
        if (paper, flip) not in made:
            out = tmp_path_factory.mktemp(f"{paper}-{flip}")
            made[paper, flip] = calibration(out / "cal", paper, flip), build(out / "plain", paper, "--flip", flip)
        return made[paper, flip]

    return made_for


SHIFTS = [(1.5, -0.8), (-1.0, 2.0)]  # mm, in the paper's frame as the back is printed


@pytest.mark.parametrize("shift", SHIFTS)
@pytest.mark.parametrize("flip", ["long", "short"])
@pytest.mark.parametrize("paper", ["A4", "A3", "Letter", "mini"])
def test_the_offset_read_off_the_calibration_sheet_puts_every_back_behind_its_front(tmp_path, sheets, paper, flip, shift):
    sheet, plain = sheets(paper, flip)
    assert page_sizes(sheet)[0] == page_sizes(plain)[0], "the calibration sheet is printed like the card sheet"
    for turn in (1, -1):
        printer = Printer(page_sizes(sheet)[0], flip, turn, (shift[0] * MM, shift[1] * MM))
        readings = reading(sheet, printer)
        assert len(readings) == 5
        x = sum(r[0] for r in readings) / 5
        y = sum(r[1] for r in readings) / 5
        assert max(math.dist(r, (x, y)) for r in readings) < 0.05, "a pure shift reads the same on every target"
        before = max(d for d, _ in registration(plain, printer).values())
        cards = build(tmp_path / f"offset{turn}", paper, "--flip", flip, "--offset", f"{x:.2f},{y:.2f}")
        after = max(d for d, _ in registration(cards, printer).values())
        print(f"{paper} {flip} turn {turn} shift {shift}: read {x:+.2f},{y:+.2f}; off {before:.2f} mm, calibrated {after:.2f} mm")
        assert after < 0.2  # the numbers' ink boxes and the labels' place measure to about 0.1 mm


@pytest.mark.parametrize("paper", ["A4", "mini"])
def test_the_scales_read_without_a_loupe(tmp_path, paper):
    """Numbers of at least 7 pt, none touching another, and ticks no thinner than 0.4 pt."""
    sheet = calibration(tmp_path, paper, "long")
    printer, targets = Printer(page_sizes(sheet)[0], "long"), crosses(sheet)
    labels = [w for w in words(sheet, 1) if VALUE.fullmatch(w.text)
              and min(math.dist(printer.behind(w.centre), t) for t in targets) < 20 * MM]  # not the steps' "--offset 1,-0.5"
    assert len(labels) == 5 * 2 * 5  # five targets, two scales, -4 to +4 every 2 mm
    assert min(w.size for w in labels) >= 7
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            apart = max(b.box[0] - a.box[2], a.box[0] - b.box[2], b.box[1] - a.box[3], a.box[1] - b.box[3])
            assert apart > 1.0, f"{a.text} and {b.text} touch"
    from pypdf import PdfReader

    content = PdfReader(str(sheet)).pages[1].get_contents().get_data().decode("latin-1")
    widths = [float(w) for w in re.findall(r"([\d.]+) w\b", content)]
    assert widths and min(widths) >= 0.4


def test_the_sheet_says_which_side_to_read_and_what_to_do_when_targets_disagree(tmp_path):
    from pdfread import page_text

    sheet = calibration(tmp_path, "A4", "long")
    for index in (0, 1):
        text = page_text(sheet, index)
        assert "kijk naar de achterkant, de kant met de schalen" in text
        assert "Lezen A tot E niet hetzelfde, neem dan wat C in het midden leest" in text
