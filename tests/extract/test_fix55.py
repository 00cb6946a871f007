"""Two classes blind55 showed (fixtures/fix55/ models each with other offices; see its README):

1. a first-listed convention worded "第一个单位为牵头单位" / "第一家单位" / "首个单位" (blind55 西华县, a one-line page):
   a wording of rulesets/data/lead_conventions.yaml `first_listed`, read in a notice paragraph, on a one-line page and in
   a 注： line under a task table alike;
2. a task table whose unit column's header states a mark legend ("责任单位（*为牵头单位）", blind55 大同市 .docx): read by the
   one reader of marks (engine/extract/legend.py, as a "注：标★的为牵头单位" line under a table is), the header's column
   reads its cells by the mark (engine/ingest/tables.py `Marked`): a marked unit leads wherever it stands, two marked
   units both lead, the unmarked ones support, the mark is no part of a name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import states_first_listed_leads
from engine.ingest import from_text
from engine.ingest.tables import Marked, _by_mark, column_role
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix55"
GOLDS = sorted(p.name.removesuffix(".expected.yaml") for p in HERE.glob("*.expected.yaml"))


def test_the_fixtures_are_all_there():
    assert len(GOLDS) == 6


@pytest.mark.parametrize(
    "text",
    [
        "各项任务第一个单位为牵头单位，其他单位为配合单位。",
        "方案中各项任务所列第一家单位为牵头单位，其余单位为配合单位。",
        "各项工作任务中，首个单位为牵头单位，其他单位为配合单位。",
        "注：责任单位中第一个部门为牵头部门。",
        "责任单位中位列首位的单位为牵头单位，其余为配合单位。",
        "首家单位是牵头单位",
        # worded so before fix55: still read
        "排第一的单位为牵头单位，其他为配合单位。",
        "列第一位的为牵头单位",
        "排在首位的为牵头单位",
    ],
)
def test_a_first_listed_convention_is_read_in_its_wordings(text):
    assert states_first_listed_leads(text)


@pytest.mark.parametrize(
    "text",
    [
        "该局是全省第一个单位完成数字化改造的部门。",  # 第一个单位 with no role after it
        "第一个单位负责牵头组织",  # no 为/是 + role: a sentence, no convention
        "首个单位试点成功后再推广",
        "责任单位为牵头单位的，要主动协调。",
    ],
)
def test_words_near_the_convention_state_none(text):
    assert not states_first_listed_leads(text)


@pytest.mark.parametrize(
    ("header", "lead", "support"),
    [
        ("责任单位（*为牵头单位）", "*", ""),
        ("责任单位（＊为牵头单位）", "*", ""),  # one mark in two widths
        ("责任单位(标★的为牵头单位)", "★", ""),
        ("责任单位（☆为牵头单位）", "☆", ""),
        ("责任单位（带▲的为牵头单位）", "▲", ""),
        ("责任单位（▲牵头，△配合）", "▲", "△"),
        ("责任部门（●表示牵头）", "●", ""),
        ("责任单位（注：带※号的为牵头单位）", "※", ""),
        ("责任单位（#为配合单位）", "", "#"),
    ],
)
def test_a_unit_column_header_states_its_mark(header, lead, support):
    role = column_role(header)
    assert role == "duty"
    assert role.reading == Marked(lead=lead, support=support)


@pytest.mark.parametrize(
    "header",
    ["责任单位", "责任单位（*）", "完成时限（*为牵头单位）", "责任单位（排在第一位的为牵头单位）", "责任单位（2026年）"],
)
def test_a_header_without_a_mark_legend_reads_no_mark(header):
    role = column_role(header)
    assert not isinstance(getattr(role, "reading", None), Marked)


@pytest.mark.parametrize(
    ("cell", "mark", "want"),
    [
        ("*市民政局、市财政局", "*", [("lead", "市民政局"), ("support", "市财政局")]),
        ("市商务局、*市民政局、市市场监督管理局", "*",
         [("support", "市商务局"), ("lead", "市民政局"), ("support", "市市场监督管理局")]),
        ("市交通运输局★、市财政局", "★", [("lead", "市交通运输局"), ("support", "市财政局")]),
        ("△县农业农村局、△县水利局、县财政局", "△", [("lead", "县农业农村局"), ("lead", "县水利局"), ("support", "县财政局")]),
        ("各县（市、区）人民政府、＊市民政局", "*", [("support", "各县（市、区）人民政府"), ("lead", "市民政局")]),
        ("●区教育局\n区财政局", "●", [("lead", "区教育局"), ("support", "区财政局")]),  # one a line in a cell
        ("市民政局 ★、市财政局", "★", [("lead", "市民政局"), ("support", "市财政局")]),  # a mark apart, after its name
        ("市商务局、※ 市民政局", "※", [("support", "市商务局"), ("lead", "市民政局")]),  # … before its name
        ("市财政局、市民政局", "*", [(None, "市财政局"), (None, "市民政局")]),  # none marked: as written
    ],
)  # fmt: skip
def test_a_cell_is_read_by_its_headers_mark(cell, mark, want):
    got = _by_mark(cell, Marked(lead=mark))
    assert [(role, name) for role, _, name in got] == want
    assert all(cell[at : at + len(name)] == name for _, at, name in got)  # each name where the cell prints it


def test_a_support_mark_leaves_the_unmarked_units_their_columns_role():
    got = _by_mark("县教育局、#县财政局、#县人社局", Marked(support="#"))
    assert [(role, name) for role, _, name in got] == [(None, "县教育局"), ("support", "县财政局"), ("support", "县人社局")]
    every = _by_mark("#县财政局、#县人社局", Marked(support="#"))
    assert [role for role, _, _ in every] == [None, None]  # every unit a helper: as written


def _tab_plan(header: str, note: str = "") -> list[tuple[list[str], list[str]]]:
    lines = [
        "某县人民政府办公室关于印发某县村庄清洁行动方案的通知",
        "一、重点任务",
        f"序号\t重点任务\t{header}\t完成时限",
        "1\t开展村庄清洁行动，清理农村生活垃圾。\t县农业农村局、☆县住房和城乡建设局、各乡镇人民政府\t2026年12月",
        "2\t推进农村厕所革命，完成户厕改造1000户。\t☆县农业农村局、☆县卫生健康局、县财政局\t2026年10月",
        "3\t加强村庄规划管理，编制实用性村庄规划。\t县自然资源局\t2026年11月",
    ]
    if note:
        lines.append(note)
    lines += ["二、保障措施", "（一）加强组织领导。县农村人居环境整治领导小组统筹推进。"]
    plan = parse_plan(from_text("\n".join(lines) + "\n", "plan.txt"))
    return [(m.lead_units, m.support_units) for m in plan.measures]


WANT = [
    (["县住房和城乡建设局"], ["县农业农村局", "各乡镇人民政府"]),
    (["县农业农村局", "县卫生健康局"], ["县财政局"]),
    (["县自然资源局"], []),
]


def test_a_mark_legend_in_the_header_and_in_a_note_under_the_table_read_alike():
    """The header's legend (fix55) and blind54 内蒙古's "注：标★的为牵头单位" under the table read the same marks."""
    assert _tab_plan("责任单位（☆为牵头单位）") == WANT
    assert _tab_plan("责任单位", "注：标☆的为牵头单位，其余为配合单位。") == WANT


def test_without_a_legend_the_marked_units_are_joint():
    got = _tab_plan("责任单位")
    assert got[0] == (["县农业农村局", "县住房和城乡建设局", "各乡镇人民政府"], [])
