"""How much of one text another holds: the measures of text similarity the kinds share.

A parent clause is looked for in the draft sentence by sentence, on compacted text (no spaces, no
punctuation): `similarity` for a clause (windowed fuzzy match, shared character bigrams, shared
content words), `coverage` for a short sub-clause, `dice` for two texts of like length, and
`best_sentence` for the draft sentence most like a clause (an indexed search that gives what scoring
every sentence gives; tests/rules/test_similarity.py compares the two).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz

from engine.memo import memo
from engine.models import Measure

_PUNCT = re.compile(r"[\s，。；：、,.;:！？!?（）()［］\[\]【】“”\"'‘’《》〈〉…—\-]+")


_SENT = re.compile(r"(?<=[。；;！？!?])")


@memo(16384, copy="shared")  # every parent clause is compared with every draft sentence
def compact(text: str | None) -> str:
    """Text without spaces and punctuation: what two wordings must share to be the same words."""
    return _PUNCT.sub("", text or "")


def sentences(m: Measure) -> list[str]:
    """The measure's sentences (extract's, else split here on full stops and semicolons)."""
    if m.sentences:
        return [s.text for s in m.sentences]
    return [s for s in _SENT.split(m.text) if s.strip()]


@memo(2048, copy="shared")  # as compact: the same sentences, over and over
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


@memo(16384, copy="shared")  # one clause is compared with many sentences
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


@memo(65536, copy="shared")  # every parent clause meets every draft sentence, check after check
def _similarity(a: str, b: str, *dictionary: str) -> float:
    if not a or not b:
        return 0.0
    if a in b:
        return 1.0
    # the windowed match finds the shorter text inside the longer: where the sentence b is the shorter, it says how
    # much of b is in a, so it counts for a's share that b's length can hold (a 9-character heading 新建改造烘干设施
    # holds no 14-character 新建烘干设施不得使用燃煤热源, though 6 of its characters are there in order)
    partial = fuzz.partial_ratio(a, b) / 100.0 * min(1.0, len(b) / len(a)) if len(b) >= len(a) // 2 else 0.0
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


@memo(65536, copy="shared")  # floats; the same pairs as _similarity
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
    """Whether a measure holds `phrase` word for word (spaces and punctuation aside)."""
    p = compact(phrase)
    return bool(p) and any(p in compact(m.text) for m in measures)


def dice(a: str, b: str) -> float:
    """Character-bigram Dice coefficient of two compacted texts (single characters compare whole)."""
    ga, gb = (_bigrams(a) or {a}), (_bigrams(b) or {b})
    if not a or not b:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))
