"""Responsibility written in prose at the end of a measure, and a task table's 责任单位 column under a
document's "first-listed unit leads" convention (issue 16, item 1).

Material: fixtures/prose/ (a 江西 county's 农村生活污水治理 实施方案 whose measures name their units only in
prose; a 浙江 city's 市场监管 工作要点 as a space-aligned table). The same words in policy prose that only
describe a duty, or a measure's content that mentions a body, must give no units.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from engine.extract import extract_responsibility, fill_measure
from engine.ingest import from_text, load_document
from engine.models import Measure
from engine.parse import parse_plan

PROSE = Path(__file__).resolve().parents[2] / "fixtures" / "prose"


def _plan(name: str):
    return parse_plan(load_document(str(PROSE / name)))


@pytest.fixture(scope="module")
def county():
    return {m.ref: m for m in _plan("anyuan-rural-sewage.txt").measures}


@pytest.mark.parametrize(
    ("ref", "lead", "support"),
    [
        ("(一)", ["县生态环境局"], ["县住建局", "县农业农村局", "县自然资源局"]),  # 由X牵头，会同Y、Z共同推进
        ("(二)", ["县住建局"], ["县生态环境局", "各乡镇人民政府"]),  # 此项工作由X牵头负责，Y、Z配合
        ("(三)", ["县农业农村局"], ["县卫健委", "县住建局"]),  # X负责牵头制定…，Y、Z按职责配合
        ("(四)", ["县住建局"], ["县财政局", "县生态环境局"]),  # X要会同Y、Z制定…
        ("(五)", ["县生态环境局"], []),  # 由X具体负责
        ("(六)", ["县财政局"], []),  # 责任主体为X
        ("(七)", ["县委宣传部"], ["县融媒体中心", "各乡镇人民政府"]),  # 本项任务由X负责，Y、Z参与
    ],
)
def test_prose_responsibility_is_read_as_the_sentence_states_it(county, ref, lead, support) -> None:
    m = county[ref]
    assert (m.lead_units, m.support_units) == (lead, support)
    assert not any(w in u for u in lead + support for w in ("此项", "本项", "工作", "任务"))


@pytest.mark.parametrize(
    "ref",
    [
        "(八)",  # "X负责组织…抽检" alone: a duty described, no one else named
        "(九)",  # "支持县供销社…参与": the task's content
        "(十)",  # "…向县…领导小组办公室报送": whom to report to
        "(十一)",  # "X会同有关部门对…开展技术指导": a duty described with a generic partner
    ],
)
def test_a_body_in_the_content_is_no_assignment(county, ref) -> None:
    assert county[ref].responsibility is None and county[ref].lead_units == []


def test_an_explicit_clause_wins_over_a_prose_sentence_before_it(county) -> None:
    m = county["(十二)"]
    assert "由县水利局负责技术审查" in m.text
    assert (m.lead_units, m.support_units) == (["县住建局"], ["各乡镇人民政府"])
    assert m.responsibility.clauses == ()


def test_the_task_words_after_the_units_stay_the_task(county) -> None:
    """Only the words that say who are the clause: "组织实施", "制定运维管理办法" are the task's."""
    four = county["(四)"]
    assert four.responsibility.text == "县住建局要会同县财政局、县生态环境局"
    assert any("制定运维管理办法" in s.text for s in four.sentences)
    one = county["(一)"]
    assert any("共同推进" in s.text for s in one.sentences)


def test_the_closing_paragraph_is_no_measure(county) -> None:
    assert list(county)[-1] == "(十二)"


def _measure(text: str) -> Measure:
    m = Measure(ref="(一)", label="(一)", style="paren-cn", ordinal=1, depth=1, title="", text=text)
    fill_measure(m)
    return m


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # 四川 county, 教育: 会同 after the lead, then the task
        ("实施义务教育薄弱环节改善工程，2026年底前完成12所学校改造。由县教育和体育局牵头，会同县发展和改革局、"
         "县财政局组织实施。", ["县教育和体育局"], ["县发展和改革局", "县财政局"]),
        # 广东 district, 城市管理: 该项工作由X牵头
        ("开展城中村环境综合整治，每年完成整治村居不少于15个。该项工作由区城市管理和综合执法局牵头，区住房和城乡"
         "建设局、各街道办事处配合。", ["区城市管理和综合执法局"], ["区住房和城乡建设局", "各街道办事处"]),
        # 山东 city, 农业: X负责，Y给予支持
        ("建设高标准农田8万亩。市农业农村局负责组织实施，市财政局、市自然资源和规划局给予资金和用地支持。",
         ["市农业农村局"], ["市财政局", "市自然资源和规划局"]),
        # 湖北 county, 交通: a unit whose name holds a verb (建设) before the verb after the list
        ("推进农村公路提质改造。县交通运输局会同县住房和城乡建设局推进实施。", ["县交通运输局"], ["县住房和城乡建设局"]),
    ],
)
def test_prose_forms_of_other_provinces_and_domains(text, lead, support) -> None:
    m = _measure(text)
    assert (m.lead_units, m.support_units) == (lead, support)


