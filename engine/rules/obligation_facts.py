"""Which parent deadline a draft deadline answers: the fuzzy pairing behind "no later than the parent".

Deciding that a draft deadline carries a given parent deadline needs the alignment's clause pairs,
or, without them, the most similar sentence of the carrying measures; deciding that two deadlines can
be compared at all (a one-off date against a yearly one cannot) needs their kinds. That stays here,
in code. What remains is a judgement over two facts, written as a join rule (rulesets/obligations.yaml,
deadline-not-later): `paired_deadline.due > parent_deadline.due`. Both facts carry `due`, a value
that compares as text: an ISO date, or --MM-DD for a recurring deadline (paired only with one of the
same recurrence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.models import Deadline, Measure
from engine.rules import deadlines as dl
from engine.rules import similarity as sim

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
                              "clause pair holds a parent deadline, so it is compared by sentence"),
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
}

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "parent_deadline": ("下级承接的上级措施中的一个完成时限", "one deadline of a parent measure the draft carries"),
    "paired_deadline": ("与上级某个时限对应、可比较的下级时限",
                        "the comparable draft deadline the alignment pairs with a parent deadline"),
}
LOCAL_FIELD = {"paired_deadline": "local_item"}
PARENT_FIELD = {"parent_deadline": "parent_item", "paired_deadline": "parent_item"}


def build(fact: str, ctx: CheckContext) -> list[dict[str, Any]]:
    """The facts of one of TYPES for this run and the rule's scope, in alignment order."""
    # both types come from one pairing; the run's memo keeps it for the second (the scope object
    # is held in the value, so its id names it for the run)
    parents, paired, _scope = ctx.remember(("deadline_pairs", id(ctx.scope)), lambda: (*_pairs(ctx), ctx.scope))
    return [dict(f) for f in (parents if fact == "parent_deadline" else paired)]


def _due(d: Deadline) -> str | None:
    return dl.month_day(d) if d.kind == "recurring" else d.date


def _pairs(ctx: CheckContext) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    parents: list[dict[str, Any]] = []
    paired: list[dict[str, Any]] = []

    def add(ref: str, p: Deadline, clause: str, via: str, m: Measure | None, loc: Deadline | None,
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
                score = sim.similarity(psent, dl.sentence_of(m, loc))
                if score > best[0]:
                    best = (score, m, loc)
            add(ref, p, psent, "sentence", best[1], best[2], best[0])
    return parents, paired


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
