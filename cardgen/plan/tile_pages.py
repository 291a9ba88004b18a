"""Pure planning of what each poster tile's sheet shows in its margins: the marks, the notes along
the sides and the footer, with every text already sized and shortened to the room it has.

Text is measured here (ReportLab's font metrics), so that drawing (cardgen.draw.tiles) only paints.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth

from cardgen.model import RGB, TileTexts
from cardgen.plan.geometry import Line, Rect, Stroke
from cardgen.plan.tiles import SAFE, Tile, TileMarks, TilePlan, row_name, tile_label, tile_marks
from cardgen.units import MM, fill_placeholders

GAP = 1.5 * MM  # between the window and text in the margin
LINE = 0.4  # pt, crop marks
DASH = 0.8  # pt, the dashed glue line
MAP_LINE = 0.5  # pt, the boxes of the map
INK = (0.15, 0.15, 0.15)
GREY = (0.4, 0.4, 0.4)
SMALL = 7.5  # pt, notes in the margins
MIN_SMALL = 5.0
LABEL_MAX = 36.0  # pt
ELLIPSIS = "…"


@dataclass(frozen=True)
class TurnedLine:
    """A Line in a frame turned by `angle` degrees (counter-clockwise) about `centre` on the sheet:
    the line's x and y are in that frame."""

    line: Line
    centre: tuple[float, float]
    angle: float


@dataclass(frozen=True)
class TileMap:
    """The poster as rows x cols little boxes, outlined; the box of index `current` is filled."""

    cells: tuple[Rect, ...]
    current: int
    colour: RGB
    width: float  # pt, the outlines


@dataclass(frozen=True)
class TileMarkLines:
    """The marks of one sheet and how they are stroked: crop marks solid; glue lines dashed black
    (`glue`) over solid white (`glue_under`), so that they show on any colour; the ticks as `glue`."""

    marks: TileMarks
    crop: Stroke
    glue_under: Stroke
    glue: Stroke


@dataclass(frozen=True)
class TilePage:
    """Everything printed on one tile's sheet over the poster's part."""

    lines: TileMarkLines
    notes: tuple[TurnedLine, ...]  # along the left, right and top margins; left out where too narrow
    label: Line
    map: TileMap | None  # only when there is more than one tile
    footer: tuple[Line, ...]  # the glue note (if a tile goes below), then what the poster is


def plan_tile_pages(plan: TilePlan, title: str, font: str, texts: TileTexts, rtl: bool = False) -> tuple[TilePage, ...]:
    """One page of marks per tile, in the plan's order. `font` must be registered with ReportLab;
    `rtl`: the texts are right to left, shaped (cardgen/bidi.py)."""
    return tuple(plan_tile_page(plan, tile, title, font, texts, rtl) for tile in plan.tiles)


def plan_tile_page(plan: TilePlan, tile: Tile, title: str, font: str, texts: TileTexts, rtl: bool = False) -> TilePage:
    lines = TileMarkLines(
        tile_marks(plan, tile), Stroke(INK, LINE), Stroke((1, 1, 1), DASH), Stroke((0, 0, 0), DASH, (3, 2))
    )
    label, tile_map, footer = _footer(plan, tile, title, font, texts, rtl)
    return TilePage(lines, _side_notes(plan, tile, font, texts, rtl), label, tile_map, footer)


def glue_note(texts: TileTexts, row: int, col: int) -> str:
    """For a side that the neighbour at (row, col) is glued over."""
    return fill_placeholders(texts.glue, {"label": tile_label(row, col)})


def cut_note(texts: TileTexts, row: int, col: int) -> str:
    """For a side that is cut off and glued over the neighbour at (row, col)."""
    return fill_placeholders(texts.cut, {"label": tile_label(row, col)})


