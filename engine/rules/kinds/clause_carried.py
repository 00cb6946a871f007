"""clause_carried: inside a carried measure, each parent clause and listed item is carried too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from engine.models import ClausePair, DiffOp, Measure, Severity, StrengthLevel
from engine.rules import carrying as c
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


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
        description="report words deleted from a carried clause when they are a whole list item or sub-clause "
        "(仲裁、 in 信访、调解、仲裁、行政裁决; ，衔接全国…系统 at the end of a sentence), unless they only "
        "adapt the text to the draft's level (各级, 乡镇, the parent's place name, legislation at a level "
        "without legislative power)",
    )
    min_item_chars: int = Field(
        2, ge=1, description="ignore left-out list items shorter than this once adapted"
    )
    max_item_chars: int = Field(10, ge=1, description="longer 、-separated parts are phrases, not list items")
    sub_clause_threshold: float = Field(
        0.7,
        ge=0,
        le=1,
        description="a parent sub-clause (between commas) less similar than this to every sub-clause of the "
        "draft clause is left out",
    )
    skip_beyond_level: bool = Field(
        True,
        description="do not report clauses about legislation when the draft's level has no legislative power "
        "(levels.yaml: legislation false); curate not_applicable for anything else a level cannot do",
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
        True, description="a dropped clause with a deadline (by date or recurring) is at least a warning"
    )


_WHAT = {
    "clause": {"zh": "未承接上级条款", "en": "drops a parent clause"},
    "items": {"zh": "列举事项中少了“{items}”", "en": "drops '{items}' from a listed enumeration"},
    "phrase": {"zh": "缺少上级要求的“{items}”", "en": "lacks the required phrase '{items}'"},
}
_RANK = {"info": 0, "warning": 1, "error": 2}


class ClauseCarried(CheckKind):
    name = "clause_carried"
    description = (
        "上级一项措施往往包含多项要求；下级承接了这项措施，也要承接其中的每一条要求和列举的每一个事项。本检查"
        "在已对应的措施之间逐条比较，找出下级遗漏的上级条款和列举事项，严重程度按上级条款的约束力确定（“必须”"
        "“严禁”类为错误，“全面”“严格”类为警告，其余为提示，可配置），带时限或量化指标的条款至少为警告。移到"
        "下级其他措施中的条款不算遗漏；过短的套话条款不报告。义务规则集中整理的必须保留的表述"
        "（require_phrases）在所有承接措施中都找不到的，也在这里报告。"
    )
    description_en = (
        "A parent measure usually holds several requirements; carrying the measure means carrying each of them "
        "and each listed item. Compares aligned measures clause by clause and reports parent clauses and "
        "enumerated items the draft left out, graded by the parent clause's strength (mandatory → error, firm "
        "→ warning, else info; configurable), a clause with a deadline or target at least a warning. Clauses "
        "moved to another draft measure are not dropped; short filler clauses are ignored. Curated "
        "Obligation.require_phrases missing from all carrying measures are reported here too."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项承接上级第{parent_item}项，但{what}：“{parent_text}”",
        "en": "measure {local_item} carries parent measure {parent_item} but {what}: '{parent_text}'",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "在第{local_item}项中补充：“{parent_text}”（或按本级实际改写）；确不适用的请在义务规则集中注明",
        "en": "add to measure {local_item}: '{parent_text}' (adapted to this level), or record why it does not apply",
    }
    needs_parent = True

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        ignore = [re.compile(p) for p in options.ignore_patterns]
        for pair, measures in c.carried_pairs(ctx):
            ref = pair.parent_item or ""
            for i, cp in enumerate(pair.clauses):
                if cp.relation == "dropped":
                    hit = self._dropped(ctx, ref, cp, measures, options, ignore, _neighbour(pair.clauses, i))
                    if hit:
                        yield hit
                elif options.check_items and cp.relation != "added" and cp.local_text:
                    hit = self._items(ctx, ref, cp, measures, options)
                    if hit:
                        yield hit
            if options.check_phrases:
                yield from self._phrases(ctx, ref, measures, options)

    def _dropped(
        self,
        ctx: CheckContext,
        ref: str,
        cp: ClausePair,
        measures: list[Measure],
        options: Options,
        ignore: list[re.Pattern[str]],
        neighbour: ClausePair | None,
    ) -> Hit | None:
        text = (cp.parent_text or "").strip()
        core = c.compact(text)
        if len(core) < options.min_chars or any(p.search(core) for p in ignore):
            return None
        if options.skip_beyond_level and c.is_legislation(ctx, text):
            return None
        if len(c.compact(_without_place(ctx, text))) < options.min_chars:
            return None  # only about the parent's own place (研究广西形势): nothing to carry
        score, where, sentence = c.best_sentence(text, ctx.draft.measures)
        if where is not None and score >= options.elsewhere_threshold:
            # carried (moved or rewritten) — but perhaps only in part: report the sub-clauses left out
            partial = cp.model_copy(update={"local_text": sentence, "local_item": where.ref, "diff": []})
            return self._items(ctx, ref, partial, [where], options)
        severity = options.severity_by_level.get(cp.parent_level, "info")
        timed = any(c.timed(d) for d in cp.parent_deadlines)
        if options.escalate_timed and timed and _RANK[severity] < 1:
            severity = "warning"
        if neighbour is not None and options.quote_at == "neighbour":
            m = c.local_for(neighbour.local_item, measures)
            quote = neighbour.local_text
        else:
            m = c.local_for(cp.local_item, measures)
            quote = m.title
        return self._hit(ctx, m, ref, "clause", text, "", quote, severity, f"clause:{core[:24]}")

    def _items(
        self, ctx: CheckContext, ref: str, cp: ClausePair, measures: list[Measure], options: Options
    ) -> Hit | None:
        """Sub-clauses (between commas) and list items (between 、) of a carried parent clause that the
        draft clause left out, compared part by part so rewording elsewhere in the clause doesn't count."""
        local = cp.local_text or ""
        subs = [x for x in _SUB.split(local) if c.compact(x)]
        missing: list[str] = []
        quote = None
        last_carried = subs[0] if subs else None
        for sc in _SUB.split(cp.parent_text or ""):
            if len(c.compact(sc)) < options.min_item_chars:
                continue
            if c.higher_level_subject(ctx, sc):
                continue
            flat = c.delevel(ctx, sc)
            score, best = max(((c.coverage(flat, c.delevel(ctx, x)), x) for x in subs), default=(0.0, ""))
            if score >= options.sub_clause_threshold:
                last_carried = best
                if score >= options.elsewhere_threshold and sc.count("、") >= 2:
                    # middle items only: the first and last carry the verb and the tail of the clause
                    for item in sc.split("、")[1:-1]:
                        if len(c.compact(item)) > options.max_item_chars:
                            continue  # not a list item: a 、 inside a longer phrase
                        if self._reportable(ctx, item, measures, options, min_chars=options.min_item_chars):
                            missing.append(item.strip(_PUNCT))
                            quote = quote or best
                continue
            if self._reportable(ctx, sc, measures, options, min_chars=options.min_chars):
                missing.append(sc.strip(_PUNCT))
                quote = quote or last_carried
        if not missing:
            return None
        m = c.local_for(cp.local_item, measures)
        quote = (quote or local or m.title).strip()
        severity = options.severity_by_level.get(cp.parent_level, "info")
        items = "、".join(missing)
        return self._hit(
            ctx, m, ref, "items", cp.parent_text or "", items, quote, severity, f"items:{items[:24]}"
        )

    def _reportable(
        self, ctx: CheckContext, part: str, measures: list[Measure], options: Options, *, min_chars: int
    ) -> bool:
        """A left-out part worth reporting: long enough once level words are out, not only about the
        parent's place or (at a level without that power) legislation, and not present elsewhere."""
        part = part.strip()
        if len(c.compact(part)) < min_chars or len(c.adaptation_residue(ctx, part)) < options.min_item_chars:
            return False
        if any(n in part for n in c.place_names(ctx.parent)):
            return False  # 紧紧结合广西发展特点: tailoring to the parent's place, not a task
        if options.skip_beyond_level and c.is_legislation(ctx, part):
            return False
        if c.contains(measures, part):
            return False
        return not (
            len(c.compact(part)) >= options.min_chars
            and c.best_sentence(part, ctx.draft.measures)[0] >= options.elsewhere_threshold
        )

    def _phrases(
        self, ctx: CheckContext, ref: str, measures: list[Measure], options: Options
    ) -> Iterator[Hit]:
        ob = c.obligation(ctx, ref)
        if ob is None:
            return
        for phrase in ob.require_phrases:
            if c.contains(measures, phrase):
                continue
            m = measures[0]
            yield self._hit(ctx, m, ref, "phrase", phrase, phrase, m.title, None, f"phrase:{phrase}")

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
    ) -> Hit:
        lang = "en" if ctx.lang == "en" else "zh"
        fields = {
            "local_item": m.ref,
            "parent_item": ref,
            "what": _WHAT[what][lang].format(items=items),
            "parent_text": parent_text,
            "items": items,
        }
        if quote and quote not in m.text:
            quote = m.title
        return Hit(
            local_item=m.ref,
            parent_item=ref,
            quote=quote or None,
            parent_quote=parent_text,
            fields=fields,
            suggestion=c.render(self.suggestion, ctx.lang, fields),
            severity=severity,
            key=key,
        )


_PUNCT = "，,；;。、：: "
_SUB = re.compile(r"(?<=[，,；;。])")


def _without_place(ctx: CheckContext, text: str) -> str:
    """`text` without the sub-clauses that name the parent's own place (认真研究广西形势)."""
    names = c.place_names(ctx.parent)
    parts = re.split(r"[，,；;]", text)
    return "，".join(p for p in parts if not any(n in p for n in names))


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


KIND = ClauseCarried
