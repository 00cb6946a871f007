"""Plans whose measures are an 附件's task list after a short notice or body (fixtures/annex72/, see its README).

A 印发 notice or a plan body with numbered paragraphs of its own that are no measures (the notice's 一、高度重视
二、细化方案, its 1．2．3． points; the plan's 一、工作目标 二、重点任务 "见附件" 三、保障措施; bare group names
（一）X。（二）Y。 under 二、主要任务) and the tasks in an 附件 重点任务清单 / 任务分工 as numbered paragraphs naming their
units — placed after the signature, after the 抄送/印发 版记, or as 附件2 after the plan itself:

1. the attachment is a part of its own (engine/parse `_attached_tables`, `_unit_list`): its items are not children of
   the body's last item (三、保障措施's (二)), where they were framed with it;
2. a body that points to the attachment (closing.yaml `annex_pointers`: 具体任务见附件, （见附件2）) and whose own items
   mostly name no unit frames its tasks (`_annex_body`): none of its items is a measure; a body whose items name their
   units keeps them, and a task table restating title-only items (cut as restating) still gives them their units;
3. an attachment holding tasks no longer keeps every later one: 附件2 联络员名单 1.… is cut (`_attachment_start`);
4. the notice's own numbered paragraphs are cut when a publicity note stands between its date and the plan's title,
   and when its heading names the plan without 《》 (`_notice_items`).
The hand-counted golds of fixtures/annex72 are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.closing import points_to_annex


def refs(text: str) -> list[str]:
    return [m.ref for m in parse_plan(from_text(text, path="draft.txt")).measures]


def leads(text: str) -> dict[str, list[str]]:
    return {m.ref: m.lead_units for m in parse_plan(from_text(text, path="draft.txt")).measures}


NOTICE = """某某市人民政府办公室关于印发{quoted}的通知

各县（区）人民政府，市直各单位：
　　{cover}现印发给你们，并提出如下要求：
　　一、提高认识。各县（区）要把此项工作列入重要议事日程。
　　二、强化调度。市住房城乡建设局每季度通报一次进展。
　　三、严格考核。工作情况纳入年度目标考核。

　　附件：某某市老旧小区加装电梯任务清单

某某市人民政府办公室
2026年4月1日
{note}
某某市老旧小区加装电梯工作方案

　　一、工作目标
　　到2027年，全市老旧小区累计加装电梯500部。
　　二、重点任务
　　{pointer}
　　三、保障措施
　　（一）加强组织领导。建立市级联席会议制度。
　　（二）加强资金保障。市财政对加装电梯给予每部10万元补助。

附件

某某市老旧小区加装电梯任务清单

　　{n1}简化审批流程。推行加装电梯联合审查，审批时限压缩至15个工作日。（市住房城乡建设局牵头，市自然资源和规划局配合）
　　{n2}落实财政补助。制定补助资金拨付办法，做到应补尽补。（市财政局负责）
　　{n3}加强安全监管。对加装电梯施工和使用开展全过程监管。（市市场监管局牵头，市住房城乡建设局配合）

抄送：市委办公室。
某某市人民政府办公室　　　　　　2026年4月2日印发
"""


def notice(**over: str) -> str:
    fields = {
        "quoted": "《某某市老旧小区加装电梯工作方案》",
        "cover": "《某某市老旧小区加装电梯工作方案》已经市政府同意，",
        "note": "",
        "pointer": "具体任务见附件。",
        "n1": "1.",
        "n2": "2.",
        "n3": "3.",
    }
    return NOTICE.format(**(fields | over))


@pytest.mark.parametrize(
    "text",
    ["具体任务见附件。", "组织实施6项重点任务（见附件2）。", "各项任务的具体内容和责任分工详见附件。", "具体分工参见附表1。"],
)
def test_a_pointer_to_the_annex(text):
    assert points_to_annex(text)


@pytest.mark.parametrize("text", ["按照附件1所列任务抓好落实。", "附件：任务清单", "加强组织领导。"])
def test_no_pointer(text):
    assert not points_to_annex(text)


def test_the_annex_items_are_the_measures():
    assert refs(notice()) == ["1", "2", "3"]
    assert leads(notice())["2"] == ["市财政局"]


def sections(text: str) -> list[str]:
    return [s.title for s in parse_plan(from_text(text, path="draft.txt")).sections]


@pytest.mark.parametrize(
    "over",
    [{}, {"note": "（此件公开发布）\n"}, {"quoted": "某某市老旧小区加装电梯工作方案", "cover": ""}],
    ids=["quoted", "publicity-note", "unquoted"],
)
def test_the_notices_own_paragraphs_are_no_part_of_the_plan(over):
    text = notice(**over)
    assert refs(text) == ["1", "2", "3"]
    assert sections(text)[:3] == ["工作目标", "重点任务", "保障措施"]  # 一、提高认识 … are the notice's


def test_annex_items_numbered_like_the_plans_own_headings():
    assert refs(notice(n1="一、", n2="二、", n3="三、")) == ["一", "二", "三"]


def test_bare_group_names_under_the_pointer_are_no_measures():
    groups = "围绕以下两个方面推进，具体任务见附件。\n　　（一）优化审批服务。\n　　（二）强化资金和安全保障。"
    assert refs(notice(pointer=groups)) == ["1", "2", "3"]


def test_without_a_pointer_the_annex_items_still_stand_apart():
    # no 见附件: the body still frames nothing by itself, but the attachment's items are its own part, no (二)'s
    assert refs(notice(pointer="围绕审批、资金、安全三个方面推进加装电梯工作。"))[-3:] == ["1", "2", "3"]


SHORT_TASKS = """某某县2026年爱国卫生工作要点

　　一、工作目标
　　全县国家卫生乡镇比例达到60%。
　　二、重点工作
　　（一）开展城乡环境卫生整治。
　　（二）加强病媒生物防制。
　　（三）推进健康县城建设。
　　三、工作要求
　　各单位要加强协作，确保各项工作落到实处。
"""


def test_short_title_only_tasks_with_no_annex_stay_measures():
    assert refs(SHORT_TASKS) == ["(一)", "(二)", "(三)"]


BODY_WITH_UNITS = """某某县农村公路养护工作方案
一、工作目标
到2027年，全县农村公路优良中等路率达到85%以上。
二、主要任务
（一）落实养护责任。建立县乡村三级路长制。（县交通运输局牵头，各乡镇人民政府配合）
（二）加大资金投入。县财政每年安排养护资金3000万元。（县财政局负责）
（三）推进数字化管理。建设农村公路信息管理平台。（县交通运输局负责）
具体工作安排见附件。
某某县人民政府办公室
2026年3月1日
附件
某某县农村公路养护年度任务清单
1.完成县道大中修30公里。（县交通运输局负责）
2.完成乡道安防工程50公里。（县交通运输局牵头，各乡镇人民政府配合）
3.开展桥梁定期检测。（县公路事务中心负责）
"""


def test_a_body_whose_items_name_units_keeps_them():
    got = refs(BODY_WITH_UNITS)
    assert got[:3] == ["(一)", "(二)", "(三)"]
    assert leads(BODY_WITH_UNITS)["(三)"] == ["县交通运输局"]


CONTACTS = "\n附件2\n\n某某市老旧小区加装电梯工作联络员名单\n\n　　1.市住房城乡建设局　王某　0000-1234567\n　　2.市财政局　李某　0000-7654321\n"


def test_a_later_attachment_of_names_is_cut():
    text = notice().replace("\n抄送：", CONTACTS + "\n抄送：")
    assert refs(text) == ["1", "2", "3"]
