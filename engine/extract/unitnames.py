"""Unit names across levels and time: the registry (rulesets/data/unit_registry.yaml) and reading a name.

A name is read as [prefix][form]: the prefix says where the body sits (a level word, a place name,
中共…委, …政府), the form which body it is (the longest registry form that leaves a readable prefix
wins, so 县文化和旅游局 is 文化和旅游局, never 旅游局 under a prefix 县文化和). A name no form fits is
"unknown": listed by `plancheck units`, never a finding. The draft's own jurisdiction and level
decide whether a prefix is the plan itself, an upper level, another jurisdiction or a place below.

Mentions come from two places: the responsibility units extract found (lead, support), and names
in the text written with a prefix this draft can use (its own name, its parent's, a level word).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from engine import RULESETS_DIR
from engine.extract.responsibility import without_responsibility
from engine.memo import memo
from engine.models import LEVEL_RANK, Level, Plan
from engine.parse import outside_divisions, zones
from engine.parse.level import PLACE_SUFFIXES, PROVINCES, levels_table, place_at

REGISTRY_PATH = RULESETS_DIR / "data" / "unit_registry.yaml"

BodyKind = Literal["government", "party", "congress", "court", "vertical", "mass"]
_RANK = LEVEL_RANK


# --------------------------------------------------------------------------- the file's models


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _names(v: list[str]) -> list[str]:
    out = [str(x).strip() for x in v]
    if any(not x for x in out):
        raise ValueError("a name is empty")
    return out


class LevelNames(_Data):
    """How a body is named at some local levels where its usual local name would be wrong or one of
    several in use: 县 bodies of a vertically managed department are branches of the city's body
    ({upper}生态环境局{place}分局); a county merged several departments into one (文化广电体育和旅游局)."""

    levels: list[Literal["province", "city", "county", "town"]] = Field(min_length=1)
    names: list[str] = Field(
        min_length=1,
        description="names in use at these levels, the usual first; several = each is right, the office's own "
        "三定 decides. {upper}: the place above (柳州市, else its level word); {place}: the unit's own place "
        "(广宁县); a name without them takes the unit's prefix (县…)",
    )
    source: str = Field(description="id of the source in `sources`")
    note: str | None = None

    @field_validator("names")
    @classmethod
    def _nonempty(cls, v: list[str]) -> list[str]:
        out = _names(v)
        for name in out:
            rest = name.replace("{upper}", "").replace("{place}", "")
            if "{" in rest or "}" in rest:
                raise ValueError(f"'{name}': the only placeholders are {{upper}} and {{place}}")
        return out


class Body(_Data):
    """One body under its names at each level (the counterparts across levels)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$", description="stable ASCII id, used by renames.successor")
    kind: BodyKind = Field("government", description="court and vertical bodies are never another level's unit")
    local: list[str] = Field(default_factory=list, description="city/county/district names; the first is the full name")
    province: list[str] = Field(default_factory=list, description="province names (…厅); the first is the full name")
    national: list[str] = Field(default_factory=list, description="national names as written (国家…, …部); first is full")
    since: dt.date | None = Field(None, description="set up on this date (新组建), where it matters")
    at_level: list[LevelNames] = Field(
        default_factory=list, description="names at particular levels that differ from the local full name"
    )
    note: str | None = None

    @field_validator("local", "province", "national")
    @classmethod
    def _nonempty(cls, v: list[str]) -> list[str]:
        return _names(v)


class Rename(_Data):
    """Names abolished or replaced, the body that took over, and the last date a plan may use them."""

    old: list[str] = Field(min_length=1, description="the abolished names (forms, without prefix)")
    successor: str = Field(description="id of the body that took over")
    tier: Literal["national", "local"] = Field(
        "local", description="national: names read as written; local: names taking any prefix (县, 自治区 …)"
    )
    until: dt.date = Field(description="the latest date the reform allowed for it; later plans are out of date")
    source: str = Field(description="id of the source in `sources`")
    note: str | None = None
    kept_in: list[str] = Field(
        default_factory=list,
        description="places whose reform kept these names (西藏自治区 kept its 文化厅): a name read there, or with "
        "one of them as its prefix, is current",
    )
    levels: list[Literal["province", "city", "county", "town"]] = Field(
        default_factory=list,
        description="the levels whose bodies the reform renamed (empty = every level): a name of a body at another "
        "level (镇综治办: the 2018 reform abolished the 综治办 of counties and above, a town keeps its own) is current; "
        "a name with no level word or place before it is read at the draft's level",
    )
    levels_source: str | None = Field(
        None, description="id of the source in `sources` that says which levels the reform renamed; needed with `levels`"
    )

    @field_validator("old")
    @classmethod
    def _nonempty(cls, v: list[str]) -> list[str]:
        return _names(v)


