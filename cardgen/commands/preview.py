"""cardgen preview: a picture of every face and a contact sheet, for review."""

from __future__ import annotations

from pathlib import Path

import click

from cardgen.commands.common import (
    OUT,
    check_lang,
    content_option,
    interruptible,
    lang_option,
    warn,
)


@click.command()
@content_option
@click.option("--out", type=OUT, default="output", show_default=True,
              help="Where to write the pictures: OUT/<edition>/preview/, beside that edition's PDFs.")
@lang_option
@click.option("--dpi", type=click.IntRange(30, 600), default=150, show_default=True,
              help="Resolution of the card and poster pictures (30 to 600); the contact sheet is drawn at half of it.")
@interruptible
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

    check_lang(content, lang)
    prepared = prepare(content, lang=lang)
    warn(prepared.skipped + prepared.warnings, strict=False)
    for code, folder, count in write_previews(prepared, out, dpi, say=lambda message: click.echo(message, err=True)):
        click.echo(f"{code}: {count} files in {show_path(folder)}: every face, the poster, and contact-sheet.png with every card at a glance")
