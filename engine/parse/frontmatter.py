"""Front matter: title, 文号, issuers, date, addressees, draft status, cited documents.

Everything before the first numbered item is either front matter or preamble. Front matter ends with
the last paragraph recognised as title, issuer, date, addressee line or covering sentence ("现将《…》
印发给你们"); the preamble is what follows it. Web-page furniture before the title (索引号, 公开日期 …)
falls into the front matter by that rule without being listed anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.extract.data import read_data, unit_data
from engine.extract.sentences import bracket_depths, open_before
from engine.memo import memo
from engine.parse import drafts
from engine.parse import level as levels
from engine.parse.numbering import cn_number

TITLE_ENDINGS = (
    "实施方案",
    "方案",
    "纲要",
    "意见",
    "规划",
    "计划",
    "办法",
    "通知",
    "决定",
    "细则",
    "要点",
    "规定",
    "措施",
    "条例",
)
# a title may end in one or more parentheticals: (2016—2020年) (征求意见稿) (试行)
_PAREN_TAIL = re.compile(r"(?:\s*[(（][^()（）]{1,24}[)）])+\s*$")
_PURE_PAREN = re.compile(r"^[(（][^()（）]{1,24}[)）]$")
TITLE_MAX = 160
# 印发/转发《X》的通知 and 现将《X》印发给你们
_WRAPPER = re.compile(r"(?:印发|转发|颁布|下发|发布)\s*《(?P<inner>.+)》\s*的?(?:通知|决定)")
# 关于公开征求《X（征求意见稿）》意见的通知/公告: a notice asking for views on the draft X it attaches
_CONSULT = re.compile(r"征求\s*[^《》]{0,20}?《(?P<inner>[^《》]+)》\s*(?:修改)?意见(?:建议)?的?(?:通知|公告|函)")
# the same notice's heading as a portal prints it, whole: 国家药监局综合司公开征求《X（征求意见稿）》意见 (no 的通知), or with
# the 《X》 first: 关于《X》公开征求意见的公告, 《X（征求意见稿）》公开征求意见; a draft put out for 公示 or a 听证会 likewise:
# 关于《X（公示稿）》的公示, 关于召开《X》听证会的公告; only its issuer before it, no sentence
_CONSULT_HEAD = re.compile(
    r"^[^。；;，,《》]{0,60}?(?:征求\s*[^《》。；;，,]{0,20}?《(?P<inner>[^《》]+)》\s*(?:修改)?意见(?:建议)?"
    r"|(?:关于|对)*《(?P<named>[^《》]+)》\s*(?:(?:公开|再次|第[二三四五六七八九十]次)*征求[^《》。；;，,]{0,12}?意见(?:建议)?"
    r"|的?公示|(?:公开)?听证会?)(?:的?(?:通知|公告|函))?)\s*$"
)
_COVER = re.compile(r"现将\s*《(?P<inner>.+?)》\s*(?:印发|转发|发|下发)")
# 关于印发X的通知 without 《》 (国务院关于印发国家职业教育改革实施方案的通知): the whole line is the wrapper.
# What stands before 关于 is the issuer: up to BY_MAX characters of anything, or a run of bodies' names of any
# length (a joint notice of ten ministries: 国家卫生健康委 国家发展改革委 … 全国总工会关于印发…; `issuer_run`)
# The plan's name may quote the document it carries out, its own title not opening with the quote: 关于印发贵港市贯彻
# 落实《广西…实施方案》任务分工方案的通知 (blind43 贵港市; fixtures/fix43): a quoted title is one unit of the name, as a
# character is (a 《…》 that opens the name is `_WRAPPER`'s form, 印发《X》的通知)
_BARE_NAME = r"[^。；;《》](?:[^。；;《》]|《[^《》。；;]{1,100}》){3,}?"
_BARE_WRAPPER = re.compile(
    rf"^(?P<by>[^。；;《》]{{0,400}}?)关于\s*(?P<verb>印发|转发|颁布|下发|发布)\s*(?P<inner>{_BARE_NAME})\s*的(?:通知|决定)$"
)
BY_MAX = 60
# a signature's lines above its date: ten ministries sign two to a line (国家卫生健康委　国家发展改革委 / …)
SIGNATURE_LINES = 12
# 转发 written without 关于 (国务院办公厅转发X关于Y意见的通知, 某省人民政府办公厅转发省X厅Y方案的通知): the
# forwarding body, if named, is an office's name
_BARE_FORWARD = re.compile(r"^(?P<by>[^。；;《》]{0,40}?)(?P<verb>转发)\s*(?P<inner>[^。；;《》]{4,}?)\s*的(?:通知|决定)$")
# the forwarded document's issuers before its 关于: 商务部等部门关于…, 省发展改革委 省财政厅关于…
_FORWARDED_BY = re.compile(r"^(?P<by>[^。；;《》]{2,40}?)\s*(?=关于)")
_DOC_NO = re.compile(
    r"(?P<no>(?P<org>[\u4e00-\u9fff]{1,8}?)\s*[〔\[(（【]\s*(?:19|20)\d{2}\s*[〕\])）】]\s*第?\s*\d{1,5}\s*号)"
)
_DOC_NO_LABELS = ("发文字号", "文号", "字号")
_DATE = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*$")
_CN_DATE = re.compile(
    r"^\s*(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,4})日\s*$"
)


@memo(1, copy="shared")  # a tuple from the one file
def org_suffixes() -> tuple[str, ...]:
    """How an issuing body's name ends (rulesets/data/units.yaml `issuer_suffixes`: 委员会, 人民政府, 局, 部,
    银行, 合作总社 …), longest first."""
    return unit_data().issuer_suffixes


_ORG = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{2,28}$")
# what is left of a run of bodies after one of them: any number of names run together
_ORG_RUN = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{2,}$")
# a body named by its level alone (省发展改革委, 县委, 县政府, 镇党委) starts with one of these, unless the
# character opens a word (市场, 区域, 乡村, 乡镇 …); 州 and 盟 as well (州发展改革委, 盟民政局: the bodies of a 自治州 and
# a 盟, rulesets/data/levels.yaml unit_words), but not 盟市 (各盟市: 内蒙古's 盟 and 市 named as one set)
_LEVEL_WORDS = "省市州盟县区旗镇乡"
_NO_LEVEL_WORD = frozenset("市场 市民 市容 市政 市县 市区 区域 区县 县域 县区 县市 镇域 乡村 乡镇 省市 盟市".split())
# between the names of a run of bodies: spaces, 、 or ，
_RUN_GAPS = re.compile(r"[\s、，,]+")
# a run that ends by counting its bodies: 国家卫生健康委等10部门, 省发展改革委等部门
_RUN_TAIL = re.compile(r"等\s*(?:[0-9一二三四五六七八九十]{1,3}\s*个?)?(?:部门|单位|机关)$")
# a sentence's stop or a menu's bar: the first half of a wrapped title has none (您好！请登录 above a title)
_STOP_INSIDE = re.compile(r"[。！!？?；;|｜]")
_FURNITURE = re.compile(
    r"^(?:文件下载|相关链接|来源|打印本页|关闭窗口|打印|分享|【字体|扫一扫|附件下载|责任编辑)|[:：]\s*$"
)


@memo(1, copy="shared")
def _body_ends() -> tuple[str, ...]:
    """How a forwarding or forwarded body's name ends (商务部等部门, 省发展改革委, 国务院办公厅)."""
    return (*org_suffixes(), "部门", "单位", "机关")


