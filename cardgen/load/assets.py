"""Where files may come from: the deck's own folder, then cardgen's built-in assets, nowhere else."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from cardgen.units import UnitError

_PACKAGE = Path(__file__).resolve().parents[1]  # cardgen/


def builtin_assets() -> Path:
    """cardgen's own assets: inside the package when installed from a wheel, beside it in a checkout."""
    installed = _PACKAGE / "assets"
    return installed if installed.is_dir() else _PACKAGE.parent / "assets"


def resolve_asset(deck_folder: Path, name: str) -> Path:
    """A relative path from a content file -> an existing file inside the deck folder or the assets.

    A content file can never reach outside those two folders: absolute paths, '..' and links
    that lead out are refused.
    """
    if any(ord(c) < 32 for c in name):
        raise UnitError("expected a path inside the deck folder such as 'emoticons/blue.svg', found a name with "
                        "a control character (such as a NUL or a line break) in it; retype the name")
    relative = PurePosixPath(name.replace("\\", "/"))
    if relative.is_absolute() or ":" in name or ".." in relative.parts:
        raise UnitError(
            f"expected a path inside the deck folder such as 'emoticons/blue.svg', found {name!r}; "
            "absolute paths and '..' are not allowed"
        )
    roots = [deck_folder, builtin_assets()]
    for root in roots:
        path = root / relative
        if not os.path.lexists(path):
            continue
        candidate = path.resolve()
        if not candidate.is_relative_to(root.resolve()):
            raise UnitError(f"{name!r} leads outside the deck folder (through a link); copy the file into it")
        if not candidate.is_file():  # a folder or a pipe here must not fall back to cardgen's own file of that name
            raise UnitError(f"{name!r} is not a regular file (a folder, a pipe or a device); put the file itself there")
        return candidate
    raise UnitError(
        f"file {name!r} not found in the deck folder ({deck_folder}) nor in cardgen's assets "
        f"({roots[1]}); check the name or copy the file there"
    )
