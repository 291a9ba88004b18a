"""Poster tiles to PDF: each sheet shows its part of the poster (pypdf) under the marks (ReportLab).

Everything was decided by cardgen.plan.tiles (the windows) and cardgen.plan.tile_pages (the marks and
texts in the margins); cardgen.draw.tiles paints the marks, and this module copies the poster's parts
under them and writes the file. Assembly, as the marks tell it: cut off a tile's left and top
margins, lay its edge on the dashed line of the tile to its left (or above) and glue. The dashed
line lies in the overlap, so the tile laid over it hides it.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, RectangleObject, TextStringObject
from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.tiles import draw_tile_pages
from cardgen.model import TileTexts
from cardgen.pdf.finish import finish_file
from cardgen.plan.tile_pages import plan_tile_pages
from cardgen.plan.tiles import TilePlan
from cardgen.units import MM

_TOL = 0.5  # pt: a poster page this close to the planned size is that size


def write_tiles(
    poster_pdf: Path,
    out_pdf: Path,
    plan: TilePlan,
    *,
    title: str = "",
    font: str = "Helvetica",
    texts: TileTexts | None = None,
    marks_from: tuple[Path, int] | None = None,
    language: str | None = None,
    rtl: bool = False,
) -> int:
    """One sheet per tile, row by row from the top-left, written to `out_pdf`; returns the page count.
    `font` must be registered with ReportLab (an embedded TrueType font for print). `marks_from`:
    (pdf, first page) where draw_overlays drew the marks already, in the document the poster was
    drawn in, so that both share their font subsets; without it, the marks get a document of their own.
    `language` is the file's /Lang. The file asks to print single-sided (each tile is glued over
    its neighbour: a tile on the back of another is lost) and at actual size."""
    reader = PdfReader(str(poster_pdf))
    poster = reader.pages[0]
    if poster.rotation:
        poster.transfer_rotation_to_content()
    box = poster.mediabox
    size = (float(box.width), float(box.height))
    if abs(size[0] - plan.poster[0]) > _TOL or abs(size[1] - plan.poster[1]) > _TOL:
        raise ValueError(
            f"{poster_pdf}: the poster page is {size[0] / MM:.0f} x {size[1] / MM:.0f} mm, "
            f"but the tiles were planned for {plan.poster[0] / MM:.0f} x {plan.poster[1] / MM:.0f} mm"
        )
    if "/Annots" in poster:  # links are no use on paper, and would land outside the tile's window
        del poster["/Annots"]
    origin = (float(box.left), float(box.bottom))
    if marks_from:
        overlays = PdfReader(str(marks_from[0])).pages[marks_from[1] :]
    else:
        overlays = PdfReader(BytesIO(_overlay_document(plan, title, font, texts or TileTexts(), rtl))).pages
    writer = PdfWriter()
    for tile, overlay in zip(plan.tiles, overlays):
        page = writer.add_blank_page(*plan.sheet)
        x0, y0, x1, y1 = tile.source
        # pypdf clips a merged page to its crop box: crop the poster to the tile's source first
        poster.cropbox = RectangleObject((origin[0] + x0, origin[1] + y0, origin[0] + x1, origin[1] + y1))
        shift = Transformation().translate(tile.window[0] - x0 - origin[0], tile.window[1] - y0 - origin[1])
        page.merge_transformed_page(poster, shift)
        page.merge_page(overlay)
    if title:
        writer.add_metadata({"/Title": title})
    prefs = writer.create_viewer_preferences()
    prefs.print_scaling = NameObject("/None")  # tiles only meet at 100 %
    prefs.duplex = NameObject("/Simplex")
    if language:
        writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    if rtl:
        prefs.direction = NameObject("/R2L")
    finish_file(writer)  # first: the poster's and the marks' copies of one subset are then kept once
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    with open(out_pdf, "wb") as handle:
        writer.write(handle)
    return len(plan.tiles)


def _overlay_document(plan: TilePlan, title: str, font: str, texts: TileTexts, rtl: bool = False) -> bytes:
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=plan.sheet, invariant=1, pageCompression=1, initialFontName=font)
    draw_overlays(canvas, plan, title, font, texts, rtl)
    canvas.save()
    return buffer.getvalue()


def draw_overlays(canvas: Canvas, plan: TilePlan, title: str, font: str, texts: TileTexts, rtl: bool = False) -> int:
    """The marks of every tile, one sheet-sized page each, on `canvas`; returns the page count.
    `rtl`: the texts are right to left, drawn shaped."""
    return draw_tile_pages(canvas, plan_tile_pages(plan, title, font, texts, rtl), plan.sheet)
