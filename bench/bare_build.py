"""The yardstick for `cardgen build`: the Dutch deck drawn by hand with ReportLab, svglib and pypdf.

This is the script a programmer would write for one deck and one language, with no content
model: the texts, colours and sizes are Python literals, nothing is loaded, validated or fitted.
It draws the same sheets, poster and print pack as cardgen (same pages, same elements: the
embedded Atkinson Hyperlegible fonts, the recoloured category icons, the QR codes, typographic
punctuation, links and Dutch hyphenation), so that bench/build_speed.py can tell how much
cardgen's generality costs. Output: argv[1]/cards.pdf, poster.pdf and print-pack.pdf.

    python bench/bare_build.py OUT [DECK]

With a deck folder (argv[2], such as one from bench/make_deck.py), the action cards are read
from its deck.yaml and nl/texts.yaml instead of ACTIONS, with the least typography that the
generated texts need (apostrophes, ellipses, the XML escapes of ReportLab's markup); the rules
card, categories and poster stay the literals below, which generated decks copy.

Only reportlab, pypdf, svglib, pyphen and, for a deck folder, PyYAML (plus the standard library)
are imported, on purpose.
"""

import sys
from pathlib import Path

import pyphen
from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.renderbase import STATE_DEFAULTS
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from svglib.svglib import svg2rlg

MM = 72 / 25.4
ASSETS = Path(__file__).resolve().parent.parent / "assets"

TITLE = "Sextingscreener"
SUBJECT = "Een spel waarmee een schoolteam zijn beleid rond sexting screent."
AUTHOR = "Mediawijs, Sensoa, Child Focus"
LANG = "nl-BE"
SITE, SITE_NAME = "https://www.sexting.be", "www.sexting.be"

# The fonts: Atkinson Hyperlegible, embedded (ReportLab subsets TrueType fonts by itself).
REGULAR, BOLD = "AtkinsonHyperlegible", "AtkinsonHyperlegible-Bold"
for _name, _file in (
    (REGULAR, "Regular"),
    (BOLD, "Bold"),
    ("AtkinsonHyperlegible-Italic", "Italic"),
    ("AtkinsonHyperlegible-BoldItalic", "BoldItalic"),
):
    pdfmetrics.registerFont(TTFont(_name, str(ASSETS / "fonts" / f"AtkinsonHyperlegible-{_file}.ttf")))
pdfmetrics.registerFontFamily(
    REGULAR, normal=REGULAR, bold=BOLD, italic="AtkinsonHyperlegible-Italic", boldItalic="AtkinsonHyperlegible-BoldItalic"
)
# renderPDF starts every drawing (icons, emoticons, QR codes) by selecting this font; left at
# Helvetica, an unembedded Helvetica would be listed in the pages' fonts, which cardgen avoids.
STATE_DEFAULTS["fontName"] = REGULAR


def rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))


PURPLE, PETROL, ORANGE, SLATE = "#532D8C", "#00707A", "#B85400", "#3D4451"

# category -> (label on the card, colour, icon, summary for the poster's legend)
CATEGORIES = {
    "kwaliteit": ("#kwaliteit", PURPLE, "star", "Hoe gaat de school om met seksualiteit? Visie, voorwaarden en mensen."),
    "preventie": ("#preventie", PETROL, "shield", "Hoe voorkomt of beperkt de school risico’s?"),
    "reactie": ("#reactie", ORANGE, "lifebuoy", "Hoe reageert de school op incidenten?"),
}
RULES = (
    "#spelregels",
    "Knip en verdeel de kaartjes. Vooraan staat of de actie gericht is op kwaliteit, reactie of preventie van "
    "je sextingbeleid, op de achterkant staat wat dit kan inhouden. Leg de kaartjes op de juiste emoticon van "
    "de poster. Op de blauwe emoticon liggen de sterke punten, op de roze emoticon liggen de werkpunten.",
    "#sextingscreener #spelregels",
)

