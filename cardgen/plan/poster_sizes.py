"""The poster's sizes: its texts fitted to the paper, and the room that leaves for the
emoticons, their labels and the footer (the instruction, the legend and the site's code).
plan/poster.py places the items on this ground."""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.errors import Problems
from cardgen.model import Edition, Structure
from cardgen.plan.fit import largest_fitting
from cardgen.plan.geometry import Rect
from cardgen.spec import PosterLayout, TextStyle
from cardgen.typeset.markup import typeset
from cardgen.typeset.paragraph import markup, measure, paragraph, printed_line
from cardgen.units import MM

BLACK = (0.0, 0.0, 0.0)
GAP = 6 * MM
PANEL_PAD = 5 * MM  # inside the tinted panel that holds the instruction and the legend
LEGEND_INDENT = 6 * MM  # each legend column: indent, swatch, gap, text, indent
SWATCH = 0.9  # the legend's icon, as a share of its text size: it grows with the poster
SWATCH_GAP = 0.5  # between icon and text, likewise
LEGEND_SCALE = 0.85  # the legend is set a little smaller than the instruction
FOOTER_SHARE = 0.24  # the most of the page's height the instruction and legend may take


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


def legend_width(footer_w: float, columns: int, size: float) -> float:
    side, gap = swatch(size)
    return footer_w / columns - 2 * LEGEND_INDENT - side - gap


def plan_sizes(
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