class UnitRegistry(_Data):
    """rulesets/data/unit_registry.yaml: bodies, renames, branch endings and the sources of the dates."""

    sources: dict[str, str] = Field(default_factory=dict, description="source id -> the document it names")
    branches: list[str] = Field(default_factory=list, description="endings of a branch of an upper body (分局 …)")
    bodies: list[Body] = Field(default_factory=list)
    renames: list[Rename] = Field(default_factory=list)

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Cross-references a model cannot check: unknown successors and sources, repeated ids."""
        out: list[tuple[tuple[str | int, ...], str]] = []
        ids: set[str] = set()
        for i, b in enumerate(self.bodies):
            if b.id in ids:
                out.append((("bodies", i, "id"), f"body id '{b.id}' is used twice"))
            ids.add(b.id)
            if not (b.local or b.province or b.national):
                out.append((("bodies", i), "a body needs at least one name (local, province or national)"))
            for j, at in enumerate(b.at_level):
                if at.source not in self.sources:
                    out.append((("bodies", i, "at_level", j, "source"), f"no source with id '{at.source}' in `sources`"))
        for i, r in enumerate(self.renames):
            if r.successor not in ids:
                out.append((("renames", i, "successor"), f"no body with id '{r.successor}'"))
            if r.source not in self.sources:
                out.append((("renames", i, "source"), f"no source with id '{r.source}' in `sources`"))
            if r.levels and r.levels_source not in self.sources:
                out.append((("renames", i, "levels_source"), "`levels` needs a `levels_source`, the id of a source in "
                            f"`sources` (got '{r.levels_source}')"))
        return out

    def merged(self, other: UnitRegistry) -> UnitRegistry:
        """This registry with `other`'s entries added; a body with the same id is replaced."""
        bodies = {b.id: b for b in self.bodies}
        bodies.update({b.id: b for b in other.bodies})
        return UnitRegistry(
            sources={**self.sources, **other.sources},
            branches=list(dict.fromkeys([*self.branches, *other.branches])),
            bodies=list(bodies.values()),
            renames=[*self.renames, *other.renames],
        )


def read_registry_file(path: Path) -> UnitRegistry:
    """One registry file, validated; a bad one raises PlancheckError with file, line and key."""
    from engine.rules.loader import read_data_model

    return read_data_model(path, UnitRegistry, "a unit registry is a mapping with sources, bodies, renames")


# one Registry per set of registry files (and their mtimes): a run has one, a server a few
@memo(8, copy="shared")
def _registry(paths: tuple[str, ...], stamps: tuple[float, ...]) -> Registry:
    reg = read_registry_file(REGISTRY_PATH) if REGISTRY_PATH.is_file() else UnitRegistry()
    for p in paths:
        reg = reg.merged(read_registry_file(Path(p)))
    return Registry(reg)


def load_registry(extra: Sequence[str] = ()) -> Registry:
    """The shipped registry plus an office's own files (later files add to and replace earlier ones)."""
    stamps = tuple(Path(p).stat().st_mtime if Path(p).is_file() else -1.0 for p in (str(REGISTRY_PATH), *extra))
    return _registry(tuple(str(p) for p in extra), stamps)


def registry_from(data: dict[str, object]) -> Registry:
    """The registry a run was given (CheckContext.data['unit_registry']), else the shipped one."""
    reg = data.get("unit_registry")
    return reg if isinstance(reg, Registry) else load_registry()


# --------------------------------------------------------------------------- the compiled registry


@dataclass(frozen=True)
class Form:
    """One name of a body (or an abolished name) and the level it is written for."""

    text: str
    body: Body | None  # None for a rename's old name that is no body's current name
    tier: Literal["national", "province", "local"]
    rename: Rename | None = None


