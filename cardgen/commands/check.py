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
@click.option("--layout", "show_layout", is_flag=True,
              help="Show the layout in force (the deck's layout.yaml over cardgen's defaults), then check.")
@interruptible
def check(content: Path, lang: str | None, strict: bool, show_layout: bool) -> None:
    """Check every content and layout file and list all mistakes at once, with file and line.

    Exit 0 when the deck is ready to print, 1 when something must be fixed (or, with --strict,
    when there is a warning).
    """
    from cardgen.build import prepare
    from cardgen.units import MM

    if show_layout:
        _show_layout(content)
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


def _show_layout(content: Path) -> None:
    from cardgen.errors import Problems
    from cardgen.load.defaults import listing
    from cardgen.load.layout import LAYOUT_FILE, layout_reader

    problems = Problems()
    reader = layout_reader(content, problems)
    problems.raise_if_any()
    written = "" if (content / LAYOUT_FILE).exists() else " (the deck has none: every value is cardgen's default)"
    click.echo(f"# The layout in force for {content / LAYOUT_FILE}{written}; '# default' marks cardgen's own values.")
    for line in listing(reader.node):
        click.echo(line)
    click.echo()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
