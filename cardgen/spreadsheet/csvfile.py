"""CSV as spreadsheets write it: ',' or ';' (Excel in Dutch, French or German uses ';'), a tab for
'Unicode text', UTF-8 with or without a BOM, UTF-16 with one, or Windows' cp1252 (Excel's plain
'CSV' on Windows). Written with the standard library's csv, read back the same way."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from cardgen.errors import CardgenError, show_path

DELIMITERS = ",;\t"


def decoded(path: Path, raw: bytes) -> str:
    """The text of a CSV file: by its BOM, else UTF-8, else cp1252 (what Excel on Windows writes)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise CardgenError(f"{show_path(path)}: starts as {encoding.upper()} but byte {exc.start + len(bom)} is not; "
                                   "save the file again as 'CSV UTF-8'") from None  # fmt: skip
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise CardgenError(
            f"{show_path(path)}: neither UTF-8 nor Windows (cp1252) text (byte {exc.start}); save it from your "
            "spreadsheet program as 'CSV UTF-8'"
        ) from None


def delimiter_of(text: str) -> str:
    """The delimiter of the first line with any: the one it holds most of, outside quotes."""
    for line in text.splitlines()[:20]:
        counts = {d: 0 for d in DELIMITERS}
        quoted = False
        for char in line:
            if char == '"':
                quoted = not quoted
            elif not quoted and char in counts:
                counts[char] += 1
        best = max(DELIMITERS, key=lambda d: counts[d])
        if counts[best]:
            return best
    return ","


def csv_rows(path: Path, raw: bytes):
    """Each row as a list of (value, error): a text that is a formula's error, such as '#N/A', is one."""
    from cardgen.spreadsheet.grid import error_of

    text = decoded(path, raw)
    if "\x00" in text:
        raise CardgenError(f"{show_path(path)}: holds NUL characters: not a CSV file (an .xlsx renamed?); save it as CSV again")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text))
    try:
        return [[(value, error_of(value.strip())) for value in row] for row in reader]
    except csv.Error as exc:
        raise CardgenError(f"{show_path(path)}:{reader.line_num}: not a CSV line that can be read ({exc})") from None


def write_csv(rows: list[list[str]]) -> str:
    """A CSV text Excel opens as UTF-8 in any locale (the BOM), with ',' and quotes where needed."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return "\ufeff" + out.getvalue()
