"""A check's report does not depend on the checks that ran before it in the same process.

A check learns the unit names of its plans' responsibility clauses (so 区发展和改革局 stays one word).
Those words belong to that check: were they taught to a tokenizer the process shares, the next
check would cut its own text by them. Check A here is the fixture draft with one more measure whose
responsibility clause lists phrases of check B's draft as if they were units; B is then checked in
the same process, and in a fresh one alone, and the two reports must be the same bytes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from engine.align import vocabulary_of
from engine.ingest import load_document
from engine.parse import parse_plan

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures"
PARENT = FIX / "guangxi-2021-2025-parent.txt"
B_DRAFT = FIX / "guangning-county-2016-2020.txt"

_RUN = """
import datetime as dt, json, sys
from engine.pipeline import check
out = []
for draft in sys.argv[2:]:
    out.append(check(draft, parent_path=sys.argv[1], today=dt.date(2026, 1, 1)).report.model_dump_json())
print(json.dumps(out))
"""


def _teacher(tmp: Path) -> Path:
    """Check A's draft: the fixture draft and a measure whose 'units' are phrases of B's draft."""
    b_text = B_DRAFT.read_text("utf-8")
    phrases = sorted({m for m in re.findall(r"[\u4e00-\u9fff]{4,8}", b_text) if not m.endswith("负责")})[:300]
    extra = f"\n    48．统筹推进。做好有关工作。（牵头单位：{'、'.join(phrases)}）\n"
    path = tmp / "teacher.txt"
    path.write_text((FIX / "chengzhong-district-draft.txt").read_text("utf-8") + extra, "utf-8")
    return path


def _reports(*drafts: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _RUN, str(PARENT), *map(str, drafts)], capture_output=True,
                          text=True, cwd=ROOT, timeout=600, check=True)  # fmt: skip
    return json.loads(done.stdout)


def test_a_check_after_another_equals_it_alone(tmp_path: Path) -> None:
    teacher = _teacher(tmp_path)
    # A really learns words that B's text holds: shared, they would re-cut B
    learnt = vocabulary_of(parse_plan(load_document(str(teacher))))
    assert len(learnt.found(B_DRAFT.read_text("utf-8"))) >= 100
    a_then_b = _reports(teacher, B_DRAFT)
    b_alone = _reports(B_DRAFT)
    assert a_then_b[1] == b_alone[0]
    assert a_then_b[0] != a_then_b[1]  # two different checks ran
    b_then_a = _reports(B_DRAFT, teacher)
    assert b_then_a[0] == b_alone[0] and b_then_a[1] == a_then_b[0]  # and A does not lean on B either
