"""What a `condition` rule sees: its fact types (field, type, optional, description) and the plain-JSON
facts of one type built from a plan, its measures and its alignment pairs.

The language the rules are written in is `engine.rules.conditions`; its compilation to durable-rules
and its run are `engine.rules.condition_compile`. `engine.rules.facts` adds the join kind's fact types
to these.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from engine.models import AlignmentPair, ClausePair, Measure, Plan
from engine.rules import leads

FactType = Literal["measure", "responsibility", "deadline", "target", "sentence", "measure_pair", "clause_pair"]
KEY = "fid"  # every fact's own unique key; never `id`/`sid` (durable's identity/state keys)

# ---------------------------------------------------------------------------- fact types

# field -> (type, optional, description). Types: str, num, bool, list (of strings).
F = tuple[str, bool, str]
COMMON: dict[str, F] = {
    "level": ("str", False, "the draft's level: national, province, city, county, town, unknown"),
    "jurisdiction": ("str", False, "the draft's jurisdiction (某某区)"),
}
_MEASURE_REF: dict[str, F] = {
    "ref": ("str", False, "the measure's unique reference (13, 26(1))"),
    "label": ("str", False, "the measure's label as printed"),
    "chapter_labels": ("list", False, "labels of the enclosing sections (五, (二))"),
    "chapter_titles": ("list", False, "titles of the enclosing sections"),
}
FACT_TYPES: dict[str, dict[str, F]] = {
    "measure": {
        **_MEASURE_REF,
        "title": ("str", False, "the measure's title (its first phrase)"),
        "text": ("str", False, "the whole measure text, normalised"),
        "lead_units": ("list", False, "lead units (牵头单位)"),
        "support_units": ("list", False, "supporting units (配合单位)"),
        "n_lead_units": ("num", False, "number of lead units"),
        "n_support_units": ("num", False, "number of supporting units"),
        "n_deadlines": ("num", False, "number of deadlines found"),
        "n_targets": ("num", False, "number of quantified targets found"),
        "n_sentences": ("num", False, "number of sentences"),
        "general": ("bool", False, "a general requirement (指导思想, 工作目标 …), not an actionable measure"),
        "by_duty": ("bool", False, "its leads share the task by duty (按职责分工负责, 分别负责, X负责A，Y负责B): "
                                   "one per field"),
        "lead_source": ("str", False, "where its units were read: clause (its own responsibility clause), fields "
                                      "(its sentences, X负责A，Y负责B) or chapter (以下各项由X牵头); none without units"),
        "lead_inherited": ("bool", False, "its units come from a chapter's clause already judged on an earlier item"),
        # who answers for it (engine.rules.leads.duty_fields), what lead_unit_required judges
        "has_lead": ("bool", False, "it names a lead unit of its own (its clause, its sentences or its chapter's)"),
        "has_support": ("bool", False, "it names a supporting unit of its own"),
        "outer_has_lead": ("bool", False, "a measure it sits in ((1) in 1., at any depth) names a lead unit"),
        "outer_has_support": ("bool", False, "a measure it sits in names a supporting unit"),
        "n_sub_measures": ("num", False, "number of its sub-measures ((1), ①)"),
        "sub_measures_have_lead": ("bool", False, "it has sub-measures and every one names a lead unit"),
        "sub_measures_have_support": ("bool", False, "it has sub-measures and every one names a supporting unit"),
        "section_names_units": ("bool", False, "some measure under the same headings names a unit (a section "
                                               "without any is the plan's way with, e.g., its safeguards)"),
        "draft_names_units": ("bool", False, "some measure of the whole draft names a unit"),
        "names_actor": ("bool", False, "its text names the body that acts: 县政府及其部门要…, 县财政加大…, "
                                       "成立由县长任组长的领导小组, 领导小组办公室设在…, X会同Y…, "
                                       "试点城市负责…, 由省级有关部门推荐"),
        "phase": ("bool", False, "its title names a phase of the work (动员部署阶段（…）, 第二阶段), not a task"),
        "in_schedule": ("bool", False, "it sits under a heading of the work schedule (实施步骤, 时间安排, 工作安排 …: "
                                       "rulesets/data/sections.yaml schedule_titles, the parser's list too)"),
        "in_safeguards": ("bool", False, "it sits under a heading of the closing safeguards (保障措施, 组织实施, 工作要求 …: "
                                         "rulesets/data/sections.yaml safeguard_titles, the parser's list too)"),
        "n_actionable": ("num", False, "measures in the rule's scope that are not general"),
        "first_actionable": ("bool", False, "it is the first of those"),
        "plan_title": ("str", False, "the draft's title (its genre: …实施方案, …管理办法)"),
        **COMMON,
    },
    "responsibility": {
        **_MEASURE_REF,
        "style": ("str", False, "how it is written: 牵头单位, 责任单位, X牵头, 方括号 …"),
        "text": ("str", False, "the responsibility clause as written"),
        "lead_units": ("list", False, "lead units"),
        "support_units": ("list", False, "supporting units"),
        "n_lead_units": ("num", False, "number of lead units"),
        "n_support_units": ("num", False, "number of supporting units"),
        "n_generic_lead_units": ("num", False, "lead units that name no one in particular (各有关部门)"),
        "detached": ("bool", False, "the clause stands in its own paragraph"),
        "by_duty": ("bool", False, "the leads share the task by duty (按职责分工负责, 分别负责, X负责A，Y负责B): "
                                   "one per field"),
        "source": ("str", False, "clause (the measure's own), fields (its sentences: X负责A，Y负责B) or chapter "
                                 "(以下各项由X牵头)"),
        "inherited": ("bool", False, "a chapter's clause already judged on an earlier item under the same heading"),
        **COMMON,
    },
    "deadline": {
        **_MEASURE_REF,
        "text": ("str", False, "the deadline as written (2025年底前)"),
        "kind": ("str", False, "by-date, recurring, period or term"),
        "date": ("str", True, "ISO yyyy-mm-dd: the last day allowed / the period's end"),
        "start": ("str", True, "ISO start of a period"),
        "recurrence": ("str", True, "yearly … for recurring deadlines"),
        **COMMON,
    },
    "target": {
        **_MEASURE_REF,
        "text": ("str", False, "the target as written"),
        "value": ("num", False, "the number"),
        "comparator": ("str", False, ">=, <=, ==, >, <"),
        "unit": ("str", False, "%, 个, 次 …"),
        "kind": ("str", False, "number, percent, frequency or coverage"),
        "period_years": ("num", True, "for frequencies: 每两年一次 -> 2"),
        **COMMON,
    },
    "sentence": {
        **_MEASURE_REF,
        "index": ("num", False, "index of the sentence in its measure"),
        "text": ("str", False, "the sentence"),
        "strength": ("list", False, "obligation words found: 必须, 全面, 逐步 …"),
        "strength_level": ("str", False, "mandatory, firm, normal or soft"),
        **COMMON,
    },
    "measure_pair": {
        "parent_item": ("str", True, "the parent measure's ref (missing for measures the draft added)"),
        "local_items": ("list", False, "refs of the draft measures carrying it"),
        "n_local_items": ("num", False, "number of draft measures carrying it"),
        "relation": ("str", False, "same, adapted, merged, split, dropped, added or general"),
        "score": ("num", False, "similarity 0..1"),
        "n_clauses_dropped": ("num", False, "parent clauses with no counterpart"),
        **COMMON,
    },
    "clause_pair": {
        "parent_item": ("str", True, "the parent measure's ref"),
        "local_item": ("str", True, "the draft measure's ref (missing when dropped)"),
        "parent_text": ("str", True, "the parent clause"),
        "local_text": ("str", True, "the draft clause"),
        "relation": ("str", False, "same, changed, dropped or added"),
        "score": ("num", False, "similarity 0..1"),
        "parent_level": ("str", False, "strength of the parent clause: mandatory, firm, normal, soft"),
        "local_level": ("str", False, "strength of the draft clause"),
        "items_dropped": ("list", False, "enumerated items of the parent clause the draft left out"),
        "n_items_dropped": ("num", False, "their number"),
        **COMMON,
    },
}


def _measure_ref(m: Measure) -> dict[str, Any]:
    return {"mid": m.ref or m.label, "ref": m.ref or m.label, "label": m.label,
            "chapter_labels": list(m.path), "chapter_titles": list(m.section_titles)}


def _lists(d: dict[str, Any]) -> dict[str, Any]:
    """Add n_<field> for every list (needed for emptiness tests) and drop missing optionals."""
    out = {k: v for k, v in d.items() if v is not None}
    for k, v in list(out.items()):
        if isinstance(v, list):
            out.setdefault(f"n_{k}", len(v))
    return out


def build_facts(
    fact: str, plan: Plan, measures: Iterable[Measure], pairs: Iterable[AlignmentPair]
) -> list[dict[str, Any]]:
    """The plain-JSON facts of one type. `measures` and `pairs` are already limited to the scope."""
    common = {"level": plan.level, "jurisdiction": plan.jurisdiction}
    out: list[dict[str, Any]] = []
    if fact in ("measure_pair", "clause_pair"):
        for i, p in enumerate(pairs):
            if fact == "measure_pair":
                out.append({"pid": f"p{i}", "parent_item": p.parent_item, "local_items": list(p.local_items),
                            "relation": p.relation, "score": float(p.score),
                            "n_clauses_dropped": sum(1 for c in p.clauses if c.relation == "dropped"), **common})
            else:
                for j, c in enumerate(p.clauses):
                    out.append(_clause_fact(p, c, f"p{i}.{j}", common))
    else:
        measures = list(measures)
        duty = leads.duty_fields(plan, measures) if fact == "measure" else []
        for i, m in enumerate(measures):
            base = {**_measure_ref(m), **common}
            if fact == "measure":
                out.append({**base, **duty[i], "plan_title": plan.title, "title": m.title, "text": m.text, "lead_units": list(m.lead_units),
                            "support_units": list(m.support_units), "n_deadlines": len(m.deadlines),
                            "n_targets": len(m.targets), "n_sentences": len(m.sentences), "general": m.general,
                            "by_duty": bool(m.responsibility and m.responsibility.by_duty),
                            "lead_source": m.responsibility.source if m.responsibility else "none",
                            "lead_inherited": bool(m.responsibility and m.responsibility.inherited)})
            elif fact == "responsibility" and m.responsibility is not None:
                r = m.responsibility
                out.append({**base, "style": r.style, "text": r.text, "lead_units": [u.name for u in r.lead],
                            "support_units": [u.name for u in r.support],
                            "n_generic_lead_units": sum(1 for u in r.lead if u.generic), "detached": r.detached,
                            "by_duty": r.by_duty, "source": r.source, "inherited": r.inherited})
            elif fact == "deadline":
                for j, d in enumerate(m.deadlines):
                    out.append({**base, "index": j, "text": d.text, "kind": d.kind, "date": d.date,
                                "start": d.start, "recurrence": d.recurrence})
            elif fact == "target":
                for j, t in enumerate(m.targets):
                    out.append({**base, "index": j, "text": t.text, "value": t.value, "comparator": t.comparator,
                                "unit": t.unit, "kind": t.kind, "period_years": t.period_years})
            elif fact == "sentence":
                for s in m.sentences:
                    out.append({**base, "index": s.index, "text": s.text, "strength": list(s.strength),
                                "strength_level": s.level})
    return [{"t": fact, KEY: i, **_lists(f)} for i, f in enumerate(out)]


def _clause_fact(p: AlignmentPair, c: ClausePair, pid: str, common: dict[str, Any]) -> dict[str, Any]:
    return {"pid": pid, "parent_item": p.parent_item, "local_item": c.local_item or (p.local_items[0] if
            p.local_items else None), "parent_text": c.parent_text, "local_text": c.local_text,
            "relation": c.relation, "score": float(c.score), "parent_level": c.parent_level,
            "local_level": c.local_level, "items_dropped": list(c.items_dropped), **common}
