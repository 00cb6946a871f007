"""The words of the two roles of a task, lead and support (rulesets/data/roles.yaml; no code to extend them).

A field's label is composed: a role stem and a body noun (牵头 + 单位, 责任 + 司局, 牵头 + 办所), so an office that
names its bodies its own way needs one word, not a list of whole labels; a stem alone (牵头：X；配合：Y) and the
label of a whole clause (责任分工：X牵头，Y配合) are labels where a colon follows, and so is a role word before a duty
stem (牵头承办：X；协同承办：Y). A role stem and ANY short noun is a label too where it stands as one (a line's
start or after a bracket or separator, a colon after it: "主责警种：X", "协同中队：Y"), the noun naming no person
and no facet of the task (`open_pattern`): each office names its own kinds of body. The labels naming an official
(责任领导, 分管县领导) are composed too (`people`): a person column, a field no unit is read from.

One vocabulary for every place a plan names them: the fields of a responsibility clause and the inline
verbs (engine/extract/responsibility.py), and the column headers of a task table in any input form
(engine/ingest/tables.py). A leaf module: ingest and extract both read it.

Loaded once per process. If the file is missing (an installed wheel without the rulesets folder), the
built-in minimum below keeps reading working.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import yaml

from engine import RULESETS_DIR
from engine.memo import memo
from engine.outputs import note_input

PATH = RULESETS_DIR / "data" / "roles.yaml"

_FALLBACK: dict[str, dict[str, list[str]]] = {
    "fields": {"lead": [], "duty": [], "support": []},
    "stems": {"lead": ["牵头", "主办", "主责"], "duty": ["责任", "负责", "承办"], "support": ["配合", "协办", "协助", "参与", "协同"]},
    "bare": {"lead": ["牵头"], "support": ["配合"]},
    "verbs": {
        "lead": ["牵头负责", "牵头"],
        "paired": [],
        "joint": [],
        "support": ["配合实施", "配合", "参与", "协助", "协同"],
        "assist": ["配合", "协助"],
        "clause_lead": [],
        "clause_support": [],
        "duty": [],
        "framing": [],
        "again": [],
        "guide": ["指导"],
    },
    "columns": {
        "no": ["序号", "编号"],
        "task": ["重点任务", "工作任务", "主要任务", "具体措施", "任务内容", "工作内容"],
        "due": ["完成时限", "完成时间", "时限"],
        "person": ["责任领导", "分管领导", "牵头领导", "责任人"],
        "note": ["备注"],
    },
}

_FALLBACK_TITLES = ["长", "书记", "主任", "常委", "委员", "组长", "主席", "同志"]
_FALLBACK_DITTO = ["同上"]
_FALLBACK_BODIES = ["单位", "部门", "主体"]
_FALLBACK_CLAUSE = ["责任分工"]
# a bare stem or a clause label is a label only where a colon follows and no ideograph stands before it
_NOT_AFTER_IDEOGRAPH = r"(?<![\u3400-\u4dbf\u4e00-\u9fff])"


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(map(re.escape, _longest_first(list(words)))) or "(?!)"


@dataclass(frozen=True)
class Roles:
    """Each list longest first (an alternation built from it tries 牵头负责 before 牵头)."""

    lead_fields: tuple[str, ...]  # 牵头单位, 主办单位, 主责单位 …: the lead
    duty_fields: tuple[str, ...]  # 责任单位, 责任主体 …: answer for the task, none said to lead
    support_fields: tuple[str, ...]  # 配合单位, 协办单位, 协同单位 …
    lead_verbs: tuple[str, ...]  # (A牵头，…) (A主责，…)
    paired_verbs: tuple[str, ...]  # (A主办，B协办): a lead only beside a support part
    joint_words: tuple[str, ...]  # A、B共同牵头
    support_verbs: tuple[str, ...]  # (…，B配合)
    columns: tuple[tuple[str, tuple[str, ...]], ...]  # table column role -> header words, in reading order
    assist_verbs: tuple[str, ...] = ()  # support verbs taking the lead as object: (Y配合X落实) / 由Y协助X…
    clause_lead_verbs: tuple[str, ...] = ()  # (X抓总，Y配合) (X负总责): lead verbs of a clause, never of running text
    clause_support_verbs: tuple[str, ...] = ()  # (X牵头，Y支持): support verbs after a lead part only
    # verbs.provide.to × verbs.provide.verbs: a support part opening so names whom the lead serves ("为各乡镇提供…")
    served_by_lead: tuple[str, ...] = ()
    provide_words: tuple[str, ...] = ()  # verbs.provide composed (提供技术支撑, 给予支持), longest first
    again_words: tuple[str, ...] = ()  # (责任单位：A、B、C，其中A牵头): a part naming units of the list again
    # (A指导，B负责落实) all lead; (X负责，Y、Z指导) Y and Z support: guidance after a lead part supports
    guide_verbs: tuple[str, ...] = ()
    duty_verbs: tuple[str, ...] = ()  # (由X组织实施): close a list of units answering jointly, as 负责
    framing_words: tuple[str, ...] = ()  # 以X为主: a principle, not a lead
    titles: tuple[str, ...] = ()  # how an official's title ends (副县长, 县委常委): a person column's cell
    # roles.yaml people.before: how many ideographs of ANY word may stand before an official's noun of two characters
    # or more in a person field's label (包村领导, 挂点领导, 驻村干部), 0: none
    people_before: int = 0
    bare_lead: tuple[str, ...] = ()  # 牵头：X: a lead stem alone as a label, a colon after it
    bare_support: tuple[str, ...] = ()  # 配合：Y
    bare_duty: tuple[str, ...] = ()  # 责任：X、Y: a duty stem alone as a label, its value wholly bodies' names
    clause_labels: tuple[str, ...] = ()  # 责任分工：X牵头，Y配合: a whole clause's label, read as a duty label
    # the parts the fields are composed of, for a compact pattern (stems × bodies, and the whole labels beside)
    stems: tuple[tuple[str, tuple[str, ...]], ...] = ()  # role -> stems
    bodies: tuple[str, ...] = ()
    whole: tuple[tuple[str, tuple[str, ...]], ...] = ()  # role -> whole labels (roles.yaml `fields`)
    # role -> the words before a duty stem that make it a label of that role (第一 + 责任单位, 其他 + 责任单位)
    qualified: tuple[tuple[str, tuple[str, ...]], ...] = ()
    ditto: tuple[str, ...] = ()  # a table cell's "the same as above" (同上, 同前, 〃): the cell above's text
    # role -> table headers read only whole, never by their end (成员单位: "领导小组成员单位" is a unit's name)
    whole_columns: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # 督办, 督查, 考核 …: stems of a field naming the office that supervises a task, no role in it (督办单位：X)
    oversight: tuple[str, ...] = ()
    # the open label (roles.yaml labels.open): a stem and a noun of 1..open_noun characters, the noun not ending in
    # one of `not_nouns` (a person: 责任人, 主办民警; a facet of the task: 实施时间, 责任目标)
    open_noun: int = 0
    not_nouns: tuple[str, ...] = ()
    person_nouns: tuple[str, ...] = ()  # the endings of `not_nouns` that name a person (责任人, 主办民警, 牵头领导)
    # a clause's deadline part written with no label (roles.yaml `due_part`): the words of a standing task (长期坚持,
    # 持续推进) and those that may close a date (2026年底前完成)
    standing: tuple[str, ...] = ()
    due_closers: tuple[str, ...] = ()
    due_labels: tuple[str, ...] = ()  # 办结时限: the deadline field's label after the units (…Y、Z办结时限：2026年7月31日)
    # roles.yaml labels.placed: stems whose labels are labels only in label position, never glued to the word before
    # (支持: 技术支持单位：, 资金支持部门： name a service, not a task's support)
    placed: tuple[str, ...] = ()

    @property
    def unit_fields(self) -> tuple[str, ...]:
        """Every composed field label naming units (lead, duty, support), longest first."""
        return _longest_first([*self.lead_fields, *self.duty_fields, *self.support_fields])

    @property
    def colon_labels(self) -> tuple[str, ...]:
        """The labels that are labels only before a colon (bare stems, clause labels), longest first."""
        return _longest_first([*self.bare_lead, *self.bare_support, *self.bare_duty, *self.clause_labels])

    def field_pattern(self, *kinds: str, glued: bool = False) -> str:
        """A regular expression (no group) matching a composed field label of the roles `kinds` (lead, duty,
        support; all when none given), longest first: (?:stems)(?:bodies) and the whole labels, the same words as
        the fields, in a pattern that does not try each of them at every offset. `glued`: only the labels that may
        follow an ideograph (none of a `placed` stem)."""
        want = kinds or ("lead", "duty", "support")
        stems = [w for role, ws in self.stems if role in want for w in ws if not (glued and w in self.placed)]
        whole = [w for role, ws in self.whole if role in want for w in ws]
        alts = []
        duty = [w for role, ws in self.stems if role == "duty" for w in ws]
        quals = [w for role, ws in self.qualified if role in want for w in ws]
        if quals and duty and self.bodies:  # first: 第一责任单位 is read whole, not as its 责任单位
            alts.append(f"(?:{_alt(quals)})(?:{_alt(duty)})(?:{_alt(self.bodies)})")
        for role in want:  # a qualifier before a stem of its own role: 协同配合单位 is read whole, not as 配合单位
            own_q = [w for r, ws in self.qualified if r == role for w in ws]
            own_s = [w for r, ws in self.stems if r == role for w in ws if not (glued and w in self.placed)]
            if own_q and own_s and self.bodies:
                alts.append(f"(?:{_alt(own_q)})(?:{_alt(own_s)})(?:{_alt(self.bodies)})")
        if stems and self.bodies:
            alts.append(f"(?:{_alt(stems)})(?:{_alt(self.bodies)})")
        if whole:
            alts.append(_alt(whole))
        if not self.stems and not self.whole:  # built by hand, no parts: the fields themselves
            alts.append(_alt([w for k in want for w in getattr(self, f"{k}_fields")]))
        return "(?:" + ("|".join(alts) or "(?!)") + ")"

    def qualifier_pattern(self) -> str:
        """A regular expression (no group) matching the bracketed body noun a label may carry before its colon,
        in full- or half-width brackets: 配合处室（单位）：, 责任单位(部门)：, 牵头部门（单位）：, 配合单位（部门、单位）：
        (the label says which kinds of body its units are). It is part of the label, never of a unit's name; the
        colon must follow ("配合单位（部门）" alone is no label)."""
        if not self.bodies:
            return "(?!)"
        body = f"(?:{_alt(self.bodies)})"
        return rf"[ ]*[(（]{body}(?:[、/／和或及]{body})*[)）](?=[ ]*[:：])"

    def oversight_pattern(self, *, colon: bool = True) -> str:
        """A regular expression (no group) matching the label of a field that names a task's SUPERVISING office
        (督办单位, 督查部门, 考核单位: an `oversight` stem and a body noun), not after an ideograph and, with `colon`,
        a colon following (a bracketed body noun between allowed); without, the label alone (in 【督办单位】).
        Neither lead nor support: the field is skipped. With `colon` an oversight stem and an open noun too, as the
        role labels (`open_pattern`): 督导组：, 指导科室：, 考核专班：."""
        if not self.oversight or not self.bodies:
            return "(?!)"
        label = f"(?:{_alt(self.oversight)})(?:{_alt(self.bodies)})"
        if not colon:
            return label
        known = rf"{_NOT_AFTER_IDEOGRAPH}{label}(?:{self.qualifier_pattern()})?(?=[ ]*[:：])"
        return f"(?:{known}|{self._open(self.oversight)})"

    def label_pattern(self) -> str:
        """A regular expression (no group) matching any label of a unit field: a composed one (牵头单位, 责任司局),
        or a bare stem or clause label followed by a colon and not after an ideograph (牵头：, 责任分工：), or an
        open one (`open_pattern`: 主责警种：). A composed label after an ideograph is one only with a colon (or 为)
        after it: a label never starts inside a word, so "县乡村振兴战略实施领导小组成员单位" is a unit's name, not
        "县乡村振兴战略" and the label 实施 + 领导小组成员单位."""
        field = self.field_pattern()
        glued = (
            rf"(?={self.field_pattern(glued=True)}(?:{self.qualifier_pattern()})?\s*(?:[:：]|为(?=[^\s:：，,；;])))"
        )
        alt = f"(?:{_NOT_AFTER_IDEOGRAPH}|{glued}){field}"
        colon = "|".join(map(re.escape, self.colon_labels))
        if colon:
            alt += rf"|{_NOT_AFTER_IDEOGRAPH}(?:{colon})(?=\s*[:：])"
        return f"(?:{alt}|{self.open_pattern()})"

    def _open(self, stems: list[str] | tuple[str, ...]) -> str:
        """`stems` and an open noun in label position, a colon after it (see `open_pattern`)."""
        if not stems or self.open_noun < 1:
            return "(?!)"
        han = "[\u3400-\u4dbf\u4e00-\u9fff]"
        colon = f"(?:{self.qualifier_pattern()})?[ ]*[:：]"
        refuse = f"(?!{han}{{0,{self.open_noun - 1}}}(?:{_alt(self.not_nouns)})(?={colon}))" if self.not_nouns else ""
        return f"{_NOT_AFTER_IDEOGRAPH}(?:{_alt(stems)}){refuse}{han}{{1,{self.open_noun}}}(?={colon})"

    def open_pattern(self) -> str:
        """A regular expression (no group) matching an OPEN label: a role stem (牵头, 主责, 协同, 承办 … every stem of
        the roles) and any noun of 1..`open_noun` characters, not after an ideograph and with a colon after it (a
        bracketed body noun between allowed): 主责警种：, 协同警种：, 牵头中队：, 责任片区：. The noun is the kind of
        body the office gives work to, whatever it is called; it names no person and no facet of the task
        (`not_nouns`: 责任人：, 实施时间：). Whether its value names bodies is the reader's to judge."""
        return self._open([w for _, ws in self.stems for w in ws])

    def person_pattern(self) -> str:
        """A regular expression (no group) matching the label of a field naming an OFFICIAL, open as the unit labels
        are: a role stem and a noun ending in a person's word (`person_nouns`), not after an ideograph and with a colon
        after it: 主办民警：, 责任人：, 牵头领导：, 承办人：. Its field is skipped, never read as a unit."""
        if not self.person_nouns or self.open_noun < 1:
            return "(?!)"
        stems = [w for _, ws in self.stems for w in ws]
        han = "[\u3400-\u4dbf\u4e00-\u9fff]"
        # and any short word before an official's noun of two characters or more (包村领导：, 挂点领导：, 驻村干部：): the
        # word says how the official is tied to the task (包, 挂, 驻 a village or a site), a noun of 领导/干部/书记 a person
        officials = [w for w in self.person_nouns if len(w) >= 2]
        any_word = (
            f"|{_NOT_AFTER_IDEOGRAPH}{han}{{1,{self.people_before}}}(?:{_alt(officials)})"
            if self.people_before > 0 and officials
            else ""
        )
        return (
            f"(?:{_NOT_AFTER_IDEOGRAPH}(?:{_alt(stems)}){han}{{0,{self.open_noun - 1}}}(?:{_alt(self.person_nouns)})"
            f"{any_word})(?=[ ]*[:：])"
        )

    def open_stem(self, label: str) -> str:
        """The longest role stem `label` opens with that leaves a noun of 1..`open_noun` characters ("主责" of
        主责警种), "" if none: the stem of an open label (`open_pattern`)."""
        best = ""
        for _, stems in self.stems:
            for s in stems:
                if len(s) > len(best) and label.startswith(s) and 1 <= len(label) - len(s) <= self.open_noun:
                    best = s
        return best


