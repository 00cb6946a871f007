"""A responsibility list that gives the plan's items their units (rulesets/data/assignment_lists.yaml).

Plans whose measures name no units in their own text may close with a list mapping item numbers to
units ("四、任务分工 / 第1项：X牵头，Y、Z配合。 / 第2、3项：… / 第4-6项：…"), or carry it as an
attachment. `find` reads such a list: lines that are nothing but the numbers of items (one, a range or
several), an optional task title before a colon, and one responsibility clause. A list must stand under
its heading (任务分工, 责任分工 …) or, when its lines are numbering of no item (第N项), run over
`min_lines` lines. Its lines are no items of the plan (parse takes their numbering away) and no
measure's text; `apply` gives each numbered measure the units of its line, unless the measure has a
clause of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine import extract
from engine.extract.data import read_data
from engine.extract.numerals import ITEM_NUMBER, list_numbers, number_list_pattern
from engine.memo import memo
from engine.models import Measure, Paragraph, Responsibility, Unit
from engine.parse.numbering import ENTRY_STYLE, Marker
from engine.roles import roles

_TITLE_MAX = 40  # a task title before the colon: "（7）织密社区安全防线：…"
_UNITS_MAX = 80  # the units before the colon of a line keyed by unit: "市委社会工作部、市民政局：…"


@dataclass(frozen=True)
class _Data:
    key: re.Pattern[str]
    heading_max: int
    headings: tuple[str, ...]
    forms: tuple[re.Pattern[str], ...]
    ranges: tuple[str, ...]
    joins: tuple[str, ...]
    min_lines: int
    divisions: tuple[str, ...]  # item words naming a division the plan heads (第六节　X): 节
    words: tuple[str, ...]  # every item word, the divisions' included
    # a line keyed by unit: (units before the colon, the parts after it); a part's role word and the numbers
    by_unit: re.Pattern[str]
    part: re.Pattern[str]
    items: re.Pattern[str]
    lead_words: frozenset[str]
    support_words: frozenset[str]


@memo(1, copy="shared")  # compiled once from the one file
def _data() -> _Data:
    raw = read_data("assignment_lists.yaml") or {}  # a key left out (or the file) takes the default below
    divisions = tuple(str(w) for w in raw.get("divisions") or ())
    words = [*(str(w) for w in raw.get("item_words") or ["项", "条"]), *divisions]
    ranges = tuple(str(w) for w in raw.get("ranges") or ["-", "至"])
    joins = tuple(str(w) for w in raw.get("joins") or ["、", "，"])
    # a number may stand in brackets: 第（一）至（三）项, （一）至（二）项 (the plan's own （一）…（六）)
    nums = number_list_pattern(ranges, joins, bracketed=True)
    forms = raw.get("forms") or [r"第\s*{nums}\s*(?:{words})"]
    compiled = tuple(
        re.compile(
            str(f)
            .replace("{nums}", nums)
            .replace("{num}", rf"(?P<nums>{ITEM_NUMBER})")
            .replace("{words}", "(?P<word>" + "|".join(re.escape(w) for w in words) + ")")
        )
        for f in forms
    )
    by_unit = raw.get("by_unit") or {}
    r = roles()
    lead = {*r.lead_verbs, *r.paired_verbs, *r.bare_lead, *(str(w) for w in by_unit.get("lead") or ())}
    support = {*r.support_verbs, *r.bare_support, *(str(w) for w in by_unit.get("support") or ())}
    joint = f"(?:{_alt(r.joint_words)})?"
    bracketed = number_list_pattern(ranges, joins, bracketed=True)
    # one 第…项 (a number, a range or a list), and several of them joined: 第1项和第3项
    items = (
        rf"第\s*{bracketed}\s*(?:{'|'.join(re.escape(w) for w in words)})(?:{_alt(by_unit.get('objects') or ())})?"
    )
    part = re.compile(
        rf"(?:{_alt(by_unit.get('openers') or ())})?{joint}(?P<role>{_alt([*lead, *support])}){joint}"
        rf"(?P<items>{items.replace('?P<nums>', '?:')}(?:\s*(?:{_alt(joins)})\s*{items.replace('?P<nums>', '?:')})*)"
    )
    # where an entry of a list may begin inside a paragraph of several ("第1—3项由X牵头，Y配合；第4项由Z负责"): an item's
    # number before the item word, 第 before it or the number bracketed (（一）至（二）项)
    key = re.compile(rf"(?:第\s*{nums}|(?=[(（]){nums})\s*(?:{'|'.join(re.escape(w) for w in words)})".replace("?P<nums>", "?:"))
    return _Data(
        key=key,
        heading_max=int(raw.get("heading_max") or 30),
        headings=tuple(str(w) for w in raw.get("headings") or ["任务分工", "责任分工"]),
        forms=compiled,
        ranges=ranges,
        joins=joins,
        min_lines=int(raw.get("min_lines") or 2),
        divisions=divisions,
        words=tuple(words),
        by_unit=re.compile(rf"(?P<units>[^:：。；;，,]{{2,{_UNITS_MAX}}}?)\s*[:：]\s*(?P<rest>.+)"),
        part=part,
        items=re.compile(items),
        lead_words=frozenset(lead),
        support_words=frozenset(support),
    )


def _alt(words) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@dataclass(frozen=True)
class Entry:
    para: int
    numbers: tuple[int, ...]
    responsibility: Responsibility
    # a line keyed by unit gives one entry for the items it leads and one for those it supports: an item takes the
    # units of every such entry naming it, in order (the item-keyed entries name all of an item's units at once)
    by_unit: bool = False
    # the division the line names its items by ("第六节由X牵头": 节), matched only to the measures the plan heads so
    # (第六节　加快…); "" for items counted (第6项)
    division: str = ""


@dataclass(frozen=True)
class Listing:
    """The lines of the list (and the headings above them) and what each line assigns."""

    entries: tuple[Entry, ...]
    headings: tuple[int, ...]
    loose: tuple[int, ...] = ()  # lines of the list whose clause could not be read: they assign nothing

    @property
    def paras(self) -> set[int]:
        return {e.para for e in self.entries} | set(self.headings) | set(self.loose)

    @property
    def start(self) -> int:
        return min(self.paras)


def _numbers(text: str) -> tuple[int, ...]:
    """1、2 -> (1, 2); 1-3 -> (1, 2, 3); 1至3、5 -> (1, 2, 3, 5); () when a piece is no number."""
    d = _data()
    return list_numbers(text, d.ranges, d.joins)


def _whole_clause(text: str) -> Responsibility | None:
    """The clause `text` is nothing but (trailing stops aside), or None."""
    found = extract.find_responsibility(text)
    if found is None or found.start > 0 or text[found.end :].strip(" 。.；;，,"):
        return None
    r = found.responsibility
    if not r.lead or any(c in u.name for u in (*r.lead, *r.support) for c in ":："):
        return None  # "完善养老服务：X" read as one name: the title runs into the units
    return r


# numbers in brackets set side by side before the item word: （五）（六）项, 第（二）（三）项 (a list without its 、)
_SIDE_BY_SIDE = re.compile(rf"^(第\s*)?((?:[(（]\s*{ITEM_NUMBER}\s*[)）]\s*){{2,}})(?=项|条|点)")
_BRACKETED = rf"[(（]?\s*{ITEM_NUMBER}\s*[)）]?"


def _joined(text: str) -> str:
    """`text` with its leading item numbers written as one list: 、 between bracketed numbers set side by side
    (（五）（六）项 -> （五）、（六）项), and the item word said once where each number has its own (第1项、第3项 -> 第1、3项;
    第（一）项至第（三）项 -> 第（一）至（三）项)."""
    m = _SIDE_BY_SIDE.match(text)
    if m is not None:
        nums = re.sub(r"(?<=[)）])\s*(?=[(（])", "、", m.group(2).rstrip())
        text = (m.group(1) or "") + nums + text[m.end() :]
    again = _number_patterns()[0]
    while (m := again.match(text)) is not None:
        text = m.group(1) + m.group(2) + text[m.end() :]
    return text


@memo(1, copy="shared")  # compiled once from the one file
def _number_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the item word said again before the next number, 第1项、第3项; what goes on with the numbers before a
    colon, 至（二）项) — `_joined` and `_goes_on`, built from the file's range and join words."""
    d = _data()
    links = _alt([*d.ranges, *d.joins])
    words = _alt(d.words)  # 第1项、第3项; 第五节、第六节
    again = re.compile(
        rf"^(第\s*{_BRACKETED}(?:\s*(?:{links})\s*{_BRACKETED})*)\s*(?:{words})\s*"
        rf"({links})\s*(?=第\s*{_BRACKETED}\s*(?:{words}))第"
    )
    return again, re.compile(rf"\s*(?:{links}|[(（]\s*{ITEM_NUMBER}\s*[)）])")


