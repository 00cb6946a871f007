"""A clause that points at another measure's units ("（责任分工同第（五）项）", "（责任单位同上）", "（同第5项）").

A measure may close, instead of its own responsibility clause, with a bracket saying its division of labour is that
of another measure (rulesets/data/clause_pointers.yaml holds the words). `apply` runs after every measure is read
(its own clause, a group clause, a responsibility list): each pointing measure with no clause of its own takes the
lead and support units of the measure pointed at, the pointer being its clause (its text, its place; cut from the
measure's sentences, as a clause is). The measure pointed at:

- numbered (同第（五）项, 同（三）, 同第5项): the nearest measure numbered so of the same numbering (style and depth)
  as the pointing one, before it first, then after it; else of any numbering;
- 同上 / 同前: the nearest measure before it of the same numbering.

A measure pointed at that points on is followed ((六)→(五)→(四): the first one naming units of its own); a pointer to
no measure, to itself, or round a cycle gives nothing, and the measure stays without units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.extract.data import load_lists
from engine.extract.numerals import ITEM_NUMBER, to_int
from engine.extract.responsibility import BRACKET_NAMES, CLAUSE_LABELS
from engine.extract.sentences import opener_of, squeeze
from engine.memo import memo
from engine.models import Measure, Paragraph, Responsibility
from engine.roles import roles

_FALLBACK = {
    "labels": ["分工"],
    "same": ["同"],
    "alike": ["与"],
    "alike_end": ["相同"],
    "previous": ["上", "前"],
    "item_words": ["项", "条"],
    "fillers": ["均"],
}
_OPEN, _CLOSE = "(（[［【〔", ")）]］】〕"


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@memo(1, copy="shared")  # compiled once from the one file
def _pattern() -> re.Pattern[str]:
    d = load_lists("clause_pointers.yaml", _FALLBACK, per_key=True)  # a key left out keeps its fallback
    label = f"(?:{roles().field_pattern()}|{_alt([*CLAUSE_LABELS, *d['labels']])})"
    num = rf"(?:第\s*)?(?P<num>[(（]?\s*{ITEM_NUMBER}\s*[)）]?)\s*(?:{_alt(d['item_words'])})?"
    return re.compile(
        rf"^(?:{label}(?:\s*[和及与、/]\s*{label})*)?\s*[:：]?\s*(?:{_alt(d['fillers'])})?\s*"
        rf"(?:(?P<same>{_alt(d['same'])})|{_alt(d['alike'])})\s*(?:(?P<prev>{_alt(d['previous'])})|{num})"
        rf"\s*(?P<end>{_alt(d['alike_end'])})?"
        r"\s*[。.]?$"
    )


@dataclass(frozen=True)
class Pointer:
    """A pointer clause closing a measure's text: its span there, and the number of the measure it names (None:
    the measure before, 同上)."""

    start: int
    end: int
    number: int | None


def trailing_pointer(text: str) -> Pointer | None:
    """The pointer clause that closes `text` (a whole bracket, trailing stops aside), or None."""
    end = len(text.rstrip(" \t\n。.；;"))
    start = opener_of(text, end, _OPEN, _CLOSE) if end >= 2 else None  # brackets inside: 第（五）项
    if start is None:
        return None
    m = _pattern().match(squeeze(text[start + 1 : end - 1]))
    if m is None or (m.group("same") is None) == (m.group("end") is None):
        return None  # 同第5项 / 与第5项相同: a `same` word alone, an `alike` word with its end
    if m.group("prev"):
        return Pointer(start, end, None)
    n = to_int(re.sub(r"[(（)）\s]", "", m.group("num")))
    return Pointer(start, end, n) if n else None


def _target(measures: list[Measure], i: int, number: int | None) -> int | None:
    """The index of the measure a pointer of measure `i` names, or None."""
    me = measures[i]
    same_doc = [j for j in range(len(measures)) if measures[j].document == me.document and not measures[j].general]

    def alike(j: int) -> bool:
        return measures[j].style == me.style and measures[j].depth == me.depth

    if number is None:  # 同上: the one before, of the same numbering
        return next((j for j in reversed(same_doc) if j < i and alike(j)), None)
    for same in (True, False):
        before = [j for j in reversed(same_doc) if j < i and measures[j].ordinal == number and (alike(j) or not same)]
        after = [j for j in same_doc if j > i and measures[j].ordinal == number and (alike(j) or not same)]
        if before or after:
            return (before or after)[0]
    return None


def _own_clause(m: Measure, p: Pointer) -> bool:
    """The measure names units of its own: a clause of its own that is not the pointer (a labelled pointer,
    "（责任单位同上）", reads as a field whose value names "同上"; it is the pointer all the same)."""
    own = m.responsibility
    if own is None or own.source != "clause":
        return False
    return not (own.start == p.start and own.end == p.end) and squeeze(own.text) != squeeze(m.text[p.start : p.end])


def _units_of(measures: list[Measure], pointing: dict[int, Pointer], i: int) -> Responsibility | None:
    """The responsibility measure `i`'s pointer leads to, following pointers on, or None (no measure, itself, a
    cycle, or a measure naming no units)."""
    seen = {i}
    j: int | None = i
    while j is not None and j in pointing:
        j = _target(measures, j, pointing[j].number)
        if j is None or j in seen:
            return None
        seen.add(j)
    r = measures[j].responsibility if j is not None else None
    return r if r is not None and (r.lead or r.support) else None


def apply(measures: list[Measure], paras: list[Paragraph]) -> None:
    """Give each measure whose text closes with a pointer clause (and that has no clause of its own) the units of
    the measure it points at; all pointers read first, then resolved against the measures' own units."""
    pointing: dict[int, Pointer] = {}
    for i, m in enumerate(measures):
        p = None if m.general else trailing_pointer(m.text or "")
        if p is not None and not _own_clause(m, p):
            pointing[i] = p
    found = {i: _units_of(measures, pointing, i) for i in pointing}
    by_index = {p.index: p for p in paras}
    for i, r in found.items():
        m, p = measures[i], pointing[i]
        if r is None:
            if m.responsibility is not None and m.responsibility.source == "clause":
                m.responsibility, m.lead_units, m.support_units = None, [], []  # "同上" is no unit's name
            continue
        text = m.text[p.start : p.end]
        place = _place(m, text, by_index)
        m.responsibility = r.model_copy(
            update={"text": text, "start": p.start, "end": p.end, "bracket": BRACKET_NAMES.get(text[0], ""),
                    "source": "clause", "clauses": (), "inherited": False, "detached": False, **place}
        )  # fmt: skip
        m.lead_units = [u.name for u in r.lead]
        m.support_units = [u.name for u in r.support]
        if m.sentences and squeeze(m.sentences[-1].text) == squeeze(text):
            m.sentences = m.sentences[:-1]  # the pointer is a clause, no sentence of the task


def _place(m: Measure, text: str, by_index: dict[int, Paragraph]) -> dict[str, int]:
    """Line and column of the pointer clause, in the last of the measure's paragraphs that holds it."""
    for j in reversed(m.paragraphs):
        p = by_index.get(j)
        if p is not None and text in p.text:
            return {"line": p.line, "column": p.column(p.text.rfind(text))}
    return {"line": m.line, "column": m.column} if m.line else {}
