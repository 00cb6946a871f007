"""fuzzy.cdist gives exactly rapidfuzz's scores, whatever the alphabet."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from engine.align import fuzzy

ROOT = Path(__file__).resolve().parents[2]
CLAUSES = [
    c
    for p in sorted((ROOT / "fixtures").glob("*.txt"))
    for c in re.findall(r"[^，。；！？,;!?\n]+", p.read_text("utf-8"))
    if c.strip()
]
SCORERS = [
    (fuzz.ratio, {"dtype": np.float32}),
    (fuzz.ratio, {"dtype": np.uint8, "score_cutoff": 94}),
    (LCSseq.similarity, {"dtype": np.int32}),
]


@pytest.mark.parametrize(("scorer", "kwargs"), SCORERS)
@pytest.mark.parametrize("n_queries", [1, 8, 40, 300])
def test_fixture_clauses_score_the_same(scorer, kwargs, n_queries) -> None:
    # 300 queries hold far more than 255 distinct characters: several alphabets
    queries, choices = CLAUSES[:n_queries], CLAUSES[::3]
    assert len(set("".join(queries))) > 255 or n_queries < 300
    want = process.cdist(queries, choices, scorer=scorer, **kwargs)
    got = fuzzy.cdist(queries, choices, scorer=scorer, **kwargs)
    assert got.dtype == want.dtype
    np.testing.assert_array_equal(got, want)


def test_a_query_with_more_than_255_characters_of_its_own() -> None:
    wide = "".join(chr(0x4E00 + k) for k in range(300))
    queries = [*CLAUSES[:10], wide, "", *CLAUSES[10:20]]
    choices = [wide[::2], "", *CLAUSES[:50]]
    want = process.cdist(queries, choices, scorer=fuzz.ratio, dtype=np.float32)
    np.testing.assert_array_equal(fuzzy.cdist(queries, choices, scorer=fuzz.ratio, dtype=np.float32), want)


def test_characters_beyond_the_basic_plane() -> None:
    queries = [c + "𠀀" for c in CLAUSES[:12]]
    choices = ["𠀀" + c for c in CLAUSES[:30]]
    want = process.cdist(queries, choices, scorer=fuzz.ratio, dtype=np.float32)
    np.testing.assert_array_equal(fuzzy.cdist(queries, choices, scorer=fuzz.ratio, dtype=np.float32), want)


_TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXT, min_size=8, max_size=40), st.lists(_TEXT, min_size=1, max_size=40))
def test_any_text_scores_the_same(queries, choices) -> None:
    want = process.cdist(queries, choices, scorer=fuzz.ratio, dtype=np.float32)
    np.testing.assert_array_equal(fuzzy.cdist(queries, choices, scorer=fuzz.ratio, dtype=np.float32), want)


@settings(max_examples=60, deadline=None)
@given(_TEXT, st.lists(_TEXT, max_size=12))
def test_ratios_are_fuzz_ratio(query, choices) -> None:
    assert fuzzy.ratios(query, choices) == [fuzz.ratio(query, c) for c in choices]


def test_ratios_on_fixture_clauses() -> None:
    for query in CLAUSES[:40]:
        choices = CLAUSES[40:80]
        assert fuzzy.ratios(query, choices) == [fuzz.ratio(query, c) for c in choices]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 6),
    st.integers(1, 14),
    st.integers(0, 2**32 - 1),
    st.sampled_from([0.0, 0.02, 0.05]),
    st.integers(1, 2),
)
def test_pick_best_is_the_row_by_row_min(rows, cols, seed, margin, n_keys) -> None:
    from engine.align.clauses import pick_best

    rng = np.random.default_rng(seed)
    # few distinct scores, so that ties and near-ties within the margin are common
    mat = (rng.integers(0, 20, size=(rows, cols)) / np.float32(19)).astype(np.float32)
    keys = [rng.integers(0, 3, size=cols) for _ in range(n_keys)]
    want = []
    for row in mat:
        near = np.flatnonzero(row >= float(row.max()) - margin)
        want.append(min((int(x) for x in near), key=lambda x: (*[int(k[x]) for k in keys], -float(row[x]), x)))
    assert pick_best(mat, margin, [k.tolist() for k in keys]) == want


def test_many_groups_and_long_runs_of_few_characters() -> None:
    """Thousands of queries of many distinct characters (a group of a few queries each), and a run of
    more than 4,096 code points with few distinct ones before new ones (the window read for a group
    doubles): the scores are rapidfuzz's."""
    import random

    rng = random.Random(3)
    wide = [chr(0x4E00 + k) for k in range(3000)]
    queries = ["法治政府" * 30] * 60 + ["".join(rng.choice(wide) for _ in range(rng.randint(5, 20))) for _ in range(1500)]
    queries += CLAUSES[:100]
    choices = CLAUSES[:80] + queries[50:70] + queries[-200:]
    want = process.cdist(queries, choices, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=50)
    np.testing.assert_array_equal(fuzzy.cdist(queries, choices, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=50), want)
