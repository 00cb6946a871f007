"""A measure's own 主办单位：/协办单位： line near either end of a short plan is the plan's, not a site's header or footer
(fixtures/fix40b, see its README): a page's furniture stands above the plan's first numbered line or below its last,
so the edges where a 主办单位：… line is taken for a site's end there (engine/ingest/__init__.py `build`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix40b"


@pytest.mark.parametrize(
    ("name", "units"),
    [
        # a .pdf: the first measure's 主办单位 line is among the document's first fifteen lines
        (
            "chuxiong-prefecture-sponsor-fields.pdf",
            [
                (["州市场监督管理局"], ["州卫生健康委", "楚雄市人民政府"]),
                (["州市场监督管理局"], ["州农业农村局"]),
                (["州卫生健康委"], ["州疾病预防控制中心"]),
            ],
        ),
        # a .txt: the first measure's lines at the top, the last measure's among the last three lines
        (
            "eryuan-county-sponsor-fields.txt",
            [
                (["县洱海流域保护局"], ["县住房城乡建设局", "茈碧湖镇人民政府"]),
                (["县住房城乡建设局"], ["县市场监督管理局"]),
                (["县洱海流域保护局"], []),
            ],
        ),
    ],
)
def test_a_measure_s_sponsor_line_near_an_end_is_read(name: str, units: list) -> None:
    doc = load_document(str(HERE / name))
    assert not any(r.startswith("主办单位") for r in doc.removed)
    assert [(m.lead_units, m.support_units) for m in parse_plan(doc).measures] == units


def test_a_site_s_sponsor_lines_above_and_below_the_plan_are_still_furniture() -> None:
    doc = from_text(
        "主办单位：洱源县人民政府办公室\n洱源县某专项行动方案\n一、重点任务\n（一）开展检查。由县市场监督管理局负责。\n"
        "二、工作要求\n各乡镇要抓好落实。\n主办单位：洱源县人民政府办公室\n承办单位：洱源县融媒体中心"
    )
    assert doc.removed == ["主办单位：洱源县人民政府办公室", "主办单位：洱源县人民政府办公室", "承办单位：洱源县融媒体中心"]
