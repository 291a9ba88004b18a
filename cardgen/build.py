"""The pipeline for a deck: load -> validate -> fit -> impose -> draw -> merge, written atomically.
Loading and planning are cardgen.prepare's; this module draws the plans and swaps the files in."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from cardgen.errors import CardgenError, Problems
from cardgen.load.content import load_deck
from cardgen.load.layout import load_layout
from cardgen.model import Edition
from cardgen.spec import Overrides
from cardgen.plan.printing import TILES_FILE
from cardgen.prepare import EditionPlan, Prepared, prepare  # noqa: F401  (prepare: the pipeline's first half, named here too)
from cardgen.typeset.markup import printed

if TYPE_CHECKING:  # the output module (filelock) is loaded only when files are written
    from cardgen.pdf.output import Written

OUTPUTS = ("cards.pdf", "poster.pdf", "print-pack.pdf")
SHOP_CARDS = "cards-shop.pdf"
SHOP_POSTER = "poster-shop.pdf"
TILES = TILES_FILE  # the name the pack's first page gives
OPTIONAL = (SHOP_CARDS, SHOP_POSTER, TILES)  # taken away when a build no longer makes them, so an edition's files always belong together


def _printed_tile_texts(edition: Edition):
    """The tile notes with the edition's typography (they are drawn as plain strings)."""
    from dataclasses import fields

    texts = edition.tiles
    return replace(texts, **{f.name: printed(getattr(texts, f.name), edition.language) for f in fields(texts)})


def build(prepared: Prepared, out: Path, say=lambda message: None) -> list[Written]:
    """Draw every edition into a staging folder beside its files, then swap each edition's files
    in as a whole: a build that fails, is interrupted or killed leaves the previous PDFs as they
    were. Several editions are drawn in parallel processes, one an edition. `say` reports waiting.
    Pass `prepared` without keeping it (build(prepare(...), out)) and a build in one process frees
    the plans once drawn, before pypdf copies the pages: 60 MiB of a 10,000 card build's peak."""
    from cardgen.pdf.output import Staging, edition_folder, output_folder, plain_errors, swap_in, sweep
    from cardgen.workers import signals_held, stopped_by_sigterm

    out = output_folder(out)
    sweep(out)
    codes = [plan.edition.code for plan in prepared.editions]
    staging: dict[str, Staging] = {}
    try:
        with stopped_by_sigterm(), plain_errors(out):
            for code in codes:
                with signals_held():  # an interrupt between making and noting the folder would lose it
                    staging[code] = Staging(edition_folder(out, code))
            prepared = for_drawing(prepared)  # the rest goes now, unless the caller holds it: drawing's pages take its room
            if _in_parallel(codes):
                staged = _render_parallel(prepared, codes, staging)
            else:
                drawn = [draw_edition(prepared, plan, staging[plan.edition.code].path) for plan in prepared.editions]
                del prepared  # and the plans go too: pypdf's copies of the pages take their room
                staged = [write_edition(edition) for edition in drawn]
            return swap_in(out, staged, {code: s.path for code, s in staging.items()}, say, retired=OPTIONAL)
    finally:
        with signals_held():
            for folder in staging.values():
                folder.remove()


def for_drawing(prepared: Prepared) -> Prepared:
    """`prepared` without what only planning and its messages read: the cards' texts and sources
    in the deck and its editions, and the fitted cards (the faces hold what fitting decided).
    Drawing reads the faces, the sheets, the poster and an edition's own names (15 MiB less at
    10,000 cards, and smaller jobs to send to workers)."""
    deck = prepared.deck
    structure = replace(deck.structure, cards=())
    editions = tuple(
        replace(plan, edition=replace(plan.edition, cards=()), fit=replace(plan.fit, cards=(), shrink=None)) for plan in prepared.editions
    )
    return replace(prepared, deck=replace(deck, structure=structure, editions=()), editions=editions)


def _in_parallel(codes: list[str]) -> bool:
    return len(codes) > 1 and (os.cpu_count() or 1) > 1


def _render_parallel(prepared: Prepared, codes: list[str], staging: dict) -> list:
    from concurrent.futures.process import BrokenProcessPool

    from cardgen.workers import run_parallel

    jobs = [(replace(prepared, editions=(plan,)), staging[plan.edition.code].path) for plan in prepared.editions]
    try:
        return run_parallel(_render_one, jobs, cleanup=[s.path for s in staging.values()])
    except BrokenProcessPool:
        raise CardgenError(
            "a process drawing an edition stopped unexpectedly (out of memory, or ended by another program); "
            "the earlier PDFs are as they were; build again, or one edition at a time with --lang"
        ) from None


