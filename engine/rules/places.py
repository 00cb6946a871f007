"""Places and levels as a text names them: a plan's own names, the other jurisdictions' names, and
what a level may not do (make laws).

Read by the kinds that ask whose place or level a text speaks for (self_reference, term_consistency,
clause_carried, parent_covered). The gazetteer of divisions is `engine.parse.places`; the words of
each level are data (rulesets/data/levels.yaml).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from engine.models import Plan
from engine.rules.drafting import find_all

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext


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
    ("自治区", "自治州", "自治县", "自治旗", "特别行政区", "街道", "地区",
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
    "街道": "town", "乡": "town", "镇": "town",
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


def own_names(plan: Plan) -> list[str]:
    return name_variants(jurisdiction(plan))


def other_names(ctx: CheckContext) -> list[str]:
    """Names of the parent's and the draft's parent jurisdictions that are not the draft's own."""
    own = own_names(ctx.draft)
    names: set[str] = set()
    for n in (ctx.parent.jurisdiction if ctx.parent else None, ctx.draft.parent_jurisdiction):
        for v in name_variants(n):
            if v not in own and not any(v in o for o in own if len(o) > len(v) and o.endswith(v)):
                names.add(v)
    return sorted(names, key=len, reverse=True)
