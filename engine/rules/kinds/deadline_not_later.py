"""deadline_not_later: a draft deadline is no later than its parent's (earlier is allowed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.models import Deadline, Measure
from engine.rules import deadlines as dl
from engine.rules import similarity as sim
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(KindOptions):
    measure_level_threshold: float = Field(
        0.6,
        ge=0,
        le=1,
        description="without clause pairs, a parent deadline is compared with a draft deadline only when "
        "the sentences they stand in are at least this similar",
    )
    check_curated: bool = Field(True, description="also compare with the curated Obligation.deadline")


class DeadlineNotLater(CheckKind):
    name = "deadline_not_later"
    description = (
        "下级方案的完成时限不得晚于上级方案对同一任务的时限（可以更早）。本检查按条款比较：上级条款“2022年"
        "年底前”完成的事项，下级承接条款写成“2023年年底前”即报告；每年定期的时限比较月日（每年3月底前比"
        "每年6月底前严格）；不可比较的时限（任期内、一次性与每年定期之间）不比较。合并、拆分承接的，在所有"
        "承接措施中查找。义务规则集中整理了更严格时限（deadline）的，也按该时限检查。"
    )
    description_en = (
        "A draft deadline must be no later than its parent's for the same task (earlier is fine). Compared "
        "clause by clause: a parent clause due 2022年年底前 carried as 2023年年底前 is reported; recurring "
        "deadlines compare their month and day (每年3月底前 is stricter than 每年6月底前); deadlines that "
        "cannot be compared (a term of office, one-off against yearly) are skipped. Merged and split measures "
        "are searched together. A curated Obligation.deadline is checked too."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项的时限“{local_deadline}”晚于上级第{parent_item}项的“{parent_deadline}”",
        "en": "measure {local_item}: deadline '{local_deadline}' is later than '{parent_deadline}' in parent "
        "measure {parent_item}",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "改为“{parent_deadline}”或更早",
        "en": "change it to '{parent_deadline}' or earlier",
    }
    needs_parent = True

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        seen: set[tuple[str, str]] = set()
        for pair, measures in ctx.carried_pairs():
            ref = pair.parent_item or ""
            found: list[tuple[Deadline, Measure, Deadline]] = []
            paired = False
            for cp in pair.clauses:
                if not cp.parent_deadlines:
                    continue
                paired = True
                if cp.relation == "dropped" or not cp.local_deadlines:
                    continue
                m = ctx.local_for(cp.local_item, measures)
                for p, loc in self._match(cp.parent_deadlines, cp.local_deadlines):
                    found.append((p, m, loc))
            if not paired:
                found += self._measure_level(ctx, ref, measures, options)
            for p, m, loc in found:
                if (m.ref, loc.text) in seen:
                    continue
                seen.add((m.ref, loc.text))
                yield self._hit(ctx, m, ref, loc, p.text, p.text)
            ob = ctx.obligation(ref)
            if options.check_curated and ob is not None and ob.deadline:
                for m, loc in dl.all_deadlines(measures):
                    if (m.ref, loc.text) in seen or not date_later(ob.deadline, loc):
                        continue
                    seen.add((m.ref, loc.text))
                    yield self._hit(ctx, m, ref, loc, ob.deadline, None, key="curated")

    def _hit(
        self,
        ctx: CheckContext,
        m: Measure,
        ref: str,
        loc: Deadline,
        limit: str,
        quote: str | None,
        key: str = "",
    ) -> Hit:
        fields = {
            "local_item": m.ref,
            "parent_item": ref,
            "local_deadline": loc.text,
            "parent_deadline": limit,
        }
        return Hit(
            local_item=m.ref,
            parent_item=ref,
            quote=loc.text,
            parent_quote=quote,
            fields=fields,
            suggestion=self.suggest(ctx.lang, fields),
            key=key or f"later:{loc.text}",
        )

    @staticmethod
    def _match(parents: list[Deadline], locals_: list[Deadline]) -> Iterator[tuple[Deadline, Deadline]]:
        """(parent, later local) pairs. Same count: position by position (a clause with two dates keeps
        their order); otherwise a parent deadline is broken only if every comparable local one is later."""
        if len(parents) == len(locals_):
            for p, loc in zip(parents, locals_, strict=True):
                if dl.deadline_later(p, loc):
                    yield p, loc
            return
        for p in parents:
            verdicts = [(loc, dl.deadline_later(p, loc)) for loc in locals_]
            comparable = [(loc, v) for loc, v in verdicts if v is not None]
            if comparable and all(v for _, v in comparable):
                yield p, min((loc for loc, _ in comparable), key=lambda d: d.date or d.month_day or "")

    @staticmethod
    def _measure_level(
        ctx: CheckContext, ref: str, measures: list[Measure], options: Options
    ) -> list[tuple[Deadline, Measure, Deadline]]:
        """Without clause pairs: each parent deadline against the draft deadline in the most similar
        sentence of the carrying measures."""
        pm = ctx.parent_measure(ref)
        if pm is None:
            return []
        out = []
        for p in pm.deadlines:
            psent = dl.sentence_of(pm, p)
            best: tuple[float, Measure | None, Deadline | None] = (0.0, None, None)
            for m, loc in dl.all_deadlines(measures):
                if dl.deadline_later(p, loc) is None:
                    continue
                score = sim.similarity(psent, dl.sentence_of(m, loc))
                if score > best[0]:
                    best = (score, m, loc)
            score, m, loc = best
            if m is not None and loc is not None and score >= options.measure_level_threshold:
                if dl.deadline_later(p, loc):
                    out.append((p, m, loc))
        return out


def date_later(limit: str, local: Deadline) -> bool | None:
    """Whether `local` ends after the ISO date `limit` (a curated deadline)."""
    if local.kind in ("recurring", "term") or not local.date:
        return None
    return local.date > limit


KIND = DeadlineNotLater
