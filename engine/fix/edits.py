"""From a kind's proposed `Edit` to a `TextEdit` of the original document."""

from __future__ import annotations

import itertools

from engine.ingest.normalise import in_script_of
from engine.models import Fix, Paragraph, Plan, TextEdit
from engine.rules.kinds.base import Edit

# half-width punctuation the normaliser produces -> the full-width form Chinese documents use
_FULL = {"(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "+": "＋", "%": "％"}


def restyle(replacement: str, context: str) -> str:
    """`replacement` (normalised text) in the conventions of the original `context`: a half-width mark
    becomes full-width where the context writes it full-width and never half-width; simplified
    characters become traditional where the context is written in traditional characters."""
    replacement = in_script_of(replacement, context)
    out = []
    for ch in replacement:
        full = _FULL.get(ch)
        if full is not None and full in context and ch not in context:
            out.append(full)
        else:
            out.append(ch)
    return "".join(out)


def _orig_cols(p: Paragraph, start: int, end: int) -> tuple[int, int]:
    """0-based [a, b) in p.orig behind normalised [start, end) (insertion when start == end)."""
    if start >= end:
        a = p.column(start) - 1 if start < len(p.text) else (p.column(len(p.text) - 1) if p.text else 0)
        return a, a
    return p.column(start) - 1, p.column(end - 1)


def resolve(
    plan: Plan, para: Paragraph | None, quote_start: int, edits: tuple[Edit, ...], description: str
) -> Fix | None:
    """The kind's edits as original-file edits, or None when one of them cannot be placed exactly
    (a fix that cannot be placed is never guessed)."""
    if not edits:
        return None
    by_line = {p.line: p for p in plan.paragraphs}
    out: list[TextEdit] = []
    for e in edits:
        if e.frame == "orig":
            p = by_line.get(e.line)
            if p is None or not (0 <= e.start <= e.end <= len(p.orig)):
                return None
            a, b, repl = e.start, e.end, e.replacement
        else:
            if para is None or quote_start < 0:
                return None
            s, t = quote_start + e.start, quote_start + e.end
            if not (0 <= s <= t <= len(para.text)):
                return None
            p = para
            a, b = _orig_cols(p, s, t)
            repl = restyle(e.replacement, p.orig)
        original = p.orig[a:b]
        if original == repl:
            continue
        # only what differs: 法治城中、法治政府 -> 法治国家、法治政府 edits 城中 alone
        k = 0
        while k < min(len(original), len(repl)) and original[k] == repl[k]:
            k += 1
        m = 0
        while m < min(len(original), len(repl)) - k and original[-1 - m] == repl[-1 - m]:
            m += 1
        a, b = a + k, b - m
        original, repl = original[k : len(original) - m], repl[k : len(repl) - m]
        out.append(TextEdit(line=p.line, column=a + 1, end_column=b + 1, original=original, replacement=repl))
    if not out:
        return None
    out.sort(key=lambda x: (x.line, x.column))
    for x, y in itertools.pairwise(out):
        if x.line == y.line and y.column < x.end_column:
            return None  # overlapping edits: not one exact remedy
    return Fix(description=description, edits=out)
