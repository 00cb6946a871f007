"""The durable-rules facade: the pitfalls in NOTES-dependencies.md stay fixed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from engine.errors import PlancheckError
from engine.rules import runtime

pytestmark = pytest.mark.skipif(
    runtime.DURABLE_ERROR is not None, reason=f"durable-rules does not import here: {runtime.DURABLE_ERROR}"
)


@pytest.fixture(autouse=True)
def _durable() -> Iterator[None]:
    """These tests are about durable's pitfalls, whatever $PLANCHECK_RULES_ENGINE says."""
    with runtime.using("durable"):
        yield


RS = {"r_0": {"all": [{"m": {"$and": [{"t": "m"}, {"$mt": {"text": ".*(立法).*"}}]}}]}}


def _facts(n: int) -> list[dict]:
    return [{"t": "m", "mid": str(i), "text": "推进立法" if i % 2 else "普法"} for i in range(n)]


def test_unmatched_facts_do_not_raise_and_matches_are_complete() -> None:
    got = runtime.run(RS, _facts(6))
    assert sorted(m["fact"]["mid"] for m in got) == ["1", "3", "5"]


def test_identical_facts_are_not_duplicates() -> None:
    facts = [{"t": "m", "text": "立法"}, {"t": "m", "text": "立法"}]
    assert len(runtime.run(RS, facts)) == 2


def test_every_matching_rule_fires() -> None:
    rs = {**RS, "r_1": {"all": [{"m": {"$and": [{"t": "m"}, {"$mt": {"text": ".*(法).*"}}]}}]}}
    got = runtime.run(rs, _facts(2))
    assert sorted(m["rule"] for m in got) == ["r_0", "r_1", "r_1"]


def test_negative_pattern_does_not_loop_on_the_state_fact() -> None:
    rs = {"r_0": {"all": [{"m": {"$nex": {"date": 1}}}]}}
    assert len(runtime.run(rs, [{"t": "m", "date": "2025-01-01"}, {"t": "m"}])) == 1


def test_reserved_keys_refused() -> None:
    with pytest.raises(PlancheckError) as e:
        runtime.run(RS, [{"id": 1, "text": "x"}])
    assert e.value.code == "internal"


def test_exception_in_an_action_surfaces() -> None:
    h = runtime.host()
    name = f"{runtime._COLLECT}:boom"

    def boom(c: object) -> None:
        raise ValueError("kaboom")

    h.actions[name] = boom
    try:
        with pytest.raises(PlancheckError) as e:
            runtime.run({"boom": {"all": [{"m": {"t": "m"}}]}}, [{"t": "m"}])
        assert "kaboom" in e.value.fields["reason"]
    finally:
        h.actions.pop(name, None)
    # the host still works afterwards
    assert len(runtime.run(RS, _facts(2))) == 1


def test_state_is_freed_and_rulesets_are_reused() -> None:
    facts = _facts(200)
    runtime.run(RS, facts)
    before = runtime.stored_rulesets()
    for _ in range(200):
        assert len(runtime.run(RS, facts)) == 100
    assert runtime.stored_rulesets() == before
    name = runtime._registered[next(k for k, v in runtime._registered.items() if v)]
    with pytest.raises(Exception):  # noqa: B017 - durable's own error type: no state left behind
        runtime.host().get_facts(name)


def test_memory_stays_flat_across_runs() -> None:
    facts = _facts(200)
    for _ in range(20):
        runtime.run(RS, facts)
    start = _rss_kb()
    for _ in range(200):
        runtime.run(RS, facts)
    assert _rss_kb() - start < 20_000  # creating a ruleset per run grew ~0.6 MB per run


def _rss_kb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def test_regex_dialect_errors_are_reasons_not_crashes() -> None:
    runtime._regex_error.memo.clear()
    assert runtime.regex_error(".*(立法).*") is None
    assert runtime.regex_error("((") is not None
    assert runtime.regex_error(".*([0-9]{4}年).*") is not None
