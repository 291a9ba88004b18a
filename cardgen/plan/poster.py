"""Pure poster planning: where the title, emoticons, labels and legend go, and at what sizes."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from cardgen.errors import Problems
from cardgen.bidi import shaped_width
from cardgen.plan.geometry import Code, Fill, Icon, Line, Rect, TextBlock
from cardgen.plan.mirror import mirrored_item
from cardgen.model import Edition, Structure
from cardgen.spec import PosterLayout, TextStyle
from cardgen.plan.palette import readable
from cardgen.plan.poster_sizes import (
    GAP,
    LEGEND_INDENT,
    LEGEND_SCALE,
    PANEL_PAD,
    Sizes,
    instruction_markup,
    legend_markup,
    legend_width,
    plan_sizes,
    poster_line,
    swatch,
)
from cardgen.typeset.paragraph import hex_colour, measure, paragraph, site_label
from cardgen.units import MM

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


def centred_line(text: str, style: TextStyle, size: float, colour, cx: float, y: float) -> Line:
    """One line centred on `cx`; a right-to-left one is shaped, so its left end follows from its shaped width."""
    if style.direction == "rtl":
        return Line(text, style.font, size, colour, cx - shaped_width(text, style.font, size) / 2, y, shaped=True)
    return Line(text, style.font, size, colour, cx, y, centred=True)


def plan_poster(
    layout: PosterLayout, edition: Edition, structure: Structure, bold: str, problems: Problems, qr: float | None = None
) -> PosterPlan | None:
    """The poster's items; None (and a problem) when its texts cannot fit. `qr` is the side of the
    site's code, which then stands at the right of the footer panel."""
    sizes = plan_sizes(layout, edition, structure, bold, problems, qr)
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
