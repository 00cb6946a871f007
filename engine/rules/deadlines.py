"""When a measure's task is due: comparing two deadlines, and the sentence a deadline stands in.

Read by the deadline kinds (deadline_not_later, deadline_carried) and clause_carried (a timed parent
clause left out weighs more), so all judge "later" and "timed" alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from engine.models import Deadline, Measure, Target
from engine.rules.similarity import sentences


def month_day(d: Deadline) -> str | None:
    """--MM-DD of a recurring deadline (or of a date): what a yearly deadline is compared by."""
    if d.month_day:
        return d.month_day
    if d.date and len(d.date) == 10:
        return "--" + d.date[5:]
    return None


def deadline_later(parent: Deadline, local: Deadline) -> bool | None:
    """True if `local` allows more time than `parent`, False if not, None if they can't be compared
    (a one-off date against a yearly one, a term of office …)."""
    if parent.kind == "recurring" or local.kind == "recurring":
        if parent.kind != local.kind or (parent.recurrence or "") != (local.recurrence or ""):
            return None
        a, b = month_day(parent), month_day(local)
        return None if a is None or b is None else b > a
    if parent.kind == "term" or local.kind == "term" or not parent.date or not local.date:
        return None
    return local.date > parent.date


def timed(d: Deadline) -> bool:
    """A deadline that fixes when something is due (not the plan period)."""
    return d.kind in ("by-date", "recurring")


def all_deadlines(measures: Iterable[Measure]) -> list[tuple[Measure, Deadline]]:
    return [(m, d) for m in measures for d in m.deadlines]


def sentence_of(m: Measure, d: Deadline | Target) -> str:
    """The sentence a deadline or target stands in (the whole text when unknown)."""
    ss = sentences(m)
    if 0 <= d.sentence < len(ss):
        return ss[d.sentence]
    for s in ss:
        if d.text and d.text in s:
            return s
    return m.text
