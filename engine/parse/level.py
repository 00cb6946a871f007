"""Jurisdiction and government level from the plan title (else issuers, else preamble).

The issuing jurisdiction is the run of place names that opens the title *outside* any 《》 quote:
柳州市城中区贯彻执行《柳州市落实〈广西…〉…》的方案 is issued by 城中区 (parent 柳州市).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from engine.extract.data import read_data
from engine.extract.sentences import bracket_depths
from engine.memo import memo
from engine.models import Level
from engine.parse import outside_divisions

if TYPE_CHECKING:
    from engine.parse.places import Place

# Provinces and province-level units: full name -> the short form texts usually use.
PROVINCES: dict[str, str] = {
    "北京市": "北京",
    "天津市": "天津",
    "上海市": "上海",
    "重庆市": "重庆",
    "河北省": "河北",
    "山西省": "山西",
    "辽宁省": "辽宁",
    "吉林省": "吉林",
    "黑龙江省": "黑龙江",
    "江苏省": "江苏",
    "浙江省": "浙江",
    "安徽省": "安徽",
    "福建省": "福建",
    "江西省": "江西",
    "山东省": "山东",
    "河南省": "河南",
    "湖北省": "湖北",
    "湖南省": "湖南",
    "广东省": "广东",
    "海南省": "海南",
    "四川省": "四川",
    "贵州省": "贵州",
    "云南省": "云南",
    "陕西省": "陕西",
    "甘肃省": "甘肃",
    "青海省": "青海",
    "台湾省": "台湾",
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}
# Longest first, so 广西壮族自治区 wins over 广西.
_PROVINCE_NAMES = sorted([*PROVINCES, *PROVINCES.values()], key=len, reverse=True)
_SHORT = {**PROVINCES, **{v: v for v in PROVINCES.values()}}

# Place-name suffix -> level (longest suffixes first when matching).
PLACE_SUFFIXES: dict[str, Level] = {
    "自治区": "province",
    "省": "province",
    "自治州": "city",
    "地区": "city",
    "市": "city",
    "州": "city",
    "盟": "city",
    "自治县": "county",
    "自治旗": "county",
    "区": "county",
    "县": "county",
    "旗": "county",
    "街道": "town",
    "苏木": "town",  # a town of Inner Mongolia's pastoral areas (as 乡)
    "乡": "town",
    "镇": "town",
}
# the national bodies of the people's organisations open with 中华全国 (中华全国总工会, 中华全国供销合作总社,
# 中华全国妇女联合会, 中华全国工商业联合会)
NATIONAL_PREFIXES = ("国务院", "中共中央", "中华人民共和国", "中华全国", "国家", "全国")
NATIONAL_NAME = "全国"
# Characters a place-name stem never has (function words of a title's predicate).
_NOT_IN_STEM = set("的和与及关于全本各该我贯彻落实推进加强印发转发建设实施《》〈〉()（）、，,。；：: ")
_STEM_MAX = 4  # 柳州, 城中, 乌鲁木齐; autonomous units (…自治州/县) may be longer
_AUTONOMOUS_STEM_MAX = 9  # 察布查尔锡伯, 克孜勒苏柯尔克孜: any stem this long before 自治州/县/旗
# how far a name read by its form may run: 双江拉祜族佤族布朗族傣族自治县 and 积石山保安族东乡族撒拉族自治县 (14 characters)
# are the longest official names of divisions (places.tsv)
_NAME_MAX = 16
_SUFFIX_RE = re.compile("|".join(sorted(PLACE_SUFFIXES, key=len, reverse=True)))
_TOWN_SUFFIXES = ("镇", "乡")  # a town's suffixes a name may hold once more (乌镇镇)
# "我县", "全区", "本市": the level a text speaks from, without a name.
# 我盟/全盟 (a 盟 of Inner Mongolia is a city), 本苏木 (a town of its pastoral areas), 全街道 (a 街道 speaks for itself
# as a town): the suffixes of PLACE_SUFFIXES that a plan says of itself, the two-character ones first.
_SELF_RE = re.compile(r"(?:我|全|本)(苏木|街道|省|区|市|州|盟|县|旗|镇|乡)")
# Words that end like a place but name a kind of area, never a jurisdiction (城乡, 小区, 市县 …): the data of
# levels.yaml (`area_words`, `kind_characters`, `listed_suffixes`), read by `_area_table`.


# A suffix that runs on into a word is no suffix: 农贸市场 is no city 农贸市, 县域 no county, 数字乡村 no town (沂南县
# 农贸市场…, 临沂市市民服务中心, 某区区域…): the two characters from the suffix's last one, levels.yaml `suffix_words`.


def strip_quotes(text: str) -> str:
    """`text` without anything inside 《…》 (nesting and unbalanced quotes handled)."""
    depths = bracket_depths(text, "《", "》")  # a 》 with nothing open stands at 0: dropped as well
    return "".join(ch for ch, depth in zip(text, depths, strict=True) if not depth and ch != "》")


@memo(1, copy="shared")  # compiled once from the one file
def _road() -> re.Pattern[str]:
    """levels.yaml `road_names` as one pattern matched right after a place's short name: 路 / 东路 / 大道 / 街, not
    路径 / 街道."""
    table = levels_table().get("road_names") or {}
    words = sorted((str(w) for w in table.get("words") or ()), key=len, reverse=True)
    if not words:
        return re.compile("(?!)")
    nots = sorted((str(w) for w in table.get("not_words") or ()), key=len, reverse=True)
    refuse = f"(?!{'|'.join(map(re.escape, nots))})" if nots else ""
    dirs = "".join(str(table.get("directions") or ""))
    direction = f"[{re.escape(dirs)}]?" if dirs else ""
    return re.compile(f"{direction}{refuse}(?:{'|'.join(map(re.escape, words))})")


def names_road(text: str, end: int, name: str = "") -> bool:
    """A road's name goes on at `end`, right after a place's short name `name` (湖南|路, 北京|东路, 广州|路, 四川|北路
    街道): the place is part of the road's name, no reference to it (levels.yaml `road_names`). 湖南|路径, 北京|街道 are
    none, nor a full name (湖南省, 城中区: 城中区路网 is the district's)."""
    if name.endswith(_FULL_SUFFIXES):
        return False
    return _road().match(text, end) is not None


def _place_at(text: str, pos: int) -> tuple[str, Level, int] | None:
    """The place name starting at `pos`: (name, level, end). A province's or a city's short name that a road's
    name goes on from (湖南路, 北京东路, 广州路: `names_road`) is none: "湖南路街道" is the 街道 named for the road."""
    if (outside := outside_divisions.at(text, pos)) is not None:
        return outside  # 新疆生产建设兵团 (not the province 新疆), 第一师, 十二团: levels.yaml `outside_divisions`
    for name in _PROVINCE_NAMES:
        if text.startswith(name, pos):
            end = pos + len(name)
            if names_road(text, end, name):
                break  # 湖南路街道: the road's 街道, read by its form below
            if text.startswith("市", end) and not text.startswith("市场", end) and any(
                p.level == "city" for p in _divisions(name + "市")
            ):
                return name + "市", "city", end + 1  # 吉林市, the city, not 吉林省
            if (named := _division_from_province(text, pos, name)) is not None:
                return named  # 海南藏族自治州 / 海南州, 河南县: a division whose name opens with a province's
            return name, "province", end
    limit = min(len(text), pos + _NAME_MAX)
    for m in _SUFFIX_RE.finditer(text, pos + 1, limit):
        if text.startswith("族", m.end()):
            continue  # 东乡族 of 积石山保安族东乡族撒拉族自治县: a people's name, no town's suffix
        stem = text[pos : m.start()]
        if not all("\u4e00" <= ch <= "\u9fff" for ch in stem) or _holds_furniture(stem):
            return None
        # 共和县, 和平区, 全椒县, 本溪市, 建德市, 察哈尔右翼前旗: a stem with a function word's character or
        # longer than most is still a place when the gazetteer lists the whole name; an autonomous area's or a 民族乡's
        # name holds its peoples' names after a stem as short as any (`_long_name_ok`)
        if (
            any(ch in _NOT_IN_STEM for ch in stem) or (len(stem) > _STEM_MAX and not _long_name_ok(stem, m.group()))
        ) and not _divisions(text[pos : m.end()]):
            return None
        suffix, end = m.group(), m.end()
        # 柳州市, 宜州区, 通州区: the stem ends in 州 but the name goes on to 市/区/县/旗 (no place is
        # named 区 or 县 alone, so the longer name is the one meant); 城中区 not 城中区区. Any other suffix
        # goes on only to a division the gazetteer knows: 清镇市 is a 县级市, not a town called 清镇; 沙市区
        # (荆州) and 津市市 (常德) are a district and a 县级市 whose names hold a 市, not a city 沙市 or 津市.
        m2 = _SUFFIX_RE.match(text, end)
        if (
            m2
            and m2.group() in ("市", "区", "县", "旗")
            and not _runs_on(text, m2.end())
            and (suffix in ("州", "地区") or _divisions(text[pos : m2.end()]))
        ):
            suffix, end = m2.group(), m2.end()
        elif m2 and _town_goes_on(text, pos, end, suffix, m2):
            suffix, end = m2.group(), m2.end()  # 小市镇, 新区镇人民政府: a town whose name holds 市 or 区
        elif (
            m2 and m2.group() == suffix and suffix in _TOWN_SUFFIXES and len(stem) == 1
            and not _runs_on(text, m2.end())
        ):  # fmt: skip
            # 乌镇镇 (桐乡市): a town known by a one-character stem and its suffix (乌镇) takes the suffix again
            # in its division's name; no gazetteer lists towns, so the form decides. A stem of two or more
            # goes on into a word of the town (西塘镇镇区, 周庄镇镇域)
            suffix, end = m2.group(), m2.end()
        if _runs_on(text, end) and not _named(text[pos:end]):
            return None  # 农贸市场, 数字乡村; a division the gazetteer lists by this name stays one (睢宁县域商业…)
        if names_road(text, end, text[pos:end]):
            continue  # 广州路, 福州路: a road named for the city; 福州路街道 the 街道 named for the road
        return text[pos:end], PLACE_SUFFIXES[suffix], end
    return None


def _town_goes_on(text: str, pos: int, end: int, suffix: str, m2: re.Match[str]) -> bool:
    """The name read up to `end` (its suffix `suffix`, a city's or a county's) goes on into a town's suffix `m2`: the
    town's name holds that suffix (小市镇 of 本溪满族自治县, 县城镇, 新区镇), no division above a town stands there. Not
    where the shorter name is a division the gazetteer knows (嵊州市 then 镇街…), nor where the town's suffix begins a
    word or a pair of kinds (…市镇村, 山区乡镇: levels.yaml `suffix_words`, `kind_characters`); a shorter name that is
    a kind of area (新区, 山区, 城区) only where the town's body follows (新区镇人民政府)."""
    if PLACE_SUFFIXES.get(m2.group()) != "town" or PLACE_SUFFIXES[suffix] not in ("city", "county"):
        return False
    if suffix.startswith("自治") or _runs_on(text, m2.end()) or text[m2.end() : m2.end() + 1] in _area_table()[1]:
        return False
    short = text[pos:end]
    if _divisions(short) or _named(short):
        return False
    return not _is_area_word(short) or _BODY_WORD.match(text, m2.end()) is not None


@memo(1, copy="shared")  # compiled once from the one file
def _ethnic_tail() -> re.Pattern[str]:
    """levels.yaml `ethnic_names` as the run of peoples' names that ends a stem (拉祜族佤族布朗族傣族, 锡伯, 俄罗斯族民族):
    each name with its 族 or, two characters or more before it, without (锡伯, 蒙古, 哈萨克); 民族 may close the run."""
    words: set[str] = set()
    for name in (str(n) for n in levels_table().get("ethnic_names") or ()):
        base = name.removesuffix("族")
        words.add(name if len(base) < 2 else f"{re.escape(base)}(?:族)?")
    if not words:
        return re.compile("(?!)")
    alt = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alt})+(?:民族)?$")


