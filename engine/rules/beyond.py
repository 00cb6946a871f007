"""Which parent text belongs to a higher level than the draft's (rulesets/data/beyond_level.yaml),
or asks for the draft itself (rulesets/data/carried_by_draft.yaml).

A district that leaves out its province's regional strategy, a national system the province
connects to, or the province's own demonstration programme has adapted the plan, not dropped an
obligation. Legislation has its own table (levels.yaml) and check (places.is_legislation). A county
whose 实施方案 does not say "编制（印发）实施方案" has not dropped that either: it is that plan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from engine.extract.unitnames import Registry, Where, read_unit, registry_from, text_pattern_plain
from engine.memo import memo
from engine.models import LEVEL_RANK, Measure
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
        if _entry_matches(e, text):
            return str(e.get("id") or e["pattern"])
    rank = LEVEL_RANK.get(ctx.draft.level, -1)
    if rank < 0 or not isinstance(ctx.data, dict):
        return None
    where = Where.of(ctx.parent if ctx.parent is not None else ctx.draft)
    if rank > _above(actor_level(ctx.data, text, where)):
        return "actors"
    topic = _topic_level(ctx.data, text, ctx.remember(("beyond.topics", id(ctx.data)), lambda: _topics(ctx)))
    return "topics" if rank > _above(topic) else None


def _entry_matches(e: dict, text: str) -> bool:
    """A beyond_level entry's pattern is in `text`, and its `unless` (the lower level's part of the
    same clause: …建设和在职业院校落地实施) is not."""
    return bool(_compiled(e["pattern"]).search(text)) and not (
        e.get("unless") and _compiled(str(e["unless"])).search(text)
    )


_LEVELS = tuple(LEVEL_RANK)  # highest first
LEGISLATION_WORDS = r"立法|地方性法规|政府规章|立改废"  # words of law-making (places.is_legislation too)


def beyond_levels(data: dict, text: str, parent_level: str, where: Where | None = None,
                  measure: tuple[str, str] = ("", "")) -> tuple[list[str], str]:
    """(draft levels below `parent_level` that need not carry `text`, the reason) from the data
    tables: legislation where levels.yaml gives a level none, beyond_level.yaml's entries, a clause
    whose actor is a higher body (`actors`, units read at `where`, the parent's place) and a clause of
    a measure (`measure`: its title and text) about a higher body (`topics`). What derive writes on
    each obligation clause for a person to curate."""
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
        if _entry_matches(e, text):
            lvls = [lv for lv in (e.get("levels") or []) if lv in below or not e.get("lower_only", True)]
            found += [lv for lv in lvls if lv not in found]
            if lvls and e.get("reason"):
                reasons.append(str(e["reason"]))
    spec = table if isinstance(table, dict) else {}
    for lv_of, why in (
        (actor_level(data, text, where or Where(parent_level)), ("actors", "reason")),  # type: ignore[arg-type]
        (_topic_level(data, text, _measure_topics(data, *measure)), ("topic_reason",)),
    ):
        lvls = [lv for lv in below if LEVEL_RANK[lv] > _above(lv_of)]
        if lvls:
            found += [lv for lv in lvls if lv not in found]
            note = spec.get(why[0])
            note = note.get(why[1]) if len(why) > 1 and isinstance(note, dict) else note
            if note:
                reasons.append(str(note))
    order = {lv: i for i, lv in enumerate(_LEVELS)}
    return sorted(set(found), key=order.__getitem__), "；".join(dict.fromkeys(reasons))


# --------------------------------------------------------------------------- whose act a clause is


def _above(level: str | None) -> int:
    """The rank below which a draft does not carry a higher body's act (99: no such act)."""
    return LEVEL_RANK.get(level or "", 99)


def actor_level(data: dict, text: str, where: Where) -> str | None:
    """The level whose act `text` is, by the units it names as its actor (beyond_level.yaml `actors`,
    read with the unit registry at `where`, the place the text was written for): the first words of
    its first clause after an opener (生态环境部会同有关部门组建…: national; 由自治区司法厅…: province),
    or of a clause of approval (经生态环境部…评审通过后: asked of the levels down to two below the
    approver, the ones that submit to it). Of several units (X、Y和Z, X会同Y) the lowest level counts.
    None: no actor named first, a body located in every place (vertical, court), a unit the clause
    obeys (教育部的要求), a unit of unknown level, a later clause whose subject is the lower levels."""
    table = data.get("beyond_level") if isinstance(data, dict) else None
    spec = table.get("actors") if isinstance(table, dict) else None
    if not isinstance(spec, dict) or not text or where.level not in LEVEL_RANK:
        return None
    clauses = [c.strip() for c in re.split(r"[，,；;。：:！？]", text) if c.strip()]
    while clauses and _compiled(spec.get("time_only") or "$^").match(clauses[0]):
        clauses = clauses[1:]  # 2019年底前，生态环境部…: the actor is in the next clause
    local = _compiled(spec.get("local_subject") or "$^")
    if any(local.match(c) for c in clauses[1:]):
        return None  # 由民政部负责，各地民政部门抓好落实: the localities act in it too
    best: str | None = None
    for k, clause in enumerate(clauses):
        opener = _compiled(spec.get("opener") or "^").match(clause)
        by = opener.group("by") if opener and "by" in opener.re.groupindex else None
        approval = by == "经" and bool(_compiled(spec.get("approval") or "$^").search(clause))
        if k > 0 and not approval:
            continue
        if by == "经" and not approval:
            return None
        lv = _units_level(data, spec, clause, opener.end() if opener else 0, where)
        if lv is not None and approval:
            lv = _LEVELS[min(LEVEL_RANK[lv] + 2, len(_LEVELS) - 1)]
        if lv is not None and (best is None or LEVEL_RANK[lv] < LEVEL_RANK[best]):
            best = lv
    return best


def _units_level(data: dict, spec: dict, clause: str, pos: int, where: Where) -> str | None:
    """The lowest level of the run of unit names at `pos` (X、Y和Z, X会同Y), None if any is unknown."""
    reg = registry_from(data)
    names = _unit_pattern(where, reg)
    levels: list[int] = []
    while (u := names.match(clause, pos)) is not None:
        read = read_unit(u.group(0), where, reg)
        if (read.body is not None and read.body.kind in ("vertical", "court")) or read.branch:
            return None
        lv = where.level if read.relation == "self" else read.level
        if lv not in LEVEL_RANK:
            return None
        levels.append(LEVEL_RANK[lv])
        pos = u.end()
        joined = _compiled(spec.get("joiner") or "$^").match(clause[pos:])
        if joined is None:
            break
        pos += joined.end()
    if not levels or _compiled(spec.get("not_actor") or "$^").match(clause[pos:]):
        return None
    return _LEVELS[max(levels)]


@memo(16, copy="shared")  # one per place and registry: a compiled pattern, never changed
def _unit_pattern(where: Where, reg: Registry) -> re.Pattern[str]:
    return text_pattern_plain(where, reg)


def _topics(ctx: CheckContext) -> tuple[tuple[str, str], ...]:
    """(squashed text, level) of the parent's measures about a higher body (beyond_level.yaml `topics`)."""
    if ctx.parent is None:
        return ()
    found: list[tuple[str, str]] = []
    for m in ctx.parent.measures:
        found += _measure_topics(ctx.data, m.title, m.text)
    return tuple(found)


def _measure_topics(data: dict, title: str, text: str) -> list[tuple[str, str]]:
    table = data.get("beyond_level") if isinstance(data, dict) else None
    for t in (table.get("topics") or []) if isinstance(table, dict) and title else []:
        if t.get("level") in LEVEL_RANK and _compiled(t["title"]).search(title.strip().rstrip("。；;")):
            return [(_squash(text), str(t["level"]))]
    return []


def _topic_level(data: dict, text: str, topics: Sequence[tuple[str, str]]) -> str | None:
    """The level of the higher body whose measure holds `text`, unless `text` speaks to lower levels."""
    want = _squash(text)
    if not want or not topics:
        return None
    table = data.get("beyond_level") if isinstance(data, dict) else None
    local = table.get("topic_local") if isinstance(table, dict) else None
    if local and _compiled(str(local)).search(text):
        return None
    return next((lv for body, lv in topics if want in body), None)


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


def measure_beyond(ctx: CheckContext, ref: str | None, measure: Measure) -> tuple[str, ...]:
    """Every clause of a parent measure is a higher level's for this draft (the obligation ruleset's
    marks, derived from the tables above and curated; else the tables): 确定试点城市 (试点城市由省级有关部门
    推荐，生态环境部会同…筛选确定) leaves a county nothing to carry. A curated require_phrases keeps it.
    Legislation is not read here: a measure of law-making is still shown, as information to confirm
    (a county assists its city's law-making: 协助配合完善立法工作机制). Returns the entries that decided
    (beyond_level ids, `actors`, `topics`), in order; () when not."""
    ob = ctx.obligations.get(ref) if ref else None
    if ob is not None and ob.require_phrases:
        return ()
    if ob is not None and ob.clauses:
        texts = [cl.text for cl in ob.clauses if ctx.draft.level in cl.beyond]
        if len(texts) < len(ob.clauses):
            return ()  # a clause the ruleset (as curated) asks of this level
    else:
        from engine.extract import split_clauses

        texts = [t for t in split_clauses(measure.text or "") if len(_squash(t)) >= 6]
    ids: list[str] = []
    for t in texts:  # the tables decide each clause too (a legislation mark alone does not)
        if not (found := beyond_level(ctx, t)):
            return ()
        ids.append(found)
    return tuple(dict.fromkeys(ids))


def entry_label(data: dict, entry: str, lang: str) -> str:
    """The short reason of a beyond entry for a report (`short`/`short_en` in beyond_level.yaml), or ""."""
    table = data.get("beyond_level") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        return ""
    key = "short" if lang == "zh" else "short_en"
    if entry in ("actors", "topics"):
        node = table.get(entry) if entry == "actors" else {key: table.get("topic_" + key)}
        return str((node or {}).get(key) or "") if isinstance(node, dict) else ""
    e = next((e for e in table.get("beyond_level") or [] if str(e.get("id") or e.get("pattern")) == entry), None)
    return str(e.get(key) or "") if e else ""


def _squash(text: str) -> str:
    return re.sub(r"[\s，,。；;：:、]", "", text or "")


# --------------------------------------------------------------------------- wording beyond the level


def scope_spans(ctx: CheckContext, lv: dict, text: str, enabled: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, why) of wording in `text` the draft's level cannot write (levels.yaml): law-making
    without legislative power ("legislation"), 各级/各地 where nothing stands below ("subordinate:" and the
    phrase's `when`, no_localities or no_governments),
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
            found += [(m.start(), m.end(), f"subordinate:{when}") for m in tu.compiled(ph["pattern"]).finditer(text)
                      if not qmask[m.start()] and not _mentioned(lv, text, m.start(), m.end())]  # fmt: skip
    if "plan" in enabled:
        word_rank, rx = _plans_pattern(lv)
        tiers = tu.compiled(lv.get("build_tiers_after") or "$^")
        for m in rx.finditer(text) if rx is not None else ():
            enum = [word_rank.get(p, 9) for p in m.group("enum").split("、")]
            if qmask[m.start()] or not any(r < rank for r in enum):
                continue
            if any(r >= rank for r in enum) and tiers.search(m.group("rest")):
                continue  # a tier list that holds this level (国家、省、州、县四级…体系): its own tier of it
            found.append((m.start(), m.end(), "plan"))
    if "scope" in enabled and lv.get("higher_scopes") and rank >= 2:
        found += [(m.start(), m.end(), "scope") for m in tu.compiled(lv["higher_scopes"]).finditer(text)
                  if not qmask[m.start()]]  # fmt: skip
    return found


def _mentioned(lv: dict, text: str, s: int, e: int) -> bool:
    """The phrase at [s, e) is only mentioned, not addressed (汲取各地…教训, 各地的做法, 全国各地):
    levels.yaml `subordinate_mentioned_before` / `_after`, within its clause."""
    from engine.rules import textunits as tu

    cs, ce = tu.clause_around(text, s)
    before, after = lv.get("subordinate_mentioned_before"), lv.get("subordinate_mentioned_after")
    return bool((before and tu.compiled(before).search(text[cs:s])) or (after and tu.compiled(after).search(text[e:ce])))


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


# a part that only says when (2019年上半年, 2024年6月底前): not what the sentence asks
_WHEN = re.compile(
    r"^(到|至|在|于|从|自)?(\d{4}年)?([一二三四]季度|[上下]半年|\d{1,2}月(底|末|\d{1,2}日)?|年底|年末|底)?"
    r"(前|以前|之前|内|起|开始|以来)?$"
)


def asks_for_the_draft(ctx: CheckContext, part: str) -> bool:
    """Whether `part` (a sub-clause: the first requirement of a parent sentence) asks the lower level to
    write or issue the kind of document the draft is (试点城市负责编制…实施方案; 试点城市政府印发实施方案
    in a county's …实施方案): carried_by_draft.yaml `the_draft_itself`, its `kind` named in the title."""
    entries = ctx.table("carried_by_draft").get("the_draft_itself") or []
    title = _squash(ctx.draft.title or "")
    head = _squash(part)
    if not entries or not title or not head:
        return False
    for e in entries:
        m = _compiled(str(e["pattern"])).search(head)
        if m and m.groupdict().get("kind") and m.group("kind") in title:
            return True
    return False


def measure_asks_for_the_draft(ctx: CheckContext, measure: Measure) -> bool:
    """Every sentence of a parent measure asks for the draft itself or is a higher level's (制定实施方案: 各县负责制定…
    实施方案，明确…。2022年12月底前，各县政府印发实施方案。), one at least asking for it, and the draft is not dated after
    the measure's deadline: the draft is what it asks for. None asking (a 实施细则's article "省人力资源社会保障厅会同省医保局
    落实…", the parent's own body): whether that leaves the draft nothing to carry is `measure_beyond`'s to say."""
    from engine.extract import split_clauses

    texts = [t for t in split_clauses(measure.text or "") if len(_squash(t)) >= 6]
    if not texts:
        return False
    asked = False
    for t in texts:
        parts = [p for p in re.split(r"[，,；;。]", t) if _squash(p) and not _WHEN.match(_squash(p))]
        if parts and asks_for_the_draft(ctx, parts[0]):
            asked = True
        elif not beyond_level(ctx, t):
            return False
    due = [d.date for d in measure.deadlines if d.kind == "by-date" and d.date]
    return asked and not (due and ctx.draft_date and ctx.draft_date > max(due))
