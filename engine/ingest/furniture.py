"""Page furniture: the metadata, buttons and breadcrumbs a scraped government page carries.

Conservative by design: a line is furniture only if it is short AND either starts with a known
metadata label (索引号: … 公开日期 …), or consists of nothing but furniture tokens and brackets
(【字体：大 中 小】【打印本页】【关闭窗口】), or is a breadcrumb (首页 > 政务公开 > …), or carries a
site footer's marks (网站标识码, ICP备, 公网安备, 版权所有), or is a `来源：…`, `主办单位：…` or
`技术支持：…` line, a site's masthead (人民网｜时政, 政务公开 > 政策文件, 新华网) or a dateline
(2025-03-18 15:42:07 来源：…) at the very top or the very end of the document. A line of plan text never starts
with these labels, so it is never dropped.

Inside a longer line (a page saved as one line), `inline_spans` finds the same furniture (menu,
breadcrumb, label：value, 【buttons】, footer marks) between spaces or glued to each other with no space
at all, and the ingest cuts the line there into paragraphs whose columns stay the original line's.

The words are data: rulesets/data/page_furniture.yaml, with their sources.

A furniture line that carries the document number (`公开目录 规范性文件 文号 宁发〔2017〕10号`) is
not dropped: the paragraph keeps the `文号 宁发〔2017〕10号` part so the parser can find 〔year〕N号.

Detection reads `normalise.light(line)`: width-mapped, simplified, whitespace collapsed but kept
(normalised text has spaces between Han characters removed, which would glue label and value).
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from engine.memo import memo

MAX_LEN = 120  # furniture lines are short; a longer line is plan text whatever it starts with
TOKEN_MAX_LEN = 80

# The words are data (rulesets/data/page_furniture.yaml, with their sources; a wheel ships it too): the keys read
_KEYS = (
    "labels",
    "numeric_labels",
    "edge_labels",
    "strong_tokens",
    "weak_tokens",
    "footer_marks",
    "breadcrumb_ends",
    "closing_labels",
    "site_labels",
    "footer_labels",
    "top_bar",
    "top_bar_prefixes",
)


def _load() -> dict[str, tuple[str, ...]]:
    from engine.extract.data import (
        read_data,  # here, not at import: only the first line that meets furniture pays
    )

    raw = read_data("page_furniture.yaml", required=True) or {}
    english = raw.get("english_chrome") or {}  # an English chrome's words, each list's added to the list it names
    return {k: tuple(str(w) for w in [*((raw.get(k) or {}).get("words") or ()), *(english.get(k) or ())]) for k in _KEYS}


def _spaced(words: tuple[str, ...], not_tails_of: tuple[str, ...] = ()) -> str:
    """Alternation of words that may be letter-spaced (索 引 号), longest first; none matches where it ends
    one of `not_tails_of` (字号 in 发文字号)."""
    return "|".join(
        _tail_guard(w, not_tails_of) + _letters(w) for w in sorted(words, key=len, reverse=True)
    )


def _letters(word: str) -> str:
    """`word` as a pattern whose characters may stand a space apart: a font-size switch is written 大 中 小 as
    often as 大中小, each size a link of its own."""
    return " ?".join(map(re.escape, word))


def _tail_guard(word: str, labels: tuple[str, ...]) -> str:
    """Lookbehinds that stop `word` matching where it ends a longer label (字号 in 发文字号)."""
    heads = sorted({w[: -len(word)] for w in labels if w.endswith(word) and w != word}, key=len)
    return "".join(f"(?<!{re.escape(h)})" for h in heads)


def _case_twins(words: tuple[str, ...]) -> dict[str, list[str]]:
    """For each letter of the words, the characters `re.I` takes for it (I: I i İ ı; K: K k K), in the
    basic plane."""
    letters = {c for w in words for c in w if c.lower() != c.upper()}
    if not letters:
        return {}
    plane = array("I", range(0x10000)).tobytes().decode("utf-32-le", "surrogatepass")
    return {c: sorted(set(re.findall(re.escape(c), plane, re.I))) for c in letters}


def _cased(words: tuple[str, ...], twins: dict[str, list[str]]) -> tuple[str, ...]:
    """The words in every spelling `re.I` matches (QQ空间, qq空间), for an anchor pattern (`_scan`): it is read
    case-sensitively, since folding case would stop `re` skipping ahead to a word's first character."""
    return tuple(
        sorted({"".join(v) for w in words for v in itertools.product(*(twins.get(c, c) for c in w))})
    )


