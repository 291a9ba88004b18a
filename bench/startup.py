"""What starting cardgen costs: the CPU time (user + system, of the whole process) of importing it
and of `cardgen --help`, `check --lang nl` and `build --lang nl`, medians of fresh processes.

CPU time rather than wall time, because the machine is shared. Builds run with a warm cache
folder (the SVG drawings and hyphenation patterns read back) and, for comparison, a cold one.

    .venv/bin/python bench/startup.py [--runs 9] [--content content]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def cpu(args: list[str], env: dict[str, str]) -> float:
    """CPU seconds of one child process running `args` to the end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_ms(args: list[str], env: dict[str, str], runs: int, before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(cpu(args, env))
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--content", type=Path, default=REPO / "content")
    options = parser.parse_args()
    python, runs, content = sys.executable, options.runs, str(options.content)
    cardgen = [python, "-m", "cardgen"]
    with tempfile.TemporaryDirectory() as scratch:
        warm = dict(os.environ, CARDGEN_CACHE_DIR=str(Path(scratch) / "cache"))
        out = str(Path(scratch) / "out")
        build = [*cardgen, "build", "--content", content, "--lang", "nl", "--out", out]
        cpu(build, warm)  # fills the cache
        cold_home = Path(scratch) / "cold"

        def empty_cache() -> None:
            shutil.rmtree(cold_home, ignore_errors=True)

        cold = dict(os.environ, CARDGEN_CACHE_DIR=str(cold_home))
        rows = [
            ("python -c pass", median_ms([python, "-c", "pass"], warm, runs)),
            ("import cardgen.cli", median_ms([python, "-c", "import cardgen.cli"], warm, runs)),
            ("import cardgen.build + pdf", median_ms(
                [python, "-c", "import cardgen.build, cardgen.pdf.pack, cardgen.pdf.render"], warm, runs)),
            ("cardgen --help", median_ms([*cardgen, "--help"], warm, runs)),
            ("cardgen check --lang nl", median_ms([*cardgen, "check", "--content", content, "--lang", "nl"], warm, runs)),
            ("cardgen build --lang nl", median_ms(build, warm, runs)),
            ("  the same, empty cache", median_ms(build, cold, runs, before=empty_cache)),
        ]
    print(f"CPU time (user + system) of a fresh process, median of {runs} runs")
    for name, ms in rows:
        print(f"  {name:<28} {ms:7.0f} ms")


if __name__ == "__main__":
    main()
