"""Translated editions: which texts are missing, untranslated, stale or unchanged, and new editions.

Every text of an edition has a dotted key ('cards.stappenplan.description'). A translation
records, in <edition>/sources.yaml (written by cardgen, never by hand), a fingerprint of the
source text it was made from; when the source text changes, its fingerprints no longer match
and the translation is stale. A new edition starts as a copy of the source whose texts are
marked UNTRANSLATED, which `check` and `build` refuse until they are translated.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from cardgen.errors import CardgenError, Problems
from cardgen.schema import text as clean_text
from cardgen.units import UnitError
from cardgen.yamlio import Node, load_yaml

UNTRANSLATED = "[untranslated]"
SOURCES_FILE = "sources.yaml"
TEXTS_FILE = "texts.yaml"
NOT_TEXT = ("language",)  # keys of texts.yaml that are settings, not texts to translate


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def texts_of(path: Path, problems: Problems) -> dict[str, tuple[str, int]] | None:
    """Every text of an edition: dotted key -> (text, line)."""
    node = load_yaml(path, problems)
    if node is None:
        return None
    found: dict[str, tuple[str, int]] = {}

    def walk(mapping: Node, prefix: str) -> None:
        for key, value in mapping.items():
            dotted = f"{prefix}{key}"
            if isinstance(value, Node):
                walk(value, dotted + ".")
            elif dotted not in NOT_TEXT and isinstance(value, str):
                try:
                    found[dotted] = (clean_text(value), mapping.line_of(key))
                except UnitError:
                    found[dotted] = ("", mapping.line_of(key))

    walk(node, "")
    return found


def read_sources(folder: Path) -> dict[str, str]:
    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}
    problems = Problems()
    node = load_yaml(path, problems)
    problems.raise_if_any()
    texts = node.get("texts") or {}
    return {str(k): str(v) for k, v in texts.items()}


def write_sources(folder: Path, source: str, prints: dict[str, str]) -> None:
    lines = [
        f"# Written by cardgen: a fingerprint of the {source} text each translation was made from.",
        "# Do not edit: 'cardgen translate status' compares them with the current source texts.",
        f"source: {source}",
        "texts:",
        *(f"  {key}: '{value}'" for key, value in sorted(prints.items())),
    ]
    target = folder / SOURCES_FILE
    temporary = target.with_name(f".{SOURCES_FILE}.tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(target)


@dataclass
class Status:
    edition: str
    total: int = 0
    missing: list[str] = field(default_factory=list)
    obsolete: list[tuple[str, int]] = field(default_factory=list)
    untranslated: list[tuple[str, int]] = field(default_factory=list)
    stale: list[tuple[str, int]] = field(default_factory=list)
    unconfirmed: list[tuple[str, int]] = field(default_factory=list)
    identical: list[tuple[str, int]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.missing or self.untranslated or self.stale or self.unconfirmed)


def source_edition(folder: Path) -> str:
    """The edition translations are made from: deck.yaml's source_edition."""
    problems = Problems()
    node = load_yaml(folder / "deck.yaml", problems)
    problems.raise_if_any()
    source = node.get("source_edition")
    if not isinstance(source, str) or not (folder / source / TEXTS_FILE).is_file():
        raise CardgenError(
            f"{folder / 'deck.yaml'}: 'source_edition' should name the edition translations are made from, "
            f"such as 'source_edition: nl', found {source!r}"
        )
    return source


def status(folder: Path, code: str, source: str) -> Status:
    problems = Problems()
    src = texts_of(folder / source / TEXTS_FILE, problems)
    own = texts_of(folder / code / TEXTS_FILE, problems)
    problems.raise_if_any()
    prints = read_sources(folder / code)
    result = Status(code, total=len(src))
    for key, (text, _) in src.items():
        if key not in own:
            result.missing.append(key)
            continue
        mine, line = own[key]
        if mine.startswith(UNTRANSLATED):
            result.untranslated.append((key, line))
        elif key not in prints:
            result.unconfirmed.append((key, line))
        elif prints[key] != fingerprint(text):
            result.stale.append((key, line))
        if mine == text:
            result.identical.append((key, line))
    result.obsolete = [(key, line) for key, (_, line) in own.items() if key not in src]
    return result


def mark(folder: Path, code: str, source: str, keys: list[str] | None = None) -> int:
    """Record that the edition's texts (all, or `keys`) are translations of the current source."""
    problems = Problems()
    src = texts_of(folder / source / TEXTS_FILE, problems)
    own = texts_of(folder / code / TEXTS_FILE, problems)
    problems.raise_if_any()
    prints = read_sources(folder / code)
    chosen = keys or [k for k in own if k in src and not own[k][0].startswith(UNTRANSLATED)]
    for key in chosen:
        if key not in src:
            raise CardgenError(f"no text '{key}' in the {source} edition")
        prints[key] = fingerprint(src[key][0])
    write_sources(folder / code, source, prints)
    return len(chosen)


def new_edition(folder: Path, code: str, source: str, language: str) -> Path:
    """content/<code>/texts.yaml: the source's texts, each marked UNTRANSLATED, comments kept."""
    from ruamel.yaml import YAML

    target = folder / code / TEXTS_FILE
    if target.exists():
        raise CardgenError(f"{target}: exists already; remove it first or choose another language code")
    yaml = YAML()
    yaml.width = 88
    data = yaml.load((folder / source / TEXTS_FILE).read_text(encoding="utf-8"))

    def walk(mapping, prefix: str) -> None:
        for key in list(mapping):
            value = mapping[key]
            dotted = f"{prefix}{key}"
            if hasattr(value, "items"):
                walk(value, dotted + ".")
            elif dotted not in NOT_TEXT and isinstance(value, str):
                mapping[key] = type(value)(f"{UNTRANSLATED} {value}")  # keeps a '>' block a '>' block

    walk(data, "")
    data["language"] = language
    data.ca.comment = None  # the source's header describes the source edition, not this one
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(f"# The {language} edition, started from {source}: translate every text marked {UNTRANSLATED}.\n")
        yaml.dump(data, handle)
    return target
