"""engine.memo: the bound holds, the copy policy holds, concurrent use stays consistent."""

from __future__ import annotations

import threading

import pytest

from engine.memo import Memo, memo


def test_bound_drops_least_recently_used():
    calls: list[str] = []

    @memo(2, copy="shared")
    def upper(s: str) -> str:
        calls.append(s)
        return s.upper()

    assert upper("a") == "A"
    assert upper("b") == "B"
    assert upper("a") == "A"  # hit: "a" is now the most recent
    assert upper("c") == "C"  # drops "b"
    assert len(upper.memo) == 2
    assert upper("a") == "A"
    assert upper("b") == "B"  # recomputed
    assert calls == ["a", "b", "c", "b"]


def test_copy_policies_protect_the_cached_value():
    @memo(4, copy="copy")
    def listed(s: str) -> list[str]:
        return list(s)

    first = listed("ab")
    first.append("x")
    assert listed("ab") == ["a", "b"]

    @memo(4, copy="deep")
    def nested(s: str) -> list[list[str]]:
        return [list(s)]

    got = nested("ab")
    got[0].append("x")
    assert nested("ab") == [["a", "b"]]

    @memo(4, copy="shared")
    def shared(s: str) -> list[str]:
        return list(s)

    assert shared("ab") is shared("ab")


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        Memo(0, "shared", "x")
    with pytest.raises(ValueError):
        Memo(1, "sometimes", "x")  # type: ignore[arg-type]


def test_threads_get_the_same_answers():
    @memo(64, copy="copy")
    def chars(s: str) -> list[str]:
        return sorted(s)

    words = [f"词{i % 100}" * (i % 7 + 1) for i in range(2000)]
    results: dict[int, list[list[str]]] = {}

    def work(k: int) -> None:
        results[k] = [chars(w) for w in words]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = [sorted(w) for w in words]
    assert all(results[k] == expected for k in range(8))
    assert len(chars.memo) <= 64


def test_a_key_function_names_what_the_value_depends_on():
    """With `key`, an argument that is only the means (a plan whose texts are in the key) is left
    out of it; the bound and the copy policy hold as without one, and counts and clear work alike."""
    calls: list[tuple[str, object]] = []

    @memo(2, copy="copy", key=lambda text, means: text)
    def chars(text: str, means: object) -> list[str]:
        calls.append((text, means))
        return list(text)

    first = chars("ab", object())
    first.append("x")  # the caller's copy
    assert chars("ab", object()) == ["a", "b"]  # another means, the same key: a hit
    chars("cd", None)
    chars("ef", None)  # drops "ab"
    chars("ab", None)
    assert [t for t, _ in calls] == ["ab", "cd", "ef", "ab"]
    store = chars.memo
    assert (store.hits, store.misses, len(store)) == (1, 4, 2)
    store.clear()
    assert len(store) == 0


def test_counts_and_clear_without_a_key():
    @memo(8, copy="shared")
    def double(n: int) -> int:
        return 2 * n

    assert [double(1), double(1), double(2)] == [2, 2, 4]
    store = double.memo
    assert (store.hits, store.misses, len(store), store.maxsize, store.policy) == (1, 2, 2, 8, "shared")
    store.clear()
    assert len(store) == 0
    with pytest.raises(ValueError):
        memo(0, copy="shared")(lambda n: n)
