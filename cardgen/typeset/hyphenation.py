"""pyphen's dictionaries, loaded fast: parsing a pattern file costs ~100 ms a run (Dutch has 16,000
patterns), reading them back from a JSON cache ~15 ms. The cache lives in the user's cache folder,
keyed by pyphen's version and the dictionary file; anything wrong with it (no cache folder, a
read-only home, an unexpected pyphen) falls back to pyphen's own loading."""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import pyphen

LEFT = RIGHT = 3  # no fewer than three letters before or after a break (Dutch practice: not 'o-' or '-en')


def cache_folder() -> Path:
    """The platform's cache folder: %LOCALAPPDATA%\\cardgen\\Cache on Windows, ~/Library/Caches on
    macOS, $XDG_CACHE_HOME or ~/.cache elsewhere."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("cardgen", appauthor=False))


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
    stat = path.stat()
    key = f"{pyphen.VERSION}-{path.stem}-{stat.st_size}-{int(stat.st_mtime)}.json"
    cached = cache_folder() / key
    if cached.is_file():
        data = json.loads(cached.read_text(encoding="utf-8"))
        patterns = {k: (start, tuple(values)) for k, (start, values) in data["patterns"].items()}
    else:
        patterns = pyphen.HyphDict(path).patterns
        if any(not isinstance(v, int) for _, values in patterns.values() for v in values):
            raise ValueError("patterns with alternatives do not go into JSON")
        _write(cached, {"patterns": {k: [s, list(v)] for k, (s, v) in patterns.items()}})
    hyph = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hyph.patterns, hyph.cache, hyph.maxlen = patterns, {}, max(len(k) for k in patterns)
    result = pyphen.Pyphen.__new__(pyphen.Pyphen)
    result.left, result.right, result.hd = LEFT, RIGHT, hyph
    return result


def _write(path: Path, data: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(temporary, path)
    except OSError:
        pass  # no cache this time; the next run parses again
