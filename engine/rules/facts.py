"""The documented fact types rules read: the stages' results as plain JSON records.

Parsing, extraction and alignment (the fuzzy parts, in code) produce these; declarative rules (the
`condition` and `join` kinds, compiled to durable-rules patterns) read them and nothing else. Each
type is a table of fields (type, optional, description) so `plancheck rules facts` can list them,
`schemas/facts.schema.json` can describe them, and rules are validated against them when loaded.

The draft-side types (measure, responsibility, deadline, target, sentence, measure_pair,
clause_pair) are the `condition` kind's own; this module adds the parent's side and the links:
`obligation` (a parent measure with its curation), `required_unit` (one unit a curated obligation
requires), `aligned` (one parent measure carried by one draft measure) and `unit` (one unit named in
a draft measure's responsibility clause). A list cannot be compared with another fact (durable has
no reference inside a list test), hence a fact per item.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from engine.models import CARRIED
from engine.rules import condition_facts as cfacts
from engine.rules import obligation_facts as oblf
from engine.rules import target_facts as tgtf

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext

F = cfacts.F

NEW_TYPES: dict[str, dict[str, F]] = {
    "obligation": {
        "ref": ("str", False, "the parent measure's unique reference ((三), 6)"),
        "label": ("str", False, "its label as printed"),
        "title": ("str", False, "its title"),
        "text": ("str", False, "its whole text"),
        "chapter_labels": ("list", False, "labels of the enclosing sections"),
        "general": ("bool", False, "a general requirement (指导思想 …), not an actionable measure"),
        "lead_units": ("list", False, "lead units the parent names"),
        "support_units": ("list", False, "supporting units the parent names"),
        "n_lead_units": ("num", False, "their number"),
        "n_support_units": ("num", False, "their number"),
        "deadline": ("str", True, "ISO date no task carrying it may pass: the curated `deadline`, else the "
                                  "parent's latest dated deadline (a measure may hold tasks with several)"),
        "earliest_deadline": ("str", True, "the parent's earliest dated deadline"),
        "curated_deadline": ("str", True, "curated: a tighter deadline (ISO date) set in the obligation ruleset"),
        "n_deadlines": ("num", False, "number of deadlines in the parent measure"),
        "n_targets": ("num", False, "number of quantified targets in the parent measure"),
        "require_units": ("list", False, "curated: units the draft must name"),
        "n_require_units": ("num", False, "their number"),
        "require_phrases": ("list", False, "curated: phrases the draft must keep"),
        "n_require_phrases": ("num", False, "their number"),
        "not_applicable": ("bool", False, "curated as not applicable at the draft's level"),
        **cfacts.COMMON,
    },
    "aligned": {
        "parent_item": ("str", False, "the parent measure's ref (join with obligation.ref)"),
        "local_item": ("str", False, "the draft measure's ref (join with measure.ref, deadline.ref …)"),
        "relation": ("str", False, "same, adapted, merged or split"),
        "score": ("num", False, "similarity 0..1"),
        **cfacts.COMMON,
    },
    "required_unit": {
        "parent_item": ("str", False, "the parent measure's ref (join with obligation.ref, aligned.parent_item)"),
        "name": ("str", False, "a unit the curated obligation requires the draft to name (require_units)"),
        "carried": ("bool", False, "the draft carries the obligation (some aligned measure in scope)"),
        "local_item": ("str", True, "the first draft measure carrying it"),
        "local_title": ("str", True, "that measure's title"),
        "local_quote": ("str", True, "that measure's responsibility clause as written, else its title"),
        "parent_title": ("str", False, "the parent measure's title"),
        "not_applicable": ("bool", False, "curated as not applicable at the draft's level"),
        **cfacts.COMMON,
    },
    "named_unit": {
        "local_item": ("str", False, "a draft measure (join with aligned.local_item)"),
        "name": ("str", False, "a required unit (require_units of any obligation) this measure names as lead or "
                           "support, or in its responsibility clause (区司法局 names 司法局)"),
        **cfacts.COMMON,
    },
    "required_phrase": {
        "parent_item": ("str", False, "the parent measure's ref (join with aligned.parent_item)"),
        "phrase": ("str", False, "a phrase the curated obligation requires the draft to keep (require_phrases)"),
        "carried": ("bool", False, "the draft carries the obligation (some aligned measure in scope)"),
        "local_item": ("str", True, "the first draft measure carrying it"),
        "not_applicable": ("bool", False, "curated as not applicable at the draft's level"),
        **cfacts.COMMON,
    },
    "kept_phrase": {
        "local_item": ("str", False, "a draft measure (join with aligned.local_item)"),
        "phrase": ("str", False, "a required phrase (require_phrases of any obligation) this measure contains, "
                             "compared without punctuation and spaces"),
        **cfacts.COMMON,
    },
    "unit": {
        "ref": ("str", False, "the draft measure's ref"),
        "role": ("str", False, "lead or support"),
        "name": ("str", False, "the unit as written (区司法局)"),
        "generic": ("bool", False, "a generic name (各有关部门) rather than a named unit"),
        "clause": ("str", False, "the responsibility clause that names it as written (a measure of several "
                   "clauses, …（A负责）…（B负责）: the first that names it)"),
        **cfacts.COMMON,
    },
}

# produced by the fuzzy pairing of parent and draft deadlines and targets (engine.rules.obligation_facts,
# engine.rules.target_facts)
PRODUCED: dict[str, dict[str, F]] = {
    name: {**fields, **cfacts.COMMON} for name, fields in (*oblf.TYPES.items(), *tgtf.TYPES.items())
}

FACT_TYPES: dict[str, dict[str, F]] = {**cfacts.FACT_TYPES, **NEW_TYPES, **PRODUCED}

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "measure": ("下级方案的一项措施", "a draft measure"),
    "responsibility": ("措施的责任分工（牵头/配合单位）", "a draft measure's responsibility clause"),
    "deadline": ("下级措施中的一个完成时限", "one deadline in a draft measure"),
    "target": ("下级措施中的一个量化指标", "one quantified target in a draft measure"),
    "sentence": ("下级措施中的一句话", "one sentence of a draft measure"),
    "measure_pair": ("上下级措施的一组对应（含缺失、新增）", "one measure pair of the alignment (dropped and added too)"),
    "clause_pair": ("上下级条款的一组对应", "one clause pair of the alignment"),
    "obligation": ("上级方案的一项义务（上级措施及校订内容）", "a parent obligation: a parent measure with its curation"),
    "aligned": ("一项上级措施由一项下级措施承接", "one parent measure carried by one draft measure"),
    "required_unit": ("校订的上级义务要求点名的一个单位（require_units）", "one unit a curated obligation requires (require_units)"),
    "required_phrase": ("校订的上级义务要求保留的一个表述（require_phrases）",
                        "one phrase a curated obligation requires the draft to keep (require_phrases)"),
    "kept_phrase": ("下级措施中出现的一个要求保留的表述", "a required phrase found in a draft measure"),
    "named_unit": ("下级措施点名的一个要求点名的单位", "a required unit a draft measure names"),
    "unit": ("下级措施责任分工中点名的一个单位", "one unit named in a draft measure's responsibility"),
    **oblf.DESCRIPTIONS,
    **tgtf.DESCRIPTIONS,
}

# where a fact points in the draft and in the parent (findings are placed there)
LOCAL_FIELD = {"measure": "ref", "responsibility": "ref", "deadline": "ref", "target": "ref", "sentence": "ref",
               "unit": "ref", "aligned": "local_item", "clause_pair": "local_item",
               "required_phrase": "local_item", "kept_phrase": "local_item", "required_unit": "local_item",
               "named_unit": "local_item", **oblf.LOCAL_FIELD, **tgtf.LOCAL_FIELD}
PARENT_FIELD = {"obligation": "ref", "aligned": "parent_item", "required_unit": "parent_item",
                "required_phrase": "parent_item", "measure_pair": "parent_item",
                "clause_pair": "parent_item", **oblf.PARENT_FIELD, **tgtf.PARENT_FIELD}


def build(fact: str, ctx: CheckContext) -> list[dict[str, Any]]:
    """The plain-JSON facts of one type for a check, in document order (draft measures in scope)."""
    if fact in cfacts.FACT_TYPES:
        pairs = list(ctx.pairs()) if fact in ("measure_pair", "clause_pair") else []
        return cfacts.build_facts(fact, ctx.draft, ctx.measures(), pairs)
    common = {"level": ctx.draft.level, "jurisdiction": ctx.draft.jurisdiction}
    out: list[dict[str, Any]] = []
    if fact == "obligation":
        out = [_obligation(ob, ctx, common) for ob in ctx.obligations.values()]
    elif fact == "aligned":
        in_scope = {m.ref for m in ctx.measures()}
        for p in ctx.pairs():
            if p.parent_item is None or p.relation not in CARRIED:
                continue
            out += [{"parent_item": p.parent_item, "local_item": ref, "relation": p.relation,
                     "score": float(p.score), **common} for ref in p.local_items if ref in in_scope]
    elif fact == "required_unit":
        carriers = _carriers(ctx)
        by_ref = {m.ref: m for m in ctx.draft.measures}
        for ob in ctx.obligations.values():
            ref = ob.ref or ob.label
            m = by_ref.get(carriers.get(ref, ""))
            r = m.responsibility if m is not None else None
            quote = (r.text if r is not None and r.text in m.text else m.title) if m is not None else None
            out += [{"parent_item": ref, "name": u, "carried": m is not None, "local_item": m.ref if m else None,
                     "local_title": m.title if m else None, "local_quote": quote or None, "parent_title": ob.title,
                     "not_applicable": _not_applicable(ob, ctx), **common} for u in ob.require_units]
    elif fact == "named_unit":
        from engine.rules.leads import names_unit  # the same fuzzy naming as the unit kinds

        names = sorted({u for ob in ctx.obligations.values() for u in ob.require_units})
        for m in ctx.measures():
            out += [{"local_item": m.ref, "name": u, **common} for u in names if names_unit([m], u)]
    elif fact == "required_phrase":
        carriers = _carriers(ctx)
        for ob in ctx.obligations.values():
            ref = ob.ref or ob.label
            first = carriers.get(ref)
            na = _not_applicable(ob, ctx)
            out += [{"parent_item": ref, "phrase": p, "carried": first is not None, "local_item": first,
                     "not_applicable": na, **common} for p in ob.require_phrases]
    elif fact == "kept_phrase":
        from engine.rules.similarity import compact  # the same normalised comparison as everywhere

        phrases = sorted({p for ob in ctx.obligations.values() for p in ob.require_phrases})
        for m in ctx.measures():
            body = compact(m.text)
            out += [{"local_item": m.ref, "phrase": p, **common} for p in phrases if compact(p) and compact(p) in body]
    elif fact in oblf.TYPES:
        out = [{**f, **common} for f in oblf.build(fact, ctx)]
    elif fact in tgtf.TYPES:
        out = [{**f, **common} for f in tgtf.build(fact, ctx)]
    elif fact == "unit":
        for m in ctx.measures():
            r = m.responsibility
            if r is None:
                continue
            named: dict[str, str] = {}
            for c in r.clauses or [r]:
                for u in (*c.lead, *c.support):
                    named.setdefault(u.name, c.text)
            for role, units in (("lead", r.lead), ("support", r.support)):
                out += [{"ref": m.ref, "role": role, "name": u.name, "generic": u.generic,
                         "clause": named.get(u.name, r.text), **common} for u in units]  # fmt: skip
    else:
        raise KeyError(fact)
    return [{"t": fact, cfacts.KEY: i, **_counts(f)} for i, f in enumerate(out)]


def _carriers(ctx: CheckContext) -> dict[str, str]:
    """parent ref -> the first draft measure (in scope, document order) that carries it."""
    order = {m.ref: i for i, m in enumerate(ctx.draft.measures)}
    in_scope = {m.ref for m in ctx.measures()}
    out: dict[str, str] = {}
    for p in ctx.pairs():
        if p.parent_item is None or p.relation not in CARRIED:
            continue
        refs = sorted((r for r in p.local_items if r in in_scope), key=lambda r: order.get(r, 0))
        if refs and p.parent_item not in out:
            out[p.parent_item] = refs[0]
    return out


def _not_applicable(ob: Any, ctx: CheckContext) -> bool:
    na = ob.not_applicable
    return bool(na and (not na.levels or ctx.draft.level in na.levels))


def _obligation(ob: Any, ctx: CheckContext, common: dict[str, Any]) -> dict[str, Any]:
    dated = sorted(d.date for d in ob.deadlines if d.kind == "by-date" and d.date)
    return {
        "ref": ob.ref or ob.label, "label": ob.label, "title": ob.title, "text": ob.text,
        "chapter_labels": list(ob.path), "general": ob.general,
        "lead_units": list(ob.lead_units), "support_units": list(ob.support_units),
        "deadline": ob.deadline or (dated[-1] if dated else None),
        "earliest_deadline": dated[0] if dated else None,
        "curated_deadline": ob.deadline,
        "n_deadlines": len(ob.deadlines), "n_targets": len(ob.targets),
        "require_units": list(ob.require_units), "require_phrases": list(ob.require_phrases),
        "not_applicable": _not_applicable(ob, ctx),
        **common,
    }


def _counts(d: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in d.items() if v is not None}
    for k, v in list(out.items()):
        if isinstance(v, list):
            out.setdefault(f"n_{k}", len(v))
    return out


def schema() -> dict[str, Any]:
    """A JSON schema of every fact type (`schemas/facts.schema.json`)."""
    json_type = {"str": {"type": "string"}, "num": {"type": "number"}, "bool": {"type": "boolean"},
                 "list": {"type": "array", "items": {"type": "string"}}}
    defs = {}
    for name, fields in FACT_TYPES.items():
        props: dict[str, Any] = {"t": {"const": name, "description": "the fact type"}}
        for f, (t, _opt, desc) in fields.items():
            props[f] = {**json_type[t], "description": desc}
        defs[name] = {
            "type": "object",
            "title": name,
            "description": DESCRIPTIONS[name][1],
            "properties": props,
            "required": ["t", *[f for f, (_t, opt, _d) in fields.items() if not opt]],
        }
    return {"title": "plancheck facts", "description": "the records declarative rules read, one per fact",
            "$defs": defs, "oneOf": [{"$ref": f"#/$defs/{n}"} for n in FACT_TYPES]}


def listing(lang: str = "zh", names: Iterable[str] | None = None) -> str:
    """`plancheck rules facts`: every fact type and its fields (? = optional)."""
    lines = []
    for name in names or FACT_TYPES:
        zh, en = DESCRIPTIONS[name]
        lines.append(f"{name}: {en if lang == 'en' else zh}")
        for f, (t, opt, desc) in FACT_TYPES[name].items():
            lines.append(f"  {f}{'?' if opt else ''} ({t}): {desc}")
    return "\n".join(lines) + "\n"
