"""ReportLab's number formatting and text widths, remembered (cardgen/rl_memo.py): the very
results ReportLab's own functions give, in every case a page can ask for."""

from __future__ import annotations

import random

import pytest
from reportlab.pdfbase.pdfmetrics import getFont

import cardgen.paragraphs  # noqa: F401  (installs the memories, as every build does)
from cardgen import rl_memo
from cardgen.load.fonts import register_fonts


def test_every_number_is_written_as_reportlab_writes_it():
    rng = random.Random(7)
    numbers = [0, 0.0, -0.0, 1, 1.0, True, 1e-8, -1e-8, 0.5, 12.3456789, -595.2756, 1e12, 3, 841.8897637795277]
    numbers += [rng.uniform(-1000, 1000) for _ in range(2000)] + [rng.randint(-5000, 5000) for _ in range(200)]
    for n in numbers + numbers:  # the second time from the memory
        assert rl_memo.fp_str(n) == rl_memo._plain_fp_str(n), n
    for a, b, c in zip(numbers, numbers[1:], numbers[2:]):
        assert rl_memo.fp_str(a, b, c) == rl_memo._plain_fp_str(a, b, c)
    assert rl_memo.fp_str([1.5, 2.25]) == rl_memo._plain_fp_str([1.5, 2.25])  # a list: not remembered, same text


def test_the_memories_stay_bounded(monkeypatch):
    monkeypatch.setattr(rl_memo, "LIMIT", 10)
    for i in range(100):
        rl_memo.fp_str(i + 0.5)
    assert len(rl_memo._numbers) <= 10


@pytest.fixture(scope="module")
def font(frozen_layout):
    register_fonts(frozen_layout.fonts)
    return getFont(frozen_layout.fonts.regular.name)


@pytest.fixture(scope="module")
def frozen_layout():
    from pathlib import Path

    from cardgen.build import prepare

    return prepare(Path(__file__).parent / "fixtures" / "decks" / "frozen").layout


def test_text_widths_are_reportlabs_to_the_last_bit(font):
    words = ["", "a", "zorgcoördinator", "Onze school", "l’école « oui »", "\u00ad", "😀", "sexting.be"] * 2
    for word in words:
        for size in (7, 9.5, 11, 11.25, 37.5):
            assert font.stringWidth(word, size) == rl_memo._plain_width(font, word, size), (word, size)
    assert font.stringWidth(b"bytes", 10) == rl_memo._plain_width(font, b"bytes", 10)


def test_a_build_writes_through_the_memories():
    import reportlab.pdfgen.canvas
    import reportlab.pdfgen.textobject
    from reportlab.pdfbase import ttfonts

    assert reportlab.pdfgen.canvas.fp_str is rl_memo.fp_str
    assert reportlab.pdfgen.textobject.fp_str is rl_memo.fp_str
    assert ttfonts.TTFont.stringWidth is rl_memo.string_width


# --- the one-pass paths give what ReportLab's own code gives ------------------------------------

PIECES = list("ab cd\u00ad\u00a0\n\t'\"é€ >\u2009\u200b\x1c()\\") + ["  ", "\n\n", " x ", "zorgcoördinator", "l’école", "…"]


def texts(seed: int, count: int, longest: int = 30):
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randrange(0, longest))) for _ in range(count)]


@pytest.fixture(scope="module")
def styles(frozen_layout):
    from reportlab.lib.colors import CMYKColor

    from cardgen.paragraphs import paragraph_style

    register_fonts(frozen_layout.fonts)
    card = frozen_layout.card
    return [paragraph_style(style, style.size, colour, align) for style in (card.description, card.title)
            for colour in ((0.1, 0.2, 0.3), CMYKColor(0.1, 0.2, 0.3, 0.4)) for align in ("left", "center")]  # fmt: skip


def test_a_plain_paragraph_gets_the_fragments_and_lines_reportlabs_parser_gives(styles):
    from reportlab.platypus.paragraph import Paragraph, cleanBlockQuotedText

    def parsed(text, style):  # ReportLab's own set-up, which runs the markup parser
        p = Paragraph.__new__(Paragraph)
        p.caseSensitive, p.encoding = 1, "utf8"
        rl_memo._plain_setup(p, text, style, None, None, cleanBlockQuotedText)
        return p

    rng = random.Random(3)
    for text in texts(1, 3000):
        style = rng.choice(styles)
        ours, theirs = Paragraph(text, style), parsed(text, style)
        assert ours.text == theirs.text and ours.style is theirs.style, repr(text)
        assert [(type(f), f.__dict__) for f in ours.frags] == [(type(f), f.__dict__) for f in theirs.frags], repr(text)
        ours.wrap(100, 1e6)
        theirs.wrap(100, 1e6)
        assert ours.blPara.lines == theirs.blPara.lines, repr(text)


def test_a_line_of_text_is_written_as_reportlab_writes_it(frozen_layout):
    """split_string, escape_pdf and format_text against ReportLab's own, on one canvas: the
    first lines give the subset its codes, later ones take the translated path."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    register_fonts(frozen_layout.fonts)
    font = getFont(frozen_layout.fonts.regular.name)
    canvas = Canvas(io.BytesIO())
    text = canvas.beginText()
    text.setFont(font.fontName, 10)
    for line in texts(2, 2000, longest=20) + ["".join(map(chr, range(0x100, 0x220)))]:  # past 256 codes: a second subset
        text._curSubset = -1
        theirs = rl_memo._plain_format(text, line)
        text._curSubset = -1
        assert rl_memo.format_text(text, line) == theirs, repr(line)
        assert font.splitString(line, canvas._doc) == rl_memo._plain_split(font, line, canvas._doc), repr(line)
    for data in [bytes(range(256)), b"(a)\\b\r\n"]:
        assert rl_memo.escape_pdf(data) == rl_memo._plain_escape(data)


def test_a_soft_hyphenated_word_is_reportlabs():
    from reportlab.platypus.paragraph import _SHYStr

    for word in ["ver\u00adkeerd", "\u00adab", "ab\u00ad", "a\u00ad\u00adb", "plain", "", "\u00ad"] + texts(4, 500, 12):
        ours, theirs = rl_memo.shy_word(_SHYStr, word), rl_memo._plain_shy_word(_SHYStr, word)
        assert str(ours) == str(theirs) and ours.__sp__ == theirs.__sp__, repr(word)


def test_printed_text_holds_only_its_own_characters_and_those_typesetting_adds():
    """The glyph check asks the fonts about a text's own characters and added_characters() only."""
    from cardgen.typeset.markup import printed
    from cardgen.typeset.punctuation import added_characters

    rng = random.Random(5)
    pieces = PIECES + list("\"'.,:;!?-") + ["...", " - ", "'s ", "bv. ", "p. ex. ", "www.sexting.be", "5 km", "€ 5", "«", "»", "ca. "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 25)))
        for language in ("nl", "fr", "de", "en", "it", "nl-BE", "fr-CA", "ar", "tr", "uk"):
            extra = set(printed(text, language)) - set(text) - set(added_characters(language))
            assert not extra, (text, language, extra)
