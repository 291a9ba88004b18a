"""cardgen.typeset.markup: punctuation, markup, links, hyphenation, escaping; no PDF needed."""

from __future__ import annotations

import html
import re

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from cardgen.typeset.markup import printed, typeset

NBSP = "\u00a0"
SHY = "\u00ad"
TAG = re.compile(r"<[^>]*>")
ALLOWED_TAG = re.compile(r'<(?:/?[bi]|br/|/a|a href="[^"<>]*"(?: color="#[0-9A-F]{6}")?)>')

NASTY = [
    "",
    " ",
    "\n",
    "\n\n",
    "*",
    "**",
    "***",
    "****",
    "*****x*****",
    "** **",
    "*a **b* c**",
    "**a *b** c*",
    "***a**",
    "*a\nb*",
    "**bold\n**",
    "\\",
    "\\\\*",
    "a \\* b \\\\ c \\",
    "&amp; &lt; &#60;b&#62; &nbsp;",
    "<b>bold?</b> <i> </a> <br/> <br> <para> </para>",
    '<img src="/etc/passwd"> <img src=/etc/passwd/>',
    "<font size=5000>big</font> <font size='5000'>",
    "<a href='javascript:alert(1)'>x</a> javascript:alert(1) file:///etc/passwd",
    '<a href="file:///etc/passwd">f</a>',
    "https://x.org/\"onclick=\"alert(1)",
    "https://x.org/'><img src=x>",
    "www.x.be/<b>",
    "https://x.org/a?b=1&c=2&amp;d=<3>",
    "mailto:a@b.be a@b.be. <a@b.be>",
    "\ufffc \ufffc https://x.org \ufffc",
    "«» \"\" '' ... - –",
    "]]> <![CDATA[ x ]]> <!-- c -->",
    "*https://x.org/*a*b*",
    "**www.sexting.be**",
    "x" * 400,
    "kennisuitwisseling " * 30,
    "'\"'\"'\"",
    "2*3*4 5 * 3",
    "\u00ad\u00ad a\u00adb",
    "#tag @mention info@x.be www.x.be x.be https://x.be",
]
LANGUAGES = ["nl-BE", "fr-BE", "en-GB", "de", "nl", "xx", "zh-Hant-TW"]


def plain(markup: str) -> str:
    """What a typeset() output prints: tags removed, soft hyphens dropped, entities resolved."""
    return html.unescape(TAG.sub("", markup.replace("<br/>", "\n")).replace(SHY, ""))


