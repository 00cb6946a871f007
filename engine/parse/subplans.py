"""An attachment that is a plan of its own, holding tasks the main plan's body only names.

A 行动方案 may name its actions in its body and leave their tasks to attachments, each a 专项行动方案 of its own:

    二、重点行动
    （一）旅游演艺提质行动。以精品创作……为重点。具体任务见附件1。
    …
    附件1  湖南省旅游演艺提质专项行动方案
           一、行动目标  …
           二、主要任务  1.打造旅游演艺精品。…（X牵头，Y配合）  2.…（Z负责）
           三、时间安排  …

Such an attachment is numbered in parts (一、行动目标 / 二、主要任务 / 三、时间安排) that name no unit, and its tasks
one depth below them (1. 2. …) each name theirs. Counted as one run its items need not be mostly units' (three parts
beside three tasks), yet it holds the plan's tasks as a 重点任务清单 does: `holds_tasks` reads it by depth. The caller
(engine/parse/__init__.py `_unit_list`) checks that the attachment's caption names a plan or task list.
"""

from __future__ import annotations

from collections import Counter

_MIN_TASKS = 2


def holds_tasks(items: list[tuple[str, bool]]) -> bool:
    """`items`: the attachment's numbered paragraphs in order, each (its numbering style, whether it names units).
    True where the first style (the parts: 一、…) names no unit in most of its items while a later style (the tasks
    under them: 1.…) has at least two items and most of them name units."""
    if not items:
        return False
    top = items[0][0]
    count = Counter(style for style, _ in items)
    named = Counter(style for style, has in items if has)
    if 2 * named[top] > count[top]:
        return False  # the parts name units themselves: a list of tasks, read as one run already
    return any(
        style != top and named[style] >= _MIN_TASKS and 2 * named[style] > count[style] for style in count
    )
