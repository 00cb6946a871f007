"""Run rules: for each enabled rule, its kind yields Hits; the engine makes them Findings.

The engine stamps what the rule (data) says on what the kind (code) found: rule id, check,
severity (the hit's own grade, else the rule's), the message and suggestion (the rule's template,
else the kind's default, in the run's language, filled with the hit's fields), and locates the
evidence: the hit's normalised quote is searched in the paragraphs of the draft measure and the
ORIGINAL text behind it is quoted, with its line and column. Fingerprints are left empty:
`engine.findings` sets them.

A kind that raises is a bug, not a finding: the run stops with `PlancheckError("internal")` naming
the rule and check (exit 2, message on stderr; traceback with --debug). A partial report that looks
clean would be worse than none, since CI would pass it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import ValidationError

from engine.errors import PlancheckError
from engine.findings import anchor_of, identity, normalise_evidence
from engine.fix.edits import resolve as resolve_fix
from engine.models import Evidence, Finding, Measure, Paragraph, Plan
from engine.quote import on_words
from engine.rules.kinds.base import CheckContext, CheckKind, Hit
from engine.rules.loader import kind as kind_named
from engine.rules.ruleset import Rule
from engine.rules.templates import fill


def run_rules(ctx_base: CheckContext, rules: list[Rule], lang: str) -> list[Finding]:
    """Findings of every enabled rule that applies to the draft's level, in rule order."""
    findings: list[Finding] = []
    # once per run, not per finding: per finding each was a scan of the plan or the alignment (quadratic)
    body = body_start(ctx_base.draft)
    has_parent = ctx_base.parent is not None or bool(ctx_base.obligations)
    for rule in rules:
        if not rule.enabled or not rule.scope.applies_to(ctx_base.draft):
            continue
        kind = kind_named(rule.check)
        if kind is None:
            raise PlancheckError("ruleset.unknown_check", path="<rules>", line=0, rule=rule.id, check=rule.check,
                                 known="see plancheck rules doc")
        if kind.needs_parent and not has_parent:
            continue  # skipped, not failed: the CLI already refused a run that needs a parent
        try:
            options = kind.Options.model_validate(rule.options)
        except ValidationError as e:
            err = e.errors()[0]
            raise PlancheckError("ruleset.invalid", path=f"<rule {rule.id}>", line=0,
                                 key="options." + ".".join(map(str, err["loc"])), reason=err["msg"]) from None
        ctx = dataclasses.replace(ctx_base, scope=rule.scope, lang=lang)
        try:
            hits = list(kind.run(ctx, options))
        except PlancheckError:
            raise
        except Exception as e:
            raise PlancheckError(
                "internal", reason=f"rule {rule.id} (check {rule.check}) failed: {type(e).__name__}: {e}"
            ) from e
        findings.extend(make_finding(rule, kind, hit, ctx, lang, body) for hit in hits)
    return findings


def _template(rule_text: str | None, rule_text_en: str | None, default: dict[str, str], lang: str) -> str | None:
    if lang == "en":
        return rule_text_en or default.get("en") or rule_text or default.get("zh")
    return rule_text or default.get("zh") or rule_text_en or default.get("en")