def _scan(
    pattern: re.Pattern[str], anchors: re.Pattern[str], text: str, back: int = 0, *, spaces: bool = False
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, the same matches, tried only where one can start: at an anchor's start or
    up to `back` characters before it. Every match of `pattern` must hold an anchor that starts at most
    `back` characters after the match does, and none may be empty. `spaces`: the run of whitespace right
    before an anchor does not count towards `back` (首页   | 政务公开: a menu word, then any spaces, then a pipe).

    `anchors` is an alternation whose every branch starts with a literal character (a word, 索 ?引 ?号, no
    class, group or case folding first): `re` then skips to the characters that can start one instead of
    trying the whole pattern at every place, so a 2 MB line without a furniture word costs one quick scan.
    """
    end = tried = 0  # the last match's end; the first place not yet tried
    hit = anchors.search(text)
    while hit is not None:
        a = r = hit.start()
        while spaces and r > max(end, tried) and text[r - 1].isspace():  # each run is read once
            r -= 1
        for p in range(max(end, tried, r - back), a + 1):
            if p < end:
                continue
            m = pattern.match(text, p)
            if m is not None:
                yield m
                end = m.end()
        tried = a + 1
        hit = anchors.search(text, max(tried, end))


_JUNK = re.compile(r"[\s【】\[\]()<>《》:：|、,，.。·•/»>\-—_]+")
_BREADCRUMB = re.compile(r"^(?:首页|主页|网站首页)\s*[>»›/]")
# a government site's footer: registration numbers and notices no plan sentence carries, anywhere;
# the site's sponsor and contact lines only among the first and last lines
_SITE_FOOTER = re.compile(
    r"网站标识码|ICP备|ICP证|公网安备|版权所有|Copyright|All Rights Reserved|©|建议使用.{0,20}浏览器|分辨率\s*\d{3,4}",
    re.I,
)
_SITE_EDGE = re.compile(r"^(?:主办单位|承办单位|主办|承办|技术支持|网站地图|联系我们)(?:[ :：|]|$)")
_NAV_MAX = 20
_NAV_WORD = rf"[^\s|｜>»›【】\[\]:：。，；]{{1,{_NAV_MAX}}}"
# a site's masthead at the top of a page: 大公文匯全媒體｜內地政策, 人民网 | 时政, 政务公开 > 政策文件,
# or the site's name alone (湄潭县人民政府门户网站, 新华网); a title or plan line never has this shape
_SITE_CHARS = r"(?:(?!的)[\u4e00-\u9fffA-Za-z0-9])"  # no 的: a site's name is a name, not a phrase
_MEDIA = rf"(?:{_SITE_CHARS}{{1,16}}(?:门户网站|网站|全媒体|客户端|日报|晚报)|{_SITE_CHARS}{{1,4}}网|{_SITE_CHARS}{{1,10}}政府网)"
_COLUMN = r"[\u4e00-\u9fff]{2,12}"
# a portal's top bar greets the reader before the site's name (您好，欢迎访问…门户网站！) and may go on with
# reader aids and editions after it (…网站！无障碍浏览 | 长者模式 | 繁體版 | English)
_GREETING = r"(?:(?:您好|你好)[,，!！]?\s*)?欢迎(?:您)?(?:访问|来到|光临|登录)?\s*"
_MASTHEAD = re.compile(
    rf"^(?:(?:{_GREETING})?{_MEDIA}(?:[!！](?:\s*{_NAV_WORD})?)?(?:\s*[|｜]\s*{_NAV_WORD})*"
    rf"|{_COLUMN}(?:\s*[|｜>»›]\s*{_COLUMN})+)$"
)
# a page's dateline: 2025-03-18 15:42:07 (and the source or editor beside it); a plan dates itself 年月日
_STAMP = re.compile(
    r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s+(?:信息来源|文章来源|来源|作者|责任编辑|编辑)\s*[:：]\s*\S{1,40})*$"
)
_SOURCE = re.compile(r"^[【\[]?(?:信息|文章|稿件)?来源[】\]]?\s*[:：]")
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*共?\s*\d{1,4}\s*页?)?[-—–－\s]*$")
# 宁发〔2017〕10号, 桂政发[2021]45号; optionally preceded by its label
DOC_NUMBER = re.compile(
    r"(?:(?:发文字号|文号)\s*[:：]?\s*)?[\u4e00-\u9fff]{1,12}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,5}\s*号"
)


@dataclass(frozen=True)
class _Words:
    """The data's words and the patterns made of them (`_words()`, built once, on first use)."""

    labels: tuple[str, ...]
    tokens: tuple[str, ...]
    numeric_labels: tuple[str, ...]  # labels whose value is a number or a date
    label_start: re.Pattern[str]
    metadata_row: re.Pattern[str]
    token: re.Pattern[str]
    always: re.Pattern[str]  # footer marks, cut wherever they stand
    closed: re.Pattern[str]
    closed_anchors: re.Pattern[str]
    strong: frozenset[str]
    weak: frozenset[str]
    open_label: re.Pattern[str]
    crumbs: re.Pattern[str]
    crumbs_anchors: re.Pattern[str]
    body_label: re.Pattern[str]
    crumb_end: re.Pattern[str]
    bar_item: re.Pattern[str]  # one piece of a portal's top bar (`top_bar_end`)


# labels whose line is kept (the document number stays beside its label; `metadata_row`, DOC_NUMBER)
_KEPT_LABELS = ("文号", "发文字号")


# the most characters a closed item (`_Words.closed`) holds before its anchor (豫 of 豫ICP备)
_CLOSED_BACK = 3
# the value of a label whose value is a number or a date: it ends where the digits end, spaced or not
_NUM_VALUE = r"[A-Za-z]{0,4}[0-9][0-9A-Za-z\-/:.年月日号 ]{0,30}[0-9A-Za-z年月日号]|[0-9]"


@memo(1, copy="shared")  # one file read once; a read-only mapping of tuples
def data() -> Mapping[str, tuple[str, ...]]:
    """The data's word lists by key (page_furniture.yaml)."""
    return MappingProxyType(_load())


@memo(1, copy="shared")  # one file read once; _Words is frozen (tuples, frozensets, compiled patterns)
def _words() -> _Words:
    words = data()
    labels, edge_labels, numeric = words["labels"], words["edge_labels"], words["numeric_labels"]
    tokens = words["strong_tokens"] + words["weak_tokens"]
    marks = ("ICP备", "ICP证", "公网安备")
    twins = _case_twins(numeric + marks + tokens)
    # Items for `inline_spans`, found wherever they stand (spaced or glued to each other). A closed item has
    # a known end; an open one (label：value, a breadcrumb's last column) ends where the next item starts, at
    # a stop or a space, or not at all (then it is no item). Each kind of closed item names the words one
    # must hold (its anchors, see `_scan`), at most `_CLOSED_BACK` characters after its start.
    by_length = sorted(tokens, key=len, reverse=True)
    closed = (
        (r"[【\[][^】\]\n]{1,24}[】\]]", r"【|\["),  # 【打印本页】 [大 中 小]
        (  # 浏览次数：1536
            rf"(?:{_spaced(numeric)})(?:\s*[:：]\s*|\s+)?(?:{_NUM_VALUE})(?![0-9A-Za-z])",
            _spaced(_cased(numeric, twins)),
        ),
        (  # 豫ICP备12345678号-1: up to 3 characters before the mark
            r"[\u4e00-\u9fff]{0,3}(?:" + "|".join(marks) + r")\s*[0-9\-]+\s*号?(?:-\d{1,3})?",
            _spaced(_cased(marks, twins)),
        ),
        # a dateline
        (r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?", r"19\d{2}-|20\d{2}-"),
        (  # 打印 关闭 字号：, but not the 字号 that ends 发文字号 (a label whose value is kept); 大 中 小 spaced
            "(?:" + "|".join(_tail_guard(t, _KEPT_LABELS) + _letters(t) for t in by_length) + ")[:：]?",
            _spaced(_cased(tokens, twins)),
        ),
    )
    body_labels = tuple(
        w
        for w in labels + edge_labels
        if w.endswith(("来源", "机构", "机关", "单位", "部门", "主办", "承办", "协办", "技术支持"))
    )
    return _Words(
        labels=labels,
        tokens=tokens,
        numeric_labels=numeric,
        label_start=re.compile("^[【\\[]?(?:" + _spaced(labels) + r")[】\]]?(?:[ :：]|$)"),
        # an HTML table row holding page metadata: its cells stay on one line (文号 rows too, so the number
        # stays beside its label); a label may be letter-spaced to align the column (索 引 号, 文　　号)
        metadata_row=re.compile("^[【\\[]?(?:" + _spaced((*labels, *_KEPT_LABELS)) + r")[】\]]?(?:[ :：]|$)"),
        token=re.compile("|".join(map(_letters, sorted(tokens, key=len, reverse=True)))),
        always=re.compile("|".join(map(re.escape, words["footer_marks"])), re.I),
        closed=re.compile("|".join(f"(?:{pattern})" for pattern, _ in closed), re.I),
        closed_anchors=re.compile("|".join(anchors for _, anchors in closed)),
        strong=frozenset(words["strong_tokens"]),
        weak=frozenset(words["weak_tokens"]),
        open_label=re.compile(rf"(?:{_spaced(labels + edge_labels, _KEPT_LABELS)})(?:\s*[:：]\s*|\s+)"),
        crumbs=re.compile(rf"(?:(?:{_spaced(labels)})\s*[:：]\s*)?(?:首页|主页|网站首页)(?=\s*[>»›→])"),
        crumbs_anchors=re.compile(f"{_spaced(labels)}|首页|主页|网站首页"),  # a breadcrumb starts with one
        body_label=re.compile(rf"(?:{_spaced(body_labels)})"),
        crumb_end=re.compile(".{0,10}?(?:" + "|".join(map(re.escape, words["breadcrumb_ends"])) + ")"),
        bar_item=_bar_item(words["top_bar"], words["top_bar_prefixes"], labels),
    )


# ---- a portal's top bar: greeting, today's date, the menu written without separators -------------------
_WEEKDAY = r"(?:[(（]\s*)?(?:星期|周|礼拜)[一二三四五六日天](?:\s*[)）])?"
_DAY = r"(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})"
_LUNAR = r"(?:\s*农历\s*(?:[\u4e00-\u9fff]{2}年)?闰?[正一二三四五六七八九十冬腊]{1,2}月[初十廿卅二三][一二三四五六七八九十]?)?"
_BAR_SEPARATORS = " \t\u3000|｜·•/"


def _bar_item(menu: tuple[str, ...], prefixes: tuple[str, ...], labels: tuple[str, ...]) -> re.Pattern[str]:
    """A piece of a portal's top bar, by kind: `site` (许昌市人民政府门户网站, only first), `welcome` (您好，欢迎访问
    …网站！), `today` (今天是2024年5月6日 星期一), `menu` (a word of the data's menu), `column` (走进许昌: a prefix of
    the data's and two to five characters, up to a space, a separator or the next menu word)."""
    known = "|".join(map(re.escape, sorted(menu, key=len, reverse=True)))
    after = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))  # 当前位置 after the menu
    heads = "|".join(map(re.escape, sorted(prefixes, key=len, reverse=True)))
    return re.compile(
        rf"(?P<welcome>(?:(?:您好|你好)[,，!！]?\s*)?欢迎(?:您)?(?:访问|来到|光临|登录)\s*(?:{_MEDIA}|本站|本网站|本网)"
        r"\s*[!！。.]?)"
        rf"|(?P<today>(?:(?:今天是|今日|今天|当前日期)\s*[:：]?\s*{_DAY}(?:\s*{_WEEKDAY})?|{_DAY}\s*{_WEEKDAY}){_LUNAR})"
        rf"|(?P<menu>{known})(?!\s*[>»›→])"  # 首页 > …: a breadcrumb's start
        rf"|(?P<column>(?:{heads})[\u4e00-\u9fff]{{2,5}}?(?=[{_BAR_SEPARATORS}]|$|{known}|{after}))"
        rf"|(?P<site>{_MEDIA}|{_SITE_CHARS}{{2,16}}?(?:人民政府|政府))"
    )


