"""`plancheck fix`: check a draft, choose the fixes that are safe together, write the fixed draft."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from engine.errors import PlancheckError
from engine.fix.apply import Outcome, TextDraft, plan_fixes
from engine.ingest import build, load_document, reread
from engine.ingest.readers import read_docx
from engine.models import Finding, Fix, Level


@dataclass
class FixRun:
    outcome: Outcome
    data: bytes | None  # what to write; None when no fix is safe
    edits: int
    # the findings of `plancheck check` on the written file (same rulesets, parent, level): the
    # summary's "after" is what a clerk sees when checking the result, not the planning estimate
    recheck: Callable[[str], list[Finding]] = field(default=lambda path: [])


def edited_lines(raw: list, where: dict[int, list[int]], fixes: list[Fix]) -> list:
    """`raw` with every edit of `fixes` made, the edits of each line applied right to left across all
    fixes (two fixes on one line must not shift each other's columns), as `TextDraft.applied` does."""
    edited = list(raw)
    by_line: dict[int, list] = {}
    for f in fixes:
        for e in f.edits:
            by_line.setdefault(e.line, []).append(e)
    for line_no, edits in by_line.items():
        i = where[line_no][0]
        n, s = edited[i]
        for e in sorted(edits, key=lambda x: x.column, reverse=True):
            s = s[: e.column - 1] + e.replacement + s[e.end_column - 1 :]
        edited[i] = (n, s)
    return edited


def _mapped(f: Fix, raw: list, where: dict[int, list[int]], printed: dict[int, int] | None = None) -> bool:
    """Every edit lands on one plain line whose text at its columns is the edit's original (a table
    row, or a number shared by several raw lines, is never edited by guess), within the paragraph's own text
    (`printed`: a .docx paragraph's length before the units clauses read from its footnotes, which are not in it)."""
    for e in f.edits:
        at = where.get(e.line, [])
        if len(at) != 1:
            return False
        line = raw[at[0]][1]
        if type(line) is not str or line[e.column - 1 : e.end_column - 1] != e.original:
            return False
        if printed and e.end_column - 1 > printed.get(e.line, len(line)):
            return False
    return True


def run_fix(
    draft_path: str,
    output: str,
    *,
    parent_path: str | None,
    rulesets: list[str],
    no_core: bool,
    allow_no_parent: bool,
    lang: str,
    level: Level | None,
    jurisdiction: str | None,
    author: str,
) -> FixRun:
    from engine.parse import parse_plan
    from engine.pipeline import DEFAULT_RULESETS, check_plans, resolve_obligations
    from engine.rules.loader import load_rulesets

    loaded = load_rulesets(([] if no_core else list(DEFAULT_RULESETS)) + list(rulesets))
    obligations = resolve_obligations(loaded, parent_path, allow_no_parent)
    doc = load_document(draft_path)
    if doc.format not in ("txt", "md", "docx"):
        raise PlancheckError("fix.unsupported", path=draft_path, format=f".{doc.format}")
    to_docx = output.lower().endswith(".docx")
    if doc.format == "docx" and not to_docx:
        raise PlancheckError("fix.docx_only")
    data = reread(draft_path, doc.sha256)  # the bytes that were read and checked, or a message
    printed: dict[int, int] = {}
    if doc.format == "docx":
        read = read_docx(data, draft_path)
        raw, printed = read.lines, read.printed
        text_draft = None
    else:
        text_draft = TextDraft.read(data, draft_path)
        raw = list(enumerate(text_draft.lines, start=1))
    where: dict[int, list[int]] = {}
    for i, (line_no, _) in enumerate(raw):
        where.setdefault(line_no, []).append(i)

    plan = parse_plan(doc, level=level, jurisdiction=jurisdiction)
    findings, _ = check_plans(plan, obligations, loaded.rules, lang=lang)

    def recheck(fixes: list[Fix]) -> list[Finding]:
        again = build(edited_lines(raw, where, fixes), draft_path, doc.format, doc.encoding)
        # the level and jurisdiction as the user gave them: what `check` on the fixed draft reads
        fixed_plan = parse_plan(again, level=level, jurisdiction=jurisdiction)
        return check_plans(fixed_plan, obligations, loaded.rules, lang=lang)[0]

    unmapped = [f for f in findings if f.fix is not None and not _mapped(f.fix, raw, where, printed)]
    outcome = plan_fixes(findings, recheck, unmapped)
    fixes = [f.fix for f in outcome.applied if f.fix is not None]
    if not fixes:
        return FixRun(outcome, None, 0)
    if to_docx:
        from engine.fix.docx import tracked_docx

        out, unplaced = tracked_docx(draft_path, plan, fixes, author)
        if unplaced:
            lost = {id(x) for x in unplaced}
            outcome.skipped += [(f, "unmapped") for f in outcome.applied if id(f.fix) in lost]
            outcome.applied = [f for f in outcome.applied if id(f.fix) not in lost]
            fixes = [f for f in fixes if id(f) not in lost]
    else:
        assert text_draft is not None
        out = text_draft.applied(fixes).encode()
    def written(path: str) -> list[Finding]:
        from engine.pipeline import check

        run = check(path, rulesets=list(rulesets), no_core=no_core, allow_no_parent=allow_no_parent, lang=lang,
                    level=level, jurisdiction=jurisdiction, obligations=obligations)  # fmt: skip
        return list(run.report.findings)

    return FixRun(outcome, out if fixes else None, sum(len(f.edits) for f in fixes), written)
