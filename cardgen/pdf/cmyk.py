"""Colours in CMYK, for print shops that ask for it: a last stage over a written PDF.

Colours reach a page by many roads (canvas calls, paragraph markup, SVG drawings, the QR
widget), so rather than teach every road CMYK, the finished content streams are rewritten:
every RGB or grey colour operator becomes its CMYK one. A colour the layout spec or the deck
gave as CMYK keeps its exact values (see `remember`); any other is converted the usual naive
way (K from the lightest channel), which is what a shop's RIP would do with RGB anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream, DecodedStreamObject, FloatObject, NameObject

_EXACT: dict[tuple[float, float, float], tuple[float, float, float, float]] = {}


def remember(rgb: tuple[float, float, float], cmyk: tuple[float, float, float, float]) -> None:
    """A colour written as CMYK in a content file: printed with exactly these values."""
    _EXACT[_key(rgb)] = cmyk


def remember_all(*data) -> None:
    """Remember every colour written as CMYK anywhere in the given frozen data (layout, structure)."""
    from dataclasses import fields, is_dataclass

    seen: set[int] = set()

    def walk(value) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if getattr(value, "cmyk", None) and isinstance(value, tuple):
            remember(value, value.cmyk)
        elif is_dataclass(value):
            for field in fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    for item in data:
        walk(item)


def _key(rgb) -> tuple[float, float, float]:
    return tuple(round(float(c), 3) for c in rgb)


def to_cmyk(rgb) -> tuple[float, float, float, float]:
    exact = _EXACT.get(_key(rgb))
    if exact:
        return exact
    r, g, b = (float(c) for c in rgb)
    k = 1 - max(r, g, b)
    if k >= 1:
        return (0.0, 0.0, 0.0, 1.0)
    return tuple(round(v, 4) for v in ((1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k))


_OPERATORS = {b"rg": b"k", b"RG": b"K", b"g": b"k", b"G": b"K"}


def _convert(operations: list) -> list:
    result = []
    for operands, operator in operations:
        if operator in _OPERATORS:
            rgb = operands * 3 if operator in (b"g", b"G") else operands
            operands = [FloatObject(v) for v in to_cmyk(rgb)]
            operator = _OPERATORS[operator]
        result.append((operands, operator))
    return result


def convert_pdf(path: Path) -> None:
    """Rewrite the PDF at `path` (pages and the forms they use) with CMYK colour operators."""
    reader = PdfReader(str(path))
    writer = PdfWriter(clone_from=reader)
    converted: dict[int, object] = {}  # a form used on many pages is converted once
    for page in writer.pages:
        content = ContentStream(page.get_contents(), writer)
        content.operations = _convert(content.operations)
        page.replace_contents(content)
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for name in list(xobjects):
            form = xobjects[name].get_object()
            if form.get("/Subtype") != "/Form":
                continue
            if id(form) not in converted:
                stream = ContentStream(form, writer)
                stream.operations = _convert(stream.operations)
                fresh = DecodedStreamObject()
                fresh.update({k: v for k, v in form.items() if k not in ("/Filter", "/DecodeParms", "/Length")})
                fresh.set_data(stream.get_data())
                converted[id(form)] = writer._add_object(fresh.flate_encode())
            xobjects[NameObject(name)] = converted[id(form)]
    for page in writer.pages:
        page.compress_content_streams()
    temporary = path.with_name(path.name + ".cmyk")
    with open(temporary, "wb") as handle:
        writer.write(handle)
    os.replace(temporary, path)
