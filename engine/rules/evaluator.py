"""The compiled rule patterns evaluated in Python, with durable-rules' semantics (no durable import).

durable-rules (a C Rete engine) does not import on Python 3.13+; `engine.rules.runtime` runs the same
JSON rulesets here instead. The semantics are durable's, as measured against it (the differential
tests in tests/rules/test_engines.py run every shipped, example and test rule through both):

- a rule is `{"all": [{alias: expr}, ...]}`; it fires once for every tuple of pairwise DISTINCT facts
  (a fact never joins with itself) where each fact satisfies its alias's expression, given the facts
  bound to the earlier aliases (`{field: {alias: other_field}}` refers to one of them);
- `{field: v}` equality, `{"$neq"|"$lt"|"$lte"|"$gt"|"$gte": {field: v}}`, `{"$ex"|"$nex": {field: 1}}`,
  `{"$mt"|"$imt": {field: regex}}` (durable's dialect, whole-string match; `$imt` folds ASCII case
  only), `{"$iany"|"$iall": {field: item_expr}}` with `$i` the item (false on an empty list),
  `{"$and"|"$or": [...]}` (references only outside `$or`: durable drops the other branches);
- a missing field fails every test but `$nex`; a null equals only null; a list compares with nothing;
  strings compare by code point, numbers (booleans are 0/1) numerically.

Outside that domain durable gives answers that are artefacts of its C implementation (a number
compared with a string, several keys in one test, a reference to a field the other fact lacks, which
crashes it): the compilers never emit those, and this evaluator raises instead of guessing. Strings
reach both engines with control characters as spaces (`runtime.run`), so `.` and `%s` agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from engine.memo import memo

Match = dict[str, Any]
_MISSING = object()
_CMP = ("$neq", "$lt", "$lte", "$gt", "$gte")


class PatternError(ValueError):
    """A pattern outside the domain both engines agree on (a compiler bug, not a user error)."""


def run(ruleset_json: dict[str, dict[str, Any]], facts: list[dict[str, Any]]) -> list[Match]:
    """One match per firing: `{"rule": name, "facts": {alias: fact}}`, rules in order, tuples by index."""
    out: list[Match] = []
    for name, rule in ruleset_json.items():
        patterns = rule.get("all")
        if not isinstance(patterns, list) or set(rule) - {"all", "run"} or not patterns:
            raise PatternError(f"rule {name}: only 'all' patterns are supported")
        aliases = []
        for p in patterns:
            if not isinstance(p, dict) or len(p) != 1 or next(iter(p)).startswith("$"):
                raise PatternError(f"rule {name}: each pattern is one {{alias: expression}}")
            aliases.append(next(iter(p.items())))
        for bound in _tuples(aliases, facts, {}, set()):
            out.append({"rule": name, "facts": dict(bound)})
    return out


def _tuples(aliases: list[tuple[str, Any]], facts: list[dict[str, Any]], bound: dict[str, dict[str, Any]],
            used: set[int]) -> Iterator[dict[str, dict[str, Any]]]:
    if len(bound) == len(aliases):
        yield bound
        return
    alias, expr = aliases[len(bound)]
    for i, fact in enumerate(facts):
        if i in used or not test(expr, fact, bound):
            continue
        used.add(i)
        yield from _tuples(aliases, facts, {**bound, alias: fact}, used)
        used.discard(i)


def test(expr: Any, fact: dict[str, Any], bound: dict[str, dict[str, Any]]) -> bool:
    """Whether `fact` satisfies one alias's expression, references resolved in `bound`."""
    if not isinstance(expr, dict) or len(expr) != 1:
        raise PatternError(f"an expression is a one-key object, got {expr!r}")
    (key, arg), = expr.items()
    if key in ("$and", "$or"):
        if not isinstance(arg, list) or not arg:
            raise PatternError(f"{key} takes a non-empty list")
        if key == "$or" and refers(arg):
            # measured: durable drops the other branches of an $or that holds a join reference
            raise PatternError("a reference to another fact inside $or")
        parts = (test(e, fact, bound) for e in arg)
        return all(parts) if key == "$and" else any(parts)
    if key in ("$ex", "$nex"):
        field = _one_field(arg)
        return (field in fact) == (key == "$ex")
    if key in ("$mt", "$imt"):
        field = _one_field(arg)
        x = fact.get(field, _MISSING)
        pattern = _value(arg[field], bound)
        if x is _MISSING or not isinstance(x, str):
            if x is _MISSING or x is None:
                return False
            raise PatternError(f"{key} over a non-string field {field!r}")
        return linear_regex(pattern, key == "$imt").fullmatch(x) is not None
    if key in ("$iany", "$iall"):
        field = _one_field(arg)
        x = fact.get(field, _MISSING)
        if x is _MISSING or x is None:
            return False
        if not isinstance(x, list):
            raise PatternError(f"{key} over a non-list field {field!r}")
        hits = (test(arg[field], {"$i": item}, bound) for item in x)
        return bool(x) and (any(hits) if key == "$iany" else all(hits))
    if key in _CMP:
        field = _one_field(arg)
        return compare(key, fact.get(field, _MISSING), _value(arg[field], bound))
    if key.startswith("$") and key != "$i":
        raise PatternError(f"operator {key} is not supported")
    return compare("$eq", fact.get(key, _MISSING), _value(arg, bound))


