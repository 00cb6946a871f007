"""The numbered tree: paragraphs -> nodes -> sections and measures.

Depth comes from the order in which the document first uses each numbering style, so a style
nests the same way everywhere (一、 > (一) > 1. > (1) in one plan, (一) > 1. in another) — unless its lists
open the other way (engine/parse/depths.py: goal lines 1.–3. before group headings (一) over 1. 2. 3.).
Which style holds the measures is decided by counting, not by position: the style with the most
nodes that carry task text (tie: the deeper style). Shallower nodes are sections, deeper nodes
under a measure are its sub-measures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Set
from dataclasses import dataclass, field

from engine.extract.data import read_data
from engine.extract.deadlines import heading_deadlines
from engine.extract.sentences import split_outside
from engine.memo import memo
from engine.models import Measure, Paragraph, Section
from engine.parse import articles, depths
from engine.parse.numbering import Marker

# Titles of general requirements (rulesets/data/sections.yaml `general_titles`: 指导思想, 基本原则, 工作原则, 总体目标 …):
# a measure of the measure style with such a title is `general`.
# General titles that state goals (a word of sections.yaml `goal_words`: 目标, 指标, 要求): their deadlines and targets
# are obligations (compared by deadline-not-later and target-not-weaker); every other general title (指导思想,
# 基本原则, 重要意义 …) is prose a child may condense, and so are the items numbered under it (1.坚持正确导向 …).
# 总体要求 encloses titled 指导思想 / 原则 / 目标 parts and, in some plans, untitled goals or tasks: it does
# not pass "general" down (its titled parts decide for themselves).
# Titles of a closing section of safeguards and general requirements (三、保障措施, 四、工作要求): rulesets/data/
# sections.yaml `safeguard_titles`, the default list of lead_unit_required's `safeguards` too. Where the
# plan's tasks are numbered at another depth (二、 (一) > 1., or a task table), the (一)…(三) under such a
# section are its general requirements (加强组织领导, 强化督促考核), not tasks. Where they share the tasks'
# numbering ((一)…(八) running on from 二、重点任务 into 三、保障措施), they are measures like the rest.
# Titles of the work schedule (三、实施步骤: （一）动员部署阶段（…）。…, （二）集中整治阶段…): the stages a plan's
# tasks go through, not tasks. Where the tasks stand in other sections and the stages are numbered apart
# from them (starting again at (一), or in a numbering of their own: 1. under 三、 beside (一) tasks) without
# assigning work like the tasks, the stages frame the plan. The words are rulesets/data/sections.yaml's
# `schedule_titles`, which lead_unit_required reads too (`stage_titles`).


@memo(1, copy="shared")  # the one file, read once
def _section_words() -> dict[str, tuple[str, ...]]:
    """rulesets/data/sections.yaml: each list of headings by its name."""
    raw = read_data("sections.yaml", required=True) or {}
    return {str(k): tuple(str(w) for w in v or ()) for k, v in raw.items() if isinstance(v, list)}


def section_words() -> dict[str, tuple[str, ...]]:
    """rulesets/data/sections.yaml's lists of headings by name, read once (for readers of other sections' kinds:
    engine/parse/bullets.py's task titles)."""
    return _section_words()


def general_titles() -> tuple[str, ...]:
    """The headings of general requirements (rulesets/data/sections.yaml `general_titles`: 指导思想, 基本原则 …)."""
    return _section_words().get("general_titles", ())


@memo(1, copy="shared")
def _general_longest_first() -> tuple[str, ...]:
    """`general_titles`, the longest first (words of one length in the file's order), as a heading is taken apart."""
    return tuple(sorted(general_titles(), key=len, reverse=True))


def _goal_words() -> tuple[str, ...]:
    """The words that make a general title one of goals (rulesets/data/sections.yaml `goal_words`: 目标, 指标, 要求)."""
    return _section_words().get("goal_words", ())


def schedule_titles() -> tuple[str, ...]:
    """The headings of a work schedule (rulesets/data/sections.yaml `schedule_titles`: 步骤, 时间安排, 进度安排 …)."""
    return _section_words().get("schedule_titles", ())


def safeguard_titles() -> tuple[str, ...]:
    """The headings of a closing section of safeguards (rulesets/data/sections.yaml `safeguard_titles`: 保障措施,
    组织保障, 工作要求 …)."""
    return _section_words().get("safeguard_titles", ())


@memo(1, copy="shared")
def safeguard_words() -> re.Pattern[str]:
    """A safeguards heading anywhere (保障措施, 组织实施): the words of `safeguard_titles`, unanchored. Parse
    matches it at a decimal section's number, where the title runs on into the section's prose."""
    words = safeguard_titles()
    return re.compile("(" + "|".join(map(re.escape, words)) + ")") if words else re.compile("(?!)")


@memo(1, copy="shared")
def safeguard_heading() -> re.Pattern[str]:
    """A section title that ends in a safeguards heading (三、保障措施, 四、工作要求)."""
    words = safeguard_words().pattern
    return re.compile(words + "$") if safeguard_titles() else re.compile("(?!)")


@memo(1, copy="shared")
def mechanism_titles() -> frozenset[str]:
    """Headings that, ALONE, head a section of working mechanisms (rulesets/data/sections.yaml
    `mechanism_titles`: 工作机制, 推进机制 …): read like a safeguards section, unless its items name units."""
    return frozenset(_section_words().get("mechanism_titles", ()))


def _mechanism(title: str) -> bool:
    """三、工作机制 (the whole heading a mechanism word), not 二、健全工作机制."""
    return _plain_title(title) in mechanism_titles()


@memo(1, copy="shared")
def stage_titles() -> re.Pattern[str]:
    """A section title that ends in a schedule heading (三、实施步骤, 四、时间安排)."""
    words = schedule_titles()
    return re.compile("(" + "|".join(map(re.escape, words)) + ")$") if words else re.compile("(?!)")


@memo(1, copy="shared")
def duty_titles() -> re.Pattern[str]:
    """A section title that ends in a duty-list heading (rulesets/data/sections.yaml `duty_titles`: 三、职责分工,
    四、部门职责, 三、任务分工)."""
    words = _section_words().get("duty_titles", ())
    return re.compile("(" + "|".join(map(re.escape, words)) + ")$") if words else re.compile("(?!)")


# an entry's head before its colon: unit names (市财政局：, 各辖市（区）人民政府、常州经开区管委会：)
_DUTY_HEAD = re.compile(r"^([^：:。；;，,]{2,60})[：:](?=\S)")


def duty_entry(rest: str) -> bool:
    """An entry of a duty list: unit names, a colon, then what they answer for (市财政局：负责统筹安排…)."""
    from engine.extract.responsibility import parse_units, reads_as_unit  # it imports engine.parse (places)

    m = _DUTY_HEAD.match(rest.strip())
    if not m:
        return False
    names = parse_units(m.group(1))
    return bool(names) and all(reads_as_unit(n) for n in names)


def children(nodes: list[Node]) -> dict[int, list[int]]:
    """Each node that has children → its children's indices, in document order."""
    out: dict[int, list[int]] = {}
    for i, n in enumerate(nodes):
        if n.parent is not None:
            out.setdefault(n.parent, []).append(i)
    return out


def duty_lists(nodes: list[Node]) -> set[int]:
    """Nodes under a duty list (rulesets/data/sections.yaml `duty_titles`): a section headed 职责分工 / 部门职责 /
    任务分工 … whose items mostly (and at least two) open as "unit：duty" (（一）市自然资源和规划局：负责…), after at
    least two items that carry the plan's tasks. The list restates by unit who does what: its entries are no
    measures and their units belong to no measure (blind32 常州市 三、职责分工 after 二、主要任务). A 任务分工 section of
    tasks ((一)…（X牵头）) is no such list: its items do not open with a unit and a colon."""
    lists = set()
    kids_of = children(nodes)
    for s, kids in kids_of.items():
        entries = sum(duty_entry(nodes[i].rest) for i in kids)
        if entries >= 2 and 2 * entries > len(kids) and duty_titles().search(_plain_title(nodes[s].title)):
            lists.add(s)
    if not lists:
        return set()
    under = {i for i in range(len(nodes)) if lists.intersection(ancestors(nodes, i))}
    tasks = [
        i for i in range(min(lists)) if i not in under and carries_tasks(nodes[i], i in kids_of)
        and not is_general(_plain_title(nodes[i].title))
    ]  # fmt: skip
    return under if len(tasks) >= 2 else set()


