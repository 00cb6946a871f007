"""Extract: what each measure obliges -- sentences, strength, responsibility, deadlines, targets.

`fill_measure` is called by parse for every Measure. Everything works on normalised text (ingest
makes brackets/digits half-width) but tolerates full-width brackets and both colon/semicolon forms.

Modules: sentences (splitting, bracket bookkeeping), responsibility (who must act), deadlines
(when), targets (how much / how often), strength (how firmly), numerals (两 -> 2), data (the
user-extendable word lists in rulesets/data/units.yaml and strength.yaml).

Decisions (details in each module's docstring):
- "前" after a year/month/day includes it: 2025年前 -> 2025-12-31, 2023年6月前 -> 2023-06-30.
- 年内 / 当年 are skipped (no anchor date); bare dates (2017年7月7日) are not deadlines.
- 各镇人民政府 / 各街道 are concrete sets of bodies, not generic units; 各有关部门, 其他…单位,
  县直各单位 are generic (rulesets/data/units.yaml).
- Clauses split at 。！？ / paragraph breaks, then ；, never at commas (deadline + task stay together).
- A group clause after several items ("（以上第1—3项任务由X牵头，Y配合）", groupclause) is none of its own
  item's facts: parse gives its units to the items it covers (engine/parse/groupleads.py).
- A measure with several responsibility clauses has their union as its units (Responsibility.clauses
  keeps each); its clause text and place are the last one's. All are cut from the sentences.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from engine.extract.deadlines import extract_deadlines, find_deadlines
from engine.extract.groupclause import trailing_group_clause
from engine.extract.responsibility import (
    PRINTED_BOLD,
    PRINTED_UNDERLINE,
    Found,
    all_responsibilities,
    apply_bracketed_support,
    apply_first_listed_leads,
    apply_marked_leads,
    apply_separated_leads,
    bare_unit_list,
    extract_responsibility,
    find_responsibility,
    is_generic_unit,
    opening_clause,
    parse_units,
    printed_bold_names,
    reads_as_unit,
    relabel,
    stated_bold_role,
    stated_lead_mark,
    stated_lead_separator,
    stated_role_labels,
    stated_support_mark,
    stated_underline_role,
    states_bracketed_support,
    states_first_listed_leads,
    trailing_units,
    union_of,
    with_text_of,
    without_responsibility,
)
from engine.extract.sentences import sentence_spans, split_clauses, split_sentences
from engine.extract.strength import strength_of
from engine.extract.targets import extract_targets, find_targets
from engine.extract.tiers import lower_tiers, tier_before
from engine.memo import memo
from engine.models import Measure, Responsibility, Sentence

__all__ = [
    "PRINTED_BOLD",
    "PRINTED_UNDERLINE",
    "apply_bracketed_support",
    "apply_first_listed_leads",
    "apply_marked_leads",
    "apply_separated_leads",
    "bare_unit_list",
    "extract_deadlines",
    "extract_responsibility",
    "extract_targets",
    "fill_measure",
    "find_responsibility",
    "is_generic_unit",
    "opening_clause",
    "parse_units",
    "printed_bold_names",
    "reads_as_unit",
    "split_clauses",
    "split_sentences",
    "stated_bold_role",
    "stated_lead_mark",
    "stated_lead_separator",
    "stated_role_labels",
    "stated_support_mark",
    "stated_underline_role",
    "states_bracketed_support",
    "states_first_listed_leads",
    "strength_of",
    "trailing_group_clause",
    "trailing_units",
    "without_responsibility",
]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each of the disjoint, sorted `spans` blanked to spaces (line breaks kept), in one pass."""
    out, pos = [], 0
    for s, e in spans:
        out += [text[pos:s], "".join("\n" if c == "\n" else " " for c in text[s:e])]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def fill_measure(m: Measure, labels: Sequence[tuple[str, str]] = ()) -> None:
    """Fill sentences, responsibility, lead/support units, deadlines and targets from `m.text`.

    The responsibility clause stays in `m.text` but is left out of the sentences (it obliges no
    one to do anything by itself); deadlines and targets carry the index of their sentence.
    Lines and columns are left at 0: only parse knows the paragraphs behind `m.text`, and it maps
    `Responsibility.start` and each sentence's text back to (line, column).

    What a text yields is kept by text (`_facts`) and shared: every fact is frozen (responsibility,
    units, sentences, deadlines, targets); parse places a sentence or a clause by a copy.
    """
    text = m.text or ""
    read = relabel(text, labels) if labels else text  # "A角：X" where the document says A角 leads (stated_role_labels)
    r, sentences, deadlines, targets = _facts(read)
    if r is not None and read != text:
        r = with_text_of(r, text)
    m.responsibility = r  # frozen facts: shared between measures and runs, never changed
    m.title = _title_without_clause(m.title, text, r)
    m.lead_units = [u.name for u in r.lead] if r else []
    m.support_units = [u.name for u in r.support] if r else []
    m.sentences = list(sentences)  # parse places each by a copy (line, column)
    m.deadlines = list(deadlines)
    m.targets = list(targets)


