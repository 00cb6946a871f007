"""What the drafting-quality kinds share: the data tables, place names, the text units they scan.

self_reference, level_scope, term_consistency, duplicate_sentence, numbering and format all read the
draft the same way: every measure, every section heading and its own text, the title and the
preamble; all skip text inside 《》 (a quoted title is somebody else's words); all need the parent
text aligned to a draft measure. Answering those once here keeps the kinds about their one question.
Nothing here writes to the context.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import numpy as np
import yaml
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from engine.memo import memo
from engine.models import Measure, Paragraph, Plan, Section
from engine.outputs import note_input

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext

# --------------------------------------------------------------------------- data tables


@cache
def _file_table(name: str) -> dict:
    from engine import RULESETS_DIR

    path = RULESETS_DIR / "data" / f"{name}.yaml"
    note_input(path)
    return yaml.safe_load(path.read_text("utf-8")) if path.is_file() else {}


def table(ctx: CheckContext, name: str) -> dict:
    """`ctx.data[name]`, else the shipped rulesets/data/<name>.yaml (hand-built contexts in tests)."""
    data = ctx.data.get(name) if ctx.data else None
    return data if isinstance(data, dict) else _file_table(name)


# --------------------------------------------------------------------------- place names

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


def self_words(table_: dict, jurisdiction: str | None, level: str) -> list[str]:
    return list((table_.get("self_words") or {}).get(suffix_of(jurisdiction, level), []))


def all_self_words(table_: dict) -> set[str]:
    return {w for ws in (table_.get("self_words") or {}).values() for w in ws}


# --------------------------------------------------------------------------- text

_FOLD = str.maketrans(
    {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？", "[": "［", "]": "］"}
)
_HALF = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")  # what _FOLD changes


def fold(text: str) -> str:
    """Half-width punctuation to full-width, one character for one, so offsets survive."""
    # translate looks every character up in the table; most texts hold none of these
    return text.translate(_FOLD) if _HALF.search(text) else text


@lru_cache(maxsize=4096)  # every drafting kind asks for every unit's
def quoted_mask(text: str) -> bytes:
    """1 inside 《…》 and 〈…〉 (brackets included): document titles are never the plan's own words."""
    mask = bytearray(len(text))
    if "《" not in text and "〈" not in text:
        return bytes(mask)  # nothing opens a quote: nothing is inside one
    depth = 0
    for i, ch in enumerate(text):
        if ch in "《〈":
            depth += 1
        if depth:
            mask[i] = 1
        if ch in "》〉" and depth:
            depth -= 1
    return bytes(mask)


_SENT_END = "。！？!?"
_CLAUSE_END = "。！？!?，,；;：:"


def span_around(text: str, i: int, ends: str = _SENT_END) -> tuple[int, int]:
    """[start, end) of the sentence (or clause, with ends=CLAUSE) around offset i."""
    s = i
    while s > 0 and text[s - 1] not in ends and text[s - 1] != "\n":
        s -= 1
    e = i
    while e < len(text) and text[e] not in ends and text[e] != "\n":
        e += 1
    return s, e


def clause_around(text: str, i: int) -> tuple[int, int]:
    return span_around(text, i, _CLAUSE_END)


def body(m: Measure) -> str:
    """The measure text without its responsibility clause (units are not the plan's words)."""
    r = m.responsibility
    if r and r.source == "clause" and r.text and r.text in m.text:  # per-field leads are the plan's words
        i = m.text.rfind(r.text)
        return m.text[:i] + " " * len(r.text) + m.text[i + len(r.text) :]
    return m.text


# --------------------------------------------------------------------------- units scanned


@dataclass
class TextUnit:
    """A piece of the draft a kind scans: a measure, a section (title + own text), title, preamble."""

    ref: str | None  # measure ref, section label, or None for title/preamble
    text: str
    measure: Measure | None = None
    section: Section | None = None
    line: int = 0  # where to start looking when locating a quote


def units(
    ctx: CheckContext, *, sections: bool = True, front: bool = True, strip_units: bool = True
) -> Iterator[TextUnit]:
    """Measures in scope, then (when the rule has no narrowing scope) sections, title and preamble."""
    for m in ctx.measures():
        yield TextUnit(m.ref, body(m) if strip_units else m.text, measure=m, line=m.line)
    scope = ctx.scope
    narrowed = scope is not None and bool(
        getattr(scope, "labels", None) or getattr(scope, "chapters", None) or getattr(scope, "pattern", None)
    )
    if narrowed:
        return
    if sections:
        for s in ctx.draft.sections:
            text = s.title + ("\n" + s.text if s.text else "")
            yield TextUnit(s.label, text, section=s, line=s.line)
    if front:
        if ctx.draft.title:
            yield TextUnit(None, ctx.draft.title, line=0)
        if ctx.draft.preamble:
            yield TextUnit(None, ctx.draft.preamble, line=0)


