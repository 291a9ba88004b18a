"""The cards of a new deck read from a spreadsheet: one row a card, with its category, title and
description, under a header row whose names may be in English, Dutch, French or German (or the
columns are named by the user). Every mistake is collected and named by its cell."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cardgen.errors import Problem
from cardgen.spreadsheet.grid import Grid, SheetError, column_number

NOTHING = "nothing was written"

HEADER_ROWS = 20  # the header is looked for in this many rows at the top
FIELDS = ("category", "title", "description")
# Header names per field, compared without accents, case, spaces or punctuation ('Catégorie :').
NAMES = {
    "category": ["category", "categories", "type", "group", "theme", "topic", "categorie", "categorieen", "soort",
                 "groep", "thema", "rubriek", "groupe", "rubrique", "kategorie", "kategorien", "gruppe", "typ", "rubrik"],
    "title": ["title", "name", "card", "heading", "action", "titel", "naam", "kaart", "kaartje", "actie", "titre",
              "nom", "carte", "intitule", "uberschrift", "ueberschrift", "karte", "aktion"],
    "description": ["description", "text", "body", "content", "details", "beschrijving", "omschrijving", "tekst",
                    "inhoud", "uitleg", "texte", "contenu", "explication", "beschreibung", "inhalt", "erklarung",
                    "erlauterung"],
}  # fmt: skip
# The header words that tell the sheet's language (written as typed, accents and all); 'Titel',
# 'Description' or 'Type' do not, being the word of two languages.
LANGUAGE_OF = {
    "category": "en", "categories": "en", "title": "en", "name": "en", "text": "en", "body": "en", "content": "en",
    "categorie": "nl", "categorieën": "nl", "soort": "nl", "groep": "nl", "naam": "nl", "kaart": "nl",
    "beschrijving": "nl", "omschrijving": "nl", "tekst": "nl", "inhoud": "nl", "uitleg": "nl",
    "catégorie": "fr", "catégories": "fr", "groupe": "fr", "thème": "fr", "titre": "fr", "nom": "fr",
    "carte": "fr", "intitulé": "fr", "texte": "fr", "contenu": "fr",
    "kategorie": "de", "gruppe": "de", "überschrift": "de", "karte": "de", "beschreibung": "de", "inhalt": "de",
}  # fmt: skip


def folded(text: str) -> str:
    """A header name as compared: 'Catégorie :' -> 'categorie'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def _names(field: str) -> set[str]:
    return {folded(name) for name in NAMES[field]}


@dataclass(frozen=True)
class SheetCard:
    category: str
    title: str
    description: str
    row: int


@dataclass(frozen=True)
class SheetCards:
    cards: tuple[SheetCard, ...]
    header_row: int
    columns: dict  # field -> column number
    language: str | None  # the language the header names are in, when they tell


def read_cards(grid: Grid, given: dict[str, str | None]) -> SheetCards:
    """The cards below the header; `given` names a column for a field by letter ('B') or header text."""
    header_row, columns = _header(grid, given)
    problems: list[Problem] = []
    cards: list[SheetCard] = []
    for row in grid.rows[header_row:]:
        number = row[0].row
        values = {f: grid.cell(number, c) for f, c in columns.items()}
        if not any(c.value.strip() or c.error for c in values.values()):
            continue  # an empty row between groups of cards, or a note beside them: no card
        bad = {f: c for f, c in values.items() if c.error}
        for field, cell in bad.items():
            problems.append(grid.problem(cell.row, cell.col, field, f"the cell shows the formula error {cell.error}; correct "
                                         "the formula or type the text, then save the sheet again"))  # fmt: skip
        if bad:
            continue
        texts = {f: _clean(c.value) for f, c in values.items()}
        for field in ("title", "category", "description"):
            if not texts[field]:
                others = ", ".join(f"{f} {texts[f][:30]!r}" for f in FIELDS if texts[f])
                problems.append(grid.problem(number, columns[field], field, f"the card in row {number} has no {field} "
                                             f"(it has {others}); fill it in, or delete the row"))  # fmt: skip
                break
        else:
            cards.append(SheetCard(texts["category"], texts["title"], texts["description"], number))
    if not cards and not problems:
        problems.append(grid.problem(header_row + 1, 1, None, f"no cards below the header in row {header_row}: "
                                     "expected one card a row, with its category, title and description"))  # fmt: skip
    if problems:
        raise SheetError(problems, NOTHING)
    return SheetCards(tuple(cards), header_row, columns, _language(grid, header_row, columns))


def _clean(text: str) -> str:
    """Spaces tidied inside each line; line breaks typed in the cell (Alt+Enter) are kept."""
    return "\n".join(" ".join(line.split()) for line in text.strip().split("\n")).strip()


def _header(grid: Grid, given: dict[str, str | None]) -> tuple[int, dict[str, int]]:
    """(the header's row, field -> column): the first row where every field has a column."""
    best: tuple[int, dict[str, int]] | None = None
    for row in grid.rows[:HEADER_ROWS]:
        if not any(c.value.strip() for c in row):
            continue
        found = {}
        for field in FIELDS:
            column = _column(row, field, given.get(field))
            if column:
                found[field] = column
        if len(found) == len(FIELDS):
            return row[0].row, found
        if found and (best is None or len(found) > len(best[1])):
            best = (row[0].row, found)
    if best is None:
        raise SheetError([grid.problem(1, 1, None,
            f"no header row found in the first {HEADER_ROWS} rows: expected a row naming the columns, "
            "such as Category, Title, Description (or Categorie, Titel, Beschrijving; Catégorie, Titre, Description; "
            "Kategorie, Titel, Beschreibung); add one above the cards, or give the columns with --category-column, "
            "--title-column and --description-column (a letter such as B)")], NOTHING)  # fmt: skip
    row, found = best
    missing = [f for f in FIELDS if f not in found]
    headers = ", ".join(repr(c.value.strip()) for c in grid.rows[row - 1] if c.value.strip())
    examples = {"category": "'Category', 'Categorie', 'Catégorie' or 'Kategorie'", "title": "'Title', 'Titel' or 'Titre'",
                "description": "'Description', 'Beschrijving', 'Text' or 'Beschreibung'"}  # fmt: skip
    raise SheetError([
        grid.problem(row, len(grid.rows[row - 1]) + 1, field, f"no column for the {field} in the header (row {row}: {headers}): "
                     f"expected a header such as {examples[field]}; name the column so, or give it with --{field}-column "
                     "(a letter such as B)")
        for field in missing
    ], NOTHING)  # fmt: skip


def _column(row, field: str, given: str | None) -> int | None:
    if given:
        number = column_number(given.strip())
        if number is not None and not any(folded(c.value) == folded(given) for c in row):
            return number
        matches = [c.col for c in row if folded(c.value) == folded(given)]
        return matches[0] if matches else None
    names = _names(field)
    matches = [c.col for c in row if folded(c.value) in names]
    return matches[0] if matches else None


def _language(grid: Grid, header_row: int, columns: dict[str, int]) -> str | None:
    """The language the header is written in, when its names tell ('Titel' alone does not)."""
    votes: dict[str, int] = {}
    for field, col in columns.items():
        written = grid.cell(header_row, col).value.strip().lower().rstrip(" :")
        language = LANGUAGE_OF.get(written)
        if language:
            votes[language] = votes.get(language, 0) + 1
    return max(votes, key=votes.get) if votes else None

