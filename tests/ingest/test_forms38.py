"""Layouts of fixtures/forms38 (see its README): hanging-indent layout tables (.html, .docx), a PDF task table whose
two-row header splits a merged cell (年度目标 over 2026年 | 2027年; 责任单位 over 牵头单位 | 配合单位), a task table on
a landscape page, and a task table's group rows numbered on their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.ingest.hanging import hanging_label
from engine.parse import parse_plan
from engine.pipeline import Obligations, check_plans
from engine.rules.ruleset import Rule

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "forms38"


def _plan(name: str):
    return parse_plan(load_document(str(HERE / name)))


def _read(name: str) -> list[tuple[str, str, list[str], list[str]]]:
    return [(m.label, m.text[:6], m.lead_units, m.support_units) for m in _plan(name).measures]


def test_a_hanging_indent_html_table_reads_each_row_as_its_numbered_measure() -> None:
    # the label alone in a <td><p>1．</p></td>, heading and body as two <p> in the cell beside it
    assert _read("huangshi-city-hanging-rows.html") == [
        ("1", "建设标识解析", ["市经济和信息化局"], ["市科技局", "市数据局"]),
        ("2", "推进企业上云", ["市经济和信息化局"], ["市财政局"]),
        ("3", "培育工业互联", ["黄石经济技术开发区·铁山区管委会"], []),
    ]


def test_a_hanging_indent_word_table_reads_each_row_as_its_numbered_measure() -> None:
    assert _read("xiaogan-city-hanging-rows.docx") == [
        ("(一)", "做优原料基地", ["市农业农村局"], ["市供销合作社", "孝南区人民政府"]),
        ("(二)", "推进技术改造", ["市经济和信息化局"], ["市财政局"]),
        ("(三)", "打造区域品牌", ["市市场监管局", "市商务局"], []),
        ("(四)", "拓展文旅融合", ["市文化和旅游局"], []),
    ]


@pytest.mark.parametrize(("name", "project"), [("xiaogan-city-hanging-rows.docx", "糯稻种植基地"),
                                                ("huangshi-city-hanging-rows.html", "铜产业标识解析二级节点")])
def test_a_data_table_of_three_columns_keeps_its_number_cells_apart(name: str, project: str) -> None:
    texts = [p.text for p in load_document(str(HERE / name)).paragraphs]
    k = texts.index(project)  # the 序号 cell 1. stays the cell before it, never glued to the project's name
    assert texts[k - 1] == "1."


@pytest.mark.parametrize("text", ["（一）", "(1)", "1.", "1．", "12、", "一、", "十一、", "⑴", "㈠", " （二） "])
def test_a_cell_of_a_label_alone_is_a_hanging_label(text: str) -> None:
    assert hanging_label(text)


@pytest.mark.parametrize("text", ["1", "2026", "（一）加强", "序号", "一、二", "", "（2026年）",
                                  # labels the parser reads, in styles no hanging-indent table sets alone in a cell
                                  "第一条", "1）", "2.1", "任务1：",
                                  # what the parser never reads as an item's label: a 0, digits and numerals mixed
                                  "0.", "（0）", "(1八)"])
def test_a_cell_of_anything_more_or_less_is_none(text: str) -> None:
    assert not hanging_label(text)


XUCHANG = [
    ("1", "推进发制品企", ["市工业和信息化局"], ["市财政局", "各县(市、区)人民政府"]),
    ("2", "建设发制品跨", ["市商务局"], ["许昌海关", "建安区人民政府"]),
    ("3", "制定假发产品", ["市市场监管局"], ["市工业和信息化局"]),
    ("4", "举办中国(许", ["市商务局", "市贸促会"], ["市文化广电和旅游局"]),
]


def test_a_pdf_task_table_with_year_columns_under_a_merged_header_cell_is_read() -> None:
    # 年度目标 merged over 2026年 | 2027年 (written targets), 序号 wrapped to 序 / 号 in its narrow column
    assert _read("xuchang-city-year-targets-portrait.pdf") == XUCHANG


def test_a_pdf_task_table_whose_unit_columns_split_a_merged_header_is_read() -> None:
    assert _read("pingdingshan-city-split-duty.pdf") == [
        ("1", "推进尼龙66", ["市发展改革委"], ["市工业和信息化局", "平顶山高新区管委会"]),
        ("2", "建设尼龙新材", ["市科技局"], ["河南城建学院"]),
        ("3", "发展尼龙切片", ["市工业和信息化局"], ["市商务局", "叶县人民政府"]),
    ]


def test_a_task_table_on_a_landscape_page_between_portrait_ones_is_read() -> None:
    got = _read("zhoukou-city-landscape-one-row.pdf")
    assert [r[0] for r in got] == ["1", "2", "3", "4"]
    assert [r[2] for r in got] == [["市发展改革委"], ["市农业农村局"], ["市市场监管局"], ["市商务局"]]


def _numbering(name: str) -> list[tuple[int | None, str]]:
    rule = Rule.model_validate({"id": "numbering", "check": "numbering", "severity": "warning"})
    findings, _ = check_plans(_plan(name), Obligations(None), [rule])
    return [(f.line, f.message) for f in findings if f.check == "numbering"]


def test_a_task_tables_group_rows_number_on_their_own() -> None:
    # 一、设施建设 / 二、产销对接 inside the table after the body's 二、重点任务: no 顺序错乱
    assert _numbering("suzhou-city-group-rows.docx") == []


def test_a_gap_among_a_task_tables_group_rows_is_still_reported() -> None:
    got = _numbering("suzhou-city-group-rows-gap.docx")
    assert len(got) == 1 and "四" in got[0][1] and "跳号" in got[0][1]


def test_gluing_a_hanging_label_reads_as_the_one_regex_it_replaced():
    """readers._glued is the split-and-scan form of the regex it replaced (which retried from every offset of a long
    run of spaces): on random pages of spaces, breaks, bold marks, glue marks and text, both give the same text."""
    import random
    import re

    from engine.ingest import readers
    from engine.ingest.emphasis import BOLD_OFF, BOLD_ON

    brk, glue = readers._BREAK, readers._GLUE
    old = re.compile(f"[\\s{brk}]*{glue}((?:[\\s{brk}]|{BOLD_ON}|{BOLD_OFF})*)")
    pieces = [" ", "\u3000", "\n", "\xa0", brk, glue, BOLD_ON, BOLD_OFF, "（一）", "推进", "。"]
    rng = random.Random(38)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert readers._glued(text) == old.sub(lambda m: re.sub(f"[\\s{brk}]", "", m.group(1)), text), repr(text)
