"""End to end: build the Dutch print pack and read it back as a user or a printer would."""

from __future__ import annotations

import pytest
import yaml
from pypdf import PdfReader

from cardgen.build import build, prepare
from cardgen.typeset.markup import printed
from conftest import CONTENT
from pdfread import MM, find_text, forms, normalise, page_sizes, page_text, painted, render

A4 = (210 * MM, 297 * MM)
A3_LANDSCAPE = (420 * MM, 297 * MM)
TEXTS = yaml.safe_load((CONTENT / "nl" / "texts.yaml").read_text(encoding="utf-8"))
CARDS = TEXTS["cards"]


def shown(text: str) -> str:
    """A content text as a reader finds it in the PDF: typographic punctuation, spaces folded."""
    return normalise(printed(" ".join(text.split()), "nl-BE"))


def test_the_card_sheet_is_three_duplex_a4_sheets(built):
    sizes = page_sizes(built / "cards.pdf")
    assert len(sizes) == 6  # 25 cards, 9 a sheet, a front and a back page each
    for w, h in sizes:
        assert (w, h) == pytest.approx(A4, abs=0.01)


def test_every_title_and_description_is_on_a_back_page(built):
    backs = " ".join(page_text(built / "cards.pdf", i) for i in (1, 3, 5))
    for card_id, text in CARDS.items():
        assert shown(text["title"]) in backs, card_id
        assert shown(text["description"]) in backs, card_id
    assert shown(TEXTS["rules"]["text"]) in backs


def test_fronts_show_the_category_words_and_not_the_descriptions(built):
    fronts = " ".join(page_text(built / "cards.pdf", i) for i in (0, 2, 4))
    assert fronts.count("#kwaliteit") == 8
    assert fronts.count("#preventie") == 8
    assert fronts.count("#reactie") == 8
    assert "#spelregels" in fronts
    assert shown(CARDS["stappenplan"]["description"]) not in fronts


@pytest.mark.parametrize("number", range(1, 25))
def test_each_number_sits_on_the_back_exactly_behind_its_front(built, number):
    """Long-edge duplex: the back of a card at x is drawn at W - x - w, so its number too."""
    label = f"{number}/24"
    sheet = number // 9  # the rules card comes first, so card n is at deck position n
    front = [b for b in find_text(built / "cards.pdf", 2 * sheet, label)]
    back = [b for b in find_text(built / "cards.pdf", 2 * sheet + 1, label)]
    assert len(front) == 1 and len(back) == 1, (front, back)
    (fl, fb, fr, ft), (bl, bb, br, bt) = front[0], back[0]
    assert (bl + br) / 2 == pytest.approx(A4[0] - (fl + fr) / 2, abs=0.6)
    assert bb == pytest.approx(fb, abs=0.6)


def test_numbers_are_centred_at_the_foot_of_each_card(built, prepared):
    grid = prepared.sheets.grid
    (left, bottom, right, top) = find_text(built / "cards.pdf", 0, "1/24")[0]
    from cardgen.plan.sheets import slot

    card = slot(grid, 1)  # card 1 is the second slot of the first row
    card_x, card_y = card.x, card.y
    assert (left + right) / 2 == pytest.approx(card_x + grid.card_w / 2, abs=0.6)
    assert card_y + 4 * MM < bottom < card_y + 8 * MM


def test_short_edge_flip_mirrors_top_and_bottom(tmp_path):
    build(prepare(CONTENT, lang="nl", flip="short"), tmp_path)
    cards = tmp_path / "nl" / "cards.pdf"
    (fl, fb, fr, ft) = find_text(cards, 0, "1/24")[0]
    (bl, bb, br, bt) = find_text(cards, 1, "1/24")[0]
    assert (bl + br) / 2 == pytest.approx((fl + fr) / 2, abs=0.6)
    # the card's box is mirrored top to bottom and the back drawn half round in it: its number
    # stands right behind the front's once the sheet turns over its top edge
    assert (bb + bt) / 2 == pytest.approx(A4[1] - (fb + ft) / 2, abs=0.6)
    assert PdfReader(cards).trailer["/Root"]["/ViewerPreferences"]["/Duplex"] == "/DuplexFlipShortEdge"


def test_nothing_is_printed_within_5_mm_of_the_sheet_edge(built):
    for index in range(6):
        image = render(built / "cards.pdf", index, dpi=100, grey=True)
        w, h = image.size
        edge = int(5 * 100 / 25.4)  # 5 mm in pixels at 100 dpi
        pixels = image.load()
        for x in range(w):
            for y in list(range(edge)) + list(range(h - edge, h)):
                assert pixels[x, y] > 250, (index, x, y)
        for y in range(h):
            for x in list(range(edge)) + list(range(w - edge, w)):
                assert pixels[x, y] > 250, (index, x, y)


