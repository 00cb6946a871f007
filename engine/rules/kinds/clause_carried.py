"""clause_carried: inside a carried measure, each parent clause and listed item is carried too."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import ClassVar, Literal

from pydantic import Field

from engine.extract.sentences import split_outside
from engine.memo import Memo, memo
from engine.models import ClausePair, DiffOp, Measure, Severity, StrengthLevel
from engine.rules import deadlines as dl
from engine.rules import places, voice
from engine.rules import similarity as sim
from engine.rules.beyond import asks_for_the_draft, beyond_level, marked_beyond
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.targets import draft_shares, is_total


class Options(KindOptions):
    severity_by_level: dict[StrengthLevel, Severity] = Field(
        default_factory=lambda: {"mandatory": "error", "firm": "warning", "normal": "info", "soft": "info"},
        description="severity of a dropped clause by the strength of the parent clause",
    )
    min_chars: int = Field(
        8, ge=0, description="ignore dropped clauses shorter than this (characters, punctuation excluded)"
    )
    ignore_patterns: list[str] = Field(
        default_factory=lambda: [
            r"^(不断|进一步|切实|努力)?(提高|提升|增强)[^，。；]{0,8}(水平|能力|效率|效能)$"
        ],
        description="regexes for generic filler clauses that are never reported",
    )
    elsewhere_threshold: float = Field(
        0.8,
        ge=0,
        le=1,
        description="a dropped clause at least this similar to some sentence anywhere in the draft is carried "
        "there (moved, not dropped)",
    )
    check_items: bool = Field(
        True,
        description="report the parts of a carried clause the draft left out: a whole sub-clause (，衔接全国…系统 "
        "at the end of a sentence) or an item of an enumeration (仲裁 in 信访、调解、仲裁、行政裁决), unless "
        "leaving it out only adapts the text to the draft's level (各级, 乡镇, the parent's place name, "
        "legislation at a level without legislative power)",
    )
    min_item_chars: int = Field(
        2, ge=1, description="ignore left-out list items shorter than this once adapted"
    )
    max_item_chars: int = Field(
        24,
        ge=1,
        description="longer 、-separated parts are phrases, not list items: compared as sub-clauses only",
    )
    sub_clause_threshold: float = Field(
        0.7,
        ge=0,
        le=1,
        description="a parent sub-clause (between commas) at least this covered by a sub-clause of the draft "
        "clause is carried there (its list items are then compared one by one)",
    )
    reworded_threshold: float = Field(
        0.5,
        ge=0,
        le=1,
        description="a parent sub-clause below sub_clause_threshold is still carried, reworded, when a draft "
        "sub-clause at its place (between the carried neighbours) is at least this similar (积极对接全区…平台 "
        "for 建立全区…平台): changed, not dropped",
    )
    item_threshold: float = Field(
        0.7,
        ge=0,
        le=1,
        description="a parent list item at least this similar (share of its character bigrams, after "
        "rewording is factored out) to a draft list item is carried",
    )
    synonyms: list[list[str]] = Field(
        default_factory=lambda: [
            ["推进", "推动"],
            ["加强", "强化"],
            ["提高", "提升"],
            ["健全", "完善"],
            ["建立", "构建"],
        ],
        description="groups of words a draft may use for one another; compared as the group's first word",
    )
    filler_words: list[str] = Field(
        default_factory=lambda: [
            "进一步",
            "更加",
            "不断",
            "持续",
            "深入",
            "切实",
            "积极",
            "努力",
            "大力",
            "着力",
            "认真",
            "扎实",
            "稳步",
            "逐步",
            "应当",
            "必须",
            "各",
        ],
        description="degree adverbs and modals left out before comparing: they say how hard, not what "
        "(a weakened strength is another kind's concern)",
    )
    skip_beyond_level: bool = Field(
        True,
        description="do not report clauses about legislation when the draft's level has no legislative power "
        "(levels.yaml: legislation false), nor, in a lower-level draft, clauses about a higher level's "
        "strategies, platforms, programmes and systems (beyond_level.yaml); curate not_applicable for "
        "anything else a level cannot do",
    )
    skip_not_obligations: bool = Field(
        True,
        description="do not report parent text that states no obligation of its own "
        "(rulesets/data/not_obligations.yaml): a left-out sub-clause that only frames the requirement "
        "after it (根据…实际, 以…为契机, 在…基础上) or only urges an attitude (树立…导向), a dropped sentence "
        "that comments on the one before (同时，也必须…), a purpose after the action (…，发挥…作用, …，提高…水平), "
        "a clause made only of such parts",
    )
    quote_at: Literal["neighbour", "title"] = Field(
        "neighbour",
        description="what a dropped clause points at in the draft: the carried sentence before it (where it "
        "belongs), or the carrying measure's title",
    )
    check_phrases: bool = Field(
        True, description="report curated Obligation.require_phrases missing from the carriers"
    )
    escalate_timed: bool = Field(
        True,
        description="a dropped clause with a deadline (by date or recurring) or a target that holds at the "
        "draft's level (a rate, a duration, a per-unit value such as 生均12000元; not a higher level's total) "
        "is at least a warning",
    )
    group_info: bool = Field(
        True,
        description="the info-level gaps of one carried measure make one finding listing them (a clerk reads "
        "one note per measure to confirm or adapt); errors and warnings stay one finding each",
    )
    subject_only: str = Field(
        r"^(各|有关|相关|本)?[^，。；]{0,10}?(地区|地方|各地|部门|单位|机关|政府|人民政府)(要|应当?|须|必须)?"
        r"(以[^，。；]{1,10}为单位)?$",
        description="a left-out part that only names who acts (各部门要, 各地以县(市、区)为单位): the draft names "
        "its own actors, so it is no finding",
    )


_WHAT = {
    "clause": {"zh": "未承接上级条款", "en": "drops a parent clause"},
    "items": {"zh": "列举事项中少了“{items}”", "en": "drops '{items}' from a listed enumeration"},
    "phrase": {"zh": "缺少上级要求的“{items}”", "en": "lacks the required phrase '{items}'"},
    "group": {"zh": "有{n}处上级要求未承接（请逐条确认或按本级实际改写）", "en": "leaves out {n} parent requirements (confirm or adapt each)"},
}
_RANK = {"info": 0, "warning": 1, "error": 2}


class ClauseCarried(CheckKind):
    name = "clause_carried"
    description = (
        "上级一项措施往往包含多项要求；下级承接了这项措施，也要承接其中的每一条要求和列举的每一个事项。本检查"
        "在已对应的措施之间逐条比较，找出下级遗漏的上级条款和列举事项，严重程度按上级条款的约束力确定（“必须”"
        "“严禁”类为错误，“全面”“严格”类为警告，其余为提示，可配置），带时限或量化指标的条款至少为警告。移到"
        "下级其他措施中的条款不算遗漏（整句相近，或首项要求原样在某项措施中，其余部分在那里逐项比较）；过短的套话条款、"
        "只写了主语的部分（各部门要）不报告，不是义务的文字（“根据…实际”“以…为契机”等状语、“树立…导向”等号召、"
        "“同时，也必须看到…”等说明句、动作之后说明其目的的“发挥…作用”“提高…水平”“形成…格局”等，"
        "“X是…责任主体”等只说明谁负责的部分，rulesets/data/not_obligations.yaml）也不报告。上级要求下级“编制（印发）"
        "实施方案”的句子由草案本身承接（草案就是这类文件、且不晚于其时限）；只重复相邻已承接条款所说事物的条款"
        "（“加快设施建设”接在“合理布局…设施”后）视为并入该句（rulesets/data/carried_by_draft.yaml）。上级机关自身的职责"
        "（主语是国务院部门、国家或中央机构、省级政府）、国家立法和大区域之间的分配不要求下级承接"
        "（rulesets/data/beyond_level.yaml）。同一措施的多处提示级缺项合为一条提示，逐条列出，便于起草人"
        "逐条确认或改写；错误和警告仍一条一报。义务规则集中整理的必须保留的表述"
        "（require_phrases）在所有承接措施中都找不到的，也在这里报告。"
    )
    description_en = (
        "A parent measure usually holds several requirements; carrying the measure means carrying each of them "
        "and each listed item. Compares aligned measures clause by clause and reports parent clauses and "
        "enumerated items the draft left out, graded by the parent clause's strength (mandatory → error, firm "
        "→ warning, else info; configurable), a clause with a deadline or target at least a warning. Clauses "
        "moved to another draft measure are not dropped (a sentence much like it, or its first requirement word "
        "for word in some measure, where its other parts are then compared); short filler clauses, parts that "
        "only name who acts (各部门要) and text that states no obligation (framing adverbials such as 根据…实际 "
        "and 以…为契机, exhortations such as 树立…导向, commentary such as 同时，也必须看到…, the purpose of the "
        "action before it such as …，发挥…作用 or …，提高…水平, a part that only says who is answerable such as "
        "X是…责任主体; rulesets/data/not_obligations.yaml) are ignored. A sentence asking the lower level to write "
        "or issue the kind of document the draft is (编制…实施方案) is carried by the draft itself (unless the draft "
        "is dated after its deadline), and a clause naming, light words aside, only what its carried neighbour "
        "names (加快设施建设 after 合理布局…设施) was merged into that sentence (rulesets/data/carried_by_draft.yaml). A higher level's own duties (the actor is a State Council department, a "
        "national or central body, a provincial government), national law-making and allocation between "
        "regions are not asked of a lower level (rulesets/data/beyond_level.yaml). The info-level gaps of one "
        "measure make one note listing them, for the drafter to confirm or adapt one by one; errors and "
        "warnings stay one finding each. Curated Obligation.require_phrases missing from all carrying "
        "measures are reported here too."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项承接上级第{parent_item}项，但{what}：“{parent_text}”",
        "en": "measure {local_item} carries parent measure {parent_item} but {what}: '{parent_text}'",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "在第{local_item}项中补充：“{addition}”（或按本级实际改写）；确不适用的请在义务规则集中注明",
        "en": "add to measure {local_item}: '{addition}' (adapted to this level), or record why it does not apply",
    }
    needs_parent = True

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        ignore = [re.compile(p) for p in options.ignore_patterns]
        w = Wording(ctx, options.synonyms, options.filler_words)
        above = places.higher_level_words(ctx)
        for pair, measures in ctx.carried_pairs():
            ref = pair.parent_item or ""
            hits: list[Hit] = []
            for i, cp in enumerate(pair.clauses):
                if cp.relation == "dropped":
                    hit = self._dropped(
                        ctx, ref, cp, measures, options, ignore, _neighbour(pair.clauses, i), w, above
                    )
                    if hit:
                        hits.append(hit)
                elif options.check_items and cp.relation != "added" and cp.local_text:
                    hit = self._items(ctx, ref, cp, measures, options, w, above)
                    if hit:
                        hits.append(hit)
            yield from self._grouped(ctx, hits) if options.group_info else hits
            if options.check_phrases:
                yield from self._phrases(ctx, ref, measures, options)

    def _grouped(self, ctx: CheckContext, hits: list[Hit]) -> Iterator[Hit]:
        """The hits, with the info-level ones of each draft measure merged into one that lists them.

        89 one-line notes on a condensed city 实施意见 buried its few real gaps; one note per measure
        (“未承接上级条款5条：…”) is what a clerk confirms or adapts, while each error and warning stays
        its own finding."""
        infos: dict[str | None, list[Hit]] = {}
        for h in hits:
            if h.severity == "info":
                infos.setdefault(h.local_item, []).append(h)
            else:
                yield h
        lang = "en" if ctx.lang == "en" else "zh"
        for group in infos.values():
            if len(group) == 1:
                yield group[0]
                continue
            first = group[0]
            texts = [h.fields.get("items") or h.fields.get("parent_text", "") for h in group]
            parent_text = "”；“".join(texts)
            fields = {
                **first.fields,
                "what": _WHAT["group"][lang].format(n=len(group)),
                "items": "；".join(texts),
                "parent_text": parent_text,
            }
            yield Hit(
                local_item=first.local_item,
                quote=first.quote,
                parent_item=first.parent_item,
                parent_quote="；".join(h.fields.get("parent_text", "") for h in group),
                fields=fields,
                suggestion=self.suggest(ctx.lang, fields),
                severity="info",
                key="group:" + first.key,
            )

    def _dropped(
        self,
        ctx: CheckContext,
        ref: str,
        cp: ClausePair,
        measures: list[Measure],
        options: Options,
        ignore: list[re.Pattern[str]],
        neighbour: ClausePair | None,
        w: Wording,
        above: tuple[str, ...] | None,
    ) -> Hit | None:
        text = (cp.parent_text or "").strip()
        core = sim.compact(text)
        if len(core) < options.min_chars or any(p.search(core) for p in ignore):
            return None
        if options.skip_beyond_level:
            # the obligation ruleset's mark (derived, curated either way) decides; else the data tables
            marked = marked_beyond(ctx, ref, text)
            if marked or (marked is None and (places.is_legislation(ctx, text) or beyond_level(ctx, text))):
                return None
            # 中央财政继续…支持…，省级财政对…给予奖励，市县财政要…纳入本级预算: the higher levels' parts are theirs, the
            # rest is weighed as the clause, as a carried clause's parts are (_items → _reportable; blind60's pair,
            # fixtures/fix60/pair) — unless the ruleset marks the clause beyond some other level, so asks this
            # level to carry it whole (a curated mark)
            if not _marked_for_other_levels(ctx, ref, text):
                text = _without_beyond_parts(ctx, text)
                core = sim.compact(text)
                if len(core) < options.min_chars:
                    return None
        if len(sim.compact(_without_place(ctx, text))) < options.min_chars:
            return None  # only about the parent's own place (研究广西形势): nothing to carry
        if options.skip_not_obligations and _not_obligation_clause(ctx, text, options.min_item_chars):
            return None  # a comment on the sentence before, or only framing and exhortation
        if _the_draft_itself(ctx, text, cp, options):
            return None  # 编制（印发）实施方案 and what the plan must hold: the draft is that plan
        score, where, sentence = sim.best_sentence(text, ctx.draft.measures, options.elsewhere_threshold)
        if where is not None and score >= options.elsewhere_threshold:
            # carried (moved or rewritten) — but perhaps only in part: report the sub-clauses left out
            partial = cp.model_copy(update={"local_text": sentence, "local_item": where.ref, "diff": []})
            return self._items(ctx, ref, partial, [where], options, w, above)
        if _carried_reworded(text, measures, options.elsewhere_threshold):
            return None
        moved = _head_carried(ctx, text, measures, w, options)
        if moved is not None:
            where, sentence, whole = moved
            if whole:
                return None  # every part of it is in that measure, reworded or split into sentences
            partial = cp.model_copy(update={"local_text": sentence, "local_item": where.ref, "diff": []})
            return self._items(ctx, ref, partial, [where], options, w, above)
        if _merged_into_neighbour(ctx, text, neighbour, w, options):
            return None  # 加快设施建设 after 合理布局…设施: the draft's sentence holds both
        severity = options.severity_by_level.get(_level(ctx, ref, cp), "info")
        timed = any(dl.timed(d) for d in cp.parent_deadlines)
        shares = draft_shares(ctx)
        # a figure that holds at the draft's level (每年至少1个月, 生均12000元) is a gap to weigh
        counted = any(not (shares and is_total(t, text)) for t in cp.parent_targets)
        if options.escalate_timed and (timed or counted) and _RANK[severity] < 1:
            severity = "warning"
        if neighbour is not None and options.quote_at == "neighbour":
            m = ctx.local_for(neighbour.local_item, measures)
            quote = neighbour.local_text
        else:
            m = ctx.local_for(cp.local_item, measures)
            quote = m.title
        return self._hit(ctx, m, ref, "clause", text, "", quote, severity, f"clause:{core[:24]}")

    def _items(
        self,
        ctx: CheckContext,
        ref: str,
        cp: ClausePair,
        measures: list[Measure],
        options: Options,
        w: Wording,
        above: tuple[str, ...] | None,
    ) -> Hit | None:
        """Sub-clauses (between commas) and list items (between 、) of a carried parent clause that the
        draft clause left out, compared part by part so rewording elsewhere in the clause doesn't count."""
        if options.skip_beyond_level and beyond_level(ctx, cp.parent_text or ""):
            # the clause is a higher level's (国务院…联席会议由…组成): so are its parts (legislation is
            # judged part by part: 保障行政立法、行政执法… keeps its other items)
            return None
        local = cp.local_text or ""
        subs, flats, parts, best = _sub_clauses(local, cp.parent_text or "", w, above, options.min_item_chars)
        carried = [score >= options.sub_clause_threshold for _, score, _ in best]
        missing: list[str] = []
        quote = None
        last_carried = subs[0] if subs else None
        for k, sc in enumerate(parts):
            _, _, j = best[k]
            if carried[k]:
                last_carried = subs[j]
                for item in self._missing_items(ctx, sc, subs[j], local, w, measures, options, cp.parent_text):
                    missing.append(item)
                    quote = quote or subs[j]
                continue
            j = self._reworded(k, best, carried, flats, options)
            if j is not None:
                if "、" in subs[j]:  # an enumeration kept through the rewording: compare its items
                    for item in self._missing_items(ctx, sc, subs[j], local, w, measures, options, cp.parent_text):
                        missing.append(item)
                        quote = quote or subs[j]
                continue
            after = _after_action(ctx, cp.parent_text or "", sc)
            if self._reportable(ctx, sc, measures, options, min_chars=options.min_chars, after_action=after):
                missing.append(sc.strip(_PUNCT))
                quote = quote or last_carried
        if not missing:
            return None
        m = ctx.local_for(cp.local_item, measures)
        quote = (quote or local or m.title).strip()
        severity = options.severity_by_level.get(_level(ctx, ref, cp), "info")
        items = "、".join(missing)
        return self._hit(
            ctx, m, ref, "items", cp.parent_text or "", items, quote, severity, f"items:{items[:24]}", missing
        )

    @staticmethod
    def _reworded(
        k: int, best: list[tuple[str, float, int]], carried: list[bool], flats: list[str], options: Options
    ) -> int | None:
        """The draft sub-clause that parent sub-clause k, not carried word for word, was changed into:
        one at its place (between the draft sub-clauses carrying its neighbours) that says much the same
        (积极对接全区…平台 for 建立全区…平台, 每年举办一期 for 每年应当举办两期以上); None if it was dropped."""
        before = [best[i][2] for i in range(k) if carried[i]]
        after = [best[i][2] for i in range(k + 1, len(best)) if carried[i]]
        lo = before[-1] + 1 if before else 0
        hi = after[0] if after else len(flats)
        flat = best[k][0]
        scored = [(sim.dice(flat, flats[j]), j) for j in range(min(lo, hi), max(lo, hi))]
        score, j = max(scored, default=(0.0, -1))
        return j if score >= options.reworded_threshold else None

    def _missing_items(
        self,
        ctx: CheckContext,
        part: str,
        sub: str,
        clause: str,
        w: Wording,
        measures: list[Measure],
        options: Options,
        sentence: str | None = None,
    ) -> list[str]:
        """Items of the parent enumeration `part` that the draft sub-clause `sub` carrying it left out.
        An item of a part that follows the action of its `sentence` may be a purpose (凝聚民心、汇集民智).

        Items compare fuzzily once rewording is out (推动廉政建设 = 推进廉政建设, 全县各级互联 = 全区各级互联).
        The first and last items carry the clause's verb and tail (推动完善信访, 诉讼等…综合机制): the
        words they share with the draft's first and last items are set aside, so the item itself is what
        is compared (规则 in 推动规则、…)."""
        if "、" not in part:
            return []
        left = _left_out(part, sub, clause, w, options)
        after = bool(sentence) and _after_action(ctx, sentence or "", part)
        return [
            item.strip(_PUNCT)
            for item in left
            if self._reportable(
                ctx, item, measures, options, min_chars=options.min_item_chars, clause=sub, after_action=after
            )
        ]

    @staticmethod
    def _left_out(part: str, sub: str, clause: str, w: Wording, options: Options) -> tuple[str, ...]:
        """The items of `part` not found in `sub` (nor moved in the sentence, nor changed in place):
        a pure function of the texts, the wording and the options, memoised."""
        pitems = split_items(part)
        ditems = split_items(sub) if "、" in sub else [sub]
        if len(pitems) < 2 or any(len(sim.compact(x)) > options.max_item_chars for x in pitems):
            return ()
        pitems[-1] = w.counted_as(pitems[-1], ditems[-1])  # 组五级 → 组四级: the count follows the list
        pitems[0], ditems[0] = _strip_shared(pitems[0], ditems[0], w, lead=True)
        pitems[-1], ditems[-1] = _strip_shared(pitems[-1], ditems[-1], w, lead=False)
        dflats = [w(x) for x in ditems]
        sub_flat, sub_raw, clause_flat = w(sub), w.reword(sub), w(clause)
        # each parent item: carried or not, and the draft item that carries it (None: not in the list)
        found: list[tuple[bool, int | None]] = []
        for item in pitems:
            flat = w(item)
            score, j = max(((sim.coverage(flat, d), j) for j, d in enumerate(dflats) if d), default=(0.0, -1))
            if score >= options.item_threshold:
                found.append((True, j))
            elif len(flat) < options.min_item_chars or flat in sub_flat or w.reword(item) in sub_raw:
                found.append((True, None))
            elif len(flat) >= 4 and flat in clause_flat:
                # moved within the sentence (two-character items must stay in their list)
                found.append((True, None))
            elif len(sim.compact(item)) >= 6 and sim.coverage(flat, clause_flat) >= options.reworded_threshold:
                # a phrase (县级政府负责督查党中央) reworded elsewhere in the sentence
                found.append((True, None))
            else:
                found.append((False, None))
        # first and last items that were all shared words are carried by the draft's first and last
        if not sim.compact(pitems[0]) and not sim.compact(ditems[0]):
            found[0] = (True, 0)
        if not sim.compact(pitems[-1]) and not sim.compact(ditems[-1]):
            found[-1] = (True, len(ditems) - 1)
        return tuple(
            item
            for k, item in enumerate(pitems)
            if not (found[k][0] or _changed_in_place(k, found, w(item), dflats, options.reworded_threshold))
        )

    def _reportable(
        self,
        ctx: CheckContext,
        part: str,
        measures: list[Measure],
        options: Options,
        *,
        min_chars: int,
        clause: str | None = None,
        after_action: bool = False,
    ) -> bool:
        """A left-out part worth reporting: long enough once level words are out, not only about the
        parent's place or (at a level without that power) legislation, and not present elsewhere.

        A list item (`clause` given) about legislation is reportable for the other words it held, when
        the draft's list lost those too (保障行政立法、行政执法… -> 行政执法…: 保障 went with it).
        `after_action`: the part follows the action of its sentence, so a purpose phrase there
        (…，发挥导向引领作用) is no requirement either."""
        part = part.strip()
        if re.search(options.subject_only, sim.compact(part).strip(_PUNCT)):
            return False
        if options.skip_not_obligations and _not_obligation(
            ctx, part, ("framing", "exhortation", "designation", "purpose"), after_action=after_action
        ):
            return False  # 根据…实际, 以…为契机, 树立…导向, X是…责任主体, …，发挥…作用
        if _TIME_ONLY.match(sim.compact(part)):
            return False  # only a date (2019年6月底前): the deadline kinds compare dates
        bare = _without_subject(ctx, part)
        if bare and len(bare) >= 4 and sim.contains(measures, bare):
            return False  # 各级政府部门要深化…改革 carried as 深化…改革: the draft names its own actors
        residue = places.adaptation_residue(ctx, part)
        if len(sim.compact(part)) < min_chars or len(residue) < options.min_item_chars:
            return False
        if any(n in part for n in places.own_names(ctx.parent)):
            return False  # 紧紧结合广西发展特点: tailoring to the parent's place, not a task
        if options.skip_beyond_level and beyond_level(ctx, part):
            return False
        if options.skip_beyond_level and places.is_legislation(ctx, part):
            if clause is None:
                return False
            words = sim.content_words(residue)
            if not words or all(x in sim.compact(clause) for x in words):
                return False
        if len(sim.compact(part)) >= 4 and sim.contains(measures, part):
            return False
        return not (
            len(sim.compact(part)) >= options.min_chars
            and sim.best_sentence(part, ctx.draft.measures, options.elsewhere_threshold)[0] >= options.elsewhere_threshold
        )

    def _phrases(
        self, ctx: CheckContext, ref: str, measures: list[Measure], options: Options
    ) -> Iterator[Hit]:
        ob = ctx.obligation(ref)
        if ob is None:
            return
        for phrase in ob.require_phrases:
            if sim.contains(measures, phrase):
                continue
            m = measures[0]
            hit = self._hit(ctx, m, ref, "phrase", phrase, phrase, m.title, None, f"phrase:{phrase}")
            if hit is not None:
                yield hit

    def _hit(
        self,
        ctx: CheckContext,
        m: Measure,
        ref: str,
        what: str,
        parent_text: str,
        items: str,
        quote: str | None,
        severity: Severity | None,
        key: str,
        missing: list[str] | None = None,
    ) -> Hit | None:
        """The hit, its suggestion in the draft's voice (voice.py): what to add as the draft would write
        it, never the parent's words that other checks report (legislation, the parent's platforms and
        self-words, half-width marks). None when nothing of it is for the draft's level."""
        lang = "en" if ctx.lang == "en" else "zh"
        if what == "clause":
            addition = voice.in_draft_voice(ctx, parent_text, m)
        elif what == "items":
            clause = quote or m.text
            parts = [x for x in (voice.item_in_draft_voice(ctx, x, clause, m) for x in missing or [items]) if x]
            # list items go back as a list; left-out sub-clauses (着力解决…等问题) as sub-clauses
            sep = "，" if any("、" in x or len(x) > 12 for x in parts) else "、"
            addition = voice.restyled(ctx, sep.join(parts), m)
        else:  # a curated phrase: the curator's words, in the draft's widths
            addition = voice.restyled(ctx, parent_text, m)
        if not addition:
            return None
        fields = {"what": _WHAT[what][lang].format(items=items), "items": items, "addition": addition}
        return self.pair_hit(ctx.lang, m, ref, parent_text, quote, fields, key, severity)


