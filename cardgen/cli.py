"""The command line: the `cardgen` group and the commands it gathers (cardgen/commands/)."""

from __future__ import annotations

import os
import sys

import click

from cardgen.commands.build import build, watch
from cardgen.commands.calibrate import calibrate
from cardgen.commands.check import check
from cardgen.commands.common import Interrupted, ignore_further_interrupts
from cardgen.commands.init import init
from cardgen.commands.preview import preview
from cardgen.commands.serve import serve
from cardgen.commands.sheet import sheet
from cardgen.commands.translate import translate


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


def run() -> None:
    """The `cardgen` command. A Ctrl-C that lands while the process ends (the work done, the
    exit code known) is ignored: at shutdown Python gives SIGINT back its default action, which
    would end the process by the signal (-2) instead of with its exit code.

    A stopped run (exit 130) leaves at once, its files flushed: CPython 3.11 marks the whole
    process to die by SIGINT at exit once a KeyboardInterrupt has passed through eval() (ReportLab
    evaluates colours), even when cardgen caught it and reported the stop."""
    try:
        main()
    except SystemExit as exc:
        if exc.code == Interrupted.exit_code:
            ignore_further_interrupts()
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
            os._exit(Interrupted.exit_code)
        raise
    finally:
        ignore_further_interrupts()


for command in (build, check, calibrate, translate, preview, watch, serve, init, sheet):
    main.add_command(command)
