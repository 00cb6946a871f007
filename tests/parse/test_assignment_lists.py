"""A plan whose measures name no units in their own text, with a closing (or appended) list mapping the
item numbers to units: "四、任务分工 / 第1项：X牵头，Y、Z配合。" (blind6 上海 街道 行动方案: every measure got
no unit). The list gives each item it names its units, as an attached 任务分工表 does; ranges (第1-3项) and
several numbers (第1、2项) name several items; "（N）标题：X牵头" and "第N条：…" under the list's heading
too. The list's lines are no measures and no measure's text. Data: rulesets/data/assignment_lists.yaml."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

HEAD = """某某街道2025年社区服务提升行动方案
为提升社区服务水平，结合街道实际，制定本方案。
一、工作目标
2025年新增社区服务设施不少于10处。
二、主要任务
1.完善社区养老服务。新建1家综合为老服务分中心，年内安装率达到100%。
2.补齐社区托育短板。新设“宝宝屋”1处，每年开展科学育儿指导活动不少于24场次。
3.打造口袋公园。建设口袋公园2处，9月底前全部完工。
4.提升社区文化服务。全年举办文化活动不少于60场次。
三、工作要求
（一）加强统筹推进。街道成立工作专班，每月召开推进会。
（二）坚持共建共享。推动居民参与项目选址、设计和管理。
"""


def units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    plan = parse_plan(from_text(text, path="draft.txt"))
    return {m.ref: (m.lead_units, m.support_units) for m in plan.measures}


def test_a_closing_list_gives_each_item_its_units() -> None:
    text = HEAD + """四、任务分工
第1项：社区服务办牵头，社区卫生服务中心、各居民区配合。
第2项：社区服务办牵头，社区党建办配合。
第3项：城管中队、社区管理办牵头，各居民区配合。
第4项：社区文化活动中心负责。
"""
    assert units(text) == {
        "1": (["社区服务办"], ["社区卫生服务中心", "各居民区"]),
        "2": (["社区服务办"], ["社区党建办"]),
        "3": (["城管中队", "社区管理办"], ["各居民区"]),
        "4": (["社区文化活动中心"], []),
    }


def test_ranges_and_several_numbers_name_several_items() -> None:
    text = HEAD + """四、责任分工
第1-2项：社区服务办牵头，社区党建办配合。
第3、4项：社区管理办牵头，城运中心配合。
"""
    got = units(text)
    assert got["1"] == got["2"] == (["社区服务办"], ["社区党建办"])
    assert got["3"] == got["4"] == (["社区管理办"], ["城运中心"])


def test_numbered_lines_with_titles_under_the_heading_are_no_measures() -> None:
    text = HEAD + """四、任务分工
（1）完善社区养老服务：社区服务办牵头，社区卫生服务中心配合。
（2）补齐社区托育短板：社区服务办牵头，社区党建办配合。
（3）打造口袋公园：社区管理办牵头，城运中心配合。
（4）提升社区文化服务：社区文化活动中心负责。
"""
    got = units(text)
    assert list(got) == ["1", "2", "3", "4"]
    assert got["1"] == (["社区服务办"], ["社区卫生服务中心"])
    assert got["4"] == (["社区文化活动中心"], [])


def test_article_numbers_under_the_heading() -> None:
    text = HEAD + """四、任务分工
第1条：社区服务办牵头，社区卫生服务中心配合。
第2条：社区服务办牵头，社区党建办配合。
"""
    got = units(text)
    assert list(got) == ["1", "2", "3", "4"]
    assert got["2"] == (["社区服务办"], ["社区党建办"])
    assert got["3"] == ([], [])


def test_a_list_appended_to_the_last_item_is_not_its_text() -> None:
    body = HEAD.split("三、工作要求")[0]
    text = body + """具体分工如下：
第1项：社区服务办牵头，社区党建办配合。
第4项：社区文化活动中心牵头，社区党建办配合。
"""
    plan = parse_plan(from_text(text, path="draft.txt"))
    last = plan.measures[-1]
    assert "第1项" not in last.text and "分工" not in last.text
    assert last.lead_units == ["社区文化活动中心"]
    assert plan.measures[0].lead_units == ["社区服务办"]


def test_an_items_own_clause_wins() -> None:
    text = HEAD.replace("全部完工。", "全部完工。（牵头单位：街道管理办）") + """四、任务分工
第3项：社区管理办牵头，城运中心配合。
"""
    assert units(text)["3"] == (["街道管理办"], [])


def test_a_number_beyond_the_items_above_gives_nothing() -> None:
    text = HEAD + """四、任务分工
第30项：社区管理办牵头，城运中心配合。
"""
    assert all(v == ([], []) for v in units(text).values())


def test_one_line_without_a_heading_is_no_list() -> None:
    text = HEAD + """第2项：社区服务办牵头，社区党建办配合。
"""
    assert units(text)["2"] == ([], [])


def test_an_unread_line_does_not_break_the_list() -> None:
    text = HEAD + """四、任务分工
第1项：社区服务办牵头，社区党建办配合。
第2项：由社区服务办会同有关方面研究确定牵头单位。
第3项：社区管理办牵头，城运中心配合。
"""
    got = units(text)
    assert got["1"] == (["社区服务办"], ["社区党建办"]) and got["3"] == (["社区管理办"], ["城运中心"])
    assert got["2"] == ([], [])
