"""What every command shares: path types, option helpers, warnings, and Ctrl-C handled as a message."""

from __future__ import annotations

import functools
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


def converted(parser: str):
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

def converted_pair(ctx, param, value):
    """--bilingual nl,fr: two edition codes, checked as output.bilingual is (load/bilingual.py)."""
    if value is None:
        return None
    from cardgen.load.bilingual import parse_pair
    from cardgen.units import UnitError

    try:
        return parse_pair(value)
    except UnitError as exc:
        raise click.BadParameter(str(exc)) from None


def check_bilingual(content: Path, lang: str | None, pair: tuple[str, str] | None) -> None:
    """Both editions of --bilingual in the deck folder, like --lang's; the two flags exclude each other."""
    if pair is None:
        return
    if lang is not None:
        raise click.BadParameter("--lang builds one edition, --bilingual two together: give one of them", param_hint="--bilingual")
    from cardgen.load.bilingual import missing_editions

    wrong = missing_editions(pair, content)
    if wrong:
        raise click.BadParameter(wrong, param_hint="--bilingual")


class Interrupted(click.ClickException):
    exit_code = 130

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)

def ignore_further_interrupts() -> None:
    """Once stopping, a second Ctrl-C (or one still pending from a moment signals were held)
    must not cut the exit short: the exit code stays 130, not death by SIGINT."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def interruptible(function):
    """Ctrl-C ends a command with one line and exit 130, never a traceback: also when a library
    caught the KeyboardInterrupt and raised something else in its place (see cardgen.stopping)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from cardgen.stopping import catch_interrupts, stopped

        catch_interrupts()
        try:
            return function(*args, **kwargs)
        except KeyboardInterrupt:
            ignore_further_interrupts()
            raise Interrupted("stopped; the earlier PDFs are as they were") from None
        except Exception:
            if not stopped():
                raise
            ignore_further_interrupts()
            raise Interrupted("stopped; the earlier PDFs are as they were") from None

    return wrapper


def strict_option(function):
    return click.option(
        "--strict", is_flag=True, help="Treat every warning (stale translations, a skipped edition, a deck set smaller) as an error: exit 1, for CI."
    )(function)


def warn(lines, strict: bool) -> None:
    for line in lines:
        click.echo(f"warning: {line}", err=True)
    if strict and lines:
        raise StrictFailure(f"{len(lines)} warning{'s' if len(lines) != 1 else ''} and --strict")


class StrictFailure(click.ClickException):
    exit_code = 1

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


def content_option(function):
    return click.option(
        "--content",
        type=FOLDER,
        default="content",
        show_default=True,
        help="The deck folder: deck.yaml, layout.yaml and one folder of texts per edition.",
    )(function)


def lang_option(function):
    return click.option(
        "--lang", metavar="CODE", help="Only this edition (a folder name such as nl); default: every edition found."
    )(function)


def check_lang(content: Path, lang: str | None, hint: str = "--lang") -> None:
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
