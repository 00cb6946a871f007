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

TERMS_PATH = Path(__file__).resolve().parents[2] / "rulesets" / "data" / "terms.txt"

_lock = threading.Lock()
_ready = False
_added: set[str] = set()

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
        jieba.initialize()
        if TERMS_PATH.exists():
            jieba.load_userdict(str(TERMS_PATH))
        _ready = True


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


def tokens(text: str) -> tuple[str, ...]:
    """jieba words of `text`, punctuation and whitespace removed."""
    _init()
    return _cut(text)


def strip_punct(text: str) -> str:
    return _PUNCT.sub("", text)


def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of the text with punctuation removed (a tokenisation-free second signal)."""
    s = strip_punct(text)
    if len(s) < 2:
        return frozenset([s]) if s else frozenset()
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))
