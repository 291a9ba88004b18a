"""Every character of every text checked against the font that will print it, before drawing:
a missing glyph would print as an empty box (ReportLab does not complain)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from cardgen.errors import Problems
from cardgen.load.fonts import display_name, missing_characters
from cardgen.model import Card, Edition, Source, Structure
from cardgen.spec import Layout
from cardgen.typeset.markup import printed
from cardgen.typeset.punctuation import added_characters
from cardgen.typeset.paragraph import site_label

def check_glyphs(cards: list[Card], edition: Edition, structure: Structure, layout: Layout, problems: Problems) -> bool:
    """True when every text can be printed; False, with a problem for each text and font that lacks
    characters (all of them named in one message: a text in the wrong script is one line, not fifty),
    when not."""
    return _check(_texts(cards, edition, structure, layout), edition, problems)


def check_calibration_glyphs(edition: Edition, layout: Layout, problems: Problems) -> bool:
    """The same for the texts of the calibration sheet ('cardgen calibrate')."""
    fonts = (layout.fonts.bold.name, layout.poster.footer.font)
    texts = ((Source(edition.path, edition.line(f"calibration.{key}") or 1, f"calibration.{key}"), "the calibration sheet",
              getattr(edition.calibration, key), fonts) for key in ("title", "steps", "ruler"))  # fmt: skip
    return _check(texts, edition, problems)


def _check(texts: Iterable[tuple[Source, str, str, tuple[str, ...]]], edition: Edition, problems: Problems) -> bool:
    printable = True
    shown_as: dict[str, str] = {}  # a category's label is on each of its cards: read once
    present: dict[str, set[str]] = {}  # font -> characters found in it: each looked up once
    added = added_characters(edition.language)
    ready: dict[str, set[str] | frozenset[str]] = {}  # font -> present[font] once it holds every added character, else nothing
    for source, what, text, fonts in texts:
        if _COMPLEX_CHAR.search(text) is None and all(_known(font, added, present, ready).issuperset(text) for font in fonts):
            continue  # what it prints is its own characters and the added ones, all found before: no need to typeset it
        shown = shown_as.get(text)
        if shown is None:
            shown = shown_as[text] = printed(text, edition.language)
        unshaped = _needs_shaping(shown)
        if unshaped:
            printable = False
            problems.add(source.path, source.line, source.key, f"edition '{edition.code}', {what}: {unshaped}")
            continue
        for font in fonts:
            missing = _missing(font, shown, present.setdefault(font, set()))
            if not missing:
                continue
            printable = False
            problems.add(
                source.path,
                source.line,
                source.key,
                f"edition '{edition.code}', {what}: {_characters(missing)} in the font {display_name(font)}; "
                f"replace {'it' if len(missing) == 1 else 'them'}, or name a font that has "
                f"{'it' if len(missing) == 1 else 'them'} (`fonts:` in this texts.yaml, or `fonts_by_script:` in layout.yaml)",
            )
    return printable


SHOWN = 5  # characters named in one message; the rest are counted
# Scripts whose letters change shape and order by their neighbours (conjuncts, stacked vowels) even
# from left to right: cardgen shapes right-to-left editions only, and would print these unjoined.
COMPLEX = (
    (0x0900, 0x0DFF, "Indic (Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, ...)"), (0x0E00, 0x0EFF, "Thai or Lao"),
    (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"), (0x1780, 0x17FF, "Khmer"),
)  # fmt: skip
_COMPLEX_CHAR = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high, _ in COMPLEX) + "]")  # one scan of the text


def _needs_shaping(text: str) -> str | None:
    found = _COMPLEX_CHAR.search(text)
    if found is None:
        return None
    char = found.group()
    script = next(script for low, high, script in COMPLEX if low <= ord(char) <= high)
    return (f"the character {_describe(char)} is written in the {script} script, whose letters join and "
            "reorder by their neighbours: cardgen cannot shape it from left to right yet and would print it "
            "wrongly; this text cannot be printed")  # fmt: skip


def _known(font: str, added: str, present: dict[str, set[str]], ready: dict[str, set[str] | frozenset[str]]):
    """The characters found in `font` so far, the added ones looked up first; nothing when the
    font lacks one of those (each text in it is then checked as printed)."""
    if font not in ready:
        known = present.setdefault(font, set())
        ready[font] = frozenset() if _missing(font, added, known) else known
    return ready[font]


def _characters(missing: list[str]) -> str:
    if len(missing) == 1:
        return f"the character {_describe(missing[0])} is not"
    named = ", ".join(_describe(char) for char in missing[:SHOWN])
    more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
    return f"{len(missing)} characters, {named}{more}, are not"


def _missing(font: str, shown: str, known: set[str]) -> list[str]:
    """missing_characters(font, shown), asking the font only about characters not found in it before."""
    if known.issuperset(shown):  # most texts, once the first few were looked up
        return []
    new = [char for char in dict.fromkeys(shown) if char not in known]
    if not new:
        return []
    missing = missing_characters(font, "".join(new))
    known.update(char for char in new if char not in missing)
    return missing


def _describe(char: str) -> str:
    name = unicodedata.name(char, "unnamed character")
    return f"'{char}' (U+{ord(char):04X} {name})"


def _texts(cards: list[Card], edition: Edition, structure: Structure, layout: Layout) -> Iterable[tuple[Source, str, str, tuple[str, ...]]]:
    """(where it was written, what it is, the text, the fonts that print it)."""
    card, poster = layout.card, layout.poster
    fonts = layout.fonts.names()
    body_fonts = (card.description.font, fonts["bold"], fonts["italic"], fonts["bold_italic"])
    deck_title = Source(edition.path, edition.line("deck.title") or 1, "deck.title")
    yield deck_title, "the deck title", edition.title.upper(), (card.front_deck.font,)
    for c in cards:
        where = f"card '{c.id}'"
        yield c.source_of("label"), where, c.label, (card.front_label.font, card.front_deck.font)
        yield c.source_of("title"), where, c.title, (card.title.font,)
        yield c.source_of("description"), where, c.description, body_fonts
        for tag, _ in c.tags:
            yield c.source_of("description"), where, tag, (card.title.font,)
        yield c.source, where, c.number_text, (card.number.font, card.front_deck.font)
    texts = edition.poster
    for key, text, style in (
        ("title", texts.title, poster.title),
        ("strengths", texts.strengths, poster.label),
        ("work", texts.work, poster.label),
        ("instruction", texts.instruction, poster.footer),
    ):
        yield Source(edition.path, edition.line(f"poster.{key}") or 1, f"poster.{key}"), "poster", text, (style.font,)
    subject = Source(edition.path, edition.line("deck.subject") or 1, "deck.subject")
    yield subject, "poster", edition.subject, (poster.footer.font,)
    if edition.fold:
        yield Source(edition.path, edition.line("fold.steps") or 1, "fold.steps"), "the fold-over sheets' line", edition.fold, (fonts["regular"],)
    for category in structure.categories:
        text = edition.category(category.id)
        yield text.source, "poster legend", text.label, (fonts["bold"],)
        yield text.source, "poster legend", text.summary, (poster.footer.font,)
    if edition.printing is not None:
        for key in ("title", "cards_long", "cards_short", "cards_fold", "poster", "tiles", "blank"):
            source = Source(edition.path, edition.line(f"printing.{key}") or 1, f"printing.{key}")
            yield source, "the print pack's first page", getattr(edition.printing, key), (fonts["regular"], fonts["bold"])
    if structure.site:
        yield Source(structure.path, 1, "site"), "the site's name", site_label(structure.site), (card.front_deck.font, poster.footer.font)