def _composed_stems(labels: dict) -> dict[str, list[str]]:
    """labels.composed: a role morpheme and an action make a stem of that role, and a bare label of it:
    主 + 抓 = 主抓 (lead), 协 + 抓 = 协抓, 会 + 办 = 会办 (support)."""
    raw = labels.get("composed") or {}
    actions = [str(a) for a in raw.get("actions") or []]
    return {k: [str(m) + a for m in raw.get(k) or [] for a in actions] for k in ("lead", "support")}


def _bare_duty(labels: dict) -> dict[str, list[str]]:
    """labels.bare_duty: a role word before a duty stem, no body noun, is a bare label of that role:
    牵头 + 承办 = 牵头承办 (lead), 协同 + 承办 = 协同承办 (support)."""
    raw = labels.get("bare_duty") or {}
    stems = [str(s) for s in raw.get("stems") or []]
    return {k: [str(w) + s for w in raw.get(k) or [] for s in stems] for k in ("lead", "support")}


def _standing(due: dict) -> tuple[str, ...]:
    """The words of a standing task's deadline part: roles.yaml `due_part.standing`, and each head × verb (持续 + 落实)."""
    listed = [str(w) for w in due.get("standing") or []]
    composed = [f"{h}{v}" for h in due.get("heads") or [] for v in due.get("verbs") or []]
    return _longest_first(list(dict.fromkeys([*listed, *composed])))


