"""What a target measures, and whether a lower level matches it or shares it.

A parent's figure and a draft's compare only when they measure the same thing (秸秆综合利用率 is not
地膜回收率), and a national count (建成300个) is a total the provinces, cities and counties share out,
while a rate, a ratio, a frequency, a duration or a per-unit value (生均12000元) holds at every level.
target_not_weaker pairs targets with these; clause_carried grades a dropped clause with a target.
"""

from __future__ import annotations

import re

from engine.extract.targets import find_targets
from engine.memo import memo
from engine.models import LEVEL_RANK, Target
from engine.rules import similarity as sim
from engine.rules.kinds.base import CheckContext


def draft_shares(ctx: CheckContext) -> bool:
    """Whether the draft is of a lower level than its parent: then the parent's totals are shared out."""
    if ctx.parent is None:
        return False
    a, b = LEVEL_RANK.get(ctx.draft.level, -1), LEVEL_RANK.get(ctx.parent.level, -1)
    return a >= 0 and b >= 0 and a > b


# per-unit values compare directly across levels (生均12000元, 每个地市至少一所, 每人每年60学时)
_PER_UNIT = re.compile(r"每(?!年|季度|半年|月|周|天|日)|[生人户校]均|平均|单位")
# a duration is per person or per case (不少于60学时, 5个工作日内, 实习6个月)
_DURATIONS = frozenset({"学时", "课时", "小时", "个工作日", "工作日", "个月", "周", "天", "日", "年"})


def is_total(t: Target, sentence: str) -> bool:
    """An absolute count or amount (建成300个, 投入2亿元, 培育100家): a total of the parent's area,
    which a lower level shares rather than matches. Rates, ratios, frequencies, coverage, durations,
    per-unit values (生均, 每个, 不超过每箱300元) and caps are not totals."""
    if t.kind != "number" or t.unit in _DURATIONS or t.comparator in ("<", "<="):
        return False  # a cap (不超过每箱50元, 控制在2亿元以内) binds every level as it stands
    head, tail = quantity_of(t, sentence)
    return not _PER_UNIT.search(head + t.text + tail)


# tuples of str; the clauses with targets of a few large plans
@memo(8192, copy="shared")
def _quantities(text: str) -> tuple[tuple[str, str, str], ...]:
    """(target text, words before it, words after it) for each target of `text`: before = back to the
    clause's punctuation or the previous target; after = the thing counted, up to punctuation. A figure
    joined to the one before by a bare 和/及/与/、 (分别下降10%和25%以上) shares that one's words before it."""
    out: list[tuple[str, str, str]] = []
    prev = 0
    for start, end, t in find_targets(text):
        cut = max(prev, *(text.rfind(c, 0, start) + 1 for c in "，,；;。：:！？\n"))
        head = text[cut:start]
        if out and cut == prev and _JOINED.fullmatch(head):
            head = out[-1][1]
        tail = re.match(r"[^，,；;。：:、！？\n和及与]*", text[end:])
        out.append((t.text, head, (tail.group(0) if tail else "")[:16]))
        prev = end
    return tuple(out)


_JOINED = re.compile(r"\s*(?:和|及|与|以及|、)\s*")


def quantity_of(t: Target, sentence: str) -> tuple[str, str]:
    """What `t` measures in `sentence`: (the indicator's name before the figure, the thing counted
    after it), e.g. (秸秆综合利用率, "") for 秸秆综合利用率达到85%以上; ("", "") when not found."""
    for text, head, tail in _quantities(sentence or ""):
        if text == t.text:
            return head, tail
    return "", ""


# words around a figure that say when, where or how firmly, not what is measured
_NOT_NAME = re.compile(
    r"(?:到|至|在|于)?[0-9]{4}年(?:底|末|初)?前?|[0-9]+|全(?:国|省|区|市|县|州)|(?:国家|省|市|县|区)级|"
    r"原则上|一般|力争|确保|基本|进一步|要|应当?|以上|以下|的|[“”‘’()（）\s]"
)


def _name(head: str, tail: str) -> str:
    return _NOT_NAME.sub("", sim.compact(head) + "|" + sim.compact(tail)).strip("|")


def same_quantity(parent: Target, psent: str, local: Target, lsent: str) -> bool:
    """Whether two targets measure the same thing, by their indicators' names (the words around the
    figures): once the words both names end with are set aside (综合利用率: what kind of figure), what
    is left (whose figure) must overlap. 秸秆综合利用率 and 畜禽粪污综合利用率 differ, so do 城市… and
    农村生活垃圾回收利用率; 生活垃圾回收利用率 and 城市生活垃圾回收利用率 agree; a name unknown on
    either side does not tell them apart."""
    a = _name(*quantity_of(parent, psent)).replace("|", "")
    b = _name(*quantity_of(local, lsent)).replace("|", "")
    if not a or not b or a in b or b in a:
        return True
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    a, b = a[: len(a) - k], b[: len(b) - k]
    if not a or not b or a in b or b in a:
        return True
    return sim.dice(a, b) > 0
