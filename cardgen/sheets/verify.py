"""Check texts from a sheet the way `cardgen check` would, before any file of the deck is written.

The deck folder is copied to a temporary folder, the new texts files put in, and the edition
planned there (fitting every card, checking every character against its font). A text an
edition has not translated yet is checked with the source text in its place, so that a sheet
that translates half an edition is checked for the half it brings. The problems found about a
text from the sheet are returned with that text's key; the deck itself is never touched.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from cardgen.errors import CardgenError, ContentError, Problem


def problems_of(folder: Path, code: str, texts: str, keys: set[str]) -> list[tuple[str, Problem]]:
    """(key, problem) for each problem of the edition `code` (texts.yaml as `texts`) about one of `keys`."""
    from cardgen.build import prepare

    with tempfile.TemporaryDirectory(prefix="cardgen-sheet-") as temporary:
        copy = Path(temporary) / folder.resolve().name
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(".*", "*.pdf", "*.png", "*.xlsx", "*.ods", "*.csv"))
        (copy / code / "texts.yaml").write_text(texts, encoding="utf-8", newline="\n")
        try:
            prepare(copy, lang=code)
        except ContentError as exc:
            return [(key, problem) for problem in exc.problems if (key := _key_of(problem, keys)) is not None]
        except CardgenError:
            return []  # the deck's own trouble (its layout, its structure): 'cardgen check' tells
    return []


def _key_of(problem: Problem, keys: set[str]) -> str | None:
    if problem.key in keys:
        return problem.key
    below = sorted(k for k in keys if problem.key and k.startswith(problem.key + "."))
    return below[0] if below else None


def with_sources_in(data, src: dict, own: dict, untranslated: str):
    """`data` (ruamel, already holding the sheet's texts) with the source text put in for every
    text the edition lacks or has not translated: for checking only, never written."""
    from cardgen.sheets.importing import locate

    for key, (text, _) in src.items():
        parent, last = locate(data, key, Path("texts.yaml"))
        value = parent.get(last)
        if value is None or str(value).lstrip().startswith(untranslated):
            parent[last] = text
    return data
