"""Measure-level alignment: candidates, scores, the one-to-one core, coverage (split / merged).

1. Candidates: TF-IDF cosine on jieba tokens (one matrix product, no pairwise string work); each parent
   keeps its `top_k` drafts and each draft its `top_k` parents.
2. Score of a candidate pair: title similarity (Indel on characters) and body similarity (character-bigram
   Dice and rapidfuzz token_sort_ratio on jieba tokens), weighted by the options.
3. One-to-one core: the heaviest order-preserving chain of pairs (a monotone alignment, weighted LIS)
   gets `order_bonus`; pairs are then taken greedily by score, so a clearly better out-of-order pair still
   wins (reordered drafts align) while near-ties follow document order.
4. Coverage: each parent clause finds its best clause among a few candidate draft measures; a draft
   measure carrying a real share of the parent's clauses is a carrier too (split); a draft measure that is
   the main carrier of several parent measures makes each of them `merged`.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import zlib
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz

from engine.align import fuzzy
from engine.align.claims import own_words, without_claimed
from engine.align.clauses import (
    ClauseInfo,
    add_facts,
    clause_info,
    measure_body,
    pick_best,
    score_matrix,
    split_clauses,
)
from engine.align.options import AlignOptions
from engine.align.tokenize import bigrams, dice, dictionary_key, strip_punct, tokens
from engine.extract.deadlines import heading_deadlines
from engine.memo import memo
from engine.models import Measure, Plan, Section
from engine.parse.tree import safeguard_heading

ROLES: dict[str, tuple[str, ...]] = {
    "guide": ("指导思想",),
    "principle": ("主要原则", "基本原则", "工作原则", "原则"),
    "goal": ("总体目标", "主要目标", "工作目标", "发展目标", "目标任务", "目标", "具体指标", "主要指标"),
    "requirement": ("总体要求",),
    "significance": ("重要意义", "重大意义"),
}
_GENERAL_TITLES = {w for ws in ROLES.values() for w in ws}
# a goals item under another name: a short qualifier (what the goals are of) and 目标 / 指标, nothing
# else — 试点目标, 建设目标, 近期目标. Not a task about goals: 明确目标, 强化目标考核 (a verb, or 目标 not last).
_GOAL_TITLE = re.compile(
    r"^(试点|建设|改革|行动|整治|治理|创建|发展|工作|总体|主要|近期|中期|远期|阶段性?|年度|具体|预期|量化|"
    r"任务|总|基本)(目标|指标)$"
)


def role_of(title: str) -> str | None:
    t = strip_punct(title)
    for role, words in ROLES.items():
        if any(w in t for w in words) and len(t) <= 8:
            return role
    return None


@dataclass(eq=False)
class Words:
    """What matching reads from a title and a body: tokens, bigrams, clauses and their facts.

    A pure function of the two texts and of jieba's dictionary, so one Words serves every unit with
    the same texts: a draft keeps many of its parent's measure texts, and the drafts of one parent
    (a batch, a warm process) keep each other's. Filled lazily, never changed once filled; `parts`
    keeps this (parent) text's score parts against the draft texts it has met.
    """

    title: str
    body: str
    toks: tuple[str, ...]
    tok_str: str
    title_key: str
    grams: np.ndarray
    counts: Counter[str] | None = None  # term_counts(): body and title tokens
    tf: tuple[list[str], np.ndarray] | None = None  # term_rows()
    tok_sorted: str | None = None  # _sorted_tokens()
    clauses: list[ClauseInfo] | None = None
    facts: bool = False
    parts: dict[Words, tuple[float, float, float | None]] = field(default_factory=dict)  # score_pairs()
    blocks: dict[Words, list[np.ndarray | None]] = field(default_factory=dict)  # clause_scores()


def words_of(title: str, body: str) -> Words:
    """The Words of a title and body under the run's vocabulary (kept by text, bounded)."""
    return _words_of(title, body, dictionary_key(title, body))


