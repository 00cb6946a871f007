"""join: a rule over several facts linked by keys — a parent obligation joined to its aligned draft measure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from engine.rules.joins import JoinOptions, run_join
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(JoinOptions):
    """A join rule's options (engine.rules.joins.JoinOptions)."""


class Join(CheckKind):
    name = "join"
    description = (
        "连接规则：不写代码，把几个事实按键连接起来检查，例如“与上级第X项对应的下级措施，时限不得晚于上级”。"
        "facts 依次列出参与连接的事实（as 起名，fact 选事实类型，key 写与前面事实相等的字段，where 写只涉及本事实的条件）；"
        "forbid 列出跨事实的比较（field、op、ref 或 value），全部成立的每一组事实报告一次；"
        "require 加 each：each 指定的每个事实，若找不到全部成立的一组，就报告一次（“每项上级义务都有承接措施”）。"
        "可用 plancheck rules facts 查看事实类型及字段。规则编译为 durable-rules 的多事实模式，从不当作代码执行。"
    )
    description_en = (
        "Join rules written as data: several facts linked by keys, e.g. 'the draft measure aligned to parent "
        "measure X must have a deadline no later than X's'. `facts` lists the joined facts in order (as: a name, "
        "fact: a fact type, key: fields equal to an earlier fact's, where: a condition on this fact alone); "
        "`forbid` lists comparisons across facts (field, op, ref or value) and reports every joined tuple where "
        "all hold; `require` with `each` reports every `each` fact that has no tuple where all hold ('every "
        "obligation has an aligned measure'). `plancheck rules facts` lists the fact types. Compiled to "
        "durable-rules multi-fact patterns; never executed as code."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {"zh": "{subject}不满足规则“{rule}”", "en": "{subject} breaks rule {rule}"}
    suggestion: ClassVar[dict[str, str]] = {}
    needs_parent = False

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        return run_join(ctx, options)


KIND = Join
