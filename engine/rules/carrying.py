"""What the draft carries of each parent obligation: shared reading helpers for the obligation kinds.

The seven obligation kinds (parent_covered, lead_unit_required, lead_unit_vague, deadline_not_later,
deadline_carried, target_not_weaker, clause_carried) all ask the same questions of an Alignment:
which draft measures carry parent measure X, is X curated as not applicable, is this parent clause
present somewhere else in the draft, is this deadline later than that one. Answering them once here
keeps the kinds short and their answers consistent. Nothing here writes to the context.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
import string
import unicodedata
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz

from engine.i18n import _Defaulting
from engine.models import AlignmentPair, ClausePair, Deadline, DiffOp, Measure, Plan, Severity, Target, Unit
from engine.rules.beyond import LEGISLATION_WORDS
from engine.rules.kinds.base import Hit

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext
    from engine.rules.ruleset import Obligation

# relations under which a parent measure counts as carried by the draft
CARRIED = ("same", "adapted", "merged", "split")

_PUNCT = re.compile(r"[\s，。；：、,.;:！？!?（）()［］\[\]【】“”\"'‘’《》〈〉…—\-]+")
_SENT = re.compile(r"(?<=[。；;！？!?])")

# Units that name no one in particular. The extract stage marks these with Unit.generic; this list
# is only the fallback for Units built without that flag (rulesets/data may extend extract's list).
_GENERIC_UNIT = re.compile(
    r"^(区|县|市|镇|街道|乡|区级|县级|市级|区政府|县政府|市政府|县直|区直|市直|本级)?"
    r"(其他|其它)?(各|所有|全体|相关|有关|其他)+(有关|相关|其他)?"
    r"(部门|单位|机关|成员单位|责任单位|职能部门|行政机关|行政执法机关|行政决策机关|街道|镇|乡镇)$"
    r"|^(区|县|市)?(政府)?(各|其他)?(相关|有关)?(部门|单位)$"
    r"|^(区|县|市)级(其他|各)?(具有行政执法权的|行政规范性文件制定|行政决策)?(单位|机关)$"
    r"|^各(地|级|部门|单位|地各部门|级各部门)$"
)


@lru_cache(maxsize=16384)  # every parent clause is compared with every draft sentence
def compact(text: str | None) -> str:
    """Text without spaces and punctuation: what two wordings must share to be the same words."""
    return _PUNCT.sub("", text or "")


# --------------------------------------------------------------------------- obligations


def obligation(ctx: CheckContext, parent_ref: str | None) -> Obligation | None:
    """The curated obligation for a parent measure, by ref, then by bare label."""
    if parent_ref is None:
        return None
    ob = ctx.obligations.get(parent_ref)
    if ob is not None:
        return ob
    for o in ctx.obligations.values():
        if o.ref == parent_ref:
            return o
    return None


def not_applicable_reason(ob: Obligation | None, draft: Plan) -> str | None:
    """The recorded reason why `ob` does not apply at the draft's level, or None if it applies."""
    na = ob.not_applicable if ob is not None else None
    if na is None:
        return None
    if na.levels and draft.level not in na.levels:
        return None
    return na.reason or "-"


def applies(ctx: CheckContext, parent_ref: str | None) -> bool:
    return not_applicable_reason(obligation(ctx, parent_ref), ctx.draft) is None


# --------------------------------------------------------------------------- alignment


def scope_applies(ctx: CheckContext) -> bool:
    """False when the rule's scope excludes the whole draft (e.g. `levels`)."""
    scope = ctx.scope
    return scope is None or scope.applies_to(ctx.draft)  # type: ignore[attr-defined]


def carrying(ctx: CheckContext, pair: AlignmentPair) -> list[Measure]:
    """The draft measures that carry a parent measure (several for merged/split), in draft order."""
    wanted = set(pair.local_items)
    return [m for m in ctx.draft.measures if m.ref in wanted]


