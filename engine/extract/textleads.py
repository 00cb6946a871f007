"""Leads written in running text: per-field clauses ("X负责A，Y负责B") and chapter-level lead clauses
("以下各项由区司法局牵头") that apply to the items under a heading.

Unlike a responsibility clause, these sentences are also the measure's task, and the same words in a
policy text only describe who does what ("国家中医药局负责组织实施三级公立中医医院绩效考核工作" in a
State Council opinion that names no responsible units at all). They are read as the measure's units
only when (decision and evidence: README.md, "Who is responsible"):

1. the measure has no responsibility clause of its own (an explicit clause always wins);
2. per-field: at least two clauses of the measure each open with units the plan itself directs
   ("区司法局负责…，区市场监管局负责…", "…由区司法局负责；…由区财政局负责"), naming two units or more.
   A unit the plan directs is one the unit registry reads at the plan's own level, a branch located in
   its jurisdiction, or a level below it; else a name with the plan's own prefix (区, 城中区) and a body's
   suffix. Clauses about other levels' bodies (市司法局负责… in a county plan), generic subjects
   (各有关部门负责…) and unregistered words (教育行政部门) are prose and count for nothing;
4. (first) an article's subject: in a 规章 / 办法 written in 第X条 articles, the body an article opens with bears its
   duty ("第五条 X负责…", "第六条 X会同Y…", "第七条 X、Y按照职责分工负责…": responsibility.article_subject);
3. chapter-level: a heading or its opening text says its items are led by named units ("以下各项由X牵头，
   Y配合", "（本部分任务由X、Y按职责分工负责）"); the items under it without a clause of their own take
   it, the first one judged for it, the others marked `inherited`.

Nothing is cut from the measure's sentences and nothing is taught to the tokenizer: the words stay the
task's words (engine/align reads Responsibility.source).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from engine.extract.articleleads import article_leads
from engine.extract.data import unit_data
from engine.extract.responsibility import (
    is_generic_unit,
    is_lower_group,
    parse_clause_content,
    parse_units,
    reads_as_unit,
)
from engine.extract.sentences import squeeze
from engine.extract.unitnames import Registry, Where, load_registry, read_unit, relation_of
from engine.memo import memo
from engine.models import Measure, Plan, Responsibility, Section, Unit

# one clause: "区司法局负责A" / "区司法局、区财政局分别负责A" / "A由区司法局负责" / "A由区司法局牵头"
_VERB = r"(?:要|应|应当|具体|主要|分别)?(?:牵头负责|负责|牵头)(?!人|同志|制(?![定订]))"  # 负责人, 负责同志: people; 首问负责制: a system
_SUBJECT_FIRST = re.compile(r"^(?P<units>[^，,；;。：:()（）]{2,60}?)" + _VERB + r"(?P<field>.{2,})$")
_FIELD_FIRST = re.compile(
    r"^(?P<field>[^，,；;。]{2,}?)由(?P<units>[^，,；;。：:()（）由]{2,60}?)" + _VERB + r"(?P<rest>.*)$"
)
_CLAUSE_SPLIT = re.compile(r"[，,；;。！？\n]")

# the scope of a chapter-level clause, then the lead part parse_clause_content reads
_SCOPE = re.compile(
    r"(?:以下|下列|本(?:部分|章|节|篇|领域|方面))(?:各项|所列|的|各)?(?:重点)?(?:工作|任务|措施|事项|内容)?"
    r"(?:均|统一|全部|分别)?"
)
_SCOPE_END = re.compile(r"[。)）\]］】\n]")

Directs = Callable[[str], bool]
# the numbering style of an article (第X条, engine/parse/numbering.py): its subject is read as its units
ARTICLE_STYLE = "cn_article"


def directs_for(plan: Plan, registry: Registry | None = None) -> Directs:
    """Whether a name is a body `plan` directs: its own level (registry), a branch located here, a
    level below, or its own prefix with a body's suffix (区政管办). Generic names never qualify."""
    where = Where.of(plan)
    reg = registry or load_registry()
    return lambda name: _directs(squeeze(name), where, reg)


