"""Pure: where home sheets are cut and how far each face's colour runs past its cuts.

A cut is a straight line along card edges; cards edge to edge share one, cards with a gap between
them need two. Marks and lines are made for the cards a sheet holds, so that a last sheet with
empty places has none for them. Bleeds are per side of a card, in the face's own frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.plan.geometry import Segment
from cardgen.units import MM

MIN_MARK = 2 * MM  # a cut mark shorter than this is not worth printing
FRONT_BLEED = 1 * MM  # a cut this far off still shows the front's own colour
BACK_SHIFT = 2 * MM  # a back shifted this far by an uncalibrated printer shows nothing of a neighbour


@dataclass(frozen=True, slots=True)
class Bleed:
    """How far a face's background runs past each of its cuts, in the face's own frame."""

    left: float = 0.0
    right: float = 0.0
    top: float = 0.0
    bottom: float = 0.0

    def sides(self) -> tuple[float, float, float, float]:
        return self.left, self.right, self.top, self.bottom


def _spans(rects) -> tuple[dict[float, list[float]], dict[float, list[float]]]:
    """Every vertical cut's x with the extent in y of the cards along it; the same for horizontal cuts."""
    xs: dict[float, list[float]] = {}
    ys: dict[float, list[float]] = {}
    for r in rects:
        for x in (r.x, r.right):
            span = xs.setdefault(round(x, 6), [r.y, r.top])
            span[0], span[1] = min(span[0], r.y), max(span[1], r.top)
        for y in (r.y, r.top):
            span = ys.setdefault(round(y, 6), [r.x, r.right])
            span[0], span[1] = min(span[0], r.x), max(span[1], r.right)
    return dict(sorted(xs.items())), dict(sorted(ys.items()))


def lines_along(rects) -> tuple[Segment, ...]:
    """Thin lines along every cut of these cards, as far as cards stand along it."""
    xs, ys = _spans(rects)
    return tuple(Segment(x, lo, x, hi) for x, (lo, hi) in xs.items()) + tuple(Segment(lo, y, hi, y) for y, (lo, hi) in ys.items())


def marks_for(rects, paper: tuple[float, float], margin: float, length: float, offset: float) -> tuple[Segment, ...]:
    """Short lines in line with every cut of these cards, beyond its ends, kept off the sheet's edge."""
    paper_w, paper_h = paper
    xs, ys = _spans(rects)
    marks = []
    for x, (lo, hi) in xs.items():
        marks.append(Segment(x, hi + offset, x, min(hi + offset + length, paper_h - margin)))
        marks.append(Segment(x, lo - offset, x, max(lo - offset - length, margin)))
    for y, (lo, hi) in ys.items():
        marks.append(Segment(hi + offset, y, min(hi + offset + length, paper_w - margin), y))
        marks.append(Segment(lo - offset, y, max(lo - offset - length, margin), y))
    return tuple(m for m in marks if abs(m.x1 - m.x0) + abs(m.y1 - m.y0) >= MIN_MARK - 1e-6)


def front_bleed(inner: tuple[bool, bool, bool, bool], gaps: tuple[float, float], mark_offset: float) -> Bleed:
    """A front's colour runs FRONT_BLEED past its cuts: half the gap at most between cards (the
    neighbour's colour starts beyond), up to its cut marks outside them."""
    gx, gy = gaps
    outer = min(FRONT_BLEED, mark_offset)
    left, right, top, bottom = (min(FRONT_BLEED, g / 2) if i else outer for i, g in zip(inner, (gx, gx, gy, gy)))
    return Bleed(left, right, top, bottom)


def back_bleed(inner: tuple[bool, bool, bool, bool], gaps: tuple[float, float], outer: tuple[float, float]) -> Bleed:
    """A back's band and background run past its cuts so that a back shifted by BACK_SHIFT shows
    its own colours and never a neighbour's: where this back's band faces a neighbour (beside it,
    level with the neighbour's band, and above it, where the neighbour's cut would find it) the
    band runs at most the gap less BACK_SHIFT, never past half the gap; below, where only the
    white background runs, half the gap. `outer` (x, y) is the room free of ink outside the cards.
    `inner` is as seen on the front (left, right, top, bottom): the back's left stands behind the
    front's right."""
    gx, gy = gaps
    front_left, front_right, top, bottom = inner
    band = lambda gap: max(0.0, min(gap / 2, gap - BACK_SHIFT))  # noqa: E731
    pick = lambda is_inner, near, far: near if is_inner else far  # noqa: E731
    return Bleed(
        pick(front_right, band(gx), min(BACK_SHIFT, outer[0])),
        pick(front_left, band(gx), min(BACK_SHIFT, outer[0])),
        pick(top, band(gy), min(BACK_SHIFT, outer[1])),
        pick(bottom, gy / 2, min(BACK_SHIFT, outer[1])),
    )
