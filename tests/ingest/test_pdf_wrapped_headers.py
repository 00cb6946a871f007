"""A PDF task table's header whose narrow cells wrap their words (序⏎号, 完成时⏎限, 牵头⏎单位), cut by a page break
(issue #16, blind36 文山州: the header's second line "号 … 限" at the top of the next page was read as row 1, 6
measures for 5).

fixtures/pdfheads36 (rows.yaml says what each table prints and means): Word task tables printed to PDF with the
header row cut after its first line (two lines: 临沧市; four lines, several cells wrapped: 安溪县), wrapped on one page
(霍山县), and whole at a page's foot with the first row, which may not break, on the next (婺源县). A header cut so is one
header; a row below a whole header stays a row."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from engine.ingest import pdf as layout
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "pdfheads36"
DOCUMENTS: dict[str, dict] = yaml.safe_load((HERE / "rows.yaml").read_text("utf-8"))["documents"]


def _rows(path: Path) -> list[layout.Line]:
    """The ruled table rows of every page, as the PDF reader sees them before joining anything."""
    import pypdfium2 as pdfium

    out: list[layout.Line] = []
    document = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(document)):
            page = document[i]
            textpage = page.get_textpage()
            lines, _ = layout.page_lines(textpage, i, page)
            textpage.close()
            page.close()
            out += [line for line in lines if line.cells is not None]
    finally:
        document.close()
    return out


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_fixture_header_stands_where_rows_yaml_says(name: str) -> None:
    """Guards the fixture, not the engine: a regenerated PDF whose page break moved fails here rather than passing the
    tests below vacuously."""
    rows = _rows(HERE / name)
    header, below = rows[0], rows[1]
    where = DOCUMENTS[name]["header"]
    if where == "cut":  # the header's first line on one page, the rest, with a first cell of its own, on the next
        assert below.page == header.page + 1 and below.cells is not None and below.cells[0].strip()
        assert not below.cells[0].strip().isdigit()
    elif where == "page":  # the whole header and the first row on one page
        assert below.page == header.page and below.cells is not None and below.cells[0] == "1"
    else:  # the header whole at a page's foot, the first row on the next
        assert below.page == header.page + 1 and below.cells is not None and below.cells[0] == "1"


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_row_is_a_measure_and_the_header_none(name: str) -> None:
    measures = load_plan(str(HERE / name)).measures
    rows = DOCUMENTS[name]["rows"]
    assert [m.label for m in measures] == [r["number"] for r in rows]
    for m, r in zip(measures, rows, strict=True):
        assert m.text.startswith(r["task"][:12])
        assert (m.lead_units, m.support_units) == (
            [u.replace("（", "(").replace("）", ")") for u in r["lead"]],
            [u.replace("（", "(").replace("）", ")") for u in r["support"]],
        )


def _line(page: int, cells: list[str]) -> layout.Line:
    return layout.Line(page=page, text="\t".join(cells), x0=0.0, x1=500.0, y=700.0, size=12.0, cells=cells,
                       edges=[layout.CellEdge() for _ in cells])  # fmt: skip


@pytest.mark.parametrize(
    ("top", "rest", "joined"),
    [
        (["序", "重点任务", "牵头单位", "配合单位", "完成时"], ["号", "", "", "", "限"], True),
        (["序", "重点任务", "牵头单", "责任单", "完"], ["号", "", "位", "位", "成时限"], True),
        # a row of its own below a whole header: 序号 and 1 make no column word
        (["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], ["1", "推进某项工作", "县农业农村局", "", "2027年"], False),
        (["序号", "重点任务", "牵头单位", "配合单位", "备"], ["号", "", "", "", "注"], False),  # 序号号 names nothing
        # one of a table's first rows that is a task's, and the next task's row: no header word is made
        (["1", "推进生态茶园建设", "县农业农村局", "县林业局", "2027年"], ["2", "提升加工水平", "县工信局", "", "2028年"],
         False),
    ],
)
def test_a_header_goes_on_only_when_its_words_do(top: list[str], rest: list[str], joined: bool) -> None:
    head = _line(0, top)
    assert layout._header_goes_on(head, _line(1, rest), [layout._cells_key(head)]) is joined


def test_a_row_that_is_no_header_row_takes_nothing() -> None:
    """Only one of the table's first rows is a header: a body row further down is not joined to the next page's."""
    row = _line(0, ["序", "重点任务", "牵头单位", "配合单位", "完成时"])
    assert not layout._header_goes_on(row, _line(1, ["号", "", "", "", "限"]), heads=[])
