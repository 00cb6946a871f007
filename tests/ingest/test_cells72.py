"""A task table pasted ONE CELL A LINE whose cells were merged down over a group of rows (issue #16, blind72 贺州市 at
first sight: 6 rows read as 2). The copy prints a merged cell in its group's first row only, so each later row has
one line fewer per merged cell: 重点任务 over its 具体措施, a column of the office's own (重点领域, 类别), a 牵头单位 one
office leads several rows with, a 完成时限 a group shares (engine/ingest/cell_tables.py `_short`). The missing cell is
read as the cell above, as a .docx w:vMerge or an HTML rowspan cell is. fixtures/cells72 holds the documents (its
README says what each models); tests/parse/test_fix_golds.py reads their golds, these test the rest."""

from __future__ import annotations

from pathlib import Path

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "cells72"


def _rows(path: Path) -> list[tuple]:
    plan = load_plan(str(path))
    return [(m.label, m.lead_units, m.support_units, [d.date for d in m.deadlines]) for m in plan.measures]


def test_a_merged_task_column_of_the_offices_own_leaves_each_later_row_a_line_short():
    got = _rows(HERE / "guyuan-city-cool-vegetables-cell-lines.txt")
    assert [g[0] for g in got] == ["1", "2", "3", "4", "5", "6"]
    assert got[2] == ("3", ["市自然资源局"], [], ["2027-12-31"])  # short, and its empty 配合单位 an empty line
    assert got[5] == ("6", ["市商务局"], ["市农业农村局"], ["2027-12-31"])  # the last row, short too
    plan = load_plan(str(HERE / "guyuan-city-cool-vegetables-cell-lines.txt"))
    assert not any("基地建设" in m.text for m in plan.measures)  # a column of the office's own: no task text


def test_a_merged_deadline_is_each_row_s_deadline_and_a_remark_no_task_text():
    path = HERE / "zhushan-county-tea-merged-deadline.txt"
    got = _rows(path)
    assert [(g[0], g[3]) for g in got] == [
        ("1", ["2026-12-31"]),
        ("2", ["2026-12-31"]),  # 重点任务 and 完成时限 both merged: two lines short
        ("3", ["2026-12-31"]),
        ("4", ["2027-12-31"]),
        ("5", ["2028-06-30"]),
        ("6", ["2028-12-31"]),
    ]
    plan = load_plan(str(path))
    assert not any("纳入年度考核" in m.text or "分年度推进" in m.text for m in plan.measures)


def test_a_merged_lead_is_each_row_s_lead_and_points_at_the_row_it_was_printed_in():
    path = HERE / "wangyuehu-subdistrict-gas-merged-lead.txt"
    assert [g[:3] for g in _rows(path)] == [
        ("1", ["街道应急管理办公室"], ["各社区居委会"]),
        ("2", ["街道应急管理办公室"], ["岳麓区消防救援大队", "各社区居委会"]),
        ("3", ["街道应急管理办公室"], []),
        ("4", ["街道党政综合办公室"], ["街道社区服务中心"]),
        ("5", ["街道党政综合办公室"], ["望月湖市场监管所", "各社区居委会"]),
    ]
    lines = path.read_text("utf-8").splitlines()
    plan = load_plan(str(path))
    for m in plan.measures:
        assert lines[m.line - 1] == m.label  # each row starts at its 序号 line


HEAD = "某县茶园病虫害绿色防控实施方案\n\n一、重点任务\n序号\n重点任务\n具体措施\n牵头单位\n配合单位\n完成时限\n"
FIRST = "1\n建设防控示范区\n建设绿色防控示范区5个。\n县农业农村局\n县财政局\n2026年12月底前\n"


def _measures(text: str) -> list[tuple]:
    plan = parse_plan(from_text(text))
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


def test_a_unit_alone_is_no_task_text():
    """Row 2's lines could be cut with 具体措施 missing or with 牵头单位 missing (县林业局 as the 具体措施): a line naming
    only a unit is no task's text, so 重点任务 is the merged cell."""
    text = HEAD + FIRST + "2\n推广性诱剂和杀虫灯。\n县林业局\n县供销社\n2027年6月底前\n\n二、保障措施\n各单位要加强协作。\n"
    assert _measures(text) == [("1", ["县农业农村局"], ["县财政局"]), ("2", ["县林业局"], ["县供销社"])]


def test_a_table_s_first_row_is_never_short():
    """No cell above: a first row with a line fewer is no merge (the table is not read as rows from it)."""
    text = HEAD + "1\n建设绿色防控示范区5个。\n县农业农村局\n县财政局\n2026年12月底前\n\n二、保障措施\n各单位要加强协作。\n"
    assert not any(m.lead_units == ["县农业农村局"] and m.support_units == ["县财政局"] for m in parse_plan(from_text(text)).measures)


def test_a_last_row_with_an_empty_cell_and_a_deadline_in_words_stays_whole():
    """The last row's empty 配合单位 (an empty line) and a 完成时限 no deadline word says: the line after the empty one is
    the row's own cell, so the row is not cut short at the empty line."""
    text = HEAD + FIRST + "2\n推广绿色防控技术\n推广性诱剂和杀虫灯。\n县林业局\n\n按上级部署推进\n\n二、保障措施\n各单位要加强协作。\n"
    plan = parse_plan(from_text(text))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["县农业农村局"], ["县财政局"]),
        ("2", ["县林业局"], []),
    ]
    assert "按上级部署推进" in plan.measures[1].text


def test_a_row_whose_own_lead_is_the_one_above_is_not_read_under_a_merged_lead():
    """A row short by one whose one unit line names the lead above: that unit cannot both lead (the merged cell) and
    support it, so it is the row's lead."""
    text = (
        "某区社区养老服务提升方案\n\n一、重点任务\n序号\n工作任务\n牵头单位\n配合单位\n完成时限\n"
        "1\n新建社区养老服务站5个。\n区民政局\n区财政局\n2026年12月底前\n"
        "2\n培训养老护理员200人次。\n区民政局\n2027年6月底前\n\n二、保障措施\n各单位要加强协作。\n"
    )
    assert [m[:2] for m in _measures(text)] == [("1", ["区民政局"]), ("2", ["区民政局"])]
    assert _measures(text)[1][2] != ["区民政局"]


def test_numbered_prose_with_short_lines_is_no_table():
    text = (
        "某某镇农村人居环境整治提升工作方案\n\n一、工作目标\n全镇农村生活垃圾收运处置体系实现全覆盖。\n二、主要措施\n"
        "1\n加强组织领导\n镇党委、镇政府成立工作专班。\n2\n开展村庄清洁行动\n各村每月组织一次集中清理。\n"
        "3\n推进农村改厕\n镇农业综合服务中心负责。\n三、保障措施\n各村要落实专人负责。\n"
    )
    plan = parse_plan(from_text(text))
    assert not any(m.label in ("1", "2", "3") for m in plan.measures)
    assert any(p.text == "加强组织领导" for p in plan.paragraphs)
