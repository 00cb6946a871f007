"""Which parent text belongs to a higher level than the draft's (rulesets/data/beyond_level.yaml).

A district that leaves out its province's regional strategy, a national system the province
connects to, or the province's own demonstration programme has adapted the plan, not dropped an
obligation. Legislation has its own table (levels.yaml) and check (places.is_legislation).
"""

from __future__ import annotations

import re

from engine.memo import memo
from engine.models import LEVEL_RANK
from engine.rules.kinds.base import CheckContext


# compiled patterns of levels.yaml (a few dozen)
@memo(256, copy="shared")
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _lower(ctx: CheckContext) -> bool:
    if ctx.parent is None:
        return False
    a, b = LEVEL_RANK.get(ctx.draft.level, -1), LEVEL_RANK.get(ctx.parent.level, -1)
    return a >= 0 and b >= 0 and a > b


def beyond_level(ctx: CheckContext, text: str) -> str | None:
    """The id of the beyond_level entry `text` matches for this draft, or None."""
    table = ctx.data.get("beyond_level") if isinstance(ctx.data, dict) else None
    entries = table.get("beyond_level", []) if isinstance(table, dict) else []
    lower = None
    for e in entries:
        if ctx.draft.level not in (e.get("levels") or []):
            continue
        if e.get("lower_only", True):
            if lower is None:
                lower = _lower(ctx)
            if not lower:
                continue
        if _compiled(e["pattern"]).search(text):
            return str(e.get("id") or e["pattern"])
    return None


_LEVELS = tuple(LEVEL_RANK)  # highest first
LEGISLATION_WORDS = r"立法|地方性法规|政府规章|立改废"  # words of law-making (places.is_legislation too)


def beyond_levels(data: dict, text: str, parent_level: str) -> tuple[list[str], str]:
    """(draft levels below `parent_level` that need not carry `text`, the reason) from the data
    tables: legislation where levels.yaml gives a level none, and beyond_level.yaml's entries. What
    derive writes on each obligation clause for a person to curate."""
    parent_rank = LEVEL_RANK.get(parent_level, -1)
    # a parent of unknown level is still a parent: every level may be below it
    below = [lv for lv in _LEVELS if LEVEL_RANK[lv] > parent_rank] if parent_rank >= 0 else list(_LEVELS)
    levels_table = (data.get("levels") or {}) if isinstance(data, dict) else {}
    found: list[str] = []
    reasons: list[str] = []
    doing = [*(levels_table.get("legislation_doing") or []), LEGISLATION_WORDS]
    if any(_compiled(p).search(text) for p in doing):
        info = levels_table.get("levels") or {}
        no_power = [lv for lv in below if (info.get(lv) or {}).get("legislation") is False]
        if no_power:
            found += no_power
            reasons.append("本级没有立法权（levels.yaml）")
    table = data.get("beyond_level") if isinstance(data, dict) else None
    for e in (table.get("beyond_level", []) if isinstance(table, dict) else []):
        if _compiled(e["pattern"]).search(text):
            lvls = [lv for lv in (e.get("levels") or []) if lv in below or not e.get("lower_only", True)]
            found += [lv for lv in lvls if lv not in found]
            if lvls and e.get("reason"):
                reasons.append(str(e["reason"]))
    order = {lv: i for i, lv in enumerate(_LEVELS)}
    return sorted(set(found), key=order.__getitem__), "；".join(dict.fromkeys(reasons))


def marked_beyond(ctx: CheckContext, parent_ref: str | None, text: str) -> bool | None:
    """What the obligation ruleset says of this parent clause for the draft's level: True (excused),
    False (to carry), or None when the ruleset has no such clause (then the data tables decide)."""
    ob = ctx.obligations.get(parent_ref) if parent_ref else None
    if ob is None or not ob.clauses:
        return None
    want = _squash(text)
    for cl in ob.clauses:
        have = _squash(cl.text)
        if have and (have == want or have in want or want in have):
            return ctx.draft.level in cl.beyond
    return None


def _squash(text: str) -> str:
    return re.sub(r"[\s，,。；;：:、]", "", text or "")


# --------------------------------------------------------------------------- wording beyond the level