@memo(4096, copy="shared")  # a bool
def _directs(name: str, where: Where, reg: Registry) -> bool:
    if len(name) < 3 or is_generic_unit(name) or name.startswith("各"):
        return False
    read = read_unit(name, where, reg)
    if read.known:
        return read.relation in ("self", "branch", "below")
    if name.endswith("部门"):
        return False  # 教育行政部门, 卫生健康部门: kinds of department, not a body
    for k in range(1, min(len(name) - 1, 9)):
        rel = relation_of(name[:k], where)
        if rel is not None and rel[0] == "self":
            return reads_as_unit(name[k:]) and len(name) - k >= 2
    return False


def field_leads(text: str, directs: Directs) -> Responsibility | None:
    """The per-field leads of a measure text with no clause of its own, or None (rule 2 above)."""
    leads: list[str] = []
    clauses = 0
    first = last = -1
    pos = 0
    for piece in _CLAUSE_SPLIT.split(text):
        start, pos = pos, pos + len(piece) + 1
        flat = piece.strip()
        names = _subject(flat)
        if not names or not all(directs(n) for n in names):
            continue
        clauses += 1
        leads += [n for n in names if n not in leads]
        lead_at = start + piece.find(flat)
        first = lead_at if first < 0 else first
        last = lead_at + len(flat)
    if clauses < 2 or len(leads) < 2:
        return None
    return Responsibility(
        lead=tuple(Unit(name=n, generic=False) for n in leads),
        style="X负责A，Y负责B",
        text=text[first:last],
        by_duty=True,  # one lead per field: many leads here are a division of labour
        source="fields",
        start=first,
        end=last,
    )


# an item opening with the units that carry it out, closed by a colon: "市委统战部、市侨联：建立…"
_UNITS_FIRST = re.compile(r"^(?P<units>[^，,；;。：:！？!?\n]{2,80}?)[ \t\u3000]*[:：](?=[ \t\u3000]*[^\s])")
UNITS_FIRST_STYLE = "X：任务"


def units_first(text: str, directs: Directs) -> Responsibility | None:
    """The units an item names BEFORE its task, closed by a colon ("1.市委统战部、市侨联：建立海外侨团侨商联络名录…",
    a city's 工作方案 whose items each open so), as its clause: every unit leads, as "（X、Y负责）" would say. The list
    must be whole bodies' names the plan directs (`directs`: its own level's offices, 市委统战部, 市侨联), beside which
    a set of the bodies below may stand (各县（市、区）人民政府); at least one named body. So a topic, a place or a
    heading before a colon is none: "目标：", "重点：", "城区：", "农村地区：", "各地要：", "重点企业：" (no body the
    plan directs)."""
    m = _UNITS_FIRST.match(text)
    if m is None:
        return None
    names = parse_units(m.group("units"))
    if not names or not any(directs(n) or _lower_bodies(n) for n in names):
        return None
    if not all(directs(n) or (is_lower_group(n) and reads_as_unit(n)) for n in names):
        return None
    return Responsibility(
        lead=tuple(Unit(name=n, generic=is_generic_unit(n)) for n in names),
        style=UNITS_FIRST_STYLE,
        text=text[: m.end()],
        start=0,
        end=m.end(),
    )


def _lower_bodies(name: str) -> bool:
    """A set of the bodies below named as bodies, "各县（市、区）人民政府", "各乡镇人民政府": it stands alone before the
    colon as an assessed or charged unit does (a 考核办法's "（一）各县（市、区）人民政府：重点考核…"); a set of places,
    "各县（市、区）：", "各镇（街道）：", may head a topic and needs a named body beside it."""
    return is_lower_group(name) and reads_as_unit(name) and name.endswith(unit_data().issuer_suffixes)


def _cut_from_title_and_sentences(m: Measure, clause: str) -> None:
    """The item's title and first sentence without the unit list that opens them (as a bracketed clause is cut)."""
    if m.title.startswith(clause) and len(m.title) - len(clause) >= 2:
        m.title = m.title[len(clause) :].strip()
    if m.sentences and m.sentences[0].text.startswith(clause):
        rest = m.sentences[0].text[len(clause) :].strip()
        if rest:
            m.sentences[0] = m.sentences[0].model_copy(update={"text": rest})


