"""The studio's engine on a copy of the shipped deck: fits of edits, saves that keep the file,
conflicts, translations made stale or confirmed, the translators' rows, problems and reload."""

from __future__ import annotations

import difflib
import shutil

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.errors import Problems
from cardgen.plan.cards import cards_for
from cardgen.plan.faces import plan_faces
from cardgen.plan.fit import fit_cards
from cardgen.serve.workspace import Workspace
from cardgen.translate.files import fingerprint, read_sources
from cardgen.translate.status import texts_of

KEY = "cards.stappenplan.description"


@pytest.fixture
def ws(deck_copy):
    return Workspace(deck_copy)


def text_of(ws, code, key):
    return ws.texts(code)[key]


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]  # fmt: skip


def status_output(deck) -> str:
    return CliRunner().invoke(main, ["translate", "status", "--content", str(deck)]).output


def test_the_shipped_deck_loads_every_edition(ws):
    assert ws.problems == ()
    assert ws.editions() == ["nl", "en", "fr"]
    cards = ws.cards("nl")
    assert len(cards) == 25 and cards[0].kind == "rules" and cards[1].number_text == "1/24"
    assert dict(cards[17].keys)[f"cards.{cards[17].id}.title"]


def test_a_longer_text_shrinks_the_deck_and_nothing_is_saved(ws, deck_copy):
    before = (deck_copy / "nl" / "texts.yaml").read_bytes()
    longer = text_of(ws, "nl", KEY) + " En nog veel meer tekst om te zien wat er gebeurt" * 2
    fit = ws.try_edit("nl", KEY, longer)
    assert fit.status == "shrunk" and fit.deck_shrink and fit.size < 11
    assert fit.message == f"fits at {fit.size:g} pt: every card of the deck is set at {fit.size:g} pt instead of 11 pt because of this text"
    assert (deck_copy / "nl" / "texts.yaml").read_bytes() == before
    assert ws.try_edit("nl", KEY, text_of(ws, "nl", KEY)).status == "ok"


def test_the_warm_fit_is_the_printing_fit(ws):
    """Kept measurements change nothing: the edited edition fitted cold gives the same sizes."""
    longer = text_of(ws, "nl", KEY) + " Nog een zin erbij, en nog een." * 3
    planned = ws.planned("nl", {KEY: longer})
    prepared = ws._prepared_of("nl")
    layout = prepared.layout
    cold = fit_cards(cards_for(prepared.deck.structure, planned.edition, layout), layout.card,
                     layout.fonts.bold.name, "nl", planned.edition.language, Problems())  # fmt: skip
    assert planned.plan.fit == cold
    assert planned.plan.faces == plan_faces(cold, layout, planned.edition, prepared.deck.structure.site)


def test_far_too_long_overflows_by_mm_and_save_refuses(ws, deck_copy):
    before = (deck_copy / "nl" / "texts.yaml").read_bytes()
    far_too_long = text_of(ws, "nl", KEY) * 4
    fit = ws.try_edit("nl", KEY, far_too_long)
    assert fit.status == "overflow" and fit.overflow_mm > 20
    assert fit.message == f"does not fit even at 8 pt: {fit.overflow_mm:.1f} mm too long"
    saved = ws.save("nl", KEY, far_too_long, ws.version("nl"))
    assert not saved.ok and not saved.conflict and fit.message in saved.message
    assert (deck_copy / "nl" / "texts.yaml").read_bytes() == before


def test_a_label_too_wide_overflows_by_mm(ws):
    fit = ws.try_edit("nl", "categories.reactie.label", "#reactieopreactieopreactie")
    assert fit.status == "overflow" and 1 < fit.overflow_mm < 3
    assert fit.message == f"does not fit across the card even at 12 pt: the word '#reactieopreactieopreactie' is {fit.overflow_mm:.1f} mm too wide"
    assert ws.try_edit("nl", "categories.reactie.label", "#reactieopreactieopreactieop").overflow_mm > fit.overflow_mm


def test_save_changes_only_the_edited_lines(ws, deck_copy):
    path = deck_copy / "nl" / "texts.yaml"
    before = path.read_text(encoding="utf-8")
    saved = ws.save("nl", KEY, "Onze school heeft een stappenplan voor incidenten.", ws.version("nl"))
    assert saved.ok and saved.version == ws.version("nl") != ""
    after = path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "-      Onze school heeft een stappenplan waarin staat hoe je reageert op incidenten. Een",
        "-      eerste stap kan zijn om de aanspreekpersoon te betrekken en de ernst van de",
        "-      situatie te bepalen. Een voorbeeld vind je terug op www.sexting.be.",
        "+      Onze school heeft een stappenplan voor incidenten.",
    ]
    saved = ws.save("nl", "categories.reactie.label", "#reageren", saved.version)
    assert changed_lines(after, path.read_text(encoding="utf-8")) == ['-    label: "#reactie"', '+    label: "#reageren"']
    assert text_of(ws, "nl", KEY) == "Onze school heeft een stappenplan voor incidenten."


