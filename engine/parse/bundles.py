"""A page that holds several documents, one of them the plan: a 政府公报 issue (目录, then a notice on people, the
印发 notice with its plan, a notice on clearing rules), a 文件汇编 (the same, maybe scraped as one line).

Each document opens with its own heading "（发文机关）关于…的通知" followed by its 文号 (or its addressee 各…：);
a 目录 entry prints the heading with the 文号 in brackets after it and opens nothing (rulesets/data/bundles.yaml).
When a heading of a notice that issues a plan (印发/转发 X, `frontmatter.wrapper_inner`) stands among headings of
documents that issue none, the plan is read from its notice's heading up to the next such document's heading: the
others' numbered lines (一、清理范围, 一、专班组成) and their text are no part of it. A file whose headings all issue
plans (a notice issuing two, a 转发 chain), or with no heading of a document that issues none, is left whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.extract.data import read_data
from engine.memo import memo
from engine.models import Paragraph, SourceDoc
from engine.parse import frontmatter

_NUMBER = r"[\u4e00-\u9fff]{1,10}\s*[〔\[]\s*(?:19|20)\d{2}\s*[〕\]]\s*第?\s*\d{1,5}\s*号"
_ADDRESSEE = r"各[^。；;：:\n]{1,80}[：:]"
ISSUER_MAX = 40


@memo(1, copy="shared")  # a compiled pattern from the one file
def _heading() -> re.Pattern[str]:
    """关于…的<kind> then, at once or on the next line, its 文号 (a 目录 entry's 文号 in brackets on its own line is
    no such number: the bracket stands between) or its addressee; a line break may stand before a bracketed 文号."""
    kinds = sorted((str(k) for k in (read_data("bundles.yaml") or {}).get("kinds") or ()), key=len, reverse=True)
    if not kinds:
        return re.compile(r"(?!)")
    return re.compile(
        r"关于[^。；;：:\n〔〕\[\]]{2,100}?的(?:" + "|".join(map(re.escape, kinds)) + r")"
        r"(?=\s*(?:" + _NUMBER + "|" + _ADDRESSEE + r")|[ \t]*\n\s*[(（]\s*" + _NUMBER + r"\s*[)）])"
    )


@dataclass(frozen=True)
class _Heading:
    start: int  # offset in the page's text (paragraphs joined by "\n") where the heading's issuer begins
    issues: bool  # the notice issues (印发/转发) a plan


def _issuer_start(text: str, k: int) -> int:
    """Where the issuer before 关于 (at k) begins: back over Chinese characters up to ISSUER_MAX, not into a date
    that ends the text before it (…2026年3月12日蔚县人民政府办公室关于…) nor past the line's start."""
    j = k
    while j > 0 and k - j < ISSUER_MAX and "\u4e00" <= text[j - 1] <= "\u9fff":
        if text[j - 1] == "日" and j >= 2 and text[j - 2].isdigit():
            break
        j -= 1
    return j


def _headings(text: str) -> list[_Heading]:
    """The documents' headings in page order. A heading printed again further down is a 目录 entry first and the
    document's own heading last: only its last copy opens a document (a 目录 whose entries carry their 文号 in brackets
    on the next line reads as headings too; review: the 目录's copy of the plan's heading cut the plan away)."""
    last: dict[str, _Heading] = {}
    for m in _heading().finditer(text):
        start = _issuer_start(text, m.start())
        head = text[start : m.end()]
        last.pop(head, None)
        last[head] = _Heading(start, frontmatter.wrapper_inner(head) is not None)
    return sorted(last.values(), key=lambda h: h.start)


def own_document(doc: SourceDoc) -> SourceDoc:
    """`doc` cut to the plan's own document when it is a page of several (the module's docstring); else `doc`."""
    paras = doc.paragraphs
    if len(paras) == 0:
        return doc
    text = "\n".join(p.text for p in paras)
    heads = _headings(text)
    plan = next((h for h in heads if h.issues), None)
    if plan is None:
        return doc
    before = any(not h.issues for h in heads if h.start < plan.start)
    after = next((h for h in heads if h.start > plan.start and not h.issues), None)
    if not before and after is None:
        return doc
    lo = plan.start if before else 0
    hi = after.start if after is not None else len(text)
    kept: list[Paragraph] = []
    at = 0
    for p in paras:
        end = at + len(p.text)
        a, b = max(lo, at), min(hi, end)
        if a < b:
            s, e = a - at, b - at
            piece = p.text[s:e]
            if piece.strip():
                if (s, e) == (0, len(p.text)):
                    kept.append(p)
                else:
                    cols = p.cols[s:e] if len(p.cols) == len(p.text) else p.cols
                    kept.append(p.model_copy(update={"text": piece, "cols": cols}))
        at = end + 1
    if not kept:
        return doc
    return doc.model_copy(update={"paragraphs": kept})