# (category, title, description). The descriptions are written as they are printed: typographic
# apostrophes and quotes, an ellipsis, no-break spaces after "bv." and where a last word would
# stand alone, and the links as <a href> in the category's colour. No other '<', '>' or '&'.
ACTIONS = [
    ("kwaliteit", "Aanspreekpersoon",
     "Onze school heeft een aanspreekpersoon die weet hoe je moet omgaan met sexting en die leerlingen, leerkrachten en ouders kan bijstaan bij vragen of problemen. Dit kan een leerkracht of CLB-medewerker\u00a0zijn."),
    ("kwaliteit", "Bijscholingen",
     "Onze school moedigt (externe) vormingen, nascholingen en trajectbegeleiding aan rond sexting en mediawijsheid. Onze school maakt kennisuitwisseling tussen leerkrachten mogelijk door bv.\u00a0intervisies, een online ruimte,\u00a0…"),
    ("kwaliteit", "Visie op sexting",
     "Onze school heeft een duidelijke visie rond sexting en is ook opgenomen in bestaande visieteksten over bijvoorbeeld seksualiteit en media. De leerlingen, leerkrachten en ouders zijn hiervan op de hoogte."),
    ("kwaliteit", "Beleid rond sexting",
     "Onze school heeft een uitgewerkt beleid rond sexting met een duidelijke visie, meer informatie, de betrokken partijen, de impact, de detectie, de aanpak en een schets van het wetgevende kader. De leerlingen, leerkrachten en ouders zijn hiervan op de\u00a0hoogte."),
    ("kwaliteit", "Rol van leerkrachten",
     "Onze school maakt duidelijk wat de rol is van leerkrachten in geval van vragen of problemen. De leerkrachten worden gebrieft en weten bij wie ze terecht kunnen. Niet voor elke leerkracht dezelfde verwachtingen hebben."),
    ("kwaliteit", "Mediawijze afspraken",
     "Onze school heeft een duidelijk, gekend en gedragen beleid rond mediawijsheid en online veiligheid. In het beleid komen ook de positieve aspecten en kansen van sociale media aan bod."),
    ("kwaliteit", "Relationele en seksuele vorming",
     "Onze school beschikt over een leerlijn waarbij sexting aan bod komt in RSV. Focus op toestemming, vertrouwen, weerbaarheid en privacy. "
     f'Voor methodieken: <a href="{SITE}" color="{PURPLE}">www.sexting.be</a>.'),
    ("kwaliteit", "Werkgroep seksualiteit",
     "Onze school heeft een werkgroep seksualiteit om een beleid rond sexting uit te werken, afspraken op te volgen en te evalueren. Ouders en leerlingen sluiten indien mogelijk aan."),
    ("preventie", "Safe sexting",
     "Onze leerkrachten besteden binnen de lessen (RSV) aandacht aan de positieve en negatieve online-ervaringen van leerlingen. Ze weten hoe ze zo veilig mogelijk sexten en kennen de risico’s. "
     f'Voor methodieken: <a href="https://sexting.be" color="{PETROL}">sexting.be</a>.'),
    ("preventie", "Oké of niet oké",
     "Onze leerkrachten zijn zich bewust dat sexting oké kan zijn en zijn alert voor signalen wanneer het misloopt. Bv.\u00a0door gebruik van ‘Hé, het is oké’ of door het volgen van een\u00a0bijscholing."),
    ("preventie", "Leerlingen vormen",
     "Onze school organiseert (externe) vormingen voor leerlingen rond sexting. Leerlingen leren hoe ze zo veilig mogelijk sexten en kennen de risico’s."),
    ("preventie", "Peer to peer",
     "Onze leerkrachten zetten in op het versterken van de positieve omgang tussen de leerlingen in hun klas, ook online. De leerlingen ondersteunen elkaar en geven tips."),
    ("preventie", "Aanspreekpersoon is gekend",
     "Onze leerlingen en de ouders weten bij wie en waarvoor ze terecht kunnen met vragen of problemen over sexting. Dit kan door vernoeming in lessen, poster op te hangen,\u00a0…"),
    ("preventie", "Ouders en leerlingen betrekken",
     "Onze school gaat met leerlingen en ouders in dialoog en betrekt hen bij het uitwerken, invoeren en evalueren van een beleid rond sexting."),
    ("preventie", "Weerbaarheid",
     "Onze school zorgt ervoor dat leerlingen zich (online) weerbaar kunnen opstellen tegen seksueel grensoverschrijdend gedrag."),
    ("preventie", "Persoonlijk referentiekader",
     "Onze leerkrachten denken kritisch na over hun eigen visie over sexting. Wanneer ze werken met leerlingen zorgen ze dat de visie van de school aan bod komt in hun lessen."),
    ("reactie", "Stappenplan",
     "Onze school heeft een stappenplan waarin staat hoe je reageert op incidenten. Een eerste stap kan zijn om de aanspreekpersoon te betrekken en de ernst van de situatie te bepalen. "
     f'Een voorbeeld vind je terug op <a href="{SITE}" color="{ORANGE}">www.sexting.be</a>.'),
    ("reactie", "Interne communicatie",
     "Onze school maakt duidelijke afspraken over hoe de communicatie, intern en extern, het best verloopt zodat iedereen op dezelfde manier reageert op een incident. Niet elke leerkracht hoeft alle info te weten."),
    ("reactie", "Evaluatie van proces",
     "Onze school evalueert hoe sextingproblemen zijn aangepakt. Betrek waar mogelijk leerlingen en indien nodig ouders of externe partners bij het aanpakken en oplossen van problemen."),
    ("reactie", "Hulp bieden",
     "Onze school doet er alles aan dat leerlingen na een sextingincident systematisch hulp aangeboden krijgen om hun technische en sociale weerbaarheid te versterken."),
    ("reactie", "Communicatie met leerlingen",
     "Onze school reageert kordaat maar respectvol naar de leerlingen bij problematische sexting. Leerlingen krijgen te horen waarom en welk gedrag wel of niet oké is. Dit kan zowel de aanspreekpersoon, de directie of iemand anders\u00a0zijn."),
    ("reactie", "Aanspreekpersoon houdt dossier bij",
     "Onze school registreert alle problemen en meldingen rond sexting en houdt bij hoe hiermee is omgegaan. Dit kan helpen bij toekomstige incidenten. Niet elke leerkracht hoeft alles te weten wat in het dossier staat."),
    ("reactie", "Media, ouders, externen",
     "Onze school maakt afspraken over wie (wanneer) de leerlingen, ouders of externen (media, politie, andere scholen) te woord staat. Dit kan zowel de aanspreekpersoon, de directie of iemand anders\u00a0zijn."),
    ("reactie", "Herstelbemiddeling",
     "Onze school kiest voor een herstelgerichte aanpak en gaat op zoek naar iemand die herstelbemiddeling kan doen in geval van problemen."),
]
POSTER_INSTRUCTION = (
    "Leg elke kaart op de emoticon die past: op de blauwe wat jullie school al goed doet, "
    "op de roze waar jullie nog aan willen werken."
)
EMOTICONS = (("blue.svg", "Sterke punten", "#1F6FC5"), ("pink.svg", "Werkpunten", "#C2327A"))

