"""Responsibility forms met on plans the code had not seen (issue #16, fixtures/unseen/): support lists
split by a comma, a (牵头) mark inside a list, group names of several kinds of division, notes after a
name, empty table cells, a unit line followed by a paragraph, and 由X牵头 describing a mechanism."""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility, parse_units
from engine.ingest import from_text
from engine.parse import parse_plan

BODY = "加快推进相关工作。"


def names(units):
    return [u.name for u in units]


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        # a comma between the support units: all of them support, not only those after the last comma
        (
            "（市住房城乡建设局牵头，市自然资源和规划局、市政务服务和大数据局，各县（市、区）人民政府配合）",
            ["市住房城乡建设局"],
            ["市自然资源和规划局", "市政务服务和大数据局", "各县（市、区）人民政府"],
        ),
        (
            "（州生态环境局牵头，州财政局，各县（市）人民政府参与）",
            ["州生态环境局"],
            ["州财政局", "各县（市）人民政府"],
        ),
        # a note after a name stays out of the list and does not break it at its comma
        (
            "（省医保局牵头，省卫生健康委（含省中医药局，下同）、省财政厅配合）",
            ["省医保局"],
            ["省卫生健康委", "省财政厅"],
        ),
        # 团中央 is a body's name
        (
            "（人力资源社会保障部、教育部、共青团中央负责）",
            ["人力资源社会保障部", "教育部", "共青团中央"],
            [],
        ),
        # a (牵头) mark inside a keyword list
        (
            "（负责部门：旗农牧局（牵头），旗财政局、各苏木镇人民政府）",
            ["旗农牧局"],
            ["旗财政局", "各苏木镇人民政府"],
        ),
        ("（责任单位：区教育局（牵头）、区财政局）", ["区教育局"], ["区财政局"]),
        ("（负责部门：旗农牧局、旗市场监督管理局）", ["旗农牧局", "旗市场监督管理局"], []),
        # a ministry's 司 before a 各 group: the group's 部门 is not a suffix they share
        (
            "（责任单位：部农田建设管理司、部计划财务司，各省级农业农村部门）",
            ["部农田建设管理司", "部计划财务司", "各省级农业农村部门"],
            [],
        ),
        ("（责任单位：部农田建设管理司、驻部纪检监察组）", ["部农田建设管理司", "驻部纪检监察组"], []),
        # a comma that is not between units does not make the clause a list
        ("（市发展改革委牵头，按季度调度，市财政局配合）", ["市发展改革委"], ["市财政局"]),
    ],
)
def test_clause(clause, lead, support):
    r = extract_responsibility(BODY + clause)
    assert r is not None, clause
    assert (names(r.lead), names(r.support)) == (lead, support)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("各市、州、直管市及神农架林区人民政府", ["各市、州、直管市及神农架林区人民政府"]),
        # two kinds of body, each a whole name: two units (a 各 list of division kinds is one: 各区、县级市)
        ("市人力社保局，各镇人民政府、街道办事处", ["市人力社保局", "各镇人民政府", "街道办事处"]),
        ("各县、区人民政府、街道办事处", ["各县、区人民政府", "街道办事处"]),
        ("自治区农牧厅、各盟、市人民政府", ["自治区农牧厅", "各盟、市人民政府"]),
        ("各区、县级市人民政府、市财政局", ["各区、县级市人民政府", "市财政局"]),
        ("—", []),
        ("无", []),
        ("省卫生健康委（含省中医药局，下同）", ["省卫生健康委"]),
        ("省发展改革委（以下简称发改委）、省财政厅", ["省发展改革委", "省财政厅"]),
        # a shared suffix still spreads over bare field names
        ("教育、卫生健康主管部门", ["教育主管部门", "卫生健康主管部门"]),
    ],
)
def test_unit_list(text, units):
    assert parse_units(text.replace("（", "(").replace("）", ")")) == [
        u.replace("（", "(").replace("）", ")") for u in units
    ]


def test_a_unit_line_ends_where_the_next_paragraph_begins():
    r = extract_responsibility(
        "推进数字化监管。实现全过程在线监管。\n责任单位：部农田建设管理司、部信息中心\n"
        "请各省级农业农村部门于12月15日前将年度工作总结报送部农田建设管理司。"
    )
    assert r is not None
    assert (names(r.lead), names(r.support)) == (["部农田建设管理司", "部信息中心"], [])


def test_a_unit_list_going_on_on_the_next_line_stays_one_clause():
    r = extract_responsibility(
        "整治燃气管道隐患。\n牵头单位：县住房城乡建设局\n配合单位：县应急管理局、县市场监管局"
    )
    assert r is not None
    assert (names(r.lead), names(r.support)) == (["县住房城乡建设局"], ["县应急管理局", "县市场监管局"])


@pytest.mark.parametrize(
    "text",
    [
        "加强组织领导。建立由医保部门牵头、有关部门协同的工作机制，定期研究解决重大问题。",
        "完善工作机制。形成由市商务局牵头的协调推进机制。",
    ],
)
def test_a_mechanism_led_by_someone_assigns_no_one(text):
    assert extract_responsibility(text) is None