def refers(node: Any) -> bool:
    """Whether a reference `{alias: field}` occurs in `node` (a value that is a one-key object)."""
    if isinstance(node, list):
        return any(refers(x) for x in node)
    if not isinstance(node, dict):
        return False
    for key, arg in node.items():
        if _is_ref(arg) and not key.startswith("$"):
            return True  # {field: {alias: other_field}}
        if isinstance(arg, (dict, list)) and refers(arg):
            return True
    return False


def _is_ref(v: Any) -> bool:
    if not isinstance(v, dict) or len(v) != 1:
        return False
    (alias, field), = v.items()
    return not alias.startswith("$") and isinstance(field, str)


def _one_field(arg: Any) -> str:
    if not isinstance(arg, dict) or len(arg) != 1:
        raise PatternError(f"an operator takes one {{field: value}}, got {arg!r}")
    return next(iter(arg))


def _value(v: Any, bound: dict[str, dict[str, Any]]) -> Any:
    """A literal, or the field of an earlier alias's fact (`{alias: field}`)."""
    if isinstance(v, dict):
        if len(v) != 1:
            raise PatternError(f"a reference is one {{alias: field}}, got {v!r}")
        (alias, field), = v.items()
        if alias not in bound:
            raise PatternError(f"reference to alias {alias!r}, which is not bound before this pattern")
        if field not in bound[alias]:
            # durable crashes the process on this (measured: free(): invalid pointer)
            raise PatternError(f"reference to field {field!r}, which fact {alias!r} lacks")
        return bound[alias][field]
    return v


def compare(op: str, x: Any, y: Any) -> bool:
    """durable's comparison of a fact's value `x` (or _MISSING) with `y`."""
    if x is _MISSING:
        return False
    if x is None:
        return op == "$eq" and y is None
    if y is None:
        return op == "$neq"
    if isinstance(x, list) or isinstance(y, list):
        return False
    if isinstance(x, str) != isinstance(y, str):
        raise PatternError(f"comparing {x!r} with {y!r}: durable's answer across types is not defined")
    if op == "$eq":
        return x == y
    if op == "$neq":
        return x != y
    if op == "$lt":
        return x < y
    if op == "$lte":
        return x <= y
    if op == "$gt":
        return x > y
    return x >= y


# compiled programs (immutable); the patterns of the loaded rulesets, bounded for a server
@memo(1024, copy="shared")
def linear_regex(durable: str, ignore_case: bool = False) -> Any:
    """The durable-dialect pattern as a linear-time RE2 program (user regexes of join and condition
    rules must not backtrack catastrophically: `(a+)+$` on a long field); Python's `re` only where
    RE2 refuses the translated pattern (durable's dialect has no lookarounds, so in practice never)."""
    from engine.rules.user_regex import UserRegexError, compile_regex

    rx = python_regex(durable, ignore_case)
    try:
        return compile_regex(("(?i)" if ignore_case else "") + rx.pattern)
    except UserRegexError:
        return rx


def python_regex(durable: str, ignore_case: bool = False) -> re.Pattern[str]:
    """durable's regex dialect (`%` escapes, `%d` ASCII digits, `%s` a space) as a Python pattern."""
    out: list[str] = []
    i, n = 0, len(durable)
    while i < n:
        ch = durable[i]
        if ch == "%":
            if i + 1 >= n:
                raise PatternError("a regex ends in a lone %")
            out.append(_escape(durable[i + 1], in_class=False))
            i += 2
        elif ch == "[":
            j, body = i + 1, ["["]
            if j < n and durable[j] == "^":
                body.append("^")
                j += 1
            while j < n and durable[j] != "]":
                if durable[j] == "%":
                    if j + 1 >= n:
                        raise PatternError("a regex ends in a lone %")
                    body.append(_escape(durable[j + 1], in_class=True))
                    j += 2
                elif durable[j] == "-":
                    body.append("-")
                    j += 1
                else:
                    body.append(re.escape(durable[j]))
                    j += 1
            if j >= n:
                raise PatternError("an unclosed [ in a regex")
            out.append("".join(body) + "]")
            i = j + 1
        elif ch == "{":
            m = re.compile(r"\{\d+(,\d*)?\}").match(durable, i)
            if not m:
                raise PatternError("a { that is not a repeat")
            out.append(m.group(0))
            i = m.end()
        elif ch == ".":
            out.append("(?s:.)")
            i += 1
        elif ch in "|?*+()":
            out.append(ch)
            i += 1
        else:
            out.append(re.escape(ch))
            i += 1
    flags = re.ASCII | re.IGNORECASE if ignore_case else 0
    try:
        return re.compile("".join(out), flags)
    except re.error as e:
        raise PatternError(f"bad regular expression: {e}") from None


def _escape(ch: str, *, in_class: bool) -> str:
    if ch == "d":
        return "0-9" if in_class else "[0-9]"
    if ch == "s":
        return " "  # measured: durable's %s matches a space only (no tab, no U+3000)
    if ch.isalnum():
        raise PatternError(f"%{ch} is not part of the dialect the compilers emit")
    return re.escape(ch)
