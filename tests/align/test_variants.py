"""Accuracy on rewritten variants of the fixture draft with known answers (>= 98% of pairs right)."""

from __future__ import annotations

import yaml

from engine.align import align_plans

from .conftest import GOLD
from .variants import identity_answer, make_variant, score

EXTRA = [
    (
        "开展城市精细化管理",
        "推进老旧小区改造和背街小巷整治，完善城市公共停车设施。加强垃圾分类宣传，提高生活垃圾回收利用率。",
    ),
    ("加强社区文化阵地建设", "依托新时代文明实践站开展群众性文化活动，每年举办社区文艺汇演不少于4场。"),
]


def _extra(parent):
    # section lead-ins of the parent: same vocabulary as its measures, yet no measure (hard negatives)
    intros = [(s.title, s.text) for s in parent.sections if len(s.text) > 40][:3]
    return EXTRA + intros


def _gold_answer():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["pairs"]
    return {k: (set(v["local"]), v["relation"]) for k, v in gold.items() if v["relation"] != "general"}


def test_variant_accuracy(parent_plan, draft_plan):
    right = total = 0
    wrong_all: list[str] = []
    answer = _gold_answer()
    for seed in range(8):
        vdraft, ans, added = make_variant(parent_plan, draft_plan, answer, seed, _extra(parent_plan))
        r, t, wrong = score(align_plans(parent_plan, vdraft), ans, added)
        right, total = right + r, total + t
        wrong_all += [f"seed {seed}: {w}" for w in wrong]
    ident, ans0 = identity_answer(parent_plan)
    for seed in range(4):
        vdraft, ans, added = make_variant(parent_plan, ident, ans0, 100 + seed, _extra(parent_plan))
        r, t, wrong = score(align_plans(parent_plan, vdraft), ans, added)
        right, total = right + r, total + t
        wrong_all += [f"identity seed {seed}: {w}" for w in wrong]
    accuracy = right / total
    print(f"\nvariant accuracy: {right}/{total} = {accuracy:.4f}")
    for w in wrong_all:
        print("  ", w)
    assert accuracy >= 0.98, "\n".join(wrong_all)


def test_identity_is_all_same(parent_plan):
    ident, ans = identity_answer(parent_plan)
    a = align_plans(parent_plan, ident)
    rel = {p.parent_item: (p.local_items, p.relation) for p in a.alignment if p.parent_item}
    for ref, (locs, _r) in ans.items():
        assert rel[ref] == (sorted(locs), "same")