def ethnic_head(stem: str) -> str | None:
    """The head of `stem` before the peoples' names that end it (双江 of 双江拉祜族佤族布朗族傣族, 民乐 of 民乐朝鲜族,
    室韦 of 室韦俄罗斯族民族), or None when no such name ends it (levels.yaml `ethnic_names`)."""
    m = _ethnic_tail().search(stem)
    return stem[: m.start()] if m is not None else None


def _long_name_ok(stem: str, suffix: str) -> bool:
    """A stem longer than most is still a place's by its form: an autonomous area's up to nine characters (察布查尔锡伯),
    any whose head before its peoples' names is as short as a stem (双江拉祜族佤族布朗族傣族自治县, 民乐朝鲜族乡, levels.yaml
    `ethnic_kinds`), a transliterated name up to its kind's `long_stems` (巴彦温都尔苏木)."""
    table = levels_table()
    if suffix.startswith("自治") and len(stem) <= _AUTONOMOUS_STEM_MAX:
        return True
    if len(stem) <= int((table.get("long_stems") or {}).get(suffix, 0)):
        return True
    if suffix not in (table.get("ethnic_kinds") or ()):
        return False
    head = ethnic_head(stem)
    return head is not None and len(head) <= _STEM_MAX


@memo(1, copy="shared")  # derived once from the gazetteer and the one file
def _autonomous_short_forms() -> dict[str, tuple[str, ...]]:
    """The short forms of the autonomous areas' names -> their full names: the head before the peoples' names and each
    kind of levels.yaml `autonomous_kinds` (双江自治县 / 双江县 -> 双江拉祜族佤族布朗族傣族自治县, 海南州 -> 海南藏族自治州,
    莫力达瓦旗 -> 莫力达瓦达斡尔族自治旗). A head of one character gives none (东乡族自治县's is empty)."""
    from engine.parse.places import gazetteer  # the gazetteer imports this module's PROVINCES

    kinds = levels_table().get("autonomous_kinds") or {}
    out: dict[str, list[str]] = {}
    for place in gazetteer().places.values():
        for kind, shorts in kinds.items():
            if not place.name.endswith(kind):
                continue
            head = ethnic_head(place.name[: -len(kind)])
            if head is None or len(head) < 2:
                continue
            for short in shorts:
                names = out.setdefault(head + str(short), [])
                if place.name not in names:
                    names.append(place.name)
    return {k: tuple(v) for k, v in out.items()}


