"""Align a draft plan with its parent: which draft measures carry each parent measure, and how.

`align_plans(parent, draft, options)` returns an `Alignment`: one pair per parent measure (in parent
order, sub-measures included), then one `added` pair per draft measure that carries no parent measure.

Relations
- same / adapted: one draft measure carries it; `same` when the clause-weighted similarity of the pair is
  at least `same_threshold` (the draft keeps the parent's sentences with word-level edits), else adapted.
- split: its clauses are carried by several draft measures (each carries at least `carrier_share`, or
  is an item filed under its heading that says what it says: engine/align/sections.py).
- merged: its main carrier is also the main carrier of another parent measure (each such pair is merged).
- dropped: no draft measure carries it.
- general: a general requirement (指导思想, 主要原则, 总体目标 …) aligned by role to the draft's general
  measure or SECTION with the same role; sections are named `§<label>` (e.g. `§一`). A general
  requirement the draft lacks is `general` with no local items (`dropped` with
  `general_absent_dropped`): it is no obligation of its own. A goal (工作目标, 主要目标, 具体指标 …)
  paired with the draft's goal measure also has clause pairs: its deadlines and targets are obligations
  (deadline-not-later and target-not-weaker compare them), its prose is not.
- Sub-measures are aligned like top-level measures, each by its own text (a parent sub-item may land in a
  draft top-level measure and the reverse). A container whose own text is empty (only a title over its
  sub-items) takes the union of its sub-measures' draft items: split when that is several.

Score: for same/adapted the measure score (title + body similarity); for split/merged the clause-weighted
score of the parent's clauses over all carriers; 0 for dropped; the role match score for general.
"""

from __future__ import annotations

from collections import Counter

from engine.align.claims import claims
from engine.align.clauses import DraftClause, added_pair, pair_clauses
from engine.align.measures import (
    Unit,
    build_units,
    candidate_pairs,
    cheap_matrix,
    clause_scores,
    coverage,
    doc_freq,
    measure_score,
    one_to_one,
    safeguard_units,
    score_pairs,
    section_units,
)
from engine.align.options import AlignOptions
from engine.align.sections import section_carriers
from engine.align.table import format_table
from engine.align.tokenize import NO_WORDS, Vocabulary, dictionary_key, strip_punct, units_in_clause, using
from engine.memo import memo
from engine.models import Alignment, AlignmentPair, ClausePair, Plan
from engine.parse.tree import safeguard_heading

__all__ = ["NO_WORDS", "AlignOptions", "Vocabulary", "align_plans", "format_table", "using", "vocabulary_of"]


def vocabulary_of(*plans: Plan) -> Vocabulary:
    """The unit names a check learns from its plans' responsibility clauses (its own, never shared)."""
    names: list[str] = []
    for plan in plans:
        for m in plan.measures:
            if m.responsibility is not None and m.responsibility.source != "clause":
                # leads read from sentences or a chapter's clause: learning them would re-cut the task's
                # own words, so the tokenizer sees such a measure as if it named no units
                names.extend(units_in_clause(m.text[-400:]))
                continue
            names.extend(m.lead_units)
            names.extend(m.support_units)
            if m.responsibility is not None:
                names.extend(u.name for u in m.responsibility.lead + m.responsibility.support)
                names.extend(units_in_clause(m.responsibility.text))
            else:
                names.extend(units_in_clause(m.text[-400:]))
    return Vocabulary(names)


def _parent_side(parent: Plan) -> tuple[list[Unit], list[Unit], Counter[str]]:
    """The parent's units (tokens, bigrams, clauses with their facts) and document frequencies.

    A batch, a warm process and the benchmarks check many drafts against one parent: its side is
    prepared once and kept by what it is made of, the measures' texts and the learnt words found in
    them (a draft teaches its own unit names, which may occur in the parent).
    """
    texts = tuple(
        (m.ref, m.label, m.title, m.text, m.parent_measure, m.general,
         m.responsibility.text if m.responsibility is not None else None)
        for m in parent.measures
    )  # fmt: skip
    return _side(texts, dictionary_key(*(t for m in parent.measures for t in (m.title, m.text))), parent)


def _side_key(texts: tuple, words: tuple[str, ...], parent: Plan) -> tuple:
    return texts, words


# read, never changed by the aligner (Units fill their shared Words lazily, by text); 8 parents:
# a batch has one, a server a few at a time
@memo(8, copy="shared", key=_side_key)
def _side(texts: tuple, words: tuple[str, ...], parent: Plan) -> tuple[list[Unit], list[Unit], Counter[str]]:
    p_all = build_units(parent)
    ps = [u for u in p_all if not u.general and not u.empty]
    for u in ps:
        u.clauses()  # facts too: every check pairs the parent's clauses
    return p_all, ps, doc_freq(ps)