def links(markup: str) -> list[tuple[str, str]]:
    """(href, text) of every link in the markup."""
    return [(html.unescape(h), html.unescape(t)) for h, t in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', markup)]


# --- punctuation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("risico's", "nl-BE", "risico’s"),
        ("l'école", "fr-BE", "l’école"),
        ("don't", "en-GB", "don’t"),
        ("'s avonds en 't is", "nl", "’s avonds en ’t is"),
        ("een online ruimte, ...", "nl-BE", f"een online ruimte,{NBSP}…"),
        ("wacht...", "nl", "wacht…"),
        ("'Hé, het is oké'", "nl-BE", "‘Hé, het is oké’"),
        ('Hij zei "ja".', "nl", "Hij zei “ja”."),
        ('She said "yes" and \'no\'.', "en-GB", "She said “yes” and ‘no’."),
        ('Er sagte "Hallo" und \'ja\'.', "de", "Er sagte „Hallo“ und ‚ja‘."),
        ('("quoted")', "nl", "(“quoted”)"),
        ("\"'nested'\"", "en", "“‘nested’”"),
        ("“al” ‘goed’ „so“", "nl", "“al” ‘goed’ „so“"),
        ('"hola"', "es", "“hola”"),
        ("dit - dat", "nl", f"dit{NBSP}– dat"),
        ("dit – dat", "nl", f"dit{NBSP}– dat"),
        ("CLB-medewerker", "nl", "CLB-medewerker"),
        ("bv. intervisies", "nl-BE", f"bv.{NBSP}intervisies"),
        ("Bv. door", "nl-BE", f"Bv.{NBSP}door"),
        ("o.a. ouders, i.p.v. straffen, d.w.z. dit, ca. 20", "nl", f"o.a.{NBSP}ouders, i.p.v.{NBSP}straffen, d.w.z.{NBSP}dit, ca.{NBSP}20"),
        ("e.g. this, i.e. that, cf. there", "en-GB", f"e.g.{NBSP}this, i.e.{NBSP}that, cf.{NBSP}there"),
        ("M. Dupont et Mme Durand, p. ex. ici", "fr", f"M.{NBSP}Dupont et Mme{NBSP}Durand, p.{NBSP}ex.{NBSP}ici"),
        ("z. B. hier, bzw. dort", "de", f"z.{NBSP}B.{NBSP}hier, bzw.{NBSP}dort"),
        ("webv. niet", "nl", "webv. niet"),
        ("20 % en 63 mm, 5 kg, € 10", "nl", f"20{NBSP}% en 63{NBSP}mm, 5{NBSP}kg, €{NBSP}10"),
        ("20 minuten", "nl", "20 minuten"),
    ],
)
def test_punctuation(text, language, expected):
    assert printed(text, language) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Il a dit "bonjour".', f"Il a dit «{NBSP}bonjour{NBSP}»."),
        ("«bonjour»", f"«{NBSP}bonjour{NBSP}»"),
        ("« bonjour »", f"«{NBSP}bonjour{NBSP}»"),
        ("Pourquoi ? Attention ! Note : oui ; non", f"Pourquoi{NBSP}? Attention{NBSP}! Note{NBSP}: oui{NBSP}; non"),
    ],
)
def test_french_spacing(text, expected):
    assert printed(text, "fr-BE") == expected


def test_french_spacing_leaves_addresses_alone():
    out = typeset("Voir https://example.fr/a?b=1 : ici", "fr")
    assert links(out) == [("https://example.fr/a?b=1", "https://example.fr/a?b=1")]
    assert f"{NBSP}: ici" in out


def test_apostrophe_in_url_untouched():
    assert links(typeset("https://x.org/it's", "en")) == [("https://x.org/it's", "https://x.org/it's")]


# --- markup -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("**vet** tekst", "<b>vet</b> tekst"),
        ("*schuin* tekst", "<i>schuin</i> tekst"),
        ("***beide***", "<b><i>beide</i></b>"),
        ("**vet *en schuin***", "<b>vet <i>en schuin</i></b>"),
        ("*schuin **en vet***", "<i>schuin <b>en vet</b></i>"),
        ("een\ntwee", "een<br/>twee"),
        ("\\*geen\\*", "*geen*"),
        ("\\\\*schuin*", "\\<i>schuin</i>"),
        ("*open", "*open"),
        ("5 * 3 = 15", "5 * 3 = 15"),
        ("** niet **", "** niet **"),
        ("*niet\nover* regels", "*niet<br/>over* regels"),
        ("**a *b** c*", "**a <i>b</i>* c*"),
    ],
)
def test_markup(text, expected):
    assert typeset(text, "xx") == expected


def test_markup_markers_are_not_printed():
    assert printed("**vet** en *schuin* en \\*ster", "nl") == "vet en schuin en *ster"


# --- links --------------------------------------------------------------------------------------


def test_www_link_excludes_full_stop():
    out = typeset("Voor methodieken: www.sexting.be.", "nl-BE")
    assert links(out) == [("https://www.sexting.be", "www.sexting.be")]
    assert out.endswith("</a>.")


def test_bare_domain():
    out = typeset("Kijk op sexting.be.", "nl-BE")
    assert links(out) == [("https://sexting.be", "sexting.be")]


def test_email():
    out = typeset("Mail naar info@sexting.be!", "nl")
    assert links(out) == [("mailto:info@sexting.be", "info@sexting.be")]


def test_scheme_url_href_escaped():
    out = typeset("Zie https://example.org/a?b=1&c=2.", "nl")
    assert '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.' in out


