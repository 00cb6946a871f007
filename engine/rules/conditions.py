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
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from engine.rules.condition_facts import FACT_TYPES, F
from engine.rules.durable_regex import to_durable_regex
from engine.rules.user_regex import compile_regex

Op = Literal["eq", "ne", "lt", "lte", "gt", "gte", "matches", "contains", "not_contains", "in", "not_in", "exists"]

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


def regex_matches(fact: dict[str, Any], atom: Atom) -> bool:
    """`matches` on one fact: a missing field matches nothing; a list matches if any item does."""
    x = fact.get(atom.field)
    if x is None:
        return False
    rx = compile_regex(atom.value)
    return any(isinstance(s, str) and rx.search(s) is not None for s in (x if isinstance(x, list) else [x]))


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