def _goes_on(title: str) -> bool:
    """What stands before the colon goes on with the numbers, no task title: "至（二）项", "、（三）项", "（六）项"."""
    return _number_patterns()[1].match(title) is not None


def _clause_of(rest: str) -> Responsibility | None:
    """The clause `rest` is, read as a line keyed by item reads it: "由X负责" there assigns X the item, as "由X牵头"
    does (in running text "由X负责" alone names no one's role, engine/extract/responsibility.py)."""
    r = _whole_clause(rest)
    if r is None and rest.startswith("由") and not rest.startswith("由于"):
        r = _whole_clause(rest[1:])
    return r


_Got = tuple[tuple[int, ...], Responsibility, str]  # item numbers, clause, the division named (节) or ""


def _entry(text: str) -> _Got | None:
    """(item numbers, clause, division word) of a list line, or None."""
    text = _joined(text.strip())
    for form in _data().forms:
        m = form.match(text)
        if m is None:
            continue
        numbers = _numbers(m.group("nums"))
        if not numbers:
            continue
        rest = text[m.end() :].lstrip(" \t:：，,、.．")
        r = _clause_of(rest)
        if r is None:  # a task title before the colon: "织密社区安全防线：X牵头，Y配合"
            colon = min((i for i in (rest.find("："), rest.find(":")) if i >= 0), default=-1)
            title = rest[:colon]
            if 0 < colon <= _TITLE_MAX and not re.search(r"[。；;]", title) and not _goes_on(title):
                r = _clause_of(rest[colon + 1 :].strip())
        if r is not None:
            word = m.groupdict().get("word") or ""
            return numbers, r, word if word in _data().divisions else ""
    return None