def _provide(raw: dict) -> list[str]:
    """verbs.provide: a support part closed by the help it gives, verb × (object or none) × kind: 提供 + 技术 + 支撑 =
    提供技术支撑, 给予 + 支持 = 给予支持; read as clause_support verbs (after a lead part only)."""
    got = (raw.get("verbs") or {}).get("provide") or {}
    objects = ["", *(str(o) for o in got.get("objects") or [])]
    return [str(v) + o + str(k) for v in got.get("verbs") or [] for o in objects for k in got.get("kinds") or []]


def _people(raw: dict) -> list[str]:
    """people: role × level (or none) × noun, the labels naming an official (责任领导, 责任市领导, 包挂领导)."""
    people = raw.get("people") or {}
    levels = ["", *(str(v) for v in people.get("levels") or [])]
    return [str(r) + v + str(n) for r in people.get("roles") or [] for v in levels for n in people.get("nouns") or []]


def _qualifiers(labels: dict) -> dict[str, list[str]]:
    """labels.qualifiers: the words before a duty stem that give its label a role (第一责任单位 the lead,
    其他责任单位 the support)."""
    raw = labels.get("qualifiers") or {}
    return {k: [str(q) for q in raw.get(k) or []] for k in ("lead", "support")}


@memo(1, copy="shared")  # one file read once; Roles is frozen
def roles() -> Roles:
    raw: dict = {}
    if PATH.is_file():
        note_input(PATH)
        raw = yaml.safe_load(PATH.read_text("utf-8")) or {}

    def words(section: str, key: str) -> list[str]:
        got = (raw.get(section) or {}).get(key)
        return [str(w) for w in (got if got is not None else _FALLBACK[section][key])]

    def label_words(section: str, key: str) -> list[str]:  # labels.stems.lead, labels.bare.support …
        got = ((raw.get("labels") or {}).get(section) or {}).get(key)
        return [str(w) for w in (got if got is not None else _FALLBACK[section].get(key, []))]

    bodies = [str(w) for w in ((raw.get("labels") or {}).get("bodies") or _FALLBACK_BODIES)]
    composed = _composed_stems(raw.get("labels") or {})
    stems = {k: _longest_first([*label_words("stems", k), *composed.get(k, [])]) for k in ("lead", "duty", "support")}
    qualifiers = _qualifiers(raw.get("labels") or {})
    bare_duty = _bare_duty(raw.get("labels") or {})
    open_raw = (raw.get("labels") or {}).get("open") or {}
    # what an open label's noun ends in when it names a person: its own list, the officials' titles and people nouns
    person_nouns = [
        *(str(w) for w in open_raw.get("people") or []),
        *(str(w) for w in (raw.get("titles") if raw.get("titles") is not None else _FALLBACK_TITLES)),
        *(str(w) for w in (raw.get("people") or {}).get("nouns") or []),
    ]
    fields = {
        k: _longest_first(
            [
                *(q + s + b for q in qualifiers.get(k, []) for s in stems["duty"] for b in bodies),
                # and before a stem of their own role: 协同 + 配合 + 单位 (a support field), 主要 + 牵头 + 部门
                *(q + s + b for q in qualifiers.get(k, []) for s in stems.get(k, []) if q != s for b in bodies),
                *(s + b for s in stems[k] for b in bodies),
                *words("fields", k),
            ]
        )
        for k in ("lead", "duty", "support")
    }
    provide = _provide(raw)
    verbs = {
        k: _longest_first([*words("verbs", k), *(provide if k == "clause_support" else [])])
        for k in ("lead", "paired", "joint", "support", "assist", "clause_lead", "clause_support", "duty", "framing",
                  "again", "guide")
    }
    columns = (
        ("no", tuple(words("columns", "no"))),
        ("task", tuple(words("columns", "task"))),
        ("lead", fields["lead"]),
        ("duty", fields["duty"]),
        ("support", fields["support"]),
        ("due", tuple(words("columns", "due"))),
        # 责任领导, 分管县领导: a person, not a unit, not the task (the whole labels and the composed `people`)
        ("person", _longest_first([*words("columns", "person"), *_people(raw)])),
        ("note", tuple(words("columns", "note"))),  # 备注
        # 督办单位 | 督查部门 | 考核单位: the office supervising the task, no unit of it (a column or a field read as none)
        ("oversight", tuple(o + b for o in _longest_first([str(w) for w in raw.get("oversight") or []]) for b in bodies)),
    )
    return Roles(
        lead_fields=fields["lead"],
        duty_fields=fields["duty"],
        support_fields=fields["support"],
        lead_verbs=verbs["lead"],
        paired_verbs=verbs["paired"],
        joint_words=verbs["joint"],
        support_verbs=verbs["support"],
        assist_verbs=verbs["assist"],
        clause_lead_verbs=verbs["clause_lead"],
        clause_support_verbs=verbs["clause_support"],
        provide_words=tuple(_longest_first(provide)),
        served_by_lead=tuple(
            str(t) for t in ((raw.get("verbs") or {}).get("provide") or {}).get("to") or []
        ),
        again_words=verbs["again"],
        guide_verbs=verbs["guide"],
        duty_verbs=verbs["duty"],
        framing_words=verbs["framing"],
        columns=columns,
        titles=_longest_first(
            [str(w) for w in (raw.get("titles") if raw.get("titles") is not None else _FALLBACK_TITLES)]
        ),
        people_before=int((raw.get("people") or {}).get("before") or 0),
        stems=tuple((k, stems[k]) for k in ("lead", "duty", "support")),
        bodies=_longest_first(bodies),
        whole=tuple((k, tuple(words("fields", k))) for k in ("lead", "duty", "support")),
        qualified=tuple((k, _longest_first(qualifiers.get(k, []))) for k in ("lead", "support")),
        whole_columns=(("support", _longest_first([str(w) for w in (raw.get("columns") or {}).get("support_whole") or []])),),
        bare_lead=_longest_first([*label_words("bare", "lead"), *composed.get("lead", []), *bare_duty["lead"]]),
        bare_support=_longest_first(
            [*label_words("bare", "support"), *composed.get("support", []), *bare_duty["support"]]
        ),
        bare_duty=_longest_first(label_words("bare", "duty")),
        clause_labels=_longest_first(
            [str(w) for w in ((raw.get("labels") or {}).get("clause") or (_FALLBACK_CLAUSE if not raw else []))]
        ),
        ditto=_longest_first([str(w) for w in (raw.get("ditto") if raw.get("ditto") is not None else _FALLBACK_DITTO)]),
        oversight=_longest_first([str(w) for w in raw.get("oversight") or []]),
        open_noun=int(open_raw.get("noun") or 0),
        not_nouns=_longest_first([*person_nouns, *(str(w) for w in open_raw.get("facets") or [])]),
        person_nouns=_longest_first(person_nouns),
        standing=_standing(raw.get("due_part") or {}),
        due_closers=_longest_first([str(w) for w in (raw.get("due_part") or {}).get("closers") or []]),
        due_labels=_longest_first([str(w) for w in (raw.get("due_part") or {}).get("labels") or []]),
        placed=tuple(str(w) for w in (raw.get("labels") or {}).get("placed") or []),
    )


