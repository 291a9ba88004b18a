"""Read a YAML mapping key by key, converting values and collecting every problem with its line."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cardgen.errors import Problems
from cardgen.units import UnitError, parse_colour, parse_length, parse_size
from cardgen.load.yamlfile import Node, Nodes, load_yaml

MISSING = object()
MAX_TEXT = 10_000  # characters: a card holds a few hundred, a poster a few thousand


def text(value: object) -> str:
    if isinstance(value, bool):
        raise UnitError(f"expected text, found the yes/no value {str(value).lower()}; put the text in quotes")
    if isinstance(value, (int, float)):
        raise UnitError(f"expected text, found the number {value}; put it in quotes to print it as text")
    if not isinstance(value, str):
        raise UnitError(f"expected text, found {describe(value)}")
    if len(value) > MAX_TEXT:
        raise UnitError(f"a text of {len(value):,} characters; the most any text may have is {MAX_TEXT:,}: shorten it")
    # Spaces and single line breaks are the file's layout, not the text's; a line break the
    # author asked for (a blank line in a '>' block, any line of a '|' block) is kept as '\n'.
    cleaned = "\n".join(" ".join(line.split()) for line in value.strip().split("\n"))
    if not cleaned:
        raise UnitError("expected text, found an empty value")
    return cleaned


def identifier(value: object) -> str:
    result = text(value)
    if not all(c.isalnum() or c in "-_" for c in result):
        raise UnitError(f"expected an id of letters, digits, '-' or '_', found {result!r}")
    return result


def positive_number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < math.inf:
        raise UnitError(f"expected a positive number such as 1.2, found {describe(value)}")
    return float(value)


def flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise UnitError(f"expected true or false, found {describe(value)}")
    return value


def choice(*options: str) -> Callable[[object], str]:
    def convert(value: object) -> str:
        if value not in options:
            raise UnitError(f"expected one of {', '.join(options)}, found {describe(value)}")
        return value  # type: ignore[return-value]

    return convert


def length(value: object) -> float:
    return parse_length(value)


def nonnegative_length(value: object) -> float:
    result = parse_length(value)
    if result < 0:
        raise UnitError(f"expected a length of zero or more, found {value!r}")
    return result


def positive_length(value: object) -> float:
    result = parse_length(value)
    if result <= 0:
        raise UnitError(f"expected a length greater than zero, found {value!r}")
    return result


colour = parse_colour
size = parse_size


def describe(value: object) -> str:
    if value is None:
        return "nothing (an empty value; a '#' starts a comment, so a text that begins with '#' needs quotes)"
    if isinstance(value, Node):
        return "a mapping of keys"
    if isinstance(value, Nodes):
        return "a list"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, str):
        return repr(value)
    return f"{value!r}"


def read_file(path: Path, problems: Problems, root: Path) -> Reader | None:
    """A Reader over the top mapping of a YAML file in the deck folder `root`, or None (and a
    problem) when there is none. Its problems are the file's own scope: `if top.problems:` after
    reading means the file cannot be used."""
    node = load_yaml(path, problems, root=root)
    return None if node is None else Reader(node, "", problems.scope())


class Reader:
    """Takes keys from one mapping; whatever is not taken is reported as an unknown key."""

    def __init__(self, node: Node, where: str, problems: Problems, anchor: int | None = None) -> None:
        self.node = node
        self.where = where
        self.problems = problems
        self.anchor = anchor or node.line  # the line of the key that opens this mapping
        self.taken: set[str] = set()

    def key_path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def line_of(self, key: str) -> int:
        return self.node.line_of(key)

    def error(self, key: str, message: str) -> None:
        self.problems.add(self.node.path, self.line_of(key), self.key_path(key), message)

    def get(self, key: str, convert: Callable[[object], Any], default: Any = MISSING) -> Any:
        self.taken.add(key)
        if key not in self.node:
            if default is MISSING:
                self._missing(key, "key")
                return None
            return default
        try:
            return convert(self.node[key])
        except UnitError as exc:
            self.error(key, str(exc))
            return None

    def mapping(self, key: str, required: bool = True) -> Reader | None:
        self.taken.add(key)
        value = self.node.get(key)
        if key not in self.node:
            if required:
                self._missing(key, "section")
            return None
        if not isinstance(value, Node):
            self.error(key, f"expected a mapping of keys below it, found {describe(value)}")
            return None
        return Reader(value, self.key_path(key), self.problems, anchor=self.line_of(key))

    def sequence(self, key: str, required: bool = True) -> Nodes | None:
        self.taken.add(key)
        value = self.node.get(key)
        if key not in self.node:
            if required:
                self._missing(key, "list")
            return None
        if not isinstance(value, Nodes):
            self.error(key, f"expected a list ('- ' items), found {describe(value)}")
            return None
        return value

    def _missing(self, key: str, what: str) -> None:
        dotted = self.key_path(key)
        below = f" under '{self.where}:'" if self.where else ""
        self.problems.add(self.node.path, self.anchor, dotted, f"'{dotted}' is missing; add the {what} '{key}:'{below}", inline=True)

    def finish(self) -> None:
        """Report every key that nobody asked for: most often a typo."""
        known = sorted(self.taken)
        for key in self.node:
            if key not in self.taken:
                from difflib import get_close_matches  # only for a typo: a good file never pays for it

                close = get_close_matches(key, known, n=1, cutoff=0.6)
                hint = f"; expected one of: {', '.join(known)}" if known else ""
                if close:
                    hint = f"; did you mean '{close[0]}'?{hint.replace(';', ' (', 1) + ')' if hint else ''}"
                dotted = self.key_path(key)
                self.problems.add(self.node.path, self.node.line_of(key), dotted, f"unknown key '{dotted}'{hint}", inline=True)
