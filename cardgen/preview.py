"""Previews: one planned card face, or the poster, as a PNG drawn by the very code that prints it.

Planning is done once (build.prepare); a preview draws one planned item on a page of its own
and rasterises it with PDFium, so what the studio and `cardgen preview` show is what prints.
"""

from __future__ import annotations

from io import BytesIO
from typing import Literal

from cardgen.build import EditionPlan, Prepared
from cardgen.plan.geometry import Rect

Face = Literal["front", "back"]


def face_pdf(prepared: Prepared, plan: EditionPlan, index: int, face: Face) -> bytes:
    """A one-page PDF of card `index` (in the fit's order) of an edition, front or back."""
    from cardgen.draw.cards import draw_back, draw_front
    from cardgen.draw.vector import Icons
    from cardgen.pdf.render import new_canvas

    card = prepared.layout.card
    buffer = BytesIO()
    canvas = new_canvas(buffer, (card.width, card.height), prepared.layout, plan.edition, prepared.deck.structure.author)
    faces = plan.faces[index]
    box = Rect(0, 0, card.width, card.height)
    icons = Icons(dict(prepared.drawings))
    if face == "front":
        draw_front(canvas, box, faces.front, icons)
    else:
        draw_back(canvas, box, faces.back, icons)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def poster_pdf(prepared: Prepared, plan: EditionPlan) -> bytes:
    from cardgen.draw.poster import draw_poster
    from cardgen.draw.vector import Icons
    from cardgen.pdf.render import new_canvas

    buffer = BytesIO()
    canvas = new_canvas(buffer, prepared.layout.poster.paper, prepared.layout, plan.edition, prepared.deck.structure.author)
    draw_poster(canvas, plan.poster, Icons(dict(prepared.drawings)))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def png(pdf: bytes, dpi: float) -> bytes:
    """The first page of a PDF as a PNG at `dpi`."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    out = BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def card_index(plan: EditionPlan, card_id: str) -> int:
    """Where a card stands in the edition's plan; KeyError for an id the deck does not have."""
    for index, fitted in enumerate(plan.fit.cards):
        if fitted.card.id == card_id:
            return index
    raise KeyError(card_id)
