"""The bilingual deck asked for (output.bilingual in layout.yaml, or --bilingual): two editions
whose texts share every card, checked at the door: two different editions the deck folder has."""

from __future__ import annotations

from pathlib import Path

from cardgen.load.tags import edition_code
from cardgen.units import UnitError


def parse_pair(value: object) -> tuple[str, str]:
    """`nl,fr` or the list [nl, fr]: the first edition, then the one set apart below it."""
    if isinstance(value, str):
        parts = [p.strip() for p in value.split(",")]
    elif isinstance(value, (list, tuple)):
        parts = list(value)
    else:
        raise UnitError(f"expected two edition codes such as [nl, fr], found {value!r}")
    if len(parts) != 2:
        raise UnitError(f"expected two edition codes such as nl,fr (in layout.yaml [nl, fr]): the first, then the second; found {len(parts)}")
    first, second = (edition_code(p) for p in parts)
    if first == second:
        raise UnitError(f"expected two different editions, found '{first}' twice")
    return first, second


def missing_editions(pair: tuple[str, str], folder: Path) -> str | None:
    """What is wrong when the deck folder lacks one of the pair's editions; None when it has both."""
    from cardgen.load.content import find_editions

    found = find_editions(folder)
    lacking = [code for code in pair if code not in found]
    if not lacking:
        return None
    return (f"no edition '{lacking[0]}' in {folder} (found: {', '.join(found) or 'none'}); "
            "name two editions of the deck, such as [nl, fr]")  # fmt: skip


def code_of(pair: tuple[str, str]) -> str:
    """The bilingual deck's folder under OUT: nl-fr."""
    return f"{pair[0]}-{pair[1]}"
