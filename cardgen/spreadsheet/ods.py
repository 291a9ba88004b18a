"""OpenDocument spreadsheets (.ods, LibreOffice's own format) read with the standard library.

An .ods file is a zip archive whose content.xml holds each sheet's rows and cells; that is all a
deck needs (no styles, no formulas to compute: the file keeps each formula's last value). A
library (odfpy) would add a dependency, unchanged since 2020, for these 80 lines. LibreOffice
writes a row's trailing empty cells, and the sheet's trailing empty rows, as one element
repeated a million times: repeats are expanded only when content follows them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from cardgen.errors import CardgenError, show_path

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
MAX_REPEAT = 100_000


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def ods_rows(path: Path, archive: zipfile.ZipFile, sheet: str | None, preferred: str | None = None):
    from cardgen.spreadsheet.grid import chosen_sheet

    try:
        root = ElementTree.fromstring(archive.read("content.xml"))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError):
        raise CardgenError(f"{show_path(path)}: not an .ods spreadsheet that can be read; open it in LibreOffice and save it again") from None
    tables = list(root.iter(_q(TABLE, "table")))
    names = [t.get(_q(TABLE, "name"), "") for t in tables]
    table = tables[chosen_sheet(path, names, sheet, preferred)]
    rows: list[list] = []
    pending = 0  # empty rows not yet added: only added when a row with content follows
    for row in table.iter(_q(TABLE, "table-row")):
        cells = _cells(row)
        repeat = min(int(row.get(_q(TABLE, "number-rows-repeated"), "1")), MAX_REPEAT)
        if not cells:
            pending += repeat
            continue
        rows.extend([] for _ in range(pending))
        pending = 0
        rows.extend(list(cells) for _ in range(repeat))
    return rows


def _cells(row) -> list:
    cells: list = []
    pending = 0
    for cell in row:
        if cell.tag not in (_q(TABLE, "table-cell"), _q(TABLE, "covered-table-cell")):
            continue
        repeat = min(int(cell.get(_q(TABLE, "number-columns-repeated"), "1")), MAX_REPEAT)
        value = _value(cell)
        if value == (None, None):
            pending += repeat
            continue
        cells.extend([(None, None)] * pending)
        pending = 0
        cells.extend([value] * repeat)
    return cells


def _value(cell) -> tuple:
    """(value, error) of one cell: the typed value where there is one, else its text."""
    from cardgen.spreadsheet.grid import error_of

    kind = cell.get(_q(OFFICE, "value-type"))
    text = "\n".join(_text(p) for p in cell.findall(_q(TEXT, "p")))
    if cell.get(_q(CALCEXT, "value-type")) == "error" or (cell.get(_q(TABLE, "formula")) and error_of(text)):
        return text, text or "an error"
    if kind in ("float", "percentage", "currency"):
        number = float(cell.get(_q(OFFICE, "value"), "0"))
        return number, None
    if kind == "date":
        return cell.get(_q(OFFICE, "date-value"), text), None
    if kind == "boolean":
        return cell.get(_q(OFFICE, "boolean-value"), "false") == "true", None
    return (text, None) if text else (None, None)


def _text(element) -> str:
    """A paragraph's text: spans and links read through, <text:s c="3"/> as spaces, tabs and line breaks kept."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _q(TEXT, "s"):
            parts.append(" " * int(child.get(_q(TEXT, "c"), "1")))
        elif tag == _q(TEXT, "tab"):
            parts.append("\t")
        elif tag == _q(TEXT, "line-break"):
            parts.append("\n")
        elif tag != _q(OFFICE, "annotation"):  # a comment on the cell is not its text
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
