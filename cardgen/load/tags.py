"""Edition codes: the name of an edition's folder (nl, fr, de-BE, pt_BR), never a path.

A code comes from the command line, from deck.yaml and from the headers of PO files that others
send; it becomes a folder name under the deck folder, so it may hold nothing that leads
elsewhere ('/', '\\', '..', ':', a NUL byte) nor a name Windows reserves for a device.
"""

from __future__ import annotations

import re

from cardgen.units import UnitError

MAX_LENGTH = 35  # BCP 47 tags in use stay far below this; a longer code is not a language
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def edition_code(value: object) -> str:
    """`value` if it is an edition code; UnitError saying what was expected otherwise."""
    if (
        isinstance(value, str)
        and len(value) <= MAX_LENGTH
        and _CODE.fullmatch(value)
        and value.lower() not in _WINDOWS_DEVICES
    ):
        return value
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    raise UnitError(
        f"expected an edition code such as 'nl', 'fr' or 'de-BE' (letters, digits, '-' and '_', starting "
        f"with a letter, at most {MAX_LENGTH} characters), found {shown}; an edition code is a folder name, not a path"
    )
