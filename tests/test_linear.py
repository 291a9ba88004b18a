"""A build's typesetting grows with the deck card for card: every card costs the same, whatever
the deck's size, and no text is typeset or wrapped more often than planning and drawing need.
Counted, not timed, so that a loaded machine cannot make the test pass or fail."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from reportlab.platypus import Paragraph

import cardgen.typeset.markup
from cardgen.build import build, prepare

FROZEN = Path(__file__).parent / "fixtures" / "decks" / "frozen"
BLOCK = len(yaml.safe_load((FROZEN / "deck.yaml").read_text(encoding="utf-8"))["cards"])


def deck_of(blocks: int, folder: Path) -> Path:
    """The frozen deck with its action cards written `blocks` times over, each copy under ids of its own."""
    shutil.copytree(FROZEN, folder)
    structure = yaml.safe_load((folder / "deck.yaml").read_text(encoding="utf-8"))
    texts = yaml.safe_load((folder / "nl" / "texts.yaml").read_text(encoding="utf-8"))
    specs, card_texts = [], {}
    for block in range(blocks):
        for spec in structure["cards"]:
            card_id = f"{spec['id']}-{block}"
            specs.append({**spec, "id": card_id})
            card_texts[card_id] = dict(texts["cards"][spec["id"]])
    structure["cards"], texts["cards"] = specs, card_texts
    (folder / "deck.yaml").write_text(yaml.safe_dump(structure, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / "nl" / "texts.yaml").write_text(yaml.safe_dump(texts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture
def work(tmp_path, monkeypatch):
    """blocks -> how often a build of that deck built a paragraph, wrapped one, and read a
    text's markup and punctuation (every typeset() and printed() does, once)."""
    counts: Counter = Counter()
    real_init, real_wrap, real_tokens = Paragraph.__init__, Paragraph.wrap, cardgen.typeset.markup._tokens

    def init(self, *args, **kwargs):
        counts["paragraphs"] += 1
        real_init(self, *args, **kwargs)

    def wrap(self, *args, **kwargs):
        counts["wraps"] += 1
        return real_wrap(self, *args, **kwargs)

    def tokens(*args, **kwargs):
        counts["texts read"] += 1
        return real_tokens(*args, **kwargs)

    monkeypatch.setattr(Paragraph, "__init__", init)
    monkeypatch.setattr(Paragraph, "wrap", wrap)
    monkeypatch.setattr(cardgen.typeset.markup, "_tokens", tokens)

    def run(blocks: int) -> Counter:
        counts.clear()
        build(prepare(deck_of(blocks, tmp_path / f"deck-{blocks}")), tmp_path / f"out-{blocks}")
        return Counter(counts)

    return run


def test_every_card_costs_the_same_whatever_the_decks_size(work):
    one, two, four = work(1), work(2), work(4)
    first = {what: two[what] - one[what] for what in one}
    later = {what: (four[what] - two[what]) / 2 for what in one}
    assert first == later, f"the second {BLOCK} cards cost {first}, each later {BLOCK} cost {later}"


def test_each_card_is_typeset_and_wrapped_no_more_than_it_needs(work):
    """Per action card: its title and description wrapped once each, to fit them, and drawn as
    fitted, without a second wrap; a description whose last word would stand alone is wrapped
    once more with the last two words together (a third of them in this deck, since the back's
    text box keeps 5.3 mm from the cut). The front's label is shared by a category's cards: wrapped
    once, not per card."""
    one, four = work(1), work(4)
    per_card = {what: (four[what] - one[what]) / (3 * BLOCK) for what in one}
    assert per_card["wraps"] <= 2 + 1 / 3 + 1e-9, per_card
    assert per_card["paragraphs"] <= 2 + 1 / 3 + 1e-9, per_card
    # typeset: the title, and the description once for both its variants; printed: the glyph
    # check's title, description and number (a label once for its category's cards), and the
    # title's widest word. The copies in this deck repeat their texts, which the glyph check
    # reads once: 4 a card here, 6 in a deck of different texts.
    assert per_card["texts read"] <= 4, per_card


def test_drawing_wraps_no_card_text(tmp_path, monkeypatch):
    """Drawing paints the lines planning measured: however many cards, drawing wraps only the
    poster's few texts, which are planned without kept lines."""
    from cardgen.build import render_edition

    wraps = []
    real_wrap = Paragraph.wrap

    def wrap(self, *args, **kwargs):
        wraps.append(self)
        return real_wrap(self, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "wrap", wrap)
    counts = {}
    for blocks in (1, 3):
        prepared = prepare(deck_of(blocks, tmp_path / f"deck-{blocks}"))
        plan = prepared.editions[0]
        staging = tmp_path / f"out-{blocks}"
        staging.mkdir()
        wraps.clear()
        render_edition(prepared, plan, staging)
        counts[blocks] = len(wraps)
    assert counts[1] == counts[3], f"drawing wrapped {counts[3] - counts[1]} paragraphs for {2 * BLOCK} more cards"


def test_kept_lines_draw_the_same_after_a_trip_to_a_worker(frozen):
    """Workers receive plans by pickling: the kept lines survive it."""
    import pickle

    body = frozen.editions[0].faces[1].back.body
    again = pickle.loads(pickle.dumps(body.lines))
    assert again.paragraph().blPara.lines == body.lines.paragraph().blPara.lines
    assert again.height == body.lines.height


