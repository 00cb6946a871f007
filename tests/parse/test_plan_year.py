"""The one year a year's plan is for (its title: 2027年…工作要点) dates its deadlines written without a year
(第三季度完成, 上半年, 年底前); a plan over years (2026—2028年) leaves them undated (engine/extract/deadlines.py
`resolve_year`)."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan

BODY = [
    "一、重点任务",
    "1.完善政务服务。推行一网通办。（市政务服务中心负责；第三季度完成）",
    "2.优化审批。压缩审批时限。（市发展改革委牵头，市财政局配合，上半年完成）",
    "3.开展评估。年底前完成评估报告。（市统计局负责）",
    "二、保障措施",
    "加强领导。",
]


@pytest.mark.parametrize(
    ("title", "dates"),
    [
        ("某市2027年营商环境优化工作要点", [["2027-09-30"], ["2027-06-30"], ["2027-12-31"]]),
        ("2027年某县重点任务分解表", [["2027-09-30"], ["2027-06-30"], ["2027-12-31"]]),
        ("某市营商环境优化三年行动方案（2026—2028年）", [[None], [None], [None]]),
        ("某市营商环境优化工作要点", [[None], [None], [None]]),
    ],
)
def test_deadlines_without_a_year_take_the_plans_one_year(title, dates):
    plan = parse_plan(from_text("\n\n".join([title, *BODY])))
    assert [[d.date for d in m.deadlines] for m in plan.measures] == dates
