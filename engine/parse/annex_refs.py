"""An attachment whose entries name the body's measure each stands for, and give it its units.

A plan may number its measures with no unit beside them and send the reader to an attachment — a 任务分工表 or a
责任清单 set as lines — whose entries point back at those measures by their numbers:

    附件2 重点任务分工表（Word table）  序号 | 对应任务 | 任务名称 | 牵头单位 | 配合单位 | 完成时限
                                         3  | 二（三）  | 提升精深加工水平 | 省工业和信息化厅 | …
    附件 任务分工表（pasted, tabs）      序号 | 对应任务 | 分管领导 | 责任单位 | …      3 | 第3项 | … | X（牵头）、Y
    附件 重点任务责任清单（lines）        1．增殖放流（对应第二部分第（一）项）
                                          牵头单位：X
                                          配合单位：Y、Z

Such an attachment restates the body: its entries are no measures (`restates`, read where the parser finds where the
attachments begin), and each gives the measure it names the units it names (`apply`), unless that measure names its
own. The pointer (rulesets/data/assignment_lists.yaml `back_references`) is either the first words of an entry's task
text, after the row's own number ("二（三）", "第3项"), or a bracket after its title ("（对应第二部分第（一）项）"); the
units are those of the entry's own line and of the field lines below it (牵头单位：… / 配合单位：…) up to the next entry.
The measure named: the one of that number under the body's part of that number, where the pointer names the part
(二（三）, 第二部分第（三）项), else the one measure of the body with that number. A pointer naming no such measure, and
two entries naming one measure, give nothing: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine import extract
from engine.extract.data import read_data
from engine.extract.numerals import ITEM_NUMBER, to_int
from engine.memo import memo
from engine.models import Measure, Paragraph, Responsibility
from engine.parse import closing as closings
from engine.parse.numbering import Marker

_FALLBACK_FORMS = [
    r"(?P<part>{part})\s*[、.．]?\s*[(（]\s*(?P<item>{num})\s*[)）]",
    r"第\s*(?P<item>{num})\s*项",
]
_FALLBACK_BRACKETED = [
    r"对应\s*(?:任务|正文|方案|本方案)?\s*(?:第\s*(?P<part>{part})\s*(?:部分|章|大项)\s*)?第?\s*[(（]?\s*(?P<item>{num})\s*[)）]?"
    r"\s*(?:项|条)",
    r"对应\s*(?:任务|正文|方案|本方案)?\s*(?P<part>{part})\s*[、.．]?\s*[(（]\s*(?P<item>{num})\s*[)）]",
]
_ROW_NUMBER = r"^\s*(?:[0-9]{1,3}\s*[.．、]?\s*)?"
_PART = "[一二三四五六七八九十]{1,3}"  # a part of the body is numbered in words: 二、主要任务
_FIELD_LINE = re.compile(r"^[^\s:：，,。；;（(]{2,8}\s*[:：]")  # 牵头单位：X / 完成时限：Y under an entry's line


@dataclass(frozen=True)
class _Data:
    opening: tuple[re.Pattern[str], ...]  # at the start of the entry's task text, after the row's number
    inside: tuple[re.Pattern[str], ...]  # anywhere in the entry's first line


@memo(1, copy="shared")  # compiled once from the one file
def _data() -> _Data:
    raw = (read_data("assignment_lists.yaml") or {}).get("back_references") or {}
    opening = [str(f) for f in raw.get("opening") or _FALLBACK_FORMS]
    inside = [str(f) for f in raw.get("inside") or _FALLBACK_BRACKETED]
    return _Data(
        tuple(re.compile(_ROW_NUMBER + f.replace("{num}", ITEM_NUMBER).replace("{part}", _PART)) for f in opening),
        tuple(re.compile(f.replace("{num}", ITEM_NUMBER).replace("{part}", _PART)) for f in inside),
    )


@dataclass(frozen=True)
class Pointer:
    para: int
    part: int | None  # 二 of 二（三） / 第二部分第（三）项: the body's part the measure stands under
    item: int


def pointer(text: str) -> tuple[int | None, int] | None:
    """(part, item) an entry's line points back at, or None."""
    d = _data()
    text = text.strip()
    m = next((m for f in d.opening if (m := f.match(text))), None)
    if m is None:
        first = text.split("\n", 1)[0]
        m = next((m for f in d.inside if (m := f.search(first))), None)
    if m is None:
        return None
    item = to_int(m.group("item"))
    part = to_int(m.group("part")) if "part" in m.re.groupindex and m.group("part") else None
    return (part, item) if item else None


