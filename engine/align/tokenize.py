"""Tokens for similarity: jieba words (government terms and unit names kept whole) and character bigrams.

One base tokenizer per process, plancheck's own (`tokenizer()`), so its words never depend on what
anything else in the process did to jieba's global one: jieba's dictionary, read on demand
(lexicon.py: no 0.5 s load before the first cut), with the user dictionary rulesets/data/terms.txt.
It is never taught anything after that: the unit names a check finds in its plans' responsibility
clauses (区发展和改革局 one token instead of 区/发展/和/改革/局) belong to that check, a `Vocabulary`
made by the run and made current with `using(vocabulary)` while it aligns, checks and quotes. A cut
under a vocabulary is the base cut with the vocabulary's words added (as `jieba.Tokenizer.add_word`
with a frequency of 100000), except that the dictionary's total stays the base's: so a learnt word
changes the cut of a text only where it occurs, and the cut of a text depends only on the text and
the learnt words found in it. Caches of cut words key on exactly that (`dictionary_key(*texts)`), so
checks share them across runs and threads and no result depends on what ran before or beside it.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import math
import re
import threading
from collections import ChainMap
from collections.abc import Iterable, Iterator

import jieba
import numpy as np

from engine import RULESETS_DIR
from engine.align.lexicon import LazyTokenizer
from engine.memo import memo
from engine.outputs import note_input
from engine.roles import roles as role_words

TERMS_PATH = RULESETS_DIR / "data" / "terms.txt"

_lock = threading.Lock()
_dt: LazyTokenizer | None = None

# Everything that is not a CJK ideograph, a letter or a digit is punctuation for matching.
_PUNCT = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff+%.]+")
_NOT_WORD = re.compile(r"^[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]*$")
# A unit list in a responsibility clause: 牵头单位：A、B，C；配合单位：D
# rulesets/data/roles.yaml; a bracketed body noun before the colon is the label's (配合处室（单位）：C)
_RESP_HEAD = re.compile("(" + role_words().label_pattern() + ")(?:" + role_words().qualifier_pattern() + ")?[:：]")
_UNIT_SEP = re.compile(r"[、，,；;:：\s]+")
_UNIT_TAIL = re.compile(r"(按职责分工负责|按职责分工|分别负责|负责)$")
UNIT_FREQ = 100_000  # a learnt unit name's frequency: it wins over the dictionary's pieces
_MAX_RUN_BLOCKS = 50_000  # cut blocks a run's overlay remembers


def tokenizer() -> LazyTokenizer:
    """plancheck's base jieba tokenizer: jieba's dictionary and the terms, nothing a run learnt."""
    if _dt is not None:
        return _dt
    return _init()


def _init() -> LazyTokenizer:
    global _dt
    with _lock:
        if _dt is None:
            jieba.setLogLevel(logging.WARNING)
            dt = LazyTokenizer()
            if TERMS_PATH.exists():
                note_input(TERMS_PATH)
                dt.load_userdict(str(TERMS_PATH))
            dt.freeze()
            _dt = dt
    return _dt


def warm_up() -> None:
    """Read the lexicon and the user dictionary now (batch mode: before forking workers)."""
    tokenizer()


class Vocabulary:
    """The unit names one check has learnt from its plans; immutable, so threads may share one."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        words = sorted({n for n in (_UNIT_TAIL.sub("", raw.strip()) for raw in names) if _learnable(n)})
        self.words: tuple[str, ...] = tuple(words)
        self._finder: re.Pattern[str] | None = None
        if words:
            from engine.extract.unitnames import trie_regex

            # a lookahead finds the longest word at every position, overlapping ones included
            self._finder = re.compile(f"(?=({trie_regex(set(words))}))")
        # a word found also brings the learnt words it starts with (the finder reports the longest)
        self._with_prefixes = {w: tuple(x for x in words if w.startswith(x)) for w in words}
        self._overlay: _Overlay | None = None

    def __getstate__(self) -> dict[str, object]:
        """Without its overlay (a tokenizer, with a lock): a CheckRun travels from a web worker."""
        return {**self.__dict__, "_overlay": None}

    def overlay(self) -> _Overlay:
        """The tokenizer of this vocabulary (made on first use; it dies with the run)."""
        if self._overlay is None:
            self._overlay = _Overlay(tokenizer(), self.words)
        return self._overlay

    def found(self, *texts: str) -> tuple[str, ...]:
        """The learnt words that occur in any of `texts`, sorted: all a cut of them depends on."""
        if self._finder is None:
            return ()
        hits: set[str] = set()
        for text in texts:
            for w in self._finder.findall(text):
                hits.update(self._with_prefixes[w])
        return tuple(sorted(hits))


def _learnable(name: str) -> bool:
    return 2 < len(name) <= 20 and not _NOT_WORD.match(name)


NO_WORDS = Vocabulary()
_current: contextvars.ContextVar[Vocabulary] = contextvars.ContextVar("plancheck_vocabulary", default=NO_WORDS)


@contextlib.contextmanager
def using(vocabulary: Vocabulary | None) -> Iterator[Vocabulary]:
    """Make `vocabulary` the current one for this thread (context) until the block ends."""
    v = vocabulary or NO_WORDS
    token = _current.set(v)
    try:
        yield v
    finally:
        _current.reset(token)


def current() -> Vocabulary:
    return _current.get()


def dictionary_key(*texts: str) -> tuple[str, ...]:
    """What the words of `texts` depend on besides the texts: part of the key of every cache of cut
    words (the current vocabulary's words found in them; () for most texts)."""
    return _current.get().found(*texts)


