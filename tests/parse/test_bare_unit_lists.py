"""A bare bracket of units closing each task, "…2025年底前完成。（市自然资源局、市发展改革委）", with the document's
lead convention stated once, wherever it stands: in a closing "注：各项任务中排在第一位的单位为牵头单位，其余为配合
单位。" after the safeguards (blind16 浙江省, a .pdf), or "带*号的为牵头单位" in the notice. The list is the task's
clause and the convention reads it; with no convention stated every unit of the list leads (fixtures/fix44a)."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan

TASKS = [
    "二、重点任务",
    "1.编制湿地保护规划。2025年底前完成规划编制并报市政府批准。（市自然资源和规划局、市发展改革委、市林业局）",
    "2.实施湿地生态修复。修复退化湿地2000亩以上。（市林业局、市生态环境局、各县（区）人民政府）",
    "3.完善湿地监测体系。建设湿地监测站点10个。（市生态环境局）",
    "三、保障措施",
    "（一）强化组织推进。建立湿地保护工作协调机制。",
    "（二）加强资金保障。统筹安排湿地保护专项资金。",
]
HEAD = ["某市湿地保护三年行动计划（2025—2027年）", "为加强湿地保护，制定本行动计划。", "一、总体目标", "到2027年，全市湿地保护率达到60%以上。"]


def _units(lines: list[str]) -> list[tuple[list[str], list[str]]]:
    plan = parse_plan(from_text("\n".join(lines), path="d.txt"))
    return [(m.lead_units, m.support_units) for m in plan.measures]


FIRST = [
    (["市自然资源和规划局"], ["市发展改革委", "市林业局"]),
    (["市林业局"], ["市生态环境局", "各县(区)人民政府"]),
    (["市生态环境局"], []),
]


@pytest.mark.parametrize(
    "note", ["注：各项任务中排在第一位的单位为牵头单位，其余为配合单位。", "注：列第一位者为牵头单位。"]
)
def test_a_convention_stated_at_the_end_reads_the_bare_lists(note):
    assert _units(HEAD + TASKS + [note]) == FIRST
    # no convention: each unit of a bare list answers for the task, all lead (a 工作要点's "（X、Y）", blind44 永州市;
    # responsibility.trailing_units), the convention alone telling lead from support
    assert _units(HEAD + TASKS) == [([*lead, *support], []) for lead, support in FIRST]


def test_a_marked_convention_reads_the_bare_lists_too():
    tasks = [t.replace("（市自然资源和规划局、市发展改革委", "（市发展改革委、市自然资源和规划局*") for t in TASKS]
    notice = ["某市人民政府办公室关于印发某市湿地保护三年行动计划（2025—2027年）的通知",
              "各县（区）人民政府，市直各单位：现将计划印发给你们，请认真贯彻执行。责任单位中，带*号的为牵头单位，其余为配合单位。"]  # fmt: skip
    assert _units(notice + HEAD + tasks)[0] == (["市自然资源和规划局"], ["市发展改革委", "市林业局"])
