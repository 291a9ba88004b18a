from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "content"  # the deck as it ships: only tests about the shipped deck itself use it
# the shipped deck as it stood when frozen, with its three editions (nl, fr, en): what tests of
# behaviour build, so that new editions, texts or colours in content/ change none of them
CONTENT = Path(__file__).parent / "fixtures" / "decks" / "editions"
# the shipped deck as it stood when frozen, one edition (nl): tests that state line numbers patch
# a copy of it, so that the shipped content/ can change without breaking them
FROZEN = Path(__file__).parent / "fixtures" / "decks" / "frozen"
# the frozen deck cut to three cards: for tests that need a deck, not its cards, and run it often
SMALL = Path(__file__).parent / "fixtures" / "decks" / "small"


@pytest.fixture
def deck_copy(tmp_path: Path) -> Path:
    """A private copy of the Sextingscreener deck folder (frozen, three editions), free to edit."""
    target = tmp_path / "deck"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture
def small_copy(tmp_path: Path) -> Path:
    """A private copy of the small test deck (tests/fixtures/decks/small), free to edit."""
    target = tmp_path / "deck"
    shutil.copytree(SMALL, target)
    return target


@pytest.fixture(scope="session")
def prepared():
    """The Dutch edition of the (frozen) Sextingscreener, planned once for the session (the only edition in it)."""
    from cardgen.build import prepare

    return prepare(CONTENT, lang="nl")


@pytest.fixture(scope="session")
def built(tmp_path_factory, prepared) -> Path:
    """The Dutch print pack, built once for the session from `prepared`: OUT/nl/*.pdf."""
    from cardgen.build import build

    out = tmp_path_factory.mktemp("out")
    build(prepared, out)
    return out / "nl"


@pytest.fixture(scope="session")
def one_by_one(tmp_path_factory) -> Path:
    """Every edition of the shipped deck built one at a time (--lang) in this process: OUT/<code>/.
    What a parallel build, a spawned one or two at once must match byte for byte."""
    from click.testing import CliRunner

    from cardgen.cli import main

    out = tmp_path_factory.mktemp("one_by_one")
    for code in sorted(p.name for p in CONTENT.iterdir() if (p / "texts.yaml").is_file()):
        result = CliRunner().invoke(main, ["build", "--content", str(CONTENT), "--out", str(out), "--lang", code])
        assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module", autouse=True)
def _older_objects_frozen():
    """A build collects pypdf's cyclic garbage (build._release_pdf_objects), which in a one-shot
    command scans a small heap, but here every object the session holds: the imported modules,
    the session's plans and PDFs. What is alive when a test module starts is moved out of the
    collector's sight (gc.freeze), so a build in a test costs what it costs a user."""
    import gc

    gc.collect()
    gc.freeze()
    yield


def pytest_configure(config):
    """A test run started where Ctrl-C is ignored (a job put in the background by a script, nohup)
    would pass that on to every process a test starts, and the tests that stop `cardgen serve`,
    `watch` or `build` with Ctrl-C would fail, or pass without the build ever being stopped. This
    run and the processes it starts take Ctrl-C as a terminal gives it."""
    import signal

    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def _signal_handlers_restored():
    """A command run in this process may leave Ctrl-C ignored or handled its own way (a stopped
    command ignores further interrupts, as it should); a process started by a later test would
    inherit an ignored SIGINT and never stop on Ctrl-C. Each test starts with the handlers it found."""
    import signal

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in saved.items():
        if signal.getsignal(sig) is not handler and handler is not None:
            signal.signal(sig, handler)


# The modules that take longest (real processes, Chromium, many builds), run first: with one
# process a core, each test module on one of them (--dist loadfile, pyproject.toml), a long module
# started last would keep one core busy after the other has finished.
FIRST = ("test_robust_build", "test_studio_browser", "test_workspace", "test_calibrated", "test_sheet", "test_watch")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: FIRST.index(item.module.__name__) if item.module.__name__ in FIRST else len(FIRST))