def locate(plan: Plan, quote: str, near_line: int = 0) -> tuple[int, int] | None:
    """(line, column) of `quote` in the draft's paragraphs, the first at or after `near_line`."""
    if not quote:
        return None
    paras: list[Paragraph] = plan.paragraphs
    ordered = [p for p in paras if p.line >= near_line] + [p for p in paras if p.line < near_line]
    for p in ordered:
        i = p.text.find(quote)
        if i >= 0:
            return p.line, p.column(i)
    folded = fold(quote)
    for p in ordered:
        i = fold(p.text).find(folded)
        if i >= 0:
            return p.line, p.column(i)
    return None


def position(ctx: CheckContext, unit: TextUnit, quote: str) -> tuple[int | None, int | None]:
    """Line/column for hits outside measures; measures are located by the engine from the quote."""
    if unit.measure is not None:
        return None, None
    found = locate(ctx.draft, quote, unit.line)
    return found if found else (None, None)


# --------------------------------------------------------------------------- alignment


def parent_texts(ctx: CheckContext, unit: TextUnit) -> list[tuple[str | None, str]]:
    """(parent ref, parent text) for every parent measure aligned to this draft unit."""
    if ctx.parent is None or not unit.ref:
        return []
    by_local = _by_local(ctx)
    refs = set(by_local.get(unit.ref, ())) | set(by_local.get(f"§{unit.ref}", ()))
    out: list[tuple[str | None, str]] = []
    for k in sorted(refs):  # alignment order, as scanning the pairs gives them
        pm = ctx.parent_measure(ctx.alignment.alignment[k].parent_item)  # type: ignore[union-attr]
        if pm is not None:
            out.append((pm.ref, pm.text))
    return out


_BY_LOCAL: list = [None, None, {}]  # (alignment, parent) it was built for, local item -> pair indexes


def _by_local(ctx: CheckContext) -> dict[str, list[int]]:
    """Local item -> indexes of the alignment pairs with a parent item that list it; one map per
    alignment (every unit of every drafting kind asks)."""
    if _BY_LOCAL[0] is not ctx.alignment or _BY_LOCAL[1] is not ctx.parent:
        index: dict[str, list[int]] = {}
        for k, pair in enumerate(ctx.pairs()):
            if pair.parent_item:
                for local in dict.fromkeys(pair.local_items):
                    index.setdefault(local, []).append(k)
        _BY_LOCAL[:] = [ctx.alignment, ctx.parent, index]
    return _BY_LOCAL[2]


def parent_section_titles(ctx: CheckContext) -> list[tuple[str, str]]:
    """(label, title) of the parent's sections, as far as the parent (maybe rebuilt) knows them."""
    if ctx.parent is None:
        return []
    seen: dict[str, str] = {}
    for s in ctx.parent.sections:
        seen.setdefault(s.label, s.title)
    for m in ctx.parent.measures:
        for label, title in zip(m.path, m.section_titles, strict=False):
            seen.setdefault(label, title)
    return list(seen.items())


def best_match(text: str, candidates: list[str], cutoff: float = 0.0) -> tuple[float, int]:
    """(ratio, index) of the candidate most similar to text (difflib on folded text).

    Exact at or above `cutoff` (below it, a candidate that cannot reach it is not scored). Two upper
    bounds of difflib's ratio skip the matcher: real_quick_ratio (lengths) and the Indel ratio from
    rapidfuzz (its LCS is at least difflib's matching characters), both in the same 2.0*m/n form.
    """
    best, idx = 0.0, -1
    ft = fold(text)
    folded = [_folded(c) for c in candidates]
    if ft and ft in folded:  # ratio 1 only for the same text, and no candidate scores more
        return 1.0, folded.index(ft)
    lcs = process.cdist([ft], folded, scorer=LCSseq.similarity, dtype=np.int32)[0] if folded else ()
    for i, fc in enumerate(folded):
        n = len(ft) + len(fc)
        floor = max(cutoff, best)
        # difflib's real_quick_ratio (an upper bound from the lengths), before any matcher is built
        if (2.0 * min(len(ft), len(fc)) / n if n else 1.0) < floor:
            continue
        if n and 2.0 * int(lcs[i]) / n < floor:
            continue  # difflib's matches <= the longest common subsequence: ratio < floor
        sm = _matcher(fc, threading.get_ident())
        sm.set_seq1(ft)
        r = sm.ratio()
        if r > best:
            best, idx = r, i
    return best, idx


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)


@memo(1024, copy="shared")
def _matcher(b: str, thread: int) -> difflib.SequenceMatcher:
    """A SequenceMatcher with `b` indexed once: the same parent clauses meet every draft clause.

    One per thread: the caller sets seq1 on it, so a matcher shared between concurrent checks would
    score one thread's text against another's.
    """
    return difflib.SequenceMatcher(None, "", b, autojunk=False)


def find_all(word: str, text: str) -> Iterator[re.Match[str]]:
    """`re.finditer(re.escape(word), text)`, without the regex when `word` is not in `text` (most
    names looked for are not there)."""
    return re.finditer(re.escape(word), text) if word in text else iter(())


def compiled(pattern: str) -> re.Pattern[str]:
    return _compiled(pattern)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
