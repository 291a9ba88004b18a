"""A spreadsheet file (.xlsx, .ods or .csv) read as a grid of text cells, each with its address.

Every cell comes as text: a number as it would be typed (`12`, `1.5`), a date as `2026-12-02`,
an empty cell as "". A cell whose formula failed (`#DIV/0!`, LibreOffice's `Err:502`) keeps its
error, so that the caller can name it (`cards.xlsx:B7`). A file that is no spreadsheet, too big,
or saved in an old format is refused with one line, never a traceback.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cardgen.userfile import read_limited
from cardgen.errors import CardgenError, Problem, show_path

MAX_BYTES = 20_000_000  # a deck's sheet is some 100 kB; more is another file
MAX_UNPACKED = 200_000_000  # the XML inside an .xlsx or .ods, unpacked: a zip bomb stops here
MAX_ROWS, MAX_COLS = 100_000, 200
ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#ERROR!"}
_LIBREOFFICE_ERROR = re.compile(r"Err:\d{3}")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
SUFFIXES = (".xlsx", ".xlsm", ".ods", *CSV_SUFFIXES)


@dataclass(frozen=True)
class Cell:
    row: int  # 1-based, as the spreadsheet shows it
    col: int
    value: str
    error: str | None = None  # the formula error the cell shows, such as '#DIV/0!'

    @property
    def name(self) -> str:
        return cell_name(self.row, self.col)


@dataclass(frozen=True)
class Grid:
    path: Path
    rows: tuple[tuple[Cell, ...], ...]  # every row up to the last one with content, each as long as the widest

    def where(self, row: int, col: int) -> str:
        return f"{show_path(self.path)}:{cell_name(row, col)}"

    def problem(self, row: int, col: int, key: str | None, message: str, inline: bool = False) -> Problem:
        return Problem(self.path, None, key, message, inline, cell=cell_name(row, col))

    def cell(self, row: int, col: int) -> Cell:
        if row <= len(self.rows) and col <= len(self.rows[row - 1]):
            return self.rows[row - 1][col - 1]
        return Cell(row, col, "")


class SheetError(CardgenError):
    """Problems in a spreadsheet, each named by its cell; nothing was written."""

    def __init__(self, problems: list[Problem], outcome: str) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        tail = f"{count} problem{'s' if count != 1 else ''} found; {outcome}."
        super().__init__("\n".join([*(str(p) for p in self.problems), tail]))


def column_letters(col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int | None:
    """'B' -> 2, 'aa' -> 27; None when it is not a column's letters."""
    if not (letters.isascii() and letters.isalpha() and len(letters) <= 3):
        return None
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def cell_name(row: int, col: int) -> str:
    return f"{column_letters(col)}{row}"


def shown_value(value) -> str:
    """A cell's value as the text a user typed in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("_x000D_", "")  # Excel's escaped carriage return, left by some writers


def error_of(text: str) -> str | None:
    return text if text in ERRORS or _LIBREOFFICE_ERROR.fullmatch(text) else None


def make_grid(path: Path, raw_rows) -> Grid:
    """A Grid of `raw_rows` (lists of (value, error)), trailing empty rows and columns dropped."""
    rows: list[list[tuple[str, str | None]]] = []
    for index, raw in enumerate(raw_rows, 1):
        if index > MAX_ROWS:
            raise CardgenError(f"{show_path(path)}: more than {MAX_ROWS:,} rows; is it the right file?")
        rows.append([(shown_value(v), e) for v, e in raw[:MAX_COLS]])
    while rows and not any(v or e for v, e in rows[-1]):
        rows.pop()
    width = max((i + 1 for row in rows for i, (v, e) in enumerate(row) if v or e), default=0)
    return Grid(path, tuple(
        tuple(Cell(r, c, *(row[c - 1] if c <= len(row) else ("", None))) for c in range(1, width + 1))
        for r, row in enumerate(rows, 1)
    ))  # fmt: skip


def read_grid(path: Path, sheet: str | None = None, preferred: str | None = None) -> Grid:
    """The cells of the file's sheet named `sheet` (default: the one named `preferred` when
    there is one, else the first)."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise CardgenError(f"{show_path(path)}: an old Excel file (.xls); save it as .xlsx (Excel Workbook), then try again")
    if suffix not in SUFFIXES:
        raise CardgenError(f"{show_path(path)}: expected a spreadsheet saved as .xlsx, .ods or .csv, found {path.name!r}")
    raw = read_bytes(path)
    if suffix in CSV_SUFFIXES:
        from cardgen.spreadsheet.csvfile import csv_rows

        return make_grid(path, csv_rows(path, raw))
    archive = _archive(path, raw)
    if suffix == ".ods":
        from cardgen.spreadsheet.ods import ods_rows

        return make_grid(path, ods_rows(path, archive, sheet, preferred))
    return make_grid(path, _xlsx_rows(path, raw, sheet, preferred))


def chosen_sheet(path: Path, names: list[str], sheet: str | None, preferred: str | None) -> int:
    """The index of the sheet to read among `names`."""
    if sheet is not None and sheet not in names:
        raise CardgenError(f"{show_path(path)}: no sheet named {sheet!r}; it has {', '.join(map(repr, names))}")
    if not names:
        raise CardgenError(f"{show_path(path)}: holds no sheet")
    wanted = sheet if sheet is not None else preferred
    return names.index(wanted) if wanted in names else 0


def read_bytes(path: Path) -> bytes:
    return read_limited(path, MAX_BYTES, "sheet", "the spreadsheet's file")


def _archive(path: Path, raw: bytes) -> zipfile.ZipFile:
    """The .xlsx or .ods file's zip archive, checked to unpack to a sane size."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise CardgenError(
            f"{show_path(path)}: not a spreadsheet that can be read (an .xlsx or .ods file is a zip archive; this is "
            "not one); open it in your spreadsheet program and save it again"
        ) from None
    if unpacked > MAX_UNPACKED:
        raise CardgenError(f"{show_path(path)}: unpacks to more than {MAX_UNPACKED / 1e6:.0f} MB; is it the right file?")
    return archive


def _xlsx_rows(path: Path, raw: bytes, sheet: str | None, preferred: str | None):
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it does not read
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            names = book.sheetnames
            worksheet = book[names[chosen_sheet(path, names, sheet, preferred)]]
            worksheet.reset_dimensions()  # some writers record a wrong size: read every row there is
            rows = []
            for row in worksheet.iter_rows():
                rows.append([(cell.value, shown_value(cell.value) if cell.data_type == "e" else None) for cell in row])
                if len(rows) > MAX_ROWS:
                    break
            book.close()
    except CardgenError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises anything on a broken file; it is the file's fault
        raise CardgenError(
            f"{show_path(path)}: not an .xlsx workbook that can be read ({type(exc).__name__}); open it in your "
            "spreadsheet program and save it again as .xlsx"
        ) from None
    return rows