def _division_from_province(text: str, pos: int, province: str) -> tuple[str, Level, int] | None:
    """A division whose full name or short form opens with the province's name `province` read at `pos`: 海南藏族自治州
    and 海南州 (青海), 河南蒙古族自治县 and 河南县, the longest; not where its suffix runs on (河南县域…)."""
    from engine.parse.places import gazetteer  # the gazetteer imports this module's PROVINCES

    g = gazetteer()
    best: tuple[str, Level, int] | None = None
    for name in _divisions_opening(province):
        end = pos + len(name)
        if not text.startswith(name, pos) or _runs_on(text, end) or (best is not None and end <= best[2]):
            continue
        places = g.named(name) or [p for full in _autonomous_short_forms().get(name, ()) for p in g.named(full)]
        if places and places[0].level != "province":
            best = (name, places[0].level, end)  # type: ignore[assignment]
    return best


@memo(64, copy="shared")
def _divisions_opening(province: str) -> tuple[str, ...]:
    """The full names and autonomous short forms of divisions (no province) that open with `province`'s name."""
    from engine.parse.places import gazetteer  # the gazetteer imports this module's PROVINCES

    names = {p.name for p in gazetteer().places.values() if p.level != "province"} | set(_autonomous_short_forms())
    return tuple(sorted((n for n in names if n.startswith(province) and len(n) > len(province)), key=len, reverse=True))


def _past_furniture(text: str, pos: int) -> int:
    """Past the page furniture words starting at `pos` (字号 大 中 小 视力保护色, 打印 关闭, 分享到: the data of
    rulesets/data/page_furniture.yaml): a one-line scraped page may glue them right before the issuer's name or the
    title, and no furniture word is ever part of a place's name. A lone weak word is skipped only before a place the
    gazetteer knows."""
    from engine.ingest.furniture import words_run  # the ingest's word lists, read on first use

    end, sure = words_run(text, pos)
    if end == pos or sure:
        return end
    # a lone weak word (分享, 打印, 首页) is also a title's own word (分享经济示范区, 首页设计): furniture only before a
    # place the gazetteer knows (打印敦煌市…)
    hit = _place_at(text, end)
    return end if hit is not None and _divisions(hit[0]) else pos


def _holds_furniture(name: str) -> bool:
    """A furniture word stands inside `name` (中小视力保护色敦煌市: the rest of a 大 中 小 switch, then an aid)."""
    from engine.ingest.furniture import holds_word

    return holds_word(name)


def _runs_on(text: str, end: int) -> bool:
    """The suffix ending at `end` is the first character of a word (市场, 区域, 乡村 …: levels.yaml `suffix_words`)."""
    return text[end - 1 : end + 1] in _area_table()[3]


def place_at(text: str, pos: int) -> tuple[str, Level, int] | None:
    """The place name starting at `pos` of `text` (no 《》 stripping): (name, level, end), or None."""
    return _place_at(text, pos)


def places_end(name: str) -> int:
    """Where the run of place names opening `name` ends (天水市秦州区人民政府 -> 6), 0 if none."""
    pos = 0
    while pos < len(name):
        hit = place_at(name, pos)
        if hit is None:
            break
        pos = hit[2]
    return pos


def places_in(text: str, known: frozenset[str] = frozenset()) -> list[tuple[str, Level]]:
    """The run of place names opening `text` (after 中共/关于 and spaces), outermost first.

    A name whose stem alone reads as words (城关区, 宣和镇: 关 and 和 are also a function word's) is still a
    place right after the division it belongs to in the gazetteer (拉萨市城关区), or when the document names
    it as a body's place (`known`, `named_by_bodies`: 宣和镇人民政府)."""
    text = strip_quotes(text).strip()
    pos = _past_furniture(text, 0)  # 字号：大 中 小 视力保护色敦煌市…: a page's buttons glued before the name
    for prefix in ("中共", "关于"):
        if text.startswith(prefix, pos):
            pos += len(prefix)
    out: list[tuple[str, Level]] = []
    while pos < len(text) and len(out) < 4:
        hit, named = _next_place(text, pos, out), _known_at(text, pos, known)
        if named is not None and (hit is None or named[2] > hit[2]):
            hit = named  # 北京街道 named by its 办事处: a town, not the province 北京 and a word
        if hit is None and out and (below := _below_body(text, pos, out[-1][1], known)) is not None:
            hit = below  # 越秀区人民政府北京街道办事处: the 街道 of the district's government
        if hit is None or _refused(hit, text, pos, out, known) or _not_below(hit, out, known):
            break
        name, level, pos = hit
        out.append((name, level))
    return out


