"""`cardgen build` sets Python's cycle collector for a build (its plans live to the end) and
leaves it as it found it, for a caller that goes on: the studio, watch, a test run."""

from __future__ import annotations

import gc
from pathlib import Path

from click.testing import CliRunner

from cardgen.cli import main

FROZEN = Path(__file__).parent / "fixtures" / "decks" / "frozen"


def test_a_build_collects_seldom_and_leaves_the_collector_as_it_was(tmp_path, monkeypatch):
    import cardgen.build

    seen = {}
    real = cardgen.build.build

    def watching(*args, **kwargs):
        seen["threshold"] = gc.get_threshold()
        return real(*args, **kwargs)

    monkeypatch.setattr(cardgen.build, "build", watching)
    gc.unfreeze()  # as in a fresh process (the test session freezes what it holds: conftest.py)
    before = gc.get_threshold()
    result = CliRunner().invoke(main, ["build", "--content", str(FROZEN), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert seen["threshold"][0] > before[0]  # the plans, which live to the end, are seldom looked at
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_a_callers_frozen_objects_stay_frozen(tmp_path):
    gc.unfreeze()
    held = [[] for _ in range(1000)]
    gc.freeze()
    result = CliRunner().invoke(main, ["build", "--content", str(FROZEN), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    watched = {id(o) for o in gc.get_objects()}  # the objects the collector looks at: none frozen
    assert gc.get_freeze_count() > 0 and not any(id(h) in watched for h in held)


def test_a_failing_build_leaves_the_collector_as_it_was(tmp_path):
    gc.unfreeze()
    before = gc.get_threshold()
    result = CliRunner().invoke(main, ["build", "--content", str(tmp_path / "no-such-deck"), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
