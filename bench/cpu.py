"""CPU-time figures of in-process checks, for comparing two versions of the code side by side.

Run by hand: `python -m bench.cpu`; for an A/B, check the other version out into its own directory
and run `PYTHONPATH=<tree> python -P -m bench.cpu` in each tree in turn (`-P`: the working directory
must not come before PYTHONPATH). Times are `time.process_time`, the median of each series: on a
shared host, wall-clock times move with the other processes' load far more than CPU times do.
Prints one line; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"


def _cpu(f: Callable[[], object]) -> float:
    t = time.process_time()
    f()
    return time.process_time() - t


def main() -> None:
    import psutil

    from bench.generate import synthetic_pair, write_drafts
    from engine.pipeline import DEFAULT_RULESETS, Obligations, check_plans, load_plan
    from engine.rules.loader import load_rulesets

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=21, help="checks per series (default 21)")
    ap.add_argument("--memory-runs", type=int, default=200, help="checks before the second RSS reading")
    args = ap.parse_args()
    rules = load_rulesets(list(DEFAULT_RULESETS)).rules
    ob = Obligations.from_parent(str(PARENT))
    check_plans(load_plan(str(DRAFT)), ob, rules)  # warm-up: lexicon, regexes, rule host
    same = [_cpu(lambda: check_plans(load_plan(str(DRAFT)), ob, rules)) for _ in range(args.runs)]
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_drafts(PARENT, Path(tmp), args.runs, seed=1)
        unseen = [_cpu(lambda p=p: check_plans(load_plan(str(p)), ob, rules)) for p in paths]
    rss = {}
    for i in range(1, args.memory_runs + 1):
        check_plans(load_plan(str(DRAFT)), ob, rules)
        if i in (10, args.memory_runs):
            gc.collect()
            rss[i] = psutil.Process().memory_info().rss / 2**20
    scale = {}
    for n in (50, 500):
        parent, draft = synthetic_pair(PARENT, n, seed=n)
        o = Obligations(parent, {}, "synthetic")
        scale[n] = _cpu(lambda d=draft, o=o: check_plans(d, o, rules))
    print(
        f"CPU: same draft {statistics.median(same) * 1000:.1f} ms | unseen drafts {statistics.median(unseen) * 1000:.1f} ms"
        f" | RSS after 10 checks {rss[10]:.1f} MB, after {args.memory_runs} {rss[args.memory_runs]:.1f} MB"
        f" | scale 50: {scale[50]:.2f} s, 500: {scale[500]:.2f} s"
    )


if __name__ == "__main__":
    main()
