"""Card faces as PNG for the studio, many at a time: one PDF of many pages, drawn by the printing
code (draw/cards.py, pdf/render.py's canvas, as preview.py does for one face), rasterised page by
page with PDFium. One canvas for the whole deck page embeds the fonts once instead of once per face."""

from __future__ import annotations

from io import BytesIO

from cardgen.build import EditionPlan, Prepared
from cardgen.plan.geometry import Rect

FAST = 1  # zlib level of the studio's PNGs: shown once on this machine, so speed beats size


def faces_pngs(prepared: Prepared, plan: EditionPlan, wanted: list[tuple[int, str]], dpi: float) -> list[bytes]:
    """A PNG of each (card index in the fit's order, 'front' | 'back') in `wanted`, in that order."""
    from cardgen.draw.cards import draw_back, draw_front
    from cardgen.draw.vector import Icons
    from cardgen.pdf.render import new_canvas

    card = prepared.layout.card
    buffer = BytesIO()
    canvas = new_canvas(buffer, (card.width, card.height), prepared.layout, plan.edition, prepared.deck.structure.author)
    box = Rect(0, 0, card.width, card.height)
    icons = Icons(dict(prepared.drawings))
    for index, face in wanted:
        faces = plan.faces[index]
        if face == "front":
            draw_front(canvas, box, faces.front, icons)
        else:
            draw_back(canvas, box, faces.back, icons)
        canvas.showPage()
    canvas.save()
    return pages_png(buffer.getvalue(), dpi)


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