# Card and sheet geometry (poker cards, 3 x 3 on A4, edge to edge, long-edge duplex).
CARD_W, CARD_H = 63 * MM, 88 * MM
PAD, BAND, ICON = 5 * MM, 11 * MM, 20 * MM
A4_W, A4_H = 210 * MM, 297 * MM
A3_W, A3_H = 420 * MM, 297 * MM  # landscape
COLS = ROWS = 3
X0, Y0 = (A4_W - COLS * CARD_W) / 2, (A4_H - ROWS * CARD_H) / 2
SHEET_MARGIN, MARK_LEN, MARK_OFFSET = 5 * MM, 4 * MM, 1 * MM
TEXT_W = CARD_W - 2 * PAD
TEXT_TOP = CARD_H - BAND - 4 * MM
QR_CARD, QR_POSTER = 22 * MM, 36 * MM
GREY_TEXT, GREY_NUMBER, WHITE = rgb("#333333"), rgb("#6E6E6E"), (1.0, 1.0, 1.0)
QR_INK = Color(0.07, 0.07, 0.09)

# The sizes were chosen once by eye: everything fits at these (the rules card is longer).
LABEL_SIZE, TITLE_SIZE, BODY_SIZE, RULES_BODY_SIZE, DECK_SIZE, NUMBER_SIZE = 26, 12.5, 11, 9.5, 7, 7.5

