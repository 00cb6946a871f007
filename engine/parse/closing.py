"""Where the last measure ends: the closing text after the last numbered item.

After the last numbered item of the last section, plans close with paragraphs that are no measure's
text: the recipients told to carry the plan out (各地区、各有关部门要…), commencement and validity
(本方案自印发之日起施行, 有效期至…), a request to report (请各省级…于…前报送…), contact lines
(联系人：… 电话：…), the signature (issuing bodies, date), attachment lists and 抄送/印发 lines.

Two strengths. A *firm* closing paragraph can be nothing else (the plan naming itself, a commencement
clause, a signature, a date, a contact or 抄送 line, site furniture): the closing starts there. An
*address* (各…要…) could also be a measure's own second paragraph (各地要…), so it starts the
closing only when no paragraph from it to the closing (or the end) carries a responsibility clause,
and never under a bare section heading (三、保障措施: the paragraphs under it are that section's text).

On a page whose line breaks were lost (one line), `cuts` finds where the closing starts inside the
last item's paragraph: right after the item's responsibility clause, when a closing sentence
follows; and where a signature and date run on after the closing sentences.
"""

from __future__ import annotations

import re

from engine import extract
from engine.extract.data import read_data
from engine.memo import memo
from engine.parse import articles, conventions, frontmatter, tree

# the plan naming itself: 本 and a kind of document its title may end in (本方案, 本要点, 本实施意见),
# not a word that holds 本 (基本要点, 根本措施, 成本计划)
SELF_REF = re.compile(
    r"(?<![基根成样文资版])本(?:实施|工作)?(?:"
    + "|".join(sorted(frontmatter.TITLE_ENDINGS, key=len, reverse=True))
    + ")"
)
_CLAUSE_OPEN = ("(", "[", "【", "〔")
# 自印发之日起施行, 自2026年4月1日起实施, 有效期至…, 有效期5年
_COMMENCEMENT = re.compile(
    r"^(?:本\S{0,8}?)?(?:自|从)[^。；]{0,24}?起(?:施行|执行|实施|生效|试行)|^有效期(?:至|为|\d|[一二三四五])"
)
# 请各省级农业农村部门于…前将…报送…; 请认真贯彻执行/抓好落实
_REQUEST = re.compile(
    r"^请[^。]{0,80}?(?:报送|报告|上报|反馈|报给|报至|报|贯彻执行|遵照执行|抓好落实|认真落实)"
)
_CONTACT = re.compile(
    r"^(?:联系人|联\s*系\s*人|联系电话|联系方式|电话|传真|电子邮箱|邮箱|通讯地址|地址|邮编)\s*[:：]"
)
_DISTRIBUTION = re.compile(
    r"^(?:抄送|抄报|主送|印发|分送)\s*[:：]|^[^。；]{2,40}?\d{4}年\d{1,2}月\d{1,2}日\s*印发$"
)
# 附表 (an appended table: 附表 / 附表1 / 附表：X项目表) is read as 附件 is
_ATTACHMENTS = re.compile(r"^附\s*[件表]\s*(?:[0-9一二三四五六七八九十]+\s*)?[:：]")
# an attachment's own heading standing as a paragraph, with no 附件： list above it: 附件 / 附件1 / 附件 2 / 附件一,
# or the number and its caption on one line (附件2 X情况统计表, 附件1．X分工表); never a sentence that opens
# with the word (附件所列任务请各单位逐项落实。). Each run of spaces stands between characters it cannot match: a
# paragraph of spaces is read in one pass, not split every way between two runs
_ATTACHMENT_HEAD = re.compile(
    r"附\s*[件表](?:\s*[0-9一二三四五六七八九十]{1,3}(?:\s*(?:[.．、]\s*)?[^\s.．、。；;，,：:!！?？][^。；;，,：:!！?？]{1,59})?)?"
)
_PUBLICITY = re.compile(r"^[(（](?:此件|本件)[^)）]{0,12}[)）]$")
# 各地区、各有关部门要…; 各县(市、区)人民政府、州直各有关部门要…; 各地各有关部门要…
_NAME_CHAR = r"(?:[^、，,。；要应须务()（）]|[(（][^()（）。；]{1,10}[)）])"  # 县(市、区): its 、 is the name's
_GROUP = rf"(?:各{_NAME_CHAR}{{1,20}}?|[\u4e00-\u9fff]{{1,3}}直各{_NAME_CHAR}{{1,12}}?|有关{_NAME_CHAR}{{1,10}}?)"
_MODAL = r"(?:要|务必|应当|应|须|必须|切实)"
_ADDRESS = re.compile(rf"^{_GROUP}(?:[、，,和及与]?{_GROUP}){{0,6}}{_MODAL}")
# 各设区市、平潭综合实验区要对照本要点…: bodies named one by one after the 各… group, then the act of
# carrying the plan out (rulesets/data/closing.yaml); a named body alone does not address all
_NAMED = rf"{_NAME_CHAR}{{2,20}}?"
# what may follow a responsibility clause when the closing runs on in the same paragraph (a cheap test
# before `cuts` looks for the clause)
AFTER_CLAUSE = re.compile(
    r"[)）\]】][。；;\s]*(?:本|自|从|有效期|请|各|联系|抄送|附件|[\u4e00-\u9fff]{1,3}直各)"
    r"|[)）][^()（）]{0,60}日\s*(?:[(（][^()（）]{1,12}[)）])?\s*$"  # a signature and date end the paragraph
)
HEADING_MAX = 40
_SENTENCE_END = re.compile(r"[。；;！!？?]")
# a signature and date run on after the closing sentences (one-line pages): 。义乌市人民政府办公室2026年3月10日
_SIGNED = re.compile(
    r"(?<=[。！!；;”])\s*(?P<org>[\u4e00-\u9fff ]{2,60}?)?\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"\s*(?P<tail>[(（][^()（）]{1,12}[)）])?\s*$"
)


