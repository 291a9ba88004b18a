"""cardgen's cache folder: bounded, never trusted past a change of its inputs, and drawing
byte for byte what the slow path draws."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cardgen import cache
from cardgen.errors import Problems
from cardgen.load import svg

REPO = Path(__file__).resolve().parents[1]
STAR = (REPO / "assets" / "icons" / "star.svg").read_bytes()
SEE_THROUGH = STAR.replace(b"<svg ", b'<svg opacity="0.5" ', 1)


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CARDGEN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _age(path: Path, seconds: float) -> None:
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))


def test_a_kind_keeps_at_most_its_number_of_entries_the_most_recently_used(folder):
    for n in range(5):
        cache.write("things", f"k{n}", b"x", entries=3, size=1000)
        _age(folder / "things" / f"k{n}", 100 - n)  # k0 the oldest
    assert sorted(p.name for p in (folder / "things").iterdir()) == ["k2", "k3", "k4"]
    _age(folder / "things" / "k2", 50)
    assert cache.read("things", "k2") == b"x"  # used now: the newest
    cache.write("things", "k5", b"x", entries=3, size=1000)
    assert sorted(p.name for p in (folder / "things").iterdir()) == ["k2", "k4", "k5"]


def test_a_kind_keeps_at_most_its_number_of_bytes(folder):
    for n in range(4):
        cache.write("things", f"k{n}", b"x" * 400, entries=100, size=1000)
        _age(folder / "things" / f"k{n}", 100 - n)
    assert sorted(p.name for p in (folder / "things").iterdir()) == ["k2", "k3"]


def test_a_left_over_temporary_file_is_removed_but_not_one_being_written(folder):
    (folder / "things").mkdir(parents=True)
    old, fresh = folder / "things" / "a.tmp", folder / "things" / "b.tmp"
    old.write_bytes(b"half")
    fresh.write_bytes(b"half")
    _age(old, 3600)
    cache.write("things", "k", b"x", entries=3, size=1000)
    assert not old.exists() and fresh.exists()


def test_no_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CARDGEN_CACHE_DIR", str(blocker))
    cache.write("things", "k", b"x", entries=3, size=1000)
    assert cache.read("things", "k") is None


def _load(path: Path) -> tuple:
    problems = Problems()
    return svg.load_svg(path, path.parent, problems), [str(p) for p in problems.items]


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / svg.KIND).iterdir()) if (folder / svg.KIND).is_dir() else []


def test_a_drawing_seen_before_is_not_converted_again(folder, tmp_path, monkeypatch):
    (tmp_path / "star.svg").write_bytes(STAR)
    first, _ = _load(tmp_path / "star.svg")
    assert len(_entries(folder)) == 1

    def fail(*args):
        raise AssertionError("converted again")

    monkeypatch.setattr(svg, "_render", fail)
    second, problems = _load(tmp_path / "star.svg")
    assert problems == [] and second.width == first.width and second.contents


def test_a_changed_drawing_is_checked_again_even_with_the_same_mtime(folder, tmp_path):
    path = tmp_path / "star.svg"
    path.write_bytes(STAR)
    assert _load(path)[0] is not None
    stamp = path.stat().st_mtime
    path.write_bytes(SEE_THROUGH)
    os.utime(path, (stamp, stamp))
    drawing, problems = _load(path)
    assert drawing is None and "transparency" in problems[0]
    assert len(_entries(folder)) == 1, "a refused drawing is not kept"


def test_a_broken_entry_is_ignored_and_written_again(folder, tmp_path):
    (tmp_path / "star.svg").write_bytes(STAR)
    _load(tmp_path / "star.svg")
    (entry,) = _entries(folder)
    good = entry.read_bytes()
    entry.write_bytes(good[: len(good) // 2])
    drawing, problems = _load(tmp_path / "star.svg")
    assert problems == [] and drawing is not None
    assert entry.read_bytes() == good


def test_other_converting_code_makes_other_entries(folder, tmp_path, monkeypatch):
    (tmp_path / "star.svg").write_bytes(STAR)
    _load(tmp_path / "star.svg")
    monkeypatch.setattr(svg, "_converter", lambda: "another svglib")
    _load(tmp_path / "star.svg")
    assert len(_entries(folder)) == 2


def test_a_build_from_the_cache_is_byte_identical_to_one_without(tmp_path):
    from click.testing import CliRunner

    from cardgen.cli import main

    env = {"CARDGEN_CACHE_DIR": str(tmp_path / "cache")}
    runs = []
    for name in ("cold", "warm"):
        result = CliRunner(env=env).invoke(main, ["build", "--content", str(REPO / "tests" / "fixtures" / "decks" / "editions"), "--lang", "nl",
                                                  "--shop", "--tile", "A4", "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        runs.append(tmp_path / name / "nl")
    assert (tmp_path / "cache" / svg.KIND).is_dir(), "the cold build filled the cache"
    names = sorted(p.name for p in runs[0].iterdir())
    assert "poster-tiles.pdf" in names and "cards-shop.pdf" in names
    for name in names:
        assert (runs[0] / name).read_bytes() == (runs[1] / name).read_bytes(), name
