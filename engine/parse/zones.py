"""A zone's own body as a plan's issuer (新区, 开发区, 合作区 … and their 管委会 or 管理局): the plan's place and level.

A zone a government sets up is governed by a body that government sends, not by a people's government of its own,
and ranks with the ordinary divisions right below that government (rulesets/data/levels.yaml `zones`, with its
sources): 江西赣江新区管理委员会 (江西省 sends it) speaks as a city, 重庆两江新区管理委员会 and 深圳市前海管理局 (a
直辖市's, a city's) as a county. The government is the division the issuer names before the zone, else the one the
zone's name opens with (西安高新区管委会: 西安市). `issuing_zone` reads the issuers; engine.parse.level.infer weighs
the reading against the title's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from engine.memo import memo
from engine.models import Level
from engine.parse import level as levels

# the level of the ordinary divisions right below a government of each level (a 直辖市's are counties: `_below`)
_BELOW: dict[str, Level] = {"province": "city", "city": "county", "county": "town"}
_STEM_MIN, _STEM_MAX = 2, 4  # the division a zone's name opens with: 西安 (高新区), 苏州 (工业园区), 乌鲁木齐
_SHORT_MIN, _SHORT_MAX = 2, 4  # an authority that drops its zone's kind: 前海 (管理局); a longer name is no short form
_FULL_GAP = 16  # characters between a zone's short name and its kind, written in full: 前海深港现代服务业合作区


@dataclass(frozen=True)
class Zone:
    name: str  # as the issuer writes it: 赣江新区, 两江新区, 前海, 苏州工业园区
    parent: str | None  # the government that set it up, as a jurisdiction is named (江西, 重庆, 深圳市)
    level: Level
    above: tuple[str, ...]  # the divisions the issuer names before the zone (深圳市): readings the zone replaces


@memo(1, copy="shared")  # read once from the one file
def _table() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """levels.yaml `zones`: (its kinds, longest first; a pattern of its bodies at a name's end, an office of theirs
    after them allowed: 兰州新区管理委员会办公室)."""
    raw = levels.levels_table().get("zones") or {}
    kinds = tuple(sorted((str(w) for w in raw.get("kinds") or ()), key=len, reverse=True))
    bodies = sorted((str(w) for w in raw.get("bodies") or ()), key=len, reverse=True)
    offices = sorted((str(w) for w in raw.get("offices") or ()), key=len, reverse=True)
    office = f"(?:{'|'.join(map(re.escape, offices))})?" if offices else ""
    body = re.compile(f"(?:{'|'.join(map(re.escape, bodies))}){office}$") if bodies else None
    return kinds, body


@memo(1, copy="shared")  # read once from the one file; an immutable mapping, as shared results must be
def _set_up_by() -> MappingProxyType[str, str]:
    """levels.yaml `zones.set_up_by`: a 国家级新区 -> the province-level government that sends its bodies."""
    raw = (levels.levels_table().get("zones") or {}).get("set_up_by") or {}
    return MappingProxyType({str(k): str(v) for k, v in raw.items()})


def zone_kind(name: str) -> str | None:
    """The kind a zone's name ends in (新区, 高新技术产业开发区, 片区), or None."""
    return next((k for k in _table()[0] if name.endswith(k) and len(name) >= len(k)), None)


def zone_body(name: str) -> bool:
    """`name` ends in a zone's governing body (管委会, 管理委员会, 管理局 …, levels.yaml `zones.bodies`)."""
    body = _table()[1]
    return body is not None and body.search(name) is not None


def is_zone(name: str) -> bool:
    """`name` names a zone, no division: it ends in a zone's kind and the gazetteer lists no division of that name
    (天津市滨海新区 and 上海市浦东新区 are 市辖区, counties with a 人民政府 of their own)."""
    return zone_kind(name) is not None and not levels._divisions(name)


def _under(place: str, level: Level) -> Level | None:
    """The level of the ordinary divisions right below `place`: a 直辖市's (北京, 天津, 上海, 重庆: province-level
    cities, levels.PROVINCES) are its 区 and 县, counties; any other province's its cities."""
    if level == "province":
        full = next((k for k, v in levels.PROVINCES.items() if place in (k, v)), place)
        return "county" if full.endswith("市") else "city"
    return _BELOW.get(level)


