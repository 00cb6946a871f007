"""A 专栏 box INSIDE a measure (fixtures/box68/README.md): a 规划's 节 with the box between its paragraphs (or right above
its closing unit line) keeps the text and the "责任单位：…" line that follow the box.

- .docx: a box set as a table of one column is a frame (engine/ingest/readers.py, `FramedText`); the box ends where the
  table ends, whatever follows it (a paragraph of the measure, its unit line, the next measure).
- .txt / .pdf, nothing drawn around the box: a paragraph after its list that is a responsibility clause and nothing else
  closes the measure the box stands in, so the box ends with its list (engine/parse/boxes.py, `_measure_goes_on`).
- A 规划's closing chapter 规划实施 / 保障规划实施 frames the plan: its 节 are no measures (rulesets/data/sections.yaml).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from engine.ingest import load_document
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "box68"


@pytest.mark.parametrize("name", ["huangshan-city-villages-plan.txt", "huangshan-city-villages-plan.docx",
                                  "hainan-province-fruit-plan.txt"])
def test_the_closing_implementation_chapter_holds_no_measures(name):
    plan = load_plan(str(HERE / name))
    last = plan.measures[-1]
    assert all(not m.path or m.path[0] not in ("第六章", "第七章") or "规划实施" not in m.text for m in plan.measures)
    assert "加强组织" not in last.text and "规划实施" not in last.text
    assert not any("专栏" in m.text for m in plan.measures)


def test_a_docx_one_column_table_is_a_frame_from_its_first_paragraph():
    doc = load_document(str(HERE / "huangshan-city-villages-plan.docx"))
    framed = [p for p in doc.paragraphs if p.frame]
    assert [p.text[:3] for p in framed] == ["专栏1", "1.西", "2.呈", "3.许", "专栏2", "1.徽", "2.徽"]
    assert len({p.frame for p in framed}) == 2
    assert all(p.frame == next(q.line for q in framed if q.frame == p.frame) for p in framed)


def _docx(tmp_path: Path, body: list[str | list[str]]) -> str:
    """A .docx of `body`: a str a paragraph, a list a one-cell bordered table holding one paragraph a line."""
    doc = Document()
    for item in body:
        if isinstance(item, str):
            doc.add_paragraph(item)
            continue
        table = doc.add_table(rows=1, cols=1)
        table.style = "Table Grid"
        cell = table.rows[0].cells[0]
        cell.text = item[0]
        for line in item[1:]:
            cell.add_paragraph(line)
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    return str(path)


_HEAD = ["某市人民政府办公室关于印发某市湿地保护行动方案的通知", "各区县人民政府，市政府各部门：",
         "现将《某市湿地保护行动方案》印发给你们，请认真贯彻执行。", "某市湿地保护行动方案", "一、重点任务"]
_BOX = ["专栏1　湿地修复重点工程", "1．东湖湿地修复：退养还湿1200亩。", "2．北河湿地公园：新建湿地公园1处。"]
_TAIL = ["二、保障措施", "（一）加强组织领导。市政府统筹推进湿地保护工作。"]


def test_a_framed_box_inside_a_measure_gives_back_the_paragraph_after_it(tmp_path):
    # no unit line at all: only the frame says the paragraph after the box is the measure's again
    path = _docx(tmp_path, [*_HEAD, "（一）开展湿地修复。对受损湿地实施生态修复。", _BOX,
                            "到2027年完成修复面积5000亩。", "（二）加强湿地监测。建设湿地监测站点10个。", *_TAIL])
    plan = load_plan(path)
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]
    assert "到2027年完成修复面积5000亩" in plan.measures[0].text
    assert "专栏" not in plan.measures[0].text and "东湖" not in plan.measures[0].text
    assert [d.date for d in plan.measures[0].deadlines] == ["2027-12-31"]


def test_a_framed_box_between_measures_is_no_measure_text(tmp_path):
    path = _docx(tmp_path, [*_HEAD, "（一）开展湿地修复。对受损湿地实施生态修复。（市林业局负责）", _BOX,
                            "（二）加强湿地监测。建设湿地监测站点10个。（市生态环境局负责）", *_TAIL])
    plan = load_plan(path)
    assert [(m.label, m.lead_units) for m in plan.measures] == [("(一)", ["市林业局"]), ("(二)", ["市生态环境局"])]
    assert not any("东湖" in m.text for m in plan.measures)


def test_a_one_cell_table_holding_the_whole_plan_is_no_box_frame(tmp_path):
    # a page set in one cell: the caption stands further down the frame than its first paragraph, so the frame says
    # nothing of where the box ends, and the box is read as one with nothing drawn around it
    path = _docx(tmp_path, [[*_HEAD, "（一）开展湿地修复。对受损湿地实施生态修复。（市林业局负责）", *_BOX,
                             "（二）加强湿地监测。建设湿地监测站点10个。（市生态环境局负责）", *_TAIL]])
    plan = load_plan(path)
    assert [(m.label, m.lead_units) for m in plan.measures] == [("(一)", ["市林业局"]), ("(二)", ["市生态环境局"])]
    assert not any("东湖" in m.text for m in plan.measures)


@pytest.mark.parametrize(
    "units",
    ["责任单位：市林业局、市水利局", "（责任单位：市林业局、市水利局）", "牵头单位：市林业局；配合单位：市水利局",
     "市林业局牵头，市水利局配合。"],
)
@pytest.mark.parametrize("after", [True, False], ids=["paragraph-after-box", "units-right-after-box"])
def test_an_unframed_box_inside_a_measure_leaves_it_its_unit_line(tmp_path, units, after):
    lines = [*_HEAD, "（一）开展湿地修复", "　　对受损湿地实施生态修复。", *_BOX]
    lines += ["　　到2027年完成修复面积5000亩。"] if after else []
    lines += [units, "（二）加强湿地监测", "　　建设湿地监测站点10个。", "责任单位：市生态环境局", *_TAIL]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    plan = load_plan(str(path))
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]
    first = plan.measures[0]
    assert first.lead_units + first.support_units == ["市林业局", "市水利局"]
    assert "东湖" not in first.text and ("5000亩" in first.text) == after


def test_an_unframed_box_between_measures_still_holds_what_follows_its_list(tmp_path):
    # no unit line before the next measure: the box goes on to it, as before (a note under its list is the box's)
    lines = [*_HEAD, "（一）开展湿地修复。对受损湿地实施生态修复。（市林业局负责）", *_BOX, "注：以上工程由属地组织实施。",
             "（二）加强湿地监测。建设湿地监测站点10个。（市生态环境局负责）", *_TAIL]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    plan = load_plan(str(path))
    assert [(m.label, m.lead_units) for m in plan.measures] == [("(一)", ["市林业局"]), ("(二)", ["市生态环境局"])]
    assert not any("注：" in m.text or "东湖" in m.text for m in plan.measures)
