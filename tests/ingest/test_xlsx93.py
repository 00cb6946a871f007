"""Task lists kept in Excel, and plans whose measures each carry a task card (fixtures/xlsx93/README.md): what blind93
showed read wrong, as a class.

1. A list's note rows at its foot (备注：…, 填表说明：1.… and its next point, "注：…", "备注 | text") are no task rows: no
   part of the last task, no measure (engine/ingest/table_notes.py, engine/parse/table_foot.py).
2. The title row under an "附件" mark is the list's title; one naming a plan in 《》 (《X方案》任务分解表) gives that plan's
   title; the level and place are read from it (engine/parse/frontmatter.py `_list_heading`, `_list_names`).
3. A list kept one sheet per chapter repeats its title row: printed again, no text of the chapter before.
4. A date cell shown by month (yyyy"年"m"月") is that month, not its first day.
5. A 牵头单位 | 配合单位 | 完成时限 card over one row of values under a measure gives that measure's fields.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import yaml
from docx import Document

from bench.gold import closing_overrun, compare, same_jurisdiction
from engine.errors import PlancheckError
from engine.ingest.xlsx import read_xlsx
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "xlsx93"
DOCS = [
    "gansu-province-herbs-division.xlsx",
    "kunshan-county-ancient-town-chapters.xlsx",
    "ganzhou-city-navel-orange-ledger.xlsx",
    "zunyi-city-tea-task-cards.docx",
]


def _gold(name: str) -> dict:
    return yaml.safe_load((HERE / (Path(name).stem + ".expected.yaml")).read_text("utf-8"))


@pytest.mark.parametrize("name", DOCS)
def test_the_fixtures_are_read_as_counted_by_hand(name):
    gold = _gold(name)
    got = load_plan(str(HERE / name)).model_dump(mode="json")
    assert compare(gold, got) + closing_overrun(gold, got) == []
    assert got["level"] == gold["level"]
    assert same_jurisdiction(gold["jurisdiction"], got["jurisdiction"], got.get("parent_jurisdiction"))


def test_a_notes_second_point_is_no_measure_and_the_note_is_the_closing():
    plan = load_plan(str(HERE / "gansu-province-herbs-division.xlsx"))
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4", "5", "6"]
    assert plan.closing.startswith("填报说明：1.") and "2.完成时限为该项任务的最迟完成月份" in plan.closing


def test_a_month_date_cell_is_that_month():
    plan = load_plan(str(HERE / "gansu-province-herbs-division.xlsx"))
    # 2027年6月 (a date cell formatted yyyy"年"m"月"): the task is due by the month's end, not its first day
    assert "2027-06-30" in {d.date for d in plan.measures[1].deadlines if d.date}
    assert "2027-06-01" not in {d.date for d in plan.measures[1].deadlines if d.date}


def test_a_title_row_repeated_on_each_chapter_sheet_is_no_text():
    plan = load_plan(str(HERE / "kunshan-county-ancient-town-chapters.xlsx"))
    assert not any("任务分解表" in m.text for m in plan.measures)
    lines = [t for _, t in read_xlsx((HERE / "kunshan-county-ancient-town-chapters.xlsx").read_bytes(), "k.xlsx")]
    assert sum("任务分解表" in t for t in lines) == 1
    numbers = [n for n, _ in read_xlsx((HERE / "kunshan-county-ancient-town-chapters.xlsx").read_bytes(), "k.xlsx")]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)  # the sheets' rows numbered on


def test_an_instructions_sheet_after_the_list_is_no_measure_text():
    plan = load_plan(str(HERE / "ganzhou-city-navel-orange-ledger.xlsx"))
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4", "5"]
    assert not any("填报说明" in m.text or "注：" in m.text for m in plan.measures)


def _book(tmp_path: Path, rows, merges=(), name="list.xlsx", fmt=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(list(row))
    for rng in merges:
        ws.merge_cells(rng)
    if fmt:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, dt.datetime):
                    c.number_format = fmt
    path = tmp_path / name
    wb.save(path)
    return path


HEAD = ["序号", "重点任务", "责任单位", "完成时限"]
TASKS = [
    [1, "建设智慧农业示范基地5个", "县农业农村局、县科技局", "2027年6月底前"],
    [2, "培育家庭农场50家", "县农业农村局、县财政局", "2027年12月底前"],
]


def test_a_note_row_stating_a_lead_convention_still_applies(tmp_path):
    path = _book(
        tmp_path,
        [["宁海县2027年现代农业重点任务清单"], HEAD, *TASKS, ["注：责任单位中排在第一位的为牵头单位，其余为配合单位。"]],
        merges=["A1:D1", "A5:D5"],
    )
    plan = load_plan(str(path))
    assert plan.title == "宁海县2027年现代农业重点任务清单"
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["县农业农村局"], ["县科技局"]),
        (["县农业农村局"], ["县财政局"]),
    ]
    assert "注：" not in plan.measures[-1].text


def test_a_note_in_its_own_cell_beside_its_text(tmp_path):
    path = _book(
        tmp_path,
        [["附件1"], ["宁海县2027年现代农业重点任务清单"], HEAD, *TASKS, ["备注", "各单位每季度报送一次进展情况。"]],
        merges=["A2:D2", "B6:D6"],
    )
    plan = load_plan(str(path))
    assert plan.title == "宁海县2027年现代农业重点任务清单"
    assert plan.level == "county"
    assert [m.ref for m in plan.measures] == ["1", "2"]
    assert "进展情况" not in plan.measures[-1].text
    assert "各单位每季度报送一次进展情况" in plan.closing


def test_a_task_whose_cell_opens_with_a_note_word_is_still_a_task(tmp_path):
    # a row with a number and units is a task, whatever its text opens with
    path = _book(tmp_path, [HEAD, *TASKS, [3, "说明：编制产业规划", "县发展改革局", "2027年12月底前"]])
    assert [m.ref for m in load_plan(str(path)).measures] == ["1", "2", "3"]


def test_a_title_naming_no_plan_in_brackets_is_kept_as_printed(tmp_path):
    # 《》 around something that is no plan's title (a brand) is part of the list's own title
    path = _book(tmp_path, [["《宁海白枇杷》品牌培育任务清单"], HEAD, *TASKS], merges=["A1:D1"])
    assert load_plan(str(path)).title == "《宁海白枇杷》品牌培育任务清单"


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [('yyyy"年"m"月"', "2027年6月"), ("yyyy/m", "2027年6月"), ('yyyy"年"', "2027年"), ("yyyy-mm-dd", "2027年6月15日"),
     ('[$-804]yyyy"年"m"月"d"日"', "2027年6月15日")],
)
def test_a_date_cell_reads_as_its_format_shows_it(tmp_path, fmt, shown):
    path = _book(tmp_path, [HEAD, [1, "建设智慧农业示范基地5个", "县农业农村局", dt.datetime(2027, 6, 15)]], fmt=fmt)
    lines = [t for _, t in read_xlsx(path.read_bytes(), str(path))]
    assert lines[-1].endswith(shown)


def _cards_doc(tmp_path: Path, cards, name="cards.docx") -> Path:
    doc = Document()
    doc.add_paragraph("象山县海洋渔业转型发展实施方案")
    doc.add_paragraph("二、重点任务")
    for k, (text, table) in enumerate(cards):
        doc.add_paragraph(f"（{'一二三'[k]}）{text}")
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    doc.add_paragraph("三、保障措施")
    doc.add_paragraph("（一）加强组织领导。成立工作专班。")
    path = tmp_path / name
    doc.save(path)
    return path


CARD = ["牵头单位", "配合单位", "完成时限"]


def test_a_task_card_gives_its_measure_the_units(tmp_path):
    path = _cards_doc(tmp_path, [
        ("推进渔船更新改造。更新改造渔船100艘。", [CARD, ["县海洋与渔业局", "县财政局、石浦镇人民政府", "2027年底前"]]),
        ("建设渔港经济区。建成石浦渔港经济区。", [CARD, ["县发展改革局", "—", "2028年底前"]]),
    ])  # fmt: skip
    plan = load_plan(str(path))
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["县海洋与渔业局"], ["县财政局", "石浦镇人民政府"]),
        (["县发展改革局"], []),
    ]


def test_a_table_of_several_rows_under_a_measure_is_no_card(tmp_path):
    # two rows of values under the header: a task table of its own (rows with units), never one measure's fields
    path = _cards_doc(tmp_path, [
        ("推进渔船更新改造。", [CARD, ["县海洋与渔业局", "县财政局", "2027年底前"], ["县交通运输局", "—", "2028年底前"]]),
    ])  # fmt: skip
    plan = load_plan(str(path))
    assert len(plan.measures) == 2


def test_a_workbook_of_notes_only_is_refused_as_no_plan(tmp_path):
    # its one row is a note: no task, so no measures — the tool's own error, no traceback
    path = _book(tmp_path, [HEAD, ["备注：本表暂无任务。"]], merges=["A2:D2"])
    with pytest.raises(PlancheckError) as err:
        load_plan(str(path))
    assert err.value.code == "parse.no_measures"