# Shared, not copied: what a Words fills in later (clauses, parts, blocks) depends on its texts only.
@memo(20_000, copy="shared")
def _words_of(title: str, body: str, _learnt: tuple[str, ...]) -> Words:
    toks = tokens(body) if body else tokens(title)
    tok_str = " ".join(toks)  # the body's (or title's) words only: empty when it has none
    return Words(title, body, toks or tokens(f"{title} {body}"), tok_str, strip_punct(title), bigrams(body or title))

_PARTS_MAX = 4096  # draft texts remembered per parent text


_FILLING = threading.Lock()  # Unit.clauses: a Words' clauses and their facts are filled once


@dataclass
class Unit:
    """A measure (or a draft section with a general role) prepared for matching."""

    idx: int
    ref: str
    title: str
    body: str
    general: bool
    role: str | None
    section: bool = False
    empty: bool = False  # a container with no text of its own: aligned through its sub-measures
    children: list[int] = field(default_factory=list)
    stage: tuple = ()  # the deadlines of the stage heading the measure is or stands under
    heading: str = ""  # the title of the innermost section the measure stands in
    words: Words = field(init=False)

    def __post_init__(self) -> None:
        self.words = words_of(self.title, self.body)

    @property
    def toks(self) -> tuple[str, ...]:
        return self.words.toks

    @property
    def tok_str(self) -> str:
        return self.words.tok_str

    @property
    def title_key(self) -> str:
        return self.words.title_key

    @property
    def grams(self) -> np.ndarray:
        return self.words.grams

    def clauses(self, with_facts: bool = True) -> list[ClauseInfo]:
        """Clauses of the body; deadlines, targets and strength only when asked (coverage needs none)."""
        w = self.words
        if w.clauses is None or (with_facts and not w.facts):
            # one filler at a time: Words are shared by concurrent checks, and a second thread that
            # replaced the list after the first had added its facts and set `facts` left clauses
            # without facts for every later check of this text (tests/test_concurrency.py)
            with _FILLING:
                if w.clauses is None:
                    w.clauses = [clause_info(c, False) for c in split_clauses(self.body)]
                if with_facts and not w.facts:
                    for c in w.clauses:
                        add_facts(c)
                    w.facts = True
        if with_facts and self.stage:  # a clause of a stage with no date of its own is due with the stage
            return [c if c.deadlines else dataclasses.replace(c, deadlines=list(self.stage)) for c in w.clauses]
        return w.clauses


def build_units(plan: Plan) -> list[Unit]:
    """One Unit per measure, in document order; sub-measures are units of their own."""
    by_label: dict[str, list[Measure]] = {}
    for m in plan.measures:
        if m.parent_measure:
            by_label.setdefault(m.parent_measure, []).append(m)
    units: list[Unit] = []
    ref_index: dict[str, int] = {}
    by_ref = {m.ref: m for m in plan.measures if m.ref}
    for m in plan.measures:
        children = (
            by_label.get(m.label, []) if m.parent_measure is None else by_label.get(m.ref or m.label, [])
        )
        body = measure_body(m, children)
        # a goals item (试点目标) pairs with the draft's goals by role, never with a task it resembles
        general = m.general or strip_punct(m.title) in _GENERAL_TITLES or bool(_GOAL_TITLE.match(strip_punct(m.title)))
        u = Unit(
            idx=len(units),
            ref=m.ref or m.label,
            title=m.title,
            body=body,
            general=general,
            role=role_of(m.title) if general else None,
            empty=not strip_punct(body) and bool(children),
            stage=_stage(m, by_ref),
            heading=m.section_titles[-1] if m.section_titles else "",
        )
        ref_index[u.ref] = u.idx
        units.append(u)
    for m in plan.measures:
        if m.parent_measure:
            parent_ref = m.parent_measure if m.parent_measure in ref_index else None
            if parent_ref is not None:
                units[ref_index[parent_ref]].children.append(ref_index[m.ref or m.label])
    return units


