"""The columns of a task table name the lead and the support in many words (rulesets/data/roles.yaml): 主办单位 |
协办单位 (a provincial table, blind10 江苏), 主责单位 | 协同单位, 责任部门 | 配合部门, 牵头部门 | 协作部门, 责任主体.
The same table reads the same in every form it comes in (.docx, .html, tab-separated text, a ruled .pdf), and a
cell "—" or "/" names no unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import load_plan
from tests.ingest.test_pdf_tables import _canvas, _table

ROWS = [
    ["1", "开展禁捕水域巡查，每月组织联合执法行动不少于2次。", "省农业农村厅", "省公安厅、省交通运输厅", "2025年6月底前"],
    ["2", "建立退捕渔民就业帮扶台账。", "省人力资源社会保障厅", "—", "2025年12月底前"],
    ["3", "加强珍稀物种栖息地保护。", "省农业农村厅、省生态环境厅", "/", "2026年12月底前"],
]  # fmt: skip
# (序号, lead, support) as the rows say: the first column of units leads, the second supports; — and / name none
EXPECTED = [
    ("1", ["省农业农村厅"], ["省公安厅", "省交通运输厅"]),
    ("2", ["省人力资源社会保障厅"], []),
    ("3", ["省农业农村厅", "省生态环境厅"], []),
]
# lead column, support column: the pairs plans use
PAIRS = [("主办单位", "协办单位"), ("主责单位", "协同单位"), ("牵头部门", "协作部门"), ("主办部门", "配合部门")]
TITLE = "某省长江禁渔重点任务分工表"


def _header(lead: str, support: str) -> list[str]:
    return ["序号", "重点任务", lead, support, "完成时限"]


def _measures(path: Path) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in load_plan(str(path)).measures]


def _html(path: Path, rows: list[list[str]]) -> Path:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path.write_text(f"<html><body><p>{TITLE}</p><table>{cells}</table></body></html>", "utf-8")
    return path


def _text(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join([TITLE, *("\t".join(row) for row in rows)]) + "\n", "utf-8")
    return path


def _pdf(path: Path, rows: list[list[str]]) -> Path:
    c = _canvas(path)
    c.setFont("STSong-Light", 16)
    c.drawString(72, 780, TITLE)
    _table(c, 740, [(30.0, 2), (150.0, 14), (90.0, 8), (100.0, 9), (70.0, 6)], rows)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize(("lead", "support"), PAIRS)
@pytest.mark.parametrize("form", ["docx", "html", "txt", "pdf"])
def test_the_lead_and_support_columns_are_read_by_their_words(tmp_path, make_docx, form, lead, support) -> None:
    rows = [_header(lead, support), *ROWS]
    path = tmp_path / f"table.{form}"
    if form == "docx":
        make_docx(path, [TITLE, rows])
    else:
        {"html": _html, "txt": _text, "pdf": _pdf}[form](path, rows)
    assert _measures(path) == EXPECTED


def test_a_duty_column_beside_a_support_column_leads(tmp_path) -> None:
    """责任部门 | 配合部门 and 责任主体 | 配合单位: the units that answer for the task lead it."""
    for duty, support in (("责任部门", "配合部门"), ("责任主体", "配合单位")):
        path = _text(tmp_path / "duty.txt", [_header(duty, support), *ROWS])
        assert _measures(path) == EXPECTED


def test_a_traditional_header_is_the_same_column(tmp_path) -> None:
    """主辦單位 | 協辦單位 (a table in traditional characters) are 主办单位 | 协办单位."""
    path = _text(tmp_path / "trad.txt", [_header("主辦單位", "協辦單位"), *ROWS])
    assert _measures(path) == EXPECTED
