"""Colours in CMYK through an ICC profile, written as each colour is drawn.

ReportLab hands every colour it sets (canvas calls, paragraphs and their markup, SVG drawings, the
QR widget) to a canvas's `enforceColorSpace` callable; `Inks` is that callable, and answers with the
CMYK colour to write. RGB design colours (sRGB) go through the profile with LittleCMS (Pillow's
ImageCms), relative colorimetric with black-point compensation, the usual choice for flat design
colours onto paper. Greys (R = G = B) are the exception: they print on the black plate alone, at
the K that gives the grey's lightness through the profile, so that small grey text stays sharp
when the plates are a hair out of register; black is K 100. A colour the layout or the deck wrote
as `cmyk(...)` keeps its values exactly (see `exact_colours`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from reportlab.lib.colors import CMYKColor, Color, toColor

RGB8 = tuple[int, int, int]
CMYK = tuple[float, float, float, float]
TARGET = 3.0  # ΔE2000: a colour the profile holds prints at least this close to the design; one further away is reported


def rgb8(rgb) -> RGB8:
    """The 8-bit colour a fraction triple stands for: how '#RRGGBB' markup and ReportLab's own colours
    of it compare equal to the tuple it came from."""
    return tuple(max(0, min(255, round(float(c) * 255))) for c in rgb)


def written_as_cmyk(*data) -> list[tuple[tuple[float, float, float], CMYK]]:
    """(RGB, CMYK) of every colour written as CMYK anywhere in the given frozen data (layout, structure)."""
    found, seen = [], set()

    def walk(value) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if getattr(value, "cmyk", None) and isinstance(value, tuple):
            found.append((tuple(value), value.cmyk))
        elif is_dataclass(value):
            for item in fields(value):
                walk(getattr(value, item.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    for item in data:
        walk(item)
    return found


def exact_colours(*data) -> tuple[tuple[tuple[RGB8, CMYK], ...], list[tuple[CMYK, CMYK]]]:
    """The colours to print with exactly their CMYK values, by the 8-bit RGB they are drawn as, and the
    pairs of different CMYK colours that draw as one RGB colour (rich and plain black, say), which
    the drawing cannot tell apart."""
    exact: dict[RGB8, CMYK] = {}
    clashes = []
    for rgb, cmyk in written_as_cmyk(*data):
        key = rgb8(rgb)
        if key in exact and exact[key] != cmyk:
            clashes.append((exact[key], cmyk))
        exact.setdefault(key, cmyk)
    return tuple(sorted(exact.items())), clashes


@dataclass(frozen=True)
class Inks:
    """The canvas's colour hook for a CMYK file: any colour ReportLab is given -> a CMYKColor."""

    profile: Path
    exact: tuple[tuple[RGB8, CMYK], ...] = ()
    _seen: dict = field(default_factory=dict, compare=False, repr=False)  # colour -> CMYK, to save time only

    def __call__(self, colour) -> CMYKColor:
        if isinstance(colour, CMYKColor):
            return colour
        if isinstance(colour, str):
            colour = toColor(colour)
        alpha = getattr(colour, "alpha", None)
        if isinstance(colour, Color):
            colour = (colour.red, colour.green, colour.blue)
        if len(colour) == 4:
            return CMYKColor(*colour, alpha=alpha)
        return CMYKColor(*self.cmyk(colour), alpha=alpha)

    def cmyk(self, rgb) -> CMYK:
        key = rgb8(rgb)
        if key not in self._seen:
            self._seen[key] = self._exact.get(key) or convert(key, self.table)
        return self._seen[key]

    @cached_property
    def _exact(self) -> dict[RGB8, CMYK]:
        return dict(self.exact)

    @cached_property
    def table(self) -> _Tables:
        return _tables(self.profile.read_bytes())


def convert(rgb: RGB8, table: _Tables) -> CMYK:
    """An sRGB colour in the profile's CMYK: greys on K alone, others relative colorimetric + BPC."""
    if rgb[0] == rgb[1] == rgb[2]:
        return (0.0, 0.0, 0.0, table.grey_k(_grey_lightness(rgb[0])))
    return tuple(round(v / 255, 4) for v in table.pixel(table.to_cmyk, rgb))


@dataclass(frozen=True)
class Match:
    """How close a design colour prints: its CMYK and ΔE2000 from the design."""

    rgb: RGB8
    cmyk: CMYK
    delta_e: float


