"""Clauses of a measure and the clause pairs inside an aligned measure pair.

A clause is a sentence or a 分号 part (`engine.extract.split_clauses` when extract provides it). The
responsibility clause (牵头单位…) is cut off first: it says who, not what, and rules compare it separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from engine.align.diff import char_diff, list_items
from engine.align.options import AlignOptions
from engine.align.tokenize import strip_punct
from engine.extract.sentences import closer_of
from engine.memo import memo
from engine.models import ClausePair, Measure
from engine.roles import roles as role_words

# a bracket that opens with a field naming units (牵头单位, 责任单位, 主办单位 …: rulesets/data/roles.yaml)
_RESP_OPEN = re.compile(r"[（(［\[【]\s*" + role_words().label_pattern())
_CLAUSE_END = re.compile(r"(?<=[。；;！？!?])")


def measure_body(m: Measure, children: list[Measure] | None = None) -> str:
    """The measure's own obligation text: title, responsibility clause and sub-measure texts removed."""
    from engine.extract import find_responsibility, without_responsibility

    text = without_responsibility(m)
    if m.title and text.startswith(m.title):
        text = text[len(m.title) :].lstrip("。.．:： ")
    for child in children or []:
        for own in (child.text, without_responsibility(child)):  # its clauses may be cut already
            if own and own in text:
                text = text.replace(own, "")
                break
    found = find_responsibility(text)  # one the extractor did not give the measure (a merged measure's)
    if found is not None:
        text = text[: found.start] + text[found.end :]
    return _cut_attribution_tags(_cut_bracketed_responsibility(text)).strip()


# "（国家发展改革委、住房城乡建设部指导）" closing a sentence inside a measure: who answers for the
# sentence before it, a responsibility note that a child replaces by its own units, never a clause
_TAG = re.compile(r"(?<=[。；;！？!?])\s*[(（][^()（）。；;]{2,80}?(?:指导|负责|牵头|配合|参与|落实)[)）][。；;]?")


def _cut_attribution_tags(text: str) -> str:
    try:
        from engine.extract import extract_responsibility
    except ImportError:
        return text

    def cut(m: re.Match[str]) -> str:
        return "" if extract_responsibility(m.group().strip().rstrip("。；;")) is not None else m.group()

    return _TAG.sub(cut, text)


def _cut_bracketed_responsibility(text: str) -> str:
    """Remove every bracketed 牵头单位/责任单位 clause (several remain when measures were merged)."""
    while True:
        hit = _RESP_OPEN.search(text)
        if hit is None:
            return text
        close = closer_of(text, hit.start(), "（([［【", "）)]］】")  # unclosed: the clause runs to the end
        text = text[: hit.start()] + text[len(text) if close is None else close + 1 :]


def split_clauses(text: str) -> list[str]:
    """Sentences and 分号 parts; uses extract's splitter when it exists."""
    return list(_split_clauses(text))


@memo(8192, copy="shared")  # a draft measure that keeps its parent's text splits the same way
def _split_clauses(text: str) -> tuple[str, ...]:
    try:
        from engine.extract import split_clauses as extract_split  # type: ignore[attr-defined]
    except ImportError:
        extract_split = None
    if extract_split is not None:
        try:
            parts = extract_split(text)
        except NotImplementedError:
            parts = None
        if parts is not None:
            out = [getattr(p, "text", p) for p in parts]
            return tuple(p.strip() for p in out if isinstance(p, str) and strip_punct(p))
    return tuple(p.strip() for p in _CLAUSE_END.split(text) if strip_punct(p))


@dataclass
class ClauseInfo:
    text: str
    key: str  # punctuation removed, for scoring
    deadlines: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    strength: list[str] = field(default_factory=list)
    level: str = "normal"


def _extract_fns():
    import engine.extract as ex

    return (
        getattr(ex, "extract_deadlines", None),
        getattr(ex, "extract_targets", None),
        getattr(ex, "strength_of", None),
    )


def clause_info(text: str, with_facts: bool = True) -> ClauseInfo:
    info = ClauseInfo(text=text, key=strip_punct(text))
    if with_facts:
        add_facts(info)
    return info