@memo(1, copy="shared")  # one compiled pattern from the one file
def field_label_colon() -> re.Pattern[str]:
    """A unit field's label and its colon (牵头单位：, 配合单位 :, 配合处室（单位）：, 主责警种：), the field words of
    `roles()` and the open labels."""
    r = roles()
    return re.compile(rf"(?:{r.field_pattern()}|{r.open_pattern()})(?:{r.qualifier_pattern()})?[ ]*[:：]")


# the brackets a role mark after a unit's name is written in: X(牵头), X（配合）, X〔牵头〕 (blind21 应急管理部)
MARK_OPEN, MARK_CLOSE = "(（〔[［【", ")）〕]］】"


@memo(1, copy="shared")  # one compiled pattern from the one file
def role_mark() -> re.Pattern[str]:
    """A role marked after a unit's name, at the end of the text, in any bracket and with any role word of the data
    (a bare stem, a field, a verb; groups `lead` and `support`): "X(牵头)", "X（牵头单位）", "X（总牵头）", "X（配合）".
    The responsibility clauses read a list's roles by it ("负责部门：X(牵头)，Y、Z"), and a PDF's task-table cell reads
    a line ending in it as closing a unit's name (engine/ingest/pdf.py `names_break`)."""
    r = roles()
    lead = _alt([*r.bare_lead, *r.lead_fields, *r.lead_verbs, *r.clause_lead_verbs])
    support = _alt([*r.bare_support, *r.support_fields, *r.support_verbs])
    return re.compile(
        f"[{re.escape(MARK_OPEN)}]\\s*(?:(?P<lead>{lead})|(?P<support>{support}))\\s*[{re.escape(MARK_CLOSE)}]$"
    )


