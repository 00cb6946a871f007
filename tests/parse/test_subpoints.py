"""Items with sub-points: where the responsibility attaches decides what the measure is (issue #16).

An item 1. (or （一）) with parts （1）（2）… or ①②③ whose units stand after its last part (牵头单位/配合单位
lines, or a clause closing the last part and no other) is one measure holding its parts; where every part
carries its own clause the parts are the measures. fixtures/subpoints/ holds seven plans with gold counted
by hand (see its README); the small texts below pin the rules one at a time.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "subpoints"
GOLDS = sorted(p.name.removesuffix(".expected.yaml") for p in HERE.glob("*.expected.yaml"))
_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "\u3000": " "})
# a part's marker at the start of a line of the measure text: (1) or ①
_PART = re.compile(r"^\s*(?:\(\d{1,2}\)|[①-⑳])", re.M)


def norm(text: str) -> str:
    return text.translate(_WIDTH).replace(" ", "")


def gold(name: str) -> dict:
    return yaml.safe_load((HERE / f"{name}.expected.yaml").read_text("utf-8"))


def plan_of(name: str):
    return load_plan(str(HERE / gold(name)["file"]))


def differences(name: str) -> list[str]:
    want, plan = gold(name), plan_of(name)
    out = []
    if norm(plan.title).removesuffix("(征求意见稿)") != norm(want["title"]):  # the gold names the plan, not the draft
        out.append(f"title {plan.title!r}")
    refs = [norm(m.label) for m in plan.measures]
    if refs != [norm(w["ref"]) for w in want["measures"]]:
        return [*out, f"measures {refs}"]
    for w, m in zip(want["measures"], plan.measures, strict=True):
        where = f"{w['ref']} ({w['starts']})"
        if not norm(m.text).startswith(norm(w["starts"])):
            out.append(f"{where}: text starts {m.text[:20]!r}")
        if [norm(u) for u in m.lead_units] != [norm(u) for u in w["lead"]]:
            out.append(f"{where}: lead {m.lead_units}")
        if [norm(u) for u in m.support_units] != [norm(u) for u in w["support"]]:
            out.append(f"{where}: support {m.support_units}")
        if "parts" in w and len(_PART.findall(m.text)) != w["parts"]:
            out.append(f"{where}: {len(_PART.findall(m.text))} parts in its text, expected {w['parts']}")
        if "under" in w and w["under"] not in (m.parent_measure, *(m.path[-1:])):
            out.append(f"{where}: under {m.parent_measure or m.path}, expected {w['under']}")
    return out


@pytest.mark.parametrize("name", GOLDS)
def test_plan_is_read_as_counted_by_hand(name):
    assert differences(name) == []


@pytest.mark.parametrize("name", GOLDS)
def test_no_measure_runs_on_into_what_follows_the_last(name):
    tail = norm(gold(name)["after_last"])
    assert [m.label for m in plan_of(name).measures if tail in norm(m.text)] == []


def test_seven_plans_of_the_layouts_the_readme_names():
    files = [gold(n)["file"] for n in GOLDS]
    assert len(files) == 7
    assert plan_of("rongshui-county-water-gbk").encoding.lower() in ("gbk", "gb2312", "gb18030")
    text = "".join((HERE / f).read_bytes().decode("gbk" if "gbk" in f else "utf-8") for f in files)
    assert "①" in text and "牵头单位：" in text and "（责任单位：" in text


def test_an_item_holds_its_parts_deadlines_and_the_units_after_them():
    plan = plan_of("xiuwen-county-delivery-lead-lines")
    first = plan.measures[0]
    assert first.title == "完善县级寄递物流中心功能"
    assert "整合邮政、快递和供销物流资源" in first.text and "统一分拣、统一配送" in first.text
    assert [d.date for d in first.deadlines if d.date] == ["2024-06-30"]
    # the unit lines are the clause, not a sentence of the task
    assert not any("牵头单位" in s.text or "配合单位" in s.text for s in first.sentences)
    assert first.parent_measure is None and all(m.parent_measure is None for m in plan.measures)


T = "某县某项工作实施方案\n一、主要任务\n"


def _plan(body: str):
    return parse_plan(from_text(T + body, "draft.txt"))


def test_parts_that_each_carry_a_clause_stay_measures_under_an_item_heading():
    """Items without parts make 1. the measure style; the parts with their own clauses are measures, and 2., a
    title over them that names no unit, heads them (measures on two levels of one section, as blind37 怒江州's gold
    counts (二) over its 1）2）: fixtures/struct37)."""
    plan = _plan(
        "1.完善制度。建立工作台账。（牵头单位：县民政局）\n"
        "2.加强监管。\n（1）开展检查。（牵头单位：县市场监管局）\n（2）公开结果。（牵头单位：县司法局）\n"
        "3.强化培训。每年培训一次。（牵头单位：县人社局）\n"
    )
    assert [(m.ref, m.parent_measure) for m in plan.measures] == [
        ("1", None), ("(1)", None), ("(2)", None), ("3", None)
    ]  # fmt: skip
    assert [m.path[-1] for m in plan.measures[1:3]] == ["2", "2"]
    assert [m.lead_units for m in plan.measures[1:3]] == [["县市场监管局"], ["县司法局"]]


def test_parts_without_units_follow_the_plan_that_puts_units_on_items():
    """No part and not the item name a unit: the other items carry theirs, so the parts are the item's."""
    plan = _plan(
        "1.完善制度。建立工作台账。（牵头单位：县民政局）\n"
        "2.加强监管。\n（1）开展检查。\n（2）公开结果。\n"
        "3.强化培训。每年培训一次。（牵头单位：县人社局）\n"
        "4.加强宣传。广泛宣传政策。（牵头单位：县委宣传部）\n"
    )
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4"]
    assert "公开结果" in plan.measures[1].text and plan.measures[1].lead_units == []