_PUNCT = "，,；;。、：: "
_SUB = re.compile(r"(?<=[，,；;。])")


# the same parent items meet the same draft sub-clause check after check; tuples of str, shared; the
# Wording is keyed by its key (Wordings with equal keys word every text alike), the options by what
# `_left_out` reads of them
@memo(16384, copy="shared", key=lambda part, sub, clause, w, options: (
    part, sub, clause, w.key, options.max_item_chars, options.min_item_chars, options.item_threshold,
    options.reworded_threshold))  # fmt: skip
def _left_out(part: str, sub: str, clause: str, w: Wording, options: Options) -> tuple[str, ...]:
    return ClauseCarried._left_out(part, sub, clause, w, options)


# the same clause pairs meet check after check; tuples, shared
@memo(16384, copy="shared", key=lambda local, parent, w, above, n: (local, parent, w.key, above, n))
def _sub_clauses(
    local: str, parent: str, w: Wording, above: tuple[str, ...] | None, min_item_chars: int
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, float, int], ...]]:
    """The draft clause's sub-clauses and their wordings, the parent clause's sub-clauses worth
    comparing and, for each, (wording, coverage, index) of the draft sub-clause that holds most of it.
    A pure function of its arguments."""
    subs = [x for x in _SUB.split(local) if sim.compact(x)]
    flats = [w(x) for x in subs]
    parts = [
        sc
        for sc in _SUB.split(parent)
        if len(sim.compact(sc)) >= min_item_chars and not places.subject_above(above, sc)
    ]
    # each parent sub-clause: the draft sub-clause that holds most of it
    best: list[tuple[str, float, int]] = []
    for sc in parts:
        flat = w(sc)
        score, j = sim.best_coverage(flat, flats)  # the best, the last on a tie
        best.append((flat, score, j))
    return tuple(subs), tuple(flats), tuple(parts), tuple(best)


