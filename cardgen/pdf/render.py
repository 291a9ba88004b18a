"""Sheets and poster to PDF files with ReportLab: everything drawn here was decided before."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportlab import rl_config
from reportlab.graphics.renderbase import STATE_DEFAULTS
from reportlab.pdfgen.canvas import Canvas

from cardgen import __version__
from cardgen.draw.cards import draw_back, draw_front
from cardgen.draw.marks import draw_cut_lines, draw_folds, draw_marks
from cardgen.draw.poster import draw_poster
from cardgen.draw.qr import draw_qr, site_label
from cardgen.draw.vector import Icons
from cardgen.plan.fit import Fit
from cardgen.plan.sheets import SHOP_BLEED, SheetPlan, shop_page
from cardgen.model import Edition, Layout, Structure
from cardgen.plan.poster import PosterPlan
from cardgen.typeset.markup import printed
from cardgen.units import MM

DUPLEX = {"long": "DuplexFlipLongEdge", "short": "DuplexFlipShortEdge", "fold": "Simplex"}


def pin_reportlab_settings(base_font: str) -> None:
    """ReportLab reads RL_* variables and settings files; fix what changes our bytes.
    `base_font` is where renderPDF starts every vector drawing, so it must be an embedded font
    of ours, or an unembedded Helvetica is listed in the pages' resources."""
    STATE_DEFAULTS["fontName"] = base_font
    rl_config.invariant = 1
    rl_config.pageCompression = 1
    rl_config.useA85 = 1
    rl_config.showBoundary = 0


def new_canvas(path: Path, size: tuple[float, float], layout: Layout, edition: Edition, author: str) -> Canvas:
    regular = dict(layout.fonts)["regular"]
    pin_reportlab_settings(regular)
    # The initial font is written into every page's resources: ours, so that no unembedded
    # Helvetica is listed for a print shop's preflight to flag.
    canvas = Canvas(
        str(path),
        pagesize=size,
        invariant=1,
        pageCompression=1,
        lang=edition.language,
        initialFontName=regular,
    )
    canvas.setTitle(edition.title)
    canvas.setAuthor(author)
    canvas.setSubject(edition.subject)
    canvas.setCreator(f"cardgen {__version__}")
    canvas.setViewerPreference("PrintScaling", "None")
    return canvas


def render_cards(path: Path, fit: Fit, plan: SheetPlan, layout: Layout, edition: Edition, structure: Structure, icons: Icons) -> int:
    """Fronts on odd pages, backs on even pages (fold-over: both on one page); returns the page count."""
    grid = plan.grid
    canvas = new_canvas(path, (grid.paper_w, grid.paper_h), layout, edition, structure.author)
    canvas.setViewerPreference("Duplex", DUPLEX[plan.flip])
    deck_name, code = _front_texts(layout, edition, structure)
    for sheet in plan.sheets:
        for p in sheet.placements:
            fitted = fit.cards[p.index]
            draw_front(canvas, p.front, fitted, layout.card, deck_name, icons, code if fitted.card.kind == "rules" else None)
            if plan.fold:  # fold-over: each back beside its front, on the same page
                draw_back(canvas, p.back, fitted, layout.card, icons)
        draw_marks(canvas, plan.marks, layout.sheet)
        draw_cut_lines(canvas, plan.cuts)
        draw_folds(canvas, plan.folds[: len(sheet.placements)])
        canvas.showPage()
        if not plan.fold:
            for p in sheet.placements:
                draw_back(canvas, p.back, fit.cards[p.index], layout.card, icons)
            canvas.showPage()
    canvas.save()
    return len(plan.sheets) * (1 if plan.fold else 2)


def _front_texts(layout: Layout, edition: Edition, structure: Structure) -> tuple[str, tuple[str, float] | None]:
    """The deck's name as printed on every front, and the rules card's QR code (site, tile side)."""
    code = (structure.site, layout.qr.rules_card) if layout.qr.show else None
    return printed(edition.title, edition.language), code


def render_shop_cards(path: Path, fit: Fit, layout: Layout, edition: Edition, structure: Structure, icons: Icons) -> int:
    """One face a page, front then back, with a bleed, crop marks and TrimBox/BleedBox on every page."""
    page = shop_page((layout.card.width, layout.card.height))
    canvas = new_canvas(path, page.size, layout, edition, structure.author)
    deck_name, code = _front_texts(layout, edition, structure)
    marks = replace(layout.sheet, mark_width=0.25, mark_colour=(0.0, 0.0, 0.0))
    for fitted in fit.cards:
        for side in ("front", "back"):
            box = page.trim
            canvas.setTrimBox((box.x, box.y, box.right, box.top))
            canvas.setBleedBox((page.bleed.x, page.bleed.y, page.bleed.right, page.bleed.top))
            if side == "front":
                qr = code if fitted.card.kind == "rules" else None
                draw_front(canvas, box, fitted, layout.card, deck_name, icons, qr, bleed=SHOP_BLEED)
            else:
                draw_back(canvas, box, fitted, layout.card, icons, bleed=SHOP_BLEED)
            draw_marks(canvas, page.marks, marks)
            canvas.showPage()
    canvas.save()
    return 2 * len(fit.cards)


def render_poster(path: Path, plan: PosterPlan, layout: Layout, edition: Edition, structure: Structure, icons: Icons) -> int:
    canvas = new_canvas(path, layout.poster.paper, layout, edition, structure.author)
    draw_poster(canvas, plan, layout.poster, edition, structure, icons, dict(layout.fonts)["bold"])
    if plan.qr:
        draw_qr(canvas, plan.qr, structure.site, radius=2 * MM)
        canvas.setFillColorRGB(*layout.poster.footer.colour)
        canvas.setFont(layout.poster.footer.font, plan.footer_size * 0.8)
        canvas.drawCentredString(plan.qr.cx, plan.qr.y - plan.footer_size * 0.95, site_label(structure.site))
    canvas.showPage()
    canvas.save()
    return 1
