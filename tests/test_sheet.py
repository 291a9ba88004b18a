"""cardgen sheet export / import: every text in one spreadsheet, edited there (with openpyxl, or
saved by LibreOffice) and brought back, with the checks of a PO import; edits found in the PDF."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from cardgen.cli import main
from pdfread import page_text

SHEETS = Path(__file__).parent / "fixtures" / "sheets"
SMALL = Path(__file__).parent / "fixtures" / "decks" / "small"
KEY = "cards.stappenplan.description"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def export(deck: Path, out: Path, *more: str) -> Path:
    result = run("sheet", "export", "--content", str(deck), "-o", str(out), *more)
    assert result.exit_code == 0, result.output
    return out


def row_of(sheet, key: str):
    return next(row for row in sheet.iter_rows(min_row=2) if row[0].value == key)


def header(sheet) -> list[str]:
    return [cell.value for cell in sheet[1]]


def edit(path: Path, changes: dict[tuple[str, str], str | None], saved: Path | None = None) -> dict[tuple[str, str], str]:
    """Set cells (key, column header) to values with openpyxl; returns each cell's coordinate."""
    book = openpyxl.load_workbook(path)
    sheet = book["texts"]
    names = header(sheet)
    where = {}
    for (key, column), value in changes.items():
        cell = row_of(sheet, key)[names.index(column)]
        cell.value = value
        where[(key, column)] = cell.coordinate
    book.save(saved or path)
    return where


def snapshot(deck: Path) -> dict[str, bytes]:
    return {str(p.relative_to(deck)): p.read_bytes() for p in sorted(deck.rglob("*")) if p.is_file()}


def test_export_has_a_row_per_text_and_a_column_per_edition_the_source_first(deck_copy, tmp_path):
    sheet = openpyxl.load_workbook(export(deck_copy, tmp_path / "texts.xlsx"))["texts"]
    names = header(sheet)
    assert names[:8] == ["key", "where it prints", "room", "nl (source)", "en", "en status", "fr", "fr status"]
    assert names[8] == "cardgen sextingscreener" and sheet.column_dimensions["I"].hidden
    row = row_of(sheet, KEY)
    assert row[1].value == "card back, body text" and "about" in row[2].value and "characters at the smallest size" in row[2].value
    assert row[3].value.startswith("Onze school heeft een stappenplan") and row[6].value.startswith("Notre école a un protocole")
    assert row_of(sheet, "categories.kwaliteit.label")[1].value.startswith("front of every card of this category")
    assert row_of(sheet, "poster.title")[1].value.startswith("poster")
    assert all(row[5].value is None and row[7].value is None for row in sheet.iter_rows(min_row=2))  # all up to date
    assert export(deck_copy, tmp_path / "again.xlsx").read_bytes() == (tmp_path / "texts.xlsx").read_bytes()  # same texts, same bytes


def test_missing_untranslated_and_stale_cells_are_marked(deck_copy, tmp_path):
    texts = deck_copy / "nl" / "texts.yaml"
    texts.write_text(texts.read_text(encoding="utf-8").replace("Onze school heeft een stappenplan", "Onze school heeft een nieuw stappenplan"), encoding="utf-8")
    fr = deck_copy / "fr" / "texts.yaml"
    fr.write_text(fr.read_text(encoding="utf-8").replace("  hashtags: \"#sextingscreener #règlesdujeu\"\n", ""), encoding="utf-8")
    assert run("translate", "new", "de", "--content", str(deck_copy), "--language", "de-BE").exit_code == 0
    result = run("sheet", "export", "--content", str(deck_copy), "-o", str(tmp_path / "t.xlsx"), "--lang", "fr", "--lang", "de")
    assert result.exit_code == 0 and "fr: 2 to look at; de: 63 to look at" in result.output
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["texts"]
    assert header(sheet)[3:8] == ["nl (source)", "fr", "fr status", "de", "de status"]
    stale, missing = row_of(sheet, KEY), row_of(sheet, "rules.hashtags")
    assert stale[5].value == "stale" and stale[4].fill.fgColor.rgb.endswith("FCE8B2") and stale[4].value.startswith("Notre école")
    assert missing[5].value == "missing" and missing[4].value is None and missing[4].fill.fgColor.rgb.endswith("F4C7C3")
    assert stale[7].value == "untranslated" and stale[6].value is None  # '[untranslated] ...' is not shown as a text
    assert row_of(sheet, "deck.title")[4].fill.fgColor.rgb in (None, "00000000")


