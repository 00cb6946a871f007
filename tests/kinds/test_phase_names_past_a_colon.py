"""A stage kept among the measures (a schedule of one stage numbered on from the tasks) whose name runs on past a
colon into its work ("3.宣传发动阶段（2025年6月底前）：各乡镇…") is titled as a phase: lead_unit_required asks no
lead unit of it under a schedule heading, as of "3.宣传发动阶段（2025年6月底前）。各乡镇…" (issue #16). The parser's
stages and the rule's `phase` fact read one notion (engine/parse/tree.py `names_phase`, rulesets/data/sections.yaml
`phase_words`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.rules.leads import is_phase

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]


def _draft(stage: str) -> str:
    return f"""某旗农村牧区生活垃圾治理实施方案
一、主要任务
1.推进源头分类。全面推行生活垃圾四分类。(牵头单位:旗城市管理综合执法局)
2.完善收运体系。配齐分类收运车辆。(牵头单位:旗住房和城乡建设局)
二、实施步骤
{stage}
三、保障措施
4.强化资金保障。旗财政统筹安排工作经费。
"""


@pytest.mark.parametrize(
    "stage",
    ["3.宣传发动阶段(2025年6月底前)：各苏木镇广泛开展宣传。", "3.宣传发动阶段：2025年6月底前，各苏木镇广泛开展宣传。",
     "3.宣传发动阶段，2025年6月底前完成。"],
)  # fmt: skip
def test_a_phase_named_past_a_colon_needs_no_lead(stage: str) -> None:
    draft = parse_plan(from_text(_draft(stage), "draft.txt"))
    assert "3" in [m.label for m in draft.measures]
    assert [h.local_item for h in b.run("lead_unit_required", draft)] == []


def test_is_phase_reads_the_name_before_its_colon() -> None:
    """The name is the title up to its first colon or comma; a task that only speaks of a phase is none."""
    phases = ["准备阶段(2026年3月—4月)：成立工作专班，制定工作方案", "宣传发动阶段：召开动员部署会", "准备阶段，2026年3月至4月"]
    tasks = ["巩固阶段性成果(2026年6月底前)：对已改户厕开展回头看", "推进第二阶段整治：启动剩余村庄污水治理",
             "开展摸底排查：2026年3月—4月"]  # fmt: skip
    assert [is_phase(t) for t in phases + tasks] == [True] * len(phases) + [False] * len(tasks)
