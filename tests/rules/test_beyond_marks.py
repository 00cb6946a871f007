"""derive marks parent clauses beyond a level (with the reason); curation overrides either way (issue 21)."""

from __future__ import annotations

from pathlib import Path

from engine.derive import derive_ruleset
from engine.pipeline import Obligations, check_plans, load_plan
from engine.rules.loader import load_rulesets

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"


def _carried(ruleset) -> set[tuple[str | None, str | None]]:
    loaded = load_rulesets(["core"])
    obligations = Obligations.from_ruleset(ruleset, str(PARENT))
    findings, _ = check_plans(load_plan(str(DRAFT)), obligations, loaded.rules)
    return {(f.parent_item, f.evidence.parent) for f in findings if f.check == "clause_carried"}


def _clause(rs, ref: str, needle: str):
    ob = next(o for o in rs.obligations if (o.ref or o.label) == ref)
    return next(c for c in ob.clauses if needle in c.text)


def test_derive_marks_higher_level_clauses_with_a_reason() -> None:
    rs = derive_ruleset(load_plan(str(PARENT)), ruleset_id="t")
    two_bays = _clause(rs, "(四十六)", "两湾")
    assert "county" in two_bays.beyond and "province" not in two_bays.beyond
    assert two_bays.beyond_reason
    ordinary = _clause(rs, "(四十八)", "指标体系")
    assert ordinary.beyond == []


def test_curation_overrides_the_mark_either_way() -> None:
    rs = derive_ruleset(load_plan(str(PARENT)), ruleset_id="t")
    base = _carried(rs)
    assert not any("两湾" in (p or "") for _, p in base)
    assert any("指标体系" in (p or "") for _, p in base)
    # remove the district's level from the 两湾 clause: now the district must carry it
    _clause(rs, "(四十六)", "两湾").beyond = ["town"]
    # excuse the 指标体系 clause for districts and counties
    _clause(rs, "(四十八)", "指标体系").beyond = ["county"]
    after = _carried(rs)
    assert any("两湾" in (p or "") for _, p in after)
    assert not any("指标体系" in (p or "") for _, p in after)
