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