def top_bar_end(same: str, pos: int = 0) -> int:
    """Where a portal's top bar that starts at `pos` ends (`pos` when there is none): the site's name, a
    greeting, today's date and weekday and the menu's words (rulesets/data/page_furniture.yaml `top_bar`), run
    together or with spaces, with a greeting or a date among them or two menu words at least. On a page with
    spaces between its pieces, a last piece glued to what follows (首页 政务公开工作要点) is the text's, not the
    bar's; the site's name counts only before other pieces."""
    pattern = _words().bar_item
    n = len(same)
    pieces: list[tuple[int, int, str]] = []
    p = pos
    while True:
        q = p
        while q < n and same[q] in _BAR_SEPARATORS:
            q += 1
        m = pattern.match(same, q)
        if m is None or m.end() == q or (m.lastgroup == "site" and pieces):
            break
        b = m.end()
        while b > q and same[b - 1].isspace():
            b -= 1
        pieces.append((q, b, m.lastgroup or ""))
        p = b
    spaced = any(same[b:a].strip("|｜·•/") for (_, b, _), (a, _, _) in itertools.pairwise(pieces))
    while pieces and spaced and pieces[-1][1] < n and same[pieces[-1][1]] not in _BAR_SEPARATORS:
        pieces.pop()
    kinds = [k for *_, k in pieces]
    if "welcome" in kinds or "today" in kinds or kinds.count("menu") >= 2:
        return pieces[-1][1]
    return pos


