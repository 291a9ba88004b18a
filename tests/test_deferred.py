"""A deferred module (cardgen/deferred.py) is imported as usual and runs only once a name of it is
used; from then on everyone who imported it, before or after, sees the real module's names."""

from __future__ import annotations

import sys

import pytest

from cardgen.deferred import Deferred, defer


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package `slowpkg` with a module `slowpkg.heavy` that counts how often it runs."""
    root = tmp_path / "slowpkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "heavy.py").write_text("import builtins\nbuiltins.heavy_runs = getattr(builtins, 'heavy_runs', 0) + 1\n"
                                   "def shape(x):\n    return x * 2\nclass Buffer:\n    pass\n")  # fmt: skip
    monkeypatch.syspath_prepend(str(tmp_path))
    import builtins

    monkeypatch.setattr(builtins, "heavy_runs", 0, raising=False)
    yield "slowpkg.heavy"
    for name in ("slowpkg.heavy", "slowpkg"):
        sys.modules.pop(name, None)


def test_a_deferred_module_runs_at_its_first_use_and_once(package):
    import builtins

    defer((package,))
    import slowpkg.heavy as early  # what ReportLab does as it starts
    from slowpkg import heavy

    assert isinstance(early, Deferred) and heavy is early
    assert builtins.heavy_runs == 0, "importing it ran it"
    assert bool(early) and early.__spec__ is None  # what `if not module:` and the import system ask of it

    assert early.shape(21) == 42
    assert builtins.heavy_runs == 1
    import slowpkg.heavy as late

    assert not isinstance(late, Deferred) and late.Buffer is early.Buffer
    assert sys.modules["slowpkg"].heavy is late
    assert isinstance(late.Buffer(), early.Buffer)
    assert builtins.heavy_runs == 1


def test_a_module_that_is_not_installed_is_left_to_the_importer(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    defer(("no_such_module_here",))
    assert "no_such_module_here" not in sys.modules
    with pytest.raises(ImportError):
        import no_such_module_here  # noqa: F401


def test_a_module_already_loaded_is_left_as_it_is(package):
    import importlib

    real = importlib.import_module(package)
    defer((package,))
    assert sys.modules[package] is real


def test_cardgen_defers_harfbuzz_and_pillows_image_until_used():
    """In a fresh interpreter: after ReportLab's start, neither has run; shaping loads HarfBuzz."""
    import subprocess

    code = (
        "import sys, cardgen, reportlab.platypus\n"
        "from cardgen.deferred import Deferred\n"
        "print(isinstance(sys.modules['uharfbuzz'], Deferred), isinstance(sys.modules['PIL.Image'], Deferred))\n"
        "import uharfbuzz\n"
        "print(uharfbuzz.Buffer is not None, isinstance(sys.modules['uharfbuzz'], Deferred))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "False"]
