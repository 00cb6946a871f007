"""A measure followed by its OWN small table of fields (blind16 西藏: rows 牵头单位 | X; 配合单位 | Y; 完成时限 | Z,
labels down the left, or label and value side by side in pairs): a table of one task's fields, not a task
table. Its fields are the measure's lead, support and deadline, in .docx, .html and a ruled .pdf alike; no
label is read as a unit ("完成时限"), and two measures with the same units give no duplicate-sentence finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.pipeline import load_plan
from tests.ingest.test_pdf_tables import _canvas, _table

TITLE = "某自治区青稞产业高质量发展行动方案"
MEASURES = [
    ("（一）稳定青稞种植面积。", "落实耕地保护责任制，严禁擅自改变青稞主产区耕地用途。",
     [("牵头单位", "自治区农业农村厅"), ("配合单位", "自治区自然资源厅、各市（地）人民政府（行署）"), ("完成时限", "2027年12月")]),
    ("（二）加快良种选育推广。", "实施青稞种业振兴行动，选育专用型新品种10个以上。",
     [("牵头单位", "自治区农牧科学院"), ("配合单位", "自治区科技厅"), ("完成时限", "持续推进")]),
    ("（三）建设标准化生产基地。", "在主产区建设青稞标准化生产基地50万亩。",
     [("牵头单位", "自治区农业农村厅"), ("配合单位", "自治区财政厅"), ("完成时限", "2026年12月")]),
    ("（四）提升精深加工水平。", "支持青稞加工龙头企业开展技术改造。",
     [("牵头单位", "自治区农业农村厅"), ("配合单位", "自治区财政厅"), ("完成时限", "—")]),
]  # fmt: skip
EXPECTED = [
    ("(一)", ["自治区农业农村厅"], ["自治区自然资源厅", "各市(地)人民政府(行署)"]),
    ("(二)", ["自治区农牧科学院"], ["自治区科技厅"]),
    ("(三)", ["自治区农业农村厅"], ["自治区财政厅"]),
    ("(四)", ["自治区农业农村厅"], ["自治区财政厅"]),
]


def _rows(fields: list[tuple[str, str]], side_by_side: bool) -> list[list[str]]:
    if not side_by_side:
        return [list(f) for f in fields]
    flat = [x for f in fields for x in f]
    return [flat[:4], [*flat[4:], "", ""]] if len(flat) > 4 else [flat]


def _docx(path: Path, side_by_side: bool = False) -> Path:
    import docx

    document = docx.Document()
    for text in (TITLE, "一、总体要求", "坚持稳产保供与提质增效并重。", "二、重点任务"):
        document.add_paragraph(text)
    for head, body, fields in MEASURES:
        document.add_paragraph(head)
        document.add_paragraph(body)
        rows = _rows(fields, side_by_side)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.add_paragraph("三、保障措施")
    document.add_paragraph("（一）加强组织领导。建立青稞产业发展工作专班。")
    document.save(str(path))
    return path


def _html(path: Path) -> Path:
    body = [f"<p>{t}</p>" for t in (TITLE, "一、总体要求", "坚持稳产保供与提质增效并重。", "二、重点任务")]
    for head, text, fields in MEASURES:
        rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in fields)
        body += [f"<p>{head}</p>", f"<p>{text}</p>", f"<table>{rows}</table>"]
    body += ["<p>三、保障措施</p>", "<p>（一）加强组织领导。建立青稞产业发展工作专班。</p>"]
    path.write_text(f"<html><body>{''.join(body)}</body></html>", "utf-8")
    return path


def _pdf(path: Path) -> Path:
    c = _canvas(path)
    c.setFont("STSong-Light", 12)
    y = 790.0
    for text in (TITLE, "一、总体要求", "坚持稳产保供与提质增效并重。", "二、重点任务"):
        c.drawString(60, y, text)
        y -= 22
    for head, text, fields in MEASURES:
        c.setFont("STSong-Light", 12)
        c.drawString(60, y, head)
        c.drawString(60, y - 22, text)
        y -= 56
        _table(c, y, [(80.0, 4), (300.0, 22)], [list(f) for f in fields])
        y -= 3 * 22 + 30
    c.setFont("STSong-Light", 12)
    c.drawString(60, y, "三、保障措施")
    c.drawString(60, y - 22, "（一）加强组织领导。建立青稞产业发展工作专班。")
    c.showPage()
    c.save()
    return path


def _measures(path: Path) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in load_plan(str(path)).measures]


@pytest.mark.parametrize("form", ["docx", "docx-pairs", "html", "pdf"])
def test_a_measures_own_table_gives_its_lead_and_support(tmp_path, form) -> None:
    if form == "docx-pairs":
        path = _docx(tmp_path / "pairs.docx", side_by_side=True)
    else:
        path = {"docx": _docx, "html": _html, "pdf": _pdf}[form](tmp_path / f"plan.{form}")
    assert _measures(path) == EXPECTED


def test_a_measures_own_table_gives_its_deadline(tmp_path) -> None:
    plan = load_plan(str(_docx(tmp_path / "plan.docx")))
    dues = [sorted(d.date for d in m.deadlines if d.date) for m in plan.measures]
    assert "2027-12-31" in dues[0] and "2026-12-31" in dues[2]
    assert "—完成" not in plan.measures[3].text  # a "—" deadline cell says nothing


def test_the_same_fields_under_two_measures_are_no_duplicate_sentence(tmp_path) -> None:
    path = _docx(tmp_path / "plan.docx")
    result = CliRunner().invoke(main, ["check", "--no-parent", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    checks = [f["check"] for f in json.loads(result.output)["findings"]]
    assert "duplicate_sentence" not in checks and "lead_unit_required" not in checks