def _changed_in_place(
    k: int, found: list[tuple[bool, int | None]], flat: str, dflats: list[str], threshold: float
) -> bool:
    """Parent item k, not found in the draft list, has a draft item at its place (between the draft
    items carrying its neighbours) much like it: changed (全覆盖 -> 基本覆盖), not left out. Or the
    draft put its own item there, one for one: inside the list (both neighbours carried), the place
    holds as many draft items as parent items are missing from it (政务新媒体、政府网站、实体政务大厅
    -> 政务新媒体、四川政务服务网、实体政务大厅: the draft's own platform named in the same place; the
    list keeps its length, so nothing was cut out of it)."""
    lo, hi = _place(k, found, len(dflats))
    if any(
        d and max(sim.coverage(flat, d), sim.dice(flat, d)) >= threshold
        for d in dflats[min(lo, hi) : max(lo, hi)]
    ):
        return True
    inside = any(ok and j is not None for ok, j in found[:k]) and any(ok and j is not None for ok, j in found[k + 1 :])
    if not inside or hi <= lo:
        return False
    missing = [i for i, (ok, _) in enumerate(found) if not ok and _place(i, found, len(dflats)) == (lo, hi)]
    return hi - lo == len(missing)


def _place(k: int, found: list[tuple[bool, int | None]], n: int) -> tuple[int, int]:
    """The draft items between those carrying parent item k's neighbours: (first, end)."""
    before = [j for ok, j in found[:k] if ok and j is not None]
    after = [j for ok, j in found[k + 1 :] if ok and j is not None]
    return (before[-1] + 1 if before else 0), (after[0] if after else n)


