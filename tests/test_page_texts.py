"""The words of the pages cardgen makes itself ship with cardgen, in the edition's language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.load.defaults import PAGE_TEXTS, page_text_languages
from tests.conftest import SMALL
from tests.pdfread import page_text

OWN_SECTIONS = ("fold", "calibration", "tiles", "bookmarks", "printing")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def deck_without_page_texts(tmp_path: Path, language: str = "nl-BE", keep: str = "") -> Path:
    """The small deck with its edition's calibration:, tiles:, bookmarks: and printing: taken out (`keep`
    is YAML put back in their place) and its language tag set to `language`."""
    deck = tmp_path / "deck"
    shutil.copytree(SMALL, deck)
    texts = deck / "nl" / "texts.yaml"
    text = texts.read_text(encoding="utf-8")
    text = text[: text.index("\ncalibration:")] + "\n" + keep
    texts.write_text(text.replace("language: nl-BE", f"language: {language}"), encoding="utf-8")
    return deck


def bookmarks(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [item.get_title() for item in doc.get_toc()]
    finally:
        doc.close()


def build(deck: Path, out: Path, *extra: str) -> str:
    result = run("build", "--content", str(deck), "--out", str(out), "--tile", "A4", *extra)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("language", "cards", "glue", "calibration"),
    [
        ("nl-BE", "Kaarten", "hier lijmen", "Kalibratieblad voor dubbelzijdig afdrukken"),
        ("de-DE", "Karten", "hier kleben", "Kalibrierblatt für den beidseitigen Druck"),
        ("fr-BE", "Cartes", "collez ici", "Feuille de calibrage pour l’impression recto verso"),
    ],
)
def test_an_edition_without_page_texts_gets_cardgens_own_in_its_language(tmp_path, language, cards, glue, calibration):
    deck, out = deck_without_page_texts(tmp_path, language), tmp_path / "out"
    build(deck, out)
    assert bookmarks(out / "nl" / "print-pack.pdf")[1] == cards  # after the page on how to print it
    tiles = sorted((out / "nl").glob("poster-tiles*.pdf"))
    assert tiles and glue in page_text(tiles[0], 0), page_text(tiles[0], 0)
    result = run("calibrate", "--content", str(deck), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert calibration in page_text(out / "nl" / "calibration.pdf", 0)
    assert "print in English" not in run("check", "--content", str(deck)).output


def test_an_edition_in_another_language_falls_back_to_english_with_a_note(tmp_path):
    deck, out = deck_without_page_texts(tmp_path, "pl"), tmp_path / "out"
    build(deck, out)
    assert bookmarks(out / "nl" / "print-pack.pdf") == ["How to print this pack", "Cards", "Poster"]
    checked = run("check", "--content", str(deck))
    assert checked.exit_code == 0, checked.output
    (note,) = [line for line in checked.output.splitlines() if "page texts" in line]
    assert note.startswith("note: edition 'nl': cardgen's own page texts (calibration sheet, poster tiles, bookmarks, "
                           "the pack's first page) are not in 'pl':"), note  # fmt: skip
    assert "under fold:, calibration:, tiles:, bookmarks:, printing: to translate them" in note, note
    assert "print in English" in note and "texts.yaml" in note


def test_an_edition_may_set_any_page_text_and_keeps_the_others(tmp_path):
    deck, out = deck_without_page_texts(tmp_path, "pl", keep="bookmarks:\n  cards: Karty\n"), tmp_path / "out"
    build(deck, out)
    assert bookmarks(out / "nl" / "print-pack.pdf")[1:] == ["Karty", "Poster"]
    note = run("check", "--content", str(deck)).output
    assert "bookmarks.cards" not in note and "print in English" in note  # the others still fall back


def test_a_mistake_in_an_editions_own_page_text_is_named_in_its_file(tmp_path):
    deck = deck_without_page_texts(tmp_path, keep="tiles:\n  glue: hier lijmen aan {labl}\n")
    result = run("check", "--content", str(deck))
    assert result.exit_code == 1
    assert re.search(r"nl/texts\.yaml:\d+: 'tiles\.glue': .*\{labl\}", result.output), result.output


def test_every_language_cardgen_ships_has_every_page_text_with_the_right_placeholders():
    assert set(page_text_languages()) >= {"nl", "fr", "de", "en"}
    english = yaml.safe_load((PAGE_TEXTS / "en.yaml").read_text(encoding="utf-8"))
    for language in page_text_languages():
        texts = yaml.safe_load((PAGE_TEXTS / f"{language}.yaml").read_text(encoding="utf-8"))
        assert tuple(texts) == OWN_SECTIONS, language
        for section in OWN_SECTIONS:
            assert set(texts[section]) == set(english[section]), (language, section)
            for key, text in texts[section].items():
                places = set(re.findall(r"\{(\w+)\}", text))
                assert places == set(re.findall(r"\{(\w+)\}", english[section][key])), (language, section, key)


def test_an_editions_own_page_texts_are_never_reported_as_no_longer_in_the_source(tmp_path):
    from tests.conftest import CONTENT

    deck = tmp_path / "deck"
    shutil.copytree(CONTENT, deck)
    texts = deck / "fr" / "texts.yaml"
    texts.write_text(texts.read_text(encoding="utf-8") + "\nbookmarks:\n  cards: Cartes à jouer\n", encoding="utf-8")
    status = run("translate", "status", "--content", str(deck))
    assert status.exit_code == 0, status.output
    assert "fr: 63 texts from nl; 0 missing, 0 untranslated, 0 stale, 0 unconfirmed, 2 identical to the source, 0 no longer in the source" in status.output
    build(deck, tmp_path / "out", "--lang", "fr")
    assert bookmarks(tmp_path / "out" / "fr" / "print-pack.pdf")[1] == "Cartes à jouer"
