"""Read a PO file that someone sent: refused whole, with its line, unless it is well-formed.

polib is lenient: it reads a missing closing quote as the end of the text ("Stufenplan" becomes
"Stufenpla"), takes any charset header at its word and reads from any file. So the bytes are
checked here first (a regular file, bounded, UTF-8, every line a comment, a keyword with one
quoted string, or a quoted string continuing it, in gettext's order); only then does polib parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polib

from cardgen.userfile import read_limited
from cardgen.errors import CardgenError, show_path

NEWLINE = b"\n"
MAX_BYTES = 2_000_000  # a deck's PO file is some 50 kB; more is another file or an attack
_STRING = r'"(?:[^"\\]|\\["\\ntrvbf])*"'
_KEYWORD = re.compile(rf"(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]+({_STRING})?(.*)")
_CONTINUED = re.compile(rf"({_STRING})?(.*)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")  # polib splits lines at some of these
_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([^"\\\s;]*)', re.MULTILINE)
# Which keyword may follow which: an entry is [msgctxt] msgid [msgid_plural] msgstr | msgstr[n]...
_AFTER = {
    "msgctxt": {None, "msgstr", "msgstr[]"},
    "msgid": {None, "msgctxt", "msgstr", "msgstr[]"},
    "msgid_plural": {"msgid"},
    "msgstr": {"msgid"},
    "msgstr[]": {"msgid_plural", "msgstr[]"},
}


@dataclass(frozen=True)
class PoText:
    path: Path
    text: str
    po: polib.POFile

    def header_line(self, name: str) -> int:
        """The line of a header field such as 'X-Cardgen-Edition' (1 when it is not there)."""
        match = re.search(rf'^"{re.escape(name)}:', self.text, re.MULTILINE)
        return self.text.count("\n", 0, match.start()) + 1 if match else 1


def read_po(path: Path) -> PoText:
    text = _decoded(path, _bytes(path))
    problems = _syntax(text)
    if problems:
        shown = [f"{show_path(path)}:{line}: {message}" for line, message in problems[:10]]
        more = [f"... and {len(problems) - 10} more"] if len(problems) > 10 else []
        raise CardgenError("\n".join([*shown, *more, "not a well-formed PO file; nothing was imported"]))
    try:
        po = polib.pofile(text if "\n" in text else text + "\n", encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as exc:  # the checks above should leave polib nothing to refuse
        raise CardgenError(f"{show_path(path)}: not a PO file that can be read ({exc})") from None
    return PoText(path, text, po)


def _bytes(path: Path) -> bytes:
    return read_limited(path, MAX_BYTES, "PO file", "the PO file the translator sent")


def _decoded(path: Path, raw: bytes) -> str:
    """UTF-8 only. A PO file in another charset is refused rather than decoded: a header that
    says ISO-8859-1 above a UTF-8 body (an editor that changed one but not the other) is the
    common case, and guessing which of the two is wrong would garble texts silently."""
    declared = _CHARSET.search(raw)
    charset = declared.group(1).decode("ascii", "replace") if declared else None
    header = f"line {raw.count(NEWLINE, 0, declared.start()) + 1} says charset={charset}" if declared else ""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(NEWLINE, 0, exc.start) + 1
        says = f" ({header})" if header else ""
        raise CardgenError(
            f"{show_path(path)}:{line}: a character here is not UTF-8{says}; cardgen reads PO files in UTF-8 "
            "only: save the file as UTF-8 (and its header as charset=UTF-8), then import it again"
        ) from None
    if charset and charset.lower().replace("-", "").replace("_", "") not in ("utf8", "charset") and not text.isascii():
        first = next(i for i, line in enumerate(text.split("\n"), 1) if not line.isascii())
        raise CardgenError(
            f"{show_path(path)}: the header ({header}) does not match the texts, which are UTF-8 (from line "
            f"{first}); cardgen reads PO files in UTF-8 only: set the header to charset=UTF-8, check the texts "
            "with accents, then import it again"
        )
    return text


def _syntax(text: str) -> list[tuple[int, str]]:
    """(line, what is wrong) for every line that is not well-formed PO."""
    problems: list[tuple[int, str]] = []
    last, open_line = None, 0  # the last keyword of the entry being read, and its line
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r").strip()
        control = _CONTROL.search(line)
        if control:
            problems.append((number, f"a control character (U+{ord(control.group()):04X}) no text can hold; remove it"))
        if not line or line.startswith("#"):
            continue  # obsolete entries ('#~') are comments here: they are never imported
        keyword = _KEYWORD.fullmatch(line)
        if keyword:
            name = "msgstr[]" if keyword.group(1).startswith("msgstr[") else keyword.group(1)
            if last not in _AFTER[name]:
                problems.append((number, _out_of_order(keyword.group(1), last)))
            last, open_line = name, number
            string, rest = keyword.group(2), keyword.group(3)
        elif line.startswith('"'):
            if last is None:
                problems.append((number, "a quoted text outside any entry; it should follow a msgid or msgstr line"))
            string, rest = _CONTINUED.fullmatch(line).groups()
        else:
            problems.append((number, f"expected msgctxt, msgid, msgstr, a quoted text or a '#' comment, found {line[:40]!r}"))
            continue
        if string is None or rest.strip():
            problems.append((number, _bad_string(string, rest)))
    if last in ("msgctxt", "msgid", "msgid_plural"):
        problems.append((open_line, "this entry ends without its msgstr line; add msgstr \"\" after it"))
    return problems


def _out_of_order(keyword: str, last: str | None) -> str:
    if last in ("msgctxt", "msgid", "msgid_plural"):
        return f"'{keyword}' where the entry above still lacks its msgstr line"
    return f"'{keyword}' out of order: an entry is msgctxt (optional), msgid, then msgstr"


def _bad_string(string: str | None, rest: str) -> str:
    escape = re.search(r'\\[^"\\ntrvbf]', rest)
    if string is None and escape:
        return f"'{escape.group()}' is not an escape a PO text knows; write '\\\\' for a backslash"
    if string is None and rest.startswith('"'):
        return "a text without its closing quote (\"); end the line with a quote"
    if string is None:
        return "expected one text in double quotes (\"...\"), with '\\\"' for a quote and '\\\\' for a backslash inside it"
    return f"text after the closing quote ({rest.strip()[:40]!r}); a quote inside a text is written \\\""
