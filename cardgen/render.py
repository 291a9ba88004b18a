"""Sheets and poster to PDF files with ReportLab: everything drawn here was decided before."""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from cardgen import __version__
from cardgen.draw.cards import draw_back, draw_front
from cardgen.draw.marks import draw_marks
from cardgen.draw.poster import draw_poster
from cardgen.fit import Fit
from cardgen.impose import SheetPlan
from cardgen.model import Edition, Layout, Structure
from cardgen.poster import PosterPlan

DUPLEX = {"long": "DuplexFlipLongEdge", "short": "DuplexFlipShortEdge"}


def pin_reportlab_settings() -> None:
    """ReportLab reads RL_* variables and settings files; fix what changes our bytes."""
    rl_config.invariant = 1
    rl_config.pageCompression = 1
    rl_config.useA85 = 1
    rl_config.showBoundary = 0


def new_canvas(path: Path, size: tuple[float, float], edition: Edition, structure: Structure, subject: str) -> Canvas:
    pin_reportlab_settings()
    canvas = Canvas(str(path), pagesize=size, invariant=1, pageCompression=1, lang=edition.language)
    canvas.setTitle(edition.title)
    canvas.setAuthor(structure.author)
    canvas.setSubject(subject)
    canvas.setCreator(f"cardgen {__version__}")
    canvas.setViewerPreference("PrintScaling", "None")
    return canvas


def render_cards(path: Path, fit: Fit, plan: SheetPlan, layout: Layout, edition: Edition, structure: Structure) -> int:
    """Fronts on odd pages, backs on even pages; returns the number of pages."""
    grid = plan.grid
    canvas = new_canvas(path, (grid.paper_w, grid.paper_h), edition, structure, edition.subject)
    canvas.setViewerPreference("Duplex", DUPLEX[plan.flip])
    for sheet in plan.sheets:
        for p in sheet.placements:
            draw_front(canvas, p.front, fit.cards[p.index], layout.card, edition.title)
        draw_marks(canvas, plan.marks, layout.sheet)
        canvas.showPage()
        for p in sheet.placements:
            draw_back(canvas, p.back, fit.cards[p.index], layout.card)
        canvas.showPage()
    canvas.save()
    return 2 * len(plan.sheets)


def render_poster(path: Path, plan: PosterPlan, layout: Layout, edition: Edition, structure: Structure, faces) -> int:
    canvas = new_canvas(path, layout.poster.paper, edition, structure, edition.subject)
    draw_poster(canvas, plan, layout.poster, edition, structure, faces, dict(layout.fonts)["bold"])
    canvas.showPage()
    canvas.save()
    return 1
