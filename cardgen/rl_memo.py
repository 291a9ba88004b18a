"""ReportLab's pure-Python number formatting, text widths and text encoding, remembered or done
in one pass.

Without its C accelerator (rl_accel, which formats numbers differently: other bytes), ReportLab
formats every number it writes into a page with `fp_str` and measures every word with a sum over
its characters. A deck repeats both endlessly: 1,000 cards write 57,000 numbers, of which 1,600
differ, and measure the same words again and again. Remembering the results changes nothing in
the output (the same functions give them, once each) and takes a sixth off a large build.

Writing a line of text, ReportLab looks up every character's subset code and escapes every byte
in a Python loop; once a font's characters have codes, the same results come from str.translate
(`split_string`, `escape_pdf`): every line of a description is new, so remembering would not help.

A paragraph of plain text (no tag, no entity: every title, nearly every description) gets the
fragment ReportLab's markup parser would make, without running the parser (`setup`).

The memories are bounded: when one is full it starts again, so that the studio, which runs for
hours, never grows on them. `install()` is idempotent and is called where cardgen sets ReportLab
up (cardgen.paragraphs, imported by everything that measures or draws text).
"""

from __future__ import annotations

from copy import copy
from itertools import accumulate

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus.paragraph import Paragraph, _SHYStr, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

LIMIT = 50_000  # entries per memory: a few MB at most

_plain_fp_str = rl_accel.fp_str
_plain_width = ttfonts.TTFont.stringWidth
_plain_named_width = pdfmetrics.stringWidth
_plain_split = ttfonts.TTFont.splitString
_plain_escape = rl_accel.escapePDF
_plain_setup = Paragraph._setup
_plain_format = PDFTextObject._formatText
_plain_shy_word = _SHYStr.__new__
_numbers: dict = {}
_widths: dict = {}


def fp_str(*numbers) -> str:
    try:
        return _numbers[numbers]
    except KeyError:
        pass
    except TypeError:  # a list of numbers, which cannot be a key: formatted as before
        return _plain_fp_str(*numbers)
    if len(_numbers) >= LIMIT:
        _numbers.clear()
    text = _numbers[numbers] = _plain_fp_str(*numbers)
    return text


def string_width(self, text, size, encoding="utf8"):
    """TTFont.stringWidth: 0.001 * size * the sum of the characters' widths, with that sum remembered
    per face and text (the same sum, in the same order: the same float)."""
    if not isinstance(text, str):  # bytes are decoded first; the encoding plays no part for text
        return _plain_width(self, text, size, encoding)
    face = self.face
    key = (id(face), text)
    total = _widths.get(key)
    if total is None:
        if len(_widths) >= LIMIT:
            _widths.clear()
        g, default = face.charWidths.get, face.defaultWidth
        total = _widths[key] = sum(g(ord(u), default) for u in text)
        _FACES[id(face)] = face  # keeps the face alive, so that its id is never another face's
    return 0.001 * size * total


def named_width(text, fontName, fontSize, encoding="utf8"):
    """pdfmetrics.stringWidth, which Paragraph asks for every word it breaks into lines: the
    remembered sum of string_width, found without looking the font up and calling it."""
    try:
        total = _widths[id(pdfmetrics._fonts[fontName].face), text]
    except (KeyError, AttributeError, TypeError):  # not measured yet, not a TrueType font, not text
        return _plain_named_width(text, fontName, fontSize, encoding)
    return 0.001 * fontSize * total


_FACES: dict = {}


def split_string(self, text, doc, encoding="utf-8"):
    """TTFont.splitString: (subset, bytes) runs of the text. A text whose characters all have codes
    in the first subset already (nearly every line, after the first few) is one run, translated."""
    state = self.state.get(doc) if type(text) is str and text else None
    if state is not None:
        first = getattr(state, "cardgen_first_subset", None)
        if first is None or (first[0] != len(state.assignments) and not first[1]):
            first = state.cardgen_first_subset = _first_subset(state)
        if first[2].issuperset(text):
            return [(0, text.translate(first[3]).encode("latin-1"))]
    return _plain_split(self, text, doc, encoding)


def _first_subset(state) -> tuple:
    """(how many characters had codes, whether the first subset is full, its characters, their
    codes as a str.translate table). ReportLab prints a no-break space as a space."""
    codes = {code: n for code, n in state.assignments.items() if n < 256 and code != 0xA0}
    if 32 in codes:
        codes[0xA0] = codes[32]
    return len(state.assignments), state.nextCode > 255, frozenset(map(chr, codes)), codes


