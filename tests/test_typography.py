"""Typography read back from the built PDFs: fonts, QR codes, links, hyphenation, black and white."""

from __future__ import annotations

import pytest
import zxingcpp
from pypdf import PdfReader

from cardgen.build import build, prepare
from conftest import CONTENT
from pdfread import forms, page_sizes, painted, render


def codes(pdf, page, dpi):
    return [r.text for r in zxingcpp.read_barcodes(render(pdf, page, dpi=dpi, grey=True))]


def test_the_rules_card_carries_a_qr_code_a_phone_can_read(built):
    # 100 dpi is coarser than any office print; the code still reads
    assert codes(built / "cards.pdf", 0, 100) == ["https://www.sexting.be"]
    assert codes(built / "cards.pdf", 1, 100) == []  # on the front only: the back has the rules text


def test_the_poster_carries_the_same_code(built):
    assert codes(built / "poster.pdf", 0, 72) == ["https://www.sexting.be"]


@pytest.mark.parametrize(("name", "dpi"), [("cards.pdf", 100), ("poster.pdf", 72)])
def test_the_qr_code_is_vectors(built, name, dpi):
    """Drawn, not pasted in as a picture: the form where the code stands paints its modules as paths,
    and nothing on the page, inside a form or not, is an image."""
    pdf = built / name
    (found,) = zxingcpp.read_barcodes(render(pdf, 0, dpi=dpi, grey=True))
    corners = (found.position.top_left, found.position.bottom_right)
    x = sum(c.x for c in corners) / 2 * 72 / dpi
    y = page_sizes(pdf)[0][1] - sum(c.y for c in corners) / 2 * 72 / dpi
    under = [kinds for (left, bottom, right, top), kinds in forms(pdf, 0) if left < x < right and bottom < y < top]
    assert len(under) == 1 and under[0].get("path", 0) >= 100, under  # a 25 x 25 code: a path a dark run
    assert "image" not in painted(pdf, 0)


def test_no_qr_switches_the_codes_off(tmp_path):
    build(prepare(CONTENT, lang="nl", qr=False), tmp_path)
    assert codes(tmp_path / "nl" / "cards.pdf", 0, 100) == []
    assert codes(tmp_path / "nl" / "poster.pdf", 0, 72) == []


def fonts_of(pdf):
    found = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            embedded = bool(descriptor and descriptor.get_object().get("/FontFile2"))
            found[str(font["/BaseFont"])] = embedded
    return found


def test_the_shipped_font_is_embedded_and_subset(built):
    fonts = fonts_of(built / "cards.pdf")
    atkinson = {name: embedded for name, embedded in fonts.items() if "AtkinsonHyperlegible" in name}
    assert any("Regular" in n for n in atkinson) and any("Bold" in n for n in atkinson)
    assert all(atkinson.values())
    # a subset carries a six-letter tag: ABCDEF+Name
    assert all(name.lstrip("/")[6] == "+" for name in atkinson)
    assert not [n for n in fonts if "Helvetica" in n]


def test_a_file_that_is_not_a_truetype_font_is_refused_by_name(deck_copy):
    from click.testing import CliRunner

    from cardgen.cli import main

    (deck_copy / "fonts").mkdir()
    (deck_copy / "fonts" / "Fake.ttf").write_bytes(b"this is not a font")
    layout = deck_copy / "layout.yaml"
    layout.write_text(layout.read_text().replace("fonts/AtkinsonHyperlegible-Italic.ttf", "fonts/Fake.ttf"))
    line = layout.read_text().splitlines().index("  italic: fonts/Fake.ttf") + 1
    result = CliRunner().invoke(main, ["check", "--content", str(deck_copy), "--lang", "nl"])
    assert result.exit_code == 1
    assert f"layout.yaml:{line}: 'fonts.italic': 'fonts/Fake.ttf' is not a usable TrueType font" in result.output
    assert "Traceback" not in result.output


