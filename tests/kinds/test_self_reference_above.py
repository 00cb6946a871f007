"""Self-words of the level above the draft, and 各地 only mentioned (issue #16), on plans checked alone.

A district or county connects to the systems of the level above and names them with that level's
self-word: 依托全市…信息平台 in a district of 北京/上海 (直辖市: county-level under a province-level 市),
a county of 重庆, or a district of a prefecture-level city (柳州市鱼峰区). That is no self-reference slip;
全市 for the draft's own area, or the self-word of a level that is not above it (全省 in 重庆), still is.
各地 as what is learned from (借鉴各地…经验, 各地的好做法) addresses nobody; 各地要… does.
fixtures/selfref/ holds the plans (README there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import check

ROOT = Path(__file__).resolve().parents[2]
DIR = ROOT / "fixtures" / "selfref"


def _found(name: str, rule: str) -> list[tuple[str, str]]:
    run = check(str(DIR / name), allow_no_parent=True, fail_on="none")
    return sorted(
        (f.evidence.local if f.evidence else "", f.message) for f in run.report.findings if f.rule == rule
    )


@pytest.mark.parametrize(
    ("name", "level", "place"),
    [
        ("beijing-chaoyang-home-care.txt", "county", "朝阳区"),
        ("shanghai-pudong-community-health.txt", "county", "浦东新区"),
        ("chongqing-chengkou-water-supply.txt", "county", "城口县"),
        ("liuzhou-yufeng-social-assistance.txt", "county", "鱼峰区"),
    ],
)
def test_the_plans_are_read_at_their_level(name: str, level: str, place: str) -> None:
    run = check(str(DIR / name), allow_no_parent=True, fail_on="none")
    assert (run.draft.level, run.draft.jurisdiction) == (level, place)


def test_a_beijing_district_names_the_municipalitys_systems() -> None:
    assert _found("beijing-chaoyang-home-care.txt", "self-reference") == []


def test_a_shanghai_district_saying_quanshi_for_its_own_centres_is_still_reported() -> None:
    found = _found("shanghai-pudong-community-health.txt", "self-reference")
    assert [q for q, _ in found] == ["全市社区卫生服务中心全科医生转岗培训全部完成"]
    assert "浦东新区" in found[0][1]


def test_a_chongqing_county_names_the_municipality_but_no_province() -> None:
    found = _found("chongqing-chengkou-water-supply.txt", "self-reference")
    assert [q for q, _ in found] == ["依托全省农村饮水安全水质检测监测网"]


def test_a_prefecture_city_district_keeps_its_own_quanshi_slip() -> None:
    found = _found("liuzhou-yufeng-social-assistance.txt", "self-reference")
    assert [q for q, _ in found] == ["全市申请救助家庭核对率达到100%"]


def test_gedi_learned_from_is_no_instruction_but_gedi_yao_is() -> None:
    found = _found("liuzhou-yufeng-social-assistance.txt", "level-scope")
    assert [q for q, _ in found] == ["各地要全面开展特困人员生活自理能力评估"]


def test_a_county_placing_itself_in_its_municipality_is_no_self_reference() -> None:
    """是全市…县之一, 占全市…, 高于全市平均水平, 在全市38个区县中, 全市…第一位: 全市 names the frame the county places
    itself in (blind11 巫溪县); 全市 for the county's own (全市脐橙冷链流通率) is still reported."""
    found = _found("chongqing-fengjie-navel-orange.txt", "self-reference")
    assert [q for q, _ in found] == ["全市脐橙冷链流通率达到60%以上"]


def test_a_county_becoming_something_of_its_province_is_no_self_reference() -> None:
    """建设成为全省重要的…基地, 打造成为全市领先的…, 建成全省有影响力的…: the county places what it will become
    within the province or city (blind27 沙洋县, 荆门市 “把我市建设成为全省重要的优质油菜生产基地”); 全省 for the
    county's own (全省葡萄标准化种植基地达到5万亩) is still reported."""
    found = _found("gongan-county-grape-rank.txt", "self-reference")
    assert [q for q, _ in found] == ["全省葡萄标准化种植基地达到5万亩"]
