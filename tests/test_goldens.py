"""Golden pages: what the draw stage paints, compared with pictures kept beside the tests.

Every page of the Dutch print pack of the frozen test deck (tests/fixtures/decks/frozen) is
rendered at 20 dpi in grey and compared with tests/goldens/<page>.png. A page differs when more
than 0.1 % of its pixels are more than 64 grey levels apart: a card face moved by 1 mm trips it
(about 180 such pixels on a card sheet), while antialiasing that varies between PDFium versions
stays within a few levels at the edges of shapes. Changing the shipped content/ changes nothing here.

After a change that is meant to move or repaint what is printed, rewrite the goldens, then look at
the changed PNGs before committing them:

    CARDGEN_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/test_goldens.py -p no:cacheprovider
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from cardgen.build import build, prepare
from conftest import FROZEN
from pdfread import MM, page_sizes, render

GOLDENS = Path(__file__).parent / "goldens"
UPDATE = os.environ.get("CARDGEN_UPDATE_GOLDENS") == "1"
DPI = 20
APART = 64  # grey levels: more than antialiasing moves a pixel
SHARE = 0.001  # of a page's pixels
PAGES = ["printing", "printing-back"] + [f"cards-{sheet}-{side}" for sheet in (1, 2, 3) for side in ("front", "back")] + ["poster"]


def frozen_pack(out: Path) -> Path:
    build(prepare(FROZEN, lang="nl"), out)
    return out / "nl" / "print-pack.pdf"


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return frozen_pack(tmp_path_factory.mktemp("golden"))


def differing(image: Image.Image, golden: Image.Image) -> int:
    """How many pixels stand more than APART grey levels from the golden's."""
    assert image.size == golden.size, (image.size, golden.size)
    return sum(1 for level in ImageChops.difference(image, golden).tobytes() if level > APART)


def allowed(image: Image.Image) -> int:
    return round(SHARE * image.width * image.height)


def test_the_goldens_cover_every_page_of_the_pack(pack):
    assert len(page_sizes(pack)) == len(PAGES)


@pytest.mark.parametrize("index", range(len(PAGES)), ids=PAGES)
def test_each_page_matches_its_golden(pack, index):
    image = render(pack, index, dpi=DPI, grey=True)
    path = GOLDENS / f"{PAGES[index]}.png"
    if UPDATE:
        GOLDENS.mkdir(exist_ok=True)
        image.save(path, optimize=True)
    assert path.is_file(), f"no golden {path.name}: write it with CARDGEN_UPDATE_GOLDENS=1"
    with Image.open(path) as golden:
        count = differing(image, golden.convert("L"))
    assert count <= allowed(image), f"{PAGES[index]}: {count} pixels differ from {path.name}"


def shift_one_front(monkeypatch, which: int, dx: float) -> None:
    """Every later call of draw_front paints as before except call number `which`, moved dx points
    to the right: wherever the drawing code imports draw_front from, that copy is replaced."""
    import cardgen

    for module in pkgutil.walk_packages(cardgen.__path__, "cardgen."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    from cardgen.draw.cards import draw_front as real

    calls = []

    def moved(canvas, *args, **kwargs):
        calls.append(None)
        canvas.saveState()
        if len(calls) == which:
            canvas.translate(dx, 0)
        real(canvas, *args, **kwargs)
        canvas.restoreState()

    holders = [m for name, m in sys.modules.items() if name.startswith("cardgen") and getattr(m, "draw_front", None) is real]
    assert holders, "draw_front is no longer in cardgen.draw.cards: move this monkeypatch with it"
    for module in holders:
        monkeypatch.setattr(module, "draw_front", moved)


def test_a_face_moved_2_mm_differs_from_its_golden(pack, monkeypatch, tmp_path):
    """The goldens can fail: card 1 (the second front of the first sheet) 2 mm to the right."""
    shift_one_front(monkeypatch, 2, 2 * MM)
    moved = frozen_pack(tmp_path)
    front_page, back_page = PAGES.index("cards-1-front"), PAGES.index("cards-1-back")
    with Image.open(GOLDENS / f"{PAGES[front_page]}.png") as golden:
        front = render(moved, front_page, dpi=DPI, grey=True)
        assert differing(front, golden.convert("L")) > allowed(front)
    with Image.open(GOLDENS / f"{PAGES[back_page]}.png") as golden:
        back = render(moved, back_page, dpi=DPI, grey=True)  # the backs did not move
        assert differing(back, golden.convert("L")) <= allowed(back)
