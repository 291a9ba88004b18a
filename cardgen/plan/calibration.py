"""The calibration sheet: how far a printer shifts the back of a duplex print, and whether it scales.

The front has thin crossing lines at five places; the back has millimetre scales exactly behind
them, placed with the same mirroring as the cards' backs. Held against the light, a front line
crosses its scale at the number to pass to `--offset`: a tick drawn t mm from where the line
should fall lands under the line when the printer shifts the back by -t, and an offset of t
cancels that. A 100 mm ruler on the front catches 'fit to page' scaling.

Everything both pages show is decided here, texts typeset; draw/calibration.py paints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.model import RGB, Edition, Layout
from cardgen.bidi import shaped_width
from cardgen.paragraphs import paragraph
from cardgen.plan.geometry import Line, Rect, Segment, Stroke, TextBlock
from cardgen.plan.sheets import mirror
from cardgen.typeset.markup import printed, typeset
from cardgen.units import MM

REACH = 12 * MM  # half the length of a front line
SCALE = 5  # mm each way on a scale
SCALE_GAP = 7 * MM  # the scales stand beside the crossing, where only one front line passes
INK: RGB = (0.0, 0.0, 0.0)
TITLE: RGB = (0.1, 0.1, 0.12)
PROSE: RGB = (0.15, 0.15, 0.18)


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


# --- the items of both pages ------------------------------------------------------------------


@dataclass(frozen=True)
class Tick:
    """One stroke of a scale or the ruler in its own width; `label` (a number) follows it."""

    line: Segment
    width: float
    label: Line | None = None


@dataclass(frozen=True)
class Header:
    title: Line
    steps: TextBlock


@dataclass(frozen=True)
class Cross:
    """A front target: two lines in one stroke, and its letter in the title's colour, still current."""

    stroke: Stroke
    lines: tuple[Segment, Segment]
    label: Line


@dataclass(frozen=True)
class Scales:
    """A back target: the X and Y scales' ticks in `colour` (strokes and numbers), the scales'
    names in one font, and the target's letter."""

    colour: RGB
    ticks: tuple[Tick, ...]
    names: tuple[Line, Line]
    label: Line


@dataclass(frozen=True)
class Ruler:
    """The 100 mm line in `stroke`, its millimetre ticks, its caption and the note below it."""

    stroke: Stroke
    line: Segment
    ticks: tuple[Tick, ...]
    caption: Line
    note: TextBlock


@dataclass(frozen=True)
class CalibrationSheet:
    title: str  # the PDF's title
    paper: tuple[float, float]
    flip: str
    front_header: Header
    crosses: tuple[Cross, ...]
    ruler: Ruler
    back_header: Header
    scales: tuple[Scales, ...]


def plan_sheet(plan: CalibrationPlan, layout: Layout, edition: Edition) -> CalibrationSheet:
    fonts = layout.fonts.names()
    return CalibrationSheet(
        title=edition.calibration.title,
        paper=plan.paper,
        flip=plan.flip,
        front_header=_header(plan, layout, edition, "1/2"),
        crosses=tuple(_cross(target, fonts["bold"]) for target in plan.targets),
        ruler=_ruler(plan, layout, edition),
        back_header=_header(plan, layout, edition, "2/2"),
        scales=tuple(_scales(target, fonts) for target in plan.targets),
    )


def _header(plan: CalibrationPlan, layout: Layout, edition: Edition, page: str) -> Header:
    texts = edition.calibration
    w, h = plan.paper
    margin = layout.sheet.margin + 5 * MM
    title = printed(texts.title, edition.language)
    text, bold = f"{title} ({page})", layout.fonts.names()["bold"]
    line = Line(text, bold, 14, TITLE, margin, h - margin - 14)
    if layout.direction == "rtl":  # shaped, and set from the right like the steps below it
        line = Line(text, bold, 14, TITLE, w - margin - shaped_width(text, bold, 14), h - margin - 14, shaped=True)
    style = layout.poster.footer
    markup = typeset(texts.steps, edition.language)
    _, para_h = paragraph(markup, style, 9, PROSE).wrap(w - 2 * margin, h)
    steps = TextBlock(markup, style, 9, PROSE, Rect(margin, h - margin - 22 - para_h, w - 2 * margin, para_h))
    return Header(line, steps)


def _cross(target: Target, bold: str) -> Cross:
    x, y = target.front
    lines = (Segment(x, y - REACH, x, y + REACH), Segment(x - REACH, y, x + REACH, y))
    return Cross(Stroke(INK, 0.3), lines, Line(target.label, bold, 9, TITLE, x + 2 * MM, y + 2 * MM))


def _scales(target: Target, fonts) -> Scales:
    """X: ticks along a line beside the crossing, read where the front's vertical line passes;
    Y: the same turned, for the front's horizontal line."""
    x, y = target.back
    ticks = []
    for axis in ("x", "y"):
        for step in range(-2 * SCALE, 2 * SCALE + 1):  # every half millimetre
            t = step / 2
            length = 3 * MM if step % 2 == 0 else 1.6 * MM
            number = f"{t:+g}" if t else "0"
            if axis == "x":
                tx, base = x + t * MM, y + SCALE_GAP
                line = Segment(tx, base, tx, base + length)
                label = Line(number, fonts["regular"], 4.5, INK, tx, base + 3.6 * MM, centred=True)
            else:
                ty, base = y + t * MM, x + SCALE_GAP
                line = Segment(base, ty, base + length, ty)
                label = Line(number, fonts["regular"], 4.5, INK, base + 3.6 * MM, ty - 1.5)
            ticks.append(Tick(line, 0.4 if t == 0 else 0.2, label if step % 4 == 0 else None))
    names = (
        Line("X", fonts["bold"], 7, INK, x - SCALE * MM - 4 * MM, y + SCALE_GAP),
        Line("Y", fonts["bold"], 7, INK, x + SCALE_GAP, y - SCALE * MM - 3.5 * MM),
    )
    return Scales(INK, tuple(ticks), names, Line(target.label, fonts["bold"], 9, INK, x - 5 * MM, y - 5 * MM))


def _ruler(plan: CalibrationPlan, layout: Layout, edition: Edition) -> Ruler:
    x0, y0 = plan.ruler
    ticks = []
    for mm in range(0, 101):
        length = 3 * MM if mm % 10 == 0 else (2 * MM if mm % 5 == 0 else 1 * MM)
        ticks.append(Tick(Segment(x0 + mm * MM, y0, x0 + mm * MM, y0 + length), 0.3 if mm % 10 else 0.5))
    caption = Line("100 mm", layout.fonts.bold.name, 8, TITLE, x0 + 50 * MM, y0 + 4.5 * MM, centred=True)
    style = layout.poster.footer
    markup = typeset(edition.calibration.ruler, edition.language)
    _, para_h = paragraph(markup, style, 8, PROSE, "center").wrap(120 * MM, 100 * MM)
    note = TextBlock(markup, style, 8, PROSE, Rect(x0 - 10 * MM, y0 - 2 * MM - para_h, 120 * MM, para_h), "center")
    return Ruler(Stroke(INK, 0.5), Segment(x0, y0, x0 + 100 * MM, y0), tuple(ticks), caption, note)
