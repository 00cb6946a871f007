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
def _wordings() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(every framing wording, the closing ones only) of rulesets/data/articles.yaml, each one pattern matched at an
    article's start; None without the file (then no article is framing by its wording)."""
    raw = read_data("articles.yaml")
    if not raw:
        return None, None
    kinds = sorted((str(k) for k in raw.get("kinds") or []), key=len, reverse=True)
    heads = sorted((str(h) for h in raw.get("self_heads") or ["本"]), key=len, reverse=True)
    opening = [str(w) for w in raw.get("wordings") or []]
    closing = [str(w) for w in raw.get("closing") or []]
    if not kinds:
        return None, None
    self_ref = "(?:" + "|".join(map(re.escape, heads)) + ")(?:" + "|".join(map(re.escape, kinds)) + ")"

    def compiled(wordings: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{w.replace('{self}', self_ref)})" for w in wordings)) if wordings else None

    return compiled([*opening, *closing]), compiled(closing)


@memo(1, copy="shared")  # the one file, compiled once
def _prohibitions() -> re.Pattern[str] | None:
    """rulesets/data/articles.yaml `prohibitions` as one pattern matched at an article's start; None without them."""
    wordings = [str(w) for w in (read_data("articles.yaml") or {}).get("prohibitions") or []]
    return re.compile("|".join(f"(?:{w})" for w in wordings)) if wordings else None


def prohibits(text: str) -> bool:
    """`text` (an article's text after its label) opens as an article that forbids does: 禁止…, 任何单位和个人不得…
    (rulesets/data/articles.yaml `prohibitions`)."""
    pattern = _prohibitions()
    return pattern is not None and pattern.match(text.strip()) is not None


_SENTENCES = 8  # how many of an article's sentences are read for a unit bearing its duty


def charges(text: str) -> bool:
    """`text` (an article's text after its label) has a sentence that opens with the units bearing its duty:
    "X负责…", "X会同Y…" (engine/extract/responsibility.py `article_subject`) — the first ("第九条　X负责…") or a later one
    ("第八条　禁止在…从事网箱养殖。县农业农村局负责日常巡查…": a prohibition whose enforcement the article assigns)."""
    # it reads the parser's words: imported when called
    from engine.extract.responsibility import article_subject

    sentences = [t for t in re.split(r"[。；;]", text, maxsplit=_SENTENCES)[:_SENTENCES] if t.strip()]
    return any(article_subject(t) is not None for t in sentences)


def frames(text: str) -> bool:
    """`text` (an article's text after its label) opens as an article of purpose, scope, terms, interpretation,
    commencement or repeal does (rulesets/data/articles.yaml)."""
    pattern = _wordings()[0]
    return pattern is not None and pattern.match(text.strip()) is not None


def closes(text: str) -> bool:
    """`text` opens as a closing article does (interpretation, commencement and validity, repeal, precedence:
    articles.yaml `closing`): "以上措施自印发之日起施行，有效期至…", "本措施由X负责解释。" — a paragraph that closes the plan."""
    pattern = _wordings()[1]
    return pattern is not None and pattern.match(text.strip()) is not None
