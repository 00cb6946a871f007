"""Task tables pasted as text with their borders drawn in box characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘, or the
ASCII +---+ | form), each row's cells wrapped over two or three lines between the bars.

fixtures/tables/box/*.txt are written by fixtures/tables/box/make.py: a city table with a rule between
rows, a wrapped header cell, a unit name broken where its cell is full and merged section rows; a county
table with no rules between rows (a row starts at its 编号 cell) and a 责任单位 column; a district table
in the ASCII form.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.ingest.readers import unwrap
from engine.ingest.tables import TableRow, text_table_lines
from engine.parse import parse_plan

BOX = Path(__file__).resolve().parents[2] / "fixtures" / "tables" / "box"

# counted from the tables by hand: (label, section path, lead, support, deadlines, task text starts)
EXPECTED = {
    "city-rules.txt": ("某某市城市更新三年行动方案", "city", "某某市", [
        ("1", ["二", "(一)"], ["市住房城乡建设局"], ["市财政局", "各区人民政府"], ["2027-12-31"],
         "改造老旧小区。完成老旧小区改造300个，同步加装电梯200部。"),
        ("2", ["二", "(二)"], ["市城市管理局"], ["市水务局"], ["2026-12-31"], "更新城市管网。改造燃气、供排水老旧管网500公里。"),
        ("3", ["二", "(二)"], ["市园林局"], ["各区人民政府"], [], "建设口袋公园。新建口袋公园50个。"),
    ]),
    "county-norules.txt": ("某某县农村人居环境整治提升实施方案", "county", "某某县", [
        ("1", ["二"], ["县农业农村局", "县卫生健康局"], [], ["2026-06-30"], "推进农村厕所革命。新改建农村户用卫生厕所2000座。"),
        ("2", ["二"], ["县生态环境局"], [], ["2026-12-31"], "治理农村生活污水。建成污水处理设施30处，行政村治理率达到50%。"),
        ("3", ["二"], ["各乡镇人民政府"], [], [], "整治村容村貌。开展村庄清洁行动。"),
    ]),
    "district-ascii.txt": ("某某区营商环境优化提升工作方案", "county", "某某区", [
        ("1", ["二"], ["区市场监管局"], ["区政务服务中心", "区税务局"], ["2025-06-30"], "压缩企业开办时间。推行企业开办一网通办。"),
        ("2", ["二"], ["区税务局"], ["区财政局"], ["2025-12-31"], "优化纳税服务。推广非接触式办税缴费。"),
    ]),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_box_table_rows_are_measures_with_their_units_and_deadlines(name):
    title, level, jurisdiction, expected = EXPECTED[name]
    plan = parse_plan(load_document(str(BOX / name)))
    assert (plan.title, plan.level, plan.jurisdiction) == (title, level, jurisdiction)
    got = [(m.label, list(m.path), m.lead_units, m.support_units, [d.date for d in m.deadlines]) for m in plan.measures]
    assert got == [row[:5] for row in expected]
    for m, row in zip(plan.measures, expected, strict=True):
        assert m.text.startswith(row[5])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_box_table_rules_are_no_text_and_rows_point_at_their_cells(name):
    raw = (BOX / name).read_text(encoding="utf-8")
    doc = load_document(str(BOX / name))
    assert not any(ch in p.text for p in doc.paragraphs for ch in "─┼│|+-")  # no border, no bar is text
    lines = raw.splitlines()
    plan = parse_plan(doc)
    for m in plan.measures:
        row = lines[m.line - 1]  # the row's first line; its 序号 cell holds the label
        assert row.strip()[0] in "│|" and row.strip()[1:].lstrip().startswith(m.label)
        r = m.responsibility
        assert lines[r.line - 1][r.column - 1 :].startswith(m.lead_units[0][:3])  # the lead cell of that row


def test_a_box_table_that_is_no_task_table_keeps_its_rows_and_drops_its_rules():
    text = (
        "某某市“十四五”主要指标\n"
        "┌──────┬──────┬──────┐\n"
        "│指标  │2020年│2025年│\n"
        "├──────┼──────┼──────┤\n"
        "│GDP   │100   │150   │\n"
        "└──────┴──────┴──────┘\n"
    )
    doc = from_text(text)
    texts = [p.text for p in doc.paragraphs]
    assert len(texts) == 3 and texts[1].startswith("│指标") and texts[2].startswith("│GDP")


def test_box_lines_of_one_width_are_never_joined_as_a_hard_wrap():
    # every line as many characters wide, none ending a sentence: the form of a text hard-wrapped at a width
    rule = "├──┼" + "┼".join(["──────"] * 3) + "┤"
    lines = [(1, rule.replace("├", "┌").replace("┼", "┬").replace("┤", "┐")), (2, "│序号│重点任务│牵头单位│配合单位│")]
    for k in range(10, 40):
        lines += [(2 * k, rule), (2 * k + 1, f"│{k}│推进农业工作│市农业农村局│市财政局本级│")]
    assert {len(text) for _, text in lines[2:]} == {len(rule)}
    assert unwrap(lines) == lines


def test_a_huge_box_table_is_read_in_bounded_time():
    cell = "推进某某工作，完成年度目标任务"
    body = []
    for k in range(1, 5001):
        body += [f"│{k:<6}│{cell}│市农业农村局│市财政局、│2025年底│", f"│      │{cell}│            │市水利局  │        │",
                 "├──────┼" + "─" * 30 + "┼────────────┼──────────┼────────┤"]  # fmt: skip
    lines = list(enumerate(["┌──────┬──┐", "│序号  │重点任务│牵头单位│配合单位│完成时限│", "├──┼──┤", *body, "└──────┘"], 1))
    long_row = [(1, "┌──┬──┬──┐"), (2, "│序号│重点任务│牵头单位│"), (3, "├──┼──┼──┤"), (4, "│1│开展│市局│")]
    long_row += [(k, f"│  │{cell}│  │") for k in range(5, 20005)]  # one row wrapped over 20,000 lines
    start = time.process_time()  # CPU time of this process: a hang guard that other processes on the machine cannot trip
    out = text_table_lines(lines)
    one = text_table_lines(long_row)
    assert time.process_time() - start < 10
    assert len(out) == 5000 and all(isinstance(r, TableRow) for _, r in out)
    assert len(one) == 1 and one[0][1].text.startswith("1.开展" + cell)