# Hyphenation: pyphen directly, handed to ReportLab as the paragraphs' hyphenator. ReportLab's
# plain hyphenationLang="nl_NL" would use the same pyphen patterns but with pyphen's default of
# two letters either side of a break ("partij-en"); Dutch practice wants three. ReportLab asks
# for a break only when a word does not fit the line; embeddedHyphenation also lets a word
# break after a hyphen it has (CLB-|medewerker). Titles, labels and the poster are not hyphenated.
DUTCH = pyphen.Pyphen(lang="nl_NL", left=3, right=3)

_styles = {}


def style(font, size, leading, colour, align=TA_LEFT, hyphenate=False):
    """One ParagraphStyle per look, made once."""
    key = (font, size, leading, colour, align, hyphenate)
    if key not in _styles:
        _styles[key] = ParagraphStyle(
            f"s{len(_styles)}", fontName=font, fontSize=size, leading=size * leading, textColor=colour, alignment=align,
            spaceShrinkage=0,  # as cardgen: lines never pass their width, so line breaks match
            hyphenationLang=DUTCH.iterate if hyphenate else "", hyphenationMinWordLength=7, embeddedHyphenation=1,
        )
    return _styles[key]


def load_icons():
    """The single-colour SVG icons, read once; tint() recolours one in place where it is drawn."""
    return {name: svg2rlg(str(ASSETS / "icons" / f"{name}.svg")) for name in ("star", "shield", "lifebuoy", "scissors")}


def tint(node, colour):
    for attr in ("fillColor", "strokeColor"):
        if getattr(node, attr, None) is not None:
            setattr(node, attr, colour)
    for child in getattr(node, "contents", ()):
        tint(child, colour)
    return node


def draw_svg(canvas, drawing, x, y, w, h, form=None):
    """A drawing scaled to fit the box (x, y, w, h), centred in it.

    With a form name, the drawing is rendered once per file as a form and placed by reference
    after that, as cardgen and Typst do: the card icons repeat on every card.
    """
    scale = min(w / drawing.width, h / drawing.height)
    canvas.saveState()
    canvas.translate(x + (w - drawing.width * scale) / 2, y + (h - drawing.height * scale) / 2)
    canvas.scale(scale, scale)
    if form is None:
        renderPDF.draw(drawing, canvas, 0, 0, showBoundary=0)
    else:
        if not canvas.hasForm(form):
            canvas.beginForm(form, 0, 0, drawing.width, drawing.height)
            renderPDF.draw(drawing, canvas, 0, 0, showBoundary=0)
            canvas.endForm()
        canvas.doForm(form)
    canvas.restoreState()


def draw_qr(canvas, x, y, side, radius):
    """A white tile with the site's QR code (medium error correction, 4 modules of quiet zone)."""
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.roundRect(x, y, side, side, radius, stroke=0, fill=1)
    widget = QrCodeWidget(SITE, barLevel="M", barBorder=4, barFillColor=QR_INK, barStrokeWidth=0)
    widget.barWidth = widget.barHeight = side
    drawing = Drawing(side, side)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y, showBoundary=0)
    canvas.restoreState()


def new_canvas(path, size):
    canvas = Canvas(str(path), pagesize=size, invariant=1, pageCompression=1, lang=LANG, initialFontName=REGULAR)
    canvas.setTitle(TITLE)
    canvas.setAuthor(AUTHOR)
    canvas.setSubject(SUBJECT)
    canvas.setViewerPreference("PrintScaling", "None")
    return canvas


def read_actions(folder):
    """(category, title, description) for every card of a deck folder's Dutch edition."""
    import yaml  # only here: the shipped deck's run reads nothing

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where installed, as cardgen
    deck = yaml.load((folder / "deck.yaml").read_text(encoding="utf-8"), Loader=loader)
    texts = yaml.load((folder / "nl" / "texts.yaml").read_text(encoding="utf-8"), Loader=loader)["cards"]
    printed = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "\u2019"})
    return [
        (card["category"], texts[card["id"]]["title"].translate(printed),
         texts[card["id"]]["description"].translate(printed).replace("...", "\u2026"))
        for card in deck["cards"]
    ]