def _not_below(hit: tuple[str, Level, int], run: list[tuple[str, Level]], known: frozenset[str]) -> bool:
    """A province after a run of places, and a name read by its form alone after one at the level of the run's
    last place or above: no place. Each place of a run lies inside the one before (成都市郫都区…); "成都市郫都区支持郫县豆瓣…" (blind14) goes
    on with a phrase whose words end in a suffix (支持郫县, a product named for the district's former name), not
    with a county of a district. The gazetteer's divisions and the document's bodies' places are read as before."""
    if run and hit[1] == "province":
        return True  # a province lies inside no place: "越秀区北京…" goes on with a word, not a province of a district
    if not run or hit[0] in known or _divisions(hit[0]):
        return False
    return _RANK.get(hit[1], 0) >= _RANK.get(run[-1][1], 0)


def _below_body(text: str, pos: int, above: Level, known: frozenset[str]) -> tuple[str, Level, int] | None:
    """A place the document's bodies are named for (`known`) right after the body of the run's last place and
    of a lower level: 越秀区人民政府 北京街道办事处, a 街道 being the agency of its district's government."""
    body = _BODY_WORD.match(text, pos)
    if body is None:
        return None
    hit = _known_at(text, body.end(), known)
    return hit if hit is not None and _RANK.get(hit[1], 0) < _RANK.get(above, 0) else None


# the suffixes of a division's full name; a name read without one is a short form (北京, 湖南) or ends in 州 (广州)
_FULL_SUFFIXES = tuple(s for s in PLACE_SUFFIXES if s != "州")


def _town_named_from(t: str, pos: int, hit: tuple[str, Level, int]) -> tuple[str, Level, int] | None:
    """The town-level division a body starting at `pos` is named for when its name only opens with the
    place `hit` read there: 北京街道办事处, 上海路街道办事处, 广州街道办事处, 湖南镇人民政府 name a 街道/镇 whose
    name starts with a province's or a city's, not that province or city. The rest of the name before its
    town suffix (路, or nothing) holds no place of its own (越秀区北京街道 is 越秀区 and then a 街道)."""
    if hit[0].endswith(_FULL_SUFFIXES):
        return None  # 成华区建设路街道 is 成华区 and then its 街道: only a short form (北京, 湖南, 广州) runs on
    name = body_place_at(t, pos)
    if name is None or len(name) <= hit[2] - pos or not name.startswith(hit[0]):
        return None
    suffix = _SUFFIX_END.search(name)
    if suffix is None or PLACE_SUFFIXES[suffix.group()] != "town":
        return None
    stem = name[len(hit[0]) : suffix.start()]
    if stem and (
        _SUFFIX_RE.search(stem) or any(p in stem for p in _PROVINCE_NAMES) or _divisions(stem) or len(stem) > 3
    ):
        return None
    return name, "town", pos + len(name)


def _next_place(text: str, pos: int, run: list[tuple[str, Level]]) -> tuple[str, Level, int] | None:
    """The place starting at `pos` after `run`: a division the gazetteer lists right below the run's last
    place wins over what the name's form says unless that is longer (乌鲁木齐市新市区 is 新市区, no city 新市)."""
    hit, below = _place_at(text, pos), _below_at(text, pos, run)
    return below if below is not None and (hit is None or below[2] >= hit[2]) else hit


def _below_at(text: str, pos: int, run: list[tuple[str, Level]]) -> tuple[str, Level, int] | None:
    """A division the gazetteer lists right below the last place of `run`, starting at `pos`."""
    if not run or run[-1][1] not in ("province", "city"):
        return None
    from engine.parse.places import gazetteer  # the gazetteer imports this module's PROVINCES

    g = gazetteer()
    name, level = run[-1]
    best: tuple[str, Level, int] | None = None
    for parent in g.lookup(name):
        if parent.level != level:
            continue
        for child, place in g.below(parent).items():
            end = pos + len(child)
            if text.startswith(child, pos) and not _runs_on(text, end) and (best is None or end > best[2]):
                best = (child, place.level, end)  # type: ignore[assignment]
    return best


def _known_at(text: str, pos: int, known: frozenset[str]) -> tuple[str, Level, int] | None:
    """A place the document names as a body's (`named_by_bodies`) starting at `pos`, the longest: the document
    says it is a place, so a word its suffix would begin does not stop it (桃源乡村庄规划 of 桃源乡人民政府)."""
    found = (k for k in known if text.startswith(k, pos))
    best = max(found, key=len, default="")
    if not best:
        return None
    return best, PLACE_SUFFIXES[_SUFFIX_END.search(best).group()], pos + len(best)  # type: ignore[union-attr]


# A body of government ends its place's name (宣和镇人民政府, 中共宣和镇委员会, 建设路街道办事处, …街道党工委):
# the name before it is a place whatever its stem holds. Provinces are all known by name, so not here;
# a stem does not start as a group or a self-word does (各乡镇人民政府, 全县…; 全胜乡 is a name), nor holds 各 or 的.
_BODY_WORD = re.compile(r"人民政府|政府|党工委|党委|工作委员会|委员会|办事处")
_BODY_SUFFIXES = sorted((s for s, lv in PLACE_SUFFIXES.items() if lv != "province"), key=len, reverse=True)
_BODY_SUFFIX_ALT = "|".join(_BODY_SUFFIXES)
_NAMED_BY_BODY = re.compile(
    rf"(?!该|(?:我|全|本)(?:{_BODY_SUFFIX_ALT}))(?:(?![的各])[\u4e00-\u9fff]){{2,10}}?(?:{_BODY_SUFFIX_ALT})"
    rf"(?={_BODY_WORD.pattern})"
)
_SUFFIX_END = re.compile(f"(?:{'|'.join(sorted(PLACE_SUFFIXES, key=len, reverse=True))})$")
# kinds of area or zone, not divisions (…社区委员会, …经济开发区工作委员会); a town may end in 城镇 (古城镇),
# a city in 都市 (a former 江都市)
_ZONE_ENDS = ("开发区", "试验区", "示范区", "合作区", "保税区", "功能区")


@memo(1, copy="shared")  # read once from the one file
def _area_table() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """levels.yaml's kinds of area: (area_words, kind_characters, listed_suffixes, suffix_words, area_endings)."""
    table = levels_table()
    words = frozenset(table.get("area_words") or ())
    kinds = frozenset(table.get("kind_characters") or "")
    runs_on = frozenset(str(w) for w in table.get("suffix_words") or ())
    endings = tuple(sorted((str(w) for w in table.get("area_endings") or ()), key=len, reverse=True))
    return words, kinds, tuple(table.get("listed_suffixes") or ()), runs_on, endings


