"""How findings of two versions are paired (engine.versions.baseline.pair), pass by pass."""

from __future__ import annotations

from engine.models import Evidence, Finding
from engine.versions.baseline import pair


def _f(fp: str, quote: str, rule: str = "self-reference", parent: str | None = None) -> Finding:
    return Finding(rule=rule, check=rule.replace("-", "_"), severity="error", message="m",
                   evidence=Evidence(local=quote), parent_item=parent, fingerprint=fp)


def test_same_fingerprint_reworded_sentence_is_unchanged() -> None:
    matched, fixed = pair([_f("a", "积极推动我市行政应诉规范化")], [_f("a", "推动我市行政应诉工作")])
    assert set(matched) == {0} and fixed == []


def test_the_second_of_two_alike_is_found_by_its_words_when_the_first_is_fixed() -> None:
    # one identity, two occurrences: the first fixed, so the second now carries the bare identity
    earlier = [_f("a", "我市甲"), _f("a1", "我市乙")]
    matched, fixed = pair([_f("a", "我市乙")], earlier)
    assert set(matched) == {0} and [f.evidence.local for f in fixed] == ["我市甲"]


def test_a_reworded_quote_without_an_anchor_is_paired_when_mostly_alike_and_not_otherwise() -> None:
    earlier = [_f("x", "紧密结合我市经济社会发展需要和实际，突出地方特色")]
    matched, _ = pair([_f("y", "紧密结合我市经济社会发展需要和实际，突出本地特色")], earlier)
    assert set(matched) == {0}
    matched, fixed = pair([_f("z", "积极推动我市行政应诉工作规范化")], earlier)
    assert not matched and len(fixed) == 1
    matched, _ = pair([_f("y", "紧密结合我市经济社会发展需要和实际，突出本地特色", rule="level-scope")], earlier)
    assert not matched  # another rule is another problem


def test_a_baseline_of_an_older_scheme_is_paired_by_words_only() -> None:
    matched, fixed = pair([_f("new-scheme", "我市甲")], [_f("old-scheme", "我市甲"), _f("q", "我市丙")], False)
    assert set(matched) == {0} and [f.evidence.local for f in fixed] == ["我市丙"]
