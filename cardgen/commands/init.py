"""cardgen init: a new deck folder that builds at once, an example or the cards of a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import click

from cardgen.commands.common import SafePath


@click.command()
@click.argument("folder", type=SafePath(file_okay=False, path_type=Path))
@click.option("--language", metavar="TAG", default=None,
              help="The edition's language, e.g. nl-BE, fr, de, en-GB (default: the sheet's header language, else en).")
@click.option("--from", "sheet", type=SafePath(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A spreadsheet (.xlsx, .ods or .csv) with a row per card: its category, title and description.")
@click.option("--title", default=None, help="The deck's title (default: from the sheet's or the folder's name).")
@click.option("--sheet-name", default=None, metavar="NAME", help="The sheet to read in a workbook (default: the first).")
@click.option("--category-column", metavar="COL", default=None, help="The category's column: a letter (B) or its header.")
@click.option("--title-column", metavar="COL", default=None, help="The title's column: a letter (A) or its header.")
@click.option("--description-column", metavar="COL", default=None, help="The description's column: a letter (C) or its header.")
def init(folder: Path, language: str | None, sheet: Path | None, title: str | None, sheet_name: str | None,
         category_column: str | None, title_column: str | None, description_column: str | None) -> None:  # fmt: skip
    """Make a new deck in FOLDER (new or empty) that builds at once: an example deck with three
    categories and a few cards showing the markup, or, with --from, the cards of a spreadsheet
    (header names in English, Dutch, French or German are recognised)."""
    from cardgen.errors import show_path
    from cardgen.newdeck.make import language_parts, new_deck

    if language is not None:
        language_parts(language)  # a wrong tag is refused before the sheet is read
    cards = None
    if sheet is not None:
        from cardgen.spreadsheet.cards import read_cards
        from cardgen.spreadsheet.grid import read_grid

        grid = read_grid(sheet, sheet_name)
        given = {"category": category_column, "title": title_column, "description": description_column}
        cards = read_cards(grid, given)
        language = language or cards.language or "en"
    made = new_deck(folder, language or "en", cards, title=title, source_name=sheet.name if sheet else None)
    where = show_path(folder)
    what = f"from {show_path(sheet)} (header in row {cards.header_row})" if cards else "an example deck"
    click.echo(f"{where}: a new deck, {what}, in {made.language} ({made.edition}/texts.yaml)")
    for category in made.categories:
        shown = f" ({category.label!r})" if category.label else ""
        click.echo(f"  category {category.id}{shown}: {category.cards} card{'s' if category.cards != 1 else ''}, {category.colour}, {category.icon}")
    click.echo(f"  {made.cards} cards; deck.yaml, layout.yaml, README.md")
    for note in made.notes:
        click.echo(f"note: {note}")
    click.echo(f"Change first: author and site in {show_path(folder / 'deck.yaml')}. "
               f"Build it: cardgen build --content {where}")  # fmt: skip
