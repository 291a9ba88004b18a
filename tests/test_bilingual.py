"""Bilingual decks (cardgen build --bilingual nl,fr; output.bilingual in layout.yaml): built and read
back as a reader would: both editions' texts on a back, the second below the first and set apart,
both labels on the fronts and the poster, a combination too long refused naming its card and the
tighter language, and an Arabic partner set from the right in its own font."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from cardgen.cli import main
from patching import apply_patch
from pdfread import find_text, font_of, normalise, page_text, render

DECKS = Path(__file__).parent / "fixtures" / "decks"
EDITIONS = DECKS / "editions"  # the frozen three-edition deck: nl, fr, en
FIXTURES = Path(__file__).parent / "fixtures" / "bilingual"
TAROT = ["--card-size", "tarot"]  # two descriptions of the deck do not fit one poker card even at 8 pt


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def nl_fr(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bilingual")
    result = run("build", "--content", str(EDITIONS), "--out", str(out), "--bilingual", "nl,fr", *TAROT)
    assert result.exit_code == 0, result.output
    return out / "nl-fr"


@pytest.fixture(scope="module")
def nl_ar(tmp_path_factory) -> Path:
    """The Arabic test deck with the small deck's Dutch beside it (the same structure)."""
    deck = tmp_path_factory.mktemp("nl-ar") / "deck"
    shutil.copytree(DECKS / "arabic", deck)
    shutil.copytree(DECKS / "small" / "nl", deck / "nl")
    return deck


def deck_copy(tmp_path: Path, *patches: str) -> Path:
    deck = tmp_path / "deck"
    shutil.copytree(EDITIONS, deck)
    for name in patches:
        apply_patch(deck, FIXTURES / f"{name}.patch")
    return deck


def prepared(deck: Path, pair: tuple[str, str]):
    from cardgen.build import prepare
    from cardgen.units import parse_card_size

    return prepare(deck, bilingual=pair, card_size=parse_card_size("tarot"))


def face(plan_of, card_id: str, which: str):
    from cardgen.preview import card_index, face_pdf

    plan = plan_of.editions[0]
    index = card_index(plan, card_id)
    return pdfium.PdfDocument(face_pdf(plan_of, plan, index, which)), plan.faces[index]


def box_of(pdf, index: int, needle: str):
    boxes = find_text(pdf, index, needle)
    assert boxes, f"{needle!r} not on page {index}"
    return boxes[0]


# --- nl and fr on one card ----------------------------------------------------------------------


def test_the_deck_goes_to_its_own_folder(nl_fr):
    assert sorted(p.name for p in nl_fr.iterdir()) == ["cards.pdf", "poster.pdf", "print-pack.pdf"]
    assert not (nl_fr.parent / "nl").exists() and not (nl_fr.parent / "fr").exists()


def test_a_back_carries_both_texts_the_second_below_the_first(nl_fr):
    cards = nl_fr / "cards.pdf"
    text = page_text(cards, 1)
    for words in ("Aanspreekpersoon", "Onze school heeft een aanspreekpersoon", "Personne de référence",
                  "Notre école a une personne de référence"):  # fmt: skip
        assert words in text
    nl_title, nl_body = box_of(cards, 1, "Aanspreekpersoon"), box_of(cards, 1, "Onze school")
    fr_title, fr_body = box_of(cards, 1, "Personne de"), box_of(cards, 1, "Notre école")
    assert nl_title[1] > nl_body[3] > fr_title[3] > fr_title[1] > fr_body[3]  # top to bottom: nl, then fr
    assert abs(nl_title[0] - fr_title[0]) < 1.0  # in the same column


def test_the_second_text_is_set_apart_in_italics_and_lighter(nl_fr):
    cards = nl_fr / "cards.pdf"
    assert "Italic" not in font_of(cards, 1, "Onze school")
    assert "Italic" in font_of(cards, 1, "Notre école")
    assert "BoldItalic" in font_of(cards, 1, "Personne de")
    image = render(cards, 1, dpi=150, grey=True)
    scale = 150 / 72

    def darkest(box):
        left, bottom, right, top = (v * scale for v in box)
        crop = image.crop((int(left), int(image.height - top), int(right), int(image.height - bottom)))
        return crop.getextrema()[0]

    assert darkest(box_of(cards, 1, "Notre école")) > darkest(box_of(cards, 1, "Onze school")) + 30


