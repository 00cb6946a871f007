"""deadline_not_later on hand-built clause pairs: later, earlier, equal, recurring, merged, curated."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]


PARENT = b.plan(
    b.measure(
        "(四)",
        "全面实行政府权责清单制度",
        "2022年年底前，全面完善行政许可事项清单",
        deadlines=[b.by_date("2022年年底前", "2022-12-31", 1)],
    ),
    b.measure(
        "(五)",
        "推进简政便民",
        "2022年年底前，政务服务事项全面实现一网通办",
        deadlines=[b.by_date("2022年年底前", "2022-12-31", 1)],
    ),
    level="province",
)
PT = "2022年年底前，全面完善行政许可事项清单。"


def _draft(deadline, text="全面完善行政许可事项清单"):
    return b.plan(
        b.measure("1", "完善权责清单", f"{deadline.text}，{text}", lead=["区司法局"], deadlines=[deadline])
    )


def _pairs(local, relation="same", local_items=("1",)):
    cp = b.clause(
        PT,
        f"{local.text}，全面完善行政许可事项清单。",
        "changed",
        local_item="1",
        parent_deadlines=[b.by_date("2022年年底前", "2022-12-31")],
        local_deadlines=[local],
    )
    return [b.pair("(四)", list(local_items), relation, [cp])]


def test_later_deadline_is_reported_quoting_it() -> None:
    late = b.by_date("2023年年底前", "2023-12-31", 1)
    hits = b.run("deadline_not_later", _draft(late), PARENT, _pairs(late))
    assert [(h.local_item, h.parent_item, h.quote) for h in hits] == [("1", "(四)", "2023年年底前")]
    assert "2022年年底前" in (hits[0].suggestion or "")


def test_earlier_and_equal_are_fine() -> None:
    for d in (b.by_date("2022年6月底前", "2022-06-30", 1), b.by_date("2022年年底前", "2022-12-31", 1)):
        assert b.run("deadline_not_later", _draft(d), PARENT, _pairs(d)) == []


def test_recurring_compares_month_day() -> None:
    p = b.yearly("每年3月底前", "--03-31")
    for local, n in ((b.yearly("每年6月底前", "--06-30"), 1), (b.yearly("每年2月底前", "--02-28"), 0)):
        draft = b.plan(b.measure("1", "报告法治政府建设情况", lead=["区司法局"], deadlines=[local]))
        cp = b.clause(
            "每年3月底前报告。",
            f"{local.text}报告。",
            "changed",
            local_item="1",
            parent_deadlines=[p],
            local_deadlines=[local],
        )
        assert len(b.run("deadline_not_later", draft, PARENT, [b.pair("(四)", ["1"], "same", [cp])])) == n


def test_incomparable_kinds_are_skipped() -> None:
    local = b.yearly("每年年底前", "--12-31")
    assert b.run("deadline_not_later", _draft(local), PARENT, _pairs(local)) == []


def test_merged_measure_is_checked_for_each_parent() -> None:
    late = b.by_date("2023年年底前", "2023-12-31", 1)
    pairs = [*_pairs(late, "merged"), b.pair("(五)", ["1"], "merged")]
    assert [h.parent_item for h in b.run("deadline_not_later", _draft(late), PARENT, pairs)] == ["(四)"]


def test_measure_level_fallback_without_clauses() -> None:
    late = b.by_date("2024年年底前", "2024-12-31", 1)
    pairs = [b.pair("(四)", ["1"], "same")]
    assert [h.quote for h in b.run("deadline_not_later", _draft(late), PARENT, pairs)] == ["2024年年底前"]


def test_curated_tighter_deadline() -> None:
    d = b.by_date("2022年年底前", "2022-12-31", 1)
    cur = {"(四)": b.ob("(四)", deadline="2022-06-30")}
    hits = b.run("deadline_not_later", _draft(d), PARENT, _pairs(d), obligations=cur)
    assert [(h.quote, h.key) for h in hits] == [("2022年年底前", "curated")]


def test_the_shipped_rule_is_the_join_the_kind_expands_to() -> None:
    """rulesets/obligations.yaml writes deadline-not-later out as a join; a user's rule that names the
    kind with its own options runs the join `expand` builds: the two must say the same."""
    from engine.rules.kinds.deadline_not_later import Options, expand
    from engine.rules.loader import load_rulesets

    rule = next(r for r in load_rulesets(["obligations"]).rules if r.id == "deadline-not-later")
    shipped = Options.model_validate(rule.options)
    assert shipped.join is not None and shipped.join.forbid
    assert expand(shipped) == expand(Options(measure_level_threshold=0.6, check_curated=False))


def test_a_rule_gives_the_join_or_the_options_not_both() -> None:
    import pytest
    from pydantic import ValidationError

    from engine.rules.kinds.deadline_not_later import Options

    join = {"facts": [{"as": "p", "fact": "parent_deadline"}], "forbid": []}
    with pytest.raises(ValidationError, match="either join"):
        Options.model_validate({"join": join, "check_curated": False})

