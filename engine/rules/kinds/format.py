"""format: reader-visible layout and typography slips, read from the original text.

- responsibility brackets: the majority style across the document (（）, (), ［］, []) is right;
  a clause in another style is reported.
- responsibility clause detached from its measure (its own paragraph) where most are not, or broken
  over two paragraphs (a paragraph that starts with 、，；: the rest of the previous one). A clause on
  its own line after the measure's numbered sub-points（1）（2）（3） answers for the whole measure:
  that is where it must stand, not a slip.
- stray spaces inside numbers, dates and words (`2022 年`, `法治 政府`, `行政执法 APP 掌上执法`) —
  the normalised text drops them, so this reads Paragraph.orig. Layout is not reported: indentation,
  the space after a label (第一章　总则, 专栏1　…: rulesets/data/layout.yaml `caption_labels`), the
  alignment of a membership list (组　长：王　勇　镇党委书记: `roster_roles`) and the space between two
  labelled fields of one line (责任单位：…　　完成时限：…). Nor the spacing of quoted wording: a sign's or a slogan's
  words quoted as they are written (施划“消防车通道　严禁占用”警示字样) keep their spaces; a number split from its
  unit inside quotes (“2022 年”) is still a slip.
- one symbol in two widths within the document (+ and ＋, ( and （, : and ：, ; and ；, , and ，,
  % and ％). The marks Chinese text writes in full width (rulesets/data/layout.yaml `full_width_in_chinese`:
  （ ） ： ； ，, GB/T 15834—2011) are reported where they stand half-width in Chinese text, however many
  they are: a finding never proposes the half-width form. A mark among ASCII letters and digits (http://,
  9:00) is no Chinese text and is left alone. The others (+, %) go by the document: the minority form is
  reported, when it is at most `max_minority` of the uses. A responsibility clause in half-width brackets
  where others are in full-width ones is reported the same way.
- cited document titles: a year range written differently from how the document writes its own
  title (the parent's title, when the parent is known), from the draft's other citations of the same
  document, or with a hyphen where official titles use the dash `year_range_dash` (2021—2025).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.extract.sentences import closer_of
from engine.fix.edits import restyle
from engine.ingest.normalise import closes_reference, same_length_light
from engine.ingest.numbering import CN_NUMERALS
from engine.models import Measure, Paragraph, Plan, Section
from engine.parse.numbering import label_end, marker_at_start
from engine.roles import roles as role_words
from engine.rules import textunits as tu
from engine.rules.kinds.base import CheckContext, CheckKind, Edit, Hit, KindOptions

_HAN = "\u4e00-\u9fff"
_HAN_CHAR = re.compile(f"[{_HAN}]")
_TAB_STOPS = re.compile(r"\S\t+(?=\S)")  # a tab between two cells of a typed table row
_SPACE = re.compile(
    rf"(?<=[0-9０-９])[ \u3000]+(?=[年月日号%％个项])"
    rf"|(?<=[{_HAN}])[ \u3000]+(?=[{_HAN}A-Za-z0-9])"
    rf"|(?<=[A-Za-z0-9])[ \u3000]+(?=[{_HAN}])"
)
# joint issuers are written with a space between them: 中共中央办公厅 国务院办公厅印发… (the bodies that issue jointly
# by name; a narrower list than the endings of a signature below, as a name must follow within a few characters)
_JOINT = "中共中央|国务院|人民政府|政府|办公厅|办公室|委员会|党委"
_ORG_END = re.compile(rf"(?:{_JOINT})$")
_ORG_NEXT = re.compile(rf"^[{_HAN}]{{0,10}}?(?:{_JOINT})")
# a signature: the signing body, then its date standing alone (北京市西城区人民政府什刹海街道办事处 2025年5月8日), set
# apart by spaces or, on a page delivered on one line, by what was the line break. The body's name ends as an
# issuer's does: rulesets/data/units.yaml `issuer_suffixes` (`_signer_end`). The 版记's last line is set the same way,
# the office that prints and the date it printed (新乡市人民政府办公室　　　　2026年3月13日印发, GB/T 9704 7.3.5.3)
_SIGNED_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:印发)?(?=\s|$|[【\[])")
_FAMILIES = (("+", "＋"), ("(", "（"), (")", "）"), (":", "："), (";", "；"), (",", "，"), ("%", "％"))
_WIDTH_CHARS = re.compile("[" + "".join(re.escape(ch) for pair in _FAMILIES for ch in pair) + "]")
# a numbered heading's words up to the space that ended its line (no sentence punctuation inside)
# wording quoted as it is written (a sign, a slogan, a name): “…”, ‘…’, 「…」, 『…』 within one line
_QUOTED = re.compile(r"“[^“”\n]{1,80}”|‘[^‘’\n]{1,80}’|「[^「」\n]{1,80}」|『[^『』\n]{1,80}』")
_HEADING_RUN = re.compile(r"[^。；;，,：:！？!?\s]{1,20}[ \u3000]+")
# a labelled field (责任单位：, 完成時限：): what follows a space that separates two fields of one line
_FIELD_LABEL = re.compile(rf"[{_HAN}]{{2,6}}[ \u3000]*[:：]")
_SENTENCE_END = re.compile("[。；;！？!?]")
# a sub-point that opens a paragraph in the prose form 一是… / 二是…
_IS_POINT = re.compile("[一二三四五六七八九十]{1,2}是")
# a numbering label's number inside a bracket pair: (一), (12), (１)
_LABEL_NUMBER = re.compile(f"[{CN_NUMERALS}]{{1,4}}|[0-9０-９]{{1,3}}")
_PAIR_SHOWN = 12  # characters of a bracket pair a message shows; a longer one is cut, “(专卖监督管理司牵…)”
_YEAR_RANGE = re.compile(r"(\d{4})\s*([-－—–~～])\s*(\d{4})(年?[)）]?)\s*[》〉]")
_DASHES = "-－—–~～"


class Options(KindOptions):
    brackets: bool = Field(
        True, description="report responsibility brackets that differ from the majority style"
    )
    detached: bool = Field(
        True, description="report a responsibility clause detached from, or broken off, its measure"
    )
    spaces: bool = Field(True, description="report stray spaces inside numbers, dates and words")
    widths: bool = Field(
        True, description="report a symbol written in both half and full width in the document"
    )
    max_minority: float = Field(
        0.34,
        gt=0,
        lt=0.5,
        description="the minority width is reported only up to this share (not for the marks Chinese text "
        "writes in full width: their half-width form is reported whatever its share)",
    )
    citations: bool = Field(
        True, description="report cited titles whose year range differs from the document's own"
    )
    year_range_dash: str = Field(
        "—", description="the dash official titles use in year ranges (2021—2025); empty: off"
    )


class Format(CheckKind):
    name = "format"
    description = (
        "排版和符号的疏漏读者一眼就能看到：责任分工的括号样式不统一（（）、()、［］混用），责任分工与措施"
        "脱节或断成两段，数字、日期、词语中多出空格（“2022 年”“法治 政府”），同一符号全角半角混用"
        "（“+”与“＋”），引用文件名时年份连接号与该文件原题不一致（原题“2021—2025年”写成“2021-2025年”）。"
        "空格与全半角依据原文判断；多数写法视为正确，但中文文本中的括号、冒号、分号、逗号按《标点符号用法》（GB/T 15834—2011）"
        "用全角：两种宽度混用时报告半角的，不建议改成半角（网址、时间等英文数字之间的不算）。排版用的空格不报告：领导小组名单的对齐（组　长：王　勇　镇党委书记）、"
        "同一行两个字段之间（责任单位：…　　完成时限：…）、专栏和表题号后（专栏1　…、专栏　…，rulesets/data/layout.yaml）；"
        "带分项的措施，责任分工列在最后一个分项之后单独成行，管的是整项，不算脱节。"
    )
    description_en = (
        "Reader-visible layout slips: responsibility brackets in mixed styles, a responsibility clause detached "
        "from or broken off its measure, stray spaces in numbers, dates and words, one symbol in both widths, "
        "and a cited title whose year range differs from the document's own title (2021-2025 for 2021—2025). "
        "Read from the original text; the majority form is taken as right, except that Chinese text writes "
        "brackets, colons, semicolons and commas in full width (GB/T 15834—2011): where both widths are used the "
        "half-width ones are reported, never the other way round (marks among ASCII letters and digits aside). Spaces that are layout are not "
        "reported: a membership list's alignment (组　长：王　勇　镇党委书记), two labelled fields of one line "
        "(责任单位：…　　完成时限：…), a box or table caption's number or word (专栏1　…, 专栏　…; rulesets/data/layout.yaml). "
        "A clause "
        "on its own line after a measure's sub-points answers for the whole measure: not detached."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {"zh": "{problem}", "en": "{problem}"}
    suggestion: ClassVar[dict[str, str]] = {"zh": "{fix}", "en": "{fix}"}

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        # the language is picked here, per run: a kind instance is shared by every check in the process
        # (concurrent ones too), so it keeps no state of a run
        lang = 1 if ctx.lang == "en" else 0
        for hit in self._hits(ctx, options):
            problem, fix = hit.fields.pop("problem"), hit.fields.pop("fix")
            hit.fields.update(problem=problem[lang], fix=fix[lang])
            hit.suggestion = fix[lang]
            yield hit

    def _hits(self, ctx: CheckContext, options: Options) -> Iterator[Hit]:
        plan = ctx.draft
        owner = _owners(ctx)
        covered: set[tuple[int, int]] = set()  # (line, offset) of the brackets a clause's finding fixes
        if options.brackets:
            for hit in self._brackets(ctx, plan):
                covered.update((e.line, e.start) for e in hit.fix if e.frame == "orig")
                yield hit
        if options.detached:
            yield from self._detached(ctx, plan, owner)
        if options.spaces:
            yield from self._spaces(ctx, plan, owner)
        if options.widths:
            yield from self._widths(ctx, plan, owner, options, covered)
        if options.citations:
            yield from self._citations(ctx, plan, owner, options)

    # ----------------------------------------------------------------- helpers

    def _hit(
        self, ref, p: Paragraph | None, start: int, end: int, problem, fix, key: str, quote=None,
        edits: tuple[Edit, ...] = (),
    ) -> Hit:
        """A hit at normalised span [start, end) of paragraph p (line/column from the source map); its
        problem and fix are (zh, en) pairs until `run` picks the run's language."""
        q = quote if quote is not None else (p.text[start:end] if p else None)
        return Hit(
            local_item=ref,
            quote=q or None,
            fields={"problem": problem, "fix": fix},  # type: ignore[dict-item]
            key=key,
            line=p.line if p else None,
            column=p.column(start) if p else None,
            fix=edits,
        )

    def _brackets(self, ctx: CheckContext, plan: Plan) -> Iterator[Hit]:
        full = ctx.remember(("format.full",), lambda: tu.full_width_marks(ctx.table("layout")))
        by_line = {p.line: p for p in plan.paragraphs}
        styles: dict[str, tuple[str, Paragraph | None, int]] = {}
        for m in ctx.measures():
            r = m.responsibility
            if not r or not r.bracket:
                continue
            p = by_line.get(r.line)
            ch = ""
            if p is not None and r.column:
                ch = p.orig[r.column - 1 : r.column] if r.column - 1 < len(p.orig) else ""
            if ch not in "（(［[【〔" or not ch:
                ch = r.bracket[:1]
            off = p.text.find(r.text[:6]) if p is not None else -1
            styles[m.ref] = (ch, p, max(off, 0))
        counts = Counter(s for s, _, _ in styles.values())
        if len(counts) < 2:
            return
        # the styles as Chinese text writes them: ( and （ are one style, and （ is its right form
        styled = Counter({full.get(ch, ch): 0 for ch in counts})
        for ch, n in counts.items():
            styled[full.get(ch, ch)] += n
        top = styled.most_common(2)
        major = top[0][0] if len(top) == 1 or top[0][1] != top[1][1] else None
        # the majority as the document writes it, for the message
        written = max((ch for ch in counts if full.get(ch, ch) == major), key=counts.__getitem__, default="")
        pair = {"（": "（）", "(": "()", "［": "［］", "[": "[]", "【": "【】", "〔": "〔〕"}
        for ref, (ch, p, off) in styles.items():
            m = ctx.measure(ref)
            r = m.responsibility if m else None
            quote = r.text if r else None
            want = full.get(ch, ch)
            if want != ch and want in counts and _HAN_CHAR.search(quote or ""):
                # a half-width bracket where the document writes it in full width too (GB/T 15834)
                problem = (
                    f"责任分工用了半角括号“{pair.get(ch, ch)}”，其他责任分工用全角“{pair.get(want, want)}”，中文文本应用全角",
                    f"responsibility clause in half-width '{pair.get(ch, ch)}'; Chinese text uses the full-width '{pair.get(want, want)}', as other clauses do",
                )
            elif major is not None and want != major:
                want = major
                problem = (
                    f"责任分工用了“{pair.get(ch, ch)}”，全文多数用“{pair.get(written, written)}”",
                    f"responsibility clause in '{pair.get(ch, ch)}'; the document uses '{pair.get(written, written)}'",
                )
            else:
                continue
            edits = _bracket_edits(p, r.column if r else 0, pair.get(ch, ""), pair.get(want, ""))
            yield self._hit(
                ref, p, off, off + 1, problem,
                (f"统一为“{pair.get(want, want)}”", f"use '{pair.get(want, want)}'"),
                "bracket", quote, edits,
            )  # fmt: skip

    def _detached(self, ctx: CheckContext, plan: Plan, owner: dict[int, str | None]) -> Iterator[Hit]:
        by_line = {p.line: p for p in plan.paragraphs}
        # a clause after the measure's sub-points stands on its own line by necessity (it answers for them
        # all): no slip, and no sign of how the document places its clauses either; nor is a measure read as a
        # row (a task table's, or a record of field lines: engine/ingest/field_records.py), whose clause is a cell
        measures = [
            m
            for m in ctx.measures()
            if m.responsibility
            and m.responsibility.source == "clause"
            and not (m.responsibility.detached and _after_points(m, plan, by_line))
            # a labelled field line under the measure ("责任单位：X（牵头），Y", "牵头单位：X　配合单位：Y"): a layout of
            # its own that a plan may use beside bracket clauses, not a bracket clause broken off its text
            and not (m.responsibility.detached and _field_line(by_line.get(m.responsibility.line)))
            and not getattr(by_line.get(m.responsibility.line), "table_row", False)
        ]
        n_det = sum(1 for m in measures if m.responsibility.detached)  # type: ignore[union-attr]
        reported: set[str] = set()
        if measures and n_det * 2 < len(measures):
            for m in measures:
                r = m.responsibility
                if r and r.detached:
                    reported.add(m.ref)
                    p = by_line.get(r.line)
                    off = p.text.find(r.text[:6]) if p else 0
                    yield self._hit(
                        m.ref, p, max(off, 0), max(off, 0) + len(r.text),
                        ("责任分工与措施正文分离，单独成段", "the responsibility clause stands apart from its measure"),
                        ("接在措施正文末尾", "append it to the measure's text"),
                        "detached", r.text,
                    )  # fmt: skip
        for p in plan.paragraphs:
            t = p.text.lstrip()
            if t[:1] in "、，,；;：:）)" and p.index in owner and owner[p.index] not in reported:
                ref = owner[p.index]
                if ref is None:
                    continue
                reported.add(ref)
                yield self._hit(
                    ref, p, 0, len(p.text),
                    ("段落以“" + t[0] + "”开头，是上一段断开的后半截", "the paragraph continues the previous one: it was broken"),
                    ("与上一段合并", "join it to the previous paragraph"),
                    "broken",
                )  # fmt: skip

    def _spaces(self, ctx: CheckContext, plan: Plan, owner: dict[int, str | None]) -> Iterator[Hit]:
        caption, roster = ctx.remember(
            ("format.layout",), lambda: _layout(ctx.table("layout"), ctx.table("minutes"))
        )
        spaced = ctx.remember(("format.spaced",), lambda: _spaced_heading(ctx.table("layout")))
        signer_end = ctx.remember(("format.signer",), lambda: _signer_end(ctx.table("units")))
        person = ctx.remember(("format.person",), _person_field)
        in_roster = False  # the paragraph before was a line of a membership list
        headings = {x.line: x.label for x in [*plan.measures, *plan.sections] if x.label and x.line}
        for p in plan.paragraphs:
            # a membership list's lines are aligned by spaces: its role lines, and the lines under a
            # role naming more of its members (no label, no sentence: 王建平    镇党委副书记、镇长)
            in_roster = bool(roster.match(p.text)) or (in_roster and _roster_more(p.text))
            if p.index not in owner or p.table_row or in_roster:  # a table's cells are apart by design
                continue
            orig, off = _own(p)
            if " " not in orig and "\u3000" not in orig:
                continue  # _SPACE needs one (its lookbehinds keep the regex from skipping ahead)
            if len(_TAB_STOPS.findall(orig.strip())) >= 2:
                continue  # 序号→指　标→2025年: a table typed with tab stops, its cells (and 指　标) set out by design
            lead = len(orig) - len(orig.lstrip())
            # a label and the space after it: 1. / （一） / 第一章 第三条 / 2.1 / 2 重点任务 / 任务1 (chapters, articles
            # and decimal labels are set off by a space as the norm for such texts, GB/T 1.1): the parser's markers
            # 第一節　指導思想: a label in traditional characters is read as the simplified one (same offsets)
            label = label_end(orig) if orig.isascii() else label_end(same_length_light(orig))
            if label is None:  # the label the parser read by its run (工程二　处理…: 处 alone reads as a count)
                label = _heading_label_end(orig, lead, headings.get(p.line))
            skip_to = max(label if label is not None else lead, _caption_end(p, off, orig, caption))
            if label is not None and _spaced_name(orig, label, spaced):
                continue  # 第一章　总　则: a chapter's short name spaced out is its typesetting
            if label is not None and len(orig) < len(p.orig):
                # a page delivered on one line: its line breaks became spaces, so the space after a heading
                # (四、工作要求 各单位要…) is where the heading's line ended, not a slip
                heading = _HEADING_RUN.match(orig, label)
                if heading:
                    skip_to = max(skip_to, heading.end())
            persons = _person_values(orig, person)  # 分管领导：副县长 王振东: a field's title and name
            # 责任单位：A　B　C / （A牵头　B配合） / 责任主体　主责：A　协同：B: a space the text reads as the 、 between two
            # units, the ，between two parts of a clause or the ；between two fields (engine/ingest/unit_spaces.py)
            listed = {c - off for ch, c in zip(p.text, p.cols, strict=False) if ch in "、，；" and p.orig[c - 1] in " \u3000"}
            # quoted wording keeps its spaces between words (“消防车通道　严禁占用”); a number and its unit do not part
            quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(orig)]
            # a page delivered on one line: a run of short pieces one space apart is its lines or a table's cells
            # joined by the scrape (附件 X 序号 单位 姓名 职务 联系电话 1 县自然资源局 赵明 …), no space of the author's
            joined = [(c.start(), c.end()) for c in _CELL_RUN.finditer(orig)] if len(orig) < len(p.orig) else []
            runs = [
                m
                for m in _SPACE.finditer(orig)
                if m.start() >= skip_to
                and m.end() < len(orig.rstrip())
                and not (_ORG_END.search(orig, 0, m.start()) and _ORG_NEXT.match(orig[m.end() :]))
                and not (signer_end.search(orig, 0, m.start()) and _SIGNED_DATE.match(orig, m.end()))
                and not _between_fields(orig, m)
                and not any(a <= m.start() and m.end() <= b for a, b in persons)
                and not any(m.start() < c <= m.end() for c in listed)
                and not any(a < m.start() and m.end() < b for a, b in joined)
                and not (
                    any(a < m.start() and m.end() < b for a, b in quoted) and not orig[m.start() - 1].isdigit()
                )
            ]
            groups: list[list[re.Match[str]]] = []
            for m in runs:
                if groups and m.start() - groups[-1][-1].end() <= 6:
                    groups[-1].append(m)
                else:
                    groups.append([m])
            for g in groups:
                a, b = max(g[0].start() - 4, 0), min(g[-1].end() + 4, len(orig))
                s, e = _norm_span(p, off + a + 1, off + b)
                edits = tuple(Edit(off + m.start(), off + m.end(), "", "orig", p.line) for m in g)
                yield self._hit(
                    owner[p.index], p, s, e,
                    (f"“{orig[a:b].strip()}”中有多余空格", f"stray space in '{orig[a:b].strip()}'"),
                    ("删去空格", "remove the space"),
                    f"space:{orig[a:b].strip()}",
                    edits=edits,
                )  # fmt: skip

    def _widths(
        self, ctx: CheckContext, plan: Plan, owner: dict[int, str | None], options: Options,
        covered: set[tuple[int, int]],
    ) -> Iterator[Hit]:
        chinese = ctx.remember(("format.full",), lambda: tu.full_width_marks(ctx.table("layout")))
        first_body = _first_body(plan)
        paras = [p for p in plan.paragraphs if p.index in owner or p.index < first_body]
        # one pass over the text for all families (a regex finds the few width characters)
        counts: Counter[str] = Counter()
        where: dict[str, list[tuple[Paragraph, int]]] = {ch: [] for pair in _FAMILIES for ch in pair}
        for p in paras:
            own, off = _own(p)
            in_text: set[int] | None = None  # the half-width marks of `chinese` standing in Chinese text
            for mt in _WIDTH_CHARS.finditer(own):
                i = mt.start()
                ch = own[i]
                # 1,500 (a thousands separator) and 9:00 (a time of day) are written with ASCII marks by
                # the norm of numbers, whatever the text's punctuation
                if ch in ",，:" and 0 < i < len(own) - 1 and own[i - 1].isdigit() and own[i + 1].isdigit():
                    continue
                if ch == ";" and closes_reference(own, i):
                    continue  # &ldquo; left by a scraper: markup (read as its character), no semicolon
                if ch in chinese:
                    if in_text is None:
                        in_text = in_chinese_text(own, chinese)
                    if i not in in_text:
                        continue  # http://, a,b: ASCII text's own marks, in neither count
                counts[ch] += 1
                where[ch].append((p, off + i))
        reported: dict[str, tuple[str, bool]] = {}  # minority -> (major, whether the minority is most of the uses)
        for half, full in _FAMILIES:
            if not counts[half] or not counts[full]:
                continue
            if chinese.get(half) == full:
                # Chinese text writes this mark in full width: the half-width ones are the slips, however many
                reported[half] = (full, counts[half] > counts[full])
            else:
                minority = half if counts[half] < counts[full] else full
                major = full if minority == half else half
                if counts[minority] / (counts[half] + counts[full]) <= options.max_minority:
                    reported[minority] = (major, counts[minority] > counts[major])
        # a bracket pair both of whose brackets are the slips is one finding ((一) is one label, not a “(” and a
        # “)”), and none where the clause's own finding (`_brackets`) fixes it already
        taken = set(covered)
        if "(" in reported and ")" in reported and reported["("][0] == "（" and reported[")"][0] == "）":
            for hit, edits in self._pairs(where, owner, taken, reported["("][1]):
                taken.update((e.line, e.start) for e in edits)
                yield hit
        for minority, (major, most) in reported.items():
            if most:
                problem = (
                    f"“{minority}”是半角符号，中文文本应用全角“{major}”（全文两种写法混用）",
                    f"'{minority}' is half-width: Chinese text uses the full-width '{major}' (the document mixes both)",
                )
            else:
                problem = (
                    f"“{minority}”与全文多数的“{major}”全角半角不一致",
                    f"'{minority}' mixes widths with '{major}' used elsewhere",
                )
            seen: set[int] = set()
            left = [(p, i) for p, i in where[minority] if (p.line, i) not in taken]
            for p, i in left:
                if p.index in seen:
                    continue
                seen.add(p.index)
                s, e = _norm_span(p, max(i - 4, 0) + 1, min(i + 2, len(p.orig)))
                edits = tuple(Edit(j, j + 1, major, "orig", q.line) for q, j in left if q is p)
                yield self._hit(
                    owner.get(p.index), p, s, e, problem,
                    (f"统一为“{major}”", f"use '{major}'"),
                    f"width:{minority}",
                    edits=edits,
                )  # fmt: skip

    def _pairs(
        self, where: dict[str, list[tuple[Paragraph, int]]], owner: dict[int, str | None],
        covered: set[tuple[int, int]], most: bool,
    ) -> Iterator[tuple[Hit, tuple[Edit, ...]]]:
        """One hit for each pair of half-width brackets, “(一)” or “(…)”, both of whose brackets are reported
        (`where` holds them; `covered` those fixed already); `most`: the half-width form is most of the uses."""
        opens: dict[int, set[int]] = {}
        closes: dict[int, set[int]] = {}
        paras: dict[int, Paragraph] = {}
        for ch, into in (("(", opens), (")", closes)):
            for p, i in where[ch]:
                if (p.line, i) not in covered:
                    into.setdefault(p.index, set()).add(i)
                    paras[p.index] = p
        for index in sorted(opens.keys() & closes.keys()):
            p = paras[index]
            own, off = _own(p)
            for i, j in _bracket_pairs(own, off, opens[index], closes[index]):
                inner = p.orig[i + 1 : j]
                label = bool(_LABEL_NUMBER.fullmatch(inner))
                shown = p.orig[i : j + 1] if j - i <= _PAIR_SHOWN else p.orig[i : i + _PAIR_SHOWN - 2] + "…)"
                what = ("编号", "the label ") if label else ("", "")
                if most:
                    problem = (
                        f"{what[0]}“{shown}”用了半角括号，中文文本应用全角“（）”（全文两种写法混用）",
                        f"{what[1]}'{shown}' has half-width brackets: Chinese text uses the full-width '（）' "
                        "(the document mixes both)",
                    )
                else:
                    problem = (
                        f"{what[0]}“{shown}”用了半角括号，与全文多数的全角“（）”不一致",
                        f"{what[1]}'{shown}' has half-width brackets; the document uses the full-width '（）'",
                    )
                fix = (f"改为“（{inner}）”", f"use '（{inner}）'") if label else ("统一为“（）”", "use '（）'")
                s, e = _norm_span(p, i + 1, min(j + 3, i + _PAIR_SHOWN + 3, len(p.orig)))
                edits = (Edit(i, i + 1, "（", "orig", p.line), Edit(j, j + 1, "）", "orig", p.line))
                hit = self._hit(owner.get(p.index), p, s, e, problem, fix, f"width:({inner[:_PAIR_SHOWN]})", edits=edits)
                yield hit, edits

    def _citations(
        self, ctx: CheckContext, plan: Plan, owner: dict[int, str | None], options: Options
    ) -> Iterator[Hit]:
        known: dict[str, str] = {}  # dash-folded title -> as the document itself writes it
        if ctx.parent is not None and ctx.parent.title:
            known[_key(ctx.parent.title)] = ctx.parent.title
        for c in ctx.parent.cited if ctx.parent is not None else []:
            known.setdefault(_key(c), c)
        found: list[tuple[Paragraph, int, int, str, str, int]] = []  # p, start, end, title, dash, dash offset
        for p in plan.paragraphs:
            for m in _YEAR_RANGE.finditer(p.text):
                start = max(p.text.rfind("《", 0, m.start()), p.text.rfind("〈", 0, m.start()))
                start = start + 1 if start >= 0 else 0
                title = p.text[start : m.end() - 1]
                found.append((p, start, m.end() - 1, title, m.group(2), m.start(2)))
        uses = Counter(dash for *_, dash, _ in found)
        seen: set[tuple[int, str]] = set()
        # the same citation again in one paragraph is reported once, and fixed with the first
        again: dict[tuple[int, str], list[int]] = {}
        for p, _s, _e, title, _dash, at in found:
            again.setdefault((p.index, _key(title)), []).append(at)
        for p, s, e, title, dash, at in found:
            k = _key(title)
            own = next((v for kk, v in known.items() if kk.endswith(k) or k.endswith(kk)), None)
            problem, want = None, ""
            if own is not None:
                own_dash = next((ch for ch in own if ch in _DASHES), None)
                if own_dash and own_dash != dash:
                    want = own_dash
                    problem = (
                        f"引用文件名中的年份写作“{title}”，原题为“{own}”",
                        f"cited as '{title}' but the document's own title is '{own}'",
                    )
            elif len(uses) > 1 and uses[dash] < max(uses.values()):
                want = uses.most_common(1)[0][0]
                problem = (
                    f"同一文件名中的年份连接号与其他引用不一致：“{title}”",
                    f"year range dash differs from other citations: '{title}'",
                )
            elif options.year_range_dash and dash != options.year_range_dash and dash in "-－–":
                want = options.year_range_dash
                problem = (
                    f"文件名中的年份范围“{title}”应使用“{options.year_range_dash}”",
                    f"the year range in '{title}' should use '{options.year_range_dash}'",
                )
            if problem is None or (p.index, k) in seen:
                continue
            seen.add((p.index, k))
            # only the dash changes: the citation as written (a title broken over two lines must not
            # gain the half it already has on the line before)
            # in the line's own widths: the normalised title has half-width brackets
            right = restyle(title[: at - s] + want + title[at - s + 1 :], p.orig)
            yield self._hit(
                owner.get(p.index),
                p,
                s,
                e,
                problem,
                (f"改为“{right}”", f"write '{right}'"),
                f"cite:{k}",
                edits=_dash_edits(p, again[(p.index, k)], want),
            )


