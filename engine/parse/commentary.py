"""Commentary printed after each part of a plan by a page that republishes it clause by clause (逐条解读, 条文释义).

The page prints the plan's text in full and, after the preamble, the goal, each measure and the safeguards, a
paragraph of its own opened by a label: "【解读】补贴对象是个人消费者…", "〖释义〗…", "解读：…". That paragraph explains the
measure before it and is no part of it: from the label on, what stands under a numbered item up to the next one is
the page's commentary. Under the last measure it is what follows the plan's measures (their closing text), never
the measure's.

The labels are rulesets/data/commentary.yaml's `labels`. In a page scraped as one line the bracketed label opens a
piece of its own (`inline_cuts`).
"""

from __future__ import annotations

import re

from engine.extract.data import read_data
from engine.memo import memo

_OPEN, _CLOSE = "【〖[［", "】〗]］"


@memo(1, copy="shared")  # the one file, read once
def _labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The label opening a paragraph (bracketed, or followed by a colon), and the bracketed label anywhere."""
    raw = read_data("commentary.yaml") or {}
    words = sorted((str(w) for w in raw.get("labels") or () if str(w).strip()), key=len, reverse=True)
    if not words:
        never = re.compile("(?!)")
        return never, never
    word = "|".join(map(re.escape, words))
    bracketed = rf"[{re.escape(_OPEN)}]\s*(?:{word})\s*[{re.escape(_CLOSE)}]"
    return re.compile(rf"\s*(?:{bracketed}|(?:{word})\s*[:：])"), re.compile(bracketed)


def opens_commentary(text: str) -> bool:
    """The paragraph opens with a commentary label (【解读】…, 解读：…)."""
    return _labels()[0].match(text) is not None


_AFTER = frozenset("。！？!?；;）)”」』 \u3000")  # what ends the text before a label that opens a paragraph


def inline_cuts(text: str) -> list[int]:
    """Where a bracketed commentary label stands inside a line that holds several paragraphs (a page scraped as
    one line): each opens a piece of its own, after a sentence or a clause's bracket (not inside a sentence that
    names it: "现将方案逐条解读如下（【解读】部分为解读内容）")."""
    return [m.start() for m in _labels()[1].finditer(text) if m.start() > 0 and text[m.start() - 1] in _AFTER]


def on_page(texts: list[str]) -> bool:
    """The page is a commentary page: a bracketed label opens one of its paragraphs (【解读】…), or one label with a
    colon opens two or more (解读：… under each measure). One "政策解读：X负责做好解读" or "点评：各乡镇…" line is a task's
    own text (review: a plan's sub-lines were cut as commentary)."""
    opening, bracketed = _labels()
    seen: set[str] = set()
    for t in texts:
        m = opening.match(t)
        if m is None:
            continue
        label = m.group().strip()
        if bracketed.match(label) or label in seen:
            return True
        seen.add(label)
    return False


def start(texts: list[str]) -> int | None:
    """Where the commentary starts in an item's body paragraphs (`texts`, in order), None when there is none: from
    the first paragraph opening with a label on, the body is the page's."""
    return next((pos for pos, t in enumerate(texts) if opens_commentary(t)), None)
