"""duplicate_sentence: the same sentence twice in a measure, or the same task in two measures.

Editing a copied text leaves a sentence written twice (often with one word changed: 事故灾害 /
事故灾难), or a task that was moved into one measure and not deleted from the other. Compared
clause by clause (split at ，；。), with rapidfuzz ratio:

- within one measure: two clauses of at least `min_len` characters with ratio ≥ `ratio` — reported
  once, on the second, quoting it;
- across measures: a clause of at least `min_len_across` characters with ratio ≥ `ratio_across`
  in two measures — reported once, on the later measure, quoting it. A sentence of short clauses
  (坚持自愿原则，防止变相强制调解。) is a unit too: each clause is below the length that makes a
  clause a task, the sentence is not; such a sentence also counts when another measure has it
  inside a longer sentence.
Not a repeat: a clause in two longer sentences whose other clauses differ, when it follows what
differs (a consequence of two conditions: …的，由本部门审核机构进行审核) or opens both as their subject
or condition (…在转制过程中，要…), as rules and policies are written (`rest_ratio`).
The label of a field line (网格落实：…, 县级责任领导：…) is no word of its clause: only the value is compared.
Not compared: the responsibility clauses, fields that name no body (完成时限：2026年12月底前, 责任领导：…;
rulesets/data/units.yaml `field_labels`: every task of a list has one), text inside 《》 (quoted titles), short formulaic phrases
(below the length thresholds), clauses found in more than `max_repeats` measures (formulae such as
推动政府治理体系和治理能力现代化), and clauses the parent itself repeats across its measures.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import ClassVar

import numpy as np
from pydantic import Field
from rapidfuzz import fuzz

from engine.align import fuzzy
from engine.extract.data import unit_data
from engine.memo import memo
from engine.models import Plan
from engine.rules import textunits as tu
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions

_CLAUSE = re.compile(r"[^，。；！？,;!?\n]+")
_SENTENCE = re.compile(r"[^。；！？;!?\n]+")
_CLAUSE_SEP = re.compile(r"[，,]")
_PUNCT = re.compile(r"[\s“”\"'‘’、()（），,]")


class Options(KindOptions):
    ratio: float = Field(
        90,
        ge=50,
        le=100,
        description="rapidfuzz ratio (0-100) for two clauses of one measure to be duplicates",
    )
    min_len: int = Field(12, ge=4, description="shortest clause (characters) compared within a measure")
    across: bool = Field(True, description="also report the same task in two different measures")
    ratio_across: float = Field(
        95, ge=50, le=100, description="rapidfuzz ratio for the same clause in two measures"
    )
    min_len_across: int = Field(14, ge=4, description="shortest clause (characters) compared across measures")
    max_repeats: int = Field(
        2, ge=2, description="a clause in more measures than this is a formula, not a duplicate"
    )
    rest_ratio: float = Field(
        85,
        ge=0,
        le=100,
        description="a clause repeated inside two longer sentences whose other clauses are less alike than this "
        "(rapidfuzz ratio) is a shared condition or consequence (…制定的规范性文件，由本部门审核机构进行审核 for two "
        "kinds of body; …的企业，可继续免征… for two taxes), not a repeat; 0 turns this off",
    )
    contrasts: str = Field(
        "高低上下已未有无前后内外增减多少大小升降长短早晚先后正负非不",
        description="two clauses that differ only where one has a number or one of these characters state "
        "two cases side by side (高于/低于支付标准, 6月底/9月底前, 500万元以上/及以下), not a repeat",
    )


class DuplicateSentence(CheckKind):
    name = "duplicate_sentence"
    description = (
        "改稿时容易把同一句话留两遍（常常只差一个词），或把一项任务挪进另一条后忘了删原处。本检查逐分句比较："
        "同一措施内两个相同或几乎相同的分句，报告后一个；不同措施中写了同一项任务，报告在后一条措施上。"
        "责任分工、《》内的文件名、简短的套话和全文多处出现的固定说法（上级本身也重复的）不算重复；"
        "同一结果跟在两个不同条件之后（“…的，由本部门审核机构进行审核”）或同一主语/条件引出两项不同规定，也不算重复。"
    )
    description_en = (
        "Editing leaves a sentence written twice (often with one word changed) or a task moved to another "
        "measure without deleting it. Compares clause by clause: near-identical clauses within a measure "
        "(reported on the second) and the same task in two measures (reported on the later one). The "
        "responsibility clause, quoted titles, short formulae and phrases the parent repeats are not compared; "
        "nor is one consequence after two different conditions, or one subject opening two different rules."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "“{clause}”与{where}“{other}”重复",
        "en": "'{clause}' repeats {where} '{other}'",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "删去重复的表述或合并",
        "en": "delete or merge the repeated text",
    }

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        lang = "en" if ctx.lang == "en" else "zh"
        measures = list(ctx.measures())
        per: list[tuple[tuple[int, str, str], ...]] = []  # (offset, clause, key) per measure
        sents: list[tuple[tuple[int, str, str], ...]] = []  # (offset, sentence, key): sentences of 2+ clauses
        bodies = [tu.body(m) for m in measures]
        for body in bodies:
            clauses, sentences = _measure_units(body)
            per.append(clauses)
            sents.append(sentences)
        # within a measure
        for m, body, cl in zip(measures, bodies, per, strict=True):
            for j, i in _within(body, options.min_len, options.ratio):
                if _contrasted(cl[j][1], cl[i][1], options.contrasts):
                    continue
                if m.title and _restates_heading(m.title, body, cl[i], cl[j]):
                    continue  # （六）启动1+X证书制度试点工作。…，启动1+X证书制度试点工作: the body restates its heading
                if _shared_part(body, cl[i][0], cl[i][1], body, cl[j][0], cl[j][1], options.rest_ratio):
                    continue
                yield self._hit(m.ref, cl[j][1], cl[i][1], None, lang, f"in:{cl[j][2]}")
        if not options.across:
            return
        parent_repeats, known = _parent_keys(ctx, options)
        # (offset, text, key, is a sentence): a copied sentence may sit inside a longer one there
        across = [
            [(*u, False) for u in cl] + [(*u, True) for u in st] for cl, st in zip(per, sents, strict=True)
        ]
        counts: dict[str, set[int]] = {}
        for k, cl in enumerate(across):
            for _, _, key, _ in cl:
                if len(key) >= options.min_len_across:
                    counts.setdefault(key, set()).add(k)
        # the units each measure b asks about, then, for each, the earlier measures that hold a match
        queries: list[tuple[int, int]] = []  # (b, position in across[b])
        for b in range(len(measures)):
            for pos, (_, _, key_b, _) in enumerate(across[b]):
                if len(key_b) < options.min_len_across or len(counts.get(key_b, ())) > options.max_repeats:
                    continue
                if key_b in parent_repeats:
                    continue
                queries.append((b, pos))
        found = _matches(across, queries, options, known)
        reported: set[tuple[int, int]] = set()
        for (b, pos), first in zip(queries, found, strict=True):
            raw_b = across[b][pos][1]
            for a in sorted(first):  # the earliest measure not yet reported, as a scan over a < b
                if (a, b) in reported or measures[a].document != measures[b].document:
                    continue  # two documents issued together may each state the same rule
                reported.add((a, b))
                off_a, other, _, _ = across[a][first[a]]
                if _contrasted(other, raw_b, options.contrasts):
                    continue
                if _shared_part(bodies[a], off_a, other, bodies[b], across[b][pos][0], raw_b, options.rest_ratio):
                    continue
                yield self._hit(
                    measures[b].ref, raw_b, other, measures[a].ref, lang, f"across:{across[a][first[a]][2]}"
                )
                break

    def _hit(self, ref: str, clause: str, other: str, other_ref: str | None, lang: str, key: str) -> Hit:
        if lang == "en":
            where = f"measure {other_ref}" if other_ref else "earlier in this measure"
        else:
            where = f"第{other_ref}项" if other_ref else "本项前文"
        return Hit(
            local_item=ref,
            quote=clause,
            fields={"clause": clause, "other": other, "where": where},
            suggestion=self.suggest(lang, {}),
            key=key,
        )


def _restates_heading(title: str, body: str, earlier: tuple[int, str, str], later: tuple[int, str, str]) -> bool:
    """The later clause restates the measure's heading, word for word or expanded (（二）将X纳入统一配置。将X纳入统一
    配置体系，…: the first sentence opens the heading out), or the earlier one is the heading and the later one says it
    shorter: a heading and its body, not a sentence written twice. So does a later clause, inside a longer sentence of
    the body, that names the heading's object with another verb (（一）建设市级城市运行管理中心。整合…资源，建成市级城市
    运行管理中心，实现…: the heading names the task, the body what it builds, `_same_object`)."""
    head = _PUNCT.sub("", title)
    if later[1].strip() == title.strip():
        return True
    if earlier[2] == head and (head in later[2] or later[2] in head):
        return True
    return (
        _opens_with(title, body)
        and earlier[0] < body.find(title.strip()) + len(title.strip()) <= later[0]
        and earlier[2] in {_PUNCT.sub("", c) for c in _CLAUSE.findall(title)}
        and _context(body, later[0], later[1]) is not None
        and _same_object(earlier[2], later[2])
    )


def _opens_with(title: str, body: str) -> bool:
    """The body opens with the heading (blanks before it aside)."""
    head = title.strip()
    return bool(head) and body.lstrip().startswith(head)


# the most characters a verb (or its adverb) before the shared object may hold: 建设/建成, 加快推进/推动
_VERB_MAX = 4


def _same_object(a: str, b: str) -> bool:
    """`a` and `b` end in the same words and differ only before them, in a verb of at most `_VERB_MAX` characters each
    (建设市级城市运行管理中心 / 建成市级城市运行管理中心): one object, two verbs. A word changed inside the object
    (事故灾害 / 事故灾难) is not that."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return 0 < len(a) - n <= _VERB_MAX and 0 < len(b) - n <= _VERB_MAX


