"""One card's texts measured: their markup, colours, and wrapped heights and widths at any size,
kept, so that fitting (plan/fit.py) and the studio ask each question once."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from cardgen.paragraphs import Lines, wrapped
from cardgen.plan.geometry import BODY_GAP, back_regions
from cardgen.plan.palette import on_back
from cardgen.model import RGB, Card
from cardgen.spec import CardLayout
from cardgen.typeset.paragraph import coloured, hex_colour, last_line_words
from cardgen.typeset.markup import typeset_glued, typeset_printed

SLACK = 1e-6  # pt: float noise only; paragraphs are set with spaceShrinkage=0, so lines never pass the width


def body_markups(card: Card, bold_font: str, language: str) -> tuple[str, str]:
    """The description, and for the rules card its hashtags, as paragraph markup; links take the
    card's colour. Twice: as written, and with its last two words glued together."""
    texts = typeset_glued(card.description, language, link_colour=hex_colour(card.ink or card.colour))
    if not card.tags:
        return texts
    tags = "<br/><br/>" + " ".join(coloured(t, colour, bold_font) for t, colour in card.tags)
    return texts[0] + tags, texts[1] + tags


def text_colours(card: Card, layout: CardLayout) -> tuple[RGB, RGB]:
    """The colours of a card's title and description on the light back (see palette.on_back)."""
    return on_back(layout.title, card, layout), on_back(layout.description, card, layout)


class Measure:
    """Wrapped heights of one card's texts at given sizes, cached: fitting asks the same often.
    The last paragraph wrapped of each text (and variant) is kept: fitting mostly ends on it.
    Slotted: a deck of 10,000 cards keeps 10,000 measures until it is fitted."""

    __slots__ = ("card", "layout", "language", "regions", "title_markup", "title_printed", "bold", "colours", "_bodies", "_cache", "_kept")

    def __init__(self, card: Card, layout: CardLayout, bold: str, language: str) -> None:
        self.card = card
        self.layout = layout
        self.language = language
        self.regions = back_regions(layout)
        self.title_markup, self.title_printed = typeset_printed(card.title, language, hyphenate=False)
        self.bold = bold
        self.colours = text_colours(card, layout)  # measured in the colours they print in, to be drawn as measured
        self._bodies: tuple[str, str] | None = None
        self._cache: dict = {}
        self._kept: dict = {}  # ("title",) or ("body", glue) -> (size, the lines wrapped at it)

    def body_markup(self, glue: bool) -> str:
        if self._bodies is None:
            self._bodies = body_markups(self.card, self.bold, self.language)
        return self._bodies[glue]

    def _wrap(self, key: tuple, size: float) -> Paragraph:
        if key[0] == "title":
            return wrapped(self.title_markup, self.layout.title, size, self.colours[0], self.regions.text_w)
        return wrapped(self.body_markup(key[1]), self.layout.description, size, self.colours[1], self.regions.text_w)

    def _get(self, key: tuple, size: float):
        if (key, size) not in self._cache:
            para = self._wrap(key, size)
            widest = max(para.getActualLineWidths0(), default=0.0)
            self._cache[key, size] = (para.height, widest, last_line_words(para))
            self._kept[key] = (size, Lines(para))  # kept small: every card's measure lives until the deck is fitted
        return self._cache[key, size]

    def title(self, size: float) -> tuple[float, float]:
        return self._get(("title",), size)[:2]

    def body(self, size: float, glue: bool = False) -> tuple[float, float]:
        return self._get(("body", glue), size)[:2]

    def lone_last_word(self, size: float) -> bool:
        return self._get(("body", False), size)[2] == 1

    def lines(self, size: float, glue: bool | None = None) -> Lines:
        """The title (glue None) or description wrapped at `size`: the paragraph measured, when it
        was the last of its kind; else wrapped now (a size fitting tried before a later one)."""
        key = ("title",) if glue is None else ("body", glue)
        kept = self._kept.get(key)
        return kept[1] if kept and kept[0] == size else Lines(self._wrap(key, size))

    def body_room(self, title_size: float) -> float:
        title_height, _ = self.title(title_size)
        r = self.regions
        return r.text_top - title_height - BODY_GAP - r.text_bottom

    def body_fits(self, title_size: float, size: float, glue: bool = False) -> bool:
        height, widest = self.body(size, glue)
        return height <= self.body_room(title_size) + 1e-6 and widest <= self.regions.text_w + SLACK

    def glue(self, title_size: float, size: float) -> bool:
        """Keep the last two words together when one would stand alone and the box has room."""
        return self.lone_last_word(size) and self.body_fits(title_size, size, glue=True)