def starts_metadata_row(text: str) -> bool:
    """Whether a table row's text (spaces collapsed) starts with a page-metadata label (索引号, 文号 …)."""
    return _words().metadata_row.match(text) is not None


def is_furniture(light: str, *, at_edge: bool = False, pdf: bool = False) -> bool:
    """Whether a line (as `normalise.light` gives it) is page furniture.

    `at_edge`: the line is among the first or last few non-blank lines, where `来源：…` is furniture.
    `pdf`: page-number lines (— 3 —, 第3页) are furniture too.
    """
    if not light or len(light) > MAX_LEN:
        return False
    words = _words()
    if words.label_start.match(light) or _BREADCRUMB.match(light):
        return True
    edge_line = (
        _SOURCE.match(light) or _SITE_EDGE.match(light) or _MASTHEAD.match(light) or _STAMP.match(light)
    )
    if at_edge and edge_line and len(light) <= 60:
        return True
    if _SITE_FOOTER.search(light):
        return True
    if pdf and _PAGE_NUMBER.match(light):
        return True
    if len(light) <= TOKEN_MAX_LEN and words.token.search(light):
        return not _JUNK.sub("", words.token.sub("", light))
    return top_bar_end(light) == len(light)


# ---- furniture inside a line: a scraped page saved as one line ---------------------------------------
# The page's navigation, breadcrumb, metadata, buttons and footer stand on the same line as the plan,
# each a segment between spaces or, on a page saved with no space at all, glued to the next. A run of
# such segments is cut out where it touches the line's start or end, or wherever it holds two segments
# or more; one segment alone mid-line stays (the text around it would have to be read as plan text
# otherwise). Footer marks (ICP备, 公网安备, 网站标识码) are cut wherever they stand.