def in_chinese_text(text: str, marks: dict[str, str]) -> set[int]:
    """Offsets in `text` of the half-width `marks` that stand in Chinese text: all but those between two
    ASCII characters (spaces aside) one of which is a letter or digit (http://, a,b, 9:00). A bracket goes
    with its pair: (1) at a line's start is Chinese text when its ) is (（1)加强… must not be half fixed)."""
    out: set[int] = set()
    opened: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch not in marks:
            continue
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            pairs.append((opened.pop(), i))
        j = i - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        k = i + 1
        while k < len(text) and text[k] in " \t":
            k += 1
        ascii_run = (
            j >= 0 and k < len(text) and text[j] < "\x80" and text[k] < "\x80"
            and (text[j].isalnum() or text[k].isalnum())
        )  # fmt: skip
        if not ascii_run:
            out.add(i)
    for a, b in pairs:
        if a in out or b in out:
            out.update((a, b))
    return out


def _dash_edits(p: Paragraph, ats: list[int], want: str) -> tuple[Edit, ...]:
    """The dash at each normalised offset in `ats` (a citation and its repetitions in the same
    paragraph), as edits of the original line."""
    out = []
    for at in ats:
        i = p.column(at) - 1
        if 0 <= i < len(p.orig) and p.orig[i] in _DASHES + "－":
            out.append(Edit(i, i + 1, want, "orig", p.line))
    return tuple(out)


