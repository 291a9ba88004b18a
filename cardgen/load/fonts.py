"""Fonts named in the layout spec: the standard PDF fonts, or TrueType files that are embedded.

A TrueType file is found like any asset (the deck folder first, then cardgen's assets/), checked
once, registered with ReportLab under a name of its own, and its character map kept, so that
every text can be checked for characters the font cannot print before anything is drawn.
"""

from __future__ import annotations

import hashlib
import os
import stat
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from cardgen.spec import Fonts

STANDARD_FONTS = (
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
)  # fmt: skip
ROLES = ("regular", "bold", "italic", "bold_italic")


class FontError(ValueError):
    """A font file that cannot be used; the message says why."""


MAX_FONT_BYTES = 30_000_000  # a Latin text font is 50-500 kB, a full CJK one about 20 MB
_DAMAGED = (
    "is not a usable TrueType font: the file is damaged or not a font; "
    "download the font again (the .ttf file itself, not a .zip or .woff)"
)


@lru_cache(maxsize=None)
def register_ttf(path: Path) -> str:
    """Register a TrueType file with ReportLab (once per file) and return its font name."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    size = _checked_size(path)
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:6]
    name = f"{path.stem}-{digest}"
    try:
        font = TTFont(name, str(path))
    except TTFError as exc:
        if "postscript outlines" in str(exc).lower():
            raise FontError(
                "has PostScript (CFF) outlines, which ReportLab cannot embed; use the TrueType (.ttf) version"
            ) from None
        raise FontError(_DAMAGED) from None
    except OSError as exc:
        raise FontError(f"cannot be read ({exc.strerror})") from None
    except Exception:  # on a broken file ReportLab fails with struct.error, IndexError, KeyError, ...
        raise FontError(_DAMAGED) from None
    _check_tables(font, size)
    pdfmetrics.registerFont(font)
    _CMAPS[name] = frozenset(font.face.charToGlyph)
    _FILES[name] = path.name
    return name


def _checked_size(path: Path) -> int:
    """A regular file of a sensible size: a pipe would block the read for ever, a huge file hang it."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise FontError(f"cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise FontError("is not a regular file (a folder, pipe or device); use the .ttf file itself")
    if info.st_size == 0:
        raise FontError("is empty (0 bytes); download the font again")
    if info.st_size > MAX_FONT_BYTES:
        raise FontError(
            f"is {info.st_size / 1e6:.0f} MB, more than the limit of {MAX_FONT_BYTES / 1e6:.0f} MB for a font; "
            "use a font made for text, or one subset to the languages you print"
        )
    return info.st_size


def _check_tables(font, size: int) -> None:
    """A cut-short file can still open (ReportLab reads the glyphs only when the PDF is written)."""
    for record in font.face.tables:
        if record["offset"] + record["length"] > size:
            raise FontError(
                f"is cut short: its '{record['tag']}' table runs past the end of the file ({size} bytes); "
                "download the font again"
            )


_CMAPS: dict[str, frozenset[int]] = {}
_FILES: dict[str, str] = {}


def display_name(font: str) -> str:
    """A font as the layout spec names it: its file name, or the standard font's name."""
    return _FILES.get(font, font)


def register_fonts(fonts: Fonts) -> None:
    """Make a layout's fonts known to this process's ReportLab, under the names planning used:
    a parallel worker draws with fonts it did not load."""
    for font in (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic):
        if font.path is not None:
            register_ttf(font.path)
    register_family(fonts.names())


def register_family(fonts: dict[str, str]) -> None:
    """So that <b> and <i> in a paragraph pick the layout's own bold and italic."""
    from reportlab.lib.fonts import addMapping

    regular, bold = fonts["regular"], fonts["bold"]
    italic = fonts.get("italic", regular)
    bold_italic = fonts.get("bold_italic", bold)
    for name in {regular, bold, italic, bold_italic}:
        addMapping(name, 0, 0, regular)
        addMapping(name, 1, 0, bold)
        addMapping(name, 0, 1, italic)
        addMapping(name, 1, 1, bold_italic)


def missing_characters(font: str, text: str) -> list[str]:
    """The characters of `text` that `font` cannot print, in order of appearance, each once."""
    missing: list[str] = []
    for char in dict.fromkeys(text):
        if char in "\n\u00ad" or char in missing:
            continue
        if not _has(font, char):
            missing.append(char)
    return missing


def _has(font: str, char: str) -> bool:
    cmap = _CMAPS.get(font)
    if cmap is not None:
        return ord(char) in cmap
    # The standard fonts are written in WinAnsi (cp1252); anything else prints as a box.
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True