def _context(body: str, offset: int, clause: str) -> tuple[str, str] | None:
    """What stands before and after the clause at `offset` in its sentence (punctuation dropped),
    or None when the clause is the whole sentence."""
    for sm in _SENTENCE.finditer(body):
        if sm.start() <= offset < sm.end():
            at = offset - sm.start()
            whole = sm.group(0)
            before, after = _PUNCT.sub("", whole[:at]), _PUNCT.sub("", whole[at + len(clause) :])
            return (before, after) if before or after else None
    return None


# a sentence's opening clause that only names whom or when the rest applies to: …的企业, …过程中
_SUBJECT_END = re.compile(r"(?:的[^，,的]{0,4}|中|后|时|前|期间)$")
# what follows such a clause: the rule for it (要…, 应当…, 可…, 由…审核)
_RULE_START = ("要", "应", "须", "必须", "可", "不得", "由", "均", "一律")


def _shared_part(body_a: str, off_a: int, a: str, body_b: str, off_b: int, b: str, rest_ratio: float) -> bool:
    """The same condition or consequence applied to two different cases, as rules and policies write
    them, rather than a repeat: the clause sits in two longer sentences whose other clauses differ,
    and either follows what differs there (…制定的规范性文件，由本部门审核机构进行审核; 造成严重后果的，
    依纪依法追究…) or opens both sentences as their subject or condition (…在转制过程中，要…)."""
    if rest_ratio <= 0:
        return False
    ca, cb = _context(body_a, off_a, a), _context(body_b, off_b, b)
    if ca is None or cb is None or fuzz.ratio(ca[0] + ca[1], cb[0] + cb[1]) >= rest_ratio:
        return False
    if ca[0] and cb[0]:
        return True
    if ca[0] or cb[0]:
        return False
    key = _PUNCT.sub("", b)
    return bool(_SUBJECT_END.search(key)) or (ca[1].startswith(_RULE_START) and cb[1].startswith(_RULE_START))


