"""A plan republished inside another text that numbers lines of its own before the plan: a 政策解读 page (一、起草背景
… 三、主要内容 1.…解读：… then 附件：X（原文）), a 政策问答 (一、问：…答：…), a news report whose reporter restates the
tasks as 1.–5. before "方案全文如下：", a 公众号 "图解" whose bullets (二、五大任务 1. …) come before "▼全文▼".

The wrapper names the plan before its own numbering starts (its heading 《X》政策解读 / 图解：X, its lead 印发《X》),
and the plan's own title line X stands later, alone, followed by the plan's numbering from 1. The wrapper's numbered
lines restate the plan; they are no measures: the plan starts at its title line.

Not where the text before the first numbered line is itself a document's title (a notice issuing several documents:
A's title over A's items, then B's; a plan whose running page header repeats its title): a title line standing in
that head and named there (in 《》, by a 印发 heading, or X itself) says the numbering after it is a document's own.
"""

from __future__ import annotations

from engine.models import Paragraph
from engine.parse import frontmatter
from engine.parse.numbering import Marker

_MIN_NAME = 6  # a plan's name shorter than this (方案, 实施方案) names no plan in particular
_HEAD_CHARS = 4000  # a wrapper's heading and lead lie within this much text


def own_line(paras: list[Paragraph], k: int) -> bool:
    """Paragraph k is a line of its own (not a piece cut from a longer line of a one-line page)."""
    same = lambda j: 0 <= j < len(paras) and paras[j].line == paras[k].line  # noqa: E731
    return not same(k - 1) and not same(k + 1)


def _named(head: list[str]) -> set[str]:
    """The documents the head names: titles in 《》 and the X of its 印发X的通知 headings (plain_title form)."""
    out: set[str] = set()
    for t in head:
        if len(t) > 2000:
            continue
        out.update(frontmatter.plain_title(c) for c in frontmatter.cited_titles(t))
        inner = frontmatter.wrapper_inner(t)
        if inner:
            out.add(frontmatter.plain_title(inner))
    return out


def plan_start(paras: list[Paragraph], markers: list[Marker | None], first: int) -> int | None:
    """The index of the plan's own title line, when the numbered lines from `first` up to it are a wrapper's (see the
    module's doc); None when the text is not so wrapped."""
    head = [p.text.strip() for p in paras[:first]]
    said = frontmatter.TITLE_NOISE.sub("", "".join(head))[:_HEAD_CHARS]
    if not said:
        return None
    named = _named(head)
    for t in head:  # a document's title over the first numbered lines: they are that document's
        if len(t) <= frontmatter.TITLE_MAX and frontmatter.looks_like_title(t) and not frontmatter.wrapper_inner(t):
            if frontmatter.plain_title(t) in named:
                return None
    for k in range(first + 1, len(paras)):
        text = paras[k].text.strip()
        if markers[k] is not None or not frontmatter.looks_like_title(text) or frontmatter.wrapper_inner(text):
            continue
        name = frontmatter.plain_title(text)
        if len(name) < _MIN_NAME or name not in said or not own_line(paras, k):
            continue
        if name in {frontmatter.plain_title(t) for t in head}:
            return None  # the head holds this very title line: the numbering after it is the plan's
        nxt = next((mk for mk in markers[k + 1 :] if mk is not None), None)
        return k if nxt is not None and nxt.ordinal == 1 else None
    return None
