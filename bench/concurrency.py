"""Eight different checks in eight threads of one process, round after round, against each run alone.

    .venv/bin/python -m bench.concurrency [--rounds 30]

A web server checks concurrently in one process; a memo keyed by the wrong thing, a tokenizer that
learns one plan's unit names, or a shared mutable fact would make a report depend on what ran beside
it. The eight checks (CHECKS) differ in draft, parent, level and domain: the seed pair, the
guangning county plan, the four children of national parents of bench/precision.py and the two
versions of fixtures/versions. Round r gives check i the language and rules engine (i + r) mod 2, so
every pairing of engine and language meets every other; odd rounds replace the seed draft by the
same draft with one measure whose responsibility clause lists 300 phrases of the guangning draft as
units (tests/test_run_order.py): a tokenizer the threads shared would learn them and re-cut the
guangning check running beside it. Every report must be byte-identical to the same run made alone,
one by one in a fresh process; the text memos are cleared before each round unless --warm. Prints
each difference, the rounds and their time. tests/test_concurrency.py runs two rounds of this.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED_PARENT = "fixtures/guangxi-2021-2025-parent.txt"
SEED_DRAFT = "fixtures/chengzhong-district-draft.txt"

# (name, draft, parent), paths from the repository root
CHECKS: list[tuple[str, str, str]] = [
    ("seed pair", SEED_DRAFT, SEED_PARENT),
    ("guangning", "fixtures/guangning-county-2016-2020.txt", SEED_PARENT),
    ("ganzhou kindergartens", "fixtures/eval/ganzhou-kindergarten.txt", "fixtures/national/gbf2019-3-kindergartens.txt"),
    ("sichuan new media", "fixtures/eval/sichuan-new-media.txt", "fixtures/national/gbf2018-123-government-new-media.txt"),
    ("yanling zero waste", "fixtures/eval/yanling-zero-waste.txt", "fixtures/national/gbf2018-128-zero-waste-cities.txt"),
    ("yichang vocational", "fixtures/eval/yichang-vocational.txt", "fixtures/national/gf2019-4-vocational-education.txt"),
    ("huining v1", "fixtures/versions/v1.txt", "fixtures/national/gbf2019-6-financing-guarantee.txt"),
    ("huining v2", "fixtures/versions/v2.txt", "fixtures/national/gbf2019-6-financing-guarantee.txt"),
]


def runs(round_no: int, teacher: Path | None = None) -> list[dict[str, Any]]:
    """The eight runs of round `round_no`; `teacher` (odd rounds) takes the seed draft's place."""
    from engine.rules import runtime

    engines = runtime.available_engines()
    out = []
    for i, (name, draft, parent) in enumerate(CHECKS):
        path = ROOT / draft
        if i == 0 and round_no % 2 and teacher is not None:
            name, path = "seed pair + guangning's phrases as units", teacher
        out.append({"name": name, "draft": path, "parent": ROOT / parent,
                    "lang": ("zh", "en")[(i + round_no) % 2], "engine": engines[(i + round_no) % len(engines)]})
    return out


def key(run: dict[str, Any]) -> tuple[str, str, str, str]:
    return str(run["draft"]), str(run["parent"]), run["lang"], run["engine"]


def one(run: dict[str, Any]) -> str:
    """The JSON report of one run (a fixed `today`, so reports do not depend on the day)."""
    from engine.pipeline import check
    from engine.rules import runtime

    with runtime.using(run["engine"]):
        done = check(str(run["draft"]), parent_path=str(run["parent"]), lang=run["lang"], today=dt.date(2026, 1, 1))
    return done.report.model_dump_json()


def concurrently(batch: list[dict[str, Any]], timeout: float = 600) -> list[str | BaseException]:
    """Each run in its own thread, all released at once; a result or the exception it raised."""
    results: list[str | BaseException | None] = [None] * len(batch)
    start = threading.Barrier(len(batch))

    def work(i: int) -> None:
        try:
            start.wait()
            results[i] = one(batch[i])
        except BaseException as e:  # reported by the caller, with the others' results
            results[i] = e

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(batch))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    if any(t.is_alive() for t in threads):
        raise TimeoutError(f"a check took more than {timeout:.0f} s beside the others")
    return [r if r is not None else RuntimeError("no result") for r in results]


def differences(batch: list[dict[str, Any]], got: list[str | BaseException], alone: dict[tuple, str]) -> list[str]:
    out = []
    for run, result in zip(batch, got, strict=True):
        if isinstance(result, BaseException):
            out.append(f"{run['name']} ({run['lang']}, {run['engine']}): {type(result).__name__}: {result}")
        elif result != alone[key(run)]:
            out.append(f"{run['name']} ({run['lang']}, {run['engine']}): report differs from the run alone")
    return out


_ALONE = """
import json, sys
from pathlib import Path
sys.path.insert(0, ".")
from bench import concurrency as cc
runs = [r for i in range(int(sys.argv[2])) for r in cc.runs(i, Path(sys.argv[1]))]
print(json.dumps([cc.one(r) for r in runs]))
"""


def alone_in_a_fresh_process(teacher: Path, n_rounds: int) -> list[str]:
    """The runs of rounds 0 .. n_rounds-1, one by one, in a process that has run nothing else."""
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _ALONE, str(teacher), str(n_rounds)], capture_output=True,
                          text=True, cwd=ROOT, timeout=1800, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    import sys

    from engine import memo

    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--warm", action="store_true", help="keep the text memos between rounds (default: clear them, "
                    "so every round computes its parses and alignments again, concurrently)")
    args = ap.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.test_run_order import _teacher

    with tempfile.TemporaryDirectory() as tmp:
        teacher = _teacher(Path(tmp))
        variants = [runs(r, teacher) for r in range(min(2, args.rounds))]
        t0 = time.perf_counter()
        flat = [r for batch in variants for r in batch]
        alone = dict(zip(map(key, flat), alone_in_a_fresh_process(teacher, len(variants)), strict=True))
        t_alone = time.perf_counter() - t0
        n_bad = 0
        t0 = time.perf_counter()
        for r in range(args.rounds):
            if not args.warm:
                memo.clear_all()
            batch = variants[r % len(variants)]
            bad = differences(batch, concurrently(batch), alone)
            n_bad += len(bad)
            for line in bad:
                print(f"round {r}: {line}", flush=True)
        t_conc = time.perf_counter() - t0
    print(f"{args.rounds} rounds of {len(CHECKS)} different checks in {len(CHECKS)} threads "
          f"({'memos kept' if args.warm else 'memos cleared before each round'}): {n_bad} reports differ from the "
          f"same run alone in a fresh process; {t_conc:.0f} s ({t_conc / max(args.rounds, 1):.1f} s a round); "
          f"the {len(alone)} runs alone took {t_alone:.0f} s")
    return 1 if n_bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