def _contrasted(a: str, b: str, contrasts: str) -> bool:
    """True when `a` and `b` differ only in numbers or contrast characters: two cases, not a repeat."""
    if a == b:
        return False
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    changed = "".join(a[i1:i2] + b[j1:j2] for _, i1, i2, j1, j2 in ops)
    return bool(changed) and all(ch.isdigit() or ch in ".%" or ch in contrasts or ch in "及以" for ch in changed)


def _parent_keys(ctx: CheckContext, options: Options) -> tuple[frozenset[str], Mapping[str, tuple[str, ...]]]:
    """The parent's clause and sentence keys: those it writes in more than one measure (formulae,
    not slips), and each key with every key among them (itself included) whose ratio with it
    reaches `ratio_across`.

    A draft copies most of its parent's clauses, so most pairs a draft compares are pairs of parent
    keys, answered here once. Every draft of a batch (and of a warm process) has the same parent:
    kept by the parent's texts (what the answer is made of), never by the Plan's identity.
    """
    if ctx.parent is None:
        return frozenset(), {}
    content = tuple(
        (m.ref, m.text, m.responsibility.text if m.responsibility is not None else None) for m in ctx.parent.measures
    )
    return _keys_of(content, options.min_len_across, options.ratio_across, ctx.parent)


# frozenset and a read-only mapping; one per parent (its measures' texts), a few at a time
@memo(16, copy="shared", key=lambda content, min_len, ratio, plan: (content, min_len, ratio))
def _keys_of(
    content: tuple, min_len: int, ratio: float, plan: Plan
) -> tuple[frozenset[str], Mapping[str, tuple[str, ...]]]:
    """`_parent_keys` of a parent whose measures are `content` (ref, text, responsibility text)."""
    seen: dict[str, set[str]] = {}
    for m in plan.measures:
        qmask = tu.quoted_mask(m.text)
        for _, _, k in _units(m.text, qmask, _CLAUSE) + _units(m.text, qmask, _SENTENCE):
            if len(k) >= min_len:
                seen.setdefault(k, set()).add(m.ref)
    repeats = frozenset(k for k, refs in seen.items() if len(refs) > 1)
    keys = sorted(
        set(seen) | {u[2] for m in plan.measures for units in _measure_units(tu.body(m)) for u in units}
    )
    keys = [k for k in keys if len(k) >= min_len]
    near: dict[str, list[str]] = {k: [] for k in keys}
    for i, j in sorted(near_pairs(keys, keys, ratio)):
        near[keys[i]].append(keys[j])
    return repeats, MappingProxyType({k: tuple(v) for k, v in near.items()})  # shared: read-only


