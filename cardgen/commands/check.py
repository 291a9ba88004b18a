"""cardgen check: every mistake in the deck's files at once, or ready to build."""

from __future__ import annotations

from pathlib import Path

import click

from cardgen.commands.common import (
    check_lang,
    content_option,
    interruptible,
    lang_option,
    strict_option,
    warn,
)


@click.command()
@content_option
@lang_option
@strict_option
@interruptible
def check(content: Path, lang: str | None, strict: bool) -> None:
    """Check every content and layout file and list all mistakes at once, with file and line.

    Exit 0 when the deck is ready to print, 1 when something must be fixed (or, with --strict,
    when there is a warning).
    """
    from cardgen.build import prepare
    from cardgen.units import MM

    check_lang(content, lang)
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
    warn(prepared.skipped + prepared.warnings, strict)
    click.echo("All good: ready to build." if not prepared.skipped else "Ready to build the editions above.")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
