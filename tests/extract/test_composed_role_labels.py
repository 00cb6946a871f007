"""A responsibility field's label is a role stem and a body noun, composed (rulesets/data/roles.yaml `labels`):
each office names its bodies its own way (a ministry 司局, a province 处室/厅局, a county bureau 股室, a town 办所),
and each new one used a label the old list of whole labels lacked (责任司局, 主抓单位, 牵头办所 …), so its clauses
were not read or their lead was lost. A stem alone before a colon ("牵头：X；配合：Y") and a whole clause's label
("责任分工：X牵头，Y配合") are labels too; and the other clause forms that were missed with them: 参加 as a support
verb, "X、Y为共同牵头单位", a sentence of fields written with 为 ("牵头单位为X，配合单位为Y。"), a duty label whose
value says the roles ("责任单位：X为牵头单位，Y为配合单位"), "具体由X负责，Y配合。".

Guards: a person column or field (责任领导, 分管领导) stays a person; 责任单位 alone keeps its meaning (joint leads,
or those taking part beside a lead label); a stem in prose before a colon ("要密切配合：") is no label.
Every clause below is written for these tests (places and domains of their own)."""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility
from engine.ingest import from_text
from engine.parse import parse_plan

BODY = "建立重点项目台账，实行清单化管理，按月调度工作进展。"

# (clause, leads, supports)
COMPOSED = [
    # a ministry's 工作方案: its 司局 lead (责任 stem: the units answer for it, none else said to lead)
    ("（责任司局：规划计划司　配合单位：水资源管理司、各流域管理机构）", ["规划计划司"], ["水资源管理司", "各流域管理机构"]),
    ("责任司局：科技教育司；协同司局：市场与信息化司", ["科技教育司"], ["市场与信息化司"]),
    # a town's offices (办 and 所)
    ("牵头办所：镇农业综合服务中心　配合单位：镇财政所、镇自然资源所", ["镇农业综合服务中心"], ["镇财政所", "镇自然资源所"]),
    ("（牵头站所：镇畜牧兽医站；配合站所：镇林业站）", ["镇畜牧兽医站"], ["镇林业站"]),
    # a city's and a province's lead stems
    ("主抓单位：市住房和城乡建设局；协助单位：市财政局、市自然资源局", ["市住房和城乡建设局"], ["市财政局", "市自然资源局"]),
    ("（牵总单位：省发展改革委；参与单位：省财政厅、省商务厅）", ["省发展改革委"], ["省财政厅", "省商务厅"]),
    ("（牵头厅局：省交通运输厅；配合厅局：省公安厅）", ["省交通运输厅"], ["省公安厅"]),
    # a bare stem before a colon
    ("（牵头：县文化和旅游局；配合：县财政局、各乡镇人民政府）", ["县文化和旅游局"], ["县财政局", "各乡镇人民政府"]),
    ("(主责:区城市管理局;协同:区市场监管局)", ["区城市管理局"], ["区市场监管局"]),
    # 责任单位 beside a bare lead stem: those taking part, as beside 牵头单位
    ("（牵头：县农业农村局；责任单位：县财政局、县水利局）", ["县农业农村局"], ["县财政局", "县水利局"]),
    # a whole clause's label, its value in any form
    ("责任分工：州卫生健康委牵头，州医保局、州财政局配合。", ["州卫生健康委"], ["州医保局", "州财政局"]),
    ("责任分工：州公安局、州交通运输局按职责分工负责。", ["州公安局", "州交通运输局"], []),
    ("（任务分工：区教育局牵头，区体育局配合）", ["区教育局"], ["区体育局"]),
    # a duty label whose value gives each unit its role with 为
    ("（责任单位：区商务局为牵头单位，区财政局、各街道办事处为配合单位）", ["区商务局"], ["区财政局", "各街道办事处"]),
    # several leads "为共同牵头单位"
    ("（市林业局、市农业农村局为共同牵头单位，市财政局为配合单位）", ["市林业局", "市农业农村局"], ["市财政局"]),
    # 参加 closing the support list, as 参与
    ("（市水务局牵头，市财政局、各区人民政府参加）", ["市水务局"], ["市财政局", "各区人民政府"]),
    # fields written with 为 as the closing sentence, no brackets
    ("牵头单位为区生态环境局，配合单位为区水务局、各镇人民政府。", ["区生态环境局"], ["区水务局", "各镇人民政府"]),
    # 具体由X负责，Y配合: the closing sentence of a town's 工作方案
    ("具体由镇综合执法队负责，镇派出所、各村民委员会配合。", ["镇综合执法队"], ["镇派出所", "各村民委员会"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), COMPOSED)
def test_a_composed_label_or_form_is_read(clause, lead, support):
    r = extract_responsibility(BODY + clause, prose=True)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)


PLAN = """XX县民宿产业提质发展工作方案

一、重点任务
（一）规范民宿经营管理
各部门要密切配合：建立民宿登记备案制度，开展消防和食品安全检查。（牵头：县文化和旅游局；配合：县消防救援大队、县市场监督管理局）
（二）提升民宿服务品质
开展民宿管家培训，每年培训200人次。（责任领导：副县长 王某；主抓单位：县人力资源和社会保障局；协助单位：县文化和旅游局）
（三）完善配套设施
责任分工：县交通运输局牵头，县住房和城乡建设局、各乡镇人民政府配合。
（四）加强宣传推介
责任分工：县融媒体中心、县文化和旅游局按职责分工负责。
（五）强化资金支持
（责任单位：县财政局、县农业农村局）
"""


def test_a_plan_s_composed_labels_bare_stems_and_clause_labels():
    plan = parse_plan(from_text(PLAN))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        # "密切配合：" in prose is no label; the bare stems on the line after the heading are
        ("(一)", ["县文化和旅游局"], ["县消防救援大队", "县市场监督管理局"]),
        # 责任领导 is a person: no unit
        ("(二)", ["县人力资源和社会保障局"], ["县文化和旅游局"]),
        # the label 责任分工 is no part of the lead's name
        ("(三)", ["县交通运输局"], ["县住房和城乡建设局", "各乡镇人民政府"]),
        ("(四)", ["县融媒体中心", "县文化和旅游局"], []),
        # 责任单位 alone: joint leads, as ever
        ("(五)", ["县财政局", "县农业农村局"], []),
    ]


ONE_LINE = (
    "XX区湿地保护修复行动方案 一、重点任务 （一）实施退养还湿。完成退养还湿面积2000亩，恢复湿地植被。"
    "牵头单位为区湿地保护中心，配合单位为区农业农村委、区财政局。 （二）加强鸟类保护。建设鸟类监测站点3处。"
    "牵头单位为区规划资源分局。 二、保障措施 加强组织领导。"
)


def test_fields_written_with_wei_close_each_measure_of_a_one_line_page():
    plan = parse_plan(from_text(ONE_LINE))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures if m.ref.startswith("(")]
    assert got == [
        ("(一)", ["区湿地保护中心"], ["区农业农村委", "区财政局"]),
        ("(二)", ["区规划资源分局"], []),
    ]
