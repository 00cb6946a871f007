"""Tokens for similarity: jieba words (government terms and unit names kept whole) and character bigrams.

jieba is initialised once per process (its dictionary costs ~0.45 s): logging silenced, the user
dictionary rulesets/data/terms.txt loaded once. Unit names found in the plans' responsibility clauses are
added at run time (`add_units`), so 区发展和改革局 stays one token instead of 区/发展/和/改革/局.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import jieba
import numpy as np

TERMS_PATH = Path(__file__).resolve().parents[2] / "rulesets" / "data" / "terms.txt"

_lock = threading.Lock()
_ready = False
_added: set[str] = set()
_base: tuple[dict[str, int], int] | None = None  # jieba's own dictionary, before any word of ours

# Everything that is not a CJK ideograph, a letter or a digit is punctuation for matching.
_PUNCT = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff+%.]+")
_NOT_WORD = re.compile(r"^[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]*$")
# A unit list in a responsibility clause: 牵头单位：A、B，C；配合单位：D
_RESP_HEAD = re.compile(r"(牵头单位|责任单位|配合单位|协办单位|牵头部门|责任部门|配合部门)[:：]")
_UNIT_SEP = re.compile(r"[、，,；;:：\s]+")
_UNIT_TAIL = re.compile(r"(按职责分工负责|按职责分工|分别负责|负责)$")


def _init() -> None:
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        jieba.setLogLevel(logging.WARNING)
        fresh = _pristine()  # else words may have been added before us: no snapshot
        jieba.initialize()
        if fresh:
            _snapshot()
        if TERMS_PATH.exists():
            jieba.load_userdict(str(TERMS_PATH))
        lcut.cache_clear()
        _ready = True


def _pristine() -> bool:
    """jieba's default tokenizer not loaded yet (add_word loads it first) and on its own dictionary."""
    return not jieba.dt.initialized and jieba.dt.dictionary == jieba.DEFAULT_DICT


def _snapshot() -> None:
    """Copy jieba's word frequencies while they are its dictionary alone (a shallow copy, ~10 ms)."""
    global _base
    if _base is None:
        _base = (dict(jieba.dt.FREQ), jieba.dt.total)


def base_dictionary() -> tuple[dict[str, int], int]:
    """(FREQ, total) of jieba's default dictionary without the words added here (terms, units).

    For a tokenizer whose words must not depend on what ran before (term_consistency), without
    loading the dictionary a second time: the copy taken when jieba was initialised. Only when
    jieba was initialised elsewhere first, and so may have learnt words, is it loaded afresh.
    """
    if _base is not None:
        return _base
    with _lock:
        if _base is None:
            jieba.setLogLevel(logging.WARNING)
            if _pristine():  # nothing can have been added yet: initialise it, as a cut would
                jieba.initialize()
                _snapshot()
            else:
                tok = jieba.Tokenizer()
                tok.initialize()
                return tok.FREQ, tok.total
    return _base


def warm_up() -> None:
    """Load jieba's dictionary and the user dictionary now (batch mode: before forking workers)."""
    _init()


def add_units(names: Iterable[str]) -> int:
    """Teach jieba unit names (from responsibility clauses); returns how many were new.

    Words go into jieba's default tokenizer, which is process-wide: a unit learnt from one plan stays
    for the next. Unit names hardly ever appear in measure bodies (the responsibility clause is cut off
    before matching), so this does not change scores in practice.
    """
    _init()
    new = 0
    for raw in names:
        name = _UNIT_TAIL.sub("", raw.strip())
        if 2 < len(name) <= 20 and name not in _added and not _NOT_WORD.match(name):
            jieba.add_word(name, 100000)
            _added.add(name)
            new += 1
    if new:
        _cut.cache_clear()
        lcut.cache_clear()
    return new


def units_in_clause(text: str) -> list[str]:
    """Unit names listed in a responsibility clause (牵头单位：A、B；配合单位：C)."""
    out: list[str] = []
    for part in _RESP_HEAD.split(text)[2::2]:
        part = re.split(r"[)）\]］]", part)[0]
        out.extend(u for u in _UNIT_SEP.split(part) if u)
    return out


@lru_cache(maxsize=65536)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(t for t in jieba.lcut(text, HMM=True) if not _NOT_WORD.match(t))


@lru_cache(maxsize=8192)
def lcut(text: str) -> tuple[str, ...]:
    """`jieba.lcut(text)` as is, cached until jieba's dictionary changes (terms or units added).

    The carrying helpers compare one parent clause with every draft sentence; without the cache they
    cut the same clause once per sentence. No `_init()` here: callers see jieba as they would without it.
    """
    return tuple(jieba.lcut(text))


_SENTENCE = re.compile(r"(?<=[。；;！？!?\n])")


def tokens(text: str) -> tuple[str, ...]:
    """jieba words of `text`, punctuation and whitespace removed.

    Cut sentence by sentence with a cache: jieba splits at punctuation anyway, so the words are the
    same, and a draft repeats most of its parent's sentences, which then cost nothing the second time.
    """
    _init()
    out: list[str] = []
    for part in _SENTENCE.split(text):
        if part:
            out.extend(_cut(part))
    return tuple(out)


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