def _bracket_pairs(own: str, off: int, opens: set[int], closes: set[int]) -> list[tuple[int, int]]:
    """(open, close), offsets in the original line, of the bracket pairs of `own` (which starts at `off`) whose
    opening bracket is one of `opens` and whose closing one is its match and one of `closes`. Either width
    nests: in “(X（Y）)” the outer pair is matched over the inner one."""
    stack: list[int] = []
    out: list[tuple[int, int]] = []
    for k, ch in enumerate(own):
        if ch in "(（":
            stack.append(k + off)
        elif ch in ")）" and stack:
            i = stack.pop()
            if i in opens and k + off in closes:
                out.append((i, k + off))
    return out


def _bracket_edits(p: Paragraph | None, column: int, have: str, want: str) -> tuple[Edit, ...]:
    """Edits turning the bracket pair `have` that opens at original column `column` (1-based) into
    `want`; none when the opening or its matching closing bracket is not where expected."""
    if p is None or column < 1 or len(have) != 2 or len(want) != 2:
        return ()
    i = column - 1
    if i >= len(p.orig) or p.orig[i] != have[0]:
        return ()
    j = closer_of(p.orig, i, have[0], have[1])
    if j is None:
        return ()
    return (Edit(i, i + 1, want[0], "orig", p.line), Edit(j, j + 1, want[1], "orig", p.line))