# the same, standing alone right after the last item's clause: 长沙市岳麓区人民政府办公室2026年1月20日
_SIGNATURE = re.compile(_SIGNED.pattern.removeprefix(r"(?<=[。！!；;”])"))


# a note in brackets closing a signature's date line: 2025年3月21日（此件公开发布）
_NOTE_TAIL = re.compile(r"\s*[(（][^()（）]{1,12}[)）]\s*$")


@memo(1, copy="shared")  # the one file, read once
def _closing_words() -> dict[str, tuple[str, ...]]:
    raw = read_data("closing.yaml", required=True) or {}
    return {str(k): tuple(str(w) for w in v or ()) for k, v in raw.items() if isinstance(v, list)}


# what may stand before a glossary's heading (附：名词解释, 附件2 名词解释) and after it (名词解释：)
_GLOSSARY_OPEN = re.compile(r"^(?:附\s*[件表]?\s*[0-9一二三四五六七八九十]{0,3}\s*[:：、.．]?\s*)?")
_GLOSSARY_CLOSE = re.compile(r"\s*[:：]?$")


def glossary_head(text: str) -> bool:
    """A paragraph that is the heading of a list of terms (名词解释, 术语解释, 附：名词说明 …: closing.yaml
    `glossary_titles`): what follows it defines the plan's words, no measure."""
    core = _GLOSSARY_CLOSE.sub("", _GLOSSARY_OPEN.sub("", text.strip()))
    return core in _closing_words().get("glossary_titles", ())


@memo(1, copy="shared")
def _glossary_run() -> re.Pattern[str]:
    """A glossary's heading inside a page that lost its line breaks: after a stop or a space, before a space or its
    first entry (… 结果纳入年度考核。 名词解释 1.精准康复服务：指…)."""
    words = sorted(_closing_words().get("glossary_titles", ()), key=len, reverse=True)
    alt = "|".join(map(re.escape, words)) or "(?!)"
    return re.compile(rf"(?<=[\s。；;])(?:附\s*[:：]\s*)?(?:{alt})\s*[:：]?(?=\s|[1１][.．、]|$)")


def glossary_cuts(text: str, after: int) -> list[int]:
    """Where a glossary's heading begins and ends in a run-on page, past `after` (the second item): cut out, it is the
    paragraph the plan ends at (`glossary_head`)."""
    return [k for m in _glossary_run().finditer(text, after) for k in (m.start(), m.end())]


def names_projects(caption: str) -> bool:
    """An attachment's caption naming a table of projects or indicators (重点项目表, 重大工程清单, 主要指标表: closing.yaml
    `project_tables`), not of tasks."""
    return any(w in caption for w in _closing_words().get("project_tables", ()))


def attachment_head(text: str) -> bool:
    """An attachment's heading or list line (附件：1.X表; 附件1; 附件2 X统计表): what follows it is no measure's text."""
    return bool(_ATTACHMENTS.match(text) or _ATTACHMENT_HEAD.fullmatch(text.strip()))


