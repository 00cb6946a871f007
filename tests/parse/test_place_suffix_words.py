"""A place suffix that runs on into a word is no suffix (issue #16): 沂南县农贸市场… is the county 沂南县,
never a city 农贸市 under it; 市场, 市民, 区域, 县域 after a place name leave the name as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.parse import parse_plan
from engine.parse.level import places_in

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sections"


@pytest.mark.parametrize(
    ("title", "places"),
    [
        ("沂南县农贸市场提升改造三年行动方案", [("沂南县", "county")]),
        ("临沂市市场监督管理局关于…", [("临沂市", "city")]),
        ("广州市市民服务中心建设方案", [("广州市", "city")]),
        ("杭州市区域协调发展实施方案", [("杭州市", "city")]),
        ("桐庐县县域医共体建设方案", [("桐庐县", "county")]),
        ("柳州市城中区法治政府建设实施方案", [("柳州市", "city"), ("城中区", "county")]),  # unchanged
        ("宜州区人民政府办公室", [("宜州区", "county")]),
    ],
)
def test_places_in_titles(title: str, places: list[tuple[str, str]]) -> None:
    assert places_in(title) == places


def test_market_plans_read_their_own_place() -> None:
    draft = parse_plan(load_document(str(FIXTURES / "yinan-market-draft.txt")))
    parent = parse_plan(load_document(str(FIXTURES / "linyi-market-parent.txt")))
    assert (draft.jurisdiction, draft.level) == ("沂南县", "county")
    assert (parent.jurisdiction, parent.level) == ("临沂市", "city")
