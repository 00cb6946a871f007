"""How a whole check grows with the size of the draft: `python -m bench.scale [--sizes 1 2 5 10]`.

`--measures 500 1000 2000 5000`: instead, plans of that many numbered measures (1. 2. … past 999), each
ending in a （牵头单位：…；配合单位：…） clause, written one measure a line and as one line (a page saved with
its line breaks lost), each checked alone (`--no-parent`) and against the fixture parent.

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


_LEADS = ("县发展和改革局", "县财政局", "县自然资源局", "县住房和城乡建设局", "县交通运输局", "县农业农村局",
          "县生态环境局", "县水利局", "县商务局", "县文化广电旅游体育局", "县卫生健康局", "县教育局",
          "县市场监督管理局", "县应急管理局", "县工业和信息化局", "县人力资源和社会保障局", "县民政局", "县公安局")  # fmt: skip
_VERBS = ("推进", "加快", "完善", "强化", "实施", "健全", "提升", "深化", "落实", "优化")
_THINGS = ("基础设施建设", "产业园区发展", "农村人居环境整治", "公共服务体系", "生态保护修复", "数字乡村建设",
           "城乡供水保障", "交通路网改造", "文化旅游融合", "医疗卫生服务", "职业技能培训", "安全生产监管")  # fmt: skip


LAYOUTS = ("lines", "one line", "one item")


def measures_plan(n: int, layout: str = "lines") -> str:
    """A plan of `n` measures numbered 1. to n., each with a deadline, a target and a lead clause; one
    measure a line ("lines"), all joined by spaces into one line ("one line"), or the `n` tasks as
    bullets under a single item ("one item": a list whose numbering is lost, one measure of `n` clauses)."""
    lines = ["某县经济社会发展若干措施", "为推动全县经济社会高质量发展，结合我县实际，制定以下措施。"]
    if layout == "one item":
        lines.append("1.重点任务。")
    for i in range(1, n + 1):
        lead, co1, co2 = _LEADS[i % 18], _LEADS[(i * 7 + 3) % 18], _LEADS[(i * 5 + 1) % 18]
        co1 = _LEADS[(i + 9) % 18] if co1 == lead else co1
        label = "● " if layout == "one item" else f"{i}."
        lines.append(
            f"{label}{_VERBS[i % 10]}{_THINGS[(i * 3) % 12]}第{i}项工作。到2025年底，完成项目{i % 97 + 3}个，"
            f"覆盖率达到{60 + i % 40}%。（牵头单位：{lead}；配合单位：{co1}、{co2}）"
        )
    lines.append("各部门要加强组织领导，确保各项措施落到实处。")
    return (" ".join(lines) if layout == "one line" else "\n".join(lines)) + "\n"


def _child(path: str, mode: str) -> None:
    """Run one check in this process and print its peak RSS (MB) on the last line."""
    from engine.cli import main

    args = ["check", path, "--parent", str(PARENT), "--fail-on", "none", "--format", "json", "-o", "/dev/null"]
    if mode == "alone":
        args = ["check", path, "--no-parent", "--fail-on", "none", "--format", "json", "-o", "/dev/null"]
    if mode == "parse":
        args = ["parse", path, "--format", "json"]
    try:
        main(args, standalone_mode=False)
    except SystemExit:
        pass
    use = resource.getrusage(resource.RUSAGE_SELF)
    print(f"\nmaxrss {use.ru_maxrss / 1024:.0f} cpu {use.ru_utime + use.ru_stime:.3f}", file=sys.stderr)


def measure(path: Path, mode: str, timeout: float | None = None) -> tuple[float, float, float, str]:
    """(wall s, peak RSS MB, CPU s, first line of stderr) of one check in a fresh process; a run past
    `timeout` seconds is stopped and reported as nan with the note "stopped after … s"."""
    t = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bench.scale", "--child", str(path), "--mode", mode],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False, timeout=timeout,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return time.perf_counter() - t, float("nan"), float("nan"), f"(stopped after {timeout:g} s)"
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
    ap.add_argument("--mode", choices=["check", "parse", "alone"], default="check")
    ap.add_argument("--measures", type=int, nargs="+", help="plans of this many measures instead of sizes")
    ap.add_argument("--timeout", type=float, help="stop a run after this many seconds (with --measures)")
    ap.add_argument("--layouts", nargs="+", choices=LAYOUTS, default=list(LAYOUTS[:2]), help="with --measures")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.mode)
        return
    if args.measures:
        by_measures(args.measures, args.timeout, tuple(args.layouts))
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


def by_measures(counts: list[int], timeout: float | None = None, layouts: tuple[str, ...] = LAYOUTS[:2]) -> None:
    """Each count in each layout, checked alone and with the parent: wall, CPU, peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        for layout in layouts:
            for mode in ("alone", "check"):
                cpus: list[float] = []
                for n in counts:
                    path = Path(tmp) / f"plan-{n}-{layout.replace(' ', '')}.txt"
                    path.write_text(measures_plan(n, layout), encoding="utf-8")
                    elapsed, rss, cpu, note = measure(path, mode, timeout)
                    cpus.append(cpu)
                    what = "--no-parent" if mode == "alone" else "--parent"
                    print(f"{n:6d} measures, {layout:8s}, {what:11s}: {elapsed:6.2f} s wall, {cpu:6.2f} s CPU, "
                          f"peak RSS {rss:4.0f} MB {note}".rstrip(), flush=True)  # fmt: skip
                if len(counts) > 1 and not any(math.isnan(c) for c in cpus):
                    print(f"  fitted exponent (CPU ~ measures^k): k = {fit_exponent(counts, cpus):.2f}; between the two "
                          f"largest: {fit_exponent(counts[-2:], cpus[-2:]):.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
