"""Load and validate a deck folder: its structure (deck.yaml) and every edition's texts."""

from __future__ import annotations

from pathlib import Path

from cardgen.edition import load_edition
from cardgen.errors import Problems
from cardgen.model import Deck
from cardgen.structure import load_structure

TEXTS_FILE = "texts.yaml"


def find_editions(folder: Path) -> list[str]:
    """Every sub-folder of the deck folder that holds a texts.yaml, in name order."""
    if not folder.is_dir():
        return []
    return sorted(p.parent.name for p in folder.glob(f"*/{TEXTS_FILE}"))


def load_deck(folder: Path, problems: Problems, only: str | None = None) -> Deck | None:
    """The whole deck, validated; None when anything is wrong (the problems say what)."""
    structure = load_structure(folder, problems)
    codes = [only] if only else find_editions(folder)
    if not codes:
        problems.add(
            folder, None, f"no edition found: expected a folder such as '{folder.name}/nl/' holding {TEXTS_FILE}"
        )
    editions = [load_edition(folder / code / TEXTS_FILE, structure, problems) for code in codes]
    if problems or structure is None:
        return None
    return Deck(folder=folder, structure=structure, editions=tuple(e for e in editions if e))
