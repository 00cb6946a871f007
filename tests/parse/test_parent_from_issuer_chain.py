"""A division named alone in the title takes the division above it from the issuer that names both (issue #16, blind9).

A town's plan is titled by the town alone (下营镇长城保护管理工作方案) and signed by its government with the
divisions above it (天津市蓟州区下营镇人民政府); a 街道's notice is issued by 宜昌市西陵区学院街道办事处. The
jurisdiction is the town, and its parent the division right above it as the document states it, for a 乡, a 镇 or a
街道 as for a county (阳新县 titled alone, signed 黄石市阳新县人民政府). A place the issuer does not name keeps no
parent; an issuer naming another place gives none.
"""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.level import infer

ITEMS = (
    "一、重点任务\n"
    "1.加强巡查值守。落实网格化巡查。（责任单位：综合行政执法队）\n"
    "2.开展宣传教育。印发宣传资料。（责任单位：党政综合办公室）\n"
    "二、工作要求\n各单位要高度重视。\n"
)

# a 乡 plan titled by the 乡 alone, signed by its government under its county
XIANG = (
    "箬坑乡2025年森林防火工作方案\n为做好全乡森林防火工作，结合我乡实际，制定本方案。\n"
    f"{ITEMS}祁门县箬坑乡人民政府\n2025年3月2日\n"
)
# a 街道's 印发 notice, issued and signed by its 办事处 under its city and district
JIEDAO = (
    "长沙市芙蓉区文艺路街道办事处\n关于印发《文艺路街道2025年老旧小区改造工作方案》的通知\n"
    "各社区居民委员会，街道各科室：\n现将《文艺路街道2025年老旧小区改造工作方案》印发给你们，请认真贯彻执行。\n"
    "长沙市芙蓉区文艺路街道办事处\n2025年3月18日\n"
    "文艺路街道2025年老旧小区改造工作方案\n为改善辖区居住条件，结合街道实际，制定本方案。\n"
    f"{ITEMS}"
)
# a county titled alone, signed with its city
COUNTY = (
    "阳新县2025年农村公路养护工作方案\n为加强农村公路养护，结合我县实际，制定本方案。\n"
    f"{ITEMS}黄石市阳新县人民政府\n2025年4月1日\n"
)


@pytest.mark.parametrize(
    ("text", "place", "parent", "level"),
    [
        (XIANG, "箬坑乡", "祁门县", "town"),
        (JIEDAO, "文艺路街道", "芙蓉区", "town"),
        (COUNTY, "阳新县", "黄石市", "county"),
    ],
    ids=["xiang", "jiedao", "county"],
)
def test_the_issuer_chain_gives_the_parent(text, place, parent, level):
    plan = parse_plan(from_text(text))
    assert (plan.jurisdiction, plan.parent_jurisdiction, plan.level) == (place, parent, level)


def test_an_issuer_of_another_place_gives_no_parent():
    """The county's government issuing a town's plan: the title's town keeps no parent it was not given."""
    assert infer(["箬坑乡2025年森林防火工作方案", "祁门县人民政府"], "") == ("箬坑乡", None, "town")
    assert infer(["箬坑乡2025年森林防火工作方案", "祁门县历口镇人民政府"], "") == ("箬坑乡", None, "town")


def test_a_place_named_alone_everywhere_keeps_no_parent():
    assert infer(["箬坑乡2025年森林防火工作方案", "箬坑乡人民政府"], "") == ("箬坑乡", None, "town")
