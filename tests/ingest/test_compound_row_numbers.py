"""Task tables set out one per group heading, their rows numbered by group and row as printed ("1-1", "1-2",
"2-1" …: blind22 河北省 .docx, three Word tables under （一）（二）（三）). Each row's label is the compound number
as printed, not its ordinal in its own table (1, 2, 1 …); in .docx and .html alike, with a dot or a hyphen. In
running text a "1-2" at a paragraph's start is a range, never a label."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import load_plan

HEADER = ["序号", "任务", "具体举措", "牵头单位", "协同单位"]
GROUPS = [
    ("（一）夯实优质原料基地", [("优化种植布局", "稳定种植面积，新建标准化示范园。", "省农业农村厅", "张家口市政府"),
                          ("推广优良品种", "引进筛选适宜品种，推广限产提质技术。", "省农业农村厅", "省科技厅")]),
    ("（二）提升加工水平", [("支持技术改造", "对设备更新给予奖补。", "省工业和信息化厅", "省财政厅"),
                       ("建立追溯体系", "推动企业接入质量追溯平台。", "省市场监管局", "石家庄海关"),
                       ("加强地理标志保护", "依法查处假冒产区标识行为。", "省市场监管局", "秦皇岛市政府")]),
    ("（三）推动融合发展", [("发展文化旅游", "打造旅游精品线路。", "省文化和旅游厅", "省商务厅")]),
]


# prose above the tables opening with a range: no label ("1-1" only numbers a table's row)
RANGES = ["1-1月份，全省葡萄酒产量同比增长10%。", "1-2月份，新建标准化示范园5个。"]


def _numbers(joiner: str) -> list[str]:
    return [f"{g}{joiner}{r}" for g, (_, rows) in enumerate(GROUPS, 1) for r in range(1, len(rows) + 1)]


def _docx(path: Path, joiner: str) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("某省葡萄酒产业高质量发展行动方案")
    for line in RANGES:
        document.add_paragraph(line)
    document.add_paragraph("一、重点任务")
    for g, (heading, rows) in enumerate(GROUPS, 1):
        document.add_paragraph(heading)
        table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
        for c, text in enumerate(HEADER):
            table.cell(0, c).text = text
        for r, row in enumerate(rows, 1):
            for c, text in enumerate((f"{g}{joiner}{r}", *row)):
                table.cell(r, c).text = text
    document.add_paragraph("二、保障措施")
    document.add_paragraph("（一）加强组织领导。建立工作协调机制。")
    document.save(str(path))
    return path


def _html(path: Path, joiner: str) -> Path:
    body = ["<p>某省葡萄酒产业高质量发展行动方案</p>", *(f"<p>{line}</p>" for line in RANGES), "<p>一、重点任务</p>"]
    for g, (heading, rows) in enumerate(GROUPS, 1):
        body.append(f"<p>{heading}</p><table><tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>")
        for r, row in enumerate(rows, 1):
            body.append("<tr>" + "".join(f"<td>{c}</td>" for c in (f"{g}{joiner}{r}", *row)) + "</tr>")
        body.append("</table>")
    body.append("<p>二、保障措施</p><p>（一）加强组织领导。建立工作协调机制。</p>")
    path.write_text(f"<html><body>{''.join(body)}</body></html>", "utf-8")
    return path


@pytest.mark.parametrize("joiner", ["-", "."])
@pytest.mark.parametrize("write", [_docx, _html], ids=["docx", "html"])
def test_group_tables_keep_their_compound_row_numbers(tmp_path, write, joiner):
    plan = load_plan(str(write(tmp_path / f"plan.{write.__name__[1:]}", joiner)))
    assert [m.label for m in plan.measures] == _numbers(joiner)
    assert [m.text[:4] for m in plan.measures][:2] == ["优化种植", "推广优良"]  # the 任务 cell opens the text
    assert [m.lead_units for m in plan.measures][2] == ["省工业和信息化厅"]
