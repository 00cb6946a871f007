"""condition: a rule written as data, a `require`/`forbid` expression over one type of fact."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import Field, ValidationInfo, model_validator

from engine.rules import condition_compile as ccomp
from engine.rules import condition_facts as cfacts
from engine.rules import conditions as cond
from engine.rules import user_regex
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.templates import value_text

_QUOTE = {"measure": "title", "responsibility": "text", "deadline": "text", "target": "text",
          "sentence": "text", "clause_pair": "local_text", "measure_pair": None}
# What names a fact across versions of the draft (with the measure's anchor): its own words for the
# small facts, the parent's clause for a clause pair; a measure or responsibility is its measure.
_IDENTITY = {"deadline": "text", "target": "text", "sentence": "text", "clause_pair": "parent_text"}


class Options(KindOptions):
    fact: cfacts.FactType = Field("measure", description="the fact type the expression reads (see the fact tables)")
    require: cond.Expr | None = Field(None, description="a finding for every fact where this is FALSE")
    forbid: cond.Expr | None = Field(None, description="a finding for every fact where this is TRUE")
    quote: str | None = Field(
        None, description="the field whose text is quoted as evidence (default: the first matched regex, "
        "else the title or text of the fact)"
    )

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Options:
        if (self.require is None) == (self.forbid is None):
            raise ValueError("give exactly one of require or forbid")
        self.raise_first_problem(info)
        return self

    @property
    def mode(self) -> str:
        return "require" if self.require is not None else "forbid"

    @property
    def expr(self) -> cond.Expr:
        return self.require if self.require is not None else self.forbid  # type: ignore[return-value]

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        found = cond.problems(self.fact, self.expr, (self.mode,))
        if self.quote is not None and self.quote not in cfacts.FACT_TYPES[self.fact]:
            found.append((("quote",), f"fact type '{self.fact}' has no field '{self.quote}'"))
        if not found:
            try:
                ccomp.compile_condition(self.fact, self.expr)
            except ValueError as e:
                found.append(((self.mode,), str(e)))
        return found


def _fields_doc() -> str:
    lines = []
    for name, fields in cfacts.FACT_TYPES.items():
        lines.append(f"{name}: " + ", ".join(f"{f}{'?' if opt else ''} ({t})" for f, (t, opt, _) in fields.items()))
    return "; ".join(lines)


class Condition(CheckKind):
    name = "condition"
    description = (
        "自定义规则：不写代码，用 YAML 表达式写出“每条措施必须……”或“不得出现……”。"
        "fact 选择事实类型（measure 措施、responsibility 责任分工、deadline 时限、target 指标、sentence 句子、"
        "measure_pair 上下级措施对应、clause_pair 上下级条款对应）；require 给出必须成立的条件（不成立的每个事实"
        "报告一次），forbid 给出不得成立的条件（成立的每个事实报告一次）。条件写作 {field, op, value}，"
        "可用 all / any / not 组合；op 有 eq ne lt lte gt gte matches contains not_contains in not_in exists。"
        "数量用 n_* 字段比较（如 n_deadlines gte 1）。正则用 Python 写法，载入时检查，由线性时间的 RE2 引擎在 Python "
        "中求值（再长的文字也不会卡住），RE2 不支持的写法（前后断言、反向引用）载入时即报错。"
        "表达式编译为 durable-rules 规则集运行，从不当作代码执行。"
    )
    description_en = (
        "Custom rules written as data: 'every measure must …' (require) or 'no … may …' (forbid), as a YAML "
        "expression over one type of fact (fact: measure, responsibility, deadline, target, sentence, "
        "measure_pair, clause_pair). An atom is {field, op, value}; combine with all / any / not. Operators: "
        "eq ne lt lte gt gte matches contains not_contains in not_in exists; counts are the n_* fields "
        "(n_deadlines gte 1). require reports each fact where the expression is false, forbid each fact where "
        "it is true. Regexes use Python syntax, are checked when the ruleset loads and are evaluated in Python "
        "by RE2, in time linear in the text (lookarounds and back references are refused at load); the "
        "expression is compiled into a durable-rules ruleset and never executed as code. Fields (? = optional): " + _fields_doc()
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "{subject}{verdict}：{condition}",
        "en": "{subject} {verdict}: {condition}",
    }
    suggestion: ClassVar[dict[str, str]] = {}
    needs_parent = False

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        fact, expr, mode = options.fact, options.expr, options.mode
        pairs = list(self._pairs(ctx)) if fact in ("measure_pair", "clause_pair") else []
        facts = cfacts.build_facts(fact, ctx.draft, ctx.measures(), pairs)
        en = ctx.lang == "en"
        regexes = [a for a in cond.atoms(expr) if a.op == "matches" and isinstance(a.value, str)]
        for f in ccomp.select(fact, expr, mode, facts):
            local = f.get("ref") or f.get("local_item") or (f.get("local_items") or [None])[0]
            parent = f.get("parent_item")
            quote = self._quote(f, options, regexes if mode == "forbid" else [])
            fields = {k: value_text(v) for k, v in f.items() if k not in ("t", cfacts.KEY)}
            fields.update(
                fact=fact,
                condition=cond.describe(expr),
                subject=_subject(local, parent, fields.get("title", ""), en),
                verdict=("does not satisfy the rule" if en else "不满足规则") if mode == "require"
                else ("meets a forbidden condition" if en else "出现了规则禁止的情形"),
                local_item=local or "",
                parent_item=parent or "",
            )
            yield Hit(
                local_item=local,
                quote=quote if local else None,
                parent_item=parent,
                parent_quote=f.get("parent_text"),
                fields=fields,
                key=f"{fact}:{f.get(_IDENTITY.get(fact, '')) or ''}",
            )

    @staticmethod
    def _pairs(ctx: CheckContext) -> Iterator[Any]:
        measure_filter = ctx.scope is not None and any(
            getattr(ctx.scope, k, None) for k in ("chapters", "labels", "pattern", "exclude_pattern")
        )
        in_scope = {m.ref for m in ctx.measures()}
        for p in ctx.pairs():
            if not measure_filter or any(ref in in_scope for ref in p.local_items):
                yield p

    @staticmethod
    def _quote(f: dict[str, Any], options: Options, regexes: list[cond.Atom]) -> str | None:
        for a in regexes:
            value = f.get(a.field)
            for s in value if isinstance(value, list) else [value]:
                if isinstance(s, str) and (m := user_regex.search(a.value, s)):
                    return m.group(0)
        field = options.quote or _QUOTE.get(options.fact)
        value = f.get(field) if field else None
        return value if isinstance(value, str) and value else None


def _subject(local: str | None, parent: str | None, title: str, en: bool) -> str:
    if local:
        t = f" '{title}'" if en and title else (f"“{title}”" if title else "")
        return f"measure {local}{t}" if en else f"第{local}项{t}"
    if parent:
        return f"parent measure {parent}" if en else f"上级第{parent}项"
    return "the plan" if en else "本方案"


KIND = Condition
