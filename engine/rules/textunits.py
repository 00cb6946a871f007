"""The draft's own words as the drafting kinds scan them.

The pieces scanned (`units`: measures without their responsibility clause, section headings with
their text, the title, the preamble), the spans inside 《》 that are someone else's words
(`quoted_mask`), the sentence or clause around a match, and where a quote stands (`position`).
self_reference, level_scope, term_consistency, duplicate_sentence and format read the draft this
way, so they agree on what the draft itself says. Nothing here writes to the context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.extract import without_responsibility
from engine.extract.sentences import bracket_depths
from engine.memo import memo
from engine.models import Measure, Paragraph, Plan, Section

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext

_FOLD = str.maketrans(
    {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？", "[": "［", "]": "］"}
)
_HALF = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")  # what _FOLD changes


def fold(text: str) -> str:
    """Half-width punctuation to full-width, one character for one, so offsets survive."""
    # translate looks every character up in the table; most texts hold none of these
    return text.translate(_FOLD) if _HALF.search(text) else text


@memo(4096, copy="shared")  # every drafting kind asks for every unit's
def quoted_mask(text: str) -> bytes:
    """1 inside 《…》 and 〈…〉 (brackets included): document titles are never the plan's own words."""
    mask = bytearray(len(text))
    if "《" not in text and "〈" not in text:
        return bytes(mask)  # nothing opens a quote: nothing is inside one
    for i, depth in enumerate(bracket_depths(text, "《〈", "》〉")):
        if depth:
            mask[i] = 1
    return bytes(mask)


_SENT_END = "。！？!?"
_CLAUSE_END = "。！？!?，,；;：:"


def span_around(text: str, i: int, ends: str = _SENT_END) -> tuple[int, int]:
    """[start, end) of the sentence (or clause, with ends=CLAUSE) around offset i."""
    s = i
    while s > 0 and text[s - 1] not in ends and text[s - 1] != "\n":
        s -= 1
    e = i
    while e < len(text) and text[e] not in ends and text[e] != "\n":
        e += 1
    return s, e


def clause_around(text: str, i: int) -> tuple[int, int]:
    return span_around(text, i, _CLAUSE_END)


def body(m: Measure) -> str:
    """The measure text without its responsibility clause (units are not the plan's words), blanked
    so offsets still match."""
    return without_responsibility(m, fill=None)


# --------------------------------------------------------------------------- units scanned


@dataclass
class TextUnit:
    """A piece of the draft a kind scans: a measure, a section (title + own text), title, preamble."""

    ref: str | None  # measure ref, section label, or None for title/preamble
    text: str
    measure: Measure | None = None
    section: Section | None = None
    line: int = 0  # where to start looking when locating a quote


def units(
    ctx: CheckContext, *, sections: bool = True, front: bool = True, strip_units: bool = True
) -> Iterator[TextUnit]:
    """Measures in scope, then (when the rule has no narrowing scope) sections, title and preamble."""
    for m in ctx.measures():
        yield TextUnit(m.ref, body(m) if strip_units else m.text, measure=m, line=m.line)
    scope = ctx.scope
    narrowed = scope is not None and bool(
        getattr(scope, "labels", None) or getattr(scope, "chapters", None) or getattr(scope, "pattern", None)
    )
    if narrowed:
        return
    if sections:
        for s in ctx.draft.sections:
            text = s.title + ("\n" + s.text if s.text else "")
            yield TextUnit(s.label, text, section=s, line=s.line)
    if front:
        if ctx.draft.title:
            yield TextUnit(None, ctx.draft.title, line=0)
        if ctx.draft.preamble:
            yield TextUnit(None, ctx.draft.preamble, line=0)


def locate(plan: Plan, quote: str, near_line: int = 0) -> tuple[int, int] | None:
    """(line, column) of `quote` in the draft's paragraphs, the first at or after `near_line`."""
    if not quote:
        return None
    paras: list[Paragraph] = plan.paragraphs
    ordered = [p for p in paras if p.line >= near_line] + [p for p in paras if p.line < near_line]
    for p in ordered:
        i = p.text.find(quote)
        if i >= 0:
            return p.line, p.column(i)
    folded = fold(quote)
    for p in ordered:
        i = fold(p.text).find(folded)
        if i >= 0:
            return p.line, p.column(i)
    return None


def position(ctx: CheckContext, unit: TextUnit, quote: str) -> tuple[int | None, int | None]:
    """Line/column for hits outside measures; measures are located by the engine from the quote."""
    if unit.measure is not None:
        return None, None
    found = locate(ctx.draft, quote, unit.line)
    return found if found else (None, None)


# --------------------------------------------------------------------------- alignment


def find_all(word: str, text: str) -> Iterator[re.Match[str]]:
    """`re.finditer(re.escape(word), text)`, without the regex when `word` is not in `text` (most
    names looked for are not there)."""
    return re.finditer(re.escape(word), text) if word in text else iter(())


def compiled(pattern: str) -> re.Pattern[str]:
    return _compiled(pattern)


@memo(1024, copy="shared")  # patterns come from rulesets too: bounded in a long-running server
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def full_width_marks(table: dict) -> dict[str, str]:
    """rulesets/data/layout.yaml `full_width_in_chinese`: a half-width mark -> the full-width form Chinese text
    writes it in (GB/T 15834—2011). The `format` and `numbering` checks both read it (a label's brackets)."""
    pairs = table.get("full_width_in_chinese") or {}
    if not isinstance(pairs, dict):
        return {}
    return {str(k): str(v) for k, v in pairs.items() if len(str(k)) == 1 and len(str(v)) == 1}
