"""Typographic punctuation for a language: quotes, apostrophes, dashes, ellipses, and no-break
spaces after abbreviations, before units and around French marks."""

from __future__ import annotations

import re

NBSP = "\u00a0"  # the font has no U+202F narrow no-break space, so French spacing uses this too


def base_language(language: str) -> str:
    """'nl-BE' -> 'nl'."""
    return re.split(r"[-_]", language)[0].lower()


_QUOTES = {"en": ("“”", "‘’"), "de": ("„“", "‚‘"), "fr": ("«»", "‘’")}  # others: as "en" (and nl)
_OPENERS = "([{“‘„‚«–—"
_ABBREVIATIONS = {  # (regex, case-insensitive): a line must not break right after these
    "nl": (r"bv\.|bijv\.|vb\.|o\.a\.|m\.a\.w\.|i\.p\.v\.|d\.w\.z\.|nl\.|resp\.|ca\.", True),
    "en": (r"e\.g\.|i\.e\.|cf\.", True),
    "fr": (r"p\. ?ex\.|c\.-à-d\.|M\.|Mme", False),  # case matters: "M." is Monsieur
    "de": (r"z\. ?B\.|d\. ?h\.|u\. ?a\.|bzw\.", True),
}
_UNITS = r"%|‰|€|\$|£|°C|°|mm|cm|dm|km|m|mg|kg|g|ml|cl|dl|l|pt|px|kB|KB|MB|GB|TB|min"


def _quotes(text: str, lang: str) -> str:
    """Straight quotes to typographic ones: opening at the start or after a space or opener."""
    if '"' not in text and "'" not in text:  # most texts: the loop below would copy them as they are
        return text
    double, single = _QUOTES.get(lang, _QUOTES["en"])
    out: list[str] = []
    last = " "  # the last character before this one that is not a markup star
    in_code = False  # between the quotes of a code-like attribute, src="..."
    for ch in text:
        if ch in "\"'":
            if last == "=" or in_code:  # code-like text (src="...") is printed as typed
                in_code = last == "="
            else:
                opening = last.isspace() or last in _OPENERS
                ch = (double if ch == '"' else single)[0 if opening else 1]
        out.append(ch)
        last = last if ch == "*" else ch
    return "".join(out)


# Compiled once: every card's texts pass through these several times a build.
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W\d_])")  # risico's, l'école, don't
_NL_ELISION = re.compile(r"(?<![^\s(])'(?=[stnk]\b)")  # 's avonds, 't is: not a quote
_SPACED_DASH = re.compile(r" [-–] ")
_FR_BEFORE_MARK = re.compile(r" (?=[:;!?»])")
_FR_CLOSING = re.compile(r"(?<=\S)»")
_FR_OPENING = re.compile(r"« ?(?=\S)")
_ABBREVIATION = {
    lang: re.compile(rf"(?<![\w.])({pattern}) (?=\S)", re.IGNORECASE if fold else 0)
    for lang, (pattern, fold) in _ABBREVIATIONS.items()
}
# True where every abbreviation ends with a full stop: a text without ". " then has none to glue
_ABBREVIATION_STOP = {lang: all(a.endswith(r"\.") for a in pattern.split("|")) for lang, (pattern, _) in _ABBREVIATIONS.items()}
_DIGIT_SPACE = re.compile(r"\d ")
_UNIT_SPACE = re.compile(rf"(?<=\d) (?=(?:{_UNITS})(?!\w))")
_CURRENCY_SPACE = re.compile(r"(?<!\w)([€$£]) (?=\d)")


def punctuate(text: str, lang: str) -> str:
    """Straight quotes, apostrophes, dashes and ellipses to typographic ones, and no-break spaces
    where a line must not break, for a base language (nl, fr, de, en, ...)."""
    # every character this may put in that the text need not hold is in added_characters(): the
    # glyph check skips a text whose own characters and those are all in its fonts
    text = text.replace("...", "…")
    text = text.replace(" …", NBSP + "…")
    if "'" in text:  # each sub below scans the whole text: skipped when it cannot match (most texts)
        text = _INNER_APOSTROPHE.sub("’", text)
        if lang == "nl":
            text = _NL_ELISION.sub("’", text)
    text = _quotes(text, lang)
    text = _SPACED_DASH.sub(NBSP + "– ", text)
    if lang == "fr":
        text = _FR_BEFORE_MARK.sub(NBSP, text)
        text = _FR_CLOSING.sub(NBSP + "»", text)
        text = _FR_OPENING.sub("«" + NBSP, text)
    if lang in _ABBREVIATION and (". " in text or not _ABBREVIATION_STOP[lang]):
        text = _ABBREVIATION[lang].sub(lambda m: m.group(1).replace(" ", NBSP) + NBSP, text)
    if _DIGIT_SPACE.search(text):
        text = _UNIT_SPACE.sub(NBSP, text)
    if "€" in text or "$" in text or "£" in text:
        text = _CURRENCY_SPACE.sub(r"\1" + NBSP, text)
    return text


def added_characters(language: str) -> str:
    """The characters printed(text, language) may hold that `text` does not: the language's
    typographic quotes, the apostrophe, the ellipsis, the dash and the no-break space (punctuate).
    Every other printed character is one of the text's own."""
    double, single = _QUOTES.get(base_language(language), _QUOTES["en"])
    return double + single + "’…–" + NBSP
