"""Tiers: a task's responsibility fields qualified by the level of government whose units they name.

A town's plan may print after each item "镇直责任单位：X（牵头）、Y" and "村级责任主体：各村（社区）" on lines of their own,
a county's "县直责任单位：X；乡镇责任主体：各乡镇人民政府": one field per level. Each field alone reads as a duty field
(its units lead jointly, or its marked unit leads), but together the upper tier's field says who leads the task and the
lower tier's bodies carry it out where they are: they support (rulesets/data/tiers.yaml says the rule and its source).

`tier_before(text, pos)` reads the tier word written just before a label at `pos` (the label's own line or part of a
clause); `lower_tiers(tiers, leads)` says which fields step down to support.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from engine.extract.data import read_data
from engine.memo import memo

_PREFIX_MAX = 12  # how far before a label its tier word may start
_PART_START = "\n；;，,。（(【[〔"  # what may stand before a tier word: a line's or a clause part's start


@memo(1, copy="shared")  # the one data file, compiled once
def _tier_words() -> tuple[dict[str, int], re.Pattern[str] | None, int]:
    """(tier word -> rank, a pattern matching a whole qualifier, the lowest rank) of rulesets/data/tiers.yaml."""
    raw = read_data("tiers.yaml") or {}
    ranks: dict[str, int] = {}
    for rank, words in enumerate(raw.get("ranks") or []):
        for w in words or []:
            ranks.setdefault(str(w), rank)
    if not ranks:
        return {}, None, -1
    marks = sorted((str(m) for m in raw.get("marks") or []), key=len, reverse=True)
    words = "|".join(map(re.escape, sorted(ranks, key=len, reverse=True)))
    tail = f"(?:{'|'.join(map(re.escape, marks))})?" if marks else ""
    return ranks, re.compile(f"(?P<tier>{words}){tail}"), max(ranks.values())


def tier_pattern() -> str:
    """A regular expression (no group) matching a whole qualifier (a tier word and its mark), "(?!)" without data."""
    _, pattern, _ = _tier_words()
    return re.sub(r"\(\?P<tier>", "(?:", pattern.pattern) if pattern is not None else "(?!)"


def tier_of(qualifier: str) -> int | None:
    """The rank of `qualifier` when it is wholly a tier word (and its mark): 镇直 → the town's rank, 村级 → the
    village's; None otherwise."""
    ranks, pattern, _ = _tier_words()
    q = qualifier.strip(" \t\u3000")
    m = pattern.fullmatch(q) if pattern is not None and q else None
    return ranks[m.group("tier")] if m else None


def tier_at(text: str, pos: int) -> int | None:
    """Where the tier word that opens `text` at `pos` ends (村级 of "村级责任主体：…"), or None: the label after it is
    then read as the field's (engine/extract/responsibility.py `_other_fields`)."""
    _, pattern, _ = _tier_words()
    m = pattern.match(text, pos) if pattern is not None else None
    return m.end() if m else None


def tier_before(text: str, pos: int) -> tuple[int, int] | None:
    """(rank, start) of the tier word that stands right before the label at `pos`, from the start of its line or
    clause part: "村级责任主体：" → the village's rank and where 村级 starts; None when no such word is there."""
    lo = max(0, pos - _PREFIX_MAX)
    cut = max((text.rfind(c, lo, pos) for c in _PART_START), default=-1)
    start = cut + 1 if cut >= 0 else lo
    if cut < 0 and lo > 0:
        return None  # no line or part starts within reach: the words before are a sentence's
    segment = text[start:pos]
    rank = tier_of(segment)
    if rank is None:
        return None
    return rank, start + len(segment) - len(segment.lstrip(" \t\u3000"))


def lower_tiers(
    tiers: Sequence[int | None], leads: Sequence[bool], marked: Sequence[bool] | None = None
) -> list[bool]:
    """For each field (its tier or None, whether it names a lead, whether it marks a lead of its own among its units:
    "县级责任单位：县财政局（牵头）、县农业农村局"), whether it steps down to support: a tier below another field's
    that names a lead; a field without a tier (the plan's own level) stands above the village tier only. A field
    that marks its own lead steps down below the village tier only: the tier above it may be a higher government's
    ("市级责任单位：市财政局" in a county plan, whose 县级 field is its own), and never takes the lead from it."""
    _, _, lowest = _tier_words()
    out = []
    for i, t in enumerate(tiers):
        if t is None:
            out.append(False)
            continue
        own_lead = bool(marked and marked[i]) and t != lowest
        above = not own_lead and any(
            leads[j] and ((tiers[j] is not None and tiers[j] < t) or (tiers[j] is None and t == lowest))
            for j in range(len(tiers))
            if j != i
        )
        out.append(above)
    return out
