"""Vector drawings (SVG, QR) onto a canvas, scaled into a box."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from cardgen.plan.geometry import Rect


def draw_vector(canvas: Canvas, drawing: Drawing, box: Rect, key: object = None) -> None:
    """Scale `drawing` to fit `box`, centred, keeping its proportions.

    Each distinct drawing (by `key`, else by identity) is rendered once per PDF as a form and
    placed by reference after that: an icon on 25 cards costs one rendering and one copy in the file.
    """
    name = _form(canvas, drawing, key if key is not None else id(drawing))
    scale = min(box.w / drawing.width, box.h / drawing.height)
    canvas.saveState()
    canvas.translate(box.cx - drawing.width * scale / 2, box.cy - drawing.height * scale / 2)
    canvas.scale(scale, scale)
    canvas.doForm(name)
    canvas.restoreState()


_FORMS: WeakKeyDictionary = WeakKeyDictionary()  # canvas -> {key: form name}


def _form(canvas: Canvas, drawing: Drawing, key: object) -> str:
    forms = _FORMS.setdefault(canvas, {})
    if key not in forms:
        name = f"cardgen-vector-{len(forms) + 1}"  # numbered in drawing order: same input, same bytes
        canvas.beginForm(name, 0, 0, drawing.width, drawing.height)
        renderPDF.draw(drawing, canvas, 0, 0, showBoundary=0)
        canvas.endForm()
        forms[key] = name
    return forms[key]


class Icons:
    """The deck's single-colour drawings by file, tinted on demand (each tint made once)."""

    def __init__(self, drawings: dict[Path, Drawing]) -> None:
        self._drawings = drawings
        self._tints: dict[tuple[Path, tuple[float, ...]], Drawing] = {}

    def original(self, path: Path) -> Drawing:
        return self._drawings[path]

    def tinted(self, path: Path, colour: tuple[float, float, float]) -> Drawing:
        key = (path, tuple(colour))
        if key not in self._tints:
            copy = deepcopy(self._drawings[path])  # Drawing.copy() shares the shapes: a tint would leak
            _recolour(copy, Color(*colour))
            self._tints[key] = copy
        return self._tints[key]


def _recolour(node, colour: Color) -> None:
    for attr in ("fillColor", "strokeColor"):
        if getattr(node, attr, None) is not None:
            setattr(node, attr, colour)
    for child in getattr(node, "contents", ()):
        _recolour(child, colour)
