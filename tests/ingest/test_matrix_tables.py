"""Task tables printed as a RESPONSIBILITY MATRIX: one column per unit (its name the header cell), each row's cell
under a unit saying that unit's role ("牵头"/"配合", or a mark a legend explains). engine/ingest/matrix.py and
engine/ingest/tables.py; fixtures/matrix16 (see its README) and blind28's 山西 .docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.legend import stated_marks
from engine.ingest import from_text, load_document
from engine.ingest.tables import Cell, find_header, unit_columns
from engine.parse import parse_plan

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
HERE = ROOT / "matrix16"
ORDOS_DOCX = HERE / "ordos-city-coal-chemical-matrix.docx"
ORDOS_PDF = HERE / "ordos-city-coal-chemical-matrix.pdf"
YULIN_HTML = HERE / "yulin-city-semi-coke-marks.html"
SHANXI = ROOT / "blind28" / "shanxi-province-coal-mine-matrix.docx"


def units(path: Path) -> list[tuple[str, str, list[str], list[str]]]:
    plan = parse_plan(load_document(str(path)))
    return [(m.ref, m.title, m.lead_units, m.support_units) for m in plan.measures]


# counted by hand from fixtures/matrix16/make_documents.py: the columns marked 牵头 lead, 配合 support, in column order
ORDOS = [
    ("1", "推进煤制烯烃产业链延伸", ["市工业和信息化局"], ["市发展改革委", "各旗区人民政府"]),
    ("2", "推动煤化工与新能源耦合发展", ["市能源局"], ["市发展改革委", "市生态环境局"]),
    ("3", "加快园区基础设施提升", ["市工业和信息化局", "各旗区人民政府"], ["市生态环境局"]),
    ("4", "强化关键技术攻关", ["市科技局"], ["市工业和信息化局"]),
    ("5", "严格项目能效和环保准入", ["市发展改革委"], ["市能源局", "市生态环境局"]),
    ("6", "优化煤炭资源配置", ["市能源局"], ["市发展改革委", "各旗区人民政府"]),
]
COUNTIES = "各县(市、区)人民政府"
YULIN = [
    ("1", "推进落后产能整合退出", ["市工业和信息化局"], ["市发展改革委", COUNTIES]),
    ("2", "实施环保提标改造", ["市生态环境局", COUNTIES], ["市工业和信息化局"]),
    ("3", "提升尾气综合利用水平", ["市工业和信息化局"], ["市发展改革委"]),
    ("4", "强化安全生产监管", ["市应急管理局"], ["市工业和信息化局", COUNTIES]),
    ("5", "加强产品质量管理", ["市市场监管局"], ["市工业和信息化局"]),
]


def test_a_word_matrix_under_a_merged_unit_header_gives_each_row_its_units():
    """Two header rows (责任单位 merged over the unit columns, a unit's name typed over two lines), a landscape
    section: each unit is read from its column's header, its role from the row's cell."""
    assert units(ORDOS_DOCX) == ORDOS


def test_the_same_matrix_printed_to_pdf_reads_the_same():
    """The ruled table's header comes on two lines (the merged 序号 wrapped as 序 / 号 over them)."""
    assert units(ORDOS_PDF) == ORDOS


def test_marks_of_a_page_read_by_the_legend_under_the_table(tmp_path):
    """● and ○ mean what the 注 line under the table says; 各县（市、区）人民政府 is one unit's column. Without the
    注 line a ● says nothing of who leads: the rows are still the measures, with no units."""
    assert units(YULIN_HTML) == YULIN
    page = YULIN_HTML.read_text("utf-8").replace("<p>注：●为牵头单位，○为配合单位。</p>", "")
    (tmp_path / "page.html").write_text(page, "utf-8")
    got = units(tmp_path / "page.html")
    assert [(ref, title) for ref, title, _, _ in got] == [(ref, title) for ref, title, _, _ in YULIN]
    assert all(lead == [] and support == [] for _, _, lead, support in got)


def test_blind28_matrix_names_every_lead_so_no_lead_is_missing():
    """blind28 山西: every row has a 牵头 column, so checked alone it gets no "no lead unit" finding (it got one
    for all eight measures while the matrix was not read)."""
    from engine.pipeline import check

    assert units(SHANXI)[1][2] == ["省能源局", "各市人民政府"]
    for path in (SHANXI, ORDOS_DOCX, YULIN_HTML):
        run = check(str(path), allow_no_parent=True)
        assert [f for f in run.report.findings if f.rule == "lead-unit-required"] == [], path.name


def test_a_tab_matrix_in_text_with_a_duty_mark():
    """A matrix pasted as text (cells split by tabs), √ stated as 责任单位: the units it marks answer jointly."""
    text = "\n".join([
        "沽源县马铃薯产业发展工作方案",
        "二、重点任务",
        "重点任务分工如下（√表示责任单位）：",
        "序号\t重点任务\t县农业农村局\t县发展改革局\t县财政局\t各乡镇人民政府\t完成时限",
        "1\t建设脱毒种薯繁育基地。新建脱毒种薯繁育基地2万亩。\t√\t\t√\t√\t2026年12月",
        "2\t培育马铃薯加工龙头企业。引进精深加工企业2家以上。\t\t√\t√\t\t2027年6月",
        "三、保障措施",
        "（一）加强组织领导。",
    ])  # fmt: skip
    plan = parse_plan(from_text(text))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("1", ["县农业农村局", "县财政局", "各乡镇人民政府"], []),
        ("2", ["县发展改革局", "县财政局"], []),
    ]


