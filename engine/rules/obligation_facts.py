"""Which parent deadline a draft deadline answers: the fuzzy pairing behind "no later than the parent".

Deciding that a draft deadline carries a given parent deadline needs the alignment's clause pairs,
or, without them, the most similar sentence of the carrying measures; deciding that two deadlines can
be compared at all (a one-off date against a yearly one cannot) needs their kinds. That stays here,
in code. What remains is a judgement over two facts, written as a join rule (rulesets/obligations.yaml,
deadline-not-later): `paired_deadline.due > parent_deadline.due`. Both facts carry `due`, a value
that compares as text: an ISO date, or --MM-DD for a recurring deadline (paired only with one of the
same recurrence).

`carried_deadline` answers the other deadline question, whether the draft keeps a parent deadline
at all (deadline-carried): one fact per parent clause holding a timed deadline whose draft clause
states none, with how well the carrying measures keep it (same words or date, else the most similar
sentence holding a comparable deadline); dropping it is the rule's judgement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.extract.deadlines import extract_deadlines
from engine.extract.sentences import split_sentences
from engine.models import Deadline, Measure
from engine.rules import deadlines as dl
from engine.rules import similarity as sim
from engine.rules.goals import goal_paragraphs, parent_goals

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext

F = tuple[str, bool, str]

TYPES: dict[str, dict[str, F]] = {
    "parent_deadline": {
        "slot": ("num", False, "this parent deadline's number in the run (join with paired_deadline.slot)"),
        "parent_item": ("str", False, "the parent measure's ref (join with obligation.ref)"),
        "text": ("str", False, "the deadline as the parent writes it (2022年年底前)"),
        "kind": ("str", False, "by-date, recurring, period or term"),
        "due": ("str", True, "when it falls due, comparable as text: ISO date, or --MM-DD when recurring"),
        "recurrence": ("str", True, "yearly … for recurring deadlines"),
        "clause": ("str", False, "the parent clause (or sentence) it stands in"),
        "via": ("str", False, "clause: the alignment pairs its clause with a draft clause; sentence: no "
                              "clause pair holds a parent deadline (or it stands in a goal paragraph, "
                              "§工作目标), so it is compared by sentence"),
    },
    "paired_deadline": {
        "slot": ("num", False, "the parent deadline it answers (join with parent_deadline.slot)"),
        "parent_item": ("str", False, "the parent measure's ref"),
        "local_item": ("str", False, "the draft measure it stands in (join with measure.ref, aligned.local_item)"),
        "text": ("str", False, "the draft deadline as written"),
        "kind": ("str", False, "by-date, recurring, period or term"),
        "due": ("str", True, "when it falls due, comparable with its parent deadline's `due`"),
        "via": ("str", False, "clause: the draft deadline of the paired clause (position by position when "
                              "both clauses hold as many deadlines, else the earliest comparable one); "
                              "sentence: the comparable draft deadline whose sentence is most like the "
                              "parent's, anywhere in the carrying measures"),
        "score": ("num", False, "similarity 0..1 of the clause pair (via clause) or of the two sentences "
                                "(via sentence): a rule may ask for a floor"),
    },
    "carried_deadline": {
        "parent_item": ("str", False, "the parent measure's ref"),
        "local_item": ("str", False, "the draft measure a finding points at (the clause's, else the one "
                                     "holding the most similar sentence, else the first carrying one)"),
        "text": ("str", False, "the parent deadline (the clause's first timed one), or the curated ISO date"),
        "via": ("str", False, "clause: a paired clause states no deadline; sentence: no clause pairs, the "
                              "parent sentence is compared with the draft's most similar one; curated: the "
                              "obligation's curated deadline"),
        "clause": ("str", True, "the parent clause (or sentence, or the measure's title when curated)"),
        "quote": ("str", True, "the draft words a finding quotes: the paired clause or most similar sentence "
                               "as it stands in the measure, else the measure's title"),
        "past": ("bool", False, "fell due before the draft's own date (Plan.date); false when undated (a "
                                "clause: all its timed deadlines did)"),
        "kept": ("bool", False, "the carrying measures hold the same deadline (the same words or date); "
                                "curated: any dated deadline"),
        "kept_score": ("num", False, "similarity 0..1 of the parent clause with the most similar draft "
                                     "sentence holding a comparable deadline (0 when none; a rule asks for a "
                                     "floor to count it as kept)"),
        "score": ("num", False, "via clause: the clause pair's similarity; via sentence: the draft's most "
                                "similar sentence's (the clause is still there); curated: 1"),
        "about": ("str", False, "what a finding is about, its fingerprint key: missing:<deadline>, or curated"),
    },
}

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "parent_deadline": ("下级承接的上级措施中的一个完成时限", "one deadline of a parent measure the draft carries"),
    "paired_deadline": ("与上级某个时限对应、可比较的下级时限",
                        "the comparable draft deadline the alignment pairs with a parent deadline"),
    "carried_deadline": ("下级承接的上级条款中的完成时限，及下级是否保留",
                         "a deadline of a carried parent clause, and how the draft keeps it"),
}
LOCAL_FIELD = {"paired_deadline": "local_item", "carried_deadline": "local_item"}
PARENT_FIELD = {"parent_deadline": "parent_item", "paired_deadline": "parent_item", "carried_deadline": "parent_item"}


def build(fact: str, ctx: CheckContext) -> list[dict[str, Any]]:
    """The facts of one of TYPES for this run and the rule's scope, in alignment order."""
    if fact == "carried_deadline":
        return [dict(f) for f in ctx.remember(("carried_deadlines", id(ctx.scope)), lambda: (_carried(ctx), ctx.scope))[0]]
    # both types come from one pairing; the run's memo keeps it for the second (the scope object
    # is held in the value, so its id names it for the run)
    parents, paired, _scope = ctx.remember(("deadline_pairs", id(ctx.scope)), lambda: (*_pairs(ctx), ctx.scope))
    return [dict(f) for f in (parents if fact == "parent_deadline" else paired)]


