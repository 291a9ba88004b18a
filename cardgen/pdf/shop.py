"""The files for a print shop beyond their pages: the poster wrapped with a bleed, crop marks and
boxes, and both shop files finished (font tags, /ID and, for CMYK, PDF/X-4)."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, RectangleObject, TextStringObject

from cardgen.draw.marks import draw_segments
from cardgen.model import RGB
from cardgen.pdf.cmyk import Inks
from cardgen.pdf.finish import finish_file
from cardgen.plan.geometry import Stroke
from cardgen.plan.sheets import shop_page


@dataclass(frozen=True)
class OutputIntent:
    """The printing condition a PDF/X file is made for: its CMYK profile and how it is named."""

    profile: Path
    name: str  # the profile's description
    registered: bool  # cardgen's FOGRA39 profile, known by its ICC registry identifier


def write_shop_poster(
    poster_pdf: Path, out_pdf: Path, background: RGB, marks: Stroke, font: str,
    inks: Inks | None = None, with_marks: bool = True, intent: OutputIntent | None = None, language: str | None = None,
) -> None:  # fmt: skip
    """The poster's background runs 3 mm past the cut; TrimBox is the poster, BleedBox the bleed."""
    from reportlab.pdfgen.canvas import Canvas

    poster = PdfReader(str(poster_pdf)).pages[0]
    size = (float(poster.mediabox.width), float(poster.mediabox.height))
    page = shop_page(size, mark_stroke=marks, with_marks=with_marks)
    under, over = BytesIO(), BytesIO()
    for buffer, draw in ((under, "bleed"), (over, "marks")):
        canvas = Canvas(buffer, pagesize=page.size, invariant=1, pageCompression=1, initialFontName=font, enforceColorSpace=inks)
        if draw == "bleed":
            canvas.setFillColorRGB(*background)
            canvas.rect(page.bleed.x, page.bleed.y, page.bleed.w, page.bleed.h, stroke=0, fill=1)
        else:
            draw_segments(canvas, page.marks, page.mark_stroke)
        canvas.showPage()
        canvas.save()
    writer = PdfWriter()
    result = writer.add_blank_page(*page.size)
    result.merge_page(PdfReader(under).pages[0])
    result.merge_transformed_page(poster, Transformation().translate(page.trim.x, page.trim.y))
    result.merge_page(PdfReader(over).pages[0])
    result.trimbox = RectangleObject((page.trim.x, page.trim.y, page.trim.right, page.trim.top))
    result.bleedbox = RectangleObject((page.bleed.x, page.bleed.y, page.bleed.right, page.bleed.top))
    writer.add_metadata({k: v for k, v in (PdfReader(str(poster_pdf)).metadata or {}).items()})
    if language:
        writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    _write(writer, out_pdf, intent)


def finish_shop_cards(path: Path, intent: OutputIntent | None) -> None:
    """The shop cards as ReportLab wrote them, finished like every other file (and PDF/X-4 in CMYK)."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(path.read_bytes())))  # read whole: the file is written over
    _write(writer, path, intent)


def _write(writer: PdfWriter, path: Path, intent: OutputIntent | None) -> None:
    if intent:
        from cardgen.pdf.pdfx import make_pdfx

        make_pdfx(writer, intent.profile, intent.name, intent.registered)
    finish_file(writer)
    with open(path, "wb") as handle:
        writer.write(handle)
