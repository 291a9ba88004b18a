"""The command line: parse options, call one stage function, print its report. Imports are lazy."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click



class SafePath(click.Path):
    """click's Path, refusing names that no file system takes (a NUL byte raises ValueError deep
    inside os.stat) with a message instead of a traceback."""

    def convert(self, value, param, ctx):
        if any(ord(c) < 32 for c in str(value)):
            self.fail(f"{str(value)!r} holds a control character (such as a NUL or a line break); type the path again", param, ctx)
        return super().convert(value, param, ctx)


FOLDER = SafePath(exists=True, file_okay=False, path_type=Path)
OUT = SafePath(file_okay=False, path_type=Path)


def _converted(parser: str):
    """A click callback that checks a value with the cardgen.units function the layout spec uses
    (imported only then, so that --help stays fast)."""

    def callback(ctx, param, value):
        if value is None:
            return None
        from cardgen import units

        try:
            return getattr(units, parser)(value)
        except units.UnitError as exc:
            raise click.BadParameter(str(exc)) from None

    return callback


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cardgen")
def main() -> None:
    """Turn a deck's content files into print-ready PDFs: a duplex card sheet, a poster and one
    print pack that holds both."""
    _printable_everywhere()


def _printable_everywhere() -> None:
    """A Windows console or a redirected stream may be cp1252: a character it lacks (from a card's
    text, in a message) prints as '?' rather than ending the run with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                pass


class Interrupted(click.ClickException):
    exit_code = 130

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


def run() -> None:
    """The `cardgen` command. A Ctrl-C that lands while the process ends (the work done, the
    exit code known) is ignored: at shutdown Python gives SIGINT back its default action, which
    would end the process by the signal (-2) instead of with its exit code."""
    try:
        main()
    finally:
        _ignore_further_interrupts()


def _ignore_further_interrupts() -> None:
    """Once stopping, a second Ctrl-C (or one still pending from a moment signals were held)
    must not cut the exit short: the exit code stays 130, not death by SIGINT."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _interruptible(function):
    """Ctrl-C ends a command with one line and exit 130, never a traceback."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except KeyboardInterrupt:
            _ignore_further_interrupts()
            raise Interrupted("stopped; the earlier PDFs are as they were") from None

    return wrapper


def _strict_option(function):
    return click.option(
        "--strict", is_flag=True, help="Treat every warning (stale translations, a skipped edition, a deck set smaller) as an error: exit 1, for CI."
    )(function)


def _warn(lines, strict: bool) -> None:
    for line in lines:
        click.echo(f"warning: {line}", err=True)
    if strict and lines:
        raise StrictFailure(f"{len(lines)} warning{'s' if len(lines) != 1 else ''} and --strict")


class StrictFailure(click.ClickException):
    exit_code = 1

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


def _content_option(function):
    return click.option(
        "--content",
        type=FOLDER,
        default="content",
        show_default=True,
        help="The deck folder: deck.yaml, layout.yaml and one folder of texts per edition.",
    )(function)


def _lang_option(function):
    return click.option(
        "--lang", metavar="CODE", help="Only this edition (a folder name such as nl); default: every edition found."
    )(function)


def _check_lang(content: Path, lang: str | None, hint: str = "--lang") -> None:
    """An edition code (a folder name, never a path) of an edition the deck has."""
    from cardgen.load.content import find_editions
    from cardgen.load.tags import edition_code
    from cardgen.units import UnitError

    if lang is None:
        return
    try:
        edition_code(lang)
    except UnitError as exc:
        raise click.BadParameter(str(exc), param_hint=hint) from None
    editions = find_editions(content)
    if lang not in editions:
        found = ", ".join(editions) or "none"
        raise click.BadParameter(f"no edition '{lang}' in {content} (found: {found})", param_hint=hint)


@main.command()
@_content_option
@click.option("--out", type=OUT, default="output", show_default=True,
              help="Where to write the PDFs: OUT/<edition>/cards.pdf, poster.pdf and print-pack.pdf.")
@_lang_option
@click.option("--flip", type=click.Choice(["long", "short", "fold"]), default=None,
              help="Your printer's duplex flip edge: long (the usual) or short; fold for a printer without "
              "duplex: front and back side by side, fold and glue. Default: the layout spec's.")
