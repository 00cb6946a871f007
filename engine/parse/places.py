"""The gazetteer: China's provinces, prefectures and counties (rulesets/data/places.tsv) and their names.

A draft copied from a sibling's or another province's plan keeps that place's name; only a list of
every division can tell 鱼峰区 or 深圳 from a word. The file gives each division's 6-digit code, whose
structure (province 2, prefecture 2, county 2 digits) gives the ancestors without a parent column.

Names a text can be searched for (`Place.names`): the full name (城中区, 柳州市, 广西壮族自治区); the
stem of a province or prefecture without its suffix (柳州, 深圳) when at least two characters remain;
a province's short name (广西). A county's stem is never used (城中, 江南, 新城 are common words), nor
a full name whose stem is a single character (城区, 郊区, 矿区, 东区), nor the few full names that are
also common phrases (`COMMON_PHRASES`: 新城区 in 推进新城区建设).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.memo import memo
from engine.outputs import note_input
from engine.parse.level import PROVINCES

_SUFFIXES = sorted(
    ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
     "地区", "林区", "特区", "省", "市", "州", "盟", "县", "旗", "区"),
    key=len, reverse=True,
)  # fmt: skip
COMMON_PHRASES = frozenset({"新城区", "老城区", "主城区", "城关区", "市中区", "新市区", "高新区", "开发区"})


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    names: tuple[str, ...] = field(default=(), compare=False)

    @property
    def level(self) -> str:
        if self.code.endswith("0000"):
            return "province"
        return "city" if self.code.endswith("00") else "county"

    @property
    def ancestors(self) -> tuple[str, ...]:
        """Codes of the prefecture and province above (a province-administered county has no prefecture)."""
        if self.level == "province":
            return ()
        if self.level == "city":
            return (self.code[:2] + "0000",)
        return (self.code[:4] + "00", self.code[:2] + "0000")


def stem(name: str) -> str:
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return name


def _names(code: str, name: str) -> tuple[str, ...]:
    out: list[str] = []
    s = stem(name)
    if len(s) >= 2 and name not in COMMON_PHRASES:
        out.append(name)
    if not code.endswith("00") or code[2:4] == "90":
        return tuple(out)  # counties (and province-administered ones): the full name only
    if len(s) >= 2:
        out.append(s)
    short = PROVINCES.get(name)
    if short and short not in out:
        out.append(short)
    return tuple(out)


@dataclass
class Gazetteer:
    places: dict[str, Place]
    by_name: dict[str, list[Place]]
    _index: dict[str, list[str]] = field(default_factory=dict, repr=False)  # first two chars -> names
    # a division's code -> the divisions right below it by full name
    _below: dict[str, dict[str, Place]] = field(default_factory=dict, repr=False)
    _full: dict[str, list[Place]] = field(default_factory=dict, repr=False)  # full name -> divisions
    _heads: frozenset[str] | None = field(default=None, repr=False)  # every full name's heads, made when first asked

    def named(self, name: str) -> list[Place]:
        """Divisions whose full name is `name`, those whose name alone is no searchable name included
        (城区 of 阳泉市, 晋城市 and 汕尾市; 郊区): what a body named for it (城区人民政府) may be."""
        return list(self._full.get(name, []))

    def lookup(self, name: str) -> list[Place]:
        """Places called `name` (full name, stem or short name)."""
        return list(self.by_name.get(name, []))

    def begins(self, head: str) -> bool:
        """Some division's full name begins with `head` (长清 for 长清区, 石林 for 石林彝族自治县)."""
        if self._heads is None:
            self._heads = frozenset(name[:n] for name in self._full for n in range(1, len(name) + 1))
        return head in self._heads

    def below(self, parent: Place) -> dict[str, Place]:
        """The divisions right below `parent` by full name, those whose name alone is no searchable name
        included (城关区 of 拉萨市, 市中区 of 济南市): under its parent's name a name is no common phrase.
        A province's are its prefectures and the counties it administers itself."""
        return self._below.get(parent.code, {})

    def family(self, places: Iterable[Place]) -> set[str]:
        """Codes of the places, their ancestors and their descendants."""
        codes: set[str] = set()
        for p in places:
            codes.add(p.code)
            codes.update(p.ancestors)
            if p.level == "province":
                codes.update(c for c in self.places if c[:2] == p.code[:2])
            elif p.level == "city":
                codes.update(c for c in self.places if c[:4] == p.code[:4])
        return codes

    def find(self, text: str) -> set[str]:
        """Every searchable name that occurs in `text` (one pass over the text)."""
        found: set[str] = set()
        index = self._index
        for i in range(len(text) - 1):
            for n in index.get(text[i : i + 2], ()):
                if text.startswith(n, i):
                    found.add(n)
        return found


def parse_table(lines: Iterable[str]) -> Gazetteer:
    """The gazetteer from places.tsv lines (`code<TAB>name`; `#` lines are the file's source notes)."""
    places: dict[str, Place] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        code, _, name = line.rstrip("\n").partition("\t")
        code, name = code.strip(), name.strip()
        if len(code) != 6 or not code.isdigit() or not name or code in places:
            continue
        if code.endswith("00") and not code.endswith("0000") and name == places.get(code[:2] + "0000", Place("", "")).name:
            continue  # 110100 北京市 under 110000 北京市: the municipality once
        places[code] = Place(code, name, _names(code, name))
    by_name: dict[str, list[Place]] = {}
    for p in places.values():
        for n in p.names:
            by_name.setdefault(n, []).append(p)
    index: dict[str, list[str]] = {}
    for n in sorted(by_name, key=len, reverse=True):
        index.setdefault(n[:2], []).append(n)
    below: dict[str, dict[str, Place]] = {}
    full: dict[str, list[Place]] = {}
    for p in places.values():
        full.setdefault(p.name, []).append(p)
        if p.level != "province":  # a county under no prefecture (仙桃市, 东城区 of 北京市): its province's
            up = p.ancestors[0] if p.ancestors[0] in places else p.ancestors[-1]
            below.setdefault(up, {})[p.name] = p
    return Gazetteer(places, by_name, index, below, full)


def gazetteer() -> Gazetteer:
    """The shipped gazetteer (rulesets/data/places.tsv), noted as an input of the run."""
    from engine.outputs import note_input

    path = _path()
    if path.is_file():
        note_input(path)
    return _load()


def _path():  # type: ignore[no-untyped-def]
    from engine import RULESETS_DIR

    return RULESETS_DIR / "data" / "places.tsv"


@memo(1, copy="shared")
def _load() -> Gazetteer:
    """Read once per process: a fixed file, not a cache keyed by text."""
    path = _path()
    note_input(path)
    return parse_table(path.read_text("utf-8").splitlines() if path.is_file() else [])
