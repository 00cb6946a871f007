"""Every hand-counted gold of a fix's own fixtures (fixtures/<fix>/NAME.expected.yaml) is read exactly.

Each fix of issue 16 brings documents of its class written by hand (never the blind file that showed it) with a gold
counted by hand in the blind8 schema. One test reads them all: measures, refs, starts, lead and support units and
where the last measure ends (bench.gold.compare, closing text run into the last measure), the level and the
jurisdiction (bench.gold.same_jurisdiction: a short form, or a chain of divisions as the place with its parent); and a "no lead unit" finding appears exactly when the gold has a measure that names no lead.
The blind sets and the held-out and unseen sets are measured by tests/acceptance/test_unseen.py instead.

A fix's folder is any fixtures folder that is none of those and whose golds are in the whole blind8 schema (a
`level` key; fixtures/subpoints keeps a smaller schema of its own and its own test). Fixers name their folders
as they like (fix58, notes65, box68 …), so the folder's name is not what makes it one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.gold import same_jurisdiction
from tests.extract.prose_plans import checked_beside_gold

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
MEASURED_ELSEWHERE = ("heldout", "unseen")


def _whole_schema(gold: Path) -> bool:
    return "level" in (yaml.safe_load(gold.read_text(encoding="utf-8")) or {})


GOLDS = sorted(
    (folder.name, p.name.removesuffix(".expected.yaml"))
    for folder in FIXTURES.iterdir()
    if folder.is_dir() and not folder.name.startswith("blind") and folder.name not in MEASURED_ELSEWHERE
    for p in folder.glob("*.expected.yaml")
    if _whole_schema(p)
)


def test_the_fix_fixtures_are_found():
    folders = {folder for folder, _ in GOLDS}
    assert {"fix58", "notes65", "box68", "tabs65", "pages66", "clause70", "bullets69", "front69", "footnotes69"} <= folders
    assert len(folders) >= 30 and len(GOLDS) >= 120


@pytest.mark.parametrize(("folder", "name"), GOLDS, ids=[f"{f}/{n}" for f, n in GOLDS])
def test_each_plan_is_read_as_counted_by_hand(folder, name):
    gold, run, differences = checked_beside_gold(FIXTURES / folder, name)
    assert differences == []
    assert run.draft.level == gold["level"]
    assert same_jurisdiction(gold["jurisdiction"], run.draft.jurisdiction, run.draft.parent_jurisdiction)
    missing = [m["ref"] for m in gold["measures"] if not m["lead"]]
    asked = [f for f in run.report.findings if f.rule == "lead-unit-required"]
    assert bool(asked) == bool(missing)
