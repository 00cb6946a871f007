"""Hostile tables stay bounded: a page (or a .docx) whose tables are huge, nested deep, or merged across
many rows and columns is read in time linear in its size, or refused by a budget before its rows are read."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from engine.errors import PlancheckError
from engine.ingest import budgets, load_document


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    """No budget set by the environment or a previous test leaks into these."""
    for name in budgets.NAMES:
        monkeypatch.delenv(budgets.env_name(name), raising=False)
    monkeypatch.setattr(budgets, "_overrides", {})


HEAD = "<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>"


@pytest.fixture
def no_rows_read(monkeypatch):
    """Fail the test if a table's rows are made into lines: the budget must refuse the grid first."""
    import engine.ingest.readers as readers

    monkeypatch.setattr(readers, "table_lines", lambda *a: pytest.fail("the rows were read"))


def _refused(tmp_path: Path, html: str, name: str, seconds: float = 5) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(html, "utf-8")
    t = time.process_time()
    with pytest.raises(PlancheckError) as info:
        load_document(str(path))
    assert info.value.code == f"budget.{name}"
    assert time.process_time() - t < seconds  # generous: it took minutes and gigabytes


def test_a_long_cell_merged_down_many_rows_is_refused_before_its_rows_are_read(tmp_path, no_rows_read):
    """1 MB of text in a cell spanning 100 rows would be 100 MB of rows: over the chars budget, at once."""
    html = (f"<html><body><table>{HEAD}<tr><td>1</td><td rowspan=100>{'很' * 1_000_000}</td><td>市局</td>"
            "<td>区局</td><td>2025年</td></tr>" + "<tr><td>2</td><td>x</td><td>y</td><td>z</td></tr>" * 99
            + "</table></body></html>")  # fmt: skip
    _refused(tmp_path, html, "chars")


def test_cells_spanning_rows_and_columns_are_refused(tmp_path, no_rows_read):
    cells = "".join(f"<td rowspan=100 colspan=100>{'字' * 2000}</td>" for _ in range(100))
    _refused(tmp_path, f"<html><body><table>{HEAD}<tr>{cells}</tr>{'<tr></tr>' * 99}</table></body></html>", "chars")


def test_a_row_of_a_hundred_thousand_cells_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "_overrides", {"paragraphs": 1000})
    _refused(tmp_path, "<html><body><table><tr>" + "<td>单元格</td>" * 100_000 + "</tr></table></body></html>",
             "paragraphs")  # fmt: skip


def test_tables_nested_in_tables_are_read_once(tmp_path):
    """150 tables each in a cell of the one above, each with 10,000 characters and the innermost with
    20,000 rows: each table's own rows are looked at, its header in the short text of its first rows
    (it took 85 s and 20 s)."""
    html = ("<html><body>" + ("<table><tr><td>" + "文" * 10_000) * 150 + "<table>" + "<tr><td>a</td></tr>" * 20_000
            + "</table>" + "</td></tr></table>" * 150 + "</body></html>")  # fmt: skip
    path = tmp_path / "nested.html"
    path.write_text(html, "utf-8")
    t = time.process_time()
    doc = load_document(str(path))
    assert len(doc.paragraphs) == 150 + 20_000
    assert time.process_time() - t < 10


def test_nested_task_tables_stay_bounded(tmp_path):
    inner = "<table>" + HEAD + "<tr><td>1</td><td>推进" + "文" * 10_000
    html = "<html><body>" + inner * 100 + "</td></tr></table>" * 100 + "</body></html>"
    path = tmp_path / "nested-tasks.html"
    path.write_text(html, "utf-8")
    t = time.process_time()
    doc = load_document(str(path))  # the outer task table's cell holds the inner ones' text: one row
    assert len(doc.paragraphs) == 1 and doc.paragraphs[0].text.startswith("1.推进")
    assert time.process_time() - t < 10


def test_entities_are_not_expanded_past_the_page(tmp_path):
    """HTML has no entity declarations to expand (a DOCTYPE's are ignored): the page is what it says."""
    html = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>一、总体要求</p><p>&c;&c;&c;</p>'
            + "&nbsp;" * 100_000 + "</body></html>")  # fmt: skip
    path = tmp_path / "entities.html"
    path.write_text(html, "utf-8")
    doc = load_document(str(path))
    assert sum(len(p.text) for p in doc.paragraphs) < 100


def test_a_docx_cell_merged_down_many_rows_is_refused(tmp_path, make_docx, monkeypatch, no_rows_read):
    """The same amplification in Word: a vertically merged cell repeats its text in every row."""
    monkeypatch.setattr(budgets, "_overrides", {"chars": 200_000})
    rows = [["序号", "重点任务", "牵头单位"], ["1", "推" * 10_000, "市局"]] + [[str(k), None, "市局"] for k in range(2, 40)]
    path = make_docx(tmp_path / "merged.docx", ["某市重点任务分工表", rows])
    with pytest.raises(PlancheckError) as info:
        load_document(str(path))
    assert info.value.code == "budget.chars"
