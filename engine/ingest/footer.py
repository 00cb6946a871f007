"""A web page's closing: once a page's footer has started, what follows it is the page's, not the plan's.

An article page of a government site ends the same way everywhere (《政府网站发展指引》): its buttons
(【打印本页】【关闭窗口】, 扫一扫在手机打开当前页, 分享到), links to other documents (上一篇：… 下一篇：…, 相关链接：…),
then the site's footer (主办单位：…, 地址：…, 联系电话：…, 网站标识码, ICP备, 版权所有). `furniture` cuts the buttons,
labels and footer marks it knows, but the titles of the other documents, the site names of a link list, an
address or a phone number are plain words: left behind, they were read as the end of the plan's last measure
(on a page scraped as one line, the whole footer stands on the plan's last line).

`closing_cut` reads the document backwards from its end, piece by piece: a piece stands between spaces or line
ends, or starts where a label is glued to what comes before it (…的通知下一篇：…, …办公室主办单位：…), at a
【button】 or a footer mark. While every piece is of a footer's kind — a button, a footer mark, a label of the
closing or the footer with a short value, or a short name or title — the walk goes on; the first piece that is
not (a sentence with 。；！？, a numbered heading or item, a 附件 line, a task-table row, or anything long) ends
it. The page's closing starts at the first opener after that piece (a button, a closing label such as 上一篇 or
相关链接, a footer mark, or a sponsor's label 主办单位 with a footer mark after it), and everything from there to the end of the document is cut and listed in
`SourceDoc.removed`. So a plan that speaks of 上一篇 in a sentence, a 附件 after the signature, a signature or a
date before the buttons, or a page whose 【打印本页】 stands above the text, is never cut; a footer label that is
also a notice's (地址：…, 联系电话：…) opens nothing: a notice's own contact line stays. A numbered title (1.某某通知)
belongs to the closing only when a closing label stands before it (相关文件：1.… 2.…); after a bare button, or
with plan text before it, a numbered line is the plan's (【打印本页】 三、保障措施 keeps its heading).

The words are data: `closing_labels` and `footer_labels` in rulesets/data/page_furniture.yaml, with the buttons
(`strong_tokens`) and footer marks (`footer_marks`) the rest of the furniture code reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.ingest import furniture
from engine.ingest.normalise import same_length_light
from engine.ingest.tables import TableRow
from engine.memo import memo
from engine.numbering_marks import opens_with_mark

RawLine = tuple[int, str]

MAX_ZONE = 4000  # characters: a page's closing is shorter; the walk reads no further back than this
VALUE_MAX = 100  # a label's value (the title of another document after 上一篇：)
BARE_MAX = 60  # a name or a title standing alone (a site in a link list, a document's title)
TAIL_MAX = 300  # characters after a footer's mark line that are still the page's, whatever they say

_STOP, _FOOTER, _OPENER, _NUMBERED_TITLE, _SITE, _MARK = 0, 1, 2, 3, 4, 5
_SENTENCE = re.compile(r"[。；;！!？?]")
# an item's number (一、 （一） (1) 1. 1、 ① 第一条): a numbered heading or item is the plan's
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]{1,3}[）)]|\d{1,3}(?:[.．、](?!\d)|\s*[)）])"
    r"|[①-⑳]|第[一二三四五六七八九十百零\d]+[章节条部分款])"
)


def opens_item(text: str) -> bool:
    """`text` opens with an item's number (一、 （一） (1) 1. ① 第一条): a numbered heading or item of the plan."""
    return bool(_NUMBERED.match(text))


