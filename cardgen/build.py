"""The pipeline for a deck: load -> validate -> fit -> impose -> draw -> merge, written atomically."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from cardgen.plan.cards import card_count, cards_for
from cardgen.load.content import load_deck
from cardgen.errors import CardgenError, Problems, show_path
from cardgen.plan.fit import Fit, check_deck_name, fit_cards
from cardgen.typeset.glyphs import check_glyphs
from cardgen.typeset.hyphenation import patterns_for
from cardgen.plan.geometry import Stroke
from cardgen.plan.sheets import MIN_MARK, ImposeError, SheetPlan, impose, impose_fold, plan_grid
from cardgen.load.layout import load_layout
from cardgen.load.scriptfonts import edition_layout
from cardgen.model import Deck, Edition, Layout, Overrides
from cardgen.load.assets import builtin_assets
from cardgen.plan.faces import CardFaces, plan_faces
from cardgen.plan.poster import PosterPlan, plan_poster
from cardgen.plan.tiles import TilePlan, TilingError, plan_tiles
from cardgen.typeset.markup import printed

if TYPE_CHECKING:  # the output module (filelock) is loaded only when files are written
    from cardgen.pdf.output import Written

OUTPUTS = ("cards.pdf", "poster.pdf", "print-pack.pdf")
SHOP_CARDS = "cards-shop.pdf"
SHOP_POSTER = "poster-shop.pdf"
TILES = "poster-tiles.pdf"
OPTIONAL = (SHOP_CARDS, SHOP_POSTER, TILES)  # taken away when a build no longer makes them, so an edition's files always belong together


@dataclass(frozen=True)
class EditionPlan:
    edition: Edition
    fit: Fit
    poster: PosterPlan
    faces: tuple[CardFaces, ...]  # every card's front and back, in the fit's order
    layout: Layout | None = None  # the edition's own (load/scriptfonts.py: its fonts, its direction); None: the deck's


@dataclass(frozen=True)
class Prepared:
    """Everything decided and checked: drawing can no longer fail on the user's input."""

    deck: Deck
    layout: Layout
    sheets: SheetPlan
    editions: tuple[EditionPlan, ...]
    drawings: tuple  # (svg path, ReportLab Drawing) of every emoticon and icon, checked
    notes: tuple[str, ...]  # details `check` lists: texts set smaller, missing dictionaries
    tiles: TilePlan | None = None  # the poster split over smaller sheets, when asked for
    warnings: tuple[str, ...] = ()  # news `build` prints too: stale translations, deck-wide shrinks
    skipped: tuple[str, ...] = ()  # unfinished translations left out, one line each


def prepare(folder: Path, lang: str | None = None, **overrides) -> Prepared:
    """Load and validate the deck folder and plan every page; raises ContentError listing every problem.
    `overrides` are the command line's settings (see model.Overrides), already checked."""
    problems = Problems()
    settings = Overrides(**overrides)
    deck, translations = load_deck(folder, problems, only=lang)
    layout = load_layout(folder, problems, settings)
    if deck is None or layout is None:
        problems.raise_if_any()
    warnings = list(translations.warnings)
    notes = []
    if deck.structure.site is None and layout.qr.show:
        layout = replace(layout, qr=replace(layout.qr, show=False))
        notes.append("deck.yaml names no site: the rules card and the poster carry no web address or QR code")
    sheets = _plan_sheets(layout, card_count(deck.structure), problems)
    if sheets is None:  # fitting text on a card that cannot be printed would only add noise
        problems.raise_if_any()
    editions = []
    for edition in deck.editions:
        own = edition_layout(layout, edition, problems)  # its script's fonts, its direction
        if own is None or not check_deck_name(edition, own.card, problems):
            continue
        cards = cards_for(deck.structure, edition, own)
        if not check_glyphs(cards, edition, deck.structure, own, problems):  # a text that cannot be printed is not worth fitting
            continue
        bold = own.fonts.bold.name
        fit = fit_cards(cards, own.card, bold, edition.code, edition.language, problems)
        qr = own.qr.poster if own.qr.show else None
        poster = plan_poster(own.poster, edition, deck.structure, bold, problems, qr)
        if fit and poster:
            editions.append(EditionPlan(edition, fit, poster, plan_faces(fit, own, edition, deck.structure.site), own))
            notes.extend(fit.notes)
            if fit.shrink:
                warnings.append(_shrink_warning(edition, fit.shrink))
            if patterns_for(edition.language) is None:
                notes.append(f"edition '{edition.code}': no hyphenation dictionary for '{edition.language}'; words are not hyphenated")
    drawings = _load_drawings(deck, problems)
    tiles = _plan_tiles(layout, deck, settings, problems)
    if layout.cmyk:
        _refuse_cmyk_clashes(layout, deck, problems)
    problems.raise_if_any()
    skipped = tuple(str(s) for s in translations.skipped)
    return Prepared(deck, layout, sheets, tuple(editions), drawings, tuple(notes), tiles, tuple(warnings), skipped)