def test_an_assignment_in_running_text_is_still_read():
    r = extract_responsibility("加强校园安全。由县教育局牵头负责全县的学校安全检查。")
    assert r is not None and names(r.lead) == ["县教育局"]


def test_first_listed_convention_applies_to_a_joint_keyword_list():
    plan = parse_plan(
        from_text(
            "某区学前教育发展实施方案\n一、主要任务\n以下任务的责任单位中，列第一位者为牵头单位，其他为配合单位。\n"
            "（一）扩大资源供给。新建公办幼儿园4所。（责任单位：区教育局、区财政局、各街道（镇））\n"
            "（二）强化督导评估。每年开展专项督导。（责任单位：区人民政府教育督导室）\n"
            "（三）规范收费。加强收费监管。（牵头单位：区发展改革局、区教育局）\n"
        )
    )
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["区教育局"], ["区财政局", "各街道(镇)"]),
        (["区人民政府教育督导室"], []),
        # units named as leads stay leads
        (["区发展改革局", "区教育局"], []),
    ]


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        # public institutions lead tasks of their field (a held-out 沈阳 plan: 市档案馆 was not a unit)
        ("（市档案馆牵头，市司法局配合）", ["市档案馆"], ["市司法局"]),
        ("（县图书馆牵头，县文化馆、县博物馆配合）", ["县图书馆"], ["县文化馆", "县博物馆"]),
        ("（市气象台牵头，市应急管理局配合）", ["市气象台"], ["市应急管理局"]),
        ("（区委党校牵头，区委组织部配合）", ["区委党校"], ["区委组织部"]),
    ],
)
def test_institutions_of_a_field_are_units(clause, lead, support):
    r = extract_responsibility("加强档案资源建设。" + clause)
    assert r is not None and names(r.lead) == lead and names(r.support) == support


def test_a_bracketed_note_naming_an_institution_is_no_clause():
    assert extract_responsibility("建设一批基层综合文化服务中心（含文化馆）。") is None


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # a township names each task's leading official (a person) before its units (blind4 鲁朗镇)
        ("整治镇区环境。\n（责任领导：李晓东；牵头单位：镇社会事务办公室；配合单位：镇党政综合办公室、各村（居）委会）",
         ["镇社会事务办公室"], ["镇党政综合办公室", "各村（居）委会"]),
        # a deadline field after the units is no unit
        ("推进管网改造。（牵头单位：市水务局；配合单位：市农业农村局；完成时限：2026年6月底前）",
         ["市水务局"], ["市农业农村局"]),
        # labels set in 【】 as headings, units after them (blind4 琼海市)
        ("推进幸福河湖建设。\n【牵头单位】市水务局  【配合单位】市财政局、市生态环境局",
         ["市水务局"], ["市财政局", "市生态环境局"]),
        ("强化智慧监管。【牵头单位】市河长制办公室【配合单位】市水务局【完成时限】2026年底",
         ["市河长制办公室"], ["市水务局"]),
        ("加强执法。〔责任单位〕县市场监管局、县公安局", ["县市场监管局", "县公安局"], []),
    ],
)  # fmt: skip
def test_fields_naming_no_body_and_bracketed_labels(text, lead, support):
    r = extract_responsibility(text)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)


def test_a_bracketed_label_clause_is_quoted_as_printed():
    r = extract_responsibility("推进建设。【牵头单位】市水务局【配合单位】市农业农村局")
    assert r is not None and r.text.startswith("【牵头单位】市水务局")


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # the unbracketed "（X负责）" closing an item with sub-points (blind4 天水市 (二))
        ("强化风险管控。\n（1）督促企业建立清单；\n（2）开展体系检查。\n市市场监管局负责。", ["市市场监管局"]),
        ("推进整治。开展专项检查。市卫生健康委、市医保局按职责分工负责。", ["市卫生健康委", "市医保局"]),
        ("推进整治。开展专项检查。各县区人民政府负责。", ["各县区人民政府"]),
        # a duty described (负责 has an object), or a pointer back at whoever was assigned: no clause
        ("强化风险管控。市市场监管局负责组织开展检查。", None),
        ("组织实施阶段。各责任单位按照任务分工抓好落实。各责任单位负责。", None),
        ("做好宣传。各地负责。", None),
    ],
)  # fmt: skip
def test_a_last_sentence_of_only_units_and_fu_ze(text, lead):
    r = extract_responsibility(text)
    assert (r and [u.name for u in r.lead]) == lead


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # roles inside a 责任单位 field (blind4 玛纳斯县): the roles decide, not the key
        ("做好工作。\n责任单位：县教育局、县市场监督管理局牵头，人民银行玛纳斯县支行、县发展和改革委员会配合。",
         ["县教育局", "县市场监督管理局"], ["人民银行玛纳斯县支行", "县发展和改革委员会"]),
        ("做好工作。（责任单位：县教育局牵头，各乡镇人民政府配合）", ["县教育局"], ["各乡镇人民政府"]),
        ("做好工作。（责任单位：县教育局、县财政局）", ["县教育局", "县财政局"], []),
    ],
)  # fmt: skip
def test_roles_inside_a_unit_field(text, lead, support):
    r = extract_responsibility(text)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)