def carried_pairs(ctx: CheckContext) -> Iterator[tuple[AlignmentPair, list[Measure]]]:
    """Aligned parent measures that the draft carries, that apply at its level and that are in scope.

    A pair is in scope when any of its carrying draft measures is: a merged measure outside the scope
    still counts as carried, but only in-scope measures are pointed at.
    """
    if not scope_applies(ctx):
        return
    for pair in ctx.pairs():
        if pair.parent_item is None or pair.relation not in CARRIED:
            continue
        measures = carrying(ctx, pair)
        if not measures or not any(ctx.in_scope(m) for m in measures):
            continue
        if not applies(ctx, pair.parent_item):
            continue
        yield pair, measures


def local_for(clause_item: str | None, measures: list[Measure]) -> Measure:
    """The carrying measure a clause pair points at (its `local_item`), else the first one."""
    for m in measures:
        if clause_item is not None and m.ref == clause_item:
            return m
    return measures[0]


def children(plan: Plan, measure: Measure) -> list[Measure]:
    """Sub-measures of `measure` (those whose parent_measure names it)."""
    by_parent, order, _ = _family(plan)
    found = {id(m): m for k in {measure.ref, measure.label} for m in by_parent.get(k, ())}
    found.pop(id(measure), None)
    return sorted(found.values(), key=lambda m: order[id(m)])


def enclosing(plan: Plan, measure: Measure) -> Measure | None:
    """The measure a sub-measure sits in: the nearest earlier measure with that ref or label."""
    if not measure.parent_measure:
        return None
    _, order, by_name = _family(plan)
    positions = by_name.get(measure.parent_measure, [])
    k = bisect.bisect_left(positions, order.get(id(measure), len(plan.measures)))
    return plan.measures[positions[k - 1]] if k else None


_Family = tuple[dict[str, list[Measure]], dict[int, int], dict[str, list[int]]]
# id(plan) -> (weakref to it, its measures list and length, (by parent_measure, position by id, positions by ref/label))
_FAMILIES: dict[int, tuple[weakref.ref, list[Measure], int, _Family]] = {}


def _family(plan: Plan) -> _Family:
    """Indexes of a plan's measures, so `children` and `enclosing` cost no scan of the whole plan per
    call (a kind asks for every measure: a scan each was quadratic in the plan's size)."""
    hit = _FAMILIES.get(id(plan))
    if hit is not None and hit[0]() is plan and hit[1] is plan.measures and hit[2] == len(plan.measures):
        return hit[3]
    by_parent: dict[str, list[Measure]] = {}
    by_name: dict[str, list[int]] = {}
    order: dict[int, int] = {}
    for i, m in enumerate(plan.measures):
        order[id(m)] = i
        if m.parent_measure:
            by_parent.setdefault(m.parent_measure, []).append(m)
        for k in {m.ref, m.label}:
            by_name.setdefault(k, []).append(i)
    family = (by_parent, order, by_name)
    if len(_FAMILIES) >= 8:
        _FAMILIES.clear()
    _FAMILIES[id(plan)] = (weakref.ref(plan), plan.measures, len(plan.measures), family)
    return family


# --------------------------------------------------------------------------- text


def sentences(m: Measure) -> list[str]:
    """The measure's sentences (extract's, else split here on full stops and semicolons)."""
    if m.sentences:
        return [s.text for s in m.sentences]
    return [s for s in _SENT.split(m.text) if s.strip()]


@lru_cache(maxsize=2048)  # as compact: the same sentences, over and over
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


# task words too common to tell two requirements apart (推行X制度 = 制定X并公开)
_LIGHT = frozenset(
    "推行 推进 推动 建立 健全 建立健全 完善 加强 实行 落实 制度 机制 工作 积极 进一步 不断 切实 深入 全面 "
    "加快 有关 相关 开展 实施 做好 提高 提升 强化 坚持 各类 各项".split()
)


def _dictionary(text: str) -> tuple[str, ...]:
    """What the words of `text` depend on besides it (the run's learnt words in it): part of the key
    of every cache below whose answer goes through jieba."""
    from engine.align.tokenize import dictionary_key

    return dictionary_key(text)


def content_words(text: str) -> list[str]:
    """Words of two or more characters that carry the task (jieba; light task verbs left out)."""
    flat = compact(text)
    return list(_content_words(flat, *_dictionary(flat)))


@lru_cache(maxsize=16384)  # one clause is compared with many sentences
def _content_words(flat: str, *_dictionary: str) -> tuple[str, ...]:
    from engine.align.tokenize import lcut  # cached too, but the filter below is not free

    return tuple(w for w in lcut(flat) if len(w) >= 2 and w not in _LIGHT)


