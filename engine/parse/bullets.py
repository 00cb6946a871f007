"""Measures led by a bullet mark instead of a number: "●推进草场股份制经营。…（牵头单位：…）", "——规范岗位选聘。…".

A county or town plan may list its tasks with no numbers at all: each a paragraph opened by a mark (● ■ ◆ ★ ——,
rulesets/data/bullets.yaml `leaders`) under a numbered heading that names the tasks (二、重点任务, 二、工作措施:
rulesets/data/sections.yaml `task_titles`). Read as unnumbered text, such a plan has three measures, its headings.

Here such a run becomes the heading's items: each paragraph led by the mark gets a marker of style BULLET_STYLE, its
label the mark as printed (the ref a reader sees), its ordinal its place in the run (1, 2, …: the run counts as a
numbering does, so no numbering check finds a gap in it). Only where

- the numbered paragraph above the run is a heading that holds a task title (and no safeguards or general heading:
  三、保障措施's bullets and 一、工作目标's indicators stay text), its line a title alone;
- the heading has no numbered item of its own (the next numbered paragraph is of its level or above): bullets under
  二、 that has （一）（二） are an intro's list, and bullets inside a numbered measure stay that measure's text;
- at least two paragraphs there open with the same mark, the first mark of the section; a paragraph led by another
  mark (○ under ●) is the text of the item above it.

A text with no numbered paragraph at all (a 通知 or 意见 whose own body is the task list: "现就有关事项通知如下：",
then "——加强宣传动员。…（X牵头，Y配合）" paragraphs) has no heading to hold the run. There a run is read where a
paragraph that introduces a list (it ends with a colon, and its last clause names no goals, requirements or
safeguards: "主要目标如下：" and "工作要求如下：" introduce no tasks) is followed directly by a paragraph led by a mark,
and the run holds at least two paragraphs led by that mark. The run goes on over paragraphs led by that mark, a
paragraph between them not led by it being the text of the item above (a field line "责任单位：" among them), and ends
at the next paragraph ending with a colon that is neither an item nor such a field line ("工作要求如下：" after the
tasks). Every such run is read.

A plan may also group its bulleted tasks under numbered headings that are themselves areas of work, not a heading
of tasks (二、夯实仓储设施基础 ◆… ◆… 三、严格库存管理 ◆… ◆…; or 专项行动 headings （一）X专项行动 under 二、重点任务).
Such a heading's run is read too where the heading is a group title (its line a short title alone: no stop, no
comma, no unit clause; no safeguards, general, background, schedule, mechanism or duty heading, nor a title naming
goals or principles: rulesets/data/bullets.yaml `not_groups`), it has no numbered item of its own, and most items
of its run end with a responsibility clause of their own (the mark's paragraph and the paragraphs after it up to
the next one): each bullet then tasks its own units, as a measure does. The group runs of a text are read where
they hold two items or more in all (one group may hold one). Points under a measure's title that share one clause
(三、推进重点工作 ●…；●…。（X负责）) stay its text.

A page scraped as one line keeps its marks inside the line: where a line is cut at its inline numbering, it is cut
before a mark too (`inline_cuts`) where the mark stands at a boundary (after 。；：, a closing bracket or quote, or
right after a short heading: "二、整治任务●规范…") and at least two such marks alike stand in the line.

The tree then reads the run as it reads numbered items (engine/parse/tree.py): the measures' depth by counting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from engine.extract.data import read_data
from engine.memo import memo
from engine.models import Paragraph
from engine.parse.numbering import Marker
from engine.parse.tree import (
    duty_titles,
    is_background,
    is_general,
    mechanism_titles,
    safeguard_heading,
    safeguard_words,
    section_words,
    stage_titles,
)

BULLET_STYLE = "bullet"
HEADING_MAX = 30  # a task heading's title is short: 二、重点任务和责任分工


@memo(1, copy="shared")  # compiled once from the one file
def _leader() -> re.Pattern[str] | None:
    """A leader at a text's start, its spaces after it, then text: rulesets/data/bullets.yaml `leaders` (the
    longest first), a sign among them not before a digit (-5% is a number). None without the file."""
    raw = read_data("bullets.yaml") or {}
    leaders = sorted({str(x) for x in raw.get("leaders") or [] if str(x)}, key=len, reverse=True)
    if not leaders:
        return None
    signs = {str(x) for x in raw.get("signs") or []}
    dashes = re.escape("".join({ch for s in signs for ch in s} | set("-—–－─")))
    alts = [re.escape(x) + (rf"(?![\d.{dashes}])" if x in signs else "") for x in leaders]
    return re.compile(r"[ \t]*(?P<mark>" + "|".join(alts) + r")[ \t]*(?=\S)")


def leader(text: str) -> tuple[str, int, int] | None:
    """(mark, its offset, where the item's text starts) when `text` opens with a bullet mark, else None."""
    pattern = _leader()
    m = pattern.match(text) if pattern is not None else None
    return None if m is None else (m.group("mark"), m.start("mark"), m.end())


@memo(1, copy="shared")  # sorted once; the file is read by engine.parse.tree
def _heading_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(task words, duty words) of rulesets/data/sections.yaml (`task_titles`, `duty_titles`), the longest first."""
    raw = section_words()

    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted((w for w in raw.get(key, ()) if w), key=len, reverse=True))

    return words("task_titles"), words("duty_titles")


_GLUE = re.compile(r"[和与及、,，\s]")


def task_heading(rest: str) -> bool:
    """A heading's text after its label that names the plan's tasks and nothing else (重点任务, 工作措施,
    重点任务和责任分工: task words, duty words, 和/与/及/、; at least one task word): a title alone, no safeguards
    or general heading. 三、推进重点工作 is a task, not a heading of tasks."""
    title = rest.strip().rstrip("：:").strip()
    if not title or len(title) > HEADING_MAX or safeguard_heading().search(title) or is_general(title):
        return False
    tasks, duties = _heading_words()
    left = title
    for w in tasks:
        left = left.replace(w, "\0")
    if "\0" not in left:
        return False
    for w in duties:
        left = left.replace(w, "")
    return not _GLUE.sub("", left.replace("\0", ""))


_INTRO = re.compile(r"[：:]\s*$")
_FIELD = re.compile(r"\s*\S{0,6}(?:单位|部门|责任人|时限|时间)[：:]\s*$")  # 责任单位： over its units: an item's line
_CLAUSE = re.compile(r"[，。；,;]")


def _introduces_tasks(text: str) -> bool:
    """A paragraph ending with a colon whose last clause names no goal or safeguard (sections.yaml `goal_words`,
    `safeguard_titles`): 现就有关事项通知如下：, not 主要目标如下： or 工作要求如下：."""
    if not _INTRO.search(text):
        return False
    last = _CLAUSE.split(text.strip())[-1]
    return not safeguard_words().search(last) and not any(w in last for w in section_words().get("goal_words", ()))


def _unheaded(paras: Sequence[Paragraph], leads: list[tuple[str, int, int] | None]) -> list[list[int]]:
    """The runs of a text with no numbered paragraph (module doc): each a list of paragraph indexes."""
    runs: list[list[int]] = []
    k = 0
    while k < len(paras) - 1:
        first = leads[k + 1]
        if leads[k] is not None or first is None or not _introduces_tasks(paras[k].text):
            k += 1
            continue
        run = [k + 1]
        j = k + 2
        while j < len(paras):
            lead = leads[j]
            if lead is not None and lead[0] == first[0]:
                run.append(j)
            elif lead is None and _INTRO.search(paras[j].text) and not _FIELD.match(paras[j].text):
                break
            j += 1
        if len(run) >= 2:
            runs.append(run)
        k = j
    return runs


def _given(out: list[Marker | None], run: list[int], leads: list[tuple[str, int, int] | None]) -> None:
    """Give each paragraph of `run` its bullet marker, numbered 1, 2, … in the run."""
    for n, j in enumerate(run, 1):
        mark, start, stop = leads[j]  # type: ignore[misc]
        out[j] = Marker(BULLET_STYLE, mark, n, start, stop)


@memo(1, copy="shared")  # the one file, read once
def _not_groups() -> tuple[str, ...]:
    """rulesets/data/bullets.yaml `not_groups`: words a group title may not hold (目标, 原则 …)."""
    raw = read_data("bullets.yaml") or {}
    return tuple(str(x) for x in raw.get("not_groups") or [] if str(x))


def group_heading(rest: str) -> bool:
    """A heading's text after its label that titles a group of tasks (夯实仓储设施基础, X专项行动): a short title
    alone (no stop or comma, no unit clause), no heading of safeguards, general requirements, background, schedule,
    mechanisms or duties, no title naming goals or principles (bullets.yaml `not_groups`). Its bullets are measures
    only where they carry their own clauses (`_own_clauses`)."""
    from engine.extract.responsibility import find_responsibility  # it imports engine.parse (places)

    title = rest.strip().rstrip("：:。").strip()
    if not title or len(title) > HEADING_MAX or _CLAUSE.search(title) or find_responsibility(title) is not None:
        return False
    if safeguard_heading().search(title) or is_general(title) or is_background(title) or title in mechanism_titles():
        return False
    return not (stage_titles().search(title) or duty_titles().search(title) or any(w in title for w in _not_groups()))


def _own_clauses(paras: Sequence[Paragraph], run: list[int], end: int, leads: list[tuple[str, int, int] | None]) -> bool:
    """Most items of `run` (a mark's paragraph and the paragraphs after it, up to the next item or `end`) end with a
    responsibility clause of their own."""
    from engine.extract.responsibility import find_responsibility  # it imports engine.parse (places)

    bounds = [*run, end]
    own = 0
    for a, j in enumerate(run):
        text = "\n".join([paras[j].text[leads[j][2] :], *(paras[i].text for i in range(j + 1, bounds[a + 1]))])  # type: ignore[index]
        own += find_responsibility(text, prose=True) is not None
    return 2 * own > len(run)


def spans(markers: Sequence[Marker | None]) -> Iterator[tuple[int, Marker, int]]:
    """(paragraph, marker, end) of each numbered paragraph whose paragraphs up to the next numbered one (`end`) may be
    its unnumbered items: skipped where that next one is numbered in a deeper style (styles rank by first use, a
    later one nested deeper), whose own items they are. Shared by the bullet and the run-in heading readers."""
    rank: dict[str, int] = {}
    for mk in markers:
        if mk is not None:
            rank.setdefault(mk.style, len(rank))
    numbered = [k for k, mk in enumerate(markers) if mk is not None]
    for a, k in enumerate(numbered):
        head = markers[k]
        end = numbered[a + 1] if a + 1 < len(numbered) else len(markers)
        below = markers[end] if end < len(markers) else None
        if head is None or (below is not None and rank[below.style] > rank[head.style]):
            continue
        yield k, head, end


def items(paras: Sequence[Paragraph], markers: list[Marker | None]) -> list[Marker | None]:
    """`markers` with the bullet-led paragraphs of each task heading's run (module doc) given markers."""
    leads = [leader(p.text) if mk is None else None for p, mk in zip(paras, markers, strict=True)]
    if sum(x is not None for x in leads) < 2:
        return markers
    if all(mk is None for mk in markers):
        out: list[Marker | None] = list(markers)
        for run in _unheaded(paras, leads):
            _given(out, run, leads)
        return out
    out = list(markers)
    groups: list[list[int]] = []  # the runs under group titles (module doc): read where they hold two items or more
    for k, head, end in spans(markers):
        run = [j for j in range(k + 1, end) if leads[j] is not None]
        if not run:
            continue
        mark = leads[run[0]][0]  # type: ignore[index]
        run = [j for j in run if leads[j][0] == mark]  # type: ignore[index]
        rest = paras[k].text[head.end :]
        if task_heading(rest):
            if len(run) >= 2:
                _given(out, run, leads)
        elif group_heading(rest) and _own_clauses(paras, run, end, leads):
            groups.append(run)
    if sum(map(len, groups)) >= 2:
        for run in groups:
            _given(out, run, leads)
    return out


_BOUNDARY = set("。；;：:!！?？)）]」』”’】》")
_TITLE_STOP = re.compile("[。；;!！?？，,]")  # a heading's title holds none


def inline_cuts(text: str, found: Sequence[Marker]) -> list[int]:
    """Where to cut a line that lost its line breaks (`found`: the inline numbering it is cut at) before a bullet
    mark (module doc): the mark at a boundary, or the first mark right after a short heading (a marker of `found`
    ending at most HEADING_MAX characters before, no stop or comma since); at least two such marks alike in the line."""
    pattern = _leader()
    if pattern is None:
        return []
    ends = sorted(mk.end for mk in found)
    at: dict[str, list[int]] = {}
    headed: set[int] = set()  # the ends of the headings a mark has followed
    for m in pattern.finditer(text):
        start = m.start("mark")
        if start == 0:
            continue
        j = start - 1
        while j >= 0 and text[j] in " \t　":
            j -= 1
        if j >= 0 and text[j] == text[start]:
            continue  # a mark's own run: ★★★
        near = [e for e in ends if 0 <= start - e <= HEADING_MAX]
        heading = bool(near) and near[-1] not in headed and not _TITLE_STOP.search(text, near[-1], start)
        if j < 0 or text[j] in _BOUNDARY or heading:
            at.setdefault(m.group("mark"), []).append(start)
        if near:
            headed.add(near[-1])  # only the first mark after a heading follows it right: 申请→受理→审核 is text
    return sorted(c for starts in at.values() if len(starts) >= 2 for c in starts)
