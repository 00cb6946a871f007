"""How the draft would write a parent's text that a suggestion asks it to add.

A suggestion that pastes the parent's words as they stand puts back what other checks report: law-making
in a district that has none (保障行政立法), the province's own platforms and programmes (广西行政执法综合管理
监督平台, 自治区级示范创建), the parent's name and self-words (为广西…提供智力支持, 全省), its units (自治区司法厅)
and the normalised half-width (),;: in a draft written with （），；：. `in_draft_voice` writes the text as
the draft would: what is beyond the draft's level left out (beyond.py, places.is_legislation), the
parent's place and self-words turned into the draft's own, units into their counterparts at the draft's
level (rulesets/data/counterparts.yaml) and punctuation into the widths of the draft's own lines.
Read by clause_carried (and by any kind whose suggestion quotes parent text).
"""

from __future__ import annotations

import re

from engine.extract.counterparts import counterpart
from engine.extract.unitnames import Where, registry_from, text_pattern_plain
from engine.fix.edits import restyle
from engine.models import Measure
from engine.rules import places
from engine.rules.beyond import beyond_level, scope_spans
from engine.rules.kinds.base import CheckContext
from engine.rules.similarity import compact, content_words

_PARTS = re.compile(r"(?<=[,，;；。])")
_EDGE = " ,，;；、。:："
_QUOTED = re.compile(r"《[^》]*》")


_WORDING = frozenset({"legislation", "subordinate", "plan", "scope"})


def beyond(ctx: CheckContext, text: str) -> bool:
    """Text the draft's level cannot carry: a higher level's task (beyond_level.yaml), law-making, or
    wording level_scope reports (another level's plans, 各级 with nothing below, 全自治区)."""
    return (
        bool(beyond_level(ctx, text))
        or places.is_legislation(ctx, text)
        or bool(scope_spans(ctx, ctx.table("levels"), text, _WORDING))
    )


def in_draft_voice(ctx: CheckContext, text: str, m: Measure | None) -> str:
    """`text` (parent words, normalised) as the draft writing measure `m` would put it; "" when none of it
    is for the draft's level."""
    kept: list[str] = []
    for part in _PARTS.split(text):
        body = part.rstrip(_EDGE)
        if not body.strip(_EDGE):
            continue
        if beyond(ctx, body):
            body = _without_items_beyond(ctx, body)
            if not body:
                continue  # the clause is the higher level's: nothing of it to add
        kept.append(body + part[len(part.rstrip(_EDGE)) :])
    out = "".join(kept).strip(_EDGE)
    if not out:
        return ""
    out = _own_words(ctx, out)
    return restyle(out, original_text(ctx, m))


def _without_items_beyond(ctx: CheckContext, body: str) -> str:
    """An enumeration with the items the level cannot carry left out ("" if that is not enough). The
    first item holds the clause's verb: 保障行政立法、行政执法… keeps 保障 before the next item."""
    items = body.split("、") if "、" in body else []
    kept = [x for x in items if not beyond(ctx, x)]
    if len(kept) < 2 and not (kept and len(items) > 2):
        return ""
    if beyond(ctx, items[0]) and kept:
        verb = places.adaptation_residue(ctx, items[0])
        k = next((k for k in range(min(len(verb), len(kept[0])), 0, -1) if verb[-k:] == kept[0][:k]), 0)
        kept[0] = verb[: len(verb) - k] + kept[0]
    out = "、".join(kept)
    return "" if beyond(ctx, out) else out


def item_in_draft_voice(ctx: CheckContext, item: str, clause: str, m: Measure | None) -> str:
    """A left-out list item as the draft would add it: an item about what the level cannot do (保障行政
    立法 in a district) gives only its other words the draft's clause lacks (保障)."""
    if not beyond(ctx, item):
        return in_draft_voice(ctx, item, m)
    have = compact(clause)
    words = [w for w in content_words(places.adaptation_residue(ctx, item)) if w not in have]
    return restyle("".join(words), original_text(ctx, m)) if words else ""


def restyled(ctx: CheckContext, text: str, m: Measure | None) -> str:
    """`text` in the widths of the draft's own lines behind `m`."""
    return restyle(text, original_text(ctx, m))


def original_text(ctx: CheckContext, m: Measure | None) -> str:
    """The draft's own lines behind `m` (their widths are the draft's conventions), else its first lines."""
    paras = ctx.draft.paragraphs or []
    if m is not None and m.paragraphs:
        wanted = set(m.paragraphs)
        lines = [p.orig for p in paras if p.index in wanted]
        if lines:
            return "\n".join(lines)
    return "\n".join(p.orig for p in paras[:40])


def _own_words(ctx: CheckContext, text: str) -> str:
    """The parent's place names and self-words turned into the draft's; its units into their
    counterparts. Quoted titles (《…》) are names of documents and stay as written."""
    spans = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
    if spans:
        out, pos = [], 0
        for s, e in spans:
            out += [_own_words(ctx, text[pos:s]), text[s:e]]
            pos = e
        return "".join([*out, _own_words(ctx, text[pos:])])
    own = places.jurisdiction(ctx.draft)
    own_names = places.own_names(ctx.draft)
    for name in sorted(places.own_names(ctx.parent), key=len, reverse=True):
        if own and name not in own_names and name not in own:
            text = text.replace(name, own)
    table = ctx.data.get("levels") if isinstance(ctx.data, dict) else None
    words = (table or {}).get("self_words") or {} if isinstance(table, dict) else {}
    mine = words.get(places.suffix_of(places.jurisdiction(ctx.draft), ctx.draft.level), [])
    theirs = sorted({w for ws in words.values() for w in ws} - set(mine), key=len, reverse=True)
    after = table.get("not_followed_by") if isinstance(table, dict) else None  # 全市场 is no 全市
    before = table.get("not_preceded_by") if isinstance(table, dict) else None  # 健全市场 neither
    for w in theirs:  # 全省, 我市 …: every other level's self-word, as self_reference reads them
        swap = next((x for x in mine if x[:1] == w[:1]), None)
        if swap and swap != w:
            rx = (f"(?<!{before})" if before else "") + re.escape(w) + (f"(?!{after})" if after else "")
            text = re.sub(rx, swap, text)
    return _counterparts(ctx, _once(text, [*mine, own] if own else mine))


def _once(text: str, words: list[str]) -> str:
    """Two parent words that became the same own word written once: 全省、全区 in a county → 全县, not
    全县、全县."""
    for w in sorted(set(words), key=len, reverse=True):
        text = re.sub(f"{re.escape(w)}(?:[、和及与]{re.escape(w)})+", lambda _h, w=w: w, text)
    return text


def _counterparts(ctx: CheckContext, text: str) -> str:
    """Units of the parent's level named in `text`, as the draft's own counterparts (自治区司法厅 -> 区司法局)."""
    if ctx.parent is None:
        return text
    pattern = text_pattern_plain(Where.of(ctx.parent), registry_from(ctx.data if isinstance(ctx.data, dict) else {}))
    level, juris = ctx.draft.level, places.jurisdiction(ctx.draft)

    def swap(hit: re.Match[str]) -> str:
        return counterpart(hit.group(0), level, juris) or hit.group(0)

    return pattern.sub(swap, text)
