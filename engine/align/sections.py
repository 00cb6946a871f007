"""Carriers by section: a draft item filed under the heading of a parent measure carries part of it.

A parent measure is often one long paragraph of several requirements under its own title (（二）实施工业
绿色生产，推动…总量趋零增长。全面实施绿色开采…); a county draft turns that title into a section heading
and each requirement into an item of its own, condensed and reworded (4.开展绿色设计… 5.逐步解决工业固体
废物历史遗留问题…). Each such item holds only a small share of the long parent text, too small for the
coverage test of `measures.coverage`, yet it sits where the parent measure's content belongs and says
what that measure says. So a draft item is a (split or partial) carrier of parent measure P when

- its section heading matches P's title (`section_heading_match`, Indel ratio without punctuation), or
  matches the heading of the parent section P stands in (then only for an item that carries nothing
  else: sections such as 主要任务 hold many measures), and
- its text is mostly P's words (`section_containment`: share of its character bigrams found in P), and
  more of P's words than of any other parent measure's (the heading is not a coincidence), and
- it has a real body (at least `carrier_min_chars` characters).

The parent's clauses are then paired over the union of its carriers (relation `split` when several),
so a requirement the item carries in other words is not reported as dropped.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from engine.align.measures import BigramIndex, Unit
from engine.align.options import AlignOptions
from engine.align.tokenize import strip_punct
from engine.models import Plan


def headings(plan: Plan) -> dict[str, str]:
    """Measure ref -> its innermost section heading, punctuation removed (measures outside any section
    are left out)."""
    return {m.ref or m.label: strip_punct(m.section_titles[-1]) for m in plan.measures if m.section_titles}


def section_carriers(
    parent: Plan, draft: Plan, ps: list[Unit], ds: list[Unit], carried: set[int], opts: AlignOptions
) -> dict[int, list[int]]:
    """Parent unit index -> the draft unit indexes that carry it by section (see the module doc).

    `carried`: draft indexes that already carry some parent measure (only an item that carries none
    is matched through a parent section's heading)."""
    d_heads = headings(draft)
    p_heads = headings(parent)
    wanted = sorted({d_heads[u.ref] for u in ds if d_heads.get(u.ref)})
    if not wanted or not ps:
        return {}
    titles = [u.title_key for u in ps]
    sections = [p_heads.get(u.ref, "") for u in ps]
    cut = 100.0 * opts.section_heading_match
    by_title = process.cdist(wanted, titles, scorer=fuzz.ratio, dtype=np.float32, score_cutoff=cut)
    by_section = process.cdist(wanted, sections, scorer=fuzz.ratio, dtype=np.float32, score_cutoff=cut)
    row = {h: k for k, h in enumerate(wanted)}
    index: BigramIndex | None = None
    out: dict[int, list[int]] = {}
    for j, d in enumerate(ds):
        head = d_heads.get(d.ref, "")
        if not head or len(strip_punct(d.body)) < opts.carrier_min_chars or not len(d.grams):
            continue
        titled = {i for i in np.flatnonzero(by_title[row[head]]).tolist() if titles[i]}
        cands = titled | (
            set()
            if j in carried
            else {i for i in np.flatnonzero(by_section[row[head]]).tolist() if sections[i]}
        )
        if not cands:
            continue
        if index is None:
            index = BigramIndex(ps)
        held = index(d.grams) / float(len(d.grams))  # share of d's bigrams each parent unit holds
        best = max(cands, key=lambda i: (held[i], -i))
        top = float(held.max())
        if held[best] >= opts.section_containment and held[best] >= top:
            out.setdefault(best, []).append(j)
    return out
