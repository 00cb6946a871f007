"""deadline_carried: a parent task with a deadline keeps a deadline when the draft carries it.

A join rule with a name: whether and how well the carrying measures keep a parent deadline is the
fuzzy part, in code (engine.rules.obligation_facts, fact carried_deadline: same words or date, the
similarity of the most similar sentence holding a comparable deadline); "dropped" is the join's
judgement: not kept, and no such sentence at least 0.6 like the parent clause. rulesets/obligations.yaml
writes the join out (options.join); a rule that gives only this kind's own options gets the same
join, built by `expand`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import Field

from engine.rules.joins import JoinOptions, WrittenAsJoin, run_join
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(WrittenAsJoin):
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
    join: JoinOptions | None = Field(
        None, description="the rule written out as a join (plancheck rules show deadline-carried); "
        "without it, the join `expand` builds from the options above",
    )



def expand(options: Options) -> JoinOptions:
    """The join a rule with only this kind's options runs."""
    if options.join is not None:
        return options.join
    where: list[dict[str, Any]] = [
        {"field": "kept", "value": False},
        # without clause pairs, the parent sentence must still be there (else clause_carried's finding)
        {"any": [{"field": "via", "op": "ne", "value": "sentence"},
                 {"field": "score", "op": "gte", "value": options.similar_threshold}]},
    ]
    if options.ignore_past:
        where.append({"field": "past", "value": False})
    if not options.check_curated:
        where.append({"field": "via", "op": "ne", "value": "curated"})
    return JoinOptions.model_validate({
        "facts": [{"as": "c", "fact": "carried_deadline", "where": {"all": where}}],
        "forbid": [{"field": "c.kept_score", "op": "lt", "value": options.similar_threshold}],
        "quote": "c.quote", "parent_quote": "c.clause",
        "fields": {"parent_deadline": "c.text"},
        "key": "{c_about}",
    })


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
        for hit in run_join(ctx, expand(options)):
            if options.join is None:  # as this kind always did: its own suggestion
                hit.suggestion = self.suggest(ctx.lang, hit.fields)
            yield hit


KIND = DeadlineCarried
