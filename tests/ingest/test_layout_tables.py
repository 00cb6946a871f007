"""Task tables in text laid out by column positions, as `pdftotext -layout` gives a printed notice (form feeds
between pages, cells wrapping within their columns, a blank line between rows, the header printed again on the
next page): engine/ingest/layout_tables.py. No row of such a table was read (blind33 澄海区): the blank line after
the header ended it, and a row's wrapped lines were no rows. fixtures/tables30/chaoan-district-ceramics-layout.txt
(潮安区: a 责任单位 column with the first-listed convention, unit names broken over lines, a row crossing a page)."""

from __future__ import annotations

from pathlib import Path

from engine.ingest import from_text, load_document
from engine.parse import parse_plan

CHAOAN = Path(__file__).resolve().parents[2] / "fixtures" / "tables30" / "chaoan-district-ceramics-layout.txt"

HEAD = "    序号  重点任务                              牵头单位        配合单位          完成时限"
ROWS = [
    "    1     推动玩具设计创新。建设澄海玩具创意    区工业和信息化  区科技局          2027年12",
    "          设计中心，引进培育工业设计机构10家    局              区玩具协会        月",
    "          以上。",
    "",
    "    2     加强知识产权保护。建设玩具知识产权    区市场监督管理  区科技局          持续推进",
    "          快速维权中心。                        局              汕头市公安局澄海",
    "                                                                分局",
]


def _plan(*body: str):
    text = "\n".join(["某区玩具产业工作方案", "    一、工作目标", "    　　到2028年产业规模明显扩大。", "    二、重点任务", "",
                      *body, "", "    三、保障措施", "    　　（一）加强组织领导。成立工作专班。"])  # fmt: skip
    return parse_plan(from_text(text))


def test_rows_wrapped_within_their_columns() -> None:
    plan = _plan(HEAD, "", *ROWS)
    assert [(m.label, m.title) for m in plan.measures] == [
        ("1", "推动玩具设计创新"), ("2", "加强知识产权保护")
    ]  # fmt: skip
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["区工业和信息化局"], ["区科技局", "区玩具协会"]),
        (["区市场监督管理局"], ["区科技局", "汕头市公安局澄海分局"]),
    ]
    assert plan.measures[0].text.startswith("推动玩具设计创新。建设澄海玩具创意设计中心，引进培育工业设计机构10家以上。")
    assert plan.measures[0].deadlines[0].date == "2027-12-31"


def test_a_whole_name_filling_its_column_is_followed_by_the_next() -> None:
    """区工业和信息化局 fills the 配合单位 column and is whole; 区玩具协会 below opens as a name does: two units. A
    name filling it and going on with a part that opens as none does (澄海分局 under 汕头市生态环境局) is one."""
    rows = [
        "    1     拓展国内外市场。组织企业参加展会。    区商务局        区工业和信息化局  持续推进",
        "                                                                区玩具协会",
        "    2     强化环境治理。开展专项治理。          区应急管理局    汕头市生态环境局  2026年12",
        "                                                                澄海分局          月",
    ]
    plan = _plan(HEAD, *rows)
    assert [m.support_units for m in plan.measures] == [["区工业和信息化局", "区玩具协会"], ["汕头市生态环境局澄海分局"]]


def test_the_table_goes_on_past_a_page_break_and_its_repeated_header() -> None:
    rows = [*ROWS[:2], "", "                                     — 2 —", "\f" + HEAD, "", *ROWS[2:]]
    plan = _plan(HEAD, *rows)
    assert [(m.label, m.lead_units) for m in plan.measures] == [("1", ["区工业和信息化局"]), ("2", ["区市场监督管理局"])]
    assert plan.measures[0].text.startswith("推动玩具设计创新。建设澄海玩具创意设计中心，引进培育工业设计机构10家以上。")


def test_prose_after_the_table_stays_prose() -> None:
    """A paragraph at the margin (三、保障措施 and its items), and a line standing in the task column but running
    across the columns, end the table."""
    long_line = "          各责任单位要按照任务分工，细化工作措施，明确时间节点，确保各项任务按期完成并报送进展。"
    text = "\n".join(["某区玩具产业工作方案", "    二、重点任务", HEAD, "", *ROWS, long_line, "", "    三、保障措施"])
    paras = from_text(text).paragraphs
    assert [p.text[:8] for p in paras if p.table_row] == ["1.推动玩具设计", "2.加强知识产权"]
    assert not any("各责任单位" in p.text for p in paras if p.table_row)
    assert any(p.text.startswith("各责任单位要按照任务分工") and not p.table_row for p in paras)


def test_fixture_chaoan_district() -> None:
    plan = parse_plan(load_document(str(CHAOAN)))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["区工业和信息化局"], ["区发展和改革局", "区市场监督管理局"]),
        ("2", ["区自然资源和规划局"], ["区科学技术局"]),
        ("3", ["区商务局"], ["潮州市生态环境局潮安分局"]),
        ("4", ["区人力资源和社会保障局"], ["区教育局"]),
        ("5", ["区应急管理局"], ["各镇人民政府(街道办事处)"]),
    ]
    assert "每年培训陶瓷技能人才2000人次以上，建设陶瓷职业技能实训基地1个。(" in plan.measures[3].text
    assert [m.deadlines[0].date if m.deadlines else None for m in plan.measures] == [
        "2027-12-31", "2026-12-31", None, "2028-12-31", "2026-06-30"
    ]  # fmt: skip
    assert "保障措施" in [s.title for s in plan.sections]
