"""Reading faults a blind evaluation found on four child plans of national parents (fixtures/eval/,
written for testing from the national corpus documents named in its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.responsibility import extract_responsibility
from engine.ingest import load_document
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EVAL = FIXTURES / "eval"


def _plan(name: str, folder: Path = EVAL):
    return parse_plan(load_document(str(folder / name)))


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("健全统计制度。县生态环境分局牵头，县发展改革委、县统计局配合。", ["县生态环境分局"], ["县发展改革委", "县统计局"]),
        ("建立责任清单。\n县委编办牵头，县生态环境分局配合", ["县委编办"], ["县生态环境分局"]),
        ("统筹推进项目建设。市发展改革委牵头负责。", ["市发展改革委"], []),
    ],
)
def test_bare_closing_sentence_is_the_clause(text, lead, support):
    r = extract_responsibility(text)
    assert r is not None
    assert [u.name for u in r.lead] == lead
    assert [u.name for u in r.support] == support
    assert text[r.start : r.end].rstrip("。") == r.text.rstrip("。")


@pytest.mark.parametrize(
    "text",
    [
        "要坚持党委领导、政府牵头，社会配合。",  # not bodies' names
        "由市教育局牵头，市财政局配合，做好摸底工作并按期完成。",  # the sentence goes on
    ],
)
def test_sentence_that_is_not_a_bare_clause(text):
    r = extract_responsibility(text)
    assert r is None or r.text != text.rstrip("。")


def test_county_measures_with_bare_clauses_have_leads():
    plan = _plan("yanling-zero-waste.txt")
    with_lead = [m for m in plan.measures if m.lead_units]
    assert len(with_lead) == len(plan.measures) >= 16
    first = plan.measures[0]
    assert first.lead_units[0] == "县生态环境分局"
    assert "县统计局" in first.support_units
