"""cardgen build: every edition's card sheet, poster and print pack; cardgen watch: the same on every save."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

import click

from cardgen.commands.common import (
    OUT,
    Interrupted,
    check_bilingual,
    check_lang,
    content_option,
    converted,
    converted_pair,
    ignore_further_interrupts,
    interruptible,
    lang_option,
    strict_option,
    warn,
)


@click.command()
@content_option
@click.option("--out", type=OUT, default="output", show_default=True,
              help="Where to write the PDFs: OUT/<edition>/cards.pdf, poster.pdf and print-pack.pdf.")
@lang_option
@click.option("--flip", type=click.Choice(["long", "short", "fold"]), default=None,
              help="Your printer's duplex flip edge: long (the usual) or short; fold for a printer without "
              "duplex: front and back side by side, fold and glue. Default: the layout spec's.")
@click.option("--paper", metavar="NAME|WxH", callback=converted("parse_size"),
              help="The paper of the card sheets: A4, A3, Letter, Legal or a size such as 210mm x 297mm.")
@click.option("--card-size", metavar="NAME|WxH", callback=converted("parse_card_size"),
              help="poker, bridge, mini, a7, tarot, square, or width x height in mm such as 63x88.")
@click.option("--offset", metavar="X,Y", callback=converted("parse_offset"),
              help="Shift the backs by X,Y mm to cancel your printer's misregistration (see 'cardgen calibrate').")
@click.option("--poster-size", metavar="NAME|WxH", callback=converted("parse_size"),
              help="The poster's paper: A3 (the usual), A2, A1 or a size such as 500mm x 700mm; it scales as a whole.")
@click.option("--tile", metavar="NAME|WxH", callback=converted("parse_size"),
              help="Also write poster-tiles.pdf: the poster split over sheets of this paper (A4, A3, Letter) to glue.")
@click.option("--overlap", metavar="MM", callback=converted("parse_overlap"),
              help="How far neighbouring tiles overlap, in mm, to glue (default 10).")
@click.option("--cut-lines/--no-cut-lines", default=None, help="Thin grey lines along every cut (the default); --no-cut-lines leaves only the marks.")
@click.option("--shop/--no-shop", default=None,
              help="Also write cards-shop.pdf for a print shop: one card face a page, 3 mm bleed, crop marks, "
              "TrimBox and BleedBox.")
@click.option("--shop-page", type=click.Choice(["marked", "bleed"]), default=None,
              help="The shop files' pages: marked (the face, 3 mm bleed and crop marks around it) or bleed (only the "
              "face and its bleed, such as 69 x 94 mm for poker cards, as web-to-print uploads ask). Default: marked.")
@click.option("--cmyk/--no-cmyk", default=None,
              help="Write every colour in CMYK through a colour profile (FOGRA39, coated offset, unless --profile); "
              "with --shop the shop files are PDF/X-4.")
@click.option("--profile", metavar="FILE",
              help="The print shop's CMYK profile (.icc) for --cmyk: a file inside the deck folder.")
@click.option("--qr/--no-qr", default=None,
              help="Print a QR code for the deck's site on the rules card and the poster. Default: the layout spec's (on).")
@click.option("--bilingual", metavar="CODE,CODE", callback=converted_pair,
              help="One deck with two editions' texts on every card, such as nl,fr: the first's, then the second's "
              "set apart below it; written to OUT/nl-fr/. Default: the layout spec's output.bilingual (none).")
@strict_option
@interruptible
def build(content: Path, out: Path, lang: str | None, strict: bool, **settings) -> None:
    """Check the deck, then write the card sheet, the poster and the print pack of each edition.

    Nothing is written when a content or layout file has a mistake, and earlier PDFs stay as they
    were; an unfinished translation is skipped with a warning, and the other editions are built.
    """
    from cardgen.pdf.output import BuildIncomplete
    from cardgen.build import build as run_build

    check_lang(content, lang)
    check_bilingual(content, lang, settings.get("bilingual"))
    with _collecting_seldom():
        try:  # the plans are handed to the build, not kept here, so that it can free them once drawn
            written = run_build(_prepared(content, lang, strict, settings), out, say=lambda message: click.echo(message, err=True))
        except BuildIncomplete as exc:
            _report(exc.written)
            raise
    _report(written)


def _prepared(content: Path, lang: str | None, strict: bool, settings: dict):
    """The deck loaded and planned, its warnings shown (--strict stops there)."""
    from cardgen.build import prepare

    prepared = prepare(content, lang=lang, **settings)
    warn(prepared.skipped + prepared.warnings, strict)
    return prepared


@contextmanager
def _collecting_seldom():
    """Python's cycle collector, set for a build: a build makes hundreds of thousands of objects
    that live to its end, and at the default thresholds the collector looked at them over and
    over (a quarter of a 10,000 card build's CPU). Restored afterwards, for a caller that goes on.
    Nothing is frozen (gc.freeze): at 10,000 cards that saved no time over the thresholds alone,
    and undoing a freeze for the caller meant counting what the caller froze, which takes as long
    as the caller holds objects (a test session: 23 ms a build)."""
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _report(written) -> None:
    from cardgen.errors import show_path

    for edition in written:
        files = ", ".join(show_path(f) for f in edition.files)
        click.echo(f"{edition.edition}: {files} ({edition.pages} pages in the pack)")


@click.command(params=list(build.params))  # the same options as build, the same meaning
def watch(content: Path, out: Path, lang: str | None, strict: bool, **settings) -> None:
    """Build, then build again every time a file of the deck folder is saved, until Ctrl-C: for
    working with the PDF open in a viewer. Takes every option of 'build'.

    Each build prints one line: what changed, and which editions were built or the problems found.
    A save with a mistake writes nothing, so the PDFs stay those of the last build that worked.
    """
    from cardgen.watch import Watcher

    check_lang(content, lang)
    check_bilingual(content, lang, settings.get("bilingual"))
    click.echo(f"watching {content} (Ctrl-C to stop)")
    try:
        Watcher(content, out, lang, strict, settings, click.echo).run()
    except KeyboardInterrupt:
        ignore_further_interrupts()
        raise Interrupted("stopped watching; the PDFs are those of the last build that worked") from None
