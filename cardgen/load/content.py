"""Load and validate a deck folder: its structure (deck.yaml) and the texts of every edition that
can be built. A translation that is not finished (texts still untranslated or missing) is skipped,
not an error, so that one half-done edition never stops the others from printing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cardgen.load.texts import load_edition
from cardgen.errors import CardgenError, ContentError, Problems
from cardgen.model import Deck, Structure
from cardgen.load.deck import load_structure

TEXTS_FILE = "texts.yaml"
SHOWN = 5  # stale keys named in a warning; 'cardgen translate status' lists them all


def find_editions(folder: Path) -> list[str]:
    """Every sub-folder of the deck folder that holds a texts.yaml, in name order."""
    if not folder.is_dir():
        return []
    return sorted(p.parent.name for p in folder.glob(f"*/{TEXTS_FILE}"))


@dataclass(frozen=True)
class Skipped:
    """A translation left out of the build because it is not finished."""

    code: str
    untranslated: int
    missing: int

    def __str__(self) -> str:
        parts = [f"{self.untranslated} not translated yet"] if self.untranslated else []
        parts += [f"{self.missing} missing"] if self.missing else []
        return f"{self.code}: skipped, the translation is not finished ({', '.join(parts)}); 'cardgen translate status' lists them"


@dataclass(frozen=True)
class Translations:
    """What the build should know of the translated editions it builds."""

    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()  # stale or unconfirmed translations, built all the same


def load_deck(
    folder: Path, problems: Problems, only: str | None = None
) -> tuple[Deck | None, Translations]:
    """The deck with every edition that can be built, validated; None when anything is wrong (the
    problems say what). Unfinished translations are skipped unless `only` names one of them."""
    structure = load_structure(folder, problems)
    codes = [only] if only else find_editions(folder)
    if not codes:
        problems.add(
            folder, None, None, f"no edition found: expected a folder such as '{folder.name}/nl/' holding {TEXTS_FILE}"
        )
    translations = Translations()
    if structure is not None:
        translations = _translations(folder, structure, codes, explicit=only is not None, problems=problems)
        skipped = {s.code for s in translations.skipped}
        codes = [code for code in codes if code not in skipped]
    editions = [load_edition(folder / code / TEXTS_FILE, structure, problems) for code in codes]
    if problems or structure is None:
        return None, translations
    if not editions:
        problems.add(folder, None, None, "no edition is ready to build: " + "; ".join(str(s) for s in translations.skipped))
        return None, translations
    return Deck(folder=folder, structure=structure, editions=tuple(e for e in editions if e)), translations


def _translations(folder: Path, structure: Structure, codes: list[str], explicit: bool, problems: Problems) -> Translations:
    """Skip the unfinished translations (an edition asked for by name is loaded, so that its
    problems are listed one by one) and collect warnings on stale ones."""
    source = structure.source_edition
    if source is None:
        return Translations()
    if not (folder / source / TEXTS_FILE).is_file():
        problems.add(
            structure.path, structure.source_line, "source_edition",
            f"names the edition '{source}', but {source}/{TEXTS_FILE} is not in the deck folder; "
            f"restore it, or name the edition the translations are made from",
        )  # fmt: skip
        return Translations()
    skipped, warnings = [], []
    for code in codes:
        if code == source:
            continue
        from cardgen.translate.status import status  # only when there is a translation to compare

        try:
            st = status(folder, code, source)
        except ContentError as exc:  # texts.yaml's problems are listed when the edition loads
            problems.extend(p for p in exc.problems if p.path is None or p.path.name != TEXTS_FILE)
            continue
        except CardgenError:
            continue  # its texts do not load: loading the edition reports why, line by line
        if (st.untranslated or st.missing) and not explicit:
            skipped.append(Skipped(code, len(st.untranslated), len(st.missing)))
            continue
        if st.stale:
            keys = ", ".join(f"{key} (line {line})" for key, line in st.stale[:SHOWN])
            keys += f" and {len(st.stale) - SHOWN} more" if len(st.stale) > SHOWN else ""
            warnings.append(
                f"{code}: {_texts(len(st.stale))} stale, built all the same (the {source} text changed since it was "
                f"translated): {keys}; update the translation, then 'cardgen translate mark {code}'"
            )
        if st.unconfirmed:
            warnings.append(
                f"{code}: {_texts(len(st.unconfirmed))} with no record of the {source} text translated; after a "
                f"review: 'cardgen translate mark {code}'"
            )
    return Translations(tuple(skipped), tuple(warnings))


def _texts(count: int) -> str:
    return f"{count} text{'s' if count != 1 else ''}"