@memo(1, copy="shared")
def _area_ends() -> tuple[str, ...]:
    words = _area_table()[0]
    return (*sorted(w for w in words if w not in ("城镇", "集镇", "都市")), *_ZONE_ENDS)


def body_place_at(text: str, pos: int) -> str | None:
    """The place a body of government starting at `pos` is named for (宣和镇 of 宣和镇人民政府), or None."""
    m = _NAMED_BY_BODY.match(text, pos)
    if m is None:
        return None
    name = m.group()
    if (name.endswith(_area_ends()) and not _divisions(name)) or _holds_furniture(name):
        return None
    return name


def named_by_bodies(texts: list[str]) -> frozenset[str]:
    """Places the issuing bodies are named for, read from the bodies themselves where the place run stops
    (中共宣和镇委员会 宣和镇人民政府 -> 宣和镇): a town is in no gazetteer, and its name is the document's word."""
    out: set[str] = set()
    for text in texts:
        t = "".join(strip_quotes(text).split())
        pos, run = 0, []  # type: ignore[var-annotated]
        while pos < len(t):
            pos = _past_furniture(t, pos)  # 视力保护色敦煌市人民政府办公室: the page's aid, then the body
            if t.startswith("中共", pos):
                pos += 2
            hit = _next_place(t, pos, run)
            if hit is not None and (town := _town_named_from(t, pos, hit)) is not None:
                hit = town
                out.add(town[0])
            if hit is not None and _BODY_WORD.match(t, hit[2]):
                if not _is_area_word(hit[0]):
                    # 桃源乡人民政府: the body says its place is one, where a title's word would stop its name
                    # (桃源乡村庄规划: 乡村, levels.yaml `suffix_words`)
                    out.add(hit[0])
                elif _named(hit[0]):
                    out.add(hit[0])  # 城区人民政府: a kind of area's word, the body of a division of that name
            if hit is not None:
                run.append(hit[:2])
                pos = hit[2]
                continue
            if run and (body := _BODY_WORD.match(t, pos)) is not None:
                pos = body.end()  # 越秀区人民政府北京街道办事处: the body of the run's place, then a body below it
                continue
            name = body_place_at(t, pos)
            if name is None:
                break
            out.add(name)
            body = _BODY_WORD.match(t, pos + len(name))
            pos, run = body.end(), []  # type: ignore[union-attr]
    return frozenset(out)


def _named(name: str) -> list[Place]:
    """The divisions whose full name is `name`, also those no searchable name finds (城区, 郊区)."""
    from engine.parse.places import gazetteer  # the gazetteer imports this module's PROVINCES

    return gazetteer().named(name)


def _divisions(name: str) -> list[Place]:
    """The divisions the gazetteer knows by `name` (full name, stem or short name), or an autonomous area by a short
    form of its name (双江自治县, 双江县, 海南州: `_autonomous_short_forms`)."""
    from engine.parse.places import gazetteer  # the gazetteer imports this module's PROVINCES

    g = gazetteer()
    return g.lookup(name) or [p for full in _autonomous_short_forms().get(name, ()) for p in g.named(full)]


def _is_area_word(name: str) -> bool:
    """True for 小区, 城镇, 城乡, 市县, 民族地区 …: a kind of area (levels.yaml `area_words`), a pair of kinds
    (two `kind_characters`), or a name with a suffix whose every division the gazetteer lists (`listed_suffixes`)
    that it does not know by the name or its stem; unless the gazetteer knows a division by that name."""
    words, kinds, listed, _, endings = _area_table()
    if _divisions(name):
        return False
    if name in words or (len(name) == 2 and name[0] in kinds and name[1] in kinds):
        return True
    if name.endswith(endings) and not _named(name):
        # 智慧社区, 化工园区, 文明城市, 特色小镇, 黑土区, 国有林区 (`area_endings`); a division the gazetteer lists by its full
        # name alone keeps it (金林区, 北林区: a one-character stem is no searchable name)
        return True
    if any(name.endswith(suf) and len(name) > len(suf) and not _divisions(name[: -len(suf)]) for suf in listed):
        return True
    return _kind_of_division(name)


def _kind_of_division(name: str) -> bool:
    """边境县, 贫困县: a name ending in a `prefix_suffixes` suffix whose stem begins no division's full name and is no
    template's placeholder (某某县) — a kind of county, no county (levels.yaml)."""
    from engine.parse.places import gazetteer  # the gazetteer imports this module's PROVINCES

    table = levels_table()
    for suf in table.get("prefix_suffixes") or ():
        head = name[: -len(suf)]
        if name.endswith(suf) and head and head not in (table.get("placeholder_stems") or ()):
            return not gazetteer().begins(head)
    return False


def _refused(
    hit: tuple[str, Level, int], text: str, pos: int, run: list[tuple[str, Level]], known: frozenset[str]
) -> bool:
    """A kind of area read where a place starts (`_is_area_word`), or a 区 no county can be right below a province
    (`_province_area`), is no place, unless the gazetteer lists it right below the run's last place (阳泉市城区) or the
    document's bodies are named for it (`known`: 城区人民政府)."""
    return (
        (_is_area_word(hit[0]) or _province_area(hit, run))
        and hit[0] not in known
        and _below_at(text, pos, run) != hit
    )


def _province_area(hit: tuple[str, Level, int], run: list[tuple[str, Level]]) -> bool:
    """A 区 read by its form alone right after a province is an area of that province, no county: a county-level 区 lies
    under a prefecture-level city (a 市辖区), but under a 直辖市 (a province whose name ends in 市: 北京市, 重庆市) and the
    few a province administers itself, which the gazetteer lists right below it (神农架林区, read by `_below_at`).
    黑龙江省黑土区…, 四川省藏区…, 内蒙古自治区半农半牧区… name the province's own areas. A name the gazetteer lists
    anywhere (黑龙江省哈尔滨市… skipping nothing, 广东省顺德区 skipping 佛山市) stays, and so do zones that issue plans
    through their own 管委会 (贵州省贵安新区, …开发区, …示范区: `_ZONE_ENDS`). Source: 《中华人民共和国行政区划简册》."""
    if not run or run[-1][1] != "province" or hit[1] != "county" or not hit[0].endswith("区"):
        return False
    province = run[-1][0]
    full = next((f for f, short in PROVINCES.items() if province in (f, short)), province)
    if full.endswith("市") or hit[0].endswith(("新区", *_ZONE_ENDS)):
        return False
    return not (_divisions(hit[0]) or _named(hit[0]))


