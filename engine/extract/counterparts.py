"""Counterpart units: the body at the draft's level that answers to a unit the parent names.

A child plan replaces the parent's units by its own level's (人力资源社会保障部 -> 市人力资源社会保障局),
so a suggestion should name that unit, spoken at the draft's level, never a district's "区XX局" in a
city or national plan. The table is data (rulesets/data/counterparts.yaml, with its sources); names it
does not list follow the suffix rule (部 -> 厅 at province level, -> 局 below; 总局 -> 局; 厅 -> 局).
"""

from __future__ import annotations

from engine.extract.data import read_data
from engine.memo import memo
from engine.models import Level

# what stands before a unit's stem at each level, by the end of the jurisdiction's name
_PREFIX_BY_SUFFIX = (
    ("自治区", "自治区"), ("自治州", "州"), ("自治县", "县"), ("街道", "街道"), ("省", "省"), ("市", "市"),
    ("州", "州"), ("盟", "盟"), ("县", "县"), ("旗", "旗"), ("区", "区"), ("镇", "镇"), ("乡", "乡"),
)  # fmt: skip
_DEFAULT_PREFIX: dict[str, str] = {"province": "省", "city": "市", "county": "县", "town": "镇"}
_AUTONOMOUS_REGIONS = ("广西", "内蒙古", "西藏", "宁夏", "新疆")  # short names that do not end in 自治区
_STRIP = ("国务院", "国家", "自治区", "省", "市", "县", "区")
_TABLE_LEVEL = {"province": "province", "city": "city", "county": "county", "town": "county"}


def level_prefix(level: Level | None, jurisdiction: str | None) -> str:
    """市 for a city plan, 县 / 区 / 旗 for a county-level one (by its name), 省 / 自治区 …; "" nationally."""
    if level in (None, "national"):
        return ""
    name = (jurisdiction or "").strip()
    if level == "province" and name.startswith(_AUTONOMOUS_REGIONS):
        return "自治区"
    if level == "county" and name.endswith("市"):
        return "市"  # a county-level city
    for suffix, prefix in _PREFIX_BY_SUFFIX:
        if name.endswith(suffix):
            return prefix
    return _DEFAULT_PREFIX.get(level, "")


def unit_example(level: Level | None, jurisdiction: str | None) -> str:
    """A placeholder unit in the draft's own voice: XX部 nationally, 省XX厅, 市XX局, 县XX局, 区XX局."""
    if level == "national":
        return "XX部"
    if level is None:
        return "XX单位"
    prefix = level_prefix(level, jurisdiction)
    return prefix + ("XX厅" if level == "province" else "XX办" if level == "town" else "XX局")


@memo(1, copy="shared")  # one file read once; callers only read the dict
def _table() -> dict[str, dict[str, str | None]]:
    raw = read_data("counterparts.yaml", required=True)
    out: dict[str, dict[str, str | None]] = {}
    for entry in (raw or {}).get("counterparts") or []:
        forms = {k: entry.get(k) for k in ("province", "city", "county")}
        for name in entry.get("names") or []:
            out[str(name)] = forms
    return out


def _stem(name: str) -> str:
    for p in _STRIP:
        if name.startswith(p) and len(name) > len(p) + 1:
            return name[len(p) :]
    return name


def counterpart(name: str, level: Level | None, jurisdiction: str | None) -> str | None:
    """The unit at (`level`, `jurisdiction`) that answers to `name`, or None when no rule gives one
    (the level is unknown or national, or the name is not a government body's)."""
    if level in (None, "national") or not name:
        return None
    stem = _stem(name.strip())
    forms = _table().get(stem) or _table().get(name.strip())
    key = _TABLE_LEVEL.get(level)
    if forms is not None and key:
        form = forms.get(key)
        return level_prefix(level, jurisdiction) + form if form else None
    if stem.endswith("总局"):
        body = stem[:-2] + "局"
    elif stem.endswith("部") and not stem.endswith("党部"):
        body = stem[:-1] + ("厅" if level == "province" else "局")
    elif stem.endswith("厅") and not stem.endswith("办公厅") and level != "province":
        body = stem[:-1] + "局"
    else:  # 委 / 办 / 署 …: too often a named body's own (北京冬奥组委) or vertically managed (海关总署)
        return None
    return level_prefix(level, jurisdiction) + body


def suggested_unit(parent_leads: list[str], level: Level | None, jurisdiction: str | None) -> str:
    """The unit a suggestion names: the counterpart of the parent's first lead that has one, else a
    placeholder in the draft's own voice."""
    for name in parent_leads:
        found = counterpart(name, level, jurisdiction)
        if found:
            return found
    return unit_example(level, jurisdiction)