def _refuse_cmyk_clashes(layout: Layout, deck: Deck, problems: Problems) -> None:
    from cardgen.pdf.cmyk import exact_colours

    for first, second in exact_colours(layout, deck.structure)[1]:
        shown = [f"cmyk({', '.join(f'{v * 100:g}' for v in c)})" for c in (first, second)]
        problems.add(
            deck.structure.path, None, None,
            f"{shown[0]} and {shown[1]} look the same on screen, so --cmyk cannot keep them apart; "
            "change one of them a little (for a rich black, give the plain black a touch of C, M or Y)",
        )  # fmt: skip


def _shrink_warning(edition: Edition, shrink) -> str:
    first = shrink.cards[0].source_of("description")
    cause = f"card '{shrink.cards[0].id}' ({show_path(first.path)}:{first.line})"
    if len(shrink.cards) > 1:
        cause = f"{len(shrink.cards)} cards, the first {cause}"
    return (
        f"{edition.code}: descriptions set at {shrink.size:g} pt instead of {shrink.preferred:g} pt on every action card, "
        f"because of {cause}; shorten {'it' if len(shrink.cards) == 1 else 'them'} to set the deck at {shrink.preferred:g} pt again"
    )


def _printed_tile_texts(edition: Edition):
    """The tile notes with the edition's typography (they are drawn as plain strings)."""
    from dataclasses import fields, replace

    texts = edition.tiles
    return replace(texts, **{f.name: printed(getattr(texts, f.name), edition.language) for f in fields(texts)})


def _require_texts(editions, section: str, what: str, problems: Problems) -> None:
    """A section of texts that only some commands need, asked for when they are used."""
    for edition in editions:
        if getattr(edition, section) is None:
            problems.add(
                edition.path, 1, section, f"edition '{edition.code}': no '{section}:' section with {what}; "
                "copy it from another edition and translate it", inline=True,
            )


def _plan_tiles(layout: Layout, deck: Deck, settings: Overrides, problems: Problems) -> TilePlan | None:
    poster = layout.poster
    if poster.tile is None:
        return None
    _require_texts(deck.editions, "tiles", "the words for the poster's tiles (edge, one_sheet, glue, cut, where, whole)", problems)
    try:
        return plan_tiles(poster.paper, poster.tile, overlap=poster.overlap)
    except TilingError as exc:
        flags = [flag for flag, value in (("--tile", settings.tile), ("--poster-size", settings.poster_size),
                                          ("--overlap", settings.overlap)) if value is not None]  # fmt: skip
        if flags:  # the command line asked for it: the layout file is not where to look
            problems.add(None, None, None, f"{', '.join(flags)}: {exc}")
        else:
            problems.add(layout.path, layout.line("poster.tile"), "poster.tile", f"'poster.tile', 'poster.overlap': {exc}", inline=True)
        return None


