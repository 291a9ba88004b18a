"""Bad input gets a clear message: file, line, key, what was expected; exit 1; no traceback.

Each case is a small patch, tests/fixtures/bad/<which>/<mistake>.patch (format: tests/patching.py),
that makes exactly one mistake, named by its file name, in a copy of the frozen test deck
tests/fixtures/decks/frozen/ (deck.yaml, layout.yaml and the Dutch edition, as content/ stood when
it was frozen). <which> is the file the mistake is in: deck, layout or texts (nl/texts.yaml).
The shipped content/ can change freely; the frozen deck does not, so that the line numbers below,
the lines of the mistakes in the patched frozen deck (for a text that does not fit, the line of
that text's key), stay true.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from conftest import FROZEN
from patching import apply_patch

BAD = Path(__file__).parent / "fixtures" / "bad"
TARGETS = {"deck": Path("deck.yaml"), "layout": Path("layout.yaml"), "texts": Path("nl") / "texts.yaml"}
DECK_FOLDER = "deck"  # the name of the copied deck folder inside tmp_path


def case(fixture: str, line: int, fragments: list[str], count: int | None = 1, marks=(), suffix: str = ""):
    name = f"{fixture}-{suffix}" if suffix else fixture
    return pytest.param(fixture, line, fragments, count, id=name, marks=marks)


# (fixture, line of the mistake, fragments that must all appear in that line's message,
#  number of problems reported - None: not checked by this row)
CASES = [
    # --- deck.yaml -----------------------------------------------------------------------------
    case("deck/yaml_bad_indentation", 20, ["YAML syntax", "indentation"]),
    case("deck/yaml_unclosed_flow_mapping", 33, ["YAML syntax", "a '{' that is never closed"]),
    case("deck/duplicate_key", 7, ["duplicate key 'author'", "remove or rename one", "first given on line 6"]),
    case("deck/missing_required_key", 5, ["'deck' is missing", "add the key 'deck:'"]),
    case("deck/unknown_key_typo", 8, ["unknown key 'rules-card'", "expected one of:", "rules_card"]),
    case("deck/duplicate_card_id", 28, ["'cards[2].id'", "duplicate card id 'aanspreekpersoon'", "first on line 27"]),
    case("deck/duplicate_category_id", 24, ["'categories[4].id'", "duplicate category id 'preventie'"]),
    case(
        "deck/unknown_category", 37,
        ["'cards[10].category'", "unknown category 'preventi'", "expected one of: kwaliteit, preventie, reactie"],
    ),
    case("deck/bad_card_id", 29, ["'cards[3].id'", "expected an id of letters, digits", "'visie op sexting'"]),
    case("deck/card_is_not_a_mapping", 45, ["'cards[17]'", "expected a mapping such as 'id: ...'", "'stappenplan'"]),
    case("deck/bad_deck_id", 5, ["'deck'", "expected an id of letters, digits", "'Sexting Screener'"]),
    case("deck/site_without_https", 7, ["'site'", "https://", "'www.sexting.be'"]),
    case("deck/rules_card_maybe", 8, ["'rules_card'", "expected one of first, last, none", "'maybe'"]),
    case("deck/bad_colour_five_digits", 17, ["'categories[1].colour'", "expected a colour as '#RRGGBB'", "'#12345'"]),
    case("deck/bad_colour_name", 62, ["'emoticons.work.colour'", "expected a colour as '#RRGGBB'", "'purple'"]),
    case("deck/colour_unquoted_hash", 59, ["'emoticons.strengths.colour'", "'#RRGGBB'", "in quotes"]),
    case(
        "deck/missing_emoticon_svg", 58,
        ["'emoticons.strengths.svg'", "file 'emoticons/green.svg' not found in the deck folder", "check the name"],
    ),
    case(
        "deck/asset_path_escapes_deck", 61,
        ["'emoticons.work.svg'", "expected a path inside the deck folder", "'../../etc/passwd'", "'..' are not allowed"],
    ),
    case(
        "deck/asset_absolute_path", 58,
        ["'emoticons.strengths.svg'", "expected a path inside the deck folder", "'/etc/passwd'", "absolute paths"],
    ),
    case("deck/emoticon_not_an_svg", 61, ["'emoticons.work.svg'", "expected an SVG drawing"]),
    # --- layout.yaml ---------------------------------------------------------------------------
    case("layout/yaml_tab_indentation", 6, ["YAML syntax", "a tab character: indent with spaces"]),
    case("layout/duplicate_key", 23, ["duplicate key 'margin'", "first given on line 22"]),
    case("layout/unknown_key_typo", 5, ["unknown key 'card.widht'", "expected one of:", "width"]),
    case("layout/bad_length_unit", 5, ["'card.width'", "expected a length with a unit such as '63mm'", "found 63"]),
    case("layout/bad_length_trailing_x", 6, ["'card.height'", "expected a length with a unit", "'88 mm x'"]),
    case("layout/bad_length_comma_decimal", 7, ["'card.padding'", "expected a length with a unit", "'5,5mm'"]),
    case("layout/negative_margin", 22, ["'sheet.margin'", "expected a length of zero or more", "'-5mm'"]),
    case("layout/bad_paper", 21, ["'sheet.paper'", "expected a paper name (A5, A4", "'A6'"]),
    case("layout/bad_colour", 29, ["'sheet.cut_marks.colour'", "expected a colour as '#RRGGBB'", "'black'"]),
    case(
        "layout/bad_style_colour", 17,
        ["'card.styles.description.colour'", "expected a colour as '#RRGGBB'", "'#33333'", "the word category"],
    ),
    case("layout/font_file_missing", 33, ["'fonts.bold'", "file 'fonts/AtkinsonHyperlegible-Heavy.ttf' not found"]),
    case("layout/unknown_font", 33, ["'fonts.bold'", "one of the standard fonts (Helvetica,", "'Arial-Bold'"]),
    case("layout/unknown_font_role", 15, ["'card.styles.front_deck.font'", "expected one of regular, bold, italic", "'black'"]),
    case("layout/style_not_a_mapping", 18, ["'card.styles.number'", "expected a mapping of keys below it", "'7.5pt'"]),
    case("layout/leading_not_a_number", 45, ["'poster.styles.footer.leading'", "expected a positive number", "'130%'"]),
    case("layout/min_size_above_size", 17, ["'card.styles.description.min_size'", "expected at most the size (11 pt)", "12 pt"]),
    case("layout/fit_bad_choice", 10, ["'card.fit'", "expected one of deck, card", "'page'"]),
    case("layout/flip_sideways", 24, ["'sheet.flip'", "expected one of long, short", "'sideways'"]),
    case("layout/orientation_sideways", 39, ["'poster.orientation'", "expected one of landscape, portrait", "'sideways'"]),
    case("layout/padding_too_large", 7, ["'card.padding'", "leaves 13.0 mm for text", "use a smaller padding"]),
    case("layout/poster_margin_too_large", 40, ["'poster.margin'", "less than 100 mm", "use a smaller margin"]),
    case(
        "layout/card_too_big_for_paper", 5, ["'card.width'", "does not fit on 210 x 297 mm paper"],
    ),
    # --- nl/texts.yaml -------------------------------------------------------------------------
    case("texts/yaml_bad_indentation", 40, ["YAML syntax", "indentation"]),
    case("texts/yaml_colon_in_unquoted_text", 16, ["YAML syntax", "quotes"]),
    case("texts/yaml_unclosed_bracket", 46, ["YAML syntax", "a '[' that is never closed"]),
    case("texts/yaml_text_line_not_indented", 41, ["YAML syntax", "indented less than its key"]),
    case("texts/yaml_missing_colon", 33, ["YAML syntax", "or the key on line 32 lacks its ':'"]),
    case("texts/saved_as_windows_1252", 16, ["not UTF-8", "save the file with the UTF-8 encoding"]),
    case(
        "texts/character_not_in_font", 39,
        ["'cards.bijscholingen.title'", "card 'bijscholingen'", "'✓' (U+2713 CHECK MARK) is not in the font AtkinsonHyperlegible-Bold.ttf"],
    ),
    case("texts/duplicate_key", 69, ["duplicate key 'title'", "first given on line 68"]),
    case("texts/missing_card_description", 39, ["'cards.bijscholingen.description' is missing", "add the key 'description:'"]),
    case(
        "texts/unknown_key_titel", 39,
        ["unknown key 'cards.bijscholingen.titel'", "expected one of: description, title"], count=2,
    ),
    case("texts/title_is_a_list", 46, ["'cards.visie-op-sexting.title'", "expected text, found a list"]),
    case(
        "texts/title_is_a_number", 53,
        ["'cards.beleid-rond-sexting.title'", "expected text, found the number 2024", "put it in quotes"],
    ),
    case("texts/empty_card_title", 61, ["'cards.rol-van-leerkrachten.title'", "expected text, found an empty value"]),
    case("texts/category_label_unquoted_hash", 12, ["'categories.kwaliteit.label'", "quotes"]),
    case(
        "texts/card_text_not_a_mapping", 102,
        ["'cards.leerlingen-vormen'", "expected a mapping of keys below it", "'Leerlingen vormen'"],
    ),
    case(
        "texts/card_not_in_structure", 195,
        ["'cards.extra-kaart'", "no card with the id 'extra-kaart' in deck.yaml", "add the card to deck.yaml"],
    ),
    case(
        "texts/missing_card_text", 31,
        ["'cards.media-ouders-externen' is missing", "deck.yaml has the card", "add 'media-ouders-externen:' under 'cards:'"],
    ),
    case(
        "texts/missing_category_text", 11,
        ["'categories.preventie' is missing", "deck.yaml has the category", "add 'preventie:' under 'categories:'"],
    ),
    case("texts/missing_rules_section", 4, ["'rules' is missing", "add the section 'rules:'"]),
    case("texts/bad_language_tag", 4, ["'language'", "expected a language tag such as 'nl-BE'", "'nl_BE'"]),
    case(
        "texts/description_too_long", 164,
        ["card 'hulp-bieden'", "the description does not fit even at 8 pt", "shorten the text"],
    ),
    case(
        "texts/description_word_too_wide", 130,
        [
            "card 'weerbaarheid'",
            "the description does not fit",
            "the word 'www.grensoverschrijdendgedragweerbaarheid.be.'",
            "wider than the 52.4 mm box",
        ],
    ),
    case(
        "texts/title_word_too_wide", 109,
        [
            "card 'peer-to-peer'",
            "the title does not fit across the card",
            "the word 'Peertopeerondersteuningsprogrammavoorleerlingen' is too wide",
        ],
    ),
    case(
        "texts/deck_title_word_too_wide", 7, ["'deck.title'", "wider than the card", "shorten 'deck.title'"], count=None,
    ),
    case(
        "texts/deck_title_word_too_wide", 7, ["'deck.title'"], suffix="reported_once",
    ),
    case(
        "texts/category_label_word_too_wide", 18,
        ["'categories.reactie.label'", "'#reactieopincidentenenproblematischesexting'", "too wide"],
    ),
    case(
        "texts/poster_title_too_long", 196,
        ["'poster.title'", "does not fit even at 24 pt", "shorten it or lower poster.styles.title.min_size"],
    ),
    case(
        "texts/poster_label_too_long", 197,
        ["'poster.strengths'", "does not fit even at 16 pt", "shorten it or lower poster.styles.label.min_size"],
    ),
    case("texts/poster_subject_too_long", 8, ["'deck.subject'", "wider than the poster", "shorten it"]),
]


# --- helpers -----------------------------------------------------------------------------------


def combined(result) -> str:
    """stdout and stderr together, whichever click version runs the test (8.2+ mixes them in output)."""
    output = result.output
    try:
        errors = result.stderr
    except ValueError:  # click < 8.2 with mix_stderr: stderr is already in output
        errors = ""
    if errors and errors not in output:
        output += errors
    return output


def assert_clean_failure(result) -> str:
    """Exit code 1 from a user error: click's own exit, not an exception caught by CliRunner."""
    output = combined(result)
    assert "Traceback" not in output, output
    assert isinstance(result.exception, SystemExit), f"crashed with {result.exception!r}:\n{output}"
    assert result.exit_code == 1, output
    return output


