"""Pure poster planning: where the title, emoticons, labels and legend go, and at what sizes."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from cardgen.errors import Problems
from cardgen.plan.fit import largest_fitting
from cardgen.bidi import shaped_width
from cardgen.plan.geometry import Code, Fill, Icon, Line, Rect, TextBlock
from cardgen.plan.mirror import mirrored_item
from cardgen.model import Edition, Structure
from cardgen.spec import PosterLayout, TextStyle
from cardgen.plan.palette import readable
from cardgen.typeset.paragraph import hex_colour, markup, measure, paragraph, printed_line, site_label
from cardgen.typeset.markup import typeset
from cardgen.units import MM

BLACK = (0.0, 0.0, 0.0)
GAP = 6 * MM
PANEL_PAD = 5 * MM  # inside the tinted panel that holds the instruction and the legend
LEGEND_INDENT = 6 * MM  # each legend column: indent, swatch, gap, text, indent
SWATCH = 0.9  # the legend's icon, as a share of its text size: it grows with the poster
SWATCH_GAP = 0.5  # between icon and text, likewise
LEGEND_SCALE = 0.85  # the legend is set a little smaller than the instruction
FOOTER_SHARE = 0.24  # the most of the page's height the instruction and legend may take
PANEL = (0.955, 0.953, 0.965)  # a light grey that survives any printer and holds the footer together
PANEL_RADIUS = 4 * MM
SWATCH_GROW = 0.15  # a legend icon spreads past its square by this share: its drawing has a margin of its own
SWATCH_RADIUS = 0.2  # a legend square without an icon, rounded by this share of its side
QR_RADIUS = 2 * MM
SITE_SCALE = 0.8  # the site's name under the code, in footer sizes: a caption, smaller than the instruction
SITE_DROP = 0.95  # its baseline below the code, in footer sizes
SITE_INSET = 1 * MM  # the site's name keeps this far inside the panel's edge


@dataclass(frozen=True)
class Legend:
    """One category in the legend: its icon (or a coloured square) and its label with its summary."""

    swatch: Icon | Fill
    text: TextBlock


@dataclass(frozen=True)
class Sizes:
    """What fitting chose and where the blocks go: the ground the poster's items are placed on."""

    page: Rect
    title_size: float
    title_baseline: float
    subject_baseline: float
    faces: tuple[Rect, Rect]  # strengths, work: squares the emoticons fill
    label_size: float
    label_baseline: float
    footer: Rect  # instruction and legend
    footer_size: float
    qr: Rect | None  # the site's code, at the right end of the footer panel


@dataclass(frozen=True)
class PosterPlan:
    """Every item of the poster, in drawing order."""

    background: Fill
    title: Line
    subject: Line
    emoticons: tuple[Icon, Icon]  # strengths, work
    labels: tuple[Line, Line]
    panel: Fill
    instruction: TextBlock
    legend: tuple[Legend, ...]
    code: Code | None  # the site's QR code and its name, beside the legend
    site: Line | None
    extras: tuple[Line, ...] = ()  # a bilingual deck's second edition: its title and labels (plan/poster_second.py)

    @property
    def faces(self) -> tuple[Rect, Rect]:
        return tuple(icon.box for icon in self.emoticons)


def legend_markup(label: str, summary: str, colour_hex: str, bold: str, language: str) -> str:
    """A category's label (one line, as the cards print it) in bold and its colour, then its summary."""
    summary = typeset(summary, language, hyphenate=False)
    return f'<font name="{bold}" color="{colour_hex}">{markup(printed_line(label, language))}</font>  {summary}'


def instruction_markup(edition: Edition) -> str:
    return typeset(edition.poster.instruction, edition.language, hyphenate=False)


def poster_line(text: str, edition: Edition) -> str:
    """A one-line poster text (title, subject, label) as it is printed."""
    return printed_line(text, edition.language)


def swatch(size: float) -> tuple[float, float]:
    """(icon side, gap after it) for a legend set at `size` (the footer's size)."""
    text = size * LEGEND_SCALE
    return SWATCH * text, SWATCH_GAP * text


def centred_line(text: str, style: TextStyle, size: float, colour, cx: float, y: float) -> Line:
    """One line centred on `cx`; a right-to-left one is shaped, so its left end follows from its shaped width."""
    if style.direction == "rtl":
        return Line(text, style.font, size, colour, cx - shaped_width(text, style.font, size) / 2, y, shaped=True)
    return Line(text, style.font, size, colour, cx, y, centred=True)


def legend_width(footer_w: float, columns: int, size: float) -> float:
    side, gap = swatch(size)
    return footer_w / columns - 2 * LEGEND_INDENT - side - gap