@pytest.mark.parametrize(
    "text",
    [
        "国家中医药局负责组织实施三级公立中医医院绩效考核工作。",  # one unit describing its duty
        "支持县人民医院牵头组建医疗集团，提升县域医疗服务能力。",  # the lead of something the task builds
        "建立由县发展改革局牵头、有关部门参与的协调机制。",  # a mechanism to set up
        "各乡镇要每季度向县农业农村局报告工作进展。",  # whom to report to
        "对工作推进不力的，由县纪委监委依规依纪依法追究责任。",  # who holds to account, not who acts
    ],
    ids=["national-duty", "support-content", "mechanism", "report-to", "accountability"],
)
def test_prose_that_assigns_no_one(text) -> None:
    assert _measure(text).lead_units == []


def test_prose_is_read_only_from_a_whole_measure() -> None:
    """A paragraph judged for being a clause (closing text, attachments) is not read for prose."""
    text = "由县卫生健康局牵头，县医保局配合。"
    assert extract_responsibility(text, prose=True).lead[0].name == "县卫生健康局"
    prose_only = "县医保局负责，县卫健局、县财政局配合。"
    assert extract_responsibility(prose_only) is None
    assert [u.name for u in extract_responsibility(prose_only, prose=True).support] == ["县卫健局", "县财政局"]


def test_traditional_characters_read_the_same(county) -> None:
    text = (PROSE / "anyuan-rural-sewage.txt").read_text("utf-8")
    plan = parse_plan(from_text(opencc.OpenCC("s2t").convert(text)))
    got = {m.ref: (m.lead_units, m.support_units) for m in plan.measures}
    assert got == {ref: (m.lead_units, m.support_units) for ref, m in county.items()}


def test_a_duty_column_under_the_first_listed_convention() -> None:
    plan = _plan("jiaxing-market-supervision-points.txt")
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["市市场监管局"], ["市数据局", "市税务局"]),
        ("2", ["市市场监管局"], ["市农业农村局", "市公安局"]),
        ("3", ["市市场监管局"], ["市经信局"]),
        ("4", ["市市场监管局"], ["市住建局", "各县(市、区)人民政府"]),
        ("5", ["市市场监管局"], ["市科技局"]),
    ]


def test_a_duty_column_without_the_convention_leads_jointly() -> None:
    """Without the statement, a 责任单位 column names joint leads (as before); a 牵头单位 column always leads."""
    text = (PROSE / "jiaxing-market-supervision-points.txt").read_text("utf-8")
    plain = parse_plan(from_text(text.replace("（责任单位中排在第一位的为牵头单位）", "")))
    assert plain.measures[0].lead_units == ["市市场监管局", "市数据局", "市税务局"]
    assert plain.measures[0].support_units == []
    lead_column = parse_plan(from_text(text.replace("                责任单位", "                牵头单位", 1)))
    assert lead_column.measures[0].lead_units == ["市市场监管局", "市数据局", "市税务局"]


@pytest.mark.parametrize(
    ("sentence", "lead", "support"),
    [
        # read after a blind 云南 plan gave no unit on these (in traditional characters there)
        ("由省林草局、省应急厅、省森林消防总队按职责分工负责。", ["省林草局", "省应急厅", "省森林消防总队"], []),
        ("由省林草局牵头，省自然资源厅、省生态环境厅按职责分工负责。", ["省林草局"], ["省自然资源厅", "省生态环境厅"]),
        ("省林草局牵头，省农业农村厅、昆明海关配合。", ["省林草局"], ["省农业农村厅", "昆明海关"]),
    ],
)
def test_duties_shared_by_field_in_prose(sentence, lead, support):
    from engine.extract import extract_responsibility

    r = extract_responsibility("加强林业有害生物防控，做好监测预警。" + sentence, prose=True)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)
