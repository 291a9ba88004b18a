"""Cut the card sheet and the poster out of the document they are drawn in, and merge them (and the
poster's tiles) into one print pack, with pypdf.

The sheets and the poster are drawn in one ReportLab document so that each font is embedded once,
as one subset; the files a user prints on their own are cut from it, and the pack is that document
with the tiles appended. pypdf drops a source's labels, language and viewer preferences when
appending, so every file written here has them set again.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from cardgen import __version__
from cardgen.model import Edition, Structure
from cardgen.pdf.render import DUPLEX
from cardgen.scripts import is_right_to_left

PRODUCER = f"cardgen {__version__} (ReportLab, pypdf)"


def split_parts(source: Path, parts: list[tuple[Path, int, str | None]], language: str) -> None:
    """parts: (pdf, page count, flip or None) in the order of `source`'s pages; each part gets the
    source's metadata, `language`, no print scaling and, with a flip, its duplex preference."""
    reader = PdfReader(str(source))
    metadata = {**(reader.metadata or {}), "/Producer": PRODUCER}
    first = 0
    for pdf, pages, flip in parts:
        writer = PdfWriter()
        writer.append(reader, pages=(first, first + pages))
        first += pages
        writer.add_metadata(metadata)
        _finish(writer, language, flip)
        with open(pdf, "wb") as handle:
            writer.write(handle)


def merge_pack(
    out: Path, pdfs: list[tuple[Path, int]], sections: list[tuple[str, int]], edition: Edition, structure: Structure, flip: str
) -> None:
    """pdfs: (pdf, how many of its first pages) appended in order; sections: (bookmark title, page
    count) over the merged pages, each a bookmark and page labels "title 1", "title 2" (or only
    "title" for a single page)."""
    writer = PdfWriter()
    for pdf, pages in pdfs:
        writer.append(str(pdf), pages=(0, pages), import_outline=False)
    first = 0
    for title, pages in sections:
        writer.add_outline_item(title=title, page_number=first)
        writer.set_page_label(first, first + pages - 1, style="/D" if pages > 1 else None, prefix=f"{title} " if pages > 1 else title)
        first += pages
    writer.add_metadata(
        {
            "/Title": edition.title,
            "/Author": structure.author,
            "/Subject": edition.subject,
            "/Creator": f"cardgen {__version__}",
            "/Producer": PRODUCER,
        }
    )
    _finish(writer, edition.language, flip)
    writer.page_mode = "/UseOutlines"
    # the tiles carry the font subsets of the document they were cut from again, byte for byte: kept once
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    with open(out, "wb") as handle:
        writer.write(handle)


def _finish(writer: PdfWriter, language: str, flip: str | None) -> None:
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    prefs = writer.create_viewer_preferences()
    if flip:
        prefs.duplex = NameObject(f"/{DUPLEX[flip]}")
    prefs.print_scaling = NameObject("/None")
    if is_right_to_left(language):  # a viewer showing two pages side by side puts the first at the right
        prefs.direction = NameObject("/R2L")
