"""Task-division tables (重点任务分工表): one paragraph per row, in the form the parser reads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.parse import parse_plan

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
ROWS = [
    ["1", "全面实行政府权责清单制度。", "区委编办\n区司法局", "区政府各有关部门", "2022年底前"],
    ["2", "推进简政便民。", "区政管办", "区市场监管局", "2023年6月底前"],
    ["3", "严格规范公正文明执法。", "区司法局", "", "2024年12月"],
]


def measures(doc) -> list[tuple[str, list[str], list[str], list[str | None]]]:
    plan = parse_plan(doc)
    return [(m.label, m.lead_units, m.support_units, [d.date for d in m.deadlines]) for m in plan.measures]


EXPECTED = [
    ("1", ["区委编办", "区司法局"], ["区政府各有关部门"], ["2022-12-31"]),
    ("2", ["区政管办"], ["区市场监管局"], ["2023-06-30"]),
    ("3", ["区司法局"], [], ["2024-12-31"]),
]


def test_task_table_gives_one_measure_per_row(tmp_path, make_docx) -> None:
    path = make_docx(tmp_path / "t.docx", ["某区法治政府建设重点任务分工表", [HEADER, *ROWS], "附件说明"])
    doc = load_document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[1] == (
        "1.全面实行政府权责清单制度。(牵头单位:区委编办、区司法局;配合单位:区政府各有关部门)2022年底前完成。"
    )
    assert texts[3] == "3.严格规范公正文明执法。(牵头单位:区司法局)2024年12月底前完成。"
    assert measures(doc) == EXPECTED
    row = doc.paragraphs[1]
    assert row.orig == "1\t全面实行政府权责清单制度。\t区委编办 区司法局\t区政府各有关部门\t2022年底前"
    assert len(row.cols) == len(row.text)
    # copied text maps back to its cell; added words map to the start of the cell they describe
    k = row.text.index("全面")
    assert row.orig_span(k, k + 6) == "全面实行政府"
    k = row.text.index("区政府各有关部门")
    assert row.orig_span(k, k + 8) == "区政府各有关部门"
    assert row.orig[row.column(row.text.index("(牵头单位")) - 1 :].startswith("区委编办")
    assert row.orig[row.column(row.text.index("配合单位")) - 1 :].startswith("区政府各有关部门")


def test_line_numbers_keep_the_cell_by_cell_paragraph_numbers(tmp_path, make_docx) -> None:
    """A row's line is its first cell's paragraph number; paragraphs after the table keep theirs."""
    import docx

    from engine.report.docx import all_paragraphs

    path = make_docx(tmp_path / "t.docx", ["标题", "", [HEADER, *ROWS], "二、保障措施"])
    doc = load_document(str(path))
    paras = all_paragraphs(docx.Document(str(path)))
    assert [p.line for p in doc.paragraphs] == [1, 8, 13, 18, 23]
    assert paras[7].text == "1" and paras[12].text == "2" and paras[17].text == "3"
    assert paras[22].text == "二、保障措施"


def test_columns_in_another_order_and_other_header_words(tmp_path, make_docx) -> None:
    header = ["完成时间", "责任部门", "工作任务", "协办单位", "编号"]
    rows = [[r[4], r[2], r[1], r[3], r[0]] for r in ROWS]
    path = make_docx(tmp_path / "t.docx", [[header, *rows]])
    assert measures(load_document(str(path))) == EXPECTED


def test_absent_support_column(tmp_path, make_docx) -> None:
    rows = [[r[0], r[1], r[2], r[4]] for r in ROWS]
    path = make_docx(tmp_path / "t.docx", [[["序号", "主要任务", "牵头部门", "时限"], *rows]])
    doc = load_document(str(path))
    assert doc.paragraphs[1].text == "2.推进简政便民。(牵头单位:区政管办)2023年6月底前完成。"
    assert measures(doc) == [(a, b, [], d) for a, b, _, d in EXPECTED]


def test_section_rows_become_headings(tmp_path, make_docx) -> None:
    table = [
        HEADER,
        ["（一）健全政府机构职能体系", "<", "<", "<", "<"],  # one merged cell
        ROWS[0],
        ["2", "推进简政便民。", None, "", ""],  # lead merged with the cell above: same lead
        ["（二）", "健全依法行政制度体系", "", "", ""],  # a (二) number and a title
        ["", "加强规范性文件监督管理。(牵头单位:区司法局)", "区司法局", "", "长期坚持"],
    ]
    path = make_docx(tmp_path / "t.docx", ["一、总体要求", "二、重点任务", table])
    doc = load_document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[2] == "(一)健全政府机构职能体系"
    assert texts[4] == "2.推进简政便民。(牵头单位:区委编办、区司法局)"
    assert texts[5] == "(二)健全依法行政制度体系"
    # no 序号: the row's ordinal; the task already names its lead: no second clause
    assert texts[6] == "3.加强规范性文件监督管理。(牵头单位:区司法局)长期坚持。"
    plan = parse_plan(doc)
    assert [(s.label, s.title) for s in plan.sections][-2:] == [
        ("(一)", "健全政府机构职能体系"),
        ("(二)", "健全依法行政制度体系"),
    ]
    assert [(m.label, m.lead_units) for m in plan.measures] == [
        ("1", ["区委编办", "区司法局"]),
        ("2", ["区委编办", "区司法局"]),
        ("3", ["区司法局"]),
    ]


def test_a_table_that_is_not_a_task_table_is_read_cell_by_cell(tmp_path, make_docx) -> None:
    contacts = [["单位", "联系人", "电话"], ["区司法局", "张三", "1234567"], ["区政管办", "李四", None]]
    path = make_docx(tmp_path / "t.docx", ["1.推进依法行政。(牵头单位:区司法局)", contacts, "二、保障措施"])
    doc = load_document(str(path))
    assert [(p.line, p.text, p.orig) for p in doc.paragraphs] == [
        (1, "1.推进依法行政。(牵头单位:区司法局)", "1.推进依法行政。(牵头单位:区司法局)"),
        *[
            (n, t, t)
            for n, t in zip(
                range(2, 10),
                ["单位", "联系人", "电话", "区司法局", "张三", "1234567", "区政管办", "李四"],
                strict=True,
            )
        ],
        (10, "二、保障措施", "二、保障措施"),
    ]


def test_numbered_paragraphs_and_a_task_table(tmp_path, make_docx) -> None:
    path = make_docx(
        tmp_path / "t.docx",
        [
            "一、总体要求",
            "1.到2025年，基本建成法治政府。(牵头单位:区司法局)",
            "二、重点任务分工",
            [
                ["序号", "任务内容", "责任单位"],
                ["2", "健全依法决策机制。", "区政府办公室"],
                ["3", "严格执法。", "区司法局"],
            ],
            "三、保障措施",
            "4.加强组织领导。(牵头单位:区委办)",
        ],
    )
    plan = parse_plan(load_document(str(path)))
    assert [(m.label, m.lead_units) for m in plan.measures] == [
        ("1", ["区司法局"]),
        ("2", ["区政府办公室"]),
        ("3", ["区司法局"]),
        ("4", ["区委办"]),
    ]


HTML = """<html><head><meta charset="utf-8"></head><body><div id="zoom"><h1>某区重点任务清单</h1>
<table border="1"><tr><th>责任单位</th><th>序号</th><th>工作任务</th><th>时间要求</th></tr>
<tr><td colspan="4">（一）深化改革</td></tr>
<tr><td rowspan="2">区司法局<br>区发展和改革局</td><td>1</td><td>推进<span>依法</span>决策。</td><td>2024年6月底前</td></tr>
<tr><td>2.</td><td>严格执法，2025年底前完成。</td><td>2025年底前</td></tr>
</table>
<table><tr><td>单位</td><td>联系人</td></tr><tr><td>区司法局</td><td>张三</td></tr></table>
</div></body></html>"""


def test_html_task_table(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, "utf-8")
    doc = load_document(str(path))
    assert [p.text for p in doc.paragraphs] == [
        "某区重点任务清单",
        "(一)深化改革",
        # a 责任单位 column keeps its word: it does not say who leads ("列第一位者为牵头单位" may)
        "1.推进依法决策。(责任单位:区司法局、区发展和改革局)2024年6月底前完成。",
        "2.严格执法，2025年底前完成。(责任单位:区司法局、区发展和改革局)",  # the 时限 is already there
        "单位",
        "联系人",
        "区司法局",
        "张三",
    ]
    assert doc.paragraphs[2].orig == "区司法局 区发展和改革局\t1\t推进依法决策。\t2024年6月底前"
    assert measures(doc) == [
        ("1", ["区司法局", "区发展和改革局"], [], ["2024-06-30"]),
        ("2", ["区司法局", "区发展和改革局"], [], ["2025-12-31"]),
    ]


def _table_draft(path: Path, make_docx, n: int = 10) -> None:
    """The first `n` measures of the Chengzhong draft as a task table under their (一)/(二) sections."""
    plan = parse_plan(load_document(str(ROOT / "fixtures/chengzhong-district-draft.txt")))
    rows = [HEADER]
    seen: set[int] = set()
    for m in plan.measures[:n]:
        sec = max((s for s in plan.sections if s.line < m.line), key=lambda s: s.line)
        if sec.line not in seen:
            seen.add(sec.line)
            rows.append([sec.label, sec.title, "", "", ""])
        r = m.responsibility
        text = m.text[: r.start] + m.text[r.end :] if r and r.start >= 0 else m.text
        text = text.strip()[len(m.label) :].lstrip(".．、")
        due = m.deadlines[0].text if m.deadlines else ""
        rows.append([m.label, text, "、".join(m.lead_units), "、".join(m.support_units), due])
    make_docx(path, [plan.title, "二、工作任务", rows])


def test_table_form_draft_checks_like_the_paragraph_draft(tmp_path, make_docx) -> None:
    table = tmp_path / "table-draft.docx"
    _table_draft(table, make_docx)
    args = ["--parent", str(ROOT / "fixtures/guangxi-2021-2025-parent.txt"), "--format", "json"]
    args += ["--fail-on", "none", "--today", "2026-01-01"]

    def run(draft: Path) -> dict:
        out = subprocess.run(
            [sys.executable, "-c", "from engine.cli import main; main()", "check", str(draft), *args],
            cwd=ROOT, capture_output=True, check=True,
        )  # fmt: skip
        return json.loads(out.stdout)

    def aligned(report: dict) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        for a in report["alignment"]:
            for item in a["local_items"]:
                out.setdefault(item, []).append((a["parent_item"], a["relation"]))
        return out

    got = run(table)
    want = aligned(run(ROOT / "fixtures/chengzhong-district-draft.txt"))
    table_aligned = aligned(got)
    assert {k: table_aligned.get(k) for k in map(str, range(1, 11))} == {
        k: want[k] for k in map(str, range(1, 11))
    }
    assert not [f for f in got["findings"] if f["check"] in ("lead_unit_required", "lead_unit_vague")]


def test_a_row_with_only_its_task_is_a_measure_not_a_heading(tmp_path, make_docx) -> None:
    table = [
        HEADER,
        ["", "推进政务公开。", "", "", ""],
        ["", "深化行政执法改革。", "<", "", ""],  # the task spills into the unit column: still a task
        ["4", "严格执法。", "区司法局", "", "2025年"],
    ]
    path = make_docx(tmp_path / "t.docx", [table])
    assert [p.text for p in load_document(str(path)).paragraphs] == [
        "1.推进政务公开。",
        "2.深化行政执法改革。",
        "4.严格执法。(牵头单位:区司法局)2025年底前完成。",
    ]


@pytest.mark.parametrize("lead_word", ["负责部门", "负责单位", "主责单位", "责任主体"])
def test_other_lead_column_words(tmp_path, make_docx, lead_word) -> None:
    rows = [[r[0], r[1], r[2], r[4]] for r in ROWS]
    path = make_docx(tmp_path / "t.docx", [[["序号", "主要任务", lead_word, "时限"], *rows]])
    assert measures(load_document(str(path))) == [(a, b, [], d) for a, b, _, d in EXPECTED]
