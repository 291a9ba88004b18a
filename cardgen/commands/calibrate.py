"""cardgen calibrate: a two-sided sheet to measure a printer's duplex offset."""

from __future__ import annotations

from pathlib import Path

import click

from cardgen.commands.common import (
    OUT,
    check_lang,
    content_option,
    converted,
    interruptible,
    lang_option,
)


@click.command()
@content_option
@click.option("--out", type=OUT, default="output", show_default=True,
              help="Where to write OUT/<edition>/calibration.pdf.")
@lang_option
@click.option("--paper", metavar="NAME|WxH", callback=converted("parse_size"), help="The paper you print the cards on.")
@click.option("--flip", type=click.Choice(["long", "short"]), default=None, help="Your printer's duplex flip edge.")
@click.option("--card-size", metavar="NAME|WxH", callback=converted("parse_card_size"),
              help="The cards you print: the sheet is turned as their sheets are.")
@interruptible
def calibrate(content: Path, out: Path, lang: str | None, **settings) -> None:
    """Write a two-sided sheet that measures how far your printer shifts the backs.

    Print it double-sided, hold it against the light and read the offset off the scales; then
    build with --offset X,Y. It is printed upright or turned like the card sheets of this paper
    and card size, so that the reading holds for them. Its 100 mm ruler shows whether the printer
    scales the page.
    """
    from cardgen.build import calibrate as run_calibrate
    from cardgen.errors import show_path

    check_lang(content, lang)
    for path in run_calibrate(content, out, lang=lang, **settings):
        click.echo(f"{show_path(path)}: print it double-sided at actual size, then read the offset off the back")