class _Overlay(jieba.Tokenizer):
    """The base tokenizer with some learnt words added, without touching the base's dictionary.

    Its FREQ reads the added entries first, then the base's (a ChainMap). jieba's two hot loops,
    `get_DAG` and `calc`, are jieba's own with the two plain dicts read in that order, which
    ChainMap's Python-level lookups would make several times slower.
    """

    def __init__(self, base: LazyTokenizer, words: tuple[str, ...]) -> None:
        super().__init__()
        extra: dict[str, int] = {}
        for w in words:  # as jieba's add_word: a word's prefixes become entries, without weight
            for i in range(1, len(w)):
                p = w[:i]
                if p not in extra and not base.has_entry(p):
                    extra[p] = 0
        extra.update(dict.fromkeys(words, UNIT_FREQ))
        self._base = base
        self._extra = extra
        self.FREQ = ChainMap(extra, base.FREQ)  # type: ignore[assignment]
        self.total = base.total  # the base's: a learnt word changes cuts only where it occurs
        self.initialized = True
        self._blocks: dict[str, tuple[str, ...]] = {}  # block -> its words (as LazyTokenizer's)

    def _Tokenizer__cut_DAG(self, block: str) -> Iterator[str]:  # jieba's name, mangled
        """jieba's cut of one block, remembered for the run (a block is cut alike in any text)."""
        words = self._blocks.get(block)
        if words is None:
            words = tuple(super()._Tokenizer__cut_DAG(block))  # type: ignore[misc]
            if len(self._blocks) >= _MAX_RUN_BLOCKS:
                self._blocks.clear()
            self._blocks[block] = words
        return iter(words)

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # jieba's name and loop
        self._base.learn(sentence)  # the base's entries for this text into its FREQ first
        extra, base = self._extra, self._base.FREQ
        dag: dict[int, list[int]] = {}
        n = len(sentence)
        for k in range(n):
            found: list[int] = []
            i = k
            frag = sentence[k]
            while i < n:
                f = extra.get(frag)
                if f is None:
                    f = base.get(frag)
                    if f is None:
                        break
                if f:
                    found.append(i)
                i += 1
                frag = sentence[k : i + 1]
            dag[k] = found or [k]
        return dag

    def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict[int, tuple[float, int]]) -> None:
        n = len(sentence)
        route[n] = (0, 0)
        logtotal = math.log(self.total)
        extra, base = self._extra, self._base.FREQ
        for idx in range(n - 1, -1, -1):
            route[idx] = max(
                (math.log(extra.get(w := sentence[idx : x + 1]) or base.get(w) or 1) - logtotal + route[x + 1][0], x)
                for x in DAG[idx]
            )


def _lcut_with(text: str, words: tuple[str, ...]) -> list[str]:
    """The cut of `text` by the base tokenizer, or, when it holds learnt `words`, by the current
    vocabulary's overlay: the same words as an overlay of `words` alone, since a cut depends only on
    the learnt words found in the text."""
    return (_current.get().overlay() if words else tokenizer()).lcut(text, HMM=True)


def units_in_clause(text: str) -> list[str]:
    """Unit names listed in a responsibility clause (牵头单位：A、B；配合单位：C)."""
    out: list[str] = []
    for part in _RESP_HEAD.split(text)[2::2]:
        part = re.split(r"[)）\]］]", part)[0]
        out.extend(u for u in _UNIT_SEP.split(part) if u)
    return out


# tuples of str; every clause, title and item of a few large plans and their drafts
@memo(65536, copy="shared")
def _cut(text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in _lcut_with(text, words) if not _NOT_WORD.match(t))


def lcut(text: str) -> tuple[str, ...]:
    """The current vocabulary's cut of `text` (jieba's lcut, HMM on), kept by text and learnt words.

    The similarity measures (engine.rules.similarity) compare one parent clause with every draft
    sentence; without the cache they cut the same clause once per sentence.
    """
    return _lcut(text, dictionary_key(text))


# tuples of str; the texts rules compare, fewer than _cut's
@memo(8192, copy="shared")
def _lcut(text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_lcut_with(text, words))


_SENTENCE = re.compile(r"(?<=[。；;！？!?\n])")


def tokens(text: str) -> tuple[str, ...]:
    """jieba words of `text`, punctuation and whitespace removed.

    Cut sentence by sentence with a cache: jieba splits at punctuation anyway, so the words are the
    same, and a draft repeats most of its parent's sentences, which then cost nothing the second time.
    """
    out: list[str] = []
    vocabulary = _current.get()
    for part in _SENTENCE.split(text):
        if part:
            out.extend(_cut(part, vocabulary.found(part)))
    return tuple(out)


@memo(65536, copy="shared")  # clauses and titles recur: across a plan, its parent and a batch
def strip_punct(text: str) -> str:
    return _PUNCT.sub("", text)


def bigrams(text: str) -> np.ndarray:
    """Character bigrams of the text, punctuation removed (a tokenisation-free second signal).

    Stored as a sorted array of distinct uint64 codes (two code points), not a set of strings: a
    2,000-measure plan keeps ~5 MB instead of ~60 MB.
    """
    s = strip_punct(text)
    if not s:
        return np.zeros(0, dtype=np.uint64)
    cps = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(cps) < 2:
        return cps
    return np.unique((cps[:-1] << np.uint64(21)) | cps[1:])


def dice(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return 2.0 * common / (len(a) + len(b))
