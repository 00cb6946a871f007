"""The word lists extract reads from rulesets/data/*.yaml (user-extendable, no code change).

Loaded once per process. If a file is missing (an installed wheel without the rulesets folder),
the built-in minimum below keeps extraction working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from engine import RULESETS_DIR
from engine.memo import memo
from engine.outputs import note_input

DATA_DIR = RULESETS_DIR / "data"  # engine.ROOT: a checkout, or where a wheel put the data

_FALLBACK_UNITS = {
    "generic": [r"(各|其他|其它)?(有关|相关)(部门|单位)", r".*(其他|其它).*(部门|单位|机关)"],
    "concrete": [r"各(镇|乡|乡镇|街道)(人民政府|政府)?"],
    "lower_groups": [r"各(镇|乡|乡镇|街道|村|社区)(人民政府|政府|办事处)?"],
    "suffixes": ["局", "办", "委", "部", "院", "中心", "政府", "部门", "单位", "机关", "办公室"],
    "list_end": ["按职责分工负责", "分工负责"],
    "strip": ["等", "牵头", "负责", "配合"],
    "notes": ["以下", "以上", "下同"],
    "field_labels": ["责任领导", "责任人", "完成时限"],
    "issuer_suffixes": ["委员会", "人民政府", "政府", "办公厅", "办公室", "党委", "党组", "委", "局", "厅", "部", "院",
                        "署", "会", "办", "办事处"],
}  # fmt: skip
_FALLBACK_STRENGTH = {
    "mandatory": ["必须", "严禁", "不得", "一律", "坚决", "务必", "确保"],
    "firm": ["全面", "严格", "切实", "加快"],
    "soft": ["原则上", "逐步", "鼓励", "探索", "力争", "有条件的", "积极稳妥", "适时", "可以"],
    "negated": [],
}


def _load(name: str, fallback: dict[str, list[str]]) -> dict[str, list[str]]:
    path = DATA_DIR / name
    if not path.is_file():
        return fallback
    note_input(path)
    raw = yaml.safe_load(path.read_text("utf-8")) or {}
    return {k: [str(x) for x in (raw.get(k) or [])] for k in fallback}


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


@dataclass(frozen=True)
class StrengthData:
    words: dict[str, str] = field(default_factory=dict)  # word -> level
    negated: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None


@memo(1, copy="shared")  # one file read once; UnitData is frozen
def unit_data() -> UnitData:
    raw = _load("units.yaml", _FALLBACK_UNITS)
    by_len = lambda xs: tuple(sorted(set(xs), key=len, reverse=True))  # noqa: E731
    return UnitData(
        generic=tuple(re.compile(p) for p in raw["generic"]),
        concrete=tuple(re.compile(p) for p in raw["concrete"]),
        lower_groups=tuple(re.compile(p) for p in raw["lower_groups"]),
        suffixes=by_len(raw["suffixes"]),
        list_end=by_len(raw["list_end"]),
        strip=by_len(raw["strip"]),
        field_labels=by_len(raw["field_labels"]),
        issuer_suffixes=by_len(raw["issuer_suffixes"]),
        notes=by_len(raw["notes"]),
    )


@memo(1, copy="shared")  # one file read once; StrengthData is frozen
def strength_data() -> StrengthData:
    raw = _load("strength.yaml", _FALLBACK_STRENGTH)
    words: dict[str, str] = {}
    for level in ("soft", "firm", "mandatory"):  # a word listed twice keeps the stronger level
        for w in raw[level]:
            words[w] = level
    negated = tuple(raw["negated"])
    alts = sorted([*words, *negated], key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in alts)) if alts else None
    return StrengthData(words=words, negated=negated, pattern=pattern)


_FALLBACK_CONVENTIONS = {
    "first_listed": [
        r"(?:排在|排|列在|列|位列|排名)第[一1]位?的?(?:部门|单位|者)?(?:为|是)(?:牵头|主要负责|主责)(?:部门|单位)",
        r"(?:排在|列在)(?:首位|最前|第一)的?(?:部门|单位|者)?(?:为|是)牵头(?:部门|单位)",
    ],
    "marked": [r"(?:带|标注|标)[“\"]?{mark}[”\"]?号?的?(?:部门|单位|者)?(?:为|是)牵头(?:部门|单位)"],
    "marks": ["*", "＊", "★", "☆", "△", "▲"],
}
# one mark in two widths
_SAME_MARK = {"＊": "*"}


@dataclass(frozen=True)
class LeadConventions:
    """How a document says which listed unit leads (rulesets/data/lead_conventions.yaml)."""

    first_listed: re.Pattern[str]  # "排在第一位的部门为牵头部门"
    marked: tuple[re.Pattern[str], ...]  # "带*号的为牵头单位": each pattern's group "mark" is the document's mark
    marks: str  # every mark character

    @staticmethod
    def same(mark: str) -> str:
        """The mark's one form (＊ and * are one mark)."""
        return _SAME_MARK.get(mark, mark)


@memo(1, copy="shared")  # one file read once; LeadConventions is frozen
def lead_conventions() -> LeadConventions:
    raw = _load("lead_conventions.yaml", _FALLBACK_CONVENTIONS)
    marks = "".join(dict.fromkeys(m for m in raw["marks"] if len(m) == 1))
    mark = "(?P<mark>[" + re.escape(marks) + "])" if marks else "(?P<mark>(?!))"
    marked = [p.replace("{mark}", mark) for p in raw["marked"]]
    return LeadConventions(
        first_listed=re.compile("|".join(f"(?:{p})" for p in raw["first_listed"]) or "(?!)"),
        marked=tuple(re.compile(p) for p in marked),  # one group "mark" each: tried one by one
        marks=marks,
    )
