"""Places and levels as a text names them: a plan's own names, the other jurisdictions' names, and
what a level may not do (make laws).

Read by the kinds that ask whose place or level a text speaks for (self_reference, term_consistency,
clause_carried, parent_covered). The gazetteer of divisions is `engine.parse.places`; the words of
each level are data (rulesets/data/levels.yaml).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from engine.memo import memo
from engine.models import Plan
from engine.rules.beyond import LEGISLATION_WORDS
from engine.rules.similarity import compact
from engine.rules.textunits import find_all

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext

# --------------------------------------------------------------------------- names

_SUFFIXES = (
    "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "街道", "地区", "省", "市", "州", "盟", "县", "旗", "区", "镇", "乡",
)  # fmt: skip
_LEVEL_DEFAULT_SUFFIX = {"province": "省", "city": "市", "county": "县", "town": "镇"}


def name_variants(name: str | None) -> list[str]:
    """柳州市城中区 -> [柳州市城中区, 城中区, 城中]; 广西 -> [广西壮族自治区, 广西]. Longest first."""
    if not name:
        return []
    out = {name}
    last = name
    # a compound name (柳州市城中区): its last place is the jurisdiction itself
    for suf in ("市", "州", "盟", "地区"):
        i = name.find(suf)
        if 0 < i and i + len(suf) < len(name) - 1:
            last = name[i + len(suf) :]
            break
    out.add(last)
    full = _full_province(last)
    out.add(full)
    for n in (last, full):
        suf = _end_suffix(n)
        if suf and len(n) - len(suf) >= 2:
            out.add(n[: -len(suf)])
    return sorted(out, key=len, reverse=True)


# what a name's last characters say about its level: the longest suffix at the END decides
# (宜州区 is a 区, 柳州市 a 市, 恭城瑶族自治县 a 自治县), never a suffix inside the name
_LEVEL_SUFFIXES = sorted(
    ("自治区", "自治州", "自治县", "自治旗", "特别行政区", "街道", "地区", "苏木",
     "省", "州", "盟", "市", "县", "旗", "区", "镇", "乡"),
    key=len, reverse=True,
)  # fmt: skip


def _end_suffix(name: str) -> str:
    for suf in _SUFFIXES:
        if name.endswith(suf):
            return suf
    return ""


def suffix_of(name: str | None, level: str) -> str:
    """The suffix that decides the self-words: 自治区, 省, 市, 区, 县, 镇 … (广西 -> 自治区, 宜州区 -> 区)."""
    if name and level == "province":
        name = _full_province(name)
    if name:
        for suf in _LEVEL_SUFFIXES:
            if name.endswith(suf):
                return suf
    return _LEVEL_DEFAULT_SUFFIX.get(level, "")


_SUFFIX_LEVEL = {
    "自治区": "province", "省": "province", "自治州": "city", "地区": "city", "市": "city", "州": "city",
    "盟": "city", "自治县": "county", "自治旗": "county", "区": "county", "县": "county", "旗": "county",
    "街道": "town", "苏木": "town", "乡": "town", "镇": "town",
}  # fmt: skip


def jurisdiction(plan: Plan) -> str:
    """The plan's own name as its title writes it.

    A name whose stem holds a suffix character (宜州区: 州) may come out of the parse cut short
    (宜州, read as a 州): when the name's own suffix disagrees with the plan's level and the title
    (or preamble) goes on with a suffix of that level right after the name, that suffix belongs to it.
    """
    name = plan.jurisdiction or ""
    if not name or plan.level in ("province", "national", "unknown"):
        return name
    suf = suffix_of(name, plan.level)
    if _SUFFIX_LEVEL.get(suf) == plan.level or (suf == "市" and plan.level == "county"):
        return name
    for text in (plan.title or "", plan.preamble or ""):
        clean = re.sub(r"《[^》]*》", lambda m: " " * len(m.group(0)), text)
        for m in find_all(name, clean):
            rest = clean[m.end() : m.end() + 3]
            for s in _LEVEL_SUFFIXES:
                if rest.startswith(s) and _SUFFIX_LEVEL.get(s) == plan.level:
                    return name + s
    return name


def _full_province(name: str) -> str:
    try:
        from engine.parse.level import PROVINCES
    except ImportError:  # pragma: no cover - the parse stage always ships it
        return name
    for full, short in PROVINCES.items():
        if name in (full, short):
            return full
    return name


def own_names(plan: Plan | None) -> list[str]:
    """A plan's jurisdiction as a text would name it (`name_variants`), longest first: 广西壮族自治区,
    广西; 柳州市城中区, 城中区, 城中."""
    return name_variants(jurisdiction(plan)) if plan is not None else []


def other_names(ctx: CheckContext) -> list[str]:
    """Names of the parent's and the draft's parent jurisdictions that are not the draft's own."""
    own = own_names(ctx.draft)
    names: set[str] = set()
    for n in (ctx.parent.jurisdiction if ctx.parent else None, ctx.draft.parent_jurisdiction):
        for v in name_variants(n):
            if v not in own and not any(v in o for o in own if len(o) > len(v) and o.endswith(v)):
                names.add(v)
    return sorted(names, key=len, reverse=True)


