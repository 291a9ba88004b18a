"""Fonts named in the layout spec: the standard PDF fonts, or TrueType files that are embedded.

A TrueType file is found like any asset (the deck folder first, then cardgen's assets/), checked
once, registered with ReportLab under a name of its own, and its character map kept, so that
every text can be checked for characters the font cannot print before anything is drawn.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

STANDARD_FONTS = (
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
)  # fmt: skip
ROLES = ("regular", "bold", "italic", "bold_italic")


class FontError(ValueError):
    """A font file that cannot be used; the message says why."""


@lru_cache(maxsize=None)
def register_ttf(path: Path) -> str:
    """Register a TrueType file with ReportLab (once per file) and return its font name."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    digest = hashlib.sha1(str(path).encode()).hexdigest()[:6]
    name = f"{path.stem}-{digest}"
    try:
        font = TTFont(name, str(path))
    except TTFError as exc:
        if "postscript outlines" in str(exc).lower():
            raise FontError(
                "has PostScript (CFF) outlines, which ReportLab cannot embed; use the TrueType (.ttf) version"
            ) from None
        raise FontError(f"is not a usable TrueType font ({exc})") from None
    except OSError as exc:
        raise FontError(f"cannot be read ({exc.strerror})") from None
    pdfmetrics.registerFont(font)
    _CMAPS[name] = frozenset(font.face.charToGlyph)
    _FILES[name] = path.name
    return name


_CMAPS: dict[str, frozenset[int]] = {}
_FILES: dict[str, str] = {}


def display_name(font: str) -> str:
    """A font as the layout spec names it: its file name, or the standard font's name."""
    return _FILES.get(font, font)


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