def test_a_thin_rule_stands_between_the_two(tmp_path):
    plan = prepared(EDITIONS, ("nl", "fr"))
    doc, faces = face(plan, "aanspreekpersoon", "back")
    back = faces.back
    assert back.body.box.y > back.divider.y0 > back.second_title.box.top
    image = doc[0].render(scale=4).to_pil().convert("L")
    y = int((doc[0].get_size()[1] - back.divider.y0) * 4)
    x0, x1 = int(back.divider.x0 * 4) + 4, int(back.divider.x1 * 4) - 4
    row = [image.getpixel((x, y)) for x in range(x0, x1)]
    assert max(row) < 245  # inked all along
    assert min(image.getpixel((x, y - 8)) for x in range(x0, x1)) > 250  # and thin: blank 2 pt above


def test_the_fronts_and_the_poster_carry_both_labels(nl_fr):
    cards, poster = nl_fr / "cards.pdf", nl_fr / "poster.pdf"
    label, second = box_of(cards, 0, "#kwaliteit"), box_of(cards, 0, "#qualité")
    assert second[3] < label[1] and (second[3] - second[1]) < (label[3] - label[1])  # under it, smaller
    text = page_text(poster, 0)
    assert "Sterke punten" in text and "Points forts" in text and "Points à travailler" in text
    assert box_of(poster, 0, "Points forts")[3] < box_of(poster, 0, "Sterke punten")[1]
    fr, nl = box_of(poster, 0, "Posez chaque carte"), box_of(poster, 0, "Leg elke kaart")
    assert box_of(poster, 0, "Points forts")[1] > fr[3] and fr[1] > nl[3]  # the fr instruction on a line above the panel


def test_both_descriptions_are_fitted_at_one_size():
    plan = prepared(EDITIONS, ("nl", "fr")).editions[0]
    actions = [f for f in plan.fit.cards if f.card.kind == "action"]
    sizes = {f.body_size for f in actions} | {faces.back.second_body.size for faces in plan.faces if faces.back.number}
    assert len(sizes) == 1
    from cardgen.plan.geometry import back_regions

    bottom = back_regions(plan.layout.card).text_bottom
    for faces in plan.faces:  # and both stay inside the back's text area, above the number
        assert faces.back.second_body.box.y >= bottom - 1e-6


def test_a_combination_too_long_is_refused_naming_the_card_and_the_tighter_language(tmp_path):
    deck = deck_copy(tmp_path, "description_too_long_together")
    result = run("build", "--content", str(deck), "--out", str(tmp_path / "out"), "--bilingual", "nl,fr", *TAROT)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "aanspreekpersoon'" in line]
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"{deck / 'fr' / 'texts.yaml'}:") or "fr/texts.yaml:" in lines[0]
    assert "'cards.aanspreekpersoon.description'" in lines[0]
    assert "the fr text is the tightest" in lines[0] and "do not fit one back together" in lines[0]
    assert not (tmp_path / "out" / "nl-fr").exists()


def test_a_deck_that_shrinks_names_its_tightest_card(tmp_path):
    result = run("build", "--content", str(EDITIONS), "--out", str(tmp_path), "--bilingual", "fr,nl", *TAROT)
    assert result.exit_code == 0
    assert "fr-nl: descriptions set at" in result.output and "the tightest card is '" in result.output


# --- the layout key and the flag are checked at the door -----------------------------------------


def test_the_layout_key_builds_the_same_deck(tmp_path, nl_fr):
    deck = deck_copy(tmp_path, "bilingual_in_the_layout")
    result = run("build", "--content", str(deck), "--out", str(tmp_path / "out"), *TAROT)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "nl-fr" / "cards.pdf").read_bytes() == (nl_fr / "cards.pdf").read_bytes()


def test_lang_builds_one_edition_of_a_bilingual_layout(tmp_path):
    """--lang (and the studio, which edits one edition) takes the one edition named, alone."""
    from cardgen.build import prepare

    deck = deck_copy(tmp_path, "bilingual_in_the_layout")
    assert [plan.edition.code for plan in prepare(deck, lang="fr").editions] == ["fr"]
    assert [plan.edition.code for plan in prepared(deck, ("fr", "nl")).editions] == ["fr-nl"]  # the flag over the key