def signed_line(text: str) -> tuple[list[str], str] | None:
    """(the issuing bodies on the line, the date) of a signature's date line, or None: a date alone (2025年4月16日,
    二〇二五年四月十六日), after the bodies on the same line (敦煌市人民政府 2025年4月16日), either with a note in
    brackets after it ((此件公开发布)). A 印发 line (X 2025年4月16日印发) is the distribution record, not this."""
    core = _NOTE_TAIL.sub("", text.strip())
    date = frontmatter.parse_date(core)
    if date:
        return [], date
    m = _SIGNATURE.fullmatch(core)
    if m is None or m.group("tail"):
        return None
    org = _signer(m)
    date = frontmatter.parse_date(m.group("date"))
    return (frontmatter.org_names(frontmatter.without_seal(org)), date) if org and date else None


SIGNATURE_LINES = 12  # bodies of a joint signature, one or a few to a line, above its date


def signature(texts: list[str]) -> tuple[list[str], str | None]:
    """The issuing bodies and the date of the closing's signature block (`texts`: the closing's paragraphs): its
    first date line (`signed_line`) and the lines of bodies right above it — the plan's issuer where no 印发
    notice above the plan names one. ([], None) when the closing is not signed."""
    for i, text in enumerate(texts):
        found = signed_line(text)
        if found is None:
            continue
        names, date = found
        above: list[str] = []
        for k in range(i - 1, max(-1, i - 1 - SIGNATURE_LINES), -1):
            if frontmatter.seal_caption(texts[k]):
                continue  # the seal's caption between the bodies and the date (OCR text: "（盖章）")
            more = frontmatter.org_names(frontmatter.without_seal(texts[k]))
            if not more:
                break
            above = more + above
        return above + names, date
    return [], None


@memo(1, copy="shared")  # compiled once from the one file
def _item_notes() -> re.Pattern[str] | None:
    notes = _closing_words().get("item_notes", ())
    return re.compile("|".join(f"(?:{n})" for n in notes)) if notes else None


@memo(1, copy="shared")  # compiled once from the one file
def _annex_pointers() -> re.Pattern[str] | None:
    words = _closing_words().get("annex_pointers", ())
    return re.compile("|".join(f"(?:{w})" for w in words)) if words else None


def points_to_annex(text: str) -> bool:
    """Text that sends the reader to an attachment for the tasks (具体任务见附件, （见附件2）: closing.yaml `annex_pointers`)."""
    pattern = _annex_pointers()
    return pattern is not None and pattern.search(text) is not None


def notes_items(text: str) -> bool:
    """A paragraph that speaks of a list's items as a whole (上述任务的牵头单位…详见附件, 以上措施要抓好落实: closing.yaml
    `item_notes`), no part of the last item's text; a group clause assigning them units is none (groupclause). So is
    a note saying how to read the list's or table's units (注：标★的为牵头单位，其余为配合单位: conventions.reading_note),
    whose convention is read wherever it stands."""
    from engine.extract.groupclause import (
        speaks_of_items,  # it reads engine.extract, which imports the parser's words
    )

    if conventions.reading_note(text):
        return True
    pattern = _item_notes()
    if pattern is None or text.startswith(_CLAUSE_OPEN):
        return False
    rest = speaks_of_items(text)
    return rest is not None and pattern.search(rest) is not None


def is_firm(text: str) -> bool:
    """A paragraph that can only close the plan (see the module docstring)."""
    if _PUBLICITY.match(text):
        return True
    if text.startswith(_CLAUSE_OPEN):
        return False
    return bool(
        frontmatter.is_furniture(text)
        or frontmatter.parse_date(text)
        or frontmatter.signing_line(text)  # the signing body, the seal's caption after it or alone: "（盖章）"
        or (SELF_REF.search(text) and len(text) <= 1000)
        or _COMMENCEMENT.match(text)
        or articles.closes(text)  # 以上措施自印发之日起施行 / 上述措施由X负责解释 (rulesets/data/articles.yaml)
        or notes_items(text)  # 上述任务的牵头单位…详见附件 after the plan's last item
        or _REQUEST.match(text)
        or _CONTACT.match(text)
        or _DISTRIBUTION.match(text)
        or attachment_head(text)
        or glossary_head(text)  # 名词解释 after the safeguards: a list of terms, no measure's text
        or signed_line(text)
        or attendance(text)
    )


