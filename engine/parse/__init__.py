"""Parse: SourceDoc -> Plan (front matter, level/jurisdiction, numbered tree, sections, measures).

Steps: fold and strip each paragraph (tolerates text that skipped ingest normalisation), split huge
lines at inline numbering (and run-together front matter at its parts), find the marker opening each
paragraph, build the tree from the order of first use of each numbering style, choose the measure
style by counting nodes with task text, split section headings off an intro they were fused with
(one-line documents), read the front matter before the first item, infer jurisdiction and level,
then fill every measure via `engine.extract.fill_measure`. Any input either parses or raises `PlancheckError`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import pairwise

from engine import extract
from engine.errors import PlancheckError
from engine.extract.deadlines import heading_deadlines, resolve_relative, resolve_year
from engine.ingest import budgets
from engine.models import Level, Measure, Paragraph, Plan, SourceDoc
from engine.parse import (
    annex_refs,
    assignments,
    boxes,
    bundles,
    clause_place,
    commentary,
    conventions,
    documents,
    drafts,
    dutylists,
    enumerations,
    frontmatter,
    republished,
    runin,
    subplans,
    summaries,
    table_foot,
)
from engine.parse import bullets as bullet_lists
from engine.parse import closing as closings
from engine.parse import level as levels
from engine.parse.numbering import (
    Marker,
    decimal_markers,
    digit_led_markers,
    fold,
    in_sequence,
    inline_decimals,
    inline_markers,
    label_alone,
    letter_markers,
    marker_at_start,
    slice_paragraph,
    slipped_labels,
    spaced_entries,
)
from engine.parse.subpoints import fold_parts
from engine.parse.tree import (
    Node,
    Segment,
    ancestors,
    assign_refs,
    build_nodes,
    classify,
    make_measures,
    make_sections,
    notes_after_lists,
    safeguard_words,
    unfuse_sections,
)

__all__ = ["parse_plan"]


# A paragraph this long is a document (or chapter) delivered on one line: split it at inline numbering.
INLINE_MIN_CHARS = 4000
# Paragraphs after the last item that close the document rather than continue the last measure.
# an attachment's own heading: "附件" / "附件2" / "附件：…" standing alone as a paragraph
_TASK_ATTACHMENT = re.compile(r"任务|分工|措施|实施方案|工作方案|行动方案|行动计划|工作计划|台账|责任清单")
# (附表 / 附表1 / 附表：X, an appended table, is read as 附件 is)
_ATTACHMENT = re.compile(r"附\s*[件表]\s*[0-9一二三四五六七八九十]*\s*(?:[:：].{0,60})?")
# a task table printed after the body in the SAME text, under "附：重点任务责任分工" / "附表：任务分工" / "附表1 …分工表"
# (no 附件 notice): read as an attachment's table only where its caption names a task list (_TASK_ATTACHMENT)
_ANNEX_TABLE = re.compile(r"附\s*(?:表\s*[0-9一二三四五六七八九十]*\s*[:：]?|[:：])\s*(?P<caption>[^。；;，,]{2,40})")
# the title of a text published with the plan that explains it rather than plans anything: a draft for
# comment's 起草说明 (编制说明, 修订说明), a policy page's 政策解读 (相关解读：, 一图读懂《…》, 图解…). Its own
# numbering (一、起草背景 二、主要内容) is not the plan's; its sentences restate the plan's measures.
_EXPLANATION = re.compile(
    r"(?:关于)?(?:《[^》]{2,80}》)?[^，。；;：:《》]{0,30}?(?:起草|编制|修订|制定|修改)(?:情况的?)?说明"
    r"|(?:关于)?《[^》]{2,80}》[^，。；;]{0,12}?(?:的?(?:政策)?解读|的说明)"
    r"|(?:相关|政策|文件)解读\s*[:：]?|(?:一图读懂|图解|一图看懂)\s*《?[^，。；;]{2,80}》?"
)
_LIST_LINE_MAX = 60
# an explanation's title standing on its own inside a page that lost its line breaks (… 附件： 关于《X》的起草说明
# 一、起草背景 …): after a stop or a space and before its 一、 (or a space), cut out as a paragraph of its own
_EXPLANATION_TITLE = re.compile(rf"(?<=[\s。；;：:])(?:{_EXPLANATION.pattern})(?=\s|一、|$)")


def parse_plan(
    doc: SourceDoc, *, level: Level | None = None, jurisdiction: str | None = None, part: int | None = None
) -> Plan:
    """The plan in `doc`; raises PlancheckError("parse.no_measures") when nothing is numbered.

    A notice issuing several documents at once is read as all of them, each numbered and checked on
    its own (`Plan.documents`), or, with `part` (1-based), as that document alone.
    """
    try:
        return _parse(doc, level, jurisdiction, part)
    except PlancheckError:
        raise
    except RecursionError as e:  # pragma: no cover - safety net: the contract is PlancheckError only
        raise PlancheckError("internal", reason=f"parse: {e!r}") from e
    except Exception as e:  # pragma: no cover
        raise PlancheckError("internal", reason=f"parse: {type(e).__name__}: {e}") from e


def prepare(doc: SourceDoc) -> list[Paragraph]:
    """Folded, stripped, non-empty paragraphs; huge ones split at inline numbering. Re-indexed 0..n-1.

    Paragraphs before the first numbered item are also cut where front matter ran together on one
    line (`frontmatter.front_cuts`), so that `read_front` sees title, 文号, signature and date apart.
    """
    raw: list[Paragraph] = []
    for p in doc.paragraphs:
        t = fold(p.text)
        s = len(t) - len(t.lstrip())
        e = len(t.rstrip())
        if s >= e:
            continue
        if t == p.text and s == 0 and e == len(t):
            raw.append(p)
        else:
            q = Paragraph.model_construct(
                index=p.index, line=p.line, text=t, orig=p.orig, cols=p.cols, table_row=p.table_row, frame=p.frame
            )
            raw.append(slice_paragraph(q, s, e, p.index))
        # "【牵头单位】X【配合单位】Y　1.扩大…": the fields before the number, a paragraph of their own above the item
        at = clause_place.fields_first(raw[-1].text)
        if at is not None:
            q = raw.pop()
            raw += [slice_paragraph(q, 0, len(q.text[:at].rstrip()), p.index), slice_paragraph(q, at, len(q.text), p.index)]
    opening = in_sequence([marker_at_start(q.text) for q in raw])  # 2025. opening a line: a year
    starts = sum(1 for mk in opening if mk is not None)
    out: list[Paragraph] = []
    front = True  # no numbered item yet: a paragraph may be front matter run together on one line
    seen: dict[str, Marker] = {}  # the last marker of each style so far, styles in order of first use
    recent: list[Marker] = []  # and the last marker of all
    for q, opens in zip(raw, opening, strict=True):
        cuts: list[int] = []
        found = [opens] if opens is not None else []
        if len(q.text) >= INLINE_MIN_CHARS or starts <= 1:
            found = inline_markers(q.text, [*seen.values(), *recent])  # a page broken in two goes on
            cuts = [mk.start for mk in found if mk.start > 0]
            # decimal labels (2 重点任务 2.1 …) are read at a paragraph's start only: cut the line before them
            closing_title = safeguard_words()  # a closing section's title (保障措施) at a decimal number
            decimals = inline_decimals(q.text, closing_title)
            cuts = sorted({*cuts, *(mk.start for mk in decimals if mk.start > 0)})
            if decimals and decimals[-1].style == "decimal1":  # its title, then the section's prose
                title = closing_title.match(q.text, decimals[-1].end)
                cuts = sorted({*cuts, *([title.end()] if title and title.end() < len(q.text) else [])})
            if cuts:  # its bullet marks run on too: "二、整治任务●规范…（X牵头） ●严查…"
                cuts = sorted({*cuts, *bullet_lists.inline_cuts(q.text, found)})
            if cuts:  # … and a box between its measures (…（X负责） 专栏1　Y ①…②…): its caption and lines apart
                cuts = sorted({*cuts, *boxes.inline_cuts(q.text)})
            if cuts:  # … and a 逐条解读 page's commentary after each (…（X负责） 【解读】…): a paragraph of its own
                cuts = sorted({*cuts, *commentary.inline_cuts(q.text)})
            if cuts:  # a page that lost its line breaks: its closing lines run on too
                cuts = sorted({*cuts, *closings.run_on(q.text, cuts[-1]), *_explanation_cuts(q.text, cuts)})
        for mk in found:
            seen[mk.style] = mk
        recent = found[-1:] or recent
        if (cuts or not front) and closings.AFTER_CLAUSE.search(q.text):
            cuts = sorted({*cuts, *(c for c in closings.cuts(q.text) if 0 < c < len(q.text))})
        if front:
            if opens is not None:
                front = False
            else:
                head = cuts[0] if cuts else len(q.text)
                cuts = sorted({*frontmatter.front_cuts(q.text[:head]), *cuts, *_front_in_pieces(q.text, cuts, found)})
                front = head == len(q.text)
        if not cuts:
            out.append(q if q.index == len(out) else q.model_copy(update={"index": len(out)}))
            continue
        bounds = [0, *cuts, len(q.text)]
        for a, b in pairwise(bounds):
            seg = q.text[a:b]
            s = len(seg) - len(seg.lstrip())
            e = len(seg.rstrip())
            if s < e:
                out.append(slice_paragraph(q, a + s, a + e, len(out)))
    return out


_CLAUSE_STOPS = re.compile(r"[，,；;。！？!?\n]")


def _front_in_pieces(text: str, cuts: list[int], found: list[Marker]) -> list[int]:
    """Front matter cuts inside the pieces a one-line page was cut into before its first numbered item: a policy
    page (图解, 一图读懂) whose bullets (◆ 储备项目：…) run on into the notice it carries (附件：关于印发X的通知 文号 各…：
    …现印发给你们… 签发机关 日期 X 为…制定本方案。) and that notice's lines into each other; `front_cuts` reads the
    first piece only, the notice is in the last."""
    numbered = [mk.start for mk in found if mk.start > 0]
    head = numbered[0] if numbered else len(text)
    bounds = [c for c in cuts if 0 < c < head]
    if not bounds:
        return []
    out: list[int] = []
    for a, b in pairwise([*bounds, head]):
        out += [a + c for c in frontmatter.front_cuts(text[a:b]) if 0 < c < b - a]
    return out


def _charged_list(nodes: list, paras: list[Paragraph], first: int, assigned: Callable[..., bool]) -> frozenset[int]:
    """The items of the one list a duty document (应急预案, 工作规则) charges units in (engine/parse/dutylists.py)."""
    if not dutylists.duty_genre([paras[k].text for k in range(first)]):
        return frozenset()

    from engine.extract.dutysubject import duty_subject  # extract reads parse.level: imported when parse runs

    def charges(i: int) -> bool:
        n = nodes[i]
        text = "\n".join([n.rest, *(paras[k].text for k in n.body)])
        return assigned(n) or duty_subject(text) is not None

    return dutylists.charged_list([n.parent for n in nodes], [n.marker.style for n in nodes], charges)


def _duty_subject(m: Measure) -> None:
    """A duty list's item given the units its subject names (engine/extract/dutysubject.py) where it has no clause of
    its own, or one that names fewer of them (the lead of "由X牵头，会同Y…" alone) or reads its prose otherwise."""
    from engine.extract.dutysubject import duty_subject  # extract reads parse.level: imported when parse runs
    from engine.extract.responsibility import written_in_prose

    r = duty_subject(m.text)
    if r is None:
        return
    own = m.responsibility
    names = {u.name for u in r.lead}
    if own is not None and not (
        written_in_prose(own) or own.source == "fields" or ({u.name for u in own.lead} <= names and not own.support)
    ):
        return
    m.responsibility = r
    m.lead_units = [u.name for u in r.lead]
    m.support_units = [u.name for u in r.support]


def _distinct_clauses(paras: list[Paragraph], markers: list[Marker | None]) -> int:
    """How many different clauses (text between ，；。！？) these paragraphs hold, their labels left out."""
    texts = (p.text[mk.end :] if mk is not None else p.text for p, mk in zip(paras, markers, strict=True))
    return len({c for t in texts for c in map(str.strip, _CLAUSE_STOPS.split(t)) if c})


def _commentary_cut(nodes: list, paras: list[Paragraph]) -> list[int]:
    """Cut a republishing page's commentary (【解读】…, engine/parse/commentary.py) from the end of each item's body;
    the last item's is returned: what follows the plan's last item is closing text."""
    tail: list[int] = []
    for n in nodes:
        pos = commentary.start([paras[k].text for k in n.body])
        if pos is not None:
            tail = n.body[pos:] if n is nodes[-1] else []
            n.body = n.body[:pos]
    return tail


def _uncommented(paras: list[Paragraph], ks: range) -> list[int]:
    """The paragraphs `ks` up to a republishing page's commentary after them (【解读】…)."""
    pos = commentary.start([paras[k].text for k in ks]) if commentary.on_page([p.text for p in paras]) else None
    return list(ks if pos is None else ks[:pos])


