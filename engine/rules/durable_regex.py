"""A user's regex in durable-rules' own dialect, or the reason it cannot be written there.

Which regexes are refused, and why, is documented with the condition language (the docstring of
`engine.rules.conditions`, rendered by `plancheck rules doc`); `MAX_CLASS` is the class bound it states.

Used where a regex is handed to durable (`join` rules' patterns) and to refuse at load time what
durable would match wrongly or crash on; plancheck itself runs users' regexes with RE2
(`engine.rules.user_regex`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:  # Python 3.11+
    import re._constants as sre_c  # type: ignore[import-not-found]
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_CLASS = 256


def to_durable_regex(pattern: str) -> tuple[str, bool]:
    """Python regex -> (durable `$mt` pattern matching anywhere in the string, ignore_case)."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error as e:
        raise ValueError(f"bad regular expression: {e}") from None
    flags = parsed.state.flags & ~(re.UNICODE | sre_c.SRE_FLAG_UNICODE)
    ignore_case = bool(flags & re.IGNORECASE)
    if flags & ~re.IGNORECASE:
        raise ValueError("not supported in condition regexes: inline flags other than (?i)")
    items = list(parsed)
    head = "" if items and items[0] == (sre_c.AT, sre_c.AT_BEGINNING) else ".*"
    tail = "" if items and items[-1] == (sre_c.AT, sre_c.AT_END) else ".*"
    if not head:
        items = items[1:]
    if not tail:
        items = items[:-1]
    body = _emit(items)
    durable = head + (f"({body})" if body else "") + tail
    from engine.rules.runtime import regex_error  # the runtime is the only module that sees durable

    err = regex_error(durable)
    if err:
        raise ValueError(f"regular expression not supported by durable-rules: {err}")
    return durable, ignore_case


_SPECIAL = set(".|?*+()[]{}%")


def _lit(code: int) -> str:
    ch = chr(code)
    if ch in _SPECIAL:
        return "%" + ch
    if code < 0x20:
        raise ValueError("not supported in condition regexes: control characters")
    return ch


def _emit(items: Iterable[tuple[Any, Any]]) -> str:
    out = []
    for op, av in items:
        out.append(_emit_one(op, av))
    return "".join(out)


def _emit_one(op: Any, av: Any) -> str:
    if op is sre_c.LITERAL:
        return _lit(av)
    if op is sre_c.NOT_LITERAL:
        raise ValueError(_NEGATED)
    if op is sre_c.ANY:
        return "."
    if op is sre_c.IN:
        return _class(av)
    if op is sre_c.BRANCH:
        return "(" + "|".join(_emit(seq) for seq in av[1]) + ")"
    if op is sre_c.SUBPATTERN:
        _group, add_flags, del_flags, seq = av
        if add_flags or del_flags:
            raise ValueError("not supported in condition regexes: scoped inline flags")
        if len(seq) == 1 and seq[0][0] is sre_c.BRANCH:
            return _emit(seq)  # the branch brings its own parentheses
        return "(" + _emit(seq) + ")"
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        lo, hi, seq = av
        inner = _emit(seq)
        if not (len(seq) == 1 and seq[0][0] in (sre_c.LITERAL, sre_c.ANY, sre_c.IN, sre_c.NOT_LITERAL)):
            inner = f"({inner})"
        if lo > 100 or (hi is not sre_c.MAXREPEAT and hi > 100):
            raise ValueError("not supported in condition regexes: repeats above {100}")
        if hi is sre_c.MAXREPEAT:
            if lo <= 1:
                return inner + ("*" if lo == 0 else "+")
            return inner * lo + "*" if lo <= 16 else inner + f"{{{lo},}}"
        if (lo, hi) == (0, 1):
            return inner + "?"
        # durable's {m,n} runs out of states quickly when more follows (measured: `%d{4}年` fails,
        # `%d%d%d%d年` works): spell short repeats out
        if hi <= 16:
            return inner * lo + (inner + "?") * (hi - lo)
        return inner + (f"{{{lo}}}" if lo == hi else f"{{{lo},{hi}}}")
    if op is sre_c.AT:
        if av in (sre_c.AT_BOUNDARY, sre_c.AT_NON_BOUNDARY):
            raise ValueError(r"not supported in condition regexes: \b and \B (and \b is wrong over Chinese text)")
        raise ValueError("not supported in condition regexes: anchors other than a leading ^ and a trailing $")
    name = str(op).lower()
    what = {
        "groupref": "back references",
        "groupref_exists": "conditional groups",
        "assert": "lookarounds",
        "assert_not": "lookarounds",
        "atomic_group": "atomic groups",
        "possessive_repeat": "possessive repeats",
    }.get(name, name)
    raise ValueError(f"not supported in condition regexes: {what}")


_NEGATED = (
    "not supported in condition regexes: negated classes such as [^a] (measured: durable-rules matches"
    " them wrongly after a repeat; list the characters that may stand there instead)"
)


def _class(items: list[tuple[Any, Any]]) -> str:
    chars: list[str] = []
    size = 0
    has_dash = False
    for op, av in items:
        if op is sre_c.NEGATE:
            raise ValueError(_NEGATED)
        elif op is sre_c.LITERAL:
            ch = chr(av)
            if ch == "-":
                has_dash = True
                continue
            chars.append("%" + ch if ch in "[]%" else ch)
            size += 1
        elif op is sre_c.RANGE:
            lo, hi = av
            size += hi - lo + 1
            if any(chr(c) in "[]%-^" for c in (lo, hi)):
                raise ValueError("not supported in condition regexes: a range ending in [ ] % - or ^")
            chars.append(f"{chr(lo)}-{chr(hi)}")
        elif op is sre_c.CATEGORY:
            if av is sre_c.CATEGORY_DIGIT:
                chars.append("%d")
                size += 10
            elif av is sre_c.CATEGORY_SPACE:
                chars.append("%s")
                size += 6
            else:
                raise ValueError(
                    r"not supported in condition regexes: \w \W \S \D (durable's classes are ASCII-only;"
                    " list the characters)"
                )
        else:
            raise ValueError(f"not supported in condition regexes: {str(op).lower()} in a class")
        if size > MAX_CLASS:
            raise ValueError(
                f"not supported in condition regexes: a class of more than {MAX_CLASS} characters"
                " (durable expands ranges such as [一-龥] into a fixed table)"
            )
    if chars and chars[0].startswith("^"):
        chars.append(chars.pop(0))  # a literal ^ must not come first
    if has_dash:
        chars.append("-")  # a literal - only works last in durable
    if not chars:
        raise ValueError("not supported in condition regexes: an empty class")
    if len(chars) == 1 and len(chars[0]) == 1:
        return _lit(ord(chars[0]))
    return "[" + "".join(chars) + "]"
