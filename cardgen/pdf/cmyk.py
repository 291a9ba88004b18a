"""Colours in CMYK, for print shops that ask for it: a last stage over a written PDF.

Colours reach a page by many roads (canvas calls, paragraph markup, SVG drawings, the QR
widget), so rather than teach every road CMYK, the finished content streams are rewritten:
every RGB or grey colour operator becomes its CMYK one. A colour the layout spec or the deck
gave as CMYK keeps its exact values (see `exact_colours`); any other is converted the usual naive
way (K from the lightest channel), which is what a shop's RIP would do with RGB anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream, DecodedStreamObject, FloatObject, NameObject

Exact = dict[tuple[float, float, float], tuple[float, float, float, float]]  # RGB as drawn -> CMYK


def written_as_cmyk(*data) -> list[tuple[tuple[float, float, float], tuple[float, float, float, float]]]:
    """(RGB, CMYK) of every colour written as CMYK anywhere in the given frozen data (layout, structure)."""
    from dataclasses import fields, is_dataclass

    found, seen = [], set()

    def walk(value) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if getattr(value, "cmyk", None) and isinstance(value, tuple):
            found.append((tuple(value), value.cmyk))
        elif is_dataclass(value):
            for field in fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    for item in data:
        walk(item)
    return found


def exact_colours(*data) -> tuple[Exact, list[tuple[tuple, tuple]]]:
    """The colours to print with exactly their CMYK values, and the pairs of different CMYK colours
    that draw as one RGB colour (rich and plain black, say), which a rewrite cannot tell apart."""
    exact: Exact = {}
    clashes = []
    for rgb, cmyk in written_as_cmyk(*data):
        key = _key(rgb)
        if key in exact and exact[key] != cmyk:
            clashes.append((exact[key], cmyk))
        exact.setdefault(key, cmyk)
    return exact, clashes


def _key(rgb) -> tuple[float, float, float]:
    return tuple(round(float(c), 3) for c in rgb)


def to_cmyk(rgb, exact: Exact) -> tuple[float, float, float, float]:
    found = exact.get(_key(rgb))
    if found:
        return found
    r, g, b = (float(c) for c in rgb)
    k = 1 - max(r, g, b)
    if k >= 1:
        return (0.0, 0.0, 0.0, 1.0)
    return tuple(round(v, 4) for v in ((1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k))


_OPERATORS = {b"rg": b"k", b"RG": b"K", b"g": b"k", b"G": b"K"}


def _convert(operations: list, exact: Exact) -> list:
    result = []
    for operands, operator in operations:
        if operator in _OPERATORS:
            rgb = operands * 3 if operator in (b"g", b"G") else operands
            operands = [FloatObject(v) for v in to_cmyk(rgb, exact)]
            operator = _OPERATORS[operator]
        result.append((operands, operator))
    return result


def convert_pdf(path: Path, exact: Exact) -> None:
    """Rewrite the PDF at `path` (pages and the forms they use) with CMYK colour operators; the
    colours in `exact` (see exact_colours) keep the CMYK values the content files gave them."""
    reader = PdfReader(str(path))
    writer = PdfWriter(clone_from=reader)
    converted: dict[int, object] = {}  # a form used on many pages is converted once
    for page in writer.pages:
        content = ContentStream(page.get_contents(), writer)
        content.operations = _convert(content.operations, exact)
        page.replace_contents(content)
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for name in list(xobjects):
            form = xobjects[name].get_object()
            if form.get("/Subtype") != "/Form":
                continue
            if id(form) not in converted:
                stream = ContentStream(form, writer)
                stream.operations = _convert(stream.operations, exact)
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
