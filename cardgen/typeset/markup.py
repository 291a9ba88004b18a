"""Content text -> ReportLab paragraph markup: inline markup, links, hyphenation, and the typographic
punctuation of typeset/punctuation.py.

Inline markup, for translators and writers of the content files:

- Put a word between two stars to print it in italics: *heel* belangrijk.
- Put it between double stars to print it in bold: **niet** doorsturen.
- Three stars give bold italics: ***opgelet***. Bold and italics may be nested: **vet en *schuin***.
- Stars only count in pairs on the same line; a star that has no partner prints as a star, and
  so does a star with a space on both sides (5 * 3). To print a star for sure, write \\* ; to
  print a backslash before a star, write \\\\ .
- A blank line in the text starts a new line on the card.
- Web addresses (https://..., www.example.be, example.be) and e-mail addresses become links by
  themselves; a full stop or comma right after them is not part of the link.
- Straight quotes and apostrophes ("..." '...' don't) are turned into the right typographic
  ones for the language, "..." into an ellipsis, and " - " into a dash; no need to type them.

Everything else prints exactly as written: <, > and & are never markup.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

import pyphen

from cardgen.typeset.hyphenation import dictionary
from cardgen.typeset.punctuation import NBSP, base_language, punctuate
SHY = "\u00ad"  # ReportLab breaks at a soft hyphen with a visible '-', and prints nothing otherwise
LINK_MARK = "\ufffc"  # stands in for a link while punctuation and markup are worked out
GLUE_MAX = 24  # characters: longer last two words would make a ragged, half-empty last line

# --- links --------------------------------------------------------------------------------------
# Links are found first, on the text as written, and held aside: typographic quotes, French
# spacing and markup stars must never change what an address points to. A bare name needs a
# known TLD and starts with a letter, so that "bv.", "o.a.", "1.2.3" and "2.de" stay text.
_URL_CHAR = r'[^\s<>"“”«»„‘\u00ad\ufffc]'
_TLDS = "be|nl|fr|de|lu|ch|at|eu|com|org|net|info|edu|gov|uk|io"
_DOMAIN_END = r"(?![\w-]|\.[A-Za-z0-9])"  # the whole domain: "x.be.com" is not "x.be"
_PATH = rf"(?:[/?#]{_URL_CHAR}*)?"
_LINK = re.compile(
    rf"(?P<url>\b(?i:https?)://{_URL_CHAR}+)"
    rf"|(?P<mail>(?<![\w.%+@-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{{2,}}{_DOMAIN_END})"
    rf"|(?P<www>(?<![\w.@/#-])(?i:www)\.(?:[A-Za-z0-9-]+\.)+[A-Za-z]{{2,}}{_DOMAIN_END}{_PATH})"
    rf"|(?P<bare>(?<![\w.@/#-])[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.(?:[A-Za-z0-9-]+\.)*(?:{_TLDS}){_DOMAIN_END}{_PATH})"
)
_TRAILING = ".,;:!?’”»…*'\""  # sentence punctuation after an address, not part of it
# Every form above holds "://", or a domain's letter, digit or '-' right before a '.' and a letter
# or digit: a text with neither (most texts) has no link, and the costly search is skipped.
_MAYBE_LINK = re.compile(r"://|[A-Za-z0-9-]\.[A-Za-z0-9]")


def _trim(link: str) -> str:
    """Drop trailing punctuation; a ')' stays only when it closes a '(' in the address itself."""
    while link and (link[-1] in _TRAILING or (link[-1] == ")" and link.count(")") > link.count("("))):
        link = link[:-1]
    return link


def _find_links(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with each link replaced by LINK_MARK, and the links as (text, href) in order."""
    if _MAYBE_LINK.search(text) is None:
        return text, []
    links: list[tuple[str, str]] = []
    out, pos = [], 0
    for m in _LINK.finditer(text):
        link = _trim(m.group())
        if m.lastgroup == "url" and not re.match(r"(?i:https?)://\w", link):
            continue
        href = {"url": link, "mail": "mailto:" + link}.get(m.lastgroup, "https://" + link)
        out += [text[pos : m.start()], LINK_MARK]
        links.append((link, href))
        pos = m.start() + len(link)
    return "".join(out) + text[pos:], links


# --- inline markup ------------------------------------------------------------------------------
# Tokens: ("text", s) | ("link", text, href) | ("open", "b"|"i") | ("close", "b"|"i") | ("br",)
_WIDTH = {"b": 2, "i": 1}
_PIECE = re.compile(r"\\[\\*]|\*+|\ufffc|[^\\*\ufffc]+|\\")


