"""deadline_not_later: a draft deadline is no later than its parent's (earlier is allowed).

A join rule with a name: which draft deadline answers which parent deadline is the fuzzy pairing of
engine.rules.obligation_facts (facts parent_deadline, paired_deadline); "later" is the join's
comparison `l.due > p.due`. rulesets/obligations.yaml writes the join out (options.join); a rule
that gives only this kind's own options gets the same join, built by `expand`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import Field

from engine.rules.goals import name_place
from engine.rules.joins import JoinOptions, WrittenAsJoin, run_join
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(WrittenAsJoin):
    measure_level_threshold: float = Field(
        0.6,
        ge=0,
        le=1,
        description="without clause pairs, a parent deadline is compared with a draft deadline only when "
        "the sentences they stand in are at least this similar",
    )
    check_curated: bool = Field(True, description="also compare with the curated Obligation.deadline")
    join: JoinOptions | None = Field(
        None, description="the rule written out as a join (plancheck rules show deadline-not-later); "
        "without it, the join `expand` builds from the options above",
    )



def expand(options: Options) -> list[JoinOptions]:
    """The joins a rule with only this kind's options runs: pairs, then (check_curated) the curated date."""
    if options.join is not None:
        return [options.join]
    specs: list[dict[str, Any]] = [{
        "facts": [
            {"as": "p", "fact": "parent_deadline"},
            {"as": "l", "fact": "paired_deadline", "key": {"slot": "p.slot"},
             "where": {"any": [{"field": "via", "value": "clause"},
                               {"field": "score", "op": "gte", "value": options.measure_level_threshold}]}},
        ],
        "forbid": [{"field": "l.due", "op": "gt", "ref": "p.due"}],
        "quote": "l.text", "parent_quote": "p.text",
        "fields": {"local_deadline": "l.text", "parent_deadline": "p.text"},
        "key": "later:{local_deadline}",
    }]
    if options.check_curated:
        specs.append({
            "facts": [
                {"as": "o", "fact": "obligation",
                 "where": {"all": [{"field": "curated_deadline", "op": "exists"},
                                   {"field": "not_applicable", "value": False}]}},
                {"as": "a", "fact": "aligned", "key": {"parent_item": "o.ref"}},
                {"as": "d", "fact": "deadline", "key": {"ref": "a.local_item"},
                 "where": {"field": "kind", "op": "not_in", "value": ["recurring", "term"]}},
            ],
            "forbid": [{"field": "d.date", "op": "gt", "ref": "o.curated_deadline"}],
            "quote": "d.text",
            "fields": {"local_deadline": "d.text", "parent_deadline": "o.curated_deadline"},
            "key": "curated",
        })
    return [JoinOptions.model_validate(s) for s in specs]

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
        "zh": "{local_at}的时限“{local_deadline}”晚于上级{parent_at}的“{parent_deadline}”",
        "en": "{local_at}: deadline '{local_deadline}' is later than '{parent_deadline}' in parent {parent_at}",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "改为“{parent_deadline}”或更早",
        "en": "change it to '{parent_deadline}' or earlier",
    }
    needs_parent = True

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        seen: set[tuple[str | None, str | None]] = set()
        for spec in expand(options):
            for hit in run_join(ctx, spec):
                name_place(ctx, hit, "en" if ctx.lang == "en" else "zh")
                if (hit.local_item, hit.quote) in seen:  # a curated date repeats what a pair found
                    continue
                seen.add((hit.local_item, hit.quote))
                if options.join is None:  # as this kind always did: its own suggestion
                    hit.suggestion = self.suggest(ctx.lang, hit.fields)
                yield hit


KIND = DeadlineNotLater
