"""Counterpart units and placeholders speak the draft's level (rulesets/data/counterparts.yaml)."""

from __future__ import annotations

import pytest

from engine.extract.counterparts import counterpart, suggested_unit, unit_example


@pytest.mark.parametrize(
    ("name", "level", "jurisdiction", "expected"),
    [
        ("人力资源社会保障部", "city", "南宁市", "市人力资源社会保障局"),
        ("人力资源社会保障部", "province", "广西", "自治区人力资源社会保障厅"),
        ("人力资源社会保障部", "province", "广东省", "省人力资源社会保障厅"),
        ("自治区司法厅", "county", "广宁县", "县司法局"),
        ("自治区司法厅", "county", "城中区", "区司法局"),
        ("国家发展改革委", "city", "柳州市", "市发展改革委"),
        ("国家发展改革委", "county", "广宁县", "县发展改革局"),
        ("国务院办公厅", "city", "柳州市", "市人民政府办公室"),
        ("交通运输部", "county", "宜州市", "市交通运输局"),  # a county-level city says 市
        ("某某总局", "city", "柳州市", "市某某局"),  # not in the table: the suffix rule
        ("海关总署", "city", "南宁市", None),  # vertically managed: the city's is 南宁海关, not a 市…局
        ("北京冬奥组委", "city", "张家口市", None),
    ],
)
def test_counterpart(name, level, jurisdiction, expected):
    assert counterpart(name, level, jurisdiction) == expected


def test_no_counterpart_without_a_level_or_nationally():
    assert counterpart("人力资源社会保障部", None, None) is None
    assert counterpart("人力资源社会保障部", "national", "全国") is None
    assert counterpart("试点城市政府", "city", "南宁市") is None


@pytest.mark.parametrize(
    ("level", "jurisdiction", "expected"),
    [("national", "全国", "XX部"), ("province", "广东省", "省XX厅"), ("city", "柳州市", "市XX局"),
     ("county", "城中区", "区XX局"), ("county", "广宁县", "县XX局"), (None, None, "XX单位")],
)  # fmt: skip
def test_placeholder_speaks_the_drafts_level(level, jurisdiction, expected):
    assert unit_example(level, jurisdiction) == expected


def test_suggested_unit_prefers_a_parent_lead_with_a_counterpart():
    assert suggested_unit(["北京冬奥组委", "体育总局"], "city", "张家口市") == "市体育局"
    assert suggested_unit([], "city", "张家口市") == "市XX局"