def _parse(text: str, links: list[tuple[str, str]]) -> list[tuple]:
    tokens: list[tuple] = []
    todo = iter(links)
    for n, line in enumerate(text.split("\n")):
        if n:
            tokens.append(("br",))
        tokens += _parse_line(line, todo)
    return _merge(tokens)


def _parse_line(line: str, links) -> list[tuple]:
    """One line's tokens. Only the innermost open marker can close, so tags always nest; a
    marker still open at the end of the line prints as the stars it was."""
    tokens: list[tuple] = []
    stack: list[tuple[str, int]] = []  # (kind, index of its "open" token)
    for m in _PIECE.finditer(line):
        piece = m.group()
        if piece == LINK_MARK:
            tokens.append(("link", *next(links)))
        elif piece.startswith("\\"):
            tokens.append(("text", piece[-1]))
        elif piece.startswith("*"):
            before = line[m.start() - 1] if m.start() else " "
            after = line[m.end()] if m.end() < len(line) else " "
            _stars(len(piece), not before.isspace(), not after.isspace(), stack, tokens)
        else:
            tokens.append(("text", piece))
    for kind, index in stack:
        tokens[index] = ("text", "*" * _WIDTH[kind])
    return tokens


def _stars(n: int, can_close: bool, can_open: bool, stack: list, tokens: list) -> None:
    while n:
        if can_close and stack and _WIDTH[stack[-1][0]] <= n:
            kind, _ = stack.pop()
            tokens.append(("close", kind))
        else:
            open_kinds = {kind for kind, _ in stack}
            kind = "b" if n >= 2 and "b" not in open_kinds else "i" if "i" not in open_kinds else None
            if not can_open or kind is None:
                tokens.append(("text", "*" * n))
                return
            stack.append((kind, len(tokens)))
            tokens.append(("open", kind))
        n -= _WIDTH[kind]


def _merge(tokens: list[tuple]) -> list[tuple]:
    """Join neighbouring text tokens, so that a word is hyphenated as a whole."""
    out: list[tuple] = []
    for token in tokens:
        if token[0] == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + token[1])
        else:
            out.append(token)
    return out


def _plain(tokens: list[tuple]) -> str:
    return "".join(t[1] if t[0] in ("text", "link") else "\n" if t[0] == "br" else "" for t in tokens)


def _glued_space(tokens: list[tuple]) -> int | None:
    """The text token whose last ordinary space, the last of the last line, becomes a no-break
    space when the two words it joins (with anything already glued to them by no-break spaces)
    are short enough; None when they are not."""
    start = max((i + 1 for i, t in enumerate(tokens) if t[0] == "br"), default=0)
    line = _plain(tokens[start:])
    head, space, tail = line.rpartition(" ")
    last_two = head.rsplit(" ", 1)[-1] + " " + tail
    if not space or not head.rsplit(" ", 1)[-1].strip() or not tail.strip() or len(last_two) > GLUE_MAX:
        return None
    for i in range(len(tokens) - 1, start - 1, -1):  # spaces are only ever in text tokens
        if tokens[i][0] == "text" and " " in tokens[i][1]:
            return i
    return None


def _glue(piece: str) -> str:
    """A text token's markup with its last space made a no-break space. The same as gluing before
    hyphenating and escaping: neither adds or moves a space, and both see either as a space."""
    before, _, after = piece.rpartition(" ")
    return before + NBSP + after


# --- hyphenation --------------------------------------------------------------------------------
_KEPT_WHOLE = re.compile("[" + SHY + r"#@/\\_]|\w\.\w")
_LONG_WORD = re.compile(r"[^\W\d_]{7,}")  # shorter words are never split
# the words _hyphenate_chunk could change: only a word of seven characters or more can hold a
# _LONG_WORD (a match starts after a space and runs to the next: one whole word); the shorter
# ones, most of a text, are not looked at
_LONG_WORDS = re.compile(r"\S{7,}")
_NOT_SPACE = re.compile(r"\S")


@lru_cache(maxsize=20_000)  # a language repeats its words: each is hyphenated once (the dictionary is fixed)
def _hyphenate_chunk(chunk: str, dic: pyphen.Pyphen) -> str:
    """Hashtags, mentions, addresses, paths and file names stay whole, as do words the author
    hyphenated already; a compound with a real hyphen is hyphenated part by part."""
    if _KEPT_WHOLE.search(chunk):
        return chunk
    return "-".join(_hyphenate_part(part, dic) for part in chunk.split("-"))


