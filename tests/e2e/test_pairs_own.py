"""Own pairs (fixtures/pairs-own/README.md): three provincial → county pairs written for branch `align` (a
child that carries its parent in its own words, one that merges two parent measures into one, one that
splits one into two) and a provincial → city pair written for branch `b8pair` (a child that adapts every
tier list to its level: 省、市、县三级 → 市、县两级). Each has its planted defects; exactly their findings must
come back, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import check

DIR = Path(__file__).resolve().parents[2] / "fixtures" / "pairs-own"

PAIRS = {
    "own-words": (
        "jiangxi-rural-water-parent.txt",
        "wannian-rural-water-child.txt",
        [("target_not_weaker", "4", "(四)")],
    ),
    "merged": (
        "hubei-elderly-care-parent.txt",
        "yunxi-elderly-care-child.txt",
        [("clause_carried", "3", "(四)"), ("deadline_carried", "3", "(四)"), ("target_not_weaker", "3", "(四)")],
    ),
    "split": (
        "sichuan-emergency-parent.txt",
        "cangxi-emergency-child.txt",
        [("parent_covered", None, "(三)")],
    ),
    # every tier list written for the city (省、市、县、乡、村五级 → 市、县、乡、村四级, 省级、市级、县级三级 →
    # 市级、县级两级, 省、市、县、乡、村、组六级 → 市、县、乡、村、组五级, 各市州 → 各县市区): level wording,
    # no finding; a list item and a clause left out are still found
    "tiers": (
        "hunan-rural-waste-parent.txt",
        "changde-rural-waste-child.txt",
        [("clause_carried", "一(二)", "一(二)"), ("clause_carried", "(三)", "(三)")],
    ),
}
LEVEL = {"tiers": "city"}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_each_own_pair_gets_exactly_its_planted_defect(name: str) -> None:
    parent, child, want = PAIRS[name]
    run = check(str(DIR / child), parent_path=str(DIR / parent), fail_on="none")
    got = sorted(((f.check, f.local_item, f.parent_item) for f in run.report.findings), key=str)
    assert got == sorted(want, key=str), [f.message for f in run.report.findings]
    assert run.draft.level == LEVEL.get(name, "county")


def test_tier_lists_adapted_to_the_city_are_no_gap_but_what_was_left_out_is() -> None:
    """The tiers pair's two findings are the planted ones: 就地减量 left out of 垃圾分类、就地减量、资源化利用
    and the 必须…密闭运输 sentence dropped; none names a tier or a count of tiers (村五级, 县级三级, 组六级)."""
    run = check(str(DIR / "changde-rural-waste-child.txt"), parent_path=str(DIR / "hunan-rural-waste-parent.txt"),
                fail_on="none")  # fmt: skip
    messages = sorted(f.message for f in run.report.findings)
    assert len(messages) == 2
    assert "就地减量" in messages[0] or "就地减量" in messages[1]
    assert any("密闭运输" in m for m in messages)
    assert not any(x in m for m in messages for x in ("五级", "三级", "六级", "四级"))


def test_the_merged_and_split_children_are_read_as_merged_and_split() -> None:
    merged = check(str(DIR / "yunxi-elderly-care-child.txt"), parent_path=str(DIR / "hubei-elderly-care-parent.txt"),
                   fail_on="none")  # fmt: skip
    rel = {p.parent_item: (p.relation, p.local_items) for p in merged.alignment.alignment}
    assert rel["一(一)"] == ("merged", ["1"]) and rel["一(二)"] == ("merged", ["1"])
    split = check(str(DIR / "cangxi-emergency-child.txt"), parent_path=str(DIR / "sichuan-emergency-parent.txt"),
                  fail_on="none")  # fmt: skip
    rel = {p.parent_item: (p.relation, p.local_items) for p in split.alignment.alignment}
    assert rel["一(二)"] == ("split", ["2", "3"])