@pytest.mark.parametrize(
    ("legend", "marks"),
    [
        ("注：★为牵头单位，☆为配合单位。", {"★": "lead", "☆": "support"}),
        ("（●表示牵头，○表示配合）", {"●": "lead", "○": "support"}),
        ("说明：▲—牵头单位；△—配合单位", {"▲": "lead", "△": "support"}),
        ("表中标注“主”的为牵头单位，标注“协”的为配合单位。", {"主": "lead", "协": "support"}),
        ("註：●為牽頭單位，○為配合單位。", {"●": "lead", "○": "support"}),  # traditional characters
        # a bullet before a field is no legend; a mark stated with two roles says nothing
        ("● 牵头单位要切实履行职责，○配合单位积极支持。", {}),
        ("注：●为牵头单位。附表2中●为配合单位。", {}),
    ],
)
def test_legends(legend, marks):
    assert stated_marks([legend]) == marks


def _row(*texts: str) -> list[Cell]:
    return [Cell(col=k, span=1, parts=[t]) for k, t in enumerate(texts)]


def test_units_names_over_figures_are_no_task_table():
    """序号 and units' names make a header only over role words or marks: a table of figures per unit is none."""
    figures = [_row("序号", "项目", "省财政厅", "市财政局"), _row("1", "农村公路养护", "1200", "800")]
    assert find_header(figures) is None
    words = [_row("序号", "工作事项", "省发展改革委", "省财政厅"), _row("1", "编制专项规划", "牵头", "配合")]
    found = find_header(words)
    assert found is not None and found[1][2] == "unit" and found[1][0] == "no"


def test_each_unit_column_keeps_its_own_unit():
    """A matrix's unit columns share one role word ("unit") and each keeps its own unit in a map of its own: two
    columns of two units never compare (or hash) as one column."""
    head = _row("序号", "工作事项", "省发展改革委", "省财政厅", "省财政厅")
    found = find_header([head, _row("1", "编制专项规划", "牵头", "配合", "配合")])
    assert found is not None
    assert [found[1][c] for c in (2, 3, 4)] == ["unit"] * 3 and all(type(found[1][c]) is str for c in (2, 3, 4))
    assert unit_columns(head) == {2: "省发展改革委", 3: "省财政厅", 4: "省财政厅"}


def test_a_mark_before_thousands_of_spaces_is_read_at_once():
    """A legend's mark and role stood a run of spaces apart in a pattern of four space runs between optional words:
    "●" and 160 spaces took minutes, from any .txt table's text. The text is read with its spaces removed."""
    assert stated_marks(["●" + " " * 20000]) == {}
    assert stated_marks(["注：●" + " " * 20000 + "为牵头单位，○" + "\u3000" * 20000 + "为配合单位"]) == {
        "●": "lead", "○": "support"
    }  # fmt: skip


# one reader of a document's legend for a matrix's cells and for the marks beside units' names: each wording below
# was read by only one of two readers (or lost its second mark)
LEGENDS = [
    ("注：★表示牵头，☆表示配合", "★", "☆"),
    ("各项任务责任单位中，带*号的为牵头单位，其余为配合单位。", "*", None),
    ("●为牵头单位，○为配合单位", "●", "○"),
]


@pytest.mark.parametrize(("legend", "lead", "support"), LEGENDS)
def test_one_legend_for_a_matrix_and_for_marked_names(legend, lead, support):
    from engine import extract

    assert (extract.stated_lead_mark(legend), extract.stated_support_mark(legend)) == (lead, support)
    assert stated_marks([legend]) == {lead: "lead", **({support: "support"} if support else {})}


@pytest.mark.parametrize(("legend", "lead", "support"), LEGENDS)
def test_a_text_matrix_reads_its_marks_by_any_of_the_legends(legend, lead, support):
    other = support or "√"
    text = "\n".join([
        "沽源县马铃薯产业发展工作方案",
        "二、重点任务",
        legend,
        "序号\t重点任务\t县农业农村局\t县发展改革局\t县财政局\t完成时限",
        f"1\t建设脱毒种薯繁育基地。新建脱毒种薯繁育基地2万亩。\t{lead}\t\t{other}\t2026年12月",
        f"2\t培育马铃薯加工龙头企业。引进精深加工企业2家以上。\t{other}\t{lead}\t\t2027年6月",
        "三、保障措施",
        "（一）加强组织领导。",
    ])  # fmt: skip
    plan = parse_plan(from_text(text))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    supports = (["县财政局"], ["县农业农村局"]) if support else ([], [])
    assert got == [("1", ["县农业农村局"], supports[0]), ("2", ["县发展改革局"], supports[1])]
