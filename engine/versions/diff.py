"""`plancheck diff OLD NEW --parent P`: what changed between two versions of a draft.

Measures are paired by their words, never by their numbers: first the measures whose text is the
same (renumbered when the reference differs), then, best pair first, those whose text or title is
still alike enough to be the same measure reworded (changed). What is left over was inserted (new)
or removed (old). Findings are the new version's, each marked new or still open against the old
version's (engine.versions.baseline.pair), and the old version's findings that are gone: fixed.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from engine import __version__
from engine.align.diff import char_diff
from engine.findings import FINGERPRINT_SCHEME, normalise_evidence
from engine.models import (
    SEVERITY_RANK,
    DiffOp,
    DiffReport,
    DiffSummary,
    Measure,
    MeasureChange,
    MeasureChangeKind,
    Plan,
)
from engine.pipeline import CheckRun
from engine.versions.baseline import pair

SAME_MEASURE = 60.0  # rapidfuzz ratio (0-100) at or above which two texts are one measure reworded


def pair_measures(old: Plan, new: Plan) -> list[MeasureChange]:
    """Every measure of both versions once: in the new version's order, removed ones after."""
    olds, news = old.measures, new.measures
    ok = [normalise_evidence(m.text) for m in olds]
    nk = [normalise_evidence(m.text) for m in news]
    match: dict[int, int] = {}  # new index -> old index
    free: dict[str, list[int]] = {}
    for j, k in enumerate(ok):
        free.setdefault(k, []).append(j)
    for i, k in enumerate(nk):
        if free.get(k):
            match[i] = free[k].pop(0)
    rest_new = [i for i in range(len(news)) if i not in match]
    taken = set(match.values())
    rest_old = [j for j in range(len(olds)) if j not in taken]
    if rest_new and rest_old:
        scores = process.cdist([nk[i] for i in rest_new], [ok[j] for j in rest_old], scorer=fuzz.ratio)
        for a, i in enumerate(rest_new):
            for b, j in enumerate(rest_old):
                if news[i].title and news[i].title == olds[j].title:
                    scores[a, b] = max(scores[a, b], SAME_MEASURE)
        order = sorted(
            ((float(scores[a, b]), a, b) for a, b in zip(*np.nonzero(scores >= SAME_MEASURE), strict=True)),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        used_a: set[int] = set()
        used_b: set[int] = set()
        for _, a, b in order:
            if a not in used_a and b not in used_b:
                used_a.add(a)
                used_b.add(b)
                match[rest_new[a]] = rest_old[b]
    out: list[MeasureChange] = []
    for i, n in enumerate(news):
        if i not in match:
            out.append(_change("inserted", None, n, diff=[DiffOp(op="insert", local=n.text)]))
            continue
        o = olds[match[i]]
        renumbered = (o.ref or o.label) != (n.ref or n.label)
        if nk[i] == ok[match[i]]:
            out.append(_change("renumbered" if renumbered else "unchanged", o, n, renumbered, 100.0))
        else:
            sim = round(float(fuzz.ratio(nk[i], ok[match[i]])), 1)
            out.append(_change("changed", o, n, renumbered, sim, char_diff(o.text, n.text)))
    matched_old = set(match.values())
    out += [
        _change("removed", o, None, diff=[DiffOp(op="delete", parent=o.text)])
        for j, o in enumerate(olds)
        if j not in matched_old
    ]
    return out


def _change(
    kind: MeasureChangeKind,
    old: Measure | None,
    new: Measure | None,
    renumbered: bool = False,
    sim: float = 0.0,
    diff: list[DiffOp] | None = None,
) -> MeasureChange:
    """One row; `diff` is the word diff of a changed measure, or the whole text inserted or removed."""
    m = new or old
    assert m is not None
    return MeasureChange(
        change=kind,
        renumbered=renumbered,
        old_item=(old.ref or old.label) if old else None,
        new_item=(new.ref or new.label) if new else None,
        title=m.title,
        old_line=old.line if old else 0,
        new_line=new.line if new else 0,
        similarity=sim,
        diff=list(diff or []),
    )


def diff_runs(old: CheckRun, new: CheckRun, fail_on: str) -> DiffReport:
    """The diff of two checks of versions of one draft against one parent."""
    every = [*new.report.findings, *new.report.waived]
    before = [*old.report.findings, *old.report.waived]
    matched, fixed = pair(every, before)
    marked = [f.model_copy(update={"baseline": "unchanged" if i in matched else "new"}) for i, f in enumerate(every)]
    findings = marked[: len(new.report.findings)]
    measures = pair_measures(old.draft, new.draft)
    threshold = SEVERITY_RANK.get(fail_on, 99)
    count = {k: sum(1 for m in measures if m.change == k) for k in ("inserted", "removed", "changed", "unchanged")}
    summary = DiffSummary(
        old=old.report.summary.draft,
        new=new.report.summary.draft,
        parent=new.report.summary.parent,
        renumbered=sum(1 for m in measures if m.renumbered),
        new_findings=sum(1 for f in findings if f.baseline == "new"),
        still_open=sum(1 for f in findings if f.baseline == "unchanged"),
        fixed=len(fixed),
        fail_on=fail_on,  # type: ignore[arg-type]
        failed=any(f.baseline == "new" and SEVERITY_RANK[f.severity] >= threshold for f in findings),
        **count,
    )
    return DiffReport(
        version=__version__,
        fingerprints=FINGERPRINT_SCHEME,
        summary=summary,
        measures=measures,
        findings=findings,
        fixed=fixed,
    )
