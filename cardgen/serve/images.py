"""Card faces as PNG for the studio, many at a time: preview.py's one PDF of many pages, drawn by
the printing code, rasterised page by page with PDFium (the fonts are embedded once, not once a face)."""

from __future__ import annotations

from io import BytesIO

from cardgen.build import EditionPlan, Prepared

FAST = 1  # zlib level of the studio's PNGs: shown once on this machine, so speed beats size


def faces_pngs(prepared: Prepared, plan: EditionPlan, wanted: list[tuple[int, str]], dpi: float) -> list[bytes]:
    """A PNG of each (card index in the fit's order, 'front' | 'back') in `wanted`, in that order."""
    from cardgen.preview import faces_pdf

    return pages_png(faces_pdf(prepared, plan, wanted), dpi)


def pages_png(pdf: bytes, dpi: float) -> list[bytes]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            out = BytesIO()
            page.render(scale=dpi / 72).to_pil().save(out, format="PNG", compress_level=FAST)
            images.append(out.getvalue())
    finally:
        document.close()
    return images