@dataclass
class FrontMatter:
    title: str = ""
    title_paras: list[int] = field(default_factory=list)
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    date: str | None = None
    addressees: str | None = None
    is_draft: bool = False
    end: int = 0  # index (into the list given) of the first preamble paragraph


def _balanced(text: str) -> bool:
    return (
        text.count("《") <= text.count("》")
        and text.count("〈") <= text.count("〉")
        and (text.count("(") + text.count("（") <= text.count(")") + text.count("）"))
    )


def title_core(text: str) -> str:
    """`text` without trailing parentheticals: 广宁县…实施方案(2016—2020年) -> 广宁县…实施方案; nor a draft's stage mark run
    on at its end without brackets (…实施方案征求意见稿 -> …实施方案: rulesets/data/drafts.yaml `stages`)."""
    return _PAREN_TAIL.sub("", drafts.without_stage(text)).strip()


# What comparing two writings of one title ignores: spacing, title marks (a title cited inside 《》 writes
# its own 《》 as 〈〉), quotes, brackets (the words inside them stay: 某区(含开发区) and 某区含开发区 name the
# same) and the 征求意见稿 a draft adds wherever it stands (…方案征求意见稿(2024—2026年) is …方案).
TITLE_NOISE = re.compile(r"[\s《》〈〉“”\"'‘’()（）]|征求意见稿")


def plain_title(text: str) -> str:
    """A title as titles are compared: its core (`title_core`) without `TITLE_NOISE`, nor a draft's stage mark run on
    at its end (…方案修改稿: rulesets/data/drafts.yaml)."""
    return TITLE_NOISE.sub("", drafts.without_stage(title_core(text)))


# an attachment list (附件：1.X实施方案 2.…): it names the plan, it is not its title line
_ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]")


def looks_like_title(text: str) -> bool:
    if not text or len(text) > TITLE_MAX or text[-1] in "。；;，,:：" or _ATTACHMENT_LIST.match(text):
        return False
    core = title_core(text)
    return (core.endswith(TITLE_ENDINGS) or core.endswith(_minutes_endings())) and _balanced(text)


@memo(1, copy="shared")  # a tuple from the one file
def _list_endings() -> tuple[str, ...]:
    """rulesets/data/minutes.yaml `list_titles`: how a task list's own title ends (…重点任务分解表, …责任清单)."""
    return tuple(str(w) for w in (read_data("minutes.yaml", required=True) or {}).get("list_titles") or ())


def _list_title(text: str) -> bool:
    """`text` is a task list's title line (`_list_endings`), no item of a list ("2.X任务分工表") nor a sentence."""
    if not text or len(text) > TITLE_MAX or text[-1] in "。；;，,:：" or _ATTACHMENT_LIST.match(text):
        return False
    return title_core(text).endswith(_list_endings()) and _balanced(text) and not re.match(r"[0-9０-９]+\s*[.．、]", text)


# the attachment's own mark alone on the line above a list's title: 附件 / 附件1 / 附件 2 / 附件一
_ATTACHMENT_MARK = re.compile(r"^附\s*件\s*[0-9一二三四五六七八九十]{0,3}$")
# a list's title naming the plan it breaks down: 《X》重点任务清单 / 《X》任务分解表


def attachment_mark(text: str) -> bool:
    """`text` is an attachment's own mark standing alone (附件 / 附件1 / 附件 2 / 附件一)."""
    return bool(_ATTACHMENT_MARK.match("".join(text.split())))


_NAMES_PLAN = re.compile(r"^《([^《》]{4,})》([^《》]{0,16})$")


def _list_heading(paras: list[tuple[int, str]]) -> int | None:
    """The index of a task list's title line that opens the document (`_list_title`): the first line, or the line
    under the attachment's mark "附件" a list sent as a 附件 carries above its title (a 分解表 in Excel: "附件" in A1, the
    title merged across row 2)."""
    first = 1 if len(paras) > 1 and _ATTACHMENT_MARK.match("".join(paras[0][1].split())) else 0
    return first if paras and _list_title(paras[first][1]) else None


def _list_names(title: str) -> str:
    """A list's title as the document's: the plan it names in 《》 when it is only that plan's list ("《朔州市肉羊产业高质量
    发展三年行动方案》重点任务清单" is the list of tasks of that plan, which it carries out), else the title as printed."""
    m = _NAMES_PLAN.match(title.strip())
    return m.group(1) if m and looks_like_title(m.group(1)) and title_core(m.group(2)).endswith(_list_endings()) else title


@memo(1, copy="shared")  # a tuple from the one file
def _minutes_endings() -> tuple[str, ...]:
    """How a 纪要's own name ends (rulesets/data/minutes.yaml `title_endings`: X人民政府常务会议纪要): a title that
    names no plan, yet the document's own when it heads the text."""
    return tuple(str(w) for w in (read_data("minutes.yaml", required=True) or {}).get("title_endings") or ())