# the plan's attachment (附件：…, 附表1) is the plan's; a download button (附件下载) is furniture
_ANNEX = re.compile(r"^(?:附件|附表|附录)(?!下载)")
# a piece: a button or a label in brackets, spaces and all (【字体：大 中 小】), or a stretch without spaces or an
# opening bracket (cut further at glued labels), or a bracket that opens nothing
_RUN = re.compile(r"[【\[][^【】\[\]\n]{1,24}[】\]]|[^\s【\[]+|\S")
_SALUTATION = re.compile(r"(?:^各|[，、,]).*[:：]$")
_EDGE_JUNK = "·•・|｜>»›→-—_、,，*＊ \u3000"
_MARKS = r"[\u4e00-\u9fff]?(?:ICP备|ICP证|公网安备)|网站标识码|版权所有|Copyright|All Rights Reserved|©"


@dataclass(frozen=True)
class _Patterns:
    cut: re.Pattern[str]  # where a glued piece starts inside a stretch without spaces
    opening: re.Pattern[str]  # a closing label at a piece's start (上一篇 相关链接)
    site: re.Pattern[str]  # a site's sponsor label at a piece's start (主办单位 技术支持)
    label: re.Pattern[str]  # a closing or footer label at a piece's start (地址 联系电话 too)
    marks: re.Pattern[str]  # a footer mark anywhere in a piece (ICP备, 网站标识码, 版权所有)
    strong: re.Pattern[str]  # a button that is furniture wherever it stands (打印本页, 扫一扫在手机打开当前页)


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@memo(1, copy="shared")  # compiled once from the data; frozen
def _patterns() -> _Patterns:
    data = furniture.data()
    closing, site = _alt(data["closing_labels"]), _alt(data["site_labels"])
    labels = _alt(data["closing_labels"] + data["site_labels"] + data["footer_labels"])
    strong = _alt(data["strong_tokens"])
    return _Patterns(
        cut=re.compile(rf"(?<=[】\]])|(?<![【\[])(?:(?:{labels})\s*[:：]|{strong}|{_MARKS})", re.I),
        opening=re.compile(rf"^(?:{closing})(?:\s*[:：]|$)", re.I),
        site=re.compile(rf"^(?:{site})(?:\s*[:：]|$)"),
        label=re.compile(rf"^(?:{labels})(?:\s*[:：]|$)", re.I),
        marks=re.compile(_MARKS, re.I),
        strong=re.compile(strong),
    )


def _kind(piece: str, p: _Patterns) -> int:
    """Whether a piece (light text) ends the walk (_STOP), is a footer's (_FOOTER) or opens a page's closing."""
    t = piece.strip(_EDGE_JUNK)
    if not t:
        return _FOOTER  # a bullet, a pipe between links
    if len(t) > VALUE_MAX or _SENTENCE.search(t) or _ANNEX.match(t):
        return _STOP
    label = p.label.match(t)
    if _SALUTATION.search(t[label.end() :] if label else t):
        return _STOP  # the addressees that open a document (各乡镇人民政府，市政府各部门：), behind a label or not
    if _NUMBERED.match(t) or opens_with_mark(t):  # or a mark of one character: ㈠ ⑴ ⒈ (numbering_marks.yaml)
        return _NUMBERED_TITLE  # a heading of the plan, or a title in a numbered list of links: the walk decides
    inner = t[1:-1].strip() if t[0] in "【[" and t[-1] in "】]" else None
    if p.marks.search(t):
        return _MARK
    if p.opening.match(t) or (inner is not None and p.opening.match(inner)):
        return _OPENER
    if p.site.match(t):
        return _SITE
    if (inner is not None or p.strong.search(t)) and furniture.is_furniture(t):
        return _OPENER  # 【打印】 【关闭窗口】 扫一扫在手机打开当前页 我要纠错
    if label or len(t) <= BARE_MAX:
        return _FOOTER
    return _STOP


def _pieces(s: str, p: _Patterns) -> list[tuple[int, int]]:
    """The pieces of a line (as offsets): a button or label in brackets (【字体：大 中 小】), or a stretch between
    spaces and brackets, cut again where a label, a button or a footer mark is glued to what stands before it."""
    out: list[tuple[int, int]] = []
    for run in _RUN.finditer(s):
        a, b = run.span()
        if s[a] in "【[":
            out.append((a, b))
            continue
        cuts = sorted({m.start() for m in p.cut.finditer(s, a, b)} - {a, b})
        bounds = [a, *cuts, b]
        out.extend((bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1))
    return out


