"""Which script a language is written in, which way it runs, and the letters beyond A-Z it needs.

An edition's fonts and direction follow from its `language` tag (texts.yaml): `ar` is Arabic, from
right to left; `uk` is Cyrillic; `tr` is Latin, and needs İ, ı, ş and ğ. A script subtag wins
(`sr-Latn`, `az-Arab`). A language not listed here is taken as Latin, left to right; its texts are
still checked character by character against its fonts before anything is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

SCRIPTS = ("latin", "cyrillic", "greek", "arabic", "hebrew")
RIGHT_TO_LEFT = frozenset({"arabic", "hebrew"})
_SUBTAGS = {"latn": "latin", "cyrl": "cyrillic", "grek": "greek", "arab": "arabic", "hebr": "hebrew"}

_CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_ARABIC = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي،؛؟"


@dataclass(frozen=True)
class Language:
    script: str
    letters: str  # what the edition's fonts must have besides ASCII: the font is chosen by it


LANGUAGES = {
    "nl": Language("latin", "éëïöüè"),
    "fr": Language("latin", "àâæçéèêëîïôœùûüÿÀÂÇÉÈÊËÎÏÔŒÙÛÜ«»"),
    "en": Language("latin", ""),
    "de": Language("latin", "äöüßÄÖÜ„“"),
    "es": Language("latin", "áéíñóúüÁÉÍÑÓÚ¿¡"),
    "it": Language("latin", "àèéìòùÀÈÉÌÒÙ"),
    "pt": Language("latin", "áâãàçéêíóôõúÁÂÃÀÇÉÊÍÓÔÕÚ"),
    "pl": Language("latin", "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”"),
    "ro": Language("latin", "ăâîșțĂÂÎȘȚ„”"),
    "tr": Language("latin", "çğıİöşüÇĞÖŞÜ"),
    "az": Language("latin", "çəğıİöşüÇƏĞÖŞÜ"),
    "cs": Language("latin", "áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"),
    "sk": Language("latin", "áäčďéíĺľňóôŕšťúýžÁÄČĎÉÍĹĽŇÓÔŔŠŤÚÝŽ"),
    "hu": Language("latin", "áéíóöőúüűÁÉÍÓÖŐÚÜŰ"),
    "hr": Language("latin", "čćđšžČĆĐŠŽ"),
    "sl": Language("latin", "čšžČŠŽ"),
    "sq": Language("latin", "çëÇË"),
    "so": Language("latin", ""),
    "vi": Language("latin", "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"),
    "uk": Language("cyrillic", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ’«»"),
    "ru": Language("cyrillic", _CYRILLIC + "ёЁ«»"),
    "bg": Language("cyrillic", _CYRILLIC),
    "be": Language("cyrillic", _CYRILLIC + "ёўіЁЎІ"),
    "mk": Language("cyrillic", "ѓѕјљњќџЃЅЈЉЊЌЏ"),
    "sr": Language("cyrillic", "ђјљњћџЂЈЉЊЋЏ"),
    "el": Language("greek", "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰςΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"),
    "ar": Language("arabic", _ARABIC),
    "fa": Language("arabic", _ARABIC + "پچژکگی"),
    "ur": Language("arabic", _ARABIC + "ٹڈڑںھہےپچژکگ"),
    "ps": Language("arabic", _ARABIC + "ټډړږښګڼۍې"),
    "he": Language("hebrew", "אבגדהוזחטיכךלמםנןסעפףצץקרשת"),
}


def language_of(tag: str) -> Language:
    """The script and letters of a BCP 47 tag (`ar`, `tr-TR`, `sr-Latn`)."""
    parts = tag.lower().split("-")
    known = LANGUAGES.get(parts[0])
    for part in parts[1:]:
        if part in _SUBTAGS:
            script = _SUBTAGS[part]
            letters = known.letters if known and known.script == script else ""
            return Language(script, letters)
    return known or Language("latin", "")


def is_right_to_left(tag: str) -> bool:
    return language_of(tag).script in RIGHT_TO_LEFT


def reads_right_to_left(text: str) -> bool:
    """Whether a text is written right to left: its first strong letter is Arabic or Hebrew, as the
    bidirectional algorithm decides a paragraph's direction (an English fallback text is not)."""
    import unicodedata

    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
