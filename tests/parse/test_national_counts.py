"""Counts made by hand on four real State Council documents of different layouts (fixtures/national/,
copied from ../shared/corpus/national/): title, measures, measures with responsible units and those
units, deadlines and targets. Each count was made by reading the text, not by running the tool.

- gf2019-3 (bonded zones): arabic items numbered across sections under （一） headings; "（A、B负责，排在
  第一位的部门为牵头部门，下同）" after each item; 指导思想 / 基本原则 / 发展目标 before the tasks.
- gbf2018-117 (incentives): 一、… thirty one-paragraph items, "（A、B负责）" with no convention (joint
  responsibility), "A会同有关部门负责"; three closing paragraphs after the last item.
- gbf2018-121 (sports events): （一）… numbered across chapters 一、二 …; three general items (总体要求, set
  apart: no unit, the tasks name theirs); some items carry two or three clauses, one after each group of sentences.
- gbf2019-4 (hospital assessment): （一）… per chapter, no responsibility clauses, dated tasks; an
  attached indicator table (附件) after the signature that is not part of the measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_deadlines, extract_targets
from engine.ingest import load_document
from engine.parse import parse_plan
from engine.rules.goals import goal_paragraphs

NATIONAL = Path(__file__).resolve().parents[2] / "fixtures" / "national"


@pytest.fixture(scope="module")
def plans():
    return {
        name: parse_plan(load_document(str(NATIONAL / f"{name}.txt")))
        for name in ("gf2019-3-bonded-zones", "gbf2018-117-incentives", "gbf2018-121-sports-events",
                     "gbf2019-4-hospital-assessment")
    }  # fmt: skip


def _units(plan):
    return {m.ref: (m.lead_units, m.support_units) for m in plan.measures}


def test_bonded_zones(plans):
    p = plans["gf2019-3-bonded-zones"]
    assert p.title == "国务院关于促进综合保税区高水平开放高质量发展的若干意见"
    assert (p.level, p.jurisdiction, p.date) == ("national", "全国", "2019-01-12")
    assert [m.ref for m in p.measures] == [str(i) for i in range(1, 22)]
    # first-listed leads: the document says so once, in item 1's clause ("下同")
    assert _units(p) == {
        "1": (["税务总局"], ["财政部", "海关总署"]), "2": (["海关总署"], ["财政部", "税务总局"]),
        "3": (["海关总署"], ["商务部"]), "4": (["商务部"], ["海关总署"]), "5": (["海关总署"], []),
        "6": (["海关总署"], ["商务部"]), "7": (["发展改革委"], ["科技部", "海关总署"]),
        "8": (["市场监管总局"], ["海关总署"]), "9": (["药监局"], ["海关总署"]), "10": (["海关总署"], []),
        "11": (["海关总署"], []), "12": (["发展改革委"], ["海关总署"]),
        "13": (["海关总署"], ["文化和旅游部", "文物局"]),
        "14": (["商务部"], ["工业和信息化部", "生态环境部", "海关总署"]),
        "15": (["商务部"], ["发展改革委", "工业和信息化部", "海关总署"]), "16": (["海关总署"], []),
        "17": (["海关总署"], ["财政部", "税务总局"]), "18": (["商务部"], ["海关总署"]),
        "19": (["海关总署"], ["财政部", "商务部"]), "20": (["海关总署"], ["证监会"]),
        "21": (["海关总署"], ["商务部"]),
    }  # fmt: skip
    assert sum(len(m.deadlines) for m in p.measures) == 0
    assert sum(len(m.targets) for m in p.measures) == 0


def test_incentives(plans):
    p = plans["gbf2018-117-incentives"]
    assert p.title == "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知"
    assert len(p.measures) == 30
    leads = [m.lead_units for m in p.measures]
    assert leads == [
        ["市场监管总局"], ["商务部"], ["国家发展改革委"], ["国家发展改革委"], ["财政部"], ["交通运输部", "财政部"],
        ["水利部", "国家发展改革委"], ["人民银行", "银保监会", "证监会"], ["自然资源部"], ["农业农村部"], ["商务部"],
        ["科技部"], ["科技部", "财政部"], ["国家发展改革委"], ["工业和信息化部"], ["国家发展改革委"],
        ["国家发展改革委"], ["国家发展改革委", "财政部"], ["市场监管总局"], ["教育部"],
        ["财政部", "人力资源社会保障部"], ["财政部", "国务院扶贫办"], ["国家发展改革委"],
        ["住房城乡建设部", "国家发展改革委", "财政部"], ["国家卫生健康委", "财政部"],
        ["国家发展改革委", "财政部", "民政部"], ["生态环境部", "财政部"], ["水利部", "财政部"],
        ["农业农村部", "财政部"], ["国务院办公厅"],
    ]  # fmt: skip
    # 会同有关部门: the others are unnamed (generic)
    assert [m.support_units for m in p.measures if m.support_units] == [["有关部门"]] * 4  # 十六, 十七, 十八, 二十
    # the arrangements after item 三十 (督查激励, 停止执行) close the notice; they are not item 三十
    assert "停止执行" not in p.measures[-1].text and "停止执行" in (p.closing or "")
    # no deadline or target in the items: 在两年之内 is how long a benefit lasts
    assert sum(len(m.deadlines) for m in p.measures) == 0
    assert sum(len(m.targets) for m in p.measures) == 0


def test_sports_events(plans):
    p = plans["gbf2018-121-sports-events"]
    assert p.title == "国务院办公厅关于加快发展体育竞赛表演产业的指导意见"
    # 一、总体要求's （一）指导思想 （二）基本原则 （三）发展目标 name no unit while every task does: the plan's general
    # requirements, set apart though the tasks number on from them ((四)…), as where they restart; the goals are
    # compared as prose (engine.rules.goals)
    assert len(p.measures) == 16 and not any(m.general for m in p.measures)
    assert [s.title for s in p.sections if s.path == ["一"]] == ["指导思想", "基本原则", "发展目标"]
    assert [g.name for g in goal_paragraphs(p)] == ["发展目标"]
    tasks = p.measures
    assert all(m.lead_units for m in tasks)
    # an item with three clauses, each after its own sentences: the item's units are their union, in
    # order (no first-listed convention here: every unit listed in a clause answers for it)
    ten = p.measure("(十)")
    assert ten.lead_units == ["市场监管总局", "体育总局", "教育部", "网信办", "科技部", "工业和信息化部"]
    assert ten.support_units == []
    assert [[u.name for u in c.lead] for c in ten.responsibility.clauses] == [
        ["市场监管总局"], ["体育总局", "教育部"], ["体育总局", "网信办", "科技部", "工业和信息化部"],
    ]  # fmt: skip
    assert ten.responsibility.text == "(体育总局、网信办、科技部、工业和信息化部负责)"
    assert not any("负责)" in s.text for s in ten.sentences)
    # the other two items with several clauses (counted by hand: (十三) three, (十八) two)
    assert p.measure("(十三)").lead_units == [
        "体育总局", "教育部", "住房城乡建设部", "公安部", "应急部", "银保监会", "人民银行",
    ]  # fmt: skip
    assert p.measure("(十八)").lead_units == [
        "公安部", "工业和信息化部", "交通运输部", "水利部", "海洋局", "空管委办公室", "体育总局", "发展改革委",
        "市场监管总局",
    ]  # fmt: skip
    assert [m.ref for m in p.measures if m.responsibility and m.responsibility.clauses] == ["(十)", "(十三)", "(十八)"]
    assert p.measure("(五)").lead_units == ["体育总局", "北京冬奥组委"]
    # the goals (（三）发展目标), compared as prose: its deadline and targets are the plan's only ones
    goals = goal_paragraphs(p)[0].text
    assert [d.date for d in extract_deadlines(goals)] == ["2025-12-31"]
    assert [(t.value, t.comparator, t.unit) for t in extract_targets(goals)] == [
        (2.0, ">=", "万亿元"), (100.0, ">=", "项"), (100.0, ">=", "个"),
    ]  # fmt: skip
    assert sum(len(m.deadlines) for m in p.measures) == 0
    assert sum(len(m.targets) for m in p.measures) == 0


def test_hospital_assessment(plans):
    p = plans["gbf2019-4-hospital-assessment"]
    assert p.title == "国务院办公厅关于加强三级公立医院绩效考核工作的意见"
    # the 55 indicators of the attached table are not measures
    assert len(p.measures) == 19
    assert sum(m.general for m in p.measures) == 3
    assert not any(m.lead_units for m in p.measures)
    by_ref = {m.ref: [d.date or d.month_day for d in m.deadlines] for m in p.measures if m.deadlines}
    assert by_ref == {
        "一(三)": ["2019-12-31", "2020-12-31"],
        "三(二)": ["2019-03-31", "2019-08-31"],
        "三(三)": ["2019-03-31"],
        "三(四)": ["2019-03-31", "2019-06-30"],
        "四(一)": ["2019-09-30", "--01-31"],
        "四(二)": ["2019-11-30", "--02-28"],
        "四(三)": ["2019-12-31", "--03-31"],
        "五(一)": ["2019-06-30"],
    }
    assert sum(len(m.targets) for m in p.measures) == 0


def test_a_notice_issuing_two_regulations_reads_each_on_its_own():
    """gbf2018-124: 关于印发A和B两个规定的通知; the first regulation's title wraps over two lines after
    the notice's signature, the second stands after the first's closing paragraph; each numbers
    its chapters 一、… and its items (一)… from 1 (counted by hand: 九 chapters and 31 items, 四
    chapters and 20 items)."""
    doc = load_document(str(NATIONAL / "gbf2018-124-cultural-enterprises.txt"))
    both = parse_plan(doc)
    titles = ["文化体制改革中经营性文化事业单位转制为企业的规定", "进一步支持文化企业发展的规定"]
    assert both.documents == titles
    assert both.title == "文化体制改革中经营性文化事业单位转制为企业和进一步支持文化企业发展两个规定"
    assert [sum(m.document == i for m in both.measures) for i in (0, 1)] == [31, 20]
    assert [sum(s.document == i for s in both.sections) for i in (0, 1)] == [9, 4]
    assert len({m.ref for m in both.measures}) == 51  # refs stay unique: (一)#2 is the second's (一)
    assert both.measure("(一)#2").text.startswith("中央财政和地方财政")
    assert both.paragraphs[both.measure("(一)#2").paragraphs[0]].line == 57
    # the second regulation's heading is not the tail of the first's last item
    assert "进一步支持文化企业发展的规定" not in both.measure("(三十一)").text
    # 2018年12月31日之前已完成转制的企业 says which firms keep a tax exemption: no deadline
    assert both.measure("(二十三)").deadlines == [] and both.measure("(二十四)").deadlines == []
    for part, title, n in ((1, titles[0], 31), (2, titles[1], 20)):
        one = parse_plan(doc, part=part)
        assert (one.title, len(one.measures), one.documents) == (title, n, [])
        # the notice's date, number and issuer are each regulation's
        assert (one.date, one.doc_number, one.issuers, one.level) == (
            "2018-12-18", "国办发〔2018〕124号", ["国务院办公厅"], "national",
        )  # fmt: skip



def test_rates_that_are_goals_and_rates_that_define_a_payment():
    """Targets counted by hand. gbf2019-6 (financing guarantee): ten rates stated as
    obligations (达到80%以上; 不得低于80% / 50%, floors; 降至1%以下, 不超过1% / 1.5%, caps; 不高于承担风险
    责任的0.5% / 0.3%, caps; 不低于20%; 全覆盖); 对500万元及以下、费率不超过1%的担保业务给予补贴 says who
    gets a subsidy. gbf2019-2 (drug procurement): 按照总用量的60%—70%估算 and 按不低于采购金额的30%预付
    say how an amount is computed: no target."""
    p = parse_plan(load_document(str(NATIONAL / "gbf2019-6-financing-guarantee.txt")))
    found = [(m.ref, t.value, t.comparator, t.unit) for m in p.measures for t in m.targets]
    assert found == [
        ("(五)", 80.0, ">=", "%"), ("(六)", 80.0, ">=", "%"), ("(六)", 50.0, ">=", "%"),
        ("(八)", 1.0, "<=", "%"), ("(八)", 1.0, "<=", "%"), ("(八)", 1.5, "<=", "%"),
        ("(九)", 0.5, "<=", "%"), ("(九)", 0.3, "<=", "%"), ("(十一)", 20.0, ">=", "%"),
        ("(十九)", 1.0, ">=", ""),
    ]  # fmt: skip
    drugs = parse_plan(load_document(str(NATIONAL / "gbf2019-2-drug-procurement.txt")))
    assert sum(len(m.targets) for m in drugs.measures) == 0


def test_the_tree_shows_each_issued_document_with_its_own_chapters():
    from engine.parse.render import render_tree

    tree = render_tree(parse_plan(load_document(str(NATIONAL / "gbf2018-124-cultural-enterprises.txt"))))
    heads = [line for line in tree.splitlines() if line.startswith(("文件", "一 ", "四 "))]
    assert heads == [
        "文件 1: 文化体制改革中经营性文化事业单位转制为企业的规定", "一 关于公司制股份制改革", "四 关于收入分配",
        "文件 2: 进一步支持文化企业发展的规定", "一 关于财政税收", "四 关于工商管理",
    ]  # fmt: skip


def test_issuing_notice_titles_and_the_targets_of_an_issued_plan():
    """gf2019-4 (国务院关于印发国家职业教育改革实施方案的通知): the plan is the 方案 it issues. Its items
    hold nine targets, counted by hand: 至少建设一所, three revision/adjustment frequencies, 建立100个“双师
    型”教师培养培训基地, 每年至少1个月, 建成300个, 达到12000元, 每年召开两次. 具有3年以上企业工作经历 and
    具有…5年以上优秀培训业绩 qualify whom the plan selects."""
    p = parse_plan(load_document(str(NATIONAL / "gf2019-4-vocational-education.txt")))
    assert p.title == "国家职业教育改革实施方案"
    assert (p.doc_number, p.date, p.level) == ("国发〔2019〕4号", "2019-01-24", "national")
    found = [(m.ref, t.value, t.comparator, t.unit) for m in p.measures for t in m.targets]
    assert found == [
        ("(二)", 1.0, ">=", "所"), ("(九)", 1.0, ">=", "次"), ("(九)", 1.0, ">=", "次"), ("(九)", 1.0, ">=", "次"),
        ("(十二)", 100.0, ">=", "个"), ("(十二)", 1.0, ">=", "个月"), ("(十三)", 300.0, ">=", "个"), ("(十六)", 12000.0, ">=", "元"),
        ("(二十)", 2.0, ">=", "次"),
    ]  # fmt: skip
    drugs = parse_plan(load_document(str(NATIONAL / "gbf2019-2-drug-procurement.txt")))
    assert drugs.title == "国家组织药品集中采购和使用试点方案"
