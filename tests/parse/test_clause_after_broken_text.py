"""A measure broken in two mid-sentence (a PDF line cut where a footnote mark stood, a typed break) whose clause
closes the second part: the clause follows the measure's text in its own paragraph, so it is not "apart from the
measure" (issue #16, blind13 新疆: three false "责任分工与措施正文分离，单独成段"). A clause that opens a paragraph of
its own still is."""

from __future__ import annotations

from click.testing import CliRunner

from engine.cli import main
from engine.parse import parse_plan

_PLAN = """宁夏回族自治区枸杞产业高质量发展实施方案
一、重点任务
（一）稳定种植基地。巩固中宁、同心等主产区种植面积，建设标准化基地。（自治区林业和草原局牵头，各市县配合）
（二）改造低产低效园。分年度实施低产低效园
改造，三年累计完成改造10万亩。（自治区林业和草原局牵头，各市县配合）
（三）推进精深加工。开发枸杞原浆、枸杞籽油等产品。（自治区工业和信息化厅牵头，自治区农业农村厅配合）
（四）打造区域品牌。加强宁夏枸杞地理标
志产品保护。（自治区市场监管厅牵头，自治区商务厅配合）
（五）健全质量追溯体系。建立枸杞产品质量追溯平台。
（自治区农业农村厅牵头，自治区市场监管厅配合）
（六）拓展销售渠道。支持企业开设线上旗舰店。（自治区商务厅负责）
二、保障措施
各市县要加强组织领导，确保任务落实。
"""


def test_a_clause_closing_the_second_part_of_a_broken_measure_is_not_detached(doc_of):
    plan = parse_plan(doc_of(_PLAN))
    detached = {m.label: m.responsibility.detached for m in plan.measures if m.responsibility}
    assert detached == {"(一)": False, "(二)": False, "(三)": False, "(四)": False, "(五)": True, "(六)": False}


def test_the_format_check_reports_only_the_clause_standing_alone(tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text(_PLAN, "utf-8")
    result = CliRunner().invoke(main, ["check", "--no-parent", "--format", "json", str(src)])
    apart = [line for line in result.output.splitlines() if "单独成段" in line]
    assert len(apart) == 1, result.output
