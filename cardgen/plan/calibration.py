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

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from cardgen.model import RGB, Edition
from cardgen.spec import Layout
from cardgen.bidi import shaped_width
from cardgen.paragraphs import paragraph
from cardgen.plan.geometry import Line, Rect, Segment, Stroke, TextBlock
from cardgen.plan.sheets import mirror
from cardgen.typeset.markup import printed, typeset
from cardgen.units import MM

REACH = 12 * MM  # half the length of a front line (from the crossing through its scale)
SCALE = 5  # mm each way on a scale
SCALE_GAP = 8 * MM  # the scales stand beside the crossing, where only one front line passes
HALF_TICK, WHOLE_TICK, ZERO_TICK = 1.8 * MM, 3.2 * MM, 4.2 * MM
HALF_WIDTH, WHOLE_WIDTH, ZERO_WIDTH = 0.4, 0.6, 1.0  # pt: thin enough to read 0.25 mm between, thick enough to see
LABEL_SIZE = 7.5  # pt, bold
LABEL_GAP = 0.8 * MM  # between a tick and its number
NAME_SIZE = 10  # pt: the scales' names, X and Y
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
    places = {"A": (inset, h - inset - 35 * MM), "B": (w - inset, h - inset - 35 * MM), "C": (w / 2, h / 2 - 10 * MM),
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
    return Cross(Stroke(INK, 0.35), lines, Line(target.label, bold, 11, TITLE, x + 2 * MM, y + 2 * MM))


def _scales(target: Target, fonts) -> Scales:
    """X: ticks along a line beside the crossing, read where the front's vertical line passes;
    Y: the same turned, for the front's horizontal line. Every half millimetre a tick, every
    millimetre a longer one, every 2 mm a number; the numbers stand on both sides of the ticks in
    turn (0 and the fours beyond their ends, the twos on the near side), 4 mm apart on each side,
    so that they can be large enough to read at arm's length."""
    x, y = target.back
    bold = fonts["bold"]
    digit_h = _digit_height(bold, LABEL_SIZE)
    ticks = []
    for axis in ("x", "y"):
        for step in range(-2 * SCALE, 2 * SCALE + 1):  # every half millimetre
            t = step / 2
            length = ZERO_TICK if t == 0 else (WHOLE_TICK if step % 2 == 0 else HALF_TICK)
            width = ZERO_WIDTH if t == 0 else (WHOLE_WIDTH if step % 2 == 0 else HALF_WIDTH)
            label = None
            if step % 4 == 0 and abs(t) < SCALE:
                number = f"{t:+g}" if t else "0"
                beyond = step % 8 == 0  # 0, +4, -4 beyond the ticks' ends; the twos on the near side
                label = _label(axis, number, bold, digit_h, x, y, t, beyond)
            if axis == "x":
                tx, base = x + t * MM, y + SCALE_GAP
                line = Segment(tx, base, tx, base + length)
            else:
                ty, base = y + t * MM, x + SCALE_GAP
                line = Segment(base, ty, base + length, ty)
            ticks.append(Tick(line, width, label))
    names = (
        Line("X", bold, NAME_SIZE, INK, x - SCALE * MM - 5 * MM, y + SCALE_GAP),
        Line("Y", bold, NAME_SIZE, INK, x + SCALE_GAP, y - SCALE * MM - 5 * MM),
    )
    return Scales(INK, tuple(ticks), names, Line(target.label, bold, 11, INK, x - 6 * MM, y - 6 * MM))


def _label(axis: str, number: str, font: str, digit_h: float, x: float, y: float, t: float, beyond: bool) -> Line:
    """A scale's number, centred on its tick: across the X scale's ticks, beside the Y scale's."""
    gap = LABEL_GAP
    if axis == "x":
        base = y + SCALE_GAP
        baseline = base + ZERO_TICK + gap if beyond else base - gap - digit_h
        return Line(number, font, LABEL_SIZE, INK, x + t * MM, baseline, centred=True)
    base = x + SCALE_GAP
    baseline = y + t * MM - digit_h / 2
    if beyond:
        return Line(number, font, LABEL_SIZE, INK, base + ZERO_TICK + gap, baseline)
    return Line(number, font, LABEL_SIZE, INK, base - gap - stringWidth(number, font, LABEL_SIZE), baseline)


def _digit_height(font: str, size: float) -> float:
    """How tall a figure stands above its baseline: the font's cap height, or 0.7 em without one."""
    cap = getattr(getFont(font).face, "capHeight", None)
    return size * (cap / 1000 if cap else 0.7)


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
