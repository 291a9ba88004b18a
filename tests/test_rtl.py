"""A right-to-left edition (tests/fixtures/decks/arabic), built and read back as a reader would:
its text, the glyphs against HarfBuzz's own shaping, the alignment from character boxes, the
mirrored band and poster, the PDF's language and reading direction."""

from __future__ import annotations

import unicodedata
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import uharfbuzz as hb
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream

from pdfread import normalise, render

ARABIC = Path(__file__).parent / "fixtures" / "decks" / "arabic"
SMALL = Path(__file__).parent / "fixtures" / "decks" / "small"
ASSETS = Path(__file__).resolve().parents[1] / "assets" / "fonts"
FEATURES = {"kern": True, "liga": True, "dlig": True}  # what ReportLab asks HarfBuzz for


@pytest.fixture(scope="module")
def prepared():
    from cardgen.build import prepare

    return prepare(ARABIC)


@pytest.fixture(scope="module")
def built(tmp_path_factory, prepared) -> Path:
    from cardgen.build import build

    out = tmp_path_factory.mktemp("arabic")
    build(prepared, out)
    return out / "ar"


def logical(text: str) -> str:
    """A text as compared: presentation forms folded to letters (NFKC), spacing folded."""
    return normalise(unicodedata.normalize("NFKC", text))


def words_of(text: str) -> set[str]:
    """The words of a text, a web address in its parts (PDFium gives an address alone on its line
    as 'be.sexting'), leaving out words with vowel marks: PDFium reads a raised mark (ReportLab
    raises it with Ts) as a line of its own and splits the word there. Their glyphs are checked
    against HarfBuzz below."""
    strip = ".,:;،؛؟!()«»\u200c"
    words = set()
    for word in logical(text).replace(".", " ").split(" "):
        if word.strip(strip) and not any(unicodedata.combining(c) for c in word):
            words.add(word.strip(strip))
    return words


def face_page(prepared, card_id: str, face: str):
    from cardgen.preview import card_index, face_pdf

    plan = prepared.editions[0]
    index = card_index(plan, card_id)
    return pdfium.PdfDocument(face_pdf(prepared, plan, index, face)), plan.faces[index]


# --- the text comes back ---------------------------------------------------------------------


def test_every_word_of_the_arabic_texts_reads_back_from_the_cards(built, prepared):
    doc = pdfium.PdfDocument(str(built / "cards.pdf"))
    backs = words_of(doc[1].get_textpage().get_text_range())
    edition = prepared.deck.editions[0]
    for card_id in ("aanspreekpersoon", "safe-sexting", "stappenplan"):
        card = edition.card(card_id)
        for text in (card.title, card.description):
            missing = words_of(text) - backs
            assert not missing, (card_id, missing)
    assert {"www", "sexting", "be", "24", "5", "CLB"} <= backs  # the Latin address and the numbers inside Arabic


def test_a_title_reads_back_whole_in_logical_order(built):
    doc = pdfium.PdfDocument(str(built / "cards.pdf"))
    lines = [logical(line) for line in doc[1].get_textpage().get_text_range().split("\r\n")]
    assert "شخص مرجعي" in lines
    assert "خطة من 5 خطوات" in lines  # a number inside an Arabic title keeps its place


# --- the glyphs are HarfBuzz's -------------------------------------------------------------


def _outline(font: TTFont, name: str):
    coords, ends, _ = font["glyf"][name].getCoordinates(font["glyf"])
    return tuple(coords), tuple(ends)


def _pdf_glyphs(pdf: bytes, page: int) -> list[tuple]:
    """The outlines of every glyph a page shows, in drawing order, read from its embedded subsets."""
    reader = PdfReader(BytesIO(pdf))
    page_obj = reader.pages[page]
    fonts = page_obj["/Resources"]["/Font"]
    subsets = {}
    for name, ref in fonts.items():
        font = ref.get_object()
        file = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        ttf = TTFont(BytesIO(file))
        cmap = {}
        for table in ttf["cmap"].tables:
            cmap.update(table.cmap)
        subsets[name] = (ttf, cmap)
    shown, current = [], None
    for operands, operator in ContentStream(page_obj.get_contents(), reader).operations:
        if operator == b"Tf":
            current = subsets.get(operands[0])
        elif operator in (b"Tj", b"TJ") and current:
            strings = operands[0] if operator == b"TJ" else [operands[0]]
            for item in strings:
                if isinstance(item, (bytes, str)):
                    data = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                    ttf, cmap = current
                    shown.extend(_outline(ttf, cmap[code]) for code in data if code in cmap)
    return shown