def test_link_colour():
    out = typeset("www.sexting.be", "nl", link_colour="#1a2b3c")
    assert out == '<a href="https://www.sexting.be" color="#1A2B3C">www.sexting.be</a>'
    assert "color" not in typeset("www.sexting.be", "nl")
    with pytest.raises(ValueError):
        typeset("x", "nl", link_colour='red" onclick="x')


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(zie sexting.be)", ["sexting.be"]),
        ("“www.sexting.be”", ["www.sexting.be"]),
        ('"www.sexting.be"', ["www.sexting.be"]),
        ("www.sexting.be…", ["www.sexting.be"]),
        ("www.sexting.be...", ["www.sexting.be"]),
        ("https://en.wikipedia.org/wiki/A_(b)", ["https://en.wikipedia.org/wiki/A_(b)"]),
        ("(https://x.org/a)", ["https://x.org/a"]),
        ("**www.sexting.be**", ["www.sexting.be"]),
        ("bbc.co.uk, sexting.be/hulp; x.com/a?b=c:", ["bbc.co.uk", "sexting.be/hulp", "x.com/a?b=c"]),
        ("bv. o.a. i.p.v. e.g. z.B. versie 1.2.3 of 2.0 of 2.de", []),
        ("bestand.pdf en x.be.example en sexting.beter", []),
        ("#sexting.be @sexting.be", []),
        ("javascript:alert(1) file:///etc/passwd ftp://x.org", []),
    ],
)
def test_link_detection(text, expected):
    assert [t for _, t in links(typeset(text, "nl"))] == expected


def test_only_safe_hrefs():
    for text in NASTY:
        for h, _ in links(typeset(text, "nl")):
            assert re.match(r"(https?://|mailto:)", h), (text, h)


# --- hyphenation --------------------------------------------------------------------------------


def test_long_dutch_words_get_soft_hyphens():
    for word in ("kennisuitwisseling", "grensoverschrijdend"):
        out = typeset(f"{word} mogelijk", "nl-BE")
        assert SHY in out and out.replace(SHY, "") == f"{word} mogelijk"


def test_the_last_word_of_a_text_is_never_broken():
    """A stub such as 'ling.' alone on the last line reads worse than a shorter line before it."""
    out = typeset("door het volgen van een bijscholing.", "nl-BE")
    assert out.endswith("bijscholing.") and SHY not in out.split(" ")[-1]


def test_no_soft_hyphens_where_they_do_not_belong():
    text = (
        "https://grensoverschrijdend.be/kennisuitwisseling www.kennisuitwisseling.be "
        "kennisuitwisseling@grensoverschrijdend.be #grensoverschrijdend @kennisuitwisseling "
        "CLB RSV KENNISUITWISSELING grensoverschrijdend2 2kennisuitwisseling"
    )
    assert SHY not in typeset(text, "nl")


def test_hyphen_compound():
    out = typeset("CLB-medewerker zijn", "nl")
    assert out.startswith("CLB-")
    assert out.replace(SHY, "") == "CLB-medewerker zijn"
    assert SHY in out  # pyphen: mede-wer-ker
    assert SHY in typeset("online-ervaringen van", "nl").split("-", 1)[1]


def test_short_words_and_existing_soft_hyphens_left_alone():
    assert typeset("ruimte", "nl") == "ruimte"
    assert typeset(f"kennis{SHY}uitwisseling", "nl") == f"kennis{SHY}uitwisseling"


def test_unknown_language_no_soft_hyphens():
    assert typeset("kennisuitwisseling", "xx") == "kennisuitwisseling"
    assert typeset("kennisuitwisseling", "zh-Hant-TW") == "kennisuitwisseling"


def test_hyphenation_keeps_left_and_right_three_letters():
    for part in typeset("grensoverschrijdend interprétation", "fr").split():
        pieces = part.split(SHY)
        assert len(pieces[0]) >= 3 and len(pieces[-1]) >= 3


# --- glue_last_words ----------------------------------------------------------------------------


