"""Previews: one planned card face, or the poster, as a PNG drawn by the very code that prints it.

Planning is done once (build.prepare); a preview draws one planned item on a page of its own
and rasterises it with PDFium, so what the studio and `cardgen preview` show is what prints.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Literal

from cardgen.build import EditionPlan, Prepared
from cardgen.plan.geometry import Rect

Face = Literal["front", "back"]


def faces_pdf(prepared: Prepared, plan: EditionPlan, wanted: list[tuple[int, Face]]) -> bytes:
    """A PDF with a page per (card index in the fit's order, 'front' | 'back') in `wanted`: one
    document, so its fonts are embedded once however many faces it holds."""
    from cardgen.draw.cards import draw_back, draw_front
    from cardgen.draw.vector import Icons
    from cardgen.pdf.render import new_canvas

    layout = plan.layout or prepared.layout  # the edition's fonts and direction
    card = layout.card
    buffer = BytesIO()
    canvas = new_canvas(buffer, (card.width, card.height), layout, plan.edition, prepared.deck.structure.author)
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
    return buffer.getvalue()


def face_pdf(prepared: Prepared, plan: EditionPlan, index: int, face: Face) -> bytes:
    """A one-page PDF of card `index` (in the fit's order) of an edition, front or back."""
    return faces_pdf(prepared, plan, [(index, face)])


def poster_pdf(prepared: Prepared, plan: EditionPlan) -> bytes:
    from cardgen.draw.poster import draw_poster
    from cardgen.draw.vector import Icons
    from cardgen.pdf.render import new_canvas

    buffer = BytesIO()
    layout = plan.layout or prepared.layout
    canvas = new_canvas(buffer, layout.poster.paper, layout, plan.edition, prepared.deck.structure.author)
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


PREVIEW = "preview"  # OUT/<edition>/preview/: beside the edition's PDFs, where a teacher looks
CONTACT = "contact-sheet"
CONTACT_DPI = 150  # the contact sheet is drawn at half the faces' dpi, at most this: a glance, not a print


def file_stem(plan: EditionPlan, index: int) -> str:
    """'07-stappenplan' for the card that shows 7/24, '00-rules' for the rules card: the number a
    reviewer reads on the card is the one the file starts with."""
    card = plan.fit.cards[index].card
    width = max(2, len(str(card.total)))
    return f"{card.number or 0:0{width}d}-{card.id}"


def render_previews(prepared: Prepared, plan: EditionPlan, folder: Path, dpi: int) -> list[Path]:
    """Every face, the poster and the contact sheet (PNG and PDF) of one edition into `folder`."""
    from cardgen.contact import contact_pdf

    files = []

    def put(name: str, data: bytes) -> None:
        files.append(folder / name)
        files[-1].write_bytes(data)

    for index in range(len(plan.faces)):
        for face in ("front", "back"):
            put(f"{file_stem(plan, index)}-{face}.png", png(face_pdf(prepared, plan, index, face), dpi))
    put("poster.png", png(poster_pdf(prepared, plan), dpi))
    sheet = contact_pdf(prepared, plan)
    put(f"{CONTACT}.pdf", sheet)
    put(f"{CONTACT}.png", png(sheet, min(dpi / 2, CONTACT_DPI)))
    return files


def write_previews(prepared: Prepared, out: Path, dpi: int, say=lambda message: None) -> list[tuple[str, Path, int]]:
    """OUT/<edition>/preview/ for every edition, each folder replaced as a whole: a preview that
    fails leaves the earlier PNGs as they were. Returns (edition, folder, files written); `say` reports
    waiting for a build into the same OUT."""
    from cardgen.pdf.output import Staging, edition_folder, exclusive, output_folder, plain_errors, replace_together, sweep
    from cardgen.workers import signals_held

    out = output_folder(out)
    done = []
    for plan in prepared.editions:
        folder = edition_folder(edition_folder(out, plan.edition.code), PREVIEW)
        sweep(folder.parent)  # what a killed preview left in OUT/<edition>/preview/
        with plain_errors(out):
            with signals_held():
                staging = Staging(folder)
            try:
                files = render_previews(prepared, plan, staging.path, dpi)
                names = {f.name for f in files}
                retired = tuple(p.name for p in folder.glob("*.png") if p.name not in names)  # cards no longer in the deck
                with exclusive(out, say), signals_held():
                    replace_together(folder, files, staging.path, retired=retired)
            finally:
                with signals_held():
                    staging.remove()
        done.append((plan.edition.code, folder, len(files)))
    return done