def is_national(text: str) -> bool:
    """`text` (a title, an issuer) opens with a national body: a national opening word (国务院, 国家 …) or a national
    body's name (`national_body_at`) — unless that body's name is followed by a place and an office of its own
    there (`national_office_place`: 国家税务总局长春市税务局, 国家矿山安全监察局山西局 are offices in places)."""
    t = strip_quotes(text).strip()
    if national_office_place(t) is not None:
        return False
    return t.startswith(NATIONAL_PREFIXES) or _national_body(t) or _inter_ministerial(t)


def _inter_ministerial(text: str) -> bool:
    """`text` names a body of ministries together (national_bodies.yaml `inter_ministerial`: 部际联席会议 and its office)
    and no place: the State Council's joint meeting, national whatever its name opens with."""
    words = _national_table()[4]
    return any(w in text for w in words) and not places_in(text)


def _national_body(text: str) -> bool:
    """`text` opens with a national body's name (交通运输部, 交通运输部办公厅, 审计署, 海关总署, 市场监管总局, 中国人民银行,
    中国民用航空局综合司, 国家铁路局): a ministry, commission or national administration issuing (or publishing a draft
    for comment) speaks for the whole country, whatever its portal's page carries. 公安部门 is no 公安部."""
    return national_body_end(text, 0) is not None


def national_body_at(text: str, pos: int) -> bool:
    """A national body's name starts at `pos` (人力资源社会保障部 after 工业和信息化部 in a joint notice's run of issuers;
    国家铁路局 after 交通运输部)."""
    return national_body_end(text, pos) is not None


def national_body_end(text: str, pos: int) -> int | None:
    """Where the national body's name starting at `pos` ends, or None: the names the unit registry writes for the
    national tier and the State Council's organisation (rulesets/data/national_bodies.yaml)."""
    from engine.extract.unitnames import load_registry  # the registry reads this module's place names

    ends = [
        m.end()
        for pattern in (load_registry().national_pattern(), _national_table()[0])
        if (m := _national_names_re(pattern).match(text, pos)) is not None
    ]
    return max(ends, default=None)


def national_office_place(text: str) -> str | None:
    """The rest of `text` from the place its opening national body's office stands in (长春市税务局 of
    国家税务总局长春市税务局, 山西局 of 国家矿山安全监察局山西局), or None. An office in a place is named by the national
    body, the place, then an office's name (national_bodies.yaml `offices_in_places`: 局, 监管局, 调查总队, 分行 …) or,
    for a vertically managed body (unit_registry.yaml kind `vertical`), any name but a government's: 国家能源局吉林省能源局
    and 国家发展改革委北京市人民政府 are two issuers run together. A title's name ends at its 关于."""
    end = national_body_end(text, 0)
    if end is None:
        return None
    hit = place_at(text, end)
    if hit is None:
        return None
    rest = re.split(r"\s|关于|转发|印发", text[hit[2] :], maxsplit=1)[0]
    if not rest or _BODY_WORD.match(rest):
        return None
    if rest in _national_table()[3] or vertical_body(text[:end]):
        return text[end:]
    return None


def vertical_body(name: str) -> bool:
    """`name` is a national name of a vertically managed body of the unit registry (国家税务总局, 中国人民银行)."""
    from engine.extract.unitnames import load_registry  # the registry reads this module's place names

    forms = load_registry().forms.get(name, ())
    return any(f.tier == "national" and f.body is not None and f.body.kind == "vertical" for f in forms)


def national_office(name: str) -> bool:
    """`name` is an office of a national body named after it: inside it (中国民用航空局综合司, 民航局运输司, 交通运输部
    办公厅: it ends as the bodies' offices do, national_bodies.yaml `offices`) or in a place (国家统计局山西调查总队:
    `national_office_place`, ending as `offices_in_places`)."""
    end = national_body_end(name, 0)
    if end is None or len(name) <= end:
        return False
    _, _, offices, in_places, _ = _national_table()
    return name.endswith(offices) or (name.endswith(tuple(in_places)) and national_office_place(name) is not None)


@memo(1, copy="shared")  # tuples and a frozenset from the one file
def _national_table() -> tuple[str, tuple[str, ...], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """rulesets/data/national_bodies.yaml as (a pattern of every name and short form, the 文号 code openings, the
    endings of the bodies' offices longest first, the names of their offices in places, the words of the bodies of
    ministries together: `inter_ministerial`)."""
    from engine.extract.unitnames import trie_regex  # the registry's module reads this module's place names

    raw = read_data("national_bodies.yaml") or {}
    names: set[str] = set()
    codes: set[str] = set()
    for body in raw.get("bodies") or ():
        names.add(str(body["name"]))
        names.update(str(s) for s in body.get("short") or ())
        codes.update(str(c) for c in body.get("codes") or ())
    offices = sorted((str(o) for o in raw.get("offices") or ()), key=len, reverse=True)
    in_places = frozenset(str(o) for o in raw.get("offices_in_places") or ())
    joint = tuple(str(w) for w in raw.get("inter_ministerial") or ())
    return trie_regex(names), tuple(sorted(codes, key=len, reverse=True)), tuple(offices), in_places, joint


def national_codes() -> tuple[str, ...]:
    """How the 文号 of the national bodies open (national_bodies.yaml `codes`: 民航局综司发, 税总发, 署税发)."""
    return _national_table()[1]


@memo(4, copy="shared")  # a compiled pattern, one per registry and one of national_bodies.yaml
def _national_names_re(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})(?![门署])")


def short_name(name: str) -> str:
    """The form a text usually uses: 广西 for 广西壮族自治区, 北京 for 北京市; others unchanged."""
    return _SHORT.get(name, name)


def level_of_name(name: str) -> Level:
    """The level a single place name implies (for a `jurisdiction` given by the user)."""
    if name.startswith(NATIONAL_PREFIXES) or name in ("中国", "国家"):
        return "national"
    places = places_in(name)
    if places:
        return places[-1][1]
    return "unknown"


