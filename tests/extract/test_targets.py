"""Targets: comparator, value, unit and kind exactly; slogans, years and numbers are not targets."""

from __future__ import annotations

import pytest

from engine.extract import extract_targets
from engine.extract.numerals import cn_to_number


def one(text):
    ts = extract_targets(text)
    assert len(ts) == 1, ts
    return ts[0]


@pytest.mark.parametrize(
    ("text", "kind", "cmp", "value", "unit"),
    [
        ("行政执法人员每人每年接受不少于60学时的培训", "number", ">=", 60, "学时"),
        ("部门负责人任期内至少接受一次法治专题脱产培训", "number", ">=", 1, "次"),
        ("达到200项", "number", ">=", 200, "项"),
        ("现场办理次数不超过1次", "number", "<=", 1, "次"),
        ("不低于二十项", "number", ">=", 20, "项"),
        ("不高于一百人", "number", "<=", 100, "人"),
        ("3个工作日以内办结", "number", "<=", 3, "个工作日"),
        ("办理时限压缩至5个工作日", "number", "<=", 5, "个工作日"),
        ("十二个月以内", "number", "<=", 12, "个月"),
        ("培训十期以上", "number", ">=", 10, "期"),
        ("全流程办理率达60%以上", "percent", ">=", 60, "%"),
        ("覆盖率达到100%", "percent", ">=", 100, "%"),
        ("达到100%", "percent", ">=", 100, "%"),
        ("100%", "percent", ">=", 100, "%"),
        ("比例不超过5%", "percent", "<=", 5, "%"),
        ("7%以上网上审批事项", "percent", ">=", 7, "%"),
        ("全面实现零次跑动", "number", "==", 0, "次"),
        ("推进“证照分离”改革全覆盖", "coverage", ">=", 1.0, ""),
        ("基本实现全覆盖", "coverage", ">=", 0.9, ""),
        ("基本覆盖全县", "coverage", ">=", 0.9, ""),
    ],
)
def test_targets(text, kind, cmp, value, unit):
    t = one(text)
    assert (t.kind, t.comparator, t.value, t.unit) == (kind, cmp, value, unit)


def test_two_sessions_a_year_is_a_frequency():
    t = one("领导班子每年应当举办两期以上法治专题讲座")
    assert (t.kind, t.comparator, t.value, t.unit, t.period_years) == ("frequency", ">=", 2, "期", 1.0)


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        ("原则上每两年开展一次示范创建活动", 1, 2.0),
        ("每两年一次", 1, 2.0),
        ("每年至少举办一期领导干部法治专题培训班", 1, 1.0),
        ("每年至少一次", 1, 1.0),
        ("每年每季度发布一次诚信红黑榜", 1, 0.25),
        ("一般每隔5年进行一次清理", 1, 5.0),
        ("每半年开展一次", 1, 0.5),
    ],
)
def test_frequencies(text, value, period):
    t = one(text)
    assert (t.kind, t.comparator, t.value, t.period_years) == ("frequency", ">=", value, period)


def test_number_after_each_year_carries_the_period():
    assert one("每人每年接受不少于60学时").period_years == 1.0


def test_the_guangning_sentence():
    text = "全县行政审批事项网上全流程办理率达60%以上,网上办结率达55%以上,55%以上网上申办事项到现场办理次数不超过1次,7%以上网上审批事项实现零次跑动。"
    got = [(t.kind, t.comparator, t.value, t.unit) for t in extract_targets(text)]
    assert got == [
        ("percent", ">=", 60, "%"),
        ("percent", ">=", 55, "%"),
        ("percent", ">=", 55, "%"),
        ("number", "<=", 1, "次"),
        ("percent", ">=", 7, "%"),
        ("number", "==", 0, "次"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "政务服务事项全面实现“一网通办”",
        "一网通办",
        "优化整合提升各级政务大厅“一站式”功能",
        "大力推广“一门式、一网式”政府服务模式",
        "完善首问负责、一次告知、一窗受理、自助办理等制度",
        "积极推进“一业一证”改革",
        "健全以“双随机、一公开”监管为基本手段",
        "双随机、一公开",
        "围绕建设壮美广西“1+1+4+3+N”目标任务体系",
        "宁发〔2017〕10号",
        "履行第一责任人职责",
        "2022年年底前，到2025年",
        "2017年7月7日",
        "十九届历次全会精神",
        "落实“三个区分开来”要求",
        "达到国家标准",
        "本部门一年内发生多起重大违法行政案件",
        "基本建成覆盖全市、统筹协调的工作体系",
        "马上办、网上办、就近办、一次办、自助办",
        "",
    ],
)
def test_not_targets(text):
    assert extract_targets(text) == []


@pytest.mark.parametrize(
    ("s", "n"),
    [("两", 2), ("十", 10), ("二十", 20), ("一百", 100), ("十二", 12), ("一百零五", 105), ("二〇二二", 2022),
     ("两万三千", 23000), ("60", 60), ("1.5", 1.5), ("3万", 30000)],
)  # fmt: skip
def test_numerals(s, n):
    assert cn_to_number(s) == n


def test_numerals_reject_words():
    assert cn_to_number("统一") is None and cn_to_number("") is None


@pytest.mark.parametrize(
    "text",
    [
        "对符合条件的企业，按60%给予补贴。",
        "按照全市公立医院年度总用量的60%—70%估算采购总量。",
        "医保基金按不低于采购金额的30%提前预付给医疗机构。",
        "参保人员在基层医疗机构住院的，报销比例提高到70%。",
        "困难群众的补助标准不低于每人每月300元。",
        "可对单户金额500万元及以下、费率不超过1%的业务给予适当补贴。",
        "对吸纳就业超过100人的企业给予奖励。",
    ],
)
def test_rates_that_define_a_benefit_are_not_targets(text):
    assert extract_targets(text) == []


@pytest.mark.parametrize(
    ("text", "value", "cmp"),
    [
        ("支小支农担保金额占比不得低于80%。", 80.0, ">="),
        ("年度补助资金结余不得超过5%。", 5.0, "<="),
        ("再担保业务收费原则上不高于承担风险责任的0.5%。", 0.5, "<="),
        ("到2025年，政务服务事项网上可办率达到95%以上。", 95.0, ">="),
        ("引导合作机构逐步将平均担保费率降至1%以下。", 1.0, "<="),
        ("按时办结率达到98%。", 98.0, ">="),
    ],
)
def test_rates_stated_as_goals_are_targets_with_their_direction(text, value, cmp):
    (t,) = extract_targets(text)
    assert (t.value, t.comparator) == (value, cmp)


@pytest.mark.parametrize(
    "text",
    [
        "教师原则上从具有3年以上企业工作经历并具有高职以上学历的人员中公开招聘。",
        "优先从具有专家团队和5年以上优秀培训业绩的机构中选择。",
    ],
)
def test_a_qualification_of_whom_the_plan_selects_is_no_target(text):
    assert extract_targets(text) == []
