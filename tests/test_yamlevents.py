"""The one-pass YAML reader (cardgen/load/yamlevents.py) gives what PyYAML's own two passes gave:
the same values with the same lines, the same refusals and the same messages, on every content
file we have and on generated files full of YAML's corners; and it never builds PyYAML's node tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardgen.load import yamlfile
from cardgen.load.yamlevents import Node, Nodes, scan
from tests.conftest import FROZEN
from tests.patching import apply_patch

REPO = Path(__file__).resolve().parents[1]


def two_passes(text: str) -> object:
    """What cardgen did before: the safety scan, then yaml.load; the pure-Python loader's words on an error."""
    try:
        scan(text, yamlfile._FastLoader)
        return yaml.load(text, Loader=yamlfile._FastLoader)  # noqa: S506
    except yaml.YAMLError:
        scan(text, yamlfile._Loader)
        return yaml.load(text, Loader=yamlfile._Loader)  # noqa: S506


def outcome(read, text: str):
    """A value with every line it carries, or the error's kind, words and line."""
    try:
        return "value", lined(read(text))
    except Exception as exc:  # noqa: BLE001 - compared, not handled
        mark = getattr(exc, "problem_mark", None)
        return type(exc).__name__, str(exc), getattr(exc, "line", None), mark.line if mark else None


def lined(value):
    if isinstance(value, Node):
        return ("map", value.line, tuple((k, value.key_lines[k], lined(v)) for k, v in value.items()))
    if isinstance(value, Nodes):
        return ("seq", value.line, tuple(value.item_lines), tuple(lined(v) for v in value))
    return (type(value).__name__, value)


CONTENT_FILES = sorted(p for folder in ("content", "tests/fixtures") for p in (REPO / folder).rglob("*.yaml"))
PATCHES = sorted((REPO / "tests" / "fixtures").rglob("*.patch"))


def test_every_content_file_we_have_reads_the_same(tmp_path):
    """The shipped and test decks, and each bad-input patch applied to the frozen deck."""
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in CONTENT_FILES}
    for number, fixture in enumerate(PATCHES):
        deck = tmp_path / str(number)
        shutil.copytree(FROZEN, deck)
        try:
            changed, _ = apply_patch(deck, fixture)
        except Exception:  # noqa: BLE001 - a patch for another deck than the frozen one
            continue
        if changed.suffix == ".yaml":
            texts[fixture] = changed.read_text(encoding="utf-8", errors="replace")
    assert len(texts) > len(CONTENT_FILES) + 50
    differ = [p for p, text in texts.items() if outcome(yamlfile._parse, text) != outcome(two_passes, text)]
    assert differ == []


CORNERS = [
    "",
    "# only a comment\n",
    "---\n",
    "a: 1\n---\nb: 2\n",
    "a: b\na: c\n",
    "? [x, y]\n: z\n",
    "~: x\n",
    "1: one\n2.5: two\ntrue: three\n",
    "a: &x 1\nb: *x\n",
    "a: !!python/object:os.system x\n",
    "a: !!set {x, y}\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!str 12\n",
    "a: ! 12\n",
    "a: [1, 2\n",
    "a: {b: 1\n",
    "a:\n\t- b\n",
    "a: b: c\n",
    "key\nother: x\n",
    "a: " + "9" * 60 + "\n",
    "a: " + "x" * 60 + "\n",
    "a: '" + "9" * 60 + "'\n",
    "- a\n- [b, {c: d}]\n- e: f\n  g: [h]\n",
    "a:\n  b:\n    c: [1, 2.5, -3, +4, .5, 1e3, 012, 0x1f, yes, no, on, off, null, Null, '', ~]\n",
    "text: >\n  folded\n  lines\n\n  kept\nlit: |\n  a\n   b\n",
    "<<: {a: 1}\nb: 2\n",
    "a: [" * 25 + "]" * 25 + "\n",
    "just text\n",
    "- 1\n- 2\n",
    "@a: b\n",
    "a: `b`\n",
    "a: *undefined\n",
    "x: 1\n...\n",
    "%YAML 1.1\n---\na: 1\n",
]


@pytest.mark.parametrize("text", CORNERS)
def test_yamls_corners_read_the_same(text):
    assert outcome(yamlfile._parse, text) == outcome(two_passes, text)


_KEY = st.sampled_from(["a", "b", "title", "1", "true", "~", "x y", "'q'", "\"dq\"", "? k", "&anc k", "!!str k", "-"])
_SCALAR = st.sampled_from(
    ["text", "12", "1.5", "-0", "true", "no", "null", "", "'quoted'", '"dq \\u00e9"', "*ref", "&a v", "!!int 3",
     "!!set", "[1, 2]", "{a: b}", "[", "{", "x: y", "a # comment", "9" * 55, ">", "|", "@x", "%", "'it''s'"]
)


@st.composite
def documents(draw, depth=0):
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        indent = "  " * depth
        if depth < 3 and draw(st.booleans()):
            lines.append(f"{indent}{draw(_KEY)}:")
            lines.extend(draw(documents(depth + 1)).splitlines())
        elif draw(st.booleans()):
            lines.append(f"{indent}- {draw(_SCALAR)}")
        else:
            lines.append(f"{indent}{draw(_KEY)}: {draw(_SCALAR)}")
    if depth == 0 and draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["---", "...", "# c", "", "\t"])))
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_files_read_the_same(text):
    assert outcome(yamlfile._parse, text) == outcome(two_passes, text)


def test_a_large_file_is_read_without_pyyamls_node_tree(monkeypatch):
    """10,000 cards' texts: their values, never a composed node (which held 45 MiB at once)."""
    composed = []
    for loader in (yamlfile._FastLoader, yamlfile._Loader):  # what yaml.load asks a loader for: the tree's values
        monkeypatch.setattr(loader, "get_single_data", lambda self, original=loader.get_single_data: composed.append(1) or original(self))
    text = "cards:\n" + "".join(f"  k{i}:\n    title: Card {i}\n    description: >\n      Text of card {i}.\n" for i in range(2000))
    data = yamlfile._parse(text)
    assert len(data["cards"]) == 2000 and data["cards"]["k1999"]["description"] == "Text of card 1999.\n"
    assert data["cards"].line_of("k1999") == 1 + 4 * 1999 + 1
    assert composed == []
    yamlfile._parse(text + "k2000: !!str x\n")  # unusual: PyYAML's own way, which the check above would see
    assert composed == [1]
