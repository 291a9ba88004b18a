"""Write a new deck folder: deck.yaml, layout.yaml, README.md and one edition's texts.yaml, from
the templates beside this module, with the example deck's cards or those read from a sheet.

The folder is written beside its place under a hidden name, then renamed: a failure leaves no
half-made deck. A folder that exists and holds anything is never touched.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cardgen.errors import CardgenError, show_path
from cardgen.newdeck.ids import slug, unique_ids

TEMPLATES = Path(__file__).parent / "templates"
LANGUAGES = ("en", "nl", "fr", "de")  # the languages the templates are written in; others get English
# Colours white text reads on (contrast 4.5:1 or more). The first three are purple, petrol and
# orange as in the Sextingscreener, the purple and the petrol darker, so that the three print as
# greys at least 15 L* apart on a black-and-white printer; then hues as far from them as such
# dark colours allow (a fourth category cannot differ in grey as well: its icon tells it apart).
# The Sextingscreener's three, which print as greys 15 or more apart in L* from each other and from
# the rules card's light slate (L* 27, 48, 66 and 84); text on each follows 'auto' (white or dark).
# No fourth colour can keep that distance in grey: from the fourth category on, icons tell them apart.
PALETTE = ("#4F2A8A", "#B85400", "#52ADB5", "#1D4E89", "#8A1F5C", "#2E6B30", "#6B4226", "#005A8C", "#A0306A", "#4A5A1C")
PALETTE_NAMES = ("purple", "orange", "teal", "blue", "plum", "green", "brown", "ocean", "raspberry", "olive")
APART_IN_GREY = 3  # categories whose colours stay apart on a black-and-white printer
ICONS = ("icons/star.svg", "icons/shield.svg", "icons/lifebuoy.svg", "icons/scissors.svg")
RULES_ICON = "icons/scissors.svg"
CARDS = {"en": ("card", "cards"), "nl": ("kaart", "kaarten"), "fr": ("carte", "cartes"), "de": ("Karte", "Karten")}
SUBJECT = {"en": "A card game.", "nl": "Een kaartspel.", "fr": "Un jeu de cartes.", "de": "Ein Kartenspiel."}
EXAMPLE = (  # the example deck's categories and cards: ids as in templates/example/*.yaml
    ("people", ("contact-person", "team")),
    ("plans", ("written-plan", "shared-plan")),
    ("practice", ("first-steps", "review")),
)


@dataclass(frozen=True)
class NewCategory:
    id: str
    label: str
    colour: str
    icon: str
    cards: int


@dataclass(frozen=True)
class Made:
    folder: Path
    edition: str
    language: str
    categories: tuple[NewCategory, ...]
    cards: int
    notes: tuple[str, ...]


def language_parts(tag: str) -> tuple[str, str]:
    """(edition code, template language) of a tag such as 'nl-BE': ('nl', 'nl')."""
    parts = tag.split("-")
    if not (2 <= len(parts[0]) <= 3 and parts[0].isascii() and parts[0].isalpha() and all(p.isascii() and p.isalnum() for p in parts)):
        raise CardgenError(f"--language: expected a language tag such as 'nl-BE', 'fr' or 'en-GB', found {tag!r}")
    code = parts[0].lower()
    return code, code if code in LANGUAGES else "en"


def new_deck(folder: Path, language: str, cards=None, title: str | None = None, author: str | None = None,
             site: str | None = None, source_name: str | None = None) -> Made:  # fmt: skip
    """Write the deck folder; `cards` are SheetCards read from a sheet, or None for the example."""
    _refuse_taken(folder)
    code, template = language_parts(language)
    notes = [] if template == language.split("-")[0].lower() else [
        f"no example texts in '{language}' yet: the texts are in English, with language: {language}; translate them"
    ]
    title = title or _title_of(source_name or folder.resolve().name)
    categories, card_rows = _example(template) if cards is None else _from_sheet(cards)
    notes += _shared_icons(categories)
    if cards is not None:
        notes.append(f"each category's summary (the poster's legend) says how many cards it has; write a line of your "
                     f"own under 'categories:' in {code}/texts.yaml")  # fmt: skip
    texts = _texts(template, language, title, None if cards is None else (categories, card_rows, template))
    files = {
        "deck.yaml": _deck_yaml(folder, title, code, author, site, categories, card_rows),
        "layout.yaml": _filled((TEMPLATES / "layout.yaml").read_text(encoding="utf-8"), title=title,
                               folder=show_path(folder)),  # fmt: skip
        "README.md": _filled((TEMPLATES / "README.md").read_text(encoding="utf-8"), title=title,
                             folder=show_path(folder), edition=code),  # fmt: skip
        f"{code}/texts.yaml": texts,
    }
    _write_folder(folder, files)
    return Made(folder, code, language, tuple(categories), len(card_rows), tuple(notes))


def _refuse_taken(folder: Path) -> None:
    if os.path.lexists(folder) and not folder.is_dir():
        raise CardgenError(f"{show_path(folder)}: exists and is not a folder; choose another name for the new deck")
    if folder.is_dir() and any(folder.iterdir()):
        raise CardgenError(f"{show_path(folder)}: exists and is not empty; cardgen init never overwrites anything: "
                           "choose a new folder name")  # fmt: skip


def _title_of(name: str) -> str:
    words = " ".join(Path(name).stem.replace("_", " ").replace("-", " ").split())
    return (words[:1].upper() + words[1:]) or "My deck"


def _example(language: str):
    categories = [NewCategory(cid, "", PALETTE[i], ICONS[i], len(cards)) for i, (cid, cards) in enumerate(EXAMPLE)]
    rows = [(card, cid) for cid, cards in EXAMPLE for card in cards]
    return categories, rows


def _from_sheet(sheet):
    names: list[str] = []
    for card in sheet.cards:
        if card.category not in names:
            names.append(card.category)
    category_ids = dict(zip(names, unique_ids(names, "category")))
    counts = {name: sum(c.category == name for c in sheet.cards) for name in names}
    categories = [
        NewCategory(category_ids[name], name, PALETTE[i % len(PALETTE)], ICONS[i % len(ICONS)], counts[name])
        for i, name in enumerate(names)
    ]
    card_ids = unique_ids([c.title for c in sheet.cards], "card")
    rows = [(card_id, category_ids[card.category], card) for card_id, card in zip(card_ids, sheet.cards)]
    return categories, rows


def _shared_icons(categories) -> list[str]:
    notes = []
    if len(categories) > APART_IN_GREY:
        notes.append(f"{len(categories)} categories: on a black-and-white printer only {APART_IN_GREY} colours stay apart "
                     "as greys (check warns about the others); their icons tell them apart")  # fmt: skip
    if len(categories) > len(ICONS):
        notes.append(f"{len(categories)} categories and {len(ICONS)} icons: some categories share an icon; draw your own "
                     "(an SVG file in the deck folder) and name it under 'icon:' in deck.yaml")  # fmt: skip
    return notes


def _deck_yaml(folder, title, code, author, site, categories, rows) -> str:
    lines = []
    for category in categories:
        name = PALETTE_NAMES[PALETTE.index(category.colour)]
        lines += [f"  - id: {category.id}", f'    colour: "{category.colour}"      # {name}', f"    icon: {category.icon}"]
    cards, last = [], None
    for card_id, category_id, *_ in rows:
        if last is not None and category_id != last:
            cards.append("")
        cards.append(f"  - {{id: {card_id}, category: {category_id}}}")
        last = category_id
    rules_icon = RULES_ICON if len(categories) < len(ICONS) else None
    text = _filled(
        (TEMPLATES / "deck.yaml").read_text(encoding="utf-8"), title=title, edition=code,
        deck=slug(folder.resolve().name) or "deck",
        author=f"author: {_quoted(author)}" if author else "# author: Your name or organisation",
        site=f"site: {_quoted(site)}" if site else "# site: https://example.org",
        categories="\n".join(lines), cards="\n".join(cards),
    )  # fmt: skip
    if rules_icon is None:  # the scissors went to a category: the rules card goes without an icon
        text = "\n".join(line for line in text.split("\n") if not line.startswith("rules_icon:"))
    return text


def _texts(template: str, language: str, title: str, sheet) -> str:
    head = _filled((TEMPLATES / "texts-head.yaml").read_text(encoding="utf-8"), title=title, language=language)
    if sheet is None:
        body = _filled((TEMPLATES / "example" / f"{template}.yaml").read_text(encoding="utf-8"), title=_quoted(title))
    else:
        body = _sheet_texts(*sheet, title)  # not filled in: a card's text may hold a '$'
    pages = (TEMPLATES / "pages" / f"{template}.yaml").read_text(encoding="utf-8")
    return head + body + "\n" + _filled(pages, title=_quoted(title))


def _sheet_texts(categories, rows, template: str, title: str) -> str:
    from ruamel.yaml import YAML

    from cardgen.spreadsheet.texts import scalar

    data = {
        "deck": {"title": scalar(title), "subject": SUBJECT[template]},
        "categories": {c.id: {"label": scalar(c.label), "summary": _count(c.cards, template)} for c in categories},
        "cards": {card_id: {"title": scalar(card.title), "description": scalar(card.description)} for card_id, _, card in rows},
    }
    yaml = YAML()
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue().replace("\ncategories:", "\n\ncategories:").replace("\ncards:", "\n\ncards:")


def _count(count: int, language: str) -> str:
    """A category's line in the poster legend until the author writes one: '5 cards'."""
    one, many = CARDS[language]
    return f"{count} {one if count == 1 else many}"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _filled(template: str, **values: str) -> str:
    """$name replaced by its value, longest names first ('$title' never eats '$titles')."""
    for name in sorted(values, key=len, reverse=True):
        template = template.replace(f"${name}", values[name])
    return template


def _write_folder(folder: Path, files: dict[str, str]) -> None:
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}.", suffix=".new"))
    except OSError as exc:
        raise CardgenError(f"{show_path(parent)}: cannot be written ({exc.strerror})") from None
    try:
        for name, content in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
        if folder.is_dir():
            folder.rmdir()  # empty, checked above: the new deck takes its place
        os.replace(staging, folder)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise CardgenError(f"{show_path(folder)}: cannot be written ({exc.strerror}); nothing was made") from None