def _key(title: str) -> str:
    t = tu.fold(title).replace("《", "").replace("》", "").replace("〈", "").replace("〉", "")
    return re.sub(f"[{_DASHES}\\s]", "-", t)


def _own(p: Paragraph) -> tuple[str, int]:
    """The stretch of the original line this paragraph stands for, and where it starts (0-based).

    A document delivered on one line is split into several paragraphs that share that line's
    `orig`; reading the whole of it from each would report every slip once per paragraph.
    """
    if not p.cols:
        return p.orig, 0
    a, b = p.cols[0] - 1, p.cols[-1]
    return p.orig[a:b], a


def _norm_span(p: Paragraph, col_a: int, col_b: int) -> tuple[int, int]:
    """Normalised [start, end) covering original columns [col_a, col_b] (1-based)."""
    idx = [i for i, c in enumerate(p.cols or range(1, len(p.text) + 1)) if col_a <= c <= col_b]
    if not idx:
        return 0, 0
    return idx[0], idx[-1] + 1


def _first_body(plan: Plan) -> int:
    """Index of the first paragraph of the body (front matter before it counts for widths too)."""
    starts = [m.paragraphs[0] for m in plan.measures if m.paragraphs]
    return min(starts) if starts else 0


def _layout(table: dict, minutes: dict) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """rulesets/data/layout.yaml as two patterns on the normalised text: a caption label that opens a
    paragraph (专栏1, 表2, 附件; a one-character word needs its number), a membership list's role line (and a
    纪要's attendance line, rulesets/data/minutes.yaml `attendance`: 出席：某某某　某某某, aligned the same way).
    The caption's `word` group ends at its word and the match runs over every numeral after it: the
    normalised text has lost the space, so where the number ends is read from the original (`_caption_end`)
    — a title may open with a numeral itself (表1　四川省…, 图2　十四五时期…, 附表1　一带一路…)."""
    words = sorted((str(w) for w in table.get("caption_labels") or ()), key=len, reverse=True)
    roles = sorted(
        {
            str(w)
            for w in (
                *(table.get("roster_roles") or ()),
                *(minutes.get("attendance") or ()),
                *(table.get("contact_labels") or ()),  # （联系人：X　某某；…）: a contact line, aligned the same way
            )
        },
        key=len,
        reverse=True,
    )
    num = "[0-9一二三四五六七八九十]{0,4}"
    caption = re.compile(f"(?P<word>{'|'.join(re.escape(w) for w in words)}){num}" if words else "(?!)")
    roster = re.compile(f"[(（]?(?:{'|'.join(re.escape(r) for r in roles)})[:：]" if roles else "(?!)")
    return caption, roster


