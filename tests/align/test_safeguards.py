"""A parent's safeguard measures (三、保障措施 (五)…(八), numbered on from its tasks) are carried by a draft
whose safeguards are general requirements numbered apart from its tasks (（一）…（三） at the sub-heading depth,
read as sections): matched by their words, and a safeguard the draft leaves out is still reported (issue #16).
fixtures/safeguards/ (a 湖南 province plan and a 湘潭县 draft, written for testing)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from engine.align import align_plans
from engine.cli import main
from engine.ingest import load_document
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "safeguards"
PARENT = FIXTURES / "hunan-sewage-parent.txt"
DRAFT = FIXTURES / "xiangtan-county-sewage-draft.txt"


def test_the_draft_safeguards_are_sections_not_measures() -> None:
    draft = parse_plan(load_document(str(DRAFT)))
    assert [m.label for m in draft.measures] == ["1", "2", "3", "4"]
    assert [s.title for s in draft.sections if s.path == ["三"]] == ["加强组织领导", "加大资金投入", "加强宣传引导"]


def test_parent_safeguards_pair_with_the_draft_safeguard_sections() -> None:
    a = align_plans(parse_plan(load_document(str(PARENT))), parse_plan(load_document(str(DRAFT))))
    pairs = {p.parent_item: (p.local_items, p.relation) for p in a.alignment if p.parent_item}
    assert pairs["(五)"] == (["§(一)"], "general")
    assert pairs["(六)"] == (["§(二)"], "general")
    assert pairs["(八)"] == (["§(三)"], "general")
    assert pairs["(七)"] == ([], "dropped")  # 强化督导考核: the draft has no such requirement


def test_only_the_left_out_safeguard_is_reported() -> None:
    r = CliRunner().invoke(main, ["check", str(DRAFT), "--parent", str(PARENT), "--format", "json"])
    findings = json.loads(r.output)["findings"]
    assert [(f["rule"], f["parent_item"]) for f in findings if f["severity"] in ("error", "warning")] == [
        ("parent-covered", "(七)")
    ]