_ORDINAL = r"第[一二三四五六七八九十\d]+"


@memo(1, copy="shared")
def phase_words() -> tuple[str, ...]:
    """The words a stage's name ends in (rulesets/data/sections.yaml `phase_words`: 阶段 …)."""
    return _section_words().get("phase_words", ())


def _alt(words: tuple[str, ...]) -> str:
    """An alternation of `words` (none: one that never matches)."""
    return "|".join(map(re.escape, words)) or "(?!)"


def _step_words() -> tuple[str, ...]:
    """The word after an ordinal that names a step of the work (rulesets/data/sections.yaml `step_words`: 第二步)."""
    return _section_words().get("step_words", ())


@memo(1, copy="shared")
def _phase() -> re.Pattern[str]:
    """A name that ends as a phase's: 动员部署阶段, 第二步."""
    return re.compile("(" + _alt(phase_words()) + "|" + _ORDINAL + "(?:" + _alt(_step_words()) + "))$")


@memo(1, copy="shared")
def _phase_first() -> re.Pattern[str]:
    """A title that opens with a phase's ordinal: 第二阶段：全面推进, 第一步."""
    return re.compile("^" + _ORDINAL + "(" + _alt((*phase_words(), *_step_words())) + ")")


# the time a phase spans, in brackets after its name: （3月底前）, （4月至11月）, （4月1日—4月25日）, （2025年）
_SPAN = re.compile(r"[(（][^()（）]*[\d一二三四五六七八九十〇]+\s*(年|月|日|季度|旬)[^()（）]*[)）]$")


@memo(1, copy="shared")
def _lead_span() -> re.Pattern[str]:
    """... or the time written after the name, past a colon or comma: 准备阶段：2026年3月—4月, 实施阶段，2026年5月至10月,
    opened or not by a word of rulesets/data/sections.yaml `span_openers` (自2026年3月起)."""
    return re.compile("^(" + _alt(_section_words().get("span_openers", ())) + r")?[\d一二三四五六七八九十〇]+\s*(年|月|日|季度|旬)")


# where a stage's name ends and its time or its work runs on: 准备阶段(2026年3月—4月)：成立工作专班…,
# 宣传发动阶段：…, 实施阶段，2026年5月至10月。 (outside brackets; 。 and ； end the title already)
_NAME_END = "：:，,。；;"
# Chapters of a 第X章/第X条 plan that frame it: 总则 (purpose, basis, goals) and 附则 (who interprets it,
# when it takes effect). Their articles are not measures.
FRAMING_CHAPTERS = re.compile(r"^(总则|附则)$")
# Styles that divide a plan like a book (第一章, 第一部分, 第一节): above the measures' depth they are headings, and
# the prose under one with no numbered item (第一节 发展基础, 第二节 面临形势) is narrative, never a task.
DIVISION_STYLES = frozenset({"cn_pian", "cn_chapter", "cn_part", "cn_jie"})
# A division that gathers chapters (第一篇 规划背景与总体要求 over 第一章 … 第二章, the chapters numbered on across the
# 篇: the three-level 规划 and 纲要): the chapters under it stay the plan's top-level sections, each judged by what it
# holds (第二章 总体要求, 第三章 …'s tasks), and the 篇's own title speaks for its chapters too (第四篇 规划实施保障 over
# 第六章 加强组织实施: safeguards, whatever the chapters are called) (`_tops`, `_under_tops`).
VOLUME_STYLES = frozenset({"cn_pian"})
_GENERAL_GLUE_CHARS = "和与及、,， "
_GENERAL_GLUE = re.compile(r"[和与及、,，\s]")
_TITLE_END = re.compile(r"[。；;]")


# A section heading run together with its intro (one-line documents lose the break between them):
# "健全政府机构职能体系深入推进…改革，…。" The intro opens with one of these words, or with a label
# and a colon ("工作目标:…"); the heading before it is a short phrase with no stop in it.
INTRO_OPENERS = (
    "深入推进",
    "深入贯彻",
    "深入实施",
    "认真贯彻",
    "认真履行",
    "认真落实",
    "全面贯彻",
    "全面推进",
    "全面落实",
    "加快推进",
    "大力推进",
    "进一步",
    "坚持",
    "着力",
    "推进",
    "推动",
    "加强",
    "完善",
    "健全",
    "严格",
    "全面",
    "优化",
    "持续",
    "认真",
    "深化",
    "强化",
    "切实",
    "积极",
    "党的",
    "各级",
    "各地",
)
# the labels that may stand before the colon of a heading's intro: the general titles (`general_titles`), then these
INTRO_LABELS = (
    "主要任务",
    "工作任务",
    "重点任务",
    "工作措施",
    "主要措施",
    "具体措施",
    "工作重点",
    "工作要求",
    "主要内容",
)
FUSED_MIN = 20  # a first sentence this short may be a heading as written
HEADING_MIN = 4
HEADING_SEARCH = 25  # how far into the sentence a fused heading may end
_NOT_BEFORE_INTRO = set("和与及、的之对把将在以为从")
_NOT_IN_HEADING = re.compile(r"[,，:：;；。!！?？]")


@dataclass
class Node:
    marker: Marker
    para: int  # index of the heading paragraph
    body: list[int] = field(default_factory=list)  # unnumbered paragraphs that follow it
    rank: int = 0
    parent: int | None = None
    title: str = ""
    rest: str = ""  # heading text after the label
    inline_body: str = ""  # heading text after the title
    kind: str = "section"  # section | measure
    parent_measure: int | None = None


def split_title(rest: str) -> tuple[str, str]:
    """(title, the text after it): the title runs up to the first 。 or ；."""
    m = _TITLE_END.search(rest)
    if not m:
        return rest.strip(), ""
    return rest[: m.start()].strip(), rest[m.end() :].strip()


def _balanced_quotes(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("“”", "‘’", "《》", "()", "（）"))


@memo(1, copy="shared")
def _intro_labels() -> tuple[str, ...]:
    """The labels of a heading's intro (`general_titles`, then INTRO_LABELS), the longest first."""
    return tuple(sorted((*general_titles(), *INTRO_LABELS), key=len, reverse=True))


def unfuse_heading(rest: str) -> tuple[str, str] | None:
    """(heading, intro) when a section's heading text runs on into its intro sentence, else None.

    Only for a long first sentence. In order: a label with a colon ("…职能工作目标:…"), a general
    title ("总体目标到2025年…"), then the shortest heading (≥ HEADING_MIN characters, no stop or
    comma, quotes balanced) that an intro opener follows within HEADING_SEARCH characters.
    """
    m = _TITLE_END.search(rest)
    first = rest[: m.start()] if m else rest
    if len(first) <= FUSED_MIN:
        return None
    colon = min((k for k in (first.find(":", 0, 40), first.find("：", 0, 40)) if k >= 0), default=-1)
    if colon > 0:
        for label in _intro_labels():
            at = colon - len(label)
            if at >= HEADING_MIN and first.startswith(label, at):
                return rest[:at].strip(), rest[at:].strip()
    for i in range(min(len(first) - 1, HEADING_SEARCH), 1, -1):
        if first[i] not in _GENERAL_GLUE_CHARS and is_general(first[:i]):
            return first[:i], rest[i:].lstrip(":： ").strip()
    for i in range(HEADING_MIN, min(len(first), HEADING_SEARCH) + 1):
        head = first[:i]
        if _NOT_IN_HEADING.search(head):
            break
        if first[i - 1] in _NOT_BEFORE_INTRO or not first.startswith(INTRO_OPENERS, i):
            continue
        if _balanced_quotes(head):
            return head.strip(), rest[i:].strip()
    return None