@click.option("--paper", metavar="NAME|WxH", callback=_converted("parse_size"),
              help="The paper of the card sheets: A4, A3, Letter, Legal or a size such as 210mm x 297mm.")
@click.option("--card-size", metavar="NAME|WxH", callback=_converted("parse_card_size"),
              help="poker, bridge, mini, a7, tarot, square, or width x height in mm such as 63x88.")
@click.option("--offset", metavar="X,Y", callback=_converted("parse_offset"),
              help="Shift the backs by X,Y mm to cancel your printer's misregistration (see 'cardgen calibrate').")
@click.option("--poster-size", metavar="NAME|WxH", callback=_converted("parse_size"),
              help="The poster's paper: A3 (the usual), A2, A1 or a size such as 500mm x 700mm; it scales as a whole.")
@click.option("--tile", metavar="NAME|WxH", callback=_converted("parse_size"),
              help="Also write poster-tiles.pdf: the poster split over sheets of this paper (A4, A3, Letter) to glue.")
@click.option("--overlap", metavar="MM", callback=_converted("parse_overlap"),
              help="How far neighbouring tiles overlap, in mm, to glue (default 10).")
@click.option("--cut-lines/--no-cut-lines", default=None, help="Also draw thin lines along every cut.")
@click.option("--shop/--no-shop", default=None,
              help="Also write cards-shop.pdf for a print shop: one card face a page, 3 mm bleed, crop marks, "
              "TrimBox and BleedBox.")
@click.option("--cmyk/--no-cmyk", default=None, help="Write every colour in CMYK, for print shops that ask for it.")
@click.option("--qr/--no-qr", default=None,
              help="Print a QR code for the deck's site on the rules card and the poster. Default: the layout spec's (on).")
@_strict_option
@_interruptible
def build(content: Path, out: Path, lang: str | None, strict: bool, **settings) -> None:
    """Check the deck, then write the card sheet, the poster and the print pack of each edition.

    Nothing is written when a content or layout file has a mistake, and earlier PDFs stay as they
    were; an unfinished translation is skipped with a warning, and the other editions are built.
    """
    from cardgen.build import BuildIncomplete, prepare
    from cardgen.build import build as run_build

    _check_lang(content, lang)
    prepared = prepare(content, lang=lang, **settings)
    _warn(prepared.skipped + prepared.warnings, strict)
    try:
        written = run_build(prepared, out, say=lambda message: click.echo(message, err=True))
    except BuildIncomplete as exc:
        _report(exc.written)
        raise
    _report(written)


def _report(written) -> None:
    from cardgen.errors import show_path

    for edition in written:
        files = ", ".join(show_path(f) for f in edition.files)
        click.echo(f"{edition.edition}: {files} ({edition.pages} pages in the pack)")


@main.command()
@_content_option
@click.option("--out", type=OUT, default="output", show_default=True,
              help="Where to write OUT/<edition>/calibration.pdf.")
@_lang_option
@click.option("--paper", metavar="NAME|WxH", callback=_converted("parse_size"), help="The paper you print the cards on.")
@click.option("--flip", type=click.Choice(["long", "short"]), default=None, help="Your printer's duplex flip edge.")
@_interruptible
def calibrate(content: Path, out: Path, lang: str | None, **settings) -> None:
    """Write a two-sided sheet that measures how far your printer shifts the backs.

    Print it double-sided, hold it against the light and read the offset off the scales; then
    build with --offset X,Y. Its 100 mm ruler shows whether the printer scales the page.
    """
    from cardgen.build import calibrate as run_calibrate
    from cardgen.errors import show_path

    _check_lang(content, lang)
    for path in run_calibrate(content, out, lang=lang, **settings):
        click.echo(f"{show_path(path)}: print it double-sided at actual size, then read the offset off the back")


@main.command()
@_content_option
@_lang_option
@_strict_option
@_interruptible
def check(content: Path, lang: str | None, strict: bool) -> None:
    """Check every content and layout file and list all mistakes at once, with file and line.

    Exit 0 when the deck is ready to print, 1 when something must be fixed (or, with --strict,
    when there is a warning).
    """
    from cardgen.build import prepare
    from cardgen.units import MM

    _check_lang(content, lang)
    prepared = prepare(content, lang=lang)
    grid = prepared.sheets.grid
    for plan in prepared.editions:
        count = len(plan.fit.cards)
        click.echo(
            f"{plan.edition.code} ({plan.edition.language}): {count} cards on {_plural(len(prepared.sheets.sheets), 'sheet')} of "
            f"{grid.cols} x {grid.rows} ({grid.card_w / MM:.0f} x {grid.card_h / MM:.0f} mm), "
            f"descriptions at {plan.fit.body_size:g} pt; poster ready"
        )
    for note in prepared.notes:
        click.echo(f"note: {note}")
    _warn(prepared.skipped + prepared.warnings, strict)
    click.echo("All good: ready to build." if not prepared.skipped else "Ready to build the editions above.")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@main.group()
