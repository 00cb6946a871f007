"""Jurisdictions no place rule reads alone (issue #16, blind8): a town's name, and a district's whose name is
also a phrase, read from what the document says of them.

- A town (乡, 镇, 街道, 苏木) is in no gazetteer, and its stem may hold a character of a function word (宣和镇,
  全胜乡, 建设路街道) or be long (阿拉坦合力苏木): the issuing bodies name it (中共X镇委员会, X镇人民政府,
  X街道办事处), and that name is the jurisdiction, in the title too.
- A district under its city (拉萨市城关区, 兰州市城关区, 乌鲁木齐市新市区): the gazetteer lists it right below the
  city even where its name alone is a phrase, so the issuer's last division is the jurisdiction.
"""

from __future__ import annotations

import pytest

from engine.parse.level import infer, places_in


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("拉萨市城关区人民政府办公室", [("拉萨市", "city"), ("城关区", "county")]),
        ("甘肃省兰州市城关区2025年燃气安全工作方案", [("甘肃省", "province"), ("兰州市", "city"), ("城关区", "county")]),
        ("乌鲁木齐市新市区人民政府", [("乌鲁木齐市", "city"), ("新市区", "county")]),  # no city 新市
        ("北京市东城区人民政府", [("北京市", "province"), ("东城区", "county")]),
    ],
)
def test_a_district_is_read_right_below_its_city(text, run):
    assert places_in(text) == run


def test_a_districts_name_alone_stays_a_phrase():
    """城关区 is a phrase too (县城城关区): alone it names no place, as before."""
    assert places_in("城关区城镇燃气安全专项整治工作方案") == []


def test_the_issuers_last_division_is_the_jurisdiction():
    got = infer(["城关区城镇燃气安全专项整治工作方案", "兰州市城关区人民政府办公室"], "结合我区实际")
    assert got == ("城关区", "兰州市", "county")
