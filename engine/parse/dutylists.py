"""The one list of a duty document that assigns work: its measures (rulesets/data/duty_documents.yaml).

An 应急预案 or a 工作规则 numbers everything alike: 总则's 编制目的, the 指挥部 and its 办公室, the 成员单位, 预警分级,
响应分级, 响应终止, the body's own 主要职责, its 会议制度 — and, among them, one list whose items charge named units:
the 成员单位职责 ("（1）县应急管理局：负责…", "1.琴江市场监管所负责…"), the 应急工作组 ("监测预警组：由A牵头，B配合，
负责…") or the response tasks ("4.3.1 加密凌情监测 / 自治区水利厅负责…；Y配合…", "（一）道路保通。由X牵头，会同Y…").
That list is the document's measures and nothing else is: the other items set up the organisation and the procedure,
they task no one. Where a plan's tasks stand apart from a 职责分工 list after them, the list restates them
(engine/parse/tree.py `duty_lists`); here it is the only place work is assigned.

Read only in a document whose title names such a genre (`genres`), and only where the items that charge units (a
responsibility clause, or a unit as the subject of the item's opening: engine/extract/dutysubject.py) are most of one
list of siblings, at least two, and no item outside that list (or its items' own parts) charges any unit. Otherwise
the plan's numbering decides as it does for any plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from engine.extract.data import read_data
from engine.memo import memo

_TITLE_WINDOW = 600  # how much of each front paragraph is searched for the title (a one-line page: its opening)
_TITLE_MAX = 60  # the longest title


@memo(1, copy="shared")  # compiled once from the one file
def _genre_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a title line ending in a genre, the 《》 title of the document a notice issues)."""
    words = [str(w) for w in (read_data("duty_documents.yaml") or {}).get("genres") or ()]
    if not words:
        return re.compile("(?!)"), re.compile("(?!)")
    genre = "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?:[(（][^()（）]{1,8}[)）])?"
    line = re.compile(rf"^[^，,。；;：:《》]{{2,{_TITLE_MAX}}}?{genre}$")
    # 关于印发《X预案》的通知 / 《X预案》已经…同意 / 现将《X预案》印发给你们: the document issued, not one cited (根据《…预案》)
    issued = re.compile(rf"印发《[^《》]{{2,{_TITLE_MAX}}}?{genre}》|《[^《》]{{2,{_TITLE_MAX}}}?{genre}》(?:已经|印发|现印发)")
    return line, issued


def duty_genre(front: Sequence[str]) -> bool:
    """The front matter (the paragraphs before the first item) names a duty document: a title line ending in 应急预案,
    工作规则 …, or the 《》 title of the document a 印发 notice issues (a preamble citing 《X应急预案》 is no such)."""
    line, issued = _genre_res()
    return any(line.match(t.strip()) or issued.search(t[:_TITLE_WINDOW]) for t in front)


def charged_list(
    parents: Sequence[int | None], styles: Sequence[str], charges: Callable[[int], bool]
) -> frozenset[int]:
    """The items (by index) of the one list that charges units (module docstring), or none.

    `parents`, `styles`: each numbered item's parent item and numbering style; `charges(i)`: item i names the units
    it charges. A list is the items of one parent in one style."""
    charged = {i for i in range(len(parents)) if charges(i)}
    if len(charged) < 2:
        return frozenset()
    lists: dict[tuple[int | None, str], list[int]] = {}
    for i, (p, s) in enumerate(zip(parents, styles, strict=True)):
        lists.setdefault((p, s), []).append(i)
    best: list[int] = []
    for items in lists.values():
        n = sum(i in charged for i in items)
        if n >= 2 and 2 * n > len(items) and n > sum(i in charged for i in best):
            best = items
    if not best:
        return frozenset()
    chosen = set(best)
    for i in charged - chosen:  # a charging item outside the list: the document assigns work elsewhere too
        p = parents[i]
        while p is not None and p not in chosen:
            p = parents[p]
        if p is None:
            return frozenset()
    return frozenset(chosen)
