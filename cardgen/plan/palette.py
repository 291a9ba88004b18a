"""Colours as a black-and-white printer and a reader see them: the grey of a colour (L* of CIELAB),
the contrast of text on it (WCAG), and the text colour that reads on a face. Pure arithmetic.

A black-and-white printer prints a colour as a grey of about its lightness L*; faces whose L*
differ by less than MIN_GREY_STEP look alike in such a print. Text needs MIN_CONTRAST against
what it stands on (WCAG AA for body text)."""

from __future__ import annotations

from cardgen.model import RGB, Card
from cardgen.spec import AUTO, CardLayout, TextStyle

MIN_GREY_STEP = 15.0  # L*: faces closer than this print as one grey
MIN_CONTRAST = 4.5  # WCAG AA for text
_WHITE = (0.95047, 1.0, 1.08883)  # D65, as sRGB is defined
_EPS, _KAPPA = 216 / 24389, 24389 / 27


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encoded(c: float) -> float:
    c = min(1.0, max(0.0, c))
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def luminance(colour: RGB) -> float:
    """Relative luminance Y of an sRGB colour (0 black, 1 white)."""
    r, g, b = (_linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: RGB, second: RGB) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    low, high = sorted((luminance(first), luminance(second)))
    return (high + 0.05) / (low + 0.05)


def _f(t: float) -> float:
    return t ** (1 / 3) if t > _EPS else (_KAPPA * t + 16) / 116


def lab(colour: RGB) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in colour)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / _WHITE[0]
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / _WHITE[2]
    fx, fy, fz = _f(x), _f(y), _f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def lightness(colour: RGB) -> float:
    """L* of CIELAB: the grey a black-and-white print gives the colour, 0 black to 100 white."""
    return lab(colour)[0]


def _from_lab(l: float, a: float, b: float) -> RGB:
    fy = (l + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200
    inv = lambda f: f**3 if f**3 > _EPS else (116 * f - 16) / _KAPPA  # noqa: E731
    x, y, z = inv(fx) * _WHITE[0], inv(fy), inv(fz) * _WHITE[2]
    r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z
    g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z
    b_ = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z
    return tuple(round(_encoded(c) * 255) / 255 for c in (r, g, b_))  # type: ignore[return-value]


def text_on(face: RGB, light: RGB, dark: RGB) -> RGB:
    """The one of the two text colours that reads better on `face`: light on dark faces, dark on light ones."""
    return light if contrast(light, face) >= contrast(dark, face) else dark


def readable(colour: RGB, background: RGB, ratio: float = MIN_CONTRAST) -> RGB:
    """`colour` as text on `background`: itself when it reads at `ratio`, else the same hue made
    darker (or lighter, on a dark background) until it does. A light category colour stays its
    own hue in a title on the white back, only deep enough to read."""
    if contrast(colour, background) >= ratio:
        return colour
    l, a, b = lab(colour)
    darker = lightness(background) >= 50
    low, high = (0.0, l) if darker else (l, 100.0)
    for _ in range(30):  # bisection on L*: the contrast grows steadily as L* moves away from the background
        middle = (low + high) / 2
        ok = contrast(_from_lab(middle, a, b), background) >= ratio + 0.05
        if ok == darker:
            low = middle
        else:
            high = middle
    return _from_lab(low if darker else high, a, b)


def _hex(colour: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in colour)


def palette_warnings(structure, layout) -> list[str]:
    """What a deck author should hear about the faces' colours: faces that print as nearly one grey
    in black and white, and text that does not read on its face. Each names the file and line."""
    from cardgen.errors import show_path
    from cardgen.spec import AUTO

    card = layout.card
    faces = [(f"category '{c.id}'", c.colour, f"{show_path(structure.path)}:{c.colour_source.line if c.colour_source else 1}") for c in structure.categories]
    if structure.rules_card != "none":
        faces.append(("the rules card", card.rules_colour, f"{show_path(layout.path)}:{layout.line('card.rules_colour')}"))
    warnings = []
    for i, (name, colour, where) in enumerate(faces):
        for other, other_colour, other_where in faces[i + 1 :]:
            step = abs(lightness(colour) - lightness(other_colour))
            if step < MIN_GREY_STEP:
                warnings.append(
                    f"{where}: {name} ({_hex(colour)}, L* {lightness(colour):.0f}) and {other} ({_hex(other_colour)}, "
                    f"L* {lightness(other_colour):.0f}{'' if other_where.split(':')[0] == where.split(':')[0] else ', ' + other_where}) print as greys only {step:.1f} apart in black and white; "
                    f"make one lighter or darker, at least {MIN_GREY_STEP:g} apart in L*"
                )
        for key in ("front_label", "front_deck"):
            style = getattr(card, key)
            text = text_on(colour, card.light_text, card.dark_text) if style.colour == AUTO else (style.colour or colour)
            ratio = contrast(text, colour)
            if ratio < MIN_CONTRAST:
                cure = ("neither light_text nor dark_text reads on it: make the colour lighter or darker" if style.colour == AUTO
                        else f"set colour: auto (line {layout.line(f'card.styles.{key}')} of {show_path(layout.path)}) or make the colour lighter or darker")  # fmt: skip
                warnings.append(
                    f"{where}: {name}: the text on its face ({_hex(text)} on {_hex(colour)}, card.styles.{key}) has a contrast "
                    f"of {ratio:.1f}:1, below {MIN_CONTRAST:g}:1; {cure}"
                )
    for key in ("title", "description", "number"):  # on the back; 'category' and 'auto' are made to read there
        style = getattr(card, key)
        if style.colour in (None, AUTO) or contrast(style.colour, card.back_background) >= MIN_CONTRAST:
            continue
        warnings.append(
            f"{show_path(layout.path)}:{layout.line(f'card.styles.{key}')}: card.styles.{key}: {_hex(style.colour)} on the back "
            f"({_hex(card.back_background)}) has a contrast of {contrast(style.colour, card.back_background):.1f}:1, below "
            f"{MIN_CONTRAST:g}:1; choose a darker colour, or colour: auto"
        )
    return warnings


def icon_warnings(structure) -> list[str]:
    """Faces that share an icon: on a black-and-white printer the icon is what keeps categories
    apart (their colours become greys), so two with one icon are told apart by a word alone."""
    from cardgen.errors import show_path

    faces = [(f"category '{c.id}'", c.icon, c.colour_source.line if c.colour_source else None) for c in structure.categories]
    if structure.rules_card != "none" and structure.rules_icon:
        faces.append(("the rules card", structure.rules_icon, None))
    first: dict = {}
    warnings = []
    for name, icon, line in faces:
        if icon is None:
            continue
        if icon in first:
            earlier, earlier_line = first[icon]
            where = f"{show_path(structure.path)}:{line}" if line else show_path(structure.path)
            also = f" (line {earlier_line})" if earlier_line else ""
            warnings.append(f"{where}: {name} has the same icon as {earlier}{also}, {icon.name}; in black and white their "
                            "cards then differ by their label alone: give each its own icon")  # fmt: skip
        else:
            first[icon] = (name, line)
    return warnings


def on_face(style: TextStyle, card: Card):
    """A text's colour on the card's coloured face: 'auto' reads on that face, 'category' is the face's own colour."""
    if style.colour == AUTO:
        return card.on_colour
    return style.colour or card.colour


def on_back(style: TextStyle, card: Card, layout: CardLayout):
    """A text's colour on the light back: 'category' is the category's colour deep enough to read there."""
    if style.colour == AUTO:
        return text_on(layout.back_background, layout.light_text, layout.dark_text)
    return style.colour or card.ink or card.colour
