"""Give the items a group clause covers its units ("（以上第1—3项任务由X牵头，Y配合）" after item 3).

The clause ends the text of the last item it covers (engine/extract/groupclause.py reads it there and keeps
it out of that item's own facts). The items it covers:

- numbered (第1—3项, 第1至3项, 第(一)至(三)项, 第1、2项): for each number, the nearest item at or before the
  clause numbered so, of the same numbering as the item the clause ends (1. 2. 3.), else of any numbering;
- not numbered (以上任务, 上述任务, 本部分任务): the items of the same section, from the clause back to the
  section's start, that name no unit (an earlier group clause's items have theirs).

An item that names its own units keeps them (its own clause, its per-field leads); one whose own clause names
its support alone ("配合单位：Y") takes the group's lead beside it; a heading's lead clause
("以下各项由X牵头") gives way to the group clause, which names the items. The first item covered is judged
for the clause, the others are marked `inherited` (a chapter's clause counts once).
"""

from __future__ import annotations

from engine.extract.groupclause import GroupClause, trailing_group_clause
from engine.extract.textleads import support_only, with_lead
from engine.models import Measure, Paragraph


def apply(measures: list[Measure], paras: list[Paragraph]) -> None:
    """Give each item a group clause covers the clause's units, in document order."""
    given: set[int] = set()  # items that took a group clause's units
    by_index = {p.index: p for p in paras}
    for k, carrier in enumerate(measures):
        group = trailing_group_clause(carrier.text or "")
        if group is None:
            continue
        covered = _numbered(measures, k, group) if group.numbers else _unassigned(measures, k, given)
        r = group.responsibility.model_copy(update=_place(carrier, group, by_index))
        first = True
        for i in sorted(covered):
            m = measures[i]
            own = m.responsibility
            if m.general or (own is not None and own.source != "chapter" and not support_only(own)):
                continue  # its own clause (or its own per-field leads) wins
            if own is not None and support_only(own):  # "配合单位：Y" alone: the group's lead, its own support
                m.responsibility = with_lead(own, r)
                m.lead_units = [u.name for u in m.responsibility.lead]
                m.support_units = [u.name for u in m.responsibility.support]
                given.add(i)
                continue
            # the clause stands in the carrier's text; in the others' it does not (start, end -1)
            update: dict[str, object] = {"inherited": not first}
            if i != k:
                update.update(start=-1, end=-1)
            m.responsibility = r.model_copy(update=update)
            m.lead_units = [u.name for u in r.lead]
            m.support_units = [u.name for u in r.support]
            given.add(i)
            first = False


def _numbered(measures: list[Measure], k: int, group: GroupClause) -> set[int]:
    carrier = measures[k]
    before = [i for i in range(k, -1, -1) if measures[i].document == carrier.document]
    for same in (True, False):
        found: dict[int, int] = {}
        for i in before:  # nearest first
            m = measures[i]
            if same and (m.style != carrier.style or m.depth != carrier.depth):
                continue
            if m.ordinal in group.numbers and m.ordinal not in found:
                found[m.ordinal] = i
        if found:
            return set(found.values())
    return set()


def _unassigned(measures: list[Measure], k: int, given: set[int]) -> set[int]:
    carrier = measures[k]
    out: set[int] = set()
    for i in range(k, -1, -1):
        m = measures[i]
        if m.document != carrier.document or m.path != carrier.path:
            break
        if i in given:
            break  # an earlier group clause's items: the section so far starts after them
        if m.responsibility is None or m.responsibility.source == "chapter" or support_only(m.responsibility):
            out.add(i)
    return out


def _place(carrier: Measure, group: GroupClause, by_index: dict[int, Paragraph]) -> dict[str, int]:
    """Line and column of the clause, in the last of the carrier's paragraphs that holds it."""
    head = group.responsibility.text[:8]
    for j in reversed(carrier.paragraphs):
        p = by_index.get(j)
        if p is not None and head and head in p.text:
            return {"line": p.line, "column": p.column(p.text.rfind(head))}
    return {}
