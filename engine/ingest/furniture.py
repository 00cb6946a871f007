"""Page furniture: the metadata, buttons and breadcrumbs a scraped government page carries.

Conservative by design: a line is furniture only if it is short AND either starts with a known
metadata label (索引号: … 公开日期 …), or consists of nothing but furniture tokens and brackets
(【字体：大 中 小】【打印本页】【关闭窗口】), or is a breadcrumb (首页 > 政务公开 > …), or carries a
site footer's marks (网站标识码, ICP备, 公网安备, 版权所有), or is a `来源：…`, `主办单位：…` or
`技术支持：…` line, a site's masthead (人民网｜时政, 政务公开 > 政策文件, 新华网) or a dateline
(2025-03-18 15:42:07 来源：…) at the very top or the very end of the document. A line of plan text never starts
with these labels, so it is never dropped.

Inside a longer line (a page saved as one line), `inline_spans` finds the same furniture as
whitespace-separated segments (menu, breadcrumb, label：value, 【buttons】, footer marks) and the
ingest blanks them in place, so the columns of the plan text around them stay right.

A furniture line that carries the document number (`公开目录 规范性文件 文号 宁发〔2017〕10号`) is
not dropped: the paragraph keeps the `文号 宁发〔2017〕10号` part so the parser can find 〔year〕N号.

Detection reads `normalise.light(line)`: width-mapped, simplified, whitespace collapsed but kept
(normalised text has spaces between Han characters removed, which would glue label and value).
"""

from __future__ import annotations

import re

MAX_LEN = 120  # furniture lines are short; a longer line is plan text whatever it starts with
TOKEN_MAX_LEN = 80

LABELS = (
    "索引号", "公开日期", "发布日期", "成文日期", "生成日期", "发布时间", "印发日期", "信息有效性", "有效性状态",
    "公开目录", "信息公开目录", "公开形式", "公开方式", "公开范围", "公开责任部门", "公开时限",
    "内容概述", "关键词", "关键字", "主题词", "主题分类", "体裁分类", "服务对象分类", "组配分类", "信息分类",
    "发文机关", "发布机构", "所属机构", "信息索引号", "当前位置", "您当前的位置", "您当前位置",
    "您现在的位置", "您的位置", "浏览次数", "访问次数", "点击数", "阅读次数", "字号", "字体",
)  # fmt: skip
TOKENS = (
    "扫一扫在手机打开当前页", "在手机上打开当前页", "扫一扫在手机上查看", "政府信息公开系统", "政府信息公开",
    "打印本页", "打印此页", "关闭窗口", "关闭本页", "文件下载", "附件下载", "相关链接", "相关文件", "相关附件",
    "分享到", "扫一扫", "视力保护色", "返回顶部", "我要纠错", "上一篇", "下一篇", "QQ空间", "微信", "微博",
    "收藏", "打印", "关闭", "字体", "字号", "大中小", "默认", "分享", "首页", "返回",
)  # fmt: skip


def _spaced(words: tuple[str, ...]) -> str:
    """Alternation of words that may be letter-spaced (索 引 号), longest first."""
    return "|".join(" ?".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))


_LABEL_START = re.compile("^[【\\[]?(?:" + _spaced(LABELS) + r")[】\]]?(?:[ :：]|$)")
# an HTML table row holding page metadata: its cells stay on one line (文号 rows too, so the number
# stays beside its label)
METADATA_ROW = re.compile(
    "^[【\\[]?(?:"
    + "|".join(sorted((*LABELS, "文号", "发文字号"), key=len, reverse=True))
    + r")[】\]]?(?:[ :：]|$)"
)
_TOKEN_RE = re.compile("|".join(sorted(TOKENS, key=len, reverse=True)))
_JUNK = re.compile(r"[\s【】\[\]()<>《》:：|、,，.。·•/»>\-—_]+")
_BREADCRUMB = re.compile(r"^(?:首页|主页|网站首页)\s*[>»›/]")
# a government site's footer: registration numbers and notices no plan sentence carries, anywhere;
# the site's sponsor and contact lines only among the first and last lines
_SITE_FOOTER = re.compile(
    r"网站标识码|ICP备|ICP证|公网安备|版权所有|Copyright|All Rights Reserved|©|建议使用.{0,20}浏览器|分辨率\s*\d{3,4}",
    re.I,
)
_SITE_EDGE = re.compile(r"^(?:主办单位|承办单位|主办|承办|技术支持|网站地图|联系我们)(?:[ :：|]|$)")
_NAV_WORD = r"[^\s|｜>»›【】\[\]:：。，；]{1,20}"
# a site's masthead at the top of a page: 大公文匯全媒體｜內地政策, 人民网 | 时政, 政务公开 > 政策文件,
# or the site's name alone (湄潭县人民政府门户网站, 新华网); a title or plan line never has this shape
_SITE_CHARS = r"(?:(?!的)[\u4e00-\u9fffA-Za-z0-9])"  # no 的: a site's name is a name, not a phrase
_MEDIA = rf"(?:{_SITE_CHARS}{{1,16}}(?:门户网站|网站|全媒体|客户端|日报|晚报)|{_SITE_CHARS}{{1,4}}网|{_SITE_CHARS}{{1,10}}政府网)"
_COLUMN = r"[\u4e00-\u9fff]{2,12}"
_MASTHEAD = re.compile(rf"^(?:{_MEDIA}(?:\s*[|｜]\s*{_NAV_WORD})*|{_COLUMN}(?:\s*[|｜>»›]\s*{_COLUMN})+)$")
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


