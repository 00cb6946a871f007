"""A closing section of working mechanisms (三、工作机制, 四、推进机制: 每周调度, 考核评价 …) after the tasks is the
plan's machinery, not more tasks (issue #16, blind13 学院路街道): read like a safeguards section (三、保障措施) when
the whole heading is such a word (rulesets/data/sections.yaml `mechanism_titles`) — its items numbered apart from
the measures (another numbering style, or starting again at （一）) are no measures; items that name their units
like the tasks do stay measures, and so does a task section that builds a mechanism (二、健全协调机制)."""

from __future__ import annotations

import pytest

from engine.ingest import load_document
from engine.parse import parse_plan

# a county plan (甘肃) whose tasks are 1.–4. under 二、, each with a field line, then 三、推进机制 in （一）（二）
_ARABIC_TASKS = """临泽县农村人居环境整治提升工作方案
一、工作目标
到2026年，全县农村卫生厕所普及率达到80%以上。
二、重点任务
1.推进农村厕所革命。新建改建户用卫生厕所2000座。
牵头单位：县农业农村局；配合单位：县卫生健康局、各乡镇
2.治理农村生活垃圾。完善村收集、镇转运、县处理体系。
牵头单位：县住房和城乡建设局；配合单位：各乡镇
3.治理农村生活污水。建设污水处理设施15处。
牵头单位：市生态环境局临泽分局；配合单位：县水务局
4.提升村容村貌。开展村庄清洁行动每季度1次。
牵头单位：县农业农村局；配合单位：各乡镇
三、{heading}
（一）月调度制度。县领导小组每月召开调度会，研究解决突出问题。
（二）督查通报制度。每季度对各乡镇进展情况进行督查通报。
四、工作要求
各乡镇、各部门要压实责任，确保各项任务按期完成。
"""


@pytest.mark.parametrize("heading", ["推进机制", "工作机制", "长效机制", "协调推进机制"])
def test_mechanisms_in_a_higher_numbering_after_arabic_tasks_are_not_measures(doc_of, heading):
    plan = parse_plan(doc_of(_ARABIC_TASKS.replace("{heading}", heading)))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]
    assert [s.title for s in plan.sections if s.path == ["三"]] == ["月调度制度", "督查通报制度"]


# a 地级市 bureau's plan (广西) whose tasks are （一）…（三） and whose 四、工作机制 items are 1. 2. (deeper, no units)
_CN_TASKS = """钦州市市场监督管理局食品安全监管提升行动方案
一、总体目标
全年食品抽检合格率保持在98%以上。
二、主要任务
（一）加强校园食品安全监管。每学期开展检查不少于1次。（责任科室：食品经营监管科；协同科室：执法支队）
（二）整治农村集体聚餐风险。建立聚餐备案台账。（责任科室：食品生产监管科）
三、重点保障
（三）提升快检能力。新建快检室5个。（责任科室：食品抽检科；协同科室：各县区局）
四、工作机制
1.周研判机制。每周汇总分析投诉举报数据。
2.联合会商机制。每月与公安、农业农村部门会商1次。
五、工作要求
各科室要加强协作，确保行动取得实效。
"""


def test_deeper_numbered_mechanisms_after_run_on_tasks_are_not_measures(doc_of):
    plan = parse_plan(doc_of(_CN_TASKS))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)"]
    # 协同科室 beside 责任科室 is the support (a bureau's own offices, as 协同单位 beside a lead)
    assert plan.measures[0].support_units == ["执法支队"]
    assert plan.measures[0].lead_units == ["食品经营监管科"]


def test_restarting_mechanisms_after_run_on_tasks_are_not_measures_unless_they_name_units(doc_of):
    """（一）…（三） running across 二、三、, then 四、长效机制 starting again at （一）: apart, like a 保障措施 — but a
    mechanism item that names its units like the tasks do is a task, and 二、健全协调机制 as a task section stays."""
    text = _CN_TASKS.replace("四、工作机制\n1.周研判机制。", "四、长效机制\n（一）周研判机制。").replace(
        "2.联合会商机制。", "（二）联合会商机制。"
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)"]
    named = text.replace("投诉举报数据。", "投诉举报数据。（责任科室：投诉举报科）").replace(
        "会商1次。", "会商1次。（责任科室：综合科）"
    )
    assert len(parse_plan(doc_of(named)).measures) == 5
    built = text.replace("二、主要任务", "二、健全协调机制")
    assert [m.label for m in parse_plan(doc_of(built)).measures] == ["(一)", "(二)", "(三)"]


def test_a_town_plan_with_field_lines_and_a_mechanism_section(tmp_path):
    """Through ingest, as a .txt file: a 镇 plan (四川) with "责任股室/协同股室" lines and 三、工作机制."""
    src = tmp_path / "plan.txt"
    src.write_text(
        "\n".join(
            [
                "青白江区弥牟镇矛盾纠纷多元化解工作方案",
                "一、工作目标",
                "矛盾纠纷调解成功率达到95%以上。",
                "二、重点任务",
                "1.排查化解邻里纠纷。每月开展一次拉网式排查。",
                "责任股室：社会事务办公室；协同股室：派出所、各村（社区）",
                "2.规范人民调解工作。建立调解案件卷宗。",
                "责任股室：综治中心；协同股室：司法所",
                "3.加强重点人群服务管理。建立重点人群台账。",
                "责任股室：综治中心",
                "三、工作机制",
                "（一）周例会机制。每周召开矛盾纠纷研判会。",
                "（二）督办问责机制。对久拖未决的纠纷挂牌督办。",
                "四、工作要求",
                "各村（社区）要高度重视，认真抓好落实。",
            ]
        ),
        "utf-8",
    )
    plan = parse_plan(load_document(str(src)))
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    assert plan.measures[0].support_units == ["派出所", "各村(社区)"]
