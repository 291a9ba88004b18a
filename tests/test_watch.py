"""`cardgen watch`: a build on every save, a broken save keeps the earlier PDFs, Ctrl-C is exit 130."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pypdfium2
import pytest
from watchfiles import Change

from cardgen.watch import DeckFilter, Watcher, describe

FROZEN = Path(__file__).parent / "fixtures" / "decks" / "frozen"
WAIT = 60.0  # s: a bound, not a timing; a build takes a few seconds even on a busy machine


def pdf_text(path: Path) -> str:
    document = pypdfium2.PdfDocument(path)
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range().replace("\ufffe", "").split()) for page in document)
    finally:
        document.close()


@pytest.mark.parametrize("name", ["texts.yaml", "deck.yaml", "layout.yaml", "blue.svg", "sources.yaml"])
def test_the_decks_own_files_are_watched(name, tmp_path):
    assert DeckFilter()(Change.modified, str(tmp_path / "nl" / name))


@pytest.mark.parametrize("name", [".texts.yaml.swp", "4913", "texts.yaml~", ".#texts.yaml", "#texts.yaml#",
                                  ".goutputstream-ABC123", ".~lock.texts.yaml#", "texts.yaml.tmp"])  # fmt: skip
def test_editors_temporary_files_are_not(name, tmp_path):
    assert not DeckFilter()(Change.added, str(tmp_path / "nl" / name))


def test_the_output_folder_inside_the_deck_and_staging_folders_are_not_watched(tmp_path):
    deck_filter = DeckFilter(tmp_path / "output")
    assert not deck_filter(Change.added, str((tmp_path / "output" / "nl" / "cards.pdf").resolve()))
    assert not deck_filter(Change.added, str(tmp_path / "nl" / ".cardgen-x1" / "cards.pdf"))
    assert deck_filter(Change.modified, str(tmp_path / "outputs.yaml"))


def test_a_builds_line_names_what_changed(tmp_path):
    assert describe({(Change.modified, str(tmp_path / "a.yaml"))}).endswith("a.yaml changed")
    many = {(Change.modified, str(tmp_path / f"{n}.svg")) for n in range(5)}
    assert describe(many).endswith("and 2 more changed")


def test_a_broken_deck_prints_its_problems_with_file_and_line_and_writes_nothing(tmp_path):
    deck = tmp_path / "deck"
    shutil.copytree(FROZEN, deck)
    texts = deck / "nl" / "texts.yaml"
    texts.write_text(texts.read_text(encoding="utf-8").replace("    title: Stappenplan", "    title: [Stappenplan"), encoding="utf-8")
    lines: list[str] = []
    assert not Watcher(deck, tmp_path / "out", None, False, {}, lines.append).rebuild("test")
    assert "1 problem, nothing written; the earlier PDFs are kept" in lines[0]
    assert any("texts.yaml:" in line for line in lines[1:])
    assert not (tmp_path / "out" / "nl" / "cards.pdf").exists()


class Running:
    """`cardgen watch` in a subprocess, its output read line by line as it comes."""

    def __init__(self, deck: Path, out: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        command = [sys.executable, "-m", "cardgen", "watch", "--content", str(deck), "--out", str(out)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        encoding="utf-8", env=env, cwd=deck.parent)  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, words: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, f"watch ended: {self.seen}"
                continue
            self.seen.append(line)
            if words in line:
                return line
        raise AssertionError(f"no line with {words!r} within {WAIT} s: {self.seen}")

    def quiet_for(self, seconds: float) -> list[str]:
        time.sleep(seconds)
        news = []
        while not self.lines.empty():
            news.append(self.lines.get())
        self.seen.extend(news)
        return news


def save_as_an_editor_does(path: Path, text: str) -> None:
    """Write a temporary file beside it, then rename it over the original (gedit, VS Code, vim)."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_watch_rebuilds_on_a_save_keeps_the_pdfs_on_a_broken_one_and_stops_on_ctrl_c(tmp_path):
    deck = tmp_path / "deck"
    shutil.copytree(FROZEN, deck)
    out = deck / "output"  # inside the deck folder: its own PDFs must not start another build
    texts = deck / "nl" / "texts.yaml"
    cards = out / "nl" / "cards.pdf"
    running = Running(deck, out)
    try:
        assert "first build: built nl" in running.wait_for("built nl")
        assert running.quiet_for(2.0) == []  # writing the PDFs into the deck folder started nothing

        source = texts.read_text(encoding="utf-8")
        save_as_an_editor_does(texts, source.replace("title: Stappenplan", "title: Stappenplan Zeventien"))
        line = running.wait_for("built nl")
        assert "texts.yaml changed" in line
        assert "Stappenplan Zeventien" in pdf_text(cards)
        assert running.quiet_for(1.0) == []  # one save, one build

        before = cards.read_bytes()
        save_as_an_editor_does(texts, source.replace("    title: Stappenplan", "    title: [Stappenplan"))
        assert "nothing written; the earlier PDFs are kept" in running.wait_for("problem")
        assert "texts.yaml:" in running.wait_for("texts.yaml:")
        assert cards.read_bytes() == before

        running.process.send_signal(signal.SIGINT)
        assert running.process.wait(timeout=WAIT) == 130
        rest = running.quiet_for(0.5)
        assert [line for line in rest if line.strip()] == ["stopped watching; the PDFs are those of the last build that worked"]
    finally:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait()
