"""rapidfuzz's `process.cdist` for Chinese text, on a one-byte alphabet.

rapidfuzz compares characters through a lookup table of 256 entries when every character is below
U+0100 and through a hash map otherwise; on Chinese clauses the table path is ~7x faster. An
LCS-based score (fuzz.ratio, Indel, LCSseq) depends only on which characters of a query equal which
characters of a choice, and on the lengths. So each group of queries is rewritten with its own
alphabet: the group's characters become U+0000..U+00FE, every other character U+00FF, which equals
no query character. Lengths and the equalities between a query and a choice are unchanged, hence
every score is exactly the one on the original text. Not for token-based scorers (token_sort_ratio
and the like), which split on whitespace and sort.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from engine.memo import memo

_SLOTS = 255  # U+00FF is the "no query character" code
_OTHER = 0xFF
_FEW = 8


def cdist(
    queries: Sequence[str], choices: Sequence[str], *, scorer: Callable[..., Any], dtype: Any, **kwargs: Any
) -> np.ndarray:
    """`process.cdist(queries, choices, scorer=scorer, dtype=dtype, **kwargs)`, same values."""
    if len(queries) < _FEW or not choices:  # rewriting costs more than it saves
        return process.cdist(queries, choices, scorer=scorer, dtype=dtype, **kwargs)
    q_cps = _code_points("".join(queries))
    c_cps = _code_points("".join(choices))
    if q_cps.max(initial=0) > 0xFFFF or c_cps.max(initial=0) > 0xFFFF:  # beyond the BMP: rare
        return process.cdist(queries, choices, scorer=scorer, dtype=dtype, **kwargs)
    q_bounds = list(accumulate(map(len, queries), initial=0))
    c_bounds = list(accumulate(map(len, choices), initial=0))
    out = np.empty((len(queries), len(choices)), dtype=dtype)
    lut = np.empty(0x10000, dtype=np.uint8)
    start = 0
    while start < len(queries):
        # the longest run of queries from `start` with at most 255 distinct characters
        alphabet, first = _distinct(q_cps, q_bounds[start])
        end = len(queries)
        if len(alphabet) > _SLOTS:
            cut_at = q_bounds[start] + int(np.partition(first, _SLOTS)[_SLOTS])  # the 256th character
            end = bisect.bisect_right(q_bounds, cut_at) - 1  # the query that holds it is left out
            alphabet = alphabet[first < q_bounds[end] - q_bounds[start]]  # those first seen before it
        if end == start:  # one query with more than 255 distinct characters: as it is
            out[start] = process.cdist(queries[start : start + 1], choices, scorer=scorer, dtype=dtype, **kwargs)[0]
            start += 1
            continue
        lut.fill(_OTHER)
        lut[alphabet] = np.arange(len(alphabet), dtype=np.uint8)  # any injective numbering will do
        base = q_bounds[start]
        qs = _rewritten(lut, q_cps[base : q_bounds[end]], [b - base for b in q_bounds[start : end + 1]])
        cs = _rewritten(lut, c_cps, c_bounds)
        out[start:end] = process.cdist(qs, cs, scorer=scorer, dtype=dtype, **kwargs)
        start = end
    return out


def _distinct(cps: np.ndarray, start: int) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(cps[start:], return_index=True)` as far as `cdist` reads it: exact when the rest holds
    at most 255 distinct characters, else the first 256 of them (by first place) and more are right.
    Reads a window that doubles until it holds 256 (the whole rest on every group was quadratic: text
    of many distinct characters, 3,000 groups of a few queries each)."""
    size = 4096
    while True:
        window = cps[start : start + size]
        alphabet, first = np.unique(window, return_index=True)
        if len(alphabet) > _SLOTS or start + size >= len(cps):
            return alphabet, first
        size *= 2


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _rewritten(lut: np.ndarray, cps: np.ndarray, bounds: list[int]) -> list[str]:
    """The strings whose code points are `cps` cut at `bounds`, each character through `lut`."""
    text = lut[cps].tobytes().decode("latin-1")
    return [text[bounds[k] : bounds[k + 1]] for k in range(len(bounds) - 1)]


def ratios(query: str, choices: Sequence[str]) -> list[float]:
    """`[fuzz.ratio(query, c) for c in choices]`, same values, on the query's one-byte alphabet."""
    if len(choices) < 2:
        return [fuzz.ratio(query, c) for c in choices]
    mq, alphabet = _query_alphabet(query)
    c_cps = _code_points("".join(choices))
    if alphabet is None or c_cps.max(initial=0) > 0xFFFF:
        return [fuzz.ratio(query, c) for c in choices]
    lut = np.full(0x10000, _OTHER, dtype=np.uint8)
    lut[alphabet] = np.arange(len(alphabet), dtype=np.uint8)
    return [fuzz.ratio(mq, c) for c in _rewritten(lut, c_cps, list(accumulate(map(len, choices), initial=0)))]


@memo(4096, copy="shared")  # the parent's texts are the queries of every draft
def _query_alphabet(query: str) -> tuple[str, np.ndarray | None]:
    """The query on its own one-byte alphabet, and that alphabet (sorted code points); None when
    it has more than 255 characters or one beyond the basic plane."""
    q_cps = _code_points(query)
    alphabet = np.unique(q_cps)
    alphabet.setflags(write=False)  # shared by every caller of the memo: read-only
    if len(alphabet) > _SLOTS or q_cps.max(initial=0) > 0xFFFF:
        return query, None
    return (np.searchsorted(alphabet, q_cps).astype(np.uint8).tobytes().decode("latin-1"), alphabet)
