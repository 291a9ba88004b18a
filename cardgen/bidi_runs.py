"""Right-to-left markup made ready for shaping word by word (cardgen/bidi.py).

HarfBuzz shapes each word in one direction, guessed from its first letter. Two kinds of words
would come out wrong, and are rewritten here, before ReportLab sees the markup:

- words glued by a no-break space across directions (`للمزيد: sexting.be` as the last two words
  of a text, `24 ساعة`): one direction cannot be right for both, so they are set apart again;
- punctuation at either end of a Latin word or a number that the bidirectional algorithm (python-bidi)
  puts on the right-to-left side: `CLB.` at the end of an Arabic sentence prints as
  `.CLB`, its full stop at the left, where the sentence ends. The characters are moved, in visual
  order and mirrored, so that the left-to-right word draws them where they belong.
"""

from __future__ import annotations

import html
import re
import unicodedata

from bidi.mirror import MIRRORED

_ITEM = re.compile(r"<[^>]*>|&#?\w+;|.", re.S)
_STRONG = {"L": "L", "R": "R", "AL": "R", "EN": "N", "AN": "N"}
NBSP = "\u00a0"


def prepare(markup: str) -> str:
    """`markup` (cardgen's own, typeset/) with its words made safe to shape one by one."""
    return prepare_runs(markup)[0]


def prepare_runs(markup: str) -> tuple[str, tuple[list[bool], list[int]]]:
    """prepare(markup), and for BidiParagraph the paragraph's words as the algorithm resolved
    them: whether each reads left to right, and the level of each space between two words."""
    items = _ITEM.findall(markup)
    chars = [(i, _char(item)) for i, item in enumerate(items) if not item.startswith("<") or item in ("<", ">")]
    _unglue(items, chars)
    chars = [(i, _char(items[i])) for i, _ in chars]
    levels = resolved_levels("".join(c for _, c in chars))
    words, gaps = _words(items, chars, levels)
    for first, last in _left_to_right_runs(words, gaps):
        _move_neutrals(items, words[first], words[last])
    ltr = [any(level % 2 == 0 for _, _, level in word) and not _reads_right_to_left(word) for word in words]
    return "".join(items), (ltr, gaps)


def _reads_right_to_left(word) -> bool:
    """A word HarfBuzz shapes right to left: its first strong letter is right to left."""
    strong = [k for k in (_kind(c) for _, c, _ in word) if k in ("L", "R", "N")]
    return bool(strong) and strong[0] == "R"


def _left_to_right_runs(words, gaps: list[int]) -> list[tuple[int, int]]:
    """(first, last) word of each run read left to right: Latin words, or a number, and the words
    joined to them by a space at an even level ('Child Focus' is one run, '12 34' two)."""
    runs, start = [], None
    for n, word in enumerate(words):
        strong = [k for k in (_kind(c) for _, c, _ in word) if k in ("L", "R", "N")]
        ltr = bool(strong) and strong[0] != "R"
        if ltr and start is not None and gaps[n - 1] % 2 == 0:
            continue  # the run goes on
        if start is not None:
            runs.append((start, n - 1))
        start = n if ltr else None
    if start is not None:
        runs.append((start, len(words) - 1))
    return runs


def resolved_levels(text: str) -> list[int]:
    """Each character's embedding level in a right-to-left paragraph (UAX #9, rules X1 to I2, by
    python-bidi): 1 reads right to left, 2 left to right inside it."""
    from bidi import algorithm as uba

    kept = [n for n, c in enumerate(text) if unicodedata.bidirectional(c) not in uba.X9_REMOVED]
    storage = uba.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 1, "R"
    uba.get_embedding_levels("".join(text[n] for n in kept), storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = [1] * len(text)
    for n, char in zip(kept, storage["chars"]):
        levels[n] = char["level"]
    for n in range(1, len(text)):  # a character X9 takes out (a soft hyphen) goes with the one before it
        if n not in set(kept):
            levels[n] = levels[n - 1]
    return levels


def _char(item: str) -> str:
    return html.unescape(item) if item.startswith("&") else item


def _kind(char: str) -> str:
    """L, R, N (a digit), or the bidi class of a weak or neutral character."""
    kind = unicodedata.bidirectional(char)
    return _STRONG.get(kind, kind)


def _unglue(items: list[str], chars) -> None:
    """A no-break space between a right-to-left word and a Latin word or a number becomes a space."""
    for n, (i, char) in enumerate(chars):
        if char != NBSP:
            continue
        left = next((_side(c) for _, c in reversed(chars[:n]) if c in " " or _side(c)), None)
        right = next((_side(c) for _, c in chars[n + 1 :] if c in " " or _side(c)), None)
        if left and right and left.strip() and right.strip() and left != right:
            items[i] = " "


def _side(char: str) -> str | None:
    """'R' for a right-to-left letter, 'L' for anything HarfBuzz shapes left to right, ' ' at a space."""
    if char == " ":
        return " "
    kind = _kind(char)
    return "R" if kind == "R" else ("L" if kind in ("L", "N") else None)


def _words(items: list[str], chars, levels: list[int]):
    """The paragraph's words (split at spaces and line breaks), each as (item index, character,
    level); and the level of the space after each word but the last (1 at a line break)."""
    words, gaps, word, last = [], [], [], -1
    for (i, char), level in zip(chars, levels):
        broken = any(items[j].startswith("<br") for j in range(last + 1, i))
        if char == " " or broken:
            if word:
                words.append(word)
                gaps.append(level if char == " " and not broken else 1)
            elif gaps and (broken or level % 2 == 1):
                gaps[-1] = 1  # a second space, or a break, between the same two words
            word = []
        if char != " ":
            word.append((i, char, level))
        last = i
    if word:
        words.append(word)
    return words, gaps


def _move_neutrals(items: list[str], head, tail) -> None:
    """The characters at the ends of a run read left to right (from the start of its first word
    `head`, from the end of its last word `tail`) that the algorithm sets right to left (odd level:
    `.` after `CLB` at the end of an Arabic sentence) move to the run's other end, mirrored, in
    visual order, so that the run, shaped left to right, draws them where they belong."""
    inner_head = [n for n, (_, _, level) in enumerate(head) if level % 2 == 0]
    inner_tail = [n for n, (_, _, level) in enumerate(tail) if level % 2 == 0]
    if not inner_head or not inner_tail:
        return
    first, last = inner_head[0], inner_tail[-1]
    lead, trail = head[:first], tail[last + 1 :]
    if not lead and not trail:
        return
    moved_trail = "".join(MIRRORED.get(c, c) for _, c, _ in reversed(trail))
    moved_lead = "".join(MIRRORED.get(c, c) for _, c, _ in reversed(lead))
    for i, _, _ in lead + trail:
        items[i] = ""
    # a moved character keeps its style: a full stop after a link stays outside the link,
    # the '#' of a coloured hashtag stays coloured
    start, end = head[first][0], tail[last][0]
    if trail and any(items[j].startswith("</") for j in range(tail[last][0], trail[0][0])):
        while start > 0 and _tag(items[start - 1]) and not items[start - 1].startswith("</"):
            start -= 1
    if lead and any(_tag(items[j]) and not items[j].startswith("</") for j in range(lead[-1][0], head[first][0])):
        while end + 1 < len(items) and items[end + 1].startswith("</"):
            end += 1
    items[start] = html.escape(moved_trail, quote=False) + items[start]
    items[end] = items[end] + html.escape(moved_lead, quote=False)


def _tag(item: str) -> bool:
    return item.startswith("<") and len(item) > 1 and not item.startswith("<br")