def _plan_sheets(layout: Layout, count: int, problems: Problems) -> SheetPlan | None:
    sheet, card = layout.sheet, layout.card
    # room outside the cards: for the cut marks on the fronts, and for backs shifted by the offset
    room = max(sheet.mark_offset + MIN_MARK, *(abs(v) for v in sheet.offset))
    marks = Stroke(sheet.mark_colour, sheet.mark_width, butt_caps=True)
    try:
        if sheet.flip == "fold":
            return impose_fold(
                count, sheet.paper, (card.width, card.height), sheet.margin, sheet.gutter, room,
                sheet.mark_length, sheet.mark_offset, sheet.cut_lines, marks,
            )  # fmt: skip
        grid = plan_grid(sheet.paper, (card.width, card.height), sheet.margin, sheet.gutter, room)
    except ImposeError as exc:
        problems.add(
            layout.path, layout.line("card.width"), "card.width",
            f"'card.width', 'card.height', 'sheet.paper': {exc}; use a smaller card or larger paper", inline=True,
        )  # fmt: skip
        return None
    return impose(count, grid, sheet.flip, sheet.margin, sheet.mark_length, sheet.mark_offset, sheet.offset, sheet.cut_lines, marks)


def _load_drawings(deck: Deck, problems: Problems) -> tuple:
    from cardgen.load.svg import load_svg

    structure = deck.structure
    paths = [structure.strengths.svg, structure.work.svg, structure.rules_icon]
    paths += [c.icon for c in structure.categories]
    drawings = []
    for path in dict.fromkeys(p for p in paths if p):
        root = deck.folder.resolve()
        if not path.is_relative_to(root):
            root = builtin_assets().resolve()
        drawings.append((path, load_svg(path, root, problems)))
    return tuple(drawings)


def build(prepared: Prepared, out: Path, say=lambda message: None) -> list[Written]:
    """Draw every edition into a staging folder beside its files, then swap each edition's files
    in as a whole: a build that fails, is interrupted or killed leaves the previous PDFs as they
    were. Several editions are drawn in parallel processes, one an edition. `say` reports waiting."""
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
            staged = _render_all(prepared, codes, staging)
            return swap_in(out, staged, {code: s.path for code, s in staging.items()}, say, retired=OPTIONAL)
    finally:
        with signals_held():
            for folder in staging.values():
                folder.remove()


def _render_all(prepared: Prepared, codes: list[str], staging: dict) -> list:
    if len(codes) < 2 or (os.cpu_count() or 1) < 2:
        return [render_edition(prepared, plan, staging[plan.edition.code].path) for plan in prepared.editions]
    from concurrent.futures.process import BrokenProcessPool
    from dataclasses import replace

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


