"""User errors: every problem names its file, line and key; a run reports them all, then stops once."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click


def show_path(path: Path | str) -> str:
    """A path as the user would type it: relative to the working folder when it lies below it."""
    path = Path(os.path.abspath(path))  # not resolved: a link is named as the user sees it, not where it leads
    try:
        return str(path.relative_to(Path(os.path.abspath(Path.cwd()))))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Problem:
    """One mistake: the file and line, the dotted key it is about ('card.styles.description.size';
    None when the file itself is the trouble, such as a YAML syntax error), and what is wrong.
    Printed `file:line: 'key': message` (`cards.xlsx:B7: ...` for a spreadsheet's cell); a message that names its key in its own words
    (`'deck' is missing`, `unknown key 'decks'`) says `inline` and is printed as written."""

    path: Path | None
    line: int | None
    key: str | None
    message: str
    inline: bool = False
    cell: str | None = None  # in a spreadsheet, the cell ('B7') instead of a line

    def __str__(self) -> str:
        text = f"'{self.key}': {self.message}" if self.key and not self.inline else self.message
        if self.path is None:
            return text
        where = show_path(self.path)
        if self.line is not None or self.cell is not None:
            where += f":{self.cell if self.cell is not None else self.line}"
        return f"{where}: {text}"


class Problems:
    """Collects problems so that one run can report every mistake at once."""

    def __init__(self, parent: Problems | None = None) -> None:
        self.items: list[Problem] = []
        self._parent = parent

    def scope(self) -> Problems:
        """A collector for one stage, such as reading one file: what it collects is reported here
        too, and it is true when that stage found a problem, so the stage can return None."""
        return Problems(self)

    def add(self, path: Path | None, line: int | None, key: str | None, message: str, *, inline: bool = False) -> None:
        self.extend([Problem(path, line, key, message, inline)])

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem not in self.items:
                self.items.append(problem)
            if self._parent is not None:
                self._parent.extend([problem])

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)


class CardgenError(click.ClickException):
    """A mistake the user can fix: printed without a traceback, exit code 1."""

    exit_code = 1

    def show(self, file=None) -> None:  # noqa: D102 - click's hook; plain text, no "Error:" noise
        click.echo(self.format_message(), err=True)


class ContentError(CardgenError):
    """One or more problems in content or layout files."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.")
        super().__init__(os.linesep.join(lines))
