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
from dataclasses import dataclass
from pathlib import Path

from cardgen.errors import CardgenError, ContentError, Problem


@dataclass(frozen=True)
class Verdict:
    problems: list[tuple[str, Problem]]  # (key, problem) about a text from the sheet
    shrinks: list[tuple[str, str]]  # (key, note) for a text that sets the whole deck smaller


def verify(folder: Path, code: str, texts: str, keys: set[str]) -> Verdict:
    """What planning the edition `code` (its texts.yaml as `texts`) says about the texts of `keys`."""
    from cardgen.build import prepare

    with tempfile.TemporaryDirectory(prefix="cardgen-sheet-") as temporary:
        copy = Path(temporary) / folder.resolve().name
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(".*", "*.pdf", "*.png", "*.xlsx", "*.ods", "*.csv"))
        (copy / code / "texts.yaml").write_text(texts, encoding="utf-8", newline="\n")
        try:
            prepared = prepare(copy, lang=code)
        except ContentError as exc:
            return Verdict([(key, problem) for problem in exc.problems if (key := _key_of(problem, keys)) is not None], [])
        except CardgenError:
            return Verdict([], [])  # the deck's own trouble (its layout, its structure): 'cardgen check' tells
    shrinks = []
    for plan in prepared.editions:
        shrink = plan.fit.shrink
        for card in shrink.cards if shrink else ():
            key = f"cards.{card.id}.description"
            if key in keys:
                shrinks.append((key, f"sets every description of the {code} edition at {shrink.size:g} pt instead of "
                                     f"{shrink.preferred:g} pt (card.fit: deck); shorten it to keep the deck at {shrink.preferred:g} pt"))  # fmt: skip
    return Verdict([], shrinks)


def _key_of(problem: Problem, keys: set[str]) -> str | None:
    if problem.key in keys:
        return problem.key
    below = sorted(k for k in keys if problem.key and k.startswith(problem.key + "."))
    return below[0] if below else None


def with_sources_in(data, src: dict, own: dict, untranslated: str):
    """`data` (ruamel, already holding the sheet's texts) with the source text put in for every
    text the edition lacks or has not translated: for checking only, never written."""
    from cardgen.spreadsheet.importing import locate

    for key, (text, _) in src.items():
        parent, last = locate(data, key, Path("texts.yaml"))
        value = parent.get(last)
        if value is None or str(value).lstrip().startswith(untranslated):
            parent[last] = text
    return data