def deck_cards(actions):
    """(label, colour, icon, title, description markup, number text, body size), rules card first."""
    tags = [(RULES[2], SLATE)] + [(label, colour) for label, colour, _, _ in CATEGORIES.values()]
    rules_body = RULES[1] + "<br/><br/>" + " ".join(f'<font name="{BOLD}" color="{c}">{t}</font>' for t, c in tags)
    cards = [(RULES[0], rgb(SLATE), "scissors", TITLE, rules_body, "", RULES_BODY_SIZE)]
    for number, (category, title, description) in enumerate(actions, 1):
        label, colour, icon, _ = CATEGORIES[category]
        cards.append((label, rgb(colour), icon, title, description, f"{number}/{len(actions)}", BODY_SIZE))
    return cards


def draw_front(canvas, x, y, card, icons):
    label, colour, icon, _, _, number, _ = card
    rules = not number  # the rules card: a smaller icon, higher up, and the QR code below
    canvas.saveState()
    canvas.setFillColorRGB(*colour)
    canvas.rect(x, y, CARD_W, CARD_H, stroke=0, fill=1)
    name = TITLE.upper()
    spaced_w = pdfmetrics.stringWidth(name, BOLD, DECK_SIZE) + 1.2 * (len(name) - 1)
    text = canvas.beginText(x + CARD_W / 2 - spaced_w / 2, y + CARD_H - PAD - DECK_SIZE * 0.75)
    text.setFont(BOLD, DECK_SIZE)
    text.setCharSpace(1.2)
    text.setFillColorRGB(*WHITE)
    text.textOut(name)
    text.setCharSpace(0)  # the PDF's text state outlives BT/ET: the number would come out spaced too
    canvas.drawText(text)
    para = Paragraph(label, style(BOLD, LABEL_SIZE, 1.2, WHITE, TA_CENTER))
    _, h = para.wrap(TEXT_W, CARD_H)
    centre = y + CARD_H * (0.62 if rules else 0.40)
    side = ICON * (0.6 if rules else 1.0)
    draw_svg(canvas, icons[icon], x + (CARD_W - side) / 2, centre + LABEL_SIZE * 0.9 + 2 * MM, side, side, icon)
    para.drawOn(canvas, x + PAD, centre - h / 2 + LABEL_SIZE * 0.12)
    canvas.setStrokeColorRGB(*WHITE)
    canvas.setLineWidth(1.4)
    canvas.setLineCap(1)
    rule_y = centre - h / 2 - 3 * MM
    canvas.line(x + CARD_W / 2 - 6 * MM, rule_y, x + CARD_W / 2 + 6 * MM, rule_y)
    if rules:
        canvas.setFillColorRGB(*WHITE)
        canvas.setFont(BOLD, DECK_SIZE + 0.5)
        canvas.drawCentredString(x + CARD_W / 2, y + PAD, SITE_NAME)
        draw_qr(canvas, x + (CARD_W - QR_CARD) / 2, y + PAD + DECK_SIZE + 2.5 * MM, QR_CARD, 1.2 * MM)
    else:
        draw_number(canvas, x, y, number, WHITE)
    canvas.restoreState()


def draw_back(canvas, x, y, card, icons):
    label, colour, icon, title, body, number, body_size = card
    canvas.saveState()
    canvas.setFillColorRGB(*WHITE)
    canvas.rect(x, y, CARD_W, CARD_H, stroke=0, fill=1)
    canvas.setFillColorRGB(*colour)
    canvas.rect(x, y + CARD_H - BAND, CARD_W, BAND, stroke=0, fill=1)
    band_cy = y + CARD_H - BAND / 2
    side = BAND * 0.58
    draw_svg(canvas, icons[icon], x + PAD, band_cy - side / 2, side, side, icon)
    canvas.setFillColorRGB(*WHITE)
    canvas.setFont(BOLD, DECK_SIZE + 1)
    canvas.drawString(x + PAD + side + 1.8 * MM, band_cy - DECK_SIZE * 0.35, label)
    head = Paragraph(title, style(BOLD, TITLE_SIZE, 1.15, colour))
    _, head_h = head.wrap(TEXT_W, CARD_H)
    top = y + TEXT_TOP
    head.drawOn(canvas, x + PAD, top - head_h)
    para = Paragraph(body, style(REGULAR, body_size, 1.3, GREY_TEXT, hyphenate=True))
    _, body_h = para.wrap(TEXT_W, CARD_H)
    para.drawOn(canvas, x + PAD, top - head_h - 2.5 * MM - body_h)
    draw_number(canvas, x, y, number, GREY_NUMBER)
    canvas.restoreState()


