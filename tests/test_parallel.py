"""Editions are planned once, in the parent; the workers only draw what they receive."""

from __future__ import annotations

import os
from pathlib import Path

import cardgen.build
from cardgen.build import build, prepare

CONTENT = Path(__file__).parents[1] / "content"


def test_workers_draw_the_parents_plans_without_planning_again(tmp_path, monkeypatch):
    calls = tmp_path / "plans.txt"
    real = cardgen.build.prepare

    def counting(*args, **kwargs):  # forked workers inherit this patch: a call there would be seen
        with open(calls, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(cardgen.build, "prepare", counting)
    monkeypatch.setattr(cardgen.build.os, "cpu_count", lambda: 2)
    written = build(cardgen.build.prepare(CONTENT), tmp_path / "out")
    assert sorted(w.edition for w in written) == ["ar", "en", "fr", "nl", "tr", "uk"]
    assert calls.read_text().split() == [str(os.getpid())]


def test_a_plan_survives_the_trip_to_a_worker():
    import pickle

    plan = prepare(CONTENT, lang="nl")
    again = pickle.loads(pickle.dumps(plan))
    assert again.editions[0].faces == plan.editions[0].faces
    assert again.layout.fonts == plan.layout.fonts and again.layout.fonts.bold.path.name.endswith(".ttf")