def plan_poster(
    layout: PosterLayout, edition: Edition, structure: Structure, bold: str, problems: Problems, qr: float | None = None
) -> PosterPlan | None:
    """The poster's items; None (and a problem) when its texts cannot fit. `qr` is the side of the
    site's code, which then stands at the right of the footer panel."""
    sizes = _plan_sizes(layout, edition, structure, bold, problems, qr)
    if sizes is None:
        return None
    texts = edition.poster
    page = sizes.page
    emoticons = (structure.strengths, structure.work)
    labels = tuple(
        centred_line(poster_line(text, edition), layout.label, sizes.label_size,
                     readable(layout.label.colour or emoticon.colour, layout.background), box.cx, sizes.label_baseline)
        for box, emoticon, text in zip(sizes.faces, emoticons, (texts.strengths, texts.work))
    )  # fmt: skip
    footer = layout.footer
    site = None
    if sizes.qr:
        size = _site_size(structure, footer, sizes, problems)
        if size is None:
            return None
        site = Line(site_label(structure.site), footer.font, size, footer.colour,
                    sizes.qr.cx, sizes.qr.y - sizes.footer_size * SITE_DROP, centred=True)  # fmt: skip
    instruction, legend = _footer_items(layout, edition, structure, bold, sizes)
    plan = PosterPlan(
        Fill(Rect(0, 0, *layout.paper), layout.background),
        centred_line(poster_line(texts.title, edition), layout.title, sizes.title_size, layout.title.colour,
                     page.cx, sizes.title_baseline),
        centred_line(poster_line(edition.subject, edition), footer, footer.size, footer.colour,
                     page.cx, sizes.subject_baseline),
        tuple(Icon(e.svg, box) for box, e in zip(sizes.faces, emoticons)),
        labels,
        _panel(sizes),
        instruction,
        legend,
        Code(structure.site, sizes.qr, QR_RADIUS) if sizes.qr else None,
        site,
    )  # fmt: skip
    return _right_to_left(plan, layout.paper[0]) if layout.title.direction == "rtl" else plan


def _right_to_left(plan: PosterPlan, width: float) -> PosterPlan:
    """The poster mirrored for a right-to-left edition: strengths at the right, where reading starts."""
    turn = lambda item: mirrored_item(item, width)  # noqa: E731
    return PosterPlan(
        plan.background, plan.title, plan.subject, tuple(map(turn, plan.emoticons)), tuple(map(turn, plan.labels)),
        turn(plan.panel), turn(plan.instruction), tuple(Legend(turn(g.swatch), turn(g.text)) for g in plan.legend),
        turn(plan.code), turn(plan.site),
    )  # fmt: skip


def _site_size(structure: Structure, footer: TextStyle, sizes: Sizes, problems: Problems) -> float | None:
    """The site's name under its code, set smaller when it is wider than the panel round the code;
    None (and a problem naming it) when even the footer's smallest size is too wide."""
    text = site_label(structure.site)
    room = sizes.qr.w + 2 * (PANEL_PAD - SITE_INSET)  # centred under the code, inside the panel on both sides
    size = sizes.footer_size * SITE_SCALE
    natural = stringWidth(text, footer.font, size)
    if natural <= room:
        return size
    smallest = footer.min_size * SITE_SCALE
    fitted = size * room / natural
    if fitted >= smallest:
        return fitted
    problems.add(
        structure.path, structure.site_line, "site",
        f"the site's name '{text}' is {natural / size * smallest / MM:.0f} mm wide at {smallest:g} pt under the poster's "
        f"QR code, which has {room / MM:.0f} mm; use a shorter address, or a larger QR code (qr.poster in layout.yaml)",
    )  # fmt: skip
    return None


def _panel(sizes: Sizes) -> Fill:
    panel = sizes.footer.inset(-PANEL_PAD)
    if sizes.qr:  # the panel reaches round the code at its right end
        panel = Rect(panel.x, panel.y, sizes.qr.right + PANEL_PAD - panel.x, panel.h)
    return Fill(panel, PANEL, radius=PANEL_RADIUS)


def _footer_items(layout: PosterLayout, edition: Edition, structure: Structure, bold: str, sizes: Sizes):
    """The instruction across the footer, then one legend column for each category."""
    style, size, footer = layout.footer, sizes.footer_size, sizes.footer
    text = instruction_markup(edition)
    inst_h, _ = measure(paragraph(text, style, size, style.colour, "center"), footer.w)
    instruction = TextBlock(text, style, size, style.colour, Rect(footer.x, footer.top - inst_h, footer.w, inst_h), "center")
    columns = len(structure.categories)
    column_w = footer.w / columns
    top = footer.top - inst_h - GAP / 2
    width = legend_width(footer.w, columns, size)
    side, gap = swatch(size)
    first_line = size * LEGEND_SCALE * style.leading
    legend = []
    for i, category in enumerate(structure.categories):
        words = edition.category(category.id)
        ink = readable(category.colour, PANEL)  # the label as text on the panel: a light category colour deepened to read
        text = legend_markup(words.label, words.summary, hex_colour(ink), bold, edition.language)
        para_h, _ = measure(paragraph(text, style, size * LEGEND_SCALE, style.colour), width)
        x = footer.x + i * column_w + LEGEND_INDENT
        block = TextBlock(text, style, size * LEGEND_SCALE, style.colour, Rect(x + side + gap, top - para_h, width, para_h))
        box = Rect(x, top - (first_line + side) / 2, side, side)  # level with the first line
        if category.icon:
            mark = Icon(category.icon, box.inset(-SWATCH_GROW * side), category.colour)
        else:
            mark = Fill(box, category.colour, radius=side * SWATCH_RADIUS)
        legend.append(Legend(mark, block))
    return instruction, tuple(legend)