def _by_tier(text: str, found: list[Found]) -> list[Found]:
    """`found` with each clause whose label is qualified by a lower tier than another's (engine/extract/tiers.py)
    stepped down to support: its leads join its support, in the order printed."""
    tiers = []
    for f in found:
        got = tier_before(text, f.start)
        tiers.append(got[0] if got else None)
    if all(t is None for t in tiers):
        return found
    # a field that marks its own lead (县级责任单位：X（牵头）、Y) keeps it beside a higher tier's (tiers.py)
    marked = [bool(f.responsibility.lead) and bool(f.responsibility.support) for f in found]
    lower = lower_tiers(tiers, [bool(f.responsibility.lead) for f in found], marked)
    out = []
    for f, down in zip(found, lower, strict=True):
        r = f.responsibility
        if down and r.lead:
            r = r.model_copy(update={"lead": (), "support": (*r.lead, *(u for u in r.support if u not in r.lead))})
            f = dataclasses.replace(f, responsibility=r)
        out.append(f)
    return out


def _title_without_clause(title: str, text: str, r: Responsibility | None) -> str:
    """`title` without the responsibility clause written inside it: "全面开展宣传——X牵头，Y配合" and
    "建设设施（X负责）" are titled 全面开展宣传 and 建设设施, as a clause after the body leaves the title alone. The
    title must open `text` and keep two characters at least; else it stays as printed."""
    if r is None or not title or not text.startswith(title):
        return title
    spans = [(c.start, c.end) for c in (*(r.clauses or ()), r) if 0 <= c.start < c.end <= len(title)]
    if not spans:
        return title
    kept, pos = [], 0
    for s, e in sorted(set(spans)):
        if s < pos:
            return title  # overlapping clauses: leave the title as printed
        kept.append(title[pos:s])
        pos = e
    kept.append(title[pos:])
    out = "".join(kept).strip(" 　。；;，,")
    return out if len(out) >= 2 else title


@memo(4096, copy="shared")  # a pure function of the text: drafts repeat their parent's measures
def _facts(text: str) -> tuple:
    """(responsibility, sentences, deadlines, targets) of a measure text; never handed out as they
    are (fill_measure copies each object and each list in it)."""
    group = trailing_group_clause(text)
    own = _blank(text, [(group.start, group.end)]) if group else text  # (以上第1—3项任务由X牵头): no clause of its own
    found_all = all_responsibilities(own)  # the whole measure: its last sentence may say who, in prose
    body = own
    cuts: list[tuple[int, int]] = []
    responsibility = None
    if len(found_all) > 1:
        found_all = _by_tier(own, found_all)  # 镇直责任单位：X（牵头）… / 村级责任主体：各村: the lower tier supports
    if found_all:
        responsibility = found_all[0].responsibility
        # several clauses, each after its own sentences (…（A负责）…（B负责）, or sub-items' (1)…(责任单位:A)
        # (2)…(责任单位:B)): all are cut out of the sentences, and the measure's units are their union
        cuts = sorted((f.start, f.end) for f in found_all)  # disjoint: each ends before the next begins
        body = _blank(own, cuts)
        earlier = [f.responsibility for f in found_all[1:]]
        if earlier:
            clauses = (*reversed(earlier), responsibility)
            lead, support = union_of(clauses)
            # each clause answers for its own sentences: a division of labour, like 按职责分工负责
            responsibility = responsibility.model_copy(
                update={"lead": lead, "support": support, "clauses": clauses, "by_duty": True}
            )

    spans = sentence_spans(body)
    starts = [s for s, _ in spans]
    cut_starts = [cs for cs, _ in cuts]
    cut_ends = [ce for _, ce in cuts]
    sentences: list[Sentence] = []
    for i, (s, e) in enumerate(spans):
        stext = body[s:e]
        # the clauses this sentence overlaps (cuts are disjoint and sorted: their ends are sorted too)
        inner = [(max(cs, s), min(ce, e)) for cs, ce in cuts[bisect_right(cut_ends, s) : bisect_left(cut_starts, e)]]
        if inner:  # a clause (由X牵头…) stood inside this sentence: close the gap
            parts, pos = [], s
            for cs, ce in sorted(inner):
                parts.append(text[pos:cs])
                pos = ce
            parts.append(text[pos:e])
            stext = "".join(parts).strip().lstrip("，,、；;：: ") or stext
        words, level = strength_of(stext)
        sentences.append(Sentence(index=i, text=stext, strength=words, level=level))

    def sentence_of(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0) if starts else -1

    deadlines = []
    for s, _e, d in find_deadlines(body):
        deadlines.append(d.model_copy(update={"sentence": sentence_of(s)}))  # facts are frozen
    # a deadline written inside the clause (（责任单位：X；完成时限：2027年6月底前）, （X牵头，Y配合，2028年底前完成）) is the
    # task's, that of the sentence the clause closes: the clause is cut from the sentences, not its date
    for cs, ce in cuts:
        for _s, _e, d in find_deadlines(own[cs:ce]):
            deadlines.append(d.model_copy(update={"sentence": sentence_of(cs)}))
    if cuts:
        deadlines.sort(key=lambda d: d.sentence)
    targets = []
    for s, _e, t in find_targets(body):
        targets.append(t.model_copy(update={"sentence": sentence_of(s)}))
    return responsibility, tuple(sentences), tuple(deadlines), tuple(targets)
