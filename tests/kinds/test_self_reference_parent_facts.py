"""A town's plan under its county's plan states facts ABOUT the county (issue #16, a held-out pair: a town of 榆中县
kept the county's background sentence 榆中县是全国重要的高原夏菜生产基地 word for word, and self_reference read the
county's name as the town speaking for the wrong level). The county's name as the subject of a description (X是…,
X地处…, X拥有…, X位于…, X境内…, 作为X的…: levels.yaml `place_fact`) is no copy slip in a child that lies inside it;
the county's name speaking AS the county (根据X实际, 推动X…) and the county's self-words (全县, 我县, 本县) still are.
A town is in no gazetteer: it stands in the county its parent plan is of when it names none; a county whose stem is
one character (眉县) is found by its full name."""

from __future__ import annotations

import pytest

from engine.rules.kinds import self_reference as k

from ._drafting_helpers import ctx, measure, plan, run

# (county, town, the county's background kept word for word by the town)
FACTS = [
    ("榆中县", "夏官营镇", "榆中县是全国重要的高原夏菜生产基地，榆中县地处黄土高原西部，榆中县拥有蔬菜种植面积50万亩。"),
    ("眉县", "金渠镇", "眉县是全国重要的猕猴桃生产基地，素有“中国猕猴桃之乡”的美誉，眉县境内光照充足。"),
    ("寿光市", "孙家集街道", "寿光市被誉为“中国蔬菜之乡”，本街道位于寿光市西部，作为寿光市的蔬菜种苗集散地，全街道设施大棚达到2万个。"),
]  # fmt: skip
SLIPS = "根据{c}实际，推动{c}蔬菜产业提档升级，全县设施蔬菜面积达到10万亩。"


def _hits(county: str, town: str, text: str, *, named: bool):
    parent = plan([measure("(一)", text)], jurisdiction=county, level="county", parent_j=None)
    draft = plan([measure("1", text)], jurisdiction=town, level="town", parent_j=county if named else None)
    return run(k, ctx(draft, parent, [("(一)", ["1"])]))


@pytest.mark.parametrize("named", [False, True], ids=["county-unnamed", "county-named"])
@pytest.mark.parametrize(("county", "town", "text"), FACTS, ids=[f[0] for f in FACTS])
def test_facts_about_the_county_kept_by_its_town_are_no_slip(county, town, text, named):
    assert [h.quote for h in _hits(county, town, text, named=named)] == []


@pytest.mark.parametrize(("county", "town", "text"), FACTS, ids=[f[0] for f in FACTS])
def test_the_county_speaking_as_itself_and_its_self_words_are_still_caught(county, town, text):
    hits = _hits(county, town, text + SLIPS.format(c=county), named=False)
    words = sorted(h.fields["word"] for h in hits)
    assert words == sorted([county, county, "全县"]), [h.quote for h in hits]
    assert not any(h.quote.startswith((f"{county}是", f"{county}地处", f"{county}拥有")) for h in hits)


def test_a_sibling_county_s_name_put_where_the_county_s_stood_is_still_reported():
    """The pass is for the county the town lies in: 周至县 written over 眉县's own fact is another place's name."""
    parent = plan([measure("(一)", FACTS[1][2])], jurisdiction="眉县", level="county", parent_j=None)
    draft = plan([measure("1", FACTS[1][2].replace("眉县", "周至县"))], jurisdiction="金渠镇", level="town",
                 parent_j=None)  # fmt: skip
    hits = run(k, ctx(draft, parent, [("(一)", ["1"])]))
    assert any(h.fields["word"] == "周至县" for h in hits)
