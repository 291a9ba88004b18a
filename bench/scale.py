"""Is `cardgen build` linear in the number of cards, and what does one more card cost?

    python3 bench/scale.py [--runs N] [--sizes 24,1000,10000]

Builds the Dutch edition of generated decks (bench/make_deck.py, seed 1) as whole fresh
processes, and prints the median CPU seconds (user + system of the child, from os.wait4) and
peak RSS per size, then the marginal CPU and memory per card between
neighbouring sizes. A linear build has the same ms per card between every pair of sizes.
Targets (issue 10): at most 1.0 ms CPU per card, linear to 10,000 cards; under 100 MiB peak
RSS at 10,000 cards.

A benchmark, not a test: it reports and exits 0 whether or not the target is met.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from make_deck import make_deck

REPO = Path(__file__).resolve().parent.parent
TARGET_MS = 1.0
TARGET_MIB, AT = 100.0, 10_000  # peak RSS of the build of AT cards


def run_once(deck: Path, out: Path) -> tuple[float, float]:
    """(CPU seconds, peak RSS in MiB) of one fresh `cardgen build` process."""
    argv = [sys.executable, "-m", "cardgen", "build", "--content", str(deck), "--out", str(out), "--lang", "nl"]
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(argv, cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            sys.exit(f"{' '.join(argv)} failed ({child.returncode}):\n{err.read().decode('utf-8', 'replace')}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per size; the median counts (default 3)")
    parser.add_argument("--sizes", default="24,1000,10000", help="action cards per deck, comma-separated")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="cardgen-scale-") as tmp:
        root = Path(tmp)
        decks = {n: make_deck(n, root / f"deck-{n}") for n in sizes}
        results, peaks = {}, {}
        for n in sizes:
            runs = [run_once(decks[n], root / f"out-{n}") for _ in range(args.runs)]
            cpu = statistics.median(r[0] for r in runs)
            rss = statistics.median(r[1] for r in runs)
            results[n], peaks[n] = cpu, rss
            print(f"{n:>6} cards: {cpu:7.2f} s CPU (median of {args.runs}), {rss:6.1f} MiB peak RSS", flush=True)
    print()
    for small, large in zip(sizes, sizes[1:]):
        ms = (results[large] - results[small]) / (large - small) * 1000
        kib = (peaks[large] - peaks[small]) / (large - small) * 1024
        verdict = "met" if ms <= TARGET_MS else "not met"
        print(f"{small:>6} -> {large:>6} cards: {ms:5.2f} ms CPU per card (target {TARGET_MS:g} ms: {verdict}), "
              f"{kib:4.1f} KiB peak RSS per card")
    if AT in peaks:
        verdict = "met" if peaks[AT] < TARGET_MIB else "not met"
        print(f"{AT:>6} cards: {peaks[AT]:.1f} MiB peak RSS (target under {TARGET_MIB:g} MiB: {verdict})")


if __name__ == "__main__":
    main()
