"""A stage heading's date is the deadline of everything under it (issue #16): "（一）制定方案阶段（2019年4月底
前）。县政府印发…" and "（三）总结验收阶段（2023年3月底前）" over numbered items, in parent and draft alike.
fixtures/stages/ (a 江西 city and county, written for testing) and the 鄢陵县 evaluation child."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.extract.deadlines import heading_deadlines
from engine.ingest import from_text, load_document
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PARENT = FIXTURES / "stages" / "jiangxi-rural-sewage-parent.txt"
DRAFT = FIXTURES / "stages" / "yongfeng-rural-sewage-draft.txt"
YANLING = FIXTURES / "eval" / "yanling-zero-waste.txt"
ZERO_WASTE = FIXTURES / "national" / "gbf2018-128-zero-waste-cities.txt"


@pytest.mark.parametrize(
    ("title", "dates"),
    [
        ("制定方案阶段(2019年4月底前)", ["2019-04-30"]),
        ("动员部署阶段（2021年6月底前）", ["2021-06-30"]),
        ("第一阶段：2021年3月底前", ["2021-03-31"]),
        ("集中整治(2021年7月—9月)", ["2021-09-30"]),  # brackets after the name: a stage too
        ("2019年6月底前完成清理", []),  # a task with its own date, not a stage
        ("到2020年，基本建成回收体系", []),
        ("加强组织领导", []),
        ("全面开展农村生活污水治理设施排查整治，建立问题清单并限期整改到位（2021年底前）", []),  # a sentence
    ],
)
def test_heading_deadlines(title: str, dates: list[str]) -> None:
    assert [d.date for d in heading_deadlines(title)] == dates


def _check(draft: Path, parent: Path) -> list[dict]:
    r = CliRunner().invoke(main, ["check", str(draft), "--parent", str(parent), "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.output)["findings"]


def test_items_under_a_stage_section_are_due_with_the_stage() -> None:
    for path, first, last in ((PARENT, "2021-06-30", "2023-03-31"), (DRAFT, "2021-05-31", "2023-06-30")):
        plan = parse_plan(load_document(str(path)))
        due = {m.label: [d.date for d in m.deadlines] for m in plan.measures if m.path[:1] == ["三"]}
        assert due == {"1": [first], "2": [first], "3": ["2022-12-31"], "4": ["2022-12-31"],
                       "5": [last], "6": [last]}  # fmt: skip


def test_an_item_with_its_own_date_keeps_it() -> None:
    text = (
        "某县农村环境整治实施方案\n一、实施步骤\n（一）排查阶段（2021年6月底前）\n"
        "1.开展农村黑臭水体排查，建立清单。\n2.2021年4月底前完成排查方案编制。\n二、保障措施\n"
        "（一）加强组织领导。县政府统筹推进整治工作。\n（二）强化资金保障。县财政统筹安排整治资金。\n"
    )
    plan = parse_plan(from_text(text))
    due = {m.label: [d.date for d in m.deadlines] for m in plan.measures if m.path[:1] == ["一"]}
    assert due == {"1": ["2021-06-30"], "2": ["2021-04-30"]}


def test_a_later_stage_is_later_and_an_earlier_stage_is_kept() -> None:
    findings = _check(DRAFT, PARENT)
    late = sorted(
        (f["local_item"], f["evidence"]["local"]) for f in findings if f["rule"] == "deadline-not-later"
    )
    assert late == [("5", "2023年6月底前"), ("6", "2023年6月底前")]
    assert [f for f in findings if f["rule"] == "deadline-carried"] == []


def test_yanling_stage_dates_are_read_under_the_stage_heading() -> None:
    findings = _check(YANLING, ZERO_WASTE)
    late = [(f["local_item"], f["evidence"]["local"]) for f in findings if f["rule"] == "deadline-not-later"]
    assert ("三(三)", "2021年6月底前") in late  # planted: the parent asks 2021年3月底前
    carried = [f for f in findings if f["rule"] == "deadline-carried" and f["local_item"].startswith("三")]
    assert carried == []
    # 2019年4月底前 is earlier than the parent's 2019年上半年: nothing about 三(一)'s date
    assert not [f for f in findings if f["rule"].startswith("deadline") and f["local_item"] == "三(一)"]
