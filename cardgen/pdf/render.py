"""Sheets and poster to PDF files with ReportLab: everything drawn here was decided before."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.graphics.renderbase import STATE_DEFAULTS
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas

from cardgen import __version__
from cardgen.draw.cards import draw_back, draw_front
from cardgen.draw.items import draw_line
from cardgen.draw.marks import draw_segments
from cardgen.draw.poster import draw_poster
from cardgen.draw.vector import Icons
from cardgen.model import Edition
from cardgen.spec import Layout
from cardgen.pdf.cmyk import Inks
from cardgen.plan.faces import CardFaces
from cardgen.plan.geometry import Line
from cardgen.plan.poster import PosterPlan
from cardgen.plan.sheets import SHOP_BLEED, SheetPlan, shop_page

DUPLEX = {"long": "DuplexFlipLongEdge", "short": "DuplexFlipShortEdge", "fold": "Simplex"}


def pin_reportlab_settings(base_font: str) -> None:
    """ReportLab reads RL_* variables and settings files; fix what changes our bytes.
    `base_font` is where renderPDF starts every vector drawing, so it must be an embedded font
    of ours, or an unembedded Helvetica is listed in the pages' resources."""
    STATE_DEFAULTS["fontName"] = base_font
    rl_config.invariant = 1
    rl_config.pageCompression = 1
    rl_config.useA85 = 0  # Flate alone: ASCII85 on top only makes every stream a quarter larger
    rl_config.showBoundary = 0


class PagesCompressed(Canvas):
    """A canvas that compresses each page's content when the page ends. ReportLab keeps every
    page's content as text until the document is saved, then compresses it: 25 MiB of a 10,000
    card sheet. Compressed here with the same function, under the same filter name, the file's
    bytes are the same; the content is given as the page's /Contents, which ReportLab then uses
    as it is (pdfdoc.PDFPage.check_format)."""

    def showPage(self) -> None:
        super().showPage()
        page = self._doc.Pages.pages[-1]
        if not (page.compression and page.stream) or rl_config.useA85:
            return  # an empty page gets ReportLab's own stand-in; ASCII85 would be another filter
        contents = _PageStream(content=PDFZCompress.encode(page.stream))
        contents.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])  # applied: not again
        contents.__Comment__ = "page stream"
        page.Contents, page.stream = contents, None

    def save(self) -> None:
        """ReportLab's save, with each object written to the file as it is formatted: ReportLab
        gathers the whole file's pieces, then joins them, then writes (twice the file at once:
        8 MiB of a 10,000 card sheet). The same bytes, in the same order."""
        if len(self._code):
            self.showPage()
        target = self._filename
        with open(target, "wb") if isinstance(target, str) else nullcontext(target) as handle:
            _saving.handle = handle
            try:
                self._doc.SaveToFile(handle, self)  # to an open file: it writes what format() returns, nothing
            finally:
                _saving.handle = None


_saving = threading.local()  # the file a PagesCompressed is saving to, in this thread


