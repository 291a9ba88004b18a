"""Load, validate and plan a deck: everything decided and checked before anything is drawn."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from cardgen.errors import Problems, show_path
from cardgen.load.assets import builtin_assets
from cardgen.load.content import load_deck
from cardgen.load.layout import load_layout
from cardgen.load.scriptfonts import edition_layout
from cardgen.model import Deck, Edition
from cardgen.spec import Layout, Overrides
from cardgen.plan.cards import card_count, cards_for
from cardgen.plan.faces import CardFaces, plan_faces
from cardgen.plan.fit import Fit, check_deck_name, fit_cards
from cardgen.plan.geometry import Line
from cardgen.plan.home import plan_home_sheets
from cardgen.plan.palette import icon_warnings, palette_warnings
from cardgen.plan.poster import PosterPlan, plan_poster
from cardgen.plan.printing import PrintingPlan, plan_first_page
from cardgen.plan.sheets import SheetPlan
from cardgen.scripts import reads_right_to_left
from cardgen.typeset.glyphs import check_glyphs
from cardgen.typeset.hyphenation import patterns_for
from cardgen.typeset.markup import printed

if TYPE_CHECKING:  # the tiles' plan is imported only when the poster is tiled
    from cardgen.plan.tiles import TilePlan


@dataclass(frozen=True)
class EditionPlan:
    edition: Edition
    fit: Fit
    poster: PosterPlan
    faces: tuple[CardFaces, ...]  # every card's front and back, in the fit's order
    sheet_note: Line | None = None  # a fold-over sheet's order of work, in the edition's words
    printing: PrintingPlan | None = None  # the print pack's first page; None for an edition without its texts
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


def prepare(folder: Path, lang: str | None = None, measure=None, **overrides) -> Prepared:
    """Load and validate the deck folder and plan every page; raises ContentError listing every problem.
    `overrides` are the command line's settings (see spec.Overrides), already checked; `measure`
    hands fitting the measurements kept from an earlier plan (fit_cards' `measure`: the studio's)."""
    problems = Problems()
    settings = Overrides(**overrides)
    deck, translations = load_deck(folder, problems, only=lang)
    layout = load_layout(folder, problems, settings)
    if deck is None or layout is None:
        problems.raise_if_any()
    if lang is not None and layout.bilingual:  # one edition asked for (--lang, the studio): that one alone
        layout = replace(layout, bilingual=None)
    warnings = list(translations.warnings)
    notes = []
    if deck.structure.site is None and layout.qr.show:
        layout = replace(layout, qr=replace(layout.qr, show=False))
        notes.append("deck.yaml names no site: the rules card and the poster carry no web address or QR code")
    sheets = plan_home_sheets(layout, card_count(deck.structure), problems)
    if sheets is None:  # fitting text on a card that cannot be printed would only add noise
        problems.raise_if_any()
    tiles = _plan_tiles(layout, deck, settings, problems)
    if layout.bilingual:
        editions = _plan_bilingual(deck, layout, sheets, tiles, problems, notes, warnings)
    else:
        planned = (_plan_edition(edition, deck, layout, sheets, tiles, problems, notes, warnings, measure)
                   for edition in deck.editions)  # fmt: skip
        editions = [plan for plan in planned if plan is not None]
    drawings = _load_drawings(deck, problems)
    if layout.cmyk:
        _refuse_cmyk_clashes(layout, deck, problems)
        warnings.extend(_gamut_warnings(layout, deck))
    warnings.extend(palette_warnings(deck.structure, layout) + icon_warnings(deck.structure))
    problems.raise_if_any()
    skipped = tuple(str(s) for s in translations.skipped)
    return Prepared(deck, layout, sheets, tuple(editions), drawings, tuple(notes), tiles, tuple(warnings), skipped)


def _plan_edition(
    edition: Edition, deck: Deck, layout: Layout, sheets: SheetPlan, tiles, problems: Problems, notes: list, warnings: list,
    measure=None,
) -> EditionPlan | None:
    """One edition checked, fitted and planned in its own fonts and direction; None (and problems) when it cannot print."""
    notes.extend(edition.notes)
    own = edition_layout(layout, edition, problems)  # its script's fonts, its direction
    if own is None or not check_deck_name(edition, own.card, problems):
        return None
    cards = cards_for(deck.structure, edition, own)
    if not check_glyphs(cards, edition, deck.structure, own, problems):  # a text that cannot be printed is not worth fitting
        return None
    bold = own.fonts.bold.name
    fit = fit_cards(cards, own.card, bold, edition.code, edition.language, problems, measure)
    qr = own.qr.poster if own.qr.show else None
    poster = plan_poster(own.poster, edition, deck.structure, bold, problems, qr)
    if not (fit and poster):
        return None
    notes.extend(fit.notes)
    if fit.shrink:
        warnings.append(_shrink_warning(edition, fit.shrink))
    if patterns_for(edition.language) is None:
        notes.append(f"edition '{edition.code}': no hyphenation dictionary for '{edition.language}'; words are not hyphenated")
    note = _fold_note(sheets, own, edition)
    printing = plan_first_page(edition, own, sheets, tiles, problems, notes)
    return EditionPlan(edition, fit, poster, plan_faces(fit, own, edition, deck.structure.site), note, printing, own)


def _plan_bilingual(deck: Deck, layout: Layout, sheets: SheetPlan, tiles, problems: Problems, notes: list, warnings: list) -> list:
    """The one edition a bilingual build makes (plan/bilingual_edition.py), as a list of editions."""
    from cardgen.plan.bilingual_edition import plan_pair

    planned = plan_pair(deck, layout, problems)
    if planned is None:
        return []
    edition, own, fit, poster, faces = planned
    notes.extend(fit.notes)
    if fit.shrink:
        card = fit.shrink.cards[0]
        source = card.source_of("description")
        warnings.append(f"{edition.code}: descriptions set at {fit.shrink.size:g} pt instead of {fit.shrink.preferred:g} pt on "
                        f"every action card to hold both languages; the tightest card is '{card.id}' "
                        f"({show_path(source.path)}:{source.line}, the longer of its two texts)")  # fmt: skip
    note = _fold_note(sheets, own, edition)
    printing = plan_first_page(edition, own, sheets, tiles, problems, notes)
    return [EditionPlan(edition, fit, poster, faces, note, printing, own)]


def _fold_note(sheets: SheetPlan, layout: Layout, edition: Edition) -> Line | None:
    if not sheets.fold or not edition.fold:
        return None
    from cardgen.plan.fold import plan_fold_note

    text, font = printed(edition.fold, edition.language), layout.fonts.regular.name  # its glyphs: check_glyphs
    sheet = layout.sheet
    rtl = layout.direction == "rtl" and reads_right_to_left(text)  # not an English fallback text
    return plan_fold_note(sheets, text, font, sheet.margin, sheet.mark_offset + sheet.mark_length, rtl)


def _refuse_cmyk_clashes(layout: Layout, deck: Deck, problems: Problems) -> None:
    from cardgen.pdf.cmyk import exact_colours

    for first, second in exact_colours(layout, deck.structure)[1]:
        shown = [f"cmyk({', '.join(f'{v * 100:g}' for v in c)})" for c in (first, second)]
        problems.add(
            deck.structure.path, None, None,
            f"{shown[0]} and {shown[1]} look the same on screen, so --cmyk cannot keep them apart; "
            "change one of them a little (for a rich black, give the plain black a touch of C, M or Y)",
        )  # fmt: skip


def _gamut_warnings(layout: Layout, deck: Deck) -> list[str]:
    from cardgen.load.output import profile_name
    from cardgen.pdf.gamut import gamut_warnings

    return gamut_warnings(layout, deck.structure, profile_name(layout.profile))


def _shrink_warning(edition: Edition, shrink) -> str:
    first = shrink.cards[0].source_of("description")
    cause = f"card '{shrink.cards[0].id}' ({show_path(first.path)}:{first.line})"
    if len(shrink.cards) > 1:
        cause = f"{len(shrink.cards)} cards, the first {cause}"
    return (
        f"{edition.code}: descriptions set at {shrink.size:g} pt instead of {shrink.preferred:g} pt on every action card, "
        f"because of {cause}; shorten {'it' if len(shrink.cards) == 1 else 'them'} to set the deck at {shrink.preferred:g} pt again"
    )


def _plan_tiles(layout: Layout, deck: Deck, settings: Overrides, problems: Problems) -> TilePlan | None:
    poster = layout.poster
    if poster.tile is None:
        return None
    from cardgen.plan.tiles import TilingError, plan_tiles

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
