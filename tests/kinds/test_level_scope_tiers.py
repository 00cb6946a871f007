"""An enumeration of levels that names the plan's own tier and closes with its count (四级, 三级) or a word of
working together (联动) is a system spanning the levels, the plan's own tier of it: no claim to build another
level's plan or system (blind16 三都县 “完善国家、省、州、县四级代表性传承人体系”). A tier list without the
plan's own level, or an enumeration with no count, is still another level's plan and still reported."""

from engine.rules.kinds import level_scope as k

from ._drafting_helpers import ctx, measure, plan, run

TIERS_OF_A_COUNTY = [
    "完善国家、省、州、县四级代表性传承人体系，支持传承人开办传习所。",
    "健全市、县、乡三级非遗保护名录体系。",
    "构建省、市、县联动的森林防火监测平台。",
    "建立省、市、县、乡四级河长制度。",
]
STILL_ANOTHER_LEVELS = [
    "依法建立和完善市、区总体应急预案。",  # no count: the city's plan and the county's
    "构建省、市两级大气监测体系。",  # a tier list, but not the county's
    "编制省、市、县国土空间规划。",  # no count, no 联动
]


def _phrases(hits) -> list[str]:
    return [h.fields["phrase"] for h in hits]


def test_a_tier_list_holding_the_own_level_is_no_claim_and_other_levels_still_are() -> None:
    county = [measure(str(n + 1), t) for n, t in enumerate(TIERS_OF_A_COUNTY + STILL_ANOTHER_LEVELS)]
    hits = run(k, ctx(plan(county, jurisdiction="三都水族自治县", parent_j="黔南布依族苗族自治州")))
    assert sorted(h.local_item for h in hits) == ["5", "6", "7"]
    assert _phrases(hits) == ["建立和完善市、区总体应急预案", "构建省、市两级大气监测体系", "编制省、市、县国土空间规划"]


def test_a_city_writing_the_tiers_of_its_province() -> None:
    texts = ["建立省、市、县三级联动的应急指挥平台。", "健全省、市两级协同的数据平台。", "完善国家、省两级种质资源库体系。"]
    city = plan([measure(str(n + 1), t) for n, t in enumerate(texts)], jurisdiction="南阳市", level="city",
                parent_j="河南省")  # fmt: skip
    assert [h.local_item for h in run(k, ctx(city))] == ["3"]
