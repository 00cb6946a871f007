"""National-style responsibility clauses ("（A、B负责）") and the document-level first-listed convention."""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility
from engine.ingest import from_text
from engine.parse import parse_plan

BODY = "积极稳妥推进试点。"


def names(units):
    return [u.name for u in units]


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        ("（海关总署负责）", ["海关总署"], []),
        # the clause states the first-listed convention itself: read by it (notes65), the document's other clauses
        # by the document-level convention (test_first_listed_convention_applies_to_the_whole_document)
        ("（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）", ["税务总局"], ["财政部", "海关总署"]),
        ("（海关总署、商务部等有关部门负责）", ["海关总署", "商务部"], []),
        ("（人力资源社会保障部、财政部等负责）", ["人力资源社会保障部", "财政部"], []),
        ("（人力资源社会保障部、教育部等和各省级人民政府负责）", ["人力资源社会保障部", "教育部", "各省级人民政府"], []),
        ("（教育部，各省级人民政府按职责分工负责）", ["教育部", "各省级人民政府"], []),
        ("（国家发展改革委、财政部会同有关部门负责）", ["国家发展改革委", "财政部"], ["有关部门"]),
        ("（生态环境部牵头，国家发展改革委、工业和信息化部参与）", ["生态环境部"], ["国家发展改革委", "工业和信息化部"]),
        ("（市人力资源社会保障局牵头，各区、县级市人民政府配合）", ["市人力资源社会保障局"], ["各区、县级市人民政府"]),
        ("（各有关省级人民政府负责）", ["各有关省级人民政府"], []),
        ("（各项目牵头单位负责）", ["各项目牵头单位"], []),
        ("（商务部负责，适用范围：自由贸易试验区）", ["商务部"], []),
        ("（生态环境部指导，试点城市政府负责落实）", ["生态环境部", "试点城市政府"], []),
        ("（市发展改革委牵头，市财政局、市自然资源局等按职责分工负责）", ["市发展改革委"], ["市财政局", "市自然资源局"]),
        ("（市卫生健康委负责，各县（市、区）人民政府落实）", ["市卫生健康委", "各县（市、区）人民政府"], []),
        ("（由市商务局负责）", ["市商务局"], []),
        ("（市住房城乡建设局负责，2019年底前完成）", ["市住房城乡建设局"], []),
    ],
)
def test_unit_list_closed_by_a_duty_verb(clause, lead, support):
    r = extract_responsibility(BODY + clause)
    assert r is not None, clause
    assert names(r.lead) == lead
    assert names(r.support) == support
    assert r.text == clause


@pytest.mark.parametrize(
    "text",
    [
        "对电影制片企业销售电影拷贝（含数字拷贝）免征增值税。",
        "制定管理办法（试行）。",
        "执行期限为2019年1月1日至2023年12月31日（下同）。",
        # an aside inside a sentence names who does part of it, not who leads the measure
        "分别负责管理院校外、院校内证书的实施（技工院校内由人力资源社会保障行政部门负责），组织制定标准。",
    ],
)
def test_brackets_that_are_not_responsibility(text):
    assert extract_responsibility(text) is None


def _plan(text: str):
    return parse_plan(from_text(text))


def test_first_listed_convention_applies_to_the_whole_document():
    plan = _plan(
        "国务院关于促进某事的若干意见\n一、主要任务\n"
        "1.拓展市场。推广试点。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）\n"
        "2.释放产能。允许企业承接委托加工。（海关总署、商务部负责）\n"
    )
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["税务总局"], ["财政部", "海关总署"]),
        (["海关总署"], ["商务部"]),
    ]


def test_without_the_convention_listed_units_lead_jointly():
    plan = _plan(
        "国务院关于促进某事的若干意见\n一、主要任务\n"
        "1.拓展市场。推广试点。（税务总局、财政部负责）\n2.释放产能。允许企业承接委托加工。（海关总署负责）\n"
    )
    assert [m.lead_units for m in plan.measures] == [["税务总局", "财政部"], ["海关总署"]]
    assert all(m.support_units == [] for m in plan.measures)


def test_attachment_after_the_signature_is_not_measures():
    plan = _plan(
        "国务院办公厅关于加强某项考核工作的意见\n一、总体要求\n（一）加强考核。建立考核制度。\n"
        "（二）完善指标。统一考核指标。\n国务院办公厅\n2019年1月16日\n附件\n考核指标\n"
        "1.门诊人次数与出院人次数比\n2.下转患者人次数\n3.日间手术占择期手术比例\n"
    )
    assert [m.title for m in plan.measures] == ["加强考核", "完善指标"]


def test_a_cover_notice_keeps_its_attached_plan():
    plan = _plan(
        "国务院办公厅关于印发某方案的通知\n现将《某方案》印发给你们，请认真贯彻执行。\n"
        "国务院办公厅\n2019年1月16日\n附件\n某方案\n一、主要任务\n（一）建设平台。建成平台。\n（二）完善制度。健全制度。\n"
    )
    assert [m.title for m in plan.measures] == ["建设平台", "完善制度"]


def test_an_attached_task_table_stays_the_plans_measures():
    plan = _plan(
        "某市人民政府关于加快发展体育产业的实施意见\n一、总体要求\n（一）指导思想。坚持以人民为中心。\n"
        "（二）主要任务。各项任务见附件。\n某市人民政府\n2019年3月1日\n附件\n重点任务分工表\n"
        "1.发展职业赛事。培育本地职业联赛。(牵头单位:市体育局)\n2.改善消费条件。建设体育场馆。(牵头单位:市住房城乡建设局)\n"
    )
    assert [m.title for m in plan.measures][-2:] == ["发展职业赛事", "改善消费条件"]