def _due(d: Deadline) -> str | None:
    return dl.month_day(d) if d.kind == "recurring" else d.date


def _pairs(ctx: CheckContext) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    parents: list[dict[str, Any]] = []
    paired: list[dict[str, Any]] = []

    def add(ref: str, p: Deadline, clause: str, via: str, m: Measure | _GoalAt | None, loc: Deadline | None,
            score: float) -> None:
        slot = len(parents)
        parents.append({"slot": slot, "parent_item": ref, "text": p.text, "kind": p.kind, "due": _due(p),
                        "recurrence": p.recurrence, "clause": clause, "via": via})
        if m is not None and loc is not None:
            paired.append({"slot": slot, "parent_item": ref, "local_item": m.ref, "text": loc.text,
                           "kind": loc.kind, "due": _due(loc), "via": via, "score": float(score)})

    for pair, measures in ctx.carried_pairs(goals=True):
        ref = pair.parent_item or ""
        by_clause = False
        for cp in pair.clauses:
            if not cp.parent_deadlines:
                continue
            by_clause = True
            if cp.relation == "dropped" or not cp.local_deadlines:
                continue
            m = ctx.local_for(cp.local_item, measures)
            for p, loc in _clause_match(cp.parent_deadlines, cp.local_deadlines):
                add(ref, p, cp.parent_text or "", "clause", m, loc, cp.score)
        if by_clause:
            continue
        pm = ctx.parent_measure(ref)
        for p in pm.deadlines if pm is not None else ():
            psent = dl.sentence_of(pm, p)  # type: ignore[arg-type]
            best: tuple[float, Measure | None, Deadline | None] = (0.0, None, None)
            for m, loc in dl.all_deadlines(measures):
                if dl.deadline_later(p, loc) is None:
                    continue
                lsent = dl.sentence_of(m, loc)
                score = sim.similarity(psent, lsent)
                if score > best[0]:
                    # the sentence's deadline in the parent's place, not merely its first (a tie)
                    pds = [d for d in pm.deadlines if dl.sentence_of(pm, d) == psent]  # type: ignore[arg-type]
                    locs = [d for d in m.deadlines if dl.sentence_of(m, d) == lsent]
                    best = (score, m, _in_sentence(pds, pds.index(p), locs) if p in pds and loc in locs else loc)
            add(ref, p, psent, "sentence", best[1], best[2], best[0])
    _goal_pairs(ctx, add)
    return parents, paired


def _goal_pairs(ctx: CheckContext, add: Callable[..., None]) -> None:
    """Each deadline of the parent's prose goals (engine.rules.goals), paired by sentence with the
    comparable deadline of the draft's goal paragraphs whose sentence is most like the parent's."""
    if ctx.parent is None or not ctx.scope_applies():
        return
    pgoals = parent_goals(ctx)
    dsents = [(g, s) for g in (goal_paragraphs(ctx.draft) if pgoals else []) for s in split_sentences(g.text)]
    if not dsents:
        return
    dated = [(g, s, extract_deadlines(s)) for g, s in dsents]
    for g in pgoals:
        if not ctx.applies(g.ref):
            continue
        for psent in split_sentences(g.text):
            pds = extract_deadlines(psent)
            for i, p in enumerate(pds):
                best: tuple[float, _GoalAt | None, Deadline | None] = (0.0, None, None)
                for dg, s, locs in dated:
                    if not any(dl.deadline_later(p, loc) is not None for loc in locs):
                        continue
                    score = sim.similarity(psent, s)
                    if score > best[0]:
                        best = (score, _GoalAt(dg.ref), _in_sentence(pds, i, locs))
                add(g.ref, p, psent, "sentence", best[1], best[2], best[0])


