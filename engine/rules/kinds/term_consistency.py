"""term_consistency: terms that differ from the parent's, confusable words, altered fixed formulations.

Three sources, all data a user extends (rulesets/data/confusables.yaml):

1. the confusables list: a wrong form by regex (法制政府, 截止2022年, 布署, 行政权利 …) with the right
   form, an `unless` context (法制审核, 法制机构 and 人大法制委 are right) and a source. A wrong form the
   PARENT uses too, as the same term (the form with the characters after it: 法制审核 in both), is
   the parent's own term: not reported; 法制 in the parent's 法制审核 does not excuse 法制素养.
2. fixed central formulations (“四个意识”, 习近平法治思想, 基本建成法治国家、法治政府、法治社会 …):
   a slot that is not the allowed word (法治城中 for 法治国家), a wrong fixed verb, missing quotes.
3. the aligned parent text: a draft clause that copies a parent clause (similarity ≥ `min_ratio`)
   but changes one character inside otherwise identical text (事故灾难 -> 事故灾害, 法治 -> 法制 in a
   section heading), or drops a function character that holds a construction together (在…上展现 ->
   在…展现: `fragile_chars`). A changed character counts only inside a term (a noun or fixed phrase
   of the parent) or as a known slip pair (`slip_chars`: 治/制, 至/止 …): 推进 -> 推动, 加快 -> 加速
   are the editor's synonyms, not slips. Changes of level and place words (全区 -> 我区, 各级 -> 区级,
   place names) and of numbers are adaptations, not slips, and are never reported here.
Section headings are checked against the parent's headings as well as measures.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Iterator
from typing import ClassVar

import numpy as np
from pydantic import Field
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from engine.memo import memo
from engine.rules import places
from engine.rules import textunits as tu
from engine.rules.kinds.base import CheckContext, CheckKind, Edit, Hit, KindOptions

_CLAUSE = re.compile(r"[^，。；：！？,;:!?\n]+")


class Options(KindOptions):
    confusables: bool = Field(True, description="check the confusables list (confusables.yaml `confusables`)")
    formulations: bool = Field(
        True, description="check fixed central formulations (confusables.yaml `formulations`)"
    )
    parent_diff: bool = Field(
        True, description="compare clauses copied from the aligned parent text character by character"
    )
    min_ratio: float = Field(
        0.85,
        ge=0.5,
        le=1.0,
        description="similarity for a draft clause to count as a copy of a parent clause",
    )
    min_clause: int = Field(8, ge=4, description="shortest clause (characters) compared with the parent")
    context: int = Field(
        2, ge=1, description="unchanged characters needed on each side of a one-character change"
    )
    adapt_chars: str = Field(
        "全我本区市县省州盟旗镇乡级各该两一二三四五六七八九十0123456789",
        description="characters whose change is a level/number adaptation, never a term slip",
    )
    fragile_chars: str = Field("上中于", description="a dropped one of these breaks a construction (在…上)")


class TermConsistency(CheckKind):
    name = "term_consistency"
    description = (
        "术语要与上级一致、用字要规范、中央固定表述不能改。本检查找出：与上级对应条文相比只改了一个字的术语"
        "（“法治政府”写成“法制政府”、“事故灾难”写成“事故灾害”）或漏字（“在……上”漏了“上”）；易混词表"
        "（confusables.yaml，可自行扩充）中的错误写法，如法治/法制、截至/截止、权力/权利、部署/布署；被改动"
        "或改变范围的中央固定表述，如“四个意识”“四个自信”“两个维护”、习近平法治思想、“基本建成法治国家、"
        "法治政府、法治社会”。章节标题也按上级标题检查。上级本身就用的写法（如“法制审核”）不报告。"
    )
    description_en = (
        "Terms must match the parent's, words must be the standard ones and fixed central formulations must not "
        "be altered. Reports one-character changes to a term copied from the aligned parent text (法治政府 -> "
        "法制政府) or a dropped function character; wrong forms from the confusables list (confusables.yaml, "
        "user-extensible); altered or re-scoped central formulations. Section headings are compared with the "
        "parent's. A form the parent itself uses is not reported."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {"zh": "“{wrong}”{reason}", "en": "'{wrong}' {reason}"}
    suggestion: ClassVar[dict[str, str]] = {"zh": "改为“{right}”", "en": "write '{right}'"}

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        tab = ctx.table("confusables")
        lang = "en" if ctx.lang == "en" else "zh"
        parent_text = (
            "\n".join(m.text for m in ctx.parent.measures) + (ctx.parent.title or "") if ctx.parent else ""
        )
        own = places.own_names(ctx.draft)
        names = own + places.other_names(ctx) + (places.name_variants(ctx.parent.jurisdiction) if ctx.parent else [])
        parent_titles = parent_section_titles(ctx)
        reported: set[tuple[str | None, int]] = set()
        slips = {frozenset(p) for p in (tab.get("slip_chars") or []) if len(p) == 2}

        def emit(
            unit: tu.TextUnit,
            s: int,
            e: int,
            wrong: str,
            right: str,
            reason: tuple[str, str],
            parent_item=None,
            pq=None,
        ):
            text = unit.text
            cs, ce = tu.clause_around(text, s)
            if (unit.ref, cs) in reported:
                return None
            reported.add((unit.ref, cs))
            raw = text[cs:ce]
            quote = raw.strip()
            q0 = cs + len(raw) - len(raw.lstrip())
            line, col = tu.position(ctx, unit, quote)
            fields = {"wrong": wrong, "right": right, "reason": reason[1] if lang == "en" else reason[0]}
            # the remedy is exact when the reported words are the span itself
            edits = (Edit(s - q0, e - q0, right),) if text[s:e] == wrong and q0 <= s <= e <= q0 + len(quote) else ()
            return Hit(
                local_item=unit.ref,
                quote=quote,
                parent_item=parent_item,
                parent_quote=pq,
                fields=fields,
                suggestion=self.suggest(lang, fields),
                key=wrong,
                line=line,
                column=col,
                fix=edits,
            )

        confusables = tab.get("confusables") or []
        formulations = tab.get("formulations") or []
        patterns = tuple(c["pattern"] for c in confusables), tuple(f["pattern"] for f in formulations)
        for unit in tu.units(ctx):
            text = unit.text
            qmask = tu.quoted_mask(text)
            if options.confusables:
                for c, found in zip(confusables, _scan(text, patterns[0]), strict=True):
                    for m in found:
                        s, e = m.span("wrong") if "wrong" in m.groupdict() and m.group("wrong") else m.span()
                        if qmask[s]:
                            continue
                        window = text[max(0, s - 8) : e + 8]
                        if c.get("unless") and re.search(c["unless"], window):
                            continue
                        if parent_text and _term_at(text, m.start(), max(e, m.end())) in parent_text:
                            continue  # the parent writes the same term: its own (法制审核 in both)
                        src = c.get("source", "")
                        hit = emit(
                            unit,
                            s,
                            e,
                            text[s:e],
                            c["right"],
                            (f"应为“{c['right']}”（{src}）", f"should be '{c['right']}'"),
                        )
                        if hit:
                            yield hit
            if options.formulations:
                for f, found in zip(formulations, _scan(text, patterns[1]), strict=True):
                    for m in found:
                        if qmask[m.start()]:
                            continue
                        groups = {k: v for k, v in m.groupdict().items() if v}
                        slot = groups.get("slot")
                        if slot is not None and "verb" not in groups:
                            if slot in (f.get("allowed") or []) or (f.get("localizable") and slot in own):
                                continue
                        canon = f["canonical"]
                        hit = emit(
                            unit, m.start(), m.end(), m.group(0), canon,
                            (f"改动了中央固定表述，应为“{canon}”（{f.get('source', '')}）", f"alters a fixed central formulation: '{canon}'"),
                        )  # fmt: skip
                        if hit:
                            yield hit
            if options.parent_diff:
                if unit.section is not None:
                    cands = [(label, t) for label, t in parent_titles]
                    yield from self._diff(unit, cands, options, names, emit, slips, titles_only=True)
                elif unit.measure is not None:
                    yield from self._diff(unit, ctx.aligned_parents(unit.ref), options, names, emit, slips)

    def _diff(
        self, unit, parents, options: Options, names, emit, slips=frozenset(), titles_only: bool = False
    ):
        if not parents:
            return
        text = unit.text
        if titles_only:
            text_clauses = [(0, unit.section.title)] if unit.section and unit.section.title else []
        else:
            text_clauses = [(m.start(), m.group(0)) for m in _CLAUSE.finditer(text)]
        pclauses = _parent_clauses(tuple(parents), options.min_clause)
        if not pclauses:
            return
        # what a clause yields depends only on these (and the clause): memoised across units and checks
        key = (
            pclauses,
            options.min_ratio,
            options.context,
            options.adapt_chars,
            options.fragile_chars,
            tuple(names),
            frozenset(slips),
        )
        for off, clause in text_clauses:
            if len(clause) < options.min_clause:
                continue
            found = _slips(clause, *key)
            for i1, i2, wrong, right_, reason, idx in found:
                pref, pclause = pclauses[idx]
                hit = emit(
                    unit, off + i1, off + i2, wrong, right_, reason, None if titles_only else pref, pclause
                )
                if hit:
                    yield hit


@memo(4096, copy="shared")  # drafts repeat their parent's texts, and a batch its siblings'
def _scan(text: str, patterns: tuple[str, ...]) -> tuple[tuple[re.Match[str], ...], ...]:
    """The matches of each pattern in `text` (`finditer`), kept by text."""
    return tuple(tuple(tu.compiled(p).finditer(text)) for p in patterns)


# what each clause yields against the parent clauses, options and names: kept across units and checks
# (`_find_slips` is a pure function: the term tokenizer is fixed); tuples, shared; 16384 clauses, the
# draft clauses of a few large checks
@memo(16384, copy="shared")
def _slips(clause: str, *key: object) -> tuple[tuple[int, int, str, str, str, int], ...]:
    """(i1, i2, wrong, right, reason, parent clause index) of each slip in `clause` against the best
    matching parent clause."""
    return tuple(_find_slips(clause, *key))


@memo(4096, copy="shared")  # the same parent measures meet their draft units check after check
def _parent_clauses(
    parents: tuple[tuple[str | None, str], ...], min_clause: int
) -> tuple[tuple[str | None, str], ...]:
    """(parent ref, clause) of the parent texts' clauses long enough to compare."""
    return tuple(
        (ref, pc.group(0))
        for ref, pt in parents
        for pc in _CLAUSE.finditer(pt)
        if len(pc.group(0)) >= min_clause
    )


