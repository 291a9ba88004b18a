"""Small patches over a copy of a deck: one mistake per file, a few lines a case.

A `.patch` names the file it changes and how, one field a line:

    file: layout.yaml
    find: padding: 5mm
    replace: padding: .nan

`find:` and `replace:` change the first occurrence; `append:` adds a line at the end instead;
`encoding:` saves the changed file in another encoding (cp1252, as a Windows editor might).
A line that starts with `| ` continues the field above it on a new line (`|` alone: an empty
line), so a patch can add, drop or re-indent whole lines; an empty `replace:` deletes what was
found. Any other text is taken literally: a tab, a quote, a YAML escape such as `\\0`.
"""

from __future__ import annotations

from pathlib import Path


def read_patch(fixture: Path) -> dict[str, str]:
    fields: dict[str, str] = {}
    last = None
    for line in fixture.read_text(encoding="utf-8").splitlines():
        if line == "|" or line.startswith("| "):
            fields[last] += "\n" + line[2:]
        elif line:
            last, _, value = line.partition(":")
            fields[last] = value.removeprefix(" ")
    return fields


def apply_patch(deck: Path, fixture: Path) -> tuple[Path, int]:
    """Apply a .patch fixture to the deck folder; returns the file changed and the first line changed."""
    fields = read_patch(fixture)
    target = deck / fields["file"]
    text = target.read_text(encoding="utf-8")
    line = 1
    if "append" in fields:
        text = text.rstrip("\n") + "\n"
        line = text.count("\n") + 1
        text += fields["append"] + "\n"
    elif "find" in fields:
        assert fields["find"] in text, f"{fixture.name}: 'find' is not in {target}"
        line = text[: text.index(fields["find"])].count("\n") + 1
        text = text.replace(fields["find"], fields["replace"], 1)
    target.write_text(text, encoding=fields.get("encoding", "utf-8"))
    return target, line
