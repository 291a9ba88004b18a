"""Pure tiling: how a poster larger than the printer's paper is split across sheets.

Lengths are PDF points. Poster coordinates have their origin at the poster's lower-left corner,
sheet coordinates at the sheet's. Neighbouring tiles share exactly `overlap` of the poster, the
strip where one is glued over the other; together the tiles cover the poster exactly, and no tile
shows anything outside it. Every tile of a plan has the same size: the room a poster leaves over
(n windows minus the overlaps are usually longer than the poster) is shared out by making all
windows equally smaller, not by one narrow last tile; each window is centred on its sheet.
This is pdfposter's arithmetic, apart from the code that copies pages (cardgen.pdf.tiles).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cardgen.units import MM

PRINTER_EDGE = 5 * MM  # office printers leave this much of every sheet edge blank
SAFE = PRINTER_EDGE + 0.5 * MM  # no mark comes nearer the sheet's edge than this
MARK_GAP = 1.5 * MM  # between the window and a mark beside it
MARK_LENGTH = 5 * MM  # the longest mark; shorter where the margin is narrower
MARK_ROOM = 5 * MM  # crop marks and the tile's label need this much more of the margin
MIN_MARGIN = PRINTER_EDGE + MARK_ROOM
_EPS = 1e-6  # points: a poster that fits to the micrometre fits


Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in sheet coordinates


class TilingError(ValueError):
    """The poster cannot be tiled as asked: the message says why, in millimetres."""


@dataclass(frozen=True)
class Tile:
    row: int  # 0-based, row 0 is the top of the poster
    col: int  # 0-based, column 0 is the left of the poster
    label: str  # "A1" = row A (top), column 1 (left); "B2" = second row, second column
    source: tuple[float, float, float, float]  # x0, y0, x1, y1 of the poster part shown (poster coords)
    window: tuple[float, float, float, float]  # where that part lands on the sheet (sheet coords)


@dataclass(frozen=True)
class TilePlan:
    poster: tuple[float, float]
    sheet: tuple[float, float]  # as used: portrait or landscape, whichever needs fewer sheets
    margin: float
    overlap: float
    rows: int
    cols: int
    tiles: tuple[Tile, ...]  # row by row from the top-left

    def at(self, row: int, col: int) -> Tile:
        return self.tiles[row * self.cols + col]


@dataclass(frozen=True)
class TileMarks:
    crop: tuple[Segment, ...]  # outside the window's corners, in line with its edges: cut here
    glue: tuple[Segment, ...]  # across the window, where the next tile's edge goes (right, below)
    ticks: tuple[Segment, ...]  # the glue lines carried on into the margins, to line them up


def row_name(row: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA', as spreadsheets count."""
    name = ""
    row += 1
    while row:
        row, rest = divmod(row - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def tile_label(row: int, col: int) -> str:
    return f"{row_name(row)}{col + 1}"


def count_tiles(length: float, window: float, overlap: float) -> int:
    """The fewest windows, each overlapping the next by `overlap`, that cover `length`."""
    if length <= window + _EPS:
        return 1
    return math.ceil((length - overlap) / (window - overlap) - _EPS)


def spans(length: float, count: int, overlap: float) -> tuple[tuple[float, float], ...]:
    """`count` equal spans from 0 to `length`, neighbours sharing exactly `overlap`."""
    size = (length + (count - 1) * overlap) / count
    step = size - overlap
    edges = [(i * step, i * step + size) for i in range(count)]
    edges[-1] = (edges[-1][0], length)  # exactly the poster's edge, whatever the rounding
    return tuple(edges)


MAX_TILES = 100  # sheets: more cannot be glued by hand, and would take minutes to write


def plan_tiles(
    poster: tuple[float, float],
    paper: tuple[float, float],
    *,
    margin: float = 12 * MM,
    overlap: float = 10 * MM,
) -> TilePlan:
    """Split `poster` (w, h) across sheets of `paper` (given portrait; turned when that takes fewer
    sheets). A poster that fits inside one sheet's margins gives a 1 x 1 plan: one sheet with the
    poster centred and its crop marks, which the caller may print or skip."""
    _check(poster, paper, margin, overlap)
    short, long_ = sorted(paper)
    best = None
    for sheet in ((short, long_), (long_, short)):  # portrait first: it wins ties
        window_w, window_h = sheet[0] - 2 * margin, sheet[1] - 2 * margin
        cols = count_tiles(poster[0], window_w, overlap)
        rows = count_tiles(poster[1], window_h, overlap)
        if best is None or (rows * cols, rows) < (best[1] * best[2], best[1]):
            best = (sheet, rows, cols)
    sheet, rows, cols = best
    if rows * cols > MAX_TILES:
        raise TilingError(
            f"the poster would take {rows * cols} sheets of {_mm(short)} x {_mm(long_)} mm ({cols} x {rows}); "
            f"at most {MAX_TILES} can be glued into one poster: tile on larger paper or choose a smaller poster"
        )
    xs = spans(poster[0], cols, overlap)
    ys_from_top = tuple((poster[1] - top, poster[1] - bottom) for bottom, top in spans(poster[1], rows, overlap))
    tiles = []
    for row, (y0, y1) in enumerate(ys_from_top):
        for col, (x0, x1) in enumerate(xs):
            w, h = x1 - x0, y1 - y0
            wx, wy = (sheet[0] - w) / 2, (sheet[1] - h) / 2
            tiles.append(Tile(row, col, tile_label(row, col), (x0, y0, x1, y1), (wx, wy, wx + w, wy + h)))
    return TilePlan(tuple(poster), sheet, margin, overlap, rows, cols, tuple(tiles))


def _mm(value: float) -> str:
    return f"{value / MM:.1f}".rstrip("0").rstrip(".")


def _check(poster: tuple[float, float], paper: tuple[float, float], margin: float, overlap: float) -> None:
    if min(poster) <= 0:
        raise TilingError(f"the poster size {_mm(poster[0])} x {_mm(poster[1])} mm must be larger than zero")
    if min(paper) <= 0:
        raise TilingError(f"the paper size {_mm(paper[0])} x {_mm(paper[1])} mm must be larger than zero")
    if margin < MIN_MARGIN - _EPS:
        raise TilingError(
            f"the tile margin is {_mm(margin)} mm; it must be at least {_mm(MIN_MARGIN)} mm: "
            f"{_mm(PRINTER_EDGE)} mm that printers leave blank plus {_mm(MARK_ROOM)} mm for the marks and the label"
        )
    if overlap < 0:
        raise TilingError(f"the tile overlap is {_mm(overlap)} mm; it cannot be negative (use 0 mm for none)")
    window = min(paper) - 2 * margin
    where = f"{_mm(paper[0])} x {_mm(paper[1])} mm paper with {_mm(margin)} mm margins"
    if window <= 0:
        raise TilingError(f"{where} leaves no room to print on; use a smaller margin or larger paper")
    if overlap >= window - _EPS:
        raise TilingError(
            f"the tile overlap of {_mm(overlap)} mm is not smaller than the {_mm(window)} mm a sheet of {where} "
            "can show; use a smaller overlap (10 mm is usual)"
        )


def tile_marks(plan: TilePlan, tile: Tile) -> TileMarks:
    """The lines printed on a tile's sheet; none within SAFE of the sheet's edge."""
    x0, y0, x1, y1 = tile.window
    sw, sh = plan.sheet
    left, right = max(SAFE, x0 - MARK_GAP - MARK_LENGTH), min(sw - SAFE, x1 + MARK_GAP + MARK_LENGTH)
    below, above = max(SAFE, y0 - MARK_GAP - MARK_LENGTH), min(sh - SAFE, y1 + MARK_GAP + MARK_LENGTH)
    crop = []
    for y in (y0, y1):
        crop += [(x0 - MARK_GAP, y, left, y), (x1 + MARK_GAP, y, right, y)]
    for x in (x0, x1):
        crop += [(x, y0 - MARK_GAP, x, below), (x, y1 + MARK_GAP, x, above)]
    glue, ticks = [], []
    if tile.col < plan.cols - 1:
        x = x1 - plan.overlap
        glue.append((x, y0, x, y1))
        ticks += [(x, y1 + MARK_GAP, x, above), (x, y0 - MARK_GAP, x, below)]
    if tile.row < plan.rows - 1:
        y = y0 + plan.overlap
        glue.append((x0, y, x1, y))
        ticks += [(x1 + MARK_GAP, y, right, y), (x0 - MARK_GAP, y, left, y)]
    return TileMarks(tuple(crop), tuple(glue), tuple(ticks))
