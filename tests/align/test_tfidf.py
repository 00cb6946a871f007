"""cheap_matrix and score_pairs: the array versions give the numbers of the word-by-word and pair-by-pair definitions."""

from __future__ import annotations

import math
import zlib
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from engine.align import measures as me
from engine.pipeline import load_plan

ROOT = Path(__file__).resolve().parents[2]


@cache
def _units() -> tuple[list[me.Unit], list[me.Unit]]:
    def units(name: str) -> list[me.Unit]:
        plan = load_plan(str(ROOT / "fixtures" / name))
        return [u for u in me.build_units(plan) if not u.general and not u.empty]

    return units("guangxi-2021-2025-parent.txt"), units("chengzhong-district-draft.txt")


def _reference(ps: list[me.Unit], ds: list[me.Unit], max_vocab: int, dims: int) -> np.ndarray:
    p_df, d_df = me.doc_freq(ps), me.doc_freq(ds)
    shared = sorted(set(p_df) & set(d_df))
    n = len(ps) + len(ds)
    if len(shared) <= max_vocab:
        col, width = {w: i for i, w in enumerate(shared)}, max(len(shared), 1)
    else:
        col, width = {w: zlib.crc32(w.encode("utf-8")) % dims for w in shared}, dims

    def rows(units: list[me.Unit]) -> np.ndarray:
        m = np.zeros((len(units), width), dtype=np.float32)
        for r, u in enumerate(units):
            for w, k in me.term_counts(u).items():
                if w in col:
                    idf = float(np.log((1 + n) / (1 + p_df[w] + d_df[w])) + 1.0)
                    value = float(1.0 + np.log(k)) * idf
                    m[r, col[w]] = np.float32(float(m[r, col[w]]) + value)
        norms = np.sqrt(np.einsum("ij,ij->i", m, m))
        norms[norms == 0] = 1.0
        return m / norms[:, None]

    return me._product(rows(ps), rows(ds).T)  # one BLAS thread, as cheap_matrix


@pytest.mark.parametrize(("max_vocab", "dims"), [(4096, 2048), (300, 64)], ids=["vocabulary", "hashed"])
def test_cheap_matrix_equals_word_by_word(monkeypatch: pytest.MonkeyPatch, max_vocab: int, dims: int) -> None:
    monkeypatch.setattr(me, "_MAX_VOCAB", max_vocab)
    monkeypatch.setattr(me, "_HASH_DIMS", dims)
    ps, ds = _units()
    got = me.cheap_matrix(ps, ds)
    want = _reference(ps, ds, max_vocab, dims)
    assert got.shape == (len(ps), len(ds))
    np.testing.assert_array_equal(got, want)
    assert math.isclose(float(got.max()), 1.0, abs_tol=0.05)  # some pair is (nearly) the same text


def test_score_pairs_equals_measure_score() -> None:
    from engine.align.options import AlignOptions

    ps, ds = _units()
    opts = AlignOptions()
    pairs = [(i, j) for i in range(len(ps)) for j in range(len(ds)) if (i * 7 + j * 3) % 5 == 0]
    got = me.score_pairs(ps, ds, pairs, opts)
    assert list(got) == pairs
    assert got == {(i, j): me.measure_score(ps[i], ds[j], opts) for i, j in pairs}
    assert max(got.values()) > 0.9


@pytest.mark.parametrize("parts_max", [4096, 3], ids=["kept", "overflowing"])
def test_score_pairs_remembered_parts_give_the_same_scores(monkeypatch: pytest.MonkeyPatch, parts_max: int) -> None:
    """A parent text keeps its score parts against the draft texts it met; a second run (other
    weights too) reads them back, and a full memory starts again instead of losing a pair."""
    from engine.align.options import AlignOptions

    monkeypatch.setattr(me, "_PARTS_MAX", parts_max)
    ps, ds = _units()
    for p in ps:  # Words are shared by equal texts: an earlier test's checks may have filled them
        p.words.parts.clear()
    pairs = [(i, j) for i in range(len(ps)) for j in range(len(ds)) if (i * 5 + j) % 7 == 0]
    for opts in (AlignOptions(), AlignOptions(title_weight=0.5, bigram_weight=0.3)):
        first = me.score_pairs(ps, ds, pairs, opts)
        again = me.score_pairs(ps, ds, pairs, opts)
        assert first == again == {(i, j): me.measure_score(ps[i], ds[j], opts) for i, j in pairs}
    assert all(len(p.words.parts) <= max(parts_max, len(ds)) for p in ps)


def test_units_with_the_same_texts_share_their_words() -> None:
    ps, _ = _units()
    u = ps[3]
    twin = me.Unit(idx=0, ref="x", title=u.title, body=u.body, general=False, role=None)
    assert twin.words is u.words
    assert me.Unit(idx=0, ref="x", title=u.title, body=u.body + "。", general=False, role=None).words is not u.words


def test_clause_scores_equal_one_score_matrix() -> None:
    """coverage and pair_clauses read per-draft blocks kept by text: the same matrix as scoring the
    clause keys of all drafts, then their adjacent joins, in one call."""
    from engine.align.clauses import score_matrix

    ps, ds = _units()
    for p in ps[::9]:
        drafts = [ds[j] for j in (4, 0, 7, 5)]
        keys = [[c.key for c in d.clauses(False)] for d in drafts]
        singles = [k for ks in keys for k in ks]
        joins = [a + b for ks in keys for a, b in pairwise(ks)]
        want = score_matrix([c.key for c in p.clauses(False)], singles + joins)
        for _ in range(2):  # computed, then read back
            np.testing.assert_array_equal(me.clause_scores(p, drafts, joins=True), want)
            np.testing.assert_array_equal(me.clause_scores(p, drafts), want[:, : len(singles)])
