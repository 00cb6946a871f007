"""Rewritten variants of a draft with known answers, for the accuracy test and the benchmark.

A variant starts from a (parent, draft, answer) triple, where the answer maps every parent ref to the
set of draft refs that carry it and a relation, and transforms the draft: shuffle measures, merge two,
split one, drop some, renumber, reword with synonyms, delete clauses, add new measures. The answer is
transformed alongside. Relations compare by class: same and adapted are one class ("one"), because
rewording may legitimately move a pair across that line.
"""

from __future__ import annotations

import random
import re

from engine.extract import find_responsibility
from engine.models import Measure, Plan

SYNONYMS = [
    ("加强", "强化"),
    ("推进", "推动"),
    ("完善", "健全"),
    ("提高", "提升"),
    ("严格", "从严"),
    ("建立", "建设"),
    ("落实", "执行"),
    ("规范", "规整"),
    ("深入", "深度"),
    ("不断", "持续"),
    ("积极", "主动"),
    ("全面", "全方位"),
    ("机制", "制度机制"),
    ("依法", "依照法律"),
]
_CLAUSE = re.compile(r"(?<=[。；;])")


def _cls(rel: str) -> str:
    return "one" if rel in ("same", "adapted") else rel


def _body(m: Measure) -> str:
    """The measure text without title and responsibility clause (added back by `_mk`)."""
    text = m.text
    if text.startswith(m.title):
        text = text[len(m.title) :].lstrip("。.")
    found = find_responsibility(text)
    if found is not None:
        text = text[: found.start] + text[found.end :]
    return text.strip()


def _mk(label: str, title: str, body: str, ordinal: int) -> Measure:
    return Measure(
        label=label,
        ref=label,
        style="arabic_dot",
        ordinal=ordinal,
        depth=1,
        title=title,
        text=f"{title}。{body}(牵头单位：区司法局；配合单位：区政府各有关部门)",
    )


def make_variant(
    parent: Plan,
    draft: Plan,
    answer: dict[str, tuple[set[str], str]],
    seed: int,
    extra: list[tuple[str, str]],
) -> tuple[Plan, dict[str, tuple[set[str], str]], set[str]]:
    """Returns (variant draft, answer by parent ref, refs of added draft measures)."""
    rng = random.Random(seed)
    ms = {m.ref: (m.title, _body(m)) for m in draft.measures if not m.general}
    order = [m.ref for m in draft.measures if not m.general]
    ans = {k: (set(v), r) for k, v in ((k, a[0]) for k, a in answer.items()) for r in [answer[k][1]]}
    carriers: dict[str, set[str]] = {}
    for p, (locs, _r) in ans.items():
        for d in locs:
            carriers.setdefault(d, set()).add(p)
    simple = [d for d in order if len(carriers.get(d, ())) == 1 and len(ans[next(iter(carriers[d]))][0]) == 1]
    rng.shuffle(simple)
    touched: set[str] = set()

    def take() -> str:
        while simple:
            d = simple.pop()
            if d not in touched:
                touched.add(d)
                return d
        raise RuntimeError("no measure left")

    # drop 2
    for _ in range(2):
        d = take()
        p = next(iter(carriers[d]))
        ans[p] = (set(), "dropped")
        order.remove(d)
    # merge 2 pairs
    for n in range(2):
        a, b = take(), take()
        ta, ba = ms[a]
        tb, bb = ms[b]
        new = f"M{n}"
        ms[new] = (f"{ta}和{tb}", ba + bb)
        order[order.index(a)] = new
        order.remove(b)
        for d in (a, b):
            p = next(iter(carriers[d]))
            ans[p] = ({new}, "merged")
    # split 2 (measures with at least 4 clauses)
    for n in range(2):
        for _ in range(20):
            d = take()
            cl = [c for c in _CLAUSE.split(ms[d][1]) if c.strip()]
            if len(cl) >= 4:
                break
        half = len(cl) // 2
        s1, s2 = f"S{n}a", f"S{n}b"
        ms[s1] = (ms[d][0], "".join(cl[:half]))
        first = re.sub(r"[，,。；;].*", "", cl[half])[:14]
        ms[s2] = (first, "".join(cl[half:]))
        i = order.index(d)
        order[i : i + 1] = [s1, s2]
        p = next(iter(carriers[d]))
        ans[p] = ({s1, s2}, "split")
    # reword 6 measures, delete one clause in 4 others
    for _ in range(6):
        d = take()
        t, b = ms[d]
        for x, y in rng.sample(SYNONYMS, 6):
            b = b.replace(x, y)
        ms[d] = (t, b)
    for _ in range(4):
        d = take()
        cl = [c for c in _CLAUSE.split(ms[d][1]) if c.strip()]
        if len(cl) >= 3:
            del cl[rng.randrange(1, len(cl))]
            ms[d] = (ms[d][0], "".join(cl))
    # add new measures
    added_tmp = []
    for n, (t, b) in enumerate(extra):
        new = f"A{n}"
        ms[new] = (t, b)
        order.insert(rng.randrange(len(order) + 1), new)
        added_tmp.append(new)
    # shuffle: move 5 measures far away
    for _ in range(5):
        i = rng.randrange(len(order))
        x = order.pop(i)
        order.insert(rng.randrange(len(order) + 1), x)
    # renumber
    rename = {old: f"V{k + 1}" for k, old in enumerate(order)}
    measures = [_mk(rename[old], *ms[old], k + 1) for k, old in enumerate(order)]
    out = {p: ({rename[d] for d in locs}, rel) for p, (locs, rel) in ans.items()}
    vdraft = Plan(source=f"variant-{seed}", sections=draft.sections, measures=measures)
    return vdraft, out, {rename[a] for a in added_tmp}


def identity_answer(parent: Plan) -> tuple[Plan, dict[str, tuple[set[str], str]]]:
    """The parent's own measures as a draft: every pair `same`."""
    ms = [m for m in parent.measures if not m.general]
    draft = Plan(source="identity", measures=[_mk(f"D{k}", m.title, _body(m), k) for k, m in enumerate(ms)])
    return draft, {m.ref: ({f"D{k}"}, "same") for k, m in enumerate(ms)}


def score(alignment, answer: dict[str, tuple[set[str], str]], added: set[str]) -> tuple[int, int, list[str]]:
    """(right, total, wrong descriptions); general pairs are not counted here (the gold test has them)."""
    got = {p.parent_item: p for p in alignment.alignment if p.parent_item is not None}
    got_added = {r for p in alignment.alignment if p.parent_item is None for r in p.local_items}
    right, total, wrong = 0, 0, []
    for ref, (locs, rel) in answer.items():
        total += 1
        pair = got.get(ref)
        if pair is not None and set(pair.local_items) == locs and _cls(pair.relation) == _cls(rel):
            right += 1
        else:
            wrong.append(
                f"{ref}: got {pair and pair.local_items} {pair and pair.relation}, want {sorted(locs)} {rel}"
            )
    for ref in sorted(added | got_added):
        total += 1
        if ref in added and ref in got_added:
            right += 1
        else:
            wrong.append(f"draft {ref}: {'missed as added' if ref in added else 'wrongly added'}")
    return right, total, wrong
