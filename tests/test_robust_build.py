"""Builds as schools run them: on Windows (spawn, cp1252, paths with spaces), with last week's PDFs
open in a viewer, interrupted or killed half-way, two at once, with a half-done translation.

This machine has no Windows; what Windows does differently is simulated honestly: the spawn start
method (Windows' only one), a cp1252 output stream, and a file that cannot be renamed because a
viewer holds it (Windows refuses to rename an open file: PermissionError, WinError 32).
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main

CONTENT = Path(__file__).parents[1] / "content"
EDITIONS = ("ar", "en", "fr", "nl", "tr", "uk")
FILES = ("cards.pdf", "poster.pdf", "print-pack.pdf")
SPAWN = (
    "import multiprocessing, sys; multiprocessing.set_start_method('spawn'); "
    "from cardgen.cli import run; sys.argv[0] = 'cardgen'; run()"
)


def cardgen(*args, spawn=False, env=None, **popen):
    """The command line in a process of its own, as a user runs it."""
    command = [sys.executable, "-c", SPAWN] if spawn else [sys.executable, "-m", "cardgen"]
    encoding = "cp1252" if env and env.get("PYTHONIOENCODING", "").startswith("cp1252") else "utf-8"
    return subprocess.run([*command, *map(str, args)], capture_output=True, encoding=encoding, env=env, timeout=120, **popen)


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file below OUT, hidden ones included, by its path relative to OUT."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def staging_left(out: Path) -> list[str]:
    return [p.relative_to(out).as_posix() for p in out.rglob(".cardgen-*")]


def edit_dutch_text(deck: Path, old: str, new: str) -> None:
    texts = deck / "nl" / "texts.yaml"
    source = texts.read_text(encoding="utf-8")
    assert old in source
    texts.write_text(source.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def reference(one_by_one) -> dict[str, bytes]:
    """The three editions built one at a time, in this process: what every other way must match."""
    assert sorted(p.name for p in one_by_one.iterdir()) == list(EDITIONS)
    return snapshot(one_by_one)


# --- Windows -------------------------------------------------------------------------------------


def test_the_parallel_build_under_spawn_gives_the_same_bytes(tmp_path, reference):
    result = cardgen("build", "--content", CONTENT, "--out", tmp_path, spawn=True)
    assert result.returncode == 0, result.stderr
    assert snapshot(tmp_path) == reference
    assert "Traceback" not in result.stderr


def test_a_deck_in_a_folder_with_spaces_and_accents_builds_and_prints_through_cp1252(tmp_path):
    deck = tmp_path / "Mijn documenten" / "Zoë's deck"
    shutil.copytree(CONTENT, deck)
    out = tmp_path / "Afdrukken für Zoë"
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = cardgen("build", "--content", deck, "--out", out, "--lang", "nl", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Afdrukken für Zoë" in result.stdout
    assert (out / "nl" / "print-pack.pdf").stat().st_size > 10_000


def test_a_message_with_a_character_cp1252_lacks_prints_instead_of_crashing(deck_copy, tmp_path):
    edit_dutch_text(deck_copy, "title: Bijscholingen", "title: Bijscholingen ✓")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252:strict"}
    result = cardgen("check", "--content", deck_copy, "--lang", "nl", env=env)
    assert result.returncode == 1
    assert "(U+2713 CHECK MARK) is not in the font" in result.stderr
    assert "Traceback" not in result.stderr and "UnicodeEncodeError" not in result.stderr


def test_content_files_with_windows_line_ends_build_the_same_pdfs(deck_copy, tmp_path, reference):
    for path in [deck_copy / "deck.yaml", deck_copy / "layout.yaml", deck_copy / "nl" / "texts.yaml"]:
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(out), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert snapshot(out) == {k: v for k, v in reference.items() if k.startswith("nl/")}


# --- all or nothing per edition ------------------------------------------------------------------


def held_by_a_viewer(monkeypatch, locked: Path):
    """os.replace as Windows does it while a PDF viewer holds `locked` open."""
    import cardgen.pdf.output

    real = os.replace

    def replace(src, dst):
        if Path(src) == locked or Path(dst) == locked:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process", str(src))
        return real(src, dst)

    monkeypatch.setattr(cardgen.pdf.output.os, "replace", replace)


def test_a_pdf_open_in_a_viewer_keeps_its_edition_as_it_was_and_says_what_to_do(
    deck_copy, tmp_path, monkeypatch, reference
):
    out = tmp_path / "out"
    for name, data in reference.items():  # last week's complete build of this deck
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    before = snapshot(out)
    edit_dutch_text(deck_copy, "title: Bijscholingen", "title: Nascholingen")
    held_by_a_viewer(monkeypatch, out / "nl" / "poster.pdf")

    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(out)])

    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert "nl/poster.pdf: cannot be replaced: it is open in another program or read-only; close it in your PDF viewer" in result.output
    assert "The nl edition was not changed: its earlier files are as they were." in result.output
    after = snapshot(out)
    assert {k: v for k, v in after.items() if k.startswith("nl/")} == {k: v for k, v in before.items() if k.startswith("nl/")}
    assert "en: " in result.output and "fr: " in result.output  # the other editions were written
    assert staging_left(out) == []


def test_a_folder_where_a_pdf_should_go_is_named(tmp_path):
    out = tmp_path / "out"
    (out / "nl" / "poster.pdf").mkdir(parents=True)
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(out), "--lang", "nl"])
    assert result.exit_code == 1
    assert "nl/poster.pdf: cannot be replaced: a folder has that name; move or rename the folder" in result.output
    assert sorted(snapshot(out)) == [] and staging_left(out) == []


@pytest.mark.parametrize(
    "setup, fragment",
    [
        (lambda out: (out.parent / "blocker").write_text("x"), "cannot make this folder: a file stands where a folder is needed"),
        (lambda out: (out.mkdir(), (out / "nl").write_text("x")), "out/nl: is not a folder of its own"),
    ],
    ids=["out_below_a_file", "edition_folder_is_a_file"],
)
def test_odd_output_folders_get_a_message(tmp_path, setup, fragment):
    out = tmp_path / "out"
    setup(out)
    target = tmp_path / "blocker" / "out" if "below" in fragment or "stands" in fragment else out
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(target), "--lang", "nl"])
    assert result.exit_code == 1, result.output
    assert fragment in result.output.replace(str(tmp_path) + os.sep, "").replace("blocker/", "")
    assert "Traceback" not in result.output
    assert snapshot(tmp_path) == before


def test_an_out_that_is_a_file_is_refused_on_the_command_line(tmp_path):
    (tmp_path / "out").write_text("a file")
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "Invalid value for '--out'" in result.output and "is a file" in result.output
    assert (tmp_path / "out").read_text() == "a file"


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "the disk is full; free some space"), (errno.EROFS, "the drive is read-only")])
def test_a_full_or_read_only_disk_is_a_message_and_changes_nothing(tmp_path, monkeypatch, code, words):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(out), "--lang", "nl"]).exit_code == 0
    before = snapshot(out)
    import cardgen.pdf.pack

    def full(path, *args, **kwargs):
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(cardgen.pdf.pack, "merge_pack", full)
    result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(out), "--lang", "nl", "--tile", "A4"])
    assert result.exit_code == 1
    assert f"print-pack.pdf: cannot be written: {words}" in result.output
    assert "the earlier PDFs are as they were" in result.output
    assert snapshot(out) == before and staging_left(out) == []


def test_outputs_a_build_no_longer_makes_go_with_the_rest(tmp_path):
    out = tmp_path / "out"
    args = ["build", "--content", str(CONTENT), "--out", str(out), "--lang", "nl"]
    assert CliRunner().invoke(main, [*args, "--tile", "A4", "--shop"]).exit_code == 0
    assert (out / "nl" / "poster-tiles.pdf").is_file() and (out / "nl" / "cards-shop.pdf").is_file()
    assert CliRunner().invoke(main, args).exit_code == 0
    assert sorted(p.name for p in (out / "nl").iterdir()) == sorted(FILES)  # no tiles of an older poster beside the new pack


# --- interrupted, killed, two at once ------------------------------------------------------------


def start(out: Path, *args, spawn: bool = False) -> subprocess.Popen:
    command = [sys.executable, "-c", SPAWN] if spawn else [sys.executable, "-m", "cardgen"]
    return subprocess.Popen(
        [*command, "build", "--content", str(CONTENT), "--out", str(out), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def past_python_start_up(pid: int, cpu: float = 0.12) -> None:
    """Wait until the process has run some of cardgen (Python's own start-up takes ~0.05 s of CPU):
    a Ctrl-C inside the interpreter's start-up is Python's to report, not cardgen's."""
    ticks = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return  # already gone
        if (int(fields[11]) + int(fields[12])) / ticks >= cpu:  # utime + stime
            return
        time.sleep(0.005)


def group_gone(pgid: int, within: float = 10.0) -> bool:
    """Whether every process of the build (the parent and its workers) has ended."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory, reference):
    """Two complete builds to tell apart: 'old' from a deck with other texts, 'new' the reference."""
    deck = tmp_path_factory.mktemp("olddeck") / "deck"
    shutil.copytree(CONTENT, deck)
    for code in EDITIONS:
        texts = deck / code / "texts.yaml"
        texts.write_text(texts.read_text(encoding="utf-8").replace("sexting.be", "sexting.be.example", 1), encoding="utf-8")
    out = tmp_path_factory.mktemp("old")
    assert CliRunner().invoke(main, ["build", "--content", str(deck), "--out", str(out)]).exit_code == 0
    return snapshot(out), reference


def assert_each_edition_old_or_new(out: Path, old: dict, new: dict) -> None:
    """The PDFs a user sees; a staging folder a killed build left is checked apart (staging_left)."""
    now = {k: v for k, v in snapshot(out).items() if "/.cardgen-" not in f"/{k}"}
    for code in EDITIONS:
        mine = {k: v for k, v in now.items() if k.startswith(f"{code}/")}
        olds = {k: v for k, v in old.items() if k.startswith(f"{code}/")}
        news = {k: v for k, v in new.items() if k.startswith(f"{code}/")}
        assert mine in (olds, news), f"{code}: a mix of old and new files: {sorted(mine)}"


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM", "SIGINT"])
def test_a_build_stopped_at_random_moments_leaves_each_edition_whole(tmp_path, old_and_new, how):
    old, new = old_and_new
    rng = random.Random(8)
    for attempt in range(3):
        out = tmp_path / f"out{attempt}"
        out.mkdir()
        for name, data in old.items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(data)
        build = start(out)
        past_python_start_up(build.pid)
        try:
            build.wait(timeout=rng.uniform(0.0, 1.8))  # a build done before its moment cannot be stopped
        except subprocess.TimeoutExpired:
            if how == "SIGINT":  # Ctrl-C in a terminal reaches the whole process group
                os.killpg(build.pid, signal.SIGINT)
            else:
                os.kill(build.pid, getattr(signal, how))
        _, stderr = build.communicate(timeout=60)
        assert group_gone(build.pid), "worker processes outlived the build"
        assert "Traceback" not in stderr, stderr
        if build.returncode != 0 and how == "SIGINT":
            assert build.returncode == 130 and stderr.strip() == "stopped; the earlier PDFs are as they were", stderr
        assert_each_edition_old_or_new(out, old, new)
        if how != "SIGKILL":
            assert staging_left(out) == []
        else:  # what a killed build could not remove, the next build does
            assert CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(out)]).exit_code == 0
            assert staging_left(out) == [] and snapshot(out) == new


def test_two_builds_into_one_folder_at_once_leave_one_complete_set(tmp_path, reference):
    builds = [start(tmp_path) for _ in range(2)]
    for build in builds:
        _, stderr = build.communicate(timeout=120)
        assert build.returncode == 0, stderr
    assert snapshot(tmp_path) == reference


@pytest.mark.parametrize("spawn", [False, True], ids=["default", "spawn"])
def test_workers_of_a_killed_build_exit_and_remove_their_staging(tmp_path, spawn):
    build = start(tmp_path, spawn=spawn)
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob("*/.cardgen-*/cards.pdf")) and time.monotonic() < deadline:
        time.sleep(0.01)  # until a worker is drawing
    os.kill(build.pid, signal.SIGKILL)
    build.communicate(timeout=30)
    assert group_gone(build.pid), "worker processes outlived the build"
    assert staging_left(tmp_path) == []


# --- editions are independent --------------------------------------------------------------------


def test_an_unfinished_translation_is_skipped_and_the_others_build(deck_copy, tmp_path):
    assert CliRunner().invoke(main, ["translate", "new", "--content", str(deck_copy), "de"]).exit_code == 0
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert lines == [
        "warning: de: skipped, the translation is not finished (75 not translated yet); 'cardgen translate status' lists them"
    ]
    assert sorted(p.name for p in out.iterdir()) == list(EDITIONS)
    strict = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(tmp_path / "strict"), "--strict"])
    assert strict.exit_code == 1 and "1 warning and --strict" in strict.output
    assert not (tmp_path / "strict").exists()
    check = CliRunner().invoke(main, ["check", "--content", str(deck_copy)])
    assert check.exit_code == 0 and "Ready to build the editions above." in check.output


def test_a_stale_translation_is_built_with_a_warning_naming_it(deck_copy, tmp_path):
    edit_dutch_text(deck_copy, "title: Bijscholingen", "title: Nascholingen")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for code in ("en", "fr"):
        assert (
            f"warning: {code}: 1 text stale, built all the same (the nl text changed since it was translated): "
            f"cards.bijscholingen.title (line " in result.output
        )
    assert "then 'cardgen translate mark fr'" in result.output
    assert sorted(p.name for p in out.iterdir()) == list(EDITIONS)
    assert CliRunner().invoke(main, ["check", "--content", str(deck_copy), "--strict"]).exit_code == 1


def test_a_longer_text_that_shrinks_the_deck_is_reported_once_with_its_card(deck_copy, tmp_path):
    texts = deck_copy / "nl" / "texts.yaml"
    source = texts.read_text(encoding="utf-8")
    marker = "  stappenplan:\n    title: Stappenplan\n    description: >-\n"
    assert marker in source
    texts.write_text(source.replace(marker, marker + "      Lees eerst het hele stappenplan samen met het team, de directie en de leerlingen. " * 3 + "\n"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(tmp_path / "out"), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, result.output
    assert "warning: nl: descriptions set at" in warnings[0] and "instead of 11 pt on every action card" in warnings[0]
    assert "because of card 'stappenplan' (" in warnings[0] and "nl/texts.yaml:" in warnings[0]


def test_a_missing_source_edition_is_an_error_naming_deck_yaml(deck_copy):
    (deck_copy / "nl" / "texts.yaml").unlink()
    result = CliRunner().invoke(main, ["check", "--content", str(deck_copy)])
    assert result.exit_code == 1
    assert "deck.yaml:" in result.output
    assert "'source_edition': names the edition 'nl', but nl/texts.yaml is not in the deck folder" in result.output


@pytest.mark.parametrize(
    "args, option",
    [(["check", "--content", "con\x00tent"], "--content"), (["build", "--out", "o\x00ut"], "--out"),
     (["translate", "import", "fr\x00.po"], "FILE"), (["translate", "export", "--lang", "fr", "-o", "fr\x00.po"], "-o' / '--output")],
    ids=["content", "out", "po_file", "po_output"],
)  # fmt: skip
def test_a_path_with_a_nul_byte_on_the_command_line_is_a_message(args, option):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}'" in result.output and "holds a control character" in result.output


def test_a_corrupt_sources_file_is_an_error_in_check_naming_it(deck_copy):
    (deck_copy / "fr" / "sources.yaml").write_text("texts: [1, 2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(deck_copy)])
    assert result.exit_code == 1
    assert "fr/sources.yaml:1: YAML syntax: a '[' that is never closed with ']'" in result.output