def test_a_file_changed_since_loading_is_a_conflict(ws, deck_copy):
    path = deck_copy / "nl" / "texts.yaml"
    loaded = ws.version("nl")
    path.write_text(path.read_text(encoding="utf-8") + "# added in an editor\n", encoding="utf-8")
    edited = path.read_bytes()
    saved = ws.save("nl", KEY, "Een ander stappenplan.", loaded)
    assert not saved.ok and saved.conflict and "changed since this page loaded it" in saved.message
    assert path.read_bytes() == edited
    ws.reload()
    assert ws.version("nl") != loaded and ws.save("nl", KEY, "Een ander stappenplan.", ws.version("nl")).ok


def test_saving_a_dutch_text_makes_its_translations_stale(ws, deck_copy):
    assert "stappenplan.description" not in status_output(deck_copy)
    assert ws.save("nl", KEY, "Onze school heeft een stappenplan voor incidenten.", ws.version("nl")).ok
    shown = status_output(deck_copy)
    assert f"fr/texts.yaml:146: {KEY}: the nl text changed since it was translated" in shown
    assert f"en/texts.yaml:141: {KEY}: the nl text changed since it was translated" in shown
    rows = {row.key: row for row in ws.translation_rows("fr")}
    assert rows[KEY].state == "stale" and rows[KEY].source_text == "Onze school heeft een stappenplan voor incidenten."
    assert sum(row.state == "stale" for row in rows.values()) == 1


def test_saving_a_translation_records_its_fingerprint(ws, deck_copy):
    new_nl = "Onze school heeft een stappenplan voor incidenten."
    ws.save("nl", KEY, new_nl, ws.version("nl"))
    saved = ws.save("fr", KEY, "Notre école a un protocole pour les incidents.", ws.version("fr"))
    assert saved.ok
    assert read_sources(deck_copy / "fr" / "sources.yaml")[KEY] == fingerprint(new_nl)
    assert f"fr/texts.yaml:146: {KEY}" not in status_output(deck_copy)
    assert {row.key: row.state for row in ws.translation_rows("fr")}[KEY] == "ok"
    assert texts_of(deck_copy / "fr" / "texts.yaml", Problems())[KEY][0] == "Notre école a un protocole pour les incidents."


def test_a_new_edition_is_untranslated_in_the_translators_view(deck_copy):
    result = CliRunner().invoke(main, ["translate", "new", "de", "--content", str(deck_copy), "--language", "de-BE"])
    assert result.exit_code == 0, result.output
    ws = Workspace(deck_copy)
    assert ws.problems == () and "de" in ws.all_editions() and "de" not in ws.editions()
    rows = ws.translation_rows("de")
    assert len(rows) == 63 and {row.state for row in rows} == {"untranslated"}
    description = next(row for row in rows if row.key == KEY)
    assert description.room.startswith("card back, body text: room for about")
    assert ws.save("de", "cards.stappenplan.title", "Stufenplan", ws.version("de")).ok
    assert {row.key: row.state for row in ws.translation_rows("de")}["cards.stappenplan.title"] == "ok"


def test_a_changed_dutch_text_is_stale_in_the_translators_view(deck_copy):
    path = deck_copy / "nl" / "texts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Bijscholingen", "title: Nascholingen"), encoding="utf-8")
    rows = Workspace(deck_copy).translation_rows("en")
    assert [row.key for row in rows if row.state == "stale"] == ["cards.bijscholingen.title"]


