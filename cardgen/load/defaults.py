"""cardgen's own layout and page texts under a deck's: the mappings in force, and the layout's listing.

Every key of layout.yaml has a default in `default_layout.yaml` (the Sextingscreener's look), so a
deck's file holds only what differs, and a deck with no layout.yaml builds. The words of the pages
cardgen makes itself (calibration sheet, poster tiles, bookmarks) come from `page_texts/<language>.yaml`
in Dutch, French, German and English, English for any other language; an edition may set any of them.
The deck's keys win; a mapping both have is merged key by key. Lines and the file named in messages
stay the deck's: a complaint about a value left to the default points at the nearest section written.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from cardgen.errors import Problems
from cardgen.load.yamlfile import Node, Nodes, load_yaml

DEFAULTS = Path(__file__).with_name("default_layout.yaml")
PAGE_TEXTS = Path(__file__).with_name("page_texts")  # <language>.yaml: calibration:, tiles:, bookmarks:
FALLBACK = "en"
# keys that stand for one another: a deck that writes one way drops the default's other ways
ALTERNATIVES = {("card",): (("size",), ("width", "height"))}


def default_layout() -> Node:
    return _own_file(DEFAULTS)


@lru_cache(maxsize=None)
def _own_file(path: Path) -> Node:
    problems = Problems()
    node = load_yaml(path, problems)
    if node is None or problems:  # pragma: no cover - the file ships with cardgen and is tested
        raise RuntimeError(f"cardgen's own {path.name} cannot be read: {problems.items}")
    return node


def page_text_sections() -> tuple[str, ...]:
    """The sections of texts.yaml that hold cardgen's own page texts (printing, fold, calibration, ...)."""
    return tuple(_own_file(PAGE_TEXTS / f"{FALLBACK}.yaml"))


def page_text_languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in PAGE_TEXTS.glob("*.yaml")))


def add_page_texts(node: Node, language: str) -> str | None:
    """Put cardgen's page texts for `language` (a tag such as 'nl-BE') under the edition's texts
    `node`, in place; a note when they fall back to English for a text the edition leaves out."""
    primary = language.split("-")[0].lower()
    found = primary if primary in page_text_languages() else FALLBACK
    base = _own_file(PAGE_TEXTS / f"{found}.yaml")
    left_out = []
    for section, texts in base.items():
        own = node.get(section)
        if own is not None and not isinstance(own, Node):
            continue  # the texts' reader reports that it is no mapping
        left_out += [f"{section}.{key}" for key in texts if own is None or key not in own]
        node[section] = _overlay(texts, own if own is not None else _empty(node.path, node.line), (section,))
    if found == primary or not left_out:
        return None
    sections = ", ".join(f"{section}:" for section in dict.fromkeys(key.split(".")[0] for key in left_out))
    return (f"cardgen's own page texts (calibration sheet, poster tiles, bookmarks, the pack's first page) are not in "
            f"'{primary}': {len(left_out)} of them print in English ({', '.join(left_out[:3])}{', ...' if len(left_out) > 3 else ''}); "
            f"add them to {node.path.name} under {sections} to translate them (cardgen/load/page_texts/en.yaml has them all)")


def layout_in_force(path: Path, own: Node | None) -> Node:
    """The deck's layout (`own`, None when the deck has no layout file at `path`) over the defaults."""
    if own is None:
        own = _empty(path, None)
    return _overlay(default_layout(), own, ())


def _empty(path: Path, line: int | None) -> Node:
    node = Node()
    node.path, node.line, node.key_lines = path, line, {}
    return node


def _overlay(base: Node, own: Node, where: tuple[str, ...]) -> Node:
    """`own` over `base`, in the defaults' order of keys (the deck's extra keys after them)."""
    merged = _empty(own.path, own.line)
    merged.key_lines = dict(own.key_lines)
    replaced = _replaced(own, where)
    for key in [*base, *(key for key in own if key not in base)]:
        if key in own:
            value = own[key]
            if isinstance(value, Node) and isinstance(base.get(key), Node):
                value = _overlay(base[key], value, (*where, key))
            merged[key] = value
        elif key not in replaced:
            merged[key] = _inherited(base[key], own.path, own.line)
    return merged


def _replaced(own: Node, where: tuple[str, ...]) -> set[str]:
    """The default's keys that the deck replaced by writing another way of saying them."""
    ways = ALTERNATIVES.get(where, ())
    written = [way for way in ways if any(key in own for key in way)]
    return {key for way in ways if written and way not in written for key in way}


def _inherited(value: object, path: Path, line: int | None) -> object:
    """A default value placed in the deck's file: its messages point at the deck's enclosing section."""
    if isinstance(value, Node):
        node = _empty(path, line)
        node.update({key: _inherited(item, path, line) for key, item in value.items()})
        return node
    if isinstance(value, Nodes):
        items = Nodes(value)
        items.path, items.line, items.item_lines = path, line, []
        return items
    return value


def listing(node: Node, indent: str = "") -> list[str]:
    """The layout in force as YAML lines, each default value marked `# default`."""
    import yaml

    lines = []
    for key, value in node.items():
        from_default = key not in node.key_lines
        if isinstance(value, Node):
            mark = "  # default" if from_default else ""
            lines.append(f"{indent}{key}:{mark}")
            lines.extend(listing(value, indent + "  "))
            continue
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
        text = text.removesuffix("\n...\n").strip()
        lines.append(f"{indent}{key}: {text}{'  # default' if from_default else ''}")
    return lines
