"""numbering: gaps, repeats, out-of-order labels, mixed label styles, wrong restarts.

Measures and sections are numbered by level; moving, deleting or copying a measure leaves 1,2,4 or
3,3, and copying from two sources mixes 1. / 1、 / 1． at one level. Checked per numbering level
(style and depth; sub-items per enclosing measure):

- within a run (siblings under the same heading / measure): each label follows the previous one;
- between runs: a document either restarts numbering in every chapter or continues it; the way most
  chapters do it is right, and a chapter that does the other is reported. Decision: numbering that
  restarts in every chapter (or continues through every chapter) is never reported;
- the punctuation after the label, read from the original text (Paragraph.orig): the majority form
  at a level is right, the others are reported.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from pydantic import Field

from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions

_LABEL = re.compile(
    r"^\s*([(（]?)\s*([0-9０-９一二三四五六七八九十百零〇①-⑳]+)\s*([)）]?)\s*([、．.，,:：]?)"
)


class Options(KindOptions):
    sequence: bool = Field(True, description="report gaps, repeats and out-of-order labels")
    restarts: bool = Field(
        True, description="report a chapter that restarts (or continues) numbering unlike the others"
    )
    mixed_styles: bool = Field(
        True, description="report label punctuation that differs from the majority at its level"
    )


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


class Numbering(CheckKind):
    name = "numbering"
    description = (
        "调整、删除或照抄条目后，编号常出现跳号（1、2、4）、重号（3、3）、顺序颠倒、同一层级混用“1.”“1、”“1．”，"
        "或某一章编号接续/重新起编与其他章不一致。本检查按层级逐一核对；各章统一重新起编或统一连续编号都不报告。"
        "标点混用依据原文（未经规范化的文本）判断。"
    )
    description_en = (
        "Reports gaps (1,2,4), repeats (3,3), out-of-order labels, mixed label punctuation at one level (1. / "
        "1、 / 1．, read from the original text) and a chapter that restarts or continues numbering unlike the "
        "others. Numbering that consistently restarts in every chapter is fine."
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
                yield from self._mixed(group, lang)

    # ----------------------------------------------------------------- pieces

    @staticmethod
    def _items(ctx: CheckContext) -> list[_Item]:
        plan = ctx.draft
        orig = {p.line: p.orig for p in plan.paragraphs}
        items: list[_Item] = []
        for s in plan.sections:
            items.append(
                _Item(s.label, s.label, s.ordinal, s.style, s.depth, (s.document, s.style, s.depth, False), (s.document, *s.path), s.line, orig.get(s.line, ""), True, s.column or 0)
            )  # fmt: skip
        for m in ctx.measures():
            # each document a notice issues together has its own numbering (Plan.documents)
            run = (m.document, m.parent_measure) if m.parent_measure else (m.document, *m.path)
            # one numbering per style and depth, whether its items are sections or measures: a 第X条 plan's
            # 总则 and 附则 articles (sections) and its task articles (measures) count on from each other
            group = (m.document, m.style, m.depth, m.parent_measure is not None)
            items.append(
                _Item(m.ref, m.label, m.ordinal, m.style, m.depth, group, run, m.line, orig.get(m.line, ""), False, m.column or 0)
            )
        items.sort(key=lambda i: (i.line, i.column))  # a page on one line: its items in the order printed
        return items

    def _hit(self, it: _Item, problem: tuple[str, str], fix: tuple[str, str], lang: str, key: str) -> Hit:
        k = 1 if lang == "en" else 0
        col = None
        if it.orig:
            m = _LABEL.match(it.orig)
            col = (m.start(2) + 1) if m else 1
        return Hit(
            local_item=it.ref,
            quote=None,
            fields={"label": it.label, "problem": problem[k], "fix": fix[k]},
            suggestion=fix[k],
            key=key,
            line=it.line or None,
            column=col,
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
        for prev, run in itertools.pairwise(runs):
            first = run[0].ordinal
            if first == 1 and all(i.section for i in run) and not all(i.section for i in prev):
                # general requirements numbered apart after the tasks (三、保障措施 （一）… where the tasks ran on
                # from section to section): parse read them as no measures because they start again
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

    def _mixed(self, group: list[_Item], lang: str) -> Iterator[Hit]:
        forms: dict[str, str] = {}
        for it in group:
            m = _LABEL.match(it.orig) if it.orig else None
            if m:
                forms[it.ref] = m.group(1) + "#" + m.group(3) + m.group(4)
        counts = Counter(forms.values())
        if len(counts) < 2:
            return
        major, n = counts.most_common(1)[0]
        if n == list(counts.values()).count(n) and len(counts) > 1 and counts.most_common(2)[1][1] == n:
            return  # no majority: nothing to call right
        for it in group:
            f = forms.get(it.ref)
            if f and f != major:
                shown = major.replace("#", "1" if it.style.startswith("arabic") else "一")
                yield self._hit(
                    it,
                    (
                        f"与同级多数写法“{shown}”不一致",
                        f"differs from the usual form '{shown}' at this level",
                    ),
                    (f"统一为“{shown}”", f"write '{shown}'"),
                    lang,
                    "style",
                )


KIND = Numbering
