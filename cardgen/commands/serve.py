"""cardgen serve: the studio in the browser."""

from __future__ import annotations

from pathlib import Path

import click

from cardgen.commands.common import OUT, check_lang, content_option, interruptible


@click.command()
@content_option
@click.option("--lang", metavar="CODE", help="The edition the page opens with (default: the first).")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="The port on 127.0.0.1 (default 8765, or a free one when it is taken; 0 for any free one).")
@click.option("--out", type=OUT, default=None,
              help="Where the page's Build button writes OUT/<edition>/ (default: a temporary folder, not output/).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in the browser; only print its address.")
@interruptible
def serve(content: Path, lang: str | None, port: int | None, out: Path | None, no_browser: bool) -> None:
    """Open the deck in the browser: every card as it prints, edited as you type, saved into
    texts.yaml; changes made in other editors show up by themselves. Only this computer can reach it."""
    from cardgen.serve.run import serve as run_serve

    check_lang(content, lang)
    run_serve(content, lang, port, not no_browser, out)