def _find_slips(clause, pclauses, min_ratio, context, adapt_chars, fragile_chars, names, slips):
    protect = set(adapt_chars)
    ratio, idx = best_match(clause, [c for _, c in pclauses], min_ratio)
    if ratio < min_ratio or ratio >= 1.0:
        return
    pclause = pclauses[idx][1]
    a, b = tu.fold(clause), tu.fold(pclause)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        left = ops[k - 1] if k > 0 and ops[k - 1][0] == "equal" else None
        right = ops[k + 1] if k + 1 < len(ops) and ops[k + 1][0] == "equal" else None
        lctx = (left[2] - left[1]) if left else 0
        rctx = (right[2] - right[1]) if right else 0
        if lctx < context or rctx < context or lctx + rctx < 6:
            continue
        if tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
            if a[i1] in protect or b[j1] in protect:
                continue
            if _in_name(clause, i1, names) or _in_name(pclause, j1, names):
                continue  # a place name adapted (广西 -> 城中), never a term
            if not _is_slip(pclause, j1, clause[i1], slips):
                continue  # a synonym the editor chose (推进 -> 推动), not a slip
            ws, we = _word_span(pclause, j1)
            right_ = pclause[ws:we]
            i1, i2 = max(0, ws + i1 - j1), we + i1 - j1  # from here on: the span of `wrong`
            wrong = clause[i1:i2]
            reason = (f"与上级用语“{right_}”不一致", f"differs from the parent's term '{right_}'")
        elif tag == "insert" and j2 - j1 == 1 and pclause[j1] in fragile_chars:
            i1, i2 = max(0, i1 - 2), i1 + 2  # from here on: the span of `wrong`
            wrong = clause[i1:i2]
            right_ = pclause[max(0, j1 - 2) : j2 + 2]
            reason = (
                f"照抄时漏了“{pclause[j1]}”，上级为“{right_}”",
                f"a character was lost in copying: parent '{right_}'",
            )
        else:
            continue
        yield i1, i2, wrong, right_, reason, idx


