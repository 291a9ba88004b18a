"""Poster tiles to PDF: each sheet shows its part of the poster (pypdf) under the marks (ReportLab).

Everything was decided by cardgen.plan.tiles; this module only places the marks in the margins the plan
left. Assembly, as the marks tell it: cut off a tile's left and top margins, lay its edge on the
dashed line of the tile to its left (or above) and glue. The dashed line lies in the overlap, so
the tile laid over it hides it.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, RectangleObject
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from cardgen.model import TileTexts
from cardgen.plan.tiles import SAFE, Tile, TileMarks, TilePlan, row_name, tile_label, tile_marks
from cardgen.units import MM, fill_placeholders

GAP = 1.5 * MM  # between the window and text in the margin
LINE = 0.4  # pt, crop marks
DASH = 0.8  # pt, the dashed glue line
INK = (0.15, 0.15, 0.15)
GREY = (0.4, 0.4, 0.4)
SMALL = 7.5  # pt, notes in the margins
MIN_SMALL = 5.0
LABEL_MAX = 36.0  # pt
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
) -> int:
    """One sheet per tile, row by row from the top-left, written to `out_pdf`; returns the page count.
    `font` must be registered with ReportLab (an embedded TrueType font for print). `marks_from`:
    (pdf, first page) where draw_overlays drew the marks already, in the document the poster was
    drawn in, so that both share their font subsets; without it, the marks get a document of their own."""
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
        overlays = PdfReader(BytesIO(_overlay_document(plan, title, font, texts or TileTexts()))).pages
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
    writer.create_viewer_preferences().print_scaling = NameObject("/None")  # tiles only meet at 100 %
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    with open(out_pdf, "wb") as handle:
        writer.write(handle)
    return len(plan.tiles)


def _overlay_document(plan: TilePlan, title: str, font: str, texts: TileTexts) -> bytes:
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=plan.sheet, invariant=1, pageCompression=1, initialFontName=font)
    draw_overlays(canvas, plan, title, font, texts)
    canvas.save()
    return buffer.getvalue()


def draw_overlays(canvas: Canvas, plan: TilePlan, title: str, font: str, texts: TileTexts) -> int:
    """The marks of every tile, one sheet-sized page each, on `canvas`; returns the page count."""
    canvas.setPageSize(plan.sheet)
    for tile in plan.tiles:
        draw_marks(canvas, plan, tile, title, font, texts)
        canvas.showPage()
    return len(plan.tiles)


def draw_marks(canvas: Canvas, plan: TilePlan, tile: Tile, title: str, font: str, texts: TileTexts) -> None:
    canvas.saveState()
    draw_lines(canvas, tile_marks(plan, tile))
    draw_side_notes(canvas, plan, tile, font, texts)
    draw_footer(canvas, plan, tile, title, font, texts)
    canvas.restoreState()


def draw_lines(canvas: Canvas, marks: TileMarks) -> None:
    """Crop marks solid; glue lines dashed black on white, so that they show on any colour."""
    canvas.saveState()
    canvas.setStrokeColorRGB(*INK)
    canvas.setLineWidth(LINE)
    for segment in marks.crop:
        canvas.line(*segment)
    canvas.setLineWidth(DASH)
    for segment in marks.glue:
        canvas.setDash()
        canvas.setStrokeColorRGB(1, 1, 1)
        canvas.line(*segment)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.setDash(3, 2)
        canvas.line(*segment)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setDash(3, 2)
    for segment in marks.ticks:
        canvas.line(*segment)
    canvas.restoreState()


def draw_side_notes(canvas: Canvas, plan: TilePlan, tile: Tile, font: str, texts: TileTexts) -> None:
    """What to do with each side, written along its margin (the bottom's is in the footer)."""
    x0, y0, x1, y1 = tile.window
    sw, sh = plan.sheet
    clear = 2 * (plan.overlap + 3 * MM)  # keep off the glue lines' ticks and the crop marks
    row, col = tile.row, tile.col
    edge = texts.edge if len(plan.tiles) > 1 else texts.one_sheet
    left = cut_note(texts, row, col - 1) if col > 0 else edge
    right = glue_note(texts, row, col + 1) if col < plan.cols - 1 else edge
    top = cut_note(texts, row - 1, col) if row > 0 else edge
    band_text(canvas, left, font, ((SAFE + x0 - GAP) / 2, (y0 + y1) / 2), x0 - GAP - SAFE, y1 - y0 - clear, 90)
    band_text(canvas, right, font, ((x1 + GAP + sw - SAFE) / 2, (y0 + y1) / 2), sw - SAFE - x1 - GAP, y1 - y0 - clear, -90)
    band_text(canvas, top, font, ((x0 + x1) / 2, (y1 + GAP + sh - SAFE) / 2), sh - SAFE - y1 - GAP, x1 - x0 - clear, 0)


def glue_note(texts: TileTexts, row: int, col: int) -> str:
    """For a side that the neighbour at (row, col) is glued over."""
    return fill_placeholders(texts.glue, {"label": tile_label(row, col)})


def cut_note(texts: TileTexts, row: int, col: int) -> str:
    """For a side that is cut off and glued over the neighbour at (row, col)."""
    return fill_placeholders(texts.cut, {"label": tile_label(row, col)})


def draw_footer(canvas: Canvas, plan: TilePlan, tile: Tile, title: str, font: str, texts: TileTexts) -> None:
    """Below the window: the label large, the map, what the poster is; and the glue note if a tile
    goes below."""
    x0, y0, x1, _ = tile.window
    label_base = SAFE + 0.2 * MM  # capitals and digits: nothing below the baseline
    baseline = SAFE - getAscentDescent(font, SMALL)[1]  # the notes' descenders stay clear of the edge
    band = y0 - 1 * MM - label_base  # as large as the margin allows
    cap = _cap_height(font)
    label_size = min(LABEL_MAX, band / cap)
    x = x0 + 2 * MM
    canvas.setFillColorRGB(*INK)
    canvas.setFont(font, label_size)
    canvas.drawString(x, label_base, tile.label)
    x += stringWidth(tile.label, font, label_size) + 2.5 * MM
    if len(plan.tiles) > 1:
        x += draw_map(canvas, plan, tile, (x, label_base), min(band, 1.5 * cap * label_size)) + 3 * MM
    right = x1 - 2 * MM - (plan.overlap if tile.col < plan.cols - 1 else 0)  # clear of the glue tick
    if tile.row < plan.rows - 1:
        note = glue_note(texts, tile.row + 1, tile.col)
        size = fit_size(note, font, (right - x) / 2, SMALL)
        note = shorten(note, font, size, (right - x) / 2)
        canvas.setFillColorRGB(*GREY)
        canvas.setFont(font, size)
        canvas.drawRightString(right, baseline, note)
        right -= stringWidth(note, font, size) + 4 * MM
    what = f"{title} · " if title else ""
    if len(plan.tiles) > 1:
        what += fill_placeholders(texts.where, dict(
            label=tile.label, row=row_name(tile.row), rows=plan.rows, col=tile.col + 1, cols=plan.cols,
            overlap=f"{plan.overlap / MM:g}",
        ))  # fmt: skip
    else:
        what += texts.whole
    size = fit_size(what, font, right - x, SMALL)
    canvas.setFillColorRGB(*INK)
    canvas.setFont(font, size)
    canvas.drawString(x, baseline, shorten(what, font, size, right - x))


def draw_map(canvas: Canvas, plan: TilePlan, tile: Tile, origin: tuple[float, float], height: float) -> float:
    """The poster as rows x cols little boxes, this tile's filled; returns the map's width."""
    cell_h = height / plan.rows
    cell_w = cell_h * (plan.poster[0] / plan.cols) / (plan.poster[1] / plan.rows)
    x, y = origin
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.setStrokeColorRGB(*INK)
    canvas.setFillColorRGB(*INK)
    for other in plan.tiles:
        cx = x + other.col * cell_w
        cy = y + (plan.rows - 1 - other.row) * cell_h
        canvas.rect(cx, cy, cell_w, cell_h, stroke=1, fill=int(other is tile))
    canvas.restoreState()
    return plan.cols * cell_w


def band_text(canvas: Canvas, text: str, font: str, centre: tuple[float, float], thickness: float, length: float, angle: float) -> None:
    """`text` centred on `centre`, turned by `angle`, as large as SMALL but inside a band `thickness`
    across and `length` along; left out if even MIN_SMALL does not fit across."""
    ascent, descent = getAscentDescent(font, 1)
    size = min(SMALL, thickness / (ascent - descent))
    if size < MIN_SMALL or length <= 0:
        return
    size = fit_size(text, font, length, size)
    canvas.saveState()
    canvas.setFillColorRGB(*GREY)
    canvas.setFont(font, size)
    canvas.translate(*centre)
    canvas.rotate(angle)
    canvas.drawCentredString(0, -(ascent + descent) * size / 2, shorten(text, font, size, length))
    canvas.restoreState()


def fit_size(text: str, font: str, width: float, size: float) -> float:
    """`size`, or smaller down to MIN_SMALL, so that `text` fits `width`."""
    natural = stringWidth(text, font, size)
    return size if natural <= width else max(MIN_SMALL, size * width / natural)


def shorten(text: str, font: str, size: float, width: float) -> str:
    """`text`, cut with an ellipsis if it is still too wide at `size`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip(" ·,:") + "…" if text else ""


def _cap_height(font: str) -> float:
    """Capital height per point of size (ReportLab knows it for TrueType fonts only)."""
    face = getFont(font).face
    return getattr(face, "capHeight", 718) / 1000
