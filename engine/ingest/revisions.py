"""Revision marks printed in a revised draft's text, read as if the revisions were accepted.

A 征求意见稿修改稿 or 送审稿 published as text shows what changed since the last draft with marks in 【】 (rulesets/data/
drafts.yaml `revision_marks`): 【删除：县财政局、】 holds deleted words, 【新增】 stands before added ones, 【新增：X】 holds
them. Read as printed, a deleted unit is a unit of the measure and the mark a part of the unit's name; accepted, the
deleted span is no text of the plan and an added one is, without its mark — as a .docx's tracked changes are read
(engine/ingest/readers.py). A deletion may run over several lines (a whole former measure: 【删除：原（五）…（…牵头）】 on a
line of its own, or over two): it ends at the first closing bracket, provided one comes within `SPAN_LINES` lines; a
mark that never closes is left as written. A mark quoted in a legend ("“【新增】”后为新增内容") is the legend's word, kept.

Columns stay those of the original line: the text kept keeps its own.
"""

from __future__ import annotations

import re

from engine.extract.data import read_data
from engine.memo import memo

SPAN_LINES = 12  # a deletion open over more lines than this is no mark that closes: left as written
_OPEN = "【[〔"
_CLOSE = "】]〕"
_QUOTE_OPEN = "“‘\"「『"
_QUOTE_CLOSE = "”’\"」』"


@memo(1, copy="shared")  # compiled once from the one file
def _marks() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a deletion's opening: 【删除：; an addition holding its text: 【新增：X】; an addition's tag alone: 【新增】)."""
    raw = (read_data("drafts.yaml", required=True) or {}).get("revision_marks") or {}

    def alt(key: str) -> str:
        words = sorted((str(w) for w in raw.get(key) or ()), key=len, reverse=True)
        return "|".join(map(re.escape, words)) or "(?!)"

    deleted, added = alt("deleted"), alt("added")
    opens, closes = re.escape(_OPEN), re.escape(_CLOSE)
    return (
        re.compile(rf"[{opens}]\s*(?:{deleted})\s*[:：]"),
        re.compile(rf"[{opens}]\s*(?:{added})\s*[:：](?P<kept>[^{opens}{closes}]*)[{closes}]"),
        re.compile(rf"[{opens}]\s*(?:{added})\s*[{closes}]"),
    )


def _quoted(text: str, a: int, b: int) -> bool:
    return a > 0 and text[a - 1] in _QUOTE_OPEN and b < len(text) and text[b] in _QUOTE_CLOSE


Line = tuple[str, list[int]]


def accept(lines: list[Line]) -> tuple[list[Line], bool]:
    """`lines` (text, columns) with their revision marks accepted, and whether there were any. A line left empty (a
    deleted measure on a line of its own) is returned empty."""
    if not any(c in text for text, _ in lines for c in _OPEN):
        return lines, False
    opening, holding, tag = _marks()
    out = list(lines)
    changed = False
    k = 0
    while k < len(out):
        text, cols = out[k]
        keep = [True] * len(text)
        pos = 0
        carried: list[int] = []
        while True:
            m = opening.search(text, pos)
            if m is None:
                break
            close = _close_in(text, m.end())
            if close is not None:
                if not _quoted(text, m.start(), close + 1):
                    keep[m.start() : close + 1] = [False] * (close + 1 - m.start())
                pos = close + 1
                continue
            ends = _closes_below(out, k)  # the deletion goes on over the next lines
            if ends is None:
                break
            keep[m.start() :] = [False] * (len(text) - m.start())
            carried = ends
            break
        for m in holding.finditer(text):
            if not _quoted(text, m.start(), m.end()):
                keep[m.start() : m.start("kept")] = [False] * (m.start("kept") - m.start())
                keep[m.end() - 1] = False
        for m in tag.finditer(text):
            if not _quoted(text, m.start(), m.end()):
                keep[m.start() : m.end()] = [False] * (m.end() - m.start())
        if not all(keep):
            out[k] = _kept(text, cols, keep)
            changed = True
        if carried:
            j, close = carried
            for i in range(k + 1, j):
                out[i] = ("", [])
            rest_text, rest_cols = out[j]
            out[j] = _kept(rest_text, rest_cols, [i > close for i in range(len(rest_text))])
            k = j  # the rest of the closing line is read for marks of its own
            continue
        k += 1
    return out, changed


def _close_in(text: str, at: int) -> int | None:
    """Where the mark opened before `at` closes on its line (the first closing bracket), or None."""
    for i in range(at, len(text)):
        if text[i] in _CLOSE:
            return i
        if text[i] in _OPEN:
            return None  # another mark opens first: this one is no mark
    return None


def _closes_below(lines: list[Line], k: int) -> list[int] | None:
    """[line, column] of the closing bracket of a deletion left open at the end of line `k`, within `SPAN_LINES` lines
    and before any other mark opens; None when there is none."""
    for j in range(k + 1, min(k + 1 + SPAN_LINES, len(lines))):
        text = lines[j][0]
        for i, ch in enumerate(text):
            if ch in _CLOSE:
                return [j, i]
            if ch in _OPEN:
                return None
    return None


def _kept(text: str, cols: list[int], keep: list[bool]) -> Line:
    kept_text = "".join(ch for ch, k in zip(text, keep, strict=True) if k)
    kept_cols = [c for c, k in zip(cols, keep, strict=True) if k]
    start = len(kept_text) - len(kept_text.lstrip())
    end = len(kept_text.rstrip())
    return kept_text[start:end], kept_cols[start:end]
