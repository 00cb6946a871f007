"""`first_matches` decides overlap with the spans already taken by bisection: the same matches as
comparing each with every span taken (the plain definition below), which was quadratic in a measure
of thousands of deadlines."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.extract.sentences import first_matches

PATTERNS = [("a", re.compile(r" ?a+b?")), ("b", re.compile(r"b+a?")), ("c", re.compile(r"(?<= )c|ab|  +|x*"))]
NEEDS = {"a": "a", "b": "b", "c": "cabx "}


def _plain(masked, patterns, needs, build, skip_lead=""):
    taken, out = [], []
    for kind, pat in patterns:
        if not any(c in masked for c in needs[kind]):
            continue
        for m in pat.finditer(masked):
            s, e = m.span()
            if s == e or any(s < te and ts < e for ts, te in taken):
                continue
            item = build(kind, m)
            if item is None:
                continue
            while s < e and masked[s] in skip_lead:
                s += 1
            taken.append((s, e))
            out.append((s, e, item))
    out.sort(key=lambda t: t[0])
    return out


def _build(kind: str, m: re.Match[str]) -> str | None:
    return None if m.group() == "ab" and m.start() % 3 == 0 else f"{kind}:{m.group()}"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcx ", max_size=60))
def test_first_matches_as_the_plain_definition(text: str) -> None:
    for skip in ("", " "):
        assert first_matches(text, PATTERNS, NEEDS, _build, skip) == _plain(text, PATTERNS, NEEDS, _build, skip)
