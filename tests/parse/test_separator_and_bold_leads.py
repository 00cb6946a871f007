"""A convention a document states once and its clauses follow (issue #16): the units before a separator lead
("分号前为牵头单位，分号后为配合单位": "责任单位：X；Y、Z"), or the units printed bold lead ("加粗字体标注的为牵头单位",
"黑体字为牵头单位": a .docx run set bold or in 黑体, an .html <b>/<strong>). Ingest carries bold print beside the text
(`Paragraph.bold`), never in it: without a stated convention it means nothing, and no report shows a mark that was
not printed (rulesets/data/lead_conventions.yaml `separated`, `emphasised`; fixtures/conventions16)."""

from __future__ import annotations

import pytest

from engine import extract
from engine.ingest import from_text, load_document
from engine.parse import parse_plan
from tests.parse.conftest import FIXTURES

HERE = FIXTURES / "conventions16"
LILING = HERE / "liling-city-ceramics-semicolon.txt"
ANJI = HERE / "anji-county-white-tea-bold-leads.docx"
PIDU = HERE / "pidu-district-douban-bold-leads.html"
PIDU_NOTE = "方案所列责任单位中，黑体字为牵头单位，其余为配合单位。"


def roles(plan) -> list[tuple[str, list[str], list[str]]]:  # type: ignore[no-untyped-def]
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


def test_units_before_the_semicolon_lead_as_the_note_says() -> None:
    assert roles(parse_plan(load_document(str(LILING)))) == [
        ("(一)", ["市工业和信息化局"], ["市发展和改革局", "市财政局"]),
        ("(二)", ["市商务局", "市市场监督管理局"], ["各镇(街道)"]),  # two before it: two leads
        ("(三)", ["市自然资源局"], ["株洲市生态环境局醴陵分局"]),  # fields name the roles: as written
        ("(四)", ["市人力资源和社会保障局", "市教育局"], []),  # no semicolon: joint ("共同牵头")
        ("(五)", ["市科学技术局"], []),  # a 完成时限 field after the semicolon is no unit
    ]


def test_without_the_note_a_semicolon_divides_nothing() -> None:
    text = LILING.read_text("utf-8")
    note = next(line for line in text.splitlines() if line.startswith("注："))
    plain = roles(parse_plan(from_text(text.replace(note, ""))))
    assert plain[0] == ("(一)", ["市工业和信息化局", "市发展和改革局", "市财政局"], [])
    assert roles(parse_plan(from_text(text)))[0][1] == ["市工业和信息化局"]


def test_a_slash_stated_in_a_county_front() -> None:
    plan = parse_plan(
        from_text(
            "某县统计能力提升实施方案\n注：责任单位中斜杠前为牵头单位，斜杠后为配合单位。\n一、主要任务\n"
            "（一）夯实统计基础。规范基层统计台账。（责任单位：县统计局/县财政局、各乡镇人民政府）\n"
            "（二）加强数据共享。建设统计数据共享平台。（责任单位：县统计局、县数据局）\n"
        )
    )
    assert roles(plan) == [
        ("(一)", ["县统计局"], ["县财政局", "各乡镇人民政府"]),
        ("(二)", ["县统计局", "县数据局"], []),
    ]


@pytest.mark.parametrize(
    ("text", "chars"),
    [
        ("方案中各项任务所列“责任单位”，分号前为牵头单位，分号后为配合单位。", "；;"),
        ("注：责任单位中“；”之前的为牵头单位。", "；;"),
        ("斜杠前为牵头单位，斜杠后为配合单位。", "/／"),
        ("牵头单位列在分号之前，配合单位列在分号之后。", "；;"),
        ("责任单位中分号后面的为配合单位。", "；;"),
        ("各单位之间以分号隔开。", None),
        ("责任单位：县发改局；县财政局", None),
    ],
)
def test_separator_wordings(text: str, chars: str | None) -> None:
    assert extract.stated_lead_separator(text) == chars