def test_cut_marks_stand_in_line_with_the_card_edges(built, prepared):
    grid = prepared.sheets.grid
    image = render(built / "cards.pdf", 0, dpi=300, grey=True)
    pixels = image.load()
    scale = 300 / 72
    mark_y = int((A4[1] - (grid.block.top + 3 * MM)) * scale)  # 3 mm above the cards, in image rows
    from cardgen.plan.sheets import slot

    for column in range(grid.cols):
        for x in (slot(grid, column).x, slot(grid, column).right):
            xs = range(int(x * scale) - 2, int(x * scale) + 3)
            assert min(pixels[i, mark_y] for i in xs) < 128, column
    halfway = grid.x0 + grid.card_w / 2
    assert pixels[int(halfway * scale), mark_y] > 250  # and not between the cuts


def test_the_poster_is_a3_landscape_with_its_labels(built):
    assert page_sizes(built / "poster.pdf") == [pytest.approx(A3_LANDSCAPE, abs=0.01)]
    text = page_text(built / "poster.pdf", 0)
    for key in ("title", "strengths", "work"):
        assert TEXTS["poster"][key] in text
    assert shown(TEXTS["poster"]["instruction"]) in text
    for category in TEXTS["categories"].values():
        assert category["label"] in text


def test_the_poster_has_a_blue_emoticon_left_and_a_pink_one_right(built):
    image = render(built / "poster.pdf", 0, dpi=30)
    w, h = image.size

    def count(box, test):
        data = image.crop(box).tobytes()
        return sum(1 for i in range(0, len(data), 3) if test(data[i], data[i + 1], data[i + 2]))

    blue = lambda r, g, b: b > 180 and r < 90 and 100 < g < 160  # noqa: E731
    pink = lambda r, g, b: r > 200 and g < 140 and 130 < b < 200  # noqa: E731
    left, right = (0, 0, w // 2, h), (w // 2, 0, w, h)
    area = w * h
    assert count(left, blue) > 0.12 * area
    assert count(right, pink) > 0.12 * area
    assert count(left, pink) < 0.01 * area
    assert count(right, blue) < 0.01 * area


def test_the_emoticons_are_vectors_not_pictures(built):
    """Each emoticon is a form that paints paths (face, eyes, brows, mouth); nothing on the poster,
    inside a form or not, is an image."""
    width = page_sizes(built / "poster.pdf")[0][0]
    faces = [(box, kinds) for box, kinds in forms(built / "poster.pdf", 0) if box[2] - box[0] > 100 * MM]
    assert len(faces) == 2 and faces[0][0][2] < width / 2 < faces[1][0][0], faces  # one left, one right
    assert all(kinds.get("path", 0) >= 5 and set(kinds) == {"path"} for _, kinds in faces), faces
    assert "image" not in painted(built / "poster.pdf", 0)


def test_the_pack_holds_cards_then_poster_with_bookmarks_and_labels(built):
    import pypdfium2 as pdfium

    sizes = page_sizes(built / "print-pack.pdf")
    assert len(sizes) == 9  # how to print it (a page and its blank back), six card pages, the poster
    assert sizes[-1] == pytest.approx(A3_LANDSCAPE, abs=0.01)
    doc = pdfium.PdfDocument(str(built / "print-pack.pdf"))
    toc = [(b.get_title(), b.get_dest().get_index()) for b in doc.get_toc()]
    assert toc == [("Zo druk je dit pakket af", 0), ("Kaarten", 2), ("Poster", 8)]
    labels = [doc.get_page_label(i) for i in range(9)]
    assert labels == ["Zo druk je dit pakket af 1", "Zo druk je dit pakket af 2",
                      "Kaarten 1", "Kaarten 2", "Kaarten 3", "Kaarten 4", "Kaarten 5", "Kaarten 6", "Poster"]  # fmt: skip
    doc.close()


def test_the_pack_carries_metadata_language_and_duplex_preference(built):
    reader = PdfReader(built / "print-pack.pdf")
    meta = reader.metadata
    assert meta.title == "Sextingscreener"
    assert meta.author == "Mediawijs, Sensoa, Child Focus"
    assert meta.subject == TEXTS["deck"]["subject"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl-BE"
    assert root["/ViewerPreferences"]["/Duplex"] == "/DuplexFlipLongEdge"
    backs = " ".join(page_text(built / "print-pack.pdf", i) for i in (3, 5, 7))
    assert shown(CARDS["herstelbemiddeling"]["description"]) in backs


def test_the_same_input_gives_the_same_bytes(built, tmp_path):
    build(prepare(CONTENT, lang="nl"), tmp_path)  # planned afresh, not the session's plan again
    for name in ("cards.pdf", "poster.pdf", "print-pack.pdf"):
        assert (tmp_path / "nl" / name).read_bytes() == (built / name).read_bytes(), name