def _subject(clause: str) -> list[str]:
    """The units a clause opens with ("区司法局负责…") or hands a field to ("…由区司法局负责")."""
    m = _SUBJECT_FIRST.match(clause) or _FIELD_FIRST.match(clause)
    if m is None:
        return []
    names = parse_units(m.group("units"))
    return names if names and all(reads_as_unit(n) for n in names) else []


def heads_items(text: str) -> bool:
    """A heading that speaks for the items under it (以下各项, 本部分任务 …: the scope of a chapter-level clause)."""
    return _SCOPE.search(text) is not None


def chapter_lead(section: Section) -> Responsibility | None:
    """A lead clause a heading states for its items ("以下各项由区司法局牵头，区财政局配合"), or None."""
    for where in (section.title, section.text):
        for m in _SCOPE.finditer(where):
            end = _SCOPE_END.search(where, m.end())
            rest = where[m.end() : end.start() if end else len(where)].strip(" ，,：:")
            if not rest:
                continue
            parsed = parse_clause_content(rest[1:] if rest.startswith("由") else rest)
            if parsed and parsed[0]:
                lead, support, style = parsed
                text = where[m.start() : end.start() if end else len(where)]
                return Responsibility(
                    lead=tuple(Unit(name=n, generic=is_generic_unit(n)) for n in lead),
                    support=tuple(Unit(name=n, generic=is_generic_unit(n)) for n in support),
                    style=style,
                    text=text,
                    by_duty=bool(re.search(r"按(照)?(各自)?职责(分工)?|分别负责|各负其责", text)),
                    source="chapter",
                    line=section.line,
                    column=section.column,
                )
    return None


class TextLeads:
    """Gives measures without a clause of their own the leads their text or their chapter states.
    Used by parse on each measure, in document order, after `fill_measure`."""

    def __init__(self, plan: Plan, registry: Registry | None = None) -> None:
        self.chapters: dict[tuple[str, ...], Responsibility] = {}
        for s in plan.sections:
            r = chapter_lead(s)
            if r is not None:
                self.chapters[(*s.path, s.label)] = r
        known = plan.level in ("national", "province", "city", "county", "town")
        self.directs = directs_for(plan, registry) if known else None
        self.judged: set[tuple[str, ...]] = set()

    def apply(self, m: Measure) -> None:
        own = m.responsibility
        if m.general or (own is not None and not support_only(own)):
            return
        if own is not None:  # "配合单位：Y" alone under a heading that names the lead: the heading's lead, its own support
            key = next((k for k in _enclosing(m) if k in self.chapters), None)
            if key is None:
                return
            r = with_lead(own, self.chapters[key])
        else:
            # a 规章's article (第五条 X负责…, 第六条 X会同Y…): each sentence's subject bears its part (`article_leads`)
            r = article_leads(m.text) if m.style == ARTICLE_STYLE else None
            if r is None and self.directs is not None:
                r = units_first(m.text, self.directs)
                if r is not None:  # "X、Y：task": the list is the item's clause, no word of its task or title
                    _cut_from_title_and_sentences(m, r.text)
            if r is None and self.directs is not None:
                r = field_leads(m.text, self.directs)
        if r is None:
            key = next((k for k in _enclosing(m) if k in self.chapters), None)
            if key is None:
                return
            r = self.chapters[key].model_copy(update={"inherited": key in self.judged})
            self.judged.add(key)
        m.responsibility = r
        m.lead_units = [u.name for u in r.lead]
        m.support_units = [u.name for u in r.support]


def support_only(r: Responsibility) -> bool:
    """An item's own clause names its support and no lead ("配合单位：Y" under a group whose heading, or a clause
    after the group, names the lead: blind16 三都县 "（一）强化保护传承（本部分任务由X牵头）")."""
    return r.source == "clause" and not r.lead and bool(r.support)


def with_lead(own: Responsibility, group: Responsibility) -> Responsibility:
    """The item's own support-only clause with the lead a group's clause names (its own support kept; the group's
    support where it names none)."""
    return own.model_copy(update={"lead": group.lead, "support": own.support or group.support})


def _enclosing(m: Measure) -> list[tuple[str, ...]]:
    """Keys of the sections around a measure, innermost first."""
    return [tuple(m.path[:k]) for k in range(len(m.path), 0, -1)]