@memo(1, copy="shared")  # one file read once; callers only read the dict
def levels_table() -> dict:
    """rulesets/data/levels.yaml as read (a file the package ships): what the parse stage reads of it
    (addressee levels here, 文号 codes in docnumber.py)."""
    return read_data("levels.yaml", required=True) or {}


@memo(1, copy="shared")  # a tuple of compiled patterns from the one file
def _addressee_levels() -> tuple[tuple[Level, re.Pattern[str]], ...]:
    return tuple((e["level"], re.compile(e["pattern"])) for e in levels_table().get("addressee_levels") or [])


def level_of_addressees(addressees: str | None) -> Level | None:
    """The level a plan speaks from, by whom it is sent to (各县(区)人民政府，市政府各部门 -> city)."""
    if not addressees:
        return None
    text = addressees.replace("（", "(").replace("）", ")").replace(" ", "")
    for level, pattern in _addressee_levels():
        if pattern.search(text):
            return level
    return None


def level_of_tasked_groups(body: str) -> Level | None:
    """The level a body with no other evidence speaks from, by the groups of bodies below it that it tasks (各省级疾病
    预防控制主管部门 -> national; levels.yaml `addressee_levels`, read as for a notice's addressees): the highest tier
    named, as the patterns are listed top down. The last evidence `infer` asks for."""
    return level_of_addressees(body[:50000])


@memo(1, copy="shared")  # compiled once from the one file
def _self_word_guards() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """levels.yaml's not_preceded_by / not_followed_by: 健全县乡村 and 全市场 hold no self-word."""
    table = levels_table()
    before, after = table.get("not_preceded_by"), table.get("not_followed_by")
    return (re.compile(before) if before else None), (re.compile(after) if after else None)


def _self_words(text: str) -> list[re.Match[str]]:
    """我市/全县/本区 … in `text`, not where the characters around make another word."""
    before, after = _self_word_guards()
    out = []
    for m in _SELF_RE.finditer(text):
        if before is not None and m.start() > 0 and before.match(text, m.start() - 1):
            continue
        if after is not None and after.match(text, m.end()):
            continue
        out.append(m)
    return out


def level_of_self_words(text: str) -> Level | None:
    """The level the body speaks from: the most used of 我市/全县/本区 … (我 counts double: 全 and 本
    also quote other levels' areas). None when there are none, or two levels tie."""
    counts: Counter[Level] = Counter()
    for m in _self_words(text):
        lv = PLACE_SUFFIXES.get(m.group(1))
        if lv:
            counts[lv] += 2 if m.group(0).startswith("我") else 1
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def infer(
    candidates: list[str],
    preamble: str,
    addressees: str | None = None,
    body: str = "",
    doc_number: str | None = None,
) -> tuple[str, str | None, Level]:
    """(jurisdiction, parent_jurisdiction, level) from the first candidate text naming a place.

    Evidence, in order: the title's opening place names (kinds of area such as 小区/社区/园区 are not
    places), weighed against the issuers' (`_from_candidates`);
    `candidates`: the title first, then the issuers (the signature counts). A 市 under another
    市/州/地区 is a county-level city. Fallbacks for the level alone, in order: "结合X实际" in the
    preamble, the addressees (各县(区)人民政府 -> city), "我县/全区…" in the preamble, then in the body.
    The 文号 (`doc_number`, parse/docnumber.py) comes after the title and issuers: its place when it
    names one, else its level, unless "结合X实际" names a place of that level or the addressees
    speak from another level.
    """
    from engine.parse import docnumber  # it reads the front matter, which imports this module

    known = named_by_bodies(candidates[1:])
    found = _from_candidates(candidates, addressees, body, known)
    zoned = _zone_reading(candidates, found, f"{preamble}\n{body}", known)
    if zoned is not None:
        return zoned
    if found is not None:
        return found
    by_number = docnumber.read(doc_number)
    by_addressees = level_of_addressees(addressees)
    if by_number is not None and by_addressees not in (None, by_number[2]):
        by_number = None  # 吉政发 is 吉林 or 吉安: whom the plan writes to decides
    if by_number is not None and by_number[0]:
        return by_number
    head = preamble[:5000]
    m = re.search(r"结合(?:我|全)?([\u4e00-\u9fff]{2,10}?)(?:的)?实际", head)
    if m:
        places = places_in(m.group(1), known)
        if places and (by_number is None or _resolve(places)[2] == by_number[2]):
            return _resolve(places)
    if by_number is not None:
        return by_number
    if by_addressees:
        return (NATIONAL_NAME if by_addressees == "national" else ""), None, by_addressees
    m2 = next(iter(_self_words(head)), None)
    if m2:
        return "", None, PLACE_SUFFIXES.get(m2.group(1), "unknown")
    own = level_of_self_words(body)
    if own:
        return "", None, own
    tasked = level_of_tasked_groups(body)
    if tasked:
        return (NATIONAL_NAME if tasked == "national" else ""), None, tasked
    return "", None, "unknown"


def _from_candidates(
    candidates: list[str], addressees: str | None, body: str, known: frozenset[str] = frozenset()
) -> tuple[str, str | None, Level] | None:
    """The first candidate naming a place, weighed against the issuer: when the title names a place
    below the issuer's (赣州市人民政府办公室 issuing "赣州市X区…"), the title wins unless the
    addressees (各县(市、区)人民政府) and the body's self-words (我市/全市) both speak from the issuer's
    level, the evidence a plan gives of whom it speaks for.

    A place named alone (下营镇 in the title) takes the division above it from a candidate that names the
    same place under it (the issuer 天津市蓟州区下营镇人民政府, the signature): the document states it."""
    first: tuple[str, str | None, Level] | None = None
    chained: dict[str, tuple[str, str | None, Level]] = {}  # a place -> the first reading with its parent
    titled: tuple[str, str | None, Level] | None = None  # the title's reading
    issuer: tuple[tuple[str, str | None, Level], str] | None = None  # the first issuer's reading, its text
    for n, text in enumerate(candidates):
        if not text:
            continue
        if is_national(text):
            got: tuple[str, str | None, Level] = (NATIONAL_NAME, None, "national")
        else:
            # a national body's office in a place (国家税务总局长春市税务局) is that place's
            office = national_office_place(strip_quotes(text).strip())
            places = places_in(text, known) or (places_in(office, known) if office else [])
            if not places:
                continue
            got = _resolve(places)
        if got[1] is not None:
            chained.setdefault(got[0], got)
        if n == 0:
            titled = got
        elif issuer is None:
            issuer = got, text
        if first is None:
            first = got
            continue
        if got[2] != first[2] and _RANK.get(got[2], 0) > _RANK.get(first[2], 0):
            votes = [level_of_addressees(addressees), level_of_self_words(body)]
            if all(v == got[2] for v in votes):
                return got
    if first is not None and first is titled and issuer is not None and _named_on(titled[0], *issuer, known):
        # 柳江古镇 (柳江镇人民政府), 宁乡花猪 (宁乡市农业农村局), 儋州调声 (儋州市人民政府办公室): the issuer's place;
        # the division above it the title names, if the issuer names none (海南儋州调声…)
        first = issuer[0] if issuer[0][1] is not None else (issuer[0][0], titled[1], issuer[0][2])
    issuers = [c for c in candidates[1:] if c and not is_national(c)]
    if first is not None and first[1] is None and first[0] not in chained and len(issuers) > 1:
        # the issuer printed as one line, split at its bodies (南昌市青山湖区人民政府 | 上海路街道办事处): the chain
        # runs across the district government's name to the 街道 named by its 办事处
        joined = places_in("".join(issuers), known)
        if len(joined) > 1 and (got := _resolve(joined))[0] == first[0] and got[1] is not None:
            chained[first[0]] = got
    if first is not None and first[1] is None and first[0] in chained:
        return chained[first[0]]  # its level too: a 市 under a 市/州 is a 县级市
    return first