def _bracket_is_furniture(seg: str, words: _Words) -> bool:
    if not seg.startswith(("【", "[")):
        return True
    inner = seg[1:-1].replace(" ", "")
    if words.label_start.match(inner):
        return True
    return bool(words.token.search(inner)) and not _JUNK.sub("", words.token.sub("", inner))


# 首页 | 走进永泰 | 政务公开 (a menu): tried only within a word and its spaces before a pipe (`_scan`)
_MENU = re.compile(rf"{_NAV_WORD}(?:\s*[|｜]\s*{_NAV_WORD})+")
_PIPES = re.compile("\\||｜")  # a menu holds one: it starts at most a word and spaces before it
_CRUMB_SEP = re.compile(r"\s*[>»›→]\s*")
_CRUMB = re.compile(r"[^\s|｜>»›→【】\[\]:：。，；《》“”]{1,20}")
_SEGMENT_END = re.compile(r"[ \t]")
_SENTENCE_STOP = re.compile("[。！？!?]")
_SEGMENT_VALUE_MAX = 40
# a site's name and menu before a breadcrumb on a page saved as one line: this long at most, with no sentence stop
_HEADER_MAX = 160
_HEADER_STOP = re.compile("[。！？!?；;]")
_VALUE = re.compile(r"[^\s【\[，。；！？,;!?《》“”]{1,40}")
# the shortest body's or site's name (来源：洛阳市人民政府办公室…, 来源：天水市人民政府网站…), for labels whose
# value is one; the longer ending first where two end at the same place (…人民政府办公室, not …人民政府)
_ORG_END = re.compile(
    r".*?(?:(?:人民政府|政府)?(?:门户网站|网站)|人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|人民政府|办公室|办公厅"
    r"|委员会|局|厅|司|部|中心|集团|公司|政府)"
)


