"""The headings of a work schedule (实施步骤, 时间安排, 工作安排 …) are one data list (rulesets/data/sections.yaml
`schedule_titles`) that the parser (its stage sections) and lead_unit_required (its `schedules`, the measure fact
`in_schedule`) both read, so the two cannot drift: the rule lacked 工作安排, 实施安排, 实施阶段 … that the parser had."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.tree import schedule_titles, stage_titles
from engine.rules.kinds.lead_unit_required import Options

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]

WORDS = schedule_titles()


def _heading(word: str) -> str:
    return f"实施{word}" if word == "步骤" else word  # 步骤 heads as 实施步骤, 工作步骤


def _draft(heading: str) -> str:
    # the phase runs on in the tasks' numbering (4.), so it is read as a measure and the rule judges it
    return f"""某县农村生活垃圾治理实施方案
一、主要任务
1.推进源头分类。全面推行生活垃圾四分类。(牵头单位:县城市管理局)
2.完善收运体系。配齐分类收运车辆。(牵头单位:县住房和城乡建设局)
二、{heading}
3.宣传发动阶段(2025年6月底前)。各乡镇广泛开展宣传。
三、保障措施
4.强化资金保障。县财政统筹安排工作经费。
"""


def test_the_list_is_data_and_both_read_it() -> None:
    assert {"步骤", "时间安排", "进度安排", "工作安排", "实施安排"} <= set(WORDS)
    assert Options().schedules == list(WORDS)
    assert all(stage_titles().search(f"三、{_heading(w)}") for w in WORDS)


@pytest.mark.parametrize("word", WORDS)
def test_a_phase_under_any_schedule_heading_needs_no_lead(word: str) -> None:
    draft = parse_plan(from_text(_draft(_heading(word)), "draft.txt"))
    assert "宣传发动阶段(2025年6月底前)" in [m.title for m in draft.measures]
    assert [h.local_item for h in b.run("lead_unit_required", draft)] == []


def test_a_rule_of_its_own_list_still_matches_the_titles() -> None:
    """A rule giving its own `schedules` is matched on the section titles, as before."""
    draft = parse_plan(from_text(_draft("工作安排"), "draft.txt"))
    assert [h.local_item for h in b.run("lead_unit_required", draft, options={"schedules": ["进度安排"]})] == ["3"]
    assert [h.local_item for h in b.run("lead_unit_required", draft, options={"schedules": ["工作安排"]})] == []