def _stage(m: Measure, by_ref: dict[str, Measure]) -> tuple:
    """Deadlines of the nearest stage heading: the measure's own title, its parent measures', then
    its sections' (innermost first)."""
    titles = [m.title]
    p, seen = m.parent_measure, set()
    while p and p in by_ref and p not in seen:
        seen.add(p)
        titles.append(by_ref[p].title)
        p = by_ref[p].parent_measure
    titles += reversed(m.section_titles)
    for t in titles:
        found = heading_deadlines(t)
        if found:
            return tuple(found)
    return ()


def section_units(plan: Plan) -> list[Unit]:
    """Draft sections that can stand for a general requirement (一、总体目标 with its own text)."""
    out: list[Unit] = []
    for s in plan.sections:
        if role_of(s.title) is None or not strip_punct(s.text):
            continue
        u = Unit(
            idx=-1,
            ref=section_ref(s),
            title=s.title,
            body=s.text,
            general=True,
            role=role_of(s.title),
            section=True,
        )
        out.append(u)
    return out


def safeguard_units(plan: Plan) -> list[Unit]:
    """Sections that hold a safeguards section's requirements: (一)加强组织领导 under 三、保障措施 in a plan
    that numbers its tasks at another depth, which the parse keeps as sections, not measures. A parent's
    safeguard measure is carried by one of them."""
    out: list[Unit] = []
    top = ""
    for s in plan.sections:
        if not s.path:
            top = strip_punct(s.title)
            continue
        if safeguard_heading().search(top) and strip_punct(s.text):
            out.append(Unit(idx=-1, ref=section_ref(s), title=s.title, body=s.text, general=True, role=None, section=True))
    return out


def section_ref(s: Section) -> str:
    """Sections are named `§<label>` in local_items (§一, §(二)) so they never collide with measure refs."""
    return "§" + s.label


# --------------------------------------------------------------------------- scores


def measure_score(p: Unit, d: Unit, opts: AlignOptions) -> float:
    """Title and body similarity combined, in [0, 1]."""
    if p.tok_str and d.tok_str:
        # = token_sort_ratio(tok_str, …, processor=None), whose tokens are sorted once per unit here
        tsr = fuzz.ratio(_sorted_tokens(p), _sorted_tokens(d)) / 100.0
    else:
        tsr = 0.0
    return _combined(dice(p.grams, d.grams), tsr, _title_ratio(p, d), opts)


def _title_ratio(p: Unit, d: Unit) -> float | None:
    if not p.title_key or not d.title_key:
        return None
    return fuzz.ratio(p.title_key, d.title_key) / 100.0


def _combined(bigram_dice: float, tsr: float, title: float | None, opts: AlignOptions) -> float:
    """The measure score from its parts: bigram Dice and token-sort ratio of the bodies, ratio of the
    titles (None when either has none), each in [0, 1]."""
    body = opts.bigram_weight * bigram_dice + (1 - opts.bigram_weight) * tsr
    if title is None:
        return body
    return opts.title_weight * title + (1 - opts.title_weight) * body


def score_pairs(ps: list[Unit], ds: list[Unit], pairs: list[tuple[int, int]], opts: AlignOptions) -> dict[tuple[int, int], float]:
    """`measure_score` of many (parent, draft) index pairs, the same numbers, computed a parent at a
    time: its token-sort ratios on a one-byte alphabet (engine.align.fuzzy) and its shared bigrams
    with all its candidates in one array operation. The parts of a pair depend only on the two
    texts: each parent text keeps those of the draft texts it has met (`Words.parts`)."""
    by_parent: dict[int, list[int]] = {}
    for i, j in pairs:
        by_parent.setdefault(i, []).append(j)
    out: dict[tuple[int, int], float] = {}
    shared_with: BigramIndex | None = None
    for i, js in by_parent.items():
        p = ps[i]
        known = p.words.parts  # shared by every check of this parent text, concurrent ones too
        got = {ds[j].words: known.get(ds[j].words) for j in js}  # read once: another check may clear it
        new = [j for j in js if got[ds[j].words] is None]
        if new:
            if len(known) + len(new) > _PARTS_MAX:
                known.clear()
            if shared_with is None:
                shared_with = BigramIndex(ds)
            cands = [ds[j] for j in new]
            sorted_tokens = [_sorted_tokens(d) for d in cands]
            ratios = fuzzy.ratios(_sorted_tokens(p), sorted_tokens) if p.tok_str else [0.0] * len(new)
            common = shared_with(p.grams)[new].tolist()
            for d, ratio, shared in zip(cands, ratios, common, strict=True):
                tsr = ratio / 100.0 if p.tok_str and d.tok_str else 0.0
                bigram_dice = 2.0 * shared / (len(p.grams) + len(d.grams)) if len(p.grams) and len(d.grams) else 0.0
                got[d.words] = known[d.words] = (bigram_dice, tsr, _title_ratio(p, d))
        for j in js:
            out[(i, j)] = _combined(*got[ds[j].words], opts)
    return out