def _explanation_cuts(text: str, cuts: list[int]) -> list[int]:
    """Where an explanation's title (or a glossary's: 名词解释) begins and ends in a run-on page, after two items or
    more (`cuts`): cut out, it is the paragraph `_explanation_start` ends the plan at."""
    if len(cuts) < 2:
        return []
    out: list[int] = closings.glossary_cuts(text, cuts[1])  # 名词解释 closing the plan: the same cut
    out += drafts.paper_cuts(text, cuts[1])  # 意见反馈表 after a draft's safeguards: the same cut
    for m in _EXPLANATION_TITLE.finditer(text, cuts[1]):
        if m.end() - m.start() <= 120:
            out += [m.start(), m.end()]
    return out


def _join(paras: list[Paragraph], ks: range | list[int]) -> str:
    """Paragraph texts, one a line; pieces cut from one line (one-line documents) joined as written."""
    out: list[str] = []
    prev: Paragraph | None = None
    for k in ks:
        p = paras[k]
        if prev is not None:
            same = p.line == prev.line and p.orig is prev.orig
            adjacent = same and bool(p.cols) and bool(prev.cols) and p.cols[0] == prev.cols[-1] + 1
            out.append("" if adjacent else " " if same else "\n")
        out.append(p.text)
        prev = p
    return "".join(out)


def _ends_with_clause(text: str) -> bool:
    found = extract.find_responsibility(text)
    return found is not None and not text[found.end :].strip(" 。.；;\n")


def _after_last_clause(nodes: list, paras: list[Paragraph]) -> int | None:
    """Where the closing paragraphs begin inside the last item's body, in a document whose items each
    end with their responsibility clause ("…（国务院办公厅负责）" then 督查激励 arrangements, 停止执行…):
    the paragraphs after the last item's clause close the document, they are not part of that item."""
    last = nodes[-1]
    if not last.body:
        return None
    ends = [_ends_with_clause(paras[n.para].text if not n.body else paras[n.body[-1]].text) for n in nodes[:-1]]
    if sum(ends) < 3 or sum(ends) < 0.8 * len(ends):
        return None
    own = [last.para, *last.body]
    for pos in range(len(own) - 1, -1, -1):
        if _ends_with_clause(paras[own[pos]].text):
            return pos if pos < len(last.body) else None  # own[pos] is body[pos - 1]: keep it, cut after
    return None