def _subject_of(genre: str, later: str) -> bool:
    """`later`, a title line under the first one `genre`, is the document's own subject heading and `genre` only the
    name of its kind, as a 纪要's or 交办单's masthead prints it (专题会议纪要 / 〔2026〕17号 / 关于推动X的会议纪要;
    X人民政府督查室 督查事项交办单 / 关于X的督查交办单): `genre` ends as such a document's name does
    (rulesets/data/minutes.yaml `title_endings`) and names no subject (no 关于), `later` does."""
    return genre.endswith(_minutes_endings()) and "关于" not in genre and "关于" in later


def wrapper_inner(text: str) -> str | None:
    """X for 关于印发《X》的通知 / 现将《X》印发给你们 / 关于公开征求《X》意见的通知; None when `text` is no
    covering wrapper."""
    m = _WRAPPER.search(text) or _COVER.search(text) or _CONSULT.search(text) or _CONSULT_HEAD.search(text)
    inner = (m.group("inner") or m.groupdict().get("named") or "").strip() if m else _bare_inner(text)
    if inner is None:
        return None
    # 转发《Y的通知》的通知: the inner notice names Y; 转发X关于印发Y的通知的通知: Y
    for _ in range(3):
        core = title_core(inner)
        tail = inner[len(core) :]
        m2 = _WRAPPER.search(inner)
        nested = m2.group("inner").strip() if m2 else _bare_inner(inner)
        if nested:
            inner = nested
            continue
        if core.endswith("的通知") and title_core(core[:-3]).endswith(TITLE_ENDINGS):
            inner = core[:-3] + tail
            continue
        break
    return inner


def _bare_inner(text: str) -> str | None:
    """X of 关于印发X的通知 / (Y)转发X的通知 written without 《》, when X ends like a plan's title. The
    forwarded document's issuers before its 关于 are no part of its title: 转发商务部等部门关于…意见的通知
    forwards 关于…意见."""
    core = title_core(text)
    m = _bare_wrapper(core)
    if m is None:
        m = _BARE_FORWARD.match(core)
        if m and m.group("by") and not m.group("by").rstrip().endswith(_body_ends()):
            return None
    if m is None or not title_core(m.group("inner")).endswith(TITLE_ENDINGS):
        return None
    inner = m.group("inner").strip()
    by = _FORWARDED_BY.match(inner) if m.group("verb") == "转发" else None
    return inner[by.end() :] if by and by.group("by").endswith(_body_ends()) else inner


def _bare_wrapper(text: str) -> re.Match[str] | None:
    """`_BARE_WRAPPER` matching `text`, its issuer short or a run of bodies' names."""
    m = _BARE_WRAPPER.match(text)
    if m is None or len(m.group("by")) <= BY_MAX or issuer_run(m.group("by")):
        return m
    return None


def parse_date(text: str) -> str | None:
    m = _DATE.match(text)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        m = _CN_DATE.match(text)
        if not m:
            return None
        y = int("".join(str(cn_number(c) or 0) for c in m["y"]))
        mo, d = cn_number(m["m"]) or 0, cn_number(m["d"]) or 0
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def org_names(text: str) -> list[str]:
    """Issuing bodies on one line ("中共广宁县委 广宁县人民政府"), or [] if the line is something else.

    Bodies written without a space between them ("中共广宁县委广宁县人民政府", a signature run
    together with its line breaks lost) are told apart where a new name starts (中共, a place).
    """
    parts = text.split()
    if not parts or len(text) > 80:
        return []
    if all(_ORG.match(p) and _issuer_end(p) for p in parts):
        return [name for p in parts for name in _split_orgs(p)]
    return []


def _issuer_end(name: str) -> bool:
    """`name` ends as an issuing body's does (units.yaml `issuer_suffixes`), or is an office inside a national body
    named after it (中国民用航空局综合司, 国家铁路局科技与法制司: rulesets/data/national_bodies.yaml `offices`)."""
    return name.endswith(org_suffixes()) or levels.national_office(name)


def _org_starts(text: str, pos: int) -> bool:
    """A body's name starts at `pos`: 中共…, a province, or a place with a short stem (广宁县…)."""
    if text.startswith("中共", pos) or text.startswith(levels.NATIONAL_PREFIXES, pos):
        return True
    hit = levels.place_at(text, pos)
    if hit is None:  # a place no gazetteer lists, named by its body: 中共宣和镇委员会|宣和镇人民政府
        return levels.body_place_at(text, pos) is not None
    name, level, _ = hit
    # a "place" ending in 自治区 with a long stem is the tail of a name (员会广西壮族自治区)
    return level != "province" or name in levels.PROVINCES or name in levels.PROVINCES.values()


def body_starts(text: str, pos: int) -> bool:
    """A body's name starts at `pos` (`_org_starts`), or a national body's as the unit registry writes it
    (工业和信息化部|人力资源社会保障部), or one named by its level alone (省发展改革委|省教育厅, 县委|县政府)."""
    if _org_starts(text, pos) or levels.national_body_at(text, pos):
        return True
    return text[pos] in _LEVEL_WORDS and text[pos : pos + 2] not in _NO_LEVEL_WORD


def _split_orgs(name: str) -> list[str]:
    """中共广宁县委广宁县人民政府 -> [中共广宁县委, 广宁县人民政府]; one name stays whole. A run of any number
    of bodies is cut at every start of a name (`body_starts`)."""
    out, start, ends = [], 0, org_suffixes()
    for pos in range(start + 2, len(name) - 1):
        head = name[start:pos]
        if any(name.startswith(suf, k) for suf in ends for k in range(pos - len(suf) + 1, pos)):
            continue  # inside a longer suffix: 委|员会, 办|公室
        if name.startswith(ends, pos):
            continue  # the name goes on: 市委|办公室
        if _issuer_end(head) and _ORG.match(head) and body_starts(name, pos) and not _office_of(name, start, pos):
            tail = name[pos:]
            if _issuer_end(tail) and _ORG_RUN.match(tail):
                out.append(head)
                start = pos
    return [*out, name[start:]]


def _office_of(name: str, start: int, pos: int) -> bool:
    """The body `name[start:pos]` is a national body and the place at `pos` opens its office there
    (国家税务总局|长春市税务局, 国家矿山安全监察局|山西局: level.national_office_place), one name, not two."""
    return levels.national_body_end(name, start) == pos and levels.national_office_place(name[start:]) is not None


