"""The command line as a user meets it, through click's CliRunner."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from conftest import REPO
from pdfread import normalise, page_text, render

RECYCLING = Path(__file__).parent / "fixtures" / "decks" / "recycling"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_help_says_what_each_command_does_in_plain_words():
    top = run("--help")
    assert top.exit_code == 0
    assert "print-ready PDFs" in top.output
    build = run("build", "--help")
    assert "card sheet, the poster and the print pack" in build.output
    assert "--flip [long|short|fold]" in build.output
    check = run("check", "--help")
    assert "list all mistakes at once" in check.output


def test_check_reports_a_clean_deck_and_exits_0(deck_copy):
    result = run("check", "--content", str(deck_copy))
    assert result.exit_code == 0, result.output
    assert "nl (nl-BE): 25 cards on 3 sheets of 3 x 3 (63 x 88 mm), descriptions at 11 pt" in result.output
    assert "All good" in result.output


def test_build_writes_the_three_pdfs_per_edition(deck_copy, tmp_path):
    out = tmp_path / "out"
    result = run("build", "--content", str(deck_copy), "--out", str(out))
    assert result.exit_code == 0, result.output
    for code in ("en", "fr", "nl"):
        for name in ("cards.pdf", "poster.pdf", "print-pack.pdf"):
            assert (out / code / name).read_bytes().startswith(b"%PDF-"), f"{code}/{name}"
    assert "nl:" in result.output and "9 pages in the pack" in result.output
    assert not [p for p in out.iterdir() if p.name.startswith(".cardgen-")]  # no staging left behind


def test_an_edited_text_shows_up_in_the_next_build(deck_copy, tmp_path):
    texts = deck_copy / "nl" / "texts.yaml"
    source = texts.read_text(encoding="utf-8")
    texts.write_text(source.replace("title: Herstelbemiddeling", "title: Herstel na een incident"), encoding="utf-8")
    result = run("build", "--content", str(deck_copy), "--out", str(tmp_path), "--lang", "nl")
    assert result.exit_code == 0, result.output
    backs = " ".join(page_text(tmp_path / "nl" / "cards.pdf", i) for i in (1, 3, 5))
    assert "Herstel na een incident" in backs
    assert "Herstelbemiddeling " not in backs


def test_an_unrelated_deck_builds_from_its_own_content_files(tmp_path):
    # short-edge flip: on this turned Letter sheet the backs then stand upright on the page, and
    # PDFium reads upside-down text out of order
    result = run("build", "--content", str(RECYCLING), "--out", str(tmp_path), "--flip", "short")
    assert result.exit_code == 0, result.output
    backs = page_text(tmp_path / "en" / "cards.pdf", 1)
    # content text is printed literally, never read as markup
    assert normalise("Glass bottles are rinsed & returned: <b>never</b> in the general waste.") in backs
    assert "Recycling Check" in page_text(tmp_path / "en" / "poster.pdf", 0)


def test_a_deck_can_bring_its_own_emoticon(deck_copy, tmp_path):
    """A file in the deck folder wins over cardgen's own asset of the same name."""
    (deck_copy / "emoticons").mkdir()
    teal = (REPO / "assets" / "emoticons" / "blue.svg").read_text().replace("#2F86DB", "#00A0A0")
    (deck_copy / "emoticons" / "blue.svg").write_text(teal)
    result = run("build", "--content", str(deck_copy), "--out", str(tmp_path), "--lang", "nl")
    assert result.exit_code == 0, result.output
    image = render(tmp_path / "nl" / "poster.pdf", 0, dpi=20)
    left = image.crop((0, 0, image.width // 2, image.height)).tobytes()
    pixels = {left[i : i + 3] for i in range(0, len(left), 3)}
    assert any(r < 20 and abs(g - 0xA0) < 12 and abs(b - 0xA0) < 12 for r, g, b in pixels)


def test_lang_picks_one_edition_and_an_unknown_one_is_a_usage_error(deck_copy, tmp_path):
    assert run("build", "--content", str(deck_copy), "--out", str(tmp_path), "--lang", "nl").exit_code == 0
    result = run("build", "--content", str(deck_copy), "--out", str(tmp_path), "--lang", "xx")
    assert result.exit_code == 2
    assert "no edition 'xx'" in result.output and "found: " in result.output and "nl" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["build", "--flip", "sideways"], "'sideways' is not one of 'long', 'short'"),
        (["build", "--content", "/no/such/folder"], "does not exist"),
        (["check", "--colour"], "No such option"),
    ],
)
def test_a_wrong_command_line_exits_2(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_python_dash_m_cardgen_runs_the_same_program():
    result = subprocess.run([sys.executable, "-m", "cardgen", "--help"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0
    assert "Usage:" in result.stdout and "build" in result.stdout


def test_the_default_folders_are_the_projects_content_and_output(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(REPO / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    result = run("build", "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "nl" / "print-pack.pdf").is_file()