def _term_at(text: str, s: int, e: int) -> str:
    """The matched form with up to two following characters of its clause: 法制素养, 其它部门."""
    _, ce = tu.clause_around(text, s)
    return text[s : min(ce, e + 2)]


def _in_name(text: str, i: int, names: list[str]) -> bool:
    for n in names:
        if len(n) < 2:
            continue
        for m in tu.find_all(n, text):
            if m.start() <= i < m.end():
                return True
    return False


_TERM_FLAGS = ("n", "l", "i", "j")  # nouns and fixed phrases; not vn (建设), v, a, d


def _is_slip(pclause: str, j: int, new: str, slips: set[frozenset[str]]) -> bool:
    """A one-character change that alters meaning, not an editor's synonym.

    A known slip pair of characters (治/制, 至/止, 力/利 …: confusables.yaml `slip_chars`), or a
    change inside a term — a noun or fixed phrase of the parent (事故灾难 -> 事故灾害, 法治政府 ->
    法制政府). A change inside a verb or adverb (推进 -> 推动, 加快 -> 加速) is rewording.
    """
    if frozenset((pclause[j], new)) in slips:
        return True
    return _in_term(pclause, j)


@memo(4096, copy="shared")  # parent clauses: the same few hundred meet every draft
def _in_term(pclause: str, j: int) -> bool:
    """Character j of the parent clause is inside a noun or fixed phrase of two or more characters.
    Tags only the words up to j: each new word's tag is a dictionary lookup (`_DictTags`)."""
    pos = 0
    for w in _tagger().cut(pclause):
        if pos <= j < pos + len(w.word):
            return w.flag.startswith(_TERM_FLAGS) and w.flag != "vn" and len(w.word) >= 2
        pos += len(w.word)
    return False


