"""Load and validate the layout spec (layout.yaml): every length in points, every colour parsed."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from cardgen.load import schema
from cardgen.errors import Problems
from cardgen.spec import AUTO, CardLayout, Font, Fonts, Layout, Overrides, PosterLayout, QrLayout, SheetLayout, TextStyle
from cardgen.load.fonts import STANDARD_FONTS, FontError, register_family, register_ttf
from cardgen.load.assets import resolve_asset
from cardgen.load.output import read_output, refuse_unembedded_fonts
from cardgen.units import MM, UnitError, parse_card_size, parse_colour, parse_offset
from cardgen.load.defaults import layout_in_force
from cardgen.load.scriptfonts import read_scripts
from cardgen.load.layout_limits import MIN_QR, check_fits
from cardgen.load.yamlfile import key_lines, load_yaml

LAYOUT_FILE = "layout.yaml"

FONT_ROLES = ("regular", "bold", "italic", "bold_italic")
CATEGORY = None  # a style colour of "category": the card's own category colour
DARK_TEXT = (0x22 / 255, 0x22 / 255, 0x22 / 255)  # #222222: a near-black grey for text on light faces (black ink alone in CMYK)


def load_layout(folder: Path, problems: Problems, overrides: Overrides = Overrides()) -> Layout | None:
    """The layout spec of a deck folder; what the command line gives overrides the spec."""
    top = layout_reader(folder, problems)
    if top is None:
        return None
    fonts = _fonts(top, folder)
    scripts = read_scripts(top, folder)
    card = _card(top, fonts, overrides.card_size)
    sheet = _sheet(top, overrides)
    poster = _poster(top, fonts, overrides)
    qr_layout = _qr(top, overrides.qr)
    shop, cmyk, output = read_output(top, overrides, folder)
    if shop and cmyk:
        refuse_unembedded_fonts(top, fonts)
    top.finish()
    if top.problems:
        return None
    lines = key_lines(top.node, ("card", "sheet", "poster", "qr", "output"))
    layout = Layout(top.node.path, card, sheet, poster, Fonts(**fonts), qr_layout, shop, cmyk, lines, scripts=scripts, **output)
    check_fits(layout, top)
    return None if top.problems else layout


def layout_reader(folder: Path, problems: Problems) -> schema.Reader | None:
    """A Reader over the layout in force: the deck's layout.yaml (if it has one) over cardgen's defaults."""
    path = folder / LAYOUT_FILE
    scope = problems.scope()
    own = load_yaml(path, scope, root=folder, empty_ok=True) if os.path.lexists(path) else None
    return None if scope else schema.Reader(layout_in_force(path, own), "", scope)


def _fonts(top: schema.Reader, folder: Path) -> dict[str, Font]:
    """Role -> font. A role is a standard PDF font or a TrueType file in the deck
    folder (or cardgen's assets); bold_italic may be left out and then follows bold."""
    reader = top.mapping("fonts")
    fonts = {}
    if reader is None:
        return fonts
    for role in FONT_ROLES:
        default = schema.MISSING if role != "bold_italic" else None
        value = reader.get(role, schema.text, default)
        if value is not None:
            fonts[role] = _font(reader, role, value, folder)
    reader.finish()
    if all(fonts.get(role) for role in FONT_ROLES[:3]):
        fonts["bold_italic"] = fonts.get("bold_italic") or fonts["bold"]
        register_family({role: font.name for role, font in fonts.items()})
    return fonts


def _font(reader: schema.Reader, role: str, value: str, folder: Path) -> Font | None:
    if value in STANDARD_FONTS:
        return Font(value)
    if not value.lower().endswith(".ttf"):
        reader.error(
            role,
            f"expected a TrueType file such as 'fonts/MyFont-Regular.ttf' or one of the standard fonts "
            f"({', '.join(STANDARD_FONTS)}), found {value!r}",
        )
        return None
    try:
        path = resolve_asset(folder, value)
        return Font(register_ttf(path), path)
    except (UnitError, FontError) as exc:
        reader.error(role, f"{value!r} {exc}" if isinstance(exc, FontError) else str(exc))
        return None


def _style(parent: schema.Reader | None, key: str, fonts: dict[str, Font]) -> TextStyle | None:
    reader = parent.mapping(key) if parent else None
    if reader is None:
        return None
    role = reader.get("font", schema.choice(*FONT_ROLES))
    size = reader.get("size", schema.positive_length)
    min_size = reader.get("min_size", schema.positive_length, size)
    leading = reader.get("leading", schema.positive_number, 1.2)
    colour = reader.get("colour", _style_colour)
    reader.finish()
    if size and min_size and min_size > size:
        reader.error("min_size", f"expected at most the size ({size:g} pt), found {min_size:g} pt")
    if None in (size, min_size, leading) or not fonts.get(role):
        return None
    return TextStyle(fonts[role].name, size, min_size, leading, colour, role)


def _style_colour(value: object):
    """A colour, 'category' (the card's category colour) or 'auto' (light text on dark faces, dark on light ones)."""
    if value == "category":
        return CATEGORY
    if value == AUTO:
        return AUTO
    return parse_colour(value, also=", the word category or the word auto")


def _card(top: schema.Reader, fonts: dict[str, Font], size_override: tuple[float, float] | None) -> CardLayout | None:
    reader = top.mapping("card")
    if reader is None:
        return None
    width, height = _card_size(reader, size_override)
    values = dict(
        width=width,
        height=height,
        padding=reader.get("padding", schema.nonnegative_length),
        band=reader.get("band", schema.nonnegative_length),
        icon=reader.get("icon", schema.nonnegative_length, 20 * MM),
        fit=reader.get("fit", schema.choice("deck", "card"), "deck"),
        back_background=reader.get("back_background", schema.colour),
        rules_colour=reader.get("rules_colour", schema.colour),
        light_text=reader.get("light_text", schema.colour, (1.0, 1.0, 1.0)),
        dark_text=reader.get("dark_text", schema.colour, DARK_TEXT),
    )
    styles = reader.mapping("styles")
    for name in ("front_label", "front_deck", "title", "description", "number"):
        values[name] = _style(styles, name, fonts)
    if styles:
        styles.finish()
    reader.finish()
    if None in values.values():
        return None
    return CardLayout(**values)


def _card_size(reader: schema.Reader, override: tuple[float, float] | None) -> tuple[float | None, float | None]:
    """card.size (a preset such as poker, or '63x88') or card.width and card.height; not both."""
    if "size" in reader.node and ("width" in reader.node or "height" in reader.node):
        reader.error("size", "give either size or width and height, not both")
    if "size" in reader.node or ("width" not in reader.node and "height" not in reader.node):
        size = reader.get("size", parse_card_size)
        width, height = size if size else (None, None)
    else:
        width = reader.get("width", schema.positive_length)
        height = reader.get("height", schema.positive_length)
    reader.taken.update(("size", "width", "height"))
    return override if override else (width, height)


def _sheet(top: schema.Reader, overrides: Overrides) -> SheetLayout | None:
    reader = top.mapping("sheet")
    if reader is None:
        return None
    values = dict(
        paper=reader.get("paper", schema.size),
        margin=reader.get("margin", schema.nonnegative_length),
        gutter=reader.get("gutter", schema.nonnegative_length),
        flip=reader.get("flip", schema.choice("long", "short", "fold"), "long"),
        offset=reader.get("offset", parse_offset, (0.0, 0.0)),
        cut_lines=reader.get("cut_lines", schema.flag, True),
    )
    marks = reader.mapping("cut_marks")
    if marks:
        values.update(
            mark_length=marks.get("length", schema.positive_length),
            mark_offset=marks.get("offset", schema.nonnegative_length),
            mark_width=marks.get("width", schema.positive_length),
            mark_colour=marks.get("colour", schema.colour),
        )
        marks.finish()
    reader.finish()
    for key in ("flip", "paper", "offset", "cut_lines"):
        if getattr(overrides, key) is not None:
            values[key] = getattr(overrides, key)
    if not marks or None in values.values():
        return None
    return SheetLayout(**values)


def _poster(top: schema.Reader, fonts: dict[str, Font], overrides: Overrides) -> PosterLayout | None:
    """The poster as the spec draws it; at another `size` (--poster-size) the margin and every
    text size scale with the short side, so an A1 poster is the A3 one, larger."""
    reader = top.mapping("poster")
    if reader is None:
        return None
    paper = reader.get("paper", schema.size)
    orientation = reader.get("orientation", schema.choice("landscape", "portrait"), "landscape")
    margin = reader.get("margin", schema.nonnegative_length)
    background = reader.get("background", schema.colour)
    tile = reader.get("tile", _tile_paper, None)
    overlap = reader.get("overlap", schema.nonnegative_length, 10 * MM)
    styles = reader.mapping("styles")
    title, label, footer = (_style(styles, name, fonts) for name in ("title", "label", "footer"))
    if styles:
        styles.finish()
    reader.finish()
    if None in (paper, orientation, margin, background, title, label, footer):
        return None
    short, long_ = sorted(paper)
    scale = 1.0
    size = overrides.poster_size
    if size:
        scale = min(size) / short
        short, long_ = sorted(size)
        margin *= scale
        title, label, footer = (_scaled(style, scale) for style in (title, label, footer))
    paper = (long_, short) if orientation == "landscape" else (short, long_)
    tile = overrides.tile or tile
    overlap = overrides.overlap if overrides.overlap is not None else overlap
    return PosterLayout(paper, margin, title, label, footer, background, tile, overlap)


def _tile_paper(value: object) -> tuple[float, float] | None:
    return None if value in (None, "none") else schema.size(value)


def _scaled(style: TextStyle, scale: float) -> TextStyle:
    return replace(style, size=style.size * scale, min_size=style.min_size * scale)


def _qr(top: schema.Reader, override: bool | None) -> QrLayout:
    """A QR code for the deck's site on the rules card and the poster; on unless switched off."""
    reader = top.mapping("qr", required=False)
    show, rules_card, poster = True, 22 * MM, 36 * MM
    if reader:
        show = reader.get("show", schema.flag, True)
        rules_card = reader.get("rules_card", schema.positive_length, rules_card)
        poster = reader.get("poster", schema.positive_length, poster)
        reader.finish()
        for key, side in (("rules_card", rules_card), ("poster", poster)):
            if side is not None and side < MIN_QR:
                reader.error(key, f"expected at least {MIN_QR / MM:g} mm so that a phone can scan it from print, found {side / MM:g} mm")
    return QrLayout(show if override is None else override, rules_card or MIN_QR, poster or MIN_QR)