class _Item:
    __slots__ = ("a", "b", "open_from", "strong")

    def __init__(self, a: int, b: int, strong: bool, open_from: int = -1) -> None:
        self.a, self.b, self.strong, self.open_from = a, b, strong, open_from


def _items(same: str, words: _Words) -> list[_Item]:
    items: list[_Item] = []
    menus = _scan(_MENU, _PIPES, same, _NAV_MAX, spaces=True)
    for m in (*_scan(words.closed, words.closed_anchors, same, _CLOSED_BACK), *menus):
        seg = m.group().rstrip()
        if not seg or not _bracket_is_furniture(seg, words):
            continue
        word = seg.rstrip(":：").replace(" ", "")  # 大 中 小 is the weak 大中小
        items.append(_Item(m.start(), m.start() + len(seg), word not in words.weak or word in words.strong))
    for m in words.open_label.finditer(same):
        items.append(_Item(m.start(), m.end(), True, m.end()))
    for m in _scan(words.crumbs, words.crumbs_anchors, same):
        b, last = m.end(), -1
        while True:
            sep = _CRUMB_SEP.match(same, b)
            crumb = _CRUMB.match(same, sep.end()) if sep else None
            if crumb is None:
                break
            last, b = sep.end(), crumb.end()  # type: ignore[union-attr]
        if last >= 0:
            items.append(_Item(m.start(), b, True, last))
    return items


def _resolve(item: _Item, same: str, starts: list[int], words: _Words) -> int | None:
    """The end of an open item: the next item's start inside its value, a stop, a space, the line's end,
    or the end of a body's name (来源：洛阳市人民政府办公室…) or a column's name (…>政策文件…)."""
    v = item.open_from
    crumb = v < item.b  # a breadcrumb: its value (the last column) is already matched
    m = _CRUMB.match(same, v) if crumb else _VALUE.match(same, v)
    limit = m.end() if m else v
    k = bisect.bisect_left(starts, v)
    if k < len(starts) and starts[k] <= limit and (starts[k] > v or not crumb):
        return starts[k]
    body = crumb or words.body_label.match(same, item.a) is not None
    if limit == len(same) or same[limit] in " \t【[" or limit == v:
        return limit
    if same[limit] in "，。；！？,;!?" and (body or same[v - 1].isspace()):
        return limit  # 来源：新华社，… / 主题分类： 农业，…: a stop ends a name or a spaced value
    if not body:
        if item.a == 0 or same[item.a - 1] in " \t":
            # a label standing as a segment of its own (at the line's start or after a space): its value is the
            # segment, a list of categories with its marks ("分类：农业、林业、水利；通知"), no sentence
            seg = _SEGMENT_END.search(same, v)
            end = seg.start() if seg else len(same)
            if end - v <= _SEGMENT_VALUE_MAX and not _SENTENCE_STOP.search(same, v, end):
                return end
        return v  # 相关链接：各市、县…， glued to the text: the label alone (its value is no name to end)
    tail = same[v:limit]
    end = (words.crumb_end if crumb else _ORG_END).match(tail)
    if end:
        e = end.end()
        ends = data()["breadcrumb_ends"] if crumb else ()
        while (more := next((w for w in ends if tail.startswith(w, e)), None)) is not None:
            e += len(more)  # 政策文件: the column's name goes on with a second ending
        return v + e
    return v if crumb else None


