"""The headings of the closing safeguards (保障措施, 组织实施, 工作要求 …) are one data list (rulesets/data/sections.yaml
`safeguard_titles`) read by the parser and, as the measure fact `in_safeguards`, by lead_unit_required — both its
default options and the shipped obligations.yaml judge — so a word added to the data reaches the rule; the judge
used to write the list out again as a regex of its own."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.tree import safeguard_titles
from engine.rules.leads import in_safeguards

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]

ROOT = Path(__file__).resolve().parents[2]
WORDS = safeguard_titles()


def _draft(heading: str) -> str:
    return f"""某县农村生活垃圾治理实施方案
一、主要任务
1.推进源头分类。全面推行生活垃圾四分类。(牵头单位:县城市管理局)
2.完善收运体系。配齐分类收运车辆。(牵头单位:县住房和城乡建设局)
二、{heading}
3.强化资金保障。县财政统筹安排工作经费。
"""


def test_the_fact_reads_the_list() -> None:
    assert {"保障措施", "组织实施", "工作要求"} <= set(WORDS)
    assert all(in_safeguards([f"四、{w}"]) for w in WORDS)
    assert not in_safeguards(["二、重点任务", "(一)加强组织"])


def test_the_shipped_judge_uses_the_fact_not_a_list_of_its_own() -> None:
    text = (ROOT / "rulesets" / "obligations.yaml").read_text("utf-8")
    rule = next(r for r in yaml.safe_load(text)["rules"] if r["id"] == "lead-unit-required")
    judge = repr(rule["options"]["judge"])
    assert "'field': 'in_safeguards'" in judge
    assert "保障措施|" not in judge


@pytest.mark.parametrize("word", WORDS)
def test_an_item_naming_its_actor_under_any_safeguard_heading_needs_no_lead(word: str) -> None:
    draft = parse_plan(from_text(_draft(word), "draft.txt"))
    assert "强化资金保障" in [m.title for m in draft.measures]
    assert [h.local_item for h in b.run("lead_unit_required", draft)] == []


def test_a_rule_of_its_own_list_still_matches_the_titles() -> None:
    draft = parse_plan(from_text(_draft("保障措施"), "draft.txt"))
    assert [h.local_item for h in b.run("lead_unit_required", draft, options={"safeguards": ["工作要求"]})] == ["3"]
    assert [h.local_item for h in b.run("lead_unit_required", draft, options={"safeguards": ["保障措施"]})] == []
