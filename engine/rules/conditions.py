"""Custom `condition` rules: a small expression language over plain-JSON facts, compiled to durable-rules.

A condition rule picks one fact type and says what must hold (`require`: a finding for every fact
where the expression is FALSE) or what must not (`forbid`: a finding for every fact where it is
TRUE). Expressions are YAML data, never code:

    {field: lead_units, op: contains, value: 区司法局}         # an atom
    {all: [expr, ...]}   {any: [expr, ...]}   {not: expr}        # combinators

Operators: eq, ne, lt, lte, gt, gte (numbers; ISO dates and other strings compare as text),
matches (Python regex searched anywhere in a string, or in any item of a list), contains /
not_contains (a list field has / lacks the value), in / not_in (a scalar is / is not one of a list
of values), exists (an optional field is present, a list is non-empty; `value: false` negates).
Counts are fields of their own (n_lead_units, n_deadlines …), compared with the numeric operators.
A field a fact does not have (an optional one: `date` of a deadline without a date) is missing:
every comparison with a missing field is false except `ne`/`not_in`, which are true.

Compilation: the expression is put into negation normal form (durable has no `not` over one fact:
eq<->ne, lt<->gte …, contains<->not_contains as `$iany`/`$iall` with the list's count for
emptiness). A negated `matches` cannot be a durable regex (no complement), and durable's `$not`
join on the fact's own key proved unreliable (measured: it excluded nothing unless the positive
pattern also carried a non-trivial regex), so it runs in two durable passes: first one rule per
such regex marks the facts it matches (field `_re<k>`), then the main rule tests `_re<k>` false.
`require` asserts the facts and reports those the main rule did not match; `forbid` reports those
it matched. Only the one fact type the rule uses is built and asserted.

Regexes are written in Python syntax (as everywhere else in plancheck) and translated to
durable's own dialect (`%` escapes, full-string match, so wrapped as `.*(…).*`). Validated when
the ruleset is loaded; not supported there, and refused with a reason: lookarounds, back
references, negated classes ([^a]: durable matches `.*[^a]法` against no string holding an `a`
anywhere), `\\b` `\\B` `\\A` `\\Z`, `\\w` `\\W` `\\S` `\\D` (durable's classes are ASCII-only: list the
characters), inline flags other than (?i), classes of more than 256 characters (such as
[一-龥]: durable expands ranges into a fixed table and crashes), repeats above {100}, and anchors
other than a leading ^ or a trailing $. Lazy repeats (*?) are accepted and mean the same as
greedy ones for a yes/no match.

A `condition` rule's regexes are nevertheless never run by durable: its matcher stalls on patterns
such as `(a+)+$` over long text. Each distinct `matches` atom is evaluated in Python by RE2
(`engine.rules.user_regex`: Python syntax, linear time) before the facts are asserted, and stored
on each fact as a true/false field `_re<k>` that the compiled rule tests (`{_re0: true}`, or false
where the atom is negated); so there is no marking pass. A pattern RE2 cannot run is refused at load
too. The `join` kind still places its (positive) regexes in durable's dialect (`compile_condition_for`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from engine.models import AlignmentPair, ClausePair, Measure, Plan
from engine.rules.durable_regex import to_durable_regex
from engine.rules.user_regex import compile_regex

Op = Literal["eq", "ne", "lt", "lte", "gt", "gte", "matches", "contains", "not_contains", "in", "not_in", "exists"]
FactType = Literal["measure", "responsibility", "deadline", "target", "sentence", "measure_pair", "clause_pair"]
KEY = "fid"  # every fact's own unique key; never `id`/`sid` (durable's identity/state keys)

# ---------------------------------------------------------------------------- fact types

# field -> (type, optional, description). Types: str, num, bool, list (of strings).
F = tuple[str, bool, str]
_COMMON: dict[str, F] = {
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
        **_COMMON,
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
        **_COMMON,
    },
    "deadline": {
        **_MEASURE_REF,
        "text": ("str", False, "the deadline as written (2025年底前)"),
        "kind": ("str", False, "by-date, recurring, period or term"),
        "date": ("str", True, "ISO yyyy-mm-dd: the last day allowed / the period's end"),
        "start": ("str", True, "ISO start of a period"),
        "recurrence": ("str", True, "yearly … for recurring deadlines"),
        **_COMMON,
    },
    "target": {
        **_MEASURE_REF,
        "text": ("str", False, "the target as written"),
        "value": ("num", False, "the number"),
        "comparator": ("str", False, ">=, <=, ==, >, <"),
        "unit": ("str", False, "%, 个, 次 …"),
        "kind": ("str", False, "number, percent, frequency or coverage"),
        "period_years": ("num", True, "for frequencies: 每两年一次 -> 2"),
        **_COMMON,
    },
    "sentence": {
        **_MEASURE_REF,
        "index": ("num", False, "index of the sentence in its measure"),
        "text": ("str", False, "the sentence"),
        "strength": ("list", False, "obligation words found: 必须, 全面, 逐步 …"),
        "strength_level": ("str", False, "mandatory, firm, normal or soft"),
        **_COMMON,
    },
    "measure_pair": {
        "parent_item": ("str", True, "the parent measure's ref (missing for measures the draft added)"),
        "local_items": ("list", False, "refs of the draft measures carrying it"),
        "n_local_items": ("num", False, "number of draft measures carrying it"),
        "relation": ("str", False, "same, adapted, merged, split, dropped, added or general"),
        "score": ("num", False, "similarity 0..1"),
        "n_clauses_dropped": ("num", False, "parent clauses with no counterpart"),
        **_COMMON,
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
        **_COMMON,
    },
}


# ---------------------------------------------------------------------------- the language (models)


class _Expr(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Atom(_Expr):
    """One test of one field."""

    field: str = Field(description="a field of the fact type (see the fact tables)")
    op: Op = Field("eq", description="the operator")
    value: Any = Field(None, description="what to compare with; a list for in/not_in; for exists: true/false")


class AllOf(_Expr):
    all: list[Expr] = Field(min_length=1, description="every one holds")


class AnyOf(_Expr):
    any: list[Expr] = Field(min_length=1, description="at least one holds")


class NotOf(_Expr):
    not_: Expr = Field(alias="not", description="it does not hold")


def _which(v: Any) -> str:
    if isinstance(v, dict):
        for key in ("all", "any", "not"):
            if key in v:
                return f"<{key}>"
    elif isinstance(v, BaseModel):
        return {AllOf: "<all>", AnyOf: "<any>", NotOf: "<not>"}.get(type(v), "<atom>")
    return "<atom>"


Expr = Annotated[
    Union[  # noqa: UP007 - a tagged union reads better spelled out
        Annotated[Atom, Tag("<atom>")],
        Annotated[AllOf, Tag("<all>")],
        Annotated[AnyOf, Tag("<any>")],
        Annotated[NotOf, Tag("<not>")],
    ],
    Discriminator(_which),
]
AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()

Loc = tuple[str | int, ...]


def problems(fact: str, expr: Expr, loc: Loc, types: dict[str, dict[str, F]] | None = None) -> list[tuple[Loc, str]]:
    """Load-time checks the models cannot express: fields of the fact type, operator types, regexes.

    `types` defaults to the condition kind's fact types (`engine.rules.facts` passes all of them)."""
    out: list[tuple[Loc, str]] = []
    if isinstance(expr, AllOf):
        for i, e in enumerate(expr.all):
            out += problems(fact, e, (*loc, "all", i), types)
        return out
    if isinstance(expr, AnyOf):
        for i, e in enumerate(expr.any):
            out += problems(fact, e, (*loc, "any", i), types)
        return out
    if isinstance(expr, NotOf):
        return problems(fact, expr.not_, (*loc, "not"), types)
    fields = (types or FACT_TYPES)[fact]
    if expr.field not in fields:
        return [((*loc, "field"), f"fact type '{fact}' has no field '{expr.field}' (fields: {', '.join(fields)})")]
    ftype, _, _ = fields[expr.field]
    op, v = expr.op, expr.value
    here = (*loc, "value")
    if op == "exists":
        if v is not None and not isinstance(v, bool):
            out.append((here, "exists takes true or false"))
    elif op in ("contains", "not_contains"):
        if ftype != "list":
            out.append(((*loc, "op"), f"{op} needs a list field; '{expr.field}' is {ftype}"))
        elif not isinstance(v, str):
            out.append((here, f"{op} needs a string value"))
    elif op in ("in", "not_in"):
        if ftype == "list":
            out.append(((*loc, "op"), f"{op} compares one value; '{expr.field}' is a list: use contains"))
        elif not isinstance(v, list) or not v:
            out.append((here, f"{op} needs a non-empty list of values"))
        else:
            out += [((*here, i), m) for i, x in enumerate(v) if (m := _type_problem(ftype, x))]
    elif op == "matches":
        if ftype not in ("str", "list"):
            out.append(((*loc, "op"), f"matches needs a text or list field; '{expr.field}' is {ftype}"))
        elif not isinstance(v, str):
            out.append((here, "matches needs a regular expression (a string)"))
        else:
            try:
                compile_regex(v)  # the condition kind runs it on RE2
                to_durable_regex(v)  # the join kind hands it to durable
            except ValueError as e:  # UserRegexError is one
                out.append((here, str(e)))
    else:
        if ftype == "list":
            out.append(((*loc, "op"), f"{op} compares one value; '{expr.field}' is a list: use contains or n_*"))
        elif ftype == "bool" and op != "eq" and op != "ne":
            out.append(((*loc, "op"), f"'{expr.field}' is true/false: use eq or ne"))
        elif m := _type_problem(ftype, v):
            out.append((here, m))
    return out


