"""How each design colour of the layout and the deck prints through the CMYK profile, by key and line:
for `--cmyk` builds, a warning for every colour the profile cannot print close to the design."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from cardgen.model import RGB, Structure
from cardgen.spec import AUTO, Layout
from cardgen.pdf.cmyk import TARGET, Inks, Match, match, rgb8
from cardgen.units import Colour

CARD_STYLES = ("front_label", "front_deck", "title", "description", "number")
POSTER_STYLES = ("title", "label", "footer")


@dataclass(frozen=True)
class DesignColour:
    path: Path
    line: int | None
    key: str
    colour: RGB


def design_colours(layout: Layout, structure: Structure) -> list[DesignColour]:
    """Every colour written in layout.yaml and deck.yaml (a style's 'category' is its category's); a
    colour in a part of the layout this list does not know yet is named by its field path."""
    card, poster = layout.card, layout.poster
    written = [("card.back_background", card.back_background), ("card.rules_colour", card.rules_colour)]
    written += [(f"card.styles.{name}.colour", getattr(card, name).colour) for name in CARD_STYLES]
    written += [("sheet.cut_marks.colour", layout.sheet.mark_colour), ("poster.background", poster.background)]
    written += [(f"poster.styles.{name}.colour", getattr(poster, name).colour) for name in POSTER_STYLES]
    written = [(key, colour) for key, colour in written if colour not in (None, AUTO)]  # 'auto' is light_text or dark_text
    found = [DesignColour(layout.path, _line(layout, key), key, colour) for key, colour in written]
    named = {id(colour) for _, colour in written}
    found += [DesignColour(layout.path, _line(layout, key), key, colour) for key, colour in _colours_in(layout, "") if id(colour) not in named]
    for item in (*structure.categories, structure.strengths, structure.work):
        source = item.colour_source
        found.append(DesignColour(source.path if source else structure.path, source and source.line, source.key if source else "", item.colour))
    return found


def _colours_in(value, key: str):
    """(dotted field path, colour) of every colour in a layout that the list above does not name yet."""
    if isinstance(value, Colour):
        yield key.lstrip("."), value
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            yield from _colours_in(getattr(value, item.name), f"{key}.{item.name}")


def _line(layout: Layout, key: str) -> int | None:
    """The line of `key`, or of the deepest section above it that has one (a style written on one line)."""
    parts = key.split(".")
    for end in range(len(parts), 0, -1):
        line = layout.line(".".join(parts[:end]))
        if line is not None:
            return line
    return None


def matches(layout: Layout, structure: Structure, inks: Inks) -> list[tuple[DesignColour, Match]]:
    """Each design colour and how it prints; colours written as cmyk(...) are printed as written."""
    return [(colour, match(colour.colour, inks)) for colour in design_colours(layout, structure) if not getattr(colour.colour, "cmyk", None)]


def gamut_warnings(layout: Layout, structure: Structure, profile_name: str) -> list[str]:
    """One line for every design colour that prints further than ΔE2000 3 from how it looks on screen
    (outside the profile's gamut); black is the black ink (K 100) and never named."""
    from cardgen.errors import Problem

    warnings = []
    for colour, found in matches(layout, structure, Inks(layout.profile)):
        if found.delta_e <= TARGET or found.rgb == (0, 0, 0):
            continue
        hex_colour = "#" + "".join(f"{v:02X}" for v in rgb8(colour.colour))
        shown = ", ".join(f"{v * 100:.0f}" for v in found.cmyk)
        warnings.append(str(Problem(colour.path, colour.line, colour.key or None,
            f"{hex_colour} lies outside the gamut of the CMYK profile '{profile_name}': it prints as cmyk({shown}), "
            f"a colour difference (CIEDE2000) of {found.delta_e:.1f} from the colour on screen (up to {TARGET:g} is hard to see); choose a less "
            "saturated colour, or write the CMYK you want as \"cmyk(C, M, Y, K)\"")))  # fmt: skip
    return warnings
