"""pyphen's dictionaries, loaded fast: parsing a pattern file costs ~100 ms a run (Dutch has 16,000
patterns), reading them back from a pickle in cardgen's cache folder ~5 ms. An entry is named by
the dictionary file's content and pyphen's version, so an edited or upgraded dictionary is parsed
again, and the folder stays bounded (cardgen.cache). Anything wrong with the cache (no cache folder,
a read-only home, a broken entry, an unexpected pyphen) falls back to pyphen's own loading."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyphen

from cardgen import cache

LEFT = RIGHT = 3  # no fewer than three letters before or after a break (Dutch practice: not 'o-' or '-en')
KIND = "hyphenation"
FORMAT = "2"  # the layout of an entry: raise it when that changes
ENTRIES, SIZE = 16, 32_000_000  # a few languages for a few pyphen versions; German is 1.5 MB


def patterns_for(language: str) -> str | None:
    """The pyphen dictionary a BCP 47 tag is hyphenated with (nl-BE -> nl_NL), or None: no hyphenation."""
    return pyphen.language_fallback(language.replace("-", "_"))


@lru_cache(maxsize=None)
def dictionary(language: str) -> pyphen.Pyphen | None:
    """The hyphenator for a BCP 47 tag, or None when pyphen has none."""
    tag = patterns_for(language)
    if not tag:
        return None
    path = Path(pyphen.LANGUAGES[tag])
    try:
        return _from_cache(path)
    except Exception:  # noqa: BLE001 - a cache is an optimisation; pyphen itself is the truth
        return pyphen.Pyphen(filename=path, left=LEFT, right=RIGHT)


def _from_cache(path: Path) -> pyphen.Pyphen:
    key = cache.digest(FORMAT, pyphen.VERSION, path.read_bytes())
    entry = cache.read_object(KIND, key, tuple)
    if entry and len(entry) == 2 and isinstance(entry[0], dict):
        patterns, maxlen = entry
    else:
        patterns = pyphen.HyphDict(path).patterns
        if any(type(v) is not int for _, values in patterns.values() for v in values):
            raise ValueError("patterns with alternatives are pyphen objects: not cached")
        maxlen = max(len(k) for k in patterns)
        cache.write_object(KIND, key, (patterns, maxlen), ENTRIES, SIZE)
        _remove_json_caches()
    hyph = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hyph.patterns, hyph.cache, hyph.maxlen = patterns, {}, maxlen
    result = pyphen.Pyphen.__new__(pyphen.Pyphen)
    result.left, result.right, result.hd = LEFT, RIGHT, hyph
    return result


def _remove_json_caches() -> None:
    """Earlier cardgens wrote one JSON file per dictionary and modification time, and never removed one."""
    try:
        for old in cache.folder().glob("*-hyph_*.json"):
            old.unlink(missing_ok=True)
    except OSError:
        pass
