"""cardgen init: a new deck folder that builds at once, an example or the cards of a spreadsheet,
built and read back from its PDF; bad sheets named by their cell."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.newdeck.ids import slug, unique_ids
from pdfread import page_text

SHEETS = Path(__file__).parent / "fixtures" / "sheets"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def pack_text(out: Path, code: str) -> str:
    import pypdfium2 as pdfium

    pdf = out / code / "print-pack.pdf"
    return " ".join(page_text(pdf, i) for i in range(len(pdfium.PdfDocument(str(pdf)))))


def build(deck: Path, out: Path, *more: str) -> None:
    result = run("build", "--content", str(deck), "--out", str(out), "--strict", *more)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("language, code, title, words", [
    ("en", "en", "Contact person", "We have one contact person everyone knows"),
    ("nl-BE", "nl", "Aanspreekpersoon", "We hebben één aanspreekpersoon"),
    ("fr-BE", "fr", "Personne de contact", "Nous avons une personne de contact"),
    ("de", "de", "Ansprechperson", "Wir haben eine Ansprechperson"),
])  # fmt: skip
def test_the_example_deck_builds_at_once_in_each_language(tmp_path, language, code, title, words):
    deck = tmp_path / "our-deck"
    result = run("init", str(deck), "--language", language)
    assert result.exit_code == 0, result.output
    assert "3 categor" not in result.output and result.output.count("category ") == 3
    build(deck, tmp_path / "out", "--tile", "A4")
    text = pack_text(tmp_path / "out", code)
    assert title in text and words in text
    assert "Our deck" in text  # the title, from the folder's name
    deck_yaml = (deck / "deck.yaml").read_text(encoding="utf-8")
    assert "CHANGE FIRST" in deck_yaml and deck_yaml.count("  - id: ") == 3
    assert "Change first" in (deck / "README.md").read_text(encoding="utf-8")
    assert run("calibrate", "--content", str(deck), "--out", str(tmp_path / "cal")).exit_code == 0


def test_the_example_shows_the_markup_and_its_links_are_clickable(tmp_path):
    from pypdf import PdfReader

    deck = tmp_path / "deck"
    assert run("init", str(deck)).exit_code == 0
    texts = (deck / "en" / "texts.yaml").read_text(encoding="utf-8")
    assert "**one**" in texts and "*shared*" in texts and "www.example.org" in texts and "|-" in texts
    build(deck, tmp_path / "out")
    text = pack_text(tmp_path / "out", "en")
    assert "*" not in text and "1. Listen and stay calm. 2. Note what happened." in text
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(tmp_path / "out" / "en" / "cards.pdf").pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert "mailto:info@example.org" in uris and any(uri.startswith("http") and "example.org" in uri for uri in uris)


def test_init_refuses_a_folder_that_is_not_empty_and_touches_nothing(tmp_path):
    deck = tmp_path / "deck"
    deck.mkdir()
    (deck / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", str(deck))
    assert result.exit_code == 1 and "exists and is not empty" in result.output
    assert [p.name for p in deck.iterdir()] == ["notes.txt"]
    result = run("init", str(deck / "notes.txt"))
    assert result.exit_code == 2 and "is a file" in result.output


def test_an_empty_folder_is_used(tmp_path):
    deck = tmp_path / "deck"
    deck.mkdir()
    assert run("init", str(deck)).exit_code == 0
    assert (deck / "deck.yaml").is_file() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_deck_from_a_sheet_not_in_the_repository_builds_and_prints_its_texts(tmp_path):
    sheet = tmp_path / "Recycling check.xlsx"
    book = openpyxl.Workbook()
    rows = [("Category", "Title", "Description"), ("Paper", "Boxes", "Boxes are **flattened** every week."),
            ("Glass", "Bottles", "Rinsed and returned, never in the general waste."),
            ("Paper", "Newspapers", "They go to the paper bin in *every* classroom."),
            ("Metal", "Cans", "Cans go in the blue bag.\nEvery Friday."),
            ("Glass", "Jars", "Collected in the canteen: see www.example.org/glass.")]  # fmt: skip
    for row in rows:
        book.active.append(row)
    book.save(sheet)
    deck = tmp_path / "recycling"
    result = run("init", str(deck), "--from", str(sheet))
    assert result.exit_code == 0, result.output
    assert "in en (en/texts.yaml)" in result.output
    for line in ("category paper ('Paper'): 2 cards", "category glass ('Glass'): 2 cards", "category metal ('Metal'): 1 card,", "5 cards"):
        assert line in result.output
    deck_yaml = (deck / "deck.yaml").read_text(encoding="utf-8")
    colours = [line.split('"')[1] for line in deck_yaml.splitlines() if "colour:" in line and line.startswith("    colour")]
    icons = [line.split()[-1] for line in deck_yaml.splitlines() if line.startswith("    icon:")]
    assert len(set(colours[:3])) == 3 and len(set(icons)) == 3
    assert "{id: boxes, category: paper}" in deck_yaml and "{id: cans, category: metal}" in deck_yaml
    build(deck, tmp_path / "out")
    text = pack_text(tmp_path / "out", "en")
    for words in ("Recycling check", "Boxes are flattened every week.", "Newspapers", "Cans go in the blue bag.", "Every Friday.",
                  "Paper", "Glass", "Metal"):  # fmt: skip
        assert words in text


@pytest.mark.parametrize("fixture", ["cards-nl-libreoffice.xlsx", "cards-nl.ods", "cards-nl-semicolon-utf8.csv", "cards-nl-semicolon-cp1252.csv"])
def test_sheets_saved_by_libreoffice_give_the_same_deck(tmp_path, fixture):
    deck = tmp_path / "deck"
    result = run("init", str(deck), "--from", str(SHEETS / fixture), "--title", "Ons spel")
    assert result.exit_code == 0, result.output
    assert "in nl (nl/texts.yaml)" in result.output  # the header is Dutch
    texts = (deck / "nl" / "texts.yaml").read_text(encoding="utf-8")
    assert "title: Eén plan" in texts and "We hebben **één** plan, op www.example.org." in texts
    assert "  een-plan:" in texts and "  een-plan-2:" in texts and "  card-2024:" in texts
    assert "|-\n      De aanspreekpersoon.\n      Daarna de directie." in texts
    reference = tmp_path / "reference"
    run("init", str(reference), "--from", str(SHEETS / "cards-nl-libreoffice.xlsx"), "--title", "Ons spel")
    assert texts == (reference / "nl" / "texts.yaml").read_text(encoding="utf-8")
    assert (deck / "deck.yaml").read_text(encoding="utf-8").replace("deck: deck", "") == \
        (reference / "deck.yaml").read_text(encoding="utf-8").replace("deck: reference", "")


def test_a_deck_from_an_ods_sheet_builds(tmp_path):
    deck = tmp_path / "deck"
    assert run("init", str(deck), "--from", str(SHEETS / "cards-nl.ods")).exit_code == 0
    build(deck, tmp_path / "out")
    text = pack_text(tmp_path / "out", "nl")
    assert "We hebben één plan" in text and "Wie belt wie?" in text and "#spelregels" in text


@pytest.mark.parametrize("fixture, message", [
    ("no-header.xlsx", "no-header.xlsx:A1: no header row found in the first 20 rows"),
    ("category-column-missing.xlsx", "category-column-missing.xlsx:C1: 'category': no column for the category in the header (row 1: 'Titel', 'Beschrijving')"),
    ("empty-title.xlsx", "empty-title.xlsx:B3: 'title': the card in row 3 has no title"),
    ("empty-title.csv", "empty-title.csv:B3: 'title': the card in row 3 has no title"),
    ("formula-error.xlsx", "formula-error.xlsx:C2: 'description': the cell shows the formula error #DIV/0!"),
    ("formula-error.ods", "formula-error.ods:C2: 'description': the cell shows the formula error #DIV/0!"),
    ("no-cards.xlsx", "no-cards.xlsx:A2: no cards below the header in row 1"),
    ("empty-category.csv", "empty-category.csv:A3: 'category': the card in row 3 has no category (it has title 'Ohne Kategorie'"),
])  # fmt: skip
def test_a_bad_sheet_is_named_by_its_cell_and_nothing_is_written(tmp_path, fixture, message):
    deck = tmp_path / "deck"
    result = run("init", str(deck), "--from", str(SHEETS / "bad" / fixture))
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert not deck.exists()


def test_columns_given_by_letter_when_the_header_is_unknown(tmp_path):
    sheet = tmp_path / "lijst.csv"
    sheet.write_text("Wat;Groep;Uitleg\nEen;A;De eerste.\nTwee;B;De tweede.\n", encoding="utf-8")
    deck = tmp_path / "deck"
    result = run("init", str(deck), "--from", str(sheet))
    assert result.exit_code == 1 and "--title-column" in result.output
    result = run("init", str(deck), "--from", str(sheet), "--title-column", "A", "--category-column", "Groep",
                 "--description-column", "C", "--language", "nl-BE")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "{id: een, category: a}" in (deck / "deck.yaml").read_text(encoding="utf-8")
    assert "language: nl-BE" in (deck / "nl" / "texts.yaml").read_text(encoding="utf-8")


def test_a_csv_from_excel_on_windows_is_read(tmp_path):
    sheet = tmp_path / "kaarten.csv"
    sheet.write_bytes("Catégorie;Titre;Description\r\nAgir;Écouter;« Écouter » d’abord.\r\n".encode("cp1252"))
    deck = tmp_path / "deck"
    result = run("init", str(deck), "--from", str(sheet))
    assert result.exit_code == 0, result.output
    texts = (deck / "fr" / "texts.yaml").read_text(encoding="utf-8")
    assert "title: Écouter" in texts and "« Écouter » d’abord." in texts


def test_a_csv_with_a_byte_order_mark_and_crlf_is_read(tmp_path):
    sheet = tmp_path / "cards.csv"
    sheet.write_bytes("\ufeffCategory,Title,Description\r\nA,One,\"First, with a comma.\"\r\n".encode("utf-8"))
    deck = tmp_path / "deck"
    result = run("init", str(deck), "--from", str(sheet))
    assert result.exit_code == 0, result.output
    assert "description: First, with a comma." in (deck / "en" / "texts.yaml").read_text(encoding="utf-8")


def test_the_header_may_stand_below_a_title_and_other_columns_are_left_alone(tmp_path):
    sheet = tmp_path / "cards.csv"
    sheet.write_text("Our new game,,,\n,,,\nNotes,Title,Category,Text\ncheck,One,A,The first.\nonly a note,,,\n,Two,B,The second.\n",
                     encoding="utf-8")  # fmt: skip
    result = run("init", str(tmp_path / "deck"), "--from", str(sheet))
    assert result.exit_code == 0, result.output
    assert "header in row 3" in result.output and "2 cards;" in result.output


def test_more_categories_than_icons_are_told(tmp_path):
    sheet = tmp_path / "cards.csv"
    sheet.write_text("category,title,description\n" + "".join(f"C{i},T{i},D{i}.\n" for i in range(6)), encoding="utf-8")
    deck = tmp_path / "deck"
    result = run("init", str(deck), "--from", str(sheet))
    assert result.exit_code == 0, result.output
    assert "some categories share an icon" in result.output
    deck_yaml = (deck / "deck.yaml").read_text(encoding="utf-8")
    assert "\nrules_icon:" not in deck_yaml  # the scissors went to a category
    categories = deck_yaml.split("\ncategories:")[1].split("\ncards:")[0]
    assert len({line for line in categories.splitlines() if "colour:" in line}) == 6
    assert "only 3 colours stay apart as greys" in result.output
    built = run("build", "--content", str(deck), "--out", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    assert "print as greys only" in built.output  # as the note said: check and build warn


def test_a_language_without_templates_gets_english_texts_and_a_note(tmp_path):
    result = run("init", str(tmp_path / "deck"), "--language", "es")
    assert result.exit_code == 0 and "no example texts in 'es'" in result.output
    assert "language: es" in (tmp_path / "deck" / "es" / "texts.yaml").read_text(encoding="utf-8")
    assert run("init", str(tmp_path / "other"), "--language", "not a tag").exit_code == 1


def test_the_first_three_colours_carry_readable_text_and_print_as_different_greys():
    """White or the default dark text ('auto') reads on every colour; the first three and the rules
    card's light slate print as greys at least 15 apart in L*."""
    from cardgen.newdeck.make import PALETTE

    def luminance(colour):
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a, b):
        light, dark = sorted((luminance(a), luminance(b)), reverse=True)
        return (light + 0.05) / (dark + 0.05)

    assert all(max(contrast(c, "#FFFFFF"), contrast(c, "#222222")) >= 4.5 for c in PALETTE)
    greys = sorted(116 * luminance(c) ** (1 / 3) - 16 for c in (*PALETTE[:3], "#CDD2DA"))
    assert all(b - a >= 15 for a, b in zip(greys, greys[1:])), greys


def test_ids_are_ascii_stable_and_unique():
    assert slug("Één keer per jaar!") == "een-keer-per-jaar"
    assert slug("Straße & Œuvre") == "strasse-oeuvre"
    assert unique_ids(["Plan", "Plan", "plan!", "2024", "no", "Привет", ""], "card") == [
        "plan", "plan-2", "plan-3", "card-2024", "card-no", "card-6", "card-7"]  # fmt: skip
    assert len(slug("a very long title " * 10)) <= 40