def _strip_shared(parent: str, local: str, w: Wording, *, lead: bool) -> tuple[str, str]:
    """`parent` and `local` without the words (jieba) they share at the start (lead) or the end."""
    from engine.align.tokenize import lcut  # the shared tokenizer's words, cached until a word is added

    a, b = list(lcut(sim.compact(parent))), list(lcut(sim.compact(local)))
    if lead:
        a, b = a[::-1], b[::-1]
    while a and b and w(a[-1]) == w(b[-1]):
        a.pop()
        b.pop()
    if lead:
        a, b = a[::-1], b[::-1]
    return "".join(a), "".join(b)


# who a parent clause names as acting at its own level (推动省级政府和国务院部门的…): words a draft
# replaces with its own, so they do not count when asking whether it kept the clause
_HIGHER_ACTORS = re.compile(
    r"(国务院|国家|中央|省级|省|自治区)[^，。；、和]{0,12}?(部门|委员会|政府|机关)(和|、|及)?|^(推动|推进|要|由)"
)


def _carried_reworded(text: str, measures: list[Measure], threshold: float) -> bool:
    """The clause kept in another sentence of the carrying measures, in other words: what it asks (its
    words once the higher-level actors are out: 咨询答问库与中国政府网对接联通) is nearly all there."""
    core = _HIGHER_ACTORS.sub("", sim.compact(text))
    if len(core) < 8 or core == sim.compact(text):
        return False
    return any(sim.coverage(core, s) >= threshold for m in measures for s in sim.sentences(m))