def add_facts(info: ClauseInfo) -> None:
    """Set the clause's deadlines, targets, strength words and level (from its text)."""
    deadlines, targets, strength, info.level = _facts(info.text)
    info.deadlines, info.targets, info.strength = list(deadlines), list(targets), list(strength)


# clause text -> its deadlines, targets, strength words and level: pure functions of the text, and a
# draft repeats most of its parent's clauses (the parent's are read first), a batch its siblings'.
# Fresh lists are handed out; the extracted facts are frozen, so they are shared.
@memo(50_000, copy="shared")
def _facts(text: str) -> tuple[tuple, tuple, tuple, str]:
    deadlines, targets, strength = _extract_fns()
    found_d: list = []
    found_t: list = []
    words: list[str] = []
    level = "normal"
    try:
        if deadlines:
            found_d = list(deadlines(text) or [])
        if targets:
            found_t = list(targets(text) or [])
        if strength:
            w, level = strength(text)
            words = list(w)
    except NotImplementedError:
        pass
    return tuple(found_d), tuple(found_t), tuple(words), level


def score_matrix(a: list[str], b: list[str], workers: int = 1) -> np.ndarray:
    """Clause similarity in [0,1]: normalised Indel similarity of the punctuation-free texts."""
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    return process.cdist(a, b, scorer=fuzz.ratio, dtype=np.float32, workers=workers) / np.float32(100.0)


def pick_best(mat: np.ndarray, margin: float, keys: list[list[int]]) -> list[int]:
    """For each row, the column chosen among those within `margin` of the row's best: the least by
    `keys` (values per column, compared in turn), then the higher score, then the first column.

    The same choice as `min(near, key=lambda x: (*[k[x] for k in keys], -float(row[x]), x))` with
    `near = np.flatnonzero(row >= float(row.max()) - margin)`: the threshold is rounded to the
    matrix's float32, as numpy does when it compares a float32 row with a Python float. On Python
    lists: the matrices are small (a measure's clauses), where array calls cost more than they save.
    """
    if mat.shape[1] > WIDE:
        return _pick_best_wide(mat, margin, keys)
    out: list[int] = []
    for row in mat.tolist():
        threshold = float(mat.dtype.type(max(row) - margin))
        near = [x for x, v in enumerate(row) if v >= threshold]
        out.append(min(near, key=lambda x: (*[k[x] for k in keys], -row[x], x)))
    return out


WIDE = 512  # columns above which pick_best works on arrays (a measure of thousands of clauses)


def _pick_best_wide(mat: np.ndarray, margin: float, keys: list[list[int]]) -> list[int]:
    """pick_best on arrays: the same choice (tests/align/test_clauses_wide.py), in time linear in
    the columns without a Python call per column (one giant draft measure made it the slowest step)."""
    columns = [np.asarray(k, dtype=np.int64) for k in keys]
    out: list[int] = []
    for row in mat:
        threshold = mat.dtype.type(float(row.max()) - margin)
        near = np.flatnonzero(row >= threshold)
        # lexsort's last key is the primary one: keys in turn, then the higher score, then the column
        order = np.lexsort((near, -row[near], *(k[near] for k in reversed(columns))))
        out.append(int(near[order[0]]))
    return out


@dataclass
class DraftClause:
    ref: str
    rank: int  # carrier rank: 0 = main carrier; ties go to the lower rank
    index: int
    info: ClauseInfo


def join_options(drafts: list[DraftClause], enabled: bool) -> list[tuple[int, ...]]:
    """Indexes (into `drafts`) of each matching option: (k,) singles, then (k, k+1) adjacent joins."""
    opts: list[tuple[int, ...]] = [(k,) for k in range(len(drafts))]
    if enabled:
        for k in range(len(drafts) - 1):
            a, b = drafts[k], drafts[k + 1]
            if a.ref == b.ref and b.index == a.index + 1:
                opts.append((k, k + 1))
    return opts


