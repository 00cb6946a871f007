"""The articles that frame a document written in 第X条 articles: its purpose, scope and terms (第一条 为…制定本措施,
本办法适用于…, 本办法所称…) and its closing articles (本措施由X负责解释, 本措施自…起施行, 《X》同时废止). They are the
document's 总则 and 附则 written without the chapters (or inside another chapter): not measures. The wordings are
data (rulesets/data/articles.yaml); an article frames the document when its text opens with one of them.
"""

from __future__ import annotations

import re

from engine.extract.data import read_data
from engine.memo import memo


@memo(1, copy="shared")  # the one file, compiled once
def _wordings() -> re.Pattern[str] | None:
    """The framing wordings of rulesets/data/articles.yaml as one pattern matched at an article's start; None
    without the file (then no article is framing by its wording)."""
    raw = read_data("articles.yaml")
    if not raw:
        return None
    kinds = sorted((str(k) for k in raw.get("kinds") or []), key=len, reverse=True)
    wordings = [str(w) for w in raw.get("wordings") or []]
    if not kinds or not wordings:
        return None
    self_ref = "本(?:" + "|".join(map(re.escape, kinds)) + ")"
    return re.compile("|".join(f"(?:{w.replace('{self}', self_ref)})" for w in wordings))


def frames(text: str) -> bool:
    """`text` (an article's text after its label) opens as an article of purpose, scope, terms, interpretation,
    commencement or repeal does (rulesets/data/articles.yaml)."""
    pattern = _wordings()
    return pattern is not None and pattern.match(text.strip()) is not None
