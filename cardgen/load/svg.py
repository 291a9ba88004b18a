"""Read SVG drawings (emoticons, icons), checked: a broken or missing drawing is a problem, not a blank.

A drawing is checked at the door, before svglib sees it: only a regular file of bounded size, parsed
without entities, made of what svglib draws faithfully (paths, basic shapes, groups, solid colours),
with sizes and numbers a PDF can hold. Whatever passes is then drawn once on a scratch canvas, so
that a drawing `check` accepts is one that `build` can draw.

A drawing that passed is kept in cardgen's cache folder, named by the file's bytes and the code that
checked and converted it (this module, svglib's sources, ReportLab's version): a file seen before
skips the checks and svglib (some 50 ms of imports, then the conversion); a changed file or changed
code is checked again.
"""

from __future__ import annotations

import io
import logging
import math
import os
import re
import stat
from collections import Counter
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from cardgen import cache
from cardgen.errors import Problems
from cardgen.units import MM

MAX_BYTES = 2_000_000  # the shipped drawings are 1-2 kB; Inkscape drawings of emoticons are tens of kB
MAX_ELEMENTS = 5_000  # svglib needs about 0.1 ms per element: this keeps a check well under a second
MAX_NUMBERS = 200_000  # coordinates, counted again for every <use> that repeats them
MAX_DEPTH = 100  # svglib recurses per level and fails with RecursionError a few hundred levels down
MAX_NUMBER = 1e9  # beyond this a coordinate is a mistake, and inf or NaN make ReportLab fail
MIN_SIZE, MAX_SIZE = 0.1 * MM, 5000 * MM  # PDF pages stop at 5,080 mm
PX = 0.75  # points per CSS pixel, as svglib converts
KIND, ENTRIES, SIZE = "drawings", 256, 64_000_000  # a pickled emoticon is ~5 kB; the limit is the bound
FORMAT = "1"  # the layout of an entry: raise it when that changes
UNITS = {"": PX, "px": PX, "pt": 1.0, "pc": 12.0, "mm": MM, "cm": 10 * MM, "in": 72.0}

# What svglib draws as SVG means it. Everything else would be dropped or drawn wrong, silently.
DRAWN = {
    "svg", "g", "defs", "title", "desc", "metadata", "style", "symbol", "use", "switch", "a",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "clipPath",
}  # fmt: skip
_GRADIENT = "gradients print as a black shape (PDF viewers report the page as broken); use solid colours"
_TEXT = "text is printed in a fallback font; convert it to paths (Inkscape: Path > Object to Path)"
REASONS = {
    "linearGradient": _GRADIENT,
    "radialGradient": _GRADIENT,
    "meshgradient": _GRADIENT,
    "pattern": "pattern fills are not drawn (the shape stays empty); use a solid colour",
    "mask": "masks are ignored, so the masked parts would show; remove the mask",
    "filter": "filters (blur, shadow) are ignored; remove the filter",
    "image": "pictures, embedded or linked, are not allowed in a drawing; draw them as shapes or remove them",
    "foreignObject": "HTML inside a drawing cannot be printed; in Illustrator, save without "
    "'Preserve Illustrator Editing Capabilities'",
    "script": "scripts are not allowed in a drawing; remove the <script> element",
    "text": _TEXT,
    "tspan": _TEXT,
    "textPath": _TEXT,
    "marker": "markers (arrow heads) are not drawn; convert them to paths",
}
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
NUMERIC = {
    "x", "y", "width", "height", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2",
    "d", "points", "transform", "viewBox", "stroke-width",
}  # fmt: skip
OPACITY = ("opacity", "fill-opacity", "stroke-opacity")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf(?:inity)?", re.IGNORECASE)
_LENGTH = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf(?:inity)?)\s*([a-z%]*)\s*", re.I)


