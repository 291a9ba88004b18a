"""The translators' workflow: new editions, status, stale texts, PO round trips."""

from __future__ import annotations

import polib
import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.errors import Problems
from cardgen.translate.status import texts_of


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def deck(deck_copy):
    """The Dutch deck, alone, with a new German edition started from it."""
    import shutil

    for folder in deck_copy.iterdir():
        if folder.is_dir() and (folder / "texts.yaml").is_file() and folder.name != "nl":
            shutil.rmtree(folder)
    result = run("translate", "new", "de", "--content", str(deck_copy), "--language", "de-BE")
    assert result.exit_code == 0, result.output
    return deck_copy


def texts(deck, code):
    return {k: v for k, (v, _) in texts_of(deck / code / "texts.yaml", Problems()).items()}


def translate_all(deck, code, prefix="DE "):
    """Stand-in for a translator: every text of the edition, through a PO file."""
    po_path = deck / f"{code}.po"
    assert run("translate", "export", "--content", str(deck), "--lang", code, "-o", str(po_path)).exit_code == 0
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = prefix + entry.msgid if not entry.msgid.startswith("#") else entry.msgid + "de"
    po.save(str(po_path))
    result = run("translate", "import", "--content", str(deck), str(po_path))
    assert result.exit_code == 0, result.output
    return result


def test_a_new_edition_is_listed_as_untranslated_and_refused_by_build(deck, tmp_path):
    status = run("translate", "status", "--content", str(deck))
    assert status.exit_code == 1
    assert "de: 63 texts from nl; 0 missing, 63 untranslated" in status.output and "INCOMPLETE" in status.output
    build = run("build", "--content", str(deck), "--out", str(tmp_path), "--lang", "de")
    assert build.exit_code == 1
    assert "'cards.stappenplan.description': not translated yet" in build.output
    assert "63 problems found" in build.output
    assert not (tmp_path / "de").exists()


def test_a_translated_edition_is_complete_and_builds(deck, tmp_path):
    result = translate_all(deck, "de")
    assert "de: 63 texts changed" in result.output
    status = run("translate", "status", "--content", str(deck))
    assert status.exit_code == 0, status.output
    assert "0 missing, 0 untranslated, 0 stale, 0 unconfirmed" in status.output
    assert run("build", "--content", str(deck), "--out", str(tmp_path), "--lang", "de").exit_code == 0
    assert (tmp_path / "de" / "print-pack.pdf").is_file()


def test_a_changed_source_text_makes_its_translation_stale_and_fuzzy(deck):
    translate_all(deck, "de")
    nl = deck / "nl" / "texts.yaml"
    nl.write_text(nl.read_text(encoding="utf-8").replace("title: Stappenplan", "title: Stappenplan bij incidenten"), encoding="utf-8")
    status = run("translate", "status", "--content", str(deck))
    assert status.exit_code == 1
    assert "1 stale" in status.output
    assert "stale: " in status.output and "cards.stappenplan.title: the nl text changed since it was translated" in status.output
    po_path = deck / "again.po"
    run("translate", "export", "--content", str(deck), "--lang", "de", "-o", str(po_path))
    entries = {e.msgctxt: e for e in polib.pofile(str(po_path))}
    assert entries["cards.stappenplan.title"].fuzzy
    assert entries["cards.stappenplan.title"].msgid == "Stappenplan bij incidenten"
    assert not entries["cards.bijscholingen.title"].fuzzy


def test_importing_a_po_file_gives_the_same_edition_as_editing_the_yaml(deck, deck_copy, tmp_path):
    import shutil

    translate_all(deck, "de")
    by_hand = tmp_path / "by-hand"
    shutil.copytree(deck, by_hand)
    # a translator edits the YAML ...
    texts_yaml = by_hand / "de" / "texts.yaml"
    source = texts_yaml.read_text(encoding="utf-8")
    texts_yaml.write_text(source.replace("title: DE Stappenplan", "title: Stufenplan"), encoding="utf-8")
    # ... another uses a PO editor
    po_path = deck / "de.po"
    run("translate", "export", "--content", str(deck), "--lang", "de", "-o", str(po_path))
    po = polib.pofile(str(po_path))
    next(e for e in po if e.msgctxt == "cards.stappenplan.title").msgstr = "Stufenplan"
    po.save(str(po_path))
    result = run("translate", "import", "--content", str(deck), str(po_path))
    assert "1 texts changed: cards.stappenplan.title" in result.output
    assert texts(deck, "de") == texts(by_hand, "de")


def test_the_po_file_carries_context_source_and_room(deck):
    po_path = deck / "de.po"
    run("translate", "export", "--content", str(deck), "--lang", "de", "-o", str(po_path))
    po = polib.pofile(str(po_path))
    assert po.metadata["Language"] == "de-BE"
    entry = next(e for e in po if e.msgctxt == "cards.stappenplan.description")
    assert entry.msgid.startswith("Onze school heeft een stappenplan")
    assert entry.msgstr == ""  # untranslated
    assert "room for about" in entry.comment and "characters" in entry.comment


def test_a_deck_without_a_source_edition_is_told_what_to_add(deck_copy):
    deck_yaml = deck_copy / "deck.yaml"
    deck_yaml.write_text(deck_yaml.read_text().replace("source_edition: nl", "source_edition: xx"))
    result = run("translate", "status", "--content", str(deck_copy))
    assert result.exit_code == 1
    assert "'source_edition' should name the edition translations are made from" in result.output


@pytest.fixture(scope="module")
def together(tmp_path_factory):
    """Every edition of the shipped deck, built at once (in parallel processes)."""
    from conftest import CONTENT

    out = tmp_path_factory.mktemp("together")
    result = run("build", "--content", str(CONTENT), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_all_editions_build_in_parallel_to_the_same_bytes_as_one_by_one(together, one_by_one):
    codes = sorted(p.name for p in together.iterdir())
    assert {"nl", "fr", "en"} <= set(codes)
    for code in codes:
        for name in ("cards.pdf", "poster.pdf", "print-pack.pdf"):
            assert (together / code / name).read_bytes() == (one_by_one / code / name).read_bytes(), (code, name)


def test_each_edition_prints_in_its_own_language(together):
    from conftest import CONTENT
    from pdfread import page_text
    from pypdf import PdfReader

    for code, lang, word in (("fr", "fr-BE", "Notre école"), ("en", "en-GB", "Our school")):
        pack = together / code / "print-pack.pdf"
        assert PdfReader(pack).trailer["/Root"]["/Lang"] == lang
        assert word in page_text(together / code / "cards.pdf", 1)
    assert (CONTENT / "fr" / "sources.yaml").is_file()