def match(rgb, inks: Inks) -> Match:
    """The CMYK a design colour prints as, seen back through the same profile."""
    key = rgb8(rgb)
    table = inks.table
    cmyk = inks.cmyk(rgb)
    design = table.lab(table.rgb_to_lab, key)
    printed = table.lab(table.cmyk_to_lab, tuple(round(v * 255) for v in cmyk))
    return Match(key, cmyk, delta_e2000(design, printed))


def _grey_lightness(value: int) -> float:
    """CIE L* of an sRGB grey (media-relative, as the profile sees it)."""
    v = value / 255
    y = v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 116 * y ** (1 / 3) - 16 if y > (6 / 29) ** 3 else y * (29 / 3) ** 3


class _Tables:
    """The LittleCMS transforms of one profile, and its lightness of K alone from K 0 to K 100."""

    def __init__(self, data: bytes) -> None:
        from io import BytesIO

        from PIL import Image, ImageCms

        cmyk = ImageCms.ImageCmsProfile(BytesIO(data))
        srgb, lab = ImageCms.createProfile("sRGB"), ImageCms.createProfile("LAB", 5000)
        relative = ImageCms.Intent.RELATIVE_COLORIMETRIC
        self.to_cmyk = ImageCms.buildTransform(srgb, cmyk, "RGB", "CMYK", relative, ImageCms.Flags.BLACKPOINTCOMPENSATION)
        self.rgb_to_lab = ImageCms.buildTransform(srgb, lab, "RGB", "LAB", relative)
        self.cmyk_to_lab = ImageCms.buildTransform(cmyk, lab, "CMYK", "LAB", relative)
        ramp = Image.new("CMYK", (256, 1))
        ramp.putdata([(0, 0, 0, k) for k in range(256)])
        lightness = ImageCms.applyTransform(ramp, self.cmyk_to_lab)
        self.k_lightness = [lightness.getpixel((k, 0))[0] * 100 / 255 for k in range(256)]
        self._image = Image

    def pixel(self, transform, value: tuple) -> tuple:
        from PIL import ImageCms

        mode = "RGB" if len(value) == 3 else "CMYK"
        return ImageCms.applyTransform(self._image.new(mode, (1, 1), value), transform).getpixel((0, 0))

    def lab(self, transform, value: tuple) -> tuple[float, float, float]:
        l, a, b = self.pixel(transform, value)
        return (l * 100 / 255, a - 128, b - 128)

    def grey_k(self, lightness: float) -> float:
        """The K (0 to 1) whose lightness alone is `lightness`, interpolated along the measured ramp."""
        ramp = self.k_lightness
        if lightness >= ramp[0]:
            return 0.0
        for k in range(1, 256):
            if ramp[k] <= lightness:
                upper, lower = ramp[k - 1], ramp[k]
                step = (upper - lightness) / (upper - lower) if upper > lower else 1.0
                return round((k - 1 + step) / 255, 4)
        return 1.0


@lru_cache(maxsize=4)
def _tables(data: bytes) -> _Tables:  # keyed by the profile's content: saves time only
    return _Tables(data)


def delta_e2000(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference of two CIELAB colours (Sharma, Wu and Dalal's formulation)."""
    (l1, a1, b1), (l2, a2, b2) = first, second
    mean_c = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(mean_c**7 / (mean_c**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = (math.degrees(math.atan2(b, a)) % 360 if c else 0.0 for a, b, c in ((a1, b1, c1), (a2, b2, c2)))
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_l, d_c, d_h = l2 - l1, c2 - c1, 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    mean_l, mean_c = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        mean_h = h1 + h2
    elif abs(h1 - h2) <= 180:
        mean_h = (h1 + h2) / 2
    else:
        mean_h = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(mean_h - 30)) + 0.24 * math.cos(math.radians(2 * mean_h))
         + 0.32 * math.cos(math.radians(3 * mean_h + 6)) - 0.20 * math.cos(math.radians(4 * mean_h - 63)))  # fmt: skip
    rotation = 30 * math.exp(-(((mean_h - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(mean_c**7 / (mean_c**7 + 25**7))
    s_l = 1 + 0.015 * (mean_l - 50) ** 2 / math.sqrt(20 + (mean_l - 50) ** 2)
    s_c, s_h = 1 + 0.045 * mean_c, 1 + 0.015 * mean_c * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    return math.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h))