def _type_problem(ftype: str, v: Any) -> str | None:
    ok = {
        "str": isinstance(v, str),
        "num": isinstance(v, (int, float)) and not isinstance(v, bool),
        "bool": isinstance(v, bool),
    }.get(ftype, True)
    return None if ok else f"expected a {ftype} value, got {v!r}"


# ---------------------------------------------------------------------------- compile


@dataclass(frozen=True)
class Lit:
    atom: Atom
    negated: bool


def nnf(expr: Expr, negate: bool = False) -> tuple[str, list[Any]] | Lit:
    """Negation normal form: ('and'|'or', children) trees over literals."""
    if isinstance(expr, NotOf):
        return nnf(expr.not_, not negate)
    if isinstance(expr, AllOf):
        return ("or" if negate else "and", [nnf(e, negate) for e in expr.all])
    if isinstance(expr, AnyOf):
        return ("and" if negate else "or", [nnf(e, negate) for e in expr.any])
    return Lit(expr, negate)


def regex_negations(node: Any) -> list[Atom]:
    """The distinct `matches` atoms that occur negated (they need the first durable pass)."""
    if isinstance(node, Lit):
        return [node.atom] if node.atom.op == "matches" and node.negated else []
    out: list[Atom] = []
    for c in node[1]:
        out += [a for a in regex_negations(c) if a not in out]
    return out


