"""User errors: every problem names its file and line; a run reports them all, then stops once."""

from __future__ import annotations

import os
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
    path: Path | None
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = show_path(self.path)
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"


class Problems:
    """Collects problems so that one run can report every mistake at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, path: Path | None, line: int | None, message: str) -> None:
        problem = Problem(path, line, message)
        if problem not in self.items:
            self.items.append(problem)

    def warn(self, path: Path | None, line: int | None, message: str) -> None:
        self.warnings.append(Problem(path, line, message))

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