def _attachment_start(paras: list[Paragraph], markers: list[Marker | None], first: int) -> int | None:
    """Where the attachments begin, when the body before them already holds the plan.

    An attachment starts at a bare "附件" heading after the body's signature or date (or, under a covering
    notice dated above the plan, after the plan's items). A cover notice
    whose body has fewer than two numbered items ("现将《方案》印发给你们") is not cut: there the
    attachment is the plan. Nor is an attachment holding the plan's tasks (重点任务清单, `_holds_tasks`): the
    attachments begin at the next one that holds none.
    """
    # a covering notice signed and dated above the plan: the plan itself closes with no date of its own
    dated = any(frontmatter.parse_date(t := paras[k].text.strip()) and len(t) <= 20 for k in range(first))
    for k in range(first, len(paras)):
        text = paras[k].text.strip()
        points_back: bool | None = None  # annex_refs.restates at k, once read
        if markers[k] is None and (frontmatter.parse_date(text) and len(text) <= 20):
            dated = True
        elif _table_chapter(paras, markers, first, k):
            return k  # 五、重点任务分工表 over rows restating the measures: read as an attachment's table
        elif (
            _ATTACHMENT.fullmatch(text)
            # undated (a draft, a plan issued alone): an attachment of projects, one pointing back at the measures, or a
            # task table restating them (its task cells the body's task titles)
            and (
                dated
                or _projects(paras, markers, k)
                or (points_back := _points_back(paras, markers, first, k))
                or _restates(paras, markers, first, k)
            )
        ) or _annex_table(text):
            numbered = sum(1 for mk in markers[first:k] if mk is not None)
            if numbered < 2:
                return None
            restates = (
                _restates(paras, markers, first, k)
                or _keyed_rows(paras, markers, first, k)
                # 对应任务 "二（三）", （对应第二部分第（一）项）: read once, where the condition above read it already
                or (points_back if points_back is not None else _points_back(paras, markers, first, k))
            )
            if _annex_table(text):  # "附：X分工" in the plan's own text: its table, wherever the date stands, where
                # the body's measures are paragraphs of their own (a body of table rows and a second table under
                # "附表2" are two parts of one plan's tables)
                prose = sum(1 for j in range(first, k) if markers[j] is not None and not paras[j].table_row)
                return k if restates and prose >= 2 else None
            # under a 转发 notice with items of its own, the 附件 is the plan it forwards: no part of the notice's
            forwarded = dated and frontmatter.announces_own_items([p.text for p in paras[:first]])
            if forwarded or not _holds_tasks(paras, k) or _projects(paras, markers, k) or restates:
                return k
            # an attachment holding the plan's tasks stays; a later one holding none (附件2 联络员名单 1.…) is cut there
    return None


_CAPTION_LINES = 3


def _requirements_start(paras: list[Paragraph], markers: list[Marker | None], first: int) -> int | None:
    """Where an unnumbered heading of the closing requirements stands after the plan's items (办理要求, 工作要求,
    保障措施 on a line of their own: closing.requirements_head), followed by a list of its own that starts again at
    its first number, or by none: the plan's items end there. None where no such heading follows an item."""
    for k in range(first + 1, len(paras)):
        if markers[k] is not None or not closings.requirements_head(paras[k].text):
            continue
        nxt = next((mk for mk in markers[k + 1 :] if mk is not None), None)
        if nxt is None or nxt.ordinal == 1:
            return k
    return None


def _projects(paras: list[Paragraph], markers: list[Marker | None], k: int) -> bool:
    """The attachment headed at `k` (附表 / 附件 / 附表：X) is a table of projects or indicators (its caption: the
    heading and the unnumbered lines after it, closing.yaml `project_tables`: 2026—2028年X重点项目表), not of tasks
    (a caption naming a task list, _TASK_ATTACHMENT, wins). Its rows name their 实施单位, yet they are no measures: the
    plan's tasks are its body's items (blind61 咸阳市's 附表 after 三、保障措施)."""
    caption = [paras[k].text]
    for j in range(k + 1, min(k + 1 + _CAPTION_LINES, len(paras))):
        if markers[j] is not None or paras[j].table_row:
            break
        caption.append(paras[j].text)
    text = "".join(caption)
    return closings.names_projects(text) and not _TASK_ATTACHMENT.search(text)


_TASK_OF_ROW = re.compile(r"[(（](?:牵头单位|责任单位|配合单位)[:：]")
_NON_WORD = re.compile(r"[\W_]+")


def _explanation_start(paras: list[Paragraph], markers: list[Marker | None], first: int) -> int | None:
    """Where a text explaining the plan begins (起草说明, 政策解读; `_EXPLANATION`; or its terms: 名词解释, closing.yaml
    `glossary_titles`; or a paper about the draft: 修改对照表, 征求意见采纳情况表, rulesets/data/drafts.yaml `papers`), after
    at least two
    numbered items, dated or not (a draft for comment is not signed). The attachment list naming it just
    above (附件：1.… 2.起草说明, 附件2) goes with it: its numbered lines are no measures."""
    numbered = 0
    for k in range(first, len(paras)):
        if markers[k] is not None:
            numbered += 1
            continue
        text = paras[k].text.strip()
        if numbered < 2 or len(text) > 120 or _notice_list_entry(paras, k):
            continue
        if not (
            _EXPLANATION.fullmatch(text)
            or drafts.paper_head(text)  # 修改对照表, 征求意见采纳情况表, 意见反馈表: about the draft (drafts.yaml `papers`)
            or (closings.glossary_head(text) and _entries_only(markers, k))
        ):
            continue
        start = j = k
        while j - 1 > first:
            above = paras[j - 1].text.strip()
            if len(above) > _LIST_LINE_MAX or above[-1:] in "。；;":
                break
            j -= 1
            if _ATTACHMENT.fullmatch(above):
                start = j
        return start
    return None


_ATTACHMENT_HEAD_LINE = re.compile(r"^附\s*件\s*[:：]")
_LIST_ENTRY = re.compile(r"^(?:附\s*件\s*[:：]|[(（]?[0-9]{1,2}\s*[)）.．、])")
_SIGNED_WITHIN = 6


def _notice_list_entry(paras: list[Paragraph], k: int) -> bool:
    """The paragraph at `k` is an entry of a notice's attachment list (附件：1.X方案 / 2.起草说明, 附件：修改对照表) that the
    notice's signature and date follow: it names the paper, which stands after the plan, and starts nothing. (A 征求意见
    公告 numbering its own lines, 一、征求意见时间 二、反馈方式, has its two items before the list.)"""
    if not _LIST_ENTRY.match(paras[k].text.strip()):
        return False
    j = k
    while j >= 0 and not _ATTACHMENT_HEAD_LINE.match(paras[j].text.strip()):
        if k - j >= _SIGNED_WITHIN or not _LIST_ENTRY.match(paras[j].text.strip()):
            return False
        j -= 1
    if j < 0:
        return False
    return any(
        frontmatter.parse_date(t := paras[i].text.strip()) and len(t) <= 20
        for i in range(k + 1, min(k + 1 + _SIGNED_WITHIN, len(paras)))
    )


def _entries_only(markers: list[Marker | None], k: int) -> bool:
    """What follows the glossary heading at `k` is numbered, if at all, only by its entries: one style counting
    1, 2, 3 … to the end. A 指标说明 under a 专栏 of indicators in the 发展目标 chapter is followed by the tasks'
    chapters and items (第三章, 第六节 …): it closes nothing."""
    after = [mk for mk in markers[k + 1 :] if mk is not None]
    return all(mk.style == after[0].style and mk.ordinal == n for n, mk in enumerate(after, 1))


_NAMED = re.compile(r"《([^《》]{4,80})》")
_NOTICE_HEAD = 8