def issuer_run(text: str) -> list[str]:
    """The bodies a run of issuers of any number names (国家卫生健康委 国家发展改革委 … 全国总工会; 省委办公厅
    省政府办公厅; 县委县政府), each whole, or [] when `text` is something else. The names may be spaced, run
    together (ingest drops a space between two Han characters) or parted by 、/，; 等N部门 may close the run."""
    text = _RUN_TAIL.sub("", text.strip())
    names = [n for part in _RUN_GAPS.split(text) if part for n in _split_orgs(part)]
    if names and all(_ORG.match(n) and _issuer_end(n) and "的" not in n for n in names):
        return names
    return []


def _opens_notice(text: str) -> bool:
    """`text` is the first line of a notice's title broken over lines: 关于 near its start (国务院办公厅关于印发
    文化体制改革中 / …), or after a run of its issuers however many (国家卫生健康委 … 全国总工会关于印发工作场所
    / …), and not long after it."""
    k = text.find("关于")
    if k < 0 or len(text) - k > 80:
        return False
    return (k < 30 and len(text) <= 80) or bool(issuer_run(text[:k]))


def _whole_org(text: str) -> bool:
    """A line that is issuing bodies and nothing else (not a 版头 "…文件", not a sentence)."""
    names = org_names(text)
    return bool(names) and not text.endswith("文件") and len("".join(names)) >= len(re.sub(r"[\s、，,和]", "", text))


def is_addressee(text: str) -> bool:
    return len(text) <= 300 and text.endswith((":", "：")) and text.startswith("各")


def doc_number_in(text: str) -> str | None:
    m = _DOC_NO.search(text)
    if not m or text[: m.start()].rstrip().endswith(("(", "（", "》")):
        return None  # a citation: 《…》(桂发〔2021〕45号) is the cited document's number
    no = re.sub(r"\s+", "", m.group("no"))
    for label in _DOC_NO_LABELS:
        if label in no:
            no = no[no.rindex(label) + len(label) :]
    return no or None


def _bracketed_number(text: str) -> str | None:
    """The 文号 of a line that is that number in brackets and nothing else, as a 政府公报 prints it under the heading
    of each document it carries: （甘政办发〔2026〕35号）."""
    m = re.fullmatch(r"\s*[(（]\s*(?P<no>[^()（）]{4,30})\s*[)）]\s*", text)
    no = doc_number_in(m.group("no")) if m else None
    return no if no and len(no) == len(re.sub(r"\s+", "", m.group("no"))) else None


def ornament(text: str) -> bool:
    """`text` is a glyph of a red header and nothing else (the ★ on its rule under a 党委 文件's number, a "———"
    rule, "＊＊＊"): no letter, digit or character of a word in it, so no part of a title or of anything read."""
    return bool(text.strip()) and not any(ch.isalnum() for ch in text)


def is_furniture(text: str) -> bool:
    return len(text) <= 60 and bool(_FURNITURE.search(text))


@memo(1, copy="shared")  # one compiled pattern from the one data file
def _title_label() -> re.Pattern[str]:
    """A disclosure entry's title label opening a line, "标题：", "【文件名称】", "标　　题：" (letter-spaced), with the
    colon or bracket after it (rulesets/data/page_furniture.yaml `title_labels`)."""
    raw = read_data("page_furniture.yaml", required=True) or {}
    words = sorted((str(w) for w in (raw.get("title_labels") or {}).get("words") or ()), key=len, reverse=True)
    if not words:
        return re.compile("(?!)")
    alts = "|".join(r"[ \t\u3000]{0,4}".join(map(re.escape, w)) for w in words)
    return re.compile(rf"^(?:[【\[](?:{alts})[】\]][ \t\u3000]*[:：]?|(?:{alts})[ \t\u3000]{{0,4}}[:：])[ \t\u3000]*(?=\S)")


def unlabelled(text: str) -> str:
    """`text` without a title label opening it ("标题：X实施意见" -> "X实施意见"): the label is page furniture, the
    value the title (`_title_label`)."""
    m = _title_label().match(text)
    return text[m.end() :] if m else text


