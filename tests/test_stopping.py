"""A Ctrl-C is a stop, one line and exit 130, however it comes out of the libraries cardgen uses."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from click.testing import CliRunner

from cardgen.cli import main
from tests.conftest import SMALL


def test_a_ctrl_c_that_reportlab_turns_into_another_error_is_still_a_stop(tmp_path, monkeypatch):
    """ReportLab's colour parser catches every exception: a Ctrl-C landing there comes out as
    'ValueError: Invalid color value'. It must end the build as a stop, not as a crash."""
    import reportlab.lib.colors as colors

    from cardgen import stopping

    real = colors.HexColor
    calls = []

    def interrupted_once(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:  # Ctrl-C, while ReportLab reads a colour of the card text's markup
            stopping.stop(2, None)
        return real(*args, **kwargs)

    monkeypatch.setattr(colors, "HexColor", interrupted_once)
    result = CliRunner().invoke(main, ["build", "--content", str(SMALL), "--out", str(tmp_path), "--lang", "nl"])
    assert len(calls) >= 3, "the build read no colour through ReportLab's parser: the test tests nothing"
    assert result.exit_code == 130, result.output
    assert result.output.strip() == "stopped; the earlier PDFs are as they were"
    assert not (tmp_path / "nl").exists()


def test_an_error_after_a_finished_command_is_not_taken_for_a_stop(tmp_path):
    """The flag is the command's own: a mistake in the next command is reported as a mistake."""
    from cardgen import stopping

    stopping._stopped = True  # as a stop in an earlier command of the same process leaves it
    result = CliRunner().invoke(main, ["build", "--content", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_a_stopped_run_exits_130_even_when_the_interrupt_passed_through_eval(tmp_path):
    """CPython 3.11 marks a process to die by SIGINT at exit (-2) once a KeyboardInterrupt has
    passed through eval(), as it does inside ReportLab, even though cardgen caught it."""
    script = textwrap.dedent(f"""
        import sys
        import cardgen.build
        def prepare(*args, **kwargs):
            eval("(_ for _ in ()).throw(KeyboardInterrupt)")
        cardgen.build.prepare = prepare
        sys.argv = ["cardgen", "build", "--content", {str(SMALL)!r}, "--out", {str(tmp_path)!r}]
        from cardgen.cli import run
        run()
    """)
    (tmp_path / "stopped_build.py").write_text(script, encoding="utf-8")  # run with -m, as `python -m cardgen` is
    done = subprocess.run([sys.executable, "-m", "stopped_build"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 130, (done.returncode, done.stderr)
    assert done.stderr.strip() == "stopped; the earlier PDFs are as they were"