def where(fixture: str, line: int) -> str:
    """'deck/nl/texts.yaml:41: ' - the end of the path as printed (absolute: tmp_path is not below cwd)."""
    which = fixture.split("/")[0]
    return f"{Path(DECK_FOLDER) / TARGETS[which]}:{line}: "


def message_lines(output: str, fixture: str, line: int) -> list[str]:
    """The output lines that report a problem at the fixture's file and this line."""
    place = where(fixture, line)
    return [text for text in output.splitlines() if text.startswith(place) or f"{os.sep}{place}" in text]


def problems_found(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''} found; nothing was built."


@pytest.fixture
def bad_deck(tmp_path):
    """bad_deck('texts/missing_card_description', ...) -> a copy of the frozen deck with those patches."""

    def make(*fixtures: str) -> Path:
        deck = tmp_path / DECK_FOLDER
        if not deck.exists():
            shutil.copytree(FROZEN, deck)
        for fixture in fixtures:
            which, name = fixture.split("/")
            target, _ = apply_patch(deck, BAD / which / f"{name}.patch")
            assert target == deck / TARGETS[which], fixture
        return deck

    return make


def check(deck: Path):
    return CliRunner().invoke(main, ["check", "--content", str(deck)])


# --- tests -------------------------------------------------------------------------------------


