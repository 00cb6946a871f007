"""Three provincial → county pairs written for branch `align` (fixtures/pairs-own/README.md): a child that
carries its parent in its own words, one that merges two parent measures into one, one that splits one
into two. Each has one planted defect; exactly its findings must come back, nothing else."""

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
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_each_own_pair_gets_exactly_its_planted_defect(name: str) -> None:
    parent, child, want = PAIRS[name]
    run = check(str(DIR / child), parent_path=str(DIR / parent), fail_on="none")
    got = sorted(((f.check, f.local_item, f.parent_item) for f in run.report.findings), key=str)
    assert got == sorted(want, key=str), [f.message for f in run.report.findings]
    assert run.draft.level == "county"


def test_the_merged_and_split_children_are_read_as_merged_and_split() -> None:
    merged = check(str(DIR / "yunxi-elderly-care-child.txt"), parent_path=str(DIR / "hubei-elderly-care-parent.txt"),
                   fail_on="none")  # fmt: skip
    rel = {p.parent_item: (p.relation, p.local_items) for p in merged.alignment.alignment}
    assert rel["一(一)"] == ("merged", ["1"]) and rel["一(二)"] == ("merged", ["1"])
    split = check(str(DIR / "cangxi-emergency-child.txt"), parent_path=str(DIR / "sichuan-emergency-parent.txt"),
                  fail_on="none")  # fmt: skip
    rel = {p.parent_item: (p.relation, p.local_items) for p in split.alignment.alignment}
    assert rel["一(二)"] == ("split", ["2", "3"])
