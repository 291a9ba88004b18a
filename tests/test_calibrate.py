"""The calibration sheet: scales exactly behind the front's lines, a true 100 mm ruler, clear errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cardgen.plan.calibration import plan_calibration
from cardgen.cli import main
from conftest import CONTENT
from pdfread import MM, find_text, page_sizes, page_text, render

A4 = (210 * MM, 297 * MM)


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
    zeros = [b for b in find_text(sheet, 1, "0") if b[2] - b[0] < 3]
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


def test_an_edition_without_calibration_texts_is_told_what_to_add(deck_copy, tmp_path):
    texts = deck_copy / "nl" / "texts.yaml"
    source = texts.read_text(encoding="utf-8")
    texts.write_text(source[: source.index("# The two-sided sheet")] + source[source.index("bookmarks:") :], encoding="utf-8")
    result = CliRunner().invoke(main, ["calibrate", "--content", str(deck_copy), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "no 'calibration:' section with the sheet's texts" in result.output
    assert not (tmp_path / "nl").exists()