def _zone_reading(
    candidates: list[str], found: tuple[str, str | None, Level] | None, texts: str, known: frozenset[str]
) -> tuple[str, str | None, Level] | None:
    """A zone's reading, where a zone is the plan's place (engine/parse/zones.py, levels.yaml `zones`): issued by the
    zone's own body (江西赣江新区管理委员会, 深圳市前海管理局), the zone at the level of the divisions right below the
    government that set it up, when the title names it, the division above it or no place; a zone the title names
    (南宁市五象新区…) in a plan its parent's own government issues (南宁市人民政府), that government's place."""
    from engine.parse import zones  # it reads this module's places

    zone = zones.issuing_zone(candidates, texts)
    if zone is not None:
        # the title names the zone, read only up to the division its name opens with (兰州新区化工园区… read as 兰州)
        opened = found is not None and zone.name.startswith(found[0]) and zone.name in strip_quotes(candidates[0])
        if found is None or found[0] == zone.name or found[0] in zone.above or opened:
            return zone.name, zone.parent, zone.level
        return None
    if found is None or found[1] is None or not zones.is_zone(found[0]):
        return None
    for issuer in candidates[1:]:
        places = places_in(issuer, known) if issuer and not is_national(issuer) else []
        if places and not zones.zone_kind(places[-1][0]) and _resolve(places)[0] == found[1]:
            return _resolve(places)
    return None


_RANK: dict[str, int] = {"town": 1, "county": 2, "city": 3, "province": 4, "national": 5}


def _named_on(
    place: str, issued: tuple[str, str | None, Level], text: str, known: frozenset[str]
) -> bool:
    """The title's `place` is no division but a word made on the name of the issuer's place, which is one: a scenic
    or a product's name read by its last character (柳江古镇 of 洪雅县柳江镇人民政府, a 古镇 the town is known by;
    宁乡花猪 read as a town 宁乡, issued by 宁乡市农业农村局, 宁乡市 a 县级市). The title's name is neither in the
    gazetteer nor the place of one of the document's bodies; the issuer's is (or its government is named for it);
    the title's opens with the issuer's stem and is that stem alone or goes on with more than a division's suffix
    (阳朔镇 in a plan of 阳朔县 is a town of its own, and the title names it). A title's bare stem that the gazetteer
    knows only as the short form of the issuer's own division is such a word too (儋州调声 of 儋州市人民政府办公室,
    柳州螺蛳粉 of 柳州市, 杭州亚运 of 杭州市: a 州 read by its form, where the issuer names the city in full): the
    jurisdiction is the full name, and its level and self-words are the full name's (全市, not 全州)."""
    name = issued[0]
    if place == name or place in _SHORT or place in known or issued[2] == "national":
        return False
    if (divisions := _divisions(place)) and not _short_of(divisions, name):
        return False
    flat = "".join(text.split())
    at = flat.find(name)
    if not (_divisions(name) or name in known or (at >= 0 and _BODY_WORD.match(flat, at + len(name)))):
        return False
    suffix = _SUFFIX_END.search(name)
    stem = name[: suffix.start()] if suffix else name
    if len(stem) < 2 or not place.startswith(stem):
        return False
    rest = place[len(stem) :]
    return rest not in PLACE_SUFFIXES


def _short_of(divisions: list[Place], name: str) -> bool:
    """Every one of `divisions` (those the gazetteer knows by a title's bare stem) is the division named `name` in
    full: the stem is that division's short form (儋州 of 儋州市), no other division's."""
    own = {p.code for p in _named(name)}
    return bool(own) and all(p.code in own for p in divisions)


def _resolve(places: list[tuple[str, Level]]) -> tuple[str, str | None, Level]:
    name, level = places[-1]
    parent = places[-2] if len(places) > 1 else None
    if parent and level == "city" and parent[1] == "city":
        level = "county"  # 县级市
    parent_name = short_name(parent[0]) if parent else None
    if level == "city" and parent is None and (above := _county_level_city(name)) is not None:
        level, parent_name = "county", above  # 义乌市, 昆山市, 仙桃市 named alone
    if level == "province":
        name = short_name(name)
    return name, parent_name, level


def _county_level_city(name: str) -> str | None:
    """The division above a 县级市 named alone (义乌市 -> 金华市; 仙桃市, administered by its province ->
    湖北省), when the gazetteer knows the name only as a county-level division; else None (吉林市 is
    a prefecture-level city, and a name the gazetteer does not know stays what its suffix says)."""
    from engine.parse.places import gazetteer  # the gazetteer imports this module's PROVINCES

    g = gazetteer()
    found = g.lookup(name)
    if not found or any(p.level != "county" for p in found):
        return None
    codes = {p.ancestors[0] for p in found}
    if len(codes) != 1:
        return None
    above = g.places.get(codes.pop())
    if above is None:  # a province-administered county-level city: no prefecture entry
        above = g.places.get(found[0].code[:2] + "0000")
    return short_name(above.name) if above is not None else None