_ESCAPES = tuple(rl_accel._ESCAPEDICT[c] for c in range(256)) if hasattr(rl_accel, "_ESCAPEDICT") else None


def escape_pdf(s):
    """rl_accel's escapePDF of a subset's bytes, in one translate instead of a loop."""
    if type(s) is bytes:
        return s.decode("latin-1").translate(_ESCAPES)
    return _plain_escape(s)


def format_text(self, text):
    """PDFTextObject._formatText of plain text in a TrueType font: the same operators, without the
    general path's set-up (most of its cost, for a line of a few words)."""
    font = pdfmetrics.getFont(self._fontname)
    if type(text) is not str or not font._dynamicFont:  # shaped text, standard fonts: ReportLab's own path
        return _plain_format(self, text)
    canvas = self._canvas
    doc = canvas._doc
    code = []
    head = None
    for subset, run in font.splitString(text, doc):
        if subset != self._curSubset:
            head = head or f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
            code.append(f"{font.getSubsetInternalName(subset, doc)} {head}")
            self._curSubset = subset
        code.append(f"({canvas._escape(run)}) Tj")
    return " ".join(code)


def shy_word(cls, s):
    """_SHYStr.__new__: the word without its soft hyphens, and where they stood."""
    parts = s.split("\xad")
    self = str.__new__(cls, "".join(parts) if len(parts) > 1 else s)
    self.__sp__ = list(accumulate(map(len, parts[:-1])))
    return self


def setup(self, text, style, bulletText, frags, cleaner):
    """Paragraph._setup: for plain text, the parser's one fragment is its style's, holding the text."""
    if frags is None and type(self) is Paragraph and type(text) is str and "<" not in text and "&" not in text:
        cleaned = cleaner(text)
        made = _first_fragment(style) if cleaned else None
        if made is not None:
            first, lists = made
            frags = [first.clone(text=cleaned, **{key: [] for key in lists})]  # lists of its own
            textTransformFrags(frags, style)
            text = cleaned
    _plain_setup(self, text, style, bulletText, frags, cleaner)


def _first_fragment(style) -> tuple | None:
    """The fragment the parser makes of one letter in `style`, without the letter, and the names
    of its (empty) lists; None when it makes something else (more fragments, another style, Greek
    letters). Remembered per style: cardgen's paragraph styles are shared and never changed
    (cardgen.paragraphs)."""
    made = _FRAGMENTS.get(style, False)
    if made is False:
        parser = ParaParser()
        parser.caseSensitive = 1
        parsed, frags, bullet = parser.parse("x", style)
        usable = parsed is style and not bullet and len(frags) == 1 and frags[0].__dict__.get("text") == "x"
        made = None
        if usable and not getattr(frags[0], "greek", 0):
            first = copy(frags[0])
            del first.text
            made = first, tuple(key for key, value in first.__dict__.items() if value == [])
        if len(_FRAGMENTS) >= 512:
            _FRAGMENTS.clear()
        _FRAGMENTS[style] = made
    return made


_FRAGMENTS: dict = {}


_MODULES = (
    "reportlab.lib.rl_accel",
    "reportlab.pdfgen.canvas",
    "reportlab.pdfgen.textobject",
    "reportlab.pdfgen.pathobject",
    "reportlab.pdfbase.pdfdoc",
    "reportlab.pdfbase.ttfonts",
    "reportlab.platypus.flowables",
    "reportlab.graphics.shapes",
    "reportlab.lib.colors",
)


def install() -> None:
    """Route ReportLab's number formatting and TrueType widths through the memories, and its
    lines of text, soft-hyphenated words and plain paragraphs through the one-pass functions."""
    import sys

    for name in _MODULES:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "fp_str", None) is _plain_fp_str:
            module.fp_str = fp_str
    ttfonts.TTFont.stringWidth = string_width
    ttfonts.TTFont.splitString = split_string
    Paragraph._setup = setup
    PDFTextObject._formatText = format_text
    _SHYStr.__new__ = shy_word
    from reportlab.pdfgen import canvas
    from reportlab.platypus import paragraph

    if paragraph.stringWidth is _plain_named_width:
        paragraph.stringWidth = named_width
    if _ESCAPES is not None and canvas.escapePDF is _plain_escape and _plain_escape is rl_accel._py_escapePDF:
        canvas.escapePDF = escape_pdf  # what a canvas escapes its text with