def _paired_after(best: dict[int, _Item], same: str, pos: int) -> bool:
    """Two furniture items stand side by side (spaces between at most) somewhere after `pos`."""
    for a, it in best.items():
        if a < pos:
            continue
        q = it.b
        while q < len(same) and same[q].isspace():
            q += 1
        if q in best and best[q].b > q:
            return True
    return False


def inline_spans(same: str) -> list[tuple[int, int]]:
    """Spans of page furniture inside one line, as offsets into it.

    `same`: the line as `normalise.same_length_light` gives it (offsets are the original line's).
    Only for lines that are not furniture as a whole. An item stands between spaces, at the line's edge or
    right against another item (a page saved with no space anywhere: 发布时间：2023-06-09来源：…浏览次数：1536
    【打印本页】). A run of items holding a strong one (not only 微信/打印/首页) is cut where it touches the
    line's start or end, or wherever it holds two items or more; a footer mark (ICP备, 公网安备, 网站标识码)
    is cut wherever it stands. One item alone mid-line stays (资金来源：县财政预算安排).
    """
    n = len(same)
    words = _words()
    items = _items(same, words)
    head = top_bar_end(same)  # a portal's top bar opening the page: everything before the text
    if not items:
        return [(0, head)] if head else []
    starts = sorted({it.a for it in items})
    best: dict[int, _Item] = {}
    # a labelled breadcrumb (您当前的位置：首页 > …, its columns matched): a bare 首页 > 办事指南 may be the plan's own words
    crumbs = {
        it.a for it in items if 0 <= it.open_from < it.b and not same.startswith(("首页", "主页", "网站首页"), it.a)
    }
    for it in items:
        if it.open_from >= 0:
            end = _resolve(it, same, starts, words)
            if end is None or end <= it.a:
                continue
            it.b = end
        if it.a not in best or it.b > best[it.a].b or (it.b == best[it.a].b and it.strong > best[it.a].strong):
            best[it.a] = it  # 字号：as a label (strong) rather than the weak word 字号 over the same span
    out: list[tuple[int, int]] = [(0, head)] if head else []
    covered = head or -1
    for a in sorted(best):
        if a < covered:
            continue
        run = [best[a]]
        p = run[-1].b
        while True:
            q = p
            while q < n and same[q].isspace():
                q += 1
            nxt = best.get(q)
            if nxt is None or nxt.b <= q:
                break
            run.append(nxt)
            p = nxt.b
        b = run[-1].b
        covered = b
        top = not same[head:a].strip()
        # a page saved as one line (a site's footer mark further on, or another run of two items or more): at its
        # top a run of two weak words (打印 关闭) is furniture, and a run is cut even where the issuer's name or the
        # title is glued right to it (视力保护色敦煌市人民政府办公室…): a plan's first words are no button
        page = top and (words.always.search(same, b) is not None or _paired_after(best, same, b))
        if not any(it.strong for it in run) and not words.always.search(same[a:b]) and not (page and len(run) >= 2):
            continue
        clean_left = a == head or same[a - 1].isspace()
        clean_right = b == n or same[b].isspace()
        at_edge = (top and (clean_right or page)) or (not same[b:].strip() and clean_left)
        after_bar = head > 0 and not same[head:a].strip()  # right after the top bar: the bar is of its run
        crumb = any(it.a in crumbs for it in run)
        if crumb and len(out) <= 1 and a - head <= _HEADER_MAX and not _HEADER_STOP.search(same, head, a):
            # a breadcrumb (label, 首页, two columns or more) near the page's top: what stands between the top (or
            # its bar) and it, with no sentence, is the site's name and menu (勐腊县人民政府 首页 政务公开 魅力勐腊)
            a, top = head, True
        if len(run) == 1 and _task_fields(same, a, b, best):
            continue  # 承办单位：X　　协办单位：Y　　办结时限：…: a task's unit line, no site's sponsor line
        if len(run) >= 2 or at_edge or after_bar or crumb or words.always.search(same[a:b]):
            if top:  # furniture at the page's top: a top bar may follow it (a menu, then 欢迎…)
                b = covered = head = top_bar_end(same, b)
            out.append((a, b))
    return out


# a field of a form after a value: a short label and its colon (协办单位：, 办结时限：)
_NEXT_FIELD = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,8})[ \t\u3000]*[:：]")


