"""Sentences and clauses of a measure, and the bracket/quote bookkeeping the other extractors share.

A sentence ends at 。！？!? or at a paragraph break (the parser joins the paragraphs of a measure with
"\\n"), but never inside a *matched* pair of brackets or quotes: “……。” and (……。) stay whole.
Unmatched openers are ignored, so one stray “ or ( cannot swallow the rest of a measure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")

OPENERS = "(（[［【〔“‘《〈「『"
CLOSERS = ")）]］】〕”’》〉」』"
PAIRS = dict(zip(OPENERS, CLOSERS, strict=True))
CLOSER_TO_OPENER = {c: o for o, c in PAIRS.items()}
SENTENCE_END = "。！？!?"
CLAUSE_END = "；;"
# a pair spanning more than this is almost certainly two unrelated marks, not a quotation
MAX_PAIR = 600
_MARK_RE = re.compile("[" + re.escape(OPENERS + CLOSERS) + "]")


def matched_pairs(text: str, openers: str = OPENERS) -> list[tuple[int, int]]:
    """(open, close) offsets of every matched bracket/quote pair in `text`.

    A closer pops the nearest opener of its own kind; openers left without a closer, and closers
    without an opener, are not pairs.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for m in _MARK_RE.finditer(text):
        ch = m.group()
        i = m.start()
        if ch in PAIRS:
            if ch in openers:
                stack.append((ch, i))
            continue
        want = CLOSER_TO_OPENER[ch]
        if want not in openers:
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == want:
                o = stack[k][1]
                del stack[k:]
                if i - o <= MAX_PAIR:
                    pairs.append((o, i))
                break
    pairs.sort()
    return pairs


def protected_mask(text: str, openers: str = OPENERS) -> bytearray:
    """1 at every offset strictly inside a matched pair (the brackets themselves are 0)."""
    mask = bytearray(len(text))
    for o, c in matched_pairs(text, openers):
        mask[o + 1 : c] = b"\x01" * (c - o - 1)
    return mask


def bracket_depths(text: str, openers: str = OPENERS, closers: str = CLOSERS) -> Iterator[int]:
    """How deep in brackets each character of `text` stands: how many of `openers` are open around it, a bracket
    counted inside its own pair (1 on the opener and the closer of an outermost pair). Any closer closes the last
    opener, of whatever kind; one with nothing open is at depth 0 and closes nothing. Unlike `matched_pairs` this
    reads a stray opener as open to the end: what a split or a mask "outside brackets" wants."""
    depth = 0
    for ch in text:
        if ch in openers:
            depth += 1
            yield depth
        elif ch in closers and depth:
            yield depth
            depth -= 1
        else:
            yield depth


def open_before(text: str, openers: str = OPENERS, closers: str = CLOSERS) -> list[int]:
    """`bracket_depths` read between the characters: [i] is how many brackets are open before offset i of
    `text`, for i from 0 to len(text) ([len(text)]: what the whole text leaves open)."""
    out = [0]
    for ch, depth in zip(text, bracket_depths(text, openers, closers), strict=True):
        out.append(depth - 1 if depth and ch in closers and ch not in openers else depth)
    return out


def closer_of(text: str, start: int, openers: str = OPENERS, closers: str = CLOSERS) -> int | None:
    """Where the bracket opening at `text[start]` closes, brackets inside it matched as `bracket_depths`
    matches them (any closer closes the last opener), or None (no opener there, or it is never closed):
    `opener_of` read forward."""
    if not 0 <= start < len(text) or text[start] not in openers:
        return None
    tail = text[start:]
    for k, (ch, depth) in enumerate(zip(tail, bracket_depths(tail, openers, closers), strict=True), start):
        if depth == 1 and ch in closers and ch not in openers:
            return k
    return None


def opener_of(text: str, end: int, openers: str = "(（", closers: str = ")）") -> int | None:
    """Where the bracket whose closer is `text[end - 1]` opens, brackets inside it matched ("（责任分工同第（五）项）"),
    or None (no closer there, or no opener for it): how a clause closing a paragraph is found, scanning back."""
    if end < 1 or text[end - 1] not in closers:
        return None
    depth = 0
    for k in range(end - 1, -1, -1):
        if text[k] in closers:
            depth += 1
        elif text[k] in openers:
            depth -= 1
            if depth == 0:
                return k
    return None


def split_outside(
    text: str, seps: str, openers: str = OPENERS, closers: str = CLOSERS, maxsplit: int = -1
) -> list[str]:
    """`text` split at any of `seps` standing outside brackets (`bracket_depths`), at most `maxsplit` times (-1: no
    limit): a note "(含X，下同)" stays in its piece; the separators are dropped."""
    parts, start = [], 0
    for i, (ch, depth) in enumerate(zip(text, bracket_depths(text, openers, closers), strict=True)):
        if depth == 0 and ch in seps:
            parts.append(text[start:i])
            start = i + 1
            if len(parts) == maxsplit:
                break
    parts.append(text[start:])
    return parts


