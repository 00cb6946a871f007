"""What every formatter shares: the render context, the Formatter contract, and small helpers.

A formatter reads one `RenderContext` (the Report plus the plans it was made from) and returns bytes.
It never looks at the clock, the environment or random state, so the same input gives the same bytes;
`normalize_zip` does that for the zip-based formats (.docx, .xlsx), whose libraries stamp the time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import os
import re
import string
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel

from engine.models import SEVERITY_RANK, Finding, Measure, Plan, Report
from engine.outputs import clean_text

if TYPE_CHECKING:
    from engine.align.tokenize import Vocabulary
    from engine.pipeline import CheckRun

# --------------------------------------------------------------------------- labels

# Words the formatters print, zh + en. (Kept here rather than in engine/i18n.py because they are
# headings and column names, not messages; tests/report/test_registry.py checks both languages.)
LABELS: dict[str, dict[str, str]] = {
    "sev.error": {"zh": "错误", "en": "error"},
    "sev.warning": {"zh": "警告", "en": "warning"},
    "sev.info": {"zh": "提示", "en": "info"},
    "rel.same": {"zh": "照搬", "en": "carried"},
    "rel.carried": {"zh": "照搬", "en": "carried"},
    "rel.adapted": {"zh": "调整", "en": "adapted"},
    "rel.merged": {"zh": "合并", "en": "merged"},
    "rel.split": {"zh": "拆分", "en": "split"},
    "rel.general": {"zh": "总体要求", "en": "general"},
    "rel.not_applicable": {"zh": "不适用", "en": "not applicable"},
    "rel.beyond_level": {"zh": "不适用（上级职责）", "en": "not applicable (higher level's duty)"},
    "rel.missing": {"zh": "缺失", "en": "missing"},
    "rel.dropped": {"zh": "缺失", "en": "missing"},
    "rel.added": {"zh": "新增", "en": "added"},
    "clause.same": {"zh": "相同", "en": "same"},
    "clause.changed": {"zh": "改动", "en": "changed"},
    "clause.dropped": {"zh": "删去", "en": "dropped"},
    "clause.added": {"zh": "新增", "en": "added"},
    "group.front": {"zh": "标题与前言", "en": "Title and preamble"},
    "group.parent_only": {
        "zh": "下级方案中没有对应条目的上级要求",
        "en": "Parent measures with no draft measure",
    },
    "draft": {"zh": "下级方案", "en": "Draft"},
    "parent": {"zh": "上级方案", "en": "Parent"},
    "quote": {"zh": "原文", "en": "Draft text"},
    "basis": {"zh": "上级依据", "en": "Parent basis"},
    "suggestion": {"zh": "建议", "en": "Suggestion"},
    "suggestion_long": {"zh": "修改建议", "en": "Suggested change"},
    "problem": {"zh": "问题", "en": "Problem"},
    "item": {"zh": "条目", "en": "Item"},
    "no": {"zh": "序号", "en": "No."},
    "severity": {"zh": "级别", "en": "Severity"},
    "rule": {"zh": "规则", "en": "Rule"},
    "check": {"zh": "检查类型", "en": "Check"},
    "location": {"zh": "位置", "en": "Location"},
    "line_col": {"zh": "第{line}行第{column}列", "en": "line {line}, col {column}"},
    "line": {"zh": "第{line}行", "en": "line {line}"},
    "para_col": {"zh": "第{line}段第{column}字", "en": "paragraph {line}, char {column}"},
    "para": {"zh": "第{line}段", "en": "paragraph {line}"},
    "item_no": {"zh": "第{n}项", "en": "item {n}"},
    "reply": {"zh": "采纳情况", "en": "Response"},
    "fb.unit": {"zh": "反馈单位", "en": "From"},
    "fb.contact": {"zh": "联系人", "en": "Contact"},
    "fb.phone": {"zh": "联系电话", "en": "Phone"},
    "fb.date": {"zh": "日期", "en": "Date"},
    "summary": {"zh": "汇总", "en": "Summary"},
    "findings": {"zh": "问题清单", "en": "Findings"},
    "no_findings": {"zh": "未发现问题。", "en": "No findings."},
    "coverage": {"zh": "上级条目覆盖情况", "en": "Coverage of the parent's measures"},
    "coverage_total": {"zh": "上级条目共 {n} 条", "en": "{n} parent measures"},
    "waived": {"zh": "已豁免", "en": "Waived"},
    "waived_findings": {"zh": "已豁免的问题", "en": "Waived findings"},
    "waiver_reason": {
        "zh": "理由：{reason}（批准：{approver}{expires}）",
        "en": "reason: {reason} (approved by {approver}{expires})",
    },
    "waiver_expires": {"zh": "，有效期至 {date}", "en": ", until {date}"},
    "waiver_problems": {"zh": "豁免清单的问题", "en": "Waiver problems"},
    "wp.expired": {"zh": "已过期", "en": "expired"},
    "wp.unused": {"zh": "未使用", "en": "unused"},
    "tracked_changes_label": {"zh": "修订痕迹", "en": "Tracked changes"},
    "tracked_changes": {
        "zh": "草稿含修订痕迹，已按接受全部修订后的文本检查",
        "en": "The draft has tracked changes; it was checked as if all were accepted",
    },
    "wp.stale": {"zh": "已失效", "en": "stale"},
    "bl.new": {"zh": "新", "en": "new"},
    "bl.unchanged": {"zh": "仍存在", "en": "still open"},
    "bl.fixed": {"zh": "已改正", "en": "fixed"},
    "baseline": {"zh": "对照基线", "en": "Baseline"},
    "baseline_counts": {
        "zh": "与基线 {path}（plancheck {version}）相比：新问题 {new}，仍存在 {unchanged}，已改正 {fixed}",
        "en": "Against baseline {path} (plancheck {version}): {new} new, {unchanged} still open, {fixed} fixed",
    },
    "fixed_findings": {"zh": "已改正的问题（基线中有、本次未发现）", "en": "Fixed (in the baseline, not found now)"},
    "result_failed_new": {
        "zh": "结果：未通过（--fail-on {fail_on}，只计新问题）",
        "en": "Result: FAILED (--fail-on {fail_on}, new findings only)",
    },
    "result_passed_new": {
        "zh": "结果：通过（--fail-on {fail_on}，只计新问题）",
        "en": "Result: passed (--fail-on {fail_on}, new findings only)",
    },
    "result_failed": {
        "zh": "结果：未通过（--fail-on {fail_on}）",
        "en": "Result: FAILED (--fail-on {fail_on})",
    },
    "result_passed": {
        "zh": "结果：通过（--fail-on {fail_on}）",
        "en": "Result: passed (--fail-on {fail_on})",
    },
    "draft_date": {"zh": "方案日期：{date}（{source}）", "en": "Draft date: {date} ({source})"},
    "draft_date_none": {
        "zh": "方案日期：未能确定（无落款日期、标题无年份、未给 --date），已跳过按日期的判断：{rules}（只报告文中自身可证的，如新旧名称并用）",
        "en": "Draft date: unknown (no date line, no year in the title, no --date); dated judgements skipped: {rules} (only what the text itself shows, such as an old name beside its new one, is reported)",
    },
    "date_from.date_line": {"zh": "取自落款日期", "en": "from its date line"},
    "date_from.title": {"zh": "取自标题年份", "en": "from the year in its title"},
    "date_from.option": {"zh": "取自 --date", "en": "from --date"},
    "count": {"zh": "数量", "en": "Count"},
    "feedback_title": {"zh": "意见反馈表", "en": "Feedback form"},
    "rule_line": {"zh": "规则：{rule}", "en": "rule: {rule}"},
    "filters": {"zh": "筛选", "en": "Filter"},
    "only_with_findings": {"zh": "只看有问题的条目", "en": "only items with findings"},
    "only_new": {"zh": "只看新问题", "en": "new findings only"},
    "diff_title": {"zh": "两稿对照", "en": "Two versions compared"},
    "old_version": {"zh": "旧稿", "en": "Old version"},
    "new_version": {"zh": "新稿", "en": "New version"},
    "measure_changes": {"zh": "条目变化", "en": "Measures"},
    "ch.inserted": {"zh": "新增", "en": "inserted"},
    "ch.removed": {"zh": "删除", "en": "removed"},
    "ch.renumbered": {"zh": "重新编号", "en": "renumbered"},
    "ch.changed": {"zh": "修改", "en": "changed"},
    "ch.unchanged": {"zh": "未变", "en": "unchanged"},
    "renumbered_list": {"zh": "重新编号 {n} 条：{pairs}", "en": "{n} renumbered: {pairs}"},
    "similarity": {"zh": "相似度 {n}", "en": "similarity {n}"},
    "no_measure_changes": {"zh": "条目没有变化。", "en": "No measure changed."},
    "new_findings": {"zh": "新问题", "en": "New findings"},
    "still_open": {"zh": "仍存在的问题", "en": "Still open"},
    "diff_counts": {
        "zh": "条目：新增 {inserted}，删除 {removed}，重新编号 {renumbered}，修改 {changed}，未变 {unchanged}",
        "en": "measures: {inserted} inserted, {removed} removed, {renumbered} renumbered, {changed} changed, {unchanged} unchanged",
    },
    "diff_findings": {
        "zh": "问题：新 {new}，仍存在 {still_open}，已改正 {fixed}",
        "en": "findings: {new} new, {still_open} still open, {fixed} fixed",
    },
    "relation": {"zh": "对应关系", "en": "Relation"},
    "other_findings": {"zh": "其他问题", "en": "Other findings"},
    "findings_count": {"zh": "{n} 个问题", "en": "{n} findings"},
    "parent_obligation": {"zh": "上级条目 {label}", "en": "parent measure {label}"},
    "title_untitled": {"zh": "（无标题）", "en": "(untitled)"},
    "fix_first": {
        "zh": "先改这些：错误 {errors} 条，警告 {warnings} 条",
        "en": "Fix these first: {errors} errors, {warnings} warnings",
    },
    "fix_first_rest": {"zh": "另有提示 {n} 条，见下文各条目。", "en": "{n} more notes (info) below, by item."},
    "findings_worst": {"zh": "{n} 个问题，最重：{worst}", "en": "{n} findings, worst: {worst}"},
}

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_ORDER = SEVERITY_RANK
COVERAGE_KEYS: tuple[str, ...] = (
    "carried",
    "adapted",
    "merged",
    "split",
    "general",
    "not_applicable",
    "missing",
)


def label(key: str, lang: str = "zh", **fields: object) -> str:
    """A label in `lang` with {fields} filled in."""
    table = LABELS[key]
    text = table.get(lang) or table["zh"]
    return string.Formatter().vformat(text, (), fields) if fields else text


# --------------------------------------------------------------------------- context


@dataclass
class RenderContext:
    """Everything a formatter may read. Built once by the CLI/pipeline, shared by every format.

    report             the Report (findings already ordered, waivers applied)
    draft / parent     the parsed plans (parent None when checking against an obligation ruleset)
    draft_source_path  the draft file as given; the docx format reads a .docx draft from it, read-only
    lang               "zh" | "en" for headings and labels (messages come translated in the Report)
    cwd                paths in reports are made relative to it
    output             the output path, when there is one (feedback writes .xlsx when it ends in .xlsx)
    rules              rule id -> description, for SARIF rule metadata (optional)
    not_applicable     parent refs curated as not applicable (coloured so in the HTML coverage map)
    author             who sends the office documents (--author, e.g. 城中区司法局): comment author,
                       document properties, the feedback form's 反馈单位; "" leaves them to plancheck
    date               ISO date of the documents (comments, properties, the form's 日期), by the rule
                       of `office_date`; "" for none. Never the clock: the same bytes on any day
    min_severity       the lowest severity that goes into the office documents (--min-severity)
    only_new           with a baseline: the documents an office acts on (Word comments, feedback form)
                       carry new findings only (`for_comments`)
    """

    report: Report
    draft: Plan
    parent: Plan | None = None
    draft_source_path: str = ""
    lang: str = "zh"
    cwd: Path = field(default_factory=Path.cwd)
    output: str | None = None
    rules: dict[str, str] = field(default_factory=dict)
    not_applicable: frozenset[str] = frozenset()
    author: str = ""
    date: str = ""
    min_severity: str = "info"
    only_new: bool = False
    vocabulary: Vocabulary | None = None  # the check's learnt unit names: quotes shortened on its words
    _cache: dict[str, dict[str, Measure]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def of_run(cls, run: CheckRun, source: str, lang: str, output: str | None, **options: Any) -> RenderContext:
        """The context of one check's results (the CLI and the web service alike); `options` are the
        office-document settings (author, date, min_severity, only_new)."""
        return cls(
            report=run.report,
            draft=run.draft,
            parent=run.parent,
            draft_source_path=source,
            lang=lang,
            cwd=Path.cwd(),
            output=output,
            rules=run.rule_descriptions,
            not_applicable=run.not_applicable,
            vocabulary=run.vocabulary,
            **options,
        )

    # ---- lookups every formatter needs

    @property
    def draft_title(self) -> str:
        """The draft's title as its own lines write it (see `title_as_written`)."""
        return title_as_written(self.draft)

    def for_comments(self) -> list[Finding]:
        """The findings to write into documents an office acts on: new ones only with `only_new`."""
        fs = self.report.findings
        return [f for f in fs if f.baseline != "unchanged"] if self.only_new else list(fs)

    def baseline_tag(self, f: Finding) -> str:
        """'[新]' / '[仍存在]' before a finding when the report was compared with a baseline."""
        return f"[{self.t('bl.' + f.baseline)}] " if f.baseline else ""

    def draft_measure(self, ref: str | None) -> Measure | None:
        if not ref:
            return None
        if "draft" not in self._cache:
            self._cache["draft"] = _index(self.draft)
        return self._cache["draft"].get(ref)

    def parent_measure(self, ref: str | None) -> Measure | None:
        if not ref or self.parent is None:
            return None
        if "parent" not in self._cache:
            self._cache["parent"] = _index(self.parent)
        return self._cache["parent"].get(ref)

    def sev(self, severity: str) -> str:
        return label(f"sev.{severity}", self.lang)

    def t(self, key: str, **fields: object) -> str:
        return label(key, self.lang, **fields)

    def relpath(self, path: str) -> str:
        """`path` relative to cwd with forward slashes, when it lies under cwd."""
        if not path or path in ("-", "<stdin>", "<text>"):
            return path
        p = Path(path)
        if not p.is_absolute():
            return p.as_posix()
        try:
            return p.relative_to(self.cwd).as_posix()
        except ValueError:
            pass
        try:
            return p.resolve().relative_to(self.cwd.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    def finding_file(self, f: Finding) -> str:
        return self.relpath(f.file or self.draft_source_path or self.report.summary.draft)

    def item_heading(self, ref: str) -> str:
        """Heading of a draft ref: a measure ('13 标题') or a section named '§一' by the aligner."""
        if m := self.draft_measure(ref):
            return self.measure_heading(m)
        if ref.startswith("§"):
            sec = next((s for s in self.draft.sections if s.label == ref[1:]), None)
            # a goal written as prose (engine.rules.goals) is named §<its name>: its section, else the name
            sec = sec or next((s for s in self.draft.sections if s.title == ref[1:]), None)
            if sec is not None:
                return f"{sec.label} {sec.title}".strip()
            return ref[1:]
        return ref

    def item_text(self, ref: str) -> str:
        if m := self.draft_measure(ref):
            return m.text
        if ref.startswith("§"):
            sec = next((s for s in self.draft.sections if s.label == ref[1:]), None)
            if sec is not None:
                return sec.text or sec.title
        return ""

    @property
    def colon(self) -> str:
        return "：" if self.lang == "zh" else ": "

    def paren(self, s: object) -> str:
        return f"（{s}）" if self.lang == "zh" else f" ({s})"

    def basis(self, f: Finding) -> str:
        """'(一) 标题：“parent quote”': the parent measure and the words of it a finding rests on."""
        head = self.parent_heading(f.parent_item)
        if f.evidence.parent:
            return f"{head}{self.colon}“{f.evidence.parent}”" if head else f"“{f.evidence.parent}”"
        return head

    def measure_heading(self, m: Measure) -> str:
        return f"{m.label} {m.title}".strip()

    def parent_heading(self, ref: str | None) -> str:
        """'(十七) 标题' for a parent ref, or the bare ref when the parent plan is unknown."""
        if not ref:
            return ""
        m = self.parent_measure(ref)
        if m is None and ref.startswith("§"):  # the parent's goal written as prose: its name
            return ref[1:]
        return f"{m.label} {m.title}".strip() if m else ref

    def office_findings(self) -> list[Finding]:
        """The findings for Word comments and the 意见反馈表: new ones only with `only_new`, at or
        above --min-severity, in the report's order."""
        floor = SEVERITY_RANK[self.min_severity]
        return [f for f in self.for_comments() if SEVERITY_RANK[f.severity] >= floor]

    def at_line(self, line: int) -> str:
        """'第14行', or '第14段' in a Word draft, whose lines are its paragraphs; "" in a PDF."""
        if self.draft.format == "pdf":
            return ""
        return self.t("para" if self.draft.format == "docx" else "line", line=line)

    def location(self, f: Finding) -> str:
        """Where a finding is, as a reader counts: paragraphs in a Word draft, items in a PDF (whose
        text lines run on across pages and mean nothing to a reader), lines elsewhere."""
        if self.draft.format == "pdf":
            m = self.draft_measure(f.local_item)
            if m is None:
                return ""
            digits = m.label.strip("．.、 ")
            return self.t("item_no", n=digits) if digits.isdigit() else m.label
        if self.draft.format == "docx" and f.line:
            if f.column:
                return self.t("para_col", line=f.line, column=f.column)
            return self.t("para", line=f.line)
        if f.line and f.column:
            return self.t("line_col", line=f.line, column=f.column)
        if f.line:
            return self.t("line", line=f.line)
        return ""

    def groups(
        self, findings: Iterable[Finding] | None = None
    ) -> list[tuple[str, Measure | None, list[Finding]]]:
        """Findings grouped for reading: title/preamble first, then each draft measure in document
        order, then parent measures the draft lacks. Order inside a group is the report's order."""
        findings = list(self.report.findings if findings is None else findings)
        order = {m.ref or m.label: i for i, m in enumerate(self.draft.measures)}
        by_line = _line_index(self.draft)
        front: list[Finding] = []
        parent_only: list[Finding] = []
        per: dict[str, list[Finding]] = {}
        for f in findings:
            ref = f.local_item if f.local_item in order else None
            if ref is None and f.line and f.line in by_line:
                ref = by_line[f.line]
            if ref is not None:
                per.setdefault(ref, []).append(f)
            elif f.parent_item and not f.line:
                parent_only.append(f)
            else:
                front.append(f)
        out: list[tuple[str, Measure | None, list[Finding]]] = []
        if front:
            out.append((self.t("group.front"), None, front))
        for m in self.draft.measures:
            if (m.ref or m.label) in per:
                out.append((self.measure_heading(m), m, per[m.ref or m.label]))
        if parent_only:
            out.append((self.t("group.parent_only"), None, parent_only))
        return out

    def not_applicable_why(self, ref: str) -> tuple[str, str]:
        """(label, reason) of a parent measure counted not applicable: 不适用（上级职责） and the data
        entry's short reason for a higher level's own duty, 不适用 and the ruleset's reason when curated;
        ("", "") when the report lists no reason (a waived measure)."""
        m = next((m for m in self.report.summary.coverage.not_applicable_measures if m.parent_item == ref), None)
        if m is None:
            return "", ""
        return self.t("rel.beyond_level" if m.basis == "beyond_level" else "rel.not_applicable"), m.reason

    def parent_relations(self) -> list[tuple[str, str, str]]:
        """(parent ref, heading, coverage key) for every parent measure the alignment covers, in the
        parent's order; the key is one of COVERAGE_KEYS, counted the way Summary.coverage is."""
        rel: dict[str, str] = {}
        for pair in self.report.alignment:
            if pair.parent_item and pair.parent_item not in rel:
                rel[pair.parent_item] = pair.relation
        na = set(self.not_applicable) | {f.parent_item for f in self.report.waived if f.parent_item}
        na |= {m.parent_item for m in self.report.summary.coverage.not_applicable_measures}
        refs = [m.ref or m.label for m in self.parent.measures] if self.parent else []
        refs = [r for r in refs if r in rel] if rel else refs
        refs += [r for r in rel if r not in refs]
        out = []
        for ref in refs:
            r = rel.get(ref, "dropped")
            key = {"same": "carried", "dropped": "missing"}.get(r, r)
            if key == "missing" and ref in na:
                key = "not_applicable"
            out.append((ref, self.parent_heading(ref), key))
        return out


def _index(plan: Plan) -> dict[str, Measure]:
    """ref -> measure; a bare label also finds its measure when no ref claims it."""
    out: dict[str, Measure] = {}
    for m in plan.measures:
        out.setdefault(m.label, m)
    for m in plan.measures:
        if m.ref:
            out[m.ref] = m
    return out


def _line_index(plan: Plan) -> dict[int, str]:
    """Original line -> measure ref, for findings that carry a line but no measure."""
    out: dict[int, str] = {}
    for m in plan.measures:
        lines = [plan.paragraphs[i].line for i in m.paragraphs if 0 <= i < len(plan.paragraphs)]
        if not lines and m.line:
            lines = list(range(m.line, max(m.end_line, m.line) + 1))
        for ln in lines:
            out.setdefault(ln, m.ref or m.label)
    return out


# --------------------------------------------------------------------------- formatter


class Formatter:
    """One output format. Subclasses set the class attributes and implement `render`.

    Every subclass's `render` is wrapped (`__init_subclass__`): a binary format only ever sees text
    without control characters (`clean_context`), a text format's bytes are cleaned after rendering
    (one pass over the output instead of a walk over every object). A form feed from pdftotext or an
    ESC in a file name can neither break a .docx/.xlsx/JUnit file nor reach a terminal, whoever calls
    the formatter (CLI, tests, a server).
    """

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    binary: ClassVar[bool] = False
    needs_output: ClassVar[bool] = False
    suffixes: ClassVar[tuple[str, ...]] = ()

    def render(self, ctx: RenderContext) -> bytes:  # pragma: no cover - abstract
        raise NotImplementedError

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "render" in cls.__dict__:
            cls.render = _cleaned(cls.__dict__["render"])  # type: ignore[method-assign]


def _cleaned(render: Callable[[Formatter, RenderContext], bytes]) -> Callable[[Formatter, RenderContext], bytes]:
    @functools.wraps(render)
    def wrapper(self: Formatter, ctx: RenderContext) -> bytes:
        if self.binary:  # Word, Excel: their libraries refuse the characters, so clean what they get
            return render(self, clean_context(ctx))
        data = render(self, ctx)
        text = data.decode("utf-8", "replace")
        cleaned = clean_text(text)
        return data if cleaned is text else cleaned.encode("utf-8")

    return wrapper


# --------------------------------------------------------------------------- control characters

def _clean(value: Any) -> Any:
    """A copy of `value` (models, lists, tuples, dicts, strings) with clean text; `value` itself
    when nothing in it needed cleaning."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, BaseModel):
        changes = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _clean(old)
            if new is not old:
                changes[name] = new
        if not changes:
            return value
        copy = value.model_copy(update=changes)
        for name, private in type(value).__private_attributes__.items():  # indexes of the old items
            setattr(copy, name, private.get_default(call_default_factory=True))
        return copy
    if isinstance(value, list | tuple):
        if not value or isinstance(value[0], int | float):  # columns, scores: no text in them
            return value
        items = [_clean(v) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        pairs = [(k, v, _clean(k), _clean(v)) for k, v in value.items()]
        if all(k is ck and v is cv for k, v, ck, cv in pairs):
            return value
        return {ck: cv for _, _, ck, cv in pairs}
    return value


# How pydantic writes a control character in JSON: \u00XX below 0x20 (\t and \n have their own
# escapes), \b \f \r, DEL, C1 and the bidi controls raw. An escaped backslash before b, f or r matches too: that only
# costs the full walk.
_DIRTY_MARKS = (b"\\u00", b"\\b", b"\\f", b"\\r", b"\x7f")
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_BIDI_UTF8 = re.compile(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")  # U+202A–202E, U+2066–2069, raw in JSON


def _dirty(value: Any) -> bool:
    """Whether `value` may hold a control character, decided on its JSON: pydantic's serializer and
    `bytes.__contains__` are compiled code, many times faster than walking the objects, which only
    the rare dirty input pays for."""
    from pydantic_core import to_json

    data = to_json(value)
    return (any(mark in data for mark in _DIRTY_MARKS) or (b"\xc2" in data and bool(_C1_UTF8.search(data)))
            or (b"\xe2" in data and bool(_BIDI_UTF8.search(data))))


def clean_context(ctx: RenderContext) -> RenderContext:
    """The context with clean text everywhere a formatter may read it (report, plans, rule
    descriptions); the same object when it was clean already. `draft_source_path` stays as it is:
    it is a file to open, and a text format's bytes are cleaned after rendering anyway."""
    fields = {"report": ctx.report, "draft": ctx.draft, "parent": ctx.parent, "rules": ctx.rules}
    plans = [p for p in (ctx.draft, ctx.parent) if p is not None]
    if not any(_dirty(v) for v in (*fields.values(), *(p.paragraphs for p in plans))):  # Plan.paragraphs: excluded from its JSON
        return ctx
    changes = {k: c for k, v in fields.items() if (c := _clean(v)) is not v}
    return dataclasses.replace(ctx, **changes) if changes else ctx


# --------------------------------------------------------------------------- text helpers


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(s: str) -> int:
    return sum(char_width(c) for c in s)


_BREAK_BEFORE_FORBIDDEN = set("，。、；：？！）》」』】〕”’,.;:?!)]}%")


def wrap(text: str, width: int, indent: str = "", first_indent: str | None = None) -> list[str]:
    """Wrap by display width (CJK = 2 columns): break anywhere in CJK text, at spaces in Latin
    text, and never start a line with closing punctuation (carry the last character over instead)."""
    first = indent if first_indent is None else first_indent
    lines: list[str] = []
    for para in (text or "").split("\n"):
        head = first if not lines else indent
        cur: list[str] = []  # tokens on the current line
        cur_w = text_width(head)
        for tok in re.findall(r"[A-Za-z0-9_./:%+\-@#<>=]+|\s+|.", para):
            if tok.isspace():
                if cur and cur_w + len(tok) <= width:
                    cur.append(tok.replace("\t", " "))
                    cur_w += len(tok)
                continue
            tw = text_width(tok)
            if cur and cur_w + tw > width:
                carry: list[str] = []
                if tok in _BREAK_BEFORE_FORBIDDEN and len(cur) > 1 and not cur[-1].isspace():
                    carry = [cur.pop()]
                lines.append((head + "".join(cur)).rstrip())
                head, cur = indent, carry
                cur_w = text_width(indent) + sum(text_width(c) for c in carry)
            while cur_w + tw > width and len(tok) > 1 and not cur:  # a token longer than a line
                room, k, w = width - cur_w, 0, 0
                while k < len(tok) and w + char_width(tok[k]) <= room:
                    w += char_width(tok[k])
                    k += 1
                k = max(k, 1)
                lines.append(head + tok[:k])
                head, tok = indent, tok[k:]
                cur_w, tw = text_width(indent), text_width(tok)
            cur.append(tok)
            cur_w += tw
        lines.append((head + "".join(cur)).rstrip())
    return lines


# --------------------------------------------------------------------------- the documents' date


def office_date(draft: Plan, given: dt.date | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The date written into the office documents (comment dates, document properties, the 意见反馈表's
    日期) — never the clock, so the same input gives the same bytes on any day:

    1. the date the user gave (`--today`);
    2. the draft's own date line (the 征求意见稿's 落款日期; a year in its title is no date);
    3. SOURCE_DATE_EPOCH, the reproducible-builds convention (seconds since 1970, UTC);
    4. none: the form's 日期 is left blank for the sender to fill in, comments are undated and the
       document properties carry the fixed FIXED_ISO.
    """
    from engine.parse.dating import draft_date

    if given is not None:
        return given.isoformat()
    found, source = draft_date(draft)
    if found and source == "date_line":
        return found
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
        except (ValueError, OverflowError, OSError):
            from engine.errors import PlancheckError

            raise PlancheckError("option.source_date_epoch", value=epoch[:40]) from None
    return ""


# --------------------------------------------------------------------------- zip determinism

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_ISO = "2000-01-01T00:00:00Z"
_CORE_DATE = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def normalize_zip(data: bytes, date: str = "") -> bytes:
    """Rewrite an OOXML zip so two runs give identical bytes: fixed entry times and attributes,
    created/modified dates in docProps/core.xml set to `date` (ISO day) or a fixed one, entries in
    their original order."""
    stamp = f"{date}T00:00:00Z".encode() if date else FIXED_ISO.encode()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(3), body)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, body, compresslevel=6)
    return out.getvalue()


def fields_of_label(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def title_as_written(plan: Plan | None) -> str:
    """A plan's title as its own title lines write it (full-width brackets, traditional characters):
    `Plan.title` is normalised text, right for matching, wrong for a page a clerk reads."""
    from engine.fix.edits import restyle

    if plan is None or not plan.title:
        return ""
    own_lines = "".join(p.orig for p in plan.paragraphs[:12] if p.text and p.text in plan.title)
    return restyle(plan.title, own_lines)
