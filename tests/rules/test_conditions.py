"""The condition language: each operator compiled to durable agrees with the Python reference."""

from __future__ import annotations

import re

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import Obligations, check_plans
from engine.rules import condition_compile as ccomp
from engine.rules import conditions as cond
from engine.rules.durable_regex import to_durable_regex
from engine.rules.kinds.condition import Options
from engine.rules.ruleset import Rule

FACTS = [
    {"t": "measure", "fid": 0, "ref": "1", "text": "推进立法工作", "lead_units": ["区司法局", "区财政局"],
     "n_lead_units": 2, "n_deadlines": 1, "general": False, "level": "county", "chapter_labels": ["五"],
     "n_chapter_labels": 1},
    {"t": "measure", "fid": 1, "ref": "2", "text": "开展普法宣传", "lead_units": [], "n_lead_units": 0,
     "n_deadlines": 0, "general": True, "level": "county", "chapter_labels": ["二"], "n_chapter_labels": 1},
    {"t": "measure", "fid": 2, "ref": "3", "text": "Legal AID 2025年", "lead_units": ["区民政局"],
     "n_lead_units": 1, "n_deadlines": 3, "general": False, "level": "city", "chapter_labels": [],
     "n_chapter_labels": 0},
]
DEADLINES = [
    {"t": "deadline", "fid": 0, "ref": "1", "text": "2025年底前", "kind": "by-date", "date": "2025-12-31"},
    {"t": "deadline", "fid": 1, "ref": "1", "text": "任期内", "kind": "term"},
]

CASES = [
    {"field": "level", "op": "eq", "value": "county"},
    {"field": "level", "op": "ne", "value": "county"},
    {"field": "n_deadlines", "op": "lt", "value": 1},
    {"field": "n_deadlines", "op": "lte", "value": 1},
    {"field": "n_deadlines", "op": "gt", "value": 1},
    {"field": "n_deadlines", "op": "gte", "value": 1},
    {"field": "general", "op": "eq", "value": True},
    {"field": "text", "op": "matches", "value": "立法|普法"},
    {"field": "text", "op": "matches", "value": "(?i)legal aid"},
    {"field": "text", "op": "matches", "value": r"\d{4}年"},
    {"field": "text", "op": "matches", "value": "^推进"},
    {"field": "text", "op": "matches", "value": "工作$"},
    {"field": "text", "op": "matches", "value": "[立宣]法"},
    {"field": "lead_units", "op": "matches", "value": "司法"},
    {"field": "lead_units", "op": "contains", "value": "区司法局"},
    {"field": "lead_units", "op": "not_contains", "value": "区司法局"},
    {"field": "level", "op": "in", "value": ["county", "town"]},
    {"field": "level", "op": "not_in", "value": ["county", "town"]},
    {"field": "lead_units", "op": "exists"},
    {"field": "lead_units", "op": "exists", "value": False},
    {"all": [{"field": "level", "value": "county"}, {"field": "n_lead_units", "op": "gte", "value": 1}]},
    {"any": [{"field": "general", "value": True}, {"field": "n_deadlines", "op": "gt", "value": 2}]},
    {"not": {"field": "text", "op": "matches", "value": "立法"}},
    {"not": {"any": [{"field": "level", "value": "city"}, {"field": "lead_units", "op": "contains", "value": "x"}]}},
    {"all": [{"field": "text", "op": "matches", "value": "法"}, {"not": {"field": "text", "op": "matches", "value": "普"}}]},
    {"any": [{"field": "n_deadlines", "op": "eq", "value": 3},
             {"not": {"field": "lead_units", "op": "matches", "value": "财政"}}]},
    {"not": {"not": {"field": "chapter_labels", "op": "contains", "value": "五"}}},
]


def _expr(data: dict, fact: str = "measure") -> cond.Expr:
    return Options.model_validate({"fact": fact, "forbid": data}).expr


@pytest.mark.parametrize("data", CASES, ids=[str(i) for i in range(len(CASES))])
def test_durable_agrees_with_python(data: dict) -> None:
    expr = _expr(data)
    want_true = [f["fid"] for f in FACTS if cond.evaluate(f, expr)]
    assert [f["fid"] for f in ccomp.select("measure", expr, "forbid", FACTS)] == want_true
    assert [f["fid"] for f in ccomp.select("measure", expr, "require", FACTS)] == [
        f["fid"] for f in FACTS if f["fid"] not in want_true
    ]


@pytest.mark.parametrize(
    ("data", "want"),
    [
        ({"field": "date", "op": "lt", "value": "2026-01-01"}, [0]),
        ({"not": {"field": "date", "op": "lt", "value": "2026-01-01"}}, [1]),  # missing date: not (x < d)
        ({"field": "date", "op": "ne", "value": "2025-12-31"}, [1]),
        ({"field": "date", "op": "exists"}, [0]),
        ({"field": "date", "op": "not_in", "value": ["2025-12-31"]}, [1]),
    ],
)
def test_optional_fields(data: dict, want: list[int]) -> None:
    expr = _expr(data, "deadline")
    assert [f["fid"] for f in ccomp.select("deadline", expr, "forbid", DEADLINES)] == want
    assert [f["fid"] for f in DEADLINES if cond.evaluate(f, expr)] == want


