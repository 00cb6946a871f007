"""A group responsibility clause after several items assigns them all (engine/extract/groupclause.py,
engine/parse/groupleads.py); and institutions (universities, schools) are read as units in a clause.

Each document below is written for the test, in the forms plans of several provinces and levels use:
a numbered clause of its own paragraph (以上第1—3项 / 第1至3项 / 第(一)至(三)项), one closing an item's
paragraph, the bare 上述任务 / 以上任务 / 本部分任务 (the items of the section so far that name no unit),
with 由X牵头…配合 / 由X负责 / 责任单位：…. An item that names its own units keeps them.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from engine.cli import main
from engine.extract import without_responsibility
from engine.ingest import from_text
from engine.parse import parse_plan


def _plan(text: str):
    return parse_plan(from_text(text))


def _units(plan) -> dict[str, tuple[list[str], list[str]]]:
    return {m.ref: (m.lead_units, m.support_units) for m in plan.measures}


COUNTY = (
    "某某县茶产业提质增效三年行动方案\n"
    "一、主要目标\n到2027年，全县茶园面积稳定在10万亩。\n"
    "二、重点任务\n"
    "（一）提升茶叶品质\n"
    "1.改造低产茶园。每年改造低产茶园5000亩。\n"
    "2.推广绿色防控。建设绿色防控示范区10个。\n"
    "3.推进标准化生产。制定茶叶生产技术规程。\n"
    "（以上第1至3项任务由县农业农村局牵头，县林业局、各乡镇人民政府配合）\n"
    "（二）拓展销售渠道\n"
    "4.发展电子商务。建设茶叶电商服务中心。（县商务局负责）\n"
    "5.打造区域品牌。每年举办茶文化节。\n"
    "（三）强化要素保障\n"
    "6.加强金融支持。推广茶农信贷产品。（县财政局牵头，县农村信用合作联社配合）\n"
    "7.加强人才培训。每年培训茶农2000人次。（县人力资源和社会保障局负责）\n"
    "三、保障措施\n县财政每年安排专项资金。\n"
)


def test_a_numbered_group_clause_of_its_own_paragraph_assigns_each_item_it_names() -> None:
    units = _units(_plan(COUNTY))
    for ref in ("1", "2", "3"):
        assert units[ref] == (["县农业农村局"], ["县林业局", "各乡镇人民政府"]), ref
    assert units["4"] == (["县商务局"], [])
    assert units["5"] == ([], [])  # after the clause: not covered


def test_the_group_clause_is_not_the_last_items_own_text_or_clause() -> None:
    plan = _plan(COUNTY)
    m3 = next(m for m in plan.measures if m.ref == "3")
    assert all("县农业农村局" not in s.text for s in m3.sentences)
    assert "以上第1至3项" not in without_responsibility(m3)
    assert m3.responsibility.line == 9  # the clause's own line, for every item it covers
    # judged once, on the first item it covers; the others inherit it (a chapter's clause counts once)
    judged = [m.responsibility.inherited for m in plan.measures if m.ref in ("1", "2", "3")]
    assert judged == [False, True, True]
    assert {m.responsibility.line for m in plan.measures if m.ref in ("1", "2", "3")} == {9}


def test_a_group_clause_set_apart_is_no_layout_slip_and_covered_items_need_no_lead(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(COUNTY, "utf-8")
    r = CliRunner().invoke(main, ["check", "--no-parent", "--fail-on", "none", "--format", "json", str(path)])
    assert r.exit_code == 0, r.output
    findings = json.loads(r.output)["findings"]
    assert not [f for f in findings if f["rule"] == "format" and "单独成段" in f["message"]]
    missing = {f["local_item"] for f in findings if f["rule"] == "lead-unit-required"}
    assert missing == {"5"}


def test_province_chinese_numbers_in_brackets_and_a_unit_field() -> None:
    plan = _plan(
        "某某省制造业数字化转型实施方案\n"
        "一、总体要求\n坚持企业主体、政府引导。\n"
        "二、主要任务\n"
        "（一）推进设备上云。推动规模以上工业企业关键设备联网。\n"
        "（二）建设工业互联网平台。培育省级平台20个。\n"
        "（三）培育服务商。遴选数字化转型服务商50家。\n"
        "（以上第（一）至（三）项任务责任单位：省工业和信息化厅、省通信管理局）\n"
        "（四）加强人才培养。每年培训数字化人才1万人次。（省人力资源社会保障厅负责）\n"
        "三、保障措施\n加强组织领导。\n"
    )
    units = _units(plan)
    for ref in ("(一)", "(二)", "(三)"):
        assert units[ref] == (["省工业和信息化厅", "省通信管理局"], []), ref
    assert units["(四)"] == (["省人力资源社会保障厅"], [])


def test_city_bare_scope_covers_the_items_so_far_that_name_no_unit_and_own_units_are_kept() -> None:
    plan = _plan(
        "某某市夜间经济发展工作方案\n"
        "一、工作任务\n"
        "（一）打造消费街区\n"
        "1.建设夜间消费街区。每个区建成1条以上夜间消费街区。\n"
        "2.丰富夜间文旅活动。举办夜间文化活动100场。（市文化广电旅游局负责）\n"
        "3.延长营业时间。鼓励商场延长营业时间至22时。\n"
        "上述任务由市商务局牵头，市市场监管局、各区人民政府配合。\n"
        "（二）完善配套服务\n"
        "4.优化夜间交通。增开夜间公交线路10条。\n"
        "（本部分任务由市交通运输局负责）\n"
        "二、保障措施\n加强宣传引导。\n"
    )
    units = _units(plan)
    for ref in ("1", "3"):
        assert units[ref] == (["市商务局"], ["市市场监管局", "各区人民政府"]), ref
    assert units["2"] == (["市文化广电旅游局"], [])  # its own clause wins
    assert units["4"] == (["市交通运输局"], [])


def test_town_numbered_clause_closing_an_items_paragraph_and_a_second_group() -> None:
    plan = _plan(
        "某某镇人居环境整治工作方案\n"
        "一、整治内容\n"
        "1.清理村庄垃圾。每月开展一次集中清理。\n"
        "2.整治农村厕所。完成户厕改造300户。\n"
        "3.治理生活污水。建设污水处理设施5处。（以上第1、2、3项由镇村建办牵头，各村民委员会配合）\n"
        "4.美化村容村貌。每个村建设小公园1个。\n"
        "5.整治乱堆乱放。清理乱堆乱放点位100处。\n"
        "（以上任务由镇综合执法队负责）\n"
        "二、工作要求\n各村要高度重视。\n"
    )
    units = _units(plan)
    for ref in ("1", "2", "3"):
        assert units[ref] == (["镇村建办"], ["各村民委员会"]), ref
    for ref in ("4", "5"):
        assert units[ref] == (["镇综合执法队"], []), ref


def test_a_bare_scope_inside_an_items_own_paragraph_is_that_items_clause_only() -> None:
    from engine.extract.groupclause import trailing_group_clause

    plan = _plan(
        "某某区垃圾分类工作方案\n"
        "一、工作任务\n"
        "（一）完善设施\n"
        "1.完善分类设施。新建分类投放点200个。\n"
        "2.加强宣传培训。开展进社区宣传活动50场。以上任务由区城市管理委员会负责。\n"
        "（二）强化执法\n"
        "3.开展执法检查。每季度开展一次专项执法检查。\n"
        "4.曝光违规行为。定期通报违规投放行为。\n"
        "（以上任务由区城管执法局负责）\n"
        "二、保障措施\n加强督导检查。\n"
    )
    units = _units(plan)
    assert units["1"] == ([], [])  # "以上任务" inside item 2's paragraph: item 2's tasks
    assert units["2"] == (["区城市管理委员会"], [])
    assert trailing_group_clause(plan.measures[1].text) is None
    assert units["3"] == units["4"] == (["区城管执法局"], [])  # a paragraph of its own: the section's items


def test_what_is_no_group_clause() -> None:
    from engine.extract.groupclause import numbers_of, trailing_group_clause

    for text in (
        "建设示范区10个。\n以上任务要在2025年底前完成。",
        "建设示范区10个。\n（以上数据来源于县统计局）",
        "建设示范区10个。\n以上措施由各地结合实际推进。",
        "建设示范区10个。\n（以上3项为约束性指标）",
    ):
        assert trailing_group_clause(text) is None, text
    assert numbers_of("1—3") == (1, 2, 3)
    assert numbers_of("(一)至(三)") == (1, 2, 3)
    assert numbers_of("1、3") == (1, 3)


# --------------------------------------------------------------------------- institutions as units


def test_universities_and_schools_are_read_as_units_of_a_clause() -> None:
    plan = _plan(
        "某某自治区林果科技支撑实施方案\n"
        "一、主要任务\n"
        "（一）加强科技攻关。组建林果产业技术创新联盟。（自治区科技厅、石河子大学、自治区林业科学院按职责分工负责）\n"
        "（二）培养实用人才。每年培训林果技术骨干1000人次。（自治区人力资源社会保障厅牵头，新疆农业职业技术学院、"
        "某某市第一中学配合）\n"
        "（三）办好技能竞赛。每年举办林果修剪技能竞赛。（某某县实验小学、某某县中心幼儿园负责）\n"
        "二、保障措施\n加强资金保障。\n"
    )
    units = _units(plan)
    assert units["(一)"] == (["自治区科技厅", "石河子大学", "自治区林业科学院"], [])
    assert units["(二)"] == (["自治区人力资源社会保障厅"], ["新疆农业职业技术学院", "某某市第一中学"])
    assert units["(三)"] == (["某某县实验小学", "某某县中心幼儿园"], [])


def test_an_institution_named_in_the_task_itself_is_no_unit() -> None:
    plan = _plan(
        "某某自治区林果科技支撑实施方案\n"
        "一、主要任务\n"
        "（一）建设科研平台。支持新疆农业大学建设林果重点实验室，推动某某县第一中学开展科普教育。\n"
        "（二）引进人才。鼓励高校（如石河子大学、塔里木大学）与企业共建实训基地。\n"
        "（三）推广技术。每年推广林果新技术10项。（石河子大学负责）\n"
        "二、保障措施\n加强资金保障。\n"
    )
    units = _units(plan)
    assert units["(一)"] == ([], [])
    assert units["(二)"] == ([], [])
    assert units["(三)"] == (["石河子大学"], [])  # the same name in a clause is a unit