# a heading's short name spaced out (总　则, 附　　则, 法律责任 as 法　律　责　任): each character apart by the same run of
# full-width spaces, nothing else on the line
_SPACED_NAME = re.compile(f"[{_HAN}](?:\u3000{{1,2}}[{_HAN}]){{1,3}}")


def _spaced_heading(table: dict) -> re.Pattern[str]:
    """The labels of a heading whose short name is spaced out as typesetting (rulesets/data/layout.yaml
    `spaced_headings`: 第一章　总　则, 第二节　一　般　规　定), as a pattern matching the label at the line's start."""
    words = sorted((str(w) for w in table.get("spaced_headings") or ()), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(f"[ \u3000]*第[0-9{CN_NUMERALS}]{{1,5}}(?:{alt})" if words else "(?!)")


def _spaced_name(orig: str, label: int, heading: re.Pattern[str]) -> bool:
    """`orig` is a chapter's (section's) heading — its label (`heading`) up to `label`, where the spaces after it
    end — whose name of 2–4 characters is spaced out evenly by full-width spaces (第一章　总　则, 第三章　附　　则)."""
    if not heading.match(orig):
        return False
    name = orig[label:].rstrip()
    return bool(_SPACED_NAME.fullmatch(name)) and len(set(re.findall("\u3000+", name))) == 1


def _signer_end(table: dict) -> re.Pattern[str]:
    """A signing body's name ending the text (rulesets/data/units.yaml `issuer_suffixes`: 人民政府, 办事处, 局, 委 …)."""
    words = sorted((str(w) for w in table.get("issuer_suffixes") or ()), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(re.escape(w) for w in words)})$" if words else "(?!)")