_NOT_OBLIGATION_CLASSES = ("framing", "exhortation", "designation", "purpose", "explanatory")


@memo(256, copy="shared")
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _not_obligation(
    ctx: CheckContext, text: str, classes: tuple[str, ...] = _NOT_OBLIGATION_CLASSES, *, after_action: bool = False
) -> str | None:
    """The id of the not_obligations.yaml entry of `classes` that `text` (a sentence or a sub-clause)
    is, or None: framing, exhortation and purpose are tried on the text as it is and without a leading
    subject and modal (职业院校应当根据自身特点和人才培养需要), explanatory on the text only. A purpose
    entry marked `after_action` (the default) counts only when `after_action` is true: the sub-clause
    follows the action of its sentence (建立指标体系，发挥导向引领作用), not opens it (充分发挥协会作用，…)."""
    table = ctx.table("not_obligations")
    flat = sim.compact(unicodedata.normalize("NFKC", text))
    if not flat:
        return None
    subject = table.get("subject")
    bare = _compiled(subject).sub("", flat, count=1) if isinstance(subject, str) and subject else flat
    for cls in classes:
        for e in table.get(cls) or []:
            if cls == "purpose" and e.get("after_action", True) and not after_action:
                continue
            p = _compiled(str(e["pattern"]))
            if p.search(flat) or (cls != "explanatory" and bare and p.search(bare)):
                return str(e.get("id") or e["pattern"])
    return None