class BigramIndex:
    """Every bigram of a plan's units, sorted, with the unit it belongs to: how many bigrams of one
    unit each of them holds is then two binary searches and a count."""

    def __init__(self, units: list[Unit]) -> None:
        grams = [u.grams for u in units]
        flat = np.concatenate(grams) if grams else np.zeros(0, dtype=np.uint64)
        owner = np.repeat(np.arange(len(units)), [len(g) for g in grams])
        order = np.argsort(flat, kind="stable")
        self.grams, self.owner, self.size = flat[order], owner[order], len(units)

    def __call__(self, grams: np.ndarray) -> np.ndarray:
        """For each unit, how many of `grams` (distinct) it holds (each unit's bigrams are distinct)."""
        lo = np.searchsorted(self.grams, grams, side="left")
        hi = np.searchsorted(self.grams, grams, side="right")
        runs = hi - lo
        total = int(runs.sum())
        if not total:
            return np.zeros(self.size, dtype=np.int64)
        starts = np.cumsum(runs) - runs
        at = np.arange(total) + np.repeat(lo - starts, runs)
        return np.bincount(self.owner[at], minlength=self.size)


def _sorted_tokens(u: Unit) -> str:
    """tok_str's tokens sorted and joined as rapidfuzz's token_sort_ratio does (whitespace split,
    code-point order), kept with the unit's words."""
    w = u.words
    if w.tok_sorted is None:
        w.tok_sorted = " ".join(sorted(w.tok_str.split()))
    return w.tok_sorted


_HASH_DIMS = 2048
_MAX_VOCAB = 4096


def term_counts(u: Unit) -> Counter[str]:
    """Token counts of a unit (body tokens + title tokens), kept with the unit's words: a cached
    parent unit meets every draft."""
    w = u.words
    if w.counts is None:
        counts = Counter(w.toks)
        counts.update(w.title_key and tokens(w.title))  # = Counter + Counter: same counts, same order
        w.counts = counts
    return w.counts


def term_rows(u: Unit) -> tuple[list[str], np.ndarray]:
    """The unit's words (term_counts order) and their 1 + log(count), kept with the unit's words."""
    w = u.words
    if w.tf is None:
        counts = term_counts(u)
        w.tf = (list(counts), np.array([_log_tf(k) for k in counts.values()], dtype=np.float64))
    return w.tf


@memo(1024, copy="shared")  # a float per term count; counts in one unit stay far below 1024
def _log_tf(k: int) -> float:
    return float(1.0 + np.log(k))


def doc_freq(units: list[Unit]) -> Counter[str]:
    df: Counter[str] = Counter()
    for u in units:
        df.update(term_counts(u).keys())
    return df