def is_general(title: str) -> bool:
    """指导思想, 总体目标, 指导思想和总体目标 … (only such words, joined by 和/与/、)."""
    return _made_of(title, general_titles(), _general_longest_first())


def _made_of(title: str, words: tuple[str, ...], longest_first: tuple[str, ...]) -> bool:
    """`title` is only `words` (taken out longest first), joined by 和/与/及/、."""
    t = title.strip()
    if not t or not t.startswith(words):
        return False
    for w in longest_first:
        t = t.replace(w, "")
    return not _GENERAL_GLUE.sub("", t)


def background_titles() -> tuple[str, ...]:
    """The headings of a plan's background (rulesets/data/sections.yaml `background_titles`: 发展基础, 面临形势 …)."""
    return _section_words().get("background_titles", ())


@memo(1, copy="shared")
def _background_longest_first() -> tuple[str, ...]:
    return tuple(sorted(background_titles(), key=len, reverse=True))


def is_background(title: str) -> bool:
    """发展基础, 发展现状, 发展基础和面临形势, 机遇与挑战 … (only such words, joined by 和/与/及/、): a section that tells
    where things stand before the plan, no task (一、夯实发展基础 is one)."""
    return _made_of(title, background_titles(), _background_longest_first())


def is_goal_heading(title: str) -> bool:
    """总体目标, 主要目标, 主要指标 … (only such words: sections.yaml `goal_titles`): a heading whose items are goals."""
    return _made_of(title, _section_words().get("goal_titles", ()), _goal_titles_longest_first())


@memo(1, copy="shared")
def _goal_titles_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_section_words().get("goal_titles", ()), key=len, reverse=True))


def is_principle(title: str) -> bool:
    """A general title that is not a goal nor 总体要求 (指导思想, 基本原则, 重大意义 …): what it encloses
    is general too."""
    return is_general(title) and not any(w in title for w in _goal_words())


def build_nodes(
    paras: list[Paragraph], markers: list[Marker | None], first: int, apart: frozenset[int] = frozenset()
) -> list[Node]:
    """The numbered items as nodes, each with the unnumbered paragraphs after it as its body.

    `apart`: paragraphs that begin a part of their own (an 附件 holding the plan's task table): no node
    before one is the parent of a node after it, so the table's rows never nest under the body's last
    item (四、保障措施's (三))."""
    nodes: list[Node] = []
    breaks: set[int] = set()  # nodes that begin a part of their own
    for k in range(first, len(paras)):
        if k in apart:
            breaks.add(len(nodes))
        mk = markers[k]
        if mk is not None:
            node = Node(mk, k)
            node.rest = paras[k].text[mk.end :].strip()
            node.title, node.inline_body = split_title(node.rest)
            nodes.append(node)
        elif nodes:
            nodes[-1].body.append(k)
    # depth = order of first use, unless lists opening under items show otherwise (engine/parse/depths.py);
    # parent = nearest earlier node of a smaller depth
    order = depths.style_order([n.marker for n in nodes])
    for n in nodes:
        n.rank = order[n.marker.style]
    stack: list[int] = []
    for i, n in enumerate(nodes):
        if i in breaks:
            stack = []
        while stack and nodes[stack[-1]].rank >= n.rank:
            stack.pop()
        n.parent = stack[-1] if stack else None
        stack.append(i)
    return nodes


def notes_after_lists(nodes: list[Node], paras: list[Paragraph], is_note: Callable[[str], bool]) -> None:
    """Give a list's closing note to the list's parent: an unnumbered paragraph in the body of the last item of a
    list (the next node is neither its child nor its sibling) that speaks of the items as a whole (`is_note`:
    上述任务的牵头单位、配合单位和完成时限详见附件) is no part of that item's text. It and what follows it in that body
    go to the body of the item's parent (the section 二、重点任务 over items 1.–6.), whose text the list is; the
    plan's last item is left to the closing (engine/parse/closing.py)."""
    for i, n in enumerate(nodes[:-1]):
        after = nodes[i + 1]
        if n.parent is None or after.parent in (i, n.parent):
            continue
        at = next((pos for pos, k in enumerate(n.body) if is_note(paras[k].text)), None)
        if at is None:
            continue
        parent = nodes[n.parent]
        parent.body = sorted({*parent.body, *n.body[at:]})
        n.body = n.body[:at]


def carries_tasks(n: Node, has_children: bool) -> bool:
    """Task text: a sentence (。/；) on the heading line, or paragraphs below it.

    Paragraphs below a node that has numbered children are an intro to them (二、… 深入推进…;
    (一)… 工作目标:…), not tasks of its own.
    """
    if n.inline_body or n.rest != n.title:  # a sentence on the heading line: "深化审批改革。"
        return True
    return bool(n.body) and not has_children


def measure_style(nodes: list[Node], skip: set[int] = frozenset()) -> str:
    """The style with the most nodes carrying task text; tie (or none with text) -> the deeper one.
    Nodes in `skip` (a closing safeguards section's) are not counted."""
    rank = {n.marker.style: n.rank for n in nodes}
    parents = {n.parent for n in nodes}
    counted = [(i, n) for i, n in enumerate(nodes) if i not in skip] or list(enumerate(nodes))
    with_text = Counter(n.marker.style for i, n in counted if carries_tasks(n, i in parents))
    total = Counter(n.marker.style for _, n in counted)
    return max(rank, key=lambda s: (with_text[s], total[s] if not with_text else 0, rank[s]))


def classify(
    nodes: list[Node],
    assigned: Callable[[Node], bool] = lambda n: False,
    tabled: Callable[[Node], bool] = lambda n: False,
    framed: Set[int] = frozenset(),
    only: Set[int] = frozenset(),
) -> str:
    """Mark nodes as sections or measures; returns the measure style.

    Sections differ in depth: 二、 may hold (一) groups of 1. items while 三、 and 四、 hold their tasks
    directly as (一) items. A shallower node carrying task text whose enclosing section has no node
    of the measure style at all is a measure too (`_shallow_measures`). `tabled`: a node read from a table's row.
    `framed`: nodes that frame tasks set out elsewhere (a body pointing to the 附件 that lists its tasks): sections,
    and no vote for the measures' style. `only`: the one list of a duty document that charges units
    (engine/parse/dutylists.py): its items are the measures, what is numbered under them their parts, all else sections."""
    if only:
        _only(nodes, only)
        return nodes[min(only)].marker.style
    duties = duty_lists(nodes)
    inside = _in_framing_sections(nodes) - duties
    # a 工作机制 section whose mechanisms name their units holds the tasks: its items vote for the measures' style
    voting = inside - _assigning_mechanisms(nodes, inside, assigned)
    style = measure_style(nodes, voting | duties | _under_general_tops(nodes) | framed)
    # the 第X条 articles that name their units (a clause, or the units an article opens with), read once for both tests
    named = {i for i, n in enumerate(nodes) if n.marker.style == "cn_article" and (assigned(n) or articles.charges(n.rest))}
    itemised = _itemising_articles(nodes, style, named)
    if itemised:  # the items of the article that itemises the work per unit are the measures, at their depth
        style = nodes[min(k for k, n in enumerate(nodes) if n.parent in itemised)].marker.style
    ms_rank = next(n.rank for n in nodes if n.marker.style == style)
    shallow = _shallow_measures(nodes, ms_rank) - duties
    if itemised:
        shallow = set()
        framed = set(framed) | {i for i in range(len(nodes)) if not itemised.intersection(ancestors(nodes, i))}
    would_be = {i for i, n in enumerate(nodes) if (n.rank >= ms_rank or i in shallow) and i not in duties}
    framing = (
        duties
        | framed
        | _group_headings(nodes, would_be, assigned)
        | _framing(nodes, ms_rank, voting, assigned, would_be, duties, tabled)
        | _framing_articles(nodes, style, assigned)
        | _worded_articles(nodes)
        | _prohibiting_articles(nodes, named)
        | _worded_closing_items(nodes)
        | _framing_items(nodes, ms_rank, assigned)
        | _principle_items(nodes, would_be, assigned)
        | _project_sections(nodes, would_be, tabled)
    )
    for i, n in enumerate(nodes):
        if (n.rank < ms_rank and i not in shallow) or i in framing:
            n.kind = "section"
            continue
        n.kind = "measure"
        if n.rank > ms_rank:
            p = n.parent
            while p is not None and nodes[p].kind != "measure":
                p = nodes[p].parent
            n.parent_measure = p
    return style