def _without_subject(ctx: CheckContext, text: str) -> str:
    """`text` compacted, without a leading actor and modal (各级政府部门要, 职业院校应当: not_obligations.yaml
    `subject`); "" when it opens with none."""
    subject = ctx.table("not_obligations").get("subject")
    if not isinstance(subject, str) or not subject:
        return ""
    flat = sim.compact(unicodedata.normalize("NFKC", text))
    bare = _compiled(subject).sub("", flat, count=1)
    return bare if bare != flat else ""


# a part that only says when (2019年6月底前, 到2020年, 从2019年起): not what the clause asks
_TIME_ONLY = re.compile(
    r"^(到|至|在|于|从|自)?(\d{4}年)?([一二三四]季度|[上下]半年|\d{1,2}月(底|末|\d{1,2}日)?|年底|年末|底)?"
    r"(前|以前|之前|内|起|开始|以来)?$"
)


def _draft_parts(ctx: CheckContext, w: Wording) -> tuple[list[tuple[Measure, str, str]], str]:
    """Every sub-clause of the draft (between commas, in its sentences and titles): (measure, the
    sentence it stands in, its wording), and all their wordings joined by a line break (to ask at
    once whether a text is in any of them), once per run."""

    def compute() -> tuple[list[tuple[Measure, str, str]], str]:
        out = []
        for m in ctx.draft.measures:
            for s in [*sim.sentences(m), m.title or ""]:
                for x in _SUB.split(s):
                    flat = w(x)
                    if flat:
                        out.append((m, s, flat))
        return out, "\n".join(d for _, _, d in out)

    return ctx.remember(("clause_carried.draft_parts", w.key), compute)


def _head_carried(
    ctx: CheckContext, text: str, measures: list[Measure], w: Wording, options: Options
) -> tuple[Measure, str, bool] | None:
    """Where a dropped parent clause was moved though no draft sentence is like it as a whole: the
    draft measure and sentence holding its first requirement (its first sub-clause once framing,
    exhortation and a bare date are set aside: 推动…秸秆全量利用 behind 以收集、利用等环节为重点), and
    whether that measure holds all its requirements (split over sentences, reordered). In the
    carrying measures the first requirement must be at least `sub_clause_threshold` covered (word
    for word when shorter than `min_chars`); in any other measure word for word, its actor may be the
    draft's own there and here (各级政府部门要深化…改革 carried as 深化…改革). None when no measure
    holds it."""
    parts = []
    for x in _SUB.split(text):
        flat = sim.compact(x)
        if len(flat) < options.min_item_chars or _TIME_ONLY.match(flat):
            continue
        if options.skip_not_obligations and _not_obligation(ctx, x, ("framing", "exhortation", "designation")):
            continue
        parts.append(x)
    if not parts:
        return None
    bare = _without_subject(ctx, parts[0])
    wanted = [f for f in (w(parts[0]), w(bare) if bare else "") if len(f) >= 2 * options.min_item_chars]
    draft, joined = _draft_parts(ctx, w)
    carriers = {id(m) for m in measures}
    mine = [(m, s, d) for m, s, d in draft if id(m) in carriers]
    found = None
    for flat in wanted:
        need = 1.0 if len(flat) < options.min_chars else options.sub_clause_threshold
        score, j = sim.best_coverage(flat, [d for _, _, d in mine])
        if score >= need and j >= 0:
            found = mine[j]
            break
        if flat in joined:  # word for word somewhere (one substring search before the part-by-part one)
            found = next(((m, s, d) for m, s, d in draft if id(m) not in carriers and flat in d), None)
            if found is not None:
                break
    if found is None:
        return None
    where, sentence, _ = found
    held = [d for m, _, d in draft if m is where]
    whole = all(sim.best_coverage(w(x), held)[0] >= options.sub_clause_threshold for x in parts[1:])
    return where, sentence, whole