def test_kept_lines_take_a_fraction_of_a_paragraphs_memory(frozen):
    """A deck of 10,000 cards keeps 20,000 wrapped texts from fitting to drawing."""
    import tracemalloc

    from cardgen.paragraphs import Lines, wrapped

    body = frozen.editions[0].faces[1].back.body
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        paragraphs = [wrapped(body.markup, body.style, body.size, body.colour, body.box.w) for _ in range(100)]
        whole = tracemalloc.get_traced_memory()[0] - before
        before = tracemalloc.get_traced_memory()[0]
        kept = [Lines(p) for p in paragraphs]
        small = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(kept) == 100 and small * 4 < whole, (small, whole)


@pytest.fixture(scope="module")
def frozen():
    return prepare(FROZEN)


class Counted(tuple):
    """A tuple that counts how often it is read from start to end."""

    reads = 0

    def __iter__(self):
        type(self).reads += 1
        return super().__iter__()


def test_looking_up_every_card_reads_the_editions_texts_once(frozen, monkeypatch):
    from dataclasses import replace

    edition = frozen.deck.editions[0]
    monkeypatch.setattr(Counted, "reads", 0)
    counted = replace(edition, cards=Counted(edition.cards), categories=Counted(edition.categories), lines=Counted(edition.lines))
    for card_id, text in edition.cards:
        assert counted.card(card_id) == text
        assert counted.category("preventie") == edition.category("preventie")
        assert counted.line("deck.title") == edition.line("deck.title")
    assert Counted.reads == 3  # cards, categories and lines: each made a mapping once, not once a lookup


def test_looking_up_a_cards_sources_reads_them_once(frozen, monkeypatch):
    from dataclasses import replace

    card = frozen.editions[0].fit.cards[0].card
    monkeypatch.setattr(Counted, "reads", 0)
    counted = replace(card, sources=Counted(card.sources))
    for _ in range(100):
        assert counted.source_of("title") == card.source_of("title")
    assert Counted.reads == 1


def test_cards_of_one_category_share_their_equal_items(frozen):
    """A category's background, icon, label and rule are one object for all its cards, so that a
    deck of 10,000 cards does not hold 10,000 copies; what differs (texts, number) stays each card's."""
    plan = frozen.editions[0]
    by_category: dict = {}
    for fitted, faces in zip(plan.fit.cards, plan.faces):
        if fitted.card.kind == "action":
            by_category.setdefault(fitted.card.label, []).append(faces)
    first, second = next(faces for faces in by_category.values() if len(faces) > 1)[:2]
    for part in ("background", "icon", "label", "rule", "deck_name"):
        assert getattr(first.front, part) is getattr(second.front, part), part
    for part in ("background", "band", "icon", "label"):
        assert getattr(first.back, part) is getattr(second.back, part), part
    assert first.back.body is not second.back.body and first.front.number != second.front.number


def with_texts_of_their_own(folder: Path) -> Path:
    """Every card's title and description made its own (deck_of's copies share their texts, and
    with them their typesetting), as in a real deck of that size."""
    path = folder / "nl" / "texts.yaml"
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))
    for n, card in enumerate(texts["cards"].values()):
        card["title"] = f"{card['title']} {n}"
        card["description"] = f"{card['description']} Kaart {n} van de stapel."
    path.write_text(yaml.safe_dump(texts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def held_by(root) -> int:
    """The bytes of every object reachable from `root` (modules, classes and functions aside)."""
    import gc
    import sys
    from types import BuiltinFunctionType, FunctionType, ModuleType

    skip = (type, ModuleType, FunctionType, BuiltinFunctionType)
    seen, todo, total = set(), [root], 0
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, skip):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        todo.extend(gc.get_referents(obj))
    return total


def test_what_a_build_draws_from_holds_a_few_kib_a_card(tmp_path):
    """The plans drawing keeps (build.for_drawing) grow by at most 8 KiB a card (6 KiB now, 9.5
    before the plans were made lean): 10,000 cards draw in about 100 MiB. Counted object by
    object, not timed."""
    from cardgen.build import for_drawing

    held = {}
    for blocks in (2, 8):
        plans = for_drawing(prepare(with_texts_of_their_own(deck_of(blocks, tmp_path / f"deck{blocks}")), lang="nl"))
        held[len(plans.editions[0].faces)] = held_by(plans)
    (small, before), (large, after) = sorted(held.items())
    per_card = (after - before) / (large - small)
    assert per_card < 8 * 1024, f"{per_card / 1024:.1f} KiB a card"


class _Recording:
    """A file that remembers the size of every write."""

    def __init__(self) -> None:
        self.data, self.writes = bytearray(), []

    def write(self, piece: bytes) -> int:
        self.data += piece
        self.writes.append(len(piece))
        return len(piece)


def _sheet(target):
    from cardgen.pdf.render import PagesCompressed

    canvas = PagesCompressed(target, invariant=1, pageCompression=1)
    for page in range(40):
        for line in range(30):
            canvas.drawString(50, 800 - line * 25, f"page {page}, line {line}: words that fill a content stream")
        canvas.showPage()
    return canvas


def test_a_document_is_written_to_its_file_as_it_is_formatted_in_reportlabs_own_bytes(tmp_path):
    """ReportLab gathers every piece of a file, joins them and then writes: twice the file in memory
    at once (8 MiB of 10,000 cards). cardgen's canvases write each piece as it is formatted."""
    whole = _sheet(tmp_path / "whole.pdf").getpdfdata()  # ReportLab's own way: the file as one string
    streamed = _Recording()
    _sheet(streamed).save()
    assert bytes(streamed.data) == whole
    assert len(streamed.writes) > 80 and max(streamed.writes) < len(whole) / 10
    _sheet(str(tmp_path / "file.pdf")).save()
    assert (tmp_path / "file.pdf").read_bytes() == whole