_STOP = re.compile(r"[。；;，,:：]")


def _entries(text: str) -> list[_Got] | None:
    """The (item numbers, clause) pairs of a list line: one, or several in one paragraph, each opening with its items'
    numbers after a stop ("第1—3项由X牵头，Y、Z配合；第4项由W负责；第5项由V、U按职责分工负责。"), the last one
    perhaps followed by sentences naming no item ("各单位要按照分工制定具体措施。"), perhaps after a heading closed by a
    colon ("具体分工如下：第1—3项由…"). None where the line does not open with an entry, or an item named after its
    first entry is not read (the line is not trusted half-read)."""
    got = _entry(text)
    if got is not None:
        return [got]
    text = text.strip()
    key = _data().key
    starts = [0, *(m.end() for m in _STOP.finditer(text) if key.match(_joined(text[m.end() :].lstrip())))]
    if len(starts) < 2:
        return None
    if text[starts[1] - 1] in ":：" and _is_heading(_last_sentence(text[: starts[1] - 1])):
        starts = starts[1:]  # 具体分工如下： (perhaps after the section's own sentences: "…。本规划重点任务分工如下：")
    out: list[_Got] = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = text[a:b].strip().rstrip("。；;，,")
        got = _entry(piece)
        if got is None and b == len(text):  # the last entry, then the section's own sentences
            cuts = [m.start() for m in re.finditer(r"[。；;]", piece)]
            got = next((g for c in reversed(cuts) if (g := _entry(piece[:c])) is not None), None)
        if got is None:
            return None
        out.append(got)
    return out


def _last_sentence(text: str) -> str:
    """The last sentence of `text`: the heading "本规划重点任务分工如下" closing a safeguard's paragraph that opens with
    sentences of its own ("各级档案主管部门要…。本规划重点任务分工如下：第六节由X牵头…")."""
    return re.split(r"[。！!；;]", text)[-1]