class Registry:
    """A validated UnitRegistry made fast to read: forms by text, bodies by id."""

    def __init__(self, data: UnitRegistry) -> None:
        self.data = data
        self.bodies = {b.id: b for b in data.bodies}
        self.forms: dict[str, list[Form]] = {}
        for b in data.bodies:
            for tier in ("national", "province", "local"):
                for name in getattr(b, tier):
                    self.forms.setdefault(name, []).append(Form(name, b, tier))  # type: ignore[arg-type]
        for r in data.renames:
            for name in r.old:
                self.forms.setdefault(name, []).append(Form(name, None, r.tier, r))
        self.branches = tuple(sorted(data.branches, key=len, reverse=True))
        self.longest = max((len(f) for f in self.forms), default=0)
        self._local: str | None = None
        self._national: str | None = None

    def full_name(self, body: Body, level: str, own: str = "") -> str:
        """The body's full name at a level (province falls back to the local name); for names that
        carry the level word (全面依法治县委员会办公室), the one for `own` (县, 区, 市 …)."""
        if level == "national" and body.national:
            return body.national[0]
        if level == "province" and body.province:
            names = body.province
        else:
            names = body.local or body.province or body.national
        mine = [n for n in names if own and f"治{own}" in n]
        return (mine or names)[0]

    def at_level(self, body: Body, level: str) -> LevelNames | None:
        """The registry's names for the body at this level, where they differ from its local full name."""
        return next((a for a in body.at_level if level in a.levels), None)

    def local_pattern(self) -> str:
        """Regex of every name that takes a prefix (for finding names in text), as a trie: one
        alternation of hundreds of names would be tried name by name at every prefix."""
        if self._local is None:
            self._local = trie_regex({f.text for fs in self.forms.values() for f in fs if f.tier != "national"})
        return self._local

    def national_pattern(self) -> str:
        if self._national is None:
            self._national = trie_regex({f.text for fs in self.forms.values() for f in fs if f.tier == "national"})
        return self._national


def trie_regex(words: set[str]) -> str:
    """A regex matching exactly `words`, longest first at every branch (a prefix tree)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"
        return body + ("?" if ends else "")

    return render(trie) if words else "(?!)"


# --------------------------------------------------------------------------- where a name sits

Relation = Literal["self", "upper", "other", "below", "branch", "unknown"]
# the state's own name before a national body's (中华人民共和国司法部, 中华人民共和国海关总署)
NATIONAL_PREFIXES = ("中华人民共和国",)


@dataclass(frozen=True)
class Where:
    """The draft's own place: level, jurisdiction (城中区) and the jurisdiction above it (柳州市)."""

    level: Level
    jurisdiction: str = ""
    parent: str = ""

    @classmethod
    def of(cls, plan: Plan) -> Where:
        return cls(plan.level, plan.jurisdiction or "", plan.parent_jurisdiction or "")


# the level words of unit names (县司法局, 盟发展改革委, 地区行署…) and the words a division's own bodies take
# (神农架林区: 林区X局) are data: rulesets/data/levels.yaml unit_words / own_unit_words (a file the package ships)
@memo(1, copy="shared")  # a read-only mapping built once from the one file
def _level_words() -> MappingProxyType[str, Level]:
    """A level word that opens a body's name in any plan -> the level it names (levels.yaml unit_words)."""
    raw = levels_table().get("unit_words")
    return MappingProxyType({str(k): v for k, v in (raw or {}).items()})


@memo(1, copy="shared")  # tuples, longest ending first
def _own_word_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = levels_table().get("own_unit_words")
    table = {str(k): tuple(str(w) for w in v) for k, v in (raw or {}).items()}
    return tuple(sorted(table.items(), key=lambda kv: -len(kv[0])))


_SUFFIX_ORDER = sorted(PLACE_SUFFIXES, key=len, reverse=True)
_FULL_PROVINCE = {short: full for full, short in PROVINCES.items()}


def stem(name: str) -> str:
    """城中区 -> 城中, 广西壮族自治区 -> 广西: the form texts also use for a place (two characters at least)."""
    if name in PROVINCES:
        return PROVINCES[name]
    for s in _SUFFIX_ORDER:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return name


