"""Role labels that carry a bracketed body noun, a third part answering as the leads do, and a 成员单位 column
(issue 16; fixtures/labels16/ models them):

- "牵头处室：X；配合处室（单位）：Y、Z" (blind29 贵州省农业农村厅): the bracket between a label and its colon is the
  label's (roles.yaml `bodies`, in full- or half-width brackets; engine/roles.py qualifier_pattern), never part of
  the first unit's name; 责任单位（部门）, 牵头部门（单位）, 配合单位（部门） alike, and 处室/科室/股室 as the label's noun;
- "（A、B负责，C参与，D按职责分工负责）": C supports (参与), D leads with A and B (its verb is theirs), where before
  every unit was read a lead; a part that carries the task out ("各镇街具体负责", "…按属地落实") still supports;
- a task table's 成员单位 column is a support column (roles.yaml `columns.support_whole`), read only as the whole
  header: "县乡村振兴领导小组成员单位" in a cell stays a unit's name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.align.tokenize import units_in_clause
from engine.extract import extract_responsibility
from engine.extract.responsibility import parse_clause_content
from engine.ingest.tables import Cell, column_role, field_table_line
from engine.pipeline import load_plan
from engine.roles import field_label_colon

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "labels16"
BODY = "推进稻渔综合种养基地建设，2026年底前新增标准化基地20万亩。"

BRACKETED_LABELS = [
    ("牵头处室：种植业管理处；配合处室（单位）：农田建设管理处、省农业技术推广总站",
     ["种植业管理处"], ["农田建设管理处", "省农业技术推广总站"]),
    ("牵头处室：种业管理处；配合处室(单位)：科技教育处、省种子管理站", ["种业管理处"], ["科技教育处", "省种子管理站"]),
    ("牵头部门（单位）：县农业农村局；配合单位（部门）：县财政局、县水利局", ["县农业农村局"], ["县财政局", "县水利局"]),
    ("牵头单位(部门)：县农业农村局；配合单位(部门)：县财政局", ["县农业农村局"], ["县财政局"]),
    ("责任单位（部门）：县农业农村局、县财政局", ["县农业农村局", "县财政局"], []),
    ("牵头科室：镇经济发展办公室；配合科室（单位）：镇财政所、镇农业综合服务中心",
     ["镇经济发展办公室"], ["镇财政所", "镇农业综合服务中心"]),
    ("牵头股室：执法股；配合股室（单位）：县农业机械化服务中心", ["执法股"], ["县农业机械化服务中心"]),
    ("牵头单位：县农业农村局；配合单位（部门、单位）：县财政局、县供销社", ["县农业农村局"], ["县财政局", "县供销社"]),
    # a bracket after a unit's name stays the unit's
    ("牵头单位（部门）：市市场监管局（市知识产权局）；配合单位：市商务局", ["市市场监管局（市知识产权局）"], ["市商务局"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), BRACKETED_LABELS)
def test_a_bracketed_body_noun_belongs_to_its_label(clause, lead, support):
    got = parse_clause_content(clause)
    assert got is not None
    assert (list(got[0]), list(got[1])) == (lead, support)


def test_the_bracketed_label_opens_a_detached_field_line():
    r = extract_responsibility(BODY + "\n牵头处室：渔业渔政处；配合处室（单位）：种植业管理处、各设区市农业农村局")
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (["渔业渔政处"], ["种植业管理处", "各设区市农业农村局"])


def test_the_ingest_and_alignment_readers_see_the_same_label():
    assert field_label_colon().search("配合处室(单位)：种植业管理处").group() == "配合处室(单位)："
    assert units_in_clause("牵头处室：种植业管理处；配合处室(单位)：农田建设管理处、省农业技术推广总站") == [
        "种植业管理处", "农田建设管理处", "省农业技术推广总站",
    ]  # fmt: skip


THIRD_PART = [
    # the leads' own verb: the part leads with them
    ("（县农业农村局、县财政局负责，县自然资源局参与，各乡镇人民政府按职责分工负责）",
     ["县农业农村局", "县财政局", "各乡镇人民政府"], ["县自然资源局"]),
    ("（县发展改革局负责，县财政局配合，县水利局负责）", ["县发展改革局", "县水利局"], ["县财政局"]),
    # after 牵头 a duty part takes part, and a part that carries the task out supports (fixtures/support16)
    ("（县农业农村局牵头，县财政局参与，各乡镇人民政府按职责分工负责）",
     ["县农业农村局"], ["县财政局", "各乡镇人民政府"]),
    ("（区农业农村局负责，区财政局配合，各镇街具体负责）", ["区农业农村局"], ["区财政局", "各镇街"]),
    ("（县发展改革局负责，县财政局配合，各乡镇按属地负责）", ["县发展改革局"], ["县财政局", "各乡镇"]),
    ("（县农业农村局牵头，县财政局参与）", ["县农业农村局"], ["县财政局"]),
    # 会同: the units after it support
    ("（县发展改革局会同县财政局按职责分工负责）", ["县发展改革局"], ["县财政局"]),
]  # fmt: skip


def test_a_part_after_the_support_answers_as_its_verb_says():
    got = {}
    for clause, _, _ in THIRD_PART:
        r = extract_responsibility(BODY + clause)
        got[clause] = None if r is None else ([u.name for u in r.lead], [u.name for u in r.support])
    assert got == {clause: (lead, support) for clause, lead, support in THIRD_PART}


def test_a_member_units_header_is_a_support_column_only_whole():
    headers = {
        "成员单位": "support", "成員單位": "support", "成员单位（排名不分先后）": "support",
        "参与单位": "support", "协办单位": "support", "配合处室（单位）": "support",
        "领导小组成员单位": None, "县乡村振兴领导小组成员单位": None,
    }  # fmt: skip
    assert {h: column_role(h) for h in headers} == headers


def test_a_member_unit_name_in_a_field_table_stays_a_value():
    rows = [
        [Cell(col=0, span=1, parts=["牵头单位"]), Cell(col=1, span=1, parts=["县委宣传部"])],
        [Cell(col=0, span=1, parts=["成员单位"]), Cell(col=1, span=1, parts=["县乡村振兴领导小组成员单位"])],
    ]
    line = field_table_line(rows)
    assert line is not None and line.text == "(牵头单位:县委宣传部;配合单位:县乡村振兴领导小组成员单位)"


def _roles(name: str) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in load_plan(str(FIXTURES / name)).measures]


def test_the_provincial_department_s_divisions():
    assert _roles("jiangxi-province-rice-fish-divisions.txt") == [
        ("1", ["渔业渔政处"], ["种植业管理处", "省水产技术推广站", "各设区市农业农村局"]),
        ("2", ["种植业管理处", "省农业技术推广中心"], ["渔业渔政处", "各县(市、区)农业农村部门"]),
        ("3", ["科技教育处", "省农业生态与资源保护站"], []),
        ("4", ["合作经济指导处"], ["计划财务处"]),
        ("5", ["市场与信息化处", "渔业渔政处", "各设区市农业农村局"], ["农产品质量安全监管处"]),
        ("6", ["农产品质量安全监管处"], ["省农产品质量安全检测中心"]),
    ]


def test_the_county_table_s_member_units_column():
    assert _roles("cangxi-county-kiwi-member-units.html") == [
        ("1", ["县农业农村局"], ["县财政局", "县自然资源局", "相关乡镇人民政府"]),
        ("2", ["县农业农村局"], ["县科技局", "县猕猴桃产业发展中心"]),
        ("3", ["县商务局"], ["县发展改革局", "县交通运输局"]),
        ("4", ["县委宣传部"], ["县乡村振兴领导小组成员单位"]),
        ("5", ["县农业农村局"], []),
    ]
