"""Fonts per script: an edition is set in fonts that have its language's letters, chosen by its
language tag; the deck or the edition may name its own; a character no font of the edition has is
still refused, naming it and the card. Built and read back (tests/fixtures/decks/turkish,
ukrainian, and the small Dutch deck)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from cardgen.errors import ContentError
from pdfread import page_text
from patching import apply_patch

DECKS = Path(__file__).parent / "fixtures" / "decks"
PATCHES = Path(__file__).parent / "fixtures" / "scripts"


def embedded_fonts(pdf: Path) -> set[str]:
    """The base names of the fonts a PDF embeds, without their subset prefix."""
    names = set()
    for page in PdfReader(str(pdf)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            base = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(base.split("+")[-1])
    return names


def build_deck(folder: Path, out: Path) -> Path:
    from cardgen.build import build, prepare

    prepared = prepare(folder)
    build(prepared, out)
    return out / prepared.deck.editions[0].code


@pytest.fixture(scope="module")
def turkish(tmp_path_factory) -> Path:
    return build_deck(DECKS / "turkish", tmp_path_factory.mktemp("tr"))


@pytest.fixture(scope="module")
def ukrainian(tmp_path_factory) -> Path:
    return build_deck(DECKS / "ukrainian", tmp_path_factory.mktemp("uk"))


def test_turkish_is_set_in_noto_sans_because_atkinson_lacks_the_capital_dotted_i(turkish):
    assert embedded_fonts(turkish / "cards.pdf") == {"NotoSans-Bold", "NotoSans-Regular"}
    backs = page_text(turkish / "cards.pdf", 1)
    assert "İletişim kişisi" in backs
    assert "Güvenli seksting" in backs and "ciddiyetini değerlendirmek" in backs  # ğ, ı
    assert "Geliştirilecek yönler" in page_text(turkish / "poster.pdf", 0)


def test_ukrainian_is_set_in_noto_sans_and_reads_back(ukrainian):
    assert embedded_fonts(ukrainian / "print-pack.pdf") <= {"NotoSans-Bold", "NotoSans-Regular", "NotoSans-Italic", "NotoSans-BoldItalic"}
    backs = page_text(ukrainian / "cards.pdf", 1)
    assert "Контактна особа" in backs and "ґрунтовно" in backs and "їхні" in backs
    assert "Секстингскринер" in page_text(ukrainian / "poster.pdf", 0)


def test_a_dutch_edition_keeps_the_decks_own_fonts(tmp_path):
    folder = build_deck(DECKS / "small", tmp_path)
    assert embedded_fonts(folder / "cards.pdf") == {"AtkinsonHyperlegible-Bold", "AtkinsonHyperlegible-Regular"}


def test_an_edition_may_name_its_own_fonts(small_copy, tmp_path):
    texts = small_copy / "nl" / "texts.yaml"
    texts.write_text(
        texts.read_text(encoding="utf-8").replace(
            "language: nl-BE\n", "language: nl-BE\nfonts:\n  regular: fonts/NotoSans-Regular.ttf\n  bold: fonts/NotoSans-Bold.ttf\n"
        ),
        encoding="utf-8",
    )
    folder = build_deck(small_copy, tmp_path)
    assert embedded_fonts(folder / "cards.pdf") == {"NotoSans-Bold", "NotoSans-Regular"}


def test_a_deck_may_name_the_fonts_of_a_script(tmp_path):
    deck = tmp_path / "deck"
    shutil.copytree(DECKS / "ukrainian", deck)
    with open(deck / "layout.yaml", "a", encoding="utf-8") as layout:
        layout.write("\nfonts_by_script:\n  cyrillic: {regular: fonts/NotoSans-Italic.ttf, bold: fonts/NotoSans-BoldItalic.ttf}\n")
    folder = build_deck(deck, tmp_path / "out")
    assert embedded_fonts(folder / "cards.pdf") == {"NotoSans-BoldItalic", "NotoSans-Italic"}


def test_translate_new_and_status_leave_an_editions_fonts_alone(small_copy):
    from cardgen.errors import Problems
    from cardgen.translate.status import new_edition, texts_of

    texts = small_copy / "nl" / "texts.yaml"
    texts.write_text(
        texts.read_text(encoding="utf-8").replace("language: nl-BE\n", "language: nl-BE\nfonts:\n  regular: Helvetica\n  bold: Helvetica-Bold\n"),
        encoding="utf-8",
    )
    found = texts_of(texts, Problems())
    assert found and not any(key.startswith("fonts") for key in found)  # settings, not texts to translate
    started = new_edition(small_copy, "de", "nl", "de-BE").read_text(encoding="utf-8")
    assert "Helvetica" not in started  # the source's fonts are for its script, not the new edition's


# --- mistakes ---------------------------------------------------------------------------------


def problems_after(patch: str, tmp_path: Path, deck: str = "ukrainian"):
    from cardgen.build import prepare

    folder = tmp_path / "deck"
    shutil.copytree(DECKS / deck, folder)
    (folder / "broken.ttf").write_bytes(b"not a font at all, " * 40)
    (folder / "layout.yaml").write_text("# cardgen's defaults, and what a patch adds\n", encoding="utf-8")
    target, line = apply_patch(folder, PATCHES / f"{patch}.patch")
    with pytest.raises(ContentError) as caught:
        prepare(folder)
    return caught.value.problems, target, line


@pytest.mark.parametrize(
    "patch, key, fragments, offset",
    [
        ("unknown_script", "fonts_by_script.klingon", ["expected a script", "latin, cyrillic, greek, arabic, hebrew", "'klingon'"], 1),
        ("script_font_not_truetype", "fonts_by_script.cyrillic.regular", ["expected a TrueType file", "NotoSans-Regular.otf"], 1),
        ("script_font_missing_file", "fonts_by_script.greek.regular", ["GreekSans-Regular.ttf", "not found"], 1),
        ("edition_fonts_without_bold", "fonts.bold", ["'fonts.bold' is missing"], 1),
        ("edition_font_damaged", "fonts.regular", ["'broken.ttf'", "not a usable TrueType font"], 1),
    ],
)
def test_a_font_mistake_names_file_line_and_key(patch, key, fragments, offset, tmp_path):
    problems, target, line = problems_after(patch, tmp_path)
    (problem,) = problems
    assert problem.key == key
    assert Path(problem.path) == target and problem.line in (line, line + offset)
    for fragment in fragments:
        assert fragment in problem.message
    assert str(problem).startswith(f"{target}:{problem.line}: ")


def test_a_character_no_font_of_the_edition_has_is_refused_naming_it_and_the_card(tmp_path):
    problems, target, line = problems_after("edition_text_beyond_its_fonts", tmp_path)
    (problem,) = problems
    assert problem.key == "cards.stappenplan.title" and problem.line == line
    assert "card 'stappenplan'" in problem.message
    assert "'✓' (U+2713 CHECK MARK) is not in the font NotoSans-Bold.ttf" in problem.message


def test_a_language_cardgen_does_not_know_keeps_the_decks_fonts_and_is_checked_by_them(tmp_path):
    """Armenian (hy) is not in cardgen/scripts.py: taken as Latin, its (Cyrillic) texts are checked
    against Atkinson Hyperlegible and refused: one problem a text and font, naming its characters."""
    problems, _, _ = problems_after("unlisted_language_keeps_the_decks_fonts", tmp_path)
    assert problems and all(" not in the font AtkinsonHyperlegible" in p.message for p in problems)
    several = [p.message for p in problems if "characters, " in p.message]
    assert several and all("CYRILLIC" in m and ("more, are not" in m or m.count("U+") <= 5) for m in several), several[:2]


# --- languages and scripts --------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag, script, rtl",
    [("ar", "arabic", True), ("ar-MA", "arabic", True), ("fa", "arabic", True), ("he-IL", "hebrew", True),
     ("uk", "cyrillic", False), ("sr-Latn", "latin", False), ("az-Arab", "arabic", True), ("el", "greek", False),
     ("tr-TR", "latin", False), ("xx", "latin", False)],
)  # fmt: skip
def test_a_language_tag_gives_its_script_and_direction(tag, script, rtl):
    from cardgen.scripts import is_right_to_left, language_of

    assert language_of(tag).script == script
    assert is_right_to_left(tag) is rtl


def test_the_shipped_fonts_have_every_letter_their_scripts_need():
    from fontTools.ttLib import TTFont

    from cardgen.scripts import LANGUAGES

    fonts = Path(__file__).resolve().parents[1] / "assets" / "fonts"
    by_script = {"latin": "NotoSans", "cyrillic": "NotoSans", "greek": "NotoSans", "arabic": "NotoSansArabicLatin",
                 "hebrew": "NotoSansHebrewLatin"}  # fmt: skip
    for script, family in by_script.items():
        for path in fonts.glob(f"{family}-*.ttf"):
            cmap = TTFont(str(path)).getBestCmap()
            for code, language in LANGUAGES.items():
                if language.script == script:
                    missing = [c for c in language.letters if ord(c) not in cmap]
                    assert not missing, (path.name, code, missing)
            assert all(ord(c) in cmap for c in "www.sexting.be 0123456789"), path.name


def test_the_noto_files_stay_small():
    fonts = Path(__file__).resolve().parents[1] / "assets" / "fonts"
    sizes = {path.name: path.stat().st_size for path in fonts.glob("Noto*.ttf")}
    assert len(sizes) == 8 and max(sizes.values()) < 200_000 and sum(sizes.values()) < 1_150_000


def test_a_script_that_must_be_shaped_from_left_to_right_is_refused_not_printed_unjoined(tmp_path):
    """Devanagari's letters join and reorder (conjuncts, vowel signs before their consonant): cardgen
    shapes right-to-left editions only, so such a text is refused with its key, never printed wrong."""
    problems, target, line = problems_after("devanagari_cannot_be_shaped_left_to_right", tmp_path)
    (problem,) = [p for p in problems if "DEVANAGARI" in p.message]
    assert problem.path == target and problem.line == line and problem.key == "cards.aanspreekpersoon.title"
    assert "'स' (U+0938 DEVANAGARI LETTER SA) is written in the Indic" in problem.message
    assert "cardgen cannot shape it from left to right yet" in problem.message