def is_furniture(light: str, *, at_edge: bool = False, pdf: bool = False) -> bool:
    """Whether a line (as `normalise.light` gives it) is page furniture.

    `at_edge`: the line is among the first or last few non-blank lines, where `来源：…` is furniture.
    `pdf`: page-number lines (— 3 —, 第3页) are furniture too.
    """
    if not light or len(light) > MAX_LEN:
        return False
    if _LABEL_START.match(light) or _BREADCRUMB.match(light):
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
    if len(light) <= TOKEN_MAX_LEN and _TOKEN_RE.search(light):
        return not _JUNK.sub("", _TOKEN_RE.sub("", light))
    return False


# ---- furniture inside a line: a scraped page saved as one line ---------------------------------------
# The page's navigation, breadcrumb, metadata, buttons and footer stand on the same line as the plan,
# each a whitespace-separated segment. A run of such segments is cut out where it touches the line's
# start or end, or wherever it holds two segments or more; one segment alone mid-line stays (the
# text around it would have to be read as plan text otherwise). Footer marks (ICP备, 公网安备,
# 网站标识码) are cut wherever they stand.
_EDGE_LABELS = ("主办单位", "承办单位", "主办", "承办", "协办", "技术支持", "信息来源", "文章来源", "来源",
                "责任编辑", "编辑", "相关链接", "网站标识码", "有效性", "时效性")  # fmt: skip
# labels whose value is a number or a date: the value ends where the digits end, spaced or not
_NUMERIC_LABELS = ("索引号", "信息索引号", "浏览次数", "访问次数", "点击数", "阅读次数", "公开日期", "发布日期",
                   "成文日期", "生成日期", "发布时间", "印发日期", "网站标识码")  # fmt: skip
_NUM_VALUE = r"[0-9][0-9A-Za-z\-/:.年月日号 ]{0,30}[0-9A-Za-z年月日号]|[0-9]"
_SEP = r"\s*[:：]\s*"
_SEGMENTS = [
    # 首页 | 走进义乌 | 政务公开 …  (a menu; also the list after 相关链接：)
    rf"(?:(?:{_spaced(_EDGE_LABELS)}){_SEP})?{_NAV_WORD}(?:\s*[|｜]\s*{_NAV_WORD})+",
    # 当前位置：首页 > 政务公开 > …
    rf"(?:(?:{_spaced(LABELS)}){_SEP})?(?:首页|主页|网站首页)(?:\s*[>»›]\s*{_NAV_WORD})+",
    # 浏览次数：2876, 成文日期：2026-03-10
    rf"(?:{_spaced(_NUMERIC_LABELS)}){_SEP}(?:{_NUM_VALUE})",
    # 2025-03-18 15:42:07: a page's dateline (a plan writes its dates 年月日)
    r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?",
    # 发布机构：义乌市人民政府办公室, 有效性：有效, 主办：…
    rf"(?:{_spaced(LABELS + _EDGE_LABELS)}){_SEP}[^\s【\[，。；！？,;!?]{{0,40}}",
    # 【字号：大 中 小】 【打印本页】
    r"[【\[][^】\]\n]{1,24}[】\]]",
    # 浙ICP备05001234号, 浙公网安备 33078202000123号
    r"[\u4e00-\u9fff]{0,3}(?:ICP备|ICP证|公网安备)\s*[0-9\-]+\s*号?",
]
_SEGMENT = re.compile("|".join(f"(?:{s})" for s in _SEGMENTS), re.I)
_ALWAYS = re.compile(r"ICP备|ICP证|公网安备|网站标识码", re.I)


def _bracket_is_furniture(seg: str) -> bool:
    if not seg.startswith(("【", "[")):
        return True
    inner = seg[1:-1].replace(" ", "")
    if _LABEL_START.match(inner):
        return True
    return bool(_TOKEN_RE.search(inner)) and not _JUNK.sub("", _TOKEN_RE.sub("", inner))


def inline_spans(same: str) -> list[tuple[int, int]]:
    """Spans of page furniture inside one line, as offsets into it.

    `same`: the line as `normalise.same_length_light` gives it (offsets are the original line's).
    Only for lines that are not furniture as a whole; segments are found at whitespace boundaries.
    """
    n = len(same)
    segs: list[tuple[int, int]] = []
    pos = 0
    while pos < n:
        m = _SEGMENT.search(same, pos)
        if m is None:
            break
        a, b = m.span()
        seg = m.group().rstrip()
        b = a + len(seg)
        bounded = (a == 0 or same[a - 1].isspace()) and (b == n or same[b].isspace())
        if bounded and b > a and _bracket_is_furniture(seg):
            segs.append((a, b))
            pos = b
        else:
            pos = a + 1
    runs: list[list[tuple[int, int]]] = []
    for a, b in segs:
        if runs and not same[runs[-1][-1][1] : a].strip():
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    out: list[tuple[int, int]] = []
    for run in runs:
        a, b = run[0][0], run[-1][1]
        at_edge = not same[:a].strip() or not same[b:].strip()
        if at_edge or len(run) >= 2 or _ALWAYS.search(same[a:b]):
            out.append((a, b))
    return out
