"""A content file's YAML events in, refused when no content file needs them, or built into `Node`
and `Nodes` (mappings and sequences with the line of each entry) in the same single pass.

PyYAML's own way, `yaml.load`, first composes a tree of nodes with two marks each, then builds
the values from it: for a 10,000-card texts file that tree is 45 MiB at once, more than the
whole rest of a build holds at that moment. Here each event is looked at once, for the safety
checks and for its value, and nothing but the values is kept. A file with anything unusual
(an explicit tag, a key that is not plain text, a key given twice, two documents) is left to
`yaml.load`, which builds or words it exactly as before (`Unusual`).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

MAX_DEPTH = 20  # content files nest four deep; a deeper file is a mistake or an attack
MAX_NUMBER = 50  # digits: a longer number is no length, size or leading anyone means

TEXT = "tag:yaml.org,2002:str"  # a scalar read as the text it is
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_KEYS = (str, int, float, bool)


class Node(dict):
    """A mapping from a YAML file, with the line of the mapping and of each key (1-based)."""

    path: Path
    line: int
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Nodes(list):
    """A sequence from a YAML file, with the line of the sequence and of each item (1-based)."""

    path: Path
    line: int
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class Refused(Exception):
    """A file that is readable YAML but not a content file: (line, message)."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line


class Unusual(Exception):
    """What build() leaves to yaml.load: its result or its message is yaml.load's to give."""


def scan(text: str, loader: type) -> None:
    """Refuse, before anything is built from them, what no content file needs: anchors and aliases
    (a few lines of them can expand to gigabytes), deep nesting and endless numbers."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        kind = type(event)  # one look per event: a 10,000-card file has 130,000 of them
        if kind is yaml.ScalarEvent:
            if event.anchor is None and (event.style or len(event.value) <= MAX_NUMBER):
                continue
        elif kind in _CLOSES:
            depth -= 1
            continue
        elif kind in _OPENS:
            depth += 1
            if depth <= MAX_DEPTH and event.anchor is None:
                continue
        elif kind is not yaml.AliasEvent:
            continue
        refuse(event, depth)


def refuse(event: yaml.Event, depth: int) -> None:
    """Raise Refused for the event a scan stopped at, if it is one to refuse."""
    line = event.start_mark.line + 1
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
        raise Refused(line, f"YAML anchors and aliases ('&' and '*') are not allowed in content files; write "
                      f"the value out, or put a text that begins with '{sign}' in quotes")
    if depth > MAX_DEPTH:
        raise Refused(line, f"nested more than {MAX_DEPTH} levels deep; content files need far fewer")
    plain_long = isinstance(event, yaml.ScalarEvent) and not event.style and len(event.value) > MAX_NUMBER
    if plain_long and re.fullmatch(r"[-+]?[0-9][0-9.eE+-]*", event.value):
        raise Refused(line, f"a number of {len(event.value)} digits; no value in a content file needs "
                      f"more than {MAX_NUMBER}")


def build(text: str, loader_class: type) -> object:
    """scan(text) and yaml.load(text) in one pass: the same refusals at the same events, and the
    same values (with their lines) for a file that is not Unusual."""
    loader = loader_class(text)
    try:
        return _build(loader)
    finally:
        loader.dispose()


def _build(loader) -> object:
    # the containers being filled, innermost last; for a mapping, its key waiting for a value
    # (a key is a string, number or yes/no, never a container: that is Unusual)
    stack: list[list] = []
    depth, documents, result = 0, 0, None
    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or (not event.style and len(event.value) > MAX_NUMBER):
                refuse(event, depth)  # a long plain text that is no number is let through
            if event.tag is not None and event.tag != "!":
                raise Unusual
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            if tag == TEXT:
                value = event.value
            else:  # true/false, a number, null: PyYAML's own constructors
                value = loader.construct_object(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))
        elif kind in _OPENS:
            depth += 1
            if depth > MAX_DEPTH or event.anchor is not None:
                refuse(event, depth)
            if event.tag is not None and event.tag != "!":
                raise Unusual
            container = Node() if kind is yaml.MappingStartEvent else Nodes()
            container.line = event.start_mark.line + 1
            if kind is yaml.MappingStartEvent:
                container.key_lines = {}
            else:
                container.item_lines = []
            stack.append([container, None, None])
            continue
        elif kind in _CLOSES:
            depth -= 1
            value = stack.pop()[0]
        elif kind is yaml.AliasEvent:
            refuse(event, depth)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Unusual  # yaml.load's "expected a single document in the stream"
            continue
        elif kind is yaml.StreamEndEvent:
            return result
        else:  # stream start, document end
            continue
        line = value.line if kind in _CLOSES else event.start_mark.line + 1  # a container's: where it opened
        if not stack:
            result = value
            continue
        top = stack[-1]
        container = top[0]
        if type(container) is Nodes:
            container.append(value)
            container.item_lines.append(line)
        elif top[1] is None:  # a key
            if type(value) not in _KEYS:
                raise Unusual  # a container or null as a key: "a key must be plain text"
            key = str(value)
            if key in container:
                raise Unusual  # "duplicate key ..."
            top[1], top[2] = key, line
        else:
            container.key_lines[top[1]] = top[2]
            container[top[1]] = value
            top[1] = None