def _harfbuzz(text: str, path: Path, alone: bool = False) -> list[tuple]:
    """HarfBuzz's shaping of `text`, word by word, the words right to left: outlines in visual
    order. `alone`: each letter shaped on its own, as if nothing joined."""
    ttf = TTFont(str(path))
    order = ttf.getGlyphOrder()
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    glyphs = []
    for word in reversed(text.split(" ")):
        for piece in (reversed(word) if alone else [word]):
            buf = hb.Buffer()
            buf.add_str(piece)
            buf.guess_segment_properties()
            hb.shape(font, buf, FEATURES)
            glyphs.extend(_outline(ttf, order[info.codepoint]) for info in buf.glyph_infos)
    return glyphs


def _contains(haystack: list, needle: list) -> bool:
    """`needle` drawn in a row in `haystack`, spaces (glyphs without outlines) left aside."""
    haystack, needle = [g for g in haystack if g[1]], [g for g in needle if g[1]]
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))


def test_the_title_is_drawn_with_the_glyphs_harfbuzz_chooses(prepared):
    doc_pdf = _face_bytes(prepared, "aanspreekpersoon", "back")
    shown = _pdf_glyphs(doc_pdf, 0)
    bold = ASSETS / "NotoSansArabicLatin-Bold.ttf"
    words = "شخص مرجعي".split(" ")
    expected = _harfbuzz(words[1], bold) + _harfbuzz(words[0], bold)  # the second word stands at the left
    assert _contains(shown, expected)
    # the same letters unjoined (no contextual forms) are not what is printed: the test sees shaping
    unjoined = _harfbuzz(words[1], bold, alone=True) + _harfbuzz(words[0], bold, alone=True)
    assert unjoined != expected and not _contains(shown, unjoined)


def test_a_word_with_a_vowel_mark_is_drawn_as_harfbuzz_shapes_it(prepared):
    shown = _pdf_glyphs(_face_bytes(prepared, "safe-sexting", "back"), 0)
    word = _harfbuzz("معلّمونا", ASSETS / "NotoSansArabicLatin-Regular.ttf")
    assert len(word) == len("معلّمونا") and _contains(shown, word)  # the shadda is a glyph of its own


def test_a_lam_alef_ligature_is_one_glyph_as_harfbuzz_makes_it(prepared):
    """The rules card's 'الأمامي' and 'اللعب' hold lam-alef, which Arabic writes as one glyph."""
    shown = _pdf_glyphs(_face_bytes(prepared, "rules", "back"), 0)
    regular = ASSETS / "NotoSansArabicLatin-Regular.ttf"
    word = _harfbuzz("الأمامي", regular)
    assert len(word) < len("الأمامي") and _contains(shown, word)


def _face_bytes(prepared, card_id: str, face: str) -> bytes:
    from cardgen.preview import card_index, face_pdf

    plan = prepared.editions[0]
    return face_pdf(prepared, plan, card_index(plan, card_id), face)


# --- where things stand ---------------------------------------------------------------------


def _lines(doc, box, page=0):
    """(left, right) of each line of text inside `box` (a planned Rect on a face's own page)."""
    textpage = doc[page].get_textpage()
    rows: dict[int, list] = {}
    for i in range(textpage.count_chars()):
        left, _, right, _ = textpage.get_charbox(i)
        _, bottom, _, top = textpage.get_charbox(i, loose=True)  # the line's height: one value a line
        char = textpage.get_text_range(i, 1)
        if char.isspace() or right <= left or unicodedata.combining(char) or not (
            box.x - 1 <= left and right <= box.x + box.w + 1 and box.y - 2 <= bottom <= box.top
        ):
            continue
        rows.setdefault(round(bottom), []).append((left, right))
    return [(min(l for l, _ in r), max(r_ for _, r_ in r)) for _, r in sorted(rows.items(), reverse=True)]


