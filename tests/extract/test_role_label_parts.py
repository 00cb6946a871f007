"""A role label's role is read from its parts (rulesets/data/roles.yaml `labels.composed`, `labels.qualifiers`),
not from a list of whole labels: each office coins its pair from one action or duty word and two role words,
and blind20–23 each brought one the list lacked (领衔单位/协同单位 丽水市, 主体责任单位/协作单位 安顺市,
第一责任单位/其他责任单位 三明市, 主责单位/协责单位 柞水县, 主抓：/协抓： 达埔镇, 主办：/会办： 体育总局).
Also 〔〕 as the brackets of a clause (“〔牵头：X；协同：Y〕”, 文化和旅游部), and a document's own labels defined in
its notice (“A角为牵头责任部门，B角为配合责任部门”, 柳江镇; rulesets/data/lead_conventions.yaml `defined_labels`).

Guards: a sentence merely holding such words (其他责任单位要…, 会办, 主抓) is no label; A角 lines in a document that
defines nothing stay unread; a unit named in a notice as the lead ("县农业农村局为牵头单位") defines no label;
a document number in 〔〕 is no clause. Every clause below is written for these tests (places and units of
their own); the blind documents themselves are measured in tests/acceptance/test_unseen.py."""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility
from engine.ingest import from_text
from engine.parse import parse_plan

BODY = "建立重点项目台账，实行清单化管理，按月调度工作进展。"

# (clause, leads, supports): levels 部 (司局), 省 (厅), 市/县 (局), 区 (办), 镇 (办所, 村)
PARTS = [
    # 领衔 as a lead stem
    ("（领衔单位：市发展改革委；协同单位：市统计局、市审计局）", ["市发展改革委"], ["市统计局", "市审计局"]),
    ("（领衔部门：省科技厅；协同部门：省财政厅、省教育厅）", ["省科技厅"], ["省财政厅", "省教育厅"]),
    # a qualifier before a duty stem: 主体/第一/主要/牵头 the lead, 其他/配合 the support
    ("（主体责任单位：区住房和城乡建设局；协作单位：区城市管理局、各街道办事处）",
     ["区住房和城乡建设局"], ["区城市管理局", "各街道办事处"]),
    ("（第一责任单位：县卫生健康局；其他责任单位：县医疗保障局、县财政局）", ["县卫生健康局"], ["县医疗保障局", "县财政局"]),
    ("（第一责任司局：规划司；其他责任司局：法规司、财务司）", ["规划司"], ["法规司", "财务司"]),
    ("（主要负责单位：市水务局；其他责任单位：市财政局）", ["市水务局"], ["市财政局"]),
    ("（牵头责任部门：区教育局；配合责任部门：区体育局、区卫生健康局）", ["区教育局"], ["区体育局", "区卫生健康局"]),
    # a role morpheme and an action: 主/协/会 + 责/抓/办, as a field's stem and as a bare label
    ("主责单位：镇农业综合服务中心　　协责单位：镇财政所、各村民委员会", ["镇农业综合服务中心"], ["镇财政所", "各村民委员会"]),
    ("（主责部门：省农业农村厅；协责部门：省财政厅）", ["省农业农村厅"], ["省财政厅"]),
    ("（主抓：镇综合执法队；协抓：镇派出所、各村民委员会）", ["镇综合执法队"], ["镇派出所", "各村民委员会"]),
    ("（主抓单位：区政府办；协抓单位：区财政局）", ["区政府办"], ["区财政局"]),
    ("（主办：规划司；会办：法规司、财务司）", ["规划司"], ["法规司", "财务司"]),
    ("（主办单位：省交通运输厅；会办单位：省公安厅、省应急管理厅）", ["省交通运输厅"], ["省公安厅", "省应急管理厅"]),
    # 〔〕 as a clause's brackets: the closing 〕 is no part of the last unit
    ("〔牵头：市场司；协同：法规司、科技司〕", ["市场司"], ["法规司", "科技司"]),
    ("〔牵头单位：县商务局；配合单位：县财政局、县市场监督管理局〕", ["县商务局"], ["县财政局", "县市场监督管理局"]),
    ("〔主办：区文化和旅游局；会办：区体育局〕", ["区文化和旅游局"], ["区体育局"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), PARTS)
def test_a_label_composed_of_role_parts_is_read(clause, lead, support):
    r = extract_responsibility(BODY + clause, prose=True)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)


TRAD_PLAN = """XX市蠟染產業發展實施方案

一、重點任務
（一）強化技藝保護。每年培訓繡娘500人次。（主體責任單位：市文化和旅遊局；協作單位：市人力資源社會保障局、市婦聯）
（二）培育經營主體。支持企業發展。（第一責任單位：市工業和信息化局；其他責任單位：市財政局）
（三）規範市場秩序。開展專項整治。〔牽頭：市市場監管局；協同：市公安局〕
（四）拓寬營銷渠道。發展直播電商。
主抓：市商務局；協抓：市文化和旅遊局、市郵政管理局
"""