def _requirements(ctx: CheckContext, text: str, options: Options) -> list[str]:
    """The sub-clauses of `text` that ask something: not only a date, framing, exhortation, who is
    answerable, a bare subject, or a purpose after the action."""
    out = []
    for x in _SUB.split(text):
        flat = sim.compact(x).strip(_PUNCT)
        if len(flat) < options.min_item_chars or _TIME_ONLY.match(flat) or re.search(options.subject_only, flat):
            continue
        classes = ("framing", "exhortation", "designation", "purpose")
        if options.skip_not_obligations and _not_obligation(ctx, x, classes, after_action=_after_action(ctx, text, x)):
            continue
        out.append(x)
    return out


def _the_draft_itself(ctx: CheckContext, text: str, cp: ClausePair, options: Options) -> bool:
    """A parent sentence whose first requirement is to write or issue the kind of document the draft
    is (试点城市负责编制…实施方案，明确…; 2019年上半年，试点城市政府印发实施方案): the draft is that
    document, and what the sentence says it must hold is the draft's own structure
    (carried_by_draft.yaml `the_draft_itself`). Not when the draft is dated after the sentence's
    deadline: a late plan is still a finding."""
    parts = _requirements(ctx, text, options)
    if not parts or not asks_for_the_draft(ctx, parts[0]):
        return False
    due = [d.date for d in cp.parent_deadlines if d.kind == "by-date" and d.date]
    return not (due and ctx.draft_date and ctx.draft_date > max(due))


def _merged_into_neighbour(
    ctx: CheckContext, text: str, neighbour: ClausePair | None, w: Wording, options: Options
) -> bool:
    """A dropped parent clause the draft merged into the sentence carrying its neighbour: each of its
    requirements, light words aside (carried_by_draft.yaml `light_words`: 加快, 推进, 建设 …), names
    only what the neighbour parent clause names and that draft sentence keeps (加快设施建设 after
    合理布局…消纳处置和资源化利用设施, both carried as 合理布局…资源化利用设施)."""
    if neighbour is None or not neighbour.parent_text or not neighbour.local_text:
        return False
    parts = _requirements(ctx, text, options)
    if not parts:
        return False
    light = set(ctx.table("carried_by_draft").get("light_words") or [])
    theirs, ours = w(neighbour.parent_text), w(neighbour.local_text)
    for x in parts:
        words = [y for y in sim.content_words(w(x)) if y not in light]
        if not words or not all(y in theirs and y in ours for y in words):
            return False
    return True


def _not_obligation_clause(ctx: CheckContext, text: str, min_chars: int) -> bool:
    """A dropped parent sentence that is no obligation: a comment on the one before (explanatory), or
    made only of framing and exhortation parts."""
    if _not_obligation(ctx, text, ("explanatory",)):
        return True
    parts = [x for x in _SUB.split(text) if len(sim.compact(x)) >= min_chars]
    return bool(parts) and all(
        _not_obligation(
            ctx, x, ("framing", "exhortation", "designation", "purpose"), after_action=_after_action(ctx, text, x)
        )
        for x in parts
    )


def _after_action(ctx: CheckContext, text: str, part: str) -> bool:
    """Whether sub-clause `part` of `text` follows an action in its sentence: an earlier sub-clause of
    the same sentence that is neither framing (以…为契机) nor only a date. Then a purpose phrase there
    (…，发挥导向引领作用) states what the action is for; opening the sentence it is the task itself."""
    at = text.find(part.strip())
    if at <= 0:
        return False
    head = re.split(r"[。；;！？!?]", text[:at])[-1]
    return any(
        not _TIME_ONLY.match(sim.compact(x)) and not _not_obligation(ctx, x, ("framing",))
        for x in _SUB.split(head)
        if sim.compact(x).strip(_PUNCT)
    )


def _without_place(ctx: CheckContext, text: str) -> str:
    """`text` without the sub-clauses that name the parent's own place (认真研究广西形势)."""
    names = places.own_names(ctx.parent)
    parts = re.split(r"[，,；;]", text)
    return "，".join(p for p in parts if not any(n in p for n in names))


def _marked_for_other_levels(ctx: CheckContext, ref: str, text: str) -> bool:
    """The obligation ruleset's clause for `text` names levels that need not carry it, not the draft's: the clause
    was weighed for the levels and is this one's to carry whole."""
    ob = ctx.obligations.get(ref) if ref else None
    want = sim.compact(text)
    for cl in ob.clauses if ob is not None else ():
        have = sim.compact(cl.text)
        if have and want and (have == want or have in want or want in have):
            return bool(cl.beyond) and ctx.draft.level not in cl.beyond
    return False


def _without_beyond_parts(ctx: CheckContext, text: str) -> str:
    """`text` without its sub-clauses (between ，and ；, outside brackets) that are a higher level's own act
    (beyond_level: 中央财政继续…, 省级财政对…给予奖励), or `text` itself when none is, or all are."""
    parts = [p for p in split_outside(text.strip().rstrip("。；;"), "，,；;") if p.strip()]
    if len(parts) < 2:
        return text
    kept = [p for p in parts if not beyond_level(ctx, p.strip())]
    if not kept or len(kept) == len(parts):
        return text
    return "，".join(p.strip() for p in kept) + "。"