def _marked_end(lines: list[RawLine], p: _Patterns) -> int:
    """Where the walk starts: the last line, or the last line with a footer's mark (ICP备, 网站标识码) when only a
    little text follows it, none of it a numbered item or a table row, and a plan (a numbered item, a task table's
    row) stands above it. What follows a site's footer is the page's (a counter, a note on the browser, a script's
    remains), not the plan's last measure, even when it reads as a sentence; a plan's own text after a footer (a
    numbered item) keeps the walk at the end, and a masthead's marks above a short notice leave the notice whole."""
    last = len(lines) - 1
    chars = 0
    for k in range(last, -1, -1):
        line = lines[k][1]
        if not line.strip():
            continue
        if isinstance(line, TableRow):
            return last
        if len(line) > MAX_ZONE:  # a page on one line: the walk reads its end itself
            return last
        s = same_length_light(line)
        if any(_kind(s[a:b], p) == _MARK for a, b in _pieces(s, p)):
            plan_above = any(isinstance(ln, TableRow) or opens_item(ln.lstrip()) for _, ln in lines[:k])
            return k if plan_above else last
        chars += len(s.strip())
        if chars > TAIL_MAX or opens_item(s.strip()):
            return last
    return last


def closing_cut(lines: list[RawLine]) -> tuple[list[RawLine], list[str]]:
    """The lines without the page's closing (cut from the first opener after the last piece that is not a
    footer's to the document's end; cut lines stay, blank, so lines keep their numbers), and the text cut,
    one entry per line, spaces collapsed."""
    p = _patterns()
    budget = MAX_ZONE
    start: tuple[int, int] | None = None  # (line, column) of the earliest opener met so far
    # numbered titles met since the last opener (1.某某通知): a link list's if a closing label comes before them
    # (相关文件：), else the plan's, and the closing is what was found before them
    numbered: tuple[tuple[int, int] | None] | None = None
    marked = False  # a footer mark (ICP备, 网站标识码) was met: a site's sponsor line before it is the footer's
    stopped = False
    for k in range(_marked_end(lines, p), -1, -1):
        line = lines[k][1]
        if not line.strip():
            continue
        if isinstance(line, TableRow):  # a task table's row is the plan's
            stopped = True
            break
        base = max(0, len(line) - budget - 1)  # a line longer than what is left is read only at its end
        s = same_length_light(line[base:])
        for a, b in reversed(_pieces(s, p)):
            kind = _kind(s[a:b], p) if (a > 0 or base == 0) else _STOP
            budget -= b - a
            if kind == _STOP or budget < 0:
                stopped = True
                break
            if kind == _NUMBERED_TITLE:
                numbered = numbered or (start,)
            elif kind == _MARK:
                marked, kind = True, _OPENER
            elif kind == _SITE:
                kind = _OPENER if marked else _FOOTER  # 主办单位 opens only a footer that has its marks
            if kind == _OPENER:
                if numbered is not None and not p.opening.match(s[a:b].strip(_EDGE_JUNK)):
                    stopped = True  # 【打印本页】 then numbered lines: the plan's, not a link list's
                    break
                start, numbered = (k, base + a), None
        if stopped:
            break
    if numbered is not None:
        start = numbered[0]
    if start is None or not stopped:  # nothing opens a closing, or no plan text before it at all
        return lines, []
    k0, col = start
    out = list(lines)
    removed: list[str] = []
    for k in range(k0, len(lines)):
        no, line = lines[k]
        cut = line[col:] if k == k0 else line
        if cut.strip():
            removed.append(" ".join(cut.split()))
            out[k] = (no, line[:col] if k == k0 else "")
    return out, removed