@memo(64, copy="shared")  # a tuple of str per jurisdiction a process meets
def own_words(where: Where) -> tuple[str, ...]:
    """The level words the draft's own bodies are named with, the usual first (区 for 城中区, 市 for a county-level
    city, 县 for an 自治县, 林区 and 区 for 神农架林区): levels.yaml own_unit_words, else the place suffix."""
    j = _FULL_PROVINCE.get(where.jurisdiction, where.jurisdiction)  # 北京 -> 北京市: 市 is the plan itself
    for ending, words in _own_word_table():
        if j.endswith(ending) and len(j) > len(ending):
            return words
    base = next(((s,) for s in _SUFFIX_ORDER if j.endswith(s)), ())
    # a zone names its own bodies with its kind (赣江新区: 新区财政局; 西安高新区: 高新区X局; levels.yaml `zones`), first
    # unless the gazetteer lists it as a division (天津市滨海新区 writes 区 as any 区, and 新区 too)
    kind = zones.zone_kind(j) if len(j) > 2 else None
    if kind is None or kind in base:
        return base
    return (kind, *base) if zones.is_zone(j) else (*base, kind)


def is_level_word(prefix: str) -> bool:
    """县, 区委, 市人民政府: the prefix names a level, not a place (县司法局, not 广宁县司法局)."""
    return bare_prefix(prefix) in _level_words()


def bare_prefix(prefix: str) -> str:
    """中共广宁县委 -> 广宁县, 区委 -> 区, 县人民政府 -> 县, 自治区党委 -> 自治区."""
    p = prefix[2:] if prefix.startswith("中共") else prefix
    for tail in ("人民政府", "政府", "党委", "委"):
        if p.endswith(tail) and len(p) > len(tail):
            p = p[: -len(tail)]
            break
    return p


def _places(text: str) -> list[tuple[str, Level]] | None:
    """The run of place names that makes up all of `text`, or None when something else is left."""
    out: list[tuple[str, Level]] = []
    pos = 0
    while pos < len(text):
        hit = place_at(text, pos)
        if hit is None:
            return None
        name, level, pos = hit
        out.append((name, level))
    return out


def relation_of(prefix: str, where: Where) -> tuple[Relation, Level | Literal["unknown"]] | None:
    """Where a prefix puts a body relative to the draft; None when the prefix is no place at all."""
    p = bare_prefix(prefix)
    if not p:
        return "unknown", "unknown"
    dl = where.level
    words = _level_words()
    if p in words or p in own_words(where):
        lv = words.get(p, dl)  # 林区 in 神农架林区's plan: a word of its own kind, at its level
        rel = _by_level(p, lv, where)
        return rel, (dl if rel == "self" else lv)  # 市 in a county-level city's plan is a county body
    j, par = where.jurisdiction, where.parent
    if j and p in (j, stem(j)):
        return "self", dl
    if par and p in (par, stem(par)):
        return ("upper" if dl != "unknown" else "unknown"), "unknown"
    if p in PROVINCES.values():
        if outside_divisions.alongside([p], j):
            return "unknown", "province"  # 自治区X in a 兵团 plan: the system beside it
        return _named(p, "province", where), "province"
    places = _places(p)
    if not places:
        return None
    name, lv = places[-1]
    if j and (name == j or stem(name) == stem(j)):
        return "self", dl
    if outside_divisions.alongside([n for n, _ in places], j):
        return "unknown", lv  # 新疆生产建设兵团X局 in a 自治区 plan, 第五师双河市 in a 州's (levels.yaml outside_divisions)
    lv = _gazetteer_level(name, lv)
    return _named(name, lv, where), lv


def _gazetteer_level(name: str, lv: Level) -> Level:
    """The level the gazetteer gives a place where its suffix misleads: 四会市 and 桂平市 are county-level
    cities (a sibling of a county, not its city); a name at several levels keeps its suffix's level."""
    from engine.parse.places import gazetteer

    levels = {p.level for p in gazetteer().lookup(name)}
    return levels.pop() if len(levels) == 1 else lv  # type: ignore[return-value]


def _by_level(word: str, lv: Level, where: Where) -> Relation:
    dl = where.level
    if dl not in _RANK:
        return "unknown"
    own = own_words(where)
    if word in own:
        return "self"  # 市 in a county-level city's plan is the plan itself; 林区 in 神农架林区's
    if not own and dl == "county" and word == "市":
        return "unknown"  # a county-level plan of unknown name may be a county-level city's
    if _RANK[lv] < _RANK[dl]:
        return "upper"
    if _RANK[lv] > _RANK[dl]:
        return "below"
    return "unknown" if own else "self"