def test_an_edit_made_with_openpyxl_is_imported_and_printed(deck_copy, tmp_path):
    before = (deck_copy / "fr" / "texts.yaml").read_text(encoding="utf-8")
    sheet = export(deck_copy, tmp_path / "texts.xlsx")
    edit(sheet, {(KEY, "fr"): "Notre école a un **plan par étapes** tout neuf,\nsur www.sexting.be."})
    result = run("sheet", "import", str(sheet), "--content", str(deck_copy))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"fr: 1 text changed: {KEY}"
    after = (deck_copy / "fr" / "texts.yaml").read_text(encoding="utf-8")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed == ["    description: |-", "      Notre école a un **plan par étapes** tout neuf,", "      sur www.sexting.be."]
    assert "# no-break spaces and « guillemets »." in after and 'label: "#qualité"' in after  # comments and quotes kept
    status = run("translate", "status", "--content", str(deck_copy))
    assert status.exit_code == 0 and "fr: 63 texts from nl; 0 missing, 0 untranslated, 0 stale" in status.output
    out = tmp_path / "out"
    assert run("build", "--content", str(deck_copy), "--out", str(out), "--lang", "fr", "--strict").exit_code == 0
    text = " ".join(page_text(out / "fr" / "cards.pdf", i) for i in range(6))
    assert "Notre école a un plan par étapes tout neuf, sur www.sexting.be." in text


def test_a_text_too_long_for_its_card_is_refused_by_its_cell(deck_copy, tmp_path):
    before = snapshot(deck_copy)
    sheet = export(deck_copy, tmp_path / "texts.xlsx")
    where = edit(sheet, {(KEY, "fr"): "Beaucoup trop long pour une seule carte. " * 25, ("cards.stappenplan.title", "en"): "Step plan"})
    result = run("sheet", "import", str(sheet), "--content", str(deck_copy))
    assert result.exit_code == 1
    assert f"texts.xlsx:{where[(KEY, 'fr')]}: '{KEY}': edition 'fr', card 'stappenplan': the description does not fit even at 8 pt" in result.output
    assert result.output.rstrip().endswith("1 problem found; nothing was imported.")
    assert snapshot(deck_copy) == before


def test_a_text_changed_in_the_yaml_since_the_export_is_not_overwritten(deck_copy, tmp_path):
    sheet = export(deck_copy, tmp_path / "texts.xlsx")
    fr = deck_copy / "fr" / "texts.yaml"
    fr.write_text(fr.read_text(encoding="utf-8").replace("Notre école a un protocole", "Notre école a un beau protocole"), encoding="utf-8")
    where = edit(sheet, {(KEY, "fr"): "Un plan par étapes."})
    before = snapshot(deck_copy)
    result = run("sheet", "import", str(sheet), "--content", str(deck_copy))
    assert result.exit_code == 1
    assert f"texts.xlsx:{where[(KEY, 'fr')]}: '{KEY}': changed in the sheet and, since the sheet was exported, in fr/texts.yaml:" in result.output
    assert snapshot(deck_copy) == before


def test_an_edited_source_makes_translations_stale_and_a_cleared_status_confirms_them(deck_copy, tmp_path):
    sheet = export(deck_copy, tmp_path / "texts.xlsx")
    edit(sheet, {(KEY, "nl (source)"): "Onze school heeft een stappenplan voor incidenten."})
    result = run("sheet", "import", str(sheet), "--content", str(deck_copy))
    assert result.exit_code == 0 and result.output.strip() == f"nl: 1 text changed: {KEY}"
    status = run("translate", "status", "--content", str(deck_copy)).output
    assert "stale: " in status and KEY in status
    again = export(deck_copy, tmp_path / "again.xlsx")
    assert row_of(openpyxl.load_workbook(again)["texts"], KEY)[7].value == "stale"
    edit(again, {(KEY, "fr status"): None})  # the French reviewed and kept; the English left stale
    result = run("sheet", "import", str(again), "--content", str(deck_copy))
    assert result.exit_code == 0 and result.output.strip() == "fr: 0 texts changed; 1 recorded as reviewed"
    status = run("translate", "status", "--content", str(deck_copy)).output
    assert "fr: 63 texts from nl; 0 missing, 0 untranslated, 0 stale" in status and "en: 63 texts from nl; 0 missing, 0 untranslated, 1 stale" in status


