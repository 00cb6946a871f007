"""The paragraph after the last item of the last section that tells the implementers as a whole to
carry the document out (各设区市、平潭综合实验区要对照本要点…; 各县（市、区）要结合实际抓好落实) is the
closing, not the last measure's text; a paragraph that goes on with the last measure's own content
(各设区市、平潭综合实验区要加强海洋执法…) is the measure's. Small 工作要点 of the class, in simplified
and in traditional characters (the text is read after t2s)."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.ingest.normalise import to_simplified
from engine.parse import parse_plan
from engine.parse.closing import is_address, is_firm

HEAD = (
    "某某省2026年海洋经济发展工作要点\n"
    "为加快建设海洋强省，制定本要点。\n"
    "一、壮大海洋产业\n"
    "1.发展现代海洋渔业。推进深远海养殖，建设海洋牧场5个。（责任单位：省海洋渔业局（牵头）、省发展改革委）\n"
    "2.培育海洋新兴产业。发展海洋生物医药，培育重点企业10家。（责任单位：省工信厅（牵头）、省科技厅）\n"
    "二、强化要素保障\n"
    "3.加强用海保障。优化围填海审批，保障重大项目用海需求。（责任单位：省自然资源厅（牵头）、沿海各市人民政府）\n"
)
SIGNED = "抄送：省委各部门，省人大常委会办公厅。\n某某省人民政府办公厅  2026年2月28日印发\n"

CLOSINGS = [
    "各设区市、平潭综合实验区要对照本要点，结合实际制定具体措施，于2026年12月10日前将工作完成情况报省海洋渔业局。",
    "各设区市、平潭综合实验区要结合实际抓好落实，重大情况及时报告。",
    "各县（市、区）要结合实际，认真抓好贯彻落实。",
    "各县（市、区）人民政府、省直各有关部门要认真贯彻落实。",
    # bodies named after the 各… group, asked to take the work seriously (blind6 武清区 通知)
    "各设区市、平潭综合实验区和各有关部门要高度重视，主要负责同志亲自研究部署，于2026年12月10日前将工作情况报省海洋渔业局。",
    "各设区市、平潭综合实验区要切实加强组织领导，确保各项任务落到实处。",
]


def _plan(text: str, script: str):
    if script == "traditional":
        text = _traditional(text)
    return parse_plan(from_text(text))


def _traditional(text: str) -> str:
    from opencc import OpenCC  # the same converter family ingest uses for t2s

    return OpenCC("s2t").convert(text)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("closing", CLOSINGS)
def test_a_paragraph_to_the_implementers_after_the_last_item_is_the_closing(closing, script):
    plan = _plan(HEAD + closing + "\n" + SIGNED, script)
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    last = plan.measures[-1]
    assert last.text.endswith("人民政府)") or last.text.endswith("人民政府）"), last.text
    assert to_simplified(closing.replace("（", "(").replace("）", ")"))[:8] in to_simplified(plan.closing)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_the_last_measures_own_second_paragraph_stays_its_text_and_the_closing_after_it_does_not(script):
    own = "各设区市、平潭综合实验区要加强海洋执法，严厉打击非法捕捞。"
    text = HEAD + own + "\n" + CLOSINGS[0] + "\n" + SIGNED
    plan = _plan(text, script)
    last = to_simplified(plan.measures[-1].text)
    assert "加强海洋执法" in last and "对照本要点" not in last


@pytest.mark.parametrize(
    "para",
    [
        "各设区市、平潭综合实验区要对照本要点，结合实际制定具体措施。",
        "各县(市、区)要结合实际抓好落实。",
        "各设区市、平潭综合实验区要结合实际抓好落实。",
    ],
)
def test_addresses_with_named_bodies_or_a_bracketed_list(para):
    assert is_address(para)
    # named bodies with the plan's own content, or with no 各… group, address no one as a whole
    if "、平潭" in para:
        assert not is_address(para.replace("要对照", "要加强海洋执法并对照").replace("要结合", "要加强海洋执法并结合"))
    assert not is_address("省海洋渔业局、省发展改革委要对照任务清单推进。")


@pytest.mark.parametrize("para", ["各地要认真执行本要点。", "本工作要点由省发展改革委负责解释。", "本措施由省发展改革委负责解释。"])
def test_the_document_naming_itself_as_any_kind_of_title_is_firm(para):
    assert is_firm(para)


def test_a_word_holding_ben_is_no_self_reference():
    assert not is_firm("坚持基本要点，把握根本措施，降低成本计划外支出。")