def draw_number(canvas, x, y, number, colour):
    if number:
        canvas.setFillColorRGB(*colour)
        canvas.setFont(REGULAR, NUMBER_SIZE)
        canvas.drawCentredString(x + CARD_W / 2, y + PAD, number)


def draw_marks(canvas):
    """Short cut lines outside the block of cards, in line with every cut, kept off the margin."""
    left, bottom = X0, Y0
    right, top = X0 + COLS * CARD_W, Y0 + ROWS * CARD_H
    canvas.saveState()
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.4)
    canvas.setLineCap(0)
    for c in range(COLS + 1):
        cx = X0 + c * CARD_W
        canvas.line(cx, top + MARK_OFFSET, cx, min(top + MARK_OFFSET + MARK_LEN, A4_H - SHEET_MARGIN))
        canvas.line(cx, bottom - MARK_OFFSET, cx, max(bottom - MARK_OFFSET - MARK_LEN, SHEET_MARGIN))
    for r in range(ROWS + 1):
        cy = Y0 + r * CARD_H
        canvas.line(right + MARK_OFFSET, cy, min(right + MARK_OFFSET + MARK_LEN, A4_W - SHEET_MARGIN), cy)
        canvas.line(left - MARK_OFFSET, cy, max(left - MARK_OFFSET - MARK_LEN, SHEET_MARGIN), cy)
    canvas.restoreState()


def render_cards(path, icons, actions):
    """Fronts on odd pages, backs on even pages, each back mirrored left-right behind its front."""
    for drawing in icons.values():
        tint(drawing, Color(*WHITE))  # white on the fronts and in the backs' coloured band
    cards = deck_cards(actions)
    canvas = new_canvas(path, (A4_W, A4_H))
    canvas.setViewerPreference("Duplex", "DuplexFlipLongEdge")
    per_sheet = COLS * ROWS
    pages = 0
    for start in range(0, len(cards), per_sheet):
        sheet = cards[start : start + per_sheet]
        slots = []
        for i in range(len(sheet)):
            row, col = divmod(i, COLS)
            slots.append((X0 + col * CARD_W, Y0 + (ROWS - 1 - row) * CARD_H))
        for (x, y), card in zip(slots, sheet):
            draw_front(canvas, x, y, card, icons)
        draw_marks(canvas)
        canvas.showPage()
        for (x, y), card in zip(slots, sheet):
            draw_back(canvas, A4_W - x - CARD_W, y, card, icons)
        canvas.showPage()
        pages += 2
    canvas.save()
    return pages


