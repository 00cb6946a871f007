"""Support roles and collective units that held-out district and town plans showed the reader missing (issue #16;
fixtures/support16/ rebuilds them):

- a third part after the lead's and the support's, the units that carry the task out, "（X牵头，Y配合，各镇具体实施）",
  "…，各镇街具体落实 / 具体负责 / 组织实施 / 抓好落实": they support (roles.yaml verbs `duty` 实施 and the manner words
  of `joint`; after "X负责，Y配合" too, engine/extract/responsibility.py `_parse_duty`);
- an adverb before 配合/参与 is no part of the last unit's name: "Y、Z协调配合 / 积极配合 / 密切配合 / 全力配合"
  (roles.yaml `joint`), in a clause and in a prose sentence;
- "牵头单位：X；成员单位：Y、Z": 成员单位 is a support label (roles.yaml `labels.bare.support`), and a
  "领导小组成员单位" in a list stays a unit;
- the towns of a district named as one set, "各镇街", "各镇（街）", "各街镇", "各乡镇（街道）", "各园区", "各村（社区）":
  one unit each, a lead of "（各镇街负责）" (units.yaml `lower_groups`), so a child item so assigned is no
  "no lead unit" finding;
- the same parts in a closing prose sentence and in a group clause ("（以上第1—2项任务由X牵头，…，各镇街具体实施）").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_responsibility
from engine.extract.groupclause import trailing_group_clause
from engine.extract.responsibility import is_lower_group
from engine.pipeline import check, load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "support16"
BODY = "推进农村生活污水治理设施建设，2025年底前完成60个自然村治理任务。"


def _roles(text: str) -> tuple[list[str], list[str]] | None:
    r = extract_responsibility(text, prose=True)
    return None if r is None else ([u.name for u in r.lead], [u.name for u in r.support])


THIRD_PART = [
    ("（区农业农村局牵头，区卫生健康局配合，各镇具体实施）", ["区农业农村局"], ["区卫生健康局", "各镇"]),
    ("（区城管局牵头，区财政局配合，各镇街具体负责）", ["区城管局"], ["区财政局", "各镇街"]),
    ("（区城管局牵头，区财政局配合，各镇街抓好落实）", ["区城管局"], ["区财政局", "各镇街"]),
    ("（县农业农村局牵头，县财政局、县民政局配合，各乡镇（街道）具体实施）",
     ["县农业农村局"], ["县财政局", "县民政局", "各乡镇（街道）"]),
    ("（市住房城乡建设局牵头，市财政局配合，各街镇负责实施）", ["市住房城乡建设局"], ["市财政局", "各街镇"]),
    # after 负责 as after 牵头: the part after the support's carries the task out
    ("（区农业农村局负责，区财政局配合，各镇街具体实施）", ["区农业农村局"], ["区财政局", "各镇街"]),
    ("（区农业农村局、区财政局负责，区民政局配合，各镇街具体落实）",
     ["区农业农村局", "区财政局"], ["区民政局", "各镇街"]),
    # the adverbs of carrying out, 认真, 切实, 全面, are manner words as 具体 is (roles.yaml `joint`)
    ("（县发展改革局牵头，县财政局配合，县直有关部门认真实施）", ["县发展改革局"], ["县财政局", "县直有关部门"]),
    ("（县农业农村局牵头，县财政局配合，各乡镇切实落实）", ["县农业农村局"], ["县财政局", "各乡镇"]),
    ("（县农业农村局牵头，县财政局配合，各乡镇全面落实）", ["县农业农村局"], ["县财政局", "各乡镇"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), THIRD_PART)
def test_a_third_part_that_carries_the_task_out_supports(clause, lead, support):
    assert _roles(BODY + clause) == (lead, support)


ADVERBS = [
    ("（区城管局牵头，区农业农村局、区财政局协调配合）", ["区城管局"], ["区农业农村局", "区财政局"]),
    ("（县发展改革局牵头，县财政局、县统计局积极配合）", ["县发展改革局"], ["县财政局", "县统计局"]),
    ("（区委农办牵头，区农业农村局、区财政局密切配合）", ["区委农办"], ["区农业农村局", "区财政局"]),
    ("（市应急管理局牵头，市公安局、市消防救援支队全力配合）", ["市应急管理局"], ["市公安局", "市消防救援支队"]),
    ("（镇经济发展办牵头，镇财政所、各村（社区）积极参与）", ["镇经济发展办"], ["镇财政所", "各村（社区）"]),
    ("（县发展改革局牵头，县财政局、县统计局认真配合）", ["县发展改革局"], ["县财政局", "县统计局"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), ADVERBS)
def test_an_adverb_before_the_support_verb_is_no_part_of_a_name(clause, lead, support):
    assert _roles(BODY + clause) == (lead, support)


@pytest.mark.parametrize(
    ("sentence", "lead", "support"),
    [
        ("由区农业农村局负责，区财政局、区民政局协调配合。", ["区农业农村局"], ["区财政局", "区民政局"]),
        ("区农业农村局负责，区财政局、区民政局密切配合。", ["区农业农村局"], ["区财政局", "区民政局"]),
        ("由区农业农村局牵头，区财政局配合，各镇街具体实施。", ["区农业农村局"], ["区财政局", "各镇街"]),
        ("由区农业农村局牵头，区财政局配合，各镇街抓好落实，确保按期完成。", ["区农业农村局"], ["区财政局", "各镇街"]),
    ],
)
def test_the_same_parts_in_a_closing_prose_sentence(sentence, lead, support):
    assert _roles(BODY + sentence) == (lead, support)


def test_a_prose_sentence_s_third_part_is_quoted_and_what_follows_is_not():
    r = extract_responsibility(BODY + "由区农业农村局牵头，区财政局配合，各镇街具体实施，确保按期完成。", prose=True)
    assert r is not None and r.text == "由区农业农村局牵头，区财政局配合，各镇街具体实施"


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        ("（牵头单位：区农业农村局；成员单位：区财政局、区自然资源局）", ["区农业农村局"], ["区财政局", "区自然资源局"]),
        ("牵头单位：市安委办；成员单位：市住房城乡建设局、市应急管理局", ["市安委办"], ["市住房城乡建设局", "市应急管理局"]),
        ("（责任单位：县农业农村局；成员单位：县财政局）", ["县农业农村局"], ["县财政局"]),
        # a member list named whole stays a unit: no label inside a name
        ("（牵头单位：县农业农村局；成员单位：县乡村振兴领导小组成员单位）",
         ["县农业农村局"], ["县乡村振兴领导小组成员单位"]),
    ],
)  # fmt: skip
def test_member_units_label_the_support(clause, lead, support):
    assert _roles(BODY + clause) == (lead, support)


@pytest.mark.parametrize(
    ("clause", "lead"),
    [
        ("（各镇街负责）", ["各镇街"]),
        ("（各园区负责）", ["各园区"]),
        ("（各镇街、各部门负责）", ["各镇街", "各部门"]),
        ("（各开发区负责）", ["各开发区"]),
        ("（各镇街区负责）", ["各镇街区"]),
    ],
)
def test_the_towns_of_a_district_named_as_one_set_lead(clause, lead):
    assert _roles(BODY + clause) == (lead, [])


@pytest.mark.parametrize("name", ["各镇街", "各街镇", "各镇(街)", "各镇（街）", "各镇街区", "各园区", "各园区管委会",
                                  "各开发区管委会"])  # fmt: skip
def test_each_set_is_a_lower_group_not_an_unregistered_unit(name):
    assert is_lower_group(name)


def test_the_district_plan_s_roles():
    plan = load_plan(str(FIXTURES / "district-village-roles.txt"))
    got = [(m.label, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("(一)", ["区农业农村局"], ["区卫生健康局", "各镇"]),
        ("(二)", ["佛山市生态环境局南海分局"], ["区住建水利局", "区农业农村局", "各镇街"]),
        ("(三)", ["区城管局"], ["区农业农村局", "区财政局"]),
        # (四) only heads 1.–3., which name their units: a heading, no measure (fixtures/struct37, mixed depth)
        ("1", ["各镇街"], []),
        ("2", ["各镇(街)"], []),
        ("3", ["区农业农村局"], ["区自然资源局", "区住建水利局"]),
        ("(五)", ["佛山市自然资源局南海分局"], ["区住建水利局", "区农业农村局", "各镇街"]),
        ("(六)", ["区农业农村局"], ["区财政局", "区民政局"]),
        ("(一)", ["区农业农村局"], ["各镇街", "各部门"]),
        ("(二)", ["区委农办"], ["区农业农村局", "区财政局"]),
    ]


def test_the_city_plan_s_member_units_and_its_towns_and_parks():
    plan = load_plan(str(FIXTURES / "city-gas-member-units.txt"))
    got = [(m.label, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("(一)", ["市住房城乡建设局"], ["市应急管理局", "市市场监管局", "市消防救援支队"]),
        ("(二)", ["市市场监管局"], ["市住房城乡建设局", "市商务局"]),
        ("(三)", ["市住房城乡建设局"], ["市公安局", "市交通运输局"]),
        ("(四)", ["市住房城乡建设局"], ["市城市管理和综合执法局", "市财政局"]),
        ("(五)", ["市应急管理局"], ["市委宣传部", "市教育局", "各村(社区)"]),
        # (六) only heads 1. 2., which name their units: a heading, no measure (fixtures/struct37, mixed depth)
        ("1", ["各园区"], []),
        ("2", ["各镇街", "各部门"], []),
    ]


@pytest.mark.parametrize("name", ["district-village-roles.txt", "city-gas-member-units.txt"])
def test_a_child_item_of_the_towns_is_no_missing_lead(name):
    run = check(str(FIXTURES / name), allow_no_parent=True, fail_on="none")
    assert [f.rule for f in run.report.findings if "lead" in f.rule] == []


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        ("（以上第1—2项任务由区农业农村局牵头，区财政局、区民政局协调配合，各镇街具体实施）",
         ["区农业农村局"], ["区财政局", "区民政局", "各镇街"]),
        ("（以上任务由各镇街负责）", ["各镇街"], []),
    ],
)  # fmt: skip
def test_a_group_clause_reads_the_same_parts(clause, lead, support):
    g = trailing_group_clause("1.开展村庄清洁行动。\n2.推进“四小园”建设。\n" + clause)
    assert g is not None
    assert ([u.name for u in g.responsibility.lead], [u.name for u in g.responsibility.support]) == (lead, support)


@pytest.mark.parametrize(
    ("parts", "lead", "support"),
    [
        # a part whose verb is the leads' own after the support's: more leads; a part that carries the task out supports
        ("市发展改革委、市财政局负责，市科技局参与，各县（市、区）人民政府按职责分工负责",
         ["市发展改革委", "市财政局", "各县（市、区）人民政府"], ["市科技局"]),
        ("市发展改革委负责，市科技局配合，各县（市、区）人民政府负责", ["市发展改革委", "各县（市、区）人民政府"], ["市科技局"]),
        ("市发展改革委负责，市科技局配合，各县（市、区）人民政府具体实施", ["市发展改革委"], ["市科技局", "各县（市、区）人民政府"]),
        ("市发展改革委牵头，市科技局配合，各县（市、区）人民政府按职责分工负责",
         ["市发展改革委"], ["市科技局", "各县（市、区）人民政府"]),
    ],
)  # fmt: skip
def test_a_clause_and_a_prose_sentence_of_the_same_parts_agree(parts, lead, support):
    """One reading of a third part, bracketed ("（A、B负责，C参与，D按职责分工负责）") or as the measure's closing
    sentence ("由A、B负责，C参与，D按职责分工负责。"): the prose sentence gave D to the support."""
    assert _roles(BODY + "（" + parts + "）") == (lead, support)
    assert _roles(BODY + "由" + parts + "。") == (lead, support)