def make_finding(
    rule: Rule, kind: CheckKind, hit: Hit, ctx: CheckContext, lang: str, body: int | None = None,
) -> Finding:
    fields: dict[str, Any] = {
        "local_item": hit.local_item or "",
        "parent_item": hit.parent_item or "",
        "quote": hit.quote or "",
        "parent_quote": hit.parent_quote or "",
        "rule": rule.id,
        "check": rule.check,
    }
    fields.update(hit.fields)
    message = fill(_template(rule.message, rule.message_en, kind.message, lang) or rule.id, fields)
    suggestion = hit.suggestion
    if not suggestion:
        template = _template(rule.suggestion, rule.suggestion_en, kind.suggestion or {}, lang)
        suggestion = fill(template, fields) if template else None
    measure = ctx.measure(hit.local_item)
    para, start = find_quote(ctx.draft, measure, hit.quote, body)
    if para is None:
        quote, line, column = hit.quote, *((measure.line, measure.column) if measure else (0, 0))
        quote = quote or None
    else:
        # the evidence a person reads starts and ends on words, even where the kind's quote does not
        # (a user's own pattern quotes exactly what it matched)
        a, b = start, start + len(hit.quote or "")
        if rule.check != "pattern":
            a, b = on_words(para.text, a, b)
        quote = para.orig_span(a, b)
        line, column = para.line, para.column(a)
    finding = Finding(
        rule=rule.id,
        check=rule.check,
        severity=hit.severity or rule.severity,
        message=message,
        local_item=hit.local_item,
        parent_item=hit.parent_item,
        path=list(measure.path) if measure else [],
        evidence=Evidence(local=quote, parent=hit.parent_quote),
        file=ctx.draft.source,
        line=hit.line if hit.line is not None else line,
        column=hit.column if hit.column is not None else column,
        suggestion=suggestion or None,
        fix=resolve_fix(ctx.draft, para, start, hit.fix, suggestion or rule.id) if hit.fix else None,
    )
    # Identity comes from the kind's key and the normalised quotes, never from the message (a baseline
    # made in one language matches a run in the other) nor the draft's numbering; finalize makes it unique.
    parents_of = {}
    if hit.local_item and not hit.parent_item:
        parents_of[hit.local_item] = ctx.aligned_parent_items(hit.local_item)
    anchor = anchor_of(hit.local_item, hit.parent_item, parents_of)
    if not anchor and measure is not None and measure.title:
        # no parent to anchor it (a run without one, a measure the draft added): the measure's own
        # title survives renumbering, and keeps one rule's findings in two measures apart — else the
        # second would take the first's fingerprint (and its waiver) once the first is fixed
        anchor = "title:" + normalise_evidence(measure.title)
    finding.fingerprint = identity(rule.id, anchor, hit.key, hit.quote, hit.parent_quote)
    return finding


def locate(plan: Plan, measure: Measure | None, quote: str | None) -> tuple[str | None, int, int]:
    """(original text of `quote`, line, column): searched in the measure's paragraphs, or in the
    title/preamble paragraphs when there is no measure; else the measure's own position."""
    line, column = (measure.line, measure.column) if measure else (0, 0)
    if not quote:
        return None, line, column
    p, start = find_quote(plan, measure, quote)
    if p is None:
        return quote, line, column
    return p.orig_span(start, start + len(quote)), p.line, p.column(start)


def body_start(plan: Plan) -> int:
    """Index of the first paragraph inside a measure: the title and preamble lie before it."""
    return min((i for m in plan.measures for i in m.paragraphs), default=len(plan.paragraphs))


def find_quote(
    plan: Plan, measure: Measure | None, quote: str | None, body: int | None = None
) -> tuple[Paragraph | None, int]:
    """(paragraph, normalised offset) of `quote`: in the measure's paragraphs, or in the
    title/preamble paragraphs when there is no measure; (None, -1) when it is not found.
    `body` is `body_start(plan)` when the caller has it (once per run, not per finding)."""
    paragraphs = plan.paragraphs
    if measure is not None:
        candidates = [paragraphs[i] for i in measure.paragraphs if 0 <= i < len(paragraphs)]
    else:
        first = body_start(plan) if body is None else body
        candidates = paragraphs[:first] or paragraphs
    if not quote:
        return None, -1
    found = _find(candidates, quote)
    if found is None and measure is None and candidates is not paragraphs:  # preamble first, then all
        found = _find(paragraphs, quote)
    if found is None:
        return None, -1
    return found


def _find(paragraphs: list[Paragraph], quote: str) -> tuple[Paragraph, int] | None:
    for p in paragraphs:
        i = p.text.find(quote)
        if i >= 0:
            return p, i
    # a quote that runs over a paragraph break: anchor on its first line
    head = quote.split("\n", 1)[0].strip()
    if head and head != quote:
        for p in paragraphs:
            i = p.text.find(head)
            if i >= 0:
                return p, i
    return None