def render_poster(path, icons):
    margin, pad, gap = 14 * MM, 5 * MM, 6 * MM
    inner_w = A3_W - 2 * margin
    text_colour = rgb("#3A3A3A")
    canvas = new_canvas(path, (A3_W, A3_H))
    canvas.setFillColorRGB(*WHITE)
    canvas.rect(0, 0, A3_W, A3_H, stroke=0, fill=1)

    title_base = A3_H - margin - 44 * 0.8
    subject_base = title_base - 44 * 0.3 - 17
    canvas.setFillColorRGB(*rgb("#2B2B2B"))
    canvas.setFont(BOLD, 44)
    canvas.drawCentredString(A3_W / 2, title_base, TITLE)
    canvas.setFillColorRGB(*text_colour)
    canvas.setFont(REGULAR, 17)
    canvas.drawCentredString(A3_W / 2, subject_base, SUBJECT)

    # The footer: a light grey panel with the instruction across, the legend in three columns
    # below it, and the QR code at its right end.
    footer_x, footer_y = margin + pad, margin + pad
    footer_w = inner_w - 2 * pad - (QR_POSTER + gap)
    instruction = Paragraph(POSTER_INSTRUCTION, style(REGULAR, 17, 1.3, text_colour, TA_CENTER))
    _, inst_h = instruction.wrap(footer_w, A3_H)
    column_w = footer_w / len(CATEGORIES)
    swatch, swatch_gap, indent = 4.5 * MM, 2.5 * MM, 6 * MM
    legend_size = 17 * 0.85
    legend = []
    for label, colour, icon, summary in CATEGORIES.values():
        para = Paragraph(f'<font name="{BOLD}" color="{colour}">{label}</font>  {summary}', style(REGULAR, legend_size, 1.3, text_colour))
        legend.append((para, para.wrap(column_w - 2 * indent - swatch - swatch_gap, A3_H)[1], colour, icon))
    footer_h = max(inst_h + gap / 2 + max(item[1] for item in legend), QR_POSTER + 17)  # at least the QR tile and its caption
    footer_top = footer_y + footer_h
    qr_x, qr_y = footer_x + footer_w + gap, footer_top - QR_POSTER
    canvas.setFillColorRGB(0.955, 0.953, 0.965)
    canvas.roundRect(footer_x - pad, footer_y - pad, qr_x + QR_POSTER + pad - (footer_x - pad), footer_h + 2 * pad, 4 * MM, stroke=0, fill=1)
    instruction.drawOn(canvas, footer_x, footer_top - inst_h)
    legend_top = footer_top - inst_h - gap / 2
    for i, (para, h, colour, icon) in enumerate(legend):
        x = footer_x + i * column_w + indent
        para.drawOn(canvas, x + swatch + swatch_gap, legend_top - h)
        # the icon, in the category's colour, is centred on the legend's first line
        y = legend_top - (legend_size * 1.3 + swatch) / 2
        grow = 0.15 * swatch
        draw_svg(canvas, tint(icons[icon], Color(*rgb(colour))), x - grow, y - grow, swatch + 2 * grow, swatch + 2 * grow)
    draw_qr(canvas, qr_x, qr_y, QR_POSTER, 2 * MM)
    canvas.setFillColorRGB(*text_colour)
    canvas.setFont(REGULAR, 17 * 0.8)
    canvas.drawCentredString(qr_x + QR_POSTER / 2, qr_y - 17 * 0.95, SITE_NAME)

    # The two emoticons, each with its label right under it, take the height left between the
    # subject line and the footer, and sit in the middle of it.
    room_bottom, room_top = footer_top + pad + gap, subject_base - gap
    label_room = gap / 2 + 30
    half = (inner_w - gap) / 2
    side = min(room_top - room_bottom - label_room, half * 0.9)
    face_bottom = (room_top + room_bottom - side + label_room) / 2
    label_base = face_bottom - gap / 2 - 30 * 0.75
    for i, (svg, label, colour) in enumerate(EMOTICONS):
        x = margin + (half + gap) * i + (half - side) / 2
        draw_svg(canvas, svg2rlg(str(ASSETS / "emoticons" / svg)), x, face_bottom, side, side)
        canvas.setFillColorRGB(*rgb(colour))
        canvas.setFont(BOLD, 30)
        canvas.drawCentredString(x + side / 2, label_base, label)
    canvas.showPage()
    canvas.save()
    return 1


def merge_pack(path, parts):
    """The cards and the poster in one file, with bookmarks, page labels and the print settings."""
    writer = PdfWriter()
    first = 0
    for pdf, title, pages in parts:
        writer.append(str(pdf), outline_item=title)
        writer.set_page_label(first, first + pages - 1, style="/D" if pages > 1 else None, prefix=f"{title} " if pages > 1 else title)
        first += pages
    writer.add_metadata({"/Title": TITLE, "/Author": AUTHOR, "/Subject": SUBJECT, "/Producer": "bare_build (ReportLab, pypdf)"})
    writer.root_object[NameObject("/Lang")] = TextStringObject(LANG)
    prefs = writer.create_viewer_preferences()
    prefs.duplex = NameObject("/DuplexFlipLongEdge")
    prefs.print_scaling = NameObject("/None")
    writer.page_mode = "/UseOutlines"
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    with open(path, "wb") as handle:
        writer.write(handle)


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bare-output")
    out.mkdir(parents=True, exist_ok=True)
    cards, poster = out / "cards.pdf", out / "poster.pdf"
    icons = load_icons()
    actions = read_actions(Path(sys.argv[2])) if len(sys.argv) > 2 else ACTIONS
    card_pages = render_cards(cards, icons, actions)
    poster_pages = render_poster(poster, icons)
    merge_pack(out / "print-pack.pdf", [(cards, "Kaarten", card_pages), (poster, "Poster", poster_pages)])


if __name__ == "__main__":
    main()