# --------------------------------------------------------------------------- what a level may do


def no_legislation(ctx: CheckContext) -> bool:
    """The draft's level has no legislative power (levels.yaml; county and town by default)."""
    table = ctx.data.get("levels") if isinstance(ctx.data, dict) else None
    levels = table.get("levels", {}) if isinstance(table, dict) else {}
    info = levels.get(ctx.draft.level)
    if isinstance(info, dict) and "legislation" in info:
        return not info["legislation"]
    return ctx.draft.level in ("county", "town")


def legislation_patterns(ctx: CheckContext) -> list[str]:
    """Regexes of law-making: levels.yaml's `legislation_doing`, then the built-in words."""
    table = ctx.data.get("levels") if isinstance(ctx.data, dict) else None
    pats = list(table.get("legislation_doing", [])) if isinstance(table, dict) else []
    return [*pats, LEGISLATION_WORDS]


def is_legislation(ctx: CheckContext, text: str) -> bool:
    """Text about making laws, which a draft without legislative power cannot carry."""
    return no_legislation(ctx) and any(re.search(p, text) for p in legislation_patterns(ctx))


# --------------------------------------------------------------------------- level and place words


_NO_TABLE: dict = {}  # the levels table of a run without levels.yaml: read, never written


def _levels_table(ctx: CheckContext) -> dict:
    table = ctx.data.get("levels") if isinstance(ctx.data, dict) else None
    return table if isinstance(table, dict) else _NO_TABLE


# Words that say "this level / that level" without naming one: the same in every plan.
_RELATIVE = ("各级", "本级", "上级", "下级", "各地", "各层级", "两级", "村", "社区")


# Fallbacks when rulesets/data/levels.yaml is missing.
_LEVEL_FALLBACK = (
    "国家",
    "中央",
    "自治区",
    "省",
    "设区的市",
    "设区市",
    "市",
    "县级",
    "县",
    "区",
    "乡镇",
    "街道",
    "乡",
    "镇",
)


_SELF_FALLBACK = ("全", "我", "本")


def self_words(table: dict, jurisdiction: str | None, level: str) -> list[str]:
    """How a plan names itself (我区, 全区, 本区 for 广西 or 城中区): levels.yaml `self_words` for the
    suffix that decides (`suffix_of`); a name whose deciding suffix has no entry takes the longest entry its name
    ends with (a kind the table leaves out writes as its last character's kind: 大兴安岭地区 我区/全区), so no plan is
    left with no words of its own, which made its own 我旗 "another level's"."""
    by_suffix = _by_suffix(table)
    suffix = suffix_of(jurisdiction, level)
    if suffix not in by_suffix and jurisdiction:
        suffix = max((k for k in by_suffix if jurisdiction.endswith(k)), key=len, default=suffix)
    return list(by_suffix.get(suffix, []))


def all_self_words(table: dict) -> set[str]:
    """Every level's self-words (我市, 全省, 本县 …)."""
    return {w for ws in _by_suffix(table).values() for w in ws}


def _by_suffix(table: dict) -> dict:
    return table.get("self_words") if isinstance(table.get("self_words"), dict) else {}


def _level_self_words(table: dict, plan: Plan | None) -> set[str]:
    """Every self-word a plan of its level and name ending may use (全区 and 全省 for a 自治区): wider
    than `self_words`, for taking level words out of a text, where over-matching costs nothing."""
    if plan is None:
        return set()
    by_suffix = _by_suffix(table)
    levels = table.get("levels") if isinstance(table.get("levels"), dict) else {}
    info = levels.get(plan.level) if isinstance(levels.get(plan.level), dict) else {}
    keys = [compact(w) for w in info.get("words", [])]
    name = plan.jurisdiction or ""
    keys += [k for k in by_suffix if name.endswith(k)]
    words = {w for k in keys for w in by_suffix.get(k, [])}
    if not by_suffix:  # no table: 全X/我X/本X for the name's last character
        words = {p + name[-1] for p in _SELF_FALLBACK} if name else set()
    return words


def level_pattern(ctx: CheckContext) -> re.Pattern[str]:
    """Level and place words of BOTH plans, as one regex over compacted text.

    Built from the data (levels.yaml: each plan's self-words such as 全区/我县, every level's words
    such as 自治区/设区市/乡镇/街道) and from the two plans' place names, so a plan of any place and
    level is covered: 全区各级政府 -> 我县, 广西 -> 藤县, 村级以上 -> 街道以上 all reduce to the same text.

    Called thousands of times per check: built once per run (it reads the run's plans and data),
    the regex itself kept by its words (`_level_regex`).
    """
    return ctx.remember(("places.level_pattern",), lambda: _build_level_pattern(ctx, _levels_table(ctx)))


