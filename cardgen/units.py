"""Lengths with units and colours, turned into points and RGB fractions once, at the door."""

from __future__ import annotations

import re

MM = 72 / 25.4
UNITS = {"pt": 1.0, "mm": MM, "cm": 10 * MM, "in": 72.0, "px": 0.75}

PAPERS_MM = {
    "A5": (148.0, 210.0),
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "A2": (420.0, 594.0),
    "A1": (594.0, 841.0),
    "Letter": (215.9, 279.4),
    "Legal": (215.9, 355.6),
}

CARD_SIZES_MM = {
    "poker": (63.0, 88.0),
    "bridge": (57.0, 89.0),
    "mini": (44.0, 63.0),
    "a7": (74.0, 105.0),
    "tarot": (70.0, 120.0),
    "square": (70.0, 70.0),
}
MIN_CARD_MM = 25.0  # below this a card cannot hold a word at a readable size, nor be cut by hand
MAX_OFFSET_MM = 10.0  # printers shift a back by 0.5-2 mm; more than this is a typo, not a printer
MAX_LENGTH_MM = 5080.0  # 200 in: the largest page a PDF may have, so the longest length that means anything
MIN_PAPER_MM = 50.0  # a smaller sheet holds no card and no poster

_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in|px)\s*$")
_SIZE = re.compile(r"^\s*(.+?)\s*[x×]\s*(.+?)\s*$")
_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


class UnitError(ValueError):
    """A value that is not of the expected form; the message says what was expected."""


