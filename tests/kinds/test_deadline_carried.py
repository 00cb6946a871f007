"""deadline_carried on hand-built clause pairs: stripped deadline, moved deadline, past, dropped."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]


P_DL = b.by_date("2022年年底前", "2022-12-31", 1)
PARENT = b.plan(
    b.measure(
        "(二十七)",
        "持续深化行政复议体制改革",
        "2022年年底前，基本形成公正权威、统一高效的行政复议体制",
        deadlines=[P_DL],
    ),
    level="province",
)
PT = "2022年年底前，基本形成公正权威、统一高效的行政复议体制。"


def _case(local_body, local_deadlines, cp_local_deadlines=(), relation="changed", date=None, local_text=None):
    draft = b.plan(
        b.measure(
            "24", "持续深化行政复议体制改革", local_body, lead=["区司法局"], deadlines=list(local_deadlines)
        ),
        date=date,
    )
    cp = b.clause(
        PT,
        local_text if local_text is not None else local_body.split("。")[0] + "。",
        relation,
        local_item="24",
        parent_deadlines=[P_DL],
        local_deadlines=list(cp_local_deadlines),
    )
    return draft, [b.pair("(二十七)", ["24"], "same", [cp])]


def test_stripped_deadline_is_reported() -> None:
    draft, pairs = _case("基本形成公正权威、统一高效的行政复议体制", [])
    hits = b.run("deadline_carried", draft, PARENT, pairs)
    assert [(h.local_item, h.parent_item, h.quote) for h in hits] == [
        ("24", "(二十七)", "基本形成公正权威、统一高效的行政复议体制。")
    ]
    assert "2022年年底前" in (hits[0].suggestion or "")


def test_deadline_kept_or_earlier_in_clause() -> None:
    d = b.by_date("2022年6月底前", "2022-06-30", 1)
    draft, pairs = _case("2022年6月底前，基本形成公正权威、统一高效的行政复议体制", [d], [d])
    assert b.run("deadline_carried", draft, PARENT, pairs) == []


def test_deadline_moved_to_another_sentence_counts() -> None:
    d = b.by_date("2022年年底前", "2022-12-31", 1)
    body = "基本形成公正权威、统一高效的行政复议体制。上述行政复议体制2022年年底前基本形成"
    draft, pairs = _case(body, [d])
    assert b.run("deadline_carried", draft, PARENT, pairs) == []


def test_dropped_clause_is_left_to_clause_carried() -> None:
    draft, pairs = _case("全面推进行政复议规范化建设", [], relation="dropped", local_text="")
    assert b.run("deadline_carried", draft, PARENT, pairs) == []


def test_ignore_past_option() -> None:
    draft, pairs = _case("基本形成公正权威、统一高效的行政复议体制", [], date="2023-03-01")
    assert len(b.run("deadline_carried", draft, PARENT, pairs)) == 1
    assert b.run("deadline_carried", draft, PARENT, pairs, options={"ignore_past": True}) == []


def test_measure_level_fallback() -> None:
    draft = b.plan(
        b.measure(
            "24", "持续深化行政复议体制改革", "基本形成公正权威、统一高效的行政复议体制", lead=["区司法局"]
        )
    )
    hits = b.run("deadline_carried", draft, PARENT, [b.pair("(二十七)", ["24"], "same")])
    assert [h.local_item for h in hits] == ["24"]


def test_curated_deadline_needs_a_date() -> None:
    draft = b.plan(b.measure("24", "持续深化行政复议体制改革", "完善行政复议委员会", lead=["区司法局"]))
    cur = {"(二十七)": b.ob("(二十七)", "持续深化行政复议体制改革", deadline="2023-06-30")}
    hits = b.run("deadline_carried", draft, PARENT, [b.pair("(二十七)", ["24"], "same", [])], obligations=cur)
    assert [h.key for h in hits if h.key == "curated"] == ["curated"]


def _facts(draft, pairs, obligations=None):
    from engine.models import Alignment
    from engine.rules import facts as ft
    from engine.rules.kinds.base import CheckContext

    ctx = CheckContext(draft=draft, parent=PARENT, alignment=Alignment(alignment=pairs),
                       obligations=obligations or {}, data={}, scope=None)
    return ft.build("carried_deadline", ctx)


def test_the_facts_say_how_the_deadline_is_kept() -> None:
    """The fuzzy part is code (carried_deadline); the rule only reads kept, kept_score and score."""
    draft, pairs = _case("基本形成公正权威、统一高效的行政复议体制", [])
    (f,) = _facts(draft, pairs)
    assert (f["via"], f["kept"], f["kept_score"], f["text"], f["about"]) == (
        "clause", False, 0.0, "2022年年底前", "missing:2022年年底前")
    moved = b.by_date("2023年年底前", "2023-12-31", 1)  # later, other words: not the same deadline
    body = "基本形成公正权威、统一高效的行政复议体制。上述行政复议体制2023年年底前基本形成"
    draft, pairs = _case(body, [moved])
    (f,) = _facts(draft, pairs)
    assert f["kept"] is False and f["kept_score"] >= 0.6  # kept by a similar sentence (its lateness
    assert b.run("deadline_carried", draft, PARENT, pairs) == []  # is deadline-not-later's to judge)
    draft, pairs = _case("基本形成公正权威、统一高效的行政复议体制", [], date="2023-03-01")
    assert [f["past"] for f in _facts(draft, pairs)] == [True]


def test_the_shipped_rule_is_the_join_the_kind_expands_to() -> None:
    from engine.rules.kinds.deadline_carried import Options, expand
    from engine.rules.loader import load_rulesets

    rule = next(r for r in load_rulesets(["obligations"]).rules if r.id == "deadline-carried")
    shipped = Options.model_validate(rule.options)
    assert shipped.join is not None and shipped.join.forbid
    assert expand(shipped) == expand(Options())
    assert expand(shipped) != expand(Options(ignore_past=True))
