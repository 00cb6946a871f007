"""A clause that points at another measure's units ("（责任分工同第（五）项）", "（责任单位同上）", "（同第5项）"), or at
several measures' ("（责任单位：同第3、4项）", "（同第（一）至（三）项）").

A measure may close, instead of its own responsibility clause, with a bracket saying its division of labour is that
of another measure (rulesets/data/clause_pointers.yaml holds the words). `apply` runs after every measure is read
(its own clause, a group clause, a responsibility list): each pointing measure with no clause of its own takes the
lead and support units of the measure pointed at, the pointer being its clause (its text, its place; cut from the
measure's sentences, as a clause is). The measure pointed at:

- numbered (同第（五）项, 同（三）, 同第5项): the nearest measure numbered so of the same numbering (style and depth)
  as the pointing one, before it first, then after it; else of any numbering;
- 同上 / 同前: the nearest measure before it of the same numbering;
- several numbers (同第3、4项, 同第（一）至（三）项, 同第1项至第3项): each of them, found as one number is.

A measure pointed at that points on is followed ((六)→(五)→(四): the first one naming units of its own). A measure
pointed at that names no units of its own but heads a list of sub-items that do (2.（责任单位：同上） after 1. whose
（1）（2） each close with their units) gives the units of that list; so does a heading of the pointing measure's own
level over such a list, which the parser reads as a heading, not a measure (engine/parse/tree.py `_group_headings`):
同上 right after it names the list. A pointer to no measure, to itself, or round a
cycle gives nothing, and the measure stays without units; so does a pointer to several measures one of which gives
nothing (a half-resolved pointer would hide the broken one from the lead-unit checks).

Several measures pointed at: where they name the same units (the usual case, "同第3、4项" of two measures sharing
one division of labour), those units, as one would read them; where they differ, the union in order of the measures
pointed at, every lead before every support (a unit leading one and supporting another leads: `union_of`), and the
leads share the task by duty (`by_duty`, as a measure of several clauses does): the measure pointing covers what
each of those measures covers, each under its own lead. Not the intersection: a unit of one measure only still
answers for its part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.extract.data import load_lists
from engine.extract.numerals import ITEM_NUMBER, list_numbers
from engine.extract.responsibility import BRACKET_NAMES, CLAUSE_LABELS, union_of
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
    "ranges": ["至", "到", "-", "—", "～"],
    "joins": ["、", "，", "和", "及"],
}
_OPEN, _CLOSE = "(（[［【〔", ")）]］】〕"


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@memo(1, copy="shared")  # compiled once from the one file
def _pattern() -> re.Pattern[str]:
    d = load_lists("clause_pointers.yaml", _FALLBACK, per_key=True)  # a key left out keeps its fallback
    label = f"(?:{roles().field_pattern()}|{_alt([*CLAUSE_LABELS, *d['labels']])})"
    one = rf"(?:第\s*)?[(（]?\s*{ITEM_NUMBER}\s*[)）]?\s*(?:{_alt(d['item_words'])})?"
    # one number, or several: listed (第3、4项, 第（一）（二）项) or a range (第（一）至（三）项, 第1项至第3项)
    num = rf"(?P<num>{one}(?:\s*(?:{_alt([*d['ranges'], *d['joins']])})\s*{one}|\s*(?<=[)）])(?=[(（]){one})*)"
    return re.compile(
        rf"^(?:{label}(?:\s*[和及与、/]\s*{label})*)?\s*[:：]?\s*(?:{_alt(d['fillers'])})?\s*"
        rf"(?:(?P<same>{_alt(d['same'])})|{_alt(d['alike'])})\s*(?:(?P<prev>{_alt(d['previous'])})|{num})"
        rf"\s*(?P<end>{_alt(d['alike_end'])})?"
        r"\s*[。.]?$"
    )


@memo(1, copy="shared")  # read once from the one file
def _number_words() -> tuple[list[str], list[str], list[str]]:
    """(ranges, joins, item words) of rulesets/data/clause_pointers.yaml."""
    d = load_lists("clause_pointers.yaml", _FALLBACK, per_key=True)
    return list(d["ranges"]), list(d["joins"]), list(d["item_words"])


def _numbers(text: str) -> tuple[int, ...]:
    """The numbers a pointer's number list names, in order, each once: "第3、4项" -> (3, 4), "第（一）至（三）项" ->
    (1, 2, 3), "第1项至第3项" -> (1, 2, 3); () where a piece is no number or no range of items."""
    ranges, joins, words = _number_words()
    text = re.sub(rf"(?:{_alt(words)})", "", text)  # 第1项至第3项: the item word after each number
    text = re.sub(r"[(（]\s*([^()（）]*?)\s*[)）]\s*(?=[(（])", rf"(\1){joins[0] if joins else '、'}", text)  # （一）（二）
    return list_numbers(text, ranges, joins)


@dataclass(frozen=True)
class Pointer:
    """A pointer clause closing a measure's text: its span there, and the numbers of the measures it names (none:
    the measure before, 同上)."""

    start: int
    end: int
    numbers: tuple[int, ...] = ()


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
        return Pointer(start, end)
    numbers = _numbers(m.group("num"))
    return Pointer(start, end, numbers) if numbers else None


def _target(measures: list[Measure], i: int, number: int | None) -> int | None:
    """The index of the measure a pointer of measure `i` names by `number` (None: 同上), or None."""
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


def _names(r: Responsibility | None) -> bool:
    return r is not None and bool(r.lead or r.support)


def _merged(found: list[Responsibility]) -> Responsibility:
    """The units of several measures pointed at: theirs where they are the same, else their union, leads first
    (the module's docstring says why)."""
    first = found[0]
    key = lambda r: ([u.name for u in r.lead], [u.name for u in r.support])  # noqa: E731
    if all(key(r) == key(first) for r in found[1:]):
        return first
    lead, support = union_of(found)
    return first.model_copy(update={"lead": lead, "support": support, "by_duty": True})


def _units_of(measures: list[Measure], pointing: dict[int, Pointer], i: int, seen: frozenset[int]) -> Responsibility | None:
    """The responsibility measure `i` gives a pointer naming it, or None: its own units; those its pointer leads to,
    followed on (none for no measure, itself, a cycle); or, naming none, those of the sub-items it heads."""
    if i in seen:
        return None
    seen = seen | {i}
    p = pointing.get(i)
    if p is not None and not p.numbers and (listed := _heading_above(measures, i)):
        # 同上 right after a heading of its own numbering over a list (7. over its （1）（2）): the list's units
        subs = [_units_of(measures, pointing, j, seen) for j in listed]
        named = [s for s in subs if _names(s)]
        return _merged(named) if named else None  # type: ignore[arg-type]
    if p is not None:
        targets = [_target(measures, i, n) for n in p.numbers] if p.numbers else [_target(measures, i, None)]
        found = [None if j is None else _units_of(measures, pointing, j, seen) for j in targets]
        return _merged(found) if found and all(_names(r) for r in found) else None  # type: ignore[arg-type]
    r = measures[i].responsibility
    if _names(r):
        return r
    # a heading over a list: 1. whose （1）（2） close with their units
    subs = [_units_of(measures, pointing, j, seen) for j in _sub_items(measures, i)]
    named = [s for s in subs if _names(s)]
    return _merged(named) if named else None  # type: ignore[arg-type]


def _heading_above(measures: list[Measure], i: int) -> list[int]:
    """The indexes of the measures right above measure `i` that stand under one heading of `i`'s own level (7. over
    its （1）（2）, a heading since its items are the measures: `i`'s path and that heading's label), or []: the
    measure right above `i` is of its own level or under no such heading."""
    me = measures[i]
    depth = len(me.path)
    out: list[int] = []
    for j in range(i - 1, -1, -1):
        m = measures[j]
        if m.document != me.document or len(m.path) <= depth or m.path[:depth] != me.path:
            break
        if out and m.path[depth] != measures[out[-1]].path[depth]:
            break
        out.append(j)
    return out[::-1]


def _sub_items(measures: list[Measure], i: int) -> list[int]:
    """The indexes of the sub-items measure `i` heads: those right after it whose enclosing measure it is."""
    me = measures[i]
    out: list[int] = []
    for j in range(i + 1, len(measures)):
        m = measures[j]
        if m.document != me.document or m.depth <= me.depth:
            break
        if m.parent_measure == me.label and m.depth == me.depth + 1:
            out.append(j)
    return out


def apply(measures: list[Measure], paras: list[Paragraph]) -> None:
    """Give each measure whose text closes with a pointer clause (and that has no clause of its own) the units of
    the measure it points at; all pointers read first, then resolved against the measures' own units."""
    pointing: dict[int, Pointer] = {}
    for i, m in enumerate(measures):
        p = None if m.general else trailing_pointer(m.text or "")
        if p is not None and not _own_clause(m, p):
            pointing[i] = p
    found = {i: _units_of(measures, pointing, i, frozenset()) for i in pointing}
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