def _caption_end(p: Paragraph, off: int, orig: str, caption: re.Pattern[str]) -> int:
    """Where, in `orig` (the paragraph's own stretch from `off`), the title after a caption label that opens
    the paragraph begins (专栏1　海洋牧场: at 海), when a space sets it off; else 0.

    The label is the word and as much of the numerals after it as a space in the original closes: the
    last cut with a space before it (表1　四川省: after 1, not after 四; 表 1　主要指标: after 1). A word of
    two or more characters may stand without its number (专栏　2025年…); a one-character one needs it, but in a
    caption's line (short, no sentence or clause mark: 表　饲用豆粕减量替代主要指标, a plan's one table)."""
    m = caption.match(p.text)
    if not m:
        return 0
    alone = len(m.group("word")) == 1 and not _caption_line(p.text)
    first = m.end("word") + (1 if alone else 0)
    for j in range(min(m.end(), len(p.text) - 1), first - 1, -1):
        i = p.column(j) - 1 - off
        if 0 < i <= len(orig) and orig[i - 1] in " \u3000\t":
            return i
    return 0


# pieces of a one-line page joined by single spaces: four pieces at least, each short with no sentence mark in it
_CELL_RUN = re.compile(r"(?:[^\s。；;，,！？!?]{1,24} ){3,}[^\s。；;，,！？!?]{1,24}")


