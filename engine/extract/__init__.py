"""Extract: what each measure obliges -- sentences, strength, responsibility, deadlines, targets.

`fill_measure` is called by parse for every Measure. Everything works on normalised text (ingest
makes brackets/digits half-width) but tolerates full-width brackets and both colon/semicolon forms.

Modules: sentences (splitting, bracket bookkeeping), responsibility (who must act), deadlines
(when), targets (how much / how often), strength (how firmly), numerals (两 -> 2), data (the
user-extendable word lists in rulesets/data/units.yaml and strength.yaml).
"""

from __future__ import annotations

from bisect import bisect_right

from engine.extract.deadlines import extract_deadlines, find_deadlines
from engine.extract.responsibility import (
    extract_responsibility,
    find_responsibility,
    is_generic_unit,
    parse_units,
)
from engine.extract.sentences import sentence_spans, split_clauses, split_sentences
from engine.extract.strength import strength_of
from engine.extract.targets import extract_targets, find_targets
from engine.models import Measure, Sentence

__all__ = [
    "extract_deadlines",
    "extract_responsibility",
    "extract_targets",
    "fill_measure",
    "find_responsibility",
    "is_generic_unit",
    "obligation_text",
    "parse_units",
    "split_clauses",
    "split_sentences",
    "strength_of",
]


def obligation_text(text: str) -> str:
    """`text` with its responsibility clause blanked out (same length, so offsets still match)."""
    found = find_responsibility(text)
    if not found:
        return text
    s, e = found.start, found.end
    return text[:s] + "".join("\n" if c == "\n" else " " for c in text[s:e]) + text[e:]


def _line_col(m: Measure, text: str, offset: int) -> tuple[int, int]:
    """Best-effort (line, column) of `offset` in the measure text.

    Exact only when the measure's paragraphs are consecutive lines and its text starts at
    (m.line, m.column); parse can recompute from Responsibility.start/end when it knows better.
    """
    if m.line <= 0:
        return 0, 0
    nl = text.count("\n", 0, offset)
    if nl == 0:
        return m.line, (m.column or 1) + offset
    return m.line + nl, offset - text.rfind("\n", 0, offset)


def fill_measure(m: Measure) -> None:
    """Fill sentences, responsibility, lead/support units, deadlines and targets from `m.text`.

    The responsibility clause stays in `m.text` but is left out of the sentences (it obliges no
    one to do anything by itself); deadlines and targets carry the index of their sentence.
    """
    text = m.text or ""
    found = find_responsibility(text)
    body = text
    if found:
        r = found.responsibility
        r.line, r.column = _line_col(m, text, found.start)
        m.responsibility = r
        m.lead_units = [u.name for u in r.lead]
        m.support_units = [u.name for u in r.support]
        s, e = found.start, found.end
        body = text[:s] + "".join("\n" if c == "\n" else " " for c in text[s:e]) + text[e:]
    else:
        m.responsibility = None
        m.lead_units = []
        m.support_units = []

    spans = sentence_spans(body)
    starts = [s for s, _ in spans]
    sentences: list[Sentence] = []
    cut = (found.start, found.end) if found else (0, 0)
    for i, (s, e) in enumerate(spans):
        if s < cut[1] and cut[0] < e:  # the clause (由X牵头…) stood inside this sentence: drop it
            stext = (text[s : cut[0]] + text[cut[1] : e]).strip().lstrip("，,、；;：: ")
        else:
            stext = body[s:e]
        words, level = strength_of(stext)
        line, col = _line_col(m, text, s)
        sentences.append(Sentence(index=i, text=stext, strength=words, level=level, line=line, column=col))
    m.sentences = sentences

    def sentence_of(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0) if starts else -1

    deadlines = []
    for s, _e, d in find_deadlines(body):
        d.sentence = sentence_of(s)
        deadlines.append(d)
    m.deadlines = deadlines
    targets = []
    for s, _e, t in find_targets(body):
        t.sentence = sentence_of(s)
        targets.append(t)
    m.targets = targets
