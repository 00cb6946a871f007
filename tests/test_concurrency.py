"""Per-run state: 8 different checks in 8 threads of one process give what they give one by one.

A web server runs checks concurrently in one process; a memo keyed by the wrong thing, a tokenizer
that learns one plan's unit names, or a shared mutable fact would make a result depend on what ran
beside it. Each check here differs (draft, parent or not, level, language, rules engine), and the
sequential results are taken in reverse order after the concurrent ones, and once more in a fresh
process, so no result can lean on what another check left behind (a learnt unit name, a memo).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from engine.ingest import load_document
from engine.parse import parse_plan
from engine.pipeline import check
from engine.rules import runtime

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures"


def _drafts(tmp: Path) -> list[dict[str, Any]]:
    if str(ROOT) not in sys.path:  # bench/ is beside the package, not installed (as in tests/bench)
        sys.path.insert(0, str(ROOT))
    from bench.generate import make_draft

    parent_path = FIX / "guangxi-2021-2025-parent.txt"
    parent = parse_plan(load_document(str(parent_path)))
    runs: list[dict[str, Any]] = [
        {"draft": FIX / "chengzhong-district-draft.txt", "parent": parent_path, "lang": "zh"},
        {"draft": FIX / "chengzhong-district-draft.txt", "parent": None, "lang": "en"},
        {"draft": FIX / "guangning-county-2016-2020.txt", "parent": None, "lang": "zh"},
        {"draft": FIX / "chengzhong-district-draft.txt", "ruleset": ROOT / "rulesets/guangxi-2021-2025.yaml",
         "lang": "en"},
    ]
    for seed in range(2):
        text, _ = make_draft(parent, 11 + seed)
        path = tmp / f"generated-{seed}.txt"
        path.write_text(text, "utf-8")
        runs.append({"draft": path, "parent": parent_path, "lang": "zh" if seed % 2 else "en"})
    # another parent and domain (national -> city), and a draft whose clause teaches 300 of the
    # guangning draft's phrases as unit names (tests/test_run_order.py): learnt by a tokenizer the
    # threads shared, they would re-cut the guangning check running beside it
    runs.append({"draft": FIX / "national/nanning-city-bonded-zones-child.txt",
                 "parent": FIX / "national/gf2019-3-bonded-zones.txt", "lang": "zh"})
    from tests.test_run_order import _teacher

    runs.append({"draft": _teacher(tmp), "parent": parent_path, "lang": "zh"})
    for i, r in enumerate(runs):
        r["engine"] = runtime.available_engines()[i % len(runtime.available_engines())]
    return runs


def _one(r: dict[str, Any]) -> str:
    with runtime.using(r["engine"]):
        run = check(str(r["draft"]), parent_path=str(r["parent"]) if r.get("parent") else None,
                    rulesets=[str(r["ruleset"])] if r.get("ruleset") else [],
                    allow_no_parent=not r.get("parent") and not r.get("ruleset"),
                    lang=r["lang"], today=dt.date(2026, 1, 1))
    return run.report.model_dump_json()


def test_eight_concurrent_checks_equal_eight_sequential_ones(tmp_path: Path) -> None:
    runs = _drafts(tmp_path)
    assert len(runs) == 8
    concurrent: list[str | BaseException | None] = [None] * len(runs)
    start = threading.Barrier(len(runs))

    def work(i: int) -> None:
        try:
            start.wait()
            concurrent[i] = _one(runs[i])
        except BaseException as e:  # reported below, with the others' results
            concurrent[i] = e

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(runs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not any(t.is_alive() for t in threads), "a check hung"
    errors = [c for c in concurrent if isinstance(c, BaseException)]
    assert not errors, errors
    sequential = {i: _one(runs[i]) for i in reversed(range(len(runs)))}
    for i in range(len(runs)):
        assert concurrent[i] == sequential[i], f"check {i} ({runs[i]['draft'].name}) differs when run beside others"
    assert len(set(sequential.values())) == len(runs)  # eight different checks, not one eight times
    # and a fresh process, which has learnt nothing from other plans, gives them too, in its own order
    script = ("import json, sys; from pathlib import Path; sys.path.insert(0, '.');"
              "from tests.test_concurrency import _drafts, _one;"
              "print(json.dumps([_one(r) for r in _drafts(Path(sys.argv[1]))]))")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=600, check=True)
    assert json.loads(done.stdout) == concurrent
