"""Tokens for similarity: jieba words (government terms and unit names kept whole) and character bigrams.

One tokenizer per process, plancheck's own (`tokenizer()`), so its words never depend on what anything
else in the process did to jieba's global one: jieba's dictionary, read on demand (lexicon.py: no
0.5 s load before the first cut), with the user dictionary rulesets/data/terms.txt. Unit names found
in the plans' responsibility clauses are added at run time (`add_units`), so 区发展和改革局 stays one
token instead of 区/发展/和/改革/局.
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

from engine.align.lexicon import LazyTokenizer
from engine.outputs import note_input

TERMS_PATH = Path(__file__).resolve().parents[2] / "rulesets" / "data" / "terms.txt"

_lock = threading.Lock()
_dt: LazyTokenizer | None = None
_added: set[str] = set()

# Everything that is not a CJK ideograph, a letter or a digit is punctuation for matching.
_PUNCT = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff+%.]+")
_NOT_WORD = re.compile(r"^[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]*$")
# A unit list in a responsibility clause: 牵头单位：A、B，C；配合单位：D
_RESP_HEAD = re.compile(r"(牵头单位|责任单位|配合单位|协办单位|牵头部门|责任部门|配合部门)[:：]")
_UNIT_SEP = re.compile(r"[、，,；;:：\s]+")
_UNIT_TAIL = re.compile(r"(按职责分工负责|按职责分工|分别负责|负责)$")


def tokenizer() -> LazyTokenizer:
    """plancheck's jieba tokenizer: jieba's dictionary, the terms, and the unit names learnt so far."""
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
            _dt = dt
    return _dt


def dictionary_key() -> tuple[int, int]:
    """What the tokenizer's words depend on: part of the key of every cache of cut words.

    Changes when a word is added (a unit name), never when the dictionary is read in.
    """
    dt = tokenizer()
    return id(dt), dt.revision


def warm_up() -> None:
    """Read the lexicon and the user dictionary now (batch mode: before forking workers)."""
    tokenizer()


def add_units(names: Iterable[str]) -> int:
    """Teach jieba unit names (from responsibility clauses); returns how many were new.

    Words go into jieba's default tokenizer, which is process-wide: a unit learnt from one plan stays
    for the next. Unit names hardly ever appear in measure bodies (the responsibility clause is cut off
    before matching), so this does not change scores in practice.
    """
    dt = tokenizer()
    new = 0
    for raw in names:
        name = _UNIT_TAIL.sub("", raw.strip())
        if 2 < len(name) <= 20 and name not in _added and not _NOT_WORD.match(name):
            dt.add_word(name, 100000)
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
    return tuple(t for t in tokenizer().lcut(text, HMM=True) if not _NOT_WORD.match(t))


@lru_cache(maxsize=8192)
def lcut(text: str) -> tuple[str, ...]:
    """`tokenizer().lcut(text)` as is, cached until a word is added (a unit name).

    The similarity measures (engine.rules.similarity) compare one parent clause with every draft sentence; without the cache they
    cut the same clause once per sentence.
    """
    return tuple(tokenizer().lcut(text))


_SENTENCE = re.compile(r"(?<=[。；;！？!?\n])")


def tokens(text: str) -> tuple[str, ...]:
    """jieba words of `text`, punctuation and whitespace removed.

    Cut sentence by sentence with a cache: jieba splits at punctuation anyway, so the words are the
    same, and a draft repeats most of its parent's sentences, which then cost nothing the second time.
    """
    out: list[str] = []
    for part in _SENTENCE.split(text):
        if part:
            out.extend(_cut(part))
    return tuple(out)


@lru_cache(maxsize=65536)  # clauses and titles recur: across a plan, its parent and a batch
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