@memo(1, copy="shared")  # one pattern from the one file
def _site_label() -> re.Pattern[str]:
    """A site's sponsor label opening an item (page_furniture.yaml `site_labels`: 主办单位, 承办单位, 承办 …)."""
    return re.compile(rf"(?:{_spaced(data()['site_labels'])})(?=\s*[:：])")


def _task_fields(same: str, a: int, b: int, best: dict[int, _Item]) -> bool:
    """The item `same[a:b]`, a sponsor label and its value (承办单位：X), is the first field of a task's unit line, not a
    site's header or footer: another field of a form follows it, after spaces, that is no page furniture (协办单位：Y,
    办结时限：…; a 督办函's line under each item). A site's own sponsor lines go on with its furniture (承办：…
    网站标识码：…, each an item of the run; 地址：…, 联系电话：…: page_furniture.yaml `footer_labels`)."""
    if not _site_label().match(same, a):
        return False
    q = b
    while q < len(same) and same[q].isspace():
        q += 1
    m = _NEXT_FIELD.match(same, q) if q > b and q not in best else None
    return m is not None and m.group("label") not in data()["footer_labels"]


_BETWEEN_WORDS = re.compile(r"[\s【】\[\]:：|｜]*")


def words_end(text: str, pos: int = 0) -> int:
    """Where a run of furniture words starting at `pos` ends (`pos` when none starts there): the data's buttons and
    aids (`strong_tokens`, `weak_tokens`: 字号 大 中 小 视力保护色, 打印 关闭, 分享到), in simplified or traditional
    characters, with the spaces, colons and brackets between them; the run may open with the tail of a word whose
    head was cut already (中小 of 大 中 小) when a whole word follows. For readers of names
    (engine/parse/level.py): a page's furniture glued before an issuer's name is no part of the name."""
    return words_run(text, pos)[0]


def words_run(text: str, pos: int = 0) -> tuple[int, bool]:
    """(`words_end`, whether the run is furniture for sure: it holds a strong word (视力保护色, 分享到) or two words
    or more (打印 关闭, 字号 大中小)). A lone weak word (分享, 打印, 首页) is also a word of a title's own (分享经济,
    打印机): its caller decides by what follows it."""
    from engine.ingest.normalise import same_length_light  # normalise imports nothing of this module's

    same = same_length_light(text)
    token, tail = _words().token, _tails()
    strong = _strong()
    end = p = pos
    first = True
    count, sure = 0, False
    while True:
        q = _BETWEEN_WORDS.match(same, p).end()  # type: ignore[union-attr]
        m = token.match(same, q)
        if m is None and first and (t := tail.match(same, q)) is not None:
            r = _BETWEEN_WORDS.match(same, t.end()).end()  # type: ignore[union-attr]
            m = token.match(same, r) if r > q else None
            count += m is not None and m.end() > r  # the tail of a word, then a whole one: two
        first = False
        if m is None or m.end() == q:
            return end, sure or count >= 2
        count += 1
        sure = sure or _SPACES.sub("", m.group()).rstrip(":：") in strong
        end = p = m.end()
        if end < len(same) and same[end] in ":：】]":
            end = p = end + 1


_SPACES = re.compile(r"\s+")


@memo(1, copy="shared")  # a frozenset from the one file
def _strong() -> frozenset[str]:
    from engine.ingest.normalise import same_length_light

    return frozenset(same_length_light(w) for w in data()["strong_tokens"])


def holds_word(text: str) -> bool:
    """A furniture word (`strong_tokens`, `weak_tokens`) stands somewhere in `text`."""
    from engine.ingest.normalise import same_length_light

    return _words().token.search(same_length_light(text)) is not None


@memo(1, copy="shared")  # a compiled pattern from the one file
def _tails() -> re.Pattern[str]:
    """The tails of the furniture words (中小 of 大中小, 保护色 of 视力保护色), longest first (in code-point order
    among tails of one length: a set's order changes with the process's string hashes, the pattern must not)."""
    words = data()["strong_tokens"] + data()["weak_tokens"]
    tails = {w[k:] for w in words for k in range(1, len(w))}
    return re.compile("|".join(map(_letters, sorted(tails, key=lambda w: (-len(w), w)))))
