"""The parent's name kept by a plan that lies inside the parent's place, where it qualifies what the two share
(issue #16, blind13 pair 云南省 → 普洱市: “云南咖啡” and 打造云南咖啡品牌 were read as the province's name copied
unchanged). A regional brand, a product of the region, the region's character and the place the child lies in
are no copy slip (levels.yaml `place_qualifier`); the parent's name speaking as the parent — its organs, its
scope, 根据X实际 — still is; and a child that does NOT lie inside the parent (the gazetteer says so) gets no pass."""

from __future__ import annotations

import pytest

from engine.rules.kinds import self_reference as k

from ._drafting_helpers import ctx, measure, plan, run

# (parent name, parent's level, child, child's level, child's parent, a measure text the child kept word for word)
CASES = [
    (
        "云南省", "province", "普洱市", "city", "云南省",
        "打造云南咖啡品牌，加强“云南咖啡”区域公用品牌建设。根据云南实际，推动云南省各级政府落实责任。",
    ),
    (
        "新疆维吾尔自治区", "province", "若羌县", "county", "巴音郭楞蒙古自治州",
        "若羌县地处新疆东南部，培育“新疆红枣”“新疆核桃”区域公用品牌。根据新疆实际，推动新疆各级政府落实责任。",
    ),
    (
        "广西壮族自治区", "province", "百色市", "city", "广西壮族自治区",
        "发展广西特色水果，打造广西芒果地理标志品牌。根据广西实际，推动广西各级政府落实责任。",
    ),
]  # fmt: skip


def _hits(parent_name, parent_level, child, level, child_parent, text):
    parent = plan([measure("(一)", text)], jurisdiction=parent_name, level=parent_level, parent_j=None)
    draft = plan([measure("1", text)], jurisdiction=child, level=level, parent_j=child_parent)
    return run(k, ctx(draft, parent, [("(一)", ["1"])]))


@pytest.mark.parametrize(("parent_name", "parent_level", "child", "level", "child_parent", "text"), CASES)
def test_brands_products_and_location_pass_the_parent_speaking_for_itself_does_not(
    parent_name, parent_level, child, level, child_parent, text
):
    hits = _hits(parent_name, parent_level, child, level, child_parent, text)
    quotes = sorted(h.quote for h in hits)
    stem = parent_name[:2]
    assert quotes == sorted([f"根据{stem}实际", f"推动{parent_name if stem == '云南' else stem}各级政府落实责任"])


def test_a_child_outside_the_parents_place_gets_no_pass():
    """南宁市 does not lie in 云南: 云南咖啡品牌 in its plan is the province's name where its own belongs."""
    text = CASES[0][5]
    inside = _hits("云南省", "province", "普洱市", "city", "云南省", text)
    outside = _hits("云南省", "province", "南宁市", "city", "广西壮族自治区", text)
    assert len(outside) > len(inside)
    assert any("云南咖啡品牌" in h.quote for h in outside)
    assert not any("云南咖啡" in h.quote for h in inside)
