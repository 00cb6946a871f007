"""Quotes a person reads: evidence that starts and ends on word boundaries (the tokenizer's
words, not a character count), and long quotes shortened in the middle, never inside a word."""

from __future__ import annotations

import bisect

import jieba

from engine.align.tokenize import lcut

ELLIPSIS = "……"
# how far around an offset its words are cut where the text is long: jieba cuts each run of CJK, letters and digits
# (`jieba.re_han_default`) alone, so a window whose edges fall between runs cuts as the whole text does; the longest
# run in any document under fixtures/ and ../shared is 64 characters (a checksum), four times that is the window
_WINDOW = 256
_WHOLE = 4 * _WINDOW  # a text up to this long is cut whole, as ever


def _bounds(text: str) -> list[int]:
    """Offsets where the tokenizer's words of `text` start, and its length."""
    out, pos = [0], 0
    for w in lcut(text):
        pos += len(w)
        out.append(pos)
    return out


def _in_run(text: str, i: int) -> bool:
    """Whether offset `i` of `text` lies inside one run the tokenizer cuts as a whole (or between a CR and its LF)."""
    if i <= 0 or i >= len(text):
        return False
    pair = text[i - 1 : i + 1]
    return pair == "\r\n" or jieba.re_han_default.fullmatch(pair) is not None


def _bounds_near(text: str, at: int) -> list[int]:
    """The word offsets of `text` within `_WINDOW` of `at` (and a little beyond), as `_bounds(text)` has them, cutting
    only that much: a finding's quote in a 200,000-character measure cut the whole measure (jieba's HMM on a long run
    of unknown characters: seconds). Exact where the window's edges fall between runs, which they do in every real
    document; inside a longer run the edges are cut where they fall, `_WINDOW` from `at`."""
    a, b = max(0, at - _WINDOW), min(len(text), at + _WINDOW)
    lo, hi = max(0, a - _WINDOW), min(len(text), b + _WINDOW)
    while a > lo and _in_run(text, a):
        a -= 1
    while b < hi and _in_run(text, b):
        b += 1
    return [a + x for x in _bounds(text[a:b])]


def on_words(text: str, start: int, end: int, reach: int = 4) -> tuple[int, int]:
    """[start, end) widened to the enclosing word boundaries of `text`, by at most `reach`
    characters on each side (a quote that cuts 部门 to 部 becomes …部门; a clause stays a clause)."""
    if not text or start >= end:
        return start, end
    if len(text) <= _WHOLE:
        b = bs = _bounds(text)
    else:
        b, bs = _bounds_near(text, start), _bounds_near(text, end)
    i = bisect.bisect_right(b, start) - 1
    s = b[i] if i >= 0 else start
    j = bisect.bisect_left(bs, end)
    e = bs[j] if j < len(bs) else end
    return (s if start - s <= reach else start), (e if e - end <= reach else end)


def shorten(text: str, limit: int = 80) -> str:
    """`text` as is when short; else its head and tail, each ending on a word boundary, joined by
    an ellipsis (a reader sees where the quote starts and ends)."""
    if len(text) <= limit:
        return text
    half = (limit - len(ELLIPSIS)) // 2
    b = _bounds(text) if len(text) <= _WHOLE else _bounds_near(text, half) + _bounds_near(text, len(text) - half)
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