@memo(1, copy="shared")  # compiled once from the one file
def _minutes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """rulesets/data/minutes.yaml as two patterns: the meeting as a paragraph's subject before what it asks
    (会议要求，/会议强调：), and an attendance line's label with its colon (出席：, 列席：, 请假：)."""
    data = read_data("minutes.yaml", required=True) or {}

    def alt(key: str) -> str:
        words = sorted((str(w) for w in data.get(key) or ()), key=len, reverse=True)
        return "|".join(re.escape(w) for w in words) or "(?!)"

    return re.compile(rf"^(?:{alt('speakers')})\s*[，,:：]\s*"), re.compile(rf"^(?:{alt('attendance')})\s*[:：]")


def attendance(text: str) -> bool:
    """A 纪要's attendance line (出席：某某某　某某某, 列席：…, 请假：…): the document's record, no measure's text."""
    return bool(_minutes()[1].match(text))


def _unspoken(text: str) -> str:
    """`text` without the meeting as its subject: 会议要求，各相关单位要… → 各相关单位要…"""
    m = _minutes()[0].match(text)
    return text[m.end() :] if m else text


def _asked(text: str) -> list[str]:
    """Where an address may open in `text`: its start, or past the meeting as its subject (会议要求，各相关单位要…) and,
    so spoken, past each clause of its first sentence that comes before the address (会议强调，X是Y的金字招牌，各部门、各村
    要…: the meeting says why, then asks the implementers as a whole)."""
    asked = _unspoken(text)
    if asked is text:
        return [text]
    first = _SENTENCE_END.split(asked, 1)[0]
    return [asked, *(asked[m.end() :] for m in re.finditer(r"[，,]\s*", first))]


@memo(1, copy="shared")  # compiled once from the one file
def _named_address() -> re.Pattern[str]:
    acts = _closing_words().get("implement_acts", ())
    act = "|".join(re.escape(a) for a in sorted(acts, key=len, reverse=True))
    return re.compile(
        rf"^{_GROUP}(?:[、，,和及与](?:{_GROUP}|{_NAMED})){{1,6}}(?:要|务必|应当|应|须|必须)"
        rf"(?:认真|切实|进一步|全面)?(?:{act})"
    )


def is_address(text: str) -> bool:
    """A paragraph telling the recipients to carry the plan out (各地区、各有关部门要…; 各设区市、
    平潭综合实验区要对照本要点…), not ending with a responsibility clause of its own; in a 纪要 the meeting may
    speak it (会议要求，各相关单位要按照会议议定事项…: rulesets/data/minutes.yaml `speakers`)."""
    if not any(_ADDRESS.match(asked) or _named_address().match(asked) for asked in _asked(text)):
        return False
    found = extract.find_responsibility(text)
    return found is None or bool(text[found.end :].strip(" 。.；;\n"))


_REQUIREMENTS_HEAD_MAX = 12  # 办理要求, 有关工作要求, 组织保障: a bare heading's few words


def requirements_head(text: str) -> bool:
    """An unnumbered heading of the closing requirements standing alone after the items (办理要求 under a 交办单's task
    table, 工作要求：, 保障措施): its title ends as a safeguards section's does (rulesets/data/sections.yaml
    `safeguard_titles`), a few words, no sentence. What follows it, its own 1. 2. 3. included, is no measure."""
    core = text.strip().rstrip(":：").strip()
    return (
        0 < len(core) <= _REQUIREMENTS_HEAD_MAX
        and not _SENTENCE_END.search(core)
        and not re.search(r"[，,、]", core)
        and tree.safeguard_heading().search(core) is not None
    )


def start(heading: str, texts: list[str]) -> int | None:
    """Index of the first closing paragraph among the last item's unnumbered paragraphs, or None.

    `heading`: the item's own line. When it is a bare heading (三、保障措施: no sentence in it), the
    paragraphs under it are that section's text and only a firm closing ends them."""
    firm = next((k for k, t in enumerate(texts) if is_firm(t) or requirements_head(t)), len(texts))
    if len(heading) <= HEADING_MAX and not _SENTENCE_END.search(heading):
        return firm if firm < len(texts) else None
    k = firm
    for j in range(firm - 1, -1, -1):
        if is_address(texts[j]):
            k = j  # an address closes, with what follows it, when no responsibility clause follows
        elif extract.find_responsibility(texts[j]) is not None:
            break
    return k if k < len(texts) else None