@memo(1, copy="shared")  # one compiled pattern from the one file
def _mark_alone() -> re.Pattern[str]:
    r = roles()
    lead = _alt([*r.bare_lead, *r.lead_fields, *r.lead_verbs, *r.clause_lead_verbs])
    support = _alt([*r.bare_support, *r.support_fields, *r.support_verbs])
    words = f"(?:{lead}|{support})"
    return re.compile(f"[{re.escape(MARK_OPEN)}]\\s*{words}\\s*[{re.escape(MARK_CLOSE)}]|(?P<bare>{words})")


def mark_alone(line: str) -> str | None:
    """`line` (one line of a unit cell, spaces around it aside) is wholly a role mark, the words of `role_mark`: the
    mark as it reads after the name above it ("（牵头）", "(配合)", "（主责）" as printed; a bare "牵头" or "配合",
    two characters at least, set in brackets: "（牵头）"), else None. A cell listing its units one a line may set the
    lead's mark on a line of its own under the name (fixtures/fix48): the mark is that name's, not a unit."""
    s = line.strip(" \t\u3000\r\n")
    m = _mark_alone().fullmatch(s)
    if m is None:
        return None
    if m.group("bare") is None:
        return s
    return f"（{s}）" if len(s) >= 2 else None


@memo(1, copy="shared")  # one read-only mapping from the one file
def _known_roles() -> Mapping[str, str]:
    """Each label known whole (a field, a bare stem, a clause label) -> its role (no label has two)."""
    r = roles()
    out: dict[str, str] = {}
    for role, words in (
        ("support", (*r.support_fields, *r.bare_support)),
        ("lead", (*r.lead_fields, *r.bare_lead)),
        ("duty", (*r.duty_fields, *r.bare_duty, *r.clause_labels)),
    ):
        for w in words:
            out.setdefault(w, role)
    return MappingProxyType(out)


