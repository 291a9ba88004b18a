"""Drawings and fonts from outside are checked at the door: a clear message, never a broken PDF.

Each tests/fixtures/svg/<mistake>.svg is put in place of the strengths emoticon of a copy of the
small test deck (emoticons/blue.svg: a file in the deck folder wins over cardgen's own asset of
that name); fonts are made in the test from the shipped font. Every case runs `check` and `build` through the CLI and
asserts exit 1, the file and the message, no traceback, and last build's PDFs left as they were.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from conftest import SMALL
from pdfread import render

REPO = Path(__file__).resolve().parents[1]
SVG = Path(__file__).parent / "fixtures" / "svg"
FONT = REPO / "assets" / "fonts" / "AtkinsonHyperlegible-Regular.ttf"
EMOTICON = Path("emoticons") / "blue.svg"
REGULAR = Path("fonts") / "AtkinsonHyperlegible-Regular.ttf"

# (fixture, line of the mistake or None, fragments that must all appear in its message)
CASES = [
    ("linear_gradient", 3, ["<linearGradient>", "gradients print as a black shape", "use solid colours"]),
    ("radial_gradient", 3, ["<radialGradient>", "gradients print as a black shape"]),
    ("pattern_fill", 3, ["<pattern>", "pattern fills are not drawn"]),
    ("mask", 3, ["<mask>", "masks are ignored"]),
    ("blur_filter", 3, ["<filter>", "filters (blur, shadow) are ignored"]),
    ("embedded_image", 3, ["<image>", "pictures, embedded or linked, are not allowed"]),
    ("linked_image", 3, ["<image>", "pictures, embedded or linked, are not allowed"]),
    ("use_of_other_file", 3, ["<use> refers to 'pink.svg#mouth', outside this file"]),
    ("foreign_object", 3, ["<foreignObject>", "Preserve Illustrator Editing Capabilities"]),
    ("script", 3, ["<script>", "scripts are not allowed"]),
    ("css_import", 2, ["<style>", "CSS @import is not allowed"]),
    ("text_not_converted", 3, ["<text>", "convert it to paths (Inkscape: Path > Object to Path)"]),
    ("semi_transparent", 2, ["<circle> 'fill-opacity'", "transparency (0.5) is not supported"]),
    ("semi_transparent_colour", None, ["transparency (a colour or opacity below 100 %)"]),
    ("doctype_with_entities", 2, ["<!DOCTYPE> with declarations", "cardgen reads no entities"]),
    ("billion_laughs", 2, ["<!DOCTYPE> with declarations", "cardgen reads no entities"]),
    ("entity_from_external_dtd", 4, ["&secret;", "cardgen reads no entities"]),
    ("truncated", 3, ["not a valid SVG drawing", "re-export it"]),
    ("height_1e400", 1, ["<svg> 'height'", "the number '1e400' is too large or not a number"]),
    ("width_nan", 1, ["<svg> 'width'", "the number 'NaN' is too large or not a number"]),
    ("width_infinite", 1, ["<svg> 'width'", "the number 'inf'"]),
    ("width_negative", 1, ["<svg> 'width'", "expected a length between 0.1 mm and 5000 mm", "found '-400'"]),
    ("width_zero", 1, ["<svg> 'width'", "expected a length between 0.1 mm and 5000 mm", "found '0'"]),
    ("width_over_5000mm", 1, ["<svg> 'width'", "found '6000mm'"]),
    ("size_under_0_1mm", 1, ["<svg> 'width'", "found '0.05mm'"]),
    ("viewbox_negative", 1, ["<svg> 'viewBox'", "width and height above 0", "found '0 0 -400 400'"]),
    ("viewbox_absurd", None, ["the drawing is 1.05833e+07 mm by 1.05833e+07 mm", "between 0.1 mm and 5000 mm"]),
    ("radius_1e400", 2, ["<circle> 'r'", "the number '1e400' is too large"]),
    ("use_loop", None, ["<use> of '#b' refers to itself"]),
    ("use_bomb", None, ["<use> of '#p4' repeats more than 200,000 coordinates, the limit"]),
]


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def last_build(tmp_path_factory) -> Path:
    """Last week's print pack of the small test deck, which a failed build must leave as it was."""
    out = tmp_path_factory.mktemp("last")
    result = run("build", "--content", SMALL, "--out", out)
    assert result.exit_code == 0, result.output
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_refused(deck: Path, last_build: Path, tmp_path: Path, file: Path, line, fragments) -> None:
    out = tmp_path / "out"
    shutil.copytree(last_build, out)
    before = snapshot(out)
    for args in (["check"], ["build", "--out", out]):
        started = time.monotonic()
        result = run(*args, "--content", deck)
        assert time.monotonic() - started < 5, args
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        where = f"{file}:{line}:" if line else f"{file}:"
        lines = [text for text in result.output.splitlines() if where in text]
        assert lines, result.output
        assert all(fragment in lines[0] for fragment in fragments), lines[0]
    assert snapshot(out) == before


def put_emoticon(deck: Path, content: bytes) -> Path:
    target = deck / EMOTICON
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(content)
    return target


@pytest.mark.parametrize("fixture, line, fragments", CASES, ids=[c[0] for c in CASES])
def test_a_drawing_that_cannot_be_printed_is_refused(small_copy, last_build, tmp_path, fixture, line, fragments):
    put_emoticon(small_copy, (SVG / f"{fixture}.svg").read_bytes())
    assert_refused(small_copy, last_build, tmp_path, EMOTICON, line, fragments)


def test_an_icon_is_checked_like_an_emoticon(small_copy, last_build, tmp_path):
    icon = Path("icons") / "star.svg"
    (small_copy / "icons").mkdir()
    shutil.copy(SVG / "linear_gradient.svg", small_copy / icon)
    assert_refused(small_copy, last_build, tmp_path, icon, 3, ["<linearGradient>"])


