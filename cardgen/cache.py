"""cardgen's cache folder: results that are slow to make and fast to read back (SVG drawings,
hyphenation patterns), one sub-folder per kind, each bounded in entries and bytes.

Entries are named by a digest of everything they were made from, so a changed input is a new
entry and an old one is never wrong, only unused; the least recently used go first when a kind is
over its bounds. The folder is an optimisation: when it cannot be read or written (no home, a
read-only or full disk), every call here quietly does nothing and the caller makes the result again.
"""

from __future__ import annotations

import gc
import os
import pickle
import time
from pathlib import Path

FRESH = 60.0  # s: a temporary file younger than this may be another build's write in progress


def folder() -> Path:
    """$CARDGEN_CACHE_DIR if set, else the platform's cache folder: %LOCALAPPDATA%\\cardgen\\Cache
    on Windows, ~/Library/Caches/cardgen on macOS, $XDG_CACHE_HOME/cardgen or ~/.cache/cardgen elsewhere."""
    chosen = os.environ.get("CARDGEN_CACHE_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("cardgen", appauthor=False))


def digest(*parts: bytes | str) -> str:
    """A file name for an entry made from `parts`; each part is length-prefixed so that no two
    different lists of parts give the same name."""
    from hashlib import blake2b  # blake2 is built in: no OpenSSL to load

    h = blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def read(kind: str, key: str) -> bytes | None:
    """The entry's bytes, or None when there is none or it cannot be read."""
    path = folder() / kind / key
    try:
        data = path.read_bytes()
        os.utime(path)  # marks it used, so that pruning keeps it
    except OSError:
        return None
    return data


def write(kind: str, key: str, data: bytes, entries: int, size: int) -> None:
    """Store an entry whole (another build never reads half of one), then remove the least
    recently used entries of that kind until at most `entries` of at most `size` bytes remain."""
    import tempfile  # only here: most runs read the cache and never write it

    shelf = folder() / kind
    try:
        shelf.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=shelf, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, shelf / key)
        except BaseException:
            os.unlink(temporary)
            raise
        prune(shelf, entries, size)
    except OSError:
        pass  # no cache this time; the next run makes the result again


def read_object(kind: str, key: str, expected: type):
    """The object pickled in an entry, or None when there is none or it is broken (a truncated
    write, another program's file): the caller then makes it again and writes it over. Entries
    are unpickled as trusted: the folder is the user's own, like the code that reads it."""
    data = read(kind, key)
    if data is None:
        return None
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes tens of thousands of objects, none of them garbage: a third faster
    try:
        value = pickle.loads(data)
    except Exception:  # noqa: BLE001 - broken bytes make unpickling raise many kinds
        return None
    finally:
        if collecting:
            gc.enable()
    return value if isinstance(value, expected) else None


def write_object(kind: str, key: str, value: object, entries: int, size: int) -> None:
    write(kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), entries, size)


def prune(shelf: Path, entries: int, size: int) -> None:
    """Keep the most recently used entries within both bounds; remove the rest and stale temporaries."""
    now = time.time()
    found = []
    for entry in os.scandir(shelf):
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue  # removed by another build meanwhile
        if entry.name.endswith(".tmp"):
            if now - info.st_mtime > FRESH:
                _remove(entry.path)
            continue
        found.append((info.st_mtime, entry.name, info.st_size, entry.path))
    found.sort(reverse=True)  # newest first; the name breaks ties so that every build agrees
    total = 0
    for count, (_, _, length, path) in enumerate(found, 1):
        total += length
        if count > entries or total > size:
            _remove(path)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # already gone, or locked on Windows: the next prune tries again
