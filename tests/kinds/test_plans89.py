"""Findings blind89 showed false, as a class (fixtures/plans89/README.md).

1. A city plan inside its province keeps the region's quoted brand, the province's name inside it after words of
   its own (打造“长寿广西·康养胜地”品牌, “好客山东”品牌, “七彩云南”旅游品牌): the region's brand the city shares, no
   copy slip (levels.yaml `place_qualifier`). The province's name speaking as the province stays one.
2. 西藏 kept culture and tourism apart below the region too (拉萨市文化局, 拉萨市旅游发展局): those names are current
   in 西藏 and its cities; elsewhere 市文化局 and 市旅游发展局 were merged in 2019 (unit_registry.yaml `kept_in`).
"""

from __future__ import annotations

import pytest

from engine.rules.kinds import self_reference as k

from ._drafting_helpers import ctx, measure, plan, run

BRANDS = [
    ("广西壮族自治区", "桂林市", "广西壮族自治区", "培育银发产业，打造“长寿广西·康养胜地”品牌。", "广西"),
    ("山东省", "威海市", "山东省", "擦亮“好客山东”品牌，发展海洋旅游。", "山东"),
    ("云南省", "大理白族自治州", "云南省", "融入“七彩云南”旅游品牌，打造精品线路。", "云南"),
]  # fmt: skip


def _hits(parent_name, child, child_parent, text):
    parent = plan([measure("(一)", text)], jurisdiction=parent_name, level="province", parent_j=None)
    draft = plan([measure("1", text)], jurisdiction=child, level="city", parent_j=child_parent)
    return run(k, ctx(draft, parent, [("(一)", ["1"])]))


@pytest.mark.parametrize(("parent_name", "child", "child_parent", "text", "stem"), BRANDS)
def test_a_regional_brand_with_the_name_inside_is_no_slip(parent_name, child, child_parent, text, stem):
    assert _hits(parent_name, child, child_parent, text) == []
    # the same name speaking as the province, in the same child, is still one
    slip = text + f"根据{stem}实际，推动{stem}各级政府落实责任。"
    quotes = [h.quote for h in _hits(parent_name, child, child_parent, slip)]
    assert f"根据{stem}实际" in quotes


def test_a_quoted_phrase_with_no_brand_word_after_it_gets_no_pass():
    """The name inside quotes with no brand word after: not read as a brand (只有“X”品牌/名片/形象…)."""
    hits = _hits("广西壮族自治区", "桂林市", "广西壮族自治区", "推进“加快建设广西大健康产业”行动。")
    assert any("广西" in h.quote for h in hits)


@pytest.mark.parametrize(
    ("name", "jurisdiction", "level", "current"),
    [
        ("市文化局", "拉萨市", "city", True),
        ("市旅游发展局", "拉萨市", "city", True),
        ("林芝市旅游发展局", "西藏自治区", "province", True),
        ("市旅游发展局", "日喀则市", "city", True),
        ("市文化局", "桂林市", "city", False),  # merged into the 文化广电和旅游局 everywhere else
        ("市旅游发展局", "西宁市", "city", False),
        ("桂林市旅游发展局", "广西壮族自治区", "province", False),
        ("区文化局", "城关区", "county", False),  # 城关区 of 拉萨 and of 兰州: not known to lie in 西藏
    ],
)
def test_tibet_keeps_its_culture_and_tourism_bureaus(name, jurisdiction, level, current):
    from engine.extract.unitnames import Where, load_registry, read_unit, status_of

    read = read_unit(name, Where(level, jurisdiction, ""), load_registry())
    assert (status_of(read, "2026-04-16") != "outdated") == current