def cheap_matrix(ps: list[Unit], ds: list[Unit], p_df: Counter[str] | None = None) -> np.ndarray:
    """TF-IDF cosine of every parent against every draft unit (float32, n_p x n_d).

    Only tokens that occur on both sides can contribute, so the vocabulary is their intersection; past
    `_MAX_VOCAB` words it is hashed (crc32, stable) into `_HASH_DIMS` columns, which bounds memory
    (2,000 measures: 16 MiB a side). `p_df` is `doc_freq(ps)` when the caller keeps it (same parent).
    """
    if p_df is None:
        p_df = doc_freq(ps)
    d_df = doc_freq(ds)
    shared = sorted(set(p_df) & set(d_df))
    n = len(ps) + len(ds)
    if len(shared) <= _MAX_VOCAB:
        cols = np.arange(len(shared), dtype=np.int64)
        width = max(len(shared), 1)
    else:
        cols = np.array([zlib.crc32(w.encode("utf-8")) % _HASH_DIMS for w in shared], dtype=np.int64)
        width = _HASH_DIMS
    df = np.array([p_df[w] + d_df[w] for w in shared], dtype=np.int64)
    idf = np.log((1 + n) / (1 + df)) + 1.0
    slot = {w: k for k, w in enumerate(shared)}
    pm = _tfidf(ps, slot, cols, idf, width)
    dm = _tfidf(ds, slot, cols, idf, width)
    return _product(pm, dm.T)