def test_descriptions_are_set_from_the_right(prepared):
    doc, faces = face_page(prepared, "aanspreekpersoon", "back")
    box = faces.back.body.box
    lines = _lines(doc, box)
    assert len(lines) >= 4
    for left, right in lines:
        assert box.x + box.w - 1.0 <= right <= box.x + box.w + 0.5, (right, box)
    assert max(left for left, _ in lines) > box.x + 10  # ragged at the left, where the lines end


def test_a_dutch_description_is_still_set_from_the_left():
    """The same measure on a left-to-right edition finds the opposite: the test tells them apart."""
    from cardgen.build import prepare

    dutch = prepare(SMALL)
    doc, faces = face_page(dutch, "aanspreekpersoon", "back")
    box = faces.back.body.box
    lines = _lines(doc, box)
    assert all(abs(left - box.x) < 1.0 for left, _ in lines)
    assert min(right for _, right in lines) < box.x + box.w - 10


def test_the_band_is_mirrored_with_its_icon_at_the_right(prepared):
    doc, faces = face_page(prepared, "aanspreekpersoon", "back")
    back = faces.back
    card_w = prepared.editions[0].layout.card.width
    assert back.icon.box.x > card_w * 0.75  # where reading starts
    assert back.label.x < back.icon.box.x  # the label at the icon's left
    image = doc[0].render(scale=2).to_pil().convert("RGB")
    band_y = round((back.icon.box.y + back.icon.box.h / 2) * 2)  # through the icon: the band's part inside the safe area
    row = [image.getpixel((x, image.height - band_y)) for x in range(image.width)]
    white = [x for x, p in enumerate(row) if min(p) > 230]
    assert white and min(white) > image.width * 0.35  # icon and label stand in the band's right part


def test_the_poster_puts_the_strengths_at_the_right(prepared, built):
    poster = prepared.editions[0].poster
    strengths, work = poster.emoticons
    assert strengths.box.x > work.box.x
    assert poster.code.box.x < poster.legend[0].text.box.x  # the QR code at the left end of the footer
    swatch, text = poster.legend[0].swatch, poster.legend[0].text
    assert swatch.box.x > text.box.x  # each legend's icon at the right of its text
    image = render(built / "poster.pdf", 0, dpi=30)
    blue = image.getpixel((int(image.width * 0.75), int(image.height * 0.4)))
    pink = image.getpixel((int(image.width * 0.25), int(image.height * 0.4)))
    assert blue[2] > blue[0] and pink[0] > pink[2]  # the blue face at the right, the pink at the left


def test_every_file_says_its_language_and_reading_direction(built):
    for name in ("cards.pdf", "poster.pdf", "print-pack.pdf"):
        root = PdfReader(str(built / name)).trailer["/Root"]
        assert root["/Lang"] == "ar"
        assert root["/ViewerPreferences"]["/Direction"] == "/R2L"


def test_a_left_to_right_edition_says_no_direction(tmp_path):
    from cardgen.build import build, prepare

    build(prepare(SMALL), tmp_path)
    root = PdfReader(str(tmp_path / "nl" / "print-pack.pdf")).trailer["/Root"]
    assert "/Direction" not in root["/ViewerPreferences"]


def test_check_says_arabic_is_not_hyphenated(prepared):
    assert any("no hyphenation dictionary for 'ar'" in note for note in prepared.notes)


# --- fitting measures the shaped text ------------------------------------------------------