def test_a_broken_file_is_a_problem_until_it_is_fixed(ws, deck_copy):
    path = deck_copy / "fr" / "texts.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("cards:\n", "cards:\n  - [broken\n", 1), encoding="utf-8")
    ws.reload()
    assert ws.problems and all(":" in p for p in ws.problems)
    assert any(p.startswith(str(path)) or "fr/texts.yaml:" in p for p in ws.problems)
    assert "fr" not in ws.editions() and "nl" in ws.editions()
    path.write_text(good, encoding="utf-8")
    ws.reload()
    assert ws.problems == () and "fr" in ws.editions()


def test_what_the_browser_sends_is_checked(ws):
    for key in ("cards.nope.description", "../../etc/passwd", "calibration.title", "language"):
        with pytest.raises(ValueError):
            ws.try_edit("nl", key, "x")
    with pytest.raises(ValueError):
        ws.version("../nl")
    with pytest.raises(ValueError):
        ws.cards("xx")
    with pytest.raises(ValueError):
        ws.face_png("nl", "nope", "front")
    with pytest.raises(ValueError):
        ws.face_png("nl", "stappenplan", "side")
    with pytest.raises(ValueError):
        ws.face_png("nl", "stappenplan", "front", dpi=100_000)
    with pytest.raises(ValueError):
        ws.poster_png("nl", dpi=1200)
    with pytest.raises(ValueError):
        ws.save("nl", "cards.stappenplan.title", "   ", ws.version("nl"))


def test_an_edit_redraws_its_card_only(ws):
    before = ws.face_png("nl", "stappenplan", "back")
    other = ws.face_png("nl", "hulp-bieden", "back")
    assert before.startswith(b"\x89PNG")
    edits = {"cards.stappenplan.title": "Stappen"}
    assert ws.face_png("nl", "stappenplan", "back", edits) != before
    assert ws.face_png("nl", "hulp-bieden", "back", edits) == other
    assert ws.poster_png("nl", {"poster.title": "Een andere titel"}) != ws.poster_png("nl")



def test_the_deck_page_shows_the_face_as_preview_draws_it(ws):
    """Faces drawn many to a PDF look exactly like one face drawn on its own."""
    from io import BytesIO

    from PIL import Image

    from cardgen import preview

    prepared = ws._prepared_of("nl")
    plan = prepared.editions[0]
    for card_id, face in (("rules", "front"), ("stappenplan", "back")):
        alone = preview.png(preview.face_pdf(prepared, plan, preview.card_index(plan, card_id), face), 110)
        shown = ws.face_png("nl", card_id, face)
        assert Image.open(BytesIO(shown)).tobytes() == Image.open(BytesIO(alone)).tobytes()


def test_a_text_missing_from_a_translation_is_saved_into_its_section(ws, deck_copy):
    path = deck_copy / "fr" / "texts.yaml"
    original = path.read_text(encoding="utf-8")
    kept = original.replace("    title: Protocole par étapes\n", "", 1)
    assert kept != original
    path.write_text(kept, encoding="utf-8")
    ws.reload()
    assert {row.key: row.state for row in ws.translation_rows("fr")}["cards.stappenplan.title"] == "missing"
    assert ws.save("fr", "cards.stappenplan.title", "Protocole", ws.version("fr")).ok
    assert texts_of(path, Problems())["cards.stappenplan.title"][0] == "Protocole"
    assert {row.key: row.state for row in ws.translation_rows("fr")}["cards.stappenplan.title"] == "ok"


def test_a_reload_keeps_the_faces_that_did_not_change(ws, deck_copy):
    path = deck_copy / "nl" / "texts.yaml"
    back = ws.face_png("nl", "stappenplan", "back")
    other = ws.face_png("nl", "hulp-bieden", "back")
    path.write_text(path.read_text(encoding="utf-8").replace("title: Stappenplan", "title: Stappen"), encoding="utf-8")
    ws.reload()
    assert ws.face_png("nl", "hulp-bieden", "back") is other
    assert ws.face_png("nl", "stappenplan", "back") != back


def test_a_reload_measures_only_the_card_whose_text_changed_and_plans_as_cold(ws, deck_copy, monkeypatch):
    """A file saved in another editor is planned again with the kept measurements: only the
    edited card's texts are set again, and the plan is the one a fresh studio makes."""
    from cardgen.plan import fit

    made = []

    class Counted(fit.Measure):
        def __init__(self, card, *args):
            made.append(card.id)
            super().__init__(card, *args)

    monkeypatch.setattr(fit, "Measure", Counted)
    path = deck_copy / "nl" / "texts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Stappenplan", "title: Stappen"), encoding="utf-8")
    ws.reload()
    assert made == ["stappenplan"]
    monkeypatch.undo()
    cold = Workspace(deck_copy)
    for code in ws.editions():
        assert ws._prepared_of(code).editions == cold._prepared_of(code).editions


def test_a_changed_drawing_is_drawn_again(ws, deck_copy):
    """The plan names the drawing's file, not what is in it: a changed file is drawn anew."""
    from cardgen.load.assets import builtin_assets

    icon = deck_copy / "icons" / "lifebuoy.svg"
    icon.parent.mkdir()
    shutil.copy(builtin_assets() / "icons" / "lifebuoy.svg", icon)
    ws.reload()
    front = ws.face_png("nl", "stappenplan", "front")
    icon.write_text(icon.read_text(encoding="utf-8").replace("M 7 50", "M 20 50", 1), encoding="utf-8")
    ws.reload()
    assert ws.face_png("nl", "stappenplan", "front") != front


def test_a_description_too_long_is_drawn_past_the_cards_foot(ws):
    from cardgen.plan.geometry import back_regions

    far_too_long = text_of(ws, "nl", KEY) * 4
    planned = ws.planned("nl", {KEY: far_too_long})
    assert planned.plan is None
    index = [f.card.id for f in planned.shown.fit.cards].index("stappenplan")
    body = planned.shown.faces[index].back.body
    assert body.size == 8 and body.box.y < back_regions(ws._prepared_of("nl").layout.card).text_bottom
    assert ws.face_png("nl", "stappenplan", "back", {KEY: far_too_long}) != ws.face_png("nl", "stappenplan", "back")
    assert ws.planned("nl", {"cards.stappenplan.title": "Stappenplanstappenplanstappenplan"}).shown is None
