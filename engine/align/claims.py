"""Claims: the draft clauses a parent measure's one-to-one partner already carries, which no other parent measure may
count as carried by that draft measure.

A parent measure with no one-to-one partner is carried (merged) by the draft measures that hold a real share of its
clauses (engine/align/__init__.py, `merge_share`). A short clause of a measure the draft dropped — "2026年底前实现村级
法律顾问全覆盖" — resembles the formula of a deadline in a kept one — "2026年9月底前实现全县行政村全覆盖" — and alone can
reach that share (blind95 淇县: the dropped (五) 建立村级法律事务清单 read as merged into (二) 推行村级小微权力清单). But
that draft clause is its own partner's: the kept parent measure carries it word for word. A draft clause its partner
carries better (beyond the tie margin) is the partner's, and counts for no other parent measure. A real merge is
untouched: the clauses a merged draft measure took from its second parent measure are ones its partner does not carry.
Nor is a clause claimed from a parent measure that shares words of its own with it: a draft sentence that joins two
parent measures ("全面推行村级小微权力清单制度，聘请律师担任村级法律顾问，2026年底前实现…") is carried a little better
by its partner, yet holds the second measure's own words (聘请律师担任村级法律顾问) that the partner has none of
(`own_words`): that is a merge, not a borrowed deadline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from engine.align.measures import Unit


def claims(partners: dict[int, Unit], drafts: Sequence[Unit], wanted: Sequence[int]) -> dict[int, np.ndarray]:
    """For each draft index in `wanted` that has a one-to-one partner (`partners`: draft index -> parent unit), the best
    score of each of its clauses against the partner's clauses (float32, one per draft clause)."""
    from engine.align.measures import clause_scores  # measures imports this module

    out: dict[int, np.ndarray] = {}
    for j in wanted:
        partner = partners.get(j)
        if partner is None or j in out:
            continue
        mat = clause_scores(partner, [drafts[j]])
        if mat.shape[0] and mat.shape[1]:
            out[j] = mat.max(axis=0)
    return out


_OWN_MIN = 4  # bigrams a parent clause must share with a draft clause, beyond its partner's words, to keep it
_OWN_SHARE = 0.2  # ... and that share of the parent clause's bigrams


def _bigrams(key: str) -> set[str]:
    return {key[i : i + 2] for i in range(len(key) - 1)}


def own_words(p: Unit, partner: Unit, draft: Unit) -> np.ndarray:
    """(p's clauses x draft's clauses, bool): whether the parent clause shares words of its own with the draft clause,
    words none of the partner's clauses has (at least `_OWN_MIN` bigrams and `_OWN_SHARE` of the parent clause's)."""
    theirs: set[str] = set()
    for c in partner.clauses(False):
        theirs |= _bigrams(c.key)
    pcl = [_bigrams(c.key) for c in p.clauses(False)]
    dcl = [_bigrams(c.key) - theirs for c in draft.clauses(False)]
    out = np.zeros((len(pcl), len(dcl)), dtype=bool)
    for i, pg in enumerate(pcl):
        if not pg:
            continue
        for k, dg in enumerate(dcl):
            n = len(pg & dg)
            out[i, k] = n >= _OWN_MIN and n >= _OWN_SHARE * len(pg)
    return out


def without_claimed(
    mat: np.ndarray,
    order: Sequence[int],
    widths: Sequence[int],
    claimed: dict[int, np.ndarray],
    margin: float,
    own: dict[int, np.ndarray] | None = None,
) -> np.ndarray:
    """`mat` (a parent's clauses x the clauses of the drafts in `order`, `widths` clauses each) with every score of a
    draft clause its partner carries better than `margin` above it set to 0 (a copy; `mat` is left as it was) — but
    not where `own` (per draft index, `own_words` of the parent against it) says the parent clause shares words of its
    own with the draft clause."""
    out = mat
    col = 0
    for j, width in zip(order, widths, strict=True):
        best = claimed.get(j)
        if best is not None and width:
            block = out[:, col : col + width]
            taken = best[None, :] >= block + np.float32(margin)
            mine = own.get(j) if own else None
            if mine is not None:
                taken &= ~mine
            if taken.any():
                if out is mat:
                    out = mat.copy()
                out[:, col : col + width][taken] = 0.0
        col += width
    return out
