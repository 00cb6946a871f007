"""Tree building: headings vs measures, sub-measures, restarting numbering, paragraphs of a measure."""

from __future__ import annotations

import re

import pytest

from engine import extract
from engine.models import Measure, Responsibility
from engine.parse import parse_plan
from engine.parse.tree import is_general

T = "某县法治政府建设实施方案\n"


def test_measure_style_under_arabic_headings(doc_of):
    """(1) items carry the tasks, 1. lines are headings: (1) is the measure style."""
    text = T + "\n".join(
        [
            "一、总体要求",
            "1.工作目标",
            "(1)到2025年,基本建成法治政府。",
            "(2)行政执法体制机制基本完善。",
            "2.主要任务",
            "(1)加强规范性文件管理。严格合法性审核。",
            "(2)推进政务公开。",
            "(3)完善考核评价。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["(1)", "(2)", "(1)", "(2)", "(3)"]
    assert [m.ref for m in plan.measures] == ["1(1)", "1(2)", "2(1)", "2(2)", "(3)"]
    assert all(m.parent_measure is None for m in plan.measures)
    assert [(s.label, s.depth) for s in plan.sections] == [("一", 0), ("1", 1), ("2", 1)]
    assert plan.measures[2].path == ["一", "2"] and plan.measures[2].section_titles == [
        "总体要求",
        "主要任务",
    ]
    assert plan.measures[2].title == "加强规范性文件管理"


def test_shallow_node_with_text_stays_a_section(doc_of):
    text = T + "\n".join(
        [
            "一、指导思想",
            "坚持以习近平新时代中国特色社会主义思想为指导。",
            "二、重点任务",
            "1.加强行政执法。严格执法程序。",
            "2.完善行政复议。",
            "三、保障措施",
            "加强组织领导。",
            "3.强化督查考核。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    assert [s.label for s in plan.sections] == ["一", "二", "三"]
    assert plan.sections[0].text == "坚持以习近平新时代中国特色社会主义思想为指导。"
    assert plan.sections[2].text == "加强组织领导。"  # the intro follows the heading, not measure 2
    assert plan.measures[1].text == "完善行政复议。"


def test_general_requirements(doc_of):
    text = T + "\n".join(
        [
            "一、总体要求",
            "(一)指导思想。坚持依法行政。",
            "(二)工作目标。到2025年建成法治政府。",
            "二、主要任务",
            "(三)完善工作目标考核体系。每年考核一次。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [(m.label, m.general) for m in plan.measures] == [("(一)", True), ("(二)", True), ("(三)", False)]
    assert is_general("指导思想和总体目标") and not is_general("完善工作目标考核体系")


def test_sub_measures_follow_their_parent(doc_of):
    text = T + "\n".join(
        [
            "一、主要任务",
            "1.深化审批改革。",
            "(1)清理中介服务。(责任单位:县编办)",
            "(2)推进标准化。",
            "2.强化市场监管。加强事中事后监管。",
            "3.完善执法程序。",
            "(1)建立裁量基准。",
            "4.加强复议工作。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [(m.ref, m.parent_measure) for m in plan.measures] == [
        ("1", None),
        ("1(1)", "1"),
        ("(2)", "1"),
        ("2", None),
        ("3", None),
        ("3(1)", "3"),
        ("4", None),
    ]
    assert plan.measures[0].text == "深化审批改革。"
    assert plan.measures[1].depth == plan.measures[0].depth + 1


def test_numbering_that_restarts_in_every_chapter(doc_of):
    text = T + "\n".join(
        [
            "一、健全职能体系",
            "1.实行权责清单。",
            "2.推进简政便民。",
            "二、健全制度体系",
            "1.加强重要领域立法。",
            "2.加强规范性文件管理。",
            "3.完善立法机制。",
        ]
    )
    plan = parse_plan(doc_of(text))
    refs = [m.ref for m in plan.measures]
    assert refs == ["一1", "一2", "二1", "二2", "3"]
    assert len(set(refs)) == len(refs)


def test_restart_under_two_section_levels(doc_of):
    text = T + "\n".join(
        ["一、甲", "(一)乙", "1.做好甲乙。", "二、丙", "(一)丁", "1.做好丙丁。", "(二)戊", "1.做好戊。"]
    )
    plan = parse_plan(doc_of(text))
    assert [m.ref for m in plan.measures] == ["一(一)1", "二(一)1", "(二)1"]


def test_duplicate_labels_in_one_section_still_unique(doc_of):
    plan = parse_plan(doc_of(T + "一、任务\n1.做好甲。\n1.做好乙。\n2.做好丙。"))
    refs = [m.ref for m in plan.measures]
    assert len(set(refs)) == 3 and refs[0] == "一1"


def test_continuation_paragraphs(doc_of):
    text = (
        T + "一、主要任务\n1.加强执法。严格程序。\n落实执法全过程记录制度。\n\n推行执法公示。\n2.完善复议。"
    )
    plan = parse_plan(doc_of(text))
    m = plan.measures[0]
    assert m.text == "加强执法。严格程序。\n落实执法全过程记录制度。\n推行执法公示。"
    assert (m.line, m.end_line) == (3, 6) and len(m.paragraphs) == 3
    assert m.column == 1


def test_section_text_lines_are_not_measures(doc_of):
    text = T + "\n".join(
        [
            "二、工作目标、具体措施和责任分工",
            " (一)依法全面履行政府职能",
            "工作目标:切实转变政府职能。",
            "具体措施:",
            "  1. 深化行政审批制度改革。加快推进。",
            "  2. 全面推行权责清单制度。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["1", "2"]
    assert plan.sections[1].text == "工作目标:切实转变政府职能。\n具体措施:"
    assert plan.measures[0].column == 3  # the label's column in the original line


def _fake_fill(measure: Measure) -> None:
    """Stands in for extract: finds a (牵头单位:…) clause anywhere in the text."""
    m = re.search(r"[(（]牵头单位[:：][^)）]*[)）]", measure.text)
    if m:
        measure.responsibility = Responsibility(style="牵头单位", text=m.group(), bracket="()")


@pytest.fixture
def fake_extract(monkeypatch):
    monkeypatch.setattr(extract, "fill_measure", _fake_fill)


def test_detached_clause_after_blank_line(doc_of, fake_extract):
    text = (
        T
        + "一、主要任务\n1.优化营商环境。深入实施条例。\n\n(牵头单位:区发改局)\n\n2.推进政务公开。(牵头单位:区政府办)"
    )
    plan = parse_plan(doc_of(text))
    m1, m2 = plan.measures
    assert m1.text == "优化营商环境。深入实施条例。\n(牵头单位:区发改局)"
    assert m1.responsibility.detached and (m1.responsibility.line, m1.responsibility.column) == (5, 1)
    assert not m2.responsibility.detached and m2.responsibility.line == 7


def test_clause_broken_over_two_lines_is_not_detached(doc_of, fake_extract):
    text = T + "一、任务\n1.完善应对机制。加强处置。(牵头单位:区应急局\n、区人防办按职责分工负责)\n2.下一条。"
    plan = parse_plan(doc_of(text))
    m = plan.measures[0]
    assert m.text.endswith("(牵头单位:区应急局\n、区人防办按职责分工负责)")
    assert not m.responsibility.detached


def test_fill_measure_called_for_every_measure(doc_of, monkeypatch):
    seen = []
    monkeypatch.setattr(extract, "fill_measure", lambda m: seen.append(m.ref))
    plan = parse_plan(doc_of(T + "一、任务\n1.甲。\n(1)乙。\n2.丙。"))
    assert seen == [m.ref for m in plan.measures] == ["1", "(1)", "2"]  # (1) is unique: bare label


def test_a_label_a_section_also_uses_is_qualified(doc_of):
    """(四) under 四、保障措施 is 四(四) when 二、's (四) is a section heading over items (issue #16): the bare
    "(四)" would name either. A label used once in the document keeps its bare ref."""
    text = T + "\n".join(
        [
            "一、主要任务",
            "（一）推进源头减量",
            "1.开展绿色设计和绿色供应链建设，培育一批示范企业。",
            "2.逐步减少历史遗留固体废物贮存处置总量。",
            "（二）推进资源化利用",
            "3.推动农作物秸秆全量利用，建立多途径利用模式。",
            "4.推进畜禽粪污资源化利用，建立种养循环发展机制。",
            "（三）强化风险防控",
            "5.筑牢危险废物源头防线，实施强制性清洁生产审核。",
            "6.全面实施危险废物电子转移联单制度。",
            "（四）强化宣传教育",
            "7.加大固体废物环境管理宣传教育，有效化解邻避效应。",
            "二、保障措施",
            "（一）加强组织领导。成立工作领导小组，健全工作机制。",
            "（二）加大资金支持。统筹整合相关资金，明确资金范围和规模。",
            "（三）严格监管执法。依法严厉打击固体废物非法转移、倾倒行为。",
            "（四）强化督查考核。将试点工作纳入年度目标责任考核。",
            "（五）加强信息公开。依法公开固体废物产生、利用与处置信息。",
        ]
    )
    plan = parse_plan(doc_of(text))
    refs = [m.ref for m in plan.measures]
    assert refs == [*"1234567", "二(一)", "二(二)", "二(三)", "二(四)", "(五)"]


def test_yanling_refs_name_their_section():
    from pathlib import Path

    from engine.ingest import load_document

    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    draft = parse_plan(load_document(str(fixtures / "eval" / "yanling-zero-waste.txt")))
    refs = [m.ref for m in draft.measures]
    assert refs[-4:] == ["四(一)", "四(二)", "四(三)", "四(四)"]  # 二、 has (一)…(六) sections
    assert refs[:16] == [str(i) for i in range(1, 17)]  # used once: unchanged
    parent = parse_plan(load_document(str(fixtures / "national" / "gbf2018-128-zero-waste-cities.txt")))
    assert "(六)" in [m.ref for m in parent.measures]  # the only (六) of the parent: unchanged
