"""Previews are drawn by the printing code: a face's PNG has the card's size and its colours."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from cardgen import preview
from cardgen.build import prepare
from cardgen.units import MM

CONTENT = Path(__file__).resolve().parent / "fixtures" / "decks" / "editions"  # frozen: see conftest.py


@pytest.fixture(scope="module")
def dutch():
    prepared = prepare(CONTENT, lang="nl")
    return prepared, prepared.editions[0]


def image(data: bytes) -> Image.Image:
    return Image.open(BytesIO(data)).convert("RGB")


def test_a_front_preview_is_the_card_in_its_category_colour(dutch):
    prepared, plan = dutch
    index = preview.card_index(plan, "stappenplan")
    front = image(preview.png(preview.face_pdf(prepared, plan, index, "front"), dpi=72))
    assert abs(front.width - 63 * MM) <= 1 and abs(front.height - 88 * MM) <= 1  # PDFium rounds up
    orange = prepared.deck.structure.category("reactie").colour
    assert front.getpixel((5, 5)) == tuple(round(c * 255) for c in orange)


def test_a_back_preview_is_light_with_the_band_on_top(dutch):
    prepared, plan = dutch
    back = image(preview.png(preview.face_pdf(prepared, plan, preview.card_index(plan, "stappenplan"), "back"), dpi=72))
    light = prepared.layout.card.back_background
    assert back.getpixel((back.width // 2, back.height - 30)) == tuple(round(c * 255) for c in light)
    assert back.getpixel((3, 3)) != back.getpixel((back.width // 2, back.height - 30))


def test_the_poster_preview_has_the_posters_proportions(dutch):
    prepared, plan = dutch
    poster = image(preview.png(preview.poster_pdf(prepared, plan), dpi=20))
    width, height = prepared.layout.poster.paper
    assert abs(poster.width / poster.height - width / height) < 0.02


def test_an_unknown_card_is_a_key_error(dutch):
    with pytest.raises(KeyError):
        preview.card_index(dutch[1], "no-such-card")
