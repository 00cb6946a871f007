"""Items that frame a plan rather than task it, in two classes of layout (blind5 海西州, 山东省):

- a flat plan whose top-level items ARE its measures (一、…九、, each naming its units): a leading 一、总体要求 /
  指导思想 / 工作目标 item (principles, goals, no unit) and a trailing 保障措施 / 组织实施 item are framing;
- a 规划 in 第N章 / 第N节 whose measures are the numbered items (一)… under the 节 of its task chapter: the 节 of
  the overview chapters (第一节 发展基础, 第二节 面临形势) are headings over narrative, never measures.
"""

from __future__ import annotations

import pytest

from engine.parse import parse_plan

_FLAT_TASKS = [
    "二、稳定粮食生产。2026年底前建成高标准农田5万亩。（牵头单位：县农业农村局；配合单位：县财政局）",
    "三、发展特色产业。每年培育龙头企业2家以上。（牵头单位：县农业农村局、县发展改革局；配合单位：各乡镇人民政府）",
    "四、加强生态治理。2027年底前治理水土流失面积20平方公里。（牵头单位：县水利局）",
    "五、扩大开放合作。每年举办招商推介活动不少于2次。（牵头单位：县商务局；配合单位：县工业和信息化局）",
]


def _flat(first: str, *tail: str) -> str:
    return "某县关于加快农业现代化的实施意见\n" + "\n".join(
        ["各乡镇人民政府，县政府各部门：", "为加快农业现代化，提出如下实施意见。", first, *_FLAT_TASKS, *tail]
    )


@pytest.mark.parametrize(
    "first",
    [
        "一、总体要求。坚持农业农村优先发展。到2027年，全县农业总产值突破100亿元。",
        "一、指导思想和工作目标。坚持绿色发展。到2027年，农产品加工转化率达到70%以上。",
        "一、基本原则：坚持市场主导、政府引导，坚持统筹兼顾。",
    ],
)
def test_a_leading_general_item_of_a_flat_plan_is_not_a_measure(doc_of, first):
    plan = parse_plan(doc_of(_flat(first)))
    assert [m.label for m in plan.measures] == ["二", "三", "四", "五"]
    assert plan.sections[0].label == "一"


def test_a_trailing_safeguards_item_of_a_flat_plan_is_not_a_measure(doc_of):
    text = _flat(
        "一、总体要求。到2027年，全县农业总产值突破100亿元。",
        "六、保障措施。各乡镇、各部门要加强组织领导，强化要素保障，确保各项措施落地见效。",
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["二", "三", "四", "五"]
    assert "加强组织领导" not in plan.measures[-1].text


def test_a_task_item_that_left_its_unit_out_stays_a_measure(doc_of):
    """Only the items before the first and after the last one naming units frame the plan; a general-sounding
    title between them is the plan's own item. With no unit anywhere nothing tells the framing from the tasks,
    and the leading item stays a (general) measure."""
    tasks = list(_FLAT_TASKS)
    tasks[1] = "三、工作目标。每年培育龙头企业2家以上。"
    text = "某县关于加快农业现代化的实施意见\n" + "\n".join(
        ["一、总体要求。到2027年，农业总产值突破100亿元。", *tasks]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["二", "三", "四", "五"]
    no_units = "\n".join(line.split("（")[0] for line in text.split("\n"))
    plan = parse_plan(doc_of(no_units))
    assert [(m.label, m.general) for m in plan.measures][:2] == [("一", True), ("二", False)]


_CHAPTERED = [
    "某市防灾减灾规划（2026—2030年）",
    "第一章　发展基础和面临形势",
    "第一节　发展基础",
    "“十四五”期间，全市防灾减灾体制机制不断健全，建成应急避难场所120处。",
    "第二节　面临形势",
    "极端天气多发频发，灾害风险的系统性日益凸显。",
    "第二章　总体要求",
    "第一节　指导思想",
    "坚持以人民为中心，坚持以防为主、防抗救相结合。",
    "第二节　主要目标",
    "到2030年，灾害预警信息公众覆盖率达到98%以上。",
    "第三章　主要任务",
    "第一节　健全体制机制",
    "（一）完善应急指挥体系。2026年底前修订完善应急预案。（市应急局牵头，市减灾委各成员单位配合）",
    "（二）落实防灾减灾责任制。建立灾害调查评估制度。（市应急局牵头，市委组织部配合）",
    "第二节　提升监测预警能力",
    "（三）加强监测网络建设。到2030年自动气象站覆盖率达到100%。（市气象局牵头，市水利局配合）",
    "（四）提高预警发布能力。预警信息发布时效提高到10分钟以内。（市气象局牵头）",
    "第四章　保障措施",
    "第一节　加强组织领导",
    "各级政府要把防灾减灾工作摆在重要位置。",
    "第二节　加大资金投入",
    "各级财政按规定将工作经费纳入预算。",
]


@pytest.mark.parametrize("normalise", [False, True])
def test_sections_of_the_overview_chapters_are_not_measures(doc_of, normalise):
    plan = parse_plan(doc_of("\n".join(_CHAPTERED), normalise=normalise))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)"]
    assert plan.measures[2].path == ["第三章", "第二节"]
    titles = [s.title for s in plan.sections]
    assert "发展基础" in titles and "面临形势" in titles
