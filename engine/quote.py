"""Quotes a person reads: evidence that starts and ends on word boundaries (the tokenizer's
words, not a character count), and long quotes shortened in the middle, never inside a word."""

from __future__ import annotations

import bisect

from engine.align.tokenize import lcut

ELLIPSIS = "……"


def _bounds(text: str) -> list[int]:
    """Offsets where the tokenizer's words of `text` start, and its length."""
    out, pos = [0], 0
    for w in lcut(text):
        pos += len(w)
        out.append(pos)
    return out


def on_words(text: str, start: int, end: int, reach: int = 4) -> tuple[int, int]:
    """[start, end) widened to the enclosing word boundaries of `text`, by at most `reach`
    characters on each side (a quote that cuts 部门 to 部 becomes …部门; a clause stays a clause)."""
    if not text or start >= end:
        return start, end
    b = _bounds(text)
    i = bisect.bisect_right(b, start) - 1
    s = b[i] if i >= 0 else start
    j = bisect.bisect_left(b, end)
    e = b[j] if j < len(b) else end
    return (s if start - s <= reach else start), (e if e - end <= reach else end)


def shorten(text: str, limit: int = 80) -> str:
    """`text` as is when short; else its head and tail, each ending on a word boundary, joined by
    an ellipsis (a reader sees where the quote starts and ends)."""
    if len(text) <= limit:
        return text
    b = _bounds(text)
    half = (limit - len(ELLIPSIS)) // 2
    head = max((x for x in b if x <= half), default=half) or half
    tail = min((x for x in b if x >= len(text) - half), default=len(text) - half)
    if tail >= len(text):
        tail = len(text) - half
    return text[:head] + ELLIPSIS + text[tail:]


# where a quoted phrase ends: punctuation, never inside a word
PHRASE_STOP = "，。；：、,.;:！？!?（）()“”《》"


def phrase_at(text: str, start: int, limit: int = 24, back: bool = False) -> str:
    """The phrase of `text` that starts at `start` (or, with `back`, ends there): up to the next
    punctuation mark, or at most `limit` characters cut at a word boundary — so a quoted target is
    the whole phrase (街道以上专项或部门应急预案), never a cut such as 街道以上专项或部."""
    if back:
        a = max((text.rfind(c, 0, start) for c in PHRASE_STOP), default=-1) + 1
        if start - a > limit:
            b = [a + x for x in _bounds(text[a:start])]
            fits = [x for x in b if x >= start - limit and x < start]
            a = min(fits) if fits else max(x for x in b if x < start)  # one word longer than the limit: whole
        return text[a:start]
    ends = [i for i in (text.find(c, start) for c in PHRASE_STOP) if i >= 0]
    e = min(ends, default=len(text))
    if e - start > limit:
        b = _bounds(text[start:e])
        fits = [x for x in b if 0 < x <= limit]
        e = start + (max(fits) if fits else min(x for x in b if x > 0))
    return text[start:e]
