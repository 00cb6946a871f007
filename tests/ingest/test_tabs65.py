"""A task table pasted as TAB-separated lines (a spreadsheet, or a Word table copied as plain text) whose 牵头单位 cell was
merged down over several rows: the copy prints the cell's text on the first row of its span only and leaves the field
EMPTY on the rows below (issue #16, blind65 庆元 at first sight: rows 2 and 4 read with no lead). Such a field is the
merged cell's continuation, read as the cell above, as the .docx reader reads a w:vMerge cell and the HTML reader a
rowspan (engine/ingest/tables.py `_merged_leads`); an empty field no merge can explain (a table's or a group's first
row, a row naming that unit itself) shows a table whose author leaves leads empty, and none of its empty fields is
read so. fixtures/tabs65 (its README says what each document models and why)."""

from __future__ import annotations

from pathlib import Path

from engine.ingest.tables import text_table_lines
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "tabs65"


HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
ROWS = [
    ["1", "建设区域冷链物流中心，新增冷库容量5万吨。", "区商务局", "区发展改革委、区交通运输局", "2026年12月"],
    ["2", "培育冷链物流龙头企业2家以上。", None, "区财政局", "2027年6月"],
    ["3", "推广冷链全程温控追溯系统。", None, "区市场监管局", "持续推进"],
    ["4", "完善农产品产地冷藏保鲜设施。", "区农业农村局、区供销社", "各镇人民政府", "2027年12月"],
    ["5", "开展冷链运输车辆专项检查。", None, "区公安分局", "持续推进"],
]
MERGED = [  # (label, lead, support): a merged 牵头单位 cell gives its units to every row it spans
    ("1", ["区商务局"], ["区发展改革委", "区交通运输局"]),
    ("2", ["区商务局"], ["区财政局"]),
    ("3", ["区商务局"], ["区市场监管局"]),
    ("4", ["区农业农村局", "区供销社"], ["各镇人民政府"]),
    ("5", ["区农业农村局", "区供销社"], ["区公安分局"]),
]
TITLE = "某市某区冷链物流提质行动方案\n\n一、重点任务\n\n"
CLOSE = "\n\n二、保障措施\n\n各部门要加强协作。\n"


def _read(tmp_path: Path, text: str, suffix: str = ".txt") -> list[tuple[str, list[str], list[str]]]:
    path = tmp_path / ("plan" + suffix)
    path.write_text(text, "utf-8")
    return [(m.label, m.lead_units, m.support_units) for m in load_plan(str(path)).measures]


def _tab(rows: list[list[str | None]]) -> str:
    return "\n".join("\t".join(c or "" for c in row) for row in [HEADER, *rows])


def test_an_empty_lead_field_under_a_merged_cell_is_the_cell_above(tmp_path: Path) -> None:
    assert _read(tmp_path, TITLE + _tab(ROWS) + CLOSE) == MERGED


def test_the_same_table_in_a_docx_reads_the_same(tmp_path: Path, make_docx) -> None:
    """The .docx form of the table (w:vMerge continuations) and its tab-separated copy give every row the same units."""
    path = make_docx(tmp_path / "plan.docx", ["某市某区冷链物流提质行动方案", "一、重点任务", [HEADER, *ROWS], "二、保障措施"])
    got = [(m.label, m.lead_units, m.support_units) for m in load_plan(str(path)).measures]
    assert got == MERGED == _read(tmp_path, TITLE + _tab(ROWS) + CLOSE)


def test_a_pipe_table_reads_the_same(tmp_path: Path) -> None:
    """A spreadsheet exported as a | pipe table leaves a merged cell's continuations empty the same way."""
    lines = ["| " + " | ".join(c or "" for c in row) + " |" for row in [HEADER, *ROWS]]
    lines.insert(1, "|" + "---|" * len(HEADER))
    assert _read(tmp_path, TITLE + "\n".join(lines) + CLOSE) == MERGED


def test_a_text_table_pasted_into_a_docx_reads_the_same(tmp_path: Path, make_docx) -> None:
    """The tab-separated copy pasted into Word as paragraphs (engine/ingest/readers.py `_pasted_tables`)."""
    lines = _tab(ROWS).split("\n")
    path = make_docx(tmp_path / "plan.docx", ["某市某区冷链物流提质行动方案", "一、重点任务", *lines, "二、保障措施"])
    assert [(m.label, m.lead_units, m.support_units) for m in load_plan(str(path)).measures] == MERGED


def test_a_row_whose_task_runs_over_two_lines_still_continues_the_merge(tmp_path: Path) -> None:
    """A cell's line break (Word copies it as a new line) is joined to its row first; the joined row's empty lead
    field is then a continuation like any other."""
    text = _tab(ROWS[:1]) + "\n2\t培育冷链物流龙头企业。\n支持企业兼并重组，培育龙头企业2家以上。\t\t区财政局\t2027年6月"
    got = _read(tmp_path, TITLE + text + CLOSE)
    assert got == [MERGED[0], ("2", ["区商务局"], ["区财政局"])]


