"""Helpers the drafting kinds share."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.rules import drafting as d


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(",;:()!?[]，；：（）加强法治a1 \n"), max_size=40))
def test_fold_is_the_translation_table(text: str) -> None:
    assert d.fold(text) == text.translate(d._FOLD)


def test_best_match_is_the_same_in_concurrent_threads() -> None:
    """The indexed matchers are kept per thread: the caller sets seq1, so a shared one would let one
    thread score its text against another's."""
    import random
    import threading

    from engine.rules.kinds.term_consistency import best_match

    rng = random.Random(7)
    alphabet = "法治政府建设依法行政推进完善制度机制"
    candidates = ["".join(rng.choice(alphabet) for _ in range(30)) for _ in range(20)]
    texts = ["".join(rng.choice(alphabet) for _ in range(30)) for _ in range(200)]
    want = [best_match(t, candidates) for t in texts]
    got: dict[int, list[tuple[float, int]]] = {}

    def work(k: int) -> None:
        got[k] = [best_match(t, candidates) for t in texts[k::2] * 5]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k in range(2):
        assert got[k] == want[k::2] * 5
