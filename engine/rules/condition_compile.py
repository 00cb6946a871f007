"""Compiling a `condition` expression to durable-rules JSON, and running a condition rule.

How (negation normal form, regexes evaluated beforehand by RE2 as `_re<k>` fields, the join kind's
positive regexes in durable's dialect) is told in `engine.rules.conditions`, whose docstring is the
language's reference in `plancheck rules doc`. `select` runs one rule over its facts through
`engine.rules.runtime`, the only module that talks to durable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.rules.condition_facts import FACT_TYPES, KEY, F
from engine.rules.conditions import AllOf, AnyOf, Atom, Expr, NotOf, atoms, regex_matches
from engine.rules.durable_regex import to_durable_regex


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


def compile_condition_for(fact: str, expr: Expr, types: dict[str, dict[str, F]]) -> tuple[list[Atom], dict[str, Any]]:
    """(negated regexes, durable expression) of `expr` over a fact type of `types`, for other compilers
    (the join kind) that place it inside a larger pattern; they refuse negated regexes beforehand."""
    tree = nnf(expr)
    marks = regex_negations(tree)
    return marks, _json(tree, fact, marks, types)


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