def shown(value: object) -> str:
    """A value as a user wrote it, for messages."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value)


def parse_length(text: object) -> float:
    """'63mm', '10pt', '0.5in', '1.2cm' -> points."""
    if not isinstance(text, str):
        raise UnitError(f"expected a length with a unit such as '63mm' or '10pt', found {shown(text)}")
    match = _LENGTH.match(text)
    if not match:
        hint = "; write decimals with a point: '5.5mm'" if "," in text else ""
        raise UnitError(
            f"expected a length with a unit (mm, cm, in, pt or px) such as '63mm', found {text!r}{hint}"
        )
    return _bounded(float(match.group(1)) * UNITS[match.group(2)], text)


def _bounded(points: float, text: str) -> float:
    """A length no longer than a PDF page can be (which also keeps out infinity)."""
    if not abs(points) <= MAX_LENGTH_MM * MM:
        raise UnitError(
            f"expected a length of at most {MAX_LENGTH_MM:g} mm (200 in, the largest page a PDF can have), found {text!r}"
        )
    return points


def parse_size(text: object) -> tuple[float, float]:
    """'A4', 'Letter' or '100mm x 150mm' -> (width, height) in points, portrait as named."""
    if isinstance(text, str):
        for name, (w, h) in PAPERS_MM.items():
            if text.strip().lower() == name.lower():
                return w * MM, h * MM
        match = _SIZE.match(text)
        if match:
            size = parse_length(match.group(1)), parse_length(match.group(2))
            if min(size) < MIN_PAPER_MM * MM:
                raise UnitError(f"expected a paper at least {MIN_PAPER_MM:g} mm a side, found {text!r}")
            return size
    names = ", ".join(PAPERS_MM)
    raise UnitError(f"expected a paper name ({names}) or a size such as '210mm x 297mm', found {shown(text)}")


class Colour(tuple):
    """(r, g, b) as fractions of 1; `cmyk` keeps the exact values of a colour written as CMYK."""

    cmyk: tuple[float, float, float, float] | None = None


_PERCENT = r"\s*(\d{1,3}(?:\.\d{1,4})?|\.\d{1,4})\s*"
_CMYK = re.compile(rf"^cmyk\({_PERCENT},{_PERCENT},{_PERCENT},{_PERCENT}\)$", re.I)


def parse_colour(text: object, also: str = "") -> tuple[float, float, float]:
    """'#6B2E8F' or 'cmyk(60, 80, 0, 20)' (percentages) -> (r, g, b) as fractions of 1.
    `also` names other accepted words, for the message."""
    if isinstance(text, str):
        match = _HEX.match(text.strip())
        if match:
            value = match.group(1)
            return Colour(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
        match = _CMYK.match(text.strip())
        if match and all(0 <= float(v) <= 100 for v in match.groups()):
            c, m, y, k = (float(v) / 100 for v in match.groups())
            colour = Colour(round((1 - v) * (1 - k), 4) for v in (c, m, y))
            colour.cmyk = (c, m, y, k)
            return colour
    hint = " ('#' starts a comment unless the colour is in quotes)" if text is None else ""
    raise UnitError(
        f"expected a colour as '#RRGGBB' (six hex digits, in quotes) or 'cmyk(C, M, Y, K)' in percent{also}, "
        f"found {shown(text)}{hint}"
    )


def _mm_or_length(text: str) -> float:
    """'63' (millimetres, as people say card sizes) or any length with a unit."""
    text = text.strip()
    if re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return _bounded(float(text) * MM, text)
    return parse_length(text)


def parse_overlap(text: object) -> float:
    """'10' (mm) or '10mm' -> points: how far poster tiles overlap, 0 to 50 mm."""
    if isinstance(text, str):
        try:
            value = _mm_or_length(text)
        except UnitError:
            pass
        else:
            if 0 <= value <= 50 * MM:
                return value
    raise UnitError(f"expected an overlap from 0 to 50 mm such as '10', found {shown(text)}")


def parse_card_size(text: object) -> tuple[float, float]:
    """'poker', 'tarot', ... or '63x88' (mm) or '63mm x 88mm' -> (width, height) in points."""
    if isinstance(text, str):
        preset = CARD_SIZES_MM.get(text.strip().lower())
        if preset:
            return preset[0] * MM, preset[1] * MM
        match = _SIZE.match(text)
        if match:
            try:
                w, h = _mm_or_length(match.group(1)), _mm_or_length(match.group(2))
            except UnitError:
                pass
            else:
                if min(w, h) < MIN_CARD_MM * MM:
                    raise UnitError(
                        f"a {w / MM:g} x {h / MM:g} mm card is too small to print text on and cut; "
                        f"the smallest is {MIN_CARD_MM:g} mm a side"
                    )
                return w, h
    names = ", ".join(CARD_SIZES_MM)
    raise UnitError(f"expected a card size ({names}) or width x height such as '63x88' (mm), found {shown(text)}")


def parse_offset(text: object) -> tuple[float, float]:
    """'0.5,-1' (mm, x then y) or '0.5mm,-1mm' -> (dx, dy) in points, each within MAX_OFFSET_MM."""
    if isinstance(text, str) and text.count(",") == 1:
        try:
            dx, dy = (_mm_or_length(part) for part in text.split(","))
        except UnitError:
            pass
        else:
            worst = max(abs(dx), abs(dy)) / MM
            if worst > MAX_OFFSET_MM:
                raise UnitError(
                    f"expected an offset of at most {MAX_OFFSET_MM:g} mm each way (printers shift by 0.5-2 mm), "
                    f"found {worst:g} mm; measure it on the calibration sheet"
                )
            return dx, dy
    raise UnitError(f"expected an offset as X,Y in millimetres such as '0.5,-1', found {shown(text)}")


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholder_problem(template: str, allowed: tuple[str, ...]) -> str | None:
    """Why `template` is not a text with {name} placeholders from `allowed`, or None when it is.
    Placeholders are bare names: no format specs, no attributes, no indexes."""
    for match in _PLACEHOLDER.finditer(template):
        if match.group(1) not in allowed:
            names = ", ".join(f"{{{name}}}" for name in allowed) or "none"
            return f"unknown placeholder {match.group(0)!r}; the placeholders this text may use: {names}"
    if "{" in _PLACEHOLDER.sub("", template) or "}" in _PLACEHOLDER.sub("", template):
        return "a '{' or '}' that is not part of a placeholder such as {label}; remove it"
    return None


def fill_placeholders(template: str, values: dict[str, object]) -> str:
    """`template` with each {name} replaced by its value; checked by placeholder_problem first."""
    return _PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)
