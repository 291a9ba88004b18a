"""What the studio keeps warm between edits: every card's text measurements, and drawn previews.

Fitting an edition measures each card's texts at many sizes. The studio fits the whole edition
again after every keystroke with the printing code itself (plan/fit.py's fit_cards, so a preview
never disagrees with the print), but hands it measurements kept from earlier fits: a card whose
texts did not change is never measured again, and only the edited card costs paragraph layout.
Both caches are keyed by content (a Card is frozen and compares by its texts) and bounded.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from cardgen.plan import fit as fitting


class Bounded:
    """A least-recently-used mapping of at most `size` entries."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, make):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        self.put(key, value)
        return value

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __contains__(self, key) -> bool:
        with self._lock:
            return key in self._items

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class Measures:
    """fit_cards' per-card measurements, kept across fits: a cached card's measurements are
    those fit_cards would make itself, so the fit is the same, only faster."""

    def __init__(self, size: int = 4096) -> None:
        self._cache = Bounded(size)

    def of(self, card, layout, bold: str, language: str):
        """fit_cards' `measure`: the kept measurement of a card, made the first time it is asked for."""
        return self._cache.get((card, layout, bold, language), lambda: fitting.Measure(card, layout, bold, language))