def cuts(text: str) -> list[int]:
    """Offsets inside one paragraph where its closing text starts (a page that lost its line breaks):
    after its last responsibility clause when a closing sentence follows, and before a signature and
    date that end the paragraph after a closing sentence."""
    found = extract.find_responsibility(text)
    if found is None:
        return []
    at = found.end
    while at < len(text) and text[at] in " 。.；;":
        at += 1
    rest = text[at:]
    if not rest or rest.startswith(_CLAUSE_OPEN):
        return []
    signed = _SIGNATURE.fullmatch(rest) or _SIGNED.search(rest)
    if signed and signed.start() == 0 and not _signer(signed):
        signed = None  # no signature standing alone right after the clause
    if not (signed and signed.start() == 0) and not (is_firm(rest) or is_address(rest)):
        return []
    out = [at]
    if signed:
        org = _signer(signed)
        out.append(at + (signed.start("org") if org else signed.start("date")))
        if org:
            out.append(at + signed.start("date"))
        if signed.group("tail"):
            out.append(at + signed.start("tail"))
    return sorted(set(out))


def _signer(m: re.Match[str]) -> str:
    """The issuing bodies of a signature match, when they read as bodies ('' otherwise)."""
    org = (m.group("org") or "").strip()
    return org if org and frontmatter.org_names(org) else ""


# closing lines run together after the last item (a page that lost its line breaks): a commencement
# clause, a request to report or an 附件 list after a sentence's end; a contact or 抄送 label anywhere
_RUN_ON = re.compile(
    r"(?<=[。；;!！])\s*(?=(?:本\S{0,8}?)?(?:自|从)[^。；]{0,24}?起(?:施行|执行|实施|生效|试行)|有效期(?:至|为|\d)"
    r"|请[^。]{0,80}?(?:报送|报告|上报|反馈)|附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：])"
    r"|(?=(?:联系人|联系电话|抄送|抄报)\s*[:：])"
    # a request right after the last unit of a 责任单位 line, which ends without a stop: …部信息中心请各省级…报送
    r"|(?<=[局司委厅办府室处站院所队心])(?=请[^。]{0,80}?(?:报送|报告|上报|反馈))"
)
# a signature date standing between closing lines: not a deadline (于/前/起/至 …) nor 印发's date
_RUN_ON_DATE = re.compile(
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?!\s*(?:印发|前|起|以前|之前|至|到|后))"
)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,60}$")


def run_on(text: str, after: int) -> list[int]:
    """Offsets in `text` (past `after`, the last item's start) where closing lines begin when a page
    lost its line breaks: commencement, report requests, 附件, contact and 抄送 lines, and a signature
    (bodies, then the date) standing after them."""
    out = [m.start() for m in _RUN_ON.finditer(text, after) if m.start() > after]
    if not out:
        return []
    for m in _RUN_ON_DATE.finditer(text, out[0]):
        run = _HAN_RUN.search(text, out[0], m.start())
        if run and frontmatter.org_names(run.group()):
            out += [run.start(), m.start(), m.end()]
    return sorted({k for k in out if after < k < len(text)})


def _record(text: str) -> bool:
    """A closing line that records the document rather than saying anything of the plan: a distribution
    (抄送/抄报/主送/印发/分送 …, 某办公室2026年3月16日印发), a contact, an attachment list, the signature
    (the issuing bodies, a date) and site furniture."""
    return bool(
        _DISTRIBUTION.match(text)
        or _CONTACT.match(text)
        or attendance(text)
        or attachment_head(text)
        or _PUBLICITY.match(text)
        or _SIGNATURE.fullmatch(text)
        or signed_line(text)
        or frontmatter.signing_line(text)
        or (frontmatter.parse_date(text) and len(text) <= 20)
        or frontmatter.is_furniture(text)
    )


def said(closing: str) -> str:
    """The closing text without its record lines (`_record`): what the plan says after its last item
    (各单位要…, 本方案由县发改委负责解释), not how the document was signed and sent. A distribution line
    starts the document's record block: it and every line after it (a 抄送 list wrapped over lines, the
    印发 line) are dropped. The units a 抄送 line names are the document's recipients, written in the
    short forms of a distribution list (县法院, 县检察院), not the plan's own naming of its units."""
    kept: list[str] = []
    for line in closing.split("\n"):
        text = line.strip()
        if _DISTRIBUTION.match(text):
            break
        if text and not _record(text):
            kept.append(line)
    return "\n".join(kept)
