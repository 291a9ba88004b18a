"""What every file pypdf writes gets last: a distinct tag for each distinct font subset, and an /ID.

ReportLab tags the subsets of one document AAAAAA+, AAAAAB+, ... in the order it makes them, so
files cut from different documents (the sheets, the shop cards) and merged into one (the pack)
hold different subsets under the same name, which the PDF reference forbids and preflight and
some print servers trip over. Here each subset is tagged from a hash of its font program instead:
distinct subsets get distinct tags, the same subset the same tag in every file, and the bytes stay
reproducible. The /ID is a hash of the pages' contents, the same on every run.
"""

from __future__ import annotations

import hashlib
import re

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, NameObject

_TAGGED = re.compile(r"^/[A-Z]{6}\+(.+)$")


def finish_file(writer: PdfWriter) -> None:
    distinct_subset_names(writer)
    set_file_id(writer)


def distinct_subset_names(writer: PdfWriter) -> None:
    """Retag every subset font the pages use (and the forms on them) by its font program; copies
    of one subset that merging left as separate fonts are made one font again."""
    tags: dict[int, NameObject | None] = {}
    first: dict[NameObject, object] = {}  # tag -> the font every copy of that subset now refers to
    for page in writer.pages:
        for fonts, key in _font_entries(page.get("/Resources"), set()):
            font = fonts[key].get_object()
            if id(font) not in tags:
                tags[id(font)] = _retag(font)
            name = tags[id(font)]
            if name is None:
                continue
            if name in first and fonts[key].get_object() is not first[name].get_object():
                fonts[NameObject(key)] = first[name]
            first.setdefault(name, fonts.raw_get(key))


def _font_entries(resources, seen: set[int]):
    """(font resource dictionary, name) of every font on a page and in the forms it shows."""
    resources = resources.get_object() if resources is not None else None
    if not isinstance(resources, DictionaryObject) or id(resources) in seen:
        return
    seen.add(id(resources))
    fonts = resources.get("/Font")
    if fonts is not None:
        fonts = fonts.get_object()
        yield from ((fonts, key) for key in list(fonts))
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _font_entries(xobject.get("/Resources"), seen)


def _retag(font: DictionaryObject) -> NameObject | None:
    match = _TAGGED.match(str(font.get("/BaseFont", "")))
    descriptor = font.get("/FontDescriptor")
    if not match or descriptor is None:
        return None
    descriptor = descriptor.get_object()
    program = next((descriptor[key].get_object() for key in ("/FontFile2", "/FontFile3", "/FontFile") if key in descriptor), None)
    if program is None:
        return None
    digest = hashlib.sha256(program.get_data())
    for key in ("/Widths", "/FirstChar"):  # the same glyphs coded otherwise are another subset
        digest.update(repr(font.get(key)).encode())
    name = NameObject(f"/{_tag(digest.digest())}+{match.group(1)}")
    font[NameObject("/BaseFont")] = name
    descriptor[NameObject("/FontName")] = name
    return name


def _tag(digest: bytes) -> str:
    """Six capital letters, as the PDF reference wants a subset's tag."""
    number = int.from_bytes(digest[:8], "big")
    letters = []
    for _ in range(6):
        number, letter = divmod(number, 26)
        letters.append(chr(ord("A") + letter))
    return "".join(letters)


def set_file_id(writer: PdfWriter) -> None:
    """The trailer's /ID: both parts one hash of every page's content, so a file is named by what it shows."""
    digest = hashlib.md5(usedforsecurity=False)
    for page in writer.pages:
        contents = page.get_contents()
        digest.update(contents.get_data() if contents is not None else b"")
        digest.update(repr(list(page.mediabox)).encode())
        _forget_decoded(page.get("/Contents"))
    value = ByteStringObject(digest.digest())
    writer._ID = ArrayObject([value, value])  # pypdf has no public setter; it would make a random one


def _forget_decoded(contents) -> None:
    """pypdf keeps a stream's decoded data once read, beside its compressed bytes, which are all
    it writes: dropped, so that hashing every page does not hold every page uncompressed (16 MiB
    of a 10,000 card pack)."""
    contents = contents.get_object() if contents is not None else None
    for stream in contents if isinstance(contents, ArrayObject) else (contents,):
        stream = stream.get_object() if stream is not None else None
        if getattr(stream, "decoded_self", None) is not None:
            stream.decoded_self = None
