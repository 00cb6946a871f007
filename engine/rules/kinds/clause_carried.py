"""clause_carried: inside a carried measure, each parent clause and listed item is carried too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

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
        True, description="report items dropped from an enumerated list (items_dropped)"
    )
    check_phrases: bool = Field(
        True, description="report curated Obligation.require_phrases missing from the carriers"
    )
    escalate_timed: bool = Field(
        True, description="a dropped clause with a deadline or a numeric target is at least a warning"
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
            for cp in pair.clauses:
                if cp.relation == "dropped":
                    hit = self._dropped(ctx, ref, cp, measures, options, ignore)
                    if hit:
                        yield hit
                elif options.check_items and cp.items_dropped:
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
    ) -> Hit | None:
        text = (cp.parent_text or "").strip()
        core = c.compact(text)
        if len(core) < options.min_chars or any(p.search(core) for p in ignore):
            return None
        if c.best_sentence(text, ctx.draft.measures)[0] >= options.elsewhere_threshold:
            return None
        severity = options.severity_by_level.get(cp.parent_level, "info")
        if options.escalate_timed and (cp.parent_deadlines or cp.parent_targets) and _RANK[severity] < 1:
            severity = "warning"
        m = c.local_for(cp.local_item, measures)
        return self._hit(ctx, m, ref, "clause", text, "", m.title, severity, f"clause:{core[:24]}")

    def _items(
        self, ctx: CheckContext, ref: str, cp: ClausePair, measures: list[Measure], options: Options
    ) -> Hit | None:
        missing = [i for i in cp.items_dropped if c.compact(i) and not c.contains(measures, i)]
        if not missing:
            return None
        m = c.local_for(cp.local_item, measures)
        quote = _around_deletion(cp.diff, missing) or cp.local_text or m.title
        severity = options.severity_by_level.get(cp.parent_level, "info")
        items = "、".join(missing)
        return self._hit(ctx, m, ref, "items", cp.parent_text or "", items, quote, severity, f"items:{items}")

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


def _around_deletion(diff: list[DiffOp], items: list[str], pad: int = 8) -> str | None:
    """The draft words either side of where a listed item was deleted: contiguous draft text."""
    for i, op in enumerate(diff):
        if op.op not in ("delete", "replace") or not any(
            c.compact(it) in c.compact(op.parent) for it in items
        ):
            continue
        before = "".join(_local(o) for o in diff[:i])
        after = "".join(_local(o) for o in diff[i + 1 :])
        mid = op.local if op.op == "replace" else ""
        quote = (before[-pad:] + mid + after[:pad]).strip()
        return quote or None
    return None


def _local(op: DiffOp) -> str:
    if op.op == "delete":
        return ""
    if op.op == "equal":
        return op.local or op.parent
    return op.local


KIND = ClauseCarried
