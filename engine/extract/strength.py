"""Obligation strength of a sentence: which words (必须, 全面, 逐步 …) and the strongest level.

The word lists are data (rulesets/data/strength.yaml). Comparing parent and draft levels lets a
check notice 必须建立 -> 逐步建立 (mandatory -> soft) even when the task words are unchanged.
"""

from __future__ import annotations

from engine.extract.data import strength_data
from engine.extract.sentences import mask_spans, title_spans
from engine.models import StrengthLevel

RANK: dict[str, int] = {"soft": 0, "normal": 1, "firm": 2, "mandatory": 3}


def strength_of(text: str) -> tuple[list[str], StrengthLevel]:
    """Strength words in `text` (in order, each once) and the strongest level present.

    Longest match wins (严格禁止 over 严格); words inside 《》 titles are ignored; a negated form
    (不严格) is consumed without counting. No word -> "normal".
    """
    data = strength_data()
    if data.pattern is None or not text:
        return [], "normal"
    if "《" in text:
        text = mask_spans(text, title_spans(text))
    words: list[str] = []
    best = "normal"
    for m in data.pattern.finditer(text):
        w = m.group(0)
        level = data.words.get(w)
        if level is None:  # a negated phrase
            continue
        if w not in words:
            words.append(w)
        if best == "normal" or RANK[level] > RANK[best]:
            best = level
    return words, best  # type: ignore[return-value]
