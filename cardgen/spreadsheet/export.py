"""Export every text of the deck to one sheet: a row a text, a column an edition, the source first.

Each translated edition has a status column beside its texts (missing, untranslated, stale,
unconfirmed, or empty when up to date), and in an .xlsx file those cells are filled in colour
too. A .csv file holds the same rows without colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cardgen.errors import CardgenError, show_path
from cardgen.spreadsheet.rows import (
    BASELINE,
    KEY,
    MISSING,
    ROOM,
    SHEET_NAME,
    SOURCE_MARK,
    STALE,
    STATUS_MARK,
    UNCONFIRMED,
    UNTRANSLATED,
    WHERE,
    baseline_cell,
    where_and_room,
)
from cardgen.translate.files import fingerprint, write_together
from cardgen.translate.status import UNTRANSLATED as MARK
from cardgen.translate.status import deck_settings, edition_texts

FILLS = {MISSING: "F4C7C3", UNTRANSLATED: "F4C7C3", STALE: "FCE8B2", UNCONFIRMED: "FFF2CC"}
HELP = (
    "Edit the texts in the edition columns, then: cardgen sheet import FILE. Only the cells you change are written.",
    "A status says why a text needs a look: missing or untranslated (no translation yet), stale (the source text changed "
    "since it was translated), unconfirmed (no record of the source it was made from).",
    "Clear a status cell to record that you reviewed the translation and it is up to date.",
    "Markup: *italic*, **bold**, a line break in a cell (Alt+Enter) is a new line on the card; web and e-mail addresses "
    "become links. Keep {label} and the like in the tile texts as they are.",
    "Do not change the key column or the last, hidden column: they tell cardgen which text each row is.",
)


@dataclass(frozen=True)
class Exported:
    rows: int
    editions: tuple[str, ...]
    marked: dict[str, int]  # edition -> texts marked missing, untranslated, stale or unconfirmed


def export_sheet(folder: Path, source: str, codes: list[str], out: Path) -> Exported:
    src, own_source, _ = edition_texts(folder, source, source)
    editions = [(code, *edition_texts(folder, code, source)[1:]) for code in codes if code != source]
    header = [KEY, WHERE, ROOM, source + SOURCE_MARK]
    for code, _, _ in editions:
        header += [code, code + STATUS_MARK]
    header.append(f"{BASELINE} {deck_settings(folder).get('deck')}")
    rows, marks = [], []
    marked = {code: 0 for code, _, _ in editions}
    for key, (text, _) in src.items():
        where, room = where_and_room(key, text, folder)
        row, row_marks, values = [key, where, room, text], [], {source: text}
        for code, own, prints in editions:
            status = _status(own.get(key), prints.get(key), text)
            shown = "" if status in (MISSING, UNTRANSLATED) else own[key][0]
            row += [shown, status]
            row_marks.append(status)
            values[code] = shown
            marked[code] += bool(status)
        row.append(baseline_cell(values))
        rows.append(row)
        marks.append(row_marks)
    if out.suffix.lower() == ".csv":
        from cardgen.spreadsheet.csvfile import write_csv

        _write(out, lambda: None, text=write_csv([header, *rows]))
    elif out.suffix.lower() in (".xlsx", ".xlsm"):
        _write(out, lambda: _workbook(header, rows, marks, len(editions)))
    else:
        raise CardgenError(f"{show_path(out)}: expected a file name ending in .xlsx (or .csv), found {out.name!r}")
    return Exported(len(rows), (source, *(code for code, _, _ in editions)), marked)


def _status(entry, made_from: str | None, source_text: str) -> str:
    if entry is None:
        return MISSING
    if entry[0].startswith(MARK):
        return UNTRANSLATED
    if made_from is None:
        return UNCONFIRMED
    return STALE if made_from != fingerprint(source_text) else ""


def _workbook(header, rows, marks, editions: int):
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a text, never a formula
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = bold
    sheet.cell(1, 1).comment = Comment("\n".join(HELP), "cardgen", width=420, height=260)
    widths = [34, 24, 30, 48] + [48, 12] * editions + [12]
    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row[:-1]:
            cell.alignment = wrap
    for number, row_marks in enumerate(marks, 2):
        for index, status in enumerate(row_marks):
            if status:
                fill = PatternFill("solid", start_color=FILLS[status], end_color=FILLS[status])
                for col in (5 + 2 * index, 6 + 2 * index):
                    sheet.cell(number, col).fill = fill
    sheet.column_dimensions[get_column_letter(len(header))].hidden = True
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header) - 1)}{len(rows) + 1}"
    about = book.create_sheet("how to")
    for line in HELP:
        about.append([line])
    about.column_dimensions["A"].width = 120
    return book


def _write(out: Path, workbook, text: str | None = None) -> None:
    """Written through a temporary file, as every file cardgen writes: an old sheet stays whole on failure."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CardgenError(f"{show_path(out.parent)}: cannot be created ({exc.strerror})") from None
    if text is not None:
        write_together({out: text})
        return
    import io
    import os
    import tempfile

    buffer = io.BytesIO()
    workbook().save(buffer)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_reproducible(buffer.getvalue()))
        os.replace(temporary, out)
    except OSError as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise CardgenError(f"{show_path(out)}: cannot be written ({exc.strerror}); close it in your spreadsheet program, "
                           "then try again") from None  # fmt: skip


def _reproducible(data: bytes) -> bytes:
    """The same texts give the same bytes: the archive's dates and the workbook's own (created,
    modified: the time of the export) set to one fixed moment."""
    import io
    import re
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            target.writestr(zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()
