"""Each command imports what it uses and nothing more: a teacher waits for every module imported.
Each case runs the command in a fresh interpreter and reads its sys.modules afterwards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CONTENT = Path(__file__).resolve().parent / "fixtures" / "decks" / "editions"  # frozen: see conftest.py
SVG = {"svglib", "lxml", "cssselect2", "tinycss2"}
TRANSLATE = {"polib", "ruamel"}
RUN = """
import json, sys
from cardgen.cli import main
try:
    main(sys.argv[1:], prog_name="cardgen")
except SystemExit as exit:
    assert not exit.code, exit.code
from cardgen.deferred import Deferred
print(json.dumps(sorted(name for name, module in sys.modules.items() if not isinstance(module, Deferred))))  # loaded
"""


def imported(cache: Path, *args: str) -> set[str]:
    """The top-level packages and the modules a `cardgen ARGS` run imported (loaded: a deferred
    module's stand-in, cardgen/deferred.py, is not)."""
    env = dict(os.environ, CARDGEN_CACHE_DIR=str(cache))
    result = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.splitlines()[-1])
    return set(modules) | {m.partition(".")[0] for m in modules}


@pytest.fixture(scope="module")
def warm(tmp_path_factory) -> tuple[Path, Path, set[str]]:
    """A cache folder filled by one build, the folder built into, and what that first build imported."""
    cache, out = tmp_path_factory.mktemp("cache"), tmp_path_factory.mktemp("out")
    first = imported(cache, "build", "--content", str(CONTENT), "--lang", "nl", "--out", str(out))
    return cache, out, first


def test_help_imports_neither_reportlab_nor_pypdf_nor_yaml(tmp_path):
    modules = imported(tmp_path, "--help")
    assert not modules & {"reportlab", "pypdf", "yaml", "pyphen", "platformdirs", "cardgen.build", *SVG, *TRANSLATE}


def test_the_first_build_converts_the_drawings_and_later_ones_do_not(warm):
    cache, out, first = warm
    assert SVG <= first, "a build with an empty cache converts the SVG files with svglib"
    assert "reportlab.graphics.barcode.qr" in first, "a build with an empty cache encodes the QR codes"
    again = imported(cache, "build", "--content", str(CONTENT), "--lang", "nl", "--out", str(out))
    assert not again & SVG
    assert "pypdf" in again  # the pack
    assert "reportlab.graphics.barcode" not in again, "the QR codes' shapes come from the cache"
    assert not again & {"cardgen.pdf.tiles", "cardgen.pdf.shop", "cardgen.plan.tiles"}


def test_a_build_with_tiles_and_for_a_shop_imports_their_modules(warm):
    cache, out, _ = warm
    modules = imported(cache, "build", "--content", str(CONTENT), "--lang", "nl", "--tile", "A4", "--shop", "--out", str(out / "more"))
    assert {"cardgen.pdf.tiles", "cardgen.pdf.shop"} <= modules


def test_build_imports_no_translation_tools(warm):
    cache, out, first = warm
    assert not first & TRANSLATE


def test_check_imports_neither_pypdf_nor_the_qr_code_nor_svglib(warm):
    cache, _, _ = warm
    modules = imported(cache, "check", "--content", str(CONTENT), "--lang", "nl")
    assert "cardgen.plan.fit" in modules
    assert not modules & {"pypdf", "filelock", "reportlab.graphics.barcode", "cardgen.pdf.pack", *SVG, *TRANSLATE}


def test_a_build_without_qr_codes_does_not_import_the_qr_encoder(warm):
    cache, out, _ = warm
    modules = imported(cache, "build", "--content", str(CONTENT), "--lang", "nl", "--no-qr", "--out", str(out / "noqr"))
    assert "pypdf" in modules
    assert "reportlab.graphics.barcode" not in modules


ARABIC = Path(__file__).resolve().parent / "fixtures" / "decks" / "arabic"


def test_harfbuzz_is_loaded_only_by_a_build_that_shapes_words(warm, tmp_path):
    """ReportLab imports HarfBuzz and Pillow's Image module as it starts; cardgen defers both
    (5.6 MiB): a Dutch build shapes nothing, `check` opens no image, an Arabic build shapes."""
    cache, out, _ = warm
    dutch = imported(cache, "build", "--content", str(CONTENT), "--lang", "nl", "--out", str(out / "again"))
    assert "reportlab.pdfbase.ttfonts" in dutch and "uharfbuzz" not in dutch
    checked = imported(cache, "check", "--content", str(CONTENT), "--lang", "nl")
    assert not checked & {"uharfbuzz", "PIL.Image"}
    arabic = imported(tmp_path / "cache", "build", "--content", str(ARABIC), "--out", str(tmp_path / "out"))
    assert "uharfbuzz" in arabic