def pointers(paras: list[Paragraph], start: int) -> list[Pointer]:
    """The entries from `start` on that point back at a measure."""
    out: list[Pointer] = []
    for k in range(start, len(paras)):
        got = pointer(paras[k].text)
        if got is not None:
            out.append(Pointer(k, *got))
    return out


def restates(paras: list[Paragraph], markers: list[Marker | None], first: int, k: int, end: int | None = None) -> bool:
    """The attachment headed at `k` (up to `end`, where the next attachment begins) is one whose entries point back at
    the body's measures: at least two of them, more than the attachment's numbered lines that point nowhere, each
    naming a number the body numbers an item with."""
    stop = len(paras) if end is None else end
    found = [p for p in pointers(paras, k) if p.para < stop]
    if len(found) < 2:
        return False
    at = {p.para for p in found}
    others = sum(1 for j in range(k, stop) if markers[j] is not None and j not in at)
    body = {mk.ordinal for mk in markers[first:k] if mk is not None}
    if len(found) <= others or not all(p.item in body for p in found):
        return False
    assigned = sum(1 for p in found if _units(paras, p.para, at) is not None)
    return 2 * assigned > len(found)  # most entries name units: a 分工表, not a list that only cites the items


def _entry_text(paras: list[Paragraph], k: int, ends: set[int]) -> str:
    """The entry's line and the field lines below it (牵头单位：X / 配合单位：Y), up to the next entry."""
    texts = [paras[k].text]
    for j in range(k + 1, len(paras)):
        t = paras[j].text.strip()
        if j in ends or not _FIELD_LINE.match(t) or closings.is_firm(t):
            break
        texts.append(t)
    return "\n".join(texts)


def _units(paras: list[Paragraph], k: int, ends: set[int]) -> Responsibility | None:
    """What the entry at `k` assigns (its line and its field lines), where it names a lead."""
    got = extract.find_responsibility(_entry_text(paras, k, ends))
    return got.responsibility if got is not None and got.responsibility.lead else None


def _part_of(m: Measure) -> int | None:
    """The number of the body's top part the measure stands under (二 of 二、主要任务), or None."""
    if not m.path:
        return None
    return to_int(re.sub(r"[^0-9一二三四五六七八九十百两]", "", m.path[0]) or "")


def _named(p: Pointer, measures: list[Measure]) -> Measure | None:
    same = [m for m in measures if m.ordinal == p.item and (p.part is None or _part_of(m) == p.part)]
    return same[0] if len(same) == 1 else None


def apply(measures: list[Measure], paras: list[Paragraph], start: int) -> None:
    """Each measure above `start` named by one entry of the attachment from `start` on takes the entry's units,
    unless it names its own."""
    top = paras[start].line
    items = [m for m in measures if not m.general and m.parent_measure is None and m.line < top]
    found = pointers(paras, start)
    named: dict[int, list[tuple[Pointer, Measure]]] = {}
    for p in found:
        m = _named(p, items)
        if m is not None:
            named.setdefault(id(m), []).append((p, m))
    ends = {p.para for p in found}
    for pairs in named.values():
        if len(pairs) != 1:
            continue  # two entries for one measure: neither is trusted
        p, m = pairs[0]
        if m.responsibility is not None:
            continue  # the measure's own clause (or a list's) wins
        r = _units(paras, p.para, ends)
        if r is None:
            continue
        para = paras[p.para]
        m.responsibility = r.model_copy(update={"start": -1, "end": -1, "line": para.line, "column": para.column(0)})
        m.lead_units = [u.name for u in r.lead]
        m.support_units = [u.name for u in r.support]