def test_fitting_measures_the_shaped_text(prepared):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.paragraphs import paragraph
    from cardgen.typeset.paragraph import markup, measure

    style = prepared.editions[0].layout.card.title
    title = "شخص مرجعي"
    _, widest = measure(paragraph(markup(title), style, 12.5, (0, 0, 0)), 1e6)
    path = ASSETS / "NotoSansArabicLatin-Bold.ttf"
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    upem = TTFont(str(path))["head"].unitsPerEm
    shaped = 0.0
    for word in title.split(" "):
        buf = hb.Buffer()
        buf.add_str(word)
        buf.guess_segment_properties()
        hb.shape(font, buf, FEATURES)
        shaped += sum(p.x_advance for p in buf.glyph_positions) * 12.5 / upem
    shaped += stringWidth(" ", style.font, 12.5)
    assert widest == pytest.approx(shaped, abs=0.05)
    assert abs(stringWidth(title, style.font, 12.5) - shaped) > 0.5  # unshaped letters would measure otherwise


def test_a_latin_edition_is_not_shaped():
    """Shaping is for the editions that need it: it doubles layout time and would change bytes."""
    from cardgen.build import prepare
    from cardgen.paragraphs import paragraph

    layout = prepare(SMALL).editions[0].layout
    para = paragraph("Onze school", layout.card.description, 11, (0, 0, 0))
    assert type(para).__name__ == "Paragraph" and not para.style.shaping


def test_pages_render_with_ink_on_them(built):
    """The pages were looked at by eye while writing this (front, back, poster); here they must at least draw."""
    for name, page in (("cards.pdf", 0), ("cards.pdf", 1), ("poster.pdf", 0)):
        image = render(built / name, page, dpi=20, grey=True)
        assert image.getextrema()[0] < 100


# --- the word order, unit by unit ------------------------------------------------------------


@pytest.mark.parametrize(
    "logical, visual",
    [
        ("أ ب ج", "ج ب أ"),  # Arabic words from right to left
        ("أ Child Focus ب", "ب Child Focus أ"),  # a Latin run keeps its own order inside
        ("أ 12 34 ب", "ب 34 12 أ"),  # numbers stand apart: each reads left to right, in Arabic order
        ("أ - ب", "ب - أ"),
        ("Child - Focus", "Child - Focus"),  # a dash between two Latin words stays between them
    ],
)
def test_words_are_ordered_by_the_bidirectional_algorithm(logical, visual):
    from cardgen.bidi import visual_order, word_class

    words = logical.split(" ")
    assert " ".join(words[i] for i in visual_order([word_class(w) for w in words])) == visual


@pytest.mark.parametrize(
    "markup, prepared",
    [
        ("في مركز CLB.", "في مركز .CLB"),  # the full stop ends the Arabic sentence: at the left
        ("على <a>www.sexting.be</a>. وهذا", "على .<a>www.sexting.be</a> وهذا"),  # and stays outside the link
        ("للمزيد:\u00a0sexting.be", "للمزيد: sexting.be"),  # glued across directions: apart again
        ("كلمة\u00a0كلمة", "كلمة\u00a0كلمة"),  # glued in one direction: kept
        ("(CLB) كلمة", "(CLB) كلمة"),  # brackets mirrored: they still open towards CLB
        ("Child Focus كلمة", "Child Focus كلمة"),
        ("خلال 24 ساعة.", "خلال 24 ساعة."),
        ("نسبة 24% منهم", "نسبة %24 منهم"),  # after Arabic letters digits are Arabic numbers (W2): % at the right
        ("A &amp; B", "A &amp; B"),
        ("من Child Focus.", "من .Child Focus"),  # the stop goes to the left end of the whole Latin run
        ("أ (Child Focus) ب", "أ (Child Focus) ب"),
        ("أ 12 34. ب", "أ 12 .34 ب"),  # two numbers are two runs: the stop stays with the second
    ],
)
def test_markup_is_made_ready_to_shape_word_by_word(markup, prepared):
    from cardgen.bidi_runs import prepare

    assert prepare(markup) == prepared


def test_a_number_after_a_latin_word_joins_it():
    from cardgen.bidi import visual_order, word_class

    words = "أ Child 24 ب".split(" ")  # W7: 24 after Child is Latin; one run: 'Child 24'
    assert " ".join(words[i] for i in visual_order([word_class(w) for w in words])) == "ب Child 24 أ"
    words = "أ 24 Child ب".split(" ")  # the other way round they stand apart: read from the right, 24 first
    assert " ".join(words[i] for i in visual_order([word_class(w) for w in words])) == "ب Child 24 أ"


