"""A responsibility list whose lines name the measures by their own bracketed numbering inside 第…项:
"第（一）项：X牵头，Y、Z配合。" (blind21 宁夏回族自治区: an 附件 重点任务责任分工 after the plan, the measures
（一）…（七） naming no unit). Each line gives the measure it names its units; a line whose text is no responsibility
clause gives none. Data: rulesets/data/assignment_lists.yaml."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

PLAN = """某省茶产业高质量发展实施方案
为推动茶产业高质量发展，制定本方案。
一、发展目标
到2028年，全省茶园面积稳定在100万亩左右。
二、重点任务
{items}
三、保障措施
（一）加强组织协调。工作专班统筹推进方案实施。
（二）加大政策扶持。统筹各类涉农资金支持茶产业。
"""
CN_ITEMS = """（一）稳定茶园基地。实施低效茶园改造，每年改造提升3万亩。
（二）推进良种繁育。建设茶树种质资源圃，选育新品种。
（三）做强精深加工。支持企业研发茶饮料、茶食品等产品。"""


def units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    plan = parse_plan(from_text(text, path="draft.txt"))
    return {m.label: (m.lead_units, m.support_units) for m in plan.measures}


def test_an_annexed_list_names_the_measures_by_their_bracketed_numbers() -> None:
    text = PLAN.format(items=CN_ITEMS) + """
附件

重点任务责任分工

第（一）项：省林业和草原局牵头，省农业农村厅、某某市人民政府配合。
第（二）项：省林业和草原局、省科技厅牵头，省农业科学院配合。
第（三）项：省工业和信息化厅负责。
"""
    assert units(text) == {
        "(一)": (["省林业和草原局"], ["省农业农村厅", "某某市人民政府"]),
        "(二)": (["省林业和草原局", "省科技厅"], ["省农业科学院"]),
        "(三)": (["省工业和信息化厅"], []),
    }


def test_arabic_bracketed_numbers_without_a_heading() -> None:
    items = """（1）稳定茶园基地。实施低效茶园改造，每年改造提升3万亩。
（2）推进良种繁育。建设茶树种质资源圃，选育新品种。"""
    text = PLAN.format(items=items) + """
第（1）项：省农业农村厅牵头，省财政厅配合。
第（ 2 ）项任务：省科技厅负责。
"""
    assert units(text) == {"(1)": (["省农业农村厅"], ["省财政厅"]), "(2)": (["省科技厅"], [])}


def test_a_line_that_is_no_responsibility_clause_assigns_nothing() -> None:
    text = PLAN.format(items=CN_ITEMS) + """
附件

重点任务责任分工

第（一）项：省林业和草原局牵头，省农业农村厅配合。
第（二）项：省工业和信息化厅负责。
第（三）项：2027年底前完成。
"""
    got = units(text)
    assert got["(一)"] == (["省林业和草原局"], ["省农业农村厅"])
    assert got["(二)"] == (["省工业和信息化厅"], [])
    assert got["(三)"] == ([], [])