def _notice_items(paras: list[Paragraph], markers: list[Marker | None], first: int) -> int | None:
    """Where the plan starts when a covering notice numbers lines of its own (1.电子邮件… 2.信函…, 附件：1.…
    2.…) before its signature: the notice names the plan (征求《X》意见, 印发《X》, 关于印发X的通知), and after the notice's
    date (and an attachment heading, a publicity note, a 版记's lines) a title line of X opens the plan. The notice's lines are no items."""
    head = "".join(p.text for p in paras[:_NOTICE_HEAD] if not frontmatter.parse_date(p.text.strip()))
    names = {frontmatter.plain_title(n) for n in _NAMED.findall(head)}
    # the notice's heading names it without 《》 too: 关于印发X实施方案的通知
    names |= {frontmatter.plain_title(n) for p in paras[:_NOTICE_HEAD] if (n := frontmatter.wrapper_inner(p.text))}
    names = {n for n in names if len(n) >= 4}
    if not names:
        return None
    for k in range(first, len(paras)):
        text = paras[k].text.strip()
        if markers[k] is not None or not (frontmatter.parse_date(text) and len(text) <= 20):
            continue
        for j in range(k + 1, min(k + 6, len(paras))):
            t = paras[j].text.strip()
            # an attachment's heading, the date's publicity note ((此件公开发布)) or a 版记 line stand between
            if not t or _ATTACHMENT.fullmatch(t) or (closings.is_firm(t) and not frontmatter.looks_like_title(t)):
                continue
            core = frontmatter.plain_title(t)
            if markers[j] is None and len(core) >= 4 and any(n.startswith(core) or core.startswith(n) for n in names):
                later = any(mk is not None for mk in markers[j + 1 :])
                return j if later else None
            break
        return None
    return None


def _trim_at_explanation(nodes: list, paras: list[Paragraph], markers: list[Marker | None], first: int) -> None:
    """The paragraphs from an explanation or a paper about the draft on (`_explanation_start`: 起草说明, 意见反馈表 and
    its form's columns) are no node's text: a safeguards section closing a draft for comment ends before them, as its
    numbered lines do (`_cut_explanation`)."""
    cut = _explanation_start(paras, markers, first)
    if cut is None:
        return
    for n in nodes:
        if n.body and n.body[-1] >= cut:
            n.body = [k for k in n.body if k < cut]


def _cut_explanation(paras: list[Paragraph], markers: list[Marker | None], first: int) -> list[Marker | None]:
    cut = _explanation_start(paras, markers, first)
    return markers if cut is None else markers[:cut] + [None] * (len(paras) - cut)


def _annex_table(text: str) -> bool:
    """A "附：X分工" / "附表：X" heading whose caption names a task list: the attachment of a task table printed in
    the same text as the plan, after its safeguards, with no 附件 notice (a 自治区's 实施方案 closing with
    "附：重点任务责任分工" and its 序号 | 重点任务 | 牵头单位 | 配合单位 rows)."""
    m = _ANNEX_TABLE.fullmatch(text)
    return m is not None and _TASK_ATTACHMENT.search(m.group("caption")) is not None


def _restates(paras: list[Paragraph], markers: list[Marker | None], first: int, k: int) -> bool:
    """An attachment's task table that restates the body's own numbered measures (the body's items
    each hold the row's task): the body is the plan, the table a summary of it, not more measures."""
    body = _NON_WORD.sub("", "".join(paras[j].text for j in range(first, k)))
    tasks: list[str] = []
    for j in range(k, _first_attachment_end(paras, markers, k)):
        mk = markers[j]
        if mk is not None:
            task = _NON_WORD.sub("", _TASK_OF_ROW.split(paras[j].text[mk.end :])[0])
            if len(task) >= 6:
                tasks.append(task[:30])
    return len(tasks) >= 2 and sum(t in body for t in tasks) * 2 > len(tasks)


def _first_attachment_end(paras: list[Paragraph], markers: list[Marker | None], k: int) -> int:
    """Where the first attachment holding numbered lines from `k` on ends: at the next 附件 heading after them
    (附件2 名录 1.… after 附件1 分工表's rows is another paper; its lines restate nothing), else the text's end."""
    seen = False
    for j in range(k, len(paras)):
        if markers[j] is not None:
            seen = True
        elif seen and _ATTACHMENT.fullmatch(paras[j].text.strip()):
            return j
    return len(paras)


def _points_back(paras: list[Paragraph], markers: list[Marker | None], first: int, k: int) -> bool:
    """`annex_refs.restates` for the attachment headed at `k`, read up to where it ends (a 名单 after it is no entry)."""
    return annex_refs.restates(paras, markers, first, k, _first_attachment_end(paras, markers, k))


def _row_label(p: Paragraph) -> Marker | None:
    """The label a task-table row's 序号 cell prints, when that cell is a measure's own label ("（三）", "3.", "三、";
    a bare count "3" is none): the row of that measure. `orig` holds the row as pasted, its cells tab-joined."""
    return label_alone(p.orig.split("\t", 1)[0]) if p.table_row and "\t" in p.orig else None


def _keyed_rows(paras: list[Paragraph], markers: list[Marker | None], first: int, k: int) -> bool:
    """An attachment's task table whose rows are keyed by the body's own measure labels (序号 cells "（一）"…"（六）"
    where the body numbers its measures （一）…（六）): it restates the body, whatever its task cells say."""
    body = {(mk.style, mk.ordinal) for mk in markers[first:k] if mk is not None}
    keys = [_row_label(paras[j]) for j in range(k, len(paras)) if markers[j] is not None and paras[j].table_row]
    return len(keys) >= 2 and sum(1 for mk in keys if mk is not None and (mk.style, mk.ordinal) in body) * 2 > len(keys)


def _table_chapter(paras: list[Paragraph], markers: list[Marker | None], first: int, k: int) -> bool:
    """A numbered part of the plan that is nothing but its task table: a heading naming a task list (五、重点任务分工表,
    rulesets/data/assignment_lists.yaml `headings`) whose next numbered paragraphs are rows of a table restating the
    measures above it: most rows' task cells stand in the body's text (a table under 三、重点任务分工 that IS the task
    list restates nothing above it, its 序号 cells "（一）" perhaps those of the goals). Its rows are no measures: they
    give the measures their units, as an attachment's 分工表 does."""
    mk = markers[k]
    if mk is None or paras[k].table_row or not assignments.is_heading(paras[k].text[mk.end :]):
        return False
    nxt = next((j for j in range(k + 1, len(paras)) if markers[j] is not None), None)
    if nxt is None or not paras[nxt].table_row or sum(1 for m in markers[first:k] if m is not None) < 2:
        return False
    return _restates(paras, markers, first, k)


def _signed_before_attachment(paras: list[Paragraph], first: int) -> int | None:
    """Where the body's closing starts (附件 list, signature, date), when it stands before the first
    numbered item: the measures are an attachment's (a task table after the signature)."""
    for k in range(first - 1, -1, -1):
        text = paras[k].text
        if frontmatter.parse_date(text) and len(text) <= 20:
            if not any(_ATTACHMENT.fullmatch(paras[j].text) for j in range(k + 1, first)):
                return None
            while k > 0 and closings.is_firm(prev := paras[k - 1].text) and not frontmatter.looks_like_title(prev):
                k -= 1
            return k
    return None


def _own_front(paras: list[Paragraph], gap: int, first: int) -> tuple[int, frontmatter.FrontMatter] | None:
    """The front matter standing over the plan inside the attachment that holds it, read from after the 附件 heading
    (and where it starts): the plan's own title, and after it the plan's own preamble. The text signed above the
    attachment is a notice carrying the plan (印发, 征求意见 公告, 请示 for a 送审稿) or a 起草说明 placed BEFORE the 征求意见稿
    it explains (its heading 关于《X》的起草说明 is the explanation's, not the plan's title)."""
    start = next((k + 1 for k in range(first - 1, gap - 1, -1) if _ATTACHMENT.fullmatch(paras[k].text)), None)
    if start is None:
        return None
    fm = frontmatter.read_front([(paras[k].line, paras[k].text) for k in range(start, first)])
    return (start, fm) if fm.title and not _EXPLANATION.fullmatch(fm.title) else None


def _signed_before_annex(nodes: list, paras: list[Paragraph]) -> list[int]:
    """The body's closing (附件 list, signature, date, the attachment's heading) when the measures
    follow it in an attachment's task table: cut from the item or heading it would run on from."""
    for n in nodes[:-1]:
        texts = [paras[k].text for k in n.body]
        if not any(frontmatter.parse_date(t) and len(t) <= 20 for t in texts):
            continue
        pos = closings.start(paras[n.para].text, texts)
        if pos is not None:
            cut, n.body = n.body[pos:], n.body[:pos]
            return cut
    return []