def mask_spans(text: str, spans: list[tuple[int, int]], fill: str = "□") -> str:
    """`text` with each [start, end) span replaced by `fill` characters (offsets are kept)."""
    if not spans:
        return text
    out = list(text)
    for s, e in spans:
        for i in range(s, min(e, len(out))):
            if out[i] != "\n":
                out[i] = fill
    return "".join(out)


def title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 document titles (brackets included); years in them are not deadlines."""
    return [(o, c + 1) for o, c in matched_pairs(text, "《") if text[o] == "《"]


def quote_spans(text: str, max_len: int = 24) -> list[tuple[int, int]]:
    """Spans of short “…” quotations: slogans such as “一网通办” or “1+1+4+3+N”."""
    return [(o, c + 1) for o, c in matched_pairs(text, "“‘「『") if c - o <= max_len]


class _Inside:
    """Is an offset strictly inside a matched pair? (merged intervals + bisect)."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for o, c in pairs:  # sorted by opener
            if merged and o < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], c)
            else:
                merged.append([o, c])
        self.opens = [o for o, _ in merged]
        self.closes = [c for _, c in merged]

    def __call__(self, i: int) -> bool:
        k = bisect_right(self.opens, i - 1) - 1  # last opener < i
        return k >= 0 and i < self.closes[k]


def first_matches(
    masked: str,
    patterns: Sequence[tuple[str, re.Pattern[str]]],
    needs: Mapping[str, str],
    build: Callable[[str, re.Match[str]], T | None],
    skip_lead: str = "",
) -> list[tuple[int, int, T]]:
    """(start, end, item) of the matches of `patterns`, tried in order, none overlapping an earlier
    one, sorted by start: the shape deadlines and targets share.

    A pattern is tried only when `masked` holds one of its `needs` characters; `build` makes the item
    from the match (None: not one after all); characters in `skip_lead` (whitespace a lookbehind ate)
    are left out of the reported span.
    """
    # the spans taken, sorted: none overlaps another, so their ends are sorted too and a match overlaps
    # one of them exactly when it overlaps the last that starts before the match ends (a bisection,
    # not a scan of every span taken: a measure of thousands of deadlines was quadratic)
    taken: list[tuple[int, int]] = []
    out: list[tuple[int, int, T]] = []
    for kind, pat in patterns:
        if not any(c in masked for c in needs[kind]):
            continue
        for m in pat.finditer(masked):
            s, e = m.span()
            k = bisect_left(taken, (e, -1)) - 1  # the last span that starts before e
            if s == e or (k >= 0 and s < taken[k][1]):
                continue
            item = build(kind, m)
            if item is None:
                continue
            while s < e and masked[s] in skip_lead:
                s += 1
            insort(taken, (s, e))
            out.append((s, e, item))
    out.sort(key=lambda t: t[0])
    return out


# a trailing attribution tag: "（自然资源部、工业和信息化部指导）" right after a sentence's 。 names who
# answers for that sentence, so it ends the sentence before it and never opens the next one
_TAG_RE = re.compile(r"[(（][^()（）。；;]{2,80}?(?:指导|负责|牵头|配合|参与|落实)[)）]")


def _split_spans(text: str, ends: str, newline: bool) -> list[tuple[int, int]]:
    inside = _Inside(matched_pairs(text))
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    end_re = _END_RES[(ends, newline)]
    for m in end_re.finditer(text):
        i = m.start()
        if i < start or inside(i):
            continue
        ch = text[i]
        if ch == "\n":
            spans.append((start, i))
            start = i + 1
            continue
        end = i + 1
        # keep closing quotes that follow the mark with the sentence: 。”
        while end < n and text[end] in "”’」』" and not inside(end):
            end += 1
        tag = _TAG_RE.match(text, end)
        if tag is not None and ch in SENTENCE_END:
            end = tag.end()
            if end < n and text[end] in SENTENCE_END:
                end += 1
        spans.append((start, end))
        start = end
    spans.append((start, n))
    out = []
    for s, e in spans:
        # trim whitespace but keep offsets exact
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text`; see the module docstring."""
    return _split_spans(text, SENTENCE_END, newline=True)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text` (terminal punctuation kept, whitespace trimmed, empties dropped)."""
    return [text[s:e] for s, e in sentence_spans(text)]


def clause_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each clause: sentences, then their 分号 parts."""
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        for cs, ce in _split_spans(text[s:e], CLAUSE_END, newline=False):
            out.append((s + cs, s + ce))
    return out


def split_clauses(text: str) -> list[str]:
    """Sentences, then their 分号 (；;) parts, outside brackets and quotes.

    Commas are deliberately NOT split: in plans a comma usually joins a condition or a deadline to
    its task (“2022年年底前，全面完善……清单”), and cutting there would separate the deadline from
    the obligation it governs; 、-lists of tasks are diffed item by item by align instead.
    """
    return [text[s:e] for s, e in clause_spans(text)]


_END_RES = {
    (SENTENCE_END, True): re.compile("[" + re.escape(SENTENCE_END) + "\n]"),
    (CLAUSE_END, False): re.compile("[" + re.escape(CLAUSE_END) + "]"),
}
_WS = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """`text` without any whitespace (unit names broken over lines, '2022 年')."""
    return _WS.sub("", text)
