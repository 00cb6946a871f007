"""Entries numbered with a word (issue #16, blind10 辽宁省): a 任务清单 written as text, each entry a line "任务N：name"
followed by its field lines (工作目标： / 牵头单位： / 配合单位： / 完成时限：), is a numbering like 1. and （一）: the
entries are the measures, at the depth the document first uses them (under （一） group headings, or right under 一、),
in every form (.txt, .docx typed or with Word's automatic numbering, .pdf, a page on one line), each with the units
and the date of its field lines. "第N项任务：", "事项N：", "任务N." and "任务N name" too; prose ("任务1项", "主要任务：",
"任务1.5倍") is no entry. Data: rulesets/data/entry_numbering.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml import parse_xml

from engine.ingest import from_text, load_document
from engine.parse import parse_plan
from engine.parse.numbering import fold, inline_markers, marker_at_start
from tests.ingest.word_lists import W, lvl, numbered_document

ENTRIES = Path(__file__).resolve().parents[2] / "fixtures" / "entries"
NAME = "deyang-city-old-residential-areas"
REFS = [f"任务{n}" for n in range(1, 8)]


@pytest.mark.parametrize(
    ("line", "style", "label", "ordinal"),
    [
        ("任务1：开展盐碱地资源普查", "entry:任务", "任务1", 1),
        ("任务 1：开展盐碱地资源普查", "entry:任务", "任务1", 1),  # pdftotext's space
        ("任务１０：创新投融资机制", "entry:任务", "任务10", 10),
        ("任务3.实施排灌工程", "entry:任务", "任务3", 3),
        ("任务4 推广改良技术", "entry:任务", "任务4", 4),
        ("任务一：开展普查", "entry:任务", "任务一", 1),
        ("第3项任务：建立台账", "entry:任务", "第3项任务", 3),
        ("第 三 项任务：建立台账", "entry:任务", "第三项任务", 3),
        ("事项2：办理不动产登记", "entry:事项", "事项2", 2),
    ],
)
def test_an_entry_numbered_with_a_word_is_a_marker(line, style, label, ordinal):
    mk = marker_at_start(fold(line))
    assert mk is not None and (mk.style, mk.label, mk.ordinal) == (style, label, ordinal)
    assert not fold(line)[mk.end :].startswith(("：", ":", ".", " "))  # the separator is no part of the title


@pytest.mark.parametrize(
    "line",
    [
        "任务1项，各单位要抓好落实。",
        "任务 1 项，各单位要抓好落实。",  # a pdf's spaces around a count
        "任务3个以上",
        "主要任务：加强组织领导。",
        "任务1.5倍",
        "第一项任务是开展普查。",
        "任务1和任务2由省农业农村厅牵头。",
        "任务 1 和任务 2 由省农业农村厅牵头。",
        "任务1、任务2由省农业农村厅牵头。",
        "任务十分艰巨，各地要高度重视。",
        "任务1：",
    ],
)
def test_prose_is_no_entry(line):
    assert marker_at_start(fold(line)) is None


def _measures(plan) -> list[tuple[str, str, list[str], list[str]]]:
    return [(m.ref, m.title, m.lead_units, m.support_units) for m in plan.measures]


EXPECTED = [
    ("任务1", "改造供排水管网", ["市住房城乡建设局"], ["市水务局", "旌阳区人民政府"]),
    ("任务2", "加装电梯", ["市住房城乡建设局"], ["市市场监管局", "市自然资源和规划局"]),
    ("任务3", "补齐养老托育设施", ["市民政局"], ["市卫生健康委"]),
    ("任务4", "增设停车充电设施", ["市公安局"], ["市发展改革委", "国网德阳供电公司"]),
    ("任务5", "建设便民服务网点", ["市商务局"], ["市住房城乡建设局"]),
    ("任务6", "推行物业管理全覆盖", ["市住房城乡建设局"], ["市民政局", "各县(市、区)人民政府"]),
    ("任务7", "建立改造项目评价制度", ["市财政局"], []),
]


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_the_same_task_list_in_three_forms_has_the_same_seven_entries(suffix):
    plan = parse_plan(load_document(str(ENTRIES / f"{NAME}.{suffix}")))
    assert _measures(plan) == EXPECTED
    assert [m.path for m in plan.measures] == [["二", "(一)"]] * 2 + [["二", "(二)"]] * 3 + [["二", "(三)"]] * 2
    assert [d.text for m in plan.measures for d in m.deadlines] == [
        "2026年6月底前", "2026年12月底前", "2026年12月底前", "2026年9月底前", "2026年12月底前", "2026年12月底前",
        "2025年12月底前",
    ]  # fmt: skip
    # the group headings and the safeguards frame the plan
    assert [s.label + s.title for s in plan.sections if s.path == ["三"]] == ["(一)加强组织领导", "(二)强化资金保障"]
    assert not any(m.general for m in plan.measures)  # a 工作目标： field line is no general title


def test_a_task_list_on_one_line_has_the_same_entries():
    text = (ENTRIES / f"{NAME}.txt").read_text("utf-8")
    plan = parse_plan(from_text(" ".join(text.splitlines()), path="oneline.txt"))
    assert [(m.ref, m.lead_units, m.support_units) for m in plan.measures] == [(r, a, b) for r, _, a, b in EXPECTED]


def test_entries_continue_a_numbering_on_a_run_on_line():
    text = fold("配合单位：省农业农村厅、省水利厅完成时限：2025年12月底前任务2：建立分类改良台账")
    before = marker_at_start(fold("任务1：开展盐碱地资源普查"))
    assert [mk.label for mk in inline_markers(text, [before])] == ["任务2"]


@pytest.mark.parametrize("level_text", ["任务%1：", "任务%1"])  # the second set off by Word's tab
def test_entries_numbered_by_word_automatic_numbering(tmp_path: Path, level_text: str):
    """Word's 编号 with the level text "任务%1：" (or "任务%1" and a tab) prints the label the text does not hold."""
    d = numbered_document({1: lvl(0, "decimal", level_text)}, {7: '<w:abstractNumId w:val="1"/>'})
    d.add_paragraph("某市城镇老旧小区改造提升行动方案")
    d.add_paragraph("一、重点任务")
    for name, lead, support in [("改造供排水管网", "市住房城乡建设局", "市水务局"), ("加装电梯", "市住房城乡建设局", "市市场监管局"),
                                ("补齐养老托育设施", "市民政局", "市卫生健康委")]:  # fmt: skip
        p = d.add_paragraph(name)
        p._p.get_or_add_pPr().insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>'))
        d.add_paragraph("工作目标：2026年底前完成。")
        d.add_paragraph(f"牵头单位：{lead}")
        d.add_paragraph(f"配合单位：{support}")
    d.add_paragraph("二、保障措施")
    d.add_paragraph("（一）加强组织领导。建立工作推进机制，每季度通报进展。")
    path = tmp_path / "entries.docx"
    d.save(str(path))
    plan = parse_plan(load_document(str(path)))
    assert [(m.ref, m.title, m.lead_units, m.support_units) for m in plan.measures] == [
        ("任务1", "改造供排水管网", ["市住房城乡建设局"], ["市水务局"]),
        ("任务2", "加装电梯", ["市住房城乡建设局"], ["市市场监管局"]),
        ("任务3", "补齐养老托育设施", ["市民政局"], ["市卫生健康委"]),
    ]


