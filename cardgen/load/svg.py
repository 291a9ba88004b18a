"""Read SVG drawings (emoticons, icons), checked: a broken or missing drawing is a problem, not a blank.

A drawing is checked at the door (`svgcheck`) before svglib sees it. Whatever passes is then drawn
once on a scratch canvas, so that a drawing `check` accepts is one that `build` can draw.

A drawing that passed is kept in cardgen's cache folder, named by the file's bytes and the code that
checked and converted it (this module, svgcheck, svglib's sources, ReportLab's version): a file seen
before skips the checks and svglib (some 50 ms of imports, then the conversion); a changed file or
changed code is checked again.
"""

from __future__ import annotations

import io
import logging
import math
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from cardgen import cache
from cardgen.errors import Problems
from cardgen.load import svgcheck
from cardgen.load.svgcheck import MAX_SIZE, MIN_SIZE, Refused, Scan, read
from cardgen.units import MM

KIND, ENTRIES, SIZE = "drawings", 256, 64_000_000  # a pickled emoticon is ~5 kB; the limit is the bound
FORMAT = "1"  # the layout of an entry: raise it when that changes


def load_svg(path: Path, root: Path, problems: Problems):
    """A ReportLab Drawing of the SVG at `path`, or None with the reasons added to `problems`."""
    try:
        data = read(path)
        key = _key(data, root)
        drawing = cache.read_object(KIND, key, _drawing_type()) if key else None
        if drawing is None:
            Scan(data).run()
            drawing = _render(data, root)
            _check_drawing(drawing)
            if key:  # only a drawing that passed every check: the entry stands for that
                cache.write_object(KIND, key, drawing, ENTRIES, SIZE)
    except Refused as refused:
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
        parts = [Path(__file__).read_bytes(), Path(svgcheck.__file__).read_bytes()]
        parts += [p.read_bytes() for p in sources]
    except (OSError, TypeError, AttributeError, ValueError):  # no spec, no origin: a zipped or frozen install
        return None
    return cache.digest(FORMAT, __version__, reportlab.Version, *parts)


def _drawing_type() -> type:
    from reportlab.graphics.shapes import Drawing

    return Drawing



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
        raise Refused(None, f"cannot be drawn: {exc}; simplify the drawing or re-export it as plain SVG") from None
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
    if collect.messages:
        raise _Warned(collect.messages)
    return drawing


def _check_drawing(drawing) -> None:
    """The drawing as svglib made it: a size within bounds, no transparency, and it draws."""
    if drawing is None or not drawing.width or not drawing.height:
        raise Refused(None, "the SVG has no size: give the <svg> element width, height or a viewBox")
    for size in (drawing.width, drawing.height):
        if not (math.isfinite(size) and MIN_SIZE <= size <= MAX_SIZE):
            raise Refused(None, f"the drawing is {drawing.width / MM:.6g} mm by {drawing.height / MM:.6g} mm; "
                           "expected between 0.1 mm and 5000 mm: fix the <svg> element's width, height or viewBox")
    if _transparent(drawing):
        raise Refused(None, "transparency (a colour or opacity below 100 %) is not supported in a drawing; "
                       "use solid colours instead")
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    try:  # the very call that the build makes, on a canvas that is thrown away
        renderPDF.draw(drawing, Canvas(io.BytesIO()), 0, 0, showBoundary=0)
    except Exception as exc:  # ReportLab raises many kinds on numbers it cannot write
        raise Refused(None, f"cannot be drawn: {exc}; simplify the drawing or re-export it as plain SVG") from None


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