def test_compiled_form_is_plain_json() -> None:
    regexes, rs = ccomp.compile_condition("measure", _expr({"field": "lead_units", "op": "contains", "value": "区司法局"}))
    assert regexes == []
    assert rs == {"r_0": {"all": [{"m": {"$and": [{"t": "measure"}, {"$iany": {"lead_units": {"$i": "区司法局"}}}]}}]}}
    data = {"any": [{"not": {"field": "text", "op": "matches", "value": "立法"}},
                    {"field": "lead_units", "op": "matches", "value": "立法"}]}  # fmt: skip
    regexes, rs = ccomp.compile_condition("measure", _expr(data))
    assert [(a.field, a.value) for a in regexes] == [("text", "立法"), ("lead_units", "立法")]
    assert rs == {"r_0": {"all": [{"m": {"$and": [{"t": "measure"}, {"$or": [{"_re0": False}, {"_re1": True}]}]}}]}}


@pytest.mark.parametrize("mode", ["forbid", "require"])
def test_catastrophic_regex_runs_in_linear_time(mode: str) -> None:
    """(a+)+$ on a long run of a: Python's re (and durable's matcher) never finish; RE2 answers at once."""
    facts = [{"t": "measure", "fid": 0, "ref": "1", "text": "a" * 200_000 + "b", "n_lead_units": 0,
              "lead_units": []}]  # fmt: skip
    expr = _expr({"field": "text", "op": "matches", "value": "(a+)+$"})
    got = ccomp.select("measure", expr, mode, facts)
    assert [f["fid"] for f in got] == ([] if mode == "forbid" else [0])


def test_unicode_classes_keep_pythons_meaning() -> None:
    for pattern, text in [(r"\w+局", "区司法局"), (r"\d{4}年", "２０２５年"), (r"\s", "\u3000"), (r"[\w]", "中")]:
        assert cond.regex_matches({"text": text}, cond.Atom(field="text", op="matches", value=pattern))
        assert re.search(pattern, text)


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [(r"\bx", r"\b"), ("(?=a)b", "lookarounds"), (r"(a)\1", "back references"), ("[一-龥]", "256"),
     (r"\w+", r"\w"), ("[^普]法", "negated classes"), ("[^a]", "negated classes"), ("a{200}", "100"), ("a^b", "anchors"), ("((", "bad regular expression")],
)
def test_unsupported_regexes_are_refused_with_a_reason(pattern: str, fragment: str) -> None:
    with pytest.raises(ValueError) as e:
        to_durable_regex(pattern)
    assert fragment in str(e.value)


def test_regex_translation() -> None:
    assert to_durable_regex("a.b")[0] == ".*(a.b).*"
    assert to_durable_regex(r"a\.b%")[0] == ".*(a%.b%%).*"
    assert to_durable_regex("^区(司法|财政)局$")[0] == "(区(司法|财政)局)"
    assert to_durable_regex("(?:立法)+?")[0] == ".*((立法)+).*"


DRAFT = """某市某区法治政府建设实施方案
二、主要任务
1.推进科学立法。完善立法工作机制，2025年底前建立清单。(牵头单位:区司法局;配合单位:区人大常委会)
2.加强普法宣传。全面开展普法宣传教育。(牵头单位:区委宣传部)
五、保障措施
3.加强组织领导。各单位要高度重视。(牵头单位:区政府办公室)
4.强化督促检查。区司法局定期检查，每年12月底前报告。(牵头单位:区司法局)
"""


def _run(options: dict, scope: dict | None = None, level: str = "county") -> list:
    draft = parse_plan(from_text(DRAFT, "d.txt"), level=level)
    rule = Rule.model_validate({"id": "c", "check": "condition", "options": options, "scope": scope or {}})
    findings, _ = check_plans(draft, Obligations(None), [rule])
    return findings


def test_example_every_measure_in_chapter_five_names_the_justice_bureau() -> None:
    found = _run({"require": {"field": "lead_units", "op": "contains", "value": "区司法局"}}, {"chapters": ["五"]})
    assert [f.local_item for f in found] == ["3"]


def test_example_no_legislation_in_a_county_plan() -> None:
    options = {"forbid": {"all": [{"field": "level", "value": "county"}, {"field": "text", "op": "matches", "value": "立法"}]}}
    found = _run(options)
    assert [(f.local_item, f.evidence.local) for f in found] == [("1", "立法")]
    assert _run(options, level="city") == []


def test_example_every_measure_has_a_deadline() -> None:
    found = _run({"require": {"field": "n_deadlines", "op": "gte", "value": 1}})
    assert [f.local_item for f in found] == ["2", "3"]


def test_example_no_clause_pair_drops_a_mandatory_clause() -> None:
    from engine.align import align_plans

    parent = parse_plan(from_text(
        "某省法治政府建设实施方案\n一、主要任务\n1.推进科学立法。必须建立立法项目库。严格执行备案审查制度。\n", "p.txt"))
    draft = parse_plan(from_text("某市某区法治政府建设实施方案\n一、主要任务\n1.推进科学立法。严格执行备案审查制度。\n",
                                 "d.txt"), level="county")
    alignment = align_plans(parent, draft)
    rule = Rule.model_validate({"id": "c", "check": "condition", "options": {"fact": "clause_pair", "forbid": {"all": [
        {"field": "relation", "value": "dropped"}, {"field": "parent_level", "value": "mandatory"}]}}})
    findings, _ = check_plans(draft, Obligations(parent), [rule], alignment=alignment)
    dropped = [c for p in alignment.alignment for c in p.clauses if c.relation == "dropped" and c.parent_level == "mandatory"]
    assert len(findings) == len(dropped) >= 1
    assert findings[0].parent_item == "1" and "立法项目库" in (findings[0].evidence.parent or "")