_FIELDS = ["牵头单位：县住房城乡建设局", "配合单位：县财政局、县自然资源局", "完成时限：2025年12月底前"]


def _plan(lines: list[str]):
    return parse_plan(from_text("某县城市更新行动方案\n为推进城市更新，制定本方案。\n" + "\n".join(lines), path="d.txt"))


@pytest.mark.parametrize(
    "labels",
    [
        ["第1项任务：", "第2项任务：", "第3项任务："],
        ["第一项任务：", "第二项任务：", "第三项任务："],
        ["事项1：", "事项2：", "事项3："],
        ["任务1.", "任务2.", "任务3."],
        ["任务1 ", "任务2 ", "任务3 "],
    ],
)
def test_entries_right_under_the_sections_are_the_measures(labels):
    """No group heading: the entries stand right under 二、, the safeguards' （一）（二） under 三、 frame the plan."""
    names = ["改造老旧管网", "整治背街小巷", "完善公共设施"]
    lines = ["一、工作目标", "到2025年底，完成城市更新项目30个。", "二、重点任务"]
    for label, name in zip(labels, names, strict=True):
        lines += [label + name, "主要内容：实施改造，逐项销号。", *_FIELDS]
    lines += ["三、保障措施", "（一）加强组织领导。成立工作专班，统筹推进。", "（二）强化督促检查。每季度通报进展情况。"]
    plan = _plan(lines)
    assert [(m.label, m.title, m.path) for m in plan.measures] == [
        (label.strip().rstrip("：."), name, ["二"]) for label, name in zip(labels, names, strict=True)
    ]
    assert all(m.lead_units == ["县住房城乡建设局"] and m.support_units == ["县财政局", "县自然资源局"] for m in plan.measures)


def test_entries_under_numbered_group_headings_are_deeper_than_them():
    """1. 2. group headings over the entries: the entries are the measures, the groups their sections."""
    lines = ["一、重点任务", "1.完善基础设施", "任务1：改造老旧管网", *_FIELDS, "任务2：加装电梯", *_FIELDS,
             "2.提升服务功能", "任务3：建设便民网点", *_FIELDS, "二、保障措施", "（一）加强组织领导。成立工作专班。"]  # fmt: skip
    plan = _plan(lines)
    assert [(m.ref, m.path) for m in plan.measures] == [("任务1", ["一", "1"]), ("任务2", ["一", "1"]), ("任务3", ["一", "2"])]
    assert [s.title for s in plan.sections if s.path == ["一"]] == ["完善基础设施", "提升服务功能"]