def _only(nodes: list[Node], only: Set[int]) -> None:
    """The items in `only` measures, the nodes under them their sub-measures, every other node a section."""
    for i, n in enumerate(nodes):
        n.parent_measure = None
        if i in only:
            n.kind = "measure"
            continue
        p = n.parent
        while p is not None and nodes[p].kind != "measure":
            p = nodes[p].parent
        n.kind = "measure" if p is not None else "section"
        n.parent_measure = p


def _itemising_articles(nodes: list[Node], style: str, named: Set[int]) -> set[int]:
    """In a document of 第X条 articles none of which names a unit, the articles whose items each open with the unit
    they are about ("unit：…", `duty_entry`; at least two, most of the article's items): a 考核办法's "第四条　考核内容
    按照考核对象分别确定： （一）各县（市、区）人民政府：重点考核… （二）市生态环境局：…". The work is itemised per unit
    there, the other articles (purpose, objects, organiser, method, results, 解释, 施行) frame it: the items are the
    measures, nothing else is. None where an article names its units (a 管理办法's "第五条　X负责…": the articles)."""
    if style != "cn_article":
        return set()
    if named:
        return set()
    arts = [i for i, n in enumerate(nodes) if n.marker.style == "cn_article"]
    kids = children(nodes)
    out = set()
    for a in arts:
        items = [k for k in kids.get(a, []) if nodes[k].marker.style != "cn_article"]
        entries = sum(duty_entry(nodes[k].rest) for k in items)
        if entries >= 2 and 2 * entries > len(items):
            out.add(a)
    return out


def _principle_items(nodes: list[Node], would_be: set[int], assigned: Callable[[Node], bool]) -> set[int]:
    """The principles listed under a principles heading (一、总体要求 （一）工作原则 1.坚持预防为主 2.坚持分级负责 …:
    `is_principle`, goals not among them), naming no unit, where the plan's tasks elsewhere mostly name theirs
    (at least two): they state how the tasks are done, not tasks (blind42 池州市, whose tasks are an annex's
    任务清单 numbered 1.–5. like the principles). With no unit named anywhere nothing tells them apart: they stay."""
    chosen = {
        i
        for i in would_be
        if (p := nodes[i].parent) is not None
        and is_principle(_plain_title(nodes[p].title))
        and not is_general(_plain_title(nodes[i].title))
        and not assigned(nodes[i])
    }
    if not chosen:
        return set()
    tasks = [i for i in would_be - chosen if not any(a in chosen for a in ancestors(nodes, i))]
    named = sum(assigned(nodes[i]) for i in tasks)
    return chosen if named >= 2 and 2 * named > len(tasks) else set()


def _framing_articles(nodes: list[Node], style: str, assigned: Callable[[Node], bool]) -> set[int]:
    """In a flat 第X条 plan (no chapters) whose task articles each name their units, the articles before the
    first and after the last of them frame it: purpose, scope and goals (第一条 为…, 本细则适用于…), then the
    leading group's coordination, who interprets it, when it takes effect. An article between two that name
    units stays a measure (one that left its unit out is a gap to report)."""
    if style != "cn_article" or any(n.parent is not None for n in nodes):
        return set()
    named = [i for i, n in enumerate(nodes) if assigned(n)]
    if len(named) < 3 or 2 * len(named) <= named[-1] - named[0] + 1:  # most tasks between them name units
        return set()
    return {i for i in range(len(nodes)) if i < named[0] or i > named[-1]}


def _group_headings(nodes: list[Node], would_be: set[int], assigned: Callable[[Node], bool]) -> set[int]:
    """Items of the measures' depth that only head a group of measures: a title and no task text of their own (an
    intro ending in a colon at most), no units, over two or more items that carry task text and mostly name their
    units ((三)丰富茶旅融合业态。 over 1.…（X牵头） 2.…（Y牵头）, beside (一)(二)(四) that are measures themselves).
    The units are the items', so the items are the measures and the title heads them: measures on two levels of
    one section. An item whose own clause or text answers for its items stays a measure over them."""
    kids = children(nodes)
    out = set()
    for p, ks in kids.items():
        n = nodes[p]
        own = n.inline_body.rstrip()
        if p not in would_be or (own and not own.endswith(("：", ":"))) or assigned(n):
            continue
        items = [k for k in ks if k in would_be and carries_tasks(nodes[k], k in kids)]
        if len(items) >= 2 and len(items) == len(ks) and 2 * sum(assigned(nodes[k]) for k in items) > len(items):
            out.add(p)
    return out


def _worded_articles(nodes: list[Node]) -> set[int]:
    """第X条 articles whose text opens as a purpose, scope, terms, interpretation, commencement or repeal article
    does (第一条 为…制定本措施, 本办法适用于…, 本措施由X负责解释, 本措施自…起施行: engine/parse/articles.py), in any
    chapter or none, and what is numbered under them: they frame the document, whether or not its tasks name their
    units (a unit named in one, 本措施由X负责解释, is no task's)."""
    worded = {i for i, n in enumerate(nodes) if n.marker.style == "cn_article" and articles.frames(n.rest)}
    if not worded:
        return set()
    return {i for i in range(len(nodes)) if i in worded or worded.intersection(ancestors(nodes, i))}


def _prohibiting_articles(nodes: list[Node], named: Set[int]) -> set[int]:
    """第X条 articles that forbid (禁止…, 任何单位和个人不得…: engine/parse/articles.py `prohibits`) and name no unit,
    with nothing numbered under them, where other articles name their units: they bind whoever acts and charge no unit
    with work, wherever they stand among the task articles (青田县 第八条 between 第七条 and 第九条, 福建省 第十二条
    after 第十一条). With no article naming a unit nothing tells them apart: they stay."""
    kids = children(nodes)
    chosen = {
        i for i, n in enumerate(nodes)
        if n.marker.style == "cn_article" and i not in kids and articles.prohibits(n.rest) and i not in named
    }  # fmt: skip
    if not chosen:
        return set()
    others = [i for i, n in enumerate(nodes) if n.marker.style == "cn_article" and i not in chosen]
    return chosen if sum(i in named for i in others) >= 2 else set()


def _worded_closing_items(nodes: list[Node]) -> set[int]:
    """The items that close a plan numbered 一、 / （一） / 1. (not 第X条: `_worded_articles`) when their text opens
    as a closing article's does: "六、本方案自印发之日起施行，由县发展改革局负责解释。", "五、本方案由X负责解释。",
    "七、《X》同时废止。" (the wordings of rulesets/data/articles.yaml: interpretation, commencement and validity,
    repeal, precedence). Only the run of such items that ends the document: the last measure ends before them, and an
    item in the middle of the tasks that speaks of the plan stays what it was. A title-only item whose items are all
    such (五、其他事项 over （一）本方案由…解释 （二）本方案自…施行) closes with them."""
    out: set[int] = set()
    kids = children(nodes)
    for i in range(len(nodes) - 1, -1, -1):
        n = nodes[i]
        if n.marker.style == "cn_article":
            break
        if articles.frames(n.rest) and i not in kids:
            out.add(i)
        elif i in kids and not n.inline_body and not n.body and all(k in out for k in kids[i]):
            out.add(i)
        else:
            break
    return out


