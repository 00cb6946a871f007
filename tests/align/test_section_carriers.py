"""A parent measure the draft makes a section of its own items (its heading restates the parent's title)
is carried by those items, not dropped (issue #16): fixtures/sections/ (a 山东 city and county, written
for testing) and the 鄢陵县 evaluation child, whose （六）激发市场主体活力… holds 15. 16."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from engine.align import align_plans
from engine.cli import main
from engine.ingest import load_document
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PARENT = FIXTURES / "sections" / "linyi-market-parent.txt"
DRAFT = FIXTURES / "sections" / "yinan-market-draft.txt"
YANLING = FIXTURES / "eval" / "yanling-zero-waste.txt"
ZERO_WASTE = FIXTURES / "national" / "gbf2018-128-zero-waste-cities.txt"


def _pairs(parent: Path, draft: Path) -> dict[str, tuple[list[str], str]]:
    a = align_plans(parse_plan(load_document(str(parent))), parse_plan(load_document(str(draft))))
    return {p.parent_item: (p.local_items, p.relation) for p in a.alignment if p.parent_item}


def test_items_under_a_section_named_like_the_parent_measure_carry_it() -> None:
    pairs = _pairs(PARENT, DRAFT)
    assert pairs["(三)"] == (["4", "5"], "split")  # 4 condenses it, 5 rewrites its last clause
    assert pairs["一(二)"] == (["2", "3"], "split")  # found before too, by the items' words
    assert all(rel != "dropped" for _, rel in pairs.values())


def test_no_parent_covered_finding_for_a_measure_made_a_section() -> None:
    for draft, parent in ((DRAFT, PARENT), (YANLING, ZERO_WASTE)):
        r = CliRunner().invoke(main, ["check", str(draft), "--parent", str(parent), "--format", "json"])
        covered = [
            f["parent_item"] for f in json.loads(r.output)["findings"] if f["rule"] == "parent-covered"
        ]
        assert "(三)" not in covered and "(六)" not in covered
    assert _pairs(ZERO_WASTE, YANLING)["(六)"] == (["15", "16"], "split")


def test_a_section_heading_alone_carries_nothing() -> None:
    """The heading is evidence only with the items' words: a section whose items say something else
    does not take the parent measure."""
    text = DRAFT.read_text("utf-8")
    other = text.replace(
        "4.压实开办者责任。督促开办者建立卫生、食品安全和消防安全制度，管理人员持证上岗。（县市场监管局牵头，县商务局配合）\n"
        "5.开展星级市场评选。每年组织一次文明市场创建和星级农贸市场评选，评选结果与奖补资金挂钩。（县商务局牵头，县市场监管局配合）",
        "4.完善冷链物流设施。支持市场配建冷藏保鲜库，提升生鲜农产品周转能力。（县商务局牵头）",
    )
    assert other != text
    from engine.ingest import from_text

    a = align_plans(parse_plan(load_document(str(PARENT))), parse_plan(from_text(other)))
    pairs = {p.parent_item: (p.local_items, p.relation) for p in a.alignment if p.parent_item}
    assert pairs["(三)"] == ([], "dropped")
