"""Message templates of rules: `{field}` substitution and nothing else.

A rule's `message`/`suggestion` comes from a ruleset file, so it is data, not a format string:
Python's `str.format` would let `{rule.__class__.__base__}` read process internals (and put a
memory address in a report, breaking byte-identity) and `{n:999999999}` allocate gigabytes. Here a
template may hold `{name}` (a field of the finding), `{{` and `}}` (literal braces), and plain text;
anything else is refused when the ruleset is loaded (`template_problem`, reported at file:line),
and `fill` never interprets it even if it got through.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
# 第{local_item}项 filled with an article's own label (第十二条, a 办法 or a chapter-and-article plan) reads
# 第十二条, not 第第十二条项; a 规划's chapter-and-section label (第四章第三节) likewise, not 第第四章第三节项
_OWN_ORDINAL = re.compile(r"第((?:第[〇零一二三四五六七八九十百千两\d]+[条章节款])+)项")


def template_problem(template: str) -> str | None:
    """Why `template` is not a plain-field template, or None when it is."""
    for m in _TOKEN.finditer(template):
        token = m.group()
        if token in ("{{", "}}"):
            continue
        if m.group(1) is None:
            return f"a single '{token}' (write '{token * 2}' for a literal brace)"
        name = m.group(1)
        if not name.isidentifier():
            return (
                f"'{token}' is not a plain field: only {{name}} is substituted "
                "(no format spec such as {n:10}, no .attribute, [index] or !conversion)"
            )
    return None


def fill(template: str, fields: Mapping[str, object]) -> str:
    """`template` with each `{name}` replaced by str(fields[name]); an unknown name stays visible as
    `{name}` (a typo shows in the report instead of crashing the run), anything else stays as text."""

    def one(m: re.Match[str]) -> str:
        token = m.group()
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = m.group(1)
        if name is not None and name in fields:
            return str(fields[name])
        return token

    return _OWN_ORDINAL.sub(r"\1", _TOKEN.sub(one, template))


def value_text(v: object) -> str:
    """A fact's field as a message placeholder shows it: a list joined by 、, a whole float as an integer."""
    if isinstance(v, list):
        return "、".join(map(str, v))
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
