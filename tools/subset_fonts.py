"""Make cardgen's Noto fonts (assets/fonts/Noto*.ttf) from the full Noto files, subset to the scripts
cardgen's editions need, so that the package stays small. Run once, when the fonts change:

    python tools/subset_fonts.py /usr/share/fonts/truetype/noto   # Debian's fonts-noto-core

Noto Sans: Latin (with the extensions of Turkish, Polish, Romanian, Vietnamese), Greek, Cyrillic.
Noto Sans Arabic and Noto Sans Hebrew: their scripts, merged with Noto Sans's basic Latin, because
such a text carries web addresses and names in Latin letters, and these fonts have none.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "assets" / "fonts"

COMMON = [
    (0x0020, 0x007E), (0x00A0, 0x00FF),  # Basic Latin, Latin-1
    (0x2000, 0x206F), (0x20A0, 0x20CF),  # General Punctuation, currency
    (0x2116, 0x2116), (0x2122, 0x2122), (0x2190, 0x2193), (0x2212, 0x2212),  # №, ™, arrows, minus
    (0xFFFD, 0xFFFD),
]  # fmt: skip
LATIN_GREEK_CYRILLIC = COMMON + [
    (0x0100, 0x024F),  # Latin Extended-A and -B (Turkish İ ı ş ğ, Polish, Romanian ș ț)
    (0x0259, 0x0259), (0x02B0, 0x02FF), (0x0300, 0x036F),  # ə (Azerbaijani), modifier letters, combining accents
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x0370, 0x03FF),  # Greek (monotonic)
    (0x0400, 0x052F),  # Cyrillic and its supplement
]  # fmt: skip
ARABIC = [
    (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF),  # Arabic, Supplement, Extended-A
    (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),  # presentation forms
    (0x200C, 0x200F), (0x2010, 0x2027), (0x0020, 0x0040), (0x00A0, 0x00A0), (0x00AB, 0x00AB), (0x00BB, 0x00BB),
]  # fmt: skip
HEBREW = [
    (0x0590, 0x05FF), (0xFB1D, 0xFB4F),  # Hebrew with its points, presentation forms
    (0x200C, 0x200F), (0x2010, 0x2027), (0x0020, 0x0040), (0x00A0, 0x00A0), (0x20AA, 0x20AA),
]  # fmt: skip
FEATURES = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk", "init", "medi", "fina", "isol",
            "rlig", "rclt", "curs", "case", "ss01"]  # fmt: skip


def _codes(ranges):
    return [code for low, high in ranges for code in range(low, high + 1)]


def _subset(source: Path, ranges, out: Path, without: frozenset[int] = frozenset()) -> None:
    options = subset.Options()
    options.layout_features = FEATURES
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False  # print: hinting only helps low-resolution screens, and doubles the file
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for code in _codes(ranges) if code not in without])
    subsetter.subset(font)
    font.recalcTimestamp = False  # the source's date: the same source gives the same bytes
    font.save(str(out))


def _merged(script: Path, ranges, latin: Path, out: Path, name: str) -> None:
    """`script`'s font subset to `ranges`, with the Latin it lacks taken from `latin`."""
    family = name.removesuffix(" Latin")
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "a.ttf", Path(tmp) / "b.ttf"
        _subset(script, ranges, a)
        # only what the Arabic font lacks: a character in both would get a second glyph, chosen by
        # script, which ReportLab cannot map back to its character (copying the text would lose it)
        _subset(latin, COMMON, b, without=frozenset(TTFont(str(a)).getBestCmap()))
        merged = Merger().merge([str(a), str(b)])  # the first font wins where both have a character
        for record in merged["name"].names:
            if record.nameID in (1, 4, 16):
                record.string = record.toUnicode().replace(family, name)
            elif record.nameID == 6:
                record.string = record.toUnicode().replace(family.replace(" ", ""), name.replace(" ", ""))
        source = TTFont(str(script))["head"]
        merged["head"].created, merged["head"].modified = source.created, source.modified
        merged.recalcTimestamp = False
        merged.save(str(out))


def main(folder: str) -> None:
    src = Path(folder)
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        _subset(src / f"NotoSans-{style}.ttf", LATIN_GREEK_CYRILLIC, OUT / f"NotoSans-{style}.ttf")
    for style in ("Regular", "Bold"):
        for script, ranges in (("Arabic", ARABIC), ("Hebrew", HEBREW)):
            _merged(src / f"NotoSans{script}-{style}.ttf", ranges, src / f"NotoSans-{style}.ttf",
                    OUT / f"NotoSans{script}Latin-{style}.ttf", f"Noto Sans {script} Latin")  # fmt: skip
    for path in sorted(OUT.glob("Noto*.ttf")):
        print(f"{path.name}: {path.stat().st_size / 1000:.0f} kB, {len(TTFont(str(path)).getBestCmap())} characters")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/noto")
