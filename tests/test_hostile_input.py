"""Hostile and absurd input: a message naming file, line and key, exit 1, no traceback, no hang,
and a build that leaves the earlier PDFs as they were.

Each fixture under tests/fixtures/hostile/ is named after the mistake. A `.patch` is a small change
to one file of a copy of the small test deck, tests/fixtures/decks/small/ (format:
tests/patching.py); a `.yaml` replaces a whole content file. Cases that need the file system (links, pipes, sizes) are made here.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.errors import Problems
from cardgen.load.yamlfile import load_yaml
from conftest import SMALL
from patching import apply_patch

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
SECONDS = 5  # every case is answered well within this


def run(*args: str):
    """The CLI in-process, timed; the result must be a clean exit 1 with a message."""
    start = time.monotonic()
    result = CliRunner().invoke(main, list(args))
    elapsed = time.monotonic() - start
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert elapsed < SECONDS, f"took {elapsed:.1f} s"
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, output
    return output


@pytest.fixture
def deck(tmp_path: Path, monkeypatch) -> Path:
    """A private copy of the small test deck, the working folder beside it: messages say 'deck/...'."""
    shutil.copytree(SMALL, tmp_path / "deck")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "deck"


@pytest.fixture(scope="module")
def earlier(tmp_path_factory) -> Path:
    """The Dutch edition, built once from the small deck: what a failed build must leave untouched."""
    out = tmp_path_factory.mktemp("earlier")
    result = CliRunner().invoke(main, ["build", "--content", str(SMALL), "--lang", "nl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def check_and_build(deck: Path, earlier: Path, tmp_path: Path) -> str:
    """`check` and `build` both refuse the deck, with the same message; the earlier PDFs stay."""
    message = run("check", "--content", "deck", "--lang", "nl")
    out = tmp_path / "out"
    shutil.copytree(earlier, out)
    assert run("build", "--content", "deck", "--lang", "nl", "--out", str(out)) == message
    for pdf in (earlier / "nl").iterdir():
        assert (out / "nl" / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name
    assert sorted(p.name for p in out.iterdir()) == ["nl"]  # no staging folder left
    return message


# (fixture, the dotted key named, fragments of its message)
PATCHES = [
    ("icon_larger_than_card", "card.icon", ["expected at most 35.2 mm", "found 5000 mm"]),
    ("description_size_illegible", "card.styles.description.min_size", ["expected at least 4 pt", "found 0.001 pt"]),
    ("title_size_too_large", "card.styles.title.size", ["expected at most", "found 500 pt"]),
    ("leading_infinite", "card.styles.title.leading", ["expected a positive number", "found inf"]),
    ("leading_too_large", "card.styles.title.leading", ["expected from 0.8 to 3", "found 9"]),
    ("number_endless", None, ["a number of 61 digits", "more than 50"]),
    ("length_nan", "card.padding", ["expected a length with a unit", "'.nan'"]),
    ("length_exponent", "sheet.margin", ["expected a length with a unit", "'1e9mm'"]),
    ("length_beyond_pdf", "sheet.margin", ["at most 5080 mm", "the largest page a PDF can have"]),
    ("paper_beyond_pdf", "sheet.paper", ["at most 5080 mm", "'100000mm'"]),
    ("paper_too_small", "sheet.paper", ["at least 50 mm a side", "'10mm x 10mm'"]),
    ("qr_larger_than_poster", "qr.poster", ["expected from 15 to 74.25 mm", "found 1000 mm"]),
    ("qr_larger_than_card", "qr.rules_card", ["expected from 15 to 35.2 mm", "found 400 mm"]),
    ("band_leaves_no_room", "card.band", ["at most a third of the card's height", "found 80 mm"]),
    ("padding_leaves_no_room", "card.padding", ["leaves 19.0 mm", "at least 20 mm"]),
    ("cut_mark_too_long", "sheet.cut_marks.length", ["expected at most 20 mm", "found 4000 mm"]),
    ("cmyk_two_points", "card.back_background", ["'cmyk(C, M, Y, K)'", "'cmyk(1.2.3, 0, 0, 0)'"]),
    ("cmyk_lone_point", "card.back_background", ["'cmyk(C, M, Y, K)'", "'cmyk(., 0, 0, 0)'"]),
    ("asset_nul_byte", "rules_icon", ["a control character (such as a NUL"]),
    ("placeholder_attribute", "tiles.glue", ["unknown placeholder '{label.__class__.__mro__}'", "may use: {label}"]),
    ("placeholder_format_spec", "tiles.glue", ["unknown placeholder '{label:>1000000}'", "may use: {label}"]),
    ("placeholder_not_for_this_text", "tiles.glue", ["unknown placeholder '{rows}'", "may use: {label}"]),
    ("placeholder_stray_brace", "tiles.glue", ["a '{' or '}' that is not part of a placeholder"]),
]


@pytest.mark.parametrize(("fixture", "key", "fragments"), PATCHES, ids=[p[0] for p in PATCHES])
def test_patched_deck_is_refused(deck, earlier, tmp_path, fixture, key, fragments):
    target, line = apply_patch(deck, HOSTILE / f"{fixture}.patch")
    message = check_and_build(deck, earlier, tmp_path)
    lines = [m for m in message.splitlines() if m.startswith(f"deck/{target.relative_to(deck).as_posix()}:{line}: ")]
    assert lines, message
    if key:
        assert lines[0].split(": ", 1)[1].startswith(f"'{key}': "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


WHOLE = [
    ("alias_bomb", "deck.yaml", 1, ["anchors and aliases ('&' and '*') are not allowed"]),
    ("nested_too_deep", "layout.yaml", 2, ["nested more than 20 levels deep"]),
]


@pytest.mark.parametrize(("fixture", "target", "line", "fragments"), WHOLE, ids=[w[0] for w in WHOLE])
def test_whole_file_is_refused(deck, earlier, tmp_path, fixture, target, line, fragments):
    shutil.copy(HOSTILE / f"{fixture}.yaml", deck / target)
    message = check_and_build(deck, earlier, tmp_path)
    assert f"deck/{target}:{line}: " in message
    for fragment in fragments:
        assert fragment in message


def test_a_file_over_the_size_limit_is_refused(deck, earlier, tmp_path):
    texts = deck / "nl" / "texts.yaml"
    texts.write_text(texts.read_text(encoding="utf-8") + ("# padding\n" * 600_000), encoding="utf-8")
    message = check_and_build(deck, earlier, tmp_path)
    assert "deck/nl/texts.yaml: is larger than 5 MB, the most a content file may be" in message


def test_a_text_over_the_length_limit_is_refused_before_fitting(deck, earlier, tmp_path):
    target, line = apply_patch_text(deck, "    title: Aanspreekpersoon", "    title: " + "lang" * 5000)
    message = check_and_build(deck, earlier, tmp_path)
    assert f"deck/nl/texts.yaml:{line}: 'cards.aanspreekpersoon.title': a text of 20,000 characters; the most " \
           "any text may have is 10,000" in message


def apply_patch_text(deck: Path, find: str, replace: str) -> tuple[Path, int]:
    patch = deck.parent / "inline.patch"
    patch.write_text(f"file: nl/texts.yaml\nfind: {find}\nreplace: {replace}\n", encoding="utf-8")
    return apply_patch(deck, patch)


def test_a_content_file_linked_from_outside_is_not_read(deck, earlier, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("deck: hunter2 s3cret\n", encoding="utf-8")
    (deck / "deck.yaml").unlink()
    (deck / "deck.yaml").symlink_to(secret)
    message = check_and_build(deck, earlier, tmp_path)
    assert "deck/deck.yaml: leads outside the deck folder (through a link); cardgen reads only files inside" in message
    assert "hunter2" not in message and "secret.yaml" not in message


def test_texts_linked_from_outside_are_not_read(deck, earlier, tmp_path):
    elsewhere = tmp_path / "texts.yaml"
    shutil.move(deck / "nl" / "texts.yaml", elsewhere)
    (deck / "nl" / "texts.yaml").symlink_to(elsewhere)
    assert "deck/nl/texts.yaml: leads outside the deck folder (through a link)" in check_and_build(deck, earlier, tmp_path)


def test_an_edition_folder_linked_from_outside_is_not_read(deck, earlier, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.move(deck / "nl", elsewhere)
    (deck / "nl").symlink_to(elsewhere, target_is_directory=True)
    assert "deck/nl/texts.yaml: leads outside the deck folder (through a link)" in check_and_build(deck, earlier, tmp_path)


def test_an_asset_folder_linked_from_outside_is_refused(deck, earlier, tmp_path):
    elsewhere = tmp_path / "drawings"
    shutil.copytree(Path(__file__).parents[1] / "assets" / "icons", elsewhere)
    (deck / "icons").symlink_to(elsewhere)
    message = check_and_build(deck, earlier, tmp_path)
    assert "'rules_icon': 'icons/scissors.svg' leads outside the deck folder (through a link)" in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_pipe_in_place_of_a_content_file_does_not_block(deck, earlier, tmp_path):
    (deck / "layout.yaml").unlink()
    os.mkfifo(deck / "layout.yaml")
    message = check_and_build(deck, earlier, tmp_path)
    assert "deck/layout.yaml: is not a regular file (a pipe, a socket or a device)" in message


def test_a_folder_in_place_of_a_content_file(deck, earlier, tmp_path):
    (deck / "deck.yaml").unlink()
    (deck / "deck.yaml").mkdir()
    assert "deck/deck.yaml: is a folder, not a file" in check_and_build(deck, earlier, tmp_path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_not_read():
    problems = Problems()
    assert load_yaml(Path("/dev/zero"), problems, root=Path("/dev")) is None
    assert "is not a regular file" in problems.items[0].message


def test_crlf_files_build_exactly_like_lf_files(deck, earlier, tmp_path):
    texts = deck / "nl" / "texts.yaml"
    texts.write_bytes(texts.read_bytes().replace(b"\n", b"\r\n"))
    out = tmp_path / "crlf"
    result = CliRunner().invoke(main, ["build", "--content", "deck", "--lang", "nl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    for pdf in (earlier / "nl").iterdir():
        assert (out / "nl" / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name


# --- whatever check accepts, build builds: every limit at its edge ---------------------------

EDGES = [
    ("icon: 20mm", "icon: 35.2mm"),  # 40 % of the 88 mm card
    ("band: 11mm", "band: 29.3mm"),  # a third of it
    ("description: {font: regular, size: 11pt, min_size: 8pt", "description: {font: regular, size: 11pt, min_size: 4pt"),
    ("number: {font: regular, size: 7.5pt", "number: {font: regular, size: 4pt"),
    ("front_label: {font: bold, size: 26pt", "front_label: {font: bold, size: 75pt"),  # half of the 53 mm inside
    ("leading: 1.15", "leading: 3"),
    ("leading: 1.3,", "leading: 0.8,"),
    ("length: 4mm", "length: 20mm"),
    ("offset: 1mm", "offset: 10mm"),
    ("width: 0.4pt", "width: 1mm"),
    ("paper: A3", "paper: 5080mm x 5080mm"),
    ("footer: {font: regular, size: 17pt, min_size: 10pt", "footer: {font: regular, size: 17pt, min_size: 4pt"),
]


def test_the_edges_of_every_limit_build(deck, tmp_path):
    layout = deck / "layout.yaml"
    text = layout.read_text(encoding="utf-8")
    for find, replace in EDGES:
        assert find in text, find
        text = text.replace(find, replace, 1)
    layout.write_text(text + "qr: {rules_card: 35.2mm, poster: 1270mm}\n", encoding="utf-8")
    runner = CliRunner()
    checked = runner.invoke(main, ["check", "--content", "deck", "--lang", "nl"])
    assert checked.exit_code == 0, checked.output
    built = runner.invoke(main, ["build", "--content", "deck", "--lang", "nl", "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert {p.name for p in (tmp_path / "out" / "nl").iterdir()} == {"cards.pdf", "poster.pdf", "print-pack.pdf"}


# --- random input: exit 0 or 1 with a message, never a traceback, in bounded time -----------

import yaml  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

LENGTHS = st.tuples(st.floats(-10, 6000), st.sampled_from(["mm", "pt", "in", "cm", "px", ""])).map(
    lambda t: f"{t[0]:.3f}{t[1]}"
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    LENGTHS, st.sampled_from(["A4", "A3", "poker", "category", "cmyk(1.2.3, 0, 0, 0)", "cmyk(100, 0, 0, 0)", "#FFFFFF"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)


def _leaf_paths(node, prefix=()):
    for key, value in node.items():
        yield (*prefix, key)
        if isinstance(value, dict):
            yield from _leaf_paths(value, (*prefix, key))


LAYOUT = yaml.safe_load((SMALL / "layout.yaml").read_text(encoding="utf-8"))
LAYOUT_KEYS = sorted(_leaf_paths(LAYOUT))


def _layout_value(path: tuple):
    node = LAYOUT
    for key in path:
        node = node[key]
    return node


def _with_value(data: dict, path: tuple, value) -> dict:
    import copy

    result = copy.deepcopy(data)
    node = result
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return result


def _quoted(text: str) -> str:
    return yaml.safe_dump(text, default_style='"', width=10**9).removesuffix("\n...\n").strip()


def _clean(args: list[str]) -> None:
    start = time.monotonic()
    result = CliRunner().invoke(main, args)
    assert time.monotonic() - start < SECONDS
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.output.strip()


PROPERTY = settings(max_examples=60, deadline=SECONDS * 1000, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(path=st.sampled_from(LAYOUT_KEYS), value=VALUES)
def test_any_layout_value_gives_a_message_or_a_deck(deck, path, value):
    (deck / "layout.yaml").write_text(yaml.safe_dump(_with_value(LAYOUT, path, value), allow_unicode=True), encoding="utf-8")
    _clean(["check", "--content", "deck", "--lang", "nl"])


@PROPERTY
@given(title=st.text(max_size=200), description=st.text(max_size=600))
def test_any_card_text_gives_a_message_or_a_deck(deck, title, description):
    original = (SMALL / "nl" / "texts.yaml").read_text(encoding="utf-8")
    card = re.compile(r"    title: Aanspreekpersoon\n    description: >-\n(?:      .*\n)+")
    assert card.search(original)
    texts = card.sub(lambda _: f"    title: {_quoted(title)}\n    description: {_quoted(description)}\n", original, count=1)
    (deck / "nl" / "texts.yaml").write_text(texts, encoding="utf-8")
    _clean(["check", "--content", "deck", "--lang", "nl"])


@settings(max_examples=8, deadline=SECONDS * 2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from([p for p in LAYOUT_KEYS if str(_layout_value(p)).endswith(("mm", "pt"))]),
       value=st.floats(0.1, 60).map(lambda mm: f"{mm:.1f}mm"))
def test_what_check_accepts_builds(deck, tmp_path, path, value):
    """Lengths near the shipped ones, so that many pass check: each of those must build."""
    (deck / "layout.yaml").write_text(yaml.safe_dump(_with_value(LAYOUT, path, value), allow_unicode=True), encoding="utf-8")
    _clean(["build", "--content", "deck", "--lang", "nl", "--out", str(tmp_path / "out")])