@memo(4096, copy="shared")  # a str or None
def label_role(label: str) -> str | None:
    """lead, duty or support: the role of a unit field's label (as `label_pattern` matched it), known whole (牵头单位,
    配合, 责任分工 a duty) or open (主责警种: its stem's role); None for no label of a unit field."""
    known = _known_roles().get(label)
    if known:
        return known
    r = roles()
    stem = r.open_stem(label)
    return next((role for role, stems in r.stems if stem in stems), None) if stem else None


def open_noun(label: str) -> str:
    """The noun of an open label (警种 of 主责警种); "" for a label known whole (牵头单位) or none."""
    if label in _known_roles():
        return ""
    stem = roles().open_stem(label)
    return label[len(stem) :] if stem else ""


@memo(1, copy="shared")  # one compiled pattern from the one file
def _open_alone() -> re.Pattern[str]:
    return re.compile(roles().open_pattern())


@memo(4096, copy="shared")  # a str or None
def open_label_role(label: str) -> str | None:
    """lead, duty or support: the role of `label` read whole as an OPEN label (`Roles.open_pattern`: a role stem and
    the office's own noun for its bodies, 主责警种, 牵头股, 协同科) where it stands alone, as a task table's header cell
    does, not before a colon; None when it is none (no stem, a longer noun, or a noun naming a person or a facet of
    the task: 责任人, 实施时间, 配合事项). Whether its column's cells name bodies is the reader's to judge."""
    if not label or len(label) > max((len(s) for _, ws in roles().stems for s in ws), default=0) + roles().open_noun:
        return None
    m = _open_alone().match(label + "：")
    return label_role(label) if m is not None and m.end() == len(label) else None
