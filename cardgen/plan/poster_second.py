"""A bilingual poster: the first edition's poster with the second's title under its title, its
labels under the first's, smaller and lighter, and its instruction above the footer where it fits
on one line; the emoticons give up the height they take."""

from __future__ import annotations

from dataclasses import replace

from cardgen.model import Edition
from cardgen.spec import PosterLayout
from cardgen.plan.faces import SECOND_FADE, faded
from cardgen.plan.geometry import Icon, Line, Rect
from cardgen.plan.poster import PosterPlan, centred_line
from cardgen.typeset.paragraph import printed_line
from cardgen.units import MM

SECOND_SIZE = 0.6  # the second's title and labels, as a share of the first's sizes
DESCENT = 0.25  # of a size: below the baseline
ASCENT = 0.8  # of a size: above it
LINE_GAP = 1.5 * MM


def add_second_poster(first: PosterPlan, second: PosterPlan, layout: PosterLayout, edition: Edition) -> PosterPlan:
    """`second` is the second edition's own poster, planned in its fonts (only its lines are taken);
    `edition` the second, whose instruction stands above the footer when it fits on one line."""
    background = first.background.colour
    instruction = _instruction(first, layout, edition)
    lift = 0.0 if instruction is None else instruction.size * (ASCENT + DESCENT) + LINE_GAP
    # the second title under the subject, the emoticons shrunk from the top to make room
    t = first.title.size * SECOND_SIZE
    title_y = first.subject.y - first.subject.size * DESCENT - LINE_GAP - t * ASCENT
    title = _centred(second.title.text, layout.title, t, faded(first.title.colour, background, SECOND_FADE), first.title, title_y)
    top_room = first.subject.y - title_y + t * DESCENT
    # each second label under the first, which moves up: the emoticons shrink from below too
    size = first.labels[0].size * SECOND_SIZE
    rise = first.labels[0].size * DESCENT + LINE_GAP + size * ASCENT
    labels, seconds = [], []
    for label, other, icon in zip(first.labels, second.labels, first.emoticons):
        labels.append(replace(label, y=label.y + rise + lift))
        seconds.append(_centred(other.text, layout.label, size, faded(label.colour, background, SECOND_FADE), label,
                                label.y + lift, icon.box.cx))  # fmt: skip
    shrink = rise + lift + top_room
    emoticons = tuple(_shrunk(icon, rise + lift, shrink) for icon in first.emoticons)
    extras = tuple(line for line, same in ((title, first.title), *zip(seconds, first.labels)) if line.text != same.text)
    extras += (instruction,) if instruction else ()
    return replace(first, emoticons=emoticons, labels=tuple(labels), extras=extras)  # a text the same in both is printed once


def _instruction(first: PosterPlan, layout: PosterLayout, edition: Edition) -> Line | None:
    """The second's instruction on one line just above the footer's panel, at the first's size or
    smaller down to its style's least; None when it is longer than that line."""
    style = layout.footer
    text = printed_line(edition.poster.instruction, edition.language)
    panel = first.panel.box
    width = _width(Line(text, style.font, 1.0, (0, 0, 0), 0, 0))
    size = min(first.instruction.size, panel.w / width) if width else 0
    if size < style.min_size:
        return None
    colour = faded(first.instruction.colour, first.background.colour, SECOND_FADE)
    return centred_line(text, style, size, colour, panel.cx, panel.top + LINE_GAP + size * DESCENT)


def _centred(text: str, style, size: float, colour, under: Line, y: float, cx: float | None = None) -> Line:
    """A line centred where `under` is centred (or on `cx`), in the second edition's style."""
    if cx is None:
        cx = under.x if under.centred else under.x + _width(under) / 2
    return centred_line(text, style, size, colour, cx, y)


def _width(line: Line) -> float:
    from cardgen.bidi import shaped_width

    return shaped_width(line.text, line.font, line.size)


def _shrunk(icon: Icon, bottom: float, total: float) -> Icon:
    """The emoticon's square smaller by `total`, its foot raised by `bottom`, centred as before."""
    box = icon.box
    side = box.w - total
    return replace(icon, box=Rect(box.cx - side / 2, box.y + bottom, side, side))