def _after_points(m: Measure, plan: Plan, by_line: dict[int, Paragraph]) -> bool:
    """The measure's detached clause follows a numbered sub-point of its own（（1）…（3）, （一）…（三）, ①, 一是…）:
    the paragraph before the clause's opens with a label and is not the measure's first."""
    r = m.responsibility
    p = by_line.get(r.line) if r else None
    if p is None or p.index not in m.paragraphs:
        return False
    by_index = {q.index: q for q in plan.paragraphs}
    before = [by_index[i].text.strip() for i in m.paragraphs if i < p.index and i in by_index]
    before = [t for t in before if t]
    if len(before) < 2:  # the measure's own paragraph, then the clause: a true detached clause
        return False
    text = before[-1]
    return marker_at_start(text) is not None or bool(_IS_POINT.match(text))


CAPTION_MAX = 40  # a table's or figure's caption line: its label and title, no more
_CLAUSE_MARK = re.compile("[。；;，,：:！？!?]")
# a field's label opening a line: 责任单位：, 牵头单位：, 【责任单位】 (no bracket clause: （责任单位：X） broken off its
# measure is the slip the detached check reports)
_FIELD_OPENING = re.compile(rf"[{_HAN}]{{2,8}}[ \u3000]*[:：]|【[{_HAN}]{{2,8}}】")