def test_a_plan_naming_no_units_keeps_its_parts_as_measures():
    """Nothing says where units attach: the parts that carry the text stay the measures, as before."""
    plan = _plan("1.加强监管。\n（1）开展检查。\n（2）公开结果。\n2.强化培训。\n（1）每年培训一次。\n（2）建立台账。\n")
    assert [m.label for m in plan.measures] == ["(1)", "(2)", "(1)", "(2)"]


def test_a_part_with_its_own_clause_before_the_last_keeps_the_parts_apart():
    """A clause on a part that is not the last answers for that part: the parts are measures."""
    plan = _plan(
        "1.加强监管。\n（1）开展检查。（牵头单位：县市场监管局）\n（2）公开结果。\n"
        "牵头单位：县司法局\n"
    )
    assert [m.label for m in plan.measures] == ["(1)", "(2)"]
    assert [m.lead_units for m in plan.measures] == [["县市场监管局"], ["县司法局"]]


def test_a_safeguards_section_is_not_folded_into_one_measure():
    """三、保障措施 whose last （三） closes with a clause is a section over general requirements, not an item."""
    plan = parse_plan(
        from_text(
            "某县某项工作实施方案\n一、主要任务\n"
            "1.加强监管。\n（1）开展检查。\n（2）公开结果。\n牵头单位：县市场监管局\n"
            "2.强化培训。\n（1）每年培训一次。\n（2）建立台账。\n牵头单位：县人社局\n"
            "二、保障措施\n（一）加强领导。成立专班。\n（二）强化保障。落实经费。\n"
            "（三）严格考核。纳入年度考核。（责任单位：县委督查室）\n",
            "draft.txt",
        )
    )
    assert [m.label for m in plan.measures] == ["1", "2"]
    assert [s.title for s in plan.sections] == ["主要任务", "保障措施", "加强领导", "强化保障", "严格考核"]


def test_a_page_on_one_line_reads_the_same_items():
    """A scraped page that lost its line breaks: parts and unit lines run together, the items are the same."""
    text = (HERE / "xiuwen-county-delivery-lead-lines.txt").read_text("utf-8")
    one_line = "".join(line.strip() for line in text.splitlines())
    plan = parse_plan(from_text(one_line, "page.txt"))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4", "5"]
    assert [m.lead_units for m in plan.measures] == [
        ["县交通运输局"], ["县邮政分公司"], ["县商务局"], ["县农业农村局"], ["县交通运输局"]
    ]  # fmt: skip


