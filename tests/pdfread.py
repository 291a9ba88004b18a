"""Reading built PDFs back as a user would see them: text, its position, pixels."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

MM = 72 / 25.4


def normalise(text: str) -> str:
    """PDFium ends lines with CR LF and marks a hyphen added at a line end U+FFFE: fold both away,
    rejoin a word broken after a real hyphen (CLB-|medewerker), and treat no-break spaces as spaces."""
    text = text.replace("\ufffe\r\n", "").replace("\ufffe", "").replace("\x02", "").replace("\u00ad", "")
    text = re.sub(r"(?<=\w)-\r\n(?=\w)", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def page_text(pdf: Path | str, index: int) -> str:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return normalise(doc[index].get_textpage().get_text_range())
    finally:
        doc.close()


def find_text(pdf: Path | str, index: int, needle: str) -> list[tuple[float, float, float, float]]:
    """Boxes (left, bottom, right, top) in points of every occurrence of `needle` on a page."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        textpage = doc[index].get_textpage()
        searcher = textpage.search(needle, match_case=True, match_whole_word=False)
        boxes = []
        while (hit := searcher.get_next()) is not None:
            start, count = hit
            chars = [textpage.get_charbox(i) for i in range(start, start + count)]
            boxes.append(
                (min(c[0] for c in chars), min(c[1] for c in chars), max(c[2] for c in chars), max(c[3] for c in chars))
            )
        return boxes
    finally:
        doc.close()


def render(pdf: Path | str, index: int, dpi: float = 72, grey: bool = False):
    """A page as a PIL image (RGB, or L for a black-and-white printer's view)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        image = doc[index].render(scale=dpi / 72, grayscale=grey).to_pil()
        return image.convert("L" if grey else "RGB")
    finally:
        doc.close()


def page_sizes(pdf: Path | str) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [tuple(doc[i].get_size()) for i in range(len(doc))]
    finally:
        doc.close()


def font_of(pdf: Path | str, index: int, needle: str) -> str:
    """The font name PDFium reports for the first character of `needle` on a page."""
    import ctypes

    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(pdf))
    try:
        textpage = doc[index].get_textpage()
        hit = textpage.search(needle, match_case=True).get_next()
        assert hit is not None, f"{needle!r} not on page {index}"
        size = raw.FPDFText_GetFontInfo(textpage.raw, hit[0], None, 0, None)
        buffer = ctypes.create_string_buffer(size)
        raw.FPDFText_GetFontInfo(textpage.raw, hit[0], buffer, size, None)
        return buffer.value.decode()
    finally:
        doc.close()


def link_targets(pdf: Path | str, index: int) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(URI, rectangle) of every link annotation on a page."""
    from pypdf import PdfReader

    page = PdfReader(str(pdf)).pages[index]
    links = []
    for annot in page.get("/Annots", []):
        annot = annot.get_object()
        action = annot.get("/A")
        if annot.get("/Subtype") == "/Link" and action and "/URI" in action:
            links.append((str(action["/URI"]), tuple(float(v) for v in annot["/Rect"])))
    return links


KINDS = {1: "text", 2: "path", 3: "image", 4: "shading", 5: "form"}


def forms(pdf: Path | str, index: int) -> list[tuple[tuple[float, float, float, float], dict[str, int]]]:
    """Each form drawn on a page (where cardgen puts every drawing: icons, emoticons, QR codes):
    its box (left, bottom, right, top) in points and what it paints, forms inside it included."""
    from collections import Counter

    doc = pdfium.PdfDocument(str(pdf))
    try:
        found = []
        for item in doc[index].get_objects(max_depth=16):  # depth first: a form's contents follow it
            if item.level == 0 and item.type == 5:
                found.append((tuple(item.get_bounds()), Counter()))
            elif item.level > 0:
                found[-1][1][KINDS.get(item.type, "other")] += 1
        return [(box, dict(kinds)) for box, kinds in found]
    finally:
        doc.close()


def painted(pdf: Path | str, index: int) -> dict[str, int]:
    """Everything PDFium paints on a page, counted by kind, the contents of forms included."""
    from collections import Counter

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return dict(Counter(KINDS.get(item.type, "other") for item in doc[index].get_objects(max_depth=16)))
    finally:
        doc.close()
