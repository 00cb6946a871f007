"""The issuer's level and place read from a 文号 (川办发〔2019〕12号 -> 四川, province).

A document number opens with the issuer's code: a place abbreviation, then the organ (政/府/办/发 …).
What the codes mean is data (`doc_number` in rulesets/data/levels.yaml: the national forms, the
organ characters, the province abbreviations); the places below a province are read against the
gazetteer, never against a list of numbers:

- 国办发, 国发, 人社部发 … (the national pattern) and the codes of the State Council's bodies (民航局综司发, 税总发,
  署税发: rulesets/data/national_bodies.yaml `codes`) -> national;
- a province abbreviation and the organ only (川办发, 豫政, 桂政办发) -> that province;
- a stem and a level suffix (赣市府办字: a 市 whose name begins with 赣) -> that level, and the place
  when the gazetteer has exactly one such division (赣州市);
- a bare stem (鄢政, 宜府发) -> the divisions whose names begin with it: their level when they share
  one, the place when there is one (鄢 -> 鄢陵县); several of different levels (宜 -> 宜昌市, 宜宾市,
  宜兴市 …) say nothing.
"""

from __future__ import annotations

import re

from engine.memo import memo
from engine.models import Level
from engine.parse.frontmatter import doc_number_in
from engine.parse.level import levels_table, national_codes, short_name

_SUFFIX_LEVEL: dict[str, Level] = {"省": "province", "市": "city", "州": "city", "盟": "city",
                                   "县": "county", "区": "county", "旗": "county"}  # fmt: skip


@memo(1, copy="shared")  # compiled patterns from the one file
def _table() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, str]]:
    spec = levels_table().get("doc_number") or {}
    national = re.compile(spec["national"]) if spec.get("national") else None
    organ = re.compile(spec["organ"]) if spec.get("organ") else None
    return national, organ, {str(k): str(v) for k, v in (spec.get("provinces") or {}).items()}


def issuer_code(number: str) -> str | None:
    """The code before the year of a 文号: 赣市府办字 of 赣市府办字〔2019〕18号."""
    m = re.match(r"\s*([\u4e00-\u9fff]{1,12})\s*[〔\[(（【]", number)
    return m.group(1) if m else None


def _place_part(code: str, organ: re.Pattern[str]) -> str:
    """The code without its organ tail (赣市府办字 -> 赣市; 川办发 -> 川): the shortest head whose rest
    is organ characters only."""
    for i in range(1, len(code)):
        if organ.match(code[i:]):
            return code[:i]
    return code


def _divisions(head: str, level: Level | None) -> list[tuple[str, str | None, Level]]:
    """(name, parent name, level) of the gazetteer's divisions whose name begins with `head`."""
    from engine.parse.places import gazetteer

    gz = gazetteer()
    out = []
    for p in gz.places.values():
        if not p.name.startswith(head) or (level is not None and p.level != level):
            continue
        parent = next((short_name(gz.places[c].name) for c in p.ancestors if c in gz.places), None)
        out.append((p.name, parent, p.level))
    return out


def read(number: str | None) -> tuple[str, str | None, Level] | None:
    """(jurisdiction, parent jurisdiction, level) a 文号 gives, or None when it says nothing sure.
    The jurisdiction is "" when only the level is sure (宜府发: several divisions begin with 宜)."""
    number = doc_number_in(number or "") or number
    code = issuer_code(number or "")
    national, organ, provinces = _table()
    if not code or organ is None:
        return None
    if (national is not None and national.search(code)) or code.startswith(national_codes()):
        return "全国", None, "national"  # 国办发, 人社部发; 民航局综司发, 税总发 (national_bodies.yaml codes)
    head = _place_part(code, organ)
    if head == code:
        return None  # no organ part: not an issuer's code we can read
    if head in provinces:
        return provinces[head], None, "province"
    level: Level | None = None
    stem = head
    if len(head) >= 2 and head[-1] in _SUFFIX_LEVEL:
        stem, level = head[:-1], _SUFFIX_LEVEL[head[-1]]
    found = _divisions(stem, level)
    if len(found) == 1:
        name, parent, lv = found[0]
        return name, parent, lv
    levels = {lv for _, _, lv in found}
    if len(levels) == 1:
        return "", None, levels.pop()
    if level is not None and not found:
        return "", None, level
    return None
