"""Card faces and the poster are planned as data: where everything goes is checked without a PDF."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from cardgen.plan.faces import plan_faces
from cardgen.plan.geometry import BODY_GAP, Code, Fill, Icon, Line, Rect, TextBlock
from cardgen.typeset.paragraph import markup

EPS = 1e-6


@pytest.fixture(scope="module")
def plan(prepared):
    return prepared.editions[0]


@pytest.fixture(scope="module")
def card_box(prepared):
    card = prepared.layout.card
    return Rect(0, 0, card.width, card.height)


def items(face):
    return [getattr(face, f.name) for f in dataclasses.fields(face) if getattr(face, f.name) is not None]


def boxes(face):
    return [item.box for item in items(face) if isinstance(item, (Fill, TextBlock, Icon, Code))]


def test_every_card_has_both_faces_planned_in_the_fits_order(plan):
    assert [f.front.background.colour for f in plan.faces] == [c.card.colour for c in plan.fit.cards]
    assert len(plan.faces) == len(plan.fit.cards) == 25


def test_everything_on_both_faces_lies_inside_the_card(plan, card_box, prepared):
    padding = prepared.layout.card.padding
    for faces in plan.faces:
        for face in (faces.front, faces.back):
            assert all(card_box.contains(box) for box in boxes(face)), face
            for line in (i for i in items(face) if isinstance(i, Line)):
                assert padding - EPS <= line.y <= card_box.h - padding, line


def test_front_reads_top_to_bottom_deck_name_icon_label_rule_number(plan, card_box, prepared):
    for faces in plan.faces:
        front = faces.front
        label = front.label.box
        assert front.icon is not None  # every card of the shipped deck has an icon
        assert front.deck_name.y > front.icon.box.top
        assert front.icon.box.y > label.top  # the icon stands above the label, clear of it
        assert abs(front.icon.box.cx - card_box.cx) < EPS
        assert front.label.align == "center" and abs(label.cx - card_box.cx) < EPS
        assert front.rule.y0 == front.rule.y1 < label.y
        assert abs((front.rule.x0 + front.rule.x1) / 2 - card_box.cx) < EPS
        if front.number:
            assert front.number.centred and front.number.x == card_box.cx
            assert front.number.y == prepared.layout.card.padding < front.rule.y0


def test_the_qr_code_is_on_the_rules_cards_front_only(plan, prepared):
    for fitted, faces in zip(plan.fit.cards, plan.faces):
        rules = fitted.card.kind == "rules"
        assert (faces.front.code is not None) == rules == (faces.front.site is not None)
        assert not any(isinstance(item, Code) for item in items(faces.back))
        if rules:
            code, site = faces.front.code, faces.front.site
            assert code.data == prepared.deck.structure.site
            assert code.box.w == code.box.h == prepared.layout.qr.rules_card
            assert site.y < code.box.y and code.box.top < faces.front.rule.y0  # the name under the code, both under the label
            assert faces.front.number is None


def test_back_stacks_band_title_description_number(plan, card_box):
    for faces in plan.faces:
        back = faces.back
        assert back.band.box.top == card_box.top and back.band.bleed == "lrt"
        assert back.band.box.y < back.label.y < back.band.box.top
        assert back.icon.box.right < back.label.x  # the icon before the label, in the band
        assert back.title.box.top < back.band.box.y
        assert back.body.box.top == pytest.approx(back.title.box.y - BODY_GAP)
        if back.number:
            assert back.number.y + back.number.size < back.body.box.y


def test_a_category_label_prints_the_same_on_front_back_and_poster(plan, prepared):
    categories = prepared.deck.structure.categories
    for category, entry in zip(categories, plan.poster.legend):
        label = plan.edition.category(category.id).label
        faces = [f for c, f in zip(plan.fit.cards, plan.faces) if c.card.label == label]
        assert faces, label
        for face in faces:
            assert face.front.label.markup == markup(face.back.label.text)
            assert f">{face.front.label.markup}</font>" in entry.text.markup


def test_a_label_is_typeset_once_for_both_faces(plan, prepared):
    """A straight apostrophe in a label turns typographic on the front and in the band alike."""
    fitted = plan.fit.cards[1]
    changed = dataclasses.replace(fitted, card=dataclasses.replace(fitted.card, label="#it's & <b>"))
    fit = dataclasses.replace(plan.fit, cards=(changed,))
    (faces,) = plan_faces(fit, prepared.layout, plan.edition, prepared.deck.structure.site)
    assert faces.back.label.text == "#it’s & <b>"
    assert faces.front.label.markup == "#it’s &amp; &lt;b&gt;"


def test_the_poster_is_planned_inside_its_paper_with_one_legend_entry_per_category(plan, prepared):
    poster, paper = plan.poster, Rect(0, 0, *prepared.layout.poster.paper)
    inside = [poster.panel.box, poster.instruction.box, *(i.box for i in poster.emoticons)]
    inside += [e.text.box for e in poster.legend] + [e.swatch.box for e in poster.legend]
    assert all(paper.contains(box) for box in inside)
    assert len(poster.legend) == len(prepared.deck.structure.categories)
    for entry, category in zip(poster.legend, prepared.deck.structure.categories):
        assert entry.swatch.tint == category.colour
        assert entry.swatch.box.right < entry.text.box.x  # the icon before its text
        assert poster.panel.box.contains(entry.text.box)
    assert all(label.y < face.box.y for label, face in zip(poster.labels, poster.emoticons))
    if poster.code:
        assert poster.code.box.x > max(e.text.box.right for e in poster.legend)
        assert poster.site.y < poster.code.box.y


def test_plans_travel_to_another_process(plan):
    assert pickle.loads(pickle.dumps((plan.faces, plan.poster))) == (plan.faces, plan.poster)


def test_drawing_imports_only_plans_models_drawing_and_reportlab():
    """Drawing paints what was planned: it never reaches back into loading, fitting or typesetting."""
    import ast
    from pathlib import Path

    import cardgen.draw

    # cardgen.cache: draw/qr.py keeps the QR codes' shapes in the cache folder, as they are slow to encode
    allowed = ("cardgen.draw.", "cardgen.model", "cardgen.paragraphs", "cardgen.plan.geometry",
               "cardgen.plan.calibration", "cardgen.plan.faces", "cardgen.plan.poster", "cardgen.plan.sheets", "cardgen.plan.tile_pages", "cardgen.cache", "reportlab", "__future__")  # fmt: skip
    stdlib = {"copy", "pathlib", "weakref", "dataclasses", "typing"}
    for path in sorted(Path(cardgen.draw.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = node.module
            elif isinstance(node, ast.Import):
                module = node.names[0].name
            else:
                continue
            assert module in stdlib or module.startswith(allowed), (path.name, module)
