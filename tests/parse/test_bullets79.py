"""Bulleted tasks in two layouts the bullet reader missed (fixtures/bullets79; blind79's 河南 "◆" 意见 and 丹阳 one-line
"●" notice showed the class):

- unnumbered tasks under numbered GROUP headings (二、夯实仓储设施基础 ◆…◆… 三、严格库存管理 ◆…), or under 专项行动
  headings （一）X专项行动 inside 二、重点任务: the heading titles an area of work, not the tasks, and each bullet carries
  its own unit clause — the bullets are the measures (engine/parse/bullets.py `group_heading`, `_own_clauses`);
- a page scraped as one line: the marks stand inside the line, so the line is cut before them as it is cut at its
  inline numbering (`inline_cuts`).

Bullets that share one clause inside a measure, a goals heading's bullets (even with a unit named) and the safeguards'
stay text. The golds of fixtures/bullets79 are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.bullets import group_heading, inline_cuts
from engine.parse.numbering import inline_markers

HEAD = "某市人民政府关于加强城市供水保障的意见\n\n各县（区）人民政府，市政府各部门：\n\n　　现提出如下意见。\n\n"
TAIL = "四、保障措施\n\n◆加强组织领导。\n\n◆强化资金保障。\n\n某市人民政府\n2026年5月6日\n"


def _plan(text: str):
    return parse_plan(from_text(text, "plan.txt"))


def test_a_group_heading_titles_an_area_of_work_and_nothing_else():
    assert group_heading("夯实仓储设施基础") and group_heading("河湖“清四乱”专项行动") and group_heading("严格库存管理：")
    assert not group_heading("保障措施") and not group_heading("强化保障")  # safeguards
    assert not group_heading("总体要求") and not group_heading("2027年发展目标") and not group_heading("基本原则")
    assert not group_heading("实施步骤") and not group_heading("职责分工") and not group_heading("发展现状")
    assert not group_heading("推进改厕，治理污水")  # a sentence, not a title
    assert not group_heading("推进集中供水（市水务局负责）")  # a measure with its clause


def test_bullets_with_their_own_clauses_under_group_headings_are_the_measures():
    text = HEAD + (
        "一、总体要求\n\n　　到2028年，城市公共供水普及率达到99%。\n\n"
        "二、提升供水设施水平\n\n◆改造老旧管网。2027年底前完成老旧供水管网改造120公里。（市水务局牵头，市财政局配合）\n\n"
        "◆建设应急水源。（市水务局负责）\n\n"
        "三、强化水质安全监管\n\n◆开展水质监测。每月公开出厂水和管网末梢水水质。（市卫生健康委负责）\n\n"
    ) + TAIL
    plan = _plan(text)
    assert [m.label for m in plan.measures] == ["◆", "◆", "◆"]
    assert [m.lead_units for m in plan.measures] == [["市水务局"], ["市水务局"], ["市卫生健康委"]]
    assert [m.support_units for m in plan.measures] == [["市财政局"], [], []]


def test_one_bullet_under_one_group_heading_is_no_list():
    text = HEAD + (
        "一、提升供水设施水平\n\n　　推进管网改造。（市水务局负责）\n\n"
        "二、强化水质安全监管\n\n◆开展水质监测。每月公开水质。（市卫生健康委负责）\n\n"
        "三、优化供水服务\n\n　　推行网上办理。（市水务集团负责）\n\n"
    ) + TAIL
    assert "◆" not in [m.label for m in _plan(text).measures]


def test_points_sharing_one_clause_under_a_group_heading_stay_its_text():
    text = HEAD + (
        "一、提升供水设施水平\n\n　　推进管网改造。（市水务局负责）\n\n"
        "二、强化水质安全监管\n\n◆开展水质监测；\n\n◆公开水质信息。\n\n（市卫生健康委负责）\n\n"
        "某市人民政府\n2026年5月6日\n"
    )
    plan = _plan(text)
    assert [m.label for m in plan.measures] == ["一", "二"]
    assert "公开水质信息" in plan.measures[1].text


def test_goals_with_a_unit_named_stay_text():
    text = HEAD + (
        "一、三年行动目标\n\n◆公共供水普及率达到99%。（市水务局负责）\n\n◆水质达标率100%。（市卫生健康委负责）\n\n"
        "二、重点任务\n\n（一）改造老旧管网。（市水务局负责）\n\n（二）开展水质监测。（市卫生健康委负责）\n\n"
    ) + TAIL
    assert [m.label for m in _plan(text).measures] == ["(一)", "(二)"]


def _cuts(text: str) -> list[int]:
    return inline_cuts(text, inline_markers(text))


def test_a_one_line_page_is_cut_before_its_bullet_marks():
    text = "二、整治任务●规范核准。严格核准。(市城管局负责) ●严查违法。依法查处。(市公安局负责)三、工作要求加强领导。"
    cuts = _cuts(text)
    assert [text[c] for c in cuts] == ["●", "●"]
    assert text[cuts[0] - 1] == "务"  # right after the short heading


def test_marks_inside_running_text_are_no_cuts():
    assert _cuts("一、优化流程申请→受理→审核→办结，全程网办。二、加强宣传。") == []
    assert _cuts("一、评定等级三星级★★★以上。二、加强宣传。") == []
    assert _cuts("一、工作目标●提升品质。二、重点任务推进改造。") == []  # one mark is no list


def test_a_one_line_notice_reads_its_bullet_measures():
    text = (
        "某县人民政府办公室关于开展城区违规广告牌整治的通知 各乡镇人民政府，县政府各部门： 现将有关事项通知如下： "
        "一、整治时间 2026年6月至9月。 二、整治任务 ●拆除违规广告牌。对城区主干道违规设置的广告牌依法拆除。（县城市管理局牵头，"
        "县市场监督管理局配合） ●规范审批管理。严格户外广告设置审批。（县城市管理局负责） 三、工作要求 各单位要加强协作。 "
        "某县人民政府办公室 2026年5月20日\n"
    )
    plan = _plan(text)
    assert [m.label for m in plan.measures] == ["●", "●"]
    assert [m.lead_units for m in plan.measures] == [["县城市管理局"], ["县城市管理局"]]
    assert [m.support_units for m in plan.measures] == [["县市场监督管理局"], []]