def _framing_items(nodes: list[Node], ms_rank: int, assigned: Callable[[Node], bool]) -> set[int]:
    """In a plan whose top-level items are its measures (一、…九、, no sections above them) and whose task
    items name their units, a leading item of general requirements (一、总体要求: principles and goals, no unit)
    or of background (一、基本情况, 一、发展现状: `is_background`) and a trailing one of safeguards (十、保障措施, 组织实施) frame the plan: they are not measures, and nor is
    anything numbered under them. Only items before the first / after the last item that names units, so a
    task that left its unit out stays a measure (a gap to report)."""
    if ms_rank != 0:
        return set()
    tops = [i for i, n in enumerate(nodes) if n.parent is None]
    named = [i for i in tops if assigned(nodes[i])]
    if len(named) < 3 or 2 * len(named) <= sum(named[0] <= i <= named[-1] for i in tops):
        return set()
    heading = [_plain_title(re.split(r"[:：]", nodes[i].title, maxsplit=1)[0]) for i in range(len(nodes))]
    framing_tops = {i for i in tops if i < named[0] and (is_general(heading[i]) or is_background(heading[i]))} | {
        i for i in tops if i > named[-1] and (safeguard_heading().search(heading[i]) or is_general(heading[i]))
    }
    top_of = _tops(nodes)
    return {i for i, t in enumerate(top_of) if t in framing_tops}


def _shallow_measures(nodes: list[Node], ms_rank: int) -> set[int]:
    """Leaves above the measure depth that carry task text, in a top-level section with no node of
    the measure depth (三、实施步骤 whose (一) items are its tasks, beside 二、 with (一) > 1.), or beside an item that
    heads a group of measures (measures on two levels of one section: 二、 (一)… (二) > 1）2） (三)…). A 第N章 / 第N节
    division is no such leaf (`DIVISION_STYLES`)."""
    parents = {n.parent for n in nodes}
    top_of = _tops(nodes)
    deep_tops = {top_of[i] for i, n in enumerate(nodes) if n.rank >= ms_rank}
    # items that head a group of measures ((二) over its 1）2）): a leaf beside one, under the same item, is a measure
    # at that level (（一）（三） of blind37 怒江州, whose （二）（四） head 1）2） measures)
    holders = {n.parent for n in nodes if n.rank >= ms_rank and n.parent is not None}
    beside = {nodes[h].parent for h in holders if nodes[h].rank < ms_rank}
    return {
        i
        for i, n in enumerate(nodes)
        if n.rank < ms_rank
        and n.parent is not None
        and n.marker.style not in DIVISION_STYLES
        and (top_of[i] not in deep_tops or n.parent in beside)
        and i not in parents
        and carries_tasks(n, False)
        and not is_general(n.title)  # 指导思想 / 工作目标 of 一、总体要求 stay the preamble they were
        and not is_general(nodes[top_of[i]].title)  # 二、基本原则's (一)坚持… are principles, not tasks
    }


@memo(1, copy="shared")
def _projects_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_section_words().get("project_titles", ()), key=len, reverse=True))


def is_projects(title: str) -> bool:
    """重大工程, 重点项目, 重大工程和重点项目 … (only such words, joined by 和/与/及/、: sections.yaml `project_titles`)."""
    return _made_of(title, _section_words().get("project_titles", ()), _projects_longest_first())


def _project_sections(
    nodes: list[Node], would_be: set[int], tabled: Callable[[Node], bool] = lambda n: False
) -> set[int]:
    """What is numbered under a top-level section that lists the plan's major projects (四、重大工程 1．…3．:
    `is_projects`) after a section holding its tasks, when numbered apart from them (its first item starts at 1, or
    is of another style than the last task before it): projects, not measures, even where each names the unit that
    builds it (（责任单位：X）), as the lines of a 专栏 of 重大工程 between the tasks are (engine/parse/boxes.py). Where
    no task stands before it (the section is the plan's list of items: 二、重点工程 工程一…工程五) or its items number
    on from the tasks ((六)(七) after (一)…(五)), they stay measures; so do the rows of a table set there (`tabled`:
    序号 / 项目名称 / 责任单位 / 完成时限, read as the plan's task table: tests/parse/test_separator_and_bold_leads.py,
    test_table_scoped_first_listed.py)."""
    top_of = _tops(nodes)
    title = [_plain_title(n.title) for n in nodes]
    out: set[int] = set()
    for t in sorted({t for t in top_of if is_projects(title[t])}):
        items = sorted(i for i in would_be if top_of[i] == t and i != t)
        # the tasks before it: items of a section that is no project list, nor the plan's goals or background
        tasks = [
            i for i in sorted(would_be) if i < t and top_of[i] != i
            and not any(f(title[top_of[i]]) for f in (is_projects, is_general, is_background))
        ]  # fmt: skip
        if not items or not tasks or all(tabled(nodes[i]) for i in items):
            continue
        head, last = nodes[items[0]].marker, nodes[tasks[-1]].marker
        if head.ordinal == 1 or head.style != last.style:
            out |= {i for i, u in enumerate(top_of) if u == t and i != t}
    return out


def _under_general_tops(nodes: list[Node]) -> set[int]:
    """Nodes under a top-level section of general requirements (二、发展目标 with its targets 1.–3.; 一、总体要求),
    the section excluded: their numbering does not vote for the measures' style where the tasks stand in other
    sections numbered otherwise (blind14 寿光市: three goal lines 1.–3. before six actions 行动一…行动六 would
    outvote them with two). None when every top-level section is such a one."""
    return _under_tops(nodes, is_general)


def _under_tops(nodes: list[Node], chosen: Callable[[str], bool]) -> set[int]:
    """Nodes under a top-level section whose plain title is `chosen` (or whose 篇's is: `VOLUME_STYLES`), the
    sections themselves excluded; none when every top-level section is chosen (a plan of such sections only has no
    other tasks for them to stand apart from)."""
    top_of = _tops(nodes)
    tops = {t for t in set(top_of) if chosen(_plain_title(nodes[t].title))}
    tops |= {t for t in set(top_of) if (v := nodes[t].parent) is not None and chosen(_plain_title(nodes[v].title))}
    if tops >= set(top_of) - _volumes(nodes):
        return set()
    return {i for i, t in enumerate(top_of) if i != t and t in tops}


def _tops(nodes: list[Node]) -> list[int]:
    """The top-level node each node stands under (itself for a top-level node). A chapter under a 篇
    (`VOLUME_STYLES`) is top-level: the 篇 gathers the plan's top-level sections, it is none of them."""
    volumes = _volumes(nodes)
    top_of: list[int] = []
    for i, n in enumerate(nodes):
        top_of.append(i if n.parent is None or n.parent in volumes else top_of[n.parent])
    return top_of


def _volumes(nodes: list[Node]) -> set[int]:
    """The 篇 (`VOLUME_STYLES`) that gather chapters: the nodes whose items are divisions (第一章), not items."""
    return {
        p for n in nodes
        if (p := n.parent) is not None and nodes[p].marker.style in VOLUME_STYLES and n.marker.style in DIVISION_STYLES
    }  # fmt: skip


def _in_framing_sections(nodes: list[Node]) -> set[int]:
    """Nodes under a 总则/附则 chapter, a background section (第一章 发展基础, 一、发展现状: `is_background`) or a
    safeguards section (三、保障措施), the top-level node excluded. None when every top-level section is such a one:
    a text that is nothing but its safeguards (an excerpt, a one-section notice) has no other tasks for them to
    stand apart from."""
    return _under_tops(
        nodes,
        lambda title: bool(FRAMING_CHAPTERS.match(title) or safeguard_heading().search(title))
        or title in mechanism_titles()
        or is_background(title),
    )


