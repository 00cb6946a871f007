"""The aligner reproduces the hand-checked gold alignment of the fixture pair exactly."""

from __future__ import annotations

import yaml

from engine.align import align_plans

from .conftest import GOLD


def test_fixture_pair_matches_gold(parent_plan, draft_plan):
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    alignment = align_plans(parent_plan, draft_plan)
    got = {p.parent_item: p for p in alignment.alignment if p.parent_item is not None}
    assert set(got) == set(gold["pairs"]), "every parent measure has exactly one pair"
    wrong = []
    for ref, want in gold["pairs"].items():
        pair = got[ref]
        if set(pair.local_items) != set(want["local"]) or pair.relation != want["relation"]:
            wrong.append(
                f"{ref}: got {pair.local_items} {pair.relation}, gold {want['local']} {want['relation']}"
            )
    assert not wrong, "\n".join(wrong)
    added = sorted(r for p in alignment.alignment if p.parent_item is None for r in p.local_items)
    assert added == sorted(gold["added"])


def test_fixture_pair_details(parent_plan, draft_plan):
    a = align_plans(parent_plan, draft_plan)
    by = {p.parent_item: p for p in a.alignment}
    # the clause of (十七) that moved into 13 is found there, not reported dropped
    moved = [c for c in by["(十七)"].clauses if c.parent_text and "裁量权基准" in c.parent_text]
    assert moved and moved[0].local_item == "13" and moved[0].relation in ("same", "changed")
    # enumeration items: 仲裁 dropped from (二十四)'s list, 未成年人 added to (八)'s
    assert any("仲裁" in c.items_dropped for c in by["(二十四)"].clauses)
    assert any("未成年人" in c.items_added for c in by["(八)"].clauses)
    # the clause 推进基层管理扁平化和网格化 of (五) is dropped
    assert any(c.relation == "dropped" and "扁平化" in (c.parent_text or "") for c in by["(五)"].clauses)
    # deadlines travel with their clauses
    dl = [c for c in by["(二十七)"].clauses if c.parent_deadlines]
    assert dl and dl[0].local_deadlines and dl[0].parent_deadlines[0].date == dl[0].local_deadlines[0].date
    # responsibility clauses are not clauses
    assert not any("牵头单位" in (c.local_text or "") for p in a.alignment for c in p.clauses)
    for p in a.alignment:
        assert 0.0 <= p.score <= 1.0