def _annex_heads(nodes: list, paras: list[Paragraph]) -> list[int]:
    """An 附件 heading in the body of an item before the last (附件：1.X / 附件1 and its caption, with no signature
    above it), when an attachment's numbered rows follow: the heading, its caption and what else stands before the
    next item are the attachment's, no text of that item. Cut from its body (the closing holds them)."""
    cut: list[int] = []
    for n in nodes[:-1]:
        at = next((pos for pos, k in enumerate(n.body) if closings.attachment_head(paras[k].text)), None)
        if at is not None:
            cut += n.body[at:]
            n.body = n.body[:at]
    return cut


def _attached_tables(paras: list[Paragraph], markers: list[Marker | None], first: int) -> frozenset[int]:
    """The 附件 headings (附件 / 附件2 / 附件：X分工表, unnumbered) whose next numbered paragraph is a row of a
    task table, or an item of a task list set as paragraphs (`_unit_list`): the attachment holding the plan's
    tasks is a part of its own, its rows or items no children of the body's last item (三、保障措施's (二)).
    Only after a numbered item: a table that follows no item has no parent anyway."""
    out: set[int] = set()
    heading: int | None = None
    for k in range(first + 1, len(paras)):
        if markers[k] is None:
            if _ATTACHMENT.fullmatch(paras[k].text.strip()):
                heading = k if heading is None else heading
            continue
        if heading is not None and (paras[k].table_row or _unit_list(paras, markers, heading)):
            out.add(heading)
        heading = None
    return frozenset(out)


def _unit_list(paras: list[Paragraph], markers: list[Marker | None], k: int) -> bool:
    """The attachment headed at `k` is a list of tasks set as numbered paragraphs, each naming its units (重点任务清单
    1.…（X牵头，Y配合）, or an item and its line 牵头单位：X　配合单位：Y), up to the next attachment's heading: at
    least two items, most of them naming units; a table of projects (`_projects`) is none. A list of names, a form or
    a table of indicators names no units that way. An attachment that is a plan of its own (its caption a 专项行动方案,
    `_TASK_ATTACHMENT`), numbered in parts (一、行动目标 二、主要任务 三、时间安排) over tasks that name their units
    (1.…（X牵头）), holds tasks too (engine/parse/subplans.py)."""
    if _projects(paras, markers, k):
        return False
    items: list[bool] = []
    styles: list[str] = []
    for j in range(k + 1, len(paras)):
        text = paras[j].text.strip()
        if markers[j] is None and _ATTACHMENT.fullmatch(text):
            if items:
                break
            continue  # the body's own 附件：X清单 line, the signature, then the attachment's 附件 heading: one run
        if (mk := markers[j]) is not None:
            items.append(False)
            styles.append(mk.style)
        if items and not items[-1] and extract.find_responsibility(text) is not None:
            items[-1] = True
    if len(items) >= 2 and 2 * sum(items) > len(items):
        return True
    return subplans.holds_tasks(list(zip(styles, items, strict=True))) and _plan_caption(paras, markers, k)


def _plan_caption(paras: list[Paragraph], markers: list[Marker | None], k: int) -> bool:
    """The attachment headed at `k` is captioned as a plan or a task list (湖南省旅游演艺提质专项行动方案): its heading and
    the unnumbered lines under it, before its first numbered one."""
    caption = [paras[k].text]
    for j in range(k + 1, min(k + 1 + _CAPTION_LINES, len(paras))):
        if markers[j] is not None or paras[j].table_row:
            break
        caption.append(paras[j].text)
    return _TASK_ATTACHMENT.search("".join(caption)) is not None


def _annex_body(
    nodes: list, paras: list[Paragraph], apart: frozenset[int], assigned: Callable[..., bool]
) -> frozenset[int]:
    """The body's items, where an attachment holding the plan's tasks follows (`apart`: a task table, or numbered
    paragraphs naming their units), the body sends the reader to it (具体任务见附件, （见附件2）: closing.yaml
    `annex_pointers`) and most of its own items name no unit: the notice's requirements (一、高度重视), the plan's goals,
    its 二、重点任务 "见附件" with any bare group names under it (（一）提升作业服务能力。), its safeguards. They frame the
    attachment's tasks: sections, no measures. A body whose items name their units (an attachment adding detail to
    them) keeps its measures."""
    if not apart:
        return frozenset()
    start = min(apart)
    body = [i for i, n in enumerate(nodes) if n.para < start]
    # every paragraph of the body, its closing requirements too, which are cut from its last item before this is read
    # ("各地各部门要按照本决定所附重点任务清单…" under 三、强化支撑保障, then the signature)
    texts = [paras[k].text for k in range(nodes[body[0]].para, start)] if body else []
    if not any(closings.points_to_annex(t) for t in texts):
        return frozenset()
    parents = {n.parent for n in nodes}
    leaves = [i for i in body if i not in parents]
    return frozenset(body) if 2 * sum(assigned(nodes[i]) for i in leaves) < len(leaves) else frozenset()


def _holds_tasks(paras: list[Paragraph], k: int) -> bool:
    """An attachment that is the plan's task list (重点任务分工表, rows with their units) stays in."""
    head = "".join(p.text for p in paras[k : k + 4])
    if _TASK_ATTACHMENT.search(head):
        return True
    return any(extract.find_responsibility(p.text) is not None for p in paras[k:])


# an attachment list whose first entry stands on the 附件 line: 附件：1.X分工表 (then 2.Y名单 on a line of its own)
_ATTACHMENT_LIST = re.compile(r"附\s*件\s*[:：]\s*([(（]?)1\s*[)）.．、]")


def _attachment_lists(paras: list[Paragraph], markers: list[Marker | None]) -> list[Marker | None]:
    """The later entries of an attachment list (附件：1.X / 2.Y / 3.Z, each a line) are no items: after a
    line opening 附件：1., the lines numbered 2., 3., … in the same style that name a document (short, no
    sentence) are unnumbered."""
    out = list(markers)
    for k, p in enumerate(paras):
        m = _ATTACHMENT_LIST.match(p.text.strip())
        if m is None or markers[k] is not None:
            continue
        expected = 2
        for j in range(k + 1, len(paras)):
            mk = markers[j]
            text = paras[j].text.strip()
            style = "arabic_paren" if m.group(1) else "arabic_dot"
            if mk is None or mk.style != style or mk.ordinal != expected or len(text) > _LIST_LINE_MAX \
                    or re.search("[。；;]", text):  # fmt: skip
                break
            out[j] = None
            expected += 1
    return out


def _marked(doc: SourceDoc) -> tuple[list[Paragraph], list[Marker | None], int]:
    # points run together in one paragraph, each with its own clause (一是…（X牵头）；二是…（Y负责）): cut apart
    paras, points = enumerations.split(prepare(doc))
    markers: list[Marker | None] = [marker_at_start(p.text) for p in paras]
    markers = decimal_markers(paras, markers)
    markers = letter_markers(markers)  # Ⅰ. A. only in a run: a lone "B.…" is text
    markers = digit_led_markers([p.text for p in paras], markers)
    markers = spaced_entries(paras, markers)
    markers = slipped_labels([p.text for p in paras], markers)  # an OCR's "(—)" "4," in the run of （一） 4.
    markers = enumerations.paragraph_runs([p.text for p in paras], markers)
    markers = _attachment_lists(paras, markers)
    for k, mk in points.items():
        markers[k] = mk
    markers = bullet_lists.items(paras, markers)  # ●/—— paragraphs under 二、重点任务: its measures, unnumbered
    markers = runin.items(paras, markers)  # "精简申报报送资料。…（X牵头）" paragraphs under 二、: unnumbered measures
    first = next((k for k, mk in enumerate(markers) if mk is not None), None)
    if first is None:
        raise PlancheckError("parse.no_measures", path=doc.path)
    return paras, markers, first


