"""The poster for a print shop: the finished poster page wrapped with a bleed, crop marks and boxes."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, RectangleObject, TextStringObject

from cardgen.draw.marks import draw_segments
from cardgen.plan.sheets import shop_page
from cardgen.model import RGB
from cardgen.plan.geometry import Stroke


def write_shop_poster(poster_pdf: Path, out_pdf: Path, background: RGB, marks: Stroke, font: str, language: str | None = None) -> None:
    """The poster's background runs 3 mm past the cut; TrimBox is the poster, BleedBox the bleed."""
    from reportlab.pdfgen.canvas import Canvas

    poster = PdfReader(str(poster_pdf)).pages[0]
    size = (float(poster.mediabox.width), float(poster.mediabox.height))
    page = shop_page(size, mark_stroke=marks)
    under, over = BytesIO(), BytesIO()
    for buffer, draw in ((under, "bleed"), (over, "marks")):
        canvas = Canvas(buffer, pagesize=page.size, invariant=1, pageCompression=1, initialFontName=font)
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
    with open(out_pdf, "wb") as handle:
        writer.write(handle)


