from __future__ import annotations

from engine.models import Measure, Plan
from engine.rules.ruleset import Scope


def _m(path: list[str], titles: list[str], text: str = "推进某项工作。") -> Measure:
    return Measure(label="1", ref="1", style="arabic_dot", ordinal=1, depth=2, path=path,
                   section_titles=titles, title="推进某项工作", text=text)


PLAN = Plan(source="d", level="county")
M = _m(["二", "(五)"], ["工作任务", "健全突发事件应对体系"])


def test_chapter_by_bare_numeral_bracketed_label_or_title_words() -> None:
    for wanted in ("五", "(五)", "（五）", "突发事件"):
        assert Scope(chapters=[wanted]).matches(M, PLAN), wanted
    for wanted in ("四", "(四)", "体"):
        assert not Scope(chapters=[wanted]).matches(M, PLAN), wanted


def test_levels_labels_and_patterns() -> None:
    assert not Scope(levels=["city"]).matches(M, PLAN)
    assert Scope(levels=["county"], labels=["1"]).matches(M, PLAN)
    assert not Scope(labels=["2"]).matches(M, PLAN)
    assert Scope(pattern="某项").matches(M, PLAN)
    assert not Scope(exclude_pattern="某项").matches(M, PLAN)