def test_a_traditional_plan_s_labels_are_read_from_their_parts():
    plan = parse_plan(from_text(TRAD_PLAN))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("(一)", ["市文化和旅游局"], ["市人力资源社会保障局", "市妇联"]),
        ("(二)", ["市工业和信息化局"], ["市财政局"]),
        ("(三)", ["市市场监管局"], ["市公安局"]),
        ("(四)", ["市商务局"], ["市文化和旅游局", "市邮政管理局"]),
    ]


GUARD_PLAN = """XX县茶产业发展工作方案

一、重点任务
（一）建设标准茶园。每年新建标准茶园1000亩，其他责任单位要积极配合。（第一责任单位：县农业农村局）
（二）培育茶叶品牌。由县政府办公室会办，按月调度。（主办单位：县商务局；会办单位：县市场监督管理局）
（三）发展茶旅融合。各乡镇要主抓茶旅项目，协抓配套设施建设。（牵头单位：县文化和旅游局）
（四）强化质量监管。按照《县茶叶质量管理办法》（县政发〔2024〕3号）开展抽检。〔牵头单位：县市场监督管理局〕
"""


def test_role_words_in_a_sentence_are_no_labels_and_a_document_number_is_no_clause():
    plan = parse_plan(from_text(GUARD_PLAN))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("(一)", ["县农业农村局"], []),
        ("(二)", ["县商务局"], ["县市场监督管理局"]),
        ("(三)", ["县文化和旅游局"], []),
        ("(四)", ["县市场监督管理局"], []),
    ]


AB_PLAN = """XX县{town}人民政府
关于印发《{town}集镇环境整治工作方案》的通知

各村（社区），镇属各部门：
　　现将《{town}集镇环境整治工作方案》印发给你们，请按照{a}、{b}分工抓好落实。{definition}

{town}集镇环境整治工作方案

　　一、工作任务
　　（一）整治占道经营。规范外摆经营和店招店牌设置。
　　{a}：镇综合行政执法队
　　{b}：镇派出所、镇市场监管所
　　（二）整治生活垃圾。建立垃圾分类收运体系。
　　{a}：镇建设管理中心、镇农业服务中心
　　{b}：各村民委员会
　　（三）提升公共设施。完善公共厕所和停车场标识。
　　{a}：镇建设管理中心
　　二、工作要求
　　各责任部门要按照分工密切配合。
"""

AB_UNITS = [
    ("(一)", ["镇综合行政执法队"], ["镇派出所", "镇市场监管所"]),
    ("(二)", ["镇建设管理中心", "镇农业服务中心"], ["各村民委员会"]),
    ("(三)", ["镇建设管理中心"], []),
]


@pytest.mark.parametrize(
    ("a", "b", "definition"),
    [
        ("A角", "B角", "A角为牵头责任部门，B角为配合责任部门。"),
        ("A岗", "B岗", "其中，A岗为牵头单位；B岗为配合单位。"),
        ("甲角", "乙角", "甲角是牵头部门，乙角是协办部门。"),
        ("主角单元", "辅角单元", "主角单元为主责单位、辅角单元为协责单位。"),
    ],
)
def test_a_document_s_own_role_labels_are_read_as_it_defines_them(a, b, definition):
    text = AB_PLAN.format(town="青溪镇", a=a, b=b, definition=definition)
    plan = parse_plan(from_text(text))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures if m.ref.startswith("(")][:3]
    assert got == AB_UNITS
    # the clause is quoted as printed, not as the role label it was read as
    assert plan.measures[0].responsibility is not None and a in plan.measures[0].responsibility.text


def test_a_label_is_defined_only_by_a_stated_meaning_and_never_by_a_unit():
    from engine.extract import stated_role_labels  # the reading a document's definitions (new with them)

    assert stated_role_labels("请按照A、B角分工抓好落实。A角为牵头责任部门，B角为配合责任部门。") == (
        ("A角", "lead"),
        ("B角", "support"),
    )
    # a unit named as the lead, a label that is a role label already, a mark convention: no label of the document
    assert stated_role_labels("县农业农村局为牵头单位，县财政局为配合单位。") == ()
    assert stated_role_labels("主办单位为牵头单位，协办单位为配合单位。") == ()
    assert stated_role_labels("带*号的为牵头单位，其余为配合单位。") == ()
    # without a definition, the same A角 lines name no one
    text = AB_PLAN.format(town="青溪镇", a="A角", b="B角", definition="")
    plan = parse_plan(from_text(text))
    assert [(m.lead_units, m.support_units) for m in plan.measures if m.ref.startswith("(")][:3] == [([], [])] * 3
