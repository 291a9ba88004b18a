"""Fonts per script and per edition: which fonts an edition prints in, chosen by its language.

layout.yaml's `fonts:` are the deck's fonts. `fonts_by_script:` names fonts for the editions whose
language is written in another script, or needs letters the deck's fonts lack (Turkish İ): cardgen's
defaults are Noto Sans (Latin, Greek, Cyrillic) and Noto Sans Arabic (with Latin for web addresses).
An edition may name its own in its texts.yaml (`fonts:`, the same four roles). The files are checked
when the layout or the edition is read, and loaded only for an edition that prints in them.

edition_layout() gives the layout an edition is planned and drawn with: its fonts in every style's
role, and its direction (right to left for Arabic and Hebrew).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cardgen.errors import Problems
from cardgen.load import schema
from cardgen.load.assets import resolve_asset
from cardgen.load.fonts import STANDARD_FONTS, FontError, missing_characters, register_family, register_ttf
from cardgen.model import Edition, Source
from cardgen.spec import Font, FontChoice, Fonts, Layout, TextStyle
from cardgen.scripts import SCRIPTS, is_right_to_left, language_of
from cardgen.units import UnitError

ROLES = ("regular", "bold", "italic", "bold_italic")
FOLLOWS = {"italic": "regular", "bold_italic": "bold"}  # a script without italics (Arabic) leaves them out


def read_choice(reader: schema.Reader, folder: Path) -> FontChoice | None:
    """regular and bold (italic and bold_italic may follow them), each a TrueType file in the deck
    folder or cardgen's assets, or a standard PDF font. Checked here, loaded when used."""
    roles = []
    for role in ROLES:
        value = reader.get(role, schema.text, None if role in FOLLOWS else schema.MISSING)
        if value is None:
            continue
        if value in STANDARD_FONTS:
            roles.append((role, value, None))
        elif not value.lower().endswith(".ttf"):
            reader.error(role, f"expected a TrueType file such as 'fonts/NotoSans-Regular.ttf' or one of the "
                               f"standard fonts ({', '.join(STANDARD_FONTS)}), found {value!r}")  # fmt: skip
        else:
            try:
                roles.append((role, value, resolve_asset(folder, value)))
            except UnitError as exc:
                reader.error(role, str(exc))
    reader.finish()
    if reader.problems or not {"regular", "bold"} <= {role for role, _, _ in roles}:
        return None
    return FontChoice(tuple(roles), Source(reader.node.path, reader.anchor, reader.where))


def read_scripts(top: schema.Reader, folder: Path) -> tuple[tuple[str, FontChoice], ...]:
    """layout.yaml's `fonts_by_script:`: script -> fonts."""
    section = top.mapping("fonts_by_script", required=False)
    if section is None:
        return ()
    scripts = []
    for script in section.node:
        if script not in SCRIPTS:
            section.error(script, f"expected a script, one of {', '.join(SCRIPTS)}, found {script!r}")
            section.taken.add(script)
            continue
        reader = section.mapping(script)
        choice = read_choice(reader, folder) if reader else None
        if choice:
            scripts.append((script, choice))
    section.finish()
    return tuple(scripts)


def edition_layout(layout: Layout, edition: Edition, problems: Problems) -> Layout | None:
    """The layout `edition` prints with: its own fonts, else the deck's when they have every letter
    of its language, else those of its script in fonts_by_script; right to left where it reads so."""
    direction = "rtl" if is_right_to_left(edition.language) else "ltr"
    choice = edition.fonts or _by_language(layout, edition.language)
    fonts = layout.fonts
    if choice is not None:
        fonts = _loaded(choice, problems)
        if fonts is None:
            return None
    if fonts is layout.fonts and direction == "ltr":
        return layout  # the deck's own fonts, left to right: the layout as it was read, byte for byte
    names = fonts.names()
    card, poster = layout.card, layout.poster
    restyle = lambda style: _restyled(style, names, direction)  # noqa: E731
    card = replace(card, **{n: restyle(getattr(card, n)) for n in ("front_label", "front_deck", "title", "description", "number")})
    poster = replace(poster, **{n: restyle(getattr(poster, n)) for n in ("title", "label", "footer")})
    return replace(layout, fonts=fonts, card=card, poster=poster, direction=direction)


def _by_language(layout: Layout, language: str) -> FontChoice | None:
    """None: the deck's own fonts do. The letters of the language decide, not the texts: an edition
    keeps its fonts when a translator adds a word."""
    lang = language_of(language)
    if lang.script == "latin" and not missing_characters(layout.fonts.regular.name, lang.letters):
        return None
    if lang.script != "latin" and lang.letters and not missing_characters(layout.fonts.regular.name, lang.letters):
        return None
    return dict(layout.scripts).get(lang.script)


def _loaded(choice: FontChoice, problems: Problems) -> Fonts | None:
    fonts: dict[str, Font] = {}
    for role, value, path in choice.roles:
        if path is None:
            fonts[role] = Font(value)
            continue
        try:
            fonts[role] = Font(register_ttf(path), path)
        except FontError as exc:
            source = choice.source
            problems.add(source.path, source.line, f"{source.key}.{role}", f"{value!r} {exc}")
    if len(fonts) < len(choice.roles):
        return None
    for role, follows in FOLLOWS.items():
        fonts.setdefault(role, fonts[follows])
    loaded = Fonts(**fonts)
    register_family(loaded.names())
    return loaded


def _restyled(style: TextStyle, names: dict[str, str], direction: str) -> TextStyle:
    return replace(style, font=names[style.role] if style.role else style.font, direction=direction)