def test_a_list_of_clauses_numbered_as_tasks_still_gives_the_items_their_units():
    """"第N项任务：X牵头，Y配合" lines under no heading are a list that gives the items above their units
    (parse/assignments.py), not entries of the plan: all that follows the number is one clause."""
    lines = ["一、主要任务", "1.完善社区养老服务。新建综合为老服务分中心1家。", "2.补齐社区托育短板。新设托育点1处。",
             "二、工作要求", "（一）加强统筹推进。每月召开推进会。",
             "第1项任务：社区服务办牵头，社区卫生服务中心配合。", "第2项任务：社区管理办牵头，各居民区配合。"]  # fmt: skip
    plan = _plan(lines)
    assert [(m.ref, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["社区服务办"], ["社区卫生服务中心"]), ("2", ["社区管理办"], ["各居民区"]),
    ]  # fmt: skip


def test_a_label_glued_to_what_follows_is_prose_unless_the_line_set_it_apart():
    """Ingest takes out a space touching a Han character: "任务1 改造" reads 任务1改造, and only the original line
    tells the entry's label from a sentence that starts with a task's name (任务3由X牵头)."""
    plan = _plan(["一、重点任务", "任务1 改造老旧管网", _FIELDS[0], "任务2　整治背街小巷", _FIELDS[0],
                  "任务3由县财政局牵头，各乡镇配合。"])  # fmt: skip
    assert [(m.ref, m.title) for m in plan.measures] == [("任务1", "改造老旧管网"), ("任务2", "整治背街小巷")]
    assert plan.measures[-1].text.endswith("任务3由县财政局牵头，各乡镇配合。")


def test_a_heading_word_before_the_first_item_on_a_run_on_line_is_no_entry():
    """A page on one line: "二、主要任务1.完善…" is the heading 主要任务 and the item 1., not an entry 任务1."""
    lines = ["某县寄递物流体系建设实施方案", "一、工作目标", "到2025年，快递进村覆盖率达到100%。", "二、主要任务",
             "1.完善三级寄递物流网络。建设县级寄递物流中心1个。（责任单位：县商务局）",
             "2.推进快递进村。整合村级站点资源。（责任单位：县邮政管理局）",
             "3.发展农村电商。培育电商企业10家。（责任单位：县商务局）"]  # fmt: skip
    plan = parse_plan(from_text("".join(lines), path="oneline.txt"))
    assert [m.ref for m in plan.measures] == ["1", "2", "3"]


# blind14 寿光市: a 行动计划 numbers its measures "行动一　种质资源保护行动" … "行动六"; other plans "工程一：" (重点工程),
# "专项行动1：", "举措一：". The same numbering with other words (rulesets/data/entry_numbering.yaml).
@pytest.mark.parametrize(
    ("line", "style", "label"),
    [
        ("行动一　种质资源保护行动", "entry:行动", "行动一"),
        ("工程3：实施高标准农田建设", "entry:工程", "工程3"),
        ("专项行动二：开展市场净化", "entry:专项行动", "专项行动二"),  # the longer word, not 行动
        ("举措1：优化审批流程", "entry:举措", "举措1"),
    ],
)
def test_actions_projects_and_steps_are_entries_too(line, style, label):
    mk = marker_at_start(fold(line))
    assert mk is not None and (mk.style, mk.label) == (style, label)
    # prose with those words is none
    for prose in ("行动一致，形成合力。", "工程1项已完工。", "举措一是优化审批。", "行动起来，共同推进。"):
        assert marker_at_start(fold(prose)) is None, prose


@pytest.mark.parametrize("word", ["工程", "专项行动", "举措"])
def test_named_actions_are_the_measures_and_the_goal_lines_before_them_are_not(word):
    """A province's 行动方案 (other words, Arabic or Chinese numbers): the targets 1.–3. under 二、发展目标 are goals;
    the named actions under 三、 each with its field lines are the measures."""
    lines = ["某省冷链物流高质量发展行动方案", "一、总体要求", "坚持市场主导、政府引导。", "二、发展目标",
             "1．到2027年，全省冷库容量达到800万吨。", "2．建成骨干冷链物流基地5个。", "3．培育冷链物流龙头企业10家。",
             "三、重点行动",
             f"{word}一　冷链基础设施补短板{'' if word == '举措' else word[-2:]}", "新建改建产地冷藏保鲜设施，完善县乡村三级冷链网络。",
             "牵头单位：省发展改革委", "参与单位：省农业农村厅、省商务厅",
             f"{word}二　冷链装备升级{'' if word == '举措' else word[-2:]}", "推广新能源冷藏车，淘汰老旧设备。",
             "牵头单位：省交通运输厅", "参与单位：省工业和信息化厅",
             "四、保障措施", "（一）强化组织保障。建立联席会议制度。"]  # fmt: skip
    plan = parse_plan(from_text("\n".join(lines), path="d.txt"))
    assert [(m.ref, m.lead_units, m.support_units) for m in plan.measures] == [
        (f"{word}一", ["省发展改革委"], ["省农业农村厅", "省商务厅"]),
        (f"{word}二", ["省交通运输厅"], ["省工业和信息化厅"]),
    ]