def similarity(clause: str, text: str) -> float:
    """How much of `clause` is present in `text` (0..1): the best of a windowed fuzzy match, the
    share of the clause's character bigrams found in `text` (robust to inserted words and reordered
    list items) and, for clauses of four or more content words, the share of those words found
    (robust to rewording: 推行年度目录公开制度 = 制定年度目录向社会公开)."""
    a = compact(clause)
    return _similarity(a, compact(text), *_dictionary(a))


@lru_cache(maxsize=65536)  # every parent clause meets every draft sentence, check after check
def _similarity(a: str, b: str, *dictionary: str) -> float:
    if not a or not b:
        return 0.0
    if a in b:
        return 1.0
    partial = fuzz.partial_ratio(a, b) / 100.0 if len(b) >= len(a) // 2 else 0.0
    grams = _bigrams(a)
    cover = len(grams & _bigrams(b)) / len(grams) if grams else 0.0
    words = _content_words(a, *dictionary)
    wcover = sum(1 for w in words if w in b) / len(words) if len(words) >= 4 else 0.0
    return max(partial, cover, wcover)


def coverage(part: str, text: str) -> float:
    """How much of a short `part` (a sub-clause) `text` holds: shared character bigrams or content
    words, without the windowed fuzzy match, which is too lenient on a dozen characters."""
    a = compact(part)
    return _coverage(a, compact(text), *_dictionary(a))


def best_coverage(part: str, texts: list[str]) -> tuple[float, int]:
    """`max((coverage(part, t), j) for j, t in enumerate(texts))`, (0.0, -1) for no texts.

    Scanned from the last text: the first full coverage met is then the answer (nothing scores more
    than 1, and no later text is left to win the tie), so the rest is not scored.
    """
    a = compact(part)
    dictionary = _dictionary(a)
    best = (0.0, -1)
    for j in range(len(texts) - 1, -1, -1):
        cov = _coverage(a, compact(texts[j]), *dictionary)
        if (cov, j) > best:
            best = (cov, j)
        if cov >= 1.0:
            break
    return best


@lru_cache(maxsize=65536)
def _coverage(a: str, b: str, *dictionary: str) -> float:
    if not a or not b:
        return 0.0
    if a in b:
        return 1.0
    grams = _bigrams(a)
    cover = len(grams & _bigrams(b)) / len(grams) if grams else 0.0
    words = _content_words(a, *dictionary)
    wcover = sum(1 for w in words if w in b) / len(words) if len(words) >= 3 else 0.0
    return max(cover, wcover)


def best_sentence(
    clause: str, measures: Iterable[Measure], at_least: float = 0.0
) -> tuple[float, Measure | None, str]:
    """The draft sentence most like `clause`, sentence by sentence (a whole measure is too lenient):
    (similarity, its measure, the sentence), the first such sentence on a tie.

    Only a best of at least `at_least` is looked for; below it the answer is (0.0, None, ""). The
    draft's sentences are indexed once (`_SentenceIndex`); a sentence is scored in full only when an
    upper bound of its similarity reaches `at_least` and beats the best so far, so the answer is
    the same as scoring every sentence.
    """
    best: tuple[float, Measure | None, str] = (0.0, None, "")
    a = compact(clause)
    dictionary = _dictionary(a)
    if not a:
        return best
    index = _SentenceIndex.of(measures)
    upper = index.upper_bounds(a, _content_words(a, *dictionary))
    for k in np.flatnonzero(upper >= at_least).tolist():
        if upper[k] <= best[0]:
            continue
        m, s, b = index.items[k]
        score = _similarity(a, b, *dictionary)
        if score > best[0]:
            best = (score, m, s)
    return best if best[0] >= at_least else (0.0, None, "")


