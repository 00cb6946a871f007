"""The units an item of a duty document makes the subject of its sentences (rulesets/data/duty_documents.yaml).

In an 应急预案 or a 工作规则 the one list that assigns work writes each unit as the subject of its item's text, with no
clause at the end: "县应急管理局：负责…", "民政部负责…", "X会同Y负责…", "X、Y按职责分工负责…", "X负责…；Y、Z配合…",
"由X牵头，会同Y、Z，…", "由X负责…，Y配合…", "X负责…，Z负责…". In a plan's item "X负责…" alone is a duty described
(README "Who is responsible"), so this is read only for the items engine/parse/dutylists.py found to be such a list:
the opening part names the lead (or leads), a 会同 part right after it and later parts "Y配合…" its support, and a
later "Z负责…" another lead. Every name must read as a named body (no 有关部门), so a sentence about the items' own
teams ("县医院、县中医院各预留…") names no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.extract.data import read_data
from engine.extract.responsibility import alternation as _alt
from engine.extract.responsibility import is_generic_unit, parse_units, reads_as_unit
from engine.extract.responsibility import units_of as _units
from engine.extract.sentences import split_outside, squeeze
from engine.memo import memo
from engine.models import Responsibility

STYLE = "X负责（职责）"  # how a responsibility read here is marked
_TITLE_MAX = 20  # the longest task name before the item's first sentence ("道路保通。", "加密凌情监测")
_OPENING_MAX = 1200  # how far into an item its subject is looked for: a hostile endless item costs nothing more
_PARTS = "，,；;。\n"
# a name never opens with a verb or a preposition: "支持县医院…" is a task
_NOT_A_NAME = re.compile(r"^(?:对|在|向|按|经|将|把|以|与|和|及|并|为|从|支持|推动|组织|指导|督促|做好|加强|及时)")


@dataclass(frozen=True)
class _Words:
    lead: re.Pattern[str]  # "[由]X[按职责分工]负责…" / "X：负责…"
    with_: re.Pattern[str]  # "X会同Y…"
    joined: re.Pattern[str]  # "会同Y、Z" as a part of its own
    support: re.Pattern[str]  # "Y、Z配合…"
    again: re.Pattern[str]  # "Z负责…" later in the item


@memo(1, copy="shared")  # compiled once from the one file
def _words() -> _Words:
    raw = (read_data("duty_documents.yaml") or {}).get("subject") or {}
    get = lambda k: [str(w) for w in raw.get(k) or ()]  # noqa: E731
    units = r"(?P<units>[^，,；;。：:由]{2,60}?)"
    modal = f"(?:{_alt(get('modal'))})*"
    by_duty = f"(?P<duty>{_alt(get('by_duty'))})?"
    verb = f"(?:{_alt(get('lead'))})(?!{_alt(get('not_after'))})"
    with_ = _alt(get("with"))
    return _Words(
        lead=re.compile(rf"^(?:由)?{units}{modal}{by_duty}{verb}|^(?P<colon>[^，,；;。：:]{{2,60}}?)[：:]\s*{verb}"),
        with_=re.compile(rf"^{units}{modal}(?:{with_})(?P<rest>.+)$"),
        joined=re.compile(rf"^(?:{with_})(?P<rest>.+)$"),
        support=re.compile(rf"^{units}(?:等)?{modal}(?:{_alt(get('support'))})"),
        again=re.compile(rf"^{units}{modal}{by_duty}{verb}"),
    )


def _names(text: str) -> list[str]:
    """The bodies a unit list names, or [] when any of them is no named body."""
    names = parse_units(text)
    ok = names and all(
        len(squeeze(n)) >= 3 and reads_as_unit(n) and not is_generic_unit(n) and not _NOT_A_NAME.match(n) for n in names
    )
    return names if ok else []


def _leading(text: str) -> list[str]:
    """The bodies named at the start of `text` ("县公安局、屏南公路分中心，对…" / "民政部负责…"): up to the first part's
    end or a lead verb."""
    piece = split_outside(text, _PARTS, maxsplit=1)[0]
    m = _words().again.match(piece)
    return _names(m.group("units") if m else piece)


def _start(text: str) -> int:
    """Where the item's first sentence with a subject may open: past a short task name ("道路保通。", a heading line)."""
    m = re.search(r"[。\n]", text[: _TITLE_MAX + 1])
    if m is None:
        return 0
    head = text[: m.start()]
    return m.end() if head and not re.search(r"[，,；;：:]", head) else 0


def duty_subject(text: str) -> Responsibility | None:
    """The leads and supports an item's subject names (module docstring), or None where it opens with no named body."""
    text = text[:_OPENING_MAX]
    for s in dict.fromkeys((0, _start(text))):
        found = _read(text, s)
        if found is not None:
            return found
    return None


def _read(text: str, s: int) -> Responsibility | None:
    w = _words()
    rest = text[s:]
    parts = split_outside(rest, _PARTS)
    if not parts:
        return None
    first = parts[0].strip()
    lead: list[str] = []
    support: list[str] = []
    by_duty = False
    m = w.with_.match(first) if not first.startswith("由") else None
    if m is not None and (names := _names(m.group("units"))):
        lead, support = names, _leading(m.group("rest"))
        if not support:
            return None
    else:
        m = w.lead.match(first)
        if m is None:
            return None
        lead = _names(m.group("units") or m.group("colon") or "")
        if not lead:
            return None
        by_duty = bool(m.group("duty")) and len(lead) > 1
    end = s + len(parts[0])
    for k, part in enumerate(parts[1:], 1):
        p = part.strip()
        joined = w.joined.match(p) if k == 1 else None
        if joined is not None:
            support += [n for n in _leading(joined.group("rest")) if n not in support and n not in lead]
        elif (sm := w.support.match(p)) and (names := _names(sm.group("units"))):
            support += [n for n in names if n not in support and n not in lead]
        elif (am := w.again.match(p)) and (names := _names(am.group("units"))):
            lead += [n for n in names if n not in lead]
            by_duty = True  # "X负责A，Z负责B": one lead per field
    return Responsibility(
        lead=tuple(_units(lead)),  # no generic name: `_names` refuses them
        support=tuple(_units(support)),
        style=STYLE,
        text=text[s:end],
        by_duty=by_duty,
        start=s,
        end=end,
        source="fields",
    )
