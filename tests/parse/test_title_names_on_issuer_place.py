"""A title that opens with a name made on the issuer's place, not a division (blind20 柳江镇: "柳江古镇业态提升工作方案"
issued by 洪雅县柳江镇人民政府, 柳江古镇 the old town the 镇 is known by; blind21 宁乡市: "宁乡花猪产业发展实施方案"
issued by 宁乡市农业农村局, 宁乡 read as a town by its last character). The issuer's place is the jurisdiction, at
its level (宁乡市 a 县级市: county). A title that names a division of its own (阳朔镇 in a plan of 阳朔县人民政府) or the
issuer's place itself is read as before. In plain text, .docx and .html alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import load_plan

BODY = [
    "一、重点任务",
    "（一）开展业态摸底调查。建立业态台账。（牵头单位：经济发展办公室）",
    "（二）引导同质业态退出。引导转型经营特色餐饮和文创产品。（牵头单位：市场监管所）",
    "二、保障措施",
    "加强组织领导，落实工作责任。",
]


def _lines(issuer: str, title: str, number: str, date: str = "2026年4月3日") -> list[str]:
    return [
        f"{issuer}关于印发《{title}》的通知",
        number,
        "各有关单位：",
        f"现将《{title}》印发给你们，请认真抓好落实。",
        issuer,
        date,
        title,
        "为推动产业提档升级，结合实际，制定本方案。",
        *BODY,
    ]


def _write(path: Path, lines: list[str]) -> Path:
    if path.suffix == ".txt":
        path.write_text("\n".join(lines) + "\n", "utf-8")
    elif path.suffix == ".html":
        path.write_text("<html><body>" + "".join(f"<p>{t}</p>" for t in lines) + "</body></html>", "utf-8")
    else:
        import docx

        document = docx.Document()
        for t in lines:
            document.add_paragraph(t)
        document.save(str(path))
    return path


def _read(path: Path) -> tuple[str | None, str | None, str]:
    plan = load_plan(str(path))
    return plan.jurisdiction, plan.parent_jurisdiction, plan.level


@pytest.mark.parametrize("ext", ["txt", "docx", "html"])
def test_a_scenic_name_in_the_title_yields_to_the_issuing_town(tmp_path, ext):
    got = _read(_write(tmp_path / f"a.{ext}", _lines("洪雅县柳江镇人民政府", "柳江古镇业态提升工作方案", "柳江府发〔2026〕8号")))
    assert got == ("柳江镇", "洪雅县", "town")
    got = _read(_write(tmp_path / f"b.{ext}", _lines("昭平县黄姚镇人民政府", "黄姚古镇旅游提质工作方案", "黄府发〔2026〕3号")))
    assert got[0] == "黄姚镇" and got[2] == "town"
    # a town of its own named by the title, in a plan of the county named like it: the title's town
    got = _read(_write(tmp_path / f"c.{ext}", _lines("阳朔县人民政府办公室", "阳朔镇西街业态提升工作方案", "阳政办发〔2026〕5号")))
    assert got[0] == "阳朔镇" and got[2] == "town"


@pytest.mark.parametrize("ext", ["txt", "docx", "html"])
def test_a_product_named_for_a_county_level_city_is_no_town(tmp_path, ext):
    got = _read(_write(tmp_path / f"a.{ext}", _lines("宁乡市农业农村局", "宁乡花猪产业发展实施方案", "宁农发〔2026〕6号")))
    assert got[0] == "宁乡市" and got[2] == "county"
    got = _read(_write(tmp_path / f"b.{ext}", _lines("湘乡市人民政府办公室", "湘乡花生产业发展实施方案", "湘乡政办发〔2026〕2号")))
    assert got[0] == "湘乡市" and got[2] == "county"
    # the issuer's place named in the title as it is: read as before
    got = _read(_write(tmp_path / f"c.{ext}", _lines("宁乡市人民政府办公室", "宁乡市花猪产业发展实施方案", "宁政办发〔2026〕4号")))
    assert got[0] == "宁乡市" and got[2] == "county"
