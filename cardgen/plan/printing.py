"""The print pack's first page: how each part prints, in the edition's language. Pure: the texts,
the pack's parts and the page size in, positioned text out.

A PDF carries one duplex preference for the whole file. The pack holds the parts that print the
same way as the cards (double-sided, or single-sided for fold-over sheets) and the poster, which
is one page on a sheet of its own; the poster's tiles print single-sided, so they stay in their
own file, which the page names. In a double-sided pack this page has a blank back, so that the
cards start on a sheet of their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cardgen.errors import Problems, show_path
from cardgen.model import Edition, PrintingTexts
from cardgen.spec import Layout, TextStyle
from cardgen.plan.sheets import SheetPlan
from cardgen.scripts import reads_right_to_left
from cardgen.plan.geometry import Line, Rect, TextBlock
from cardgen.typeset.markup import printed, typeset
from cardgen.typeset.paragraph import measure, paragraph
from cardgen.units import MM, PAPERS_MM, fill_placeholders

if TYPE_CHECKING:  # the tiles' plan is imported only when the poster is tiled
    from cardgen.plan.tiles import TilePlan

MARGIN = 20 * MM
TITLE_SIZE = 20.0
BODY_SIZE = 12.5
SMALLEST = 8.0  # the parts are set smaller, down to this, when a long translation needs it
LEADING = 1.35
PART_GAP = 5 * MM
TITLE_GAP = 10 * MM
INK = (0.15, 0.15, 0.17)
TILES_FILE = "poster-tiles.pdf"  # as cardgen.build names it


@dataclass(frozen=True)
class Part:
    """One part of the print pack as the page describes it."""

    name: str  # its bookmark
    first: int  # its pages in the pack, 1-based
    last: int


@dataclass(frozen=True)
class PrintingPlan:
    size: tuple[float, float]
    title: Line
    parts: tuple[TextBlock, ...]
    blank: TextBlock | None  # the note on the page's blank back, in a double-sided pack

    @property
    def pages(self) -> int:
        return 2 if self.blank else 1


def paper_name(size: tuple[float, float]) -> str:
    """'A3' for a sheet of A3 either way up; '500 x 700 mm' for any other."""
    short, long_ = sorted(v / MM for v in size)
    for name, (w, h) in PAPERS_MM.items():
        if abs(short - w) < 1 and abs(long_ - h) < 1:
            return name
    return f"{short:.0f} x {long_:.0f} mm"


def pack_pages(flip: str) -> int:
    """How many pages this page takes at the pack's start: two (with a blank back) when it prints double-sided."""
    return 1 if flip == "fold" else 2


def plan_printing(
    texts: PrintingTexts, language: str, fonts: tuple[str, str], size: tuple[float, float], flip: str,
    cards: Part, poster: Part, poster_paper: tuple[float, float], tiles: tuple[str, str, int, tuple[float, float]] | None,
    rtl: bool = False,
) -> PrintingPlan | None:
    """`fonts` are (regular, bold); `tiles` is (bookmark, file name, sheets, sheet size) when the
    poster is also tiled. Pages are numbered in the pack. None when the texts do not fit the page
    even at the smallest size. `rtl`: the texts read right to left (shaped, set from the right)."""
    regular, bold = fonts
    width, height = size
    pages = f"{cards.first}–{cards.last}"
    entries = [
        fill_placeholders(getattr(texts, f"cards_{flip}"), {"part": cards.name, "pages": pages}),
        fill_placeholders(texts.poster, {"part": poster.name, "page": poster.first, "paper": paper_name(poster_paper)}),
    ]
    if tiles:
        name, file, count, sheet = tiles
        entries.append(fill_placeholders(texts.tiles, {"part": name, "file": file, "count": count, "paper": paper_name(sheet)}))
    markups = [typeset(entry, language, hyphenate=False) for entry in entries]
    box_w = width - 2 * MARGIN
    heading = printed(texts.title, language).replace("\n", " ")
    title = Line(heading, bold, TITLE_SIZE, INK, MARGIN, height - MARGIN - TITLE_SIZE)
    if rtl:
        from cardgen.bidi import shaped_width

        title = Line(heading, bold, TITLE_SIZE, INK, width - MARGIN - shaped_width(heading, bold, TITLE_SIZE), title.y, shaped=True)
    room = height - 2 * MARGIN - TITLE_SIZE - TITLE_GAP
    size_ = BODY_SIZE
    while True:  # a long translation is set smaller, as long as it stays readable
        style = TextStyle(regular, size_, SMALLEST, LEADING, INK, direction="rtl" if rtl else "ltr")
        heights = [measure(paragraph(m, style, size_, INK), box_w)[0] for m in markups]
        if sum(heights) + PART_GAP * (len(heights) - 1) <= room:
            break
        if size_ <= SMALLEST:
            return None
        size_ -= 0.5
    top = title.y - TITLE_GAP
    blocks = []
    for markup_text, block_h in zip(markups, heights):
        blocks.append(TextBlock(markup_text, style, size_, INK, Rect(MARGIN, top - block_h, box_w, block_h)))
        top -= block_h + PART_GAP
    blank = None
    if pack_pages(flip) == 2:
        note = typeset(texts.blank, language, hyphenate=False)
        note_h = measure(paragraph(note, style, size_, INK), box_w)[0]
        blank = TextBlock(note, style, size_, INK, Rect(MARGIN, height / 2 - note_h / 2, box_w, note_h), "center")
    return PrintingPlan(size, title, tuple(blocks), blank)


def plan_first_page(edition: Edition, layout: Layout, sheets: SheetPlan, tiles: TilePlan | None, problems: Problems, notes: list) -> PrintingPlan | None:
    """The pack's first page, saying how each part prints; a deck without its texts gets a pack without it."""
    texts = edition.printing
    if texts is None:
        notes.append(f"edition '{edition.code}': no 'printing:' section in {show_path(edition.path)}; the print pack has no "
                     "first page saying how to print it (copy the section from another edition and translate it)")  # fmt: skip
        return None
    first = pack_pages(sheets.flip)
    card_pages = len(sheets.sheets) * (1 if sheets.fold else 2)
    cards = Part(edition.bookmark_cards, first + 1, first + card_pages)
    poster = Part(edition.bookmark_poster, first + card_pages + 1, first + card_pages + 1)
    tiled = (edition.bookmark_tiles or edition.bookmark_poster, TILES_FILE, len(tiles.tiles), tiles.sheet) if tiles else None
    fonts = (layout.fonts.regular.name, layout.fonts.bold.name)
    rtl = layout.direction == "rtl" and reads_right_to_left(texts.title)  # not an English fallback text
    plan = plan_printing(texts, edition.language, fonts, layout.sheet.paper, sheets.flip, cards, poster, layout.poster.paper, tiled, rtl)
    if plan is None:
        problems.add(edition.path, edition.line("printing.title"), "printing",
                     f"edition '{edition.code}': the texts under 'printing:' do not fit on one page even at 8 pt; shorten them")  # fmt: skip
    return plan