def _circles(count: int) -> bytes:
    circle = '<circle cx="200" cy="200" r="190" fill="#2F86DB"/>\n'
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">\n{circle * count}</svg>\n'.encode()


@pytest.mark.parametrize(
    "content, line, fragments",
    [
        (_circles(70_000), None, ["the drawing is 3.6 MB, more than the limit of 2 MB"]),
        (_circles(6_000), 5001, ["more than 5000 elements, the limit for a drawing"]),
        (b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">' + b"<g>" * 150 + b"</g>" * 150
         + b"</svg>", 1, ["<g>: elements nested more than 100 deep, the limit"]),
        (b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><path d="M0 0' + b" 1 1" * 150_000
         + b'"/></svg>', None, ["about 300,00", "coordinates", "more than the limit of 200,000"]),
    ],
    ids=["file_too_big", "too_many_elements", "nested_too_deep", "too_many_coordinates"],
)
def test_a_drawing_too_big_to_draw_quickly_is_refused_with_the_limit(
    small_copy, last_build, tmp_path, content, line, fragments
):
    put_emoticon(small_copy, content)
    assert_refused(small_copy, last_build, tmp_path, EMOTICON, line, fragments)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_pipe_in_place_of_a_drawing_does_not_block_nor_fall_back_to_cardgens_own(small_copy, last_build, tmp_path):
    (small_copy / "icons").mkdir()
    os.mkfifo(small_copy / "icons" / "scissors.svg")  # cardgen's assets have an icons/scissors.svg too
    assert_refused(
        small_copy, last_build, tmp_path, Path("deck.yaml"), 10, ["'rules_icon'", "'icons/scissors.svg' is not a regular file"]
    )


def test_a_folder_in_place_of_a_drawing_is_named(small_copy, last_build, tmp_path):
    (small_copy / "icons" / "scissors.svg").mkdir(parents=True)
    assert_refused(
        small_copy, last_build, tmp_path, Path("deck.yaml"), 10, ["'rules_icon'", "'icons/scissors.svg' is not a regular file"]
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_the_readers_themselves_refuse_a_pipe_without_opening_it(tmp_path):
    """resolve_asset already refuses a pipe; the readers do not rely on it, so no open() blocks."""
    from cardgen.errors import Problems
    from cardgen.load.fonts import FontError, register_ttf
    from cardgen.load.svg import load_svg

    os.mkfifo(tmp_path / "pipe")
    problems = Problems()
    assert load_svg(tmp_path / "pipe", tmp_path, problems) is None
    assert "is not a regular file" in str(problems.items[0])
    with pytest.raises(FontError, match="is not a regular file"):
        register_ttf(tmp_path / "pipe")


@pytest.mark.parametrize("fixture", ["clip_path", "inkscape_plain"])
def test_what_the_renderer_draws_faithfully_still_builds(small_copy, tmp_path, fixture):
    put_emoticon(small_copy, (SVG / f"{fixture}.svg").read_bytes())
    result = run("build", "--content", small_copy, "--out", tmp_path / "out", "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "nl" / "poster.pdf").stat().st_size > 0


def test_a_clip_path_clips(small_copy, tmp_path):
    """svglib draws <clipPath> itself, so it is allowed: the right half of the disc stays blank."""
    put_emoticon(small_copy, (SVG / "clip_path.svg").read_bytes())
    run("build", "--content", small_copy, "--out", tmp_path, "--lang", "nl")
    full = tmp_path / "full"
    shutil.copytree(SMALL, full)
    put_emoticon(full, (REPO / "assets" / "emoticons" / "blue.svg").read_bytes())
    run("build", "--content", full, "--out", tmp_path / "f", "--lang", "nl")
    clipped = _blue(render(tmp_path / "nl" / "poster.pdf", 0, dpi=20))
    whole = _blue(render(tmp_path / "f" / "nl" / "poster.pdf", 0, dpi=20))
    assert 0.3 * whole < clipped < 0.7 * whole


def _blue(image) -> int:
    data = image.convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3) if abs(data[i] - 0x2F) < 12 and abs(data[i + 2] - 0xDB) < 12)


# --- fonts ---------------------------------------------------------------------------------------


def _cut(size: int):
    return lambda path: path.write_bytes(FONT.read_bytes()[:size])


def _sparse(path: Path) -> None:
    with open(path, "wb") as file:
        file.truncate(31_000_000)


FONT_CASES = [
    ("truncated_in_header", _cut(300), ["is not a usable TrueType font: the file is damaged or not a font", "download the font again"]),
    ("truncated_in_glyphs", _cut(50_000), ["is cut short", "runs past the end of the file (50000 bytes)"]),
    ("empty", _cut(0), ["is empty (0 bytes)"]),
    ("text_file", lambda p: p.write_text("<html>404 Not Found</html>\n"), ["is not a usable TrueType font: the file is damaged or not a font"]),
    ("cff_outlines", lambda p: p.write_bytes(b"OTTO" + bytes(300)), ["PostScript (CFF) outlines", "(.ttf) version"]),
    ("over_30_mb", _sparse, ["is 31 MB, more than the limit of 30 MB for a font"]),
]


@pytest.mark.parametrize("make, fragments", [c[1:] for c in FONT_CASES], ids=[c[0] for c in FONT_CASES])
def test_a_broken_font_is_refused(small_copy, last_build, tmp_path, make, fragments):
    (small_copy / "fonts").mkdir()
    make(small_copy / REGULAR)
    message = ["'fonts.regular'", f"'{REGULAR.as_posix()}'", *fragments]
    assert_refused(small_copy, last_build, tmp_path, Path("layout.yaml"), 32, message)