@memo(1, copy="shared")  # compiled once from the one file
def _seal_caption() -> re.Pattern[str] | None:
    words = sorted((str(w) for w in (read_data("closing.yaml") or {}).get("seal_captions") or ()), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s*[(（]\s*(?:{alt})\s*[)）]\s*$") if alt else None


def without_seal(text: str) -> str:
    """A signature's line without the seal's caption that ends it (集安市人民政府办公室（盖章） -> 集安市人民政府办公室;
    "（盖章）" alone -> ""): OCR text of a scanned document writes the seal's place so (rulesets/data/closing.yaml
    `seal_captions`). Other text is returned as it is."""
    pattern = _seal_caption()
    return text if pattern is None else pattern.sub("", text)


def seal_caption(text: str) -> bool:
    """`text` is the seal's caption alone ("（盖章）", "(印章)": `without_seal`)."""
    return bool(text.strip()) and not without_seal(text).strip()


def signing_line(text: str) -> bool:
    """`text` is a signature's line: the signing bodies, with or without the seal's caption after them, or that
    caption alone ("（盖章）")."""
    return bool(org_names(without_seal(text))) or seal_caption(text)


def read_front(paras: list[tuple[int, str]]) -> FrontMatter:
    """Front matter from the paragraphs before the first numbered item: (line, text) pairs, stripped."""
    fm = FrontMatter()
    last_front = -1
    titles: list[tuple[str, list[int]]] = []
    wrappers: list[tuple[int, int, str, str, int, int]] = []
    n = len(paras)
    named = _named_in(paras)
    i = 0
    while i < n:
        text = unlabelled(paras[i][1])  # 标题：X: the portal's label is no part of the title
        if len(text) > 2000 or ornament(text):
            i += 1
            continue
        date = parse_date(text)
        if date:
            if fm.date is None:
                fm.date = date
                # issuers: the organisation lines just above the date (a joint notice's run over several)
                j, found = i - 1, []
                while j >= 0 and i - j <= SIGNATURE_LINES:
                    if seal_caption(paras[j][1]):  # the seal's caption on a line of its own: the bodies are above
                        j -= 1
                        continue
                    names = org_names(without_seal(paras[j][1]))
                    if not names:
                        break
                    found = names + found
                    j -= 1
                if found:
                    fm.issuers = found  # the signature above the date beats a wrapper's prefix
            last_front = i
            i += 1
            continue
        if is_addressee(text):
            fm.addressees = fm.addressees or text.rstrip(":：").strip()
            last_front = i
            i += 1
            continue
        if not fm.doc_number and len(text) <= 120:
            no = doc_number_in(text) or _bracketed_number(text)
            if no:
                fm.doc_number = no
                last_front = i
                rest = text.replace(no, "")
                if len(re.sub(r"[\s:：]|发文字号|文号|字号", "", rest)) <= 2:
                    i += 1
                    continue  # the number's own line is no part of a title below it
        # a title, possibly broken over lines (and blank lines) while a quote or bracket is open
        cand, used, j = text, [i], i
        while j + 1 < n and len(cand) <= TITLE_MAX:
            nxt_line, nxt = paras[j + 1]
            if ornament(nxt):
                break  # the header's star or rule under a line is no part of it
            if not _balanced(cand):
                pass
            elif (
                _PURE_PAREN.match(nxt)
                and title_core(cand).endswith(TITLE_ENDINGS)
                and not parse_date(nxt[1:-1])
                and not _bracketed_number(nxt)
            ):
                # (2026—2028年) (试行) (征求意见稿); not the day it was adopted, （2026年3月12日） under a 决定, nor
                # the 文号 a gazette prints in brackets under a heading
                pass
            elif (
                nxt_line == paras[j][0] + 1
                and len(cand) <= 40
                and cand[-1:] not in "。；;，,:：)）"
                and not _STOP_INSIDE.search(cand)
                and looks_like_title(nxt)
                and not looks_like_title(cand)
                and not org_names(cand)
                and "《" not in nxt
                and not _joint_issuers(paras, j)
                and not drafts.stage_only(cand)  # 送审稿 on a line above the title: the draft's mark, no title's part
            ):
                pass  # a title wrapped without a blank line: 广宁县法治政府建设 / 实施方案
            elif (
                nxt_line == paras[j][0] + 1
                and _opens_notice(cand)
                and len(nxt) <= 40
                and cand[-1:] not in "。；;，,:：)）"
                and nxt[-1:] not in "。；;，,:："
                and not looks_like_title(cand)
                and not parse_date(nxt)
                and not doc_number_in(nxt)
            ):
                pass  # 国务院办公厅关于印发文化体制改革中 / 经营性文化事业单位… / …两个规定的通知
            elif len(nxt) <= 40 and _opens_notice(cand) and not wrapper_inner(cand) and wrapper_inner(cand + nxt):
                # the line completes a notice's title whose first part reads as a title of its own: …关于印发X行动
                # 方案（2026—2028年） / 的通知 (a centred heading wrapped where the width ran out; in a PDF the
                # lines' numbers need not follow on, so no test of that here)
                pass
            elif (
                nxt_line == paras[j][0] + 1
                and len(cand) <= 40
                and nxt.startswith("关于")
                and looks_like_title(nxt)
                and title_core(nxt).endswith(TITLE_ENDINGS)
                and _whole_org(cand)
                and not _joint_issuers(paras, j)
            ):
                # the issuer on the title's first line: 潍坊市人民政府办公室 / 关于…的通知; not the masthead over a 纪要's
                # or 交办单's subject heading (朝阳市人民政府督查室 / 关于…的督查交办单: minutes.yaml `title_endings`)
                pass
            else:
                break
            cand += nxt
            j += 1
            used.append(j)
        inner = (wrapper_inner(cand) or _named_inner(cand, named)) if len(cand) <= 400 else None
        if inner:
            # a 转发 notice forwards another notice: the 印发 one names the plan more directly
            wrappers.append((1 if "转发" in cand else 0, len(wrappers), inner, cand, i, j))
            if not fm.issuers:
                # 某某市人民政府关于印发… / 国务院办公厅转发…: the notice's issuer before its verb
                cut = min((k for k in (cand.find("关于"), cand.find("转发")) if k >= 0), default=0)
                fm.issuers = _issuers_above(paras, i) + (org_names(cand[:cut].strip()) or issuer_run(cand[:cut]))
            last_front = j
            i = j + 1
            continue
        issued = len(cand) <= TITLE_MAX and loose_title(cand) in {loose_title(w[2]) for w in wrappers}
        if looks_like_title(cand) or issued:
            titles.append((cand, [paras[k][0] for k in used]))
            if not fm.issuers and i > 0 and _joint_issuers(paras, i - 1):
                fm.issuers = _issuer_block(paras, i - 1)  # a joint document's bodies above its title
                if _names_its_deciders(cand):
                    cand = " ".join(fm.issuers) + cand
                    titles[-1] = (cand, titles[-1][1])
            last_front = j
            i = j + 1
            continue
        if org_names(text) and i + 1 < n and (parse_date(paras[i + 1][1]) or org_names(paras[i + 1][1])):
            last_front = i
        elif org_names(text) and last_front == i - 1 >= 0 and org_names(paras[i - 1][1]):
            last_front = i  # the last line of a list of issuers under a title (商务部 国家发展改革委 … / 财政部 …)
        i += 1
    if titles:
        named = _named_title(titles, wrappers, paras)
        if named is titles[0]:  # a masthead naming only the kind (专题会议纪要): the subject heading under it
            named = next((t for t in titles[1:] if _subject_of(titles[0][0], t[0])), titles[0])
        fm.title, fm.title_paras = named
    elif wrappers:
        first = min(wrappers)
        fm.title = _own_heading(first, paras) if _adds_own_items(first, paras) else _as_cited(first[2], paras)
    else:  # front matter run together on one line: look for a covering notice inside it
        fm.title = embedded_title("".join(t for _, t in paras)[:5000])
        at = _list_heading(paras)
        if not fm.title and at is not None:  # a task list of its own: its first line names it
            fm.title, fm.title_paras = _list_names(paras[at][1]), [paras[at][0]]
            last_front = max(last_front, at)
    fm.is_draft = drafts.names_stage(fm.title)  # 征求意见稿, 送审稿, 第二次征求意见稿 … (rulesets/data/drafts.yaml)
    fm.end = last_front + 1
    return fm


def _named_title(
    titles: list[tuple[str, list[int]]], wrappers: list[tuple[int, int, str, str, int, int]], paras: list[tuple[int, str]]
) -> tuple[str, list[int]]:
    """The first title line, unless the front matter names a document (a 印发 heading's X, a 《X》 in its text) that a
    later title line is and the first is not: a news or 公众号 headline over the plan it reports ("重磅！X部印发Y方案",
    "我县出台Y方案", "图解：Y方案") reads as a title, the plan's own title line below it is Y."""
    named = {loose_title(w[2]) for w in wrappers}
    for _, t in paras:
        if len(t) <= 2000:
            named.update(loose_title(c) for c in cited_titles(t))
    if loose_title(titles[0][0]) in named:
        return titles[0]
    return next((t for t in titles[1:] if loose_title(t[0]) in named), titles[0])


@memo(1, copy="shared")  # a tuple from the one file
def _own_items_words() -> tuple[str, ...]:
    """rulesets/data/forwarding.yaml `own_items`: a 转发 notice's words announcing items of its own."""
    return tuple(str(w) for w in (read_data("forwarding.yaml") or {}).get("own_items") or ())


def announces_own_items(head: list[str]) -> bool:
    """The text before the first numbered line is a 转发 notice announcing items of its own (现转发给你们，并结合我省
    实际提出以下补充意见：…, forwarding.yaml `own_items`): the numbered lines after it are the notice's, no wrapper's
    restatement of the plan it forwards (printed after its signature as the 附件, or only named)."""
    words = _own_items_words()
    return any(len(t) <= 2000 and "转发" in t and any(w in t for w in words) for t in head)


def _own_heading(wrapper: tuple[int, int, str, str, int, int], paras: list[tuple[int, str]]) -> str:
    """The notice's heading as its title, with its issuer when printed on the line right above it (濉溪县人民政府
    办公室 / 关于转发…的通知, 山西省人民政府办公厅 / 转发…的通知, as a title's issuer line is joined to it in
    `read_front`)."""
    heading, start = wrapper[3], wrapper[4]
    # (a heading opening with its verb, 转发…的通知, reads on from its issuer as 关于 does: 山西省人民政府办公厅转发…)
    if start > 0 and paras[start - 1][0] == paras[start][0] - 1 and heading.startswith(("关于", "转发")):
        above = paras[start - 1][1]
        if len(above) <= 40 and _whole_org(above) and not _joint_issuers(paras, start - 1):
            return above + heading
    return heading


def _adds_own_items(wrapper: tuple[int, int, str, str, int, int], paras: list[tuple[int, str]]) -> bool:
    """A 转发 notice whose items are its own (结合我县实际，提出如下补充意见：（一）…): its covering sentence after
    the heading announces them and the notice is not signed before them (a notice signed and dated, then the
    forwarded text, forwards that text in full: fixtures/forwarded). Its heading is then the document's title."""
    rank, heading, end = wrapper[0], wrapper[3], wrapper[5]
    if not rank or "转发" not in heading:
        return False
    after = paras[end + 1 :]
    if any(parse_date(t) for _, t in after):
        return False
    lines: dict[int, str] = {}  # a line's sentences may come as paragraphs of their own
    for line, t in after:
        lines[line] = lines.get(line, "") + t
    # in the covering sentence itself (现将《X》转发给你们…，提出如下补充意见): the forwarded text, when it follows
    # unsigned, opens with its own 现提出如下意见, no part of the notice's
    words = _own_items_words()
    return any(w in t for t in lines.values() if len(t) <= 2000 and "转发" in t for w in words)


def _issuers_above(paras: list[tuple[int, str]], i: int) -> list[str]:
    """The bodies on the lines right above a notice's title line `i`, a joint notice's issuers one or a few to a
    line with no blank line between (省发展改革委 / 省教育厅 / … / 省农业农村厅关于印发…)."""
    found: list[str] = []
    k = i - 1
    while (
        k >= 0
        and i - k <= SIGNATURE_LINES
        and paras[k][0] == paras[k + 1][0] - 1
        and (names := org_names(paras[k][1]))
    ):
        found = names + found
        k -= 1
    return found


# a 街道's office named after the government whose agency it is, one body: 北京市海淀区人民政府学院路街道办事处 (the
# names cut at every body's start would make it two or three)
_AGENCY_OF = re.compile(r"人民政府[\u4e00-\u9fff]{1,12}?办事处")


def _issuer_block(paras: list[tuple[int, str]], k: int) -> list[str]:
    """The bodies on line `k` and on the lines right above it that name bodies only (a joint document's issuers,
    one or a few a line, or all on one line however its spaces were kept), in order; [] when line `k` names none."""
    found: list[str] = []
    q = k
    while q >= 0 and k - q < SIGNATURE_LINES and (q == k or paras[q][0] == paras[q + 1][0] - 1):
        names = issuer_run(paras[q][1])
        if not names:
            break
        found = names + found
        q -= 1
    return found


def _names_its_deciders(title: str) -> bool:
    """A title under its joint issuers that keeps them: a 决定 (关于…的决定), the act of the bodies that decide it, is
    named with them ("中共许昌市委 许昌市人民政府关于…的决定", as 中共中央关于…的决定 is), while a joint 意见 or 通知 is
    named by its 关于 line alone (`_joint_issuers`). The kinds are data: rulesets/data/titles.yaml `decided_kinds`."""
    core = title_core(title)
    return core.startswith("关于") and core.endswith(_decided_kinds())


@memo(1, copy="shared")  # a tuple from the one file
def _decided_kinds() -> tuple[str, ...]:
    return tuple(str(w) for w in (read_data("titles.yaml") or {}).get("decided_kinds") or ("决定",))


def _joint_issuers(paras: list[tuple[int, str]], k: int) -> bool:
    """Line `k`, above a title, holds or ends the names of two or more bodies issuing the document jointly
    (国家发展改革委　工业和信息化部　…　国家能源局 / 关于…的指导意见). They are printed over the title and are no part
    of it; a single body's name on the line above is the title's first words (潍坊市人民政府办公室 / 关于…的通知, as
    the golds read), and a title written on one line with its issuers (国家数据局等部门关于…的通知) keeps them."""
    block = [paras[q] for q in range(max(0, k - SIGNATURE_LINES), k + 1)]
    block = [(line, _AGENCY_OF.sub("人民政府", text)) for line, text in block]
    return len(_issuer_block(block, len(block) - 1)) >= 2


def loose_title(text: str) -> str:
    """`plain_title` without 的: a 转发 notice names 关于X的意见 as 关于X意见 (转发…关于X意见的通知)."""
    return plain_title(text).replace("的", "")


def _as_cited(inner: str, paras: list[tuple[int, str]]) -> str:
    """The wrapped document's title as the notice's text writes it in 《》 (…《关于X的意见》已经国务院同意，现转发
    给你们) when the wrapper's heading shortens it (转发…关于X意见的通知: 的 left out) or puts its issuers
    before it (转发国务院国资委以管资本为主推进职能转变方案的通知: 《以管资本为主…方案》); else `inner`."""
    key = loose_title(inner)
    best = ""
    for _, t in paras:
        if len(t) > 2000:
            continue
        for cited in cited_titles(t):
            c = loose_title(cited)
            if c == key:
                return _standing_alone(cited)
            if len(c) >= 4 and key.endswith(c) and key[: -len(c)].endswith(_body_ends()) and len(c) > len(best):
                best = cited  # the rest is a body's name: 国务院国资委
    return _standing_alone(best) or inner


def _standing_alone(cited: str) -> str:
    """A title cited inside 《》 written as it stands on its own: the quote inside it, 〈〉 within the 《》 (GB/T
    15834 标点符号用法: 书名号 inside 书名号), back to 《》 (现将《X落实〈Y〉分工方案》印发给你们 names X落实《Y》分工方案)."""
    return cited.replace("〈", "《").replace("〉", "》")


def _named_in(paras: list[tuple[int, str]]) -> set[str]:
    """What the front matter names as a document: its 《…》 titles and its short lines of their own."""
    out = {plain_title(t) for _, t in paras if len(t) <= TITLE_MAX and t[-1:] not in "。；;，,:："}
    for _, t in paras:
        if len(t) <= 2000:
            out.update(plain_title(c) for c in cited_titles(t))
    return out


def _named_inner(text: str, named: set[str]) -> str | None:
    """X of 关于印发X的通知 whose X does not end in a usual genre word (…重点工作安排, …任务清单) but is
    named again by the notice (《X》已经…同意，现印发给你们) or stands as its own title line below."""
    m = _bare_wrapper(title_core(text))
    if not m or "转发" in text:
        return None
    inner = m.group("inner").strip()
    if plain_title(inner) in named:
        return inner
    return _first_of_pair(inner, named)


def _first_of_pair(inner: str, named: set[str]) -> str | None:
    """X of 关于印发X及Y的通知 (a plan and the paper issued with it, its 责任清单: rulesets/data/titles.yaml
    `companion_joins`) where the notice names X on its own (《X》及重点任务责任清单已经…同意, 附件：1.X) and X ends like a
    plan's title: the notice carries two documents, the plan is X."""
    for join in _companion_joins():
        at = inner.find(join)
        while at > 0:
            head = inner[:at].strip()
            if title_core(head).endswith(TITLE_ENDINGS) and plain_title(head) in named and inner[at + len(join) :].strip():
                return head
            at = inner.find(join, at + 1)
    return None


@memo(1, copy="shared")  # a tuple from the one file, longest first (以及 before 及)
def _companion_joins() -> tuple[str, ...]:
    words = (read_data("titles.yaml") or {}).get("companion_joins") or ("及",)
    return tuple(sorted((str(w) for w in words), key=len, reverse=True))


_WRAP_START = re.compile(r"(?:印发|转发|颁布|现将)\s*《")


def embedded_title(text: str) -> str:
    """The plan named by 印发《X》/现将《X》… inside running text (印发 preferred to 转发)."""
    found: list[tuple[int, int, str]] = []
    for m in _WRAP_START.finditer(text):
        quoted = cited_titles(text[m.end() - 1 :], limit=1)
        if not quoted:
            continue
        inner = wrapper_inner("印发《" + quoted[0] + "》的通知") or quoted[0]
        if title_core(inner).endswith(TITLE_ENDINGS):
            found.append((1 if "转发" in m.group() else 0, len(found), inner))
    return min(found)[2] if found else ""


def cited_titles(text: str, limit: int = 50) -> list[str]:
    """Titles in outermost 《…》 (nested 〈〉 kept), in order, without repeats."""
    out: list[str] = []
    start = -1
    for i, (ch, depth) in enumerate(zip(text, bracket_depths(text, "《", "》"), strict=True)):
        if depth != 1:
            continue
        if ch == "《":
            start = i + 1
        elif ch == "》":
            t = text[start:i].strip()
            if t and t not in out:
                out.append(t)
                if len(out) >= limit:
                    break
    return out


# ------------------------------------------------------------------ front matter run together on one line

FRONT_SCAN = 8000  # front matter is never longer: cuts are only looked for in this much of a line
_HARD = frozenset("。；;!！?？:：】")
_OPEN, _CLOSE = "《〈(（", "》〉)）"
_ENDING_ALT = "|".join(sorted(TITLE_ENDINGS, key=len, reverse=True))
# a title ending with its parenthetical tails (…方案(2021—2025年)(征求意见稿)) and the spaces after it
_TITLE_END_AT = re.compile(rf"(?:{_ENDING_ALT})(?:\s*[(（][^()（）]{{1,24}}[)）])*\s*")
# sentences that follow a title: 为贯彻…, 根据…, 按照…, 依据…
PREAMBLE_OPENERS = ("为", "根据", "按照", "依据")
# the publication note under a signature date: (此件公开发布), (此件主动公开), (此件不公开)
_PUBLISH_NOTE = re.compile(r"\s*\((?:此|本)件[^()]{1,8}\)")
# a 工作要点's opening sentence about its year: 黔东南州2026年生态环境保护工作要点2026年是“十五五”开局之年
_YEAR_OPENER = re.compile(r"\s*(?:19|20)\d\d年(?:是|以来|[，,])")
_ADDRESSEE_AT = re.compile(r"各[^。；;:：!！?？\n]{1,298}[:：]")
_DATE_IN = re.compile(
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,4}日"
)
_CITING = ("根据", "按照", "依据", "贯彻", "落实", "执行", "参照", "印发", "转发")
_TITLE_STARTS = ("关于", "中共", "《", *levels.NATIONAL_PREFIXES)