class _SentenceIndex:
    """A draft's sentences (compacted), with what bounds `_similarity` against any clause at once.

    For clause a and sentence b, `_similarity` is 1 when a is in b, else the best of: the windowed
    match (fuzz.partial_ratio, when len(b) >= len(a) // 2), the share of a's bigrams in b, and the
    share of a's content words in b (four or more words). Each is bounded from which of a's
    characters occur in b, for all sentences in a few array operations:
    - a in b, a bigram or a word of a in b: all its characters are in b;
    - the windowed match: its needle n is the shorter text and every window w of the other is no
      longer than n, so with k the characters of n found in the other text, LCS(n, w) <= min(k,
      len(w)) and the ratio 2 LCS / (len(n) + len(w)) <= 2k / (len(n) + k). Both texts are taken
      as the needle (for equal lengths rapidfuzz tries both).
    """

    _last: _SentenceIndex | None = None  # one draft at a time: its measures are kept alive with it

    def __init__(self, measures: list[Measure]) -> None:
        self.measures = measures
        self.items = [(m, s, compact(s)) for m in measures for s in sentences(m)]
        texts = [b for _, _, b in self.items]
        n = len(texts)
        self.lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
        cps = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        sid = np.repeat(np.arange(n, dtype=np.int64), self.lens)
        # (sentence, character) once each, with the character's count in the sentence
        keys, mult = np.unique((sid << 32) | cps, return_counts=True)
        # kept by character (an inverted index): a clause reads the postings of its own characters
        by_char = np.argsort(keys & 0xFFFFFFFF, kind="stable")
        self.c_sid = keys[by_char] >> 32
        self.c_char = keys[by_char] & 0xFFFFFFFF
        self.c_mult = mult[by_char].astype(np.float64)
        self.wide = bool(len(cps)) and int(cps.max()) > 0xFFFF

    @classmethod
    def of(cls, measures: Iterable[Measure]) -> _SentenceIndex:
        ms = measures if isinstance(measures, list) else list(measures)
        last = cls._last
        if last is not None and len(last.measures) == len(ms) and all(x is y for x, y in zip(last.measures, ms, strict=True)):
            return last
        cls._last = cls(ms)
        return cls._last

    def upper_bounds(self, a: str, words: tuple[str, ...]) -> np.ndarray:
        """For each sentence, a number >= `_similarity(a, sentence)` (exactly 1 where a may be in it)."""
        n, la = len(self.items), len(a)
        # a's distinct characters in code point order, each character's slot among them, and its
        # count (a is a clause: for a few dozen characters Python's set and dict beat np.unique)
        ordered = sorted(set(a))
        if self.wide or ord(ordered[-1]) > 0xFFFF:
            return np.ones(n)  # beyond the basic plane (rare): no bound, every sentence is scored
        slot_of = {ch: k for k, ch in enumerate(ordered)}
        chars = np.fromiter(map(ord, ordered), dtype=np.int64, count=len(ordered))
        a_slot = np.fromiter(map(slot_of.__getitem__, a), dtype=np.int64, count=la)
        a_mult = np.bincount(a_slot, minlength=len(chars))
        counted = Counter(words) if len(words) >= 4 else None
        if counted:
            w_slots = np.fromiter((slot_of[ch] for w in counted for ch in w), dtype=np.int64)
        # the postings of a's characters: (sentence, a's slot, count in the sentence) for each
        lo = np.searchsorted(self.c_char, chars, "left")
        runs = np.searchsorted(self.c_char, chars, "right") - lo
        bits = np.repeat(np.arange(len(chars)), runs)
        inside = np.arange(len(bits)) + np.repeat(lo - (np.cumsum(runs) - runs), runs)
        sids = self.c_sid[inside]
        # held[s, c]: sentence s holds a's c-th character (a few dozen columns)
        held = np.zeros((n, len(chars)), dtype=bool)
        held[sids, bits] = True

        upper = np.zeros(n)
        if la > 1:  # bigram share: distinct bigrams of a whose two characters the sentence holds
            pairs = {slot_of[x] * len(chars) + slot_of[y] for x, y in pairwise(a)}
            grams = np.array(sorted(pairs), dtype=np.int64)
            both = held[:, grams // len(chars)] & held[:, grams % len(chars)]
            upper = both.sum(axis=1) / len(grams)
        if counted:  # content-word share: words whose characters the sentence holds
            starts = np.cumsum([0, *map(len, counted)])[:-1]  # each word's first column
            whole = np.logical_and.reduceat(held[:, w_slots], starts, axis=1)
            weight = np.array(list(counted.values()), dtype=np.float64)
            upper = np.maximum(upper, (whole * weight).sum(axis=1) / len(words))
        k_a = np.bincount(sids, weights=a_mult[bits], minlength=n)
        k_b = np.bincount(sids, weights=self.c_mult[inside], minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):
            windowed = np.nan_to_num(np.maximum(2 * k_a / (la + k_a), 2 * k_b / (self.lens + k_b)))
        windowed[self.lens < la // 2] = 0.0
        upper = np.maximum(upper, windowed + 1e-9)
        upper[held.all(axis=1)] = 1.0
        return upper


def contains(measures: Iterable[Measure], phrase: str) -> bool:
    p = compact(phrase)
    return bool(p) and any(p in compact(m.text) for m in measures)


# --------------------------------------------------------------------------- units


def is_generic(unit: Unit | str) -> bool:
    """A unit that names no one: Unit.generic, or (for bare names) the fallback pattern."""
    if isinstance(unit, Unit):
        if unit.generic:
            return True
        name = unit.name
    else:
        name = unit
    name = compact(name)
    try:  # extract's list (rulesets/data) is the authority once it exists
        from engine.extract import is_generic_unit  # type: ignore[attr-defined]

        if is_generic_unit(name):
            return True
    except (ImportError, AttributeError):
        pass
    return bool(_GENERIC_UNIT.match(name))


def lead_units(m: Measure) -> list[Unit]:
    """Lead units with their generic flag: the Responsibility's, plus bare names in lead_units."""
    units: list[Unit] = list(m.responsibility.lead) if m.responsibility else []
    known = {u.name for u in units}
    units += [Unit(name=n, generic=is_generic(n)) for n in m.lead_units if n not in known]
    return units


def support_units(m: Measure) -> list[Unit]:
    units: list[Unit] = list(m.responsibility.support) if m.responsibility else []
    known = {u.name for u in units}
    units += [Unit(name=n, generic=is_generic(n)) for n in m.support_units if n not in known]
    return units


def names_unit(measures: Iterable[Measure], required: str) -> bool:
    """Whether any measure names `required` among its units (区司法局 satisfies 司法局) or,
    failing a parsed clause, in its responsibility text."""
    want = compact(required)
    for m in measures:
        names = [compact(u.name) for u in lead_units(m) + support_units(m)]
        if any(want in n or (len(n) >= 3 and n in want) for n in names):
            return True
        if m.responsibility and want in compact(m.responsibility.text):
            return True
    return False


# --------------------------------------------------------------------------- deadlines


def _md(d: Deadline) -> str | None:
    if d.month_day:
        return d.month_day
    if d.date and len(d.date) == 10:
        return "--" + d.date[5:]
    return None


def deadline_later(parent: Deadline, local: Deadline) -> bool | None:
    """True if `local` allows more time than `parent`, False if not, None if they can't be compared
    (a one-off date against a yearly one, a term of office …)."""
    if parent.kind == "recurring" or local.kind == "recurring":
        if parent.kind != local.kind or (parent.recurrence or "") != (local.recurrence or ""):
            return None
        a, b = _md(parent), _md(local)
        return None if a is None or b is None else b > a
    if parent.kind == "term" or local.kind == "term" or not parent.date or not local.date:
        return None
    return local.date > parent.date


def date_later(limit: str, local: Deadline) -> bool | None:
    """Whether `local` ends after the ISO date `limit` (a curated deadline)."""
    if local.kind in ("recurring", "term") or not local.date:
        return None
    return local.date > limit


def timed(d: Deadline) -> bool:
    """A deadline that fixes when something is due (not the plan period)."""
    return d.kind in ("by-date", "recurring")


def all_deadlines(measures: Iterable[Measure]) -> list[tuple[Measure, Deadline]]:
    return [(m, d) for m in measures for d in m.deadlines]


def sentence_of(m: Measure, d: Deadline | Target) -> str:
    """The sentence a deadline or target stands in (the whole text when unknown)."""
    ss = sentences(m)
    if 0 <= d.sentence < len(ss):
        return ss[d.sentence]
    for s in ss:
        if d.text and d.text in s:
            return s
    return m.text


# --------------------------------------------------------------------------- targets


def _rate(t: Target) -> float:
    return t.value / (t.period_years or 1.0)


def target_key(t: Target) -> tuple[str, str]:
    unit = "" if t.kind in ("frequency", "percent", "coverage") else t.unit
    return t.kind, unit


def target_weaker(parent: Target, local: Target) -> bool | None:
    """True if the draft target asks less than the parent's; None if they measure different things.

    For at-least targets (>=, >, and == on counts: 两期, 一次) less is weaker; for at-most targets
    (<=, <) more is weaker; frequencies compare as times per year (每两年一次 < 每年一次).
    """
    if target_key(parent) != target_key(local):
        return None
    if parent.kind == "frequency":
        a, b = _rate(parent), _rate(local)
    else:
        a, b = parent.value, local.value
    if parent.comparator in ("<=", "<"):
        if local.comparator in (">=", ">"):
            return None
        return b > a
    if local.comparator in ("<=", "<") and parent.comparator in (">=", ">"):
        return True  # 不少于60 -> 不超过60: the floor became a ceiling
    return b < a


# --------------------------------------------------------------------------- messages


def pair_hit(
    suggestion: dict[str, str],
    lang: str,
    m: Measure,
    parent_ref: str,
    parent_text: str,
    quote: str | None,
    fields: dict[str, str],
    key: str,
    severity: Severity | None = None,
) -> Hit:
    """A hit on draft measure `m` for what it carries of parent measure `parent_ref`.

    The quote must stand in the measure's text (the engine locates it there); otherwise the title is
    pointed at. `fields` are the kind's own; the measure and parent refs are added here.
    """
    fields = {"local_item": m.ref, "parent_item": parent_ref, "parent_text": parent_text, **fields}
    if quote and quote not in m.text:
        quote = m.title
    return Hit(
        local_item=m.ref,
        parent_item=parent_ref,
        quote=quote or None,
        parent_quote=parent_text,
        fields=fields,
        suggestion=render(suggestion, lang, fields),
        severity=severity,
        key=key,
    )


def render(templates: dict[str, str], lang: str, fields: dict[str, str]) -> str | None:
    """A kind's template in `lang` (zh when missing) with `fields`; unknown fields stay visible."""
    text = templates.get(lang) or templates.get("zh")
    if not text:
        return None
    return string.Formatter().vformat(text, (), _Defaulting(fields))


# --------------------------------------------------------------------------- diffs

_CANON = str.maketrans("，。；：！？（）、", ",.;:!?()、")


def char_ops(parent: str, local: str) -> list[DiffOp]:
    """A character diff of two clause texts, blind to full/half-width punctuation.

    The aligner's diff is not always filled (clauses it calls `same` carry none), and a kind that
    quotes changed words needs one it can rely on; both texts are canonicalised char for char, so
    offsets still slice the originals.
    """
    return [DiffOp(op=tag, parent=p, local=q) for tag, p, q in _char_ops(parent, local)]  # type: ignore[arg-type]


@lru_cache(maxsize=8192)  # a parent clause meets the same draft clause in several kinds and checks
def _char_ops(parent: str, local: str) -> tuple[tuple[str, str, str], ...]:
    a, b = parent.translate(_CANON), local.translate(_CANON)
    return tuple(
        (tag, parent[i1:i2], local[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    )


def clause_ops(cp: ClausePair) -> list[DiffOp]:
    """The clause's diff: recomputed from its two texts when both are known, else the aligner's."""
    if cp.parent_text is not None and cp.local_text is not None:
        return char_ops(cp.parent_text, cp.local_text)
    return list(cp.diff)


# --------------------------------------------------------------------------- levels



def no_legislation(ctx: CheckContext) -> bool:
    """The draft's level has no legislative power (levels.yaml; county and town by default)."""
    table = ctx.data.get("levels") if isinstance(ctx.data, dict) else None
    levels = table.get("levels", {}) if isinstance(table, dict) else {}
    info = levels.get(ctx.draft.level)
    if isinstance(info, dict) and "legislation" in info:
        return not info["legislation"]
    return ctx.draft.level in ("county", "town")


def legislation_patterns(ctx: CheckContext) -> list[str]:
    table = ctx.data.get("levels") if isinstance(ctx.data, dict) else None
    pats = list(table.get("legislation_doing", [])) if isinstance(table, dict) else []
    return [*pats, LEGISLATION_WORDS]


def is_legislation(ctx: CheckContext, text: str) -> bool:
    """Text about making laws, which a draft without legislative power cannot carry."""
    return no_legislation(ctx) and any(re.search(p, text) for p in legislation_patterns(ctx))


def place_names(plan: Plan | None) -> list[str]:
    """A plan's jurisdiction as a text would name it: 广西壮族自治区 -> 广西壮族自治区, 广西."""
    if plan is None or not plan.jurisdiction:
        return []
    name = plan.jurisdiction
    short = re.sub(r"(壮族|回族|维吾尔|藏族)?(自治区|自治州|自治县|省|市|县|区|街道|镇|乡)$", "", name)
    return [n for n in {name, short} if len(n) >= 2]


_NO_TABLE: dict = {}  # one object, so `level_pattern` caches for a run without levels.yaml too


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


def _self_words(table: dict, plan: Plan | None) -> set[str]:
    """How a plan names itself (全区, 我县 …): by its name's ending and by its level's words."""
    if plan is None:
        return set()
    by_suffix = table.get("self_words") if isinstance(table.get("self_words"), dict) else {}
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

    Called thousands of times per check: built once per levels table and pair of plans (by their
    jurisdiction and level, all it reads of them).
    """
    table = _levels_table(ctx)
    key = tuple((p.jurisdiction, p.level) if p is not None else None for p in (ctx.parent, ctx.draft))
    hit = _level_patterns.get(key)
    if hit is not None and hit[0] is table:
        return hit[1]
    pattern = _build_level_pattern(ctx, table)
    if len(_level_patterns) >= 64:
        _level_patterns.clear()
    _level_patterns[key] = (table, pattern)  # holds the table: its id is not reused while cached
    return pattern


_level_patterns: dict[tuple, tuple[dict, re.Pattern[str]]] = {}


def _build_level_pattern(ctx: CheckContext, table: dict) -> re.Pattern[str]:
    levels = table.get("levels") if isinstance(table.get("levels"), dict) else {}
    level_words = {
        compact(w) for info in levels.values() if isinstance(info, dict) for w in info.get("words", [])
    }
    level_words = level_words or set(_LEVEL_FALLBACK)
    self_words = _self_words(table, ctx.parent) | _self_words(table, ctx.draft)
    places = set(place_names(ctx.parent) + place_names(ctx.draft))
    return _level_regex(
        tuple(sorted(places, key=len, reverse=True)),
        tuple(sorted(self_words | set(_RELATIVE), key=len, reverse=True)),
        tuple(sorted(level_words, key=len, reverse=True)),
    )


@functools.lru_cache(maxsize=64)
def _level_regex(places: tuple[str, ...], selfs: tuple[str, ...], levels: tuple[str, ...]) -> re.Pattern[str]:
    alt = lambda ws: "|".join(re.escape(w) for w in ws if w)  # noqa: E731
    tail = r"(级|两级)?(以上|以下)?(各级)?(人民)?(政府)?"
    parts = [f"(?:{alt(places)})(壮族自治区|自治区|省|市|县|区)?(人民)?(政府)?"] if places else []
    parts += [f"(?:{alt(selfs)}){tail}", f"(?:{alt(levels)}){tail}"]
    return re.compile("|".join(parts))


def delevel(ctx: CheckContext, text: str) -> str:
    """Compacted `text` without level and place words of either plan (see `level_pattern`).

    Applied to BOTH texts before comparing them: a draft that writes 推动我区高效履职 for
    推动全区各级政府高效履职 has carried the clause. Symmetric, so over-matching (市 in 市场) costs nothing.
    """
    return level_pattern(ctx).sub("", compact(unicodedata.normalize("NFKC", text)))


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


# --------------------------------------------------------------------------- rewording


class Wording:
    """Brings two wordings of one requirement together before they are compared.

    Level and place words out (`delevel`), degree adverbs and modals out (进一步, 不断, 深入, 应当 …:
    how hard, not what), synonyms to one spelling (推动 -> 推进, 强化 -> 加强), counts masked (两期 ->
    #期: a changed number is target_not_weaker's concern, not a dropped clause).
    """

    def __init__(self, ctx: CheckContext, synonyms: Iterable[Iterable[str]], fillers: Iterable[str]) -> None:
        self._levels = level_pattern(ctx)
        self._canon: dict[str, str] = {}
        for group in synonyms:
            words = [compact(w) for w in group if compact(w)]
            for w in words[1:]:
                self._canon.setdefault(w, words[0])
        self._syn = _alternation(tuple(self._canon))
        self._fill = _alternation(tuple(compact(f) for f in fillers if compact(f)))
        # pure functions of the text once built: memoised (shared by every Wording built alike)
        key = (self._levels, tuple(self._canon.items()), self._fill)
        memo = _wording_memos.get(key)
        if memo is None:
            if len(_wording_memos) >= 16:
                _wording_memos.clear()
            memo = _wording_memos[key] = ({}, {})
        self._flat, self._raw = memo
        self.key = key  # Wordings with equal keys word every text alike

    def __call__(self, text: str) -> str:
        out = self._flat.get(text)
        if out is None:
            if len(self._flat) >= 32768:
                self._flat.clear()
            out = self._flat[text] = self.reword(
                self._levels.sub("", compact(unicodedata.normalize("NFKC", text)))
            )
        return out

    def reword(self, text: str) -> str:
        """Only the rewording part (no level words taken out): for short items, where taking out
        区政府 from 区政府各部门 would lose the 政府 of 政府部门."""
        out = self._raw.get(text)
        if out is None:
            if len(self._raw) >= 32768:
                self._raw.clear()
            out = self._raw[text] = self._reword(text)
        return out

    def _reword(self, text: str) -> str:
        flat = compact(unicodedata.normalize("NFKC", text))
        if self._fill is not None:
            flat = self._fill.sub("", flat)
        if self._syn is not None:
            flat = self._syn.sub(lambda m: self._canon[m.group(0)], flat)
        return _COUNT.sub("#", flat)


_COUNT = re.compile(r"[0-9〇零一二两三四五六七八九十百千万]+(?=[期次个项名家天日周月年倍%])")
# (level pattern, synonyms, fillers) -> ({text: Wording(text)}, {text: reword(text)})
_wording_memos: dict[tuple, tuple[dict[str, str], dict[str, str]]] = {}


@functools.lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def dice(a: str, b: str) -> float:
    """Character-bigram Dice coefficient of two compacted texts (single characters compare whole)."""
    ga, gb = (_bigrams(a) or {a}), (_bigrams(b) or {b})
    if not a or not b:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


# the last item of an enumeration often holds two joined by 和/及/以及/与 (服务和结果公开); not the
# 与 of 参与, the 及 of 及时/及其, the 和 of 和谐/共和/调和
_JOIN = re.compile(r"以及|(?<![以涉])及(?![其时])|(?<![共调总温])和(?![谐平睦解])|(?<![参给])与(?!其)")


def split_items(text: str) -> list[str]:
    """An enumeration's items: split on 、 and, in the last item, on the joining 和/及/以及/与."""
    items = text.split("、")
    if len(items) >= 2:
        items[-1:] = _JOIN.split(items[-1], maxsplit=1)
    return [x for x in items if compact(x)]


def higher_level_subject(ctx: CheckContext, text: str) -> bool:
    """A sub-clause whose subject is a level above the draft's (自治区原则上不设…, 由自治区人民政府统筹…,
    设区市原则上只设…): a task for that level, not one the draft must carry."""
    return subject_above(higher_level_words(ctx), text)


def higher_level_words(ctx: CheckContext) -> tuple[str, ...] | None:
    """The words of the levels above the draft's (levels.yaml), None when there are none: all that
    `higher_level_subject` reads of the context, for callers that ask it of many texts."""
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
    """`higher_level_subject` with the words of the levels above given (`higher_level_words`)."""
    if not words:
        return False
    first, by = _higher_level_patterns(words)
    flat = compact(text)
    return bool(first.search(flat) or by.search(flat))


@functools.lru_cache(maxsize=64)
def _higher_level_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = (
        rf"^(除[^，,]{{0,12}}外)?(由)?({alt})(?!场)(级)?(人民)?(政府)?(原则上|负责|统筹|要|应当?|不|只|一般)"
    )
    return re.compile(pattern), re.compile(rf"由({alt})(?!场)(人民)?政府")