def _hyphenate_part(part: str, dic: pyphen.Pyphen) -> str:
    if len(part) < 7 or any(c.isdigit() for c in part):  # too short to hold a long word: most words
        return part
    return _LONG_WORD.sub(
        lambda m: m.group() if m.group().isupper() else dic.inserted(m.group(), SHY),  # acronyms are never split
        part,
    )


# --- public -------------------------------------------------------------------------------------
def _hyphenate_text(text: str, dic: pyphen.Pyphen | None, spare_last_word: bool) -> str:
    """Soft hyphens in every word, except a word that ends a ReportLab fragment: ReportLab (4.x,
    5.x) drops the space after a soft-hyphenated word there, so 'herstel. <img' would print
    'herstel.<img' and 'methodieken: sexting.be' 'methodieken:sexting.be'. A fragment ends
    before an escaped <, > or &, and before a tag (then spare_last_word is asked, as it is for
    the paragraph's last word, which is never broken)."""
    if dic is None:
        return text

    def chunk(match: re.Match) -> str:
        end = match.end()
        after = _NOT_SPACE.search(text, end)  # the next word's first character, not a copy of the rest
        following = after.group() if after else ""
        if (text[end : end + 1].isspace() and following in "<>&") or (spare_last_word and not following):
            return match.group()
        return _hyphenate_chunk(match.group(), dic)

    return _LONG_WORDS.sub(chunk, text)


def _tokens(text: str, language: str) -> list[tuple]:
    lang = base_language(language)
    masked, links = _find_links(text.replace(LINK_MARK, ""))  # U+FFFC prints nothing useful anyway
    return _parse(punctuate(masked, lang), links)


def _colour_attribute(link_colour: str | None) -> str:
    if link_colour is None:
        return ""
    if not re.fullmatch(r"#?[0-9A-Fa-f]{6}", link_colour):
        raise ValueError(f"link_colour must be '#RRGGBB', not {link_colour!r}")
    return f' color="#{link_colour.lstrip("#").upper()}"'


def typeset(
    text: str, language: str, *, link_colour: str | None = None, glue_last_words: bool = False, hyphenate: bool = True
) -> str:
    """Content text -> ReportLab paragraph markup (safe to pass to Paragraph). Titles and labels
    are set with hyphenate=False: a heading is not broken inside a word."""
    pieces, glued = _pieces(_tokens(text, language), language, link_colour, hyphenate)
    if glue_last_words and glued is not None:
        pieces[glued] = _glue(pieces[glued])
    return "".join(pieces)


def typeset_printed(text: str, language: str, *, hyphenate: bool = True) -> tuple[str, str]:
    """(typeset(text, language, hyphenate=hyphenate), printed(text, language)), the text read once for both."""
    tokens = _tokens(text, language)
    return "".join(_pieces(tokens, language, None, hyphenate)[0]), _printed(tokens)


def typeset_glued(text: str, language: str, *, link_colour: str | None = None) -> tuple[str, str]:
    """typeset(text, ...) without and with glue_last_words, read and hyphenated once for both."""
    pieces, glued = _pieces(_tokens(text, language), language, link_colour, True)
    markup = "".join(pieces)
    if glued is None:
        return markup, markup
    pieces[glued] = _glue(pieces[glued])
    return markup, "".join(pieces)


def _pieces(tokens: list[tuple], language: str, link_colour: str | None, hyphenate: bool) -> tuple[list[str], int | None]:
    """The markup of each token, and which one the last two words would be glued in (or None)."""
    colour = _colour_attribute(link_colour)
    dic = dictionary(language) if hyphenate else None
    out = []
    for index, token in enumerate(tokens):
        kind = token[0]
        if kind == "text":
            text = token[1]
            ends_fragment = index + 1 < len(tokens) and text[-1:].isspace()
            # the paragraph's last word is not broken: a stub such as 'ling.' alone on the last
            # line reads worse than a slightly shorter line before it
            last = index == len(tokens) - 1
            out.append(escape(_hyphenate_text(text, dic, ends_fragment or last), quote=False))
        elif kind == "link":
            out.append(f'<a href="{escape(token[2], quote=True)}"{colour}>{escape(token[1], quote=False)}</a>')
        elif kind == "br":
            out.append("<br/>")
        else:
            out.append(f"<{'/' if kind == 'close' else ''}{token[1]}>")
    return out, _glued_space(tokens)


def printed(text: str, language: str) -> str:
    """The characters that will be printed: typographic punctuation applied, markup markers removed,
    no soft hyphens, line breaks as '\n'. Used to check glyph coverage and find the widest word."""
    return _printed(_tokens(text, language))


def _printed(tokens: list[tuple]) -> str:
    return _plain(tokens).replace(SHY, "")