def translate() -> None:
    """Work on translated editions: what is left to do, PO files for translators, new editions."""


@translate.command("status")
@_content_option
def translate_status(content: Path) -> None:
    """List, per edition, the texts missing, untranslated, stale (their source changed since they
    were translated), unconfirmed, identical to the source, or no longer in the source.

    Exit 1 when any edition is incomplete, so that it can run in CI.
    """
    from cardgen.load.content import find_editions
    from cardgen.translate.status import source_edition, status

    source = source_edition(content)
    incomplete = False
    for code in find_editions(content):
        if code == source:
            continue
        st = status(content, code, source)
        incomplete |= not st.complete
        counts = [(len(st.missing), "missing"), (len(st.untranslated), "untranslated"), (len(st.stale), "stale"),
                  (len(st.unconfirmed), "unconfirmed"), (len(st.identical), "identical to the source"),
                  (len(st.obsolete), "no longer in the source")]  # fmt: skip
        summary = ", ".join(f"{n} {what}" for n, what in counts)
        click.echo(f"{code}: {st.total} texts from {source}; {summary}" + ("" if st.complete else "  INCOMPLETE"))
        texts = content / code / "texts.yaml"
        for key in st.missing:
            click.echo(f"  missing: {key}")
        for label, items, why in (
            ("untranslated", st.untranslated, "still marked [untranslated]"),
            ("stale", st.stale, f"the {source} text changed since it was translated"),
            ("unconfirmed", st.unconfirmed, f"no record of the {source} text it was made from; "
             f"after review: cardgen translate mark {code}"),
            ("identical", st.identical, f"the same as the {source} text"),
            ("obsolete", st.obsolete, f"no such text in {source} any more"),
        ):  # fmt: skip
            for key, line in items:
                click.echo(f"  {label}: {texts}:{line}: {key}: {why}")
    if incomplete:
        raise SystemExit(1)


@translate.command("mark")
@_content_option
@click.argument("lang")
@click.argument("keys", nargs=-1)
def translate_mark(content: Path, lang: str, keys: tuple[str, ...]) -> None:
    """Record that the edition's texts (all, or the KEYS given) are up to date with the source."""
    from cardgen.translate.status import mark, source_edition

    _check_lang(content, lang, "LANG")
    count = mark(content, lang, source_edition(content), list(keys) or None)
    click.echo(f"{lang}: {count} texts recorded as translations of the current source")


@translate.command("new")
@_content_option
@click.argument("lang")
@click.option("--from", "source", metavar="CODE", default=None, help="The edition to start from (default: the source edition).")
@click.option("--language", metavar="TAG", default=None, help="The language tag, e.g. de-BE (default: LANG).")
def translate_new(content: Path, lang: str, source: str | None, language: str | None) -> None:
    """Start a new edition: every text of the source, marked [untranslated], in content/LANG/."""
    from cardgen.errors import show_path
    from cardgen.load.tags import edition_code
    from cardgen.translate.status import new_edition, source_edition
    from cardgen.units import UnitError

    try:
        edition_code(lang)
    except UnitError as exc:
        raise click.BadParameter(str(exc), param_hint="LANG") from None
    if source is None:
        source = source_edition(content)
    else:
        _check_lang(content, source, "--from")
    path = new_edition(content, lang, source, language or lang)
    click.echo(f"{show_path(path)}: translate every text marked [untranslated]; 'cardgen translate status' shows what is left")


@translate.command("export")
@_content_option
@click.option("--lang", "lang", metavar="CODE", required=True, help="The edition to export, e.g. fr.")
@click.option("-o", "--output", type=SafePath(dir_okay=False, path_type=Path), default=None,
              help="The PO file to write (default: LANG.po in the working folder).")