def _parse(doc: SourceDoc, level: Level | None, jurisdiction: str | None, part: int | None) -> Plan:
    doc = bundles.own_document(doc)  # a 公报 / 文件汇编 page: the plan's own document, not the others on it
    paras, markers, first = _marked(doc)
    markers = _cut_explanation(paras, markers, first)
    # a 政策解读 / news report / 图解 numbering lines of its own before the plan it carries: they are no items
    # (not after a 转发 notice announcing items of its own: they are its measures, the plan it forwards follows as 附件)
    own = frontmatter.announces_own_items([p.text for p in paras[:first]])
    start = None if own else republished.plan_start(paras, markers, first)
    if start is None and not own:
        start = _notice_items(paras, markers, first)
    # the previous year's 工作总结 printed before the plan on the same page: its numbering is no plan's, and the
    # plan's own title line (not the page's combined headline) names it
    after_summary = None if own or start is not None else summaries.plan_after_summary(paras, markers, first)
    start = start if after_summary is None else after_summary
    if start is not None and start > first:
        markers = [None] * start + markers[start:]
        first = next(k for k in range(start, len(markers)) if markers[k] is not None)
    starts = documents.document_starts(paras, markers, first)
    if not starts:
        plan = _parse_one(doc, paras, markers, first, level, jurisdiction)
        if after_summary is not None:
            plan.title = paras[after_summary].text.strip()
        if part not in (None, 1):
            raise PlancheckError("parse.no_document", path=doc.path, part=part, count=1, titles=f"1. {plan.title}")
        return plan
    if part is not None and not 1 <= part <= len(starts):
        titles = "；".join(f"{i}. {s.title}" for i, s in enumerate(starts, 1))
        raise PlancheckError("parse.no_document", path=doc.path, part=part, count=len(starts), titles=titles)
    lines = [paras[s.para].line for s in starts[1:]]
    bounds = [0, *lines, max(p.line for p in doc.paragraphs) + 1]
    plans: list[Plan] = []
    for i in range(len(starts)):
        if part is not None and i not in (0, part - 1):
            continue  # the first is read for the notice (its date, number, issuers)
        sub = doc.model_copy(update={"paragraphs": [p for p in doc.paragraphs if bounds[i] <= p.line < bounds[i + 1]]})
        p_paras, p_markers, p_first = _marked(sub)
        p_markers = _cut_explanation(p_paras, p_markers, p_first)
        head = plans[0] if plans else None
        plans.append(_parse_one(sub, p_paras, p_markers, p_first, level or (head.level if head else None),
                                jurisdiction, head))  # fmt: skip
        if i == 0:
            plans[0].title = starts[0].title
    if part is not None:
        return plans[-1]
    return _combine(plans, documents.notice_title(paras) or plans[0].title, [s.title for s in starts])


def _combine(plans: list[Plan], title: str, titles: list[str]) -> Plan:
    """One plan of several documents: measures and sections say their document; a ref that an
    earlier document already uses is qualified by the document's number (一(一)#2)."""
    out = plans[0].model_copy()
    out.title, out.documents = title, titles
    measures: list[Measure] = []
    sections = []
    paragraphs: list[Paragraph] = []
    taken: set[str] = set()
    for i, p in enumerate(plans):
        offset = len(paragraphs)
        paragraphs += [q.model_copy(update={"index": q.index + offset}) for q in p.paragraphs]
        renamed: dict[str, str] = {}
        for m in p.measures:
            ref, n = m.ref, i + 1
            while ref in taken:
                ref, n = f"{m.ref}#{n}", n + 1
            renamed[m.ref] = ref
        for m in p.measures:
            m.document = i
            m.paragraphs = [k + offset for k in m.paragraphs]
            m.ref = renamed[m.ref]
            if m.parent_measure is not None:
                m.parent_measure = renamed.get(m.parent_measure, m.parent_measure)
            taken.add(m.ref)
            measures.append(m)
        for sec in p.sections:
            sec.document = i
            sections.append(sec)
    out.measures, out.sections = measures, sections
    out.closing = "\n".join(p.closing for p in plans if p.closing)
    out.cited = list(dict.fromkeys(c for p in plans for c in p.cited))
    out.is_draft = any(p.is_draft for p in plans)
    out.paragraphs = paragraphs
    return out


