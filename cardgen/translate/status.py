"""Translated editions: which texts are missing, untranslated, stale or unchanged, and new editions.

Every text of an edition has a dotted key ('cards.stappenplan.description'). A translation
records, in <edition>/sources.yaml (written by cardgen, never by hand), a fingerprint of the
source text it was made from; when the source text changes, its fingerprints no longer match
and the translation is stale. A new edition starts as a copy of the source whose texts are
marked UNTRANSLATED, which `check` and `build` refuse until they are translated.

Every file is read and written through translate/files.py: inside the deck folder after
following links, and written whole.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from cardgen.errors import CardgenError, ContentError, Problems, show_path
from cardgen.load.defaults import page_text_sections
from cardgen.load.schema import text as clean_text
from cardgen.load.tags import edition_code
from cardgen.load.texts import UNTRANSLATED
from cardgen.load.yamlfile import Node, load_yaml
from cardgen.translate.files import (
    DECK_FILE,
    SOURCES_FILE,
    TEXTS_FILE,
    edition_file,
    fingerprint,
    inside,
    read_sources,
    write_sources,
    write_together,
)
from cardgen.units import UnitError

NOT_TEXT = ("language", "fonts")  # keys of texts.yaml that are settings, not texts to translate


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
                if dotted not in NOT_TEXT:
                    walk(value, dotted + ".")
            elif dotted not in NOT_TEXT and isinstance(value, str):
                try:
                    found[dotted] = (clean_text(value), mapping.line_of(key))
                except UnitError:
                    found[dotted] = ("", mapping.line_of(key))

    walk(node, "")
    return found


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


def deck_settings(folder: Path) -> Node:
    """deck.yaml, read as plain YAML: the keys translation needs, whatever else the file holds."""
    problems = Problems()
    node = load_yaml(inside(folder, folder / DECK_FILE), problems)
    problems.raise_if_any()
    return node


def source_edition(folder: Path) -> str:
    """The edition translations are made from: deck.yaml's source_edition."""
    node = deck_settings(folder)
    source = node.get("source_edition")
    where = f"{show_path(folder / DECK_FILE)}:{node.line_of('source_edition')}"
    expected = "'source_edition' should name the edition translations are made from, such as 'source_edition: nl'"
    if source is None:
        raise CardgenError(f"{where}: {expected}; it is missing")
    try:
        edition_code(source)
    except UnitError as exc:
        raise CardgenError(f"{where}: {expected}: {exc}") from None
    texts = edition_file(folder, source, TEXTS_FILE)
    if not texts.is_file():
        raise CardgenError(
            f"{where}: {expected}, found {source!r}, but {show_path(texts)} is not there; restore that file "
            "or name the edition that is the source"
        )
    return source


def edition_status(folder: Path, code: str, problems: Problems) -> Status | None:
    """An edition's status for `build` and `check`: None for the source edition and for a deck
    without translations (no source_edition); a wrong file is added to `problems`, never raised."""
    try:
        if deck_settings(folder).get("source_edition") is None:
            return None
        source = source_edition(folder)
        return None if code == source else status(folder, code, source)
    except ContentError as exc:
        problems.extend(exc.problems)
    except CardgenError as exc:
        problems.add(None, None, None, exc.format_message())
    return None


def status(folder: Path, code: str, source: str) -> Status:
    src, own, prints = edition_texts(folder, code, source)
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
    # an edition's own words for cardgen's pages (calibration:, tiles:, ...) are no deck texts: never obsolete
    own_pages = tuple(f"{section}." for section in page_text_sections())
    result.obsolete = [(key, line) for key, (_, line) in own.items() if key not in src and not key.startswith(own_pages)]
    return result


def edition_texts(folder: Path, code: str, source: str):
    """(source texts, the edition's texts, its fingerprints), every file checked; raises on a mistake."""
    problems = Problems()
    src = texts_of(edition_file(folder, source, TEXTS_FILE), problems)
    own = texts_of(edition_file(folder, code, TEXTS_FILE), problems)
    problems.raise_if_any()
    return src, own, read_sources(edition_file(folder, code, SOURCES_FILE))


def mark(folder: Path, code: str, source: str, keys: list[str] | None = None) -> int:
    """Record that the edition's texts (all, or `keys`) are translations of the current source."""
    src, own, prints = edition_texts(folder, code, source)
    chosen = keys or [k for k in own if k in src and not own[k][0].startswith(UNTRANSLATED)]
    for key in chosen:
        if key not in src:
            raise CardgenError(f"no text '{key}' in the {source} edition")
        prints[key] = fingerprint(src[key][0])
    write_sources(edition_file(folder, code, SOURCES_FILE).parent, source, prints)
    return len(chosen)


def new_edition(folder: Path, code: str, source: str, language: str) -> Path:
    """content/<code>/texts.yaml: the source's texts, each marked UNTRANSLATED, comments kept."""
    from ruamel.yaml import YAML

    target = edition_file(folder, code, TEXTS_FILE)
    if os.path.lexists(target):
        raise CardgenError(f"{show_path(target)}: exists already; remove it first or choose another language code")
    source_path = edition_file(folder, source, TEXTS_FILE)
    problems = Problems()
    texts_of(source_path, problems)  # ruamel would raise on a broken file: report it as a content file
    problems.raise_if_any()
    yaml = YAML()
    yaml.width = 88
    data = yaml.load(source_path.read_text(encoding="utf-8"))

    def walk(mapping, prefix: str) -> None:
        for key in list(mapping):
            value = mapping[key]
            dotted = f"{prefix}{key}"
            if hasattr(value, "items"):
                if dotted not in NOT_TEXT:
                    walk(value, dotted + ".")
            elif dotted not in NOT_TEXT and isinstance(value, str):
                mapping[key] = type(value)(f"{UNTRANSLATED} {value}")  # keeps a '>' block a '>' block

    walk(data, "")
    data.pop("fonts", None)  # the source's own fonts are for its script, not necessarily the new one's
    data["language"] = language
    data.ca.comment = None  # the source's header describes the source edition, not this one
    text = io.StringIO()
    text.write(f"# The {language} edition, started from {source}: translate every text marked {UNTRANSLATED}.\n")
    yaml.dump(data, text)
    _write_new(target, text.getvalue())
    return target


def _write_new(target: Path, content: str) -> None:
    """Write a new edition's file; the edition's folder goes again when the file cannot be written."""
    created = not target.parent.exists()
    try:
        target.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise CardgenError(f"{show_path(target.parent)}: cannot be created ({exc.strerror})") from None
    try:
        write_together({target: content})
    except CardgenError:
        if created:
            target.parent.rmdir()
        raise
