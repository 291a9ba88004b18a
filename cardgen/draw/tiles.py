"""Planned tile pages (cardgen.plan.tile_pages) on a canvas: the marks, notes and footer printed over
each tile's part of the poster. Nothing is decided here: every position, size and text comes from the plan."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from cardgen.draw.items import draw_line
from cardgen.paragraphs import shaped_line
from cardgen.plan.tile_pages import TileMap, TileMarkLines, TilePage, TurnedLine


def draw_tile_pages(canvas: Canvas, pages: tuple[TilePage, ...], sheet: tuple[float, float]) -> int:
    """Every planned page, sheet-sized, on `canvas`; returns the page count."""
    canvas.setPageSize(sheet)
    for page in pages:
        draw_tile_page(canvas, page)
        canvas.showPage()
    return len(pages)


def draw_tile_page(canvas: Canvas, page: TilePage) -> None:
    canvas.saveState()
    draw_mark_lines(canvas, page.lines)
    for note in page.notes:
        draw_turned_line(canvas, note)
    draw_line(canvas, page.label)
    if page.map:
        draw_map(canvas, page.map)
    for line in page.footer:
        draw_line(canvas, line)
    canvas.restoreState()


def draw_mark_lines(canvas: Canvas, lines: TileMarkLines) -> None:
    """Each glue line twice, the dashes over a solid line; the ticks carry on as the dashes."""
    canvas.saveState()
    canvas.setStrokeColorRGB(*lines.crop.colour)
    canvas.setLineWidth(lines.crop.width)
    for segment in lines.marks.crop:
        canvas.line(*segment)
    canvas.setLineWidth(lines.glue.width)  # the solid line under the dashes is as wide as they are
    for segment in lines.marks.glue:
        canvas.setDash(list(lines.glue_under.dash))
        canvas.setStrokeColorRGB(*lines.glue_under.colour)
        canvas.line(*segment)
        canvas.setStrokeColorRGB(*lines.glue.colour)
        canvas.setDash(list(lines.glue.dash))
        canvas.line(*segment)
    canvas.setStrokeColorRGB(*lines.glue.colour)
    canvas.setDash(list(lines.glue.dash))
    for segment in lines.marks.ticks:
        canvas.line(*segment)
    canvas.restoreState()


def draw_turned_line(canvas: Canvas, turned: TurnedLine) -> None:
    line = turned.line
    canvas.saveState()
    canvas.setFillColorRGB(*line.colour)
    canvas.setFont(line.font, line.size)
    canvas.translate(*turned.centre)
    canvas.rotate(turned.angle)
    if line.shaped:  # right to left, its left end planned
        canvas.drawString(line.x, line.y, shaped_line(line.text, line.font, line.size))
    else:
        draw = canvas.drawCentredString if line.centred else canvas.drawString
        draw(line.x, line.y, line.text)
    canvas.restoreState()


def draw_map(canvas: Canvas, tile_map: TileMap) -> None:
    canvas.saveState()
    canvas.setLineWidth(tile_map.width)
    canvas.setStrokeColorRGB(*tile_map.colour)
    canvas.setFillColorRGB(*tile_map.colour)
    for index, cell in enumerate(tile_map.cells):
        canvas.rect(cell.x, cell.y, cell.w, cell.h, stroke=1, fill=int(index == tile_map.current))
    canvas.restoreState()