def _render_one(prepared: Prepared, staging: Path):
    """In a worker: draw the one edition planned in the parent into its staging folder. A worker
    started by spawn (Windows, macOS) knows none of the parent's fonts yet."""
    from cardgen.load.fonts import register_fonts

    register_fonts((prepared.editions[0].layout or prepared.layout).fonts)
    return render_edition(prepared, prepared.editions[0], staging)


@dataclass(frozen=True)
class Drawn:
    """An edition drawn by ReportLab into its staging folder, and the pypdf work left that cuts,
    finishes and merges its files, in order. The steps are bound to paths, page counts and a few
    names, never to the plans, so that a build can free the plans before pypdf's copies of the
    pages come (build())."""

    code: str
    files: tuple[Path, ...]
    pages: int  # in the pack
    source: Path  # the document every file is cut from: not an output, removed once they are
    steps: tuple[Callable[[], object], ...]


def render_edition(prepared: Prepared, plan: EditionPlan, staging: Path) -> tuple[str, tuple[Path, ...], int]:
    """Every file of one edition into its staging folder: (code, files, pages in the pack)."""
    return write_edition(draw_edition(prepared, plan, staging))


def write_edition(drawn: Drawn) -> tuple[str, tuple[Path, ...], int]:
    """pypdf's part of render_edition: (code, files, pages in the pack)."""
    for step in drawn.steps:
        step()
    drawn.source.unlink()
    return drawn.code, drawn.files, drawn.pages


def draw_edition(prepared: Prepared, plan: EditionPlan, staging: Path) -> Drawn:
    """ReportLab's part of render_edition: the sheets, poster, tiles' marks and first page in one
    document (the source the files are cut from), and the shop cards."""
    from cardgen.draw.vector import Icons
    from cardgen.pdf.pack import CARDS, POSTER, Metadata, merge_pack, split_parts
    from cardgen.pdf.render import render_sheets_and_poster, render_shop_cards
    from cardgen.typeset.paragraph import printed_line

    icons = Icons(dict(prepared.drawings))
    deck, layout, edition = prepared.deck, plan.layout or prepared.layout, plan.edition
    inks, intent = _inks(prepared)
    cards, poster, pack = (staging / name for name in OUTPUTS)
    source = staging / "sheets-and-poster.pdf"
    author, regular = deck.structure.author, layout.fonts.regular.name
    title = printed(edition.title, edition.language)
    marks = None  # the tiles' marks, drawn after the poster so that they share its font subsets
    if prepared.tiles:  # the tiles' and the shop's modules are imported only for the builds that make them
        from cardgen.pdf.tiles import draw_overlays, write_tiles

        marks = partial(draw_overlays, plan=prepared.tiles, title=title, font=regular, texts=_printed_tile_texts(edition),
                        rtl=layout.direction == "rtl")  # fmt: skip
    after = partial(_after_poster, marks=marks, printing=plan.printing)
    card_pages, poster_pages = render_sheets_and_poster(
        source, plan.faces, prepared.sheets, plan.poster, layout, edition, author, icons, more=after, inks=inks,
        note=plan.sheet_note,
    )
    flip = prepared.sheets.flip
    steps = [partial(split_parts, source, [(cards, card_pages, CARDS[flip]), (poster, poster_pages, POSTER)], edition.language),
             _release_pdf_objects]  # fmt: skip
    printed_alone = card_pages + poster_pages
    pdfs, sections = [], []
    if plan.printing:  # the page saying how to print the pack comes first, though it was drawn last
        start = printed_alone + (len(prepared.tiles.tiles) if prepared.tiles else 0)
        pdfs.append((source, (start, start + plan.printing.pages)))
        sections.append((printed_line(edition.printing.title, edition.language), plan.printing.pages))
    pdfs.append((source, (0, printed_alone)))
    sections += [(edition.bookmark_cards, card_pages), (edition.bookmark_poster, poster_pages)]
    files = [cards, poster]
    if prepared.tiles:  # a file of its own: tiles print single-sided, the pack's cards double-sided
        files.append(staging / TILES)
        steps.append(partial(write_tiles, poster, files[-1], prepared.tiles, title=title, font=regular,
                             marks_from=(source, printed_alone), language=edition.language, rtl=layout.direction == "rtl"))  # fmt: skip
    if layout.shop:
        from cardgen.pdf.shop import finish_shop_cards, write_shop_poster

        files.append(staging / SHOP_CARDS)
        render_shop_cards(files[-1], plan.faces, layout, edition, author, icons, inks)
        steps.append(partial(finish_shop_cards, files[-1], intent))
        files.append(staging / SHOP_POSTER)
        steps.append(partial(write_shop_poster, poster, files[-1], layout.poster.background, prepared.sheets.mark_stroke,
                             regular, inks, layout.shop_page == "marked", intent, edition.language))  # fmt: skip
    if prepared.tiles or layout.shop:
        steps.append(_release_pdf_objects)
    metadata = Metadata(edition.title, author, edition.subject, edition.language)
    steps.append(partial(merge_pack, pack, pdfs, sections, metadata, CARDS[flip]._replace(pick_tray=True)))
    files.insert(2, pack)
    return Drawn(edition.code, tuple(files), sum(pages for _, pages in sections), source, tuple(steps))


