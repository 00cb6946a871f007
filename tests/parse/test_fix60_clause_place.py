"""Responsibility clauses printed above each measure, or between the number and the task words (fixtures/fix60/README.md,
classes 1 and 2; engine/parse/clause_place.py). The golds of fixtures/fix60 are read by tests/parse/test_fix_golds.py;
these pin the layout rule and what it leaves alone."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

HEAD = "某县农村供水保障实施方案\n一、工作目标\n到2027年农村自来水普及率达到95%。\n二、重点任务\n"
TAIL = "三、保障措施\n（一）加强组织领导。县政府统筹推进。\n"


def _units(text: str) -> list[tuple[str, list[str], list[str], str]]:
    plan = parse_plan(from_text(text))
    return [(m.label, m.lead_units, m.support_units, m.text[:6]) for m in plan.measures if not m.path[:1] == ["三"]]


def test_a_clause_above_each_measure_is_the_one_below_it():
    text = HEAD + (
        "（县水利局牵头，县财政局配合）\n1.建设规模化供水工程。新建水厂2座。\n"
        "（县卫生健康局负责）\n2.加强水质检测。每季度检测一次。\n"
        "（县发展改革局牵头，县水利局配合）\n3.完善水价机制。推行计量收费。\n"
    ) + TAIL
    assert _units(text) == [
        ("1", ["县水利局"], ["县财政局"], "建设规模化供"),
        ("2", ["县卫生健康局"], [], "加强水质检测"),
        ("3", ["县发展改革局"], ["县水利局"], "完善水价机制"),
    ]


def test_clauses_after_their_measures_stay_theirs():
    """The last measure closed by a clause: clauses follow their measures, whatever stands above the first."""
    text = HEAD + (
        "（县水利局牵头，县财政局配合）\n1.建设规模化供水工程。新建水厂2座。\n"
        "（县卫生健康局负责）\n2.加强水质检测。每季度检测一次。\n"
        "（县发展改革局牵头，县水利局配合）\n3.完善水价机制。推行计量收费。\n（县水利局负责）\n"
    ) + TAIL
    got = _units(text)
    assert [(lab, lead, sup) for lab, lead, sup, _ in got] == [
        ("1", ["县卫生健康局"], []),
        ("2", ["县发展改革局"], ["县水利局"]),
        ("3", ["县水利局"], []),
    ]


def test_no_clause_above_the_first_measure_leaves_the_list_alone():
    """Measure 1 with no clause above it: the clause after each measure is that measure's, the last one none."""
    text = HEAD + (
        "1.建设规模化供水工程。新建水厂2座。\n（县水利局牵头，县财政局配合）\n"
        "2.加强水质检测。每季度检测一次。\n（县卫生健康局负责）\n"
        "3.完善水价机制。推行计量收费。\n"
    ) + TAIL
    got = _units(text)
    assert [(lab, lead, sup) for lab, lead, sup, _ in got] == [
        ("1", ["县水利局"], ["县财政局"]),
        ("2", ["县卫生健康局"], []),
        ("3", [], []),
    ]


def test_a_clause_between_the_number_and_the_task_words():
    text = HEAD + (
        "1.（县水利局牵头，县财政局配合）建设规模化供水工程。新建水厂2座。\n"
        "2.（县卫生健康局负责）\n"  # the clause alone on the item's line: no task words after it, left as it is
        "加强水质检测。每季度检测一次。\n"
    ) + TAIL
    plan = parse_plan(from_text(text))
    first, second = plan.measures[0], plan.measures[1]
    assert first.title == "建设规模化供水工程"
    assert first.text == "建设规模化供水工程。新建水厂2座。(县水利局牵头，县财政局配合)"  # brackets folded
    assert (first.lead_units, first.support_units) == (["县水利局"], ["县财政局"])
    r = first.responsibility
    assert r is not None and not r.detached and (r.line, r.column) == (first.line, 3)
    assert first.sentences[0].column == 18
    assert second.text.startswith("(县卫生健康局负责)") and second.lead_units == ["县卫生健康局"]