def _plan_sizes(
    layout: PosterLayout, edition: Edition, structure: Structure, bold: str, problems: Problems, qr: float | None
) -> Sizes | None:
    """Fit the edition's poster texts; the emoticons take all the height that is left."""
    page = Rect(0, 0, *layout.paper).inset(layout.margin)
    qr_room = qr + GAP if qr else 0.0
    sizes = _fit_texts(layout, edition, structure, page, bold, problems, qr_room)
    if sizes is None:
        return None
    title_size, label_size, footer_size = sizes
    title_baseline = page.top - title_size * 0.8
    subject_baseline = title_baseline - title_size * 0.3 - layout.footer.size
    footer_w = page.w - 2 * PANEL_PAD - qr_room
    text_h = _footer_height(layout.footer, footer_size, edition, structure, footer_w, bold)
    footer_h = max(text_h, qr + footer_size) if qr else text_h
    footer = Rect(page.x + PANEL_PAD, page.y + PANEL_PAD, footer_w, footer_h)
    qr_box = Rect(footer.right + GAP, footer.top - qr, qr, qr) if qr else None

    room_bottom = footer.top + PANEL_PAD + GAP
    room_top = subject_baseline - GAP
    label_room = GAP / 2 + label_size
    half = (page.w - GAP) / 2
    side = min(room_top - room_bottom - label_room, half * 0.9)
    if side < 60 * MM:
        problems.add(
            edition.path,
            edition.line("poster.title"),
            None,  # no one key: the paper and every text share the room
            f"edition '{edition.code}', poster: only {side / MM:.0f} mm left for the emoticons; "
            "use a larger poster paper or shorter texts",
        )
        return None
    # each label stays right under its face; the group sits in the middle of the room
    face_bottom = (room_top + room_bottom - side + label_room) / 2
    label_baseline = face_bottom - GAP / 2 - label_size * 0.75
    faces = tuple(Rect(page.x + (half + GAP) * i + (half - side) / 2, face_bottom, side, side) for i in (0, 1))
    return Sizes(
        page, title_size, title_baseline, subject_baseline, faces, label_size, label_baseline, footer, footer_size, qr_box
    )


def _footer_height(style: TextStyle, size: float, edition: Edition, structure: Structure, width: float, bold: str) -> float:
    instruction, _ = measure(paragraph(instruction_markup(edition), style, size, BLACK, "center"), width)
    column = legend_width(width, len(structure.categories), size)
    legend = max(
        measure(
            paragraph(legend_markup(text.label, text.summary, "#000000", bold, edition.language), style, size * LEGEND_SCALE, BLACK),
            column,
        )[0]
        for text in (edition.category(c.id) for c in structure.categories)
    )
    return instruction + GAP / 2 + legend


def _fit_texts(layout: PosterLayout, edition: Edition, structure: Structure, page: Rect, bold: str, problems: Problems, qr_room: float):
    """(title, label, footer) sizes, or None with a problem for each text that cannot fit."""
    texts = edition.poster

    def one_line(style: TextStyle, text: str, width: float):
        return lambda s: measure(paragraph(markup(poster_line(text, edition)), style, s, BLACK), 1e6)[1] <= width

    half = (page.w - GAP) / 2
    footer_w = page.w - 2 * PANEL_PAD - qr_room
    longest_key = max(("strengths", "work"), key=lambda k: len(getattr(texts, k)))
    checks = (
        ("title", "title", one_line(layout.title, texts.title, page.w)),
        ("label", longest_key, lambda s: all(one_line(layout.label, t, half)(s) for t in (texts.strengths, texts.work))),
        ("footer", "instruction", lambda s: _footer_height(layout.footer, s, edition, structure, footer_w, bold) <= FOOTER_SHARE * page.h),
    )
    sizes = []
    for style_key, text_key, fits in checks:
        style = getattr(layout, style_key)
        size = largest_fitting(style, fits)
        if size is None:
            text = getattr(texts, text_key)
            problems.add(
                edition.path,
                edition.line(f"poster.{text_key}"),
                f"poster.{text_key}",
                f"edition '{edition.code}', poster: 'poster.{text_key}' ({text[:40]!r}) does not fit even at "
                f"{style.min_size:g} pt; shorten it or lower poster.styles.{style_key}.min_size in layout.yaml",
                inline=True,
            )
        sizes.append(size)
    if not one_line(layout.footer, edition.subject, page.w)(layout.footer.size):
        problems.add(
            edition.path,
            edition.line("deck.subject"),
            "deck.subject",
            f"edition '{edition.code}', poster: 'deck.subject' is wider than the poster at "
            f"{layout.footer.size:g} pt; shorten it to one line",
            inline=True,
        )
        return None
    return None if None in sizes else tuple(sizes)
