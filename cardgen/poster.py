"""Pure poster planning: where the title, emoticons, labels and legend go, and at what sizes."""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.errors import Problems
from cardgen.fit import largest_fitting
from cardgen.geometry import Rect
from cardgen.model import Edition, PosterLayout, Structure
from cardgen.text import markup, measure, paragraph
from cardgen.units import MM

BLACK = (0.0, 0.0, 0.0)
GAP = 6 * MM
PANEL_PAD = 5 * MM  # inside the tinted panel that holds the instruction and the legend


@dataclass(frozen=True)
class PosterPlan:
    page: Rect
    title_size: float
    title_baseline: float
    subject_baseline: float
    faces: tuple[Rect, Rect]  # strengths, work: squares the emoticons fill
    label_size: float
    label_baseline: float
    footer: Rect  # instruction and legend
    footer_size: float


def legend_markup(label: str, summary: str, colour_hex: str, bold: str) -> str:
    return f'<font name="{bold}" color="{colour_hex}">{markup(label)}</font>  {markup(summary)}'


def plan_poster(layout: PosterLayout, edition: Edition, structure: Structure, bold: str, problems: Problems) -> PosterPlan | None:
    """Fit the edition's poster texts; the emoticons take all the height that is left."""
    w, h = layout.paper
    page = Rect(0, 0, w, h).inset(layout.margin)
    texts = edition.poster
    where = f"edition '{edition.code}', poster"

    def width_fits(style, text, width):
        return lambda s: measure(paragraph(markup(text), style, s, BLACK), 1e6)[1] <= width

    title_size = largest_fitting(layout.title, width_fits(layout.title, texts.title, page.w))
    half = (page.w - GAP) / 2
    longest = max((texts.strengths, texts.work), key=len)
    label_size = largest_fitting(layout.label, lambda s: all(width_fits(layout.label, t, half)(s) for t in (texts.strengths, texts.work)))
    footer_style = layout.footer
    columns = len(structure.categories)

    def footer_height(size: float) -> float:
        instruction, _ = measure(paragraph(markup(texts.instruction), footer_style, size, BLACK, "center"), page.w - 2 * PANEL_PAD)
        legend = max(
            measure(paragraph(legend_markup(edition.category(c.id).label, edition.category(c.id).summary, "#000000", bold), footer_style, size * 0.85, BLACK), (page.w - 2 * PANEL_PAD) / columns - 12 * MM)[0]
            for c in structure.categories
        )
        return instruction + GAP / 2 + legend

    footer_size = largest_fitting(footer_style, lambda s: footer_height(s) <= 0.24 * page.h)
    for size, key, text in ((title_size, "title", texts.title), (label_size, "label", longest), (footer_size, "footer", texts.instruction)):
        if size is None:
            problems.add(
                edition.path,
                None,
                f"{where}: the {key} text {text[:40]!r} does not fit even at "
                f"{getattr(layout, key).min_size:g} pt; shorten it or lower poster.styles.{key}.min_size in layout.yaml",
            )
    if None in (title_size, label_size, footer_size):
        return None

    title_baseline = page.top - title_size * 0.8
    subject_baseline = title_baseline - title_size * 0.3 - footer_style.size
    footer = Rect(page.x + PANEL_PAD, page.y + PANEL_PAD, page.w - 2 * PANEL_PAD, footer_height(footer_size))
    room_bottom = footer.top + PANEL_PAD + GAP
    room_top = subject_baseline - GAP
    label_room = GAP / 2 + label_size
    side = min(room_top - room_bottom - label_room, half * 0.9)
    if side < 60 * MM:
        problems.add(edition.path, None, f"{where}: only {side / MM:.0f} mm left for the emoticons; use a larger poster paper or shorter texts")
        return None
    # each label stays right under its face; the group sits in the middle of the room
    face_bottom = (room_top + room_bottom - side + label_room) / 2
    label_baseline = face_bottom - GAP / 2 - label_size * 0.75
    faces = tuple(Rect(page.x + half * i + GAP * i + (half - side) / 2, face_bottom, side, side) for i in (0, 1))
    return PosterPlan(page, title_size, title_baseline, subject_baseline, faces, label_size, label_baseline, footer, footer_size)

