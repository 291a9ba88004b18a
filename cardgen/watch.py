"""`cardgen watch`: build once, then again after every save in the deck folder, one line a build.

A save that breaks the deck prints its problems and writes nothing, so the PDFs open in a viewer
stay those of the last build that worked. Saves within a moment of each other (an editor writing
a temporary file and renaming it) make one build.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from watchfiles import Change, DefaultFilter

from cardgen.errors import CardgenError, ContentError, show_path
from cardgen.pdf.output import STAGING_PREFIX

STEP_MS = 150  # quiet this long after a change: the save is over
DEBOUNCE_MS = 1600  # at most this long gathering changes of one save
TEMPORARY_ENDS = ("~", ".tmp", ".temp", ".swp", ".swx", ".swo", ".bak", ".part", ".crdownload")
SHOWN = 3  # changed files named on a build's line; more are counted


class DeckFilter(DefaultFilter):
    """The deck's own files: not editors' temporary files (vim's .swp and 4913, emacs' .#name and
    #name#, gedit's .goutputstream-*, LibreOffice's .~lock.*), not a build's staging folders, and
    nothing inside the output folder when it lies within the deck folder."""

    def __init__(self, ignored: Path | None = None) -> None:
        super().__init__()
        self._ignored = str(ignored.resolve()) if ignored is not None else None

    def __call__(self, change: Change, path: str) -> bool:
        name = os.path.basename(path)
        if name.startswith((".", "#", "~")) or name.endswith(TEMPORARY_ENDS) or name == "4913":
            return False
        if STAGING_PREFIX in path:
            return False
        if self._ignored and (path == self._ignored or path.startswith(self._ignored + os.sep)):
            return False
        return super().__call__(change, path)


def describe(changes: set[tuple[Change, str]]) -> str:
    """'content/nl/texts.yaml changed', 'content/a.svg and 3 more changed'."""
    paths = sorted({show_path(path) for _, path in changes})
    named = ", ".join(paths[:SHOWN])
    more = f" and {len(paths) - SHOWN} more" if len(paths) > SHOWN else ""
    return f"{named}{more} changed"


class Watcher:
    """One build after another, each reported in one line (and its problems under it)."""

    def __init__(self, content: Path, out: Path, lang: str | None, strict: bool, settings: dict, echo: Callable[[str], None]) -> None:
        self.content, self.out, self.lang, self.strict, self.settings = content, out, lang, strict, settings
        self.echo = echo
        self._warnings: tuple[str, ...] = ()

    def run(self) -> None:
        """Build, then watch until Ctrl-C (KeyboardInterrupt, for the caller to report)."""
        from watchfiles import watch

        self.rebuild("first build")
        inside = self.out.resolve().is_relative_to(self.content.resolve())
        deck_filter = DeckFilter(self.out if inside else None)
        for changes in watch(self.content, watch_filter=deck_filter, debounce=DEBOUNCE_MS, step=STEP_MS):
            self.rebuild(describe(changes))

    def rebuild(self, why: str) -> bool:
        """Build the PDFs; on a mistake print it and keep the earlier PDFs. True when written."""
        from cardgen.build import build, prepare
        from cardgen.pdf.output import BuildIncomplete

        started = time.monotonic()
        stamp = time.strftime("%H:%M:%S")
        try:
            prepared = prepare(self.content, lang=self.lang, **self.settings)
            self._warn(prepared.skipped + prepared.warnings)
            if self.strict and prepared.skipped + prepared.warnings:
                self.echo(f"{stamp} {why}: not built, because of the warnings above and --strict; the earlier PDFs are kept")
                return False
            written = build(prepared, self.out, say=self.echo)
        except ContentError as exc:
            count = len(exc.problems)
            self.echo(f"{stamp} {why}: {count} problem{'s' if count != 1 else ''}, nothing written; the earlier PDFs are kept")
            for problem in exc.problems:
                self.echo(f"  {problem}")
            return False
        except BuildIncomplete as exc:  # the other editions were written
            editions = ", ".join(w.edition for w in exc.written) or "none"
            self.echo(f"{stamp} {why}: built {editions}; not written: {exc.format_message()}")
            return False
        except CardgenError as exc:  # a PDF open in a viewer, a full disk: the message says what to do
            self.echo(f"{stamp} {why}: not written: {exc.format_message()}")
            return False
        editions = ", ".join(w.edition for w in written)
        self.echo(f"{stamp} {why}: built {editions} into {show_path(self.out)} ({time.monotonic() - started:.1f} s)")
        return True

    def _warn(self, warnings: tuple[str, ...]) -> None:
        """A warning is printed when it first appears, not again on every save."""
        for line in warnings:
            if line not in self._warnings:
                self.echo(f"  warning: {line}")
        self._warnings = tuple(warnings)