@pytest.mark.parametrize("patch, fragment", [
    ("bilingual_names_a_missing_edition", "no edition 'de' in"),
    ("bilingual_names_one_edition", "expected two edition codes"),
    ("bilingual_names_an_edition_twice", "two different editions, found 'fr' twice"),
])  # fmt: skip
def test_a_wrong_layout_key_names_its_line(tmp_path, patch, fragment):
    deck = deck_copy(tmp_path, patch)
    line = (deck / "layout.yaml").read_text(encoding="utf-8").splitlines().index("output:") + 2
    result = run("check", "--content", str(deck))
    assert result.exit_code == 1
    assert f"layout.yaml:{line}: 'output.bilingual': " in result.output and fragment in result.output, result.output


@pytest.mark.parametrize("args, fragment", [
    (["--bilingual", "nl,de"], "no edition 'de'"),
    (["--bilingual", "nl"], "expected two edition codes"),
    (["--bilingual", "nl,../x"], "not a path"),
    (["--bilingual", "nl,fr", "--lang", "nl"], "give one of them"),
])  # fmt: skip
def test_a_wrong_flag_is_refused_like_lang(tmp_path, args, fragment):
    result = run("build", "--content", str(EDITIONS), "--out", str(tmp_path), *args)
    assert result.exit_code == 2 and fragment in result.output, result.output
    assert not any(tmp_path.iterdir())


# --- a right-to-left partner ---------------------------------------------------------------------


def logical(text: str) -> str:
    return normalise(unicodedata.normalize("NFKC", text))


def _lines(doc, box):
    """(left, right) of each line of text inside `box` on a face's page, from the character boxes."""
    textpage = doc[0].get_textpage()
    rows: dict[int, list] = {}
    for i in range(textpage.count_chars()):
        left, _, right, _ = textpage.get_charbox(i)
        _, bottom, _, _ = textpage.get_charbox(i, loose=True)
        char = textpage.get_text_range(i, 1)
        if char.isspace() or right <= left or unicodedata.combining(char):
            continue
        if box.x - 1 <= left and right <= box.x + box.w + 1 and box.y - 2 <= bottom <= box.top:
            rows.setdefault(round(bottom), []).append((left, right))
    return [(min(a for a, _ in r), max(b for _, b in r)) for _, r in sorted(rows.items(), reverse=True)]


def test_an_arabic_partner_reads_back_below_the_dutch(nl_ar, tmp_path):
    result = run("build", "--content", str(nl_ar), "--out", str(tmp_path), "--bilingual", "nl,ar", *TAROT)
    assert result.exit_code == 0, result.output
    cards = tmp_path / "nl-ar" / "cards.pdf"
    doc = pdfium.PdfDocument(str(cards))
    lines = [logical(line) for line in doc[1].get_textpage().get_text_range().split("\r\n")]
    assert "شخص مرجعي" in lines and "Aanspreekpersoon" in lines
    assert lines.index("شخص مرجعي") > lines.index("Aanspreekpersoon")
    assert "Noto Sans Arabic" in font_of(cards, 1, "شخص").replace("NotoSansArabic", "Noto Sans Arabic")
    assert "Atkinson" in font_of(cards, 1, "Aanspreekpersoon")
    assert "نقاط القوة" in logical(page_text(tmp_path / "nl-ar" / "poster.pdf", 0))


def test_the_arabic_part_is_set_from_the_right_the_dutch_from_the_left(nl_ar):
    plan = prepared(nl_ar, ("nl", "ar"))
    doc, faces = face(plan, "aanspreekpersoon", "back")
    back = faces.back
    arabic = _lines(doc, back.second_body.box)
    assert len(arabic) >= 3
    right = back.second_body.box.x + back.second_body.box.w
    for left, end in arabic:
        assert right - 1.0 <= end <= right + 0.5, (end, right)
    assert max(left for left, _ in arabic) > back.second_body.box.x + 10  # ragged at the left
    dutch = _lines(doc, back.body.box)
    assert all(abs(left - back.body.box.x) < 1.0 for left, _ in dutch)
    assert min(end for _, end in dutch) < back.body.box.x + back.body.box.w - 10
    assert back.second_body.style.direction == "rtl" and back.body.style.direction == "ltr"