def _parse_one(
    doc: SourceDoc,
    paras: list[Paragraph],
    markers: list[Marker | None],
    first: int,
    level: Level | None,
    jurisdiction: str | None,
    head: Plan | None = None,
) -> Plan:
    """One document's plan; `head` is the first document of a notice issuing several, whose date,
    number, issuers, addressees and place the later ones share."""

    # a list giving the items their units (四、任务分工 / 第1项：X牵头…): its lines are no items
    listing = assignments.find(paras, markers, first)
    if listing is not None:
        lines = {e.para for e in listing.entries} | set(listing.loose)
        markers = [None if k in lines else mk for k, mk in enumerate(markers)]
    # a 第N项 line that is nothing but a clause is a list's line wherever it stands, its list read or not
    markers = [None if assignments.list_line(paras[k].text, mk) else mk for k, mk in enumerate(markers)]
    cut = _attachment_start(paras, markers, first)
    rows: list[int] = []
    markers_before_cut = markers
    if cut is not None:  # attachments (indicator tables, specimens, lists) are not the plan's measures
        rows = [j for j in range(cut, len(paras)) if markers[j] is not None and _TASK_OF_ROW.search(paras[j].text)]
        markers = markers[:cut] + [None] * (len(paras) - cut)
    # an unnumbered heading of the closing requirements after the items (办理要求 / 1.…3. under a 交办单's task table):
    # its own list is no items
    after = _requirements_start(paras, markers, first)
    if after is not None:
        markers = markers[:after] + [None] * (len(paras) - after)
    # a box (专栏　…) between measures holding its own list (1．…4．): its lines are no items, and no measure's text
    boxed = boxes.box_lines(paras, markers, first)
    if boxed:
        markers = [None if k in boxed else mk for k, mk in enumerate(markers)]
    apart = _attached_tables(paras, markers, first)
    nodes = build_nodes(paras, markers, first, apart)
    if clause_place.fields_of_first(nodes, paras):  # "【牵头单位】X　1.…" the plan's first item: its fields no preamble
        first -= 1
    if boxed:
        for n in nodes:
            n.body = [k for k in n.body if k not in boxed]
    # a 逐条解读 page's 【解读】 paragraph after each item: the page's, no text of the item; the last one's closes the plan
    annotated = _commentary_cut(nodes, paras) if commentary.on_page([p.text for p in paras]) else []
    budgets.check("measures", doc.path, len(nodes))  # before extraction, the stage paid per measure
    # before the rules: every clause is compared with every other for repeats (duplicate_sentence)
    budgets.check("clauses", doc.path, _distinct_clauses(paras[first:], markers[first:]))
    # closing paragraphs (落实要求, signature, page furniture) after the last item
    last = nodes[-1]
    closing: list[int] = _signed_before_annex(nodes, paras) + _annex_heads(nodes, paras) + annotated
    pos = closings.start(paras[last.para].text, [paras[k].text for k in last.body])
    if paras[last.para].table_row:  # a table's last row is whole: what follows the table is not its text
        after = next((n for n, k in enumerate(last.body) if not paras[k].table_row), None)
        pos = after if pos is None or (after is not None and after < pos) else pos
    if pos is not None:
        closing = sorted({*closing, *last.body[pos:]})
        last.body = last.body[:pos]
    if listing is not None:  # the list is no measure's text: what is in the last item's closes the plan
        own = [k for k in last.body if k >= listing.start]
        if own:
            last.body = [k for k in last.body if k < own[0]]
            closing = sorted({*own, *closing})
        for n in nodes:
            n.body = [k for k in n.body if k not in listing.paras]
    _trim_at_explanation(nodes, paras, markers, first)  # 起草说明 / 意见反馈表 after the last heading: no node's text
    nodes = fold_parts(nodes, paras)  # an item's (1)(2) parts with its units after them: one measure
    last = nodes[-1]
    cut_at = _after_last_clause(nodes, paras)
    if cut_at is not None:
        closing = last.body[cut_at:] + closing
        last.body = last.body[:cut_at]
    last.inline_body = last.inline_body  # unchanged; body trimmed above
    closing += table_foot.notes_under_tables(nodes, paras)  # 备注：… under a table whose last row is not the last node
    closing = sorted(set(closing))  # in document order: the signature is its first date line (closings.signature)
    notes_after_lists(nodes, paras, closings.notes_items)  # 上述任务…详见附件 after a list's last item: the list's text
    clause_place.clauses_above(nodes, paras)  # （责任单位：…） printed above each measure: the one below's

    def assigned(n: Node) -> bool:
        return any(extract.find_responsibility(paras[k].text) for k in [n.para, *n.body])

    # an 应急预案 / 工作规则 whose one list charging units is its measures (成员单位职责, 应急工作组, 处置措施)
    only = _charged_list(nodes, paras, first, assigned)
    classify(
        nodes,
        assigned,
        lambda n: paras[n.para].table_row,
        _annex_body(nodes, paras, apart, assigned),  # a body framing an 附件's tasks: no measures
        only,
    )
    unfuse_sections(nodes, paras)

    sections = make_sections(nodes, paras)
    built = make_measures(nodes, paras)
    # "1.（责任单位：…）规范…": the text starts with the task words, the clause after them
    built = [(i, m, clause_place.clause_first(m, segs)) for i, m, segs in built]
    assign_refs(nodes, [(i, m) for i, m, _ in built])

    # front matter and preamble; a body that closes (signature, date) before an attachment holding
    # the measures: its closing is no front matter, the text above it is the preamble
    gap = _signed_before_attachment(paras, first)
    front_end = first if gap is None else gap
    if gap is not None:
        closing = list(range(gap, first)) + closing
    front = [(paras[k].line, paras[k].text) for k in range(front_end)]
    fm = frontmatter.read_front(front)
    own_front = _own_front(paras, gap, first) if gap is not None else None
    # the plan's own preamble, under its own title in the attachment; the notice signed above it speaks for its sender
    # (反馈时间, 联系人, 通信地址 of a 征求意见 公告): it is no text of the plan, and the preamble is the plan's own
    own_preamble: range | None = None
    if own_front is not None:
        start, own = own_front
        if not fm.title or _EXPLANATION.fullmatch(fm.title):
            fm.title, fm.title_paras, fm.is_draft = own.title, own.title_paras, own.is_draft
        own_preamble = range(start + own.end, first)
        closing = [k for k in closing if not start <= k < first]  # the plan's own front, no closing of anything
    if closing and (fm.date is None or not fm.issuers):
        # the plan signed at its end (bodies, then the date; or both on one line): with no 印发 notice above it,
        # the signature says whose plan it is
        issuers, date = closings.signature([paras[k].text for k in closing])
        if fm.date is None:
            fm.date, fm.issuers = date, fm.issuers or issuers
        elif date is not None:
            fm.issuers = issuers
    # the preamble, or the notice carrying the plan; a 逐条解读 page's 【解读】 under it is the page's
    notice = _join(paras, _uncommented(paras, range(fm.end, front_end)))
    preamble = notice if own_preamble is None else _join(paras, _uncommented(paras, own_preamble))
    closing_text = "\n".join(
        paras[k].text
        for k in closing
        if not (
            frontmatter.is_furniture(paras[k].text)
            or frontmatter.parse_date(paras[k].text)
            or frontmatter.signing_line(paras[k].text)  # the signing bodies, the seal's caption "（盖章）"
            or closings.signed_line(paras[k].text)
        )
    )
    cites = notice if own_preamble is None else notice + "\n" + preamble  # the notice cites the parent too
    cited = [
        t
        for t in frontmatter.cited_titles(fm.title + "\n" + cites[:20000])
        if t != fm.title and t != frontmatter.title_core(fm.title)
    ]
    is_draft = fm.is_draft or any(
        drafts.names_stage(paras[k].text) for k in range(min(fm.end, first)) if len(paras[k].text) <= 200
    )

    if head is not None:
        fm.date = fm.date or head.date
        fm.doc_number = fm.doc_number or head.doc_number
        fm.issuers = fm.issuers or list(head.issuers)
        fm.addressees = fm.addressees or head.addressees
    if head is not None and not jurisdiction:
        juris, parent, lvl = head.jurisdiction, head.parent_jurisdiction, head.level
    elif jurisdiction:
        juris, parent, lvl = jurisdiction, None, levels.level_of_name(jurisdiction)
        places = levels.places_in(jurisdiction)
        if len(places) > 1:
            juris, parent, lvl = levels.infer([jurisdiction], "")
    else:
        body = "\n".join(paras[k].text for k in range(first, len(paras)))
        juris, parent, lvl = levels.infer(
            [fm.title, *fm.issuers], notice, fm.addressees, body, doc_number=fm.doc_number
        )
    if level:
        lvl = level

    plan_fields = dict(
        source=doc.path,
        format=doc.format,
        encoding=doc.encoding,
        sha256=doc.sha256,
        tracked_changes=doc.tracked_changes,
        notes=doc.notes,
        title=fm.title,
        doc_number=fm.doc_number,
        issuers=fm.issuers,
        date=fm.date,
        addressees=fm.addressees,
        is_draft=is_draft,
        cited=cited,
        jurisdiction=juris,
        parent_jurisdiction=parent,
        level=lvl,
        sections=sections,
        measures=[m for _, m, _ in built],
        preamble=preamble,
    )
    if "closing" in Plan.model_fields:
        plan_fields["closing"] = closing_text
    plan = Plan(**plan_fields)
    plan.paragraphs = paras

    # imported here: textleads reads the unit registry, which imports parse.level (groupleads: extract)
    from engine.extract.textleads import TextLeads
    from engine.parse import groupleads, pointers

    # "列第一位者为牵头单位", "带●者为牵头单位", "标#的为配合单位": for the whole document, or a table's rows only
    conv = conventions.read(paras)
    # "A角为牵头责任部门，B角为配合责任部门": the document's own role labels, read as such in its measures
    role_labels = tuple(dict(lab for p in paras for lab in extract.stated_role_labels(p.text)).items())
    text_leads = TextLeads(plan)
    plan_year = _plan_year(plan.title)  # 第三季度 / 年底前 with no year: in the one year a year's plan is for
    for i, m, segs in built:
        if role_labels:
            extract.fill_measure(m, role_labels)
        else:
            extract.fill_measure(m)
        text_leads.apply(m)  # "X负责A，Y负责B", "以下各项由X牵头": only where the measure has no clause
        if i in only:  # a duty list's item: its subject ("X负责…；Y配合…", "由X牵头，会同Y…") names its units
            _duty_subject(m)
        first_listed = conv.first_listed_at(s.para for s in segs)
        marked = bool(conv.lead_mark or conv.support_mark)
        stated = first_listed or marked or bool(conv.lead_separator)
        if stated and m.responsibility is None and not m.general:
            # "…。（A、B、C）": a bare list of units is the clause where the document says how to read one
            m.responsibility = extract.bare_unit_list(m.text)
        elif m.responsibility is None and not m.general:
            # "…达到55%以上。（市农业农村局）": an item closed by a bracket of named bodies alone, every one leading
            m.responsibility = extract.trailing_units(m.text)
            if m.responsibility is not None:
                m.lead_units = [u.name for u in m.responsibility.lead]
        bracketed = conv.bracketed_support
        if (stated or bracketed) and m.responsibility is not None and m.responsibility.source == "clause":
            # "排在第一位的部门为牵头部门，下同", "带*号的为牵头单位", "分号前为牵头单位", "加粗的为牵头单位",
            # "括号内为配合单位": the document's clauses, not leads read from its sentences
            # (rulesets/data/lead_conventions.yaml)
            r = m.responsibility
            if bracketed:  # X（Y、Z）: X in its role, Y and Z support
                r = extract.apply_bracketed_support(r)
            if marked and r is m.responsibility:
                bold: frozenset[str] = frozenset()
                underline: frozenset[str] = frozenset()
                if conv.printed_bold:  # the names the measure's own paragraphs print bold (ingest)
                    bold = extract.printed_bold_names(b for s in segs for b in paras[s.para].bold)
                if conv.printed_underline:  # … or underlined
                    underline = extract.printed_bold_names(b for s in segs for b in paras[s.para].underline)
                r = extract.apply_marked_leads(
                    r, conv.lead_mark, conv.support_mark, bold=bold, underline=underline
                )
            if conv.lead_separator and r is m.responsibility:
                r = extract.apply_separated_leads(r, conv.lead_separator)
            if first_listed and r is m.responsibility:
                r = extract.apply_first_listed_leads(r)
            m.responsibility = r
            m.lead_units = [u.name for u in m.responsibility.lead]
            m.support_units = [u.name for u in m.responsibility.support]
        # 自本意见印发之日起30日内: counted from the document's own date
        m.deadlines = [resolve_year(resolve_relative(dl, plan.date), plan_year) for dl in m.deadlines]
        m.deadlines += _stage_deadlines(nodes, i, m)
        _locate(m, segs, paras)
    groupleads.apply(plan.measures, paras)  # (以上第1—3项任务由X牵头，Y配合) after item 3: items 1–3
    _units_from_rows(plan.measures, rows, paras, markers_before_cut)
    if listing is not None:
        assignments.apply(listing, plan.measures, paras)
    if cut is not None:  # an attachment whose entries point back at the measures ("二（三）", 第3项): their units
        annex_refs.apply(plan.measures, paras, cut)
    pointers.apply(plan.measures, paras)  # "（责任分工同第（五）项）": (五)'s units, once every measure has its own
    return plan


