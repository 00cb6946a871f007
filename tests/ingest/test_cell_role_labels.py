"""A unit cell of a task table that names both roles with its own labels (blind14 北京, blind15 青海: one 责任单位
cell holding "牵头：X" and "配合：Y、Z" as lines or paragraphs, or "牵头：X / 配合：Y" in one line): each labelled
part goes to its role, the labels dropped, in .docx, .html and text tables alike. A cell without labels keeps
its column's role."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import load_plan

TITLE = "某省促进首发经济重点任务分工表"
HEADER = ["序号", "任务名称", "具体内容", "责任单位"]
TASKS = [
    ("1", "打造首发集聚区", "支持重点商圈建设首发首秀首店集聚区，每年认定3个示范街区。"),
    ("2", "支持品牌首店落地", "对新引进的品牌首店给予一次性奖励。"),
    ("3", "优化活动审批服务", "对新品发布活动实行并联审批，压缩办理时限。"),
    ("4", "推动老字号创新", "支持老字号企业推出联名新品。"),
]
# per row: the labelled lines of its unit cell
CELLS = [
    ["牵头：省商务厅", "配合：省自然资源厅、各市人民政府"],
    ["牵头单位：省商务厅", "配合单位：省财政厅"],
    ["牵头：省公安厅、省城市管理委", "协助：省消防救援总队"],
    ["牵头：省商务厅"],
]
EXPECTED = [
    ("1", ["省商务厅"], ["省自然资源厅", "各市人民政府"]),
    ("2", ["省商务厅"], ["省财政厅"]),
    ("3", ["省公安厅", "省城市管理委"], ["省消防救援总队"]),
    ("4", ["省商务厅"], []),
]


def _measures(path: Path) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in load_plan(str(path)).measures]


def _docx(path: Path, join: str) -> Path:
    """The unit cell's lines as line breaks in one paragraph ("br") or as paragraphs of the cell ("p")."""
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=1 + len(TASKS), cols=4)
    for c, text in enumerate(HEADER):
        table.cell(0, c).text = text
    for r, (task, lines) in enumerate(zip(TASKS, CELLS, strict=True), start=1):
        for c, text in enumerate(task):
            table.cell(r, c).text = text
        cell = table.cell(r, 3)
        if join == "br":
            run = cell.paragraphs[0].add_run()
            for n, line in enumerate(lines):
                if n:
                    run.add_break()
                run.add_text(line)
        else:
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    document.save(str(path))
    return path


def _html(path: Path, join: str) -> Path:
    sep = {"br": "<br>", "p": ""}[join]
    wrap = (lambda t: f"<p>{t}</p>") if join == "p" else (lambda t: t)
    rows = ["<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"]
    for task, lines in zip(TASKS, CELLS, strict=True):
        unit = sep.join(wrap(t) for t in lines)
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in task) + f"<td>{unit}</td></tr>")
    path.write_text(f"<html><body><p>{TITLE}</p><table>{''.join(rows)}</table></body></html>", "utf-8")
    return path


def _text(path: Path, join: str) -> Path:
    """One line a row, the cell's labelled parts apart by " / " or "；"."""
    rows = ["\t".join((*task, join.join(lines))) for task, lines in zip(TASKS, CELLS, strict=True)]
    path.write_text("\n".join([TITLE, "\t".join(HEADER), *rows]) + "\n", "utf-8")
    return path


@pytest.mark.parametrize(
    ("form", "join"),
    [("docx", "br"), ("docx", "p"), ("html", "br"), ("html", "p"), ("txt", " / "), ("txt", "；")],
)
def test_a_cells_own_labels_split_it_into_lead_and_support(tmp_path, form, join) -> None:
    path = {"docx": _docx, "html": _html, "txt": _text}[form](tmp_path / f"table.{form}", join)
    assert _measures(path) == EXPECTED


def test_labels_in_a_lead_column_give_its_support_too(tmp_path) -> None:
    """A 牵头单位 | 配合单位 table whose lead cell says "牵头：X；配合：Y" and whose support cell is empty."""
    lines = [
        TITLE,
        "序号\t重点任务\t牵头单位\t配合单位",
        "1\t建设示范街区。\t牵头：省商务厅；配合：省财政厅\t",
        "2\t优化审批服务。\t省公安厅\t省消防救援总队",
    ]
    path = tmp_path / "lead.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert _measures(path) == [("1", ["省商务厅"], ["省财政厅"]), ("2", ["省公安厅"], ["省消防救援总队"])]