def _in_sentence(pds: list[Deadline], i: int, locs: list[Deadline]) -> Deadline | None:
    """The deadline of the draft's sentence that answers the parent sentence's `i`-th: the one in the same
    place when both sentences have as many (a goal "到2028年底…，2026年底前…" kept word for word pairs each
    with its own), else the earliest comparable one, as for a clause (`_clause_match`)."""
    matched = _clause_match(pds, locs)[i][1]
    if matched is not None:
        return matched
    comparable = [loc for loc in locs if dl.deadline_later(pds[i], loc) is not None]
    return min(comparable, key=lambda d: _due(d) or "") if comparable else None


@dataclass(frozen=True)
class _GoalAt:
    """Where a paired goal deadline stands (its `ref`, as a measure's)."""

    ref: str


def _clause_match(parents: list[Deadline], locals_: list[Deadline]) -> list[tuple[Deadline, Deadline | None]]:
    """Each parent deadline of a clause with the draft deadline that answers it (None: none comparable).

    Same count: position by position (a clause with two dates keeps their order). Otherwise the
    earliest comparable one: the parent's is broken only if every comparable draft deadline is later,
    that is if the earliest is."""
    if len(parents) == len(locals_):
        return [(p, loc if dl.deadline_later(p, loc) is not None else None)
                for p, loc in zip(parents, locals_, strict=True)]
    out: list[tuple[Deadline, Deadline | None]] = []
    for p in parents:
        comparable = [loc for loc in locals_ if dl.deadline_later(p, loc) is not None]
        out.append((p, min(comparable, key=lambda d: _due(d) or "") if comparable else None))
    return out


def _carried(ctx: CheckContext) -> list[dict[str, Any]]:
    today = ctx.draft.date
    out: list[dict[str, Any]] = []

    def add(m: Measure, ref: str, text: str, via: str, clause: str | None, local_text: str | None,
            past: bool, kept: bool, kept_score: float, score: float, about: str) -> None:
        quote = local_text if local_text and sim.compact(local_text) and local_text in m.text else m.title
        out.append({"parent_item": ref, "local_item": m.ref, "text": text, "via": via, "clause": clause,
                    "quote": quote or None, "past": past, "kept": kept, "kept_score": float(kept_score),
                    "score": float(score), "about": about})

    for pair, measures in ctx.carried_pairs():
        ref = pair.parent_item or ""
        clauses = [cp for cp in pair.clauses if cp.parent_deadlines]
        for cp in clauses:
            wanted = [d for d in cp.parent_deadlines if dl.timed(d)]
            if cp.relation == "dropped" or cp.local_deadlines or not wanted:
                continue  # a dropped clause is clause_carried's; a dated one deadline_not_later's
            kept, kept_score = _kept(cp.parent_text or "", wanted, measures)
            add(ctx.local_for(cp.local_item, measures), ref, wanted[0].text, "clause", cp.parent_text,
                cp.local_text, all(_past(d, today) for d in wanted), kept, kept_score, cp.score,
                f"missing:{wanted[0].text}")
        pm = ctx.parent_measure(ref) if not pair.clauses else None
        for p in pm.deadlines if pm is not None else ():
            if not dl.timed(p):
                continue
            psent = dl.sentence_of(pm, p)  # type: ignore[arg-type]
            kept, kept_score = _kept(psent, [p], measures)
            score, m, s = sim.best_sentence(psent, measures)
            if m is not None:
                add(m, ref, p.text, "sentence", psent, s, _past(p, today), kept, kept_score, score,
                    f"missing:{p.text}")
        ob = ctx.obligation(ref)
        if ob is not None and ob.deadline:
            dated = any(d.kind in ("by-date", "period") and d.date for _, d in dl.all_deadlines(measures))
            add(measures[0], ref, ob.deadline, "curated", ob.title, None, bool(today and ob.deadline < today),
                dated, 0.0, 1.0, "curated")
    return out


def _kept(clause: str, wanted: list[Deadline], measures: list[Measure]) -> tuple[bool, float]:
    """(the same deadline is in the carrying measures, the best similarity of `clause` with a sentence
    holding a comparable one). The same words count (于2022年年底前 holds 2022年年底前), or the same date
    written differently."""
    texts = {sim.compact(d.text) for d in wanted}
    kept, best = False, 0.0
    for m, d in dl.all_deadlines(measures):
        words = sim.compact(d.text)
        if words in texts or any(t in words for t in texts):
            kept = True
        elif any(d.kind == w.kind and d.date and d.date == w.date for w in wanted):
            kept = True
        if any(dl.deadline_later(w, d) is not None for w in wanted):
            best = max(best, sim.similarity(clause, dl.sentence_of(m, d)))
    return kept, best


def _past(d: Deadline, today: str | None) -> bool:
    return bool(today and d.kind == "by-date" and d.date and d.date < today)
