"""A site's masthead above a scraped plan (人民网｜时政, 政务公开 > 政策文件, 某某县人民政府门户网站, a
dateline 2025-03-18 15:42:07) is page furniture: it is dropped at the top of the page and never glued onto the
title below it."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan

PLAN = (
    "{masthead}\n"
    "定西市安定区推进县域商业体系建设实施方案\n"
    "为贯彻落实《甘肃省县域商业体系建设行动方案》，结合我区实际，制定本方案。\n"
    "一、重点任务\n"
    "（一）完善县域商业网络。改造提升乡镇商贸中心5个。（责任单位：区商务局、区财政局）\n"
    "（二）发展农村电商。建设村级电商服务站20个以上。（责任单位：区商务局、区农业农村局）\n"
)


@pytest.mark.parametrize(
    "masthead",
    [
        "大公文匯全媒體｜內地政策",  # a news site and its column, traditional characters
        "人民网 | 地方 | 甘肃",
        "中国甘肃网｜政务",
        "政务公开 > 政策文件 > 区政府文件",  # a breadcrumb without 首页
        "定西市安定区人民政府门户网站",  # the site's name alone
        "每日甘肃客户端",
        "2025-03-18 15:42:07　來源：天水市人民政府網站",  # a reprint's dateline
        "2024/11/05  作者：张明  责任编辑：李华",
        # a portal's top bar: a greeting, the site's name, reader aids and other editions
        "欢迎访问定西市安定区人民政府门户网站！无障碍浏览 | 长者模式 | 繁體版 | English",
        "您好，欢迎来到安定区人民政府网站！",
        "无障碍 | 关怀版 | 繁體 | English",
        "手机版 | 无障碍浏览 | 适老化服务",
    ],
)
def test_masthead_is_dropped_and_the_title_is_the_plans(masthead: str) -> None:
    doc = from_text(PLAN.format(masthead=masthead))
    assert doc.removed == [masthead.strip()]
    plan = parse_plan(doc)
    assert plan.title == "定西市安定区推进县域商业体系建设实施方案"
    assert plan.jurisdiction == "安定区"


@pytest.mark.parametrize(
    "line",
    [
        "全面建成覆盖城乡的农村供水网",  # a phrase ending in 网 is not a site's name
        "完善城乡配电网",
        "一、重点任务",
        "各乡镇人民政府，区政府各部门：",
        "定西市安定区推进县域商业体系建设实施方案",
        "人均日供水量>100升",
        "2025年3月18日",  # the plan's own date
        "无障碍环境建设",  # a plan's words for accessibility
        "定西市安定区政府网站集约化建设实施方案",  # a plan about a site is no masthead
    ],
)
def test_plan_lines_at_the_top_are_not_mastheads(line: str) -> None:
    body = "（一）完善县域商业网络。\n（二）发展农村电商。\n（三）健全物流体系。\n（四）强化保障。"
    doc = from_text(f"{line}\n{body}")
    assert doc.removed == []


def test_a_page_saved_as_one_line_keeps_its_title_apart_from_masthead_and_dateline() -> None:
    line = (
        "大公文匯全媒體｜內地政策 定西市安定區推進縣域商業體系建設實施方案 2025-03-18 15:42:07　來源：安定區人民政府網站　"
        "為貫徹落實《甘肅省縣域商業體系建設行動方案》，結合我區實際，制定本方案。一、重點任務 "
        "（一）完善縣域商業網絡。改造提升鄉鎮商貿中心5個。（責任單位：區商務局、區財政局）"
        "（二）發展農村電商。建設村級電商服務站20個以上。（責任單位：區商務局、區農業農村局）"
    )
    doc = from_text(line)
    assert doc.removed == ["大公文匯全媒體｜內地政策", "2025-03-18 15:42:07 來源：安定區人民政府網站"]
    plan = parse_plan(doc)
    assert plan.title == "定西市安定区推进县域商业体系建设实施方案"
    assert plan.jurisdiction == "安定区"
    assert len(plan.measures) == 2


def test_a_plan_sentence_with_a_dash_range_keeps_it() -> None:
    doc = from_text("（一）完善县域商业网络。2021-2025年 改造提升乡镇商贸中心5个。\n（二）发展农村电商。")
    assert doc.removed == []


def test_a_line_with_a_stop_inside_is_never_the_first_half_of_a_title() -> None:
    """A title wrapped over two lines has no 。！？； or | inside its first half: a short line of the page
    above it that is no known furniture (a greeting, a notice) stays out of the title."""
    plan = parse_plan(from_text(PLAN.format(masthead="您好！请登录")))
    assert plan.title == "定西市安定区推进县域商业体系建设实施方案"
