"""cardgen against the Typst peer and the bare ReportLab script, at 25, 1,000 and 10,000 cards.

    python bench/compare.py [--runs 5] [--runs-large 3] [--no-10000]

Each size is built by three whole processes, as a user waits for them:
  cardgen  `python -m cardgen build --lang nl` (the shipped deck at 25, generated decks above)
  typst    bench/typst_peer.py: bench/peer.typ typesets the same sheets and poster with Typst
  bare     bench/bare_build.py: the least ReportLab + pypdf code that draws the same pages
The decks of 1,000 and 10,000 action cards come from bench/make_deck.py (seed 1); at 25 the bare
script draws its literal copy of the shipped deck, as bench/build_speed.py times it.

Runs are paired: each round runs the three one after another (the order turning each round),
and a ratio is the median of the rounds' own ratios, so a slow spell of a shared machine
weighs on both sides of a ratio. Wall and CPU (user + sys) are medians, peak memory is the
largest peak RSS of any run (each child reaped with os.wait4, so it is that child's own).
The 25 and 1,000 card sizes start with an unmeasured warm-up run of each command; at 10,000
the file and bytecode caches are warm by then. A benchmark: it prints, and exits 0 whether or
not the targets are met; 1 only if a command fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from build_speed import child_env, run_once
from make_deck import make_deck
from pypdf import PdfReader

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TOOLS = ("cardgen", "typst", "bare")
# The targets, as paired median wall ratios and peak memory.
TARGETS = {25: {"typst": 3.0, "bare": 1.25}, 1000: {"typst": 1.5}}
MAX_PEAK_MIB = {10000: 100.0}
MAX_MS_PER_CARD = 1.0


def commands(cards: int, deck: Path, out: Path) -> dict[str, tuple[list[str], Path]]:
    """tool -> (argv, the PDF that holds all its pages)."""
    py = sys.executable
    bare_deck = [] if cards == 25 else [str(deck)]
    return {
        "cardgen": ([py, "-m", "cardgen", "build", "--content", str(deck), "--out", str(out / "cardgen"), "--lang", "nl"],
                    out / "cardgen" / "nl" / "print-pack.pdf"),
        "typst": ([py, str(BENCH / "typst_peer.py"), str(deck), str(out / "typst" / "pack.pdf")], out / "typst" / "pack.pdf"),
        "bare": ([py, str(BENCH / "bare_build.py"), str(out / "bare"), *bare_deck], out / "bare" / "print-pack.pdf"),
    }


def measure(cmds: dict, env: dict[str, str], runs: int, warm_up: bool) -> list[dict[str, tuple[float, float, float]]]:
    """One dict per round: tool -> (wall s, CPU s, peak MiB)."""
    if warm_up:
        for argv, _ in cmds.values():
            run_once(argv, env)
    rounds = []
    for r in range(runs):
        order = TOOLS[r % 3 :] + TOOLS[: r % 3]
        rounds.append({tool: run_once(cmds[tool][0], env)[:3] for tool in order})
    return rounds


def paired(rounds: list[dict], tool: str, other: str, index: int) -> float:
    return statistics.median(r[tool][index] / r[other][index] for r in rounds)


def report_size(cards: int, rounds: list[dict], cmds: dict) -> dict[str, float]:
    """Print one size's table and ratios; return each tool's median CPU seconds."""
    what = "the shipped deck: 24 action cards and the rules card" if cards == 25 else f"{cards:,} action cards and the rules card"
    print(f"\n{cards:,} cards ({what}), {len(rounds)} paired round{'s' if len(rounds) > 1 else ''}")
    print(f"  {'tool':8} {'wall med':>9} {'wall min':>9} {'CPU med':>8} {'peak':>9} {'pages':>6} {'PDF':>9}")
    cpu = {}
    for tool in TOOLS:
        walls = [r[tool][0] for r in rounds]
        cpu[tool] = statistics.median(r[tool][1] for r in rounds)
        peak = max(r[tool][2] for r in rounds)
        pdf = cmds[tool][1]
        pages = len(PdfReader(pdf).pages)
        print(f"  {tool:8} {statistics.median(walls):8.3f}s {min(walls):8.3f}s {cpu[tool]:7.3f}s {peak:5.1f} MiB "
              f"{pages:6d} {pdf.stat().st_size / 1024:6.0f} KB")
    for other in ("typst", "bare"):
        wall_ratio, cpu_ratio = paired(rounds, "cardgen", other, 0), paired(rounds, "cardgen", other, 1)
        target = TARGETS.get(cards, {}).get(other)
        verdict = f"   target <= {target:g}x: {'met' if wall_ratio <= target else 'NOT met'}" if target else ""
        print(f"  cardgen/{other:5} {wall_ratio:5.2f}x wall, {cpu_ratio:5.2f}x CPU (paired medians){verdict}")
    if cards in MAX_PEAK_MIB:
        peak = max(r["cardgen"][2] for r in rounds)
        limit = MAX_PEAK_MIB[cards]
        print(f"  cardgen peak memory {peak:.1f} MiB   target < {limit:g} MiB: {'met' if peak < limit else 'NOT met'}")
    return cpu


def report_slopes(cpu: dict[int, dict[str, float]]) -> None:
    """Marginal CPU per card between each pair of generated sizes: linear code keeps it flat."""
    sizes = sorted(cpu)
    if len(sizes) < 2:
        return
    print("\nmarginal CPU per card (difference of median CPU over difference of cards, ms)")
    for low, high in zip(sizes, sizes[1:]):
        slopes = {t: (cpu[high][t] - cpu[low][t]) * 1000 / (high - low) for t in TOOLS}
        verdict = f"   cardgen target <= {MAX_MS_PER_CARD:g} ms: {'met' if slopes['cardgen'] <= MAX_MS_PER_CARD else 'NOT met'}"
        print(f"  {low:>6,} -> {high:<6,} " + "  ".join(f"{t} {slopes[t]:5.2f}" for t in TOOLS) + verdict)


def machine_note() -> str:
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    note = f"load average {load:.2f} on {cores} cores"
    if load >= cores / 2:
        note += ": a shared, busy machine; wall times are stretched by other work, CPU times and paired ratios less so"
    return note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="paired rounds at 25 and 1,000 cards (default 5)")
    parser.add_argument("--runs-large", type=int, default=3, help="paired rounds at 10,000 cards (default 3)")
    parser.add_argument("--no-10000", action="store_true", help="skip the 10,000 card deck (a minute or more a round)")
    args = parser.parse_args()
    if args.runs < 1 or args.runs_large < 1:
        parser.error("--runs and --runs-large must be at least 1")

    sizes = [25, 1000] + ([] if args.no_10000 else [10000])
    print(f"Python {sys.version.split()[0]}; before: {machine_note()}")
    cpu = {}
    with tempfile.TemporaryDirectory(prefix="cardgen-compare-") as tmp:
        env = child_env(Path(tmp), as_is=False)
        for cards in sizes:
            deck = REPO / "content" if cards == 25 else make_deck(cards, Path(tmp) / f"deck{cards}")
            cmds = commands(cards, deck, Path(tmp) / f"out{cards}")
            large = cards >= 10000
            rounds = measure(cmds, env, args.runs_large if large else args.runs, warm_up=not large)
            cpu[cards] = report_size(cards, rounds, cmds)
    report_slopes({n: c for n, c in cpu.items() if n != 25})
    print(f"\nafter: {machine_note()}")
    print("The Typst peer leaves out the two QR codes and the pack's bookmarks and page labels; "
          "it writes one PDF where cardgen and bare write cards.pdf, poster.pdf and print-pack.pdf.")


if __name__ == "__main__":
    main()