@memo(4096, copy="shared")  # a draft keeps most of its parent's measure texts, a batch its siblings'
def _measure_units(text: str) -> tuple[tuple[tuple[int, str, str], ...], tuple[tuple[int, str, str], ...]]:
    """The clauses of a measure body, and its sentences of two or more clauses (tuples: shared)."""
    qmask = tu.quoted_mask(text)
    sentences = tuple(u for u in _units(text, qmask, _SENTENCE) if _CLAUSE_SEP.search(u[1]))
    return tuple(_units(text, qmask, _CLAUSE)), sentences


_WITHIN_PAIRWISE = 64  # clauses of one measure compared pair by pair in Python; more go to `first_earlier`


@memo(4096, copy="shared")  # a pure function of the body: drafts repeat their parent's bodies
def _within(body: str, min_len: int, ratio: float) -> tuple[tuple[int, int], ...]:
    """(j, i) for each clause j of the body with an earlier clause i it repeats (the first such i):
    both keys at least `min_len` characters, `fuzz.ratio` at least `ratio`."""
    cl = _measure_units(body)[0]
    long = [k for k in range(len(cl)) if len(cl[k][2]) >= min_len]
    if len(long) > _WITHIN_PAIRWISE:
        # a measure of thousands of clauses (a page whose numbering was lost): the same first i for each
        # j, from the pairs that pass, compared in C in bands of near lengths, not every pair in Python
        first = first_earlier([cl[k][2] for k in long], ratio)
        return tuple((long[q], long[first[q]]) for q in sorted(first))
    out = []
    for j in range(len(cl)):
        lj = len(cl[j][2])
        if lj < min_len:
            continue
        for i in range(j):
            li = len(cl[i][2])
            if li < min_len or not _may_reach(li, lj, ratio):
                continue
            if fuzz.ratio(cl[i][2], cl[j][2]) >= ratio:
                out.append((j, i))
                break
    return tuple(out)


def _units(text: str, qmask: bytes, rx: re.Pattern[str]) -> list[tuple[int, str, str]]:
    """(offset, text, key) of each clause or sentence; the key drops quoted titles and punctuation."""
    # quoted characters become a space, which _PUNCT drops like the punctuation: the same keys as
    # dropping them first, without a Python loop per character of every unit
    masked = "".join(" " if q else ch for ch, q in zip(text, qmask, strict=True)) if 1 in qmask else text
    out = []
    field = _field_re()
    for c in rx.finditer(text):
        start = c.start()
        label = _LINE_LABEL.match(text, start) if start == 0 or text[start - 1] == "\n" else None
        key = _PUNCT.sub("", masked[label.end() if label else start : c.end()])
        if key and not field.match(c.group(0).strip()):
            out.append((start, c.group(0).strip(), key))
    return out