def _named(name: str, lv: Level, where: Where) -> Relation:
    dl = where.level
    if dl not in _RANK or lv not in _RANK:
        return "unknown"
    if _RANK[lv] < _RANK[dl]:
        return "upper"
    if _RANK[lv] > _RANK[dl]:
        return "below"
    return "other" if where.jurisdiction else "unknown"


# --------------------------------------------------------------------------- reading one name


@dataclass(frozen=True)
class UnitRead:
    """What the registry says about one unit name in one draft."""

    name: str
    prefix: str = ""
    form: str = ""
    body: Body | None = None
    rename: Rename | None = None
    relation: Relation = "unknown"
    level: str = "unknown"  # the level the name is written for
    branch: bool = False

    @property
    def known(self) -> bool:
        return self.body is not None or self.rename is not None


# frozen UnitRead; the unit names of a few plans (a plan names a few hundred)
@memo(4096, copy="shared")
def read_unit(name: str, where: Where, reg: Registry) -> UnitRead:
    """The longest registry form that ends `name` and leaves a readable prefix; unknown otherwise.

    Memoised by (name, place, registry): a UnitRead is frozen, and a Registry is never changed."""
    name = re.sub(r"\s+", "", name)
    branch = _branch(name, where, reg)
    if branch is not None:
        return branch
    for k in range(max(0, len(name) - reg.longest), len(name)):
        forms = reg.forms.get(name[k:])
        if not forms:
            continue
        prefix = name[:k]
        read = _with_prefix(name, prefix, forms, where)
        if read is not None:
            return read
    return UnitRead(name)


def _with_prefix(name: str, prefix: str, forms: list[Form], where: Where) -> UnitRead | None:
    bodies = [f.body for f in forms if f.body is not None]
    # a form two bodies share is read by its prefix (金融办: 自治区党委金融办 and 市委金融办 the party committee's office,
    # 市金融办 the government's; unit_registry.yaml financial-committee-office)
    party = prefix.startswith("中共") or prefix.endswith("委")
    body = next((b for b in bodies if (b.kind == "party") == party), bodies[0] if bodies else None)
    renames = [f.rename for f in forms if f.rename is not None and not _kept(f.rename, prefix, where)]
    rename = renames[0] if renames else None
    tiers = {f.tier for f in forms}
    if tiers == {"national"}:
        if prefix and prefix not in NATIONAL_PREFIXES:
            return None  # national names are written whole: 县公安部 is no unit
        return UnitRead(name, prefix, name[len(prefix):], body, rename, _national(where), "national")
    rel = relation_of(prefix, where)
    if rel is None:
        if body is not None and body.kind in ("vertical", "court"):
            # 国家税务总局广宁县税务局, 广西壮族自治区柳州市中级人民法院: located here, managed from above
            return UnitRead(name, prefix, name[len(prefix):], body, rename, "branch", "unknown", branch=True)
        return None
    relation, level = rel
    if level == "unknown" and not prefix and tiers == {"province"}:
        relation, level = ("upper" if where.level in ("city", "county", "town") else "unknown"), "province"
    # a rename of some levels only (`levels`): the body's level is its prefix's, a bare name's the draft's own
    at = level if level != "unknown" else (where.level if not bare_prefix(prefix) else "unknown")
    rename = next((r for r in renames if not r.levels or at == "unknown" or at in r.levels), None)
    return UnitRead(name, prefix, name[len(prefix):], body, rename, relation, level)


def _kept(rename: Rename, prefix: str, where: Where) -> bool:
    """A rename's names are current where its place kept them (`kept_in`): the unit's own prefix names that place
    (西藏自治区文化厅), or, with a bare level prefix (自治区文化厅), the draft is that place's or a place under it."""
    if not rename.kept_in:
        return False
    own = prefix.removeprefix("中共")
    if any(own.startswith(p) for p in rename.kept_in):
        return True
    if own.strip("省市州县区旗盟自治"):  # a place's own prefix (拉萨市文化局): kept where that place lies in the kept one
        return _lies_in(own, rename.kept_in)
    places = [w for w in (where.jurisdiction, where.parent) if w]
    return any(w.startswith(p) for p in rename.kept_in for w in places) or any(
        _lies_in(w, rename.kept_in) for w in places
    )