@memo(1, copy="shared")  # one frozen tokenizer per process
def _tokenizer():
    """A private jieba tokenizer on the default dictionary only.

    The shared one knows the government terms and, within a check, the unit names it learnt (align);
    a term span depends on neither. Reads the dictionary on demand
    (engine/align/lexicon.py), so a second tokenizer costs nothing up front.
    """
    from engine.align.lexicon import LazyTokenizer

    tok = LazyTokenizer()
    tok.freeze()  # shared by every check: it learns nothing
    return tok


@memo(1, copy="shared")  # one tagger per process, on _tokenizer()
def _tagger():
    """A part-of-speech tagger on `_tokenizer()`, its word tags read from the dictionary on demand.

    jieba builds the word -> tag table of all 349,000 words (0.2 s, ~40 MB) for every POSTokenizer,
    and once more for its own default tagger when `jieba.posseg` is imported; a check looks up a
    few dozen words. Same tags: the last line of the dictionary naming the word, as jieba reads it.
    """
    posseg = _posseg()

    class _Tagger(posseg.POSTokenizer):
        def __init__(self, tokenizer, tags) -> None:  # no load_word_tag
            self.tokenizer = tokenizer
            self.word_tag_tab = tags

    tok = _tokenizer()
    return _Tagger(tok, _DictTags(_dict_bytes(tok)))


def _posseg():
    """`jieba.posseg`, imported without building the word tags of its default tagger at import.

    Its `dt` gets the same tags on demand (and a user dictionary's tags on top, as jieba does).
    """
    import sys

    import jieba

    if "jieba.posseg" in sys.modules or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        import jieba.posseg

        return jieba.posseg
    import io

    jieba.dt.get_dict_file = lambda: io.BytesIO()  # read by POSTokenizer(jieba.dt) at import
    try:
        import jieba.posseg
    finally:
        del jieba.dt.get_dict_file
    jieba.posseg.dt.word_tag_tab = _DictTags(_dict_bytes(jieba.dt))
    return jieba.posseg


