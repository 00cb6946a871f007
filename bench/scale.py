"""How a whole check grows with the size of the draft: `python -m bench.scale [--sizes 1 2 5 10]`.

Each size is a plan-like text made here (the fixture parent's chapters repeated, so numbering,
units, deadlines and targets are those of a real plan), checked against the fixture parent by the
CLI in a fresh process, as a user would run it. Prints wall time and peak RSS per size and the
exponent k of a least-squares fit time ~ size^k (goal: 10 MB in <= 10 s and <= 500 MB, k <= 1.1).
Generated inputs live in a temporary directory and are removed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"


def plan_like(size_mb: float) -> str:
    """The parent's text repeated up to `size_mb`: a long plan whose chapters keep restarting."""
    text = PARENT.read_text(encoding="utf-8")
    want = int(size_mb * 2**20)
    reps = want // len(text.encode()) + 1
    return "\n".join([text] * reps)


def _child(path: str, mode: str) -> None:
    """Run one check in this process and print its peak RSS (MB) on the last line."""
    from engine.cli import main

    args = ["check", path, "--parent", str(PARENT), "--fail-on", "none", "--format", "json", "-o", "/dev/null"]
    if mode == "parse":
        args = ["parse", path, "--format", "json"]
    try:
        main(args, standalone_mode=False)
    except SystemExit:
        pass
    use = resource.getrusage(resource.RUSAGE_SELF)
    print(f"\nmaxrss {use.ru_maxrss / 1024:.0f} cpu {use.ru_utime + use.ru_stime:.3f}", file=sys.stderr)


def measure(path: Path, mode: str) -> tuple[float, float, float, str]:
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "bench.scale", "--child", str(path), "--mode", mode],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - t
    lines = proc.stderr.strip().splitlines()
    last = lines[-1].split() if lines and lines[-1].startswith("maxrss") else ["", "nan", "", "nan"]
    note = "" if len(lines) <= 1 else lines[0][:120]
    return elapsed, float(last[1]), float(last[3]), note


def fit_exponent(sizes: list[float], times: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5, 10], help="sizes in MB")
    ap.add_argument("--mode", choices=["check", "parse"], default="check")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.mode)
        return
    times: list[float] = []
    cpus: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"plan-{size:g}mb.txt"
            path.write_text(plan_like(size), encoding="utf-8")
            elapsed, rss, cpu, note = measure(path, args.mode)
            times.append(elapsed)
            cpus.append(cpu)
            mb = path.stat().st_size / 2**20
            print(f"{args.mode} {mb:5.1f} MB: {elapsed:6.2f} s wall, {cpu:6.2f} s CPU, peak RSS {rss:4.0f} MB {note}".rstrip(),
                  flush=True)  # fmt: skip
    if len(times) > 1:
        # start-up (imports, rulesets, the parent) is a constant that flattens a fit over all sizes;
        # the exponent between the two largest sizes shows the growth itself
        print(f"fitted exponent (time ~ size^k) over all sizes: k = {fit_exponent(args.sizes, times):.2f} wall, "
              f"{fit_exponent(args.sizes, cpus):.2f} CPU; between the two largest: "
              f"{fit_exponent(args.sizes[-2:], cpus[-2:]):.2f} CPU")  # fmt: skip


if __name__ == "__main__":
    main()