def _lies_in(name: str, places: Sequence[str]) -> bool:
    """Every division of the gazetteer called `name` lies under a place whose name begins with one of `places`
    (拉萨市 and 城关区 of 拉萨 in 西藏; a name shared with a place elsewhere — 城关区 of 兰州 — lies in none)."""
    from engine.parse.places import gazetteer

    g = gazetteer()
    found = {p.code: p for p in (*g.lookup(name), *g.named(name))}
    if not found:
        return False
    return all(
        any(n.startswith(k) for a in p.ancestors if (up := g.places.get(a)) for n in (up.name, *up.names) for k in places)
        for p in found.values()
    )


def _national(where: Where) -> Relation:
    return "self" if where.level == "national" else ("upper" if where.level in _RANK else "unknown")


def _branch(name: str, where: Where, reg: Registry) -> UnitRead | None:
    """市公安局城中分局, 中国人民银行柳州市中心支行: an upper body's branch located in the jurisdiction."""
    end = next((b for b in reg.branches if name.endswith(b) and len(name) > len(b)), None)
    if end is None:
        return None
    head = name[: -len(end)]
    for i in range(len(head) - 1, 1, -1):
        upper = read_unit(head[:i], where, reg) if not head[:i].endswith(end) else None
        if upper is not None and upper.body is not None and upper.form == head[:i][len(upper.prefix):]:
            return UnitRead(name, upper.prefix, upper.form, upper.body, upper.rename, "branch", upper.level, True)
    return None


# --------------------------------------------------------------------------- mentions in a draft

Role = Literal["lead", "support", "text"]


@dataclass(frozen=True)
class Mention:
    """A unit named by the draft: in a measure's responsibility clause or in its text."""

    item: str | None  # measure ref; None for the title, preamble or closing
    role: Role
    read: UnitRead
    context: str = field(default="", compare=False)  # the clause around a text mention


# Words around a name that make it history, not a body the plan addresses (原县工商局, 撤销县法制办)
HISTORY = re.compile(r"原$|(撤销|不再保留|整合|划入|划转|组建|更名|改革前|改设|合并)")


def mentions(plan: Plan, reg: Registry) -> tuple[Mention, ...]:
    """Every unit the draft names, in document order: responsibility units, then names in the text (the
    closing's too, but not its distribution and signature lines: `engine.parse.closing.said`).

    Three kinds ask for the same draft's mentions; they are kept by the text they come from."""
    from engine.parse.closing import said  # the parser's closing words; engine.parse imports this package

    key = tuple((m.ref, *_units_judged(m), without_responsibility(m, fill="\n")) for m in plan.measures)
    return _mentions(key, said(plan.closing), Where.of(plan), reg)


# a tuple of frozen Mentions per plan's measure texts: the plans of a batch or a warm server
@memo(32, copy="shared")
def _mentions(
    measures: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...], closing: str, where: Where, reg: Registry
) -> tuple[Mention, ...]:
    out: list[Mention] = []
    for ref, leads, supports, text in measures:
        seen: set[str] = set()
        for role, names in (("lead", leads), ("support", supports)):
            for n in names:
                out.append(Mention(ref, role, read_unit(n, where, reg)))  # type: ignore[arg-type]
                seen.add(re.sub(r"\s+", "", n))
        out += _in_text(ref, text, where, reg, seen)
    out += _in_text(None, closing, where, reg, set())
    return tuple(out)


def _units_judged(m) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(leads, supports) named by this measure: a chapter's clause counts once, on its first item."""
    if m.responsibility is not None and m.responsibility.inherited:
        return (), ()
    return tuple(m.lead_units), tuple(m.support_units)


# 农业部门, 文化部门, 宣传部门 are kinds of department, not 农业部 or 文化部
_NOT_A_DEPARTMENT = "(?!(?<=部)门)"


def text_pattern_plain(where: Where, reg: Registry) -> re.Pattern[str]:
    """The plain definition of a name in text: [中共]place[党委|委][人民政府|政府]form, or a national
    name. `_names_in` finds the same spans without compiling a pattern per draft (tests compare)."""
    prefix = trie_regex(set(_places_for(where)))
    return re.compile(
        rf"(?:中共)?(?:{prefix})(?:党委|委)?(?:人民政府|政府)?(?:{reg.local_pattern()}){_NOT_A_DEPARTMENT}"
        rf"|(?:{reg.national_pattern()}){_NOT_A_DEPARTMENT}"
    )


