"""The calibration sheet: scales exactly behind the front's lines, a true 100 mm ruler, clear errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from reportlab.pdfbase.pdfmetrics import stringWidth

from cardgen.cli import main
from cardgen.errors import Problems
from cardgen.load.content import load_deck
from cardgen.load.layout import load_layout
from cardgen.spec import Overrides
from cardgen.plan.calibration import plan_calibration, plan_sheet
from conftest import CONTENT
from pdfread import MM, find_text, page_sizes, page_text, render

A4 = (210 * MM, 297 * MM)
LETTER = (8.5 * 72, 11 * 72)


@pytest.mark.parametrize("flip", ["long", "short"])
def test_each_back_scale_stands_behind_its_front_cross(flip):
    plan = plan_calibration(A4, flip, 5 * MM)
    assert [t.label for t in plan.targets] == ["A", "B", "C", "D", "E"]
    for t in plan.targets:
        (fx, fy), (bx, by) = t.front, t.back
        if flip == "long":  # portrait paper turned over its long (vertical) edge
            assert (bx, by) == pytest.approx((A4[0] - fx, fy))
        else:
            assert (bx, by) == pytest.approx((fx, A4[1] - fy))


def planned_sheet(paper, flip):
    """The sheet's plan for the Dutch edition, as `cardgen calibrate` makes it, without a PDF."""
    problems = Problems()
    deck, _ = load_deck(CONTENT, problems, only="nl")
    layout = load_layout(CONTENT, problems, Overrides(paper=paper, flip=flip))
    problems.raise_if_any()
    plan = plan_calibration(layout.sheet.paper, layout.sheet.flip, layout.sheet.margin)
    return plan_sheet(plan, layout, deck.editions[0]), layout


@pytest.mark.parametrize("flip", ["long", "short"])
def test_the_planned_scales_read_zero_behind_the_planned_crosses(flip):
    sheet, _ = planned_sheet(A4, flip)
    assert len(sheet.crosses) == len(sheet.scales) == 5
    for cross, scales in zip(sheet.crosses, sheet.scales):
        x, y = cross.lines[0].x0, cross.lines[1].y0  # the vertical line's x, the horizontal one's y
        behind = (A4[0] - x, y) if flip == "long" else (x, A4[1] - y)
        zeros = [tick for tick in scales.ticks if tick.label is not None and tick.label.text == "0"]
        x_zero, y_zero = zeros  # the X scale's first, then the Y scale's
        assert x_zero.line.x0 == x_zero.line.x1 == pytest.approx(behind[0])
        assert y_zero.line.y0 == y_zero.line.y1 == pytest.approx(behind[1])
        assert scales.label.text == cross.label.text


def _extents(sheet):
    """(what, box) of every planned item of both pages: strokes, lines of text, paragraphs."""
    lines = [sheet.front_header.title, sheet.back_header.title, sheet.ruler.caption]
    lines += [cross.label for cross in sheet.crosses]
    segments = [segment for cross in sheet.crosses for segment in cross.lines] + [sheet.ruler.line]
    segments += [tick.line for tick in sheet.ruler.ticks]
    for scales in sheet.scales:
        lines += [scales.label, *scales.names, *(tick.label for tick in scales.ticks if tick.label)]
        segments += [tick.line for tick in scales.ticks]
    for line in lines:
        width = stringWidth(line.text, line.font, line.size)
        left = line.x - width / 2 if line.centred else line.x
        yield line.text, (left, line.y, left + width, line.y + line.size)
    for s in segments:
        yield "stroke", (min(s.x0, s.x1), min(s.y0, s.y1), max(s.x0, s.x1), max(s.y0, s.y1))
    for block in (sheet.front_header.steps, sheet.back_header.steps, sheet.ruler.note):
        yield block.markup[:20], (block.box.x, block.box.y, block.box.right, block.box.top)


@pytest.mark.parametrize("paper", [A4, LETTER])
def test_every_planned_item_stands_inside_the_margin(paper):
    sheet, layout = planned_sheet(paper, "long")
    margin = layout.sheet.margin
    assert margin >= 5 * MM - 1e-6
    for what, (x0, y0, x1, y1) in _extents(sheet):
        assert margin <= x0 <= x1 <= paper[0] - margin and margin <= y0 <= y1 <= paper[1] - margin, what


def calibrate(tmp_path, *args):
    result = CliRunner().invoke(main, ["calibrate", "--content", str(CONTENT), "--out", str(tmp_path), "--lang", "nl", *args])
    assert result.exit_code == 0, result.output
    return tmp_path / "nl" / "calibration.pdf"


def test_the_sheet_is_two_sided_in_the_editions_language(tmp_path):
    sheet = calibrate(tmp_path)
    assert page_sizes(sheet) == [pytest.approx(A4, abs=0.01)] * 2
    assert "Houd het blad tegen het licht" in page_text(sheet, 0)
    assert "Ware grootte" in page_text(sheet, 0)
    assert "+4" in page_text(sheet, 1) and "-4" in page_text(sheet, 1)


def test_the_back_labels_stand_mirrored_for_the_flip_edge(tmp_path):
    sheet = calibrate(tmp_path, "--paper", "A4", "--flip", "long")
    plan = plan_calibration(A4, "long", 5 * MM)
    # the X scale's '0' stands right above where the front's vertical line falls
    zeros = [b for b in find_text(sheet, 1, "0") if b[2] - b[0] < 6]
    for target in plan.targets:
        bx, by = target.back
        assert any(abs((b[0] + b[2]) / 2 - bx) < 0.8 and 0 < b[1] - by < 15 * MM for b in zeros), target.label


def test_the_ruler_is_100_mm_long(tmp_path):
    sheet = calibrate(tmp_path)
    dpi = 254  # 10 pixels a millimetre
    image = render(sheet, 0, dpi=dpi, grey=True)
    plan = plan_calibration(A4, "long", 5 * MM)
    row = round((A4[1] - plan.ruler[1]) * dpi / 72)
    dark = [x for x in range(image.width) if image.getpixel((x, row)) < 128]
    assert (max(dark) - min(dark)) / 10 == pytest.approx(100, abs=0.3)


def test_nothing_within_5_mm_of_the_edge(tmp_path):
    sheet = calibrate(tmp_path, "--paper", "Letter")
    for index in (0, 1):
        image = render(sheet, index, dpi=72, grey=True)
        edge = round(5 * 72 / 25.4)
        w, h = image.size
        assert all(
            image.getpixel((x, y)) > 250
            for x in range(w)
            for y in range(h)
            if x < edge or y < edge or x >= w - edge or y >= h - edge
        )