def _assigning_mechanisms(nodes: list[Node], inside: set[int], assigned: Callable[[Node], bool]) -> set[int]:
    """The nodes of `inside` (`_in_framing_sections`) under a section of working mechanisms (三、工作机制) whose items
    mostly name their units: it assigns work as the tasks do, its items are tasks, not the plan's machinery — and where
    it is the plan's one list of them (a 工作机制 document: 一、工作目标 二、工作机制 （一）…（六）（牵头单位：X） 三、工作
    要求) they are its measures."""
    top_of = _tops(nodes)
    tops = {top_of[i] for i in inside}
    chosen = {
        t for t in tops if _mechanism(nodes[t].title)
        and 2 * sum(assigned(nodes[i]) for i in inside if top_of[i] == t) > sum(top_of[i] == t for i in inside)
    }  # fmt: skip
    return {i for i in inside if top_of[i] in chosen}


def _always_framing(title: str) -> bool:
    """A top-level section whose items are never measures, however numbered: a 总则/附则 chapter (purpose, scope,
    who interprets the plan) or the plan's background (第一章 发展基础 第一节 主要成就 第二节 面临形势: narrative)."""
    return bool(FRAMING_CHAPTERS.match(title)) or is_background(title)


def _framing(
    nodes: list[Node],
    ms_rank: int,
    inside: set[int],
    assigned: Callable[[Node], bool],
    would_be: set[int],
    duties: set[int] = frozenset(),
    tabled: Callable[[Node], bool] = lambda n: False,
) -> set[int]:
    """Nodes that frame the plan rather than task it: everything under a 总则/附则 chapter, the
    items of a safeguards section (三、保障措施) numbered apart from the plan's measures: at another depth,
    or starting again at (一) where the tasks run on as one numbering across their sections, and the stages of
    a work schedule (`_stages_apart`). `inside`: the nodes under such sections (`_in_framing_sections`), a 工作机制
    section whose mechanisms name their units left out (`_assigning_mechanisms`: it holds tasks);
    `would_be`: the nodes that are measures unless they frame the plan; `duties`: the entries of duty lists
    (`duty_lists`), framing already, whose numbering tells nothing of the tasks'; `tabled`: table rows."""
    top_of = _tops(nodes)
    # the ordinal each section's numbering at the measures' depth starts from ((一) → 1, (九) → 9)
    first: dict[int, int] = {}
    for i, n in enumerate(nodes):
        if n.rank == ms_rank and n.parent is not None and i not in duties:
            first.setdefault(top_of[i], n.marker.ordinal)
    guards = {top_of[i] for i in inside}
    stages, staged = _stages_apart(nodes, guards, assigned, would_be, tabled)
    through = _numbered_through(nodes, ms_rank, first, guards | stages, duties)
    # a 规划 laid out as a book, its measures the 节 of its chapters: every chapter starts its 节 again by the form,
    # and a national or provincial 规划 names no unit in its text, so neither the numbering nor the units tell its
    # chapters apart; their titles do (第二章 总体要求 over 指导思想 / 基本原则 / 主要目标, 第七章 保障措施)
    book = _in_chapters(nodes, ms_rank)
    leading = _leading_general(nodes, ms_rank, first, guards | stages, assigned, through, book)
    tasks = [o for t, o in first.items() if t not in guards and t not in stages and t not in leading]
    # the tasks are one numbering running across their sections ((一)…(十) over 二、…五、): a safeguards
    # section that starts again at (一) is numbered apart from them, unless its items assign their work
    # like the tasks do ("（X牵头，Y配合）" on most of them): then the plan counts them among its tasks.
    # Where every task section starts again, the restart tells nothing; what does is how they assign their
    # work: tasks that mostly name their units beside safeguards that mostly name none (blind9 张掖市).
    # Where the numbering opened before the tasks, in sections holding none (`_numbered_through`: 第一节 主要成就 …
    # 第五节 发展目标, then the tasks' 第六节…), it numbers the whole document: that the safeguards run on in it
    # tells no more than a restart would.
    tasks_run_on = bool(tasks) and sum(o == 1 for o in tasks) <= 1
    # the numbering opened in a leading section of general requirements set apart above and ran on into the tasks
    # ((一)(二) 总体要求, tasks (三)…(二十八), safeguards (二十九)…): the plan numbers all its parts in one run, and
    # that the safeguards run on in it tells no more than a restart would (as `through`)
    one_run = bool(leading) and bool(tasks) and tasks[0] != 1
    tasks_named = _tasks_name_units(nodes, ms_rank, first, guards | stages | leading, assigned)
    apart = set()
    if tasks_run_on or tasks_named or book:
        closed = _after_the_tasks(nodes, would_be - duties, guards | stages | leading)
        for t in guards:
            items = [i for i in inside if top_of[i] == t and nodes[i].rank == ms_rank]
            if (first.get(t) == 1 or through or one_run) and (
                2 * sum(assigned(nodes[i]) for i in items) <= len(items) or t in closed
            ):
                apart.add(t)
    return {
        i
        for i in inside
        if _always_framing(_plain_title(nodes[top_of[i]].title)) or top_of[i] not in first or top_of[i] in apart
    } | staged | {i for i, t in enumerate(top_of) if i != t and t in leading}


def _after_the_tasks(nodes: list[Node], would_be: set[int], skip: set[int]) -> set[int]:
    """Top-level sections that a section holding no tasks parts from the task sections before them: 二、重点任务
    （一）…（六） 三、实施步骤 (the stages, or a paragraph of them) 四、保障措施 （一）…（三）. The plan has moved on from
    its tasks to what frames them; a safeguards section there, starting again at (一), holds no measures even where
    its items close with a unit clause (（区财政局负责）: who answers for the safeguard). A safeguards section right
    after the tasks, its items naming units as the tasks do, is still counted among them. `skip`: the sections that
    hold no tasks (safeguards, schedules, a leading section of general requirements)."""
    top_of = _tops(nodes)
    volumes = _volumes(nodes)
    tops = [i for i, t in enumerate(top_of) if i == t and i not in volumes]
    holding = {top_of[i] for i in would_be if i != top_of[i] and top_of[i] not in skip}
    out = set()
    for k, t in enumerate(tops):
        before = [u for u in tops[:k] if u in holding]
        if before and any(u not in holding for u in tops[tops.index(before[-1]) + 1 : k]):
            out.add(t)
    return out


def _numbered_through(
    nodes: list[Node], ms_rank: int, first: dict[int, int], skip: set[int], duties: set[int]
) -> bool:
    """The numbering at the measures' depth opens in sections that hold no tasks and runs on from them into the
    tasks: the document numbers all its parts in one run, not its tasks apart (a 规划 whose 节 go 第一节…第十六节
    through every chapter: 第一章 发展基础 第一节 主要成就 第二节 面临形势, 第二章 总体要求 第三节 指导思想…第五节 发展目标,
    then the tasks' chapters from 第六节; a plan of articles whose 总则 holds 第一条 第二条). The sections before the
    first task section are all such (`skip`: background, 总则 and safeguards sections, schedules; or a section of
    general requirements: 二、总体要求), at least one of them no general one, the first of them starts at 1 and the
    first task section goes on from their last item. Then running on, as the tasks' sections do, does not make a
    section's items tasks. A run that opens in a section of general requirements alone (一、总体要求 （一）指导思想
    …（三）工作目标, then the tasks' （四）…, the last section 十一、加强组织保障 （四十七）…（五十）: a 纲要's one list)
    is the plan's list of items, safeguards included, as it was."""
    top_of = _tops(nodes)
    before = []
    for t in first:  # sections holding items, in document order
        if t not in skip and not is_general(_plain_title(nodes[t].title)):
            break
        before.append(t)
    else:
        return False  # no task section
    if not before or first[before[0]] != 1 or not any(t in skip for t in before):
        return False
    count = sum(
        1 for i, n in enumerate(nodes)
        if n.rank == ms_rank and n.parent is not None and i not in duties and top_of[i] in before
    )  # fmt: skip
    task = next(t for t in first if t not in before)
    return first[task] == count + 1


