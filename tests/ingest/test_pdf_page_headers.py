"""A Word task table printed to PDF over a page break reads as the table: the header row Word repeats at the top
of the next page ("标题行重复") is no row, and a row the page cut goes on there, cell by cell — a cell's part on
the next page continuing the line the page cut, or starting the next unit where the author typed a line break
(two units never joined, one unit never parted). fixtures/pageheads (rows.yaml says what each row holds)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from engine.ingest.readers import TableRow, read_pdf
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "pageheads"
DOCUMENTS: dict[str, dict] = yaml.safe_load((HERE / "rows.yaml").read_text("utf-8"))["documents"]


def _page_rows(path: Path) -> list[list[tuple[int, list[str]]]]:
    """The table rows of each page as printed (page number, cells), before any page is joined to another."""
    import pypdfium2 as pdfium

    from engine.ingest import pdf as layout

    document = pdfium.PdfDocument(str(path))
    try:
        out = []
        for i in range(len(document)):
            page = document[i]
            textpage = page.get_textpage()
            lines, _ = layout.page_lines(textpage, i, page)
            textpage.close()
            page.close()
            out.append([(i, line.cells) for line in lines if line.cells is not None])
        return out
    finally:
        document.close()


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_fixture_page_breaks_where_rows_yaml_says(name: str) -> None:
    """Guards the fixture, not the engine: the PDF is what rows.yaml describes (a task table over two pages, its
    header printed again at the top of page 2, then row N's rest under it (`in`) or row N whole (`before`)), so a
    regenerated copy that breaks elsewhere fails here rather than as a reading bug in the tests below."""
    doc = DOCUMENTS[name]
    first, second = _page_rows(HERE / name)
    header = doc["columns"]
    assert first[0][1] == header and second[0][1] == header
    at = doc["page_break"]
    if "in" in at:
        assert first[-1][1][0] == at["in"]
        assert second[1][1][0] == "" and any(second[1][1][1:])  # the cut row's rest, no number of its own
    else:
        assert first[-1][1][0] == str(int(at["before"]) - 1)
        assert second[1][1][0] == at["before"]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_row_reads_whole_with_its_cells(name: str) -> None:
    doc = DOCUMENTS[name]
    text = read_pdf((HERE / name).read_bytes(), name)
    rows = [line.split("\t") for _, line in text.lines if isinstance(line, TableRow) and "\t" in line]
    expected = [
        [r["number"], r["task"], " ".join(r["lead"]), " ".join(r["support"]), r["when"]] for r in doc["rows"]
    ]
    assert rows == expected  # no header row again, no half row; a typed line break between two units a space
    assert [x.replace(" ", "") for x in text.removed] == ["—1—", "—2—"]  # the footers, out of the rows' text


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_row_names_its_units(name: str) -> None:
    measures = load_plan(str(HERE / name)).measures
    got = [(m.label, m.lead_units, m.support_units) for m in measures]
    half = str.maketrans("（）", "()")  # a plan's text is read with half-width brackets (engine.ingest.normalise)
    want = [(r["number"], r["lead"], [u.translate(half) for u in r["support"]]) for r in DOCUMENTS[name]["rows"]]
    assert got == want
