"""A group responsibility clause: one clause after several items that assigns them all
(rulesets/data/group_clauses.yaml).

    3.推行绿色标准化生产。…
    （以上第1—3项任务由区园林绿化局牵头，区农业农村局、各乡镇人民政府配合）

Such a clause ends the text of the last item it covers (parse joins it to that item), but it is not that
item's own clause: `trailing_group_clause` finds it there, `fill_measure` leaves it out of the item's own
facts (its sentences, its own clause), and engine/parse/groupleads.py gives its units to each item it covers.

A clause is a group clause when it opens with a scope pointing back (以上, 上述, 本部分 …), optionally the
numbers of the items (第1—3项, 第1至3项, 第(一)至(三)项, 第1、2项) and what they are (任务, 工作 …), and the rest
reads as a responsibility clause whose leads are bodies (由X牵头，Y配合 / 由X负责 / 责任单位：X、Y). It must
stand at the end of the item's text: a paragraph of its own, bracketed or not ("以上任务由X负责。"); or, when
it names the items by number, a bracket closing the item's last paragraph. "以上任务" inside a paragraph of
an item's own text speaks of that item's tasks, and is that item's clause as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.extract.data import load_lists
from engine.extract.numerals import list_numbers, number_list_pattern
from engine.extract.responsibility import BY_DUTY, is_generic_unit, parse_clause_content, reads_as_unit
from engine.extract.sentences import opener_of, squeeze
from engine.memo import memo
from engine.models import Responsibility, Unit

_FALLBACK = {
    "scopes": ["以上", "上述", "本部分"],
    "item_words": ["项", "条"],
    "ranges": ["-", "—", "至"],
    "joins": ["、", "，"],
    "objects": ["任务", "工作", "措施"],
    "fillers": ["均", "统一"],
}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@dataclass(frozen=True)
class _Data:
    pattern: re.Pattern[str]
    ranges: tuple[str, ...]
    joins: tuple[str, ...]


@memo(1, copy="shared")  # compiled once from the one file
def _data() -> _Data:
    d = load_lists("group_clauses.yaml", _FALLBACK, per_key=True)  # a key left out keeps its fallback
    nums = number_list_pattern(d["ranges"], d["joins"], bracketed=True)
    pattern = re.compile(
        rf"^(?P<scope>{_alt(d['scopes'])})\s*(?:各项|所列|列|的|各)?\s*"
        rf"(?:第?\s*{nums}\s*(?:{_alt(d['item_words'])}))?\s*"
        rf"(?P<object>{_alt(d['objects'])})?\s*(?:(?:{_alt(d['fillers'])})\s*)*"
        r"[:：，,]?\s*(?P<rest>.+)$"
    )
    return _Data(pattern, tuple(d["ranges"]), tuple(d["joins"]))


@dataclass(frozen=True)
class GroupClause:
    """A group clause at the end of a measure's text: its span there, the numbers of the items it names
    (() for 以上任务 / 上述任务 / 本部分任务: the items of the section so far that name no unit), and what it
    assigns (source "chapter": its text is the clause, not the covered item's text)."""

    start: int
    end: int
    numbers: tuple[int, ...]
    bracketed: bool
    responsibility: Responsibility


def numbers_of(text: str) -> tuple[int, ...]:
    """1—3 -> (1, 2, 3); (一)至(三) -> (1, 2, 3); 1、2 -> (1, 2); () when a piece is no number."""
    d = _data()
    return list_numbers(text, d.ranges, d.joins)


def _read(content: str) -> tuple[tuple[int, ...], Responsibility] | None:
    """(numbers, what it assigns) of a clause's inside, or None when it is no group clause."""
    flat = squeeze(content).rstrip("。.；;")
    m = _data().pattern.match(flat)
    if m is None:
        return None
    numbers = numbers_of(m.group("nums")) if m.group("nums") else ()
    if m.group("nums") and not numbers:
        return None
    rest = m.group("rest")
    if not (numbers or m.group("object") or rest.startswith("由")):
        return None  # 以上N项…: a count, not a scope; "以上" alone must hand the items over (以上由X负责)
    parsed = parse_clause_content(rest[1:] if rest.startswith("由") else rest)
    if not parsed or not parsed[0]:
        return None
    lead, support, style = parsed
    if not all(reads_as_unit(n) and "由" not in n for n in (*lead, *support)):
        return None
    r = Responsibility(
        lead=tuple(Unit(name=n, generic=is_generic_unit(n)) for n in lead),
        support=tuple(Unit(name=n, generic=is_generic_unit(n)) for n in support),
        style=style,
        text="",
        detached=True,
        by_duty=bool(BY_DUTY.search(flat)),
        source="chapter",
    )
    return numbers, r


def speaks_of_items(text: str) -> str | None:
    """The rest of `text` after a scope pointing back at the items and what they are (上述任务的牵头单位…详见附件,
    以上各项措施要…: `scopes`, then `objects`), when `text` opens so and is no group clause (it assigns no unit: a
    "（上述任务由X负责）" stays the clause of the items it covers); else None."""
    flat = squeeze(text).rstrip("。.；;")
    m = _data().pattern.match(flat)
    if m is None or not m.group("object") or _read(text) is not None:
        return None
    return m.group("rest")


def _closing_bracket(para: str) -> tuple[int, int] | None:
    """(start, end) of the bracket that closes `para` ("…。（以上第（一）至（三）项…）"), brackets inside it
    matched, or None."""
    end = len(para.rstrip().rstrip("。."))
    start = opener_of(para, end)
    return None if start is None else (start, end)


@memo(4096, copy="shared")  # frozen facts of a text: a measure's text is read by fill and by parse
def trailing_group_clause(text: str) -> GroupClause | None:
    """The group clause that ends `text`, or None (module docstring)."""
    body = text.rstrip()
    if not body:
        return None
    nl = body.rfind("\n")
    para_start = nl + 1
    para = body[para_start:]
    lead_ws = len(para) - len(para.lstrip())
    span = _closing_bracket(para)
    if span is not None:
        whole = span[0] == lead_ws  # the bracket is the whole paragraph
        if whole and nl < 0:
            return None  # nothing before it: no item of its own to follow
        got = _read(para[span[0] + 1 : span[1] - 1])
        if got is None or not (whole or got[0]):
            return None
        start, end = para_start + span[0], para_start + span[1]
        bracketed = True
    else:
        if nl < 0:
            return None
        got = _read(para)
        if got is None:
            return None
        start, end = para_start + lead_ws, len(body)
        bracketed = False
    numbers, r = got
    clause = text[start:end].rstrip()
    r = r.model_copy(update={"text": clause, "start": start, "end": start + len(clause),
                             "bracket": "（）" if bracketed else ""})  # fmt: skip
    return GroupClause(start, start + len(clause), numbers, bracketed, r)
