"""Import a texts sheet (from `cardgen sheet export`, edited anywhere) back into the editions.

The same guarantees as a PO import: the whole sheet is read and checked before anything is
written (a cell with a formula error, a key given twice, a text that does not fit its card: each
named by its cell), then every texts.yaml and sources.yaml changed is written at once (ruamel
keeps their comments and layout). A translation changed in the sheet is recorded as made from
the source text in the same row; one whose status cell was cleared is recorded as reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cardgen.errors import Problem, show_path
from cardgen.spreadsheet.grid import Cell, Grid, SheetError, read_grid
from cardgen.spreadsheet.rows import (
    BASELINE,
    KEY,
    SHEET_NAME,
    STALE,
    UNCONFIRMED,
    edition_header,
    normal,
    read_baseline,
    sheet_source,
)
from cardgen.translate.files import (
    SOURCES_FILE,
    TEXTS_FILE,
    edition_file,
    fingerprint,
    sources_text,
    write_together,
)
from cardgen.translate.status import UNTRANSLATED, deck_settings, edition_texts

MAX_TEXT = 5_000  # as for a PO file: ten times the longest card text
NOTHING = "nothing was imported"


@dataclass
class Columns:
    key: int
    texts: dict[str, int] = field(default_factory=dict)  # edition -> column, the source first
    status: dict[str, int] = field(default_factory=dict)
    baseline: int | None = None


@dataclass
class Edit:
    code: str
    key: str
    text: str
    cell: Cell


@dataclass(frozen=True)
class Imported:
    changed: dict[str, list[str]]  # edition -> keys whose text changed
    confirmed: dict[str, int]  # edition -> translations recorded as up to date without a change
    ignored: list[str]
    notes: list[str]  # texts imported that set the whole deck smaller


def import_sheet(folder: Path, file: Path) -> Imported:
    source = sheet_source(folder)
    grid = read_grid(file, preferred=SHEET_NAME)
    columns = _columns(grid, folder, source)
    problems: list[Problem] = []
    ignored: list[str] = []
    src = edition_texts(folder, source, source)[0]
    own, prints = {}, {}
    for code in columns.texts:
        _, own[code], prints[code] = edition_texts(folder, code, source)
    prints.pop(source, None)  # the source records no fingerprints
    edits, confirms = _edits(grid, columns, source, src, own, problems, ignored)
    if problems:
        raise SheetError(problems, NOTHING)
    notes: list[str] = []
    files, changed = _new_files(grid, folder, source, src, own, edits, problems, notes)
    if problems:
        raise SheetError(problems, NOTHING)
    confirmed: dict[str, int] = {}
    for edit in edits:
        if edit.code != source:
            prints[edit.code][edit.key] = fingerprint(_source_in_row(grid, columns, source, edit.cell.row, src, edit.key))
    for code, key, made_from in confirms:
        if prints[code].get(key) != fingerprint(made_from):
            prints[code][key] = fingerprint(made_from)
            confirmed[code] = confirmed.get(code, 0) + 1
    for code in prints:
        if code in changed or confirmed.get(code):
            files[edition_file(folder, code, SOURCES_FILE)] = sources_text(source, prints[code])
    write_together(files)
    return Imported(changed, confirmed, ignored, notes)


def _columns(grid: Grid, folder: Path, source: str) -> Columns:
    header = grid.rows[0] if grid.rows else ()
    keys = [c.col for c in header if c.value.strip().lower() == KEY]
    if not keys:
        raise SheetError([grid.problem(1, 1, None, "expected the header 'key' in row 1 (the sheet 'cardgen sheet export' "
                                       "writes, with a column per edition); export the texts again and edit that sheet")], NOTHING)  # fmt: skip
    columns = Columns(keys[0])
    deck = str(deck_settings(folder).get("deck"))
    for cell in header:
        text = cell.value.strip()
        if text.startswith(BASELINE + " ") or text == BASELINE:
            named = text[len(BASELINE):].strip()
            if named and named != deck:
                raise SheetError([grid.problem(1, cell.col, None, f"a sheet of another deck ({named[:40]!r}), not of "
                                               f"'{deck}' (deck.yaml: deck)")], NOTHING)  # fmt: skip
            columns.baseline = cell.col
            continue
        found = edition_header(text) if cell.col != columns.key else None
        if found is None:
            continue
        code, kind = found
        if not edition_file(folder, code, TEXTS_FILE).is_file():
            raise SheetError([grid.problem(1, cell.col, None, f"a column for the edition '{code}', which {show_path(folder)} "
                                           f"does not have; start it with 'cardgen translate new {code}', or delete the column")], NOTHING)  # fmt: skip
        target = columns.status if kind == "status" else columns.texts
        if code in target:
            raise SheetError([grid.problem(1, cell.col, None, f"a second column for '{text}' (the first is "
                                           f"{grid.cell(1, target[code]).name}); keep one")], NOTHING)  # fmt: skip
        target[code] = cell.col
    if not columns.texts:
        raise SheetError([grid.problem(1, 1, None, f"no column of an edition's texts in row 1 (such as '{source} (source)' "
                                       "or 'fr')")], NOTHING)  # fmt: skip
    return columns


def _edits(grid, columns, source, src, own, problems, ignored):
    """The cells that changed (Edit) and the translations confirmed by a cleared status cell."""
    edits: list[Edit] = []
    confirms: list[tuple[str, str, str]] = []
    seen: dict[str, Cell] = {}
    for row in grid.rows[1:]:
        key_cell = grid.cell(row[0].row, columns.key)
        key = key_cell.value.strip()
        if not key:
            continue
        if key in seen:
            problems.append(grid.problem(key_cell.row, key_cell.col, key, f"in the sheet twice (first in {seen[key].name}); "
                                         "keep one row"))  # fmt: skip
            continue
        seen[key] = key_cell
        if key not in src:
            ignored.append(f"{grid.where(key_cell.row, key_cell.col)}: '{key}': no such text in the {source} edition; ignored")
            continue
        base = read_baseline(grid.cell(key_cell.row, columns.baseline).value) if columns.baseline else {}
        for code, col in columns.texts.items():
            cell = grid.cell(key_cell.row, col)
            where = grid.where(cell.row, cell.col)
            if cell.error:
                problems.append(grid.problem(cell.row, cell.col, key, f"the cell shows the formula error {cell.error}; type the text instead"))
                continue
            if len(cell.value) > MAX_TEXT:
                problems.append(grid.problem(cell.row, cell.col, key, f"a text of {len(cell.value):,} characters; no card holds "
                                             f"more than a few hundred (at most {MAX_TEXT:,})"))  # fmt: skip
                continue
            text, current = normal(cell.value), _shown(own[code].get(key))
            was = base.get(code)
            if (fingerprint(text) == was) if was is not None else (text == current):
                if code != source and current and _cleared(grid, columns, code, cell.row, base, source, src[key][0]):
                    confirms.append((code, key, src[key][0]))
                continue
            if not text:
                ignored.append(f"{where}: '{key}': emptied in the sheet; a text is not deleted by a sheet, so it stays as it was")
                continue
            if was is not None and fingerprint(current) != was and text != current:
                line = own[code][key][1] if key in own[code] else 0
                problems.append(grid.problem(cell.row, cell.col, key, f"changed in the sheet and, since the sheet was exported, "
                                             f"in {code}/{TEXTS_FILE}:{line} too; export again, or make the change in one place"))  # fmt: skip
                continue
            if text != current:
                edits.append(Edit(code, key, text, cell))
    return edits, confirms


def _cleared(grid, columns, code, row, base, source, source_text) -> bool:
    """True when the translation's status cell is cleared beside a source text that is the
    deck's, unchanged: the translator reviewed it against that text. (Whether it was stale or
    unconfirmed is for the caller's fingerprints to tell.)"""
    if code not in columns.status or grid.cell(row, columns.status[code]).value.strip().lower() in (STALE, UNCONFIRMED):
        return False
    shown = normal(grid.cell(row, columns.texts[source]).value) if source in columns.texts else source_text
    exported = base.get(source)
    return shown == source_text and (exported is None or exported == fingerprint(source_text))