# --- the studio ------------------------------------------------------------------------------


def test_the_studio_fits_and_draws_an_arabic_edit_with_the_editions_fonts(tmp_path):
    from cardgen.serve.workspace import Workspace

    deck = tmp_path / "deck"
    import shutil

    shutil.copytree(ARABIC, deck)
    ws = Workspace(deck)
    assert ws.problems == ()
    key = "cards.stappenplan.description"
    fit = ws.try_edit("ar", key, ws.texts("ar")[key] + " وهذا مهم جدا.")
    assert fit.status in ("ok", "shrunk"), fit.message
    from PIL import Image

    image = Image.open(BytesIO(ws.face_png("ar", "stappenplan", "back", {key: ws.texts("ar")[key] + " وهذا مهم جدا."}, dpi=60)))
    assert image.convert("L").getextrema()[0] < 120  # drawn, with ink: no font was missing


def test_a_front_label_is_fitted_by_its_shaped_width(prepared):
    from cardgen.bidi import shaped_width
    from cardgen.plan.fit import STEP

    layout = prepared.editions[0].layout.card
    room = layout.width - 2 * layout.padding
    style = layout.front_label
    for fitted in prepared.editions[0].fit.cards:
        label, size = fitted.card.label, fitted.label_size
        assert shaped_width(label, style.font, size) <= room + 1e-6
        if size < style.size:  # as large as the shaped word allows
            assert shaped_width(label, style.font, size + STEP) > room


def test_the_deck_name_on_the_fronts_is_shaped_centred_and_not_spaced_out(prepared):
    from cardgen.bidi import shaped_width

    layout = prepared.editions[0].layout.card
    name = prepared.editions[0].faces[0].front.deck_name
    assert name.shaped and name.spacing == 0  # letters that join must touch
    assert name.x + shaped_width(name.text, name.font, name.size) / 2 == pytest.approx(layout.width / 2)


def test_a_hebrew_edition_is_set_from_the_right_in_its_own_font(tmp_path):
    """A second right-to-left script, without joining: the same machinery, from the language tag alone."""
    from cardgen.build import build, prepare

    hebrew = prepare(Path(__file__).parent / "fixtures" / "decks" / "hebrew")
    build(hebrew, tmp_path)
    cards = tmp_path / "he" / "cards.pdf"
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1] for f in PdfReader(str(cards)).pages[1]["/Resources"]["/Font"].values()}
    assert fonts == {"NotoSansHebrewLatin-Bold", "NotoSansHebrewLatin-Regular"}
    lines = [logical(line) for line in pdfium.PdfDocument(str(cards))[1].get_textpage().get_text_range().split("\r\n")]
    assert "איש קשר" in lines and "תוכנית של 5 שלבים" in lines
    doc, faces = face_page(hebrew, "aanspreekpersoon", "back")
    box = faces.back.body.box
    assert all(box.x + box.w - 1.0 <= right <= box.x + box.w + 0.5 for _, right in _lines(doc, box))
    assert PdfReader(str(cards)).trailer["/Root"]["/ViewerPreferences"]["/Direction"] == "/R2L"


def test_the_calibration_sheet_of_an_arabic_edition_is_shaped_and_set_from_the_right(tmp_path):
    from cardgen.build import calibrate
    from pdfread import find_text

    (pdf,) = calibrate(ARABIC, tmp_path)
    doc = pdfium.PdfDocument(str(pdf))
    width = doc[0].get_size()[0]
    lines = [logical(line) for line in doc[0].get_textpage().get_text_range().split("\r\n")]
    assert "ورقة معايرة للطباعة على الوجهين (1/2)" in lines
    (page,) = find_text(pdf, 0, "(1/2)")
    first = find_text(pdf, 0, "ورقة")[0]
    assert page[2] < first[0]  # read from the right, the page number comes last: at the left
    assert width - first[2] < 20 * 72 / 25.4  # the title starts at the right margin
    assert PdfReader(str(pdf)).trailer["/Root"]["/ViewerPreferences"]["/Direction"] == "/R2L"