def _product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b on one BLAS thread when numpy's OpenBLAS lets us say so for this call only.

    The product is small (parents x drafts); OpenBLAS's worker threads cost more to wake than they
    save, and on a busy machine (or next to a batch's other workers) waiting for them took tens of
    milliseconds per check. One thread also makes the float32 sums the same whatever the core count.
    """
    set_local = _blas_set_threads_local()
    if set_local is None:
        return a @ b
    previous = set_local(1)
    try:
        return a @ b
    finally:
        set_local(previous)


@memo(1, copy="shared")  # one answer per process: the OpenBLAS numpy loaded
def _blas_set_threads_local():
    """`openblas_set_num_threads_local` (OpenBLAS >= 0.3.27) from numpy's own OpenBLAS, else None."""
    import ctypes
    import glob
    import os

    base = os.path.dirname(np.__file__)
    for pattern in ("../numpy.libs/*openblas*", ".dylibs/*openblas*"):
        for path in sorted(glob.glob(os.path.join(base, pattern))):
            try:
                fn = ctypes.CDLL(path).openblas_set_num_threads_local
            except (OSError, AttributeError):
                continue
            fn.restype = ctypes.c_int
            fn.argtypes = [ctypes.c_int]
            return fn
    return None


def _tfidf(units: list[Unit], slot: dict[str, int], cols: np.ndarray, idf: np.ndarray, width: int) -> np.ndarray:
    """Rows of (1 + log tf) * idf, L2-normalised, float32; `slot` numbers the shared words, whose
    column and idf are `cols` and `idf`.

    Filled with array assignments, with the same values and roundings as adding each word into its
    float32 cell in turn: every value is the float64 product, rounded to float32 when stored; words
    hashed into one cell are added in their order, one round of assignments per word of the cell.
    """
    rows_, slots_, tfs = [], [], []
    for r, u in enumerate(units):
        words, tf = term_rows(u)
        at = np.array([slot.get(w, -1) for w in words], dtype=np.int64)
        keep = at >= 0
        rows_.append(np.full(int(keep.sum()), r, dtype=np.int64))
        slots_.append(at[keep])
        tfs.append(tf[keep])
    m = np.zeros((len(units), width), dtype=np.float32)
    r_ = np.concatenate(rows_) if rows_ else np.zeros(0, dtype=np.int64)
    if len(r_):
        at = np.concatenate(slots_)
        c_ = cols[at]
        v_ = np.concatenate(tfs) * idf[at]  # float64, as tf * idf[w] word by word
        flat = r_ * width + c_
        order = np.argsort(flat, kind="stable")
        fs = flat[order]
        new_cell = np.empty(len(fs), dtype=bool)
        new_cell[0] = True
        new_cell[1:] = fs[1:] != fs[:-1]
        if new_cell.all():
            m[r_, c_] = v_.astype(np.float32)
        else:  # hashed words sharing a cell: round k adds the k-th word of every such cell
            pos = np.arange(len(fs))
            rank_sorted = pos - np.maximum.accumulate(np.where(new_cell, pos, 0))
            rank = np.empty(len(fs), dtype=np.intp)
            rank[order] = rank_sorted
            for k in range(int(rank.max()) + 1):
                sel = rank == k
                rr, cc = r_[sel], c_[sel]
                m[rr, cc] = (m[rr, cc].astype(np.float64) + v_[sel]).astype(np.float32)
    norms = np.sqrt(np.einsum("ij,ij->i", m, m))
    norms[norms == 0] = 1.0
    m /= norms[:, None]
    return m


def candidate_pairs(cheap: np.ndarray, opts: AlignOptions) -> list[tuple[int, int]]:
    """Top-k drafts per parent and top-k parents per draft, above `cheap_min`, sorted (i, j)."""
    n_p, n_d = cheap.shape
    out: set[tuple[int, int]] = set()
    if n_p == 0 or n_d == 0:
        return []
    k = min(opts.top_k, n_d)
    for i in range(n_p):
        row = cheap[i]
        part = np.argpartition(-row, k - 1)[:k] if k < n_d else np.arange(n_d)
        for j in sorted(part.tolist(), key=lambda j: (-row[j], j)):
            if row[j] >= opts.cheap_min:
                out.add((i, j))
    k = min(opts.top_k, n_p)
    for j in range(n_d):
        col = cheap[:, j]
        part = np.argpartition(-col, k - 1)[:k] if k < n_p else np.arange(n_p)
        for i in part.tolist():
            if col[i] >= opts.cheap_min:
                out.add((i, j))
    return sorted(out)


def clause_scores(p: Unit, drafts: list[Unit], joins: bool = False) -> np.ndarray:
    """`score_matrix` of p's clause keys against the clause keys of `drafts`, in turn, then (with
    `joins`) against each draft's adjacent clause pairs joined (k, k+1), in turn: the columns of
    coverage and of `pair_clauses`' options. Each draft's block depends only on the two texts: the
    parent text keeps the blocks of the draft texts it met (`Words.blocks`)."""
    memo = p.words.blocks
    p_keys = [c.key for c in p.clauses(False)]
    singles, joined = [], []
    for d in drafts:
        block = memo.get(d.words)
        if block is None:
            if len(memo) >= _PARTS_MAX:
                memo.clear()
            block = memo[d.words] = [None, None]
        if block[0] is None or (joins and block[1] is None):  # else both are kept: no keys needed
            d_keys = [c.key for c in d.clauses(False)]
            if block[0] is None:
                block[0] = score_matrix(p_keys, d_keys)
            if joins and block[1] is None:
                block[1] = score_matrix(p_keys, [a + b for a, b in pairwise(d_keys)])
        singles.append(block[0])
        if joins:
            joined.append(block[1])
    return np.hstack(singles + joined) if drafts else np.zeros((len(p_keys), 0), dtype=np.float32)


# --------------------------------------------------------------------------- one-to-one core


def monotone_chain(scored: dict[tuple[int, int], float], n_d: int, floor: float) -> set[tuple[int, int]]:
    """The heaviest chain of pairs increasing in both parent and draft order (weighted LIS, Fenwick max)."""
    pairs = sorted((p for p, s in scored.items() if s >= floor), key=lambda p: (p[0], -p[1]))
    tree: list[tuple[float, int]] = [(0.0, -1)] * (n_d + 1)
    best: list[float] = []
    back: list[int] = []

    def query(j: int) -> tuple[float, int]:  # best over draft index < j
        res = (0.0, -1)
        while j > 0:
            if tree[j][0] > res[0]:
                res = tree[j]
            j -= j & -j
        return res

    def update(j: int, val: tuple[float, int]) -> None:
        j += 1
        while j <= n_d:
            if val[0] > tree[j][0]:
                tree[j] = val
            j += j & -j

    for k, (i, j) in enumerate(pairs):
        prev = query(j)
        best.append(prev[0] + scored[(i, j)])
        back.append(prev[1])
        update(j, (best[-1], k))
    if not pairs:
        return set()
    k = int(np.argmax(best))  # first maximum: deterministic
    chain: set[tuple[int, int]] = set()
    while k >= 0:
        chain.add(pairs[k])
        k = back[k]
    return chain


def one_to_one(scored: dict[tuple[int, int], float], n_d: int, opts: AlignOptions) -> dict[int, int]:
    """Parent index -> draft index: greedy by score with the order-preserving chain's bonus."""
    chain = monotone_chain(scored, n_d, opts.min_score)
    ranked = sorted(
        (
            (s + (opts.order_bonus if p in chain else 0.0), p)
            for p, s in scored.items()
            if s >= opts.min_score
        ),
        key=lambda x: (-x[0], x[1]),
    )
    used_p: set[int] = set()
    used_d: set[int] = set()
    out: dict[int, int] = {}
    for _, (i, j) in ranked:
        if i in used_p or j in used_d:
            continue
        out[i] = j
        used_p.add(i)
        used_d.add(j)
    # a weaker pair still counts when each is the other's best candidate (a heavily reworded measure)
    best_d: dict[int, tuple[float, int]] = {}
    best_p: dict[int, tuple[float, int]] = {}
    for (i, j), s in sorted(scored.items()):
        if s > best_d.get(i, (-1.0, -1))[0]:
            best_d[i] = (s, j)
        if s > best_p.get(j, (-1.0, -1))[0]:
            best_p[j] = (s, i)
    for i, (s, j) in sorted(best_d.items()):
        if i not in used_p and j not in used_d and best_p[j][1] == i and s >= opts.min_score_mutual:
            out[i] = j
            used_p.add(i)
            used_d.add(j)
    return out


# --------------------------------------------------------------------------- coverage


@dataclass
class Coverage:
    share: dict[int, float]  # draft index -> share of the parent's clause text it carries best
    best_clause: dict[int, float]  # draft index -> best clause score there (among clauses it wins)
    score: float  # clause-weighted best score over all candidates (0 when nothing matches)


def coverage(
    p: Unit,
    drafts: list[Unit],
    order: list[int],
    opts: AlignOptions,
    claimed: dict[int, np.ndarray] | None = None,
    partners: dict[int, Unit] | None = None,
) -> Coverage:
    """Which candidate draft measures carry which share of parent `p`'s clauses.

    `order` lists draft indexes by preference (primary first); clause ties go to the earlier one.
    `claimed` (engine/align/claims.py): per draft index, how well each of its clauses is carried by the parent
    measure it is paired with one to one; a clause that measure carries better is not `p`'s to count, unless `p`'s
    clause shares words of its own with it that the partner (`partners`: draft index -> parent unit) lacks.
    """
    pcl = p.clauses(False)
    if not pcl or not order:
        return Coverage({}, {}, 0.0)
    cols: list[tuple[int, int]] = []  # (rank, draft idx) per draft clause
    for rank, j in enumerate(order):
        cols.extend([(rank, j)] * len(drafts[j].clauses(False)))
    mat = clause_scores(p, [drafts[j] for j in order])
    if claimed:
        own = {j: own_words(p, partners[j], drafts[j]) for j in claimed if partners and j in partners}
        mat = without_claimed(mat, order, [len(drafts[j].clauses(False)) for j in order], claimed, opts.tie_margin, own)
    share: dict[int, float] = {}
    best_clause: dict[int, float] = {}
    total = float(sum(len(c.key) for c in pcl)) or 1.0
    num = 0.0
    if not cols:
        return Coverage(share, best_clause, 0.0)
    # per parent clause, among the draft clauses within tie_margin of its best: the lowest rank,
    # then the higher score, then the first
    picks = pick_best(mat, opts.tie_margin, [[rank for rank, _ in cols]])
    for i, c in enumerate(pcl):
        k = picks[i]
        s = float(mat[i, k])
        if s < opts.clause_match:
            continue
        j = cols[k][1]
        num += len(c.key) * s
        share[j] = share.get(j, 0.0) + len(c.key) / total
        if len(c.key) >= opts.carrier_min_chars:
            best_clause[j] = max(best_clause.get(j, 0.0), s)
    return Coverage(share, best_clause, num / total)
