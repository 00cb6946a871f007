"""Items whose text starts with digits are items, not decimals (issue 16 item 3)."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan


def test_items_starting_with_digits():
    plan = parse_plan(
        from_text(
            "某市人才发展实施方案\n一、重点项目\n10.青年英才计划。每年支持青年人才。(牵头单位:市人社局)\n"
            "11.121人才梯队项目。选拔培养121名高层次人才。(牵头单位:市委组织部)\n"
            "12.3D打印产业人才计划。引进3D打印人才。(牵头单位:市科技局)\n"
        )
    )
    assert [(m.ref, m.title) for m in plan.measures] == [
        ("10", "青年英才计划"), ("11", "121人才梯队项目"), ("12", "3D打印产业人才计划"),
    ]  # fmt: skip


def test_a_decimal_that_does_not_continue_the_sequence_stays_text():
    plan = parse_plan(
        from_text("某市实施方案\n一、任务\n1.提高补贴。补贴标准提高到\n1.5倍。(牵头单位:市财政局)\n"
                  "2.加强监管。严格执法。(牵头单位:市市场监管局)\n")
    )
    assert [m.ref for m in plan.measures] == ["1", "2"]
    assert "1.5倍" in plan.measures[0].text
