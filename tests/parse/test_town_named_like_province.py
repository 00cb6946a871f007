"""A 街道/镇 whose name is or opens with a province's or a city's (北京街道, 上海路街道, 湖南街道, 广州街道) is the
town its body is named for, not that province or city (issue #16, blind11 广州市越秀区北京街道). The town comes from
the issuing body (…街道办事处, …镇人民政府), its parent from the issuer chain, also across the district government's
name (南昌市青山湖区人民政府上海路街道办事处: the 街道 is the agency of its district's government). A province or a
city issuing as itself stays what it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import load_plan

ROOT = Path(__file__).resolve().parents[2]

ITEMS = (
    "一、重点任务\n"
    "1.加强巡查值守。落实网格化巡查。（责任单位：综合行政执法队）\n"
    "2.开展宣传教育。印发宣传资料。（责任单位：党政综合办公室）\n"
    "二、工作要求\n各单位要高度重视。\n"
)


def _doc(issuer: str, title: str) -> str:
    return f"{title}\n为改善辖区环境，结合街道实际，制定本方案。\n{ITEMS}{issuer}\n2025年3月2日\n"


@pytest.mark.parametrize(
    ("issuer", "title", "place", "parent", "level"),
    [
        ("湖南街道办事处", "湖南街道2025年环境整治工作方案", "湖南街道", None, "town"),
        ("天津路街道党工委", "天津路街道2025年环境整治工作方案", "天津路街道", None, "town"),
        ("广州街道办事处", "广州街道2025年环境整治工作方案", "广州街道", None, "town"),
        ("苏州市姑苏区人民政府上海路街道办事处", "上海路街道2025年环境整治工作方案", "上海路街道", "姑苏区", "town"),
        ("湖南省人民政府办公厅", "湖南省2025年环境整治工作方案", "湖南", None, "province"),
        ("广州市人民政府", "广州市2025年环境整治工作方案", "广州市", None, "city"),
    ],
)
def test_a_town_named_like_a_province_is_the_town(issuer, title, place, parent, level):
    plan = parse_plan(from_text(_doc(issuer, title)))
    assert (plan.jurisdiction, plan.parent_jurisdiction, plan.level) == (place, parent, level)


def test_a_subdistrict_notice_issued_under_its_district_government():
    plan = load_plan(str(ROOT / "fixtures" / "leads" / "subdistrict-office-roles.txt"))
    assert (plan.jurisdiction, plan.parent_jurisdiction, plan.level) == ("上海路街道", "青山湖区", "town")
