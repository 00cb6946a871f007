"""A unit field's list continued on the lines under it (blind20 佳木斯市, blind21 清远市, blind22 通辽市, blind23 汉中市):
"配合单位：A、B、" then "　　　　　　　C" — the names below belong to the field, whether the field ends on 、 or the
names stand indented under it; a line below that is prose, a new item or field, or comes after a blank line, does
not."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan

HEAD = ["某市茶产业发展行动方案", "为推动茶产业高质量发展，制定本方案。", "　　一、重点任务"]
TAIL = ["　　二、保障措施", "　　（一）加强组织领导。成立工作专班。"]
IND = "　" * 7


def _units(lines: list[str]):
    plan = parse_plan(from_text("\n".join([*HEAD, *lines, *TAIL]), path="d.txt"))
    return [(m.lead_units, m.support_units) for m in plan.measures]


@pytest.mark.parametrize("sep", ["、", "，"])
def test_a_list_ending_on_a_separator_goes_on_under_its_field(sep):
    assert _units([
        "　　（一）建设茶园基地。新建生态茶园5000亩。",
        "　　牵头单位：市农业农村局",
        f"　　配合单位：市财政局、市自然资源局{sep}",
        f"{IND}各县（市、区）人民政府、市茶叶研究所",
        "　　（二）培育龙头企业。支持企业技术改造。",
        "　　牵头单位：市工业和信息化局",
        "　　配合单位：市商务局",
    ]) == [
        (["市农业农村局"], ["市财政局", "市自然资源局", "各县(市、区)人民政府", "市茶叶研究所"]),
        (["市工业和信息化局"], ["市商务局"]),
    ]


def test_names_indented_under_the_first_name_go_on_one_a_line():
    assert _units([
        "　　（一）建设茶园基地。新建生态茶园5000亩。",
        "　　责任单位：市农业农村局（牵头）",
        f"{IND}市科技局",
        f"{IND}某某区人民政府",
        "　　（二）培育龙头企业。支持企业技术改造。",
        "　　牵头单位：市工业和信息化局",
        f"{IND}市商务局",
    ]) == [
        (["市农业农村局"], ["市科技局", "某某区人民政府"]),
        (["市工业和信息化局", "市商务局"], []),
    ]


def test_records_of_task_lines_and_fields_keep_the_list_s_rest():
    assert _units([
        "　　1.建设茶园基地。新建生态茶园5000亩。",
        "　　牵头单位：市农业农村局",
        "　　配合单位：市财政局、",
        f"{IND}市自然资源局",
        "　　2.培育龙头企业。支持企业技术改造。",
        "　　牵头单位：市工业和信息化局",
        "　　配合单位：市商务局、",
        f"{IND}市市场监督管理局、市科技局",
    ]) == [
        (["市农业农村局"], ["市财政局", "市自然资源局"]),
        (["市工业和信息化局"], ["市商务局", "市市场监督管理局", "市科技局"]),
    ]


def test_what_is_not_the_list_s_rest_stays_apart():
    doc = from_text("\n".join([*HEAD,
        "　　（一）建设茶园基地。新建生态茶园5000亩。",
        "　　配合单位：市财政局、市自然资源局",
        f"{IND}加强统筹协调，形成工作合力。",  # prose, indented
        "　　（二）培育龙头企业。支持企业技术改造。",
        "　　配合单位：市商务局",
        "　　市科技局",  # not indented deeper, the field not ending on 、
        "　　（三）打响区域品牌。开展品牌宣传推介。",
        "　　配合单位：市商务局、",
        "　　（四）拓展销售渠道。",  # a new item after the 、
        "　　配合单位：市财政局",
        "",
        f"{IND}市农业农村局",  # after a blank line
        "　　（五）加强质量监管。（责任单位：市市场监管局）",
        f"{IND}市科技局",  # the field's bracket is closed
        *TAIL,
    ]), path="d.txt")  # fmt: skip
    texts = [p.text for p in doc.paragraphs]
    for alone in ["加强统筹协调，形成工作合力。", "市科技局", "(四)拓展销售渠道。", "市农业农村局"]:
        assert alone in texts
    assert texts.count("市科技局") == 2
    # and the field ending on 、 is joined where the list goes on
    doc = from_text("\n".join([*HEAD, "　　（一）建设茶园基地。", "　　配合单位：市财政局、", f"{IND}市科技局", *TAIL]), path="d.txt")
    assert "配合单位：市财政局、市科技局" in [p.text for p in doc.paragraphs]


def test_traditional_fields_are_joined_after_normalisation():
    assert _units([
        "　　（一）建設茶園基地。新建生態茶園5000畝。",
        "　　牽頭單位：市農業農村局",
        f"{IND}市口岸辦",
        "　　配合單位：市財政局、",
        f"{IND}市科技局",
        "　　（二）培育龍頭企業。支持企業技術改造。",
        "　　牽頭單位：市工業和信息化局",
    ]) == [(["市农业农村局", "市口岸办"], ["市财政局", "市科技局"]), (["市工业和信息化局"], [])]  # fmt: skip


def test_names_one_a_line_under_a_bare_label():
    assert _units([
        "　　（一）建设茶园基地。新建生态茶园5000亩。",
        "　　牵头单位：市农业农村局",
        "　　配合单位：",
        "　　市财政局",
        "　　市科技局",
        "　　（二）培育龙头企业。支持企业技术改造。",
        "　　牵头单位：市工业和信息化局",
    ]) == [(["市农业农村局"], ["市财政局", "市科技局"]), (["市工业和信息化局"], [])]
