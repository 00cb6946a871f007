"""Per-run state: 8 different checks in 8 threads of one process give what they give one by one.

A web server runs checks concurrently in one process; a memo keyed by the wrong thing, a tokenizer
that learns one plan's unit names, or a shared mutable fact would make a result depend on what ran
beside it. The checks are bench/concurrency.py's (the seed pair, guangning, the four children of
national parents, the two versions of a county draft), with language and rules engine rotated per
round, and in the second round a seed draft that teaches 300 of guangning's phrases as unit names.
Two rounds here (the benchmark runs 30); the runs alone are made after the concurrent ones, in
reverse order, and once more in a fresh process, so no result can lean on what another check left
behind (a learnt unit name, a memo).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ is beside the package, not installed (as in tests/bench)
    sys.path.insert(0, str(ROOT))

from bench import concurrency as cc  # noqa: E402
from tests.test_run_order import _teacher  # noqa: E402

ROUNDS = 2


def test_eight_concurrent_checks_equal_eight_sequential_ones(tmp_path: Path) -> None:
    teacher = _teacher(tmp_path)
    batches = [cc.runs(r, teacher) for r in range(ROUNDS)]
    assert all(len(b) == 8 for b in batches)
    concurrent = [cc.concurrently(b) for b in batches]
    alone = {cc.key(r): cc.one(r) for b in reversed(batches) for r in reversed(b)}
    for r, (batch, got) in enumerate(zip(batches, concurrent, strict=True)):
        assert not cc.differences(batch, got, alone), f"round {r}"
        assert len(set(got)) == len(batch)  # eight different checks, not one eight times
    # the teacher really is another check than the seed draft, and in the round beside guangning
    assert {r["name"] for r in batches[1]} - {r["name"] for r in batches[0]}
    # and a fresh process, which has learnt nothing from other plans, gives them too, in its own order
    assert cc.alone_in_a_fresh_process(teacher, ROUNDS) == [x for got in concurrent for x in got]