def _side_notes(plan: TilePlan, tile: Tile, font: str, texts: TileTexts, rtl: bool) -> tuple[TurnedLine, ...]:
    """What to do with each side, written along its margin (the bottom's is in the footer)."""
    x0, y0, x1, y1 = tile.window
    sw, sh = plan.sheet
    clear = 2 * (plan.overlap + 3 * MM)  # keep off the glue lines' ticks and the crop marks
    row, col = tile.row, tile.col
    edge = texts.edge if len(plan.tiles) > 1 else texts.one_sheet
    left = cut_note(texts, row, col - 1) if col > 0 else edge
    right = glue_note(texts, row, col + 1) if col < plan.cols - 1 else edge
    top = cut_note(texts, row - 1, col) if row > 0 else edge
    notes = (
        band_text(left, font, ((SAFE + x0 - GAP) / 2, (y0 + y1) / 2), x0 - GAP - SAFE, y1 - y0 - clear, 90, rtl),
        band_text(right, font, ((x1 + GAP + sw - SAFE) / 2, (y0 + y1) / 2), sw - SAFE - x1 - GAP, y1 - y0 - clear, -90, rtl),
        band_text(top, font, ((x0 + x1) / 2, (y1 + GAP + sh - SAFE) / 2), sh - SAFE - y1 - GAP, x1 - x0 - clear, 0, rtl),
    )  # fmt: skip
    return tuple(note for note in notes if note)


def band_text(
    text: str, font: str, centre: tuple[float, float], thickness: float, length: float, angle: float, rtl: bool = False
) -> TurnedLine | None:
    """`text` centred on `centre`, turned by `angle`, as large as SMALL but inside a band `thickness`
    across and `length` along; None if even MIN_SMALL does not fit across."""
    ascent, descent = getAscentDescent(font, 1)
    size = min(SMALL, thickness / (ascent - descent))
    if size < MIN_SMALL or length <= 0:
        return None
    size = fit_size(text, font, length, size, rtl)
    text, y = shorten(text, font, size, length, rtl), -(ascent + descent) * size / 2
    line = Line(text, font, size, GREY, 0.0, y, centred=True)
    if rtl:
        line = Line(text, font, size, GREY, -text_width(text, font, size, rtl) / 2, y, shaped=True)
    return TurnedLine(line, centre, angle)


def _footer(
    plan: TilePlan, tile: Tile, title: str, font: str, texts: TileTexts, rtl: bool = False
) -> tuple[Line, TileMap | None, tuple[Line, ...]]:
    """Below the window: the label large, the map, what the poster is; and the glue note if a tile
    goes below."""
    x0, y0, x1, _ = tile.window
    label_base = SAFE + 0.2 * MM  # capitals and digits: nothing below the baseline
    baseline = SAFE - getAscentDescent(font, SMALL)[1]  # the notes' descenders stay clear of the edge
    band = y0 - 1 * MM - label_base  # as large as the margin allows
    cap = _cap_height(font)
    label_size = min(LABEL_MAX, band / cap)
    x = x0 + 2 * MM
    label = Line(tile.label, font, label_size, INK, x, label_base)
    x += stringWidth(tile.label, font, label_size) + 2.5 * MM
    tile_map = None
    if len(plan.tiles) > 1:
        tile_map = _map(plan, tile, (x, label_base), min(band, 1.5 * cap * label_size))
        x += plan.cols * tile_map.cells[0].w + 3 * MM
    right = x1 - 2 * MM - (plan.overlap if tile.col < plan.cols - 1 else 0)  # clear of the glue tick
    footer = []
    where = _where(plan, tile, texts)
    size = SMALL
    if tile.row < plan.rows - 1:
        note = glue_note(texts, tile.row + 1, tile.col)
        # the place and the note at one size, as large as lets both fit; at the smallest size the
        # note gives way: the place (with its overlap and unit) is the one to keep whole
        both = text_width(where, font, 1, rtl) + text_width(note, font, 1, rtl)
        size = max(MIN_SMALL, min(SMALL, (right - x - 4 * MM) / both))
        room = max(right - x - text_width(where, font, size, rtl) - 4 * MM, (right - x) / 6)
        whole = note
        note = shorten(note, font, size, room, rtl)
        if note != whole:
            title = ""  # the room went to the note: the poster's title is the first thing to leave out
        width = text_width(note, font, size, rtl)
        footer.append(Line(note, font, size, GREY, right - width, baseline, shaped=rtl))  # right-aligned on `right`
        right -= width + 4 * MM
    footer.append(_what(where, title, font, (x, right), baseline, size, rtl))
    return label, tile_map, tuple(footer)


