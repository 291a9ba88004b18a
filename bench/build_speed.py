"""How much slower and bigger is `cardgen build` than the bare script that draws the same PDFs?

    python3 bench/build_speed.py [--runs N]

Both are timed as whole fresh processes, because that is what a user waits for: interpreter
start, imports, loading and drawing all count. The runs are interleaved (cardgen, bare, cardgen,
...) so that a slow spell of the machine hits both alike, and the median is the figure compared.
Targets (from the issue): cardgen within 1.25x of bare_build.py and under 100 MB peak RSS.

Bytecode: children get their own PYTHONPYCACHEPREFIX in the temporary folder and
PYTHONDONTWRITEBYTECODE unset, so that after the warm-up every module, cardgen's included, loads
from cached bytecode as in any pip install; a checkout run with PYTHONDONTWRITEBYTECODE=1 would
instead compile cardgen's sources on every run. --as-is keeps the caller's environment.

A benchmark, not a test: it reports and exits 0 whether or not the targets are met. It exits 1
only when one of the two commands fails, since its timings would then mean nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BARE = REPO / "bench" / "bare_build.py"
MAX_RATIO = 1.25
MAX_RSS_MB = 100.0


def commands(out: Path) -> dict[str, list[str]]:
    return {
        "cardgen": [sys.executable, "-m", "cardgen", "build", "--content", str(REPO / "content"), "--out", str(out / "cardgen"), "--lang", "nl"],
        "bare": [sys.executable, str(BARE), str(out / "bare")],
    }


def child_env(tmp: Path, as_is: bool) -> dict[str, str]:
    env = dict(os.environ)
    if not as_is:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def run_once(argv: list[str], env: dict[str, str], extra_flags: tuple[str, ...] = ()) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS in MB, stderr) of one child process.

    The child is reaped with os.wait4 so that ru_maxrss is that child's own peak;
    RUSAGE_CHILDREN would give the largest of all children so far.
    """
    argv = [argv[0], *extra_flags, *argv[1:]]
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # tell Popen it has been reaped
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if child.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed with exit code {child.returncode}:\n{stderr}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, stderr  # ru_maxrss is in KiB on Linux


def import_times(stderr: str) -> dict[str, tuple[int, int, int]]:
    """module -> (self us, cumulative us, nesting depth) from -X importtime output."""
    result = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line[len("import time:") :].split("|")
        depth = (len(name) - len(name.lstrip())) // 2
        result[name.strip()] = (int(self_us), int(cumulative), depth)
    return result


def median_import_times(argv: list[str], env: dict[str, str], runs: int = 3) -> dict[str, tuple[int, int, int]]:
    """Per-module medians over a few runs: one -X importtime run is as noisy as one timed run."""
    samples = [import_times(run_once(argv, env, ("-X", "importtime"))[3]) for _ in range(runs)]
    result = {}
    for name, (_, _, depth) in samples[0].items():
        seen = [s[name] for s in samples if name in s]
        result[name] = (int(statistics.median(t[0] for t in seen)), int(statistics.median(t[1] for t in seen)), depth)
    return result


def report_imports(cmds: dict[str, list[str]], env: dict[str, str]) -> None:
    """Where cardgen's import time goes, and what it imports that the bare script does not.

    -X importtime adds its own overhead, so these figures are larger than in the timed runs;
    they are for finding the heavy imports, not for adding up.
    """
    card, bare = median_import_times(cmds["cardgen"], env), median_import_times(cmds["bare"], env)
    print()
    print("cardgen build: the 15 imports with the largest cumulative time (-X importtime, median of 3, ms)")
    print(f"  {'cumulative':>10} {'self':>7}  module")
    for name, (self_us, cumulative, depth) in sorted(card.items(), key=lambda kv: -kv[1][1])[:15]:
        print(f"  {cumulative / 1000:10.1f} {self_us / 1000:7.1f}  {'  ' * depth}{name}")

    # Self times summed per top-level package: what cardgen pays for that bare_build.py does not.
    only = defaultdict(lambda: [0, 0])
    for name, (self_us, _, _) in card.items():
        if name not in bare:
            entry = only[name.split(".")[0]]
            entry[0] += self_us
            entry[1] += 1
    total = sum(us for us, _ in only.values())
    print()
    print(f"modules only cardgen imports: {sum(n for _, n in only.values())} modules, {total / 1000:.1f} ms self time in all")
    for package, (self_us, count) in sorted(only.items(), key=lambda kv: -kv[1][0])[:15]:
        print(f"  {self_us / 1000:7.1f} ms  {count:3d} modules  {package}")
    own = sorted(((us, name) for name, (us, _, _) in card.items() if name.split(".")[0] == "cardgen"), reverse=True)[:5]
    print("  heaviest cardgen modules (self): " + ", ".join(f"{name} {us / 1000:.1f} ms" for us, name in own))
    card_total = sum(s for s, _, _ in card.values())
    bare_total = sum(s for s, _, _ in bare.values())
    print(f"all imports, self time summed: cardgen {card_total / 1000:.1f} ms ({len(card)} modules), "
          f"bare {bare_total / 1000:.1f} ms ({len(bare)} modules)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each command (default 15)")
    parser.add_argument("--as-is", action="store_true", help="keep the environment's bytecode settings for the children")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="cardgen-bench-") as tmp:
        cmds = commands(Path(tmp))
        env = child_env(Path(tmp), args.as_is)
        for argv in cmds.values():  # warm-up: bytecode cache, file cache, font metrics
            run_once(argv, env)
        walls, cpus, rss = defaultdict(list), defaultdict(list), defaultdict(list)
        for _ in range(args.runs):
            for name, argv in cmds.items():
                wall, cpu, peak, _ = run_once(argv, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
                rss[name].append(peak)

        # CPU (user + sys) is printed beside wall time: other processes on a shared machine
        # stretch wall time far more than CPU time, so a CPU ratio far from the wall ratio means noise.
        bytecode = "as the environment says" if args.as_is else "from a warm bytecode cache"
        print(f"Python {sys.version.split()[0]}, {args.runs} interleaved runs each after one warm-up, whole processes, modules {bytecode}")
        print(f"  {'command':8} {'median':>8} {'min':>8} {'max':>8} {'CPU med':>8} {'peak RSS':>9}")
        for name in cmds:
            w = walls[name]
            print(f"  {name:8} {statistics.median(w):7.3f}s {min(w):7.3f}s {max(w):7.3f}s "
                  f"{statistics.median(cpus[name]):7.3f}s {max(rss[name]):6.1f} MB")
        ratio = statistics.median(walls["cardgen"]) / statistics.median(walls["bare"])
        min_ratio = min(walls["cardgen"]) / min(walls["bare"])
        cpu_ratio = statistics.median(cpus["cardgen"]) / statistics.median(cpus["bare"])
        card_rss = max(rss["cardgen"])
        print(f"ratio cardgen/bare: {ratio:.2f}x (median wall), {min_ratio:.2f}x (min wall), {cpu_ratio:.2f}x (median CPU)")
        print(f"target time  <= {MAX_RATIO:g}x: {'met' if ratio <= MAX_RATIO else 'NOT met'} (median wall)")
        print(f"target memory < {MAX_RSS_MB:g} MB: {'met' if card_rss < MAX_RSS_MB else 'NOT met'} ({card_rss:.1f} MB)")

        report_imports(cmds, env)


if __name__ == "__main__":
    main()
