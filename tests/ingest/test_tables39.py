"""Task tables as offices print them, three classes (fixtures/tables39, README there).

- Unit columns headed by a role stem and the office's own noun for its bodies (主责警种 / 协同警种, 牵头股 / 协办股,
  牵头科 / 配合科): read as labels36b reads such labels in prose (engine/roles.py `open_label_role`); columns
  beside them headed 实施时间, 配合事项 stay none. Before: every row read with no unit.
- A 续表 set without its header row: the rows under the "续表1" line go on under the first part's columns (.docx,
  .pdf, the `pdftotext -layout` text of it, .html). Before: the second part was read as no task table.
- A two-row header printed by `pdftotext -layout`, 序号 wrapped to 序 / 号 (with 责任单位 over 牵头单位 | 配合单位, or
  年度目标 over 2026 年 | 2027 年). Before: no table read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.ingest.tables import Cell, header_roles
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "tables39"


def _read(name: str) -> list[tuple[str, list[str], list[str]]]:
    plan = parse_plan(load_document(str(HERE / name)))  # an absolute path stays as it is
    return [(m.ref, m.lead_units, m.support_units) for m in plan.measures]


DEZHOU = [
    ("1", ["治安管理支队"], ["食品药品环境犯罪侦查支队", "各县(市、区)公安局"]),
    ("2", ["交通警察支队"], ["治安管理支队", "经济犯罪侦查支队"]),
    ("3", ["新闻宣传处"], ["网络安全保卫支队", "各县(市、区)公安局"]),
    ("4", ["刑事侦查支队"], ["科技信息化处", "各县(市、区)公安局"]),
]
LINSHU = [
    ("1", ["农田建设管理股"], ["计划财务股", "县农业技术推广中心"]),
    ("2", ["农田建设管理股"], ["法规股", "县农业综合行政执法大队"]),
    ("3", ["计划财务股"], ["农田建设管理股", "各乡镇人民政府"]),
    ("4", ["土壤肥料股"], ["县农业技术推广中心"]),
]
WUZHI = [
    ("1", ["基层卫生科"], ["财务科", "医政医管科"]),
    ("2", ["医政医管科"], ["基层卫生科"]),
    ("3", ["基层卫生科"], ["疾病预防控制科", "妇幼健康科"]),
    ("4", ["人事科"], ["科教科"]),
]


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("dezhou-city-police-jingzhong-columns.docx", DEZHOU),
        ("dezhou-city-police-jingzhong-columns.pdf", DEZHOU),
        ("linshu-county-farmland-gu-columns.docx", LINSHU),
        ("linshu-county-farmland-gu-columns.pdf", LINSHU),
        ("linshu-county-farmland-gu-columns.txt", LINSHU),
        ("wuzhi-county-health-ke-columns.html", WUZHI),
    ],
)
def test_open_role_headers_name_unit_columns(name: str, want: list) -> None:
    assert _read(name) == want


def test_facet_columns_beside_open_role_columns_are_no_units() -> None:
    plan = parse_plan(load_document(str(HERE / "wuzhi-county-health-ke-columns.html")))
    for m in plan.measures:  # 配合事项: what the support does, not who
        assert not any("提供" in u or "指导" in u or "统一" in u or "组织" in u for u in m.lead_units + m.support_units)
    dezhou = parse_plan(load_document(str(HERE / "dezhou-city-police-jingzhong-columns.docx")))
    assert all("2026" not in u for m in dezhou.measures for u in m.lead_units + m.support_units)  # 实施时间


def _cells(*texts: str) -> list[Cell]:
    return [Cell(col=k, span=1, parts=[t]) for k, t in enumerate(texts)]


def test_an_open_header_needs_a_task_table_and_bodies_below() -> None:
    head = _cells("序号", "工作任务", "主责警种", "协同警种", "实施时间", "配合事项", "实施年度")
    assert header_roles(head) == {0: "no", 1: "task", 2: "lead", 3: "support"}
    # no 序号 or task column: no open label is read (a row of short words is no task table by them)
    assert header_roles(_cells("主责警种", "协同警种", "备注")) == {}
    # the column's cells name no bodies: not a unit column
    body = [_cells("1", "开展排查。", "立即开展", "长期坚持", "", "", ""), _cells("2", "整治改装。", "每季度", "全年", "", "", "")]
    assert 2 not in header_roles(head, body) and 3 not in header_roles(head, body)
    body = [_cells("1", "开展排查。", "治安管理支队", "各县（市、区）公安局", "", "", "")]
    assert header_roles(head, body)[2] == "lead"


NANPING = ["市农业农村局", "市农业农村局", "市工业和信息化局", "市商务局", "市文化和旅游局", "市科技局", "市商务局", "市金融办"]


@pytest.mark.parametrize("ext", ["docx", "pdf", "txt"])
def test_a_continued_table_without_its_header_goes_on_under_the_columns_above(ext: str) -> None:
    plan = parse_plan(load_document(str(HERE / f"nanping-city-tea-continued-no-header.{ext}")))
    got = [(m.ref, m.lead_units) for m in plan.measures]
    assert got == [(str(n), [u]) for n, u in enumerate(NANPING, 1)]
    assert plan.measures[7].support_units == ["中国人民银行南平市分行", "国家金融监督管理总局南平监管分局"]
    assert not any("续表" in m.text for m in plan.measures)


def test_a_continued_web_table_without_its_header() -> None:
    got = _read("xinhui-district-continued-no-header.html")
    assert [r[0] for r in got] == ["1", "2", "3", "4", "5", "6"]
    assert got[3] == ("4", ["区文化广电旅游体育局"], ["区农业农村局", "会城街道办事处"])
    assert got[5][1] == ["区人力资源和社会保障局"]


def test_a_table_after_prose_is_no_continuation(tmp_path: Path) -> None:
    """Without a 续表 line between them, a headerless table after a task table is not read as its rows."""
    page = (HERE / "xinhui-district-continued-no-header.html").read_text("utf-8").replace("<p>续表</p>", "<p>附件说明如下。</p>")
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    assert [r[0] for r in _read(str(path))] == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("name", "docx"),
    [("dengzhou-city-sanitation-two-row-header.txt", "dengzhou-city-sanitation-two-row-header.docx"),
     ("xixian-county-wheat-year-targets.txt", "xixian-county-wheat-year-targets.docx")],
)
def test_a_two_row_layout_header_with_a_wrapped_number_word(name: str, docx: str) -> None:
    got = _read(name)
    assert got and got == _read(docx)  # the .txt pdftotext made reads as the Word table it was printed from
    assert all(r[1] for r in got)


def test_forms38_xuchang_layout_text(tmp_path: Path) -> None:
    """forms38's 许昌 .pdf as `pdftotext -layout` prints it (left out there): 序 / 号 and 2026 年 | 2027 年."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed")
    pdf = HERE.parent / "forms38" / "xuchang-city-year-targets-portrait.pdf"
    txt = tmp_path / "xuchang.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(txt)], check=True)
    got = _read(str(txt))
    assert [r[1] for r in got] == [["市工业和信息化局"], ["市商务局"], ["市市场监管局"], ["市商务局", "市贸促会"]]