def test_half_a_new_edition_is_imported_and_recorded(deck_copy, tmp_path):
    assert run("translate", "new", "de", "--content", str(deck_copy), "--language", "de-BE").exit_code == 0
    sheet = export(deck_copy, tmp_path / "de.xlsx", "--lang", "de")
    edit(sheet, {("cards.stappenplan.title", "de"): "Stufenplan", (KEY, "de"): "Unsere Schule hat einen Stufenplan."})
    result = run("sheet", "import", str(sheet), "--content", str(deck_copy))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"de: 2 texts changed: cards.stappenplan.title, {KEY}"
    status = run("translate", "status", "--content", str(deck_copy)).output
    assert "de: 63 texts from nl; 0 missing, 61 untranslated, 0 stale" in status
    import yaml

    texts = yaml.safe_load((deck_copy / "de" / "texts.yaml").read_text(encoding="utf-8"))
    assert texts["cards"]["stappenplan"] == {"title": "Stufenplan", "description": "Unsere Schule hat einen Stufenplan."}


def test_an_unchanged_sheet_changes_no_file(deck_copy, tmp_path):
    sheet = export(deck_copy, tmp_path / "texts.xlsx")
    before = snapshot(deck_copy)
    result = run("sheet", "import", str(sheet), "--content", str(deck_copy))
    assert result.exit_code == 0 and result.output.strip() == "no text changed"
    assert snapshot(deck_copy) == before


@pytest.mark.parametrize("fixture", ["texts-small-edited.ods", "texts-small-edited.csv"])
def test_a_sheet_saved_by_libreoffice_is_imported_and_printed(small_copy, tmp_path, fixture):
    result = run("sheet", "import", str(SHEETS / fixture), "--content", str(small_copy))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "nl: 1 text changed: rules.label"
    out = tmp_path / "out"
    assert run("build", "--content", str(small_copy), "--out", str(out)).exit_code == 0
    assert "#spelregels!" in page_text(out / "nl" / "cards.pdf", 0)


def test_a_csv_export_edited_in_a_dutch_excel_is_imported(small_copy, tmp_path):
    sheet = export(small_copy, tmp_path / "texts.csv")
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"), newline="")))
    for row in rows:
        if row[0] == "rules.label":
            row[3] = "#spelregels (€)"
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    sheet.write_bytes(out.getvalue().encode("cp1252"))  # Excel's 'CSV' in a Dutch Windows
    result = run("sheet", "import", str(sheet), "--content", str(small_copy))
    assert result.exit_code == 0 and result.output.strip() == "nl: 1 text changed: rules.label"
    assert 'label: "#spelregels (€)"' in (small_copy / "nl" / "texts.yaml").read_text(encoding="utf-8")


def test_a_cell_with_a_formula_error_is_named(small_copy):
    before = snapshot(small_copy)
    result = run("sheet", "import", str(SHEETS / "bad" / "texts-small-formula-error.xlsx"), "--content", str(small_copy))
    assert result.exit_code == 1
    assert "texts-small-formula-error.xlsx:D19: 'poster.title': the cell shows the formula error #DIV/0!" in result.output
    assert snapshot(small_copy) == before


def test_a_key_twice_another_deck_and_a_foreign_sheet_are_refused(small_copy, tmp_path):
    sheet = export(small_copy, tmp_path / "texts.xlsx")
    book = openpyxl.load_workbook(sheet)
    texts = book["texts"]
    texts.append([texts.cell(2, c).value for c in range(1, texts.max_column + 1)])
    book.save(tmp_path / "twice.xlsx")
    result = run("sheet", "import", str(tmp_path / "twice.xlsx"), "--content", str(small_copy))
    assert result.exit_code == 1 and f"twice.xlsx:A{texts.max_row}: 'deck.title': in the sheet twice (first in A2)" in result.output
    texts.cell(1, texts.max_column).value = "cardgen recycling-check"
    book.save(tmp_path / "other.xlsx")
    result = run("sheet", "import", str(tmp_path / "other.xlsx"), "--content", str(small_copy))
    assert result.exit_code == 1 and "other.xlsx:E1: a sheet of another deck ('recycling-check')" in result.output
    (tmp_path / "mine.csv").write_text("naam,tekst\nx,y\n", encoding="utf-8")
    result = run("sheet", "import", str(tmp_path / "mine.csv"), "--content", str(small_copy))
    assert result.exit_code == 1 and "mine.csv:A1: expected the header 'key' in row 1" in result.output
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really")
    result = run("sheet", "import", str(tmp_path / "broken.xlsx"), "--content", str(small_copy))
    assert result.exit_code == 1 and "broken.xlsx: not a spreadsheet that can be read" in result.output


