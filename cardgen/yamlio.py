"""Safe YAML that remembers line numbers and refuses duplicate keys.

Mappings load as `Node` dicts and sequences as `Nodes` lists; both carry the line of each
entry, so that validation can name the line of any key it complains about. Only `true`/`false`,
plain decimal numbers and `null` are read as anything but text: YAML 1.1's surprises
(`no` -> False, `012` -> 10, `1:30` -> 90) stay the text the translator typed.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from cardgen.errors import Problems


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


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Node:
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text", key_node.start_mark
            )
        key = str(key)
        if key in result:
            raise DuplicateKey(
                f"key '{key}' first given on line {result.key_lines[key]}",
                None,
                f"duplicate key '{key}': each key may appear once in a mapping; remove or rename one",
                key_node.start_mark,
            )
        result.key_lines[key] = key_node.start_mark.line + 1
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Nodes:
    result = Nodes(loader.construct_object(item, deep=True) for item in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [item.start_mark.line + 1 for item in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _stamp(value: object, path: Path) -> None:
    if isinstance(value, Node):
        value.path = path
        for item in value.values():
            _stamp(item, path)
    elif isinstance(value, Nodes):
        value.path = path
        for item in value:
            _stamp(item, path)


def load_yaml(path: Path, problems: Problems) -> Node | None:
    """Read one YAML file whose top level must be a mapping; report problems instead of raising."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.add(path, None, "file not found; it is needed to build the deck")
        return None
    except UnicodeDecodeError as exc:
        problems.add(path, None, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")
        return None
    except OSError as exc:
        problems.add(path, None, f"cannot be read: {exc.strerror}")
        return None
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if isinstance(exc, DuplicateKey):
            problems.add(path, line, f"{exc.problem} ({exc.context})")
            return None
        what = exc.problem or "not valid YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        problems.add(path, line, f"YAML syntax: {what}; check the indentation and quotes on this line")
        return None
    except yaml.YAMLError as exc:
        problems.add(path, None, f"YAML syntax: {exc}")
        return None
    if not isinstance(data, Node):
        problems.add(path, 1, "expected a mapping of 'key: value' lines at the top of the file")
        return None
    _stamp(data, path)
    return data