def translate_export(content: Path, lang: str, output: Path | None) -> None:
    """Write a PO file for a translator: every text with its source, the current translation,
    stale ones marked fuzzy, and a note on the room each text has on the card."""
    from cardgen.errors import show_path
    from cardgen.translate.po import export_po
    from cardgen.translate.status import source_edition

    _check_lang(content, lang)
    source = source_edition(content)
    output = output or Path(f"{lang}.po")
    count = export_po(content, lang, source, output)
    click.echo(f"{show_path(output)}: {count} texts of the {lang} edition, from {source}")


@translate.command("import")
@_content_option
@click.argument("file", type=SafePath(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", "lang", metavar="CODE", default=None, help="The edition (default: the one named in the PO file).")
def translate_import(content: Path, file: Path, lang: str | None) -> None:
    """Write a translated PO file back into the edition's texts.yaml and record which source
    text each translation was made from (entries still marked fuzzy stay stale). A file that is
    not well-formed, of another deck or in another charset than UTF-8 changes nothing."""
    from cardgen.translate.po import import_po

    _check_lang(content, lang)
    imported = import_po(content, file, lang)
    for line in imported.ignored:
        click.echo(f"warning: {line}", err=True)
    changed = imported.changed
    click.echo(f"{imported.edition}: {len(changed)} texts changed" + (": " + ", ".join(changed) if changed else ""))


@main.command()
@_content_option
@click.option("--out", type=OUT, default="output", show_default=True,
              help="Where to write the pictures: OUT/<edition>/preview/, beside that edition's PDFs.")
@_lang_option
@click.option("--dpi", type=click.IntRange(30, 600), default=150, show_default=True,
              help="Resolution of the card and poster pictures (30 to 600); the contact sheet is drawn at half of it.")
@_interruptible
def preview(content: Path, out: Path, lang: str | None, dpi: int) -> None:
    """Write a picture (PNG) of every card's front and back, the poster, and a contact sheet, for
    review by e-mail or on a slide.

    OUT/<edition>/preview/ gets 17-stappenplan-front.png and -back.png (named by the number on the
    card; 00 is the rules card), poster.png, and contact-sheet.png and .pdf: every card on one page,
    front beside back, with its number and title. A deck with a mistake writes nothing.
    """
    from cardgen.build import prepare
    from cardgen.errors import show_path
    from cardgen.preview import write_previews

    _check_lang(content, lang)
    prepared = prepare(content, lang=lang)
    _warn(prepared.skipped + prepared.warnings, strict=False)
    for code, folder, count in write_previews(prepared, out, dpi, say=lambda message: click.echo(message, err=True)):
        click.echo(f"{code}: {count} files in {show_path(folder)}: every face, the poster, and contact-sheet.png with every card at a glance")


@main.command(params=list(build.params))  # the same options as build, the same meaning
def watch(content: Path, out: Path, lang: str | None, strict: bool, **settings) -> None:
    """Build, then build again every time a file of the deck folder is saved, until Ctrl-C: for
    working with the PDF open in a viewer. Takes every option of 'build'.

    Each build prints one line: what changed, and which editions were built or the problems found.
    A save with a mistake writes nothing, so the PDFs stay those of the last build that worked.
    """
    from cardgen.watch import Watcher

    _check_lang(content, lang)
    click.echo(f"watching {content} (Ctrl-C to stop)")
    try:
        Watcher(content, out, lang, strict, settings, click.echo).run()
    except KeyboardInterrupt:
        _ignore_further_interrupts()
        raise Interrupted("stopped watching; the PDFs are those of the last build that worked") from None


@main.command()
@_content_option
@click.option("--lang", metavar="CODE", help="The edition the page opens with (default: the first).")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="The port on 127.0.0.1 (default 8765, or a free one when it is taken; 0 for any free one).")
@click.option("--out", type=OUT, default=None,
              help="Where the page's Build button writes OUT/<edition>/ (default: a temporary folder, not output/).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in the browser; only print its address.")
@_interruptible
def serve(content: Path, lang: str | None, port: int | None, out: Path | None, no_browser: bool) -> None:
    """Open the deck in the browser: every card as it prints, edited as you type, saved into
    texts.yaml; changes made in other editors show up by themselves. Only this computer can reach it."""
    from cardgen.serve.run import serve as run_serve

    _check_lang(content, lang)
    run_serve(content, lang, port, not no_browser, out)
