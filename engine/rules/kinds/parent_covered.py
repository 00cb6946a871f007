"""parent_covered: every parent measure has a counterpart in the draft, or a recorded reason why not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.models import CARRIED, Measure
from engine.rules import places
from engine.rules import similarity as sim
from engine.rules.beyond import beyond_level, measure_asks_for_the_draft, measure_beyond
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(KindOptions):
    include_general: bool = Field(
        False, description="also report dropped general requirements (指导思想, 主要原则, 总体目标 …)"
    )
    recheck_threshold: float = Field(
        0.85,
        ge=0,
        le=1,
        description="a 'dropped' parent measure whose clauses mostly (see recheck_share) reappear in some "
        "draft sentence at this similarity is treated as carried: the alignment missed it, the draft did "
        "not. 1 turns the recheck off",
    )
    recheck_share: float = Field(0.6, ge=0, le=1, description="share of clauses that must reappear")
    skip_beyond_level: bool = Field(
        True,
        description="report a dropped parent measure whose title is about legislation when the draft's level "
        "has none (完善立法工作机制 in a district's plan), or about a higher level's strategies, platforms or "
        "programmes in a lower-level draft (beyond_level.yaml), only as information asking to confirm it "
        "does not apply (curated require_phrases keep the full severity); and not report at all a dropped "
        "measure each of whose clauses is a higher level's own duty by the data tables (beyond.py "
        "measure_beyond: a higher body as actor, choosing pilot cities, standard-setting …)",
    )


_CONFIRM = {
    "zh": "请确认本级不适用：本级没有该项职权（如立法），或该项属上级的战略、平台、示范；确不适用的在义务规则集中"
    "填写 not_applicable 及理由，本级有协助配合任务的（如立法联系点、立法建议）请补充",
    "en": "please confirm it does not apply: the draft's level lacks the power (e.g. legislation) or the measure "
    "is the parent level's own strategy, platform or programme; record not_applicable with a reason, or add "
    "the level's supporting task (e.g. proposals for legislation)",
}


class ParentCovered(CheckKind):
    name = "parent_covered"
    description = (
        "上级方案的每一项措施，下级方案都应当有承接的措施（可以改写、合并或拆分）；确因层级或职权不适用的"
        "（如区级无立法权），应在义务规则集中为该项记录 not_applicable 及理由。本检查找出既没有对应措施、"
        "又没有记录不适用理由的上级措施。合并、拆分承接的措施视为已承接；总体要求类条目（指导思想、主要原则、"
        "总体目标）默认不报告；每一条款都是上级机关自身职责的措施（主语是上级机关、选择和确定试点城市、制定标准等，"
        "rulesets/data/beyond_level.yaml）不报告；只要求下级编制、印发实施方案的措施由草案本身承接（草案就是这类文件、"
        "且不晚于其时限，rulesets/data/carried_by_draft.yaml），不报告。"
    )
    description_en = (
        "Every parent measure must have a counterpart in the draft (reworded, merged or split is fine), or a "
        "recorded reason why it does not apply at the draft's level (Obligation.not_applicable, e.g. a district "
        "has no legislative power). Reports parent measures with neither. Merged and split measures count as "
        "carried; general requirements (guiding thought, principles, overall goals) are not reported by default, "
        "nor measures each of whose clauses is a higher level's own duty (a higher body as actor, choosing the "
        "pilot cities, setting standards …: rulesets/data/beyond_level.yaml), nor a measure that only asks the "
        "lower level to write and issue the kind of document the draft is, when the draft is not dated after its "
        "deadline (rulesets/data/carried_by_draft.yaml)."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "上级方案第{parent_item}项“{parent_title}”在本方案中没有对应措施，也没有记录不适用的理由",
        "en": "parent measure {parent_item} '{parent_title}' has no counterpart in the draft and no recorded "
        "reason why it does not apply",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "补充承接上级第{parent_item}项的措施并明确牵头单位{where}；确不适用的，在义务规则集中为该项填写 "
        "not_applicable 及理由",
        "en": "add a measure that carries parent measure {parent_item} and name its lead unit{where}; if it "
        "does not apply, record not_applicable with a reason for it in the obligation ruleset",
    }
    needs_parent = True

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        if ctx.alignment is None or not ctx.scope_applies():
            return
        pairs = list(ctx.pairs())
        relation = {p.parent_item: p.relation for p in pairs if p.parent_item is not None}
        last_carrier: Measure | None = None
        for pair in pairs:
            ref = pair.parent_item
            if ref is None:
                continue
            if pair.relation in CARRIED:
                carriers = ctx.carrying(pair)
                if carriers:
                    last_carrier = carriers[-1]
                continue
            if pair.relation == "general" and not options.include_general:
                continue
            if pair.relation not in ("dropped", "general"):
                continue
            pm = ctx.parent_measure(ref)
            if pm is not None and pm.general and not options.include_general:
                continue
            if not ctx.applies(ref):
                continue
            beyond = (
                options.skip_beyond_level
                and pm is not None
                and bool(pm.title)
                and not (ctx.obligations.get(ref) and ctx.obligations[ref].require_phrases)
                and (places.is_legislation(ctx, pm.title) or bool(beyond_level(ctx, pm.title)))
            )
            if pm is not None and self._covered_anyway(ctx, pm, relation, options):
                continue
            if options.skip_beyond_level and pm is not None and measure_beyond(ctx, ref, pm):
                continue  # every clause of it is a higher level's own (beyond.py): nothing to carry
            if pm is not None and measure_asks_for_the_draft(ctx, pm):
                continue  # 制定（印发）实施方案: the draft is that plan, in time
            title = pm.title if pm is not None else ref
            where = ""
            if last_carrier is not None:
                where = (
                    f"（宜放在第{last_carrier.ref}项之后）"
                    if ctx.lang == "zh"
                    else f" (after measure {last_carrier.ref})"
                )
            suggestion = self.suggest(ctx.lang, {"parent_item": ref, "where": where})
            if beyond:  # likely right to leave out: say so once, as information to confirm
                suggestion = _CONFIRM["en" if ctx.lang == "en" else "zh"]
            yield Hit(
                local_item=None,
                parent_item=ref,
                parent_quote=title,
                fields={"parent_item": ref, "parent_title": title, "where": where},
                suggestion=suggestion,
                severity="info" if beyond else None,
                key="dropped",
                line=(last_carrier.end_line or last_carrier.line) if last_carrier else None,
            )

    @staticmethod
    def _covered_anyway(ctx: CheckContext, pm: Measure, relation: dict[str, str], options: Options) -> bool:
        """A dropped measure is not reported when its enclosing measure is dropped too (reported once,
        there), when one of its sub-measures is carried (the container is carried through them), or
        when its text reappears in the draft sentence by sentence (the alignment missed it)."""
        outer = ctx.enclosing(ctx.parent, pm) if ctx.parent else None
        if outer is not None and relation.get(outer.ref) == "dropped":
            return True
        kids = ctx.children(ctx.parent, pm) if ctx.parent else []
        if any(relation.get(k.ref) in CARRIED for k in kids):
            return True
        if options.recheck_threshold >= 1:
            return False
        clauses = [s for s in sim.sentences(pm) if len(sim.compact(s)) >= 8]
        if not clauses:
            return False
        # found / len(clauses) >= recheck_share, stopping as soon as the answer cannot change
        found = 0
        for k, s in enumerate(clauses):
            if sim.best_sentence(s, ctx.draft.measures, options.recheck_threshold)[0] >= options.recheck_threshold:
                found += 1
            left = len(clauses) - k - 1
            if found / len(clauses) >= options.recheck_share or (found + left) / len(clauses) < options.recheck_share:
                break
        return found / len(clauses) >= options.recheck_share


KIND = ParentCovered
