"""The data every pipeline stage hands to the next.

These pydantic models are the single source of truth for the JSON that plancheck writes:
`schemas/*.schema.json` are exported from them (`python -m engine.schemas`), and a test keeps the
checked-in files equal to the export.

Pipeline: ingest (SourceDoc) -> parse (Plan) -> extract (fills Measure fields) -> align (Alignment)
-> rules (Finding) -> report (Report).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

Level = Literal["national", "province", "city", "county", "town", "unknown"]
LEVEL_RANK: dict[str, int] = {"national": 0, "province": 1, "city": 2, "county": 3, "town": 4}  # smaller = higher
Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- ingest


class Paragraph(_Model):
    """One paragraph (a line of a text file, a paragraph or table cell of a .docx).

    `text` is normalised for matching (simplified characters, half-width digits/letters/brackets,
    scraped-page junk removed); `orig` is exactly what the file says, for quoting.
    `cols[i]` is the 1-based column in the original line of `text[i]` (for .docx: the offset in
    the paragraph), so any span of `text` maps back to the original file.
    """

    index: int = Field(description="0-based paragraph index in the document")
    line: int = Field(description="1-based line in the original file (.docx: paragraph number)")
    text: str
    orig: str
    cols: list[int] = Field(default_factory=list, exclude=True, repr=False)
    # a task-table row read cell by cell (engine.ingest.tables): `orig` is the row as pasted, its cells
    # apart by tabs or spaces that are the table's layout, not stray spaces in the text
    table_row: bool = Field(False, exclude=True, repr=False)
    # the box drawn around it in plain text (┌─┐ │…│ └─┘, engine.ingest.tables.BoxLine) or set as a table of one
    # column in a .docx (engine.ingest.tables.FramedText): the line of the frame's top (its first paragraph), 0 for
    # a paragraph in no frame; a frame that opens with a caption (专栏1　…) is a box (engine/parse/boxes)
    frame: int = Field(0, exclude=True, repr=False)
    # the runs of its text printed bold (a .docx run set bold or in 黑体, an .html <b>/<strong>), normalised as
    # `text`; never written into `text`: bold means something only where the document says so ("加粗的为牵头单位",
    # engine/parse/conventions.py)
    bold: tuple[str, ...] = Field((), exclude=True, repr=False)
    # the runs printed underlined (a .docx run's w:u), likewise: "有下划线的为牵头单位"
    underline: tuple[str, ...] = Field((), exclude=True, repr=False)

    def column(self, offset: int) -> int:
        """1-based column in the original line of normalised offset `offset`."""
        if not self.cols:
            return offset + 1
        if offset >= len(self.cols):
            return self.cols[-1] + 1 if self.cols else 1
        return self.cols[max(offset, 0)]

    def orig_span(self, start: int, end: int) -> str:
        """The original text behind normalised span [start, end)."""
        if not self.cols or start >= end:
            return self.text[start:end]
        a = self.column(start) - 1
        b = self.column(end - 1)
        return self.orig[a:b]


class SourceDoc(_Model):
    path: str
    format: Literal["txt", "md", "docx", "pdf", "html", "xlsx", "stdin"]
    encoding: str
    paragraphs: list[Paragraph]
    traditional: bool = Field(False, description="the source was written in traditional characters")
    removed: list[str] = Field(default_factory=list, description="page furniture lines dropped")
    sha256: str = Field("", description="sha256 of the bytes read (empty for text given directly)")
    tracked_changes: bool = Field(False, description="a .docx with tracked changes, read as if all were accepted")
    notes: list[str] = Field(default_factory=list, description="footnotes and endnotes, kept out of the text")


# --------------------------------------------------------------------------- extract


class Unit(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True)  # facts: shared between runs through caches
    name: str
    generic: bool = Field(False, description="各有关部门, 其他有关部门, 县直各单位 … name no one in particular")


class Responsibility(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True)  # facts: shared between measures and runs
    lead: tuple[Unit, ...] = ()
    support: tuple[Unit, ...] = ()
    style: str = Field(description="how it was written: 牵头单位, 责任单位, 负责部门, X牵头, 按职责分工负责, 方括号 …")
    bracket: str = Field("", description="the bracket pair used: （）, (), ［］, [] or empty")
    text: str = Field(description="the clause as written (normalised)")
    line: int = 0
    column: int = 0
    detached: bool = Field(False, description="the clause stands in its own paragraph, after the measure")
    by_duty: bool = Field(
        False,
        description="the leads share the task by their own duties (按职责分工负责, 分别负责, X负责A，Y负责B): "
        "many leads there are one per field, not a diluted responsibility",
    )
    start: int = Field(-1, description="offset of the clause in Measure.text (-1: unknown)")
    end: int = Field(-1, description="offset just past the clause in Measure.text (-1: unknown)")
    source: Literal["clause", "fields", "chapter"] = Field(
        "clause",
        description="where the units were read: the measure's own clause; its sentences, one unit per field "
        "(区司法局负责A，区财政局负责B: the text stays the task's, nothing is cut); or its chapter's lead "
        "clause (以下各项由区司法局牵头; text is that clause, not in Measure.text)",
    )
    inherited: bool = Field(
        False, description="a chapter's clause already judged on an earlier item under the same heading"
    )
    clauses: tuple[Responsibility, ...] = Field(
        (),
        description="a measure with several clauses, each after its own sentences (…（A负责）…（B负责）): each "
        "clause in text order; lead and support above are their union, text and place the last clause's",
    )


DeadlineKind = Literal["by-date", "recurring", "period", "term"]


class Deadline(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True)  # facts: shared between runs through caches
    text: str
    kind: DeadlineKind
    date: str | None = Field(None, description="ISO yyyy-mm-dd: the last day allowed (by-date), the period end")
    start: str | None = Field(None, description="ISO start of a period")
    recurrence: str | None = Field(None, description="for recurring deadlines: 'yearly' etc.")
    month_day: str | None = Field(None, description="for recurring: --MM-DD")
    sentence: int = Field(-1, description="index of the sentence it stands in")


Comparator = Literal[">=", "<=", "==", ">", "<"]


class Target(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True)  # facts: shared between runs through caches
    text: str
    value: float
    comparator: Comparator
    unit: str = ""
    kind: Literal["number", "percent", "frequency", "coverage"] = "number"
    period_years: float | None = Field(None, description="for frequencies: 每两年一次 -> 2")
    sentence: int = -1


StrengthLevel = Literal["mandatory", "firm", "normal", "soft"]


class Sentence(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True)  # facts: shared between measures and runs
    index: int
    text: str
    strength: tuple[str, ...] = Field((), description="obligation words found: 必须, 全面, 逐步 …")
    level: StrengthLevel = "normal"
    line: int = 0
    column: int = 0


# --------------------------------------------------------------------------- parse


class Section(_Model):
    """A numbered heading (chapter, sub-chapter) and its own text, if any."""

    label: str = Field(description="normalised label: 一, (一), 1, (1), ①")
    style: str = Field(description="numbering style id: cn_dun, cn_paren, arabic_dot, arabic_paren, circled …")
    ordinal: int
    depth: int
    title: str
    text: str = ""
    path: list[str] = Field(default_factory=list, description="labels of the enclosing sections")
    line: int = 0
    column: int = 0
    document: int = Field(0, description="which of Plan.documents it belongs to (0 in a file of one document)")


class Measure(_Model):
    label: str = Field(description="normalised label as printed: 13, (十七), (1)")
    ref: str = Field(
        "",
        description="unique reference used by alignment and findings: the label, qualified by its parent "
        "measure (26(1)) or enclosing section ((二)3) only where the bare label repeats",
    )
    style: str
    ordinal: int
    depth: int
    path: list[str] = Field(default_factory=list, description="labels of the enclosing sections")
    section_titles: list[str] = Field(default_factory=list)
    title: str
    text: str = Field(description="the whole measure text, normalised, responsibility clause included")
    sentences: list[Sentence] = Field(default_factory=list)
    lead_units: list[str] = Field(default_factory=list)
    support_units: list[str] = Field(default_factory=list)
    responsibility: Responsibility | None = None
    deadlines: list[Deadline] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    line: int = 0
    column: int = 0
    end_line: int = 0
    paragraphs: list[int] = Field(default_factory=list, description="indexes of the paragraphs it spans")
    parent_measure: str | None = Field(None, description="label of the enclosing measure for sub-items")
    general: bool = Field(False, description="a general requirement: 指导思想, 主要原则, 总体目标 …")
    document: int = Field(0, description="which of Plan.documents it belongs to (0 in a file of one document)")


class Plan(_Model):
    source: str
    format: str = "txt"
    encoding: str = "utf-8"
    sha256: str = Field("", description="sha256 of the source bytes the plan was read from")
    tracked_changes: bool = Field(False, description="read from a .docx as if its tracked changes were accepted")
    notes: list[str] = Field(default_factory=list, description="footnotes and endnotes of the source")
    title: str = ""
    doc_number: str | None = Field(None, description="文号, e.g. 桂发〔2021〕45号")
    issuers: list[str] = Field(default_factory=list)
    date: str | None = None
    addressees: str | None = None
    is_draft: bool = Field(False, description="征求意见稿")
    cited: list[str] = Field(default_factory=list, description="documents cited in 《》 in the preamble")
    jurisdiction: str = ""
    parent_jurisdiction: str | None = None
    level: Level = "unknown"
    sections: list[Section] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    preamble: str = ""
    closing: str = Field("", description="text after the last measure: closing requirements, not a measure")
    documents: list[str] = Field(
        default_factory=list,
        description="a notice issuing several documents at once (印发A和B两个规定的通知): their titles, each read "
        "as its own plan (its numbering, its repeats); measures and sections say which by `document`",
    )
    paragraphs: list[Paragraph] = Field(default_factory=list, exclude=True, repr=False)
    _by_ref: dict[str, Measure] = PrivateAttr(default_factory=dict)

    def measure(self, ref: str | None) -> Measure | None:
        """The measure with this ref; the index is built on first use and again if measures changed."""
        if ref is None:
            return None
        if len(self._by_ref) != len(self.measures):
            self._by_ref = {m.ref: m for m in self.measures}
        return self._by_ref.get(ref)


# --------------------------------------------------------------------------- align

MeasureRelation = Literal["same", "adapted", "merged", "split", "dropped", "added", "general"]
ClauseRelation = Literal["same", "changed", "dropped", "added"]
# relations under which a parent measure counts as carried by the draft
CARRIED: tuple[MeasureRelation, ...] = ("same", "adapted", "merged", "split")


class DiffOp(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True)  # shared between clause pairs (align.diff)

    op: Literal["equal", "delete", "insert", "replace"]
    parent: str = ""
    local: str = ""


class ClausePair(_Model):
    parent_index: int | None = None
    local_item: str | None = None
    local_index: int | None = None
    parent_text: str | None = None
    local_text: str | None = None
    relation: ClauseRelation
    score: float = 0.0
    diff: list[DiffOp] = Field(default_factory=list)
    items_dropped: list[str] = Field(default_factory=list)
    items_added: list[str] = Field(default_factory=list)
    parent_deadlines: list[Deadline] = Field(default_factory=list)
    local_deadlines: list[Deadline] = Field(default_factory=list)
    parent_targets: list[Target] = Field(default_factory=list)
    local_targets: list[Target] = Field(default_factory=list)
    parent_strength: list[str] = Field(default_factory=list)
    local_strength: list[str] = Field(default_factory=list)
    parent_level: StrengthLevel = "normal"
    local_level: StrengthLevel = "normal"


class AlignmentPair(_Model):
    parent_item: str | None
    local_items: list[str] = Field(default_factory=list)
    relation: MeasureRelation
    score: float = 0.0
    clauses: list[ClausePair] = Field(default_factory=list)


class Alignment(_Model):
    alignment: list[AlignmentPair]
    options: dict[str, float] = Field(default_factory=dict)


# --------------------------------------------------------------------------- findings


class Evidence(_Model):
    local: str | None = Field(None, description="exact text quoted from the draft")
    parent: str | None = Field(None, description="text quoted from the parent, where relevant")


class Waiver(_Model):
    fingerprint: str | None = Field(
        None, description="the finding's fingerprint: the waiver follows it across versions of the draft"
    )
    rule: str | None = None
    check: str | None = None
    item: str | None = Field(
        None,
        description="draft label, or parent label prefixed with 'parent:'; with a fingerprint only a hint for people",
    )
    reason: str
    approver: str
    expires: str | None = Field(None, description="ISO date; the waiver no longer applies after it")


class TextEdit(_Model):
    """Replace original columns [column, end_column) of one line by `replacement` (empty: delete)."""

    line: int = Field(description="1-based line in the original file (.docx: paragraph number)")
    column: int = Field(description="1-based column of the first original character replaced")
    end_column: int = Field(description="1-based column just past the last character replaced")
    original: str = Field(description="the original text replaced, exactly as the file has it")
    replacement: str = Field(description="the new text, in the draft's own conventions")


class Fix(_Model):
    """A machine-applicable remedy: edits of the original document (`plancheck fix`, SARIF fixes)."""

    description: str
    edits: list[TextEdit]


class Finding(_Model):
    rule: str
    check: str
    severity: Severity
    message: str
    local_item: str | None = None
    parent_item: str | None = None
    path: list[str] = Field(default_factory=list)
    evidence: Evidence = Field(default_factory=Evidence)
    file: str = ""
    line: int = 0
    column: int = 0
    suggestion: str | None = None
    fix: Fix | None = None
    fingerprint: str = ""
    baseline: Literal["new", "unchanged"] | None = Field(
        None, description="with --baseline: new since the baseline report, or found there too"
    )
    waived: bool = False
    waiver: Waiver | None = None


class NotApplicableMeasure(_Model):
    """A parent measure the draft need not carry at its level: counted as not_applicable, not missing."""

    parent_item: str = Field(description="the parent measure's ref")
    basis: Literal["ruleset", "beyond_level"] = Field(
        description="ruleset: curated not_applicable in the obligation ruleset; beyond_level: every clause "
        "of it is a higher level's own duty (rulesets/data/beyond_level.yaml, engine/rules/beyond.py), "
        "so parent-covered does not report it"
    )
    entries: list[str] = Field(
        default_factory=list,
        description="beyond_level: the data entries that decided (beyond_level.yaml ids; actors and topics, "
        "its actors and topics tables)",
    )
    reason: str = Field("", description="a short reason in the report's language (the ruleset's own reason)")


class Coverage(_Model):
    parent_measures: int = 0
    carried: int = 0
    adapted: int = 0
    merged: int = 0
    split: int = 0
    general: int = 0
    not_applicable: int = 0
    missing: int = 0
    not_applicable_measures: list[NotApplicableMeasure] = Field(
        default_factory=list, description="the measures counted in not_applicable, each with its reason"
    )


class Summary(_Model):
    draft: str
    parent: str
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    waived: int = 0
    coverage: Coverage = Field(default_factory=Coverage)
    rulesets: list[str] = Field(default_factory=list)
    fail_on: Literal["error", "warning", "info", "none"] = "error"
    failed: bool = Field(False, description="findings at or above fail_on (with a baseline: new ones only)")
    parent_sha256: str = Field("", description="sha256 of the parent the draft was checked against")
    new: int | None = Field(None, description="with --baseline: findings not in the baseline")
    unchanged: int | None = Field(None, description="with --baseline: findings also in the baseline")
    fixed: int | None = Field(None, description="with --baseline: findings of the baseline no longer found")
    tracked_changes_accepted: bool = Field(
        False, description="the draft is a .docx with tracked changes; it was checked as if all were accepted"
    )
    draft_date: str | None = Field(None, description="ISO date the dated checks used (unit_outdated, reference_outdated)")
    draft_date_source: Literal["date_line", "title", "option", "none"] = Field(
        "none", description="where draft_date came from: the draft's date line, a year in its title, --date, or none"
    )
    skipped: list[str] = Field(
        default_factory=list, description="rules not run because the draft's date is unknown (give --date)"
    )


class WaiverProblem(_Model):
    kind: Literal["expired", "unused", "stale"] = Field(
        description="expired; unused (matched nothing); stale (keyed by a fingerprint no finding has now)"
    )
    waiver: Waiver
    message: str


class Baseline(_Model):
    """The earlier report a check was compared with."""

    path: str
    version: str = Field(description="plancheck version that wrote it")
    draft: str = ""
    matched_by: Literal["fingerprint", "evidence"] = Field(
        "fingerprint", description="evidence: the baseline's fingerprints were made another way, so findings "
        "were matched by rule and quoted words"
    )


class Report(_Model):
    tool: str = "plancheck"
    version: str
    fingerprints: str = Field("", description="how fingerprints were made (engine.findings.FINGERPRINT_SCHEME)")
    summary: Summary
    baseline: Baseline | None = None
    alignment: list[AlignmentPair] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    waived: list[Finding] = Field(default_factory=list)
    fixed: list[Finding] = Field(
        default_factory=list, description="with --baseline: the baseline's findings no longer found, as reported then"
    )
    waiver_problems: list[WaiverProblem] = Field(default_factory=list)


# --------------------------------------------------------------------------- versions (plancheck diff)

MeasureChangeKind = Literal["inserted", "removed", "renumbered", "changed", "unchanged"]


class MeasureChange(_Model):
    """What became of one measure between two versions of a draft."""

    change: MeasureChangeKind = Field(description="changed wins over renumbered; see `renumbered` for both")
    renumbered: bool = Field(False, description="its reference differs between the versions")
    old_item: str | None = None
    new_item: str | None = None
    title: str = ""
    old_line: int = 0
    new_line: int = 0
    similarity: float = Field(0.0, description="0-100: how alike the two texts are (100: the same words)")
    diff: list[DiffOp] = Field(default_factory=list, description="for changed measures: old -> new")


class DiffSummary(_Model):
    old: str
    new: str
    parent: str = ""
    inserted: int = 0
    removed: int = 0
    renumbered: int = 0
    changed: int = 0
    unchanged: int = 0
    new_findings: int = 0
    still_open: int = 0
    fixed: int = 0
    fail_on: Literal["error", "warning", "info", "none"] = "error"
    failed: bool = Field(False, description="new findings at or above fail_on")


class DiffReport(_Model):
    tool: str = "plancheck"
    version: str
    fingerprints: str = ""
    summary: DiffSummary
    measures: list[MeasureChange] = Field(default_factory=list, description="in the new version's order, removed ones last")
    findings: list[Finding] = Field(
        default_factory=list, description="the new version's findings, each marked new or unchanged (still open)"
    )
    fixed: list[Finding] = Field(default_factory=list, description="the old version's findings no longer found")