def test_a_deck_font_is_found_in_the_deck_folder_first(deck_copy, tmp_path, built):
    import shutil

    from conftest import REPO

    (deck_copy / "fonts").mkdir()
    shutil.copy(REPO / "assets" / "fonts" / "AtkinsonHyperlegible-Italic.ttf", deck_copy / "fonts" / "MyDeck-Regular.ttf")
    layout = deck_copy / "layout.yaml"
    layout.write_text(layout.read_text().replace("fonts/AtkinsonHyperlegible-Regular.ttf", "fonts/MyDeck-Regular.ttf"))
    build(prepare(deck_copy, lang="nl"), tmp_path)
    # the copy is the italic, which the Dutch texts never ask for: seeing it proves the deck's file is used
    assert any("AtkinsonHyperlegible-Italic" in name for name in fonts_of(tmp_path / "nl" / "cards.pdf"))
    assert not any("AtkinsonHyperlegible-Italic" in name for name in fonts_of(built / "cards.pdf"))


# --- text: links, markup, hyphenation, fitting -------------------------------------------------

from pdfread import MM, find_text, font_of, link_targets, page_text  # noqa: E402


def test_a_site_named_in_a_text_is_a_link_over_its_words(built):
    # Stappenplan (17/24) is on the second sheet; its back is page 4 (index 3)
    links = link_targets(built / "cards.pdf", 3)
    assert ("https://www.sexting.be" in [uri for uri, _ in links])
    (left, bottom, right, top) = find_text(built / "cards.pdf", 3, "www.sexting.be")[0]
    x0, y0, x1, y1 = next(rect for uri, rect in links if uri == "https://www.sexting.be")
    assert x0 - 1 <= left and right <= x1 + 1 and y0 - 1 <= bottom and top <= y1 + 1
    # 'sexting.be' without www (Safe sexting) links too
    assert "https://sexting.be" in [uri for uri, _ in link_targets(built / "cards.pdf", 3)]


def write_description(deck, card_id, text):
    """Replace one card's description in the deck's Dutch texts, as an editor would (a '|' block:
    every line of `text` is a line of the card)."""
    texts = deck / "nl" / "texts.yaml"
    lines = texts.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  {card_id}:")
    first = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("description:"))
    end = next(i for i in range(first + 1, len(lines)) if not lines[i].startswith("      "))
    lines[first:end] = ["    description: |-", *("      " + line for line in text.split("\n"))]
    texts.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_markup_makes_bold_and_everything_else_prints_literally(deck_copy, tmp_path):
    write_description(
        deck_copy, "herstelbemiddeling", 'Onze school kiest **altijd** voor herstel. <img src="/etc/passwd"> & <b>x</b>'
    )
    build(prepare(deck_copy, lang="nl"), tmp_path)
    cards = tmp_path / "nl" / "cards.pdf"
    back = page_text(cards, 5)
    assert 'Onze school kiest altijd voor herstel. <img src="/etc/passwd"> & <b>x</b>' in back
    assert "**" not in back
    assert font_of(cards, 5, "altijd").endswith("Bold")
    assert font_of(cards, 5, "kiest").endswith("Regular")


def test_a_line_break_in_the_text_starts_a_new_line(deck_copy, tmp_path):
    write_description(deck_copy, "herstelbemiddeling", "Eerste regel.\nTweede regel.")
    build(prepare(deck_copy, lang="nl"), tmp_path)
    (_, first, _, _) = find_text(tmp_path / "nl" / "cards.pdf", 5, "Eerste")[0]
    (_, second, _, _) = find_text(tmp_path / "nl" / "cards.pdf", 5, "Tweede")[0]
    assert first - second == pytest.approx(11 * 1.3, abs=0.5)  # one line lower, at 11 pt and 1.3 leading


def test_long_dutch_words_break_with_a_hyphen_at_the_line_end(built):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(built / "cards.pdf"))
    raw = "".join(doc[i].get_textpage().get_text_range() for i in (1, 3, 5))
    doc.close()
    broken = [w for w in raw.split() if "\ufffe" in w]  # PDFium marks a hyphen added at a line end
    assert len(broken) >= 5
    # never inside a link, a hashtag or an acronym (CLB-medewer-ker may break, C-LB not)
    assert not [w for w in broken if "sexting.be" in w or w.startswith("#") or w[w.index("\ufffe") - 1].isupper()]


def make_longer(deck, factor):
    """Every description longer by `factor`, in the edition's own words."""
    import yaml

    texts = deck / "nl" / "texts.yaml"
    data = yaml.safe_load(texts.read_text(encoding="utf-8"))
    for card_id, card in data["cards"].items():
        words = card["description"].split()
        extra = (words * 4)[: max(1, round(len(words) * factor))]
        write_description(deck, card_id, " ".join(words + extra))