def test_bold_units_of_a_county_docx_lead_in_its_clauses_and_its_table() -> None:
    plan = parse_plan(load_document(str(ANJI)))
    assert roles(plan) == [
        ("(一)", ["县农业农村局"], ["县自然资源和规划局", "各乡镇(街道)"]),
        ("(二)", ["县农业农村局"], ["县经济和信息化局", "县财政局"]),  # bold second: leads
        ("(三)", ["县经济和信息化局", "县科技局"], ["溪龙乡人民政府"]),  # two bold: two leads
        ("(四)", ["县市场监管局"], ["县商务局", "县文化和广电旅游体育局"]),  # set in 黑体: printed bold
        ("(五)", ["县市场监管局", "县农业农村局"], []),  # none bold: joint, as written
        ("1", ["溪龙乡人民政府"], ["县商务局"]),  # a Word table's cell
        ("2", ["县农业农村局"], ["县经济和信息化局"]),
    ]


def test_bold_units_of_a_page_lead_and_a_bold_heading_makes_no_lead() -> None:
    plan = parse_plan(load_document(str(PIDU)))
    assert roles(plan) == [
        ("(一)", ["区农业农村局"], ["安德街道办事处", "唐昌街道办事处"]),  # the <b> heading names no unit
        ("(二)", ["区新经济和科技局"], ["区商务局", "区生态环境局"]),  # font-weight:bold
        ("(三)", ["区市场监管局", "区新经济和科技局"], ["安德街道办事处"]),  # <strong>
        ("(四)", ["区文化广电体育和旅游局", "区商务局"], []),
        ("1", ["区生态环境局"], ["安德街道办事处"]),  # a task table's cell
        ("2", ["区市场监管局"], ["区农业农村局"]),
    ]


def test_bold_means_nothing_unless_stated_and_no_mark_is_invented(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html"
    page.write_text(PIDU.read_text("utf-8").replace(PIDU_NOTE, ""), "utf-8")
    doc = load_document(str(page))
    assert [p.bold for p in doc.paragraphs if "区新经济和科技局、区生态环境局" in p.text] == [
        ("(二)推动企业技术改造。", "区新经济和科技局")  # the bold heading and the bold unit, apart from the text
    ]
    assert roles(parse_plan(doc))[1] == ("(二)", ["区商务局", "区新经济和科技局", "区生态环境局"], [])
    stated = parse_plan(load_document(str(PIDU)))
    for m in stated.measures:  # read by the convention, the clause is quoted as printed
        assert m.responsibility is not None
        assert not any(ch in m.responsibility.text for ch in "*★\ue002\ue003")
    assert all("\ue002" not in p.text + p.orig and "\ue003" not in p.text + p.orig for p in stated.paragraphs)
    assert stated.measures[1].responsibility.text == "(责任单位：区商务局、区新经济和科技局、区生态环境局)"


def test_bold_units_that_support(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>某镇人居环境整治方案</p><p>说明：责任单位中加粗的为配合单位，其余为牵头单位。</p>"
        "<p>一、主要任务</p><p>（一）垃圾治理。推进垃圾分类。（责任单位：镇村建办、<b>镇财政所</b>、<b>镇综合执法队</b>）</p>"
        "</body></html>",
        "utf-8",
    )
    assert roles(parse_plan(load_document(str(page)))) == [("(一)", ["镇村建办"], ["镇财政所", "镇综合执法队"])]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("各项任务的责任单位中，加粗字体标注的为牵头单位，其余为配合单位。", "lead"),
        ("注：黑体字为牵头单位。", "lead"),
        ("责任单位中字体加粗者为牵头单位。", "lead"),
        ("牵头单位用粗体标注。", "lead"),
        ("加粗的为配合单位。", "support"),
        ("标题用黑体，正文用仿宋。", None),
        ("加粗推进牵头单位整改。", None),
    ],
)
def test_bold_wordings(text: str, role: str | None) -> None:
    assert extract.stated_bold_role(text) == role