# the label of a field line, "网格落实：…", "县级责任领导：…" (a short noun and a colon opening the line): the line's
# name, printed after every item of a list, not words of its sentence — two items whose field says the same short
# thing ("网格落实：各村（社区）网格长负总责") repeat no sentence; the value alone is compared, and must be long enough
_LINE_LABEL = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff]{2,8}[ \t\u3000]*[:：][ \t\u3000]*")


@memo(1, copy="shared")  # one pattern from the data file
def _field_re() -> re.Pattern[str]:
    """A field naming no body at the start of a unit (完成时限：…, 【责任领导】…): each task of a list has one."""
    labels = "|".join(map(re.escape, unit_data().field_labels)) or "(?!)"
    return re.compile(rf"(?:【(?:{labels})】|(?:{labels})\s*[:：])")


def _may_reach(la: int, lb: int, ratio: float) -> bool:
    """False only when two keys of these lengths cannot reach `ratio` (rapidfuzz ratio, 0-100).

    ratio = 100 * 2 * LCS / (la + lb) and LCS <= min(la, lb); the small margin keeps every pair whose
    bound equals the threshold (float rounding never drops a pair that the full comparison would keep).
    """
    return 200 * min(la, lb) >= (ratio - 1e-6) * (la + lb)


def _matches(
    across: list[list[tuple[int, str, str, bool]]],
    queries: list[tuple[int, int]],
    options: Options,
    known: Mapping[str, tuple[str, ...]] | None = None,
) -> list[dict[int, int]]:
    """For each query unit (b, position): earlier measure a -> first position in across[a] that matches.

    A unit of measure a matches when its key has at least `min_len_across` characters and
    `fuzz.ratio(key, key_b) >= ratio_across`, or both are sentences and key_b is inside its key: the
    same test as comparing every pair, but only pairs that can pass are compared, each distinct key
    once. `known` maps keys met before (the parent's) to those of them that pass against it; pairs of
    two known keys are read from it, and only pairs with a new key are compared.
    """
    out: list[dict[int, int]] = [{} for _ in queries]
    minlen = options.min_len_across
    cands = [
        (a, pos, u[2], u[3])
        for a, units in enumerate(across)
        for pos, u in enumerate(units)
        if len(u[2]) >= minlen
    ]
    if not queries or not cands:
        return out

    def note(q: int, a: int, apos: int) -> None:
        first = out[q]
        if apos < first.get(a, apos + 1):
            first[a] = apos

    # 1. near-identical keys, on distinct keys
    by_cand: dict[str, list[int]] = {}
    for c, x in enumerate(cands):
        by_cand.setdefault(x[2], []).append(c)
    by_query: dict[str, list[int]] = {}
    for q, (b, pos) in enumerate(queries):
        by_query.setdefault(across[b][pos][2], []).append(q)
    known = known or {}
    ckeys = list(by_cand)
    pairs = [(qk, ck) for qk in by_query for ck in known.get(qk, ()) if ck in by_cand]
    # every pair with a new key, from the new keys' side (a few; the ratio is symmetric)
    new = [k for k in ckeys if k not in known]
    for i, j in near_pairs(new, ckeys, options.ratio_across):
        if new[i] in by_query:
            pairs.append((new[i], ckeys[j]))
        if ckeys[j] in by_query and ckeys[j] in known:  # (new, new) is already there both ways
            pairs.append((ckeys[j], new[i]))
    for qk, ck in pairs:
        for q in by_query[qk]:
            b = queries[q][0]
            for c in by_cand[ck]:
                if cands[c][0] < b:
                    note(q, cands[c][0], cands[c][1])

    # 2. a sentence inside a longer sentence of an earlier measure: one search over all of them
    sent = [c for c, x in enumerate(cands) if x[3]]
    if not sent:
        return out
    starts: list[int] = []
    offset = 0
    for c in sent:
        starts.append(offset)
        offset += len(cands[c][2]) + 1
    big = "\n".join(cands[c][2] for c in sent)  # keys hold no whitespace: no match spans two
    sent_measure = [cands[c][0] for c in sent]
    for q, (b, pos) in enumerate(queries):
        _, _, key_b, sent_b = across[b][pos]
        if not sent_b:
            continue
        stop_k = bisect.bisect_left(sent_measure, b)  # sentences of measures before b
        stop = starts[stop_k] if stop_k < len(starts) else len(big)
        i = big.find(key_b, 0, stop)
        while i >= 0:
            k = bisect.bisect_right(starts, i) - 1
            a, apos, _, _ = cands[sent[k]]
            note(q, a, apos)
            i = big.find(key_b, starts[k + 1], stop) if k + 1 < len(starts) else -1
    return out


