"""The units an ARTICLE of a 规章 / 办法 / 实施细则 (第X条) charges, read from every sentence that opens with its subject.

An article may charge several bodies in turn, one sentence each: "第四条　市公安局负责全市养犬登记管理的组织实施，…。
各县（市、区）公安机关负责本辖区养犬登记…。" or "第五条　市农业农村局负责犬只狂犬病强制免疫…。市卫生健康委负责狂犬病暴露
预防处置门诊的设置和管理…。" — each sentence's subject bears its own part of the article's duty, as "X负责A，Y负责B" does in
a plan's item (engine/extract/textleads.py `field_leads`). So every sentence that opens with a subject
(engine/extract/responsibility.py `article_subject`) gives its units; the article's units are their union (a unit that
leads one sentence and supports another leads), its leads sharing the duty by their parts (`by_duty`). A sentence that
opens otherwise (a prohibition, "从事犬只经营的，应当…", "收容犬只的留检期限不少于15日") gives none and is skipped: the
article is still charged by the others (engine/parse/articles.py `charges` reads the same sentences to tell an article
that charges from one that frames or forbids).
"""

from __future__ import annotations

import re
from itertools import islice

from engine.extract.responsibility import article_subject, union_of
from engine.models import Responsibility

_SENTENCES = 8  # how many of an article's sentences are read (engine/parse/articles.py `charges` reads as many)
_SENTENCE_END = re.compile(r"[。；;]")


def article_leads(text: str) -> Responsibility | None:
    """The units the article `text` (after its label) charges: the union of each opening subject of its first
    `_SENTENCES` sentences; the first such sentence's clause gives the text and place. None when no sentence opens
    with one."""
    found: list[Responsibility] = []
    pos = 0
    ends = islice(_SENTENCE_END.finditer(text), _SENTENCES)
    for _ in range(_SENTENCES):
        m = next(ends, None)
        end = m.start() if m is not None else len(text)
        piece = text[pos:end]
        r = article_subject(piece) if piece.strip() else None
        if r is not None:
            found.append(r if pos == 0 else r.model_copy(update={"start": r.start + pos, "end": r.end + pos}))
        if m is None:
            break
        pos = m.end()
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    lead, support = union_of(found)
    return found[0].model_copy(update={"lead": lead, "support": support, "by_duty": len(lead) > 1})
