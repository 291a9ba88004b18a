"""Translations from files others send: nothing accepted half, an edition code never a path.

The deck is the frozen recycling deck (tests/fixtures/decks/recycling) with `source_edition: en`
and a German edition started from it; each bad PO file under tests/fixtures/po/ is named after
its mistake. Every refusal is checked through the CLI: exit code, message, no traceback, and
no file changed anywhere under the test's folder.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.errors import Problems

FIXTURES = Path(__file__).parent / "fixtures"
PO = FIXTURES / "po"
RECYCLING = FIXTURES / "decks" / "recycling"
NOT_A_PATH = "an edition code is a folder name, not a path"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    """tmp_path/deck: the recycling deck, translated from en, with an untranslated de edition;
    tmp_path/victim/nl/texts.yaml: a file outside the deck that nothing may touch."""
    target = tmp_path / "deck"
    shutil.copytree(RECYCLING, target)
    with open(target / "deck.yaml", "a", encoding="utf-8") as handle:
        handle.write("source_edition: en\n")
    assert run("translate", "new", "de", "--content", target, "--language", "de-DE").exit_code == 0
    (tmp_path / "victim" / "nl").mkdir(parents=True)
    (tmp_path / "victim" / "nl" / "texts.yaml").write_text("secret: hunter2\n", encoding="utf-8")
    return target


def refused(result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    for fragment in fragments:
        assert fragment in result.output, (fragment, result.output)


def import_po(deck: Path, name: str, *extra):
    return run("translate", "import", "--content", deck, PO / name, *extra)


# (fixture, fragments of the message): each is refused whole, exit 1, nothing changed
REFUSED = [
    ("missing_closing_quote", [":10: a text without its closing quote", "nothing was imported"]),
    ("text_after_closing_quote", [":10: text after the closing quote"]),
    ("unknown_escape", [":10: '\\q' is not an escape a PO text knows"]),
    ("msgid_without_msgstr", [":11: 'msgctxt' where the entry above still lacks its msgstr line"]),
    ("not_a_po_file", [":1: expected msgctxt, msgid, msgstr, a quoted text or a '#' comment, found 'language: de-DE'"]),
    ("not_utf8", [":10: a character here is not UTF-8 (line 3 says charset=UTF-8)", "save the file as UTF-8"]),
    ("header_says_latin1_body_is_utf8", ["the header (line 3 says charset=ISO-8859-1) does not match the texts, "
                                         "which are UTF-8 (from line 14)", "set the header to charset=UTF-8"]),
    ("other_deck", [":4: a PO file of another deck ('sextingscreener'), not of 'recycling-check'"]),
    ("other_deck_without_deck_header", ["3 of its 4 texts are not texts of this deck ('recycling-check')"]),
    ("translation_too_long", [":8: 'cards.bottles.title': a translation of 5,400 characters; no card holds"]),
    ("duplicate_context", [":16: 'cards.bottles.title': given twice (first on line 8)"]),
    ("edition_header_parent_path", [":5: 'X-Cardgen-Edition': expected an edition code", "'../victim/nl'", NOT_A_PATH]),
    ("edition_header_absolute_path", [":5: 'X-Cardgen-Edition'", "'/tmp/victim/nl'", NOT_A_PATH]),
    ("edition_header_windows_path", [":5: 'X-Cardgen-Edition'", NOT_A_PATH]),
    ("edition_header_climbs_out", [":5: 'X-Cardgen-Edition'", "'de/../../victim'", NOT_A_PATH]),
    ("edition_header_nul_byte", [":5: a control character (U+0000) no text can hold"]),
    ("edition_header_is_the_source", [":5: 'en' is the source edition"]),
    ("edition_header_not_in_deck", [":5: no edition 'it' in ", "; start it with 'cardgen translate new it'"]),
    ("no_edition_header", ["names no edition (no 'X-Cardgen-Edition' header); give it with --lang"]),
    ("source_header_parent_path", [":6: 'X-Cardgen-Source': expected an edition code", NOT_A_PATH]),
    ("source_header_other_edition", [":6: 'X-Cardgen-Source': the file was made from the 'fr' edition, "
                                     "but this deck's translations are made from en"]),
]  # fmt: skip


@pytest.mark.parametrize("name, fragments", REFUSED, ids=[name for name, _ in REFUSED])
def test_a_bad_po_file_is_refused_whole_and_changes_nothing(deck, name, fragments):
    before = snapshot(deck.parent)
    refused(import_po(deck, f"{name}.po"), 1, f"{name}.po", *fragments)
    assert snapshot(deck.parent) == before


def test_the_good_po_file_the_bad_ones_are_made_from_imports(deck):
    result = import_po(deck, "good.po")
    assert result.exit_code == 0, result.output
    assert "de: 2 texts changed: cards.bottles.title, cards.jars.title" in result.output
    assert "jars: {title: Gläser," in (deck / "de" / "texts.yaml").read_text(encoding="utf-8")


def test_a_po_file_saved_on_windows_imports(deck, tmp_path):
    saved = tmp_path / "windows.po"  # Notepad and friends: a byte order mark and CRLF line ends
    saved.write_bytes(b"\xef\xbb\xbf" + (PO / "good.po").read_bytes().replace(b"\n", b"\r\n"))
    result = import_po(deck, saved)
    assert result.exit_code == 0, result.output
    assert "de: 2 texts changed: cards.bottles.title, cards.jars.title" in result.output


def test_obsolete_entries_are_never_imported(deck):
    result = import_po(deck, "obsolete_entry.po")
    assert result.exit_code == 0, result.output
    assert "de: 1 texts changed: cards.bottles.title" in result.output
    assert "Gläser" not in (deck / "de" / "texts.yaml").read_text(encoding="utf-8")


def test_an_unknown_context_is_listed_with_its_line_and_the_rest_imported(deck):
    result = import_po(deck, "unknown_context.po")
    assert result.exit_code == 0, result.output
    assert "unknown_context.po:12: 'cards.foo.title': no such text in the en edition; ignored" in result.output
    assert "de: 2 texts changed: cards.bottles.title, cards.jars.title" in result.output
    assert "foo" not in (deck / "de" / "texts.yaml").read_text(encoding="utf-8")


def test_a_po_file_that_is_huge_a_fifo_or_unreadable_is_refused(deck, tmp_path):
    huge = tmp_path / "huge.po"
    huge.write_bytes((PO / "good.po").read_bytes() + b"# padding\n" * 300_000)
    refused(import_po(deck, huge), 1, "huge.po: 3.0 MB, more than any deck's PO file (at most 2 MB)")
    fifo = tmp_path / "fifo.po"
    os.mkfifo(fifo)
    refused(import_po(deck, fifo), 1, "fifo.po: not a regular file")
    if os.geteuid() != 0:  # root reads any file
        locked = tmp_path / "locked.po"
        shutil.copy(PO / "good.po", locked)
        locked.chmod(0)
        refused(import_po(deck, locked), 1, "locked.po: cannot be read (Permission denied)")


BAD_CODES = ["../victim/nl", "/tmp/victim/nl", "nl/../../x", "de\0", "C:\\x", "con", "x" * 36, "_de"]


@pytest.mark.parametrize("code", BAD_CODES)
def test_an_edition_code_on_the_command_line_is_never_a_path(deck, tmp_path, code):
    out = tmp_path / "out"
    before = snapshot(tmp_path)
    for args in (
        ["build", "--content", deck, "--out", out, "--lang", code],
        ["check", "--content", deck, "--lang", code],
        ["calibrate", "--content", deck, "--out", out, "--lang", code],
        ["translate", "export", "--content", deck, "--lang", code, "-o", tmp_path / "x.po"],
        ["translate", "import", "--content", deck, PO / "good.po", "--lang", code],
        ["translate", "mark", "--content", deck, code],
        ["translate", "new", "--content", deck, code],
        ["translate", "new", "--content", deck, "it", "--from", code],
    ):
        refused(run(*args), 2, "expected an edition code such as 'nl'", NOT_A_PATH)
    assert snapshot(tmp_path) == before and not out.exists()


def test_new_edition_refuses_an_existing_edition_and_an_unknown_source(deck):
    refused(run("translate", "new", "--content", deck, "de"), 1, "de/texts.yaml: exists already")
    refused(run("translate", "new", "--content", deck, "it", "--from", "xx"), 2, "Invalid value for --from: no edition 'xx'")
    assert not (deck / "it").exists()


def test_an_edition_folder_that_links_outside_the_deck_is_refused(deck, tmp_path):
    outside = tmp_path / "elsewhere"
    shutil.move(deck / "de", outside)
    (deck / "de").symlink_to(outside, target_is_directory=True)
    before = snapshot(tmp_path)
    for args in (
        ["translate", "status", "--content", deck],
        ["translate", "mark", "--content", deck, "de"],
        ["translate", "export", "--content", deck, "--lang", "de", "-o", tmp_path / "de.po"],
        ["translate", "import", "--content", deck, PO / "good.po"],
    ):
        refused(run(*args), 1, "leads outside the deck folder", "copy the files into the deck folder")
    assert snapshot(tmp_path) == before
    (deck / "it").symlink_to(tmp_path / "victim", target_is_directory=True)
    refused(run("translate", "new", "--content", deck, "it"), 1, "leads outside the deck folder")
    assert snapshot(tmp_path / "victim") == {"nl/texts.yaml": b"secret: hunter2\n"}


def test_a_sources_file_that_links_outside_the_deck_is_refused(deck, tmp_path):
    (deck / "de" / "sources.yaml").symlink_to(tmp_path / "victim" / "nl" / "texts.yaml")
    result = run("translate", "status", "--content", deck)
    refused(result, 1, "sources.yaml: leads outside the deck folder")
    assert "hunter2" not in result.output


@pytest.mark.parametrize(
    "name, fragment",
    [
        ("sources_texts_is_a_list", ":3: 'texts': expected a mapping of text keys to fingerprints, found ["),
        ("sources_not_yaml", ":4: YAML syntax: a '[' that is never closed"),
        ("sources_fingerprint_is_a_number", ":4: 'texts.cards.jars.title': expected a fingerprint of 12 hexadecimal digits, found 123456789012"),
    ],
)  # fmt: skip
def test_a_corrupt_sources_file_is_an_error_naming_it(deck, tmp_path, name, fragment):
    shutil.copy(PO / f"{name}.yaml", deck / "de" / "sources.yaml")
    before = snapshot(deck)
    for args in (
        ["translate", "status", "--content", deck],
        ["translate", "mark", "--content", deck, "de"],
        ["translate", "export", "--content", deck, "--lang", "de", "-o", tmp_path / "de.po"],
        ["translate", "import", "--content", deck, PO / "good.po"],
    ):
        refused(run(*args), 1, "de/sources.yaml" + fragment)
    assert snapshot(deck) == before and not (tmp_path / "de.po").exists()


def test_a_missing_source_edition_is_an_error_naming_its_file(deck, tmp_path):
    (deck / "en" / "texts.yaml").unlink()
    for args in (
        ["translate", "status", "--content", deck],
        ["translate", "mark", "--content", deck, "de"],
        ["translate", "export", "--content", deck, "--lang", "de", "-o", tmp_path / "de.po"],
        ["translate", "import", "--content", deck, PO / "good.po"],
    ):
        refused(run(*args), 1, "deck.yaml:21: 'source_edition' should name the edition", "found 'en', but",
                "en/texts.yaml is not there")  # fmt: skip


def test_a_source_edition_that_is_a_path_is_refused(deck):
    deck_yaml = deck / "deck.yaml"
    deck_yaml.write_text(deck_yaml.read_text(encoding="utf-8").replace("source_edition: en", "source_edition: ../victim/nl"))
    refused(run("translate", "status", "--content", deck), 1, "deck.yaml:21: 'source_edition'", NOT_A_PATH)


def test_export_over_an_old_po_file_on_a_full_disk_leaves_it_whole(deck, tmp_path, monkeypatch):
    po_path = tmp_path / "de.po"
    assert run("translate", "export", "--content", deck, "--lang", "de", "-o", po_path).exit_code == 0
    before = po_path.read_bytes()

    real_fdopen = os.fdopen

    def full_disk(handle, mode="r", *args, **kwargs):
        stream = real_fdopen(handle, mode, *args, **kwargs)
        if "w" in mode:
            stream.write = lambda text: (_ for _ in ()).throw(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
        return stream

    monkeypatch.setattr(os, "fdopen", full_disk)
    result = run("translate", "export", "--content", deck, "--lang", "de", "-o", po_path)
    refused(result, 1, "de.po: cannot be written (No space left on device); nothing was changed")
    assert po_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["de.po", "deck", "victim"]  # no temporary file left


def test_export_below_a_file_is_a_message(deck, tmp_path):
    (tmp_path / "a-file").write_text("x")
    refused(run("translate", "export", "--content", deck, "--lang", "de", "-o", tmp_path / "a-file" / "de.po"), 1,
            "a-file: cannot be created")  # fmt: skip


def test_export_writes_the_deck_identity_and_the_round_trip_keeps_texts(deck, tmp_path):
    import polib

    po_path = tmp_path / "de.po"
    assert run("translate", "export", "--content", deck, "--lang", "de", "-o", po_path).exit_code == 0
    po = polib.pofile(str(po_path))
    assert po.metadata["X-Cardgen-Deck"] == "recycling-check"
    for entry in po:
        entry.msgstr = "DE " + entry.msgid
    po.save(str(po_path))
    assert run("translate", "import", "--content", deck, po_path).exit_code == 0
    texts = snapshot(deck / "de")
    assert run("translate", "export", "--content", deck, "--lang", "de", "-o", po_path).exit_code == 0
    result = run("translate", "import", "--content", deck, po_path)
    assert "de: 0 texts changed" in result.output
    assert snapshot(deck / "de") == texts


def test_edition_status_reports_problems_for_the_build_instead_of_raising(deck):
    from cardgen.translate.status import edition_status

    problems = Problems()
    assert edition_status(deck, "en", problems) is None  # the source edition
    assert edition_status(deck, "de", problems).untranslated and not problems  # no sources.yaml yet
    shutil.copy(PO / "sources_texts_is_a_list.yaml", deck / "de" / "sources.yaml")
    assert edition_status(deck, "de", problems) is None
    assert "'texts': expected a mapping" in str(problems.items[0]) and problems.items[0].line == 3
    assert edition_status(RECYCLING, "en", Problems()) is None  # a deck without translations