def _task_items(nodes: list[Node], ms_rank: int, first: dict[int, int], skip: set[int]) -> list[int]:
    """The items at the measures' depth of the sections that hold them, bar the sections in `skip`."""
    top_of = _tops(nodes)
    return [
        i for i, n in enumerate(nodes) if n.rank == ms_rank and n.parent is not None and top_of[i] in first
        and top_of[i] not in skip
    ]  # fmt: skip


def _tasks_name_units(
    nodes: list[Node], ms_rank: int, first: dict[int, int], skip: set[int], assigned: Callable[[Node], bool]
) -> bool:
    """Most of the task items (outside the sections in `skip`) name their units, and at least two do."""
    items = _task_items(nodes, ms_rank, first, skip)
    named = sum(assigned(nodes[i]) for i in items)
    return named >= 2 and 2 * named > len(items)


def _leading_general(
    nodes: list[Node],
    ms_rank: int,
    first: dict[int, int],
    skip: set[int],
    assigned: Callable[[Node], bool],
    through: bool = False,
    book: bool = False,
) -> set[int]:
    """A leading section of general requirements numbered apart from the tasks: 一、总体要求 whose items at
    the measures' depth are all general titles naming no unit (（一）指导思想 （二）主要目标), before every task
    section, where the first task section starts again at (一) — or the numbering runs through the whole
    document from before the tasks (`through`: `_numbered_through`) — and most task items name their units. Its
    items state the plan's principles and goals, not tasks (blind9 张掖市; the same as a flat plan's leading
    item, `_framing_items`); a goal keeps being compared as prose (engine.rules.goals). With no unit named
    anywhere nothing tells them from the tasks, and they stay (general) measures — but in a 规划 laid out as a book
    (`book`: `_in_chapters`), whose chapters are told apart by their titles: 第二章 总体要求 第一节 指导思想 … 第三节
    主要目标 frames it whether or not its tasks name units (blind81's national 规划)."""
    top_of = _tops(nodes)
    order = [t for t in first if t not in skip]  # sections holding items, in document order
    if len(order) < 2:
        return set()
    t = order[0]
    items = [i for i, n in enumerate(nodes) if top_of[i] == t and n.rank == ms_rank]
    title = _plain_title(nodes[t].title)
    # the tasks number on from its items ((一)(二) 总体要求, tasks (三)…): one run through the plan, as a 实施意见 or a
    # national 行动计划 numbers its parts (blind94's 农业农村部 plan, blind95's 云南 意见); its items are set apart by
    # what they say (general titles, no unit) where the tasks name theirs, as a restart would set them apart
    runs_on = first[order[1]] == len(items) + 1
    if (
        not is_general(title)
        or any(assigned(nodes[i]) for i in items)
        # under a heading of goals (一、总体目标 1.基地建设。… 2.加工转化。…) its items are goal lines whatever their titles
        or not (is_goal_heading(title) or all(is_general(_plain_title(nodes[i].title)) for i in items))
        or (first[order[1]] != 1 and not through and not runs_on)
        or not (book or _tasks_name_units(nodes, ms_rank, first, skip | {t}, assigned))
    ):
        return set()
    return {t}


def _in_chapters(nodes: list[Node], ms_rank: int) -> bool:
    """The measures are the 节 of chapters (第三章 … 第一节 第二节, under 篇 or not): a 规划 laid out as a book,
    whose chapters (第二章 总体要求, 第七章 保障措施) say by their titles what they hold."""
    return any(
        n.rank == ms_rank and n.marker.style in DIVISION_STYLES
        and n.parent is not None and nodes[n.parent].marker.style in DIVISION_STYLES
        for n in nodes
    )  # fmt: skip


def _stages_apart(
    nodes: list[Node],
    guards: set[int],
    assigned: Callable[[Node], bool],
    would_be: set[int],
    tabled: Callable[[Node], bool] = lambda n: False,
) -> tuple[set[int], set[int]]:
    """Work-schedule sections whose items are the stages the tasks go through, not tasks: the sections whose
    items (the measures they would hold: of the measures' depth, deeper — 1. under 三、 beside (一) tasks —
    or shallower leaves) are numbered apart from the tasks (starting at 1), are phases and assign no work,
    while the tasks stand in other sections. A section is known as a schedule by its heading (三、实施步骤,
    时间安排: items numbered from 1, most named as phases, 动员部署阶段 or a name with its dates) or by its items
    alone, whatever its heading and numbering (every one a phase, …阶段 or 第N阶段, and most with the time it
    spans: 动员部署阶段（3月底前）, 准备阶段(2026年3月—4月)：成立工作专班…, 准备阶段：2026年3月—4月 — also
    (五)…(七) numbered on from the tasks). Steps headed as
    tasks (（一）确定试点城市。…) stay measures: a parent's steps carry the dates its children keep; so does a
    task whose title holds 阶段 (推进第二阶段改革). A schedule whose stages assign work like the tasks do
    ("X牵头" on most of them) is counted among the tasks — not the rows of a schedule table (阶段 | 时间 | 主要工作 |
    责任单位), whose unit column every row fills by the table's form — and so is one that is the plan's only list
    of items. The stages may be the section's own items though some hold items of their own: a stage that holds
    none (（一）动员部署阶段（…）。…) beside one that holds the plan's task list (（二）集中攻坚阶段（…）。重点开展以下工作：
    over 1.–5.) is a stage, no measure, and the items in a stage stay what they are (a parent's stage over 1. 2. dates
    the items its children keep).
    `guards`: top-level safeguards sections, whose items are no tasks to stand beside.
    Returns (the schedule sections that hold no tasks, the nodes the stages frame)."""
    items: dict[int, list[int]] = {}  # section -> the would-be measures in it under no other
    roots = []  # the would-be measures under no other
    for i in sorted(would_be):
        p = nodes[i].parent
        while p is not None and p not in would_be:
            items.setdefault(p, []).append(i)
            p = nodes[p].parent
        if p is None:
            roots.append(i)
    kids = children(nodes)
    framed: set[int] = set()
    sections = set()
    tops: set[int] = set()  # the nodes whose descendants the stages frame (walked once, after the loop)
    for s, its in items.items():
        heads = kids[s]
        if _phases(nodes, s, its, assigned, tabled):
            sections.add(s)
            tops.add(s)
        elif heads != its and all(h in would_be or h in items for h in heads) and _phases(nodes, s, heads, assigned, tabled):
            # stages, some holding items of their own: those items stay what they are; a stage holding none is a stage
            leaves = {h for h in heads if h in would_be}
            framed |= leaves
            tops |= leaves
    framed |= _under(nodes, tops)
    if not framed:
        return set(), set()
    top_of = _tops(nodes)
    tasks = [i for i in roots if top_of[i] not in guards and i not in framed]
    return (sections, framed) if tasks else (set(), set())


def _phases(
    nodes: list[Node], s: int, its: list[int], assigned: Callable[[Node], bool], tabled: Callable[[Node], bool]
) -> bool:
    """The items `its` of section `s` are the stages of a schedule (`_stages_apart`)."""
    if 2 * sum(assigned(nodes[i]) for i in its) > len(its) and not all(tabled(nodes[i]) for i in its):
        return False
    named = sum(_names_phase(nodes[i].title) for i in its)
    if len(its) >= 2 and named == len(its) and 2 * sum(_dated_phase(nodes[i].rest) for i in its) > len(its):
        return True  # dated stages: a schedule whatever its heading and numbering ((四)…(六) running on)
    return nodes[its[0]].marker.ordinal == 1 and bool(stage_titles().search(_plain_title(nodes[s].title))) and (
        2 * named > len(its)
    )


def _under(nodes: list[Node], tops: set[int]) -> set[int]:
    """The nodes below any of `tops`."""
    return {i for i in range(len(nodes)) if tops.intersection(ancestors(nodes, i))}