def _where(plan: TilePlan, tile: Tile, texts: TileTexts) -> str:
    """Where this tile goes in the poster (or that it is the whole poster)."""
    if len(plan.tiles) == 1:
        return texts.whole
    where = fill_placeholders(texts.where, dict(
        label=tile.label, row=row_name(tile.row), rows=plan.rows, col=tile.col + 1, cols=plan.cols,
        overlap=f"{plan.overlap / MM:g}",
    ))  # fmt: skip
    return re.sub(r"(\d) (mm)\b", "\\1\u00a0\\2", where)  # a number and its unit stay together when words are cut


def _what(
    where: str, title: str, font: str, span: tuple[float, float], baseline: float, largest: float = SMALL, rtl: bool = False
) -> Line:
    """What the poster is and where this tile goes in it, between span's left and right ends. When
    it is too long, the poster's title goes first, then whole words from the end: never a unit."""
    x, right = span
    for what in ((f"{title} · {where}",) if title else ()) + (where,):
        size = fit_size(what, font, right - x, largest, rtl)
        if text_width(what, font, size, rtl) <= right - x + 0.01:  # fit_size scaled it to the width exactly
            return Line(what, font, size, INK, x, baseline, shaped=rtl)
    return Line(shorten(where, font, size, right - x, rtl), font, size, INK, x, baseline, shaped=rtl)


def _map(plan: TilePlan, tile: Tile, origin: tuple[float, float], height: float) -> TileMap:
    """Boxes as high as `height` altogether, shaped like the tiles' parts of the poster."""
    cell_h = height / plan.rows
    cell_w = cell_h * (plan.poster[0] / plan.cols) / (plan.poster[1] / plan.rows)
    x, y = origin
    cells = tuple(
        Rect(x + other.col * cell_w, y + (plan.rows - 1 - other.row) * cell_h, cell_w, cell_h) for other in plan.tiles
    )
    return TileMap(cells, plan.tiles.index(tile), INK, MAP_LINE)


def text_width(text: str, font: str, size: float, rtl: bool = False) -> float:
    """As printed: shaped, for a right-to-left text."""
    if rtl:
        from cardgen.bidi import shaped_width

        return shaped_width(text, font, size)
    return stringWidth(text, font, size)


def fit_size(text: str, font: str, width: float, size: float, rtl: bool = False) -> float:
    """`size`, or smaller down to MIN_SMALL, so that `text` fits `width`."""
    natural = text_width(text, font, size, rtl)
    return size if natural <= width else max(MIN_SMALL, size * width / natural)


def shorten(text: str, font: str, size: float, width: float, rtl: bool = False) -> str:
    """`text`, cut after a whole word with an ellipsis if it is still too wide at `size` ("10 mm"
    is never left as "10 m…")."""
    if text_width(text, font, size, rtl) <= width:
        return text
    while " " in text and text_width(text.rstrip(" ·,:") + ELLIPSIS, font, size, rtl) > width:
        text = text.rsplit(" ", 1)[0]
    if text_width(text.rstrip(" ·,:") + ELLIPSIS, font, size, rtl) > width:
        return ""
    return text.rstrip(" ·,:") + ELLIPSIS


def _cap_height(font: str) -> float:
    """Capital height per point of size (ReportLab knows it for TrueType fonts only)."""
    face = getFont(font).face
    return getattr(face, "capHeight", 718) / 1000
