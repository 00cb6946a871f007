"""unit_outdated names the successor as it exists at the unit's own level (rulesets/data/
unit_registry.yaml `at_level`): a county's environment body is the city bureau's branch after the
vertical reform, a county's or city's culture body has two names in use, a tax bureau is 国家税务总局…."""

from __future__ import annotations

import pytest

from engine.extract.unitnames import UnitRegistry, load_registry
from tests.kinds.test_cases import run_case


def _suggestions(draft: str) -> dict[str, str]:
    found = run_case("unit_outdated", {"draft": draft})
    return {f.evidence.local or "": f.suggestion or "" for f in found}


@pytest.mark.parametrize(
    ("title", "unit", "expected", "not_expected"),
    [
        # a county's environment body is a branch of the city's bureau, under the draft's own names
        ("肇庆市广宁县2023年法治政府建设工作要点", "县环保局", "“肇庆市生态环境局广宁县分局”", "县生态环境局”"),
        ("柳州市城中区2023年法治政府建设工作要点", "区环保局", "“柳州市生态环境局城中区分局”", "区生态环境局”"),
        # the county's name alone: the city is named by its level word
        ("广宁县2023年法治政府建设工作要点", "县环保局", "“市生态环境局广宁县分局”", "县生态环境局”"),
        # a district of a province-level city keeps its own bureau
        ("北京市朝阳区2023年法治政府建设工作要点", "区环保局", "“区生态环境局”", "分局"),
        # a city's and a province's body is a bureau of its own
        ("柳州市2023年法治政府建设工作要点", "市环保局", "“市生态环境局”", "分局"),
        ("广宁县2023年法治政府建设工作要点", "自治区环保厅", "“自治区生态环境厅”", "分局"),
        # both county names of the merged culture body are right: both offered, neither called wrong
        ("广宁县2023年法治政府建设工作要点", "县文化局", "“县文化广电体育和旅游局”（或“县文化和旅游局”", "“县文化和旅游局”（"),
        ("柳州市2023年法治政府建设工作要点", "市卫计委", "“市卫生健康委员会”（或“市卫生健康局”", "“市卫生健康局”（"),
        ("广宁县2023年法治政府建设工作要点", "县卫计局", "“县卫生健康局”", "或"),
        ("肇庆市广宁县2023年法治政府建设工作要点", "县地税局", "“国家税务总局广宁县税务局”", "或"),
        # bodies are named in full: the province's full name, the county above a town
        ("广西壮族自治区2023年法治政府建设工作要点", "自治区地税局", "“国家税务总局广西壮族自治区税务局”", "或"),
        ("广宁县南街镇2023年法治政府建设工作要点", "县环保局", "“市生态环境局广宁县分局”", "××"),
    ],
)
def test_successor_at_the_units_level(title: str, unit: str, expected: str, not_expected: str) -> None:
    got = _suggestions(f"{title}\n1.加强执法监督。全面推行行政执法公示制度。(牵头单位:{unit})\n")
    assert unit in got, got
    assert expected in got[unit] and not_expected not in got[unit], got[unit]


def test_a_city_draft_names_a_county_bureau_as_the_citys_branch() -> None:
    got = _suggestions("柳州市2023年法治政府建设工作要点\n1.加强执法监督。(牵头单位:市司法局;配合单位:城中区环保局)\n")
    assert got["城中区环保局"] == "改为“柳州市生态环境局城中区分局”"


def test_the_message_cites_the_source_of_the_level_name() -> None:
    found = run_case("unit_outdated", {"draft": "广宁县2023年法治政府建设工作要点\n1.加强执法。(牵头单位:县环保局)\n"})
    assert "垂直管理制度改革" in found[0].message


def test_both_culture_names_are_current() -> None:
    draft = "广宁县2023年法治政府建设工作要点\n1.加强执法。(牵头单位:县文化和旅游局)\n2.加强执法。(牵头单位:县文化广电体育和旅游局)\n"
    assert _suggestions(draft) == {}


@pytest.mark.parametrize("name", ["{upper.__class__}局", "{0}局", "{place}{局"])
def test_level_names_take_only_plain_placeholders(name: str) -> None:
    data = load_registry().data.model_dump()
    data["bodies"][0]["at_level"] = [{"levels": ["county"], "names": [name], "source": "local-2018"}]
    with pytest.raises(ValueError, match="placeholders"):
        UnitRegistry.model_validate(data)


def test_level_names_need_a_known_source() -> None:
    data = load_registry().data.model_dump()
    data["bodies"][0]["at_level"] = [{"levels": ["county"], "names": ["甲局"], "source": "nowhere"}]
    problems = UnitRegistry.model_validate(data).problems()
    assert any("nowhere" in reason for _, reason in problems)
