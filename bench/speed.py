"""Speed, scale and memory benchmark. Run by hand: `python -m bench.speed [--quick]`.

Prints figures for BENCHMARKS.md; asserts nothing (timed assertions belong nowhere in unit tests).
Every timing is the median of several runs; the cold CLI is reported as a ratio to the baseline
the goal names, `python -c "import jieba; jieba.initialize()"`, measured side by side in the same run
(plancheck reads jieba's dictionary on demand, engine/align/lexicon.py, so it may come in under it).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
PLANCHECK = Path(sys.executable).with_name("plancheck")


def _median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cold_cli(runs: int) -> None:
    # bytecode as an install leaves it (pip compiles; an editable install under
    # PYTHONDONTWRITEBYTECODE would otherwise recompile every changed module on every run)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "engine")], stdout=subprocess.DEVNULL, check=False)
    floor_cmd = [sys.executable, "-c", "import jieba; jieba.initialize()"]
    check_cmd = [str(PLANCHECK), "check", str(DRAFT), "--parent", str(PARENT), "--fail-on", "none"]
    floor, cold = [], []
    for _ in range(runs):  # interleaved so both see the same machine load
        floor.append(_median_seconds(floor_cmd, 1))
        cold.append(_median_seconds(check_cmd, 1))
    f, c = statistics.median(floor), statistics.median(cold)
    print(f"cold CLI check (fixture pair): {c * 1000:.0f} ms; jieba floor {f * 1000:.0f} ms; ratio {c / f:.2f}x (goal <= 1.5x)")


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def warm_and_memory(runs: int, memory_runs: int) -> None:
    from engine.pipeline import DEFAULT_RULESETS, Obligations, check_plans, load_plan
    from engine.rules.loader import load_rulesets

    rules = load_rulesets(list(DEFAULT_RULESETS)).rules
    obligations = Obligations.from_parent(str(PARENT))
    draft = load_plan(str(DRAFT))
    check_plans(draft, obligations, rules)  # warm-up: jieba, regexes, durable host
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        d = load_plan(str(DRAFT))
        check_plans(d, obligations, rules)
        times.append(time.perf_counter() - t)
    print(f"warm check (parse draft + align + rules, derived parent): median {statistics.median(times) * 1000:.1f} ms over {runs} (goal <= 100 ms)")
    # The same draft again reuses what the process keeps by text (cut blocks, clause facts): what a
    # drafting office re-checking an edited draft sees. A draft never seen before pays for all of it.
    from bench.generate import write_drafts

    with tempfile.TemporaryDirectory() as tmp:
        fresh = write_drafts(PARENT, Path(tmp), runs, seed=1)
        unseen = []
        for path in fresh:
            t = time.perf_counter()
            check_plans(load_plan(str(path)), obligations, rules)
            unseen.append(time.perf_counter() - t)
    print(f"warm check of drafts not seen before in the process (generated, each once): median {statistics.median(unseen) * 1000:.1f} ms over {runs}")
    rss = {}
    for i in range(1, memory_runs + 1):
        d = load_plan(str(DRAFT))
        check_plans(d, obligations, rules)
        if i in (10, memory_runs):
            gc.collect()
            rss[i] = _rss_mb()
    growth = (rss[memory_runs] - rss[10]) / rss[10] * 100
    print(f"memory: RSS after 10 checks {rss[10]:.1f} MB, after {memory_runs} {rss[memory_runs]:.1f} MB ({growth:+.1f}%; goal within 10%)")


def batch(n: int, jobs: int, runs: int) -> None:
    from bench.generate import write_drafts

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_drafts(PARENT, Path(tmp), n, seed=7)
        cmd = [str(PLANCHECK), "check", *map(str, paths), "--parent", str(PARENT), "--fail-on", "none", "-j", str(jobs)]
        times, outputs = [], set()
        for _ in range(runs):
            t = time.perf_counter()
            p = subprocess.run(cmd, capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - t)
            outputs.add((p.returncode, p.stdout))
        dt = statistics.median(times)
        code, out = sorted(outputs)[0]
        lines = [ln for ln in out.splitlines() if ln.strip()]
        each = ", ".join(f"{x:.1f}" for x in times)
        print(
            f"batch: {n} generated drafts on {jobs} workers in {dt:.1f} s (median of {runs}: {each}) = {n / dt:.1f} drafts/s "
            f"(goal: 1,000 in <= 45 s); exit {code}, {len(lines)} result lines, {len(outputs)} distinct output(s)"
        )


def scale(sizes: list[int]) -> None:
    import tracemalloc

    from bench.generate import synthetic_pair
    from engine.pipeline import DEFAULT_RULESETS, Obligations, check_plans
    from engine.rules.loader import load_rulesets

    rules = load_rulesets(list(DEFAULT_RULESETS)).rules
    base = None
    for n in sizes:
        parent, draft = synthetic_pair(PARENT, n, seed=n)
        obligations = Obligations(parent, {}, "synthetic")
        gc.collect()
        tracemalloc.start()
        t = time.perf_counter()
        check_plans(draft, obligations, rules)
        dt = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        base = base or dt
        print(f"scale: {n:>5} measures per side: align + rules {dt:.2f} s, peak traced memory {peak:.0f} MB, x{dt / base:.1f} vs {sizes[0]}")


def one_line(runs: int) -> None:
    """A whole plan on one 2 MB line (the fixture parent, its lines joined and repeated): ingest and
    parse time, which must grow linearly (was a unit test's time bound; timings belong here)."""
    from engine.ingest import from_text
    from engine.parse import parse_plan

    one = "".join(PARENT.read_text(encoding="utf-8").splitlines())
    for size_mb in (0.5, 2):
        big = one * (int(size_mb * 2**20) // len(one.encode()) + 1)
        ingest, parse = [], []
        for _ in range(runs):
            t = time.perf_counter()
            doc = from_text(big)
            ingest.append(time.perf_counter() - t)
            t = time.perf_counter()
            plan = parse_plan(doc)
            parse.append(time.perf_counter() - t)
        print(
            f"one-line plan of {len(big.encode()) / 2**20:.1f} MB: ingest {statistics.median(ingest):.2f} s, "
            f"parse {statistics.median(parse):.2f} s (median of {runs}), {len(plan.measures)} measures"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="fewer runs, smaller batch (a smoke test of the script)")
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    q = args.quick
    cold_cli(3 if q else 7)
    warm_and_memory(5 if q else 21, 100 if q else 1000)
    scale([50, 500] if q else [50, 500, 2000])
    one_line(1 if q else 3)
    batch(40 if q else 1000, os.cpu_count() or 2, 1 if q else 3)


if __name__ == "__main__":
    main()
