"""Carriers by section (engine/align/sections.py): a county draft that turns each parent measure's title
into a heading and each of its requirements into a short item of its own (fixtures/splits: a Jiangxi
provincial 实施意见 on rural sewage and a county's 实施方案 for it)."""

from __future__ import annotations

from pathlib import Path

from engine.align import AlignOptions, align_plans
from engine.ingest import load_document
from engine.parse import parse_plan

from .conftest import ROOT, load_plan

SPLITS = ROOT / "fixtures" / "splits"
PARENT = SPLITS / "jiangxi-rural-sewage-parent.txt"
CHILD = SPLITS / "anyuan-rural-sewage-child.txt"
OFF = AlignOptions(section_heading_match=1.0, section_containment=1.0)  # the section rule as good as off


def _pairs(alignment):
    return {p.parent_item: p for p in alignment.alignment if p.parent_item}


def _added(alignment):
    return {p.local_items[0] for p in alignment.alignment if p.relation == "added"}


def _clause(pair, opening: str):
    return next(c for c in pair.clauses if (c.parent_text or "").startswith(opening))


def test_short_items_under_a_parent_title_carry_it_together() -> None:
    parent, child = load_plan(str(PARENT)), load_plan(str(CHILD))
    pairs = _pairs(align_plans(parent, child))
    assert (pairs["二(一)"].relation, pairs["二(一)"].local_items) == ("split", ["1", "2", "3"])
    assert (pairs["二(二)"].relation, pairs["二(二)"].local_items) == ("split", ["4", "5", "6"])
    # each reworded requirement is paired with the item that carries it, not dropped
    toilets = _clause(pairs["二(一)"], "加强农村改厕与生活污水治理有效衔接")
    assert (toilets.relation, toilets.local_item) == ("changed", "3")
    sources = _clause(pairs["二(二)"], "优先治理饮用水水源保护区")
    assert (sources.relation, sources.local_item) == ("changed", "4")


def test_without_the_section_rule_the_same_items_are_left_over() -> None:
    # what the rule adds: items 3 and 4 hold too small a share of the long parent measure on their own
    parent, child = load_plan(str(PARENT)), load_plan(str(CHILD))
    off = align_plans(parent, child, OFF)
    assert {"3", "4"} <= _added(off)
    assert _clause(_pairs(off)["二(一)"], "加强农村改厕与生活污水治理有效衔接").relation == "dropped"


def test_a_local_item_under_a_parent_heading_stays_added() -> None:
    # 7.建设三百山镇生态污水处理示范点: the county's own project, filed under the heading, in its own words
    parent, child = load_plan(str(PARENT)), load_plan(str(CHILD))
    a = align_plans(parent, child)
    assert _added(a) == {"7"}
    assert all("7" not in p.local_items for p in _pairs(a).values())


def test_an_item_filed_under_another_measure_s_heading_is_not_pulled_into_it(tmp_path: Path) -> None:
    # the operations item 9 moved under the 黑臭水体 heading: its words are those of the operations
    # measure, so the heading alone does not make it a carrier of the 黑臭水体 measure
    text = CHILD.read_text(encoding="utf-8")
    item = next(line for line in text.splitlines() if line.startswith("9.实行专业化运维"))
    moved = text.replace(item + "\n", "").replace("三、保障措施", item.replace("9.", "12.", 1) + "\n三、保障措施")
    path = tmp_path / "moved.txt"
    path.write_text(moved, encoding="utf-8")
    parent = load_plan(str(PARENT))
    a = align_plans(parent, parse_plan(load_document(str(path))))
    black = next(m.ref for m in parent.measures if m.title.startswith("强化黑臭水体整治"))
    assert "12" not in _pairs(a)[black].local_items
    assert "12" in _pairs(a)[next(m.ref for m in parent.measures if m.title.startswith("建立长效运维机制"))].local_items


def test_the_clause_carried_check_compares_the_requirement_with_the_item_that_carries_it() -> None:
    # item 4 names the county's own rivers and sources for the parent's list of places: while it carried
    # nothing, the check called the whole clause dropped (at item 5); now it compares it with item 4
    from engine.pipeline import check

    run = check(str(CHILD), parent_path=str(PARENT), fail_on="none")
    about = [f for f in run.report.findings if f.rule == "clause-carried" and "饮用水水源保护区" in f.message]
    assert all(f.local_item == "4" and "未承接上级条款" not in f.message for f in about), [f.message for f in about]


def test_items_straight_under_the_parent_s_section_heading_find_their_measure(tmp_path: Path) -> None:
    # the same county items with the sub-headings left out (二、重点任务 then items 1-11, as many county
    # drafts are laid out): the heading is the parent section's, and each item that carries nothing
    # else goes to the measure of that section whose words it holds
    lines = CHILD.read_text(encoding="utf-8").splitlines()
    start, end = lines.index("二、重点任务"), lines.index("三、保障措施")
    flat = lines[: start + 1] + [x for x in lines[start + 1 : end] if not x.startswith("（")] + lines[end:]
    path = tmp_path / "flat.txt"
    path.write_text("\n".join(flat) + "\n", encoding="utf-8")
    parent, child = load_plan(str(PARENT)), parse_plan(load_document(str(path)))
    pairs = _pairs(align_plans(parent, child))
    assert pairs["二(一)"].local_items == ["1", "2", "3"]
    assert pairs["二(二)"].local_items == ["4", "5", "6"]
    assert {"3", "4"} <= _added(align_plans(parent, child, OFF))