def test_a_merged_duty_column_reads_the_same(tmp_path: Path) -> None:
    """A 责任单位 column (its units lead jointly) merged down: the same continuation."""
    rows = [[c if k != 2 else (c or "") for k, c in enumerate(row)] for row in ROWS[:3]]
    text = "\n".join("\t".join(r) for r in [["序号", "重点任务", "责任单位", "配合单位", "完成时限"], *rows])
    assert [lead for _, lead, _ in _read(tmp_path, TITLE + text + CLOSE)] == [["区商务局"]] * 3


# ---------------------------------------------------------------------------------------------- truly empty fields


def test_an_empty_lead_on_the_first_row_leaves_every_empty_lead_empty(tmp_path: Path) -> None:
    """Row 1 cannot continue a merge: the author leaves leads empty, and rows 3 and 5 (under a filled field) stay empty
    too — a lead left to ask for, never one guessed from the row above."""
    rows = [list(r) for r in ROWS]
    rows[0][2] = None
    got = _read(tmp_path, TITLE + _tab(rows) + CLOSE)
    assert [lead for _, lead, _ in got] == [[], [], [], ["区农业农村局", "区供销社"], []]


def test_an_empty_lead_first_in_its_group_leaves_every_empty_lead_empty(tmp_path: Path) -> None:
    """A group row (一、…) spans the whole row: no merged cell runs through it, so an empty lead right under it is empty,
    and so are the table's others."""
    rows: list[list[str | None] | str] = ["一、建设冷链设施", *ROWS[:3], "二、规范冷链运输", [*ROWS[4][:2], None, *ROWS[4][3:]]]
    text = "\n".join(r if isinstance(r, str) else "\t".join(c or "" for c in r) for r in [HEADER, *rows])
    got = _read(tmp_path, TITLE + text + CLOSE)
    assert [lead for _, lead, _ in got] == [["区商务局"], [], [], []]


def test_merges_stop_at_a_group_row(tmp_path: Path) -> None:
    """Each group's own first lead starts its merges: the group row ends the span above."""
    rows: list[list[str | None] | str] = ["一、建设冷链设施", *ROWS[:3], "二、规范冷链运输", *ROWS[3:]]
    text = "\n".join(r if isinstance(r, str) else "\t".join(c or "" for c in r) for r in [HEADER, *rows])
    assert _read(tmp_path, TITLE + text + CLOSE) == MERGED


def test_a_row_naming_the_lead_above_as_its_own_unit_is_no_continuation(tmp_path: Path) -> None:
    """Row 2 lists 区商务局 among its supporting units: a merged 区商务局 cell cannot span it. The table leaves leads
    empty; no empty field of it is a merge."""
    rows = [list(r) for r in ROWS]
    rows[1][3] = "区商务局、区财政局"
    got = _read(tmp_path, TITLE + _tab(rows) + CLOSE)
    assert [lead for _, lead, _ in got] == [["区商务局"], [], [], ["区农业农村局", "区供销社"], []]


def test_empty_support_and_deadline_fields_stay_empty(tmp_path: Path) -> None:
    """Only the lead column: an empty 配合单位 or 完成时限 field is common and means none."""
    rows = [list(r) for r in ROWS[:2]]
    rows[1][2], rows[1][3], rows[1][4] = "区财政局", None, None
    path = tmp_path / "plan.txt"
    path.write_text(TITLE + _tab(rows) + CLOSE, "utf-8")
    m = load_plan(str(path)).measures[1]
    assert (m.lead_units, m.support_units, m.deadlines) == (["区财政局"], [], [])


def test_a_reader_that_reads_merged_cells_itself_keeps_empty_fields_empty() -> None:
    """A PDF's ruled table rows reach the text reader as tab-separated lines after engine/ingest/pdf_tables.py has
    given each merged cell's text to its rows: an empty field there is an empty cell (`merged=False`)."""
    lines = list(enumerate(_tab(ROWS).split("\n"), 1))
    kept = [row.text for _, row in text_table_lines(lines, merged=False)]
    read = [row.text for _, row in text_table_lines(lines)]
    assert "牵头单位" not in kept[1] and "(牵头单位:区商务局;" in read[1]


def test_the_continuation_points_at_its_own_empty_field(tmp_path: Path) -> None:
    """The lead read from the merged cell is placed at the row's own empty 牵头单位 field (where a comment goes)."""
    path = tmp_path / "plan.txt"
    path.write_text(TITLE + _tab(ROWS) + CLOSE, "utf-8")
    r = load_plan(str(path)).measure("2").responsibility
    line = path.read_text("utf-8").splitlines()[r.line - 1]
    assert line.startswith("2\t") and r.column - 1 == line.index("\t\t") + 1