def test_the_good_deck_copy_passes(bad_deck):
    """The frozen deck itself is fine: every failure below comes from the one patch."""
    result = check(bad_deck())
    assert result.exit_code == 0, combined(result)
    assert "All good" in combined(result)


def test_every_fixture_is_in_the_table_and_changes_its_file(bad_deck):
    listed = {values[0] for values in (c.values for c in CASES)}
    on_disk = {f"{p.parent.name}/{p.stem}" for p in BAD.glob("*/*")}
    assert on_disk == listed
    for fixture in sorted(on_disk):
        which = fixture.split("/")[0]
        deck = bad_deck(fixture)
        assert (deck / TARGETS[which]).read_bytes() != (FROZEN / TARGETS[which]).read_bytes(), fixture
        shutil.rmtree(deck)


@pytest.mark.parametrize(("fixture", "line", "fragments", "count"), CASES)
def test_bad_input_is_reported_with_file_line_and_key(bad_deck, fixture, line, fragments, count):
    result = check(bad_deck(fixture))
    output = assert_clean_failure(result)
    found = message_lines(output, fixture, line)
    assert found, f"no problem reported at {where(fixture, line)!r}:\n{output}"
    assert any(all(fragment in text for fragment in fragments) for text in found), (
        f"expected {fragments} in one of {found}\n--- full output:\n{output}"
    )
    if count is not None:
        assert problems_found(count) in output, output
    assert "All good" not in output


