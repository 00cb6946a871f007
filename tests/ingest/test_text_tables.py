"""Task tables in plain text (tab-separated, | pipes, space-aligned) and the .docx fixture: per row,
the task, its lead and support units and its deadline, as the parser reads numbered measures.

fixtures/tables/county-tasks.{docx,txt} are written by fixtures/tables/make.py (python-docx): a county
notice issuing a 任务分工表 with a merged title row, section rows, unit names on separate paragraphs of
one cell, a deadline cell merged down over two rows and an empty 配合单位 cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.parse import parse_plan

TABLES = Path(__file__).resolve().parents[2] / "fixtures" / "tables"

# counted from the table by hand: (label, section, lead, support, deadline)
EXPECTED = [
    ("1", "一", ["县司法局"], ["县直各有关单位"], ["2024-06-30"]),
    ("2", "一", ["县市场监管局", "县政务服务中心"], ["县税务局", "县公安局"], ["2024-12-31"]),
    ("3", "一", ["县政务服务中心"], [], ["2024-12-31"]),
    ("4", "二", ["县市场监管局"], ["县发展改革局"], ["2024-09-30"]),
    ("5", "二", ["县发展改革局"], ["县财政局"], []),  # 长期坚持: no date
]


def rows(plan) -> list[tuple[str, str, list[str], list[str], list[str | None]]]:
    return [(m.label, m.path[-1] if m.path else "", m.lead_units, m.support_units, [d.date for d in m.deadlines])
            for m in plan.measures]  # fmt: skip


@pytest.mark.parametrize("name", ["county-tasks.docx", "county-tasks.txt"])
def test_task_table_fixture_reads_units_and_deadlines_per_row(name):
    plan = parse_plan(load_document(str(TABLES / name)))
    assert plan.title == "某某县2024年优化营商环境重点任务分工方案"
    assert (plan.level, plan.jurisdiction) == ("county", "某某县")
    assert rows(plan) == EXPECTED
    assert [s.title for s in plan.sections] == ["提升政务服务效能", "优化市场环境"]


def test_text_table_rows_point_at_their_own_cells():
    doc = load_document(str(TABLES / "county-tasks.txt"))
    plan = parse_plan(doc)
    lines = (TABLES / "county-tasks.txt").read_text(encoding="utf-8").splitlines()
    m = plan.measure("2")
    r = m.responsibility
    raw = lines[r.line - 1]
    # the clause is made up from the cells; its place is the 牵头单位 cell of that row
    assert raw.split("\t")[2].startswith("县市场监管局") and raw[r.column - 1 :].startswith("县市场监管局")
    assert lines[m.line - 1].startswith("2\t压缩企业开办时间")


HEAD = "某某市数字政府建设任务清单\n"


@pytest.mark.parametrize(
    "table",
    [
        # tab-separated, an empty 配合单位 kept as an empty cell
        "序号\t工作任务\t责任单位\t配合单位\t完成时间\n1\t建成一体化政务服务平台。\t市大数据局\t\t2025年底前\n"
        "2\t推进电子证照共享应用。\t市政务服务中心\t市公安局\t2025年6月底前\n",
        # markdown pipes with the rule line
        "| 序号 | 工作任务 | 责任单位 | 配合单位 | 完成时间 |\n|---|---|---|---|---|\n"
        "| 1 | 建成一体化政务服务平台。 | 市大数据局 |  | 2025年底前 |\n"
        "| 2 | 推进电子证照共享应用。 | 市政务服务中心 | 市公安局 | 2025年6月底前 |\n",
        # aligned with spaces: the empty cell is placed by the header's columns
        "序号  工作任务                    责任单位        配合单位    完成时间\n"
        "1     建成一体化政务服务平台。    市大数据局                  2025年底前\n"
        "2     推进电子证照共享应用。      市政务服务中心  市公安局    2025年6月底前\n",
    ],
)
def test_text_table_forms(table):
    plan = parse_plan(from_text(HEAD + table))
    assert rows(plan) == [
        ("1", "", ["市大数据局"], [], ["2025-12-31"]),
        ("2", "", ["市政务服务中心"], ["市公安局"], ["2025-06-30"]),
    ]


@pytest.mark.parametrize(
    "table",
    [
        "序號\t工作任務\t責任單位\t配合單位\t完成時間\n1\t建成一體化政務服務平臺。\t市大數據局\t\t2025年底前\n"
        "2\t推進電子證照共享應用。\t市政務服務中心\t市公安局\t2025年6月底前\n",
        "序號 工作任務 責任單位 配合單位 完成時間\n1 建成一體化政務服務平臺。 市大數據局 市財政局 2025年底前\n"
        "2 推進電子證照共享應用。 市政務服務中心 市公安局 2025年6月底前\n",
    ],
)
def test_a_table_in_traditional_characters_is_read_as_in_simplified(table):
    """序號 | 責任單位 | 配合單位 … (a page in traditional characters, or one a reader converted): the header's
    column words are the simplified ones in another script."""
    got = rows(parse_plan(from_text("某某市數字政府建設任務清單\n" + table)))
    assert [r[:3] for r in got] == [("1", "", ["市大数据局"]), ("2", "", ["市政务服务中心"])]
    assert got[1][3:] == (["市公安局"], ["2025-06-30"])


def test_prose_with_spaces_or_header_words_is_no_table():
    text = (
        "某某市数字政府建设方案\n一、主要任务\n1.明确牵头单位  配合单位  完成时限等要素，压实责任。\n"
        "2.各单位要按照“序号、重点任务、牵头单位、配合单位、完成时限”的格式报送台账。\n"
    )
    plan = parse_plan(from_text(text))
    assert [m.label for m in plan.measures] == ["1", "2"]
    assert plan.measures[0].text.startswith("明确牵头单位配合单位完成时限") and not plan.measures[0].lead_units


def test_the_table_as_docx_and_as_text_gives_the_same_findings():
    """Unit names on separate paragraphs of one cell are not a stray space (the cell's paragraphs
    were joined with one, and the format check reported it)."""
    from engine.pipeline import check

    keys = []
    for name in ("county-tasks.docx", "county-tasks.txt"):
        run = check(str(TABLES / name), allow_no_parent=True, fail_on="none")
        keys.append(sorted((f.rule, f.local_item, f.message) for f in run.report.findings))
    assert keys[0] == keys[1]
    assert not any(rule == "format" for rule, _, _ in keys[0])