# tuples of str; one per jurisdiction and parent a process meets
@memo(64, copy="shared")
def _places_for(where: Where) -> tuple[str, ...]:
    """Places a name in this draft's text may be written under, longest first."""
    places = [where.jurisdiction, stem(where.jurisdiction), where.parent, stem(where.parent)]
    places += [w for w in (*_level_words(), *own_words(where)) if w not in ("村", "社区", "全国")]
    places += [*PROVINCES, *PROVINCES.values()]
    return tuple(sorted({p for p in places if p}, key=lambda p: (-len(p), p)))


# a compiled pattern per Registry (as many as _registry keeps)
@memo(8, copy="shared")
def _forms_re(reg: Registry) -> re.Pattern[str]:
    """Any registry name (a prefix tree: re skips positions whose character starts no name)."""
    return re.compile(trie_regex({f for f in reg.forms}))


# an int per tuple of places (as many as _places_for keeps)
@memo(64, copy="shared")
def _reach(places: tuple[str, ...]) -> int:
    return max((len(p) for p in places), default=0) + len("中共党委人民政府")


def _names_in(text: str, where: Where, reg: Registry) -> Iterator[tuple[int, int]]:
    """Spans of unit names in `text`, as `text_pattern_plain` finds them, without compiling a pattern
    per draft: each position where a registry name begins is found by one pattern per registry, and
    the place before it is read backwards (the draft's own names vary per draft)."""
    places = _places_for(where)
    reach = _reach(places)
    forms = _forms_re(reg)
    pos = 0
    while True:
        best: tuple[int, int] | None = None
        at = pos
        while (m := forms.search(text, at)) is not None and (best is None or m.start() - reach <= best[0]):
            found = _at(text, m.start(), pos, places, reg)
            if found and (best is None or found[0] < best[0]):
                best = found
            at = m.start() + 1  # a name may begin inside this one (the plain pattern would try there too)
        if best is None:
            return
        yield best
        pos = best[1]


def _at(text: str, f: int, pos: int, places: tuple[str, ...], reg: Registry) -> tuple[int, int] | None:
    """The name whose form starts at `f`: (start, end), the longest form that fits, or None."""
    start = _prefix_start(text, f, places)
    if start is not None and start < pos:
        start = None
    for e in range(min(len(text), f + reg.longest), f, -1):
        forms = reg.forms.get(text[f:e])
        if not forms or (text[e - 1] == "部" and text[e : e + 1] == "门"):
            continue
        if start is not None and any(x.tier != "national" for x in forms):
            return start, e
        if any(x.tier == "national" for x in forms):
            return f, e
    return None


