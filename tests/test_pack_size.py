"""The print pack stays small: each font subset embedded once, streams Flate-compressed only."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pypdf import PdfReader

from cardgen.build import build, prepare
from conftest import CONTENT
from pdfread import MM

TYPST_PACK = 63_000  # bytes: Typst's PDF of the same seven pages of the Dutch edition


def embedded_fonts(pdf: Path) -> Counter:
    """How many distinct font files the PDF embeds for each font name (subset prefix included),
    over every page and every form a page draws."""
    files: dict[str, set[int]] = {}
    seen: set[int] = set()

    def visit(resources) -> None:
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor:
                files.setdefault(str(font["/BaseFont"]), set()).add(descriptor.raw_get("/FontFile2").idnum)
        for xobject in (resources.get("/XObject") or {}).values():
            if xobject.idnum not in seen and xobject.get_object().get("/Subtype") == "/Form":
                seen.add(xobject.idnum)
                visit(xobject.get_object().get("/Resources") or {})

    for page in PdfReader(pdf).pages:
        visit(page.get("/Resources") or {})
    return Counter({name: len(ids) for name, ids in files.items()})


def filters(pdf: Path) -> set[str]:
    reader = PdfReader(pdf)
    found = set()
    for number in range(1, reader.trailer["/Size"]):
        try:
            obj = reader.get_object(number)
        except Exception:  # a free entry in the cross-reference table
            continue
        if obj is not None and hasattr(obj, "get_data") and "/Filter" in obj:
            chain = obj["/Filter"]
            found.update(str(f) for f in (chain if isinstance(chain, list) else [chain]))
    return found


def test_each_font_is_embedded_once_in_the_pack(built):
    fonts = embedded_fonts(built / "print-pack.pdf")
    assert {name.split("+")[1] for name in fonts} == {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}
    assert set(fonts.values()) == {1}, fonts


def test_the_pack_is_no_larger_than_typst_makes_it(built):
    pack = (built / "print-pack.pdf").stat().st_size
    parts = sum((built / name).stat().st_size for name in ("cards.pdf", "poster.pdf"))
    assert pack <= TYPST_PACK, pack
    assert pack < 0.75 * parts, (pack, parts)  # the parts share their fonts in the pack


def test_streams_are_flate_compressed_only(built):
    for name in ("cards.pdf", "poster.pdf", "print-pack.pdf"):
        assert filters(built / name) == {"/FlateDecode"}, name


def test_with_tiles_each_font_is_still_embedded_once(tmp_path):
    """The tiles' marks are drawn in the poster's document: the pack and the tiles file hold one
    subset per font, as the poster does."""
    build(prepare(CONTENT, lang="nl", tile=(210 * MM, 297 * MM), cmyk=True), tmp_path)
    folder = tmp_path / "nl"
    poster = embedded_fonts(folder / "poster.pdf")
    assert set(poster.values()) == {1}, poster
    for name in ("poster-tiles.pdf", "print-pack.pdf"):
        assert embedded_fonts(folder / name) == poster, name
