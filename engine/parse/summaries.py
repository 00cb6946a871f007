"""A plan printed after the previous year's 工作总结 on the same page ("X2025年工作总结和2026年工作方案" under one
headline: the 总结 under its own title, 一、主要成效 （一）…（四） 二、存在问题, then the plan's own title line and its
numbering from 一、 again).

The 总结 reports what was done; its numbered lines restate no task and are no measures, however like the plan's they are
numbered. The 总结's title (rulesets/data/titles.yaml `summary_endings`) is the last title-like line over the first
numbered line; the plan starts at the first later line standing alone that reads as a plan's title (frontmatter
`looks_like_title`: …方案, …计划, …要点) and is followed by numbering from 1. Its title is the plan's, not the page's
combined headline.
"""

from __future__ import annotations

from engine.extract.data import read_data
from engine.memo import memo
from engine.models import Paragraph
from engine.parse import frontmatter
from engine.parse.numbering import Marker
from engine.parse.republished import own_line

_HEAD_LINES = 12  # the 总结's title stands within this many paragraphs above its first numbered line


@memo(1, copy="shared")  # a tuple from the one file
def _endings() -> tuple[str, ...]:
    return tuple(str(w) for w in (read_data("titles.yaml") or {}).get("summary_endings") or ())


_SUBJECT_MIN = 4  # characters before the summary word: what a report sums up (X2025年…), never a bare column label


def _summary_title(text: str) -> bool:
    """`text` is a 总结's title line: short, no sentence, ending in a summary word (no plan's title joined to it) after
    what it sums up (汶河街道2025年…工作总结). A bare "工作总结" or a page's label "所属栏目：工作总结" names no report:
    a column of a portal, over a plan of any kind (review)."""
    if not text or len(text) > frontmatter.TITLE_MAX or text[-1] in "。；;，,:：" or ":" in text or "：" in text:
        return False
    core = frontmatter.title_core(text)
    ending = next((e for e in _endings() if core.endswith(e)), None)
    return ending is not None and len(core) - len(ending) >= _SUBJECT_MIN and not frontmatter.looks_like_title(text)


def plan_after_summary(paras: list[Paragraph], markers: list[Marker | None], first: int) -> int | None:
    """The index of the plan's own title line when the numbered lines from `first` up to it are a 工作总结's (see the
    module's doc); None when no 总结 stands over the first numbered line."""
    head = range(max(0, first - _HEAD_LINES), first)
    titled = [k for k in head if markers[k] is None and own_line(paras, k)
              and (frontmatter.looks_like_title(t := paras[k].text.strip()) or _summary_title(t))]  # fmt: skip
    if not titled or not _summary_title(paras[titled[-1]].text.strip()):
        return None  # the last title over the numbering is no 总结's
    for k in range(first + 1, len(paras)):
        text = paras[k].text.strip()
        if markers[k] is not None or not own_line(paras, k):
            continue
        if _summary_title(text):
            return None  # another 总结 (a page of several years' reports): no plan read into it
        if not frontmatter.looks_like_title(text) or frontmatter.wrapper_inner(text):
            continue
        nxt = next((mk for mk in markers[k + 1 :] if mk is not None), None)
        return k if nxt is not None and nxt.ordinal == 1 else None
    return None
