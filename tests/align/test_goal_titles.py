"""A parent's goals item under another name (试点目标, 建设目标) pairs with the draft's goals by role,
never with a task that happens to share its words; a task about goals (强化目标考核) stays a task."""

from __future__ import annotations

from engine.align import AlignOptions, align_plans
from engine.ingest import from_text
from engine.parse import parse_plan

PARENT = """关于印发某省城乡生活垃圾分类示范县建设工作方案的通知
一、总体要求
（一）指导思想。坚持以人民为中心的发展思想，统筹城乡生活垃圾分类工作，推动形成绿色生活方式。
（二）建设目标。到2025年，示范县建立生活垃圾分类投放、分类收集、分类运输、分类处理体系，城乡生活垃圾回收利用率达到35%以上，农村生活垃圾分类覆盖率达到60%以上，形成一批可复制、可推广的生活垃圾分类模式。
二、主要任务
（一）建立分类投放体系。2024年6月底前，制定生活垃圾分类投放指南，在居民小区、公共机构全面设置分类投放设施，推动建立生活垃圾回收利用率统计制度。
（二）强化目标考核。将生活垃圾分类工作纳入年度绩效考核，每年开展一次考核评估，考核结果向社会公开。
"""

DRAFT = """某县城乡生活垃圾分类示范县建设实施方案（征求意见稿）
一、总体要求
（一）指导思想。坚持以人民为中心的发展思想，统筹全县城乡生活垃圾分类工作。
（二）工作目标。到2025年，全县建立生活垃圾分类投放、分类收集、分类运输、分类处理体系，城乡生活垃圾回收利用率达到35%以上，农村生活垃圾分类覆盖率达到60%以上。
二、主要任务
1.建立分类投放体系。2024年5月底前，制定全县生活垃圾分类投放指南，在居民小区、公共机构全面设置分类投放设施，建立全县生活垃圾回收利用率统计台账。（牵头单位：县住房城乡建设局）
2.强化目标考核。将生活垃圾分类工作纳入乡镇年度绩效考核，每年开展一次考核评估，考核结果向社会公开。（牵头单位：县委督查室）
"""


def _pairs():
    parent = parse_plan(from_text(PARENT, "parent.txt"))
    draft = parse_plan(from_text(DRAFT, "draft.txt"), level="county")
    out = align_plans(parent, draft, AlignOptions())
    return {p.parent_item: p for p in out.alignment if p.parent_item}, parent


def test_a_goals_item_under_another_name_pairs_with_the_drafts_goals() -> None:
    pairs, parent = _pairs()
    goal = next(m for m in parent.measures if m.title == "建设目标")
    pair = pairs[goal.ref]
    assert pair.relation == "general", pair
    assert pair.local_items and all(r.startswith("§") or r not in {"1", "2"} for r in pair.local_items), pair
    # its deadline and targets are still compared with the draft's goals: clause pairs are kept
    assert pair.clauses


def test_a_task_about_goals_stays_a_task() -> None:
    pairs, parent = _pairs()
    task = next(m for m in parent.measures if m.title == "强化目标考核")
    assert pairs[task.ref].relation in {"same", "adapted"}
    assert pairs[task.ref].local_items == ["2"]