def _build_level_pattern(ctx: CheckContext, table: dict) -> re.Pattern[str]:
    levels = table.get("levels") if isinstance(table.get("levels"), dict) else {}
    level_words = {
        compact(w) for info in levels.values() if isinstance(info, dict) for w in info.get("words", [])
    }
    level_words = level_words or set(_LEVEL_FALLBACK)
    self_words = _level_self_words(table, ctx.parent) | _level_self_words(table, ctx.draft)
    places = set(own_names(ctx.parent) + own_names(ctx.draft))
    return _level_regex(
        tuple(sorted(places, key=len, reverse=True)),
        tuple(sorted(self_words | set(_RELATIVE), key=len, reverse=True)),
        tuple(sorted(level_words, key=len, reverse=True)),
        _count(table),
    )


# levels.yaml `level_count` when the table lacks it: the count closing a tier list (市、县、乡、村四级)
_COUNT_FALLBACK = "[0-9一二两三四五六七八九十]{1,2}级"


def level_count(ctx: CheckContext) -> str:
    """The regex of a count of levels closing a tier list (四级 in 市、县、乡、村四级: levels.yaml `level_count`)."""
    return _count(_levels_table(ctx))


def _count(table: dict) -> str:
    count = table.get("level_count")
    return count if isinstance(count, str) and count else _COUNT_FALLBACK


@memo(64, copy="shared")  # compiled patterns; one per pair of plans' places and level words
def _level_regex(
    places: tuple[str, ...], selfs: tuple[str, ...], levels: tuple[str, ...], count: str = _COUNT_FALLBACK
) -> re.Pattern[str]:
    """The level words with what follows them: 级, a count of levels closing a tier list (县、乡、村三级:
    `count`), 以上/以下, 各级, (人民)政府."""
    alt = lambda ws: "|".join(re.escape(w) for w in ws if w)  # noqa: E731
    tail = rf"(级|(?:{count}))?(以上|以下)?(各级)?(人民)?(政府)?"
    parts = [f"(?:{alt(places)})(壮族自治区|自治区|省|市|县|区)?(人民)?(政府)?"] if places else []
    parts += [f"(?:{alt(selfs)}){tail}", f"(?:{alt(levels)}){tail}"]
    return re.compile("|".join(parts))


def adaptation_residue(ctx: CheckContext, fragment: str) -> str:
    """What is left of a deleted fragment once level and place words (各级, 乡镇, 广西 …) and, at a
    level without legislative power, legislation words are taken out: empty means the deletion only
    adapted the text to the draft's level."""
    text = compact(unicodedata.normalize("NFKC", fragment))
    if no_legislation(ctx):
        for p in legislation_patterns(ctx):
            text = re.sub(p, "", text)
    text = level_pattern(ctx).sub("", text)
    return re.sub(r"[的和及与等]", "", text)


def higher_level_words(ctx: CheckContext) -> tuple[str, ...] | None:
    """The words of the levels above the draft's (levels.yaml), None when there are none: all that
    `subject_above` needs of the context, read once by callers that ask it of many texts."""
    table = ctx.data.get("levels") if isinstance(ctx.data, dict) else None
    levels = table.get("levels", {}) if isinstance(table, dict) else {}
    mine = (
        levels.get(ctx.draft.level, {}).get("rank") if isinstance(levels.get(ctx.draft.level), dict) else None
    )
    if mine is None:
        return None
    words = [
        w
        for info in levels.values()
        if isinstance(info, dict) and info.get("rank", 99) < mine
        for w in info.get("words", [])
    ]
    return tuple(words) or None


def subject_above(words: tuple[str, ...] | None, text: str) -> bool:
    """A sub-clause whose subject is a level above the draft's (自治区原则上不设…, 由自治区人民政府统筹…,
    设区市原则上只设…): a task for that level, not one the draft must carry. `words` are the levels
    above (`higher_level_words`)."""
    if not words:
        return False
    first, by = _higher_level_patterns(words)
    flat = compact(text)
    return bool(first.search(flat) or by.search(flat))


@memo(64, copy="shared")  # compiled patterns; one per set of higher-level words (a few levels)
def _higher_level_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = (
        rf"^(除[^，,]{{0,12}}外)?(由)?({alt})(?!场)(级)?(人民)?(政府)?(原则上|负责|统筹|要|应当?|不|只|一般)"
    )
    return re.compile(pattern), re.compile(rf"由({alt})(?!场)(人民)?政府")