def front_cuts(text: str) -> list[int]:
    """Offsets that cut front matter run together on one line back into its lines.

    A scraped or copy-pasted document loses its line breaks: 标题(征求意见稿)为确保…, 各…:现将《…》
    印发给你们…。中共X委X人民政府2021年12月31日为贯彻…. Cuts go only where there is positive
    evidence: around a signature date (and the bodies signing above it), around a 文号, after a title
    ending (方案, 意见 … outside 《》, with its (…) tails) that an addressee, a covering sentence or a
    preamble sentence follows, after an addressee line (各…:) and a covering sentence (现将…。).
    `read_front` then reads the pieces as it reads lines. Linear: each candidate looks at a bounded
    window, and only the first FRONT_SCAN characters are searched.
    """
    t = text[:FRONT_SCAN]
    n = len(t)
    if n < 8:
        return []
    depth = open_before(t, _OPEN, _CLOSE)  # open 《〈( before offset i
    cuts: set[int] = set()
    titles: list[tuple[int, int]] = []

    def seg_start(pos: int, limit: int) -> int | None:
        """Start of the stretch ending at `pos`: after a hard stop or a cut, within `limit` chars."""
        k = pos
        while k > 0 and pos - k < limit:
            if k in cuts or (depth[k - 1] == 0 and t[k - 1] in _HARD):
                return k
            k -= 1
        return 0 if k == 0 else None

    def skip_space(pos: int) -> int:
        while pos < n and t[pos].isspace():
            pos += 1
        return pos

    def title_at(pos: int) -> bool:
        """A title starts at `pos`: a run with no stop outside 《》, a title's ending, then what follows
        a title (a preamble's opener, an addressee, 现将…, the end). 2025年4月21日城关区城镇燃气…方案为…: the
        signature's date before the plan's own title, whatever the title opens with (a place no gazetteer
        lists alone, a year, a quotation)."""
        for m in _TITLE_END_AT.finditer(t, pos, min(n, pos + TITLE_MAX)):
            if any(t[k] in _HARD and depth[k] == 0 for k in range(pos, m.start())):
                return False
            p = m.end()
            if depth[m.start()] or depth[p]:
                continue
            follows = (
                p >= n
                or t.startswith((*PREAMBLE_OPENERS, "现将", "【"), p)
                or (t[p] == "各" and _ADDRESSEE_AT.match(t, p) is not None)
                or _YEAR_OPENER.match(t, p) is not None
            )
            head = t[pos:p].strip()
            if follows and looks_like_title(head) and len(title_core(head)) >= 6:
                return True
        return False

    # signature dates, with the bodies signing right above them
    for m in _DATE_IN.finditer(t):
        s, e = m.start(), m.end()
        after = skip_space(e)
        note = _PUBLISH_NOTE.match(t, after)
        if note:  # 2019年1月1日(此件公开发布)国家组织…方案: the note is a line of its own
            after = skip_space(note.end())
        ok_after = (
            note is not None
            or after == n
            or after > e
            or t[after] in "【《"
            or t.startswith((*PREAMBLE_OPENERS, "现将", "各", *_TITLE_STARTS), after)
            or levels.place_at(t, after) is not None
            or title_at(after)
        )
        if not ok_after:
            continue
        before = s
        while before > 0 and t[before - 1].isspace():
            before -= 1
        run = seg_start(before, 80)
        if run is not None and run < before and org_names(t[run:before].strip()):
            cuts.update((run, s, e, *([note.end()] if note else [])))
        elif before == 0 or before < s or t[before - 1] in _HARD:
            cuts.update((s, e, *([note.end()] if note else [])))

    # 文号 standing on its own: after a label, a stop, a space or a title, not inside a citation
    marks = (*_DOC_NO_LABELS, *TITLE_ENDINGS, "》", ")", "）", "号")
    for m in _DOC_NO.finditer(t):
        org, e = m.group("org"), m.end("no")
        # the lazy match may reach back into what precedes: …的通知桂发〔2021〕45号 -> 桂发〔2021〕45号
        trim = max((org.rfind(mark) + len(mark) for mark in marks if mark in org), default=0)
        s, org = m.start("org") + trim, org[trim:]
        if not org or len(org) > 6 or org.startswith(_CITING) or skip_space(e) == n:
            continue  # (a number that ends the line is read there already)
        prev = s - 1
        while prev >= 0 and t[prev].isspace():
            prev -= 1
        if prev >= 0 and t[prev] in "(（》":
            continue
        if trim or prev < 0 or prev < s - 1 or t[prev] in _HARD:
            cuts.update((s, e))

    # a title's end: what follows is an addressee, a covering sentence, page furniture or a preamble
    for m in _TITLE_END_AT.finditer(t):
        word_at, p = m.start(), m.end()
        if p >= n or depth[word_at] or depth[p] or (word_at and t[word_at - 1] in "本该此"):
            continue
        strong = t.startswith(("现将", "【"), p) or (t[p] == "各" and _ADDRESSEE_AT.match(t, p))
        if not strong and not t.startswith(PREAMBLE_OPENERS, p) and not _YEAR_OPENER.match(t, p):
            continue
        start = seg_start(word_at, TITLE_MAX)
        head = t[start:p].strip() if start is not None else ""
        is_title = bool(head) and looks_like_title(head) and len(title_core(head)) >= 6
        if not strong:
            if not is_title or start is None:
                continue
            if not (start == 0 or start in cuts or head.startswith(_TITLE_STARTS) or levels.places_in(head)):
                continue
        cuts.add(p)
        if is_title and start is not None:
            cuts.add(start)
            titles.append((start, p))

    # addressee lines that stand at a stop or a cut, and the covering sentence after them
    for m in re.finditer("各", t):
        q = m.start()
        prev = q - 1
        while prev >= 0 and t[prev].isspace():
            prev -= 1
        if not (prev < 0 or q in cuts or t[prev] in _HARD):
            continue
        a = _ADDRESSEE_AT.match(t, q)
        if a:
            cuts.update((q, a.end()))
    for q in sorted({0, *cuts}):
        q = skip_space(q)
        if t.startswith("现将", q):
            stop = t.find("。", q, q + 400)
            if stop > 0:
                cuts.add(stop + 1)

    # spaces inside a title are line breaks lost: inside 《〈( or before a (…) tail
    for a, b in titles:
        for w in re.finditer(r"\s+", t[a:b].rstrip()):
            ws = a + w.start()
            if depth[ws] or _PAREN_TAIL.fullmatch(t[ws:b]):
                cuts.add(ws)
    return sorted(c for c in cuts if 0 < c < n)