_PART_SPLIT = re.compile(r"[，,；;]")


def _keyed(text: str) -> tuple[tuple[tuple[int, ...], Responsibility], ...] | None:
    """The (item numbers, clause) pairs of a line keyed by unit — "X：牵头第1、3项，配合第2项。": (1, 3) with X
    leading, (2,) with X supporting — or None. Every part after the colon is a role word and the items' numbers, but
    for parts that name no item ("并负责本辖区工作的组织实施"), after at least one that does; every name before the
    colon is a body's."""
    d = _data()
    m = d.by_unit.fullmatch(text.strip().rstrip("。.；;"))
    if m is None:
        return None
    names = extract.parse_units(m.group("units"))
    if not names or not all(extract.reads_as_unit(n) for n in names):
        return None
    lead: list[int] = []
    support: list[int] = []
    for piece in _PART_SPLIT.split(m.group("rest")):
        piece = piece.strip()
        part = d.part.fullmatch(piece)
        if part is None:
            if not (lead or support) or ("第" in piece and _ITEM_REF.search(piece)):
                return None  # no item named before it, or items named in a form not read
            continue
        numbers = tuple(n for i in d.items.finditer(part.group("items")) for n in _numbers(i.group("nums")))
        if not numbers or any(not _numbers(i.group("nums")) for i in d.items.finditer(part.group("items"))):
            return None
        into = lead if part.group("role") in d.lead_words else support
        into += [n for n in numbers if n not in into]
    units = tuple(Unit(name=n, generic=extract.is_generic_unit(n)) for n in names)
    out = []
    for numbers, role in ((lead, "lead"), (support, "support")):
        if numbers:
            r = Responsibility(**{role: units}, style="职责分工", text=text.strip(), detached=True)
            out.append((tuple(numbers), r))
    return tuple(out) or None


_ITEM_REF = re.compile(r"第\s*[(（]?\s*[0-9一二三四五六七八九十]+")


def _loose(text: str) -> bool:
    """A line of the 第N项 form (numbering of no item) that speaks of units but whose clause is not read:
    inside a list it is one of the list's lines, not text of a measure."""
    text = text.strip()
    m = _data().forms[0].match(text) if _data().forms else None
    return m is not None and bool(_numbers(m.group("nums"))) and bool(_ROLE.search(text, m.end()))


_ROLE = re.compile(r"牵头|负责|配合|参与|协办|协助|责任单位|承办")


def _item(mk: Marker | None) -> bool:
    """A line's marker that makes it an item of the plan rather than a line of a list. A 第N项任务： entry
    (numbered with a word, parse.numbering) is as much a list's line: where all that follows its number is one
    clause (or a role), it is the list's, numbering of no item like 第N项：."""
    return mk is not None and not mk.style.startswith(ENTRY_STYLE)


def list_line(text: str, mk: Marker | None) -> bool:
    """A line numbered as an entry (第N项：, rulesets/data/entry_numbering.yaml) whose number is followed by one clause
    and nothing else ("第30项：X牵头，Y配合。"): a responsibility list's line, never an item, even where the list is not
    read as one (a number beyond the items above, a line alone); an entry with a task of its own ("第一项　伊玛堪说唱
    传承") stays an item."""
    return mk is not None and not _item(mk) and _entry(text) is not None


def is_heading(text: str) -> bool:
    """A short heading naming a list of tasks and their units (任务分工, 责任分工 …)."""
    return _is_heading(text.strip())


def _is_heading(text: str) -> bool:
    d = _data()
    return len(text) <= d.heading_max and any(w in text for w in d.headings)


