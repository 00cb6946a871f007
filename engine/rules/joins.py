"""Join rules: patterns over several facts linked by keys, compiled to durable-rules, run, made hits.

The `join` kind is this with its options written in a ruleset; the obligation kinds
(deadline_not_later, lead_unit_required …) are joins too, over facts their fuzzy parts produce
(engine.rules.obligation_facts), written out in rulesets/obligations.yaml or expanded from the
kinds' own options. One semantics, whatever names the rule: `JoinOptions` says what is joined and
judged, `run_join` builds the facts, runs the compiled patterns on the rules runtime and turns each
match (or each `each` fact without one) into a Hit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from engine.rules import condition_compile as ccomp
from engine.rules import condition_facts as cfacts
from engine.rules import conditions as cond
from engine.rules import facts as ft
from engine.rules.kinds.base import CheckContext, Hit, KindOptions
from engine.rules.templates import fill, template_problem, value_text

_FLIP = {"eq": "eq", "ne": "ne", "lt": "gt", "lte": "gte", "gt": "lt", "gte": "lte"}
_IDENTITY = ("ref", "parent_item", "local_item", "index", "name", "role")
_DOP = {"eq": None, "ne": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class FactPattern(_Data):
    """One fact of the join: its type, a name to refer to it by, how it links to earlier facts."""

    as_: str = Field(alias="as", pattern=r"^[a-z][a-z0-9_]*$", description="the name later parts use (o, m, d …)")
    fact: str = Field(description="a fact type (plancheck rules facts)")
    key: dict[str, str] = Field(
        default_factory=dict, description="links to earlier facts: {field: other.field}, equal values"
    )
    where: cond.Expr | None = Field(None, description="a condition on this fact alone (the condition language)")


class Compare(_Data):
    """A comparison across two facts of the join, or of one field with a value."""

    field: str = Field(description="name.field, e.g. d.date")
    op: Literal["eq", "ne", "lt", "lte", "gt", "gte"] = "eq"
    ref: str | None = Field(None, description="name.field of another fact of the join")
    value: Any = Field(None, description="a value, when there is no ref")


class JoinOptions(KindOptions):
    facts: list[FactPattern] = Field(min_length=1, description="the joined facts, in order")
    forbid: list[Compare] | None = Field(None, description="a finding for every joined tuple where all of these hold")
    require: list[Compare] | None = Field(
        None, description="a finding for every `each` fact that has NO joined tuple where all of these hold"
    )
    each: str | None = Field(None, description="with require: the name of the fact that must find a match")
    quote: str | None = Field(None, description="name.field of the draft text quoted as evidence (default: the "
                              "text of a joined deadline, target or sentence)")
    parent_quote: str | None = Field(None, description="name.field of the parent text quoted beside it")
    fields: dict[str, str] = Field(
        default_factory=dict,
        description="names for the message's placeholders: {placeholder: name.field} ({local_deadline} "
        "for d.text); every field of every joined fact is there too as {name_field} (d_text)",
    )
    key: str | None = Field(
        None,
        description="what a finding is about, for its fingerprint: a template over the placeholders "
        "(later:{d_text}); joined tuples with the same key and quote in the same draft measure, for the same "
        "parent measure, are reported once, the first. Default: the joined facts' identities",
    )

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> JoinOptions:
        if (self.require is None) == (self.forbid is None):
            raise ValueError("give exactly one of require or forbid (either may be an empty list)")
        self.raise_first_problem(info)
        return self

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        out: list[tuple[tuple[str | int, ...], str]] = []
        seen: dict[str, str] = {}
        for i, p in enumerate(self.facts):
            here: tuple[str | int, ...] = ("facts", i)
            if p.fact not in ft.FACT_TYPES:
                out.append(((*here, "fact"), f"no fact type '{p.fact}' (types: {', '.join(ft.FACT_TYPES)})"))
                continue
            if p.as_ in seen:
                out.append(((*here, "as"), f"the name '{p.as_}' is used twice"))
            for field, other in p.key.items():
                if field not in ft.FACT_TYPES[p.fact]:
                    out.append(((*here, "key", field), f"fact type '{p.fact}' has no field '{field}'"))
                elif (m := _resolve(other, seen) or _scalar(p.fact, field) or _scalar_ref(other, seen)) is not None:
                    out.append(((*here, "key", field), m))
            if p.where is not None:
                out += cond.problems(p.fact, p.where, (*here, "where"), ft.FACT_TYPES)
                if any(a.op == "matches" for a in cond.atoms(p.where)) and ccomp.regex_negations(ccomp.nnf(p.where)):
                    out.append(((*here, "where"), "a negated matches is not supported in a join; use a condition rule"))
            seen[p.as_] = p.fact
        if out:
            return out
        key = "require" if self.require is not None else "forbid"
        for j, c in enumerate(self.require if self.require is not None else self.forbid or []):
            here = (key, j)
            if (m := _resolve(c.field, seen)) is not None:
                out.append(((*here, "field"), m))
            elif c.ref is not None and (m := _resolve(c.ref, seen) or _scalar_ref(c.ref, seen)
                                        or _scalar_ref(c.field, seen)) is not None:
                out.append(((*here, "ref"), m))
            elif (c.ref is None) == (c.value is None):
                out.append((here, "give exactly one of ref or value"))
            elif c.ref is not None and c.ref.split(".")[0] == c.field.split(".")[0]:
                out.append(((*here, "ref"), "compare fields of two different facts (use where for one fact)"))
        for name in ("quote", "parent_quote"):
            value = getattr(self, name)
            if value is not None and (m := _resolve(value, seen)) is not None:
                out.append(((name,), m))
        for placeholder, value in self.fields.items():
            if not placeholder.isidentifier():
                out.append((("fields", placeholder), "a placeholder name is letters, digits and _"))
            elif (m := _resolve(value, seen)) is not None:
                out.append((("fields", placeholder), m))
        if self.key is not None and (m := template_problem(self.key)) is not None:
            out.append((("key",), m))
        if self.require is not None:
            if self.each is None or self.each not in seen:
                out.append((("each",), f"require needs each: one of {', '.join(seen)}"))
        elif self.each is not None:
            out.append((("each",), "each goes with require"))
        return out


def _resolve(dotted: str, seen: dict[str, str]) -> str | None:
    """None when `name.field` names an earlier fact's field, else the reason."""
    name, _, field = dotted.partition(".")
    if name not in seen:
        return f"'{dotted}': '{name}' is not an earlier fact of the join (earlier: {', '.join(seen) or 'none'})"
    if field not in ft.FACT_TYPES[seen[name]]:
        return f"'{dotted}': fact type '{seen[name]}' has no field '{field}'"
    return None