def _opened_with(name: str) -> tuple[str, Level] | None:
    """The division the zone's name opens with (西安 of 西安高新区 -> 西安市, a city), the longest stem first."""
    order = {"city": 0, "province": 1, "county": 2}
    for n in range(min(_STEM_MAX, len(name) - 2), _STEM_MIN - 1, -1):
        # a zone the gazetteer lists itself (雄安新区, 两江新区) is found by its stem too: no division it opens with
        found = [p for p in levels._divisions(name[:n]) if p.level in order and p.name != name]
        if found:
            best = min(found, key=lambda p: order[p.level])
            return levels.short_name(best.name) if best.level == "province" else best.name, best.level
    return None


def _a_department(words: str, body: str) -> bool:
    """The issuer less its place (数据 管理局, 城市 管理局, 市场监督 管理局) is a government department, a body of the unit
    registry (rulesets/data/unit_registry.yaml), or its words a kind of area (城市): no zone's authority."""
    from engine.extract.unitnames import load_registry

    return words + body in load_registry().forms or levels._is_area_word(words)


def _named_in_full(short: str, texts: str) -> bool:
    """The document names the zone `short` stands for in full: the short name, a few more words, a zone's kind
    (前海 … 前海深港现代服务业合作区)."""
    kinds = "|".join(map(re.escape, _table()[0]))
    return bool(kinds) and re.search(f"{re.escape(short)}[\u4e00-\u9fff]{{0,{_FULL_GAP}}}?(?:{kinds})", texts) is not None


def _zone_of(issuer: str, title: str, texts: str) -> Zone | None:
    kinds, body = _table()
    if body is None or not kinds:
        return None
    t = "".join(levels.strip_quotes(issuer).split()).removeprefix("中共")
    m = body.search(t)
    if m is None:
        return None
    head = t[: m.start()]
    above: list[tuple[str, Level]] = []
    pos = last = 0  # past the divisions named before the zone; where the last of them starts
    while (hit := levels.place_at(head, pos)) is not None and not zone_kind(hit[0]):
        above.append(hit[:2])
        pos, last = hit[2], pos
    rest = head[pos:]  # empty for a division's own body (中共某市某街道工作委员会): no zone
    if not rest or any(not "\u4e00" <= ch <= "\u9fff" for ch in rest if ch not in "()（）"):
        return None
    kind = zone_kind(rest)
    if kind is None:
        # an authority named for its zone without the zone's kind (深圳市前海管理局): a short name right after a
        # division, which the title names and the document writes in full with a kind (前海深港现代服务业合作区)
        if not above or not _SHORT_MIN <= len(rest) <= _SHORT_MAX or rest not in title or _a_department(rest, m.group()):
            return None
        if not _named_in_full(rest, texts):
            return None
        name = rest
    elif rest == kind and above:
        name = head[last:]  # 苏州工业园区, 天津经济技术开发区: the kind alone after its place names no zone of its own
    else:
        # a 片区 of a zone (中国（广西）自由贸易试验区南宁片区): the inner zone, the name after the outer one's kind
        stop = len(rest) - len(kind)
        ends = [i + len(k) for k in kinds if (i := rest.rfind(k, 0, stop)) >= 0 and i + len(k) < stop]
        name = rest[max(ends, default=0) :]
    setter = _opened_with(name) if kind is not None else None
    if (province := _set_up_by().get(name)) is not None:
        setter = province, "province"  # 兰州新区: 甘肃's, not 兰州市's
    if setter is None and above:
        place, _, level = levels._resolve(above)
        setter = place, level
    if setter is None:
        return None
    level = _under(*setter)
    if level is None:
        return None
    return Zone(name, setter[0], level, tuple(n for n, _ in above))


def issuing_zone(candidates: list[str], texts: str) -> Zone | None:
    """The zone whose body issues the plan (`candidates`: the title, then the issuers), or None. `texts`: the
    document's other text, where an authority's zone is named in full."""
    title = candidates[0] if candidates else ""
    for issuer in candidates[1:]:
        if issuer and (zone := _zone_of(issuer, title or "", texts)) is not None:
            return zone
    return None
