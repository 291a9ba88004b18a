"""cardgen sheet: every text of the deck in one spreadsheet, for editors and translators, and back."""

from __future__ import annotations

from pathlib import Path

import click

from cardgen.commands.common import SafePath, check_lang, content_option


@click.group()
def sheet() -> None:
    """Work on the texts in a spreadsheet: one row a text, one column an edition."""


@sheet.command("export")
@content_option
@click.option("--lang", "langs", metavar="CODE", multiple=True,
              help="An edition to include (again for more); default: every edition. The source is always the first.")
@click.option("-o", "--output", type=SafePath(dir_okay=False, path_type=Path), default=Path("texts.xlsx"), show_default=True,
              help="The sheet to write: .xlsx, or .csv (no colours).")
def sheet_export(content: Path, langs: tuple[str, ...], output: Path) -> None:
    """Write every text to a spreadsheet: a row per text (its key, where it prints, the room it
    has), a column per edition, the source first; missing and stale translations marked."""
    from cardgen.errors import show_path
    from cardgen.load.content import find_editions
    from cardgen.spreadsheet.export import export_sheet
    from cardgen.spreadsheet.rows import sheet_source

    for lang in langs:
        check_lang(content, lang)
    source = sheet_source(content)
    codes = list(dict.fromkeys(langs)) or find_editions(content)
    exported = export_sheet(content, source, codes, output)
    marks = "; ".join(f"{code}: {count} to look at" for code, count in exported.marked.items())
    click.echo(f"{show_path(output)}: {exported.rows} texts, editions {', '.join(exported.editions)}" + (f" ({marks})" if marks else ""))


@sheet.command("import")
@content_option
@click.argument("file", type=SafePath(exists=True, dir_okay=False, path_type=Path))
def sheet_import(content: Path, file: Path) -> None:
    """Write the cells changed in a sheet from 'cardgen sheet export' (saved as .xlsx, .ods or
    .csv) back into the editions' texts.yaml, after checking every one fits its card. A sheet
    with a mistake changes nothing."""
    from cardgen.spreadsheet.importing import import_sheet

    imported = import_sheet(content, file)
    for line in imported.ignored + imported.notes:
        click.echo(f"warning: {line}", err=True)
    if not imported.changed and not imported.confirmed:
        click.echo("no text changed")
    for code in sorted(set(imported.changed) | set(imported.confirmed)):
        keys = imported.changed.get(code, [])
        line = f"{code}: {len(keys)} text{'s' if len(keys) != 1 else ''} changed" + (": " + ", ".join(keys) if keys else "")
        if imported.confirmed.get(code):
            line += f"; {imported.confirmed[code]} recorded as reviewed"
        click.echo(line)
