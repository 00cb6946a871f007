"""pattern: measures must contain a required regex, or must not contain a forbidden one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, model_validator

from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.user_regex import UserRegexError, compile_regex


class Options(KindOptions):
    required: list[str] = Field(default_factory=list, description="regexes every measure (or sentence) must contain")
    forbidden: list[str] = Field(default_factory=list, description="regexes no measure (or sentence) may contain")
    in_: Literal["text", "title", "sentence"] = Field(
        "text", alias="in", description="where to look: the whole text, the title, or each sentence on its own"
    )
    include_general: bool = Field(False, description="also check general requirements (指导思想, 工作目标 …)")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Options:
        if not self.required and not self.forbidden:
            raise ValueError("give at least one regex in required or forbidden")
        self.raise_first_problem(info)
        return self

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        out: list[tuple[tuple[str | int, ...], str]] = []
        for key in ("required", "forbidden"):
            for i, pattern in enumerate(getattr(self, key)):
                try:
                    compile_regex(pattern)
                except UserRegexError as e:
                    out.append(((key, i), str(e)))
        return out


_PROBLEM = {
    "required": {"zh": "缺少规定的内容（{pattern}）", "en": "lacks the required text ({pattern})"},
    "forbidden": {"zh": "含有不应出现的内容“{match}”", "en": "contains forbidden text '{match}'"},
}


class Pattern(CheckKind):
    name = "pattern"
    description = (
        "按正则表达式检查措施文字：required 列出每条措施（或每个句子）必须包含的内容，forbidden 列出不得出现的内容。"
        "in 选择检查范围：text 全文、title 标题、sentence 逐句。缺少必需内容时引用措施标题，出现禁止内容时引用匹配到的原文。"
        "适用范围由规则的 scope 决定（章节、条目、层级、文字）。正则用 Python 写法，由线性时间的 RE2 引擎执行"
        "（再长的文字也不会卡住）；RE2 不支持的写法（前后断言、反向引用）在载入规则集时即报错。"
    )
    description_en = (
        "Checks measure text against regular expressions: `required` lists what every measure (or sentence) must "
        "contain, `forbidden` what none may contain. `in` picks where to look: text, title, or each sentence on "
        "its own. A missing required pattern quotes the measure's title; a forbidden one quotes the match. The "
        "rule's scope picks the measures (chapters, labels, levels, text). Regexes use Python syntax and run on "
        "RE2, in time linear in the text; what RE2 cannot do (lookarounds, back references) is refused when the "
        "ruleset loads."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项“{title}”{problem}",
        "en": "measure {local_item} '{title}' {problem}",
    }
    suggestion: ClassVar[dict[str, str]] = {}
    needs_parent = False

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        lang = "en" if ctx.lang == "en" else "zh"
        required = [(p, compile_regex(p)) for p in options.required]
        forbidden = [(p, compile_regex(p)) for p in options.forbidden]
        for m in ctx.measures():
            if m.general and not options.include_general:
                continue
            if options.in_ == "sentence":
                units = [(f":{s.text}", s.text) for s in m.sentences] or [("", m.text)]
            else:
                units = [("", m.title if options.in_ == "title" else m.text)]
            for where, text in units:
                for pattern, rx in required:
                    if not rx.search(text):
                        fields = {"pattern": pattern, "match": "", "title": m.title, "local_item": m.ref}
                        fields["problem"] = _PROBLEM["required"][lang].format(**fields)
                        quote = text if where else m.title
                        yield Hit(local_item=m.ref, quote=quote, fields=fields, key=f"required:{pattern}{where}")
                for pattern, rx in forbidden:
                    found = rx.search(text)
                    if found:
                        fields = {"pattern": pattern, "match": found.group(0), "title": m.title, "local_item": m.ref}
                        fields["problem"] = _PROBLEM["forbidden"][lang].format(**fields)
                        yield Hit(local_item=m.ref, quote=found.group(0), fields=fields,
                                  key=f"forbidden:{pattern}{where}")


KIND = Pattern