def find(paras: list[Paragraph], markers: list[Marker | None], first: int) -> Listing | None:
    """The responsibility lists after the first item (runs of list lines, each under its heading or long
    enough without one), or None."""
    d = _data()
    entries: list[Entry] = []
    headings: list[int] = []
    loose: list[int] = []
    k = first
    while k < len(paras):
        top = k
        run: list[Entry] = []
        skipped: list[int] = []
        while k < len(paras):
            got = _entries(paras[k].text)
            keyed = _keyed(paras[k].text) if got is None and markers[k] is None else None
            if got is not None:
                run += [Entry(k, numbers, r, division=word) for numbers, r, word in got]
            elif keyed is not None:
                run += [Entry(k, numbers, r, by_unit=True) for numbers, r in keyed]
            elif not _item(markers[k]) and _loose(paras[k].text):
                skipped.append(k)
            else:
                break
            k += 1
        if k == top:
            k += 1
            continue
        if not run:
            continue
        head = top - 1 if top - 1 >= first and _is_heading(paras[top - 1].text.strip()) else None
        numbered = any(_item(markers[e.para]) for e in run)
        items_above = sum(1 for j in range(first, top) if markers[j] is not None)
        if max(n for e in run for n in e.numbers) > items_above:
            continue  # numbers of items the text above does not hold
        if head is not None or (not numbered and len(run) >= d.min_lines):
            entries += run
            loose += skipped
            if head is not None:
                headings.append(head)
    if not entries:
        return None
    return Listing(tuple(entries), tuple(headings), tuple(loose))


def _by_number(items: list[Measure]) -> dict[int, Measure]:
    """The measures by their numbers: their labels' ordinals when no two share one, else their places (第5项: the
    fifth)."""
    ordinals = [m.ordinal for m in items]
    return {m.ordinal: m for m in items} if len(set(ordinals)) == len(ordinals) else dict(enumerate(items, 1))


def apply(listing: Listing, measures: list[Measure], paras: list[Paragraph]) -> None:
    """Each measure named by a line of the list, above it, takes that line's units, unless its own text
    holds its clause. Numbers are the measures' own (their labels' ordinals) when no two measures share
    one, else their places in order (第5项: the fifth measure). A line naming a division (第六节) names the measure
    headed 第六节, and none where the measures are no such divisions."""
    top = paras[listing.start].line
    items = [m for m in measures if not m.general and m.parent_measure is None and m.line < top]
    numbering = {"": _by_number(items)}
    for w in {e.division for e in listing.entries if e.division}:
        numbering[w] = _by_number([m for m in items if m.label.endswith(w)])
    counts: dict[tuple[str, int], int] = {}
    for e in listing.entries:
        if not e.by_unit:
            for n in e.numbers:
                counts[e.division, n] = counts.get((e.division, n), 0) + 1
    keyed: dict[int, list[Entry]] = {}  # the lines keyed by unit naming an item, in order
    for e in listing.entries:
        for n in e.numbers:
            m = numbering[e.division].get(n)
            if m is None or counts.get((e.division, n), 0) > 1:
                continue  # two lines for one item: neither is trusted
            if m.responsibility is not None and m.responsibility.source == "clause":
                continue  # the measure's own clause wins
            if e.by_unit:
                if not counts.get(("", n)):  # an item-keyed line naming the item says all of its units
                    keyed.setdefault(n, []).append(e)
                continue
            p = paras[e.para]
            m.responsibility = e.responsibility.model_copy(
                update={"start": -1, "end": -1, "line": p.line, "column": p.column(0)}
            )
            m.lead_units = [u.name for u in e.responsibility.lead]
            m.support_units = [u.name for u in e.responsibility.support]
    for n, entries in keyed.items():
        _turn_round(numbering[""][n], entries, paras)


def _turn_round(m: Measure, entries: list[Entry], paras: list[Paragraph]) -> None:
    """`m` takes the units of the lines keyed by unit that name it: their leads, then their support, each in the
    order of the lines (a unit named twice once, as a lead where any line makes it one). No line leading it, the
    item has support only, as its lines say."""
    lead = list(dict.fromkeys(u for e in entries for u in e.responsibility.lead))
    support = [u for u in dict.fromkeys(u for e in entries for u in e.responsibility.support) if u not in lead]
    first = next((e for e in entries if e.responsibility.lead), entries[0])
    p = paras[first.para]
    m.responsibility = first.responsibility.model_copy(
        update={
            "lead": tuple(lead), "support": tuple(support), "text": "\n".join(dict.fromkeys(
                paras[e.para].text for e in entries)),
            "start": -1, "end": -1, "line": p.line, "column": p.column(0),
        }
    )  # fmt: skip
    m.lead_units = [u.name for u in lead]
    m.support_units = [u.name for u in support]
