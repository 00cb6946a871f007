"""pick_best on arrays (rows wider than WIDE) chooses exactly what the per-column definition chooses."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.align import clauses


def _definition(mat: np.ndarray, margin: float, keys: list[list[int]]) -> list[int]:
    out = []
    for row in mat:
        near = np.flatnonzero(row >= float(row.max()) - margin)
        out.append(int(min(near, key=lambda x: (*[k[x] for k in keys], -float(row[x]), int(x)))))
    return out


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.integers(clauses.WIDE + 1, clauses.WIDE + 300), st.integers(0, 2**32 - 1),
       st.sampled_from([0.0, 0.01, 0.05, 0.2]), st.integers(1, 2))  # fmt: skip
def test_wide_rows_choose_as_the_definition(rows, cols, seed, margin, nkeys):
    rng = np.random.default_rng(seed)
    # scores on a coarse grid, so ties and near-ties within the margin are common
    mat = (rng.integers(0, 20, size=(rows, cols)) / np.float32(20)).astype(np.float32)
    keys = [rng.integers(0, 3, size=cols).tolist() for _ in range(nkeys)]
    keys[0] = [bool(x) for x in keys[0]]  # the join flag is a bool in pair_clauses
    assert clauses.pick_best(mat, margin, keys) == _definition(mat, margin, keys)
