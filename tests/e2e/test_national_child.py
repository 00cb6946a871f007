"""A city's 实施意见 of a national 意见 (fixtures/national/): the city replaces every "（…负责）" clause by
its own "（牵头单位：…；配合单位：…）", drops one sentence of measure 9 and the whole of measure 20.

The child was written for this test from 国发〔2019〕3号 (../shared/corpus/national/): units replaced by
the city's counterparts, one mandatory clause removed, one measure dropped, renumbered. Exactly those two
defects must be found, and nothing else: the parent's responsibility clauses are not obligations to carry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import check
from engine.rules.kinds.base import CheckContext
from engine.rules.leads import counterpart_example

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "national" / "gf2019-3-bonded-zones.txt"
CHILD = ROOT / "fixtures" / "national" / "nanning-city-bonded-zones-child.txt"


@pytest.fixture(scope="module")
def run():
    return check(str(CHILD), parent_path=str(PARENT), fail_on="none")


def test_both_defects_and_no_false_alarm(run):
    got = sorted((f.check, f.local_item, f.parent_item) for f in run.report.findings)
    assert got == [("clause_carried", "9", "9"), ("parent_covered", None, "20")]
    dropped = next(f for f in run.report.findings if f.check == "clause_carried")
    assert "申请注册或办理备案" in (dropped.evidence.parent or "")


def test_the_child_is_read_as_a_city_plan_with_its_own_units(run):
    draft = run.draft
    assert (draft.level, draft.jurisdiction) == ("city", "南宁市")
    assert len(draft.measures) == 20
    assert all(m.lead_units for m in draft.measures)
    assert run.draft.measure("1").lead_units == ["市税务局"]
    assert run.draft.measure("1").support_units == ["市财政局", "南宁海关"]


def test_a_suggestion_names_the_city_counterpart_of_the_parents_lead(run):
    ctx = CheckContext(draft=run.draft, parent=run.parent, alignment=run.alignment, obligations={}, data={})
    # parent 1 is led by 税务总局 (first listed, by the document's own convention): the city's is 市税务局
    assert counterpart_example(ctx, run.draft.measure("1")) == "市税务局"
    # parent 7 is led by 发展改革委
    assert counterpart_example(ctx, run.draft.measure("7")) == "市发展改革委"


def test_a_clause_copied_verbatim_is_a_higher_level_unit_not_a_lead_for_the_city(tmp_path):
    """Reading "（A、B负责）" as units must not let a copied national clause pass as the city's own: the
    registry's unit_level check reports the ministry, and lead_unit_required stays quiet (it has units)."""
    text = CHILD.read_text("utf-8").replace(
        "（牵头单位：市发展改革委；配合单位：市科技局、南宁海关）", "（发展改革委、科技部、海关总署负责）"
    )
    copied = tmp_path / "child.txt"
    copied.write_text(text, "utf-8")
    run = check(str(copied), parent_path=str(PARENT), fail_on="none")
    upper = [f for f in run.report.findings if f.check == "unit_level"]
    assert [(f.local_item, f.evidence.local) for f in upper] == [("7", "科技部")]
    assert not [f for f in run.report.findings if f.check == "lead_unit_required"]