def _caption_line(text: str) -> bool:
    """`text` reads as a caption's line: short, with no mark of a sentence or a clause in it."""
    return len(text) <= CAPTION_MAX and not _CLAUSE_MARK.search(text)


def _field_line(p: Paragraph | None) -> bool:
    """Paragraph `p` (where a detached clause stands) opens with a field's label, not with a bracket (`_FIELD_OPENING`)."""
    return p is not None and bool(_FIELD_OPENING.match(p.text.lstrip()))


def _roster_more(text: str) -> bool:
    """A line under a membership list's role naming more of its members: short, no label, no sentence,
    not a numbered item."""
    return 0 < len(text) <= 40 and not re.search("[:：。；;！？!?]", text) and marker_at_start(text) is None


def _person_field() -> re.Pattern[str]:
    """A field naming the official who answers for a task (责任领导：, 分管领导：, 【牵头领导】: the person
    column words of rulesets/data/roles.yaml) and its value, up to the end of the field: a clause mark,
    a bracket, or a space before the next field's label."""
    words = dict(role_words().columns).get("person") or ()
    if not words:
        return re.compile("(?!)")
    labels = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?:{labels})[ \u3000]*[:：】\]][ \u3000]*"
        rf"(?P<value>[^；;。，,）)】【\[\]]*?)(?=[；;。，,）)】【\[\]]|[ \u3000]+{_FIELD_LABEL.pattern}|[ \u3000]*$)"
    )


def _person_values(orig: str, field: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of the values of person fields in `orig`: a title and a name set apart by a space
    (分管领导：副县长 王振东) is how such a field is written, not a stray space."""
    return [(m.start("value"), m.end("value")) for m in field.finditer(orig)]


def _heading_label_end(orig: str, lead: int, label: str | None) -> int | None:
    """Where a measure's or section's label, as the parser read it, ends in its line with the spaces after it; None
    when the line does not open with it."""
    if not label or not orig.startswith(label, lead):
        return None
    end = lead + len(label)
    while end < len(orig) and orig[end] in " \u3000\t":
        end += 1
    return end


def _between_fields(orig: str, m: re.Match[str]) -> bool:
    """The space run `m` separates two labelled fields of one line (责任单位：…　　完成时限：…): a label and
    its colon follow it, and another stands before it in the same sentence."""
    if not _FIELD_LABEL.match(orig, m.end()):
        return False
    ends = [e.end() for e in _SENTENCE_END.finditer(orig, 0, m.start())]
    return bool(re.search("[:：]", orig[ends[-1] if ends else 0 : m.start()]))


def _owners(ctx: CheckContext) -> dict[int, str | None]:
    """Paragraph index -> the measure ref it belongs to (section label for headings, None for preamble)."""
    plan = ctx.draft
    owner: dict[int, str | None] = {}
    line_to_index = {p.line: p.index for p in plan.paragraphs}
    # a page delivered on one line is cut into paragraphs sharing that line: a heading is found by where it starts
    at_column = {(p.line, p.cols[0]): p.index for p in plan.paragraphs if p.cols}

    def index_of(x: Section) -> int | None:
        return at_column.get((x.line, x.column), line_to_index.get(x.line))

    starts = {m.paragraphs[0] for m in plan.measures if m.paragraphs} | {index_of(x) for x in plan.sections}
    for s in plan.sections:
        i = index_of(s)
        if i is not None:
            owner[i] = s.label
            j = i + 1
            # the section's own text paragraphs, up to the next numbered item
            while (
                j < len(plan.paragraphs)
                and j not in starts
                and s.text
                and plan.paragraphs[j].text
                and plan.paragraphs[j].text in s.text
            ):
                owner[j] = s.label
                j += 1
    for m in ctx.measures():
        for i in m.paragraphs:
            owner[i] = m.ref
    return owner


KIND = Format