# a tuple per tuple of places (as many as _places_for keeps)
@memo(64, copy="shared")
def _places_by_length(places: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """`places` as sets of one length each, the longest first: a lookup per length, not a comparison per place
    (a province's gazetteer is hundreds of places, and every unit name in a text is read against them)."""
    lengths = sorted({len(p) for p in places}, reverse=True)
    return tuple((n, frozenset(p for p in places if len(p) == n)) for n in lengths)


def _prefix_start(text: str, end: int, places: tuple[str, ...]) -> int | None:
    """Where [中共]place[党委|委][人民政府|政府] ending at `end` starts (the earliest such start), or None;
    of the places ending there, the longest is read."""
    best: int | None = None
    by_length = _places_by_length(places)
    for gov in ("人民政府", "政府", ""):
        e1 = end - len(gov)
        if e1 < 0 or text[e1:end] != gov:
            continue
        for party in ("党委", "委", ""):
            e2 = e1 - len(party)
            if e2 < 0 or text[e2:e1] != party:
                continue
            for n, same in by_length:
                s0 = e2 - n
                if s0 >= 0 and text[s0:e2] in same:
                    if s0 >= 2 and text[s0 - 2 : s0] == "中共":
                        s0 -= 2
                    best = s0 if best is None else min(best, s0)
                    break
    return best


_CLAUSE_STOP = re.compile("[。；;！？\n]")


def _in_text(item: str | None, text: str, where: Where, reg: Registry, seen: set[str]) -> Iterator[Mention]:
    stops: list[int] | None = None  # where clauses end, found once (a search per name was quadratic in a long text)
    # each clause's text, cut once and shared by the names in it: a copy per name held a text with no clause stop
    # once per name in it (40,000 names in a 200,000-character run: 16 GB)
    clauses: dict[tuple[int, int], str] = {}
    for a, b in _names_in(text, where, reg):
        name = text[a:b]
        if name in seen:
            continue
        read = read_unit(name, where, reg)
        if not read.known:
            continue
        if stops is None:
            stops = [m.start() for m in _CLAUSE_STOP.finditer(text)]
        k = bisect.bisect_left(stops, a)  # the clause around the name: after the last stop before it
        start = stops[k - 1] + 1 if k else 0
        k = bisect.bisect_left(stops, b, k)  # to the first stop at or after its end
        stop = stops[k] if k < len(stops) else len(text)
        context = clauses.get((start, stop))
        if context is None:
            context = clauses[start, stop] = text[start:stop]
        yield Mention(item, "text", read, context)


def is_history(mention: Mention) -> bool:
    """The clause speaks of the body's past (原县工商局, 撤销…, 整合…职责), not of a body that acts now."""
    ctx = mention.context
    if not ctx:
        return False
    i = ctx.find(mention.read.name)
    before = ctx[:i] if i >= 0 else ctx
    return bool(re.search(r"原$", before)) or bool(HISTORY.search(ctx))


# --------------------------------------------------------------------------- status and proposals


def status_of(read: UnitRead, date: str | None) -> str:
    """current | outdated | renamed (abolished, but the draft's date is unknown) | unknown."""
    if read.rename is not None:
        if date is None:
            return "renamed"
        if read.rename.until < dt.date.fromisoformat(date):
            return "outdated"
    if read.body is not None or read.rename is not None:
        return "current"
    return "unknown"


def split_place(name: str, where: Where) -> tuple[str, str]:
    """(prefix, rest) of a name the registry does not know: the longest level word or place run
    before a rest of two characters or more (县公路局 -> 县, 公路局)."""
    best = ("", name)
    for k in range(1, len(name) - 1):
        prefix = name[:k]
        if relation_of(prefix, where) is not None and prefix not in ("中共",):
            best = (prefix, name[k:])
    return best


def propose(names: list[tuple[str, Where]], reg: Registry) -> list[tuple[str, int, list[str]]]:
    """Forms the registry does not know, from unit names found in published plans (each read in its
    own plan's place): (form, count, example names), most frequent first. Generic names (各有关部门)
    and sets of bodies (各镇人民政府) are left out."""
    from engine.extract import is_generic_unit

    found: dict[str, list[str]] = {}
    for n, where in names:
        n = re.sub(r"\s+", "", n)
        if not n or n.startswith("各") or is_generic_unit(n) or read_unit(n, where, reg).known:
            continue
        _, form = split_place(n, where)
        if len(form) >= 2:
            found.setdefault(form, []).append(n)
    return sorted(((f, len(ns), sorted(set(ns))[:3]) for f, ns in found.items()), key=lambda x: (-x[1], x[0]))


def proposal_yaml(proposals: list[tuple[str, int, list[str]]], sources: list[str]) -> str:
    """A registry file to curate: one body per unknown form, with its count and examples as comments."""
    lines = [
        "# Unit registry entries proposed by `plancheck units --registry` from published plans.",
        "# Curate before use: merge forms of one body into one entry (local: [full name, short names]),",
        "# give each body a meaningful id, delete what is not a body; then pass the file with",
        "# `plancheck check --unit-registry FILE` (entries add to rulesets/data/unit_registry.yaml).",
        "sources:",
        "  proposed: 由以下已发布方案整理：" + "、".join(sources).replace("\n", " "),
        "bodies:",
    ]
    for i, (form, count, examples) in enumerate(proposals, 1):
        lines.append(f"  # {count}: {'、'.join(examples)}")
        lines.append(f"  - id: proposed-{i}")
        lines.append(f"    local: [{_yaml_str(form)}]")
    if not proposals:
        lines[-1] = "bodies: []"
    return "\n".join(lines) + "\n"


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
