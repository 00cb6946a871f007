"""Speed and memory of the aligner: the fixture pair warm, and synthetic plans of 50/500/2,000 measures.

    .venv/bin/python -m bench.align [--sizes 50,500,2000] [--no-clauses]

Synthetic measures are built by sampling sentences from the fixture texts; the draft copies each parent
measure with some sentences dropped or reworded, drops some measures, merges and splits a few and adds
new ones, so candidate generation, coverage and clause pairing all do real work. Prints wall time, peak
traced memory (tracemalloc, a separate run) and RSS, and the growth factor 50 -> 500 (target <= 12x).
Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import time
import tracemalloc
from pathlib import Path

import psutil

from engine.align import AlignOptions, align_plans
from engine.ingest import load_document
from engine.models import Measure, Plan
from engine.parse import parse_plan

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ["guangxi-2021-2025-parent.txt", "chengzhong-district-draft.txt", "guangning-county-2016-2020.txt"]
SYN = [
    ("加强", "强化"),
    ("推进", "推动"),
    ("完善", "健全"),
    ("提高", "提升"),
    ("建立", "建设"),
    ("落实", "执行"),
]


def sentence_pool() -> list[str]:
    pool: list[str] = []
    for name in FIXTURES:
        for p in load_document(str(ROOT / "fixtures" / name)).paragraphs:
            text = re.sub(r"[(（][^()（）]*(牵头|负责|配合)[^()（）]*[)）]", "", p.text)
            pool += [s for s in re.findall(r"[^。；;]+[。；;]", text) if 12 <= len(s) <= 160]
    return sorted(set(pool))


def _m(label: str, title: str, sentences: list[str], k: int) -> Measure:
    return Measure(
        label=label,
        ref=label,
        style="arabic_dot",
        ordinal=k,
        depth=1,
        title=title,
        text=title + "。" + "".join(sentences),
    )


def synthetic(n: int, seed: int = 1) -> tuple[Plan, Plan]:
    rng = random.Random(seed)
    pool = sentence_pool()
    # every parent sentence made unique (a real plan does not repeat itself); drafts copy them
    bodies = [
        [f"{s[:-1]}第{k}-{i}项{s[-1]}" for i, s in enumerate(rng.sample(pool, rng.randint(3, 8)))]
        for k in range(n)
    ]
    titles = [re.sub(r"[，,。；;].*", "", b[0])[:12] for b in bodies]
    parent = Plan(
        source=f"synthetic-parent-{n}", measures=[_m(f"({k + 1})", titles[k], bodies[k], k) for k in range(n)]
    )
    out: list[tuple[str, list[str]]] = []
    k = 0
    while k < n:
        r = rng.random()
        body = list(bodies[k])
        if r < 0.05:  # dropped
            k += 1
            continue
        if r < 0.08 and k + 1 < n:  # merged with the next
            out.append((titles[k], body + bodies[k + 1]))
            k += 2
            continue
        if r < 0.11 and len(body) >= 4:  # split
            out.append((titles[k], body[: len(body) // 2]))
            out.append((re.sub(r"[，,。；;].*", "", body[len(body) // 2])[:12], body[len(body) // 2 :]))
            k += 1
            continue
        if rng.random() < 0.3 and len(body) > 3:
            body.pop(rng.randrange(len(body)))
        if rng.random() < 0.3:
            x, y = rng.choice(SYN)
            body = [s.replace(x, y) for s in body]
        out.append((titles[k], body))
        if rng.random() < 0.05:  # added
            extra = [f"{s[:-1]}新{k}-{i}{s[-1]}" for i, s in enumerate(rng.sample(pool, rng.randint(2, 5)))]
            out.append((re.sub(r"[，,。；;].*", "", extra[0])[:12], extra))
        k += 1
    draft = Plan(
        source=f"synthetic-draft-{n}", measures=[_m(str(j + 1), t, b, j) for j, (t, b) in enumerate(out)]
    )
    return parent, draft


def measure(parent: Plan, draft: Plan, opts: AlignOptions) -> tuple[float, float, float]:
    gc.collect()
    rss0 = psutil.Process().memory_info().rss
    t = time.perf_counter()
    align_plans(parent, draft, opts)
    dt = time.perf_counter() - t
    rss = (psutil.Process().memory_info().rss - rss0) / 2**20
    tracemalloc.start()
    align_plans(parent, draft, opts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return dt, peak / 2**20, rss


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="50,500,2000")
    ap.add_argument("--no-clauses", action="store_true", help="measure pairs only, no clause pairs")
    args = ap.parse_args()
    opts = AlignOptions(clause_pairs=not args.no_clauses)
    fx_parent = parse_plan(load_document(str(ROOT / "fixtures" / FIXTURES[0])))
    fx_draft = parse_plan(load_document(str(ROOT / "fixtures" / FIXTURES[1])))
    t = time.perf_counter()
    align_plans(fx_parent, fx_draft, opts)
    print(f"fixture pair, cold (jieba load included): {time.perf_counter() - t:.2f} s")
    dt, peak, rss = measure(fx_parent, fx_draft, opts)
    print(f"fixture pair, warm: {dt * 1000:.0f} ms, peak traced {peak:.1f} MiB, RSS +{rss:.1f} MiB")
    times: dict[int, float] = {}
    for n in (int(x) for x in args.sizes.split(",")):
        parent, draft = synthetic(n)
        dt, peak, rss = measure(parent, draft, opts)
        times[n] = dt
        print(
            f"synthetic {n:>5} x {len(draft.measures):>5}: {dt:7.2f} s, peak traced {peak:7.1f} MiB, RSS +{rss:6.1f} MiB"
        )
    if 50 in times and 500 in times:
        print(f"growth 50 -> 500: {times[500] / times[50]:.1f}x (10x more measures; target <= 12x)")
    if 500 in times and 2000 in times:
        print(f"growth 500 -> 2000: {times[2000] / times[500]:.1f}x (4x more measures)")


if __name__ == "__main__":
    main()