@pytest.mark.parametrize(
    "fixture",
    [
        "texts/yaml_bad_indentation",  # fails while reading
        "layout/flip_sideways",  # fails while validating
        "texts/description_too_long",  # fails late, while fitting the texts
    ],
)
def test_build_with_a_mistake_writes_nothing_and_keeps_the_previous_pdfs(bad_deck, tmp_path, fixture):
    deck = bad_deck(fixture)
    out = tmp_path / "out"
    (out / "nl").mkdir(parents=True)
    previous = out / "nl" / "cards.pdf"
    previous.write_bytes(b"previous")

    result = CliRunner().invoke(main, ["build", "--content", str(deck), "--out", str(out)])

    output = assert_clean_failure(result)
    assert "nothing was built" in output
    assert previous.read_bytes() == b"previous"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["nl", "nl/cards.pdf"]


def test_several_mistakes_are_all_reported_in_one_run(bad_deck):
    mistakes = {
        "deck/duplicate_card_id": (28, "duplicate card id 'aanspreekpersoon'"),
        "layout/flip_sideways": (24, "'sheet.flip': expected one of long, short"),
        "texts/bad_language_tag": (4, "expected a language tag"),
    }
    result = check(bad_deck(*mistakes))
    output = assert_clean_failure(result)
    for fixture, (line, fragment) in mistakes.items():
        assert any(fragment in text for text in message_lines(output, fixture, line)), f"{fixture}:\n{output}"
    assert problems_found(3) in output, output
