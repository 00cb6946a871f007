"""Which draft target states a parent target: the fuzzy pairing behind "targets are not weakened".

Deciding that a draft figure states the parent's (the same kind of figure, the same measured
quantity by the indicator's name, in the paired clause, else in a sentence like the parent clause)
and whether a parent figure is a total a lower level shares stays here, in code. What remains is a
judgement over two facts, written as joins (rulesets/obligations.yaml, target-not-weaker):
`paired_target.ask < parent_target.ask` (weaker), and a parent target with no paired one (missing).
`ask` is what a target asks in the parent's direction, so that less is always weaker: the value (a
rate per year for a frequency), negated when the parent's target is a ceiling (不超过1.5%).

A parent's goals written as prose (engine.rules.goals) have their figures paired with the draft's goal
paragraphs by sentence and indicator name (via sentence, like a measure without clause pairs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.extract.sentences import split_sentences
from engine.extract.targets import extract_targets
from engine.models import Measure, Target
from engine.rules import deadlines as dl
from engine.rules import similarity as sim
from engine.rules.goals import goal_paragraphs, parent_goals
from engine.rules.targets import draft_shares, is_total, quantity_of, same_quantity

if TYPE_CHECKING:
    from engine.models import ClausePair
    from engine.rules.kinds.base import CheckContext

F = tuple[str, bool, str]

# a target outside the paired clause stands for the parent's when its sentence is this like the clause
ELSEWHERE = 0.6

TYPES: dict[str, dict[str, F]] = {
    "parent_target": {
        "slot": ("num", False, "this parent target's number in the run (join with paired_target.slot)"),
        "parent_item": ("str", False, "the parent measure's ref"),
        "local_item": ("str", False, "the draft measure a missing target is reported at: the paired "
                                     "clause's, else the one holding the sentence most like the parent's"),
        "text": ("str", False, "the target as the parent writes it (不少于60学时)"),
        "clause": ("str", False, "the parent clause (or sentence) it stands in"),
        "via": ("str", False, "clause: the alignment pairs its clause with a draft clause; sentence: the "
                              "parent measure (or goal paragraph, §工作目标) has no clause pairs"),
        "direction": ("str", False, "floor (不少于, 达到, 两期) or cap (不超过)"),
        "ask": ("num", False, "what it asks: its value (per year for a frequency), negated for a cap"),
        "total": ("bool", False, "an absolute count or amount of the parent's area (建成300个) in a draft of a "
                                 "lower level: shared out, not matched"),
        "stated": ("bool", False, "its words stand word for word in the carrying measures"),
        "quote": ("str", True, "the draft words a missing target quotes: the paired clause, or the most "
                               "similar sentence, as it stands in the measure (else the measure's title)"),
        "local_text": ("str", False, "the paired draft clause or most similar sentence"),
        "score": ("num", False, "via clause: the clause pair's similarity; via sentence: that of the draft's "
                                "most similar sentence (the sentence is still there)"),
        "clause_slot": ("num", False, "the clause pair it comes from, numbered in the run (-1: none)"),
    },
    "paired_target": {
        "slot": ("num", False, "the parent target it states (join with parent_target.slot)"),
        "parent_item": ("str", False, "the parent measure's ref"),
        "local_item": ("str", False, "the draft measure it stands in"),
        "text": ("str", False, "the draft target as written"),
        "ask": ("num", False, "what it asks in the parent's direction (comparable with parent_target.ask; a "
                              "ceiling answering a floor asks its value negated)"),
        "quote": ("str", False, "its text as it stands in the measure (else the measure's title)"),
        "via": ("str", False, "turn: the clause restates the parent's figures one for one, this one in its "
                              "place; clause: the strongest draft figure of the paired clause stating the "
                              "same quantity; elsewhere: none there, the strongest in a sentence at least "
                              "0.6 like the parent clause; sentence: no clause pairs, the draft figure whose "
                              "sentence is most like the parent's"),
        "score": ("num", False, "via elsewhere and sentence: the similarity of its sentence with the parent's "
                                "(1 otherwise)"),
    },
}

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "parent_target": ("下级承接的上级措施中的一个量化指标", "one quantified target of a parent measure the draft carries"),
    "paired_target": ("与上级某个指标衡量同一对象的下级指标", "the draft target that states a parent target's quantity"),
}
LOCAL_FIELD = {"parent_target": "local_item", "paired_target": "local_item"}
PARENT_FIELD = {"parent_target": "parent_item", "paired_target": "parent_item"}


def build(fact: str, ctx: CheckContext) -> list[dict[str, Any]]:
    """The facts of one of TYPES for this run and the rule's scope, in alignment order."""
    parents, paired, _scope = ctx.remember(("target_pairs", id(ctx.scope)), lambda: (*_pairs(ctx), ctx.scope))
    return [dict(f) for f in (parents if fact == "parent_target" else paired)]