def test_a_deadline_line_after_the_unit_lines_still_closes_the_item():
    """牵头单位/配合单位 then 完成时限：… in every item: the fields after the units do not make them a part's."""
    text = (HERE / "xiuwen-county-delivery-lead-lines.txt").read_text("utf-8")
    plan = parse_plan(from_text(re.sub(r"(配合单位：[^\n]*)", r"\1\n完成时限：2025年底前", text), "draft.txt"))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4", "5"]
    assert plan.measures[1].lead_units == ["县邮政分公司"]
    assert "2025-12-31" in [d.date for d in plan.measures[4].deadlines]


def test_traditional_characters_read_the_same_items():
    import opencc

    text = (HERE / "xiuwen-county-delivery-lead-lines.txt").read_text("utf-8")
    plan = parse_plan(from_text(opencc.OpenCC("s2t").convert(text), "draft.txt"))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4", "5"]
    assert [len(m.support_units) for m in plan.measures] == [3, 2, 3, 2, 2]


def test_a_plan_giving_each_part_its_units_keeps_a_group_that_left_some_out_apart():
    """Most items' parts carry their own clause: a group whose only clause closes its last part is read the
    same way (its first part has no unit, which the lead-unit check should see), not folded."""
    plan = _plan(
        "1.加强监管。\n（1）开展检查。（牵头单位：县市场监管局）\n（2）公开结果。（牵头单位：县司法局）\n"
        "2.强化培训。\n（1）每年培训一次。（牵头单位：县人社局）\n（2）建立台账。（牵头单位：县民政局）\n"
        "3.加强宣传。\n（1）编印宣传册。\n（2）开展宣传月活动。（牵头单位：县委宣传部）\n"
    )
    assert [m.label for m in plan.measures] == ["(1)", "(2)"] * 3
    assert plan.measures[4].lead_units == [] and plan.measures[5].lead_units == ["县委宣传部"]


def _three_deep(second_item_parts: list[str]) -> str:
    """二、主要任务 over 1. items with (1) parts, some with ① sub-parts; each item's clause on its own line."""
    return "\n".join(
        [
            "某市促进托育服务发展实施方案",
            "一、总体目标",
            "到2026年底，每千人口托位数达到5个以上。",
            "二、主要任务",
            "1.扩大普惠托育供给。",
            "（1）建设公办托育中心。各县区依托妇幼保健机构建设托育中心。",
            "（2）发展社区嵌入式托育。",
            "①新建居住区按照每千人不少于10个托位的标准配建托育设施。",
            "②老城区通过购置、租赁等方式补齐托育设施。",
            "（3）支持幼儿园开设托班。2025年秋季起新增托位500个。",
            "（市卫生健康委负责，市教育局、市住房城乡建设局配合）",
            "2.落实托育支持政策。",
            *second_item_parts,
            "（市财政局负责，市税务局配合）",
            "3.加强人才队伍建设。",
            "（1）支持院校开设托育专业，每年培养人才200名。",
            "（2）将保育师纳入职业技能培训补贴目录。",
            "（市人力资源社会保障局负责，市教育局配合）",
            "三、保障措施",
            "1.加强组织领导。建立婴幼儿照护服务联席会议制度。",
            "2.加强监督考核。将托育服务纳入目标管理考核。",
        ]
    )