def test_words_ending_in_a_raised_vowel_sign_print(tmp_path):
    """ReportLab 5.1 fails (IndexError) on a shaped run whose first glyph is raised, as in a word
    ending in tanween (موظفًا): cardgen steadies such a run with a space of no width."""
    import shutil

    from cardgen.build import build, prepare

    deck = tmp_path / "deck"
    shutil.copytree(ARABIC, deck)
    texts = deck / "ar" / "texts.yaml"
    texts.write_text(texts.read_text(encoding="utf-8").replace("معلما أو موظفا", "معلّمًا أو موظفًا"), encoding="utf-8")
    build(prepare(deck), tmp_path / "out")
    text = logical(pdfium.PdfDocument(str(tmp_path / "out" / "ar" / "cards.pdf"))[1].get_textpage().get_text_range())
    assert "موظف" in text and "مركز" in text


def test_the_poster_tiles_notes_are_shaped(tmp_path):
    from cardgen.build import build, prepare

    build(prepare(ARABIC, tile=(595.2756, 841.8898)), tmp_path)
    tiles = tmp_path / "ar" / "poster-tiles.pdf"
    doc = pdfium.PdfDocument(str(tiles))
    lines = {logical(line) for line in doc[0].get_textpage().get_text_range().split("\r\n")}
    assert "حافة الملصق: قصوا على طول العلامات بعد لصق كل الأجزاء" in lines  # joined, in reading order
    assert PdfReader(str(tiles)).trailer["/Root"]["/ViewerPreferences"]["/Direction"] == "/R2L"


def test_the_studio_page_of_an_arabic_edition_lets_texts_run_from_the_right(tmp_path):
    """Its text fields follow their text's direction (dir="auto"), and its faces are drawn."""
    import re
    import shutil

    from starlette.testclient import TestClient

    from cardgen.serve.app import create_app
    from cardgen.serve.studio import Studio
    from cardgen.serve.workspace import Workspace

    deck = tmp_path / "deck"
    shutil.copytree(ARABIC, deck)
    app = create_app(Studio(Workspace(deck), deck, tmp_path / "out"), watch_folder=False)
    with TestClient(app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False) as client:
        page = client.get("/edition/ar").text
        fields = re.findall(r"<textarea [^>]*>", page)
        assert fields and all('dir="auto"' in field for field in fields)
        face = client.get("/edition/ar/card/aanspreekpersoon/back.png")
        assert face.status_code == 200 and face.headers["content-type"] == "image/png"


def test_a_full_stop_after_a_latin_name_prints_at_the_left_of_the_whole_name(prepared):
    """'... مع Child Focus. ثم ...': read from the right, the stop ends the name, so it stands at the
    name's left, never between its words."""
    from reportlab.pdfgen.canvas import Canvas

    from cardgen.paragraphs import paragraph
    from cardgen.typeset.paragraph import markup

    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(400, 60), invariant=1)
    para = paragraph(markup("نعمل مع Child Focus. ثم نتابع"), prepared.editions[0].layout.card.description, 12, (0, 0, 0))
    para.wrap(380, 50)
    para.drawOn(canvas, 10, 10)
    canvas.save()
    textpage = pdfium.PdfDocument(buffer.getvalue())[0].get_textpage()
    boxes = {}
    for i in range(textpage.count_chars()):
        boxes.setdefault(textpage.get_text_range(i, 1), []).append(textpage.get_charbox(i))
    stop, child, focus = boxes["."][0], boxes["C"][0], boxes["F"][0]
    then = min(box[0] for box in boxes["ث"])  # ثم, the next Arabic word, stands left of it all
    assert then < stop[0] < child[0] < focus[0]


