"""similarity.best_sentence: the bounded search finds what scoring every sentence finds."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.models import Measure, Plan
from engine.pipeline import load_plan
from engine.rules import similarity as sim

ROOT = Path(__file__).resolve().parents[2]


@cache
def _plans() -> tuple[Plan, Plan]:
    return (
        load_plan(str(ROOT / "fixtures" / "guangxi-2021-2025-parent.txt")),
        load_plan(str(ROOT / "fixtures" / "chengzhong-district-draft.txt")),
    )


def _every_sentence(clause: str, measures: list[Measure]) -> tuple[float, Measure | None, str]:
    """The definition: score every sentence, keep the first best."""
    best: tuple[float, Measure | None, str] = (0.0, None, "")
    for m in measures:
        for s in sim.sentences(m):
            score = sim.similarity(clause, s)
            if score > best[0]:
                best = (score, m, s)
    return best


def _same(got: tuple[float, Measure | None, str], want: tuple[float, Measure | None, str], at_least: float) -> None:
    if want[0] >= at_least:
        assert got[0] == want[0] and got[1] is want[1] and got[2] == want[2]
    else:
        assert got == (0.0, None, "")


@pytest.mark.parametrize("at_least", [0.0, 0.5, 0.7, 0.85])
def test_parent_sentences_against_the_fixture_draft(at_least: float) -> None:
    parent, draft = _plans()
    clauses = [s for m in parent.measures for s in sim.sentences(m)][::3]
    assert len(clauses) > 50
    found = 0
    for clause in clauses:
        want = _every_sentence(clause, draft.measures)
        _same(sim.best_sentence(clause, draft.measures, at_least), want, at_least)
        found += want[0] >= at_least
    assert found > 10  # the comparison covered clauses that are found, not only misses


def test_long_clauses_with_more_than_64_distinct_characters() -> None:
    parent, draft = _plans()
    text = "".join(sim.sentences(parent.measures[5])) + "".join(sim.sentences(parent.measures[9]))
    assert len(set(sim.compact(text))) > 64
    _same(sim.best_sentence(text, draft.measures, 0.3), _every_sentence(text, draft.measures), 0.3)


_HAN = st.text(alphabet=st.sampled_from("推进法治政府建设行政执法监督制度公开年底前完成区县市"), min_size=1, max_size=24)


@settings(max_examples=80, deadline=None)
@given(_HAN, st.lists(st.lists(_HAN, min_size=1, max_size=4), min_size=1, max_size=6), st.sampled_from([0.0, 0.6, 0.85]))
def test_generated_text(clause: str, bodies: list[list[str]], at_least: float) -> None:
    measures = [
        Measure(label=str(k), ref=str(k), style="arabic", ordinal=k + 1, depth=1, title="", text="。".join(sents) + "。")
        for k, sents in enumerate(bodies)
    ]
    _same(sim.best_sentence(clause, measures, at_least), _every_sentence(clause, measures), at_least)


@settings(max_examples=100, deadline=None)
@given(_HAN, st.lists(_HAN, max_size=6))
def test_best_coverage_is_the_max_with_the_last_on_a_tie(part: str, texts: list[str]) -> None:
    want = max(((sim.coverage(part, t), j) for j, t in enumerate(texts)), default=(0.0, -1))
    assert sim.best_coverage(part, texts) == want


def test_best_coverage_on_fixture_sub_clauses() -> None:
    parent, draft = _plans()
    texts = [s for m in draft.measures[:6] for s in sim.sentences(m)]
    parts = [s[: len(s) // 2] for m in parent.measures[:10] for s in sim.sentences(m)]
    found = 0
    for part in parts:
        want = max(((sim.coverage(part, t), j) for j, t in enumerate(texts)), default=(0.0, -1))
        assert sim.best_coverage(part, texts) == want
        found += want[0] == 1.0
    assert found  # the early stop was exercised


@pytest.mark.parametrize(
    ("clause", "sentence", "below"),
    [
        # a draft's 9-character heading holds 6 characters of the 14-character clause in order: no carrier of it
        ("新建烘干设施不得使用燃煤热源。", "新建改造烘干设施。", 0.8),
        ("优化固体废物管理体制机制，强化部门分工协作。", "优化固体废物管理。", 0.8),
    ],
)
def test_a_shorter_sentence_holds_no_more_of_a_clause_than_its_length(clause: str, sentence: str, below: float) -> None:
    a, b = sim.compact(clause), sim.compact(sentence)
    assert sim._similarity(a, b, *sim._dictionary(a)) < below


def test_a_sentence_holding_the_clause_still_matches_whole() -> None:
    a = sim.compact("新建烘干设施不得使用燃煤热源。")
    for b in ("新建烘干设施不得使用燃煤热源，现有设施限期改造。", "新建烘干设施一律不得使用燃煤热源。"):
        assert sim._similarity(a, sim.compact(b), *sim._dictionary(a)) >= 0.8
