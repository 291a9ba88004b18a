"""Writing an edition's files so that they change together or not at all, whatever happens.

Each edition is drawn into a private staging folder inside its own output folder (so that the
final renames never cross a file system), then swapped in: the old files are moved aside, the new
ones moved in, and any failure (a PDF open in a viewer on Windows, a read-only file) puts the old
ones back. A staging folder holds a lock for as long as its build runs; a later build removes the
folders whose lock is free, which is all that a build killed with kill -9 can leave behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from cardgen.errors import CardgenError, show_path

STAGING_PREFIX = ".cardgen-"
OWNER = "owner.lock"
ORPHAN_AGE = 60.0  # s: a staging folder without its lock file this old was never finished


class OutputError(CardgenError):
    """A file or folder of the output that cannot be written; the message says which and what to do."""


def why(exc: OSError) -> str:
    """An OSError in words for someone who does not know errno."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full; free some space"
    if exc.errno == errno.EROFS:
        return "the drive is read-only; choose another --out"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return "it is open in another program or read-only; close it in your PDF viewer (or make it writable)"
    if isinstance(exc, IsADirectoryError):
        return "a folder has that name; move or rename the folder"
    if isinstance(exc, NotADirectoryError):
        return "a file stands where a folder is needed; choose another --out"
    return exc.strerror or str(exc)


@contextmanager
def plain_errors(out: Path):
    """An OSError while writing (a full disk, a file system gone read-only) as a message."""
    try:
        yield
    except OSError as exc:
        where = show_path(Path(exc.filename)) if exc.filename else show_path(out)
        raise OutputError(f"{where}: cannot be written: {why(exc)}; the earlier PDFs are as they were") from None


def output_folder(path: Path) -> Path:
    """The --out folder, made if needed; a file in the way is a plain message, not a traceback."""
    if path.exists() and not path.is_dir():
        raise OutputError(f"{show_path(path)}: is a file, not a folder; choose another --out")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{show_path(path)}: cannot make this folder: {why(exc)}") from None
    return path


def edition_folder(out: Path, code: str) -> Path:
    folder = out / code
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise OutputError(f"{show_path(folder)}: is not a folder of its own; move it away so that cardgen can write the {code} edition")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{show_path(folder)}: cannot make this folder: {why(exc)}") from None
    return folder


class Staging:
    """A private folder beside an edition's files, locked while this build runs."""

    def __init__(self, folder: Path) -> None:
        try:
            self.path = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        except OSError as exc:
            raise OutputError(f"{show_path(folder)}: cannot write here: {why(exc)}") from None
        self._lock = FileLock(self.path / OWNER, timeout=0)
        self._lock.acquire()

    def remove(self) -> None:
        self._lock.release()
        shutil.rmtree(self.path, ignore_errors=True)


def sweep(out: Path) -> None:
    """Remove the staging folders that killed builds left behind in OUT and OUT/<edition>."""
    for folder in [*out.glob(f"{STAGING_PREFIX}*"), *out.glob(f"*/{STAGING_PREFIX}*")]:
        if folder.is_dir() and not folder.is_symlink() and _abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)


def _abandoned(folder: Path) -> bool:
    lock_file = folder / OWNER
    if not lock_file.exists():
        try:
            return time.time() - folder.stat().st_mtime > ORPHAN_AGE
        except OSError:
            return False
    lock = FileLock(lock_file, timeout=0)
    try:
        lock.acquire()
    except (Timeout, OSError):
        return False  # its build is still running
    lock.release()
    return True


@contextmanager
def exclusive(out: Path, say):
    """One build at a time swaps files into OUT: two builds into one folder leave one complete set.
    The lock lives in the user's cache folder, not among the PDFs a teacher sees."""
    from platformdirs import user_cache_dir

    key = hashlib.sha256(str(out.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    locks = Path(user_cache_dir("cardgen", appauthor=False)) / "locks"
    try:
        locks.mkdir(parents=True, exist_ok=True)
        lock = FileLock(locks / f"{key}.lock", timeout=0)
    except OSError:  # no cache folder: builds into one folder at once are then not kept apart
        yield
        return
    try:
        lock.acquire()
    except Timeout:
        say(f"another cardgen build is writing to {show_path(out)}; waiting for it to finish")
        lock.acquire(timeout=-1)
    try:
        yield
    finally:
        lock.release()


def replace_together(folder: Path, staged: list[Path], aside: Path, retired: tuple[str, ...] = ()) -> None:
    """Move the `staged` files into `folder` in place of those of the same names, and take away the
    files named in `retired` (outputs this build no longer makes); all of it or, on any failure,
    nothing: the old files are moved back and an OutputError names the file and what to do."""
    names = [f.name for f in staged] + [n for n in retired if n not in {f.name for f in staged}]
    moved: list[tuple[Path, Path]] = []  # (where it was, where it waits)
    placed: list[Path] = []
    current = folder
    try:
        for name in names:
            target = folder / name
            if target.is_dir() and not target.is_symlink():
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
            if target.exists() or target.is_symlink():
                current = target
                os.replace(target, aside / f"old-{name}")  # fails while a viewer on Windows holds it
                moved.append((target, aside / f"old-{name}"))
        for file in staged:
            current = folder / file.name
            os.replace(file, current)
            placed.append(current)
    except OSError as exc:
        failed = Path(exc.filename) if isinstance(exc, IsADirectoryError) else current
        restored = _undo(placed, moved)
        kept = "its earlier files are as they were" if restored else "some of its earlier files could not be put back"
        raise OutputError(
            f"{show_path(failed)}: cannot be replaced: {why(exc)}; then build again. "
            f"The {folder.name} edition was not changed: {kept}."
        ) from None


def _undo(placed: list[Path], moved: list[tuple[Path, Path]]) -> bool:
    ok = True
    for path in placed:
        try:
            path.unlink()
        except OSError:
            ok = False
    for original, waiting in reversed(moved):
        try:
            os.replace(waiting, original)
        except OSError:
            ok = False
    return ok


@dataclass(frozen=True)
class Written:
    edition: str
    files: tuple[Path, ...]
    pages: int


def swap_in(out: Path, staged, staging: dict[str, Path], say, retired: tuple[str, ...] = ()) -> list[Written]:
    """Each edition's staged (code, files, pages) replaced together, its old files moved aside into
    staging[code]; an edition that cannot be is reported after the others are in place, so one PDF
    open in a viewer costs only its own edition."""
    from cardgen.workers import signals_held

    written, failures = [], []
    with exclusive(out, say):
        for code, files, pages in staged:
            target = out / code
            try:
                with signals_held():  # Ctrl-C waits until the edition is whole, old or new
                    replace_together(target, list(files), staging[code], retired=retired)
            except OutputError as exc:
                failures.append(exc.message)
                continue
            written.append(Written(code, tuple(target / f.name for f in files), pages))
    if failures:
        raise BuildIncomplete(written, failures)
    return written


class BuildIncomplete(CardgenError):
    """Some editions were written, others could not replace their files."""

    def __init__(self, written: list[Written], failures: list[str]) -> None:
        self.written = written
        super().__init__(os.linesep.join(failures))