def align_plans(
    parent: Plan, draft: Plan, options: AlignOptions | None = None, *, vocabulary: Vocabulary | None = None
) -> Alignment:
    """Align under `vocabulary` (the run's learnt unit names; by default those of the two plans)."""
    with using(vocabulary if vocabulary is not None else vocabulary_of(parent, draft)):
        return _align(parent, draft, options or AlignOptions())


def _align(parent: Plan, draft: Plan, opts: AlignOptions) -> Alignment:
    p_all, ps, p_df = _parent_side(parent)
    d_all = build_units(draft)
    ds = [u for u in d_all if not u.general and not u.empty]

    # ---- measure level
    cheap = cheap_matrix(ps, ds, p_df)
    scored = score_pairs(ps, ds, candidate_pairs(cheap, opts), opts)

    def score(i: int, j: int) -> float:
        if (i, j) not in scored:
            scored[(i, j)] = measure_score(ps[i], ds[j], opts)
        return scored[(i, j)]

    primary = one_to_one(scored, len(ds), opts)
    by_parent: dict[int, list[int]] = {}
    for i, j in sorted(scored):
        by_parent.setdefault(i, []).append(j)

    carriers: dict[int, list[int]] = {}
    main: dict[int, int] = {}
    partners = {j: ps[i] for i, j in primary.items()}  # a draft measure's one-to-one parent (claims.py)
    for i, p in enumerate(ps):
        prim = primary.get(i)
        order: list[int] = [] if prim is None else [prim]
        best = sorted(by_parent.get(i, []), key=lambda j: (-scored[(i, j)], j))
        for j in best[: opts.coverage_candidates]:
            if j not in order:
                order.append(j)
        if prim is not None:
            for nb in (prim - 1, prim + 1):
                if 0 <= nb < len(ds) and nb not in order:
                    order.append(nb)
        # no one-to-one partner: the draft clauses another parent measure's partner carries are not its own
        cov = coverage(p, ds, order, opts, claims(partners, ds, order) if prim is None else None, partners)
        strong = [
            j
            for j in order
            if cov.share.get(j, 0.0) >= opts.carrier_share
            and cov.best_clause.get(j, 0.0) >= opts.carrier_clause
        ]
        if prim is None:
            # no one-to-one partner: carried only by measures that hold a real share of its clauses
            held = {j: v for j, v in cov.share.items() if v >= opts.carrier_share}
            chosen = list(held) if sum(held.values()) >= opts.merge_share else []
        elif prim in strong or not strong:
            chosen = [prim, *strong]
        elif cov.share.get(prim, 0.0) == 0.0 and score(i, prim) < max(score(i, j) for j in strong):
            chosen = strong  # the one-to-one pick carries nothing: release it
        else:
            chosen = [prim, *strong]
        chosen = sorted(set(chosen))
        if chosen:
            carriers[i] = chosen
            main[i] = min(chosen, key=lambda j: (-cov.share.get(j, 0.0), j != prim, j))

    # items filed under a parent measure's heading that carry its words: split / partial carriers
    already = {j for js in carriers.values() for j in js}
    for i, extra in sorted(section_carriers(parent, draft, ps, ds, already, opts).items()):
        if i not in carriers:  # carried only by section: the main carrier holds the largest share
            cov = coverage(ps[i], ds, extra, opts)
            main[i] = min(extra, key=lambda j: (-cov.share.get(j, 0.0), j))
        carriers[i] = sorted(set(carriers.get(i, [])) | set(extra))

    main_count = Counter(main.values())
    pos_ds = {u.ref: n for n, u in enumerate(ds)}

    # ---- clause level and relations
    pairs_by_ref: dict[str, AlignmentPair] = {}
    used_clauses: set[tuple[str, int]] = set()
    carried: set[int] = set()
    clause_owner: dict[str, AlignmentPair] = {}
    guards: list[Unit] | None = None
    general_used: set[str] = set()
    for i, p in enumerate(ps):
        chosen = carriers.get(i, [])
        if not chosen:
            if safeguard_heading().search(strip_punct(p.heading)):
                # a safeguard the draft keeps in a safeguards section numbered apart from its tasks
                guards = safeguard_units(draft) if guards is None else guards
                pair = _general_pair(p, guards, general_used, opts) if guards else None
                if pair is not None and pair.local_items:
                    pairs_by_ref[p.ref] = pair
                    continue
            pairs_by_ref[p.ref] = AlignmentPair(parent_item=p.ref, relation="dropped", score=0.0)
            continue
        carried.update(chosen)
        ranked = sorted(chosen, key=lambda j: (j != main[i], j))
        dcl = [
            DraftClause(ref=ds[j].ref, rank=r, index=k, info=c)
            for r, j in enumerate(ranked)
            for k, c in enumerate(ds[j].clauses())
        ]
        dcl.sort(key=lambda d: (pos_ds[d.ref], d.index))
        mat = None  # options: every clause of each carrier, then each one's adjacent pairs (join_options)
        if len({ds[j].ref for j in chosen}) == len(chosen):  # else join_options may join across carriers
            in_order = sorted(chosen, key=lambda j: pos_ds[ds[j].ref])
            mat = clause_scores(p, [ds[j] for j in in_order], joins=opts.join_adjacent)
        cps, used, edited = pair_clauses(p.clauses(), dcl, opts, mat)
        used_clauses.update((dcl[k].ref, dcl[k].index) for k in used)
        if main_count[main[i]] >= 2:
            rel, sc = "merged", _clause_score(p, cps)
        elif len(chosen) >= 2:
            rel, sc = "split", _clause_score(p, cps)
        else:
            rel = "same" if edited <= opts.same_max_edited else "adapted"
            sc = score(i, chosen[0])
        pair = AlignmentPair(
            parent_item=p.ref,
            local_items=[ds[j].ref for j in chosen],
            relation=rel,  # type: ignore[arg-type]
            score=round(min(max(sc, 0.0), 1.0), 4),
            clauses=cps if opts.clause_pairs else [],
        )
        pairs_by_ref[p.ref] = pair
        for j in chosen:
            clause_owner.setdefault(ds[j].ref, pair)

    # draft clauses no parent clause matched: `added`, on the first pair that carries their measure
    if opts.clause_pairs:
        for d in ds:
            owner = clause_owner.get(d.ref)
            if owner is None:
                continue
            for k, c in enumerate(d.clauses()):
                if (d.ref, k) not in used_clauses:
                    owner.clauses.append(added_pair(DraftClause(ref=d.ref, rank=0, index=k, info=c)))

    # ---- general requirements
    g_candidates = [u for u in d_all if u.general and not u.empty] + section_units(draft)
    for p in (u for u in p_all if u.general and not u.empty):
        pairs_by_ref[p.ref] = _general_pair(p, g_candidates, general_used, opts)

    # ---- containers with no text of their own: through their sub-measures
    pos_d = {u.ref: n for n, u in enumerate(d_all)}
    for p in p_all:
        if not p.empty:
            continue
        kids = [pairs_by_ref[p_all[c].ref] for c in p.children if p_all[c].ref in pairs_by_ref]
        items = sorted({r for k in kids for r in k.local_items}, key=lambda r: (pos_d.get(r, -1), r))
        if not items:
            rel = "dropped"
        elif len(items) > 1:
            rel = "split"
        else:
            rel = "same" if all(k.relation == "same" for k in kids) else "adapted"
        sc = sum(k.score for k in kids) / len(kids) if kids else 0.0
        pairs_by_ref[p.ref] = AlignmentPair(
            parent_item=p.ref, local_items=items, relation=rel, score=round(sc, 4)
        )  # type: ignore[arg-type]

    out = [pairs_by_ref[u.ref] for u in p_all if u.ref in pairs_by_ref]

    # ---- draft measures that carry nothing
    carried_refs = {ds[j].ref for j in carried} | general_used
    for d in d_all:
        if d.ref in carried_refs:
            continue
        if d.empty and any(d_all[c].ref in carried_refs for c in d.children):
            continue
        out.append(AlignmentPair(parent_item=None, local_items=[d.ref], relation="added", score=0.0))
    return Alignment(alignment=out, options=opts.recorded())