def render_edition(prepared: Prepared, plan: EditionPlan, staging: Path) -> tuple[str, tuple[Path, ...], int]:
    """Every file of one edition into its staging folder: (code, files, pages in the pack)."""
    from functools import partial

    from cardgen.draw.vector import Icons
    from cardgen.pdf.pack import merge_pack, split_parts
    from cardgen.pdf.render import render_sheets_and_poster, render_shop_cards
    from cardgen.pdf.shop import write_shop_poster
    from cardgen.pdf.tiles import draw_overlays, write_tiles

    icons = Icons(dict(prepared.drawings))
    deck, layout, edition = prepared.deck, plan.layout or prepared.layout, plan.edition
    convert = _cmyk_conversion(prepared)
    cards, poster, pack = (staging / name for name in OUTPUTS)
    source = staging / "sheets-and-poster.pdf"  # not an output: the pack and the files printed alone are cut from it
    author, regular = deck.structure.author, layout.fonts.regular.name
    title = printed(edition.title, edition.language)
    marks = None  # the tiles' marks, drawn after the poster so that they share its font subsets
    if prepared.tiles:
        marks = partial(draw_overlays, plan=prepared.tiles, title=title, font=regular, texts=_printed_tile_texts(edition),
                        rtl=layout.direction == "rtl")  # fmt: skip
    card_pages, poster_pages = render_sheets_and_poster(
        source, plan.faces, prepared.sheets, plan.poster, layout, edition, author, icons, more=marks
    )
    convert(source)  # before cutting, so that the files cut from it, the tiles and the pack are CMYK too
    split_parts(source, [(cards, card_pages, prepared.sheets.flip), (poster, poster_pages, None)], edition.language)
    printed_alone = card_pages + poster_pages
    pdfs, sections = [(source, printed_alone)], [(edition.bookmark_cards, card_pages), (edition.bookmark_poster, poster_pages)]
    files = [cards, poster]
    if prepared.tiles:
        files.append(staging / TILES)
        pages = write_tiles(poster, files[-1], prepared.tiles, title=title, font=regular, marks_from=(source, printed_alone),
                            rtl=layout.direction == "rtl")  # fmt: skip
        pdfs.append((files[-1], pages))
        sections.append((edition.bookmark_tiles or edition.bookmark_poster, pages))
    if layout.shop:
        files.append(staging / SHOP_CARDS)
        render_shop_cards(files[-1], plan.faces, layout, edition, author, icons)
        files.append(staging / SHOP_POSTER)
        write_shop_poster(poster, files[-1], layout.poster.background, prepared.sheets.mark_stroke, regular)
        for file in files[-2:]:
            convert(file)
    merge_pack(pack, pdfs, sections, edition, deck.structure, prepared.sheets.flip)
    source.unlink()
    files.insert(2, pack)
    return edition.code, tuple(files), sum(pages for _, pages in sections)


def _cmyk_conversion(prepared: Prepared):
    """What `--cmyk` does to a written PDF in place; without it, nothing."""
    if not prepared.layout.cmyk:
        return lambda path: None
    from cardgen.pdf.cmyk import convert_pdf, exact_colours

    exact, _ = exact_colours(prepared.layout, prepared.deck.structure)  # clashes were refused when planning
    return lambda path: convert_pdf(path, exact)


def calibrate(folder: Path, out: Path, lang: str | None = None, **overrides) -> list[Path]:
    """Write OUT/<edition>/calibration.pdf for the deck's paper and flip edge (or the overrides)."""
    from cardgen.pdf.calibration import write_calibration
    from cardgen.plan.calibration import plan_calibration, plan_sheet

    problems = Problems()
    deck, _ = load_deck(folder, problems, only=lang)
    layout = load_layout(folder, problems, Overrides(**overrides))
    problems.raise_if_any()
    _require_texts(deck.editions, "calibration", "the sheet's texts (title, steps, ruler)", problems)
    layouts = {e.code: edition_layout(layout, e, problems) for e in deck.editions}  # each in its script's fonts
    for edition in deck.editions:
        if edition.calibration is not None and layouts[edition.code]:
            check_glyphs_of(edition, layouts[edition.code], problems)
    problems.raise_if_any()
    sheet = layout.sheet
    plan = plan_calibration(sheet.paper, sheet.flip, sheet.margin)
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


def check_glyphs_of(edition: Edition, layout: Layout, problems: Problems) -> None:
    from cardgen.load.fonts import display_name, missing_characters

    texts = edition.calibration
    for key in ("title", "steps", "ruler"):
        shown = printed(getattr(texts, key), edition.language)
        for font in {layout.fonts.bold.name, layout.poster.footer.font}:
            for char in missing_characters(font, shown):
                problems.add(
                    edition.path,
                    edition.line(f"calibration.{key}"),
                    f"calibration.{key}",
                    f"the character {char!r} (U+{ord(char):04X}) is not in the font "
                    f"{display_name(font)}; replace it, or name a font that has it in layout.yaml",
                )
