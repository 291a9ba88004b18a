"""The calibration sheet: how far a printer shifts the back of a duplex print, and whether it scales.

The front has thin crossing lines at five places; the back has millimetre scales exactly behind
them, placed with the same mirroring as the cards' backs. Held against the light, a front line
crosses its scale at the number to pass to `--offset`: a tick drawn t mm from where the line
should fall lands under the line when the printer shifts the back by -t, and an offset of t
cancels that. A 100 mm ruler on the front catches 'fit to page' scaling.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from cardgen.plan.geometry import Rect
from cardgen.plan.sheets import mirror
from cardgen.model import Edition, Layout
from cardgen.typeset.paragraph import paragraph
from cardgen.typeset.markup import printed, typeset
from cardgen.units import MM

REACH = 12 * MM  # half the length of a front line
SCALE = 5  # mm each way on a scale
SCALE_GAP = 7 * MM  # the scales stand beside the crossing, where only one front line passes


@dataclass(frozen=True)
class Target:
    label: str
    front: tuple[float, float]  # where the two front lines cross
    back: tuple[float, float]  # the same place seen from the back page


@dataclass(frozen=True)
class CalibrationPlan:
    paper: tuple[float, float]
    flip: str
    targets: tuple[Target, ...]
    ruler: tuple[float, float]  # left end of the 100 mm ruler


def plan_calibration(paper: tuple[float, float], flip: str, margin: float) -> CalibrationPlan:
    """Five targets: near each corner and in the middle, clear of the text at the top and the ruler."""
    w, h = paper
    inset = margin + 35 * MM
    places = {"A": (inset, h - inset - 25 * MM), "B": (w - inset, h - inset - 25 * MM), "C": (w / 2, h / 2 - 10 * MM),
              "D": (inset, inset + 15 * MM), "E": (w - inset, inset + 15 * MM)}  # fmt: skip
    targets = []
    for label, (x, y) in places.items():
        back = mirror(paper, Rect(x, y, 0, 0), flip)
        targets.append(Target(label, (x, y), (back.x, back.y)))
    return CalibrationPlan(paper, flip, tuple(targets), (w / 2 - 50 * MM, margin + 10 * MM))


def write_calibration(path: Path, plan: CalibrationPlan, layout: Layout, edition: Edition, author: str) -> None:
    from cardgen.pdf.render import DUPLEX, new_canvas

    canvas = new_canvas(path, plan.paper, layout, edition, author)
    canvas.setTitle(edition.calibration.title)
    canvas.setViewerPreference("Duplex", DUPLEX[plan.flip])
    fonts = layout.fonts.names()
    _header(canvas, plan, layout, edition, fonts)
    for target in plan.targets:
        _front_target(canvas, target, fonts["bold"])
    _ruler(canvas, plan, layout, edition)
    canvas.showPage()
    _header(canvas, plan, layout, edition, fonts, back=True)
    for target in plan.targets:
        _back_scales(canvas, target, fonts)
    canvas.showPage()
    canvas.save()


def _header(canvas: Canvas, plan: CalibrationPlan, layout: Layout, edition: Edition, fonts, back: bool = False) -> None:
    texts = edition.calibration
    w, h = plan.paper
    margin = layout.sheet.margin + 5 * MM
    canvas.setFillColorRGB(0.1, 0.1, 0.12)
    canvas.setFont(fonts["bold"], 14)
    title = printed(texts.title, edition.language)
    canvas.drawString(margin, h - margin - 14, f"{title} ({'2' if back else '1'}/2)")
    style = layout.poster.footer
    para = paragraph(typeset(texts.steps, edition.language), style, 9, (0.15, 0.15, 0.18))
    _, para_h = para.wrap(w - 2 * margin, h)
    para.drawOn(canvas, margin, h - margin - 22 - para_h)


def _front_target(canvas: Canvas, target: Target, bold: str) -> None:
    x, y = target.front
    canvas.saveState()
    canvas.setLineWidth(0.3)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.line(x, y - REACH, x, y + REACH)
    canvas.line(x - REACH, y, x + REACH, y)
    canvas.setFont(bold, 9)
    canvas.drawString(x + 2 * MM, y + 2 * MM, target.label)
    canvas.restoreState()


def _back_scales(canvas: Canvas, target: Target, fonts) -> None:
    """X: ticks along a line beside the crossing, read where the front's vertical line passes;
    Y: the same turned, for the front's horizontal line."""
    x, y = target.back
    canvas.saveState()
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setFillColorRGB(0, 0, 0)
    for axis in ("x", "y"):
        for step in range(-2 * SCALE, 2 * SCALE + 1):  # every half millimetre
            t = step / 2
            length = 3 * MM if step % 2 == 0 else 1.6 * MM
            canvas.setLineWidth(0.4 if t == 0 else 0.2)
            if axis == "x":
                tx, base = x + t * MM, y + SCALE_GAP
                canvas.line(tx, base, tx, base + length)
            else:
                ty, base = y + t * MM, x + SCALE_GAP
                canvas.line(base, ty, base + length, ty)
            if step % 4 == 0:
                canvas.setFont(fonts["regular"], 4.5)
                label = f"{t:+g}" if t else "0"
                if axis == "x":
                    canvas.drawCentredString(tx, base + 3.6 * MM, label)
                else:
                    canvas.drawString(base + 3.6 * MM, ty - 1.5, label)
    canvas.setFont(fonts["bold"], 7)
    canvas.drawString(x - SCALE * MM - 4 * MM, y + SCALE_GAP, "X")
    canvas.drawString(x + SCALE_GAP, y - SCALE * MM - 3.5 * MM, "Y")
    canvas.setFont(fonts["bold"], 9)
    canvas.drawString(x - 5 * MM, y - 5 * MM, target.label)
    canvas.restoreState()


def _ruler(canvas: Canvas, plan: CalibrationPlan, layout: Layout, edition: Edition) -> None:
    x0, y0 = plan.ruler
    canvas.saveState()
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.5)
    canvas.line(x0, y0, x0 + 100 * MM, y0)
    for mm in range(0, 101):
        length = 3 * MM if mm % 10 == 0 else (2 * MM if mm % 5 == 0 else 1 * MM)
        canvas.setLineWidth(0.3 if mm % 10 else 0.5)
        canvas.line(x0 + mm * MM, y0, x0 + mm * MM, y0 + length)
    canvas.setFont(layout.fonts.bold.name, 8)
    canvas.drawCentredString(x0 + 50 * MM, y0 + 4.5 * MM, "100 mm")
    para = paragraph(typeset(edition.calibration.ruler, edition.language), layout.poster.footer, 8, (0.15, 0.15, 0.18), "center")
    _, para_h = para.wrap(120 * MM, 100 * MM)
    para.drawOn(canvas, x0 - 10 * MM, y0 - 2 * MM - para_h)
    canvas.restoreState()
