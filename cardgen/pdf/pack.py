"""Cut the card sheet and the poster out of the document they are drawn in, and merge them into one
print pack behind its first page (how to print it), with pypdf.

The sheets, the poster, the tiles' marks and the pack's first page are drawn in one ReportLab
document so that each font is embedded once, as one subset; the files a user prints on their own
are cut from it, and the pack is its first page, then the cards and the poster. A PDF has one
duplex preference for all its pages, so the pack holds only what prints well under the cards'
one; the tiles (single-sided) stay in their own file. pypdf drops a source's labels, language
and viewer preferences when appending, so every file written here has them set again.

pypdf is imported by the functions that use it, not with the module: a build names its files'
printing here while it draws, and imports pypdf (6 MiB) only once it has freed the plans.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import NamedTuple

from cardgen import __version__
from cardgen.pdf.render import DUPLEX
from cardgen.scripts import is_right_to_left

PRODUCER = f"cardgen {__version__} (ReportLab, pypdf)"


class Metadata(NamedTuple):
    """What the pack's document information says, and its language: an edition's few names, not the edition."""

    title: str
    author: str
    subject: str
    language: str


class Printing(NamedTuple):
    """How a file asks the print dialogue to print it (its viewer preferences)."""

    duplex: str  # DuplexFlipLongEdge, DuplexFlipShortEdge or Simplex
    actual_size: bool = True  # PrintScaling None; False leaves the viewer's own (which shrinks a page larger than the sheet)
    pick_tray: bool = False  # PickTrayByPDFSize: an A3 page from the A3 tray


CARDS = {flip: Printing(duplex) for flip, duplex in DUPLEX.items()}  # cut and backed: always at 100 %
POSTER = Printing("Simplex", actual_size=False, pick_tray=True)  # one page: shrunk to the sheet rather than cut off
TILES = Printing("Simplex")  # glued edge to edge: at 100 %, and never one on the back of another


def split_parts(source: Path, parts: list[tuple[Path, int, Printing]], language: str) -> None:
    """parts: (pdf, page count, how it prints) in the order of `source`'s pages; each part gets the
    source's metadata, `language` and its print preferences."""
    from pypdf import PdfReader, PdfWriter

    from cardgen.pdf.finish import finish_file

    with open(source, "rb") as opened:  # read from the file as needed, not copied whole into memory first
        reader = PdfReader(opened)
        metadata = {**(reader.metadata or {}), "/Producer": PRODUCER}
        first = 0
        for pdf, pages, printing in parts:
            writer = PdfWriter()
            writer.append(reader, pages=(first, first + pages))
            first += pages
            writer.add_metadata(metadata)
            _finish(writer, language, printing)
            finish_file(writer)
            with open(pdf, "wb") as handle:
                writer.write(handle)


def merge_pack(
    out: Path, pdfs: list[tuple[Path, tuple[int, int]]], sections: list[tuple[str, int]], metadata: Metadata, printing: Printing
) -> None:
    """pdfs: (pdf, (first page, page after the last)) appended in order; sections: (bookmark title,
    page count) over the merged pages, each a bookmark and page labels "title 1", "title 2" (or
    only "title" for a single page). The pack holds only parts that print as `printing` says."""
    from pypdf import PdfReader, PdfWriter

    from cardgen.pdf.finish import finish_file

    writer = PdfWriter()
    with ExitStack() as files:  # each read from its file as needed, not copied whole into memory first
        # one reader a file, read and parsed once however many ranges come from it; forgetting what was
        # copied from it after each range copies the next as from a reader of its own, as before: the same bytes
        readers = {pdf: PdfReader(files.enter_context(open(pdf, "rb"))) for pdf in dict.fromkeys(pdf for pdf, _ in pdfs)}
        for pdf, pages in pdfs:
            writer.append(readers[pdf], pages=pages, import_outline=False)
            writer.reset_translation(readers[pdf])
        del readers  # the writer holds copies now: the readers' parsed objects can go before writing
    first = 0
    for title, pages in sections:
        writer.add_outline_item(title=title, page_number=first)
        writer.set_page_label(first, first + pages - 1, style="/D" if pages > 1 else None, prefix=f"{title} " if pages > 1 else title)
        first += pages
    writer.add_metadata(
        {
            "/Title": metadata.title,
            "/Author": metadata.author,
            "/Subject": metadata.subject,
            "/Creator": f"cardgen {__version__}",
            "/Producer": PRODUCER,
        }
    )
    _finish(writer, metadata.language, printing)
    writer.page_mode = "/UseOutlines"
    # the tiles carry the font subsets of the document they were cut from again, byte for byte: kept once
    finish_file(writer)  # before merging copies: one subset from two files, tagged alike, is then kept once
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    with open(out, "wb") as handle:
        writer.write(handle)


def _finish(writer, language: str, printing: Printing) -> None:
    from pypdf.generic import BooleanObject, NameObject, TextStringObject

    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    prefs = writer.create_viewer_preferences()
    prefs.duplex = NameObject(f"/{printing.duplex}")
    prefs.print_scaling = NameObject("/None" if printing.actual_size else "/AppDefault")
    if printing.pick_tray:
        prefs[NameObject("/PickTrayByPDFSize")] = BooleanObject(True)  # pypdf's setter writes false for any value
    if is_right_to_left(language):  # a viewer showing two pages side by side puts the first at the right
        prefs.direction = NameObject("/R2L")