def test_build_and_check_do_not_import_openpyxl(tmp_path):
    code = ("import json, sys\nfrom cardgen.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n"
            "    assert not e.code\nprint(json.dumps(sorted(sys.modules)))")  # fmt: skip
    env = dict(os.environ, CARDGEN_CACHE_DIR=str(tmp_path / "cache"))
    for args in (["check", "--content", str(SMALL)], ["build", "--content", str(SMALL), "--out", str(tmp_path / "out")], ["--help"]):
        result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        modules = set(json.loads(result.stdout.splitlines()[-1]))
        assert not {m for m in modules if m.startswith(("openpyxl", "cardgen.spreadsheet", "cardgen.newdeck"))}, args


def test_a_deck_without_translations_has_its_only_edition_in_the_sheet(tmp_path):
    deck = tmp_path / "recycling"
    shutil.copytree(Path(__file__).parent / "fixtures" / "decks" / "recycling", deck)
    sheet = export(deck, tmp_path / "texts.xlsx")
    assert header(openpyxl.load_workbook(sheet)["texts"])[:5] == ["key", "where it prints", "room", "en (source)", "cardgen recycling-check"]
    edit(sheet, {("cards.jars.description", "en (source)"): "Jars go to the canteen, **lids off**."})
    result = run("sheet", "import", str(sheet), "--content", str(deck))
    assert result.exit_code == 0 and result.output.strip() == "en: 1 text changed: cards.jars.description"
    out = tmp_path / "out"
    assert run("build", "--content", str(deck), "--out", str(out), "--flip", "short").exit_code == 0  # backs upright on the page: read in order
    assert "Jars go to the canteen, lids off." in " ".join(page_text(out / "en" / "cards.pdf", i) for i in range(2))


@pytest.mark.parametrize("name, content, message", [
    ("old.xls", b"\xd0\xcf\x11\xe0", "old.xls: an old Excel file (.xls); save it as .xlsx"),
    ("notes.docx", b"PK", "notes.docx: expected a spreadsheet saved as .xlsx, .ods or .csv"),
    ("binary.csv", b"key,a\x00b\n", "binary.csv: holds NUL characters"),
    ("utf16.csv", b"\xff\xfe" + "key\tx\n".encode("utf-16-le") + b"\x00\xd8", "utf16.csv: starts as UTF-16-LE"),
    ("broken.ods", b"PK\x05\x06" + b"\x00" * 18, "broken.ods: not an .ods spreadsheet that can be read"),
])  # fmt: skip
def test_a_file_that_is_no_sheet_is_refused_in_one_line(small_copy, tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    for args in (["sheet", "import", str(tmp_path / name), "--content", str(small_copy)], ["init", str(tmp_path / "new"), "--from", str(tmp_path / name)]):
        result = run(*args)
        assert result.exit_code == 1 and message in result.output, result.output
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_a_text_that_sets_the_deck_smaller_is_imported_with_a_warning_naming_its_cell(deck_copy, tmp_path):
    sheet = export(deck_copy, tmp_path / "texts.xlsx")
    where = edit(sheet, {(KEY, "fr"): "Notre école a un protocole qui décrit étape par étape comment réagir aux incidents. " * 4})
    result = run("sheet", "import", str(sheet), "--content", str(deck_copy))
    assert result.exit_code == 0, result.output
    assert f"texts.xlsx:{where[(KEY, 'fr')]}: '{KEY}': sets every description of the fr edition at" in result.output
    assert result.output.startswith("warning: ")
    assert f"fr: 1 text changed: {KEY}" in result.output
