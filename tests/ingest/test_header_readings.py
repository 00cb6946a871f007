"""A unit column whose header says how to read its cells (blind21 湖南省, blind23 云南省 .docx: "责任单位（排在第一位的
为牵头单位）"; blind22 石阡县 .html: one column "牵头单位/配合单位" whose cells read "X/Y、Z"). The convention stated
in the header applies to that column: its first unit leads and the others support; a slash column is split at
each cell's slash in the header's order. A header note that states no convention, and a cell with no slash,
keep the column's plain reading. In .docx, .html and tab-separated text alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest.tables import column_role
from engine.pipeline import load_plan

TITLE = "某省推进低空经济发展重点任务分工表"
TASKS = [
    ("1", "建设低空飞行服务站", "建成省级低空飞行服务中心和区域飞行服务站。"),
    ("2", "布局通用机场和起降点", "在各市规划布局通用机场和直升机起降点。"),
    ("3", "壮大整机研发制造", "引进培育整机、发动机、航电系统骨干企业。"),
]


def _measures(path: Path) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in load_plan(str(path)).measures]


def _docx(path: Path, header: list[str], cells: list[list[str]]) -> Path:
    """Each unit cell's lines as paragraphs of the cell (as the provinces' tables print them)."""
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=1 + len(TASKS), cols=len(header))
    for c, text in enumerate(header):
        table.cell(0, c).text = text
    for r, (task, lines) in enumerate(zip(TASKS, cells, strict=True), start=1):
        for c, text in enumerate(task):
            table.cell(r, c).text = text
        cell = table.cell(r, 3)
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    document.save(str(path))
    return path


def _html(path: Path, header: list[str], cells: list[list[str]]) -> Path:
    rows = ["<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"]
    for task, lines in zip(TASKS, cells, strict=True):
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in task) + f"<td>{'、'.join(lines)}</td></tr>")
    path.write_text(f"<html><body><p>{TITLE}</p><table>{''.join(rows)}</table></body></html>", "utf-8")
    return path


def _text(path: Path, header: list[str], cells: list[list[str]]) -> Path:
    lines = [TITLE, "\t".join(header)]
    lines += ["\t".join([*task, "、".join(units)]) for task, units in zip(TASKS, cells, strict=True)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


WRITERS = {"docx": _docx, "html": _html, "txt": _text}

FIRST_CELLS = [
    ["省发展改革委", "省交通运输厅", "民航某省监管局"],
    ["省交通运输厅", "各市人民政府"],
    ["省工业和信息化厅"],
]
FIRST_EXPECTED = [
    ("1", ["省发展改革委"], ["省交通运输厅", "民航某省监管局"]),
    ("2", ["省交通运输厅"], ["各市人民政府"]),
    ("3", ["省工业和信息化厅"], []),
]


@pytest.mark.parametrize("kind", list(WRITERS))
@pytest.mark.parametrize(
    "unit_header",
    ["责任单位（排在第一位的为牵头单位）", "责任单位(列第一位者为牵头单位)", "责任部门（排在首位的为牵头部门）"],
)
def test_a_first_listed_convention_in_the_header_applies_to_its_column(tmp_path, kind, unit_header):
    header = ["序号", "重点任务", "主要举措", unit_header]
    path = WRITERS[kind](tmp_path / f"plan.{kind}", header, FIRST_CELLS)
    assert _measures(path) == FIRST_EXPECTED


@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_header_note_stating_no_convention_keeps_joint_leads(tmp_path, kind):
    header = ["序号", "重点任务", "主要举措", "责任单位（按职责分工负责）"]
    path = WRITERS[kind](tmp_path / f"plan.{kind}", header, FIRST_CELLS)
    assert _measures(path) == [(no, [*lead, *support], []) for no, lead, support in FIRST_EXPECTED]


SLASH_CELLS = [
    ["县自然资源局/县水务局", "县文体广电旅游局"],
    ["县市场监管局", "县卫生健康局/县文体广电旅游局"],
    ["县交通运输局"],
]
SLASH_EXPECTED = [
    ("1", ["县自然资源局"], ["县水务局", "县文体广电旅游局"]),
    ("2", ["县市场监管局", "县卫生健康局"], ["县文体广电旅游局"]),
    ("3", ["县交通运输局"], []),
]


@pytest.mark.parametrize("kind", ["html", "docx"])
@pytest.mark.parametrize("unit_header", ["牵头单位/配合单位", "牵头部门／配合部门", "主办单位/协办单位"])
def test_a_slash_column_is_split_at_each_cells_slash(tmp_path, kind, unit_header):
    # one cell a row: "X/Y、Z" (the units joined with 、 in both writers)
    cells = [["、".join(units)] for units in SLASH_CELLS]
    path = WRITERS[kind](tmp_path / f"plan.{kind}", ["序号", "重点任务", "主要举措", unit_header], cells)
    assert _measures(path) == SLASH_EXPECTED


def test_a_slash_column_in_the_other_order_gives_support_first(tmp_path):
    cells = [["县水务局/县自然资源局"], ["县文体广电旅游局/县卫生健康局"], ["县交通运输局"]]
    path = _html(tmp_path / "plan.html", ["序号", "重点任务", "主要举措", "配合单位/牵头单位"], cells)
    assert _measures(path) == [
        ("1", ["县自然资源局"], ["县水务局"]),
        ("2", ["县卫生健康局"], ["县文体广电旅游局"]),
        ("3", [], ["县交通运输局"]),
    ]


def test_header_words_that_are_no_role_pair_are_no_column():
    assert column_role("牵头单位/牵头单位") is None  # the same role twice says nothing of a split
    assert column_role("任务/目标") is None
    assert column_role("责任单位（排在第一位的为牵头单位）") == "duty"
    assert column_role("完成时限（年底前）") == "due"  # a note beside another column's word: its word's role
