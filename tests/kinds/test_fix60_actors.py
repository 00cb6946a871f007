"""A parent clause whose actor is a level above the child is no obligation the child carries (fixtures/fix60/README.md,
class 5): 中央财政继续对…给予补助 is the centre's own spending, which a 自治州 rightly adapts to 用好中央财政…补助资金
(blind60's pair reported it as dropped). The actors are data (rulesets/data/beyond_level.yaml
`central_government_and_purse`, `provincial_purse`, `city_purse`), matched at a clause's start; a sentence that also
asks the local purse (…，市县财政要…) is weighed without the higher levels' parts, and a real dropped clause is still
found."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import check, data_tables
from engine.rules.beyond import _entry_matches

PAIR = Path(__file__).resolve().parents[2] / "fixtures" / "fix60" / "pair"


def _entry(entry_id: str) -> dict:
    table = data_tables()["beyond_level"]
    return next(e for e in table["beyond_level"] if e["id"] == entry_id)


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        ("central_government_and_purse", "中央财政继续对中西部地区农村电影公益放映给予补助"),
        ("central_government_and_purse", "中央预算内投资对符合条件的项目给予支持"),
        ("central_government_and_purse", "国家将适时组织开展农村公路安全隐患专项督查"),
        ("central_government_and_purse", "国务院将会同有关部门研究出台支持政策"),
        ("provincial_purse", "省级财政对养护成效突出的县（市、区）给予奖励"),
        ("provincial_purse", "自治区本级财政安排奖补资金"),
        ("city_purse", "市级财政对新建示范基地给予一次性奖补"),
    ],
)
def test_a_higher_levels_act_is_its_own(entry, text):
    assert _entry_matches(_entry(entry), text)


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        # the money, not the centre, is the subject: using it well is the lower level's
        ("central_government_and_purse", "中央财政补助资金要专款专用"),
        ("central_government_and_purse", "中央财政资金要及时拨付到位"),
        # an attribute, no actor
        ("central_government_and_purse", "国家级示范区要发挥引领作用"),
        ("central_government_and_purse", "国家重点保护野生动物栖息地要严格保护"),
        # the centre named as what is obeyed, or the sentence also asks the local levels
        ("central_government_and_purse", "落实中央财政补助政策"),
        ("central_government_and_purse", "中央财政继续给予补助，地方财政要足额落实配套资金"),
        ("central_government_and_purse", "中央财政对示范县给予奖励，各县（市、区）要将资金纳入预算"),
        ("provincial_purse", "省财政厅会同省交通运输厅制定办法"),  # a department: provincial_bodies' entry
        ("provincial_purse", "省级财政资金要用于农村公路养护"),
        ("city_purse", "市财政对新建示范基地给予奖补"),  # a 县级市's own 市财政 too: 市级 only
    ],
)
def test_not_a_higher_levels_act(entry, text):
    assert not _entry_matches(_entry(entry), text)


def test_the_county_child_carries_no_higher_levels_act_and_its_real_drops_are_found():
    run = check(str(PAIR / "mabian-county-rural-road-chiefs-child.txt"),
                parent_path=str(PAIR / "sichuan-province-rural-road-chiefs-parent.txt"), fail_on="none")  # fmt: skip
    found = [(f.rule, f.severity, f.message) for f in run.report.findings if f.severity in ("error", "warning", "info")]
    text = "\n".join(m for _, _, m in found)
    assert "中央财政" not in text and "省级财政" not in text and "国家将" not in text
    carried = [m for r, _, m in found if r == "clause-carried"]
    assert len(carried) == 1 and "严禁在公路用地范围内违法搭建建筑物" in carried[0]
    assert any(r == "target-not-weaker" and "每年开展一次" in m for r, _, m in found)
    assert {r for r, _, _ in found} <= {"clause-carried", "target-not-weaker"}