# bytes, shared; one per dictionary file (the default one and, where a user set one, jieba's): 4
@memo(4, copy="shared", key=lambda tok: tok.dictionary)
def _dict_bytes(tok) -> bytes:
    """The dictionary file of a jieba tokenizer, read once per dictionary (5 MB, ~5 ms)."""
    with tok.get_dict_file() as f:
        return f.read()


_MISSING = object()


class _DictTags:
    """word -> tag of a jieba dictionary (`word freq tag` lines), as POSTokenizer.load_word_tag reads it.

    Looked up one word at a time (the last line for the word, ~2 ms each); after `_SCANS` distinct
    words it reads the whole table once, so a long run pays no more than jieba's eager load.
    Supports what POSTokenizer uses: `get` and `update` (a user dictionary's tags, which win).
    """

    _SCANS = 64

    def __init__(self, data: bytes) -> None:
        self._data = b"\n" + data
        self._seen: dict[str, object] = {}  # looked-up words (or _MISSING) and added tags
        self._all: dict[str, str] | None = None

    def get(self, word: str, default=None):
        tag = self._seen.get(word)
        if tag is None:
            tag = self._lookup(word)
            self._seen[word] = tag
        return default if tag is _MISSING else tag

    def __getitem__(self, word: str) -> str:
        tag = self.get(word, _MISSING)
        if tag is _MISSING:
            raise KeyError(word)
        return tag

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word, _MISSING) is not _MISSING

    def update(self, tags) -> None:
        self._seen.update(tags)

    def _lookup(self, word: str) -> object:
        if self._all is None and len(self._seen) >= self._SCANS:
            self._all = _read_tags(self._data)
        if self._all is not None:
            return self._all.get(word, _MISSING)
        i = self._data.rfind(b"\n" + word.encode("utf-8") + b" ")
        if i < 0:
            return _MISSING
        j = self._data.find(b"\n", i + 1)
        return self._data[i + 1 : j if j >= 0 else None].strip().decode("utf-8").split(" ")[2]


def _read_tags(data: bytes) -> dict[str, str]:
    """The whole word -> tag table (POSTokenizer.load_word_tag over the same bytes)."""
    tab: dict[str, str] = {}
    for line in data.split(b"\n"):
        line = line.strip()
        if line:
            word, _, tag = line.decode("utf-8").split(" ")
            tab[word] = tag
    return tab


def _word_span(text: str, i: int) -> tuple[int, int]:
    """The word around offset i, widened to a short term: 法治|政府 -> 法治政府, 事故|灾难 -> 事故灾难."""
    toks = list(_tokenizer().tokenize(text))
    for k, (w, s, e) in enumerate(toks):
        if s <= i < e:
            if len(w) <= 2:
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                prv = toks[k - 1] if k > 0 else None
                if nxt and _han(nxt[0]) and len(w) + len(nxt[0]) <= 4:
                    return s, nxt[2]
                if prv and _han(prv[0]) and len(w) + len(prv[0]) <= 4:
                    return prv[1], e
            return s, e
    return i, i + 1


def _han(w: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in w)


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
    ft = tu.fold(text)
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


@memo(4096, copy="shared")  # str; the parent clauses of a check, folded once
def _folded(text: str) -> str:
    return tu.fold(text)


# one matcher per parent clause and thread (see below); the clauses of a few parents
@memo(1024, copy="shared")
def _matcher(b: str, thread: int) -> difflib.SequenceMatcher:
    """A SequenceMatcher with `b` indexed once: the same parent clauses meet every draft clause.

    One per thread: the caller sets seq1 on it, so a matcher shared between concurrent checks would
    score one thread's text against another's.
    """
    return difflib.SequenceMatcher(None, "", b, autojunk=False)


KIND = TermConsistency