def _pairs(ctx: CheckContext) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    parents: list[dict[str, Any]] = []
    paired: list[dict[str, Any]] = []
    shares = draft_shares(ctx)

    def add(ref: str, p: Target, clause: str, via: str, m: Measure, local_text: str, score: float,
            measures: list[Measure], cslot: int, cands: list[tuple[Target, Measure, str, float]]) -> None:
        slot = len(parents)
        parents.append({"slot": slot, "parent_item": ref, "local_item": m.ref, "text": p.text, "clause": clause,
                        "via": via, "direction": _direction(p), "ask": ask(p, p), "total": shares and is_total(p, clause),
                        "stated": sim.contains(measures, p.text), "quote": _quote(local_text, m),
                        "local_text": local_text, "score": float(score), "clause_slot": cslot})
        if cands:
            t, mm, how, s = max(cands, key=lambda c: ask(p, c[0]))  # the first on a tie
            paired.append({"slot": slot, "parent_item": ref, "local_item": mm.ref, "text": t.text, "ask": ask(p, t),
                           "quote": _quote(t.text, mm), "via": how, "score": float(s)})

    cslot = -1
    for pair, measures in ctx.carried_pairs(goals=True):
        ref = pair.parent_item or ""
        for cp in pair.clauses:
            if cp.relation == "dropped" or cp.local_text is None:
                continue
            cslot += 1
            m = ctx.local_for(cp.local_item, measures)
            ptext = cp.parent_text or ""
            for i, p in enumerate(cp.parent_targets):
                add(ref, p, ptext, "clause", m, cp.local_text, cp.score, measures, cslot,
                    _clause_cands(ctx, cp, i, p, m, measures))
        if pair.clauses:
            continue
        pm = ctx.parent_measure(ref)
        for p in pm.targets if pm is not None else ():
            psent = dl.sentence_of(pm, p)  # type: ignore[arg-type]
            score, sm, s = sim.best_sentence(psent, measures)
            cands: list[tuple[float, Measure, Target]] = []
            for mm in measures:
                for t in mm.targets:
                    lsent = dl.sentence_of(mm, t)
                    if comparable(p, t) and same_quantity(p, psent, t, lsent):
                        cands.append((sim.similarity(psent, lsent), mm, t))
            cands.sort(key=lambda x: -x[0])
            best = [(cands[0][2], cands[0][1], "sentence", cands[0][0])] if cands else []
            add(ref, p, psent, "sentence", sm or measures[0], s, score, measures, -1, best)
    _goal_pairs(ctx, shares, parents, paired)
    return parents, paired


def _goal_pairs(ctx: CheckContext, shares: bool, parents: list[dict[str, Any]], paired: list[dict[str, Any]]) -> None:
    """Each figure of the parent's prose goals, paired with the draft goal figure stating the same
    quantity; the facts say `via: sentence` and are judged like those of a measure without clause pairs
    (a missing figure only where a sentence like the parent's is there).

    A goal paragraph states many figures whose indicators share words (城市生活垃圾无害化处理率, …焚烧处理
    能力占无害化处理能力的比例): the pairing is mutual, a draft figure answers the parent figure it is most
    like (by indicator name, then sentence) and that figure only, so a figure the draft drops is missing,
    not compared with its neighbour's."""
    if ctx.parent is None or not ctx.scope_applies():
        return
    pgoals = parent_goals(ctx)
    dgoals = goal_paragraphs(ctx.draft) if pgoals else []
    dsents = [(g, s) for g in dgoals for s in split_sentences(g.text)]
    if not dsents:
        return
    ps = [(g, psent, p, i) for g in pgoals for psent in split_sentences(g.text)
          for i, p in enumerate(extract_targets(psent))]
    ds = [(dg, s, t, i) for dg, s in dsents for i, t in enumerate(extract_targets(s))]

    def likeness(k: int, j: int) -> tuple[float, float, int] | None:
        """By indicator name, then sentence; figures alike in both (分别下降15%和20%以上: one indicator phrase
        for two figures) by their place in the sentence, the first with the first."""
        (_, psent, p, pi), (_, s, t, ti) = ps[k], ds[j]
        if not (comparable(p, t) and same_quantity(p, psent, t, s)):
            return None
        a, b = "".join(quantity_of(p, psent)), "".join(quantity_of(t, s))
        return max(sim.similarity(a, b), sim.similarity(b, a)), sim.similarity(psent, s), -abs(pi - ti)

    like = [[likeness(k, j) for j in range(len(ds))] for k in range(len(ps))]
    # each draft figure's parent figure: the most like it (the first on a tie)
    answers = [max((k for k in range(len(ps)) if like[k][j] is not None), key=lambda k: like[k][j], default=-1)
               for j in range(len(ds))]  # type: ignore[arg-type, return-value]
    for k, (g, psent, p, _) in enumerate(ps):
        score, lg, lsent = max(((sim.similarity(psent, s), dg, s) for dg, s in dsents), key=lambda x: x[0])
        slot = len(parents)
        parents.append({"slot": slot, "parent_item": g.ref, "local_item": lg.ref, "text": p.text,
                        "clause": psent, "via": "sentence", "direction": _direction(p), "ask": ask(p, p),
                        "total": shares and is_total(p, psent),
                        "stated": any(sim.compact(p.text) in sim.compact(dg.text) for dg in dgoals),
                        "quote": lsent, "local_text": lsent, "score": float(score), "clause_slot": -1})
        mine = [j for j in range(len(ds)) if answers[j] == k]
        if mine:
            j = max(mine, key=lambda j: like[k][j])  # type: ignore[arg-type, return-value]
            dg, _, t, _ = ds[j]
            paired.append({"slot": slot, "parent_item": g.ref, "local_item": dg.ref, "text": t.text,
                           "ask": ask(p, t), "quote": t.text, "via": "sentence",
                           "score": float(like[k][j][1])})  # type: ignore[index]