def scope_spans(ctx: CheckContext, lv: dict, text: str, enabled: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, why) of wording in `text` the draft's level cannot write (levels.yaml): law-making
    without legislative power ("legislation"), 各级/各地 where nothing stands below ("subordinate"),
    building a higher level's plan or system ("plan"), a higher level's whole area ("scope"). What
    level_scope reports, and what a suggestion must not paste (voice.py). Text inside 《》 never counts."""
    from engine.rules import textunits as tu  # light here: only those who ask about wording load it

    rank = LEVEL_RANK.get(ctx.draft.level, -1)
    info = (lv.get("levels") or {}).get(ctx.draft.level) or {}
    if rank < 0:
        return []
    qmask = tu.quoted_mask(text)
    found: list[tuple[int, int, str]] = []
    if "legislation" in enabled and info and info.get("legislation") is False:
        assist = tu.compiled(lv.get("legislation_assisting") or "$^")
        for pat in lv.get("legislation_doing") or []:
            for m in tu.compiled(pat).finditer(text):
                ss, se = tu.span_around(text, m.start())
                if not (qmask[m.start()] or assist.search(text[ss:se])):
                    found.append((m.start(), m.end(), "legislation"))
    if "subordinate" in enabled:
        no_localities, no_governments = ctx.remember(("beyond.below", id(lv)), lambda: _below(ctx, lv, rank))
        for ph in lv.get("subordinate_phrases") or []:
            when = ph.get("when", "no_localities")
            if (when == "no_localities" and not no_localities) or (when == "no_governments" and not no_governments):
                continue
            found += [(m.start(), m.end(), "subordinate") for m in tu.compiled(ph["pattern"]).finditer(text)
                      if not qmask[m.start()]]  # fmt: skip
    if "plan" in enabled:
        word_rank, rx = _plans_pattern(lv)
        for m in rx.finditer(text) if rx is not None else ():
            if not qmask[m.start()] and any(word_rank.get(p, 9) < rank for p in m.group("enum").split("、")):
                found.append((m.start(), m.end(), "plan"))
    if "scope" in enabled and lv.get("higher_scopes") and rank >= 2:
        found += [(m.start(), m.end(), "scope") for m in tu.compiled(lv["higher_scopes"]).finditer(text)
                  if not qmask[m.start()]]  # fmt: skip
    return found


def _below(ctx: CheckContext, lv: dict, rank: int) -> tuple[bool, bool]:
    """(no localities below the draft, no governments below it): a county-level plan that never names
    towns (`towns_below`) is a district of 街道 only."""
    d = ctx.draft
    whole = "\n".join([d.preamble or ""] + [m.text for m in d.measures] + [s.text for s in d.sections])
    has_towns = bool(lv.get("towns_below") and re.search(lv["towns_below"], whole))
    return rank >= 3, rank >= 4 or (rank == 3 and not has_towns)


@memo(8, copy="shared")  # keyed by the levels table's content: one per data set
def _plans_pattern_of(words: tuple[tuple[str, int], ...], verbs: str, things: str) -> re.Pattern[str] | None:
    if not words:
        return None
    alt = "|".join(re.escape(w) for w, _ in sorted(words, key=lambda x: len(x[0]), reverse=True))
    return re.compile(f"{verbs}(?:和{verbs})?(?P<enum>(?:{alt})(?:、(?:{alt}))+)(?P<rest>[^，。；、]{{0,8}}?){things}")


def _plans_pattern(lv: dict) -> tuple[dict[str, int], re.Pattern[str] | None]:
    """Level words -> rank, and the regex of an enumeration of plans of several levels (建立和完善市、区
    总体应急预案: `build_verbs`, the level words, `built_things`)."""
    word_rank: dict[str, int] = {}
    for name, info in (lv.get("levels") or {}).items():
        for w in info.get("words") or []:
            word_rank.setdefault(w, LEVEL_RANK.get(name, 9))
    verbs = lv.get("build_verbs") or "(建立|完善|制定|编制)"
    things = lv.get("built_things") or "(预案|规划|体系)"
    return word_rank, _plans_pattern_of(tuple(sorted(word_rank.items())), verbs, things)
