"""One semantics, two engines: durable-rules and the Python evaluator give the same matches and reports.

Where durable-rules does not import (Python 3.13+) the comparisons are skipped with that reason and
the evaluator alone runs the rest of the suite (every case file and example still checks it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.errors import PlancheckError
from engine.rules import condition_compile as ccomp
from engine.rules import conditions as cond
from engine.rules import evaluator, runtime
from engine.rules.kinds.condition import Options

ROOT = Path(__file__).resolve().parents[2]
BOTH = pytest.mark.skipif(
    runtime.DURABLE_ERROR is not None, reason=f"durable-rules does not import here: {runtime.DURABLE_ERROR}"
)


def _both(ruleset: dict, facts: list[dict]) -> tuple[list, list]:
    with runtime.using("durable"):
        d = runtime.run(ruleset, facts)
    with runtime.using("python"):
        p = runtime.run(ruleset, facts)
    return d, p


def _keys(matches: list[dict]) -> list[tuple]:
    return [(m["rule"], tuple((a, f["_f"]) for a, f in m["facts"].items())) for m in matches]


# ---------------------------------------------------------------------------- joins, measured

OBS = [{"t": "o", "k": "o1", "pid": 1, "d": 5}, {"t": "o", "k": "o2", "pid": 2, "d": 3}]
M = [{"t": "m", "k": "m1", "pid": 1, "d": 6}, {"t": "m", "k": "m2", "pid": 1, "d": 4},
     {"t": "m", "k": "m3", "pid": 2, "d": 1}, {"t": "m", "k": "m4", "pid": 3, "d": 9}]
JOINS = {
    "key": ({"r": {"all": [{"o": {"t": "o"}}, {"m": {"$and": [{"t": "m"}, {"pid": {"o": "pid"}}]}}]}},
            [("o1", "m1"), ("o1", "m2"), ("o2", "m3")]),
    "cross": ({"r": {"all": [{"o": {"t": "o"}}, {"m": {"t": "m"}}]}}, None),
    "later": ({"r": {"all": [{"o": {"t": "o"}}, {"m": {"$and": [{"t": "m"}, {"pid": {"o": "pid"}},
                                                                  {"$gt": {"d": {"o": "d"}}}]}}]}},
              [("o1", "m1")]),
    "or": ({"r": {"all": [{"o": {"t": "o"}}, {"m": {"$and": [{"t": "m"}, {"pid": {"o": "pid"}},
                                                               {"$or": [{"d": 6}, {"d": 1}]}]}}]}},
           [("o1", "m1"), ("o2", "m3")]),
    "never-itself": ({"r": {"all": [{"a": {"t": "m"}}, {"b": {"$and": [{"t": "m"}, {"pid": {"a": "pid"}}]}}]}},
                     [("m1", "m2"), ("m2", "m1")]),
    "three": ({"r": {"all": [{"o": {"t": "o"}}, {"m": {"$and": [{"t": "m"}, {"pid": {"o": "pid"}}]}},
                             {"n": {"$and": [{"t": "m"}, {"pid": {"m": "pid"}}, {"$lt": {"d": {"m": "d"}}}]}}]}},
              [("o1", "m1", "m2")]),
}


@pytest.mark.parametrize("name", sorted(JOINS))
def test_join_semantics_python(name: str) -> None:
    ruleset, want = JOINS[name]
    with runtime.using("python"):
        got = runtime.run(ruleset, M + OBS)
    names = [tuple(f["k"] for f in m["facts"].values()) for m in got]
    if want is None:  # the cross product: every (o, m)
        want = sorted((o["k"], m["k"]) for o in OBS for m in M)
    assert sorted(names) == sorted(want)


@BOTH
@pytest.mark.parametrize("name", sorted(JOINS))
def test_join_semantics_durable(name: str) -> None:
    ruleset, _ = JOINS[name]
    d, p = _both(ruleset, M + OBS)
    assert _keys(d) == _keys(p)


# Two bugs of durable-rules 2.0.28's join test (reduceExpressionSequence, events.c), worked around in
# runtime._only_our_facts: a reference written after a nested $and/$or was ignored, and a failing
# last reference made it read past the end of its expressions (the segfault in assert_facts).
REF_AFTER_GROUP = [
    {"$and": [{"t": "m"}, {"$or": [{"k": "m1"}, {"k": "m2"}, {"k": "m3"}]}, {"pid": {"o": "pid"}},
              {"$gt": {"d": {"o": "d"}}}]},
    {"$and": [{"t": "m"}, {"$and": [{"$neq": {"k": "m4"}}, {"$ex": {"d": 1}}]}, {"$gt": {"d": {"o": "d"}}}]},
    {"$and": [{"$or": [{"t": "m"}]}, {"$or": [{"$gte": {"d": 0}}]}, {"$lte": {"d": {"o": "d"}}},
              {"pid": {"o": "pid"}}]},
]


@BOTH
@pytest.mark.parametrize("pattern", REF_AFTER_GROUP, ids=["or-then-refs", "and-then-ref", "groups-then-refs"])
def test_durable_reads_every_reference_after_a_group(pattern: dict) -> None:
    ruleset = {"r": {"all": [{"o": {"t": "o"}}, {"m": pattern}]}}
    d, p = _both(ruleset, M + OBS)
    assert _keys(d) == _keys(p)
    assert len(p) < len(OBS) * len(M)  # the references filter: a rule that ignored them would fire for all


@BOTH
def test_a_failing_last_reference_does_not_crash_durable_in_a_long_lived_host() -> None:
    """Hundreds of distinct join rulesets registered in the one host, each run with facts whose last
    reference fails; before the workaround this crashed the process within a few dozen."""
    for n in range(300):
        ruleset = {f"r{n}": {"all": [{"o": {"t": "o"}},
                                     {"m": {"$and": [{"t": "m"}, {"pid": {"o": "pid"}}, {"$gt": {"d": {"o": "d"}}},
                                                     {"$neq": {"k": f"x{n}"}}]}}]}}
        d, p = _both(ruleset, M + OBS)
        assert _keys(d) == _keys(p)
        assert len(p) == 1  # (o1, m1): the other pairs fail the last reference
    assert runtime.stored_rulesets() <= runtime.MAX_RULESETS


def test_patterns_outside_the_shared_domain_are_refused_not_guessed() -> None:
    bad = [
        {"r": {"all": [{"m": {"x": 1, "k": "a"}}]}},  # durable reads only one key
        {"r": {"all": [{"o": {"t": "o"}}, {"m": {"$gt": {"d": {"o": "missing"}}}}]}},  # durable crashes
        {"r": {"all": [{"m": {"$lt": {"k": 1}}}]}},  # string against number
        {"r": {"all": [{"m": {"$not": {"t": "m"}}}]}},
        # durable drops the {d: 9} branch once the $or holds a reference (measured)
        {"r": {"all": [{"o": {"t": "o"}}, {"m": {"$or": [{"pid": {"o": "pid"}}, {"d": 9}]}}]}},
    ]
    for ruleset in bad:
        with runtime.using("python"), pytest.raises(PlancheckError) as e:
            runtime.run(ruleset, M + OBS)
        assert e.value.code == "internal"


def test_unknown_engine_is_a_message() -> None:
    with pytest.raises(PlancheckError) as e, runtime.using("clips"):
        pass
    assert e.value.code == "rules.engine_unknown"


# ---------------------------------------------------------------------------- the condition language

_FIELDS = {"level": st.sampled_from(["county", "city", "province"]),
           "text": st.text(alphabet="法立普a\nAb 2025年", max_size=8),
           "n_deadlines": st.integers(0, 3),
           "general": st.booleans(),
           "lead_units": st.lists(st.sampled_from(["区司法局", "区财政局", "x"]), max_size=3, unique=True)}
_ATOMS = [
    {"field": "level", "op": "eq", "value": "county"}, {"field": "level", "op": "ne", "value": "city"},
    {"field": "level", "op": "lt", "value": "county"}, {"field": "level", "op": "in", "value": ["city", "x"]},
    {"field": "level", "op": "not_in", "value": ["county"]}, {"field": "n_deadlines", "op": "gte", "value": 2},
    {"field": "n_deadlines", "op": "lt", "value": 1}, {"field": "general", "value": True},
    {"field": "text", "op": "matches", "value": "立法|普法"}, {"field": "text", "op": "matches", "value": "(?i)ab"},
    {"field": "text", "op": "matches", "value": r"\d{4}年"}, {"field": "text", "op": "matches", "value": "^法"},
    {"field": "text", "op": "matches", "value": "a.b"}, {"field": "text", "op": "matches", "value": r"a\sb"},
    {"field": "text", "op": "matches", "value": "[0a]法$"},
    {"field": "lead_units", "op": "contains", "value": "区司法局"},
    {"field": "lead_units", "op": "not_contains", "value": "x"}, {"field": "lead_units", "op": "matches", "value": "财"},
    {"field": "lead_units", "op": "exists"}, {"field": "lead_units", "op": "exists", "value": False},
]


def _exprs() -> st.SearchStrategy[Any]:
    atom = st.sampled_from(_ATOMS)
    return st.recursive(atom, lambda sub: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(sub, min_size=1, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(sub, min_size=1, max_size=3)),
        st.builds(lambda x: {"not": x}, sub)), max_leaves=5)


def _facts() -> st.SearchStrategy[list[dict]]:
    fact = st.fixed_dictionaries(_FIELDS)
    return st.lists(fact, min_size=1, max_size=6).map(
        lambda fs: [{"t": "measure", "fid": i, **f, "n_lead_units": len(f["lead_units"])} for i, f in enumerate(fs)])


def _select(expr: Any, facts: list[dict], engine: str) -> list[int]:
    with runtime.using(engine):
        return [f["fid"] for f in ccomp.select("measure", expr, "forbid", facts)]


def test_a_regex_reads_a_newline_as_the_engines_do() -> None:
    """Found by the property below: a `matches` computed beside the engine read the raw "a\\nb" while
    the engines (and the reference) read it as "a b"."""
    facts = [{"fid": 1, "t": "measure", "text": "a\nb"}]
    expr = Options.model_validate({"fact": "measure", "forbid": {"field": "text", "op": "matches", "value": "a.b"}}).expr
    assert [f["fid"] for f in facts if cond.evaluate(runtime_view(f), expr)] == [1]
    assert _select(expr, facts, "python") == [1]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_exprs(), facts=_facts())
def test_python_engine_agrees_with_the_reference(data: Any, facts: list[dict]) -> None:
    expr = Options.model_validate({"fact": "measure", "forbid": data}).expr
    want = [f["fid"] for f in facts if cond.evaluate(runtime_view(f), expr)]
    assert _select(expr, facts, "python") == want


@BOTH
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_exprs(), facts=_facts())
def test_durable_and_python_agree_on_conditions(data: Any, facts: list[dict]) -> None:
    expr = Options.model_validate({"fact": "measure", "forbid": data}).expr
    assert _select(expr, facts, "durable") == _select(expr, facts, "python")


def runtime_view(fact: dict) -> dict:
    """The fact as the engines see it (control characters as spaces)."""
    return {k: runtime._clean(v) for k, v in fact.items()}


def test_regex_dialect_back_to_python() -> None:
    assert evaluator.python_regex(".*(a%.b%%).*").fullmatch("xa.b%y")
    assert not evaluator.python_regex(".*(a%.b%%).*").fullmatch("xaxb%y")
    assert evaluator.python_regex("[%d]+年").fullmatch("2025年")
    assert not evaluator.python_regex("%d").fullmatch("５")  # durable's %d is ASCII
    assert evaluator.python_regex("ab", True).fullmatch("AB")
    assert not evaluator.python_regex("éb", True).fullmatch("ÉB")  # durable folds ASCII only
    assert evaluator.python_regex("[a-c%-]").fullmatch("-")


# ---------------------------------------------------------------------------- every shipped, example and test rule


def _example_runs() -> list[Any]:
    from engine.rules.loader import load_ruleset

    params = []
    files = sorted(ROOT.glob("rulesets/*.yaml")) + sorted(ROOT.glob("docs/examples/*.yaml")) + sorted(ROOT.glob("tests/data/**/*.yaml"))
    for path in files:
        try:
            rs = load_ruleset(str(path))
        except PlancheckError:
            continue  # the invalid rulesets of the loader tests
        for rule in rs.rules:
            if rule.examples:
                params.append(pytest.param(rule, id=f"{path.name}:{rule.id}"))
    return params


def _findings_of_examples(rule: Any, engine: str) -> list[str]:
    from engine.cli_rules import example_obligations
    from engine.ingest import from_text
    from engine.parse import parse_plan
    from engine.pipeline import check_plans

    out = []
    with runtime.using(engine):
        for ex in [*rule.examples.passing, *rule.examples.failing]:
            draft = parse_plan(from_text(ex.draft, "example-draft.txt"), level=ex.level)
            findings, _ = check_plans(draft, example_obligations(ex), [rule])
            out.append(json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False))
    return out


@BOTH
@pytest.mark.parametrize("rule", _example_runs())
def test_every_example_gives_the_same_findings_on_both_engines(rule: Any) -> None:
    assert _findings_of_examples(rule, "durable") == _findings_of_examples(rule, "python")


@BOTH
def test_every_case_file_gives_the_same_findings_on_both_engines() -> None:
    import yaml

    from tests.kinds.test_cases import CASES_DIR, run_case

    n = 0
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for case in data["cases"]:
            got = {}
            for engine in ("durable", "python"):
                with runtime.using(engine):
                    got[engine] = [f.model_dump(mode="json") for f in run_case(data["check"], case)]
            assert got["durable"] == got["python"], f"{path.name}: {case['name']}"
            n += 1
    assert n >= 15


@BOTH
@pytest.mark.parametrize("with_parent", [True, False])
def test_fixture_report_is_byte_identical_on_both_engines(with_parent: bool) -> None:
    import datetime as dt

    from engine.pipeline import check

    fixtures = ROOT / "fixtures"
    reports = []
    for engine in ("durable", "python"):
        with runtime.using(engine):
            run = check(str(fixtures / "chengzhong-district-draft.txt"),
                        parent_path=str(fixtures / "guangxi-2021-2025-parent.txt") if with_parent else None,
                        rulesets=[] if with_parent else [str(ROOT / "rulesets/guangxi-2021-2025.yaml")],
                        today=dt.date(2026, 1, 1))
        reports.append(run.report.model_dump_json())
    assert reports[0] == reports[1]