def _neighbour(clauses: list[ClausePair], i: int) -> ClausePair | None:
    """The carried clause before clause i (where a dropped clause would go), else the one after."""
    for j in [*range(i - 1, -1, -1), *range(i + 1, len(clauses))]:
        if clauses[j].relation != "dropped" and clauses[j].local_text:
            return clauses[j]
    return None


def _local(op: DiffOp) -> str:
    if op.op == "delete":
        return ""
    if op.op == "equal":
        return op.local or op.parent
    return op.local


class Wording:
    """Brings two wordings of one requirement together before they are compared.

    Level and place words of either plan out (`places.level_pattern`: a draft that writes 推动我区高效履职
    for 推动全区各级政府高效履职 has carried the clause; applied to both texts, so over-matching, 市 in 市场,
    costs nothing), degree adverbs and modals out (进一步, 不断, 深入, 应当 …: how hard, not what),
    synonyms to one spelling (推动 -> 推进, 强化 -> 加强), counts masked (两期 -> #期: a changed number
    is target_not_weaker's concern, not a dropped clause).
    """

    def __init__(self, ctx: CheckContext, synonyms: Iterable[Iterable[str]], fillers: Iterable[str]) -> None:
        self._levels = places.level_pattern(ctx)
        self._canon: dict[str, str] = {}
        for group in synonyms:
            words = [sim.compact(w) for w in group if sim.compact(w)]
            for w in words[1:]:
                self._canon.setdefault(w, words[0])
        self._syn = _alternation(tuple(self._canon))
        self._fill = _alternation(tuple(sim.compact(f) for f in fillers if sim.compact(f)))
        self._tiers = _closing_count(places.level_count(ctx))
        # pure functions of the text once built: memoised (shared by every Wording built alike)
        key = (self._levels, tuple(self._canon.items()), self._fill, self._tiers)
        self._flat, self._raw = _wording_stores(key)
        self.key = key  # Wordings with equal keys word every text alike

    def __call__(self, text: str) -> str:
        return self._flat.call(text, self._flatten, (text,), {})

    def _flatten(self, text: str) -> str:
        return self.reword(self._levels.sub("", sim.compact(unicodedata.normalize("NFKC", text))))

    def reword(self, text: str) -> str:
        """Only the rewording part (no level words taken out): for short items, where taking out
        区政府 from 区政府各部门 would lose the 政府 of 政府部门."""
        return self._raw.call(text, self._reword, (text,), {})

    def counted_as(self, parent: str, local: str) -> str:
        """`parent`, the last item of a tier list, with its count of levels written as `local`'s, when
        both close their lists with one after a tier name (组五级网格 and 组四级网格: 组四级网格).

        A list of tiers ends with their number (县、乡、村、组四级), which changes with the list: a
        child that writes the tiers of its level and below writes fewer (市、县、乡、村、组五级 →
        县、乡、村、组四级), so two closing counts are the same words. The items themselves are compared
        one by one; a list of grades (一级、二级、三级风险: no name before the count) keeps its numbers.
        """
        p, d = self._tiers.match(sim.compact(parent)), self._tiers.match(sim.compact(local))
        if p is None or d is None:
            return parent
        flat = sim.compact(parent)
        return flat[: p.start("n")] + d.group("n") + flat[p.end("n") :]

    def _reword(self, text: str) -> str:
        flat = sim.compact(unicodedata.normalize("NFKC", text))
        if self._fill is not None:
            flat = self._fill.sub("", flat)
        if self._syn is not None:
            flat = self._syn.sub(lambda m: self._canon[m.group(0)], flat)
        return _COUNT.sub("#", flat)


_COUNT = re.compile(r"[0-9〇零一二两三四五六七八九十百千万]+(?=[期次个项名家天日周月年倍%])")


@memo(16, copy="shared")  # compiled patterns; one per levels.yaml `level_count`
def _closing_count(count: str) -> re.Pattern[str]:
    """A tier name (乡镇, 村社区, 组, 网格: up to four characters, no numeral) and the count of levels after
    it, at the start of a list's last item (组五级网格化管理)."""
    return re.compile(rf"^[^\W\d_〇零一二两三四五六七八九十]{{1,4}}?(?P<n>{count})")


# (level pattern, synonyms, fillers) -> (texts as worded, texts as reworded): a run builds one or two
# keys, a server one per pair of plans' places (16); each store holds str, shared, 32768 texts (the
# clauses and items of a few large plans)
@memo(16, copy="shared")
def _wording_stores(key: tuple) -> tuple[Memo, Memo]:
    return Memo(32768, "shared", "clause_carried.Wording"), Memo(32768, "shared", "clause_carried.Wording.reword")


@memo(64, copy="shared")  # compiled patterns; one per synonym/filler list of a ruleset
def _alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


# the last item of an enumeration often holds two joined by 和/及/以及/与 (服务和结果公开); not the
# 与 of 参与, the 及 of 及时/及其, the 和 of 和谐/共和/调和
_JOIN = re.compile(r"以及|(?<![以涉])及(?![其时])|(?<![共调总温])和(?![谐平睦解])|(?<![参给])与(?!其)")


def split_items(text: str) -> list[str]:
    """An enumeration's items: split on 、 and, in the last item, on the joining 和/及/以及/与. A 、 inside
    brackets is part of a name, not of the list (各县（市、区）要…, 村（社区）)."""
    items = split_outside(text, "、", "(（", ")）")
    if len(items) >= 2:
        items[-1:] = _JOIN.split(items[-1], maxsplit=1)
    return [x for x in items if sim.compact(x)]



def _level(ctx: CheckContext, ref: str, cp: ClausePair) -> str:
    """The parent clause's strength: as curated in the obligation ruleset (clauses[].level, the clause
    found by its text), else as read from the parent's words."""
    ob = ctx.obligation(ref)
    want = sim.compact(cp.parent_text)
    if ob is not None and want:
        for cl in ob.clauses:
            if sim.compact(cl.text) == want:
                return cl.level
    return cp.parent_level


KIND = ClauseCarried