def _clause_cands(ctx: CheckContext, cp: ClausePair, i: int, p: Target, m: Measure,
                  measures: list[Measure]) -> list[tuple[Target, Measure, str, float]]:
    ptext = cp.parent_text or ""
    if _in_turn(cp):
        return [(cp.local_targets[i], m, "turn", 1.0)]
    here = [(t, m, "clause", 1.0) for t in _paired(p, ptext, [(t, cp.local_text or "") for t in cp.local_targets])]
    if here:
        return here
    # the clause the aligner paired states another quantity (地膜回收率 for 秸秆综合利用率): the
    # parent's figure is where a similar sentence states the same quantity
    out = []
    for mm in [*measures, *(x for x in ctx.draft.measures if x not in measures)]:
        for t in _paired(p, ptext, [(t, dl.sentence_of(mm, t)) for t in mm.targets]):
            score = sim.similarity(ptext, dl.sentence_of(mm, t))
            if score >= ELSEWHERE:
                out.append((t, mm, "elsewhere", score))
    return out


def _quote(text: str, m: Measure) -> str | None:
    if not text:
        return None
    return (text if text in m.text else m.title) or None


def _direction(t: Target) -> str:
    return "cap" if t.comparator in ("<=", "<") else "floor"


def _rate(t: Target) -> float:
    return t.value / (t.period_years or 1.0)


def _key(t: Target) -> tuple[str, str]:
    unit = "" if t.kind in ("frequency", "percent", "coverage") else t.unit
    return t.kind, unit


def comparable(parent: Target, local: Target) -> bool:
    """Whether two targets measure the same kind of figure in the same unit, and a draft floor does
    not answer a parent ceiling (不超过 against 不少于 compares nothing)."""
    return _key(parent) == _key(local) and not (_direction(parent) == "cap" and local.comparator in (">=", ">"))


def ask(parent: Target, t: Target) -> float:
    """What `t` asks in the direction of `parent`'s target: less is weaker. For a floor (>=, >, and ==
    on counts: 两期, 一次) the value; for a ceiling the value negated (more is weaker); a ceiling
    answering a floor (不少于60 → 不超过60) asks no floor: its value negated. Frequencies are times per
    year (每两年一次 asks less than 每年一次)."""
    v = _rate(t) if parent.kind == "frequency" else t.value
    if _direction(parent) == "cap" or (parent.comparator in (">=", ">") and t.comparator in ("<=", "<")):
        return -v
    return v


def _in_turn(cp: ClausePair) -> bool:
    """The clause restates the parent's figures one for one, in the same order (不超过1%…不超过1.5% →
    不超过1%…不超过2%): each parent figure is compared with the draft's figure in its place, so a
    loosened second cap is not hidden by the first one that still matches."""
    ps, ls = cp.parent_targets, cp.local_targets
    if len(ps) < 2 or len(ps) != len(ls):
        return False
    ptext, ltext = cp.parent_text or "", cp.local_text or ""
    return all(comparable(p, t) and same_quantity(p, ptext, t, ltext) for p, t in zip(ps, ls, strict=True))


def _paired(parent: Target, psent: str, cands: list[tuple[Target, str]]) -> list[Target]:
    """The draft targets that state the parent's: same kind and unit, same measured quantity."""
    return [t for t, lsent in cands if comparable(parent, t) and same_quantity(parent, psent, t, lsent)]