def test_a_text_30_percent_longer_still_prints_at_one_smaller_even_size(deck_copy, tmp_path):
    from click.testing import CliRunner

    from cardgen.cli import main

    make_longer(deck_copy, 0.30)
    result = CliRunner().invoke(main, ["check", "--content", str(deck_copy), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert "descriptions set at" in result.output and "instead of 11 pt" in result.output
    prepared_deck = prepare(deck_copy, lang="nl")
    sizes = {f.body_size for f in prepared_deck.editions[0].fit.cards if f.card.kind == "action"}
    assert len(sizes) == 1 and 8 <= sizes.pop() < 11


def test_a_text_far_too_long_fails_naming_the_card(deck_copy):
    from click.testing import CliRunner

    from cardgen.cli import main

    make_longer(deck_copy, 2.0)
    result = CliRunner().invoke(main, ["build", "--content", str(deck_copy), "--out", str(deck_copy / "out"), "--lang", "nl"])
    assert result.exit_code == 1
    assert "card 'communicatie-met-leerlingen': the description does not fit even at 8 pt" in result.output
    assert not (deck_copy / "out" / "nl").exists()


# --- black and white ---------------------------------------------------------------------------


def front_crop(pdf, page, grid, position):
    """Greyscale crop of the upper middle of a card's front, where its icon stands."""
    image = render(pdf, page, dpi=100, grey=True)
    scale = 100 / 72
    col, row = position % grid.cols, position // grid.cols
    x = grid.x0 + col * grid.card_w
    top = grid.paper_h - (grid.y0 + (grid.rows - row) * grid.card_h)
    box = (x + 5 * MM, top + 0.12 * grid.card_h, x + grid.card_w - 5 * MM, top + 0.45 * grid.card_h)
    return image.crop(tuple(round(v * scale) for v in box))


def mean(image):
    data = image.tobytes()
    return sum(data) / len(data)


def test_categories_stay_apart_in_black_and_white(built, prepared):
    """A #kwaliteit, a #preventie and a #reactie front rendered in greyscale: their icons differ
    in shape and their backgrounds in grey level."""
    grid = prepared.sheets.grid
    pdf = built / "cards.pdf"
    crops = [
        front_crop(pdf, 0, grid, 1),  # card 1, kwaliteit (the rules card is in slot 0)
        front_crop(pdf, 2, grid, 0),  # card 9, preventie: the first slot of sheet 2
        front_crop(pdf, 4, grid, 0),  # card 18, reactie: the first slot of sheet 3
    ]
    masks = [[p > 200 for p in crop.tobytes()] for crop in crops]  # the white icon
    backgrounds = [sorted(crop.tobytes())[len(crop.tobytes()) // 4] for crop in crops]  # not the icon
    for a in range(3):
        for b in range(a + 1, 3):
            differ = sum(x != y for x, y in zip(masks[a], masks[b])) / len(masks[a])
            assert differ > 0.05, (a, b, differ)
            assert abs(backgrounds[a] - backgrounds[b]) >= 10, backgrounds


def test_the_two_emoticons_differ_in_black_and_white_by_more_than_hue(built, prepared):
    image = render(built / "poster.pdf", 0, dpi=40, grey=True)
    scale = 40 / 72
    faces = []
    dutch = next(plan for plan in prepared.editions if plan.edition.code == "nl")
    for box in dutch.poster.faces:
        top = image.height - (box.y + box.h) * scale
        crop = image.crop((round(box.x * scale), round(top), round((box.x + box.w) * scale), round(top + box.h * scale)))
        faces.append(crop.resize((80, 80)))
    # the features (eyes, brows, mouth) are the darkest pixels of each face; their shapes differ
    masks = [[p < 60 for p in face.tobytes()] for face in faces]
    differ = sum(a != b for a, b in zip(*masks)) / len(masks[0])
    assert differ > 0.03, differ
    assert abs(mean(faces[0]) - mean(faces[1])) > 8  # and the faces differ in grey, too


def test_check_tells_when_an_edition_cannot_be_hyphenated(deck_copy):
    from click.testing import CliRunner

    from cardgen.cli import main

    texts = deck_copy / "nl" / "texts.yaml"
    texts.write_text(texts.read_text(encoding="utf-8").replace("language: nl-BE", "language: tlh"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(deck_copy), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert "no hyphenation dictionary for 'tlh'; words are not hyphenated" in result.output