def _clause_score(p: Unit, cps: list[ClausePair]) -> float:
    cl = p.clauses()
    total = sum(len(c.key) for c in cl) or 1
    return (
        sum(
            len(cl[c.parent_index].key) * c.score
            for c in cps
            if c.parent_index is not None and c.relation != "dropped"
        )
        / total
    )


def _general_pair(p: Unit, cands: list[Unit], used: set[str], opts: AlignOptions) -> AlignmentPair:
    """A general requirement goes to the draft general measure or section with the same role; failing
    that, to one that restates its text (clause share >= `merge_share` or score >= `general_min_score`).
    One draft section may stand for several (a 总体要求 section holding ideology, principles and goals)."""

    def share(c: Unit) -> float:
        cov = coverage(p, [c], [0], opts)
        return sum(cov.share.values())

    same_role = [c for c in cands if p.role is not None and c.role == p.role]
    pool = same_role or [
        c
        for c in cands
        if share(c) >= opts.merge_share or measure_score(p, c, opts) >= opts.general_min_score
    ]
    if pool:
        best = min(pool, key=lambda c: (c.ref in used, -measure_score(p, c, opts), c.section, c.ref))
        used.add(best.ref)
        cps: list[ClausePair] = []
        if opts.clause_pairs and p.role == "goal" and best.role == "goal":
            dcl = [DraftClause(ref=best.ref, rank=0, index=k, info=c) for k, c in enumerate(best.clauses())]
            cps = pair_clauses(p.clauses(), dcl, opts, None)[0]
        return AlignmentPair(
            parent_item=p.ref,
            local_items=[best.ref],
            relation="general",
            score=round(measure_score(p, best, opts), 4),
            clauses=cps,
        )
    rel = "dropped" if opts.general_absent_dropped else "general"
    return AlignmentPair(parent_item=p.ref, local_items=[], relation=rel, score=0.0)  # type: ignore[arg-type]
