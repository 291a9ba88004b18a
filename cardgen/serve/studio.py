"""The studio's state for one `cardgen serve`: the deck's workspace behind one lock, where builds
go, and what the pages need to know of an edition."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from cardgen.load.tags import edition_code
from cardgen.units import UnitError


class Refused(Exception):
    """A request the studio answers with a message instead of a page: 400 or 404."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def engine(function, *args):
    """A workspace call; its ValueError is a request that cannot be met (400), not a crash."""
    try:
        return function(*args)
    except ValueError as exc:
        raise Refused(400, str(exc)) from None


@dataclass
class Studio:
    workspace: object  # cardgen.serve.workspace.Workspace
    folder: Path
    out: Path  # where the build button writes: OUT/<edition>/
    lang: str | None = None  # the edition the first page shows
    lock: threading.Lock = field(default_factory=threading.Lock)  # ReportLab and PDFium are not thread-safe
    look: int = 0  # bumped when a file other than texts changes (layout, deck, drawings): every image is new

    def edition(self, code: str, unfinished: bool = False) -> str:
        """An edition the deck has (planned, or with `unfinished` also a translation not finished
        yet); the code is checked as a folder name and looked up, never joined."""
        try:
            edition_code(code)
        except UnitError as exc:
            raise Refused(404, str(exc)) from None
        known = self.workspace.all_editions() if unfinished else self.workspace.editions()
        if code not in known:
            raise Refused(404, f"no edition '{code}' to show in {self.folder} (found: {', '.join(known) or 'none'})")
        return code

    def card(self, code: str, card_id: str):
        for card in self.workspace.cards(code):
            if card.id == card_id:
                return card
        raise Refused(404, f"no card '{card_id}' in the edition '{code}'")

    def first_edition(self) -> str | None:
        editions = self.workspace.editions()
        if self.lang in editions:
            return self.lang
        return editions[0] if editions else None

    def changed(self, files: list[str]) -> None:
        """After the watcher saw `files` change: read the deck again."""
        if any(name not in ("texts.yaml", "sources.yaml") for name in files):
            self.look += 1
        with self.lock:
            self.workspace.reload()

    def stamp(self, *parts: object) -> str:
        """A short key for an image URL: the same texts and fit give the same URL, so the browser
        keeps every unchanged card's images."""
        return hashlib.sha1(repr((self.look, *parts)).encode()).hexdigest()[:12]