class _Refused(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def load_svg(path: Path, root: Path, problems: Problems):
    """A ReportLab Drawing of the SVG at `path`, or None with the reasons added to `problems`."""
    try:
        data = _read(path)
        key = _key(data, root)
        drawing = cache.read_object(KIND, key, _drawing_type()) if key else None
        if drawing is None:
            _Scan(data).run()
            drawing = _render(data, root)
            _check_drawing(drawing)
            if key:  # only a drawing that passed every check: the entry stands for that
                cache.write_object(KIND, key, drawing, ENTRIES, SIZE)
    except _Refused as refused:
        problems.add(path, refused.line, None, refused.message)
        return None
    except _Warned as warned:
        for message in warned.messages:
            problems.add(path, None, None, f"SVG: {message}")
        return None
    return drawing


def _key(data: bytes, root: Path) -> str | None:
    converter = _converter()
    return converter and cache.digest(converter, str(root), data)


@lru_cache(maxsize=1)
def _converter() -> str | None:
    """A digest of what turns bytes into a checked drawing, found without importing svglib (whose
    import is the cost the cache saves); None, and no cache, when its sources cannot be read."""
    import reportlab

    from cardgen import __version__

    try:
        spec = find_spec("svglib")
        sources = sorted(Path(spec.origin).parent.glob("*.py"))
        parts = [Path(__file__).read_bytes()] + [p.read_bytes() for p in sources]
    except (OSError, TypeError, AttributeError, ValueError):  # no spec, no origin: a zipped or frozen install
        return None
    return cache.digest(FORMAT, __version__, reportlab.Version, *parts)


def _drawing_type() -> type:
    from reportlab.graphics.shapes import Drawing

    return Drawing


def _read(path: Path) -> bytes:
    """The file's bytes; a FIFO or device would block for ever, a huge file would hang svglib."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise _Refused(None, "is not a regular file (a folder, pipe or device); use a saved .svg file")
        if info.st_size > MAX_BYTES:
            raise _Refused(None, _too_big(info.st_size))
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)  # the file may grow after the stat
    except OSError as exc:
        raise _Refused(None, f"cannot be read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise _Refused(None, _too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    return (
        f"the drawing is {size / 1e6:.1f} MB, more than the limit of {MAX_BYTES / 1e6:.0f} MB for an emoticon "
        "or icon; simplify it (Inkscape: Path > Simplify) or save it as plain SVG"
    )


class _Scan:
    """One pass of expat over the bytes, refusing at the first thing that cannot be printed."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        from xml.parsers import expat  # only for a drawing not in the cache

        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.elements = 0
        self.stack: list[list] = [[0, Counter(), None]]  # per open element: numbers inside, <use> targets, id
        self.ids: dict[str, tuple[int, Counter]] = {}
        self.in_style = 0

    def run(self) -> None:
        from xml.parsers import expat

        p = self.parser
        p.StartDoctypeDeclHandler = self._doctype
        p.EntityDeclHandler = self._entity
        p.SkippedEntityHandler = self._skipped
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._characters
        try:
            p.Parse(self.data, True)
        except expat.ExpatError as exc:
            raise _Refused(exc.lineno, f"not a valid SVG drawing ({expat.ErrorString(exc.code)}, "
                           f"column {exc.offset + 1}); re-export it from the drawing program") from None
        self._check_expansion()

    def _refuse(self, message: str) -> None:
        raise _Refused(self.parser.CurrentLineNumber, message)

    def _doctype(self, name, system_id, public_id, has_internal_subset) -> None:
        if has_internal_subset:
            self._refuse("<!DOCTYPE> with declarations (<!ENTITY> ...): cardgen reads no entities; "
                         "remove the [...] part of the <!DOCTYPE> line or re-export the drawing")

    def _entity(self, name, *args) -> None:
        self._refuse(f"<!ENTITY {name}>: cardgen reads no entities; re-export the drawing")

    def _skipped(self, name, is_parameter_entity) -> None:
        self._refuse(f"&{name};: cardgen reads no entities; replace it by the text it stands for")

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        namespace, _, name = tag.rpartition(" ")
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            self._refuse(f"more than {MAX_ELEMENTS} elements, the limit for a drawing; simplify it")
        if len(self.stack) > MAX_DEPTH:
            self._refuse(f"<{name}>: elements nested more than {MAX_DEPTH} deep, the limit; ungroup the drawing")
        if name in REASONS:
            self._refuse(f"<{name}>: {REASONS[name]}")
        if namespace in ("", SVG_NAMESPACE) and name not in DRAWN:
            self._refuse(f"<{name}>: cardgen cannot draw this element; keep to paths, basic shapes, "
                         "groups and solid colours")
        attrs = {key.rpartition(" ")[2]: value for key, value in attributes.items()}
        self.stack.append([self._numbers(name, attrs), Counter(self._use_target(name, attrs)), attrs.get("id")])
        self._check_style(name, attrs)
        if name == "svg":
            _check_size(self, attrs)
        self.in_style += name == "style"

    def _end(self, tag: str) -> None:
        numbers, uses, element_id = self.stack.pop()
        self.in_style -= tag.rpartition(" ")[2] == "style"
        self.stack[-1][0] += numbers
        self.stack[-1][1].update(uses)
        if element_id:
            self.ids[element_id] = (numbers, uses)

    def _numbers(self, name: str, attrs: dict[str, str]) -> int:
        count = 1
        for key in NUMERIC.intersection(attrs):
            numbers = _NUMBER.findall(attrs[key])
            count += len(numbers)
            for number in numbers:
                value = float(number)
                if not math.isfinite(value) or abs(value) > MAX_NUMBER:
                    self._refuse(f"<{name}> '{key}': the number '{number}' is too large or not a number "
                                 f"(the limit is {MAX_NUMBER:g}); fix the drawing in the drawing program")
        return count

    def _use_target(self, name: str, attrs: dict[str, str]) -> list[str]:
        if name != "use":
            return []
        href = attrs.get("href", "").strip()
        if not href.startswith("#"):
            self._refuse(f"<use> refers to {href[:80]!r}, outside this file; copy what it shows into the drawing")
        return [href[1:]]

    def _check_style(self, name: str, attrs: dict[str, str]) -> None:
        style = attrs.get("style", "")
        if "@import" in style:
            self._refuse(f"<{name}> 'style': CSS @import is not allowed in a drawing; remove it")
        declared = dict(part.partition(":")[::2] for part in style.split(";"))
        declared = {key.strip(): value.strip() for key, value in declared.items()}
        for key in OPACITY:
            value = attrs.get(key, declared.get(key))
            if value is not None and _opacity(value) < 1:
                self._refuse(f"<{name}> '{key}': transparency ({value}) is not supported in a drawing; "
                             "use a solid, lighter colour instead")

    def _characters(self, text: str) -> None:
        if self.in_style and "@import" in text:
            self._refuse("<style>: CSS @import is not allowed in a drawing; remove it")

    def _check_expansion(self) -> None:
        """Each <use> repeats what it refers to: count the numbers of the drawing as it will be drawn."""
        numbers, uses, _ = self.stack[0]
        total = numbers + sum(self._weight(target, ()) * count for target, count in uses.items())
        if total > MAX_NUMBERS:
            raise _Refused(None, f"the drawing has about {total:,} coordinates (each <use> counted as what it "
                           f"repeats), more than the limit of {MAX_NUMBERS:,}; simplify it (Inkscape: Path > Simplify)")

    def _weight(self, target: str, seen: tuple[str, ...]) -> int:
        if target in seen:
            raise _Refused(None, f"<use> of '#{target}' refers to itself; remove the loop")
        numbers, uses = self.ids.get(target, (0, Counter()))
        weight = numbers + sum(self._weight(t, seen + (target,)) * n for t, n in uses.items())
        if weight > MAX_NUMBERS:
            raise _Refused(None, f"<use> of '#{target}' repeats more than {MAX_NUMBERS:,} coordinates, "
                           "the limit; simplify the drawing")
        return weight


def _opacity(value: str) -> float:
    value = value.strip()
    try:
        number = float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        return 1.0  # svglib ignores what it cannot read, and draws the shape solid
    return number if math.isfinite(number) else 0.0


def _check_size(scan: _Scan, attrs: dict[str, str]) -> None:
    """width, height and viewBox of an <svg>: a size a PDF can hold, at least 0.1 mm."""
    for key in ("width", "height"):
        if key not in attrs:
            continue
        match = _LENGTH.fullmatch(attrs[key])
        unit = match.group(2).lower() if match else None
        if unit in ("%", "em", "ex"):
            continue  # relative: the size then comes from the viewBox, checked below and after drawing
        size = float(match.group(1)) * UNITS[unit] if match and unit in UNITS else None
        if size is None or not MIN_SIZE <= size <= MAX_SIZE:
            scan._refuse(f"<svg> '{key}': expected a length between 0.1 mm and 5000 mm such as '400' or "
                         f"'40mm', found {attrs[key][:40]!r}")
    if "viewBox" in attrs:
        box = [float(n) for n in _NUMBER.findall(attrs["viewBox"])]
        if len(box) != 4 or box[2] <= 0 or box[3] <= 0:
            scan._refuse(f"<svg> 'viewBox': expected four numbers 'x y width height' with a width and height "
                         f"above 0, found {attrs['viewBox'][:40]!r}")


class _Warned(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _render(data: bytes, root: Path):
    from svglib.svglib import svg2rlg

    collect = _Collect()
    logger = logging.getLogger("svglib")
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        drawing = svg2rlg(io.BytesIO(data), external_reference_root=str(root))
    except Exception as exc:  # svglib raises many kinds on odd input: all mean "bad drawing"
        raise _Refused(None, f"cannot be drawn: {exc}; simplify the drawing or re-export it as plain SVG") from None
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
    if collect.messages:
        raise _Warned(collect.messages)
    return drawing


def _check_drawing(drawing) -> None:
    """The drawing as svglib made it: a size within bounds, no transparency, and it draws."""
    if drawing is None or not drawing.width or not drawing.height:
        raise _Refused(None, "the SVG has no size: give the <svg> element width, height or a viewBox")
    for size in (drawing.width, drawing.height):
        if not (math.isfinite(size) and MIN_SIZE <= size <= MAX_SIZE):
            raise _Refused(None, f"the drawing is {drawing.width / MM:.6g} mm by {drawing.height / MM:.6g} mm; "
                           "expected between 0.1 mm and 5000 mm: fix the <svg> element's width, height or viewBox")
    if _transparent(drawing):
        raise _Refused(None, "transparency (a colour or opacity below 100 %) is not supported in a drawing; "
                       "use solid colours instead")
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    try:  # the very call that the build makes, on a canvas that is thrown away
        renderPDF.draw(drawing, Canvas(io.BytesIO()), 0, 0, showBoundary=0)
    except Exception as exc:  # ReportLab raises many kinds on numbers it cannot write
        raise _Refused(None, f"cannot be drawn: {exc}; simplify the drawing or re-export it as plain SVG") from None


def _transparent(node) -> bool:
    """ReportLab writes transparency into a drawing's form without its resources: a broken page."""
    for attr in ("fillColor", "strokeColor"):
        colour = getattr(node, attr, None)
        if colour is not None and getattr(colour, "alpha", 1) < 1:
            return True
    for attr in ("fillOpacity", "strokeOpacity"):
        value = getattr(node, attr, None)
        if value is not None and value < 1:
            return True
    return any(_transparent(child) for child in getattr(node, "contents", ()))