def _shown(entry) -> str:
    """An edition's text as the sheet shows it: '' when missing or not translated yet."""
    if entry is None or entry[0].startswith(UNTRANSLATED):
        return ""
    return entry[0]


def _source_in_row(grid, columns, source, row, src, key) -> str:
    """The source text a translator saw beside the translation: the sheet's, else the deck's."""
    text = normal(grid.cell(row, columns.texts[source]).value) if source in columns.texts else ""
    return text or src[key][0]


def _new_files(grid, folder, source, src, own, edits, problems, notes) -> tuple[dict[Path, str], dict[str, list[str]]]:
    """Each changed edition's new texts.yaml, checked by planning it; problems named by cell."""
    from ruamel.yaml import YAML

    from cardgen.spreadsheet.texts import scalar
    from cardgen.spreadsheet.verify import verify, with_sources_in
    from cardgen.translate.po import dumped

    files: dict[Path, str] = {}
    changed: dict[str, list[str]] = {}
    for code in dict.fromkeys(e.code for e in edits):
        mine = [e for e in edits if e.code == code]
        path = edition_file(folder, code, TEXTS_FILE)
        reader = YAML()
        reader.preserve_quotes = True  # "#kwaliteit" stays in double quotes, as the author wrote it
        data = reader.load(path.read_text(encoding="utf-8"))
        for edit in mine:
            parent, last = locate(data, edit.key, path)
            parent[last] = scalar(edit.text)
        text = dumped(data)
        checked = text if code == source else dumped(with_sources_in(YAML().load(text), src, own[code], UNTRANSLATED))
        cells = {e.key: e.cell for e in mine}
        verdict = verify(folder, code, checked, set(cells))
        for key, problem in verdict.problems:
            problems.append(grid.problem(cells[key].row, cells[key].col, problem.key, problem.message, problem.inline))
        notes.extend(str(grid.problem(cells[key].row, cells[key].col, key, note)) for key, note in verdict.shrinks)
        files[path] = text
        changed[code] = [e.key for e in mine]
    return files, changed


def locate(data, key: str, path: Path):
    """(the mapping holding `key`'s last part, that part), the mappings above made as needed."""
    from cardgen.translate.po import _locate  # noqa: PLC2701 - one walk of a texts file for both imports

    return _locate(data, key, path)
