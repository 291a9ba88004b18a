"""cardgen translate: status, new editions, marks, PO files for translators."""

from __future__ import annotations

from pathlib import Path

import click

from cardgen.commands.common import SafePath, check_lang, content_option


@click.group()
def translate() -> None:
    """Work on translated editions: what is left to do, PO files for translators, new editions."""


@translate.command("status")
@content_option
def translate_status(content: Path) -> None:
    """List, per edition, the texts missing, untranslated, stale (their source changed since they
    were translated), unconfirmed, identical to the source, or no longer in the source.

    Exit 1 when any edition is incomplete, so that it can run in CI.
    """
    from cardgen.load.content import find_editions
    from cardgen.translate.status import source_edition, status

    source = source_edition(content)
    incomplete = False
    for code in find_editions(content):
        if code == source:
            continue
        st = status(content, code, source)
        incomplete |= not st.complete
        counts = [(len(st.missing), "missing"), (len(st.untranslated), "untranslated"), (len(st.stale), "stale"),
                  (len(st.unconfirmed), "unconfirmed"), (len(st.identical), "identical to the source"),
                  (len(st.obsolete), "no longer in the source")]  # fmt: skip
        summary = ", ".join(f"{n} {what}" for n, what in counts)
        click.echo(f"{code}: {st.total} texts from {source}; {summary}" + ("" if st.complete else "  INCOMPLETE"))
        texts = content / code / "texts.yaml"
        for key in st.missing:
            click.echo(f"  missing: {key}")
        for label, items, why in (
            ("untranslated", st.untranslated, "still marked [untranslated]"),
            ("stale", st.stale, f"the {source} text changed since it was translated"),
            ("unconfirmed", st.unconfirmed, f"no record of the {source} text it was made from; "
             f"after review: cardgen translate mark {code}"),
            ("identical", st.identical, f"the same as the {source} text"),
            ("obsolete", st.obsolete, f"no such text in {source} any more"),
        ):  # fmt: skip
            for key, line in items:
                click.echo(f"  {label}: {texts}:{line}: {key}: {why}")
    if incomplete:
        raise SystemExit(1)


@translate.command("mark")
@content_option
@click.argument("lang")
@click.argument("keys", nargs=-1)
def translate_mark(content: Path, lang: str, keys: tuple[str, ...]) -> None:
    """Record that the edition's texts (all, or the KEYS given) are up to date with the source."""
    from cardgen.translate.status import mark, source_edition

    check_lang(content, lang, "LANG")
    count = mark(content, lang, source_edition(content), list(keys) or None)
    click.echo(f"{lang}: {count} texts recorded as translations of the current source")


@translate.command("new")
@content_option
@click.argument("lang")
@click.option("--from", "source", metavar="CODE", default=None, help="The edition to start from (default: the source edition).")
@click.option("--language", metavar="TAG", default=None, help="The language tag, e.g. de-BE (default: LANG).")
def translate_new(content: Path, lang: str, source: str | None, language: str | None) -> None:
    """Start a new edition: every text of the source, marked [untranslated], in content/LANG/."""
    from cardgen.errors import show_path
    from cardgen.load.tags import edition_code
    from cardgen.translate.status import new_edition, source_edition
    from cardgen.units import UnitError

    try:
        edition_code(lang)
    except UnitError as exc:
        raise click.BadParameter(str(exc), param_hint="LANG") from None
    if source is None:
        source = source_edition(content)
    else:
        check_lang(content, source, "--from")
    path = new_edition(content, lang, source, language or lang)
    click.echo(f"{show_path(path)}: translate every text marked [untranslated]; 'cardgen translate status' shows what is left")


@translate.command("export")
@content_option
@click.option("--lang", "lang", metavar="CODE", required=True, help="The edition to export, e.g. fr.")
@click.option("-o", "--output", type=SafePath(dir_okay=False, path_type=Path), default=None,
              help="The PO file to write (default: LANG.po in the working folder).")
def translate_export(content: Path, lang: str, output: Path | None) -> None:
    """Write a PO file for a translator: every text with its source, the current translation,
    stale ones marked fuzzy, and a note on the room each text has on the card."""
    from cardgen.errors import show_path
    from cardgen.translate.po import export_po
    from cardgen.translate.status import source_edition

    check_lang(content, lang)
    source = source_edition(content)
    output = output or Path(f"{lang}.po")
    count = export_po(content, lang, source, output)
    click.echo(f"{show_path(output)}: {count} texts of the {lang} edition, from {source}")


@translate.command("import")
@content_option
@click.argument("file", type=SafePath(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", "lang", metavar="CODE", default=None, help="The edition (default: the one named in the PO file).")
def translate_import(content: Path, file: Path, lang: str | None) -> None:
    """Write a translated PO file back into the edition's texts.yaml and record which source
    text each translation was made from (entries still marked fuzzy stay stale). A file that is
    not well-formed, of another deck or in another charset than UTF-8 changes nothing."""
    from cardgen.translate.po import import_po

    check_lang(content, lang)
    imported = import_po(content, file, lang)
    for line in imported.ignored:
        click.echo(f"warning: {line}", err=True)
    changed = imported.changed
    click.echo(f"{imported.edition}: {len(changed)} texts changed" + (": " + ", ".join(changed) if changed else ""))