def regex_atoms(node: Any) -> list[Atom]:
    """The distinct `matches` atoms, in order: the condition kind evaluates each as the field `_re<k>`."""
    if isinstance(node, Lit):
        return [node.atom] if node.atom.op == "matches" else []
    out: list[Atom] = []
    for c in node[1]:
        out += [a for a in regex_atoms(c) if a not in out]
    return out


def _json(node: Any, fact: str, marks: list[Atom], types: dict[str, dict[str, F]] | None = None) -> dict[str, Any]:
    """`marks`: the regex atoms tested as `_re<k>` fields (every negated one must be among them)."""
    if isinstance(node, Lit):
        if node.atom.op == "matches" and (node.negated or node.atom in marks):
            return {f"_re{marks.index(node.atom)}": not node.negated}
        return lit_json(node, fact, types)
    op, children = node
    parts = [_json(c, fact, marks, types) for c in children]
    return parts[0] if len(parts) == 1 else {f"${op}": parts}


_NEG = {"eq": "ne", "ne": "eq", "lt": "gte", "gte": "lt", "gt": "lte", "lte": "gt", "in": "not_in",
        "not_in": "in", "contains": "not_contains", "not_contains": "contains"}
_DOP = {"lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}


def lit_json(lit: Lit, fact: str, types: dict[str, dict[str, F]] | None = None) -> dict[str, Any]:
    """One literal as a durable expression (a negated `matches` is handled by the caller)."""
    a = lit.atom
    ftype, optional, _ = (types or FACT_TYPES)[fact][a.field]
    f, v = a.field, a.value
    if a.op == "exists":
        want = (v is None or v is True) != lit.negated
        if ftype == "list":
            return {"$gt": {f"n_{f}": 0}} if want else {f"n_{f}": 0}
        return {"$ex": {f: 1}} if want else {"$nex": {f: 1}}
    if a.op == "matches":
        if lit.negated:
            raise AssertionError("a negated matches is compiled as a mark from the first pass")
        durable, icase = to_durable_regex(v)
        mt = "$imt" if icase else "$mt"
        if ftype == "list":
            return {"$iany": {f: {mt: {"$i": durable}}}}
        return {mt: {f: durable}}
    op = _NEG[a.op] if lit.negated else a.op
    if op == "contains":
        return {"$iany": {f: {"$i": v}}}
    if op == "not_contains":
        return {"$or": [{f"n_{f}": 0}, {"$iall": {f: {"$neq": {"$i": v}}}}]}
    if op == "in":
        return _or([{f: x} for x in v])
    if op == "not_in":
        test = _and([{"$neq": {f: x}} for x in v])
        return {"$or": [{"$nex": {f: 1}}, test]} if optional else test
    if op == "eq":
        return {f: v}
    if op == "ne":
        return {"$or": [{"$nex": {f: 1}}, {"$neq": {f: v}}]} if optional else {"$neq": {f: v}}
    test = {_DOP[op]: {f: v}}
    if lit.negated and optional:  # not (missing < v) is true
        return {"$or": [{"$nex": {f: 1}}, test]}
    return test


def _or(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"$or": parts}


def _and(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"$and": parts}


def compile_condition(fact: str, expr: Expr) -> tuple[list[Atom], dict[str, dict[str, Any]]]:
    """(the `matches` atoms, by k, to evaluate as `_re<k>`; the durable ruleset): its rule fires on
    exactly the facts where `expr` is TRUE once each fact carries its `_re<k>` fields."""
    tree = nnf(expr)
    regexes = regex_atoms(tree)
    return regexes, {"r_0": {"all": [{"m": _and([{"t": fact}, _json(tree, fact, regexes)])}]}}


def regex_matches(fact: dict[str, Any], atom: Atom) -> bool:
    """`matches` on one fact: a missing field matches nothing; a list matches if any item does."""
    x = fact.get(atom.field)
    if x is None:
        return False
    rx = compile_regex(atom.value)
    return any(isinstance(s, str) and rx.search(s) is not None for s in (x if isinstance(x, list) else [x]))


def compile_condition_for(fact: str, expr: Expr, types: dict[str, dict[str, F]]) -> tuple[list[Atom], dict[str, Any]]:
    """(negated regexes, durable expression) of `expr` over a fact type of `types`, for other compilers
    (the join kind) that place it inside a larger pattern; they refuse negated regexes beforehand."""
    tree = nnf(expr)
    marks = regex_negations(tree)
    return marks, _json(tree, fact, marks, types)


def evaluate(fact: dict[str, Any], expr: Expr) -> bool:
    """The same semantics in Python: the reference the compiled rules are tested against."""
    if isinstance(expr, AllOf):
        return all(evaluate(fact, e) for e in expr.all)
    if isinstance(expr, AnyOf):
        return any(evaluate(fact, e) for e in expr.any)
    if isinstance(expr, NotOf):
        return not evaluate(fact, expr.not_)
    f, op, v = expr.field, expr.op, expr.value
    present = f in fact and fact[f] is not None
    x = fact.get(f)
    if op == "exists":
        has = bool(x) if isinstance(x, list) else present
        return has == (v is None or v is True)
    if op in ("ne", "not_in") and not present:
        return True
    if not present:
        return False
    if op == "eq":
        return x == v
    if op == "ne":
        return x != v
    if op == "lt":
        return x < v
    if op == "lte":
        return x <= v
    if op == "gt":
        return x > v
    if op == "gte":
        return x >= v
    if op == "in":
        return x in v
    if op == "not_in":
        return x not in v
    if op == "contains":
        return v in x
    if op == "not_contains":
        return v not in x
    if op == "matches":
        return regex_matches(fact, expr)
    raise AssertionError(op)


def describe(expr: Expr) -> str:
    """A compact human rendering for messages: lead_units contains 区司法局 and n_deadlines >= 1."""
    if isinstance(expr, AllOf):
        return "(" + " and ".join(describe(e) for e in expr.all) + ")"
    if isinstance(expr, AnyOf):
        return "(" + " or ".join(describe(e) for e in expr.any) + ")"
    if isinstance(expr, NotOf):
        return "not " + describe(expr.not_)
    sym = {"eq": "=", "ne": "≠", "lt": "<", "lte": "≤", "gt": ">", "gte": "≥"}.get(expr.op, expr.op)
    if expr.op == "exists" and expr.value is None:
        return f"{expr.field} exists"
    return f"{expr.field} {sym} {expr.value}"


def atoms(expr: Expr) -> Iterable[Atom]:
    if isinstance(expr, AllOf):
        for e in expr.all:
            yield from atoms(e)
    elif isinstance(expr, AnyOf):
        for e in expr.any:
            yield from atoms(e)
    elif isinstance(expr, NotOf):
        yield from atoms(expr.not_)
    else:
        yield expr


# ---------------------------------------------------------------------------- facts


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
        for m in measures:
            base = {**_measure_ref(m), **common}
            if fact == "measure":
                out.append({**base, "title": m.title, "text": m.text, "lead_units": list(m.lead_units),
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


def select(fact: str, expr: Expr, mode: str, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts to report: where `expr` is TRUE (forbid) or FALSE (require), in fact order."""
    from engine.rules.runtime import engine_view, run  # the only module that talks to durable

    if not facts:
        return []
    regexes, main = compile_condition(fact, expr)
    # the rules read the fact type, the fields the expression names and their n_ counts (lit_json):
    # only those go to the engine (a measure fact carries the whole text, which most rules never read);
    # a regex's field stays here: its verdict goes instead, as _re<k>
    plain = {a.field for a in atoms(expr) if a.op != "matches"}
    keep = {"t", KEY} | {x for f in plain for x in (f, f"n_{f}")}
    sent = [
        {**{k: v for k, v in f.items() if k in keep}, **{f"_re{k}": regex_matches(seen, a) for k, a in enumerate(regexes)}}
        for f in facts
        # a regex reads the fact as the engines read its other fields (a newline is a space there)
        for seen in [{k: engine_view(v) for k, v in f.items()} if regexes else f]
    ]
    matched = {m["fact"][KEY] for m in run(main, sent)}
    want = mode == "forbid"
    return [f for f in facts if (f[KEY] in matched) == want]