def pair_clauses(
    parent: list[ClauseInfo],
    drafts: list[DraftClause],
    opts: AlignOptions,
    mat: np.ndarray | None = None,
) -> tuple[list[ClausePair], set[int], float]:
    """Clause pairs for one aligned measure pair (`mat`: the options' score_matrix when the caller has it).

    Returns the parent-clause pairs (same / changed / dropped), the set of draft clauses (indexes into
    `drafts`) they used, and the edited share of the pair: the text of parent clauses scoring below
    `pair_clause_same` plus draft clauses no parent clause matched, over all of it. It decides `same` / `adapted`.
    """
    options = join_options(drafts, opts.join_adjacent)
    if mat is None:
        keys = ["".join(drafts[k].info.key for k in o) for o in options]
        mat = score_matrix([c.key for c in parent], keys, opts.workers)
    pairs: list[ClausePair] = []
    used: set[int] = set()
    picks: list[int] = []
    if options and parent:
        # ties: a single clause before a join, the main carrier first, then the higher score, then
        # the earlier clause
        keys = [[len(o) > 1 for o in options], [drafts[o[0]].rank for o in options]]
        picks = pick_best(mat, opts.tie_margin, keys)
    for i, pc in enumerate(parent):
        best_j, best_s = None, -1.0
        if len(options):
            best_j = picks[i]
            best_s = float(mat[i, best_j])
        if best_j is None or best_s < opts.clause_match:
            pairs.append(_pair(i, pc, None, None, "dropped", max(best_s, 0.0)))
            continue
        o = options[best_j]
        used.update(o)
        rel = "same" if best_s >= opts.clause_same else "changed"
        dc = [drafts[k] for k in o]
        pairs.append(_pair(i, pc, dc, options[best_j], rel, best_s))
    # share of the text (parent clauses not `same`, draft clauses nothing matched) that was edited
    p_all = float(sum(len(c.key) for c in parent))
    p_edit = float(
        sum(
            len(parent[c.parent_index].key)
            for c in pairs
            if c.relation == "dropped" or c.score < opts.pair_clause_same
        )
    )
    d_free = float(sum(len(d.info.key) for k, d in enumerate(drafts) if k not in used))
    den = p_all + d_free
    edited = (p_edit + d_free) / den if den else 1.0
    return pairs, used, edited


def _pair(i, pc: ClauseInfo, dcs, option, rel: str, score: float) -> ClausePair:
    fields: dict = {
        "parent_index": i,
        "parent_text": pc.text,
        "relation": rel,
        "score": round(float(score), 4),
        "parent_deadlines": pc.deadlines,
        "parent_targets": pc.targets,
        "parent_strength": pc.strength,
        "parent_level": pc.level,
    }
    if dcs:
        text = "".join(d.info.text for d in dcs)
        fields.update(
            local_item=dcs[0].ref,
            local_index=dcs[0].index,
            local_text=text,
            local_deadlines=[x for d in dcs for x in d.info.deadlines],
            local_targets=[x for d in dcs for x in d.info.targets],
            local_strength=[x for d in dcs for x in d.info.strength],
            local_level=dcs[0].info.level if len(dcs) == 1 else _strongest([d.info.level for d in dcs]),
        )
        if pc.key != strip_punct(text):
            fields["diff"] = char_diff(pc.text, text)
            fields["items_dropped"], fields["items_added"] = list_items(pc.text, text)
    return ClausePair(**fields)  # one validation, not one per field set afterwards


_LEVEL_RANK = {"soft": 0, "normal": 1, "firm": 2, "mandatory": 3}


def _strongest(levels: list[str]) -> str:
    return max(levels, key=lambda x: _LEVEL_RANK.get(x, 1))


def added_pair(dc: DraftClause) -> ClausePair:
    return ClausePair(
        local_item=dc.ref,
        local_index=dc.index,
        local_text=dc.info.text,
        relation="added",
        local_deadlines=dc.info.deadlines,
        local_targets=dc.info.targets,
        local_strength=dc.info.strength,
        local_level=dc.info.level,  # type: ignore[arg-type]
    )
