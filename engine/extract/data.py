"""The word lists extract reads from rulesets/data/*.yaml (user-extendable, no code change), and the
one reader of those files (`read_data`, `load_lists`) that parse's and extract's tables go through.

Loaded once per process. units.yaml ships with the package (a checkout, or a wheel's data files: engine.ROOT)
and is required: without it a clear error says so. For the other files read here, if one is missing the
built-in minimum below keeps extraction working.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from engine import RULESETS_DIR
from engine.errors import PlancheckError
from engine.memo import memo
from engine.outputs import note_input
from engine.roles import roles

DATA_DIR = RULESETS_DIR / "data"  # engine.ROOT: a checkout, or where a wheel put the data

# the lists of units.yaml (the file is required: it ships with the package)
_UNIT_KEYS = (
    "generic", "concrete", "lower_groups", "suffixes", "list_end", "strip", "notes", "field_labels", "issuer_suffixes",
    "branches", "openers", "group_qualifiers",
)  # fmt: skip

# the lists of strength.yaml and lead_conventions.yaml (required files: they ship with the package)
_STRENGTH_KEYS = ("mandatory", "firm", "soft", "negated")
_CONVENTION_KEYS = ("first_listed", "marked", "marks", "defined_labels", "table_notes")


def read_data(name: str, *, required: bool = False) -> dict[str, Any] | None:
    """rulesets/data/`name` as read (and recorded as an input of the run), or None when there is no such file;
    `required`: a missing file is an error (a file the package always ships)."""
    path = DATA_DIR / name
    if not path.is_file():
        if required:
            raise PlancheckError("data.missing", path=str(path))
        return None
    note_input(path)
    return yaml.safe_load(path.read_text("utf-8")) or {}


def _strs(value: Any) -> list[str]:
    return [str(x) for x in (value or [])]


def required_lists(name: str, keys: Sequence[str]) -> dict[str, list[str]]:
    """The lists of rulesets/data/`name` (a file the package ships: missing is an error) named by `keys`, as
    strings; a key the file leaves out is []."""
    raw = read_data(name, required=True) or {}
    return {k: _strs(raw.get(k)) for k in keys}


def load_lists(name: str, fallback: Mapping[str, Sequence[str]], *, per_key: bool = False) -> dict[str, list[str]]:
    """The lists of rulesets/data/`name` named by `fallback`'s keys, as strings; `fallback`'s when the file is
    missing. A key the file leaves out (or leaves empty) is [] (the file says "none"), or with `per_key` its
    fallback list (the file changes only what it names)."""
    raw = read_data(name)
    if raw is None:
        return {k: list(v) for k, v in fallback.items()}
    return {k: _strs(raw.get(k) or (v if per_key else None)) for k, v in fallback.items()}


@dataclass(frozen=True)
class UnitData:
    generic: tuple[re.Pattern[str], ...]
    concrete: tuple[re.Pattern[str], ...]
    lower_groups: tuple[re.Pattern[str], ...]  # sets of the governments below (各乡镇人民政府)
    suffixes: tuple[str, ...]  # longest first
    list_end: tuple[str, ...]
    strip: tuple[str, ...]  # longest first
    field_labels: tuple[str, ...]  # fields of a clause that name no body (责任领导, 完成时限), longest first
    issuer_suffixes: tuple[str, ...] = ()  # how an issuing body's name ends (the front matter, a signature)
    notes: tuple[str, ...] = ()  # how a note inside a clause opens (以下均需X落实，不再列出): never a unit's name
    branches: tuple[str, ...] = ()  # how a body's branch in a place ends (…黑龙江省分行, …道里分局), longest first
    openers: tuple[str, ...] = ()  # how a name with no place or level word opens (中国铁路…, 国网…), longest first
    # a bracket after a name that is none of it: one opening with a contact word (（联系人：张三）), one wholly a note on
    # the list's order (（排名不分先后）), longest first
    contacts: tuple[str, ...] = ()
    order_notes: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()  # regexes of one phone number: a bracket of such numbers alone is a contact
    duty_notes: tuple[str, ...] = ()  # a bracket wholly one is how the units share the task (（按职责分工）)
    seat_notes: tuple[str, ...] = ()  # a bracket opening with one says where an office sits (（设在市能源局）)
    group_qualifiers: tuple[str, ...] = ()  # an area before a 各… group of divisions (沿黄各市、县（区）人民政府)


@dataclass(frozen=True)
class StrengthData:
    words: dict[str, str] = field(default_factory=dict)  # word -> level
    negated: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None


@memo(1, copy="shared")  # one file read once; UnitData is frozen
def unit_data() -> UnitData:
    table = read_data("units.yaml", required=True) or {}
    raw = {k: _strs(table.get(k)) for k in _UNIT_KEYS}
    by_len = lambda xs: tuple(sorted(set(xs), key=len, reverse=True))  # noqa: E731
    return UnitData(
        generic=tuple(re.compile(p) for p in raw["generic"]),
        concrete=tuple(re.compile(p) for p in raw["concrete"]),
        lower_groups=tuple(re.compile(p) for p in raw["lower_groups"]),
        suffixes=by_len(raw["suffixes"]),
        list_end=by_len(raw["list_end"]),
        strip=by_len(raw["strip"]),
        # and the labels naming an official (责任领导, 责任市领导, 包挂领导: roles.yaml `people`), one list for both
        field_labels=by_len([*raw["field_labels"], *dict(roles().columns).get("person", ())]),
        issuer_suffixes=by_len(raw["issuer_suffixes"]),
        notes=by_len(raw["notes"]),
        branches=by_len(raw["branches"]),
        openers=by_len(raw["openers"]),
        group_qualifiers=by_len(raw["group_qualifiers"]),
        contacts=by_len(_strs((table.get("asides") or {}).get("contacts"))),
        order_notes=by_len(_strs((table.get("asides") or {}).get("order"))),
        phones=tuple(_strs((table.get("asides") or {}).get("phones"))),
        duty_notes=by_len(_strs((table.get("asides") or {}).get("duty"))),
        seat_notes=by_len(_strs((table.get("asides") or {}).get("seats"))),
    )


@memo(1, copy="shared")  # one file read once; StrengthData is frozen
def strength_data() -> StrengthData:
    raw = required_lists("strength.yaml", _STRENGTH_KEYS)
    words: dict[str, str] = {}
    for level in ("soft", "firm", "mandatory"):  # a word listed twice keeps the stronger level
        for w in raw[level]:
            words[w] = level
    negated = tuple(raw["negated"])
    alts = sorted([*words, *negated], key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in alts)) if alts else None
    return StrengthData(words=words, negated=negated, pattern=pattern)


# a label a document defines ({label} of `defined_labels`): 2 to 5 characters, none a separator, a bracket or 的
_DEFINED_LABEL = r"(?P<label>[^\s。；;，,：:、（）()“”\"的为是]{2,5}?)"


@dataclass(frozen=True)
class LeadConventions:
    """How a document says which listed unit leads (rulesets/data/lead_conventions.yaml)."""

    first_listed: re.Pattern[str]  # "排在第一位的部门为牵头部门"
    # "带*号的为牵头单位", "●表示配合": the wordings of a stated mark, {mark} {says} {role} {end} {field} unfilled (the
    # one reader, engine/extract/legend.py, fills them in)
    marked: tuple[str, ...]
    marks: str  # every mark character: the one list, for units' names and a matrix's cells
    # "A角为牵头责任部门": each pattern's group "label" is the document's own label, its group "role" a role's
    defined: tuple[re.Pattern[str], ...] = ()
    legend_words: tuple[str, ...] = ()  # 表示, 代表, —: between a mark and its role ({says})
    table_notes: tuple[str, ...] = ()  # 注, 说明: the words opening a table's note (a convention of that table)
    # "分号前为牵头单位": each pattern's group "sep" names the separator; `separators` maps a name to its characters
    separated: tuple[re.Pattern[str], ...] = ()
    separators: Mapping[str, str] = field(default_factory=dict)
    # "加粗的为牵头单位" / "黑体字为配合单位": units printed bold lead / support (no group: the mark is the print)
    emphasised: tuple[re.Pattern[str], ...] = ()
    emphasised_support: tuple[re.Pattern[str], ...] = ()
    # "有下划线的为牵头单位": the same wordings, {bold} standing for a word of `underlining`
    underlined: tuple[re.Pattern[str], ...] = ()
    underlined_support: tuple[re.Pattern[str], ...] = ()
    # "括号内为配合单位" / "括号外为牵头单位": the units in a bracket after a unit support it (no group)
    bracketed: tuple[re.Pattern[str], ...] = ()
    # "其余为配合单位": the second half of a convention written inside a clause (matched whole), no unit
    others: tuple[re.Pattern[str], ...] = ()


@memo(1, copy="shared")  # one file read once; LeadConventions is frozen
def lead_conventions() -> LeadConventions:
    whole = read_data("lead_conventions.yaml", required=True) or {}  # the one reading of the file
    raw = {k: _strs(whole.get(k)) for k in _CONVENTION_KEYS}
    marks = "".join(dict.fromkeys(m for m in raw["marks"] if len(m) == 1))
    # the words of each role in a stated wording ({lead}, {support} of `separated` and `bracketed`, {role} of
    # `emphasised`)
    mark_roles = whole.get("mark_roles") or {}

    def role(name: str) -> str:
        return _alternatives(_strs(mark_roles.get(name)))

    separators = {str(k): str(v) for k, v in (whole.get("separators") or {}).items() if k and v}
    sep = "(?P<sep>" + _alternatives(separators) + ")"
    separated = tuple(
        re.compile(p.replace("{sep}", sep).replace("{lead}", role("lead")).replace("{support}", role("support")))
        for p in _strs(whole.get("separated"))
    )
    bold = _alternatives(_strs(whole.get("emphasis")))
    underline = _alternatives(_strs(whole.get("underlining")))

    def emphasised(name: str, printed: str = bold) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p.replace("{bold}", printed).replace("{role}", role(name)))
                     for p in _strs(whole.get("emphasised")))

    return LeadConventions(
        first_listed=re.compile("|".join(f"(?:{p})" for p in raw["first_listed"]) or "(?!)"),
        marked=tuple(raw["marked"]),
        marks=marks,
        defined=tuple(re.compile(_defined_pattern(p)) for p in raw["defined_labels"]),
        legend_words=tuple(sorted(_strs(whole.get("legend_words")), key=len, reverse=True)),
        table_notes=tuple(raw["table_notes"]),
        separated=separated,
        separators=separators,
        emphasised=emphasised("lead"),
        emphasised_support=emphasised("support"),
        underlined=emphasised("lead", underline),
        underlined_support=emphasised("support", underline),
        bracketed=tuple(
            re.compile(p.replace("{lead}", role("lead")).replace("{support}", role("support")))
            for p in _strs(whole.get("bracketed"))
        ),
        others=tuple(re.compile(p.replace("{support}", role("support"))) for p in _strs(whole.get("others"))),
    )


def _alternatives(words: Iterable[str]) -> str:
    """A group matching any of `words`, the longest first (none: a group that never matches)."""
    return "(?:" + ("|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)") + ")"


def _defined_pattern(p: str) -> str:
    """A `defined_labels` wording with {label} and {role} filled in (the role labels of rulesets/data/roles.yaml)."""
    role = "(?P<role>" + roles().field_pattern("lead", "support") + ")"
    return p.replace("{label}", _DEFINED_LABEL).replace("{role}", role)


@dataclass(frozen=True)
class ProseRoles:
    """The words of a closing sentence that says in prose who leads a measure (rulesets/data/prose_roles.yaml)."""

    scope_heads: tuple[str, ...]  # 此, 本, 以上: the measure named as the sentence's subject, before 由
    scope_counts: tuple[str, ...]  # 项, 各项
    scope_nouns: tuple[str, ...]  # 工作, 任务
    scope_manner: tuple[str, ...]  # 具体: "此项工作具体由X负责", "具体由X组织实施"
    requests: tuple[str, ...]  # 请: "请X牵头，Y配合" read as 由
    lead_verbs: tuple[str, ...]  # longest first
    object_verbs: tuple[str, ...]  # the lead verbs that take an object in running text (落实资金)
    not_after: tuple[str, ...]  # 负责人, 负责同志, 负责制: no verb
    not_after_but: tuple[str, ...]  # 负责制定: the verb after all
    alone: tuple[str, ...] = ()  # 负责组织实施, 履行牵头责任: "X<predicate>。" alone assigns (no 由, no support part)
    support_predicates: tuple[str, ...] = ()  # 履行配合责任: beside roles.yaml's support verbs
    modal: tuple[str, ...] = ()  # 要, 应, 予以 …: between a unit list and its predicate, never part of a name
    group_heads: tuple[str, ...] = ()  # 各, 驻地: a group of bodies named by its head (各运输机场)
    not_groups: tuple[str, ...] = ()  # 级, 类, 环节: after a head, no group of bodies (各级, 各环节)
    after_units: tuple[str, ...] = ()  # 组织, 制定, 在 …: a verb or preposition after the last unit of a list
    opening_verbs: tuple[str, ...] = ()  # 牵头, 负责: "X牵头，Y配合，做好…" opening a measure's text
    opening_not: tuple[str, ...] = ()  # 以, 建立, 形成: a sentence opening so is prose ("以X为牵头…")
    opening_requested: tuple[str, ...] = ()  # 按职责分工: closing a lead part after 请 ("请X、Y按职责分工，…")
    participants: tuple[str, ...] = ()  # 群众, 社会各界, 志愿者: the public named where support stands, no body
    heading_dashes: tuple[str, ...] = ()  # ——, ──: a heading line's dash before its division of labour
    heading_title_max: int = 40  # how long the heading before that dash may be
    in_house: tuple[str, ...] = ()  # 部内, 厅内: the issuer's own house named before 由, a scope and no unit
    own_part: tuple[str, ...] = ()  # 负责组织实施: a last part's predicate by which the level below leads on its own


@memo(1, copy="shared")  # one file read once; ProseRoles is frozen
def prose_roles() -> ProseRoles:
    raw = read_data("prose_roles.yaml", required=True) or {}
    scope = raw.get("scope") or {}
    names = raw.get("names") or {}
    by_len = lambda xs: tuple(sorted(dict.fromkeys(_strs(xs)), key=len, reverse=True))  # noqa: E731
    return ProseRoles(
        scope_heads=by_len(scope.get("heads")),
        scope_counts=by_len(scope.get("counts")),
        scope_nouns=by_len(scope.get("nouns")),
        scope_manner=by_len(scope.get("manner")),
        requests=by_len(raw.get("requests")),
        # the verbs of the first list and the predicates added for the forms of blind36 (prose36b), one list
        lead_verbs=by_len([*_strs(raw.get("lead_verbs")), *_strs(raw.get("lead_predicates"))]),
        object_verbs=by_len(raw.get("object_verbs")),
        not_after=by_len(raw.get("not_after")),
        not_after_but=by_len(raw.get("not_after_but")),
        alone=by_len(raw.get("alone")),
        support_predicates=by_len(raw.get("support_predicates")),
        modal=by_len(raw.get("modal")),
        group_heads=by_len(names.get("group_heads")),
        not_groups=by_len(names.get("not_groups")),
        after_units=by_len(raw.get("after_units")),
        opening_verbs=by_len((raw.get("opening") or {}).get("lead_verbs")),
        opening_not=by_len((raw.get("opening") or {}).get("not_openers")),
        opening_requested=by_len((raw.get("opening") or {}).get("requested")),
        participants=by_len(raw.get("participants")),
        heading_dashes=by_len((raw.get("heading_dash") or {}).get("dashes")),
        heading_title_max=int((raw.get("heading_dash") or {}).get("title_max") or 40),
        in_house=by_len(raw.get("in_house")),
        own_part=by_len(raw.get("own_part")),
    )