def _units_from_rows(measures: list[Measure], rows: list[int], paras: list[Paragraph],
                     markers: list[Marker | None]) -> None:
    """A body whose items name no units, restated by an attached 任务分工表 whose rows do (a 重点工作安排
    and its 分工表 附件): an item takes the units of the one row whose task is its title."""
    tasks: dict[str, list[int]] = {}
    for j in rows:
        mk = markers[j]
        task = _NON_WORD.sub("", _TASK_OF_ROW.split(paras[j].text[mk.end :] if mk else paras[j].text)[0])
        if len(task) >= 4:
            tasks.setdefault(task, []).append(j)
    if not tasks:
        return
    open_ = [m for m in measures if m.responsibility is None and not m.general]
    for m in open_:
        title = _NON_WORD.sub("", m.title or "")
        hits = [js for task, js in tasks.items() if len(title) >= 4 and (task == title or task.startswith(title))]
        if len(hits) != 1 or len(hits[0]) != 1:
            hits = [_row_of_label(m, open_, rows, paras)]  # no row names its title: the row its 序号 cell keys
            if hits[0] == [] or len(hits[0]) != 1:
                continue
        j = hits[0][0]
        found = extract.find_responsibility(paras[j].text)
        if found is None:
            continue
        m.responsibility = found.responsibility.model_copy(update={"start": -1, "end": -1, "line": paras[j].line})
        m.lead_units = [u.name for u in found.responsibility.lead]
        m.support_units = [u.name for u in found.responsibility.support]


def _row_of_label(m: Measure, open_: list[Measure], rows: list[int], paras: list[Paragraph]) -> list[int]:
    """The rows whose 序号 cell prints `m`'s own label (（三） for the measure （三）), where no other measure still
    without units has that label (two lists numbered （一）… under two headings key no row by label)."""
    if sum(1 for o in open_ if (o.style, o.ordinal) == (m.style, m.ordinal)) != 1:
        return []
    return [j for j in rows if (mk := _row_label(paras[j])) is not None and (mk.style, mk.ordinal) == (m.style, m.ordinal)]


def _stage_deadlines(nodes: list, i: int, m: Measure) -> list:
    """The date of the stage a measure stands under ("（一）动员部署阶段（2021年6月底前）" over its 1. 2.
    items), for a measure that states no date of its own: the nearest stage heading above it."""
    if any(d.date or d.kind == "recurring" for d in m.deadlines):
        return []
    for a in reversed(ancestors(nodes, i)):
        found = heading_deadlines(nodes[a].title)
        if found:
            return found
    return []


def _where(offset: int, segs: list[Segment], paras: list[Paragraph], starts: list[int]) -> tuple[int, int, int]:
    """(segment number, line, column) of text offset `offset` of a measure: the last segment that
    starts at or before it (`starts`: the segments' starts, ascending; a bisection, not a scan, as
    a measure may have thousands of segments and sentences)."""
    k = max(0, bisect.bisect_right(starts, offset, 1) - 1)
    seg = segs[k]
    p = paras[seg.para]
    return k, p.line, p.column(seg.para_offset + offset - seg.start)


# a paragraph that opens with a labelled field (责任领导：…, 【牵头领导】…): the fields of a measure, not its text
_FIELD_LABEL = re.compile(r"[【\[［]?[\u4e00-\u9fff]{2,8}(?:[】\]］]|[：:])")


def _locate(m: Measure, segs: list[Segment], paras: list[Paragraph]) -> None:
    """Lines and columns that only parse can know: the clause's paragraph, each sentence's place."""
    starts = [seg.start for seg in segs]
    r = m.responsibility
    if r is not None:
        start = getattr(r, "start", -1)
        if not isinstance(start, int) or start < 0:
            start = m.text.rfind(r.text) if r.text else -1
        if start >= 0:
            k, line, col = _where(start, segs, paras, starts)
            # apart from the measure's text only where the clause opens its paragraph: a clause after text of
            # the measure in the same paragraph (a measure broken in two before it: a PDF line cut at a footnote
            # mark, a typed break mid-sentence) closes that text as usual
            # (or after another labelled field of its line only: 责任领导：副县长 王某；牵头单位：…)
            before = m.text[segs[k].start : start].strip()
            # (a clause printed between the number and the task words, moved after them, is in the head's paragraph)
            # (fields printed before the number on the measure's own line, cut off there, are on that line: not apart)
            own_line = k > 0 and clause_place.one_paragraph(paras[segs[k].para], paras[segs[0].para])
            opens = (
                k > 0
                and segs[k].para != segs[0].para
                and not own_line
                and (not before or _FIELD_LABEL.match(before) is not None)
            )
            placed: dict[str, object] = {"detached": True} if opens and r.source == "clause" else {}
            if own_line and r.detached:
                placed = {"detached": False}
            if not r.line:
                placed.update(line=line, column=col)
            if placed:  # a placed copy: the clause found in the text is shared by every measure that has it
                m.responsibility = r.model_copy(update=placed)
    pos = 0
    for i, s in enumerate(m.sentences):
        if s.line:
            continue
        at = m.text.find(s.text, pos) if s.text else -1
        if at < 0:
            continue
        _, line, column = _where(at, segs, paras, starts)
        m.sentences[i] = s.model_copy(update={"line": line, "column": column})
        pos = at + len(s.text)


_ONE_YEAR = re.compile(r"(?<![0-9—–\-－~～至到])((?:19|20)[0-9]{2})\s*年(?!\s*[0-9]{1,2}\s*月)(?!\s*[—–\-－~～至到])")
_YEAR_RANGE = re.compile(r"(?:19|20)[0-9]{2}\s*年?\s*[—–\-－~～至到]+\s*(?:19|20)[0-9]{2}")


def _plan_year(title: str) -> int | None:
    """The one year a plan is for when its title names it and no period (2027年全市乡村振兴工作要点, 某县2027年重点任务
    分解表); None for a plan over years (…（2026—2028年）, 三年行动) or with no year in its title."""
    if not title or _YEAR_RANGE.search(title):
        return None
    years = {int(y) for y in _ONE_YEAR.findall(title)}
    return years.pop() if len(years) == 1 else None