def test_glue_last_words():
    out = typeset("Dit is een zin met korte woorden", "xx", glue_last_words=True)
    assert out == f"Dit is een zin met korte{NBSP}woorden"
    assert typeset("Dit is een zin met korte woorden", "xx") == "Dit is een zin met korte woorden"


def test_glue_only_when_short():
    text = "Een zin over grensoverschrijdende kennisuitwisseling"
    assert typeset(text, "xx", glue_last_words=True) == text


def test_glue_on_last_line_and_not_in_links_or_markup():
    out = typeset("eerste regel\ntweede **vette** regel", "xx", glue_last_words=True)
    assert out == f"eerste regel<br/>tweede <b>vette</b>{NBSP}regel"
    out = typeset("kijk op www.sexting.be", "xx", glue_last_words=True)
    assert out.startswith(f"kijk op{NBSP}<a ")


def test_glue_counts_words_already_glued():
    # "bv. dit" is already one unit; with "zoals" it makes 13 characters: glued
    out = typeset("iets zoals bv. dit", "nl", glue_last_words=True)
    assert out == f"iets zoals{NBSP}bv.{NBSP}dit"


def test_glue_single_word_unchanged():
    assert typeset("woord", "xx", glue_last_words=True) == "woord"
    assert typeset("een\nwoord", "xx", glue_last_words=True) == "een<br/>woord"


# --- escaping and safety ------------------------------------------------------------------------


def test_malicious_input_printed_literally():
    text = '<img src="/etc/passwd"> <b>x</b> & <font size=5000>'
    out = typeset(text, "nl")
    assert "<img" not in out and "<font" not in out and "<b>" not in out
    assert out.startswith("&lt;img src=")
    assert "&amp;" in out and "&lt;font size=5000&gt;" in out
    assert printed(text, "xx") == text  # code-like quotes (src="...") stay as typed


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_generated_tags(language):
    for text in NASTY:
        for tag in TAG.findall(typeset(text, language, link_colour="#FF0000", glue_last_words=True)):
            assert ALLOWED_TAG.fullmatch(tag), (text, tag)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("colour", [None, "#0077CC"])
def test_reportlab_accepts_every_output(language, colour):
    for text in NASTY:
        for glue in (False, True):
            out = typeset(text, language, link_colour=colour, glue_last_words=glue)
            Paragraph(out, ParagraphStyle("x")).wrap(200, 1000)


@pytest.mark.parametrize("language", LANGUAGES)
def test_tags_balanced(language):
    for text in NASTY:
        stack = []
        for tag in TAG.findall(typeset(text, language)):
            name = re.match(r"</?(\w+)", tag).group(1)
            if tag.startswith("</"):
                assert stack and stack.pop() == name, text
            elif not tag.endswith("/>"):
                stack.append(name)
        assert not stack, text


# --- printed() ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_printed_matches_typeset(language):
    for text in NASTY:
        assert plain(typeset(text, language)) == printed(text, language), text


def test_printed_properties():
    text = "**kennisuitwisseling** via *www.sexting.be*\nen \\*sterren\\* kennis\u00aduitwisseling"
    out = printed(text, "nl-BE")
    assert SHY not in out
    assert out == "kennisuitwisseling via www.sexting.be\nen *sterren* kennisuitwisseling"
    assert plain(typeset(text, "nl-BE", glue_last_words=True)).replace(NBSP, " ") == out.replace(NBSP, " ")


def test_a_space_before_a_link_survives_reportlab_wrapping():
    """ReportLab drops the space after a soft-hyphenated word that ends a fragment before a tag;
    typeset leaves that word without break points, so 'methodieken: sexting.be' keeps its space."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    para = Paragraph(typeset("Voor methodieken: sexting.be. Meer op www.sexting.be vandaag", "nl-BE"), ParagraphStyle("x"))
    para.wrap(1000, 100)
    text = "".join(getattr(frag, "text", "") for line in para.blPara.lines for frag in line.words)
    assert "methodieken: sexting.be" in text.replace("\u00ad", "")
    assert "op www.sexting.be" in text
