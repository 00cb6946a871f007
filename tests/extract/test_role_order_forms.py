"""Two forms of a responsibility clause that were misread or not read (units20):

1. a 、 between the role parts of the 为 form: "（X为牵头单位、Y为配合单位）", "X为牵头单位、Y、Z为配合单位" (only ，/；
   separated them: the clause came out with lead Y and support "X为");
2. the support named before the lead, the lead the object of its verb (roles.yaml verbs.assist):
   "（Y配合X落实）", "（Y、Z配合X做好相关工作）", "由Y协助X开展…" (the bracket gave one unit "Y配合X"; the sentence
   gave nothing).

Each with units of every level (部, 厅, 局, 办, 所, 镇) and against the sentence that only mentions a unit in passing
("积极配合省教育厅开展检查", "以X为牵头单位、Y为配合单位的工作机制"), which must name no lead.
"""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility
from engine.ingest import from_text
from engine.parse import parse_plan

BODY = "加强重点领域安全监管，每季度开展一次专项检查。"


def _read(text: str) -> tuple[list[str], list[str]]:
    r = extract_responsibility(text, prose=True)
    return ([u.name for u in r.lead], [u.name for u in r.support]) if r else ([], [])


# (clause, leads, supports)
ROLE_PARTS_BY_DUN = [
    ("（市应急管理局为牵头单位、市公安局为配合单位）", ["市应急管理局"], ["市公安局"]),
    ("（省生态环境厅为牵头单位、省财政厅、省水利厅为配合单位）", ["省生态环境厅"], ["省财政厅", "省水利厅"]),
    ("（教育部为牵头部门、财政部、人力资源社会保障部为配合部门）", ["教育部"], ["财政部", "人力资源社会保障部"]),
    ("（镇党政办为牵头单位、镇财政所为配合单位）", ["镇党政办"], ["镇财政所"]),
    ("（县住房和城乡建设局为责任单位、各乡镇人民政府为配合单位）", ["县住房和城乡建设局"], ["各乡镇人民政府"]),
    ("(区卫生健康局、区医保局为共同牵头单位、区财政局为配合单位)", ["区卫生健康局", "区医保局"], ["区财政局"]),
    # the 为 form and the verb form mixed, with 、 between them
    ("（县农业农村局为牵头单位、县财政局、县林业局配合）", ["县农业农村局"], ["县财政局", "县林业局"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), ROLE_PARTS_BY_DUN)
def test_a_dun_between_the_role_parts_of_the_wei_form_ends_the_part(clause, lead, support) -> None:
    assert _read(BODY + clause) == (lead, support)


SUPPORT_FIRST = [
    ("（区教育局配合区卫生健康局落实）", ["区卫生健康局"], ["区教育局"]),
    ("（区教育局、区财政局配合区卫生健康局做好相关工作）", ["区卫生健康局"], ["区教育局", "区财政局"]),
    ("（国家发展改革委、财政部配合教育部落实）", ["教育部"], ["国家发展改革委", "财政部"]),
    ("（省财政厅协助省交通运输厅落实）", ["省交通运输厅"], ["省财政厅"]),
    ("（县财政局协助县教育局）", ["县教育局"], ["县财政局"]),
    ("（各乡镇人民政府配合县农业农村局组织实施）", ["县农业农村局"], ["各乡镇人民政府"]),
    # the last sentence of a measure, in prose
    ("区教育局、区财政局配合区卫生健康局做好相关工作。", ["区卫生健康局"], ["区教育局", "区财政局"]),
    ("由镇农业服务中心协助镇党政办做好宣传发动。", ["镇党政办"], ["镇农业服务中心"]),
    ("由县财政局协助县教育局开展督导检查，确保按期完成。", ["县教育局"], ["县财政局"]),
    ("市公安局要积极配合市交通运输局做好道路运输安全整治。", ["市交通运输局"], ["市公安局"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), SUPPORT_FIRST)
def test_support_named_before_the_lead_makes_the_object_of_its_verb_the_lead(clause, lead, support) -> None:
    got = _read(BODY + clause)
    assert got == (lead, support)
    assert not any("配合" in n or "协助" in n for n in got[0] + got[1])  # never one unit "Y配合X"


# (a clause that assigns, its lead, the same units only mentioned in passing): the first names its lead, the second
# none
CONTRASTS = [
    ("（县财政局配合县教育局落实）", "县教育局", "县财政局积极配合，县教育局落实经费后组织实施。"),
    ("市公安局配合市交通运输局做好整治。", "市交通运输局", "积极配合市交通运输局做好整治。"),
    ("区教育局配合区卫生健康局做好相关工作。", "区卫生健康局", "有关部门配合区卫生健康局做好相关工作。"),
    ("由镇财政所协助镇党政办做好宣传。", "镇党政办", "加强与镇党政办配合，做好宣传。"),
    ("（省财政厅协助省教育厅落实）", "省教育厅",
     "（省财政厅协助省教育厅于年底前完成全部学校的食堂改造并报送验收材料和整改报告）"),
    ("（市应急管理局为牵头单位、市公安局为配合单位）", "市应急管理局",
     "建立以市应急管理局为牵头单位、市公安局为配合单位的工作机制。"),
    ("由区教育局协助区卫生健康局开展排查。", "区卫生健康局", "由于区教育局配合区卫生健康局开展了排查，问题得到解决。"),
]  # fmt: skip


@pytest.mark.parametrize(("assigns", "lead", "mentions"), CONTRASTS)
def test_a_unit_mentioned_in_passing_is_no_lead(assigns, lead, mentions) -> None:
    assert _read(BODY + assigns)[0] == [lead]
    assert _read(BODY + mentions)[0] == []


PLAN = """某某县校园安全专项整治实施方案

一、重点任务
（一）排查整治校园周边隐患
以下各项由县公安局配合县教育局落实。
1.开展校园周边治安巡查。每日上下学时段安排警力巡查。
2.整治校园周边交通秩序。设置学校路段警示标志。
（二）强化食品安全
3.规范学校食堂管理。全面推行明厨亮灶。
4.加强校外配餐监管。每学期开展一次抽检。
（以上任务县市场监督管理局为牵头单位、县卫生健康局为配合单位）
5.完善应急处置预案。每年组织一次应急演练。（县应急管理局、县消防救援大队配合县教育局做好相关工作）
二、保障措施
加强组织领导。
"""


def test_a_plans_chapter_group_and_item_clauses_in_these_forms() -> None:
    plan = parse_plan(from_text(PLAN))
    units = {m.label.rstrip(".、"): (m.lead_units, m.support_units) for m in plan.measures}
    assert units["1"] == units["2"] == (["县教育局"], ["县公安局"])  # a heading's 以下各项, support first
    assert units["3"] == units["4"] == (["县市场监督管理局"], ["县卫生健康局"])  # a group clause with 、
    assert units["5"] == (["县教育局"], ["县应急管理局", "县消防救援大队"])


# 3. a note inside a clause that says how to read the clauses after it, "以下均需X落实，不再列出", names no unit: the real
# clause of 国办发〔2018〕128号 (fixtures/national/gbf2018-128-zero-waste-cities.txt, 二(一)) gave a lead
# "以下均需试点城市政府"
NOTES = [
    ("（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）", ["生态环境部", "试点城市政府"]),
    ("（交通运输部指导，各省级交通运输主管部门负责落实。以下均需各省级交通运输主管部门落实，不再列出）",
     ["交通运输部", "各省级交通运输主管部门"]),
    ("（省教育厅指导，各市教育局负责落实。上述各项均需各市教育局落实）", ["省教育厅", "各市教育局"]),
    ("（县农业农村局负责，以下均需各乡镇人民政府配合，不再列出）", ["县农业农村局"]),
    ("（镇党政办负责。下列各项均需各村委会落实）", ["镇党政办"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead"), NOTES)
def test_a_note_on_the_clauses_after_it_names_no_unit(clause, lead) -> None:
    got = _read(BODY + clause)
    assert got[0] == lead and got[1] == []


def test_the_real_national_clause_with_a_note_keeps_its_units_only() -> None:
    from pathlib import Path

    from engine.ingest import load_document

    path = Path(__file__).resolve().parents[2] / "fixtures" / "national" / "gbf2018-128-zero-waste-cities.txt"
    plan = parse_plan(load_document(str(path)))
    m = next(m for m in plan.measures if "以下均需试点城市政府落实" in (m.text or ""))
    assert "试点城市政府" in m.lead_units and "生态环境部" in m.lead_units
    assert not any(n.startswith(("以下", "以上")) for n in m.lead_units + m.support_units)
