"""Every hand-counted gold of a fix's own fixtures (fixtures/fix*/NAME.expected.yaml) is read exactly.

Each fix of issue 16 brings documents of its class written by hand (never the blind file that showed it) with a gold
counted by hand in the blind8 schema. One test reads them all: measures, refs, starts, lead and support units and
where the last measure ends (bench.gold.compare, closing text run into the last measure), the level and the
jurisdiction (bench.gold.same_jurisdiction: a short form, or a chain of divisions as the place with its parent); and a "no lead unit" finding appears exactly when the gold has a measure that names no lead.
The blind sets and the held-out set are measured by tests/acceptance/test_unseen.py instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.gold import same_jurisdiction
from tests.extract.prose_plans import checked_beside_gold

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GOLDS = sorted(
    (folder.name, p.name.removesuffix(".expected.yaml"))
    for folder in FIXTURES.glob("fix*")
    for p in folder.glob("*.expected.yaml")
)


def test_the_fix_fixtures_are_found():
    assert len({folder for folder, _ in GOLDS}) >= 10 and len(GOLDS) >= 35


@pytest.mark.parametrize(("folder", "name"), GOLDS, ids=[f"{f}/{n}" for f, n in GOLDS])
def test_each_plan_is_read_as_counted_by_hand(folder, name):
    gold, run, differences = checked_beside_gold(FIXTURES / folder, name)
    assert differences == []
    assert run.draft.level == gold["level"]
    assert same_jurisdiction(gold["jurisdiction"], run.draft.jurisdiction, run.draft.parent_jurisdiction)
    missing = [m["ref"] for m in gold["measures"] if not m["lead"]]
    asked = [f for f in run.report.findings if f.rule == "lead-unit-required"]
    assert bool(asked) == bool(missing)