def _release_pdf_objects() -> None:
    """pypdf's objects of a file written refer to each other in cycles, which only the collector
    frees; a build collects seldom (commands/build.py), so without this the pack's merge would come
    on top of them: 30 MiB of a 10,000 card build's peak."""
    import gc

    gc.collect()


def _after_poster(canvas, marks, printing) -> int:
    """The pages drawn after the poster, in the same document so that they share its font subsets:
    the tiles' marks, then the pack's first page."""
    from cardgen.draw.printing import draw_printing

    pages = marks(canvas) if marks else 0
    return pages + (draw_printing(canvas, printing) if printing else 0)


def _inks(prepared: Prepared):
    """With --cmyk: the canvases' colour hook (every colour through the profile, those written as
    cmyk(...) as written), and the output intent that makes the shop files PDF/X-4."""
    layout = prepared.layout
    if not layout.cmyk:
        return None, None
    from cardgen.load.assets import builtin_assets
    from cardgen.load.output import DEFAULT_PROFILE, profile_name
    from cardgen.pdf.cmyk import Inks, exact_colours
    from cardgen.pdf.shop import OutputIntent

    exact, _ = exact_colours(layout, prepared.deck.structure)  # clashes were refused when planning
    registered = layout.profile == (builtin_assets() / DEFAULT_PROFILE).resolve()
    return Inks(layout.profile, exact), OutputIntent(layout.profile, profile_name(layout.profile), registered)


def calibrate(folder: Path, out: Path, lang: str | None = None, **overrides) -> list[Path]:
    """Write OUT/<edition>/calibration.pdf for the deck's paper and flip edge (or the overrides)."""
    from cardgen.pdf.calibration import write_calibration
    from cardgen.plan.calibration import plan_calibration, plan_sheet

    problems = Problems()
    deck, _ = load_deck(folder, problems, only=lang)
    layout = load_layout(folder, problems, Overrides(**overrides))
    problems.raise_if_any()
    from cardgen.load.scriptfonts import edition_layout
    from cardgen.typeset.glyphs import check_calibration_glyphs

    layouts = {e.code: edition_layout(layout, e, problems) for e in deck.editions}  # each in its script's fonts
    for edition in deck.editions:
        if edition.calibration is not None and layouts[edition.code]:
            check_calibration_glyphs(edition, layouts[edition.code], problems)
    problems.raise_if_any()
    sheet = layout.sheet
    if sheet.flip == "fold":
        problems.add(layout.path, layout.line("sheet.flip"), "sheet.flip",
                     "'sheet.flip': a fold-over sheet is printed on one side and needs no calibration; "
                     "give --flip long or --flip short for the duplex printer to measure", inline=True)  # fmt: skip
        problems.raise_if_any()
    from cardgen.plan.home import card_sheet_paper

    plan = plan_calibration(card_sheet_paper(layout), sheet.flip, sheet.margin)
    from cardgen.pdf.output import Staging, edition_folder, output_folder, plain_errors, replace_together

    out = output_folder(out)
    written = []
    for edition in deck.editions:
        folder = edition_folder(out, edition.code)
        staging = Staging(folder)
        try:
            staged = staging.path / "calibration.pdf"
            with plain_errors(out):
                own = layouts[edition.code]
                write_calibration(staged, plan_sheet(plan, own, edition), own, edition, deck.structure.author)
            replace_together(folder, [staged], staging.path)
        finally:
            staging.remove()
        written.append(folder / staged.name)
    return written