def _scalar(fact: str, field: str) -> str | None:
    if ft.FACT_TYPES[fact][field][0] == "list":
        return (f"'{field}' is a list: a list cannot be compared with another fact (durable-rules has no"
                " reference inside a list test); join a fact per item instead (required_unit, unit)")
    return None


def _scalar_ref(dotted: str, seen: dict[str, str]) -> str | None:
    name, _, field = dotted.partition(".")
    return _scalar(seen[name], field) if name in seen else None


def compile_join(options: JoinOptions) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the join ruleset, the `each` fact's own ruleset): durable multi-fact patterns, plain JSON.

    Each fact's pattern holds its type, its `where`, its `key` links and every comparison whose
    later side it is (a comparison is placed on the later of its two facts, flipped if needed);
    a field another fact refers to must exist there (durable crashes on a reference to a missing
    field), so it is required with $ex on its own fact — a missing field fails the join, as it
    fails every comparison. Both engines give the same matches (tests/rules/test_joins.py,
    tests/rules/test_engines.py); runtime._only_our_facts works around durable's join-test bugs.
    """
    order = {p.as_: i for i, p in enumerate(options.facts)}
    parts: dict[str, list[dict[str, Any]]] = {p.as_: [{"t": p.fact}] for p in options.facts}
    referred: dict[str, set[str]] = {p.as_: set() for p in options.facts}
    for p in options.facts:
        if p.where is not None:
            parts[p.as_].append(ccomp.compile_condition_for(p.fact, p.where, ft.FACT_TYPES)[1])
        for field, other in p.key.items():
            name, _, ofield = other.partition(".")
            parts[p.as_].append({field: {name: ofield}})
            referred[name].add(ofield)
    for c in options.require if options.require is not None else options.forbid or []:
        name, _, field = c.field.partition(".")
        if c.ref is None:
            atom = cond.Atom(field=field, op=c.op, value=c.value)
            parts[name].append(ccomp.lit_json(ccomp.Lit(atom, False), _type(options, name), ft.FACT_TYPES))
            continue
        rname, _, rfield = c.ref.partition(".")
        op = c.op
        if order[rname] > order[name]:  # put it on the later fact
            name, field, rname, rfield, op = rname, rfield, name, field, _FLIP[op]
        ref = {rname: rfield}
        # no $ex beside it: measured, durable crashed (segfault) on `$ex date` next to `$gt date o.deadline`;
        # a missing field fails the comparison anyway
        parts[name].append({field: ref} if _DOP[op] is None else {_DOP[op]: {field: ref}})
        referred[rname].add(rfield)
    for name, fields in referred.items():
        parts[name] += [g for f in sorted(fields) if (g := {"$ex": {f: 1}}) not in parts[name]]
    patterns = [{p.as_: _and(parts[p.as_])} for p in options.facts]
    each_rs: dict[str, Any] = {}
    if options.each is not None:
        p = options.facts[order[options.each]]
        own = [{"t": p.fact}]
        if p.where is not None:
            own.append(ccomp.compile_condition_for(p.fact, p.where, ft.FACT_TYPES)[1])
        each_rs = {"each": {"all": [{p.as_: _and(own)}]}}
    return {"join": {"all": patterns}}, each_rs


def _type(options: JoinOptions, name: str) -> str:
    return next(p.fact for p in options.facts if p.as_ == name)


def _and(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"$and": parts}


def run_join(ctx: CheckContext, options: JoinOptions) -> Iterator[Hit]:
    """The hits of one join in this run, in match order (rule order, then the facts' indices)."""
    from engine.rules.runtime import run

    types = list(dict.fromkeys(p.fact for p in options.facts))
    facts: list[dict[str, Any]] = []
    for t in types:
        facts += ft.build(t, ctx)
    join_rs, each_rs = compile_join(options)
    matches = run(join_rs, facts)
    en = ctx.lang == "en"
    seen: set[tuple[str | None, str | None, str, str | None]] = set()
    if options.each is None:
        for m in matches:  # the facts as built (the runtime's copies have control characters as spaces)
            hit = _hit({a: facts[f["_f"]] for a, f in m["facts"].items()}, options, en)
            if options.key is not None:
                if (hit.local_item, hit.parent_item, hit.key, hit.quote) in seen:
                    continue
                seen.add((hit.local_item, hit.parent_item, hit.key, hit.quote))
            yield hit
        return
    found = {m["facts"][options.each]["_f"] for m in matches}
    for m in run(each_rs, facts):
        f = m["facts"][options.each]
        if f["_f"] not in found:
            hit = _hit({options.each: facts[f["_f"]]}, options, en)
            if options.key is not None:
                if (hit.local_item, hit.parent_item, hit.key, hit.quote) in seen:
                    continue
                seen.add((hit.local_item, hit.parent_item, hit.key, hit.quote))
            yield hit


def _hit(bound: dict[str, dict[str, Any]], options: JoinOptions, en: bool) -> Hit:
    local = parent = None
    fields: dict[str, str] = {}
    quote = title = None
    for p in options.facts:
        f = bound.get(p.as_)
        if f is None:
            continue
        fields.update({f"{p.as_}_{k}": value_text(v) for k, v in f.items() if k not in ("t", cfacts.KEY, "_f")})
        if local is None and (lf := ft.LOCAL_FIELD.get(p.fact)) and f.get(lf):
            local = f[lf]
        if quote is None and p.fact in ("deadline", "target", "sentence"):
            quote = f.get("text")  # the draft's words the finding is about
        if p.fact == "measure":
            title = f.get("title")
        if parent is None and (pf := ft.PARENT_FIELD.get(p.fact)) and f.get(pf):
            parent = f[pf]
    if local:
        subject = f"measure {local}" if en else f"第{local}项" + (f"“{title}”" if title else "")
    elif parent:
        subject = f"parent measure {parent}" if en else f"上级第{parent}项"
    else:
        subject = "the plan" if en else "本方案"
    fields.update(subject=subject, local_item=local or "", parent_item=parent or "")
    for placeholder, dotted in options.fields.items():
        value = bound.get(dotted.partition(".")[0], {}).get(dotted.partition(".")[2])
        fields[placeholder] = "" if value is None else value_text(value)
    quote = _pick(options.quote, bound) or quote
    parent_quote = _pick(options.parent_quote, bound)
    if options.key is not None:
        return Hit(local_item=local, quote=quote, parent_item=parent, parent_quote=parent_quote, fields=fields,
                   key=fill(options.key, fields))
    # what tells the joined facts apart (two deadlines of one measure are two findings)
    key = "|".join(f"{p.as_}:" + ":".join(str(bound[p.as_][k]) for k in _IDENTITY if k in bound[p.as_])
                   for p in options.facts if p.as_ in bound)
    return Hit(local_item=local, quote=quote, parent_item=parent, parent_quote=parent_quote, fields=fields,
               key=key)


def _pick(dotted: str | None, bound: dict[str, dict[str, Any]]) -> str | None:
    if dotted is None:
        return None
    name, _, field = dotted.partition(".")
    value = bound.get(name, {}).get(field)
    return value if isinstance(value, str) and value else None


class WrittenAsJoin(KindOptions):
    """Options of an obligation kind whose rule may instead be written out as a join (its `join`
    option): one or the other, and the join's problems reported under `join`."""

    join: JoinOptions | None = None

    @model_validator(mode="after")
    def _alone(self, info: ValidationInfo) -> WrittenAsJoin:
        if self.join is not None and self.model_fields_set - {"join"}:
            raise ValueError("give either join or the kind's own options, not both")
        return self

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        return [(("join", *loc), why) for loc, why in self.join.problems()] if self.join is not None else []
