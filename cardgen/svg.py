"""Read SVG drawings (emoticons, icons), checked: a broken or missing drawing is a problem, not a blank."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from cardgen.errors import Problems


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_svg(path: Path, root: Path, problems: Problems):
    """A ReportLab Drawing of the SVG at `path`; references outside `root` are refused."""
    try:
        ET.parse(path)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        problems.add(path, line, f"not a valid SVG drawing ({exc}); re-export it from the drawing program")
        return None
    except OSError as exc:
        problems.add(path, None, f"cannot be read: {exc.strerror}")
        return None

    from svglib.svglib import svg2rlg

    collect = _Collect()
    logger = logging.getLogger("svglib")
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        drawing = svg2rlg(str(path), external_reference_root=str(root))
    except Exception as exc:  # svglib raises many kinds on odd input: all mean "bad drawing"
        problems.add(path, None, f"cannot be drawn: {exc}; simplify the drawing or re-export it as plain SVG")
        return None
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
    for message in collect.messages:
        problems.add(path, None, f"SVG: {message}")
    if drawing is None or not drawing.width or not drawing.height:
        problems.add(path, None, "the SVG has no size: give the <svg> element width, height or a viewBox")
        return None
    return None if collect.messages else drawing
