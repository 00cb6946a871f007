"""numbering: gaps, repeats, out-of-order labels, mixed label styles, wrong restarts.

Measures and sections are numbered by level; moving, deleting or copying a measure leaves 1,2,4 or
3,3, and copying from two sources mixes 1. / 1、 / 1． at one level. Checked per numbering level
(style and depth; sub-items per enclosing measure):

- within a run (siblings under the same heading / measure): each label follows the previous one;
- between runs: a document either restarts numbering in every chapter or continues it; the way most
  chapters do it is right, and a chapter that does the other is reported. Decision: numbering that
  restarts in every chapter (or continues through every chapter) is never reported;
- each attachment (a 附件 heading standing alone: its 重点任务清单's categories and rows) numbers anew, as
  each document a notice issues together does;
- the punctuation after the label, read from the original text (Paragraph.orig): the majority form
  at a level is right, the others are reported — in the widths Chinese text writes it (rulesets/data/
  layout.yaml `full_width_in_chinese`, GB/T 9704—2012's （一） and （1））: a level that mixes (一) and （一）
  has its half-width labels reported, however many, and no label is told to become half-width. A
  message shows the labels as printed, and a suggestion keeps the label's own number;
- marks of one character beside typed labels (`mixed_marks`): a level that prints some labels as a mark (㈠ ⑴ ⒈,
  rulesets/data/numbering_marks.yaml) and types others out ((一), （1）, 1.) where its class has a mark for them too
  (㈡ then （三）: the mark ㈢ exists) writes one level two ways. The marks are reported, however many: the typed form
  is the one GB/T 9704—2012 (7.3.3) gives and the one the mark stands for (Unicode maps ㈠ to (一)), and a search or
  a copy into another document finds the typed one only; no typed label is told to become a mark. Marks ㈠…㈩ with
  a typed （十一） after them (no mark past ㈩) are one way, not two: nothing is reported. A level of marks alone is
  one way too. A report's font may draw ⒈ as "1." and ㈠ as "（一）", so the message quotes the mark as printed, names
  its kind (numbering_marks.yaml `name`: 带点的阿拉伯数字) and spells the typed label out (`spelled`: 数字1＋半角句点,
  共2个字符); a style fix is spelled out too ((一) and （一） differ by a width);
- every message quotes the label as printed: the mark ㈠, the typed （一） or 1., a sub-point's （4） (its item is the
  finding's place);
- inside an item: its sub-points, which are no measures of their own where parse folded them into the
  item (engine/parse/subpoints.py: （1）（2）… or ①②③ with the units after the last), and the lists written
  on one line (（1）…；（2）…). A sub-point label opens a paragraph of the item, or stands after a stop
  (。；：) inside one, outside quotation marks; it is of a style deeper than the item's in its document
  (a date （2025年）, a reference 第（3）项 or a quoted “（一）…” is none). A list inside a paragraph starts at
  its 1; a 1 starts a new list unless it follows the last label right away (the next paragraph after a
  sub-point's, or after ；), so an item's second paragraph may open a list of its own.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

from pydantic import Field

from engine.ingest.numbering import CN_NUMERALS, chinese_numeral
from engine.models import Measure, Paragraph
from engine.numbering_marks import mark_names, spelling
from engine.parse.numbering import Marker, fold, mark_for, marker_at_start, markers_in, marks
from engine.rules.kinds.base import CheckContext, CheckKind, Edit, Hit, KindOptions
from engine.rules.textunits import full_width_marks

# an attachment's heading standing alone: 附件, 附件2, 附件：重点任务清单 (as the parse reads them)
# (each run of spaces stands between two characters it cannot match, so a line of spaces is read in one pass)
_ATTACHMENT_HEAD = re.compile(r"附\s*件\s*(?:[0-9一二三四五六七八九十]+\s*)?(?:[:：].{0,60})?")
# a label as printed, matched where the item starts (no ^: Pattern.match(text, pos) anchors it there, and a
# page on one line holds many items); spaces after the bracket only where there is one: two runs of spaces with
# nothing between them would split a line of spaces every way before failing
_LABEL = re.compile(
    rf"\s*([(（]?)(?:(?<=[(（])\s*)?([0-9０-９{CN_NUMERALS}①-⑳]+)\s*([)）]?)\s*([、．.，,:：]?)"
)


class Options(KindOptions):
    sequence: bool = Field(True, description="report gaps, repeats and out-of-order labels")
    restarts: bool = Field(
        True, description="report a chapter that restarts (or continues) numbering unlike the others"
    )
    mixed_styles: bool = Field(
        True, description="report label punctuation that differs from the majority at its level"
    )
    mixed_marks: bool = Field(
        True,
        description="report numbering marks of one character (㈠ ⑴ ⒈) at a level that also types its labels out "
        "((一), （1）, 1.) where a mark could have stood",
    )
    subpoints: bool = Field(
        True,
        description="report gaps, repeats and out-of-order sub-points inside an item: its parts folded into "
        "it ((1)(2)(4) under 1., 1. 2. 2. under (一)) and lists on one line ((1)…；(2)…)",
    )
    subpoint_styles: list[Literal["cn_dun", "cn_paren", "arabic_dot", "arabic_paren", "circled"]] = Field(
        ["cn_paren", "arabic_dot", "arabic_paren", "circled"],
        description="label styles a sub-point may have (engine/parse/numbering.py STYLES)",
    )


# a sub-point label inside a paragraph stands after one of these; it continues the list before it
# right away (a 1 there repeats, it does not start a new list) only after a list separator
_SUB_STOPS = "。；;：:!！?？"
_SUB_SEPARATORS = "；;"
_QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』", "‘": "’"}
_QUOTE_MAX = 120  # a mark left open longer than this is taken as unclosed


@dataclass
class _Sub:
    label: str  # normalised: (4), 4, ④, (四)
    printed: str  # as the original text writes it: （4）, 4., ④
    ordinal: int
    style: str
    para: int  # position of its paragraph in the item
    opens: bool  # it opens its paragraph
    after: str  # the character before it (inside a paragraph)
    line: int
    column: int

# the number of a label, where a word may come before it (任务3：, 第 5 项任务：, 第三条)
_NUMBER = re.compile(f"[0-9０-９{CN_NUMERALS}①-⑳]")
_LABEL_SPAN = 12  # characters from the item's start within which its number stands


def _label_column(it: _Item) -> int | None:
    """The 1-based column of the item's number in its line as written: searched from where the item
    starts (its column, inside a run-on line), past a word before the number (任务, 第)."""
    if not it.orig:
        return None
    start = max(it.column - 1, 0) if it.column else 0
    at = _mark_at(it)
    if at is not None:  # a mark of one character (⒈ ㈠) is its number: not a numeral in the words after it
        return at + 1
    m = _NUMBER.search(it.orig, start, start + _LABEL_SPAN)
    if m is None:
        return start + 1
    return m.start() + 1


@dataclass
class _Item:
    ref: str
    label: str
    ordinal: int
    style: str
    depth: int
    group: tuple
    run: tuple
    line: int
    orig: str
    section: bool = False
    column: int = 0

    @property
    def printed(self) -> str:
        """The label as the original line writes it, which every message of the check quotes: （一） where `label` is
        (一), the mark ㈠ or ⒈ where the line prints one (rulesets/data/numbering_marks.yaml); else `label`."""
        at = _mark_at(self)
        if at is not None:
            return self.orig[at]
        if self.orig and self.column:
            i = self.column - 1
            while i < len(self.orig) and self.orig[i] in " \t\u3000":
                i += 1
            raw = self.orig[i : i + len(self.label)]
            if fold(raw) == self.label:
                return raw
        return self.label


def _group_cell(orig: str, label: str) -> str:
    """The text of a task-table row's cells before the one its label stands in (the 任务类别 of a group column), ""
    when there is none or the label is in no cell of the row."""
    cells = orig.split("\t")
    for k, cell in enumerate(cells):
        if fold(cell.strip()).startswith(label):
            return "".join(c.strip() for c in cells[:k])
    return ""


def _mark_at(it: _Item) -> int | None:
    """Where the item's label is printed as a mark of one character standing for it (㈠ for (一), ⒈ for 1), 0-based
    in its original line, or None."""
    if not it.orig:
        return None
    i = _label_start(it)
    while i < len(it.orig) and it.orig[i] in " \t\u3000":
        i += 1
    mark = marks().get(it.orig[i : i + 1])
    return i if mark is not None and mark[1] == it.label else None


class Numbering(CheckKind):
    name = "numbering"
    description = (
        "调整、删除或照抄条目后，编号常出现跳号（1、2、4）、重号（3、3）、顺序颠倒、同一层级混用“1.”“1、”“1．”，"
        "或某一章编号接续/重新起编与其他章不一致。本检查按层级逐一核对；各章统一重新起编或统一连续编号都不报告。"
        "标点混用依据原文（未经规范化的文本）判断。同一层级既用“㈠”“⒈”等合成编号符号、又键入“（三）”“3.”的，报告合成符号"
        "（改为键入的写法）；㈠…㈩之后接键入的“（十一）”不报告。一项之内的小项（并入该项的（1）（2）…、①②③，"
        "或写在一行里的“（1）…；（2）…”）同样核对跳号、重号和顺序；一项第二段另起的小项可从（1）重新编号。"
    )
    description_en = (
        "Reports gaps (1,2,4), repeats (3,3), out-of-order labels, mixed label punctuation at one level (1. / "
        "1、 / 1．, read from the original text) and a chapter that restarts or continues numbering unlike the "
        "others. Numbering that consistently restarts in every chapter is fine. A level that prints some labels as "
        "marks of one character (㈠, ⒈) and types others ((三), 3.) has its marks reported (㈩ then a typed (十一) "
        "is fine). Sub-points inside an item (its "
        "parts folded into it, (1)(2)… or ①②③, and lists on one line, (1)…；(2)…) are checked for gaps, repeats and "
        "order too; a list under an item's second paragraph may start again at (1)."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {"zh": "编号“{label}”：{problem}", "en": "label '{label}': {problem}"}
    suggestion: ClassVar[dict[str, str]] = {"zh": "{fix}", "en": "{fix}"}

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        lang = "en" if ctx.lang == "en" else "zh"
        items = self._items(ctx)
        by_group: dict[tuple, list[_Item]] = {}
        for it in items:
            by_group.setdefault(it.group, []).append(it)
        for group in by_group.values():
            runs: list[list[_Item]] = []
            for it in group:
                if runs and runs[-1][0].run == it.run:
                    runs[-1].append(it)
                else:
                    runs.append([it])
            if options.sequence:
                yield from self._sequence(runs, lang)
            if options.restarts:
                yield from self._restarts(runs, lang)
            if options.mixed_styles:
                yield from self._mixed(group, lang, full_width_marks(ctx.table("layout")))
            if options.mixed_marks:
                yield from self._marks(group, lang, full_width_marks(ctx.table("layout")))
        if options.subpoints:
            yield from self._subpoints(ctx, set(options.subpoint_styles), lang)

    # ----------------------------------------------------------------- pieces

    @staticmethod
    def _items(ctx: CheckContext) -> list[_Item]:
        plan = ctx.draft
        orig = {p.line: p.orig for p in plan.paragraphs}
        # an attachment (附件 / 附件2：重点任务清单 standing alone) numbers its rows and categories anew
        attached = [p.line for p in plan.paragraphs if _ATTACHMENT_HEAD.fullmatch(p.text.strip())]

        def part(line: int | None) -> int:
            return bisect.bisect_right(attached, line or 0)

        # a task table's group rows (一、安全设施建设 merged across the table) number on their own, inside the table:
        # apart from the body's headings (二、重点任务 before it), counted per body heading the table stands under
        rows = {p.line for p in plan.paragraphs if p.table_row}
        items: list[_Item] = []
        under = 0  # the line of the last body heading
        for s in sorted(plan.sections, key=lambda s: (s.line, s.column or 0)):
            doc = (s.document, part(s.line))
            group, run = (doc, s.style, s.depth, False), (doc, *s.path)
            if s.line in rows:
                group, run = (*group, "table"), (doc, "table", under)
            else:
                under = s.line
            items.append(
                _Item(s.label, s.label, s.ordinal, s.style, s.depth, group, run, s.line, orig.get(s.line, ""), True, s.column or 0)
            )  # fmt: skip
        # a task table's group column (任务类别 merged down over its rows: printed in each row of a .docx or .html
        # table, in the first row only of a PDF's or a text copy's) whose 序号 restarts under each group: each group's
        # rows number on their own, a disorder inside one still reported; a group counting on from the one above
        # stays in its run
        segment, last_group, last_ordinal = 0, "", 0
        for m in ctx.measures():
            # each document a notice issues together has its own numbering (Plan.documents), and so has
            # each attachment
            doc = (m.document, part(m.line))
            run = (doc, m.parent_measure) if m.parent_measure else (doc, *m.path)
            if m.line in rows and not m.parent_measure:
                group_cell = _group_cell(orig.get(m.line, ""), m.label)
                if group_cell and last_group and group_cell != last_group and m.ordinal <= last_ordinal:
                    segment += 1  # numbered anew under the new group (1, 2 | 1, 2), not on from the last (1, 2 | 3)
                last_group, last_ordinal = group_cell or last_group, m.ordinal
                run = (*run, "rows", segment)
            # one numbering per style and depth, whether its items are sections or measures: a 第X条 plan's
            # 总则 and 附则 articles (sections) and its task articles (measures) count on from each other
            group = (doc, m.style, m.depth, m.parent_measure is not None)
            items.append(
                _Item(m.ref, m.label, m.ordinal, m.style, m.depth, group, run, m.line, orig.get(m.line, ""), False, m.column or 0)
            )
        items.sort(key=lambda i: (i.line, i.column))  # a page on one line: its items in the order printed
        return items

    def _hit(
        self, it: _Item, problem: tuple[str, str], fix: tuple[str, str], lang: str, key: str,
        edits: tuple[Edit, ...] = (),
    ) -> Hit:  # fmt: skip
        k = 1 if lang == "en" else 0
        col = _label_column(it)
        return Hit(
            local_item=it.ref,
            quote=None,
            fields={"label": it.printed, "problem": problem[k], "fix": fix[k]},
            suggestion=fix[k],
            key=key,
            line=it.line or None,
            column=col,
            fix=edits if it.line else (),
        )

    def _sequence(self, runs: list[list[_Item]], lang: str) -> Iterator[Hit]:
        for run in runs:
            for prev, it in itertools.pairwise(run):
                if it.ordinal == prev.ordinal:
                    yield self._hit(
                        it,
                        ("与上一条重号", "repeats the previous label"),
                        ("重新编号", "renumber"),
                        lang,
                        "repeat",
                    )
                elif it.ordinal == prev.ordinal + 1:
                    continue
                elif it.ordinal > prev.ordinal + 1:
                    gap = ("跳号，缺少中间的编号", "skips a number")
                    yield self._hit(it, gap, ("补上缺号或重新编号", "renumber"), lang, "gap")
                else:
                    order = ("顺序错乱（比上一条小）", "is smaller than the previous label")
                    yield self._hit(it, order, ("重新编号", "renumber"), lang, "order")

    def _restarts(self, runs: list[list[_Item]], lang: str) -> Iterator[Hit]:
        if len(runs) < 2:
            return
        kinds: list[str | None] = []
        tasks_before = False  # a run before holds measures
        for prev, run in itertools.pairwise(runs):
            first = run[0].ordinal
            tasks_before = tasks_before or not all(i.section for i in prev)
            if first == 1 and all(i.section for i in run) and tasks_before:
                # general requirements numbered apart after the tasks (三、保障措施 （一）… where the tasks ran on
                # from section to section): parse read them as no measures because they start again — also
                # after a work schedule whose stages ran on the tasks' numbering ((五)…(七) 排查摸底阶段…)
                kinds.append("apart")
            elif first == 1 and prev[-1].ordinal != 0:
                kinds.append("restart")
            elif first == prev[-1].ordinal + 1:
                kinds.append("continue")
            else:
                kinds.append(None)
        votes = Counter(k for k in kinds if k and k != "apart")
        mode = votes.most_common(1)[0][0] if votes else None
        tie = len(votes) == 2 and len(set(votes.values())) == 1
        for (_prev, run), kind in zip(itertools.pairwise(runs), kinds, strict=True):
            it = run[0]
            if kind == "apart":
                continue
            if kind is None:
                wrong = (
                    "本章起始编号既不是1也不接续上一章",
                    "starts neither at 1 nor after the previous chapter",
                )
                yield self._hit(it, wrong, ("重新编号", "renumber"), lang, "start")
            elif mode and not tie and kind != mode:
                if mode == "restart":
                    msg = (
                        "其他各章都重新从1编号，本章却接续上一章",
                        "other chapters restart at 1; this one continues",
                    )
                else:
                    msg = (
                        "其他各章连续编号，本章却重新从1编号",
                        "other chapters continue the numbering; this one restarts",
                    )
                yield self._hit(it, msg, ("统一编号方式", "number consistently"), lang, "restart")

    def _mixed(self, group: list[_Item], lang: str, full: dict[str, str]) -> Iterator[Hit]:
        # each label's form as printed: its bracket, a # for its number, its bracket and the mark after it
        forms: dict[str, tuple[str, str]] = {}  # ref -> (form, the label as printed)
        at: dict[str, int] = {}  # ref -> where the printed label starts in its line
        for it in group:
            # a mark of one character (㈠ ⑴ ⒈ ❶: rulesets/data/numbering_marks.yaml) matches no _LABEL: it has no
            # punctuation of its own to differ in, so ㈠…㈩ beside a typed （十一） is one form, not two
            m = _LABEL.match(it.orig, _label_start(it)) if it.orig else None
            if m:
                forms[it.ref] = (m.group(1) + "#" + m.group(3) + m.group(4), m.group(0).strip())
                at[it.ref] = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        counts = Counter(f for f, _ in forms.values())
        if len(counts) < 2:
            return
        # forms told apart by their marks, not by the marks' widths: (#) and （#） are one form, and Chinese
        # text writes it （#）(GB/T 15834, GB/T 9704) whichever width the most labels have
        styled = Counter({_widen(f, full): 0 for f in counts})
        for f, n in counts.items():
            styled[_widen(f, full)] += n
        top = styled.most_common(2)
        major = top[0][0] if len(top) == 1 or top[0][1] != top[1][1] else None
        for it in group:
            if it.ref not in forms:
                continue
            f, printed = forms[it.ref]
            right = _widen(f, full)
            if right != f and right in counts:
                # half-width marks where the level has the full-width form: the level's way, in Chinese widths
                like = next(p for g, p in forms.values() if g == right)
                problem = (
                    f"用了半角符号，同级另有全角写法“{like}”，中文文本应用全角",
                    f"half-width marks, where this level also has the full-width '{like}': Chinese text uses full width",
                )
            elif major is not None and right != major:
                like = next(p for g, p in forms.values() if _widen(g, full) == major)
                problem = (f"与同级多数写法“{like}”不一致", f"differs from the usual form '{like}' at this level")
                right = major
            else:
                continue
            # the label's own number in the right form: a style fix never renumbers
            shown = right.replace("#", _LABEL.match(printed).group(2), 1)  # type: ignore[union-attr]
            # spelled out: (一) and （一）, 1. and 1． differ by a width a report's font may hardly show
            fix = (f"改为“{shown}”（{_spelled(shown, 0)}）", f"write '{shown}' ({_spelled(shown, 1)})")
            yield self._hit(it, problem, fix, lang, "style", _restyled(printed, shown, at[it.ref], it.line))

    def _marks(self, group: list[_Item], lang: str, full: dict[str, str]) -> Iterator[Hit]:
        """A level writing its labels both as marks of one character and typed out (the module's docstring)."""
        known = marks()
        # by the item itself: a level's sections under two chapters share their refs ((一) of 二 and of 三)
        printed: dict[int, str] = {}  # id of the item -> the mark it is printed as
        typed: list[tuple[_Item, str, str]] = []  # (item, its label's form: （#）, #., the label as printed)
        for it in group:
            if not it.orig:
                continue
            i = _label_start(it)
            while i < len(it.orig) and it.orig[i] in " \t\u3000":
                i += 1
            if it.orig[i : i + 1] in known:
                printed[id(it)] = it.orig[i]
                continue
            m = _LABEL.match(it.orig, i)
            if m and m.group(2):
                form = m.group(1) + "#" + m.group(3) + m.group(4)
                typed.append((it, _widen(form, full), m.group(0).strip()))
        if not printed or not typed:
            return
        # the typed labels a mark of the level's classes could have written (（三） beside ㈡; not （十一） after ㈩)
        markable = [(f, p) for it, f, p in typed if any(mark_for(mk, it.ordinal) for mk in printed.values())]
        if not markable:
            return
        form = Counter(f for f, _ in markable).most_common(1)[0][0]
        like = next(p for f, p in markable if f == form)
        for it in group:
            mk = printed.get(id(it))
            if mk is None:
                continue
            number = chinese_numeral(it.ordinal) if re.search(r"[一二三四五六七八九十]", like) else str(it.ordinal)
            shown = form.replace("#", number, 1)
            # the message quotes the mark as printed (the label); a font may draw ⒈ as 1. and ㈠ as （一）, so it
            # names the mark's kind and spells the typed label out, character by character
            zh, en = mark_names().get(mk, ("", ""))
            problem = (
                f"是占一个字符的合成编号符号{f'（{zh}）' if zh else ''}，同级另有键入的“{like}”，同一层级应统一写法",
                f"is a numbering mark of one character{f' ({en})' if en else ''} where this level also types "
                f"'{like}': write one level one way",
            )
            fix = (
                f"改为键入的“{shown}”（{_spelled(shown, 0, count=True)}）",
                f"type '{shown}' ({_spelled(shown, 1, count=True)})",
            )
            yield self._hit(it, problem, fix, lang, "marks")

    # ------------------------------------------------------------- sub-points

    def _subpoints(self, ctx: CheckContext, styles: set[str], lang: str) -> Iterator[Hit]:
        plan = ctx.draft
        paras = {p.index: p for p in plan.paragraphs}
        depth: dict[tuple[int, str], int] = {}  # (document, style) -> the shallowest depth it numbers
        for x in [*plan.sections, *plan.measures]:
            key = (x.document, x.style)
            depth[key] = min(depth.get(key, x.depth), x.depth)
        for m in plan.measures:
            subs, opened, colon = _sub_labels(m, paras, styles, depth)
            yield from self._sub_sequence(m, subs, opened, colon, lang)

    def _sub_sequence(
        self, m: Measure, subs: list[_Sub], opened: list[str], colon: list[bool], lang: str
    ) -> Iterator[Hit]:
        last: dict[str, _Sub] = {}  # the last label of each style in the current list
        for sub in subs:
            prev = last.get(sub.style)
            if prev is None or (sub.ordinal == 1 and not _right_after(sub, prev, opened, colon)):
                # a list's first label; a 1 not right after the last label starts a new list (under an item's
                # second paragraph, after an intro). Inside a paragraph a list starts at its 1 only: a stray
                # （3） after a stop is none; a paragraph the plan opens with （2） is a part all the same.
                if sub.ordinal == 1 or sub.opens:
                    last[sub.style] = sub
                continue
            last[sub.style] = sub
            want = prev.ordinal + 1
            if sub.ordinal == want:
                continue
            exp = _relabel(sub, want)
            if sub.ordinal == prev.ordinal:
                problem, key = ("与上一小项重号", "repeats the previous sub-point"), "subpoint-repeat"
                fix = (f"改为“{exp}”", f"write '{exp}'")
            elif sub.ordinal > want:
                problem, key = ("小项跳号，缺少中间的编号", "skips a sub-point number"), "subpoint-gap"
                fix = (f"补上“{exp}”或将本项改为“{exp}”", f"add '{exp}' or renumber this one '{exp}'")
            else:
                problem, key = ("小项顺序错乱（比上一小项小）", "is smaller than the previous sub-point"), "subpoint-order"
                fix = (f"改为“{exp}”", f"write '{exp}'")
            k = 1 if lang == "en" else 0
            yield Hit(
                local_item=m.ref,
                fields={"label": sub.printed, "problem": problem[k], "fix": fix[k]},
                suggestion=fix[k],
                key=key,
                line=sub.line or None,
                column=sub.column,
            )


def _restyled(printed: str, shown: str, start: int, line: int) -> tuple[Edit, ...]:
    """The edits that write the label `printed` (at `start` of its line) as `shown`: character by character where
    they are as long (（二） for (二): the two brackets, as the format check writes the same remedy, so that one slip
    is one finding — engine.findings.finalize), else the whole label."""
    if len(printed) != len(shown):
        return (Edit(start, start + len(printed), shown, "orig", line),)
    return tuple(Edit(start + i, start + i + 1, b, "orig", line) for i, (a, b) in enumerate(zip(printed, shown, strict=True)) if a != b)


def _label_start(it: _Item) -> int:
    """Where the item's label starts in its original line (0-based): at its column (a page on one line holds
    many items), past the spaces before it."""
    i = max(it.column - 1, 0) if it.column else 0
    return i if i < len(it.orig) else 0


_CN_NUMERALS = CN_NUMERALS + "两"  # 两 is 2 where a label writes it
_SPELL_RUNS = re.compile(f"[0-9]+|[{_CN_NUMERALS}]+|.")


def _spelled(label: str, k: int, count: bool = False) -> str:
    """A typed label character by character, in the language `k` (0 zh, 1 en), as rulesets/data/numbering_marks.yaml
    `spelled` names them: （一） -> 全角左括号＋汉字“一”＋全角右括号; with `count`, how many characters it takes."""
    words = spelling()
    names = words.get("marks") or {}
    parts: list[str] = []
    for run in _SPELL_RUNS.findall(label):
        kind = "digits" if "0" <= run[0] <= "9" else "numerals" if run[0] in _CN_NUMERALS else ""
        if kind and kind in words:
            parts.append(words[kind][k].replace("{chars}", run))  # type: ignore[index]
        elif run in names:
            parts.append(names[run][k])  # type: ignore[index]
        else:
            parts.append(f"“{run}”" if k == 0 else f"'{run}'")
    joiner = words.get("joiner", ("＋", " + "))[k]  # type: ignore[index]
    out = joiner.join(parts)
    if count and "count" in words:
        out += ("，" if k == 0 else ": ") + words["count"][k].replace("{n}", str(len(label)))  # type: ignore[index]
    return out


def _widen(form: str, full: dict[str, str]) -> str:
    """A label's form (（#）, (#)、, #.) with its marks in the widths Chinese text writes them."""
    return "".join(full.get(ch, ch) for ch in form)


def _sub_labels(
    m: Measure, paras: dict[int, Paragraph], styles: set[str], depth: dict[tuple[int, str], int]
) -> tuple[list[_Sub], list[str], list[bool]]:
    """The sub-point labels in an item's own paragraphs, in order; for each paragraph, the style of the
    label opening it ("" for none) and whether it ends with a colon (it introduces a list of its own)."""
    subs: list[_Sub] = []
    opened: list[str] = []
    colon: list[bool] = []
    for pos, idx in enumerate(m.paragraphs):
        p = paras.get(idx)
        if p is None:
            opened.append("")
            colon.append(False)
            continue
        text = p.text
        start = 0
        if pos == 0:  # the item's own label is not one of its sub-points
            head = marker_at_start(text)
            start = head.end if head is not None else 0
        quoted = _quoted(text)
        first = ""
        for mk in markers_in(text):
            if mk.start < start or mk.style not in styles or quoted[mk.start]:
                continue
            if depth.get((m.document, mk.style), 1 << 30) <= m.depth:
                continue  # the item's own numbering or a section's: a reference, never its sub-point
            j = mk.start - 1
            while j >= start and text[j] in " \t\u3000":
                j -= 1
            opens = j < start
            if not opens and text[j] not in _SUB_STOPS:
                continue  # inside a sentence: 第（3）项, 按照（二）的要求
            if opens and pos > 0:
                first = mk.style
            subs.append(
                _Sub(
                    mk.label, _printed(p, mk), mk.ordinal, mk.style, pos, opens and pos > 0,
                    "" if opens else text[j], p.line, p.column(mk.start),
                )
            )  # fmt: skip
        opened.append(first)
        colon.append(text.rstrip()[-1:] in "：:")
    return subs, opened, colon


def _right_after(sub: _Sub, prev: _Sub, opened: list[str], colon: list[bool]) -> bool:
    """`sub` follows `prev` with nothing between that could open a new list: it opens the paragraph right
    after one a label of its style opens (and that introduces nothing), or follows a list separator in
    `prev`'s paragraph."""
    if sub.opens:
        return sub.para > 0 and opened[sub.para - 1] == sub.style and not colon[sub.para - 1]
    return sub.para == prev.para and bool(sub.after) and sub.after in _SUB_SEPARATORS


def _quoted(text: str) -> bytearray:
    """1 inside quotation and title marks (“…”, 《…》): a numbering there is quoted, not the item's."""
    mask = bytearray(len(text))
    i = 0
    while i < len(text):
        close = _QUOTES.get(text[i])
        if close is None:
            i += 1
            continue
        end = text.find(close, i + 1, i + 1 + _QUOTE_MAX)
        if end < 0:
            i += 1
            continue
        mask[i : end + 1] = b"\x01" * (end + 1 - i)
        i = end + 1
    return mask


def _printed(p: Paragraph, mk: Marker) -> str:
    """The label as the original text writes it (（4）, 4．, ④)."""
    end = mk.end
    while end > mk.start and p.text[end - 1] in " \t":
        end -= 1
    return (p.orig_span(mk.start, end) if p.orig else p.text[mk.start : end]).strip() or mk.label


def _relabel(sub: _Sub, n: int) -> str:
    """`sub`'s printed label with the number `n` in its place: （4） -> （3）, ④ -> ③, (四) -> (三), ㈣ -> ㈢ (a mark of
    one character, rulesets/data/numbering_marks.yaml: the mark of its class for `n`, or the form it stands for where
    the class has none)."""
    printed = sub.printed
    if printed in marks():
        mark = mark_for(printed, n)
        if mark is not None:
            return mark
        printed = sub.label  # past the class's last mark (⒇ then 21): the form it stands for, (21)
    if sub.style == "circled":
        return str(n)
    if sub.style == "cn_paren":
        return re.sub(r"[一二三四五六七八九十百千万零〇两]+", chinese_numeral(n), printed, count=1)
    return re.sub(r"[0-9０-９]+", str(n), printed, count=1)


KIND = Numbering
