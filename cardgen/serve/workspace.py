"""The studio's engine: a deck folder loaded and planned once, kept warm, that previews an edit,
says whether it fits, and saves it into the edition's texts.yaml.

Every edition is planned on its own (build.prepare per edition), so a mistake in one edition's
file leaves the others on screen. An edit is planned again with the printing code
(serve/planning.py), its faces drawn by the printing code (serve/images.py): what the preview
shows is what prints.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from cardgen.build import EditionPlan, Prepared, prepare
from cardgen.errors import CardgenError, ContentError
from cardgen.load.content import TEXTS_FILE, find_editions
from cardgen.serve.fits import TextFit, card_fit, failed_fit, layout_of, plain_fit
from cardgen.serve.images import faces_pngs
from cardgen.serve.planning import Planned, plan_edits
from cardgen.serve.saving import Saved, file_version, save_text
from cardgen.serve.texts import editable_texts
from cardgen.serve.warm import Bounded, Measures

@dataclass(frozen=True)
class CardView:
    id: str
    kind: str  # 'action' | 'rules'
    number_text: str  # '3/24' as printed at the foot; '' for the rules card
    category: str  # the category's id; '' for the rules card
    keys: tuple[tuple[str, str], ...]  # (key as in PO files, text) of the card's own texts
    fit: TextFit


# a preview's resolution, whatever is asked: a few thousand pixels across at most
FACE_DPI = 600
POSTER_DPI = 150


def _check_dpi(dpi, most: int) -> None:
    if not isinstance(dpi, int) or not 10 <= dpi <= most:
        raise ValueError(f"a preview is drawn at 10 to {most} dpi, not {dpi!r}")


def _look(prepared: dict[str, Prepared]) -> tuple:
    """What a face's look depends on beyond its plan: the layout, and every drawing's file."""
    first = next(iter(prepared.values()), None)
    if first is None:
        return ()
    return (first.layout, tuple((path, file_version(path)) for path, _ in first.drawings))


class Workspace:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.RLock()  # planning and PDFium are not for two threads at once
        self._measures = Measures()
        self._plans = Bounded(64)
        self._images = Bounded(512)
        self._rows = Bounded(16)
        self.reload()

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read every file of the deck again and plan every edition that can be built. Previews
        and measurements are keyed by content and kept, unless the layout or a drawing changed."""
        with self._lock:
            prepared: dict[str, Prepared] = {}
            versions: dict[str, str] = {}
            problems: list[str] = []
            source, unfinished = self._translation_state(problems)
            codes = sorted(find_editions(self.folder), key=lambda c: (c != source, c))
            measures = self._measures  # the cards whose texts did not change are not measured again
            for code in codes:
                versions[code] = file_version(self.folder / code / TEXTS_FILE)  # before reading: a later change conflicts
                if code in unfinished:
                    continue
                try:
                    prepared[code] = prepare(self.folder, lang=code, measure=measures.of)
                except ContentError as exc:
                    problems.extend(str(p) for p in exc.problems)
                except CardgenError as exc:
                    problems.append(exc.format_message())
            if not codes and not problems:
                problems.append(f"{self.folder}: no edition found: expected a folder such as 'nl/' holding {TEXTS_FILE}")
            look, before = _look(prepared), getattr(self, "_look", None)
            if look != before:
                if before is not None:  # the first load's measurements were made for this look
                    self._measures = Measures()
                    self._images.clear()
                self._look = look
            self._plans.clear()
            self._prepared, self._versions, self._source, self._all = prepared, versions, source, codes
            self.problems: tuple[str, ...] = tuple(dict.fromkeys(problems))

    def _translation_state(self, problems: list[str]) -> tuple[str | None, set[str]]:
        """The source edition, and the translations not finished yet: those are not planned (a
        build skips them too) and show in the translators' view only."""
        from cardgen.translate.status import source_edition, status

        try:
            source = source_edition(self.folder)
        except CardgenError:
            return None, set()  # no translations, or deck.yaml's own problems: planning lists those
        unfinished = set()
        for code in find_editions(self.folder):
            if code == source:
                continue
            try:
                st = status(self.folder, code, source)
            except CardgenError:
                continue  # planning the edition lists its problems
            if st.untranslated or st.missing:
                unfinished.add(code)
        return source, unfinished

    # --- what the page shows ---------------------------------------------------------------

    def editions(self) -> list[str]:
        """The editions that are planned and previewed, the source first."""
        return [code for code in self._all if code in self._prepared]

    def all_editions(self) -> list[str]:
        """Every edition of the deck folder, finished or not (the translators' view), the source first."""
        return list(self._all)

    def source(self) -> str | None:
        return self._source

    def version(self, edition: str) -> str:
        if edition not in self._versions:
            raise ValueError(f"no edition '{edition}' in the deck")
        return self._versions[edition]

    def texts(self, edition: str) -> dict[str, str]:
        """Every editable text of a planned edition, by key."""
        return editable_texts(self._base(edition).edition)

    def cards(self, edition: str) -> list[CardView]:
        planned = self._base(edition)
        views = []
        for fitted in planned.fit.cards:
            card = fitted.card
            views.append(CardView(
                card.id, card.kind, card.number_text, self._category_of(edition, card.id),
                tuple(self._card_keys(planned.edition, card.id)), self._card_fit(edition, planned, card.id),
            ))  # fmt: skip
        return views

    # --- planning with edits ---------------------------------------------------------------

    def _prepared_of(self, edition: str) -> Prepared:
        if edition not in self._prepared:
            raise ValueError(f"no edition '{edition}' to preview" + (": it does not load" if edition in self._all else ""))
        return self._prepared[edition]

    def _base(self, edition: str) -> EditionPlan:
        return self._prepared_of(edition).editions[0]

    def planned(self, edition: str, edits: Mapping[str, str]) -> Planned:
        """The edition planned as it would print with `edits` written in; kept for the next call."""
        key = (edition, tuple(sorted(edits.items())))
        return self._plans.get(key, lambda: self._plan(edition, dict(edits)))

    def _plan(self, edition: str, edits: dict[str, str]) -> Planned:
        prepared = self._prepared_of(edition)
        with self._lock:
            return plan_edits(prepared, edits, self._measures)

    # --- fit -------------------------------------------------------------------------------

    def try_edit(self, edition: str, key: str, text: str) -> TextFit:
        """How the text `key` would fit with `text`; nothing is saved."""
        self._check_key(edition, key)
        planned = self.planned(edition, {key: text})
        if planned.plan is None:
            return failed_fit(planned.problems, key, self._prepared_of(edition), planned.edition, self._measures)
        card_id = self._card_of_key(planned.plan, key)
        if card_id is None:
            return plain_fit(key)
        return self._card_fit(edition, planned.plan, card_id)

    def _card_fit(self, edition: str, plan: EditionPlan, card_id: str) -> TextFit:
        layout = layout_of(self._prepared_of(edition))
        return card_fit(plan.fit, card_id, layout, plan.edition.language, self._measures)

    def _card_of_key(self, plan: EditionPlan, key: str) -> str | None:
        """The card whose fit answers for a key: its own card; for a category's label the
        tightest card of that category; for the deck title the rules card."""
        parts = key.split(".")
        if parts[0] == "cards":
            return parts[1]
        if parts[0] == "rules" or key == "deck.title":
            return "rules" if any(f.card.id == "rules" for f in plan.fit.cards) else None
        if parts[0] == "categories" and parts[2] == "label":
            ids = [f.card.id for f in plan.fit.cards if self._category_of(plan.edition.code, f.card.id) == parts[1]]
            return min(ids, key=lambda i: [f.label_size for f in plan.fit.cards if f.card.id == i][0], default=None)
        return None

    def _category_of(self, edition: str, card_id: str) -> str:
        structure = self._prepared_of(edition).deck.structure
        return next((spec.category for spec in structure.cards if spec.id == card_id), "")

    @staticmethod
    def _card_keys(edition, card_id: str):
        texts = editable_texts(edition)
        prefix = "rules." if card_id == "rules" else f"cards.{card_id}."
        return [(k, v) for k, v in texts.items() if k.startswith(prefix)]

    def _check_translation_key(self, edition: str, key: str) -> None:
        if edition not in self._all:
            raise ValueError(f"no edition '{edition}' in the deck")
        if self._source not in self._prepared or key not in editable_texts(self._base(self._source).edition):
            raise ValueError(f"no editable text '{key}' in the edition '{edition}'")

    def _check_key(self, edition: str, key: str) -> None:
        if key not in editable_texts(self._base(edition).edition):
            raise ValueError(f"no editable text '{key}' in the edition '{edition}'")

    # --- images ----------------------------------------------------------------------------

    def face_png(self, edition: str, card_id: str, face: str, edits: Mapping[str, str] = {}, dpi: int = 110) -> bytes:
        """A face as it prints with `edits`; a description too long runs past the card's foot, any
        other edit that does not fit shows the last face that did."""
        from cardgen.preview import card_index

        if face not in ("front", "back"):
            raise ValueError(f"no face '{face}': front or back")
        _check_dpi(dpi, FACE_DPI)
        base = self._base(edition)
        planned = self.planned(edition, edits)
        plan = planned.plan or planned.shown or base
        try:
            index = card_index(plan, card_id)
        except KeyError:
            raise ValueError(f"no card '{card_id}' in the edition '{edition}'") from None
        key = self._face_key(edition, plan, index, face, dpi)

        def draw() -> bytes:
            with self._lock:
                if plan is base:  # the deck page asks for every face next: one PDF draws them all
                    self._draw_every_face(edition, dpi)
                return self._images.get(key, lambda: faces_pngs(self._prepared_of(edition), plan, [(index, face)], dpi)[0])

        return self._images.get(key, draw)

    @staticmethod
    def _face_key(edition: str, plan: EditionPlan, index: int, face: str, dpi: int) -> tuple:
        faces = plan.faces[index]
        return (edition, face, dpi, faces.front if face == "front" else faces.back)

    def _draw_every_face(self, edition: str, dpi: int) -> None:
        """The faces of the edition not drawn yet (after a reload: the ones that changed)."""
        plan = self._base(edition)
        everything = [(i, face) for i in range(len(plan.faces)) for face in ("front", "back")]
        wanted = [(i, face) for i, face in everything if self._face_key(edition, plan, i, face, dpi) not in self._images]
        for (i, face), image in zip(wanted, faces_pngs(self._prepared_of(edition), plan, wanted, dpi) if wanted else []):
            self._images.put(self._face_key(edition, plan, i, face, dpi), image)

    def poster_png(self, edition: str, edits: Mapping[str, str] = {}, dpi: int = 40) -> bytes:
        from cardgen import preview

        _check_dpi(dpi, POSTER_DPI)
        plan = self.planned(edition, edits).plan or self._base(edition)
        prepared = self._prepared_of(edition)

        def draw() -> bytes:
            with self._lock:
                return preview.png(preview.poster_pdf(prepared, plan), dpi)

        return self._images.get((edition, "poster", dpi, plan.poster), draw)

    # --- saving and translating ------------------------------------------------------------

    def save(self, edition: str, key: str, text: str, version: str) -> Saved:
        with self._lock:
            current = self.version(edition)
            if edition in self._prepared:
                fit = self.try_edit(edition, key, text)
                if fit.status == "overflow":
                    return Saved(False, False, f"not saved: {fit.message}", current)
            else:  # a translation not finished yet cannot be planned: its keys are the source's
                self._check_translation_key(edition, key)
            try:
                saved = save_text(self.folder, edition, self._source, key, text, version)
            except CardgenError as exc:  # a file that cannot be written, or no longer reads: nothing changed
                return Saved(False, False, f"not saved: {exc.format_message()}", current)
            self.reload()
            return replace(saved, version=self._versions.get(edition, ""))

    def translation_rows(self, edition: str):
        from cardgen.serve.rows import translation_rows

        if edition not in self._all:
            raise ValueError(f"no edition '{edition}' in the deck")
        if self._source is None:
            raise ValueError("the deck has no source edition (deck.yaml: source_edition): nothing to translate")
        try:
            return self._rows.get((edition, self._versions.get(edition), self._versions.get(self._source)),
                                  lambda: translation_rows(self.folder, edition, self._source))  # fmt: skip
        except CardgenError as exc:  # a file of the two does not read: the page shows why
            raise ValueError(exc.format_message()) from None