class _WrittenAsFormatted(pdfdoc.PDFFile):
    """ReportLab's collector of a file's pieces (pdfdoc.PDFFile, which PDFDocument.format makes
    for every save), passing each piece on to the file when a PagesCompressed is saving in this
    thread; any other save collects as ReportLab does."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)  # the header, collected
        handle = getattr(_saving, "handle", None)
        if handle is not None:
            handle.write(b"".join(self.strings))
            self.strings = None
            self.write = handle.write  # add() keeps counting the offsets the cross-reference table gives

    def format(self, document) -> bytes:
        return b"" if self.strings is None else super().format(document)


pdfdoc.PDFFile = _WrittenAsFormatted  # looked up by PDFDocument.format at every save


class _PageStream(PDFStream):
    """A page's compressed content, let go once formatted: saving formats every object before it
    writes the file, so the formatted copies and the contents would otherwise all be held at once."""

    def format(self, document) -> bytes:
        formatted = super().format(document)
        self.content = None  # ReportLab formats an object once
        return formatted


def new_canvas(
    path: Path | BinaryIO, size: tuple[float, float], layout: Layout, edition: Edition, author: str, inks: Inks | None = None
) -> Canvas:
    """A canvas with our settings, writing to a file or to an open binary stream (previews);
    with `inks`, every colour is written in CMYK as it is drawn."""
    regular = layout.fonts.regular.name
    pin_reportlab_settings(regular)
    # The initial font is written into every page's resources: ours, so that no unembedded
    # Helvetica is listed for a print shop's preflight to flag.
    canvas = PagesCompressed(
        str(path) if isinstance(path, Path) else path,
        pagesize=size,
        invariant=1,
        pageCompression=1,
        lang=edition.language,
        initialFontName=regular,
        enforceColorSpace=inks,
    )
    canvas.setTitle(edition.title)
    canvas.setAuthor(author)
    canvas.setSubject(edition.subject)
    canvas.setCreator(f"cardgen {__version__}")
    canvas.setViewerPreference("PrintScaling", "None")
    if layout.direction == "rtl":
        canvas.setViewerPreference("Direction", "R2L")
    return canvas


def render_sheets_and_poster(
    path: Path,
    faces: tuple[CardFaces, ...],
    sheets: SheetPlan,
    poster: PosterPlan,
    layout: Layout,
    edition: Edition,
    author: str,
    icons: Icons,
    more: Callable[[Canvas], int] | None = None,
    inks: Inks | None = None,
    note: Line | None = None,
) -> tuple[int, int]:
    """The card sheets, then the poster, in one document, so that each font is subset once for
    both (the pack and its parts are cut from it with pypdf); returns (card pages, poster pages).
    `more` draws pages after the poster that share its subsets (the tiles' marks); `note` is
    printed on every front page (a fold-over sheet's order of work)."""
    grid = sheets.grid
    canvas = new_canvas(path, (grid.paper_w, grid.paper_h), layout, edition, author, inks)
    card_pages = draw_cards(canvas, faces, sheets, icons, note)
    canvas.setPageSize(layout.poster.paper)
    draw_poster(canvas, poster, icons)
    canvas.showPage()
    if more:
        more(canvas)
    canvas.save()
    return card_pages, 1


def draw_cards(canvas: Canvas, faces: tuple[CardFaces, ...], plan: SheetPlan, icons: Icons, note: Line | None = None) -> int:
    """Fronts on odd pages, backs on even pages (fold-over: both on one page); returns the page count."""
    for sheet in plan.sheets:
        for p in sheet.placements:
            draw_front(canvas, p.front, faces[p.index].front, icons, bleed=p.front_bleed.sides())
            if plan.fold:  # fold-over: each back beside its front, on the same page
                draw_back(canvas, p.back, faces[p.index].back, icons, bleed=p.back_bleed.sides())
        draw_segments(canvas, sheet.marks, plan.mark_stroke)
        draw_segments(canvas, sheet.cuts, plan.cut_stroke)
        draw_segments(canvas, sheet.folds, plan.fold_stroke)
        if note:
            draw_line(canvas, note)
        canvas.showPage()
        if not plan.fold:
            for p in sheet.placements:
                draw_back(canvas, p.back, faces[p.index].back, icons, bleed=p.back_bleed.sides(), turned=p.turned)
            canvas.showPage()
    return len(plan.sheets) * (1 if plan.fold else 2)


def render_shop_cards(
    path: Path, faces: tuple[CardFaces, ...], layout: Layout, edition: Edition, author: str, icons: Icons, inks: Inks | None = None
) -> int:
    """One face a page, front then back, with a bleed, crop marks (unless `layout.shop_page` is
    bleed) and TrimBox/BleedBox on every page."""
    page = shop_page((layout.card.width, layout.card.height), with_marks=layout.shop_page == "marked")
    canvas = new_canvas(path, page.size, layout, edition, author, inks)
    for card in faces:
        for side in ("front", "back"):
            box = page.trim
            canvas.setTrimBox((box.x, box.y, box.right, box.top))
            canvas.setBleedBox((page.bleed.x, page.bleed.y, page.bleed.right, page.bleed.top))
            if side == "front":
                draw_front(canvas, box, card.front, icons, bleed=SHOP_BLEED)
            else:
                draw_back(canvas, box, card.back, icons, bleed=SHOP_BLEED)
            draw_segments(canvas, page.marks, page.mark_stroke)
            canvas.showPage()
    canvas.save()
    return 2 * len(faces)