def near_pairs(qkeys: list[str], ckeys: list[str], ratio: float) -> list[tuple[int, int]]:
    """(i, j) for every `fuzz.ratio(qkeys[i], ckeys[j]) >= ratio`, in no particular order.

    Queries go in bands of similar length, each against the choices whose length allows the ratio
    with some query of the band (a contiguous run of the sorted lengths). rapidfuzz in C, with a
    cutoff one point below the ratio, gives a superset of the pairs that pass; each is then decided
    by the exact expression.
    """
    found: list[tuple[int, int]] = []
    for rows, cs, mat in _banded(qkeys, ckeys, ratio):
        for qi, ci in zip(*np.nonzero(mat), strict=True):
            q, c = rows[int(qi)], cs[int(ci)]
            if fuzz.ratio(ckeys[c], qkeys[q]) >= ratio:
                found.append((q, c))
    return found


def first_earlier(keys: list[str], ratio: float) -> dict[int, int]:
    """j -> the smallest i < j with `fuzz.ratio(keys[i], keys[j]) >= ratio`, for every j that has one:
    `near_pairs(keys, keys, ratio)` reduced to the earliest i of each j, without listing every pair (keys
    that all pass with each other, thousands of clauses alike, have the square of their number)."""
    first: dict[int, int] = {}
    for rows, cs, mat in _banded(keys, keys, ratio):
        by_index = np.argsort(cs, kind="stable")  # the band's choices in text order
        cs_sorted = np.asarray(cs)[by_index]
        hits = mat[:, by_index] > 0
        for r, q in enumerate(rows):
            for k in np.flatnonzero(hits[r, : np.searchsorted(cs_sorted, q)]):  # i < j, in order
                c = int(cs_sorted[k])
                if c >= first.get(q, q):
                    break
                if fuzz.ratio(keys[c], keys[q]) >= ratio:
                    first[q] = c
                    break
    return first


def _banded(qkeys: list[str], ckeys: list[str], ratio: float) -> Iterator[tuple[list[int], list[int], np.ndarray]]:
    """(queries, choices, scores of each query with each choice, 0 below one point under `ratio`), in
    bands of queries of similar length against the choices whose length allows the ratio."""
    if not qkeys or not ckeys:
        return
    order = sorted(range(len(ckeys)), key=lambda c: len(ckeys[c]))
    lens = [len(ckeys[c]) for c in order]
    distinct = sorted(set(lens))
    qorder = sorted(range(len(qkeys)), key=lambda q: len(qkeys[q]))
    cut = max(ratio - 1, 0.0)
    k = 0
    while k < len(qorder):
        low = len(qkeys[qorder[k]])
        band = []
        while k < len(qorder) and len(qkeys[qorder[k]]) <= max(low + 4, low * 1.15):
            band.append(qorder[k])
            k += 1
        high = len(qkeys[band[-1]])
        # the lengths n with low <= n <= high or _may_reach(n, low|high): a run of `distinct` around
        # [low, high] (below low the test only gets truer as n grows, above high as n shrinks)
        lo, hi = bisect.bisect_left(distinct, low), bisect.bisect_right(distinct, high)
        while lo > 0 and (_may_reach(distinct[lo - 1], low, cut) or _may_reach(distinct[lo - 1], high, cut)):
            lo -= 1
        while hi < len(distinct) and (_may_reach(distinct[hi], low, cut) or _may_reach(distinct[hi], high, cut)):
            hi += 1
        if lo >= hi:
            continue
        cs = order[bisect.bisect_left(lens, distinct[lo]) : bisect.bisect_right(lens, distinct[hi - 1])]
        ckeys_band = [ckeys[c] for c in cs]
        # at most _CELLS scores in memory at once: thousands of keys of near lengths would otherwise ask
        # for a matrix of their square (1.2 GB for one measure of 20,000 clauses)
        step = max(1, _CELLS // len(cs))
        for at in range(0, len(band), step):
            rows = band[at : at + step]
            yield rows, cs, fuzzy.cdist([qkeys[q] for q in rows], ckeys_band, scorer=fuzz.ratio, score_cutoff=cut,
                                        dtype=np.uint8)  # fmt: skip


_CELLS = 1 << 24  # scores (bytes) of one `near_pairs` matrix


KIND = DuplicateSentence
