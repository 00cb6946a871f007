"""Responsibility written somewhere other than beside the measure (fixtures/duties82/README.md).

1. A 责任分工 section that assigns the items by number in ONE paragraph, its entries parted by ；("第1—3项由X牵头，Y、Z
   配合；第4项由W负责；…", perhaps after "具体分工如下：" and before a sentence naming no item), in lines keyed by bracketed
   numbers without 第 ("（一）至（二）项：…", "（五）（六）项：…") or with the item word said for each number ("第1项、
   第2项", "第5项至第6项"): each item named takes the units of its entry (engine/parse/assignments.py); "由X负责" after an
   item's number assigns X, as "由X牵头" does.
2. An attachment whose entries point back at the body's measures — a 分工表 with a 对应任务 cell "三（二）" or "第3项", a
   责任清单 of lines "（一）NAME（对应方案第二部分第1项）" with 牵头部门：/协同部门： lines below — is no measures, and each
   measure it names takes its entry's units (engine/parse/annex_refs.py, rulesets/data/assignment_lists.yaml
   `back_references`).

Where no entry names a measure (or its entry is not read, or two entries name it), the measure gets nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.annex_refs import pointer
from engine.parse.assignments import _entries, _entry
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "duties82"


def _read(got):
    # each entry also says the division it names its items by (第六节: 节; "" for 第N项), not asked here
    return [(numbers, [u.name for u in r.lead], [u.name for u in r.support]) for numbers, r, *_ in got or []]


def units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    plan = parse_plan(from_text(text, path="draft.txt"))
    return {m.ref: (m.lead_units, m.support_units) for m in plan.measures}


# ---------------------------------------------------------------- 1. a 责任分工 section keyed by item number


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "第1—3项由县民政局牵头，县财政局、各乡镇人民政府配合；第4项由县卫生健康局负责；"
            "第5项由县民政局、县市场监管局按职责分工负责。各乡镇要参照上述分工抓好落实。",
            [((1, 2, 3), ["县民政局"], ["县财政局", "各乡镇人民政府"]), ((4,), ["县卫生健康局"], []),
             ((5,), ["县民政局", "县市场监管局"], [])],
        ),
        (
            "具体分工如下：第（一）、（三）项由区商务局牵头，区财政局配合；第（二）至（四）项由区文化旅游体育局负责。",
            [((1, 3), ["区商务局"], ["区财政局"]), ((2, 3, 4), ["区文化旅游体育局"], [])],
        ),
        (
            "第1项、第2项由市住房和城乡建设局牵头，市民政局配合；第3项至第5项由市商务局负责。",
            [((1, 2), ["市住房和城乡建设局"], ["市民政局"]), ((3, 4, 5), ["市商务局"], [])],
        ),
    ],
)  # fmt: skip
def test_a_paragraph_of_several_entries_gives_each_its_items(line, want):
    assert _read(_entries(line)) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("（一）至（二）项：镇农业服务中心牵头，各村配合。", ((1, 2), ["镇农业服务中心"], ["各村"])),
        ("（三）（四）项：镇经济发展办公室负责。", ((3, 4), ["镇经济发展办公室"], [])),
        ("（五）、（六）项：镇卫生院牵头，镇民政所配合。", ((5, 6), ["镇卫生院"], ["镇民政所"])),
        ("第（二）（三）项由镇财政所负责。", ((2, 3), ["镇财政所"], [])),
        ("第4项由县商务局负责。", ((4,), ["县商务局"], [])),
    ],
)
def test_bracketed_numbers_without_第_and_由x负责_are_read(line, want):
    assert _read([_entry(line)]) == [want]


@pytest.mark.parametrize(
    "line",
    [
        "第1项由县民政局牵头；第2项：完善制度建设，由县司法局组织。",  # the second entry is not read: the line is not trusted
        "各单位要按照分工，于5月底前制定具体落实措施。",  # no entry at all
        "按照第1项要求，县民政局牵头做好统筹。",  # an item cited in a sentence
    ],
)
def test_a_line_not_wholly_read_gives_nothing(line):
    assert _entries(line) is None


PLAN = """某县农村公共服务提升实施方案
一、工作目标
到2027年，农村公共服务水平明显提升。
二、重点任务
1.完善农村养老服务。新建农村互助养老服务站20个。
2.提升乡村医疗水平。村卫生室标准化建设达标率达到100%。
3.改善农村人居环境。农村生活垃圾收运处置体系覆盖所有行政村。
4.加强农村文化建设。每年开展送戏下乡活动不少于100场。
三、责任分工
{division}
四、保障措施
（一）加强组织领导。建立工作推进机制。
（二）强化资金保障。统筹安排相关资金。
"""


def test_the_section_paragraph_gives_the_items_their_units_and_is_no_measure():
    got = units(PLAN.format(division="第1、2项由县民政局牵头，县卫生健康局配合；第3项由县住房和城乡建设局负责。"
                                     "各乡镇要按照分工抓好落实。"))  # fmt: skip
    assert list(got) == ["1", "2", "3", "4"]
    assert got["1"] == got["2"] == (["县民政局"], ["县卫生健康局"])
    assert got["3"] == (["县住房和城乡建设局"], [])
    assert got["4"] == ([], [])  # named by no entry: nothing is invented


def test_a_section_naming_items_the_plan_does_not_hold_is_not_trusted():
    got = units(PLAN.format(division="第1项由县民政局牵头；第9项由县文化和旅游局负责。"))
    assert got == {"1": ([], []), "2": ([], []), "3": ([], []), "4": ([], [])}


def test_two_entries_for_one_item_give_it_nothing():
    got = units(PLAN.format(division="第1—2项由县民政局牵头；第2项由县卫生健康局负责；第3项由县住房和城乡建设局负责。"))
    assert got["1"] == (["县民政局"], [])
    assert got["2"] == ([], [])
    assert got["3"] == (["县住房和城乡建设局"], [])


# ---------------------------------------------------------------- 2. an attachment pointing back at the measures


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("1.二(三)。提升精深加工水平(牵头单位:省工业和信息化厅)", (2, 3)),
        ("3.第4项(责任单位:镇综合文化站(牵头)、镇旅游服务中心)", (None, 4)),
        ("（一）养殖设施升级（对应方案第二部分第1项）", (2, 1)),
        ("1．增殖放流（对应第二部分第（一）项）", (2, 1)),
        ("2．市场开拓（对应任务三（四））", (3, 4)),
        ("第三条　本办法由县司法局负责解释。", None),  # an article, no pointer
        ("1.推进老果园改造（牵头单位：县农业农村局）", None),
    ],
)
def test_an_entry_names_the_measure_it_stands_for(line, want):
    assert pointer(line) == want


ANNEX = """某县海洋牧场建设工作方案
一、工作目标
到2027年建成海洋牧场3个。
二、重点工作
1.建设人工鱼礁。投放人工鱼礁5万空方。
2.开展增殖放流。每年放流各类苗种1亿尾。
3.加强监测评估。建立海洋牧场生态监测站2个。
三、工作要求
（一）压实责任。各部门按职责抓好落实。
（二）加强督查。县政府督查室开展专项督查。
附件
重点工作责任清单
1．人工鱼礁（对应第二部分第1项）
牵头单位：县海洋与渔业局
配合单位：县财政局
2．增殖放流（对应第二部分第{two}项）
牵头单位：县海洋与渔业局
配合单位：各沿海乡镇人民政府
3．监测评估（对应第二部分第{three}项）
牵头单位：县自然资源局
"""


def test_a_list_pointing_back_is_no_measures_and_gives_each_its_units():
    got = units(ANNEX.format(two=2, three=3))
    assert got == {
        "1": (["县海洋与渔业局"], ["县财政局"]),
        "2": (["县海洋与渔业局"], ["各沿海乡镇人民政府"]),
        "3": (["县自然资源局"], []),
    }


def test_two_entries_naming_one_measure_give_it_nothing():
    got = units(ANNEX.format(two=2, three=2))
    assert list(got) == ["1", "2", "3"]
    assert got["1"] == (["县海洋与渔业局"], ["县财政局"])
    assert got["2"] == got["3"] == ([], [])


# ---------------------------------------------------------------- the documents and the pair


def test_a_child_whose_units_are_in_its_section_is_not_asked_for_a_lead():
    run = check(str(HERE / "pair" / "guojiaba-town-navel-orange-child.txt"),
                parent_path=str(HERE / "pair" / "zigui-county-navel-orange-parent.txt"), fail_on="none")  # fmt: skip
    assert all(m.lead_units for m in run.draft.measures)
    assert [f.rule for f in run.report.findings if f.severity in ("error", "warning")] == []


def test_an_item_no_section_names_is_asked_for_its_lead():
    run = check(str(HERE / "langao-county-konjac-bracket-lines.txt"), allow_no_parent=True, fail_on="none")
    asked = [f.local_item for f in run.report.findings if f.rule == "lead-unit-required"]
    assert asked == ["(五)"]