@pytest.mark.parametrize(
    "second_item_parts",
    [
        ["（1）落实运营补贴。按收托人数给予每人每月300元补贴。", "（2）落实税费优惠。", "①免征增值税。", "②水电气执行居民价格。"],
        ["（1）落实运营补贴。", "①按收托人数给予补贴。", "②补贴资金纳入财政预算。", "（2）落实税费优惠。"],
    ],
)
def test_parts_with_sub_parts_are_the_items_text_when_its_clause_follows_them(second_item_parts):
    """Three deep (1. > (1) > ①): the item's "（X负责，Y配合）" line after its last part (or last sub-part)
    answers for all of them: the 1. items are the measures, each holding its (1) and ① parts."""
    plan = parse_plan(from_text(_three_deep(second_item_parts)))
    assert [m.title for m in plan.measures] == ["扩大普惠托育供给", "落实托育支持政策", "加强人才队伍建设"]
    assert [m.lead_units for m in plan.measures] == [["市卫生健康委"], ["市财政局"], ["市人力资源社会保障局"]]
    assert "②老城区" in norm(plan.measures[0].text)
    assert all(norm(p)[:6] in norm(plan.measures[1].text) for p in second_item_parts)


def test_sub_parts_with_their_own_clauses_stay_apart():
    """Where the parts carry their own clauses, the parts are what answers, three deep as two deep."""
    text = "\n".join(
        [
            "某市促进托育服务发展实施方案",
            "一、主要任务",
            "1.扩大普惠托育供给。",
            "（1）建设公办托育中心。（市卫生健康委负责）",
            "（2）发展社区嵌入式托育。",
            "①新建居住区配建托育设施。",
            "②老城区补齐托育设施。（市住房城乡建设局负责）",
            "2.落实托育支持政策。",
            "（1）落实运营补贴。（市财政局负责）",
            "（2）落实税费优惠。（市税务局负责）",
        ]
    )
    plan = parse_plan(from_text(text))
    assert len(plan.measures) > 2


def _flat_notice(second: list[str]) -> str:
    return "\n".join(
        [
            "某区人民政府办公室关于做好根治拖欠农民工工资工作的通知",
            "各镇人民政府、街道办事处，区政府各委、办、局：",
            "为切实维护农民工合法权益，现就有关工作通知如下：",
            "一、全面开展欠薪隐患排查。对在建工程项目开展拉网式排查，建立台账。（区人社局负责，区住建委配合）",
            *second,
            "三、加快清偿政府投资项目欠款。2026年1月20日前制定清偿计划。（区财政局负责，区发展改革委配合）",
            "四、畅通欠薪维权渠道。一般欠薪线索3个工作日内核实处理。（区人社局负责，区司法局配合）",
            "各镇人民政府、街道办事处和各有关部门要高度重视，于2026年1月10日前将排查情况报送区人社局。",
            "特此通知。",
        ]
    )


def test_the_parts_of_one_item_in_a_flat_list_of_measures_are_its_sub_points():
    """一、…四、 of a 通知 each carry their units: they are the measures; 二、's (一)…(三), with its clause on a line
    after the last of them, are 二、's sub-points (blind6 武清区), though no other item has parts."""
    plan = parse_plan(
        from_text(
            _flat_notice(
                [
                    "二、严格落实工资支付各项制度。",
                    "（一）在建工程项目要全面落实农民工工资专用账户制度。",
                    "（二）施工总承包单位要按月足额拨付农民工工资。",
                    "（三）对未落实制度的项目责令限期整改。",
                    "（区住建委负责，区人社局配合）",
                ]
            )
        )
    )
    assert [m.label for m in plan.measures] == ["一", "二", "三", "四"]
    assert plan.measures[1].lead_units == ["区住建委"] and "按月足额" in plan.measures[1].text
    assert "高度重视" not in plan.measures[-1].text and "高度重视" in plan.closing


def test_a_lone_top_level_group_among_items_without_units_is_not_folded():
    """Where the other top-level items carry no units of their own, one item's parts closed by a clause say
    nothing about the plan: read as before (the parts are nodes)."""
    text = "\n".join(
        [
            "某区根治欠薪工作方案",
            "一、总体要求。坚持标本兼治。",
            "二、主要任务",
            "（一）全面开展欠薪隐患排查。",
            "（二）严格落实工资支付制度。",
            "（区住建委负责，区人社局配合）",
            "三、保障措施。加强组织领导。",
        ]
    )
    plan = parse_plan(from_text(text))
    assert "(二)" in [m.label for m in plan.measures]
