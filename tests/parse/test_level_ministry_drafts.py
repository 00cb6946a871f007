"""A ministry's draft for comment on its portal (blind6 交通运输部: level read as county, no jurisdiction):
a national body issuing or publishing a plan speaks for the whole country (the unit registry's national
names: 交通运输部, 交通运输部办公厅, 审计署, 海关总署, 市场监管总局), and 全县 inside 健全县乡村 is no
self-word (levels.yaml not_preceded_by), so neither the portal's furniture nor a word's tail decides."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.level import infer, level_of_self_words

PAGE = """首页 > 政务公开 > 征求意见
{title}（征求意见稿）
为推进农村客货邮融合发展，制定本行动方案。
一、总体要求
到2027年，农村客货邮融合发展水平明显提升。
二、重点任务
（一）健全县乡村三级站点体系。依托客运站建设综合服务站点。（运输服务司、国家邮政局负责）
（二）优化农村客运线路网络。推动城乡公交一体化。（运输服务司负责）
{issuer}
2025年3月18日
意见反馈
姓名：*
联系电话：*
"""


@pytest.mark.parametrize("issuer", ["交通运输部办公厅", "交通运输部", "国家数据局", "海关总署", "市场监管总局"])
def test_a_national_bodys_draft_is_national(issuer: str) -> None:
    plan = parse_plan(from_text(PAGE.format(title="农村客货邮融合发展三年行动方案", issuer=issuer), path="p.txt"))
    assert (plan.level, plan.jurisdiction) == ("national", "全国")


def test_a_ministry_opening_the_title_is_national() -> None:
    assert infer(["交通运输部关于推进农村客货邮融合发展的实施意见"], "") == ("全国", None, "national")


@pytest.mark.parametrize("title", ["公安部门联合执法工作方案", "财政部门预算管理工作方案"])
def test_a_kind_of_department_is_no_ministry(title: str) -> None:
    assert infer([title], "")[2] != "national"


def test_a_word_ending_in_a_self_word_is_none() -> None:
    assert level_of_self_words("健全县乡村三级站点体系。完善市场体系。") is None
    assert level_of_self_words("全县新建站点10个。") == "county"