def _names_phase(title: str) -> bool:
    """A stage's heading: a phase's name (动员部署阶段, 第一阶段), or a name with its dates in brackets
    (集中整治（2021年7月—9月）); not a step written as a task (确定试点城市, 开展评估总结), nor a task that
    speaks of a phase (推进第二阶段改革（2025年底前）, 巩固阶段性成果). The name may run on into the stage's
    work or time past a colon or comma (准备阶段（2026年3月—4月）：成立工作专班…, 宣传发动阶段：…)."""
    if names_phase(title):
        return True
    t = _plain_title(title)
    return any(
        not any(w in _unbracketed(h) for w in phase_words()) and bool(heading_deadlines(h))
        for h in dict.fromkeys((t, _stage_head(t)[0]))
    )


def names_phase(title: str) -> bool:
    """A title that names a phase of the work by its word (rulesets/data/sections.yaml `phase_words`): 动员部署阶段,
    动员部署阶段（2023年4月底前）, 第二阶段：组织实施, 准备阶段(2026年3月—4月)：成立工作专班… — the name is the
    title up to its first colon or comma. The parser's stages and lead_unit_required's `phase` fact."""
    t = _plain_title(title)
    return any(
        bool(_phase().search(_unbracketed(h)) or _phase_first().match(h)) for h in dict.fromkeys((t, _stage_head(t)[0]))
    )


def _unbracketed(name: str) -> str:
    """A name without the brackets that close it: 动员部署阶段（3月底前） -> 动员部署阶段."""
    return re.sub(r"[(（][^()（）]*[)）]$", "", name)


def _dated_phase(title: str) -> bool:
    """A phase's name with the time it spans: in brackets (动员部署阶段（3月底前）, 第二阶段（2025年6月—12月）,
    准备阶段(2026年3月—4月)：成立…) or straight after it (准备阶段：2026年3月—4月, 第一阶段：2026年3月底前)."""
    t = _plain_title(title)
    head, after = _stage_head(t)
    for h in dict.fromkeys((t, head)):
        if _SPAN.search(h) and (_phase().search(_SPAN.sub("", h)) or _phase_first().match(t)):
            return True
    return bool(_lead_span().match(after)) and bool(_phase().search(head) or _phase_first().match(t))


def _stage_head(text: str) -> tuple[str, str]:
    """(a stage's name, what follows it): the text up to its first colon, comma or stop outside brackets —
    准备阶段(2026年3月—4月)：成立工作专班 -> (准备阶段(2026年3月—4月), 成立工作专班) — or (text, "")."""
    head, *after = split_outside(text, _NAME_END, "(（", ")）", maxsplit=1)
    return head, after[0].lstrip() if after else ""


def _plain_title(title: str) -> str:
    return re.sub(r"[\s\u3000]", "", title).rstrip("。.：:")


def ancestors(nodes: list[Node], i: int) -> list[int]:
    out = []
    p = nodes[i].parent
    while p is not None:
        out.append(p)
        p = nodes[p].parent
    return out[::-1]


def unfuse_sections(nodes: list[Node], paras: list[Paragraph]) -> None:
    """Split the heading off its intro in sections whose heading paragraph was cut from a longer line.

    Run after `classify` (so which nodes are sections is settled) and before sections and measures
    are made (they copy the titles). A heading on its own line is never touched.
    """
    for n in nodes:
        if n.kind != "section":
            continue
        k = n.para
        line = paras[k].line
        cut = (k + 1 < len(paras) and paras[k + 1].line == line and paras[k + 1].orig is paras[k].orig) or (
            k > 0 and paras[k - 1].line == line and paras[k - 1].orig is paras[k].orig
        )
        if not cut:
            continue
        split = unfuse_heading(n.rest)
        if split is not None and split[0]:
            n.title, n.inline_body = split


def make_sections(nodes: list[Node], paras: list[Paragraph]) -> list[Section]:
    out = []
    for i, n in enumerate(nodes):
        if n.kind != "section":
            continue
        anc = [a for a in ancestors(nodes, i) if nodes[a].kind == "section"]
        text = "\n".join([t for t in [n.inline_body] if t] + [paras[k].text for k in n.body])
        p = paras[n.para]
        out.append(
            Section(
                label=n.marker.label,
                style=n.marker.style,
                ordinal=n.marker.ordinal,
                depth=n.rank,
                title=n.title,
                text=text,
                path=[nodes[a].marker.label for a in anc],
                line=p.line,
                column=p.column(n.marker.start),
            )
        )
    return out


@dataclass
class Segment:
    """Where a piece of Measure.text comes from: text offset -> paragraph and offset in it."""

    start: int
    para: int
    para_offset: int


def make_measures(nodes: list[Node], paras: list[Paragraph]) -> list[tuple[int, Measure, list[Segment]]]:
    """Measures in document order (a sub-measure follows its parent), with their text map."""
    out: list[tuple[int, Measure, list[Segment]]] = []
    for i, n in enumerate(nodes):
        if n.kind != "measure":
            continue
        anc = [a for a in ancestors(nodes, i) if nodes[a].kind == "section"]
        head = paras[n.para]
        pieces = [n.rest]
        rest_off = n.marker.end + (len(head.text) - n.marker.end - len(head.text[n.marker.end :].lstrip()))
        segs = [Segment(0, n.para, rest_off)]
        pos = len(n.rest)
        for k in n.body:
            pos += 1  # the "\n" joining paragraphs
            segs.append(Segment(pos, k, 0))
            pieces.append(paras[k].text)
            pos += len(paras[k].text)
        all_paras = [n.para, *n.body]
        m = Measure(
            label=n.marker.label,
            style=n.marker.style,
            ordinal=n.marker.ordinal,
            depth=n.rank,
            path=[nodes[a].marker.label for a in anc],
            section_titles=[nodes[a].title for a in anc],
            title=n.title,
            text="\n".join(pieces),
            line=head.line,
            column=head.column(n.marker.start),
            end_line=max(paras[k].line for k in all_paras),  # a clause printed above it comes last
            paragraphs=[paras[k].index for k in all_paras],
            general=is_general(n.title) or any(is_principle(nodes[a].title) for a in ancestors(nodes, i)),
        )
        out.append((i, m, segs))
    return out


def assign_refs(nodes: list[Node], items: list[tuple[int, Measure]]) -> None:
    """ref = label where no other node uses it; else parent-measure ref + label (26(1)); else section
    labels + label (四(四), where 二(四) is a section), as few as make it unique.

    `items`: (node index, measure) in document order. Linear in the number of measures times the
    section depth, so a huge document whose numbering restarts in every chapter stays fast.
    """
    by_node = dict(items)
    counts = Counter(m.label for _, m in items)
    # a label the numbering uses again for a section (二、's (四) a section over items, 四、's (四) an
    # item) is qualified too, though only one item has it: "(四)" alone would name either to a reader.
    # A label used once in the document keeps its bare ref.
    used = Counter((n.marker.style, n.marker.label) for n in nodes)
    qualify = {id(m) for _, m in items if counts[m.label] > 1 or used[(m.style, m.label)] > 1}
    top = [m for i, m in items if id(m) in qualify and nodes[i].parent_measure is None]
    tails: dict[int, Counter[tuple[str, tuple[str, ...]]]] = {}

    def tail_count(d: int, m: Measure) -> int:
        if d not in tails:
            tails[d] = Counter((x.label, tuple(x.path[-d:])) for x in top)
        return tails[d][(m.label, tuple(m.path[-d:]))]

    used: Counter[str] = Counter()
    for i, m in items:
        node = nodes[i]
        if node.parent_measure is not None:
            pm = by_node[node.parent_measure]
            m.parent_measure = pm.ref or pm.label
        if id(m) not in qualify:
            ref = m.label
        elif m.parent_measure is not None:
            ref = m.parent_measure + m.label
        else:
            ref = m.label
            for d in range(1, len(m.path) + 1):
                ref = "".join(m.path[-d:]) + m.label
                if tail_count(d, m) <= 1:
                    break
        used[ref] += 1
        m.ref = ref if used[ref] == 1 else f"{ref}#{used[ref]}"
