"""Merge the card sheet and the poster into one print pack with pypdf."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from cardgen import __version__
from cardgen.model import Edition, Structure
from cardgen.pdf.render import DUPLEX


def merge_pack(out: Path, parts: list[tuple[Path, str, int]], edition: Edition, structure: Structure, flip: str) -> None:
    """parts: (pdf, bookmark title, page count) in order. pypdf drops each part's labels, language and
    viewer preferences when appending, so they are set again here on the merged file."""
    writer = PdfWriter()
    first = 0
    for pdf, title, pages in parts:
        writer.append(str(pdf), outline_item=title)
        writer.set_page_label(first, first + pages - 1, style="/D" if pages > 1 else None, prefix=f"{title} " if pages > 1 else title)
        first += pages
    writer.add_metadata(
        {
            "/Title": edition.title,
            "/Author": structure.author,
            "/Subject": edition.subject,
            "/Creator": f"cardgen {__version__}",
            "/Producer": f"cardgen {__version__} (ReportLab, pypdf)",
        }
    )
    writer.root_object[NameObject("/Lang")] = TextStringObject(edition.language)
    prefs = writer.create_viewer_preferences()
    prefs.duplex = NameObject(f"/{DUPLEX[flip]}")
    prefs.print_scaling = NameObject("/None")
    writer.page_mode = "/UseOutlines"
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    with open(out, "wb") as handle:
        writer.write(handle)
