"""deadline_carried: a parent task with a deadline keeps a deadline when the draft carries it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.models import Deadline, Measure
from engine.rules import deadlines as dl
from engine.rules import similarity as sim
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(KindOptions):
    ignore_past: bool = Field(
        False,
        description="skip parent deadlines that had passed by the draft's own date (Plan.date). Off by "
        "default: a reviewer still wants to see that the draft silently dropped a date, even a past one "
        "(the draft should say it was met, or set a new one)",
    )
    similar_threshold: float = Field(
        0.6,
        ge=0,
        le=1,
        description="a deadline elsewhere in the carrying measures counts for the clause when the sentence "
        "it stands in is at least this similar to the parent clause",
    )
    check_curated: bool = Field(
        True, description="an obligation with a curated deadline needs some dated deadline in its carriers"
    )


class DeadlineCarried(CheckKind):
    name = "deadline_carried"
    description = (
        "上级方案规定了完成时限（如“2022年年底前”“每年3月底前”）的任务，下级方案承接时必须保留时限（可以"
        "提前），否则任务失去约束。本检查找出已承接但在所有承接措施中都没有对应时限的条款；时限写在承接措施"
        "的其他句子里、或写法不同的，都视为已保留。整条措施未承接的由 parent_covered 报告，整句未承接的由 "
        "clause_carried 报告，这里不重复。可选忽略在方案印发前已经届满的时限。"
    )
    description_en = (
        "A parent task with a deadline (2022年年底前, 每年3月底前) must keep one when the draft carries it "
        "(earlier is fine), or the task binds no one. Reports carried clauses with no deadline anywhere in "
        "the carrying measures; a deadline moved to another sentence of the carrying measures counts. Whole "
        "measures dropped are parent_covered's, whole clauses dropped clause_carried's. Optionally ignore "
        "parent deadlines already past at the draft's date."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项承接了上级第{parent_item}项，但没有保留完成时限“{parent_deadline}”",
        "en": "measure {local_item} carries parent measure {parent_item} but drops its deadline "
        "'{parent_deadline}'",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "补充完成时限：“{parent_deadline}”或更早",
        "en": "add the deadline: '{parent_deadline}' or earlier",
    }
    needs_parent = True

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        today = ctx.draft.date if options.ignore_past else None
        for pair, measures in ctx.carried_pairs():
            ref = pair.parent_item or ""
            clauses = [cp for cp in pair.clauses if cp.parent_deadlines]
            if clauses:
                for cp in clauses:
                    if cp.relation == "dropped" or cp.local_deadlines:
                        continue
                    wanted = [d for d in cp.parent_deadlines if dl.timed(d) and not _past(d, today)]
                    if not wanted or self._found(cp.parent_text or "", wanted, measures, options):
                        continue
                    m = ctx.local_for(cp.local_item, measures)
                    yield self._hit(ctx, m, ref, wanted[0], cp.local_text, cp.parent_text)
            elif not pair.clauses:
                yield from self._measure_level(ctx, ref, measures, today, options)
            ob = ctx.obligation(ref)
            if options.check_curated and ob is not None and ob.deadline and not _past_iso(ob.deadline, today):
                if not any(d.kind in ("by-date", "period") and d.date for _, d in dl.all_deadlines(measures)):
                    fake = Deadline(text=ob.deadline, kind="by-date", date=ob.deadline)
                    yield self._hit(ctx, measures[0], ref, fake, None, ob.title, key="curated")

    def _measure_level(
        self, ctx: CheckContext, ref: str, measures: list[Measure], today: str | None, options: Options
    ) -> Iterator[Hit]:
        pm = ctx.parent_measure(ref)
        if pm is None:
            return
        for p in pm.deadlines:
            if not dl.timed(p) or _past(p, today):
                continue
            psent = dl.sentence_of(pm, p)
            if self._found(psent, [p], measures, options):
                continue
            score, m, s = sim.best_sentence(psent, measures, options.similar_threshold)
            if m is None or score < options.similar_threshold:
                continue  # the clause itself is gone: clause_carried's finding, not ours
            yield self._hit(ctx, m, ref, p, s, psent)

    @staticmethod
    def _found(clause: str, wanted: list[Deadline], measures: list[Measure], options: Options) -> bool:
        """A comparable deadline with the same words, or in a sentence like the parent clause."""
        texts = {sim.compact(d.text) for d in wanted}
        for m, d in dl.all_deadlines(measures):
            if sim.compact(d.text) in texts or any(t in sim.compact(d.text) for t in texts):
                return True  # the same words (于2022年年底前 holds 2022年年底前)
            if any(d.kind == w.kind and d.date and d.date == w.date for w in wanted):
                return True  # the same date, written differently
            if not any(dl.deadline_later(w, d) is not None for w in wanted):
                continue
            if sim.similarity(clause, dl.sentence_of(m, d)) >= options.similar_threshold:
                return True
        return False

    def _hit(
        self,
        ctx: CheckContext,
        m: Measure,
        ref: str,
        p: Deadline,
        local_text: str | None,
        parent_text: str | None,
        key: str = "",
    ) -> Hit:
        fields = {"local_item": m.ref, "parent_item": ref, "parent_deadline": p.text}
        quote = local_text if local_text and sim.compact(local_text) and local_text in m.text else m.title
        return Hit(
            local_item=m.ref,
            parent_item=ref,
            quote=quote or None,
            parent_quote=parent_text,
            fields=fields,
            suggestion=self.suggest(ctx.lang, fields),
            key=key or f"missing:{p.text}",
        )


def _past(d: Deadline, today: str | None) -> bool:
    return bool(today and d.kind == "by-date" and d.date and d.date < today)


def _past_iso(date: str, today: str | None) -> bool:
    return bool(today and date < today)


KIND = DeadlineCarried
