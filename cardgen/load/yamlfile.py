"""Safe YAML that remembers line numbers and refuses duplicate keys.

Mappings load as `Node` dicts and sequences as `Nodes` lists; both carry the line of each
entry, so that validation can name the line of any key it complains about. Only `true`/`false`,
plain decimal numbers and `null` are read as anything but text: YAML 1.1's surprises
(`no` -> False, `012` -> 10, `1:30` -> 90) stay the text the translator typed. A file is
checked and built in one pass over its parser's events (yamlevents.py); PyYAML's own composer
and constructors read what that pass leaves to them, and word the mistakes.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import yaml

from cardgen.errors import Problems
from cardgen.load.yamlevents import TEXT, Node, Nodes, Refused, Unusual, build, scan


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


def _construct(loader: _Loader, node: yaml.Node) -> object:
    """loader.construct_object(node, deep=True): a text is the node's own value, taken without the
    generic path (most nodes of a content file are texts; the scan let no alias through)."""
    if node.tag == TEXT and type(node) is yaml.ScalarNode:
        return node.value
    return loader.construct_object(node, deep=True)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Node:
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = _construct(loader, key_node)
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
        result[key] = _construct(loader, value_node)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Nodes:
    result = Nodes(_construct(loader, item) for item in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [item.start_mark.line + 1 for item in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

# libyaml's parser (in PyYAML's wheels) reads a content file several times faster than the
# pure-Python one, with the same resolvers and constructors. Its error wording and marks are
# poorer, so a file it rejects is read again by _Loader for the message.
if hasattr(yaml, "CSafeLoader"):

    class _FastLoader(yaml.CSafeLoader):
        pass

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _FastLoader.yaml_constructors = _Loader.yaml_constructors
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = _Loader


def _stamp(value: object, path: Path) -> None:
    if isinstance(value, Node):
        value.path = path
        for item in value.values():
            _stamp(item, path)
    elif isinstance(value, Nodes):
        value.path = path
        for item in value:
            _stamp(item, path)


# PyYAML's words for common mistakes, and what they mean to someone editing a text file.
_PLAIN = (
    ("found character '\\t' that cannot start any token", "a tab character: indent with spaces, never tabs"),
    ("mapping values are not allowed here", "a ':' where none may stand: a text that contains ': ' needs quotes "
     "around it, or the key on line {previous} lacks its ':'"),
    ("could not find expected ':'", "a line without 'key:' where one is expected, or a text line indented less than its key"),
    ("expected <block end>, but found", "this line's indentation does not line up with the lines above it"),
    ("expected ',' or '}'", "a '{' that is never closed with '}'"),
    ("expected ',' or ']'", "a '[' that is never closed with ']'"),
    ("found undefined alias", "a '*' starts an alias: put a text that begins with '*' in quotes"),
    ("found character '@' that cannot start any token", "a text that begins with '@' needs quotes"),
    ("found character '`' that cannot start any token", "a text that begins with '`' needs quotes"),
)


def _plain(exc: yaml.MarkedYAMLError) -> tuple[str, object]:
    """(message, mark): what went wrong in plain words, and where the user should look."""
    problem = exc.problem or "not valid YAML"
    for jargon, words in _PLAIN:
        if jargon in problem:
            message = words
            break
    else:
        message = f"{exc.context}, {problem}" if exc.context else problem
    mark = exc.problem_mark or exc.context_mark
    context = exc.context or ""
    # An unclosed bracket or a key without its colon is noticed lines later; PyYAML keeps the
    # place where the construct began, which is the line to fix.
    if exc.context_mark and ("flow" in context or "simple key" in context):
        mark = exc.context_mark
    if mark is not None:
        message = message.replace("{previous}", str(mark.line))
    return message, mark


MAX_BYTES = 5_000_000  # the shipped deck's largest file is 30 kB; more is not a content file


def _read(path: Path, root: Path | None) -> bytes:
    """The bytes of a regular file inside `root` (or its own folder), at most MAX_BYTES of them.
    Opened without blocking, so that a pipe in place of a file cannot hang the run."""
    if "\0" in str(path):
        raise Refused(None, "the path contains a NUL character; rename the file or folder")
    if not path.resolve().is_relative_to(Path(root or path.parent).resolve()):
        raise Refused(None, "leads outside the deck folder (through a link); cardgen reads only files inside "
                      "the deck folder: copy the file into it")
    if path.is_dir():  # Windows cannot open a folder at all
        raise Refused(None, "is a folder, not a file; a YAML file of this name is needed here")
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise Refused(None, "is not a regular file (a pipe, a socket or a device); put a YAML file here")
        raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise Refused(None, f"is larger than {MAX_BYTES // 1_000_000} MB, the most a content file may be; "
                      "is it the right file?")
    return raw


def _parse(text: str) -> object:
    try:
        try:
            return build(text, _FastLoader)
        except Unusual:  # PyYAML's own way, for its values or its wording
            scan(text, _FastLoader)
            return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - both loaders are safe loaders
    except yaml.YAMLError:
        scan(text, _Loader)
        return yaml.load(text, Loader=_Loader)  # noqa: S506


def load_yaml(path: Path, problems: Problems, *, root: Path | None = None, empty_ok: bool = False) -> Node | None:
    """Read one YAML file whose top level must be a mapping; report problems instead of raising.
    The file must lie inside `root` (by default its own folder) after following every link.
    With `empty_ok`, a file of only comments is an empty mapping."""
    try:
        raw = _read(path, root)
    except FileNotFoundError:
        problems.add(path, None, None, "file not found; it is needed to build the deck")
        return None
    except Refused as exc:
        problems.add(path, exc.line, None, str(exc))
        return None
    except OSError as exc:
        problems.add(path, None, None, f"cannot be read: {exc.strerror}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(path, line, None, "a character here is not UTF-8: save the file with the UTF-8 encoding")
        return None
    try:
        data = _parse(text)
    except Refused as exc:
        problems.add(path, exc.line, None, str(exc))
        return None
    except DuplicateKey as exc:
        problems.add(path, exc.problem_mark.line + 1, None, f"{exc.problem} ({exc.context})")
        return None
    except yaml.MarkedYAMLError as exc:
        message, mark = _plain(exc)
        line = mark.line + 1 if mark else None
        problems.add(path, line, None, f"YAML syntax: {message}")
        return None
    except yaml.YAMLError as exc:
        problems.add(path, None, None, f"YAML syntax: {exc}")
        return None
    if data is None and empty_ok:
        data = Node()
        data.line, data.key_lines = 1, {}
    if not isinstance(data, Node):
        problems.add(path, 1, None, "expected a mapping of 'key: value' lines at the top of the file")
        return None
    _stamp(data, path)
    return data


def key_lines(node: Node, sections: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """'section.key' -> line for every key in the given sections (and sub-sections, one level down)."""
    found = []
    for section in sections:
        sub = node.get(section)
        if not isinstance(sub, Node):
            continue
        found.append((section, node.line_of(section)))
        for key, value in sub.items():
            found.append((f"{section}.{key}", sub.line_of(key)))
            if isinstance(value, Node):
                found.extend((f"{section}.{key}.{k}", value.line_of(k)) for k in value)
    return tuple(found)
