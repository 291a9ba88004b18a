"""A file a user hands a command (a PO file, a spreadsheet), read safely: a regular file only (a
FIFO would block for ever), of bounded size, every failure a message naming the file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cardgen.errors import CardgenError, show_path


def read_limited(path: Path, limit: int, kind: str, give: str) -> bytes:
    """The bytes of `path`, at most `limit` of them; `kind` names such files ("PO file"), `give`
    what to give instead of a pipe or device ("the PO file the translator sent")."""
    try:
        # O_NONBLOCK: opening a FIFO returns at once, and fstat then says what it is
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise CardgenError(f"{show_path(path)}: cannot be read ({exc.strerror})") from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CardgenError(f"{show_path(path)}: not a regular file; give {give}")
        if info.st_size > limit:
            raise CardgenError(
                f"{show_path(path)}: {info.st_size / 1e6:.1f} MB, more than any deck's {kind} "
                f"(at most {limit / 1e6:.0f} MB); is it the right file?"
            )
        try:
            raw = stream.read(limit + 1)
        except OSError as exc:
            raise CardgenError(f"{show_path(path)}: cannot be read ({exc.strerror})") from None
    if len(raw) > limit:  # it grew after fstat
        raise CardgenError(f"{show_path(path)}: more than {limit / 1e6:.0f} MB, more than any deck's {kind}; is it the right file?")
    return raw
