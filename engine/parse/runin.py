"""Measures with no number or mark at all: paragraphs that open with a run-in heading, "精简申报报送资料。全面梳理…
（X、Y牵头，Z配合）", printed bold in the portal's page (<strong>精简申报报送资料。</strong>) or not at all.

A national or provincial plan may set its tasks out under numbered group headings (二、优化办税缴费流程, 三、强化精准服务)
as paragraphs of their own, each opening with a short heading sentence and closing with its own responsibility clause
(blind91 国家税务总局; fixtures/marks91). Read as numbered text, such a plan has its headings for measures and every
task's units in one. Here such a run becomes the heading's items: each paragraph gets a marker of style RUNIN_STYLE, its
label the heading's words without their stop (the only name a reader sees: the ref), its ordinal its place in the run,
and no offset (`start` = `end` = 0: the measure's text begins with its heading). Only where

- the numbered paragraph above the run is a heading of tasks or a group title (engine/parse/bullets.py `task_heading`,
  `group_heading`: no safeguards, general requirements, goals, schedule or duties heading — 四、组织实施's 加强组织领导。
  … paragraphs stay its text) and has no numbered item of its own (the next numbered paragraph is of its level or
  above);
- every paragraph under it opens with a run-in heading (a first sentence of at most HEADING_MAX characters, no comma or
  other stop inside, naming no units, opening with no point's label or mark: "一是扩大绿色信贷规模。" paragraphs under
  （一） are that heading's parts, blind52 赣江新区; where the page prints bold, the paragraph's first bold run is that
  sentence) and
  ends with a responsibility clause of its own, a paragraph ending in a colon before them (现提出以下措施：) aside;
- each paragraph says more than its heading (some text between the heading and the clause: "创建国家5A级旅游景区1个。
  （X负责）" under 第一节 is one sentence, no heading), and the run holds at least MIN_ITEMS paragraphs.

The tree then reads the runs as it reads numbered items (engine/parse/tree.py): the measures' depth by counting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from engine.models import Paragraph
from engine.parse.bullets import _INTRO, group_heading, leader, spans, task_heading
from engine.parse.enumerations import AFTER_CLAUSE, closing_clause, opens_with_point
from engine.parse.numbering import Marker

RUNIN_STYLE = "runin"
HEADING_MAX = 24  # a run-in heading is a short title: 开展新办主体“开业辅导”
MIN_ITEMS = 2  # a run holds at least this many paragraphs: one paragraph under a heading is the heading's text
BODY_MIN = 4  # what a run-in heading's paragraph says after it, its clause aside, at least (characters)
_HEADING = re.compile(rf"\s*(?P<h>[^。；;，,：:！？!?\s]{{2,{HEADING_MAX}}})。(?=\S)")


def heading(p: Paragraph) -> str | None:
    """The run-in heading that opens `p` (its words without the stop), or None: no short first sentence, one that
    names units (由X负责。), or, where the paragraph prints bold, a first bold run other than that sentence."""
    from engine.extract.responsibility import find_responsibility  # it imports engine.parse (places)

    m = _HEADING.match(p.text)
    if m is None or find_responsibility(m.group("h")) is not None:
        return None
    if opens_with_point(p.text) or leader(p.text) is not None:
        return None  # numbered in words or led by a mark ("一是扩大绿色信贷规模。" under （一）: its parts, blind52 赣江新区)
    if p.bold and not p.text.lstrip().startswith(p.bold[0].strip()):
        return None
    if p.bold and len(p.bold[0].strip().rstrip("。")) != len(m.group("h")):
        return None
    return m.group("h")


def _ends_in_clause(text: str, head: str) -> bool:
    """`text` ends with a responsibility clause of its own, and says something between its run-in heading `head` and
    the clause: a sentence that is all there is before its clause ("创建国家5A级旅游景区1个。（X负责）") is no heading."""
    found = closing_clause(text)
    if found is None:
        return False
    body = text[text.find(head) + len(head) + 1 : found.start]
    return len(body.strip(AFTER_CLAUSE + "（(")) >= BODY_MIN


def _run(paras: Sequence[Paragraph], k: int, end: int) -> list[tuple[int, str]] | None:
    """(paragraph, heading) of each paragraph between the heading at `k` and `end`, or None where one of them is not
    such an item (module doc)."""
    run: list[tuple[int, str]] = []
    for j in range(k + 1, end):
        head = heading(paras[j])
        if head is None or not _ends_in_clause(paras[j].text, head):
            if not run and _INTRO.search(paras[j].text):
                continue  # a lead-in: 现提出以下措施：
            return None
        run.append((j, head))
    return run if len(run) >= MIN_ITEMS else None


def items(paras: Sequence[Paragraph], markers: list[Marker | None]) -> list[Marker | None]:
    """`markers` with the run-in headed paragraphs under each heading of tasks (module doc) given markers."""
    runs: list[list[tuple[int, str]]] = []
    for k, head, end in spans(markers):
        if end - k < 2:
            continue
        rest = paras[k].text[head.end :]
        if not (task_heading(rest) or group_heading(rest)):
            continue
        run = _run(paras, k, end)
        if run is not None:
            runs.append(run)
    if not runs:
        return markers
    out = list(markers)
    for run in runs:
        for n, (j, head) in enumerate(run, 1):
            out[j] = Marker(RUNIN_STYLE, head, n, 0, 0)
    return out