def test_lines_are_ordered_by_the_levels_python_bidi_resolves_for_the_whole_paragraph(prepared):
    """The words' levels come from the paragraph (bidi_runs.prepare_runs), not guessed line by line."""
    from cardgen.bidi import _words_of, run_order
    from cardgen.paragraphs import paragraph

    fitted = next(f for f in prepared.editions[0].fit.cards if f.card.id == "stappenplan")
    para = paragraph(fitted.body_markup, prepared.editions[0].layout.card.description, fitted.body_size, (0, 0, 0))
    para.wrap(prepared.editions[0].faces[0].back.body.box.w, 1000)
    ltr, gaps = para.runs
    assert sum(len(_words_of(line.words)) for line in para.blPara.lines) == len(ltr)  # every word accounted for
    assert ltr.count(True) >= 2  # '24' and the web address
    assert run_order([False, True, True, False], [1, 2, 1]) == [3, 1, 2, 0]
    assert run_order([False, True, True, False], [1, 1, 1]) == [3, 2, 1, 0]  # two numbers: two runs


def test_a_dash_between_latin_words_stays_latin_when_a_line_ends_after_it():
    """'أ Child – Focus ب' broken after the dash: the algorithm, over the paragraph, sets the dash
    left to right (between two Latin words, N1), so it stays at Child's right; a guess from the
    line alone (where nothing Latin follows it) would put it at the line's far left."""
    from cardgen.bidi import run_order, visual_order, word_class
    from cardgen.bidi_runs import prepare_runs

    _, (ltr, gaps) = prepare_runs("أ Child – Focus ب")
    assert ltr == [False, True, True, True, False] and gaps == [1, 2, 2, 1]
    first_line = "أ Child –".split(" ")
    shown = lambda order: " ".join(first_line[i] for i in order)  # noqa: E731
    assert shown(run_order(ltr[:3], gaps[:2])) == "Child – أ"
    assert shown(visual_order([word_class(w) for w in first_line])) == "– Child أ"


def test_a_right_to_left_plan_reaches_a_worker_and_prints_the_same(prepared, built, tmp_path):
    """A parallel build pickles each edition's plan for its worker: a right-to-left text (whose
    shaped words do not pickle) travels as its recipe and is wrapped again to the same lines."""
    import pickle

    from cardgen.build import build

    again = pickle.loads(pickle.dumps(prepared))
    build(again, tmp_path)
    for name in ("cards.pdf", "poster.pdf", "print-pack.pdf"):
        assert (tmp_path / "ar" / name).read_bytes() == (built / name).read_bytes(), name


def test_the_packs_first_page_in_arabic_reads_from_the_right_and_an_english_fallback_from_the_left(tmp_path):
    """The page on how to print the pack, in the edition's Arabic words: set from the right. An
    Arabic edition without those words gets cardgen's English ones, set from the left as English is."""
    import shutil

    import yaml

    from cardgen.build import build, prepare
    from conftest import SHIPPED

    own = yaml.safe_load((SHIPPED / "ar" / "texts.yaml").read_text(encoding="utf-8"))["printing"]
    results = {}
    for name, printing in (("arabic", own), ("fallback", None)):
        deck = tmp_path / name
        shutil.copytree(ARABIC, deck)
        texts = deck / "ar" / "texts.yaml"
        if printing:
            texts.write_text(texts.read_text(encoding="utf-8") + "\n" + yaml.safe_dump({"printing": printing}, allow_unicode=True), encoding="utf-8")
        build(prepare(deck), tmp_path / f"out-{name}")
        doc = pdfium.PdfDocument(str(tmp_path / f"out-{name}" / "ar" / "print-pack.pdf"))
        page = doc[0]
        textpage = page.get_textpage()
        boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars()) if textpage.get_text_range(i, 1).strip()]
        top = max(b[3] for b in boxes)
        title = [b for b in boxes if b[3] > top - 5]  # the page's title, its first line
        width = page.get_size()[0]
        results[name] = (min(b[0] for b in title) / width, max(b[2] for b in title) / width)
        doc.close()
    left, right = results["arabic"]
    assert right > 0.85 and left > 0.4, results  # the title ends at the right margin, where reading starts
    left, right = results["fallback"]
    assert left < 0.15 and right < 0.6, results  # English starts at the left margin
