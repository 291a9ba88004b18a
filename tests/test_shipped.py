"""The deck as it ships in content/: every edition checks clean and builds (the README's first command).

Tests of behaviour build a frozen copy (tests/fixtures/decks/editions), so that changing the shipped
texts, colours or editions breaks none of them; this file is what holds the shipped deck itself."""

from __future__ import annotations

from click.testing import CliRunner
from pypdf import PdfReader

from cardgen.cli import main
from tests.conftest import SHIPPED


def editions() -> list[str]:
    return sorted(p.name for p in SHIPPED.iterdir() if (p / "texts.yaml").is_file())


def test_every_shipped_edition_is_complete_and_checks_without_a_problem():
    result = CliRunner().invoke(main, ["check", "--content", str(SHIPPED), "--strict"])
    assert result.exit_code == 0, result.output
    ready = [line.split(" ")[0] for line in result.output.splitlines() if " cards on " in line]
    assert sorted(ready) == editions(), result.output
    assert "All good: ready to build." in result.output


def test_every_shipped_edition_builds_its_print_pack(tmp_path):
    result = CliRunner().invoke(main, ["build", "--content", str(SHIPPED), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for code in editions():
        pack = PdfReader(tmp_path / code / "print-pack.pdf")
        # how to print it (and its blank back), 25 cards 9 a sheet: three fronts and three backs, the poster
        assert len(pack.pages) == 9, code
        assert pack.metadata["/Title"], code
