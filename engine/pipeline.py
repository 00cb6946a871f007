"""The whole run, stage by stage, for the CLI, batch mode, benchmarks and the case runner.

ingest -> parse (+extract) -> obligations (derive from --parent, or a derived ruleset) -> align ->
rules -> findings (fingerprints, order, waivers) -> Report. Nothing here formats output.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine import RULESETS_DIR, __version__
from engine.derive import derive_ruleset, plan_from_ruleset
from engine.errors import PlancheckError
from engine.findings import FINGERPRINT_SCHEME, apply_waivers, coverage, finalize, load_waivers, summarize
from engine.ingest import load_document
from engine.memo import memo
from engine.models import LEVEL_RANK, Alignment, Finding, Level, NotApplicableMeasure, Plan, Report
from engine.outputs import as_text, note_input
from engine.parse import parse_plan
from engine.rules.ruleset import Obligation, Rule, Ruleset

if TYPE_CHECKING:
    from engine.align.tokenize import Vocabulary
    from engine.rules.loader import LoadedRules

DATA_DIR = RULESETS_DIR / "data"
DEFAULT_RULESETS = ("core",)


@memo(1, copy="shared")  # one set of data files per process; kinds never write to ctx.data
def data_tables() -> dict[str, object]:
    """rulesets/data/*.yaml by file stem (levels, confusables, units …), read once per process."""
    from engine.rules import safe_yaml
    from engine.rules.yaml_lines import SafeLoader

    tables: dict[str, object] = {}
    if DATA_DIR.is_dir():
        for p in sorted(DATA_DIR.glob("*.yaml")):
            note_input(p)
            loader = SafeLoader(safe_yaml.read_text(p, str(p)))
            try:
                node = safe_yaml.compose(loader)
                tables[p.stem] = loader.construct_document(node) if node is not None else None
            except safe_yaml.Refused as e:
                raise safe_yaml.refused_error(e, str(p), "ruleset.yaml") from None
            finally:
                loader.dispose()
    return tables


def load_plan(
    path: str, *, level: Level | None = None, jurisdiction: str | None = None, part: int | None = None
) -> Plan:
    """The plan in the file at `path`; `part` picks one document of a notice that issues several."""
    doc = load_document(path)
    return parse_plan(doc, level=level, jurisdiction=jurisdiction, part=part)


@dataclass
class Obligations:
    """The parent as the rules see it: a Plan (rebuilt from obligations) and curation by ref."""

    plan: Plan | None
    by_ref: dict[str, Obligation] = field(default_factory=dict)
    source: str = ""
    parsed: Plan | None = None  # the parent as read from its file, when there is one (swap check)

    @classmethod
    def from_ruleset(cls, rs: Ruleset, source: str) -> Obligations:
        return cls(plan_from_ruleset(rs), {o.ref or o.label: o for o in rs.obligations}, source)

    @classmethod
    def from_parent(cls, path: str) -> Obligations:
        plan = load_plan(path)
        rs = derive_ruleset(plan, ruleset_id="parent")  # the hash of the bytes load_plan read
        # Check through the same path as a derived ruleset would, so both give the same findings.
        out = cls.from_ruleset(rs, path)
        out.parsed = plan
        return out


def display_path_of(path: str) -> str:
    """Paths in reports are relative to the working directory when they lie under it, and text: a
    name whose bytes are not UTF-8 (os.fsdecode keeps them as surrogates) shows them as �."""
    if path == "-":
        return "<stdin>"
    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = ".."
    shown = path if rel.startswith("..") else rel
    return as_text(shown)


def resolve_obligations(loaded: LoadedRules, parent_path: str | None, allow_no_parent: bool) -> Obligations:
    """The parent as the rules see it: --parent (derived on the fly), else an obligation ruleset.

    Without either, rules that need a parent cannot run; that is an error unless the user asked
    for a drafting-only check (--no-parent), so a CI job that lost its parent does not pass quietly.
    """
    if parent_path:
        return Obligations.from_parent(parent_path)
    if loaded.obligation_ruleset is not None:
        return Obligations.from_ruleset(loaded.obligation_ruleset, loaded.obligation_source)
    if not allow_no_parent and any(r.enabled and r.check in NEEDS_PARENT_KINDS() for r in loaded.rules):
        raise PlancheckError("ruleset.no_obligations")
    return Obligations(None)


@dataclass
class CheckRun:
    report: Report
    draft: Plan
    parent: Plan | None
    alignment: Alignment | None
    draft_path: str
    not_applicable: frozenset[str] = frozenset()
    rule_descriptions: dict[str, str] = field(default_factory=dict)
    vocabulary: Vocabulary | None = None  # the unit names the check learnt (quotes in reports cut by them)


def check_plans(
    draft: Plan,
    obligations: Obligations,
    rules: list[Rule],
    *,
    lang: str = "zh",
    alignment: Alignment | None = None,
    date: str | dt.date | None = None,
    unit_registries: tuple[str, ...] = (),
    vocabulary: Vocabulary | None = None,
) -> tuple[list[Finding], Alignment | None]:
    """Run the rules on a parsed draft: the warm, in-process core of every check.

    `date` is the user's --date: used only when the draft names no date of its own
    (engine.parse.dating). `unit_registries` are an office's own unit registry files. `vocabulary`:
    the unit names the check learns from its plans (`run_vocabulary`), made when not given.
    """
    from engine.align import align_plans, using
    from engine.rules.engine import run_rules

    parent = obligations.plan
    if vocabulary is None:
        vocabulary = run_vocabulary(draft, obligations)
    with using(vocabulary):  # this check's words, never another check's, in this thread only
        if alignment is None and parent is not None:
            alignment = align_plans(parent, draft, vocabulary=vocabulary)
        ctx = _context(draft, obligations, alignment, lang, date, unit_registries, vocabulary)
        findings = run_rules(ctx, rules, lang)
    for f in findings:
        f.file = f.file or draft.source
    return finalize(findings), alignment


def _context(draft: Plan, obligations: Obligations, alignment: Alignment | None, lang: str,
             date: str | dt.date | None, unit_registries: tuple[str, ...], vocabulary: Vocabulary) -> Any:
    """The CheckContext the rules see (built again for the coverage map: `not_applicable_measures`)."""
    from engine.extract.unitnames import load_registry
    from engine.parse.dating import draft_date
    from engine.rules.kinds.base import CheckContext

    return CheckContext(
        draft=draft,
        parent=obligations.plan,
        alignment=alignment,
        obligations=obligations.by_ref,
        data={**data_tables(), "unit_registry": load_registry(unit_registries)},  # validated, not the raw table
        lang=lang,
        draft_date=draft_date(draft, date)[0],
        vocabulary=vocabulary,
    )


def not_applicable_measures(
    draft: Plan,
    obligations: Obligations,
    alignment: Alignment | None,
    rules: list[Rule],
    *,
    lang: str = "zh",
    date: str | dt.date | None = None,
    unit_registries: tuple[str, ...] = (),
    vocabulary: Vocabulary | None = None,
) -> list[NotApplicableMeasure]:
    """The dropped parent measures the draft need not carry at its level, in the parent's order: curated
    not_applicable in the obligation ruleset (its reason), and those parent-covered leaves unreported
    because every clause is a higher level's own duty (beyond.measure_beyond, when a parent-covered
    rule runs with skip_beyond_level). The coverage map shows them as 不适用, not 缺失."""
    from engine.align import using
    from engine.i18n import message
    from engine.rules.beyond import entry_label, measure_beyond

    if alignment is None or obligations.plan is None:
        return []
    dropped = list(dict.fromkeys(p.parent_item for p in alignment.alignment if p.parent_item and p.relation == "dropped"))
    out: list[NotApplicableMeasure] = []
    skip = any(
        r.enabled and r.check == "parent_covered" and r.options.get("skip_beyond_level", True) is not False
        for r in rules
    )
    by_ref = {m.ref or m.label: m for m in obligations.plan.measures}
    ctx = None
    for ref in dropped:
        ob = obligations.by_ref.get(ref)
        na = ob.not_applicable if ob is not None else None
        if na and (not na.levels or draft.level in na.levels):
            out.append(NotApplicableMeasure(parent_item=ref, basis="ruleset", reason=na.reason))
            continue
        if not skip or ref not in by_ref:
            continue
        if ctx is None:
            vocabulary = vocabulary or run_vocabulary(draft, obligations)
            ctx = _context(draft, obligations, alignment, lang, date, unit_registries, vocabulary)
        with using(ctx.vocabulary):
            entries = measure_beyond(ctx, ref, by_ref[ref])
        if entries:
            labels = [lb for e in entries if (lb := entry_label(ctx.data, e, lang))]
            reason = ("；" if lang == "zh" else "; ").join(dict.fromkeys(labels)) or message("coverage.beyond", lang)
            out.append(NotApplicableMeasure(parent_item=ref, basis="beyond_level", entries=list(entries), reason=reason))
    return out


def run_vocabulary(draft: Plan, obligations: Obligations) -> Vocabulary:
    """The unit names a check learns: from the parent's and the draft's responsibility clauses when
    there is a parent (they keep 区发展和改革局 one word when aligning and quoting), else none."""
    from engine.align import NO_WORDS, vocabulary_of

    return vocabulary_of(obligations.plan, draft) if obligations.plan is not None else NO_WORDS


def check(
    draft_path: str,
    *,
    parent_path: str | None = None,
    rulesets: list[str] | None = None,
    no_core: bool = False,
    allow_no_parent: bool = False,
    waivers_path: str | None = None,
    fail_on: str = "error",
    lang: str = "zh",
    level: Level | None = None,
    jurisdiction: str | None = None,
    today: dt.date | None = None,
    display_path: str | None = None,
    date: dt.date | None = None,
    unit_registries: tuple[str, ...] = (),
    baseline_path: str | None = None,
    obligations: Obligations | None = None,
    progress: Callable[[str], None] | None = None,
    part: int | None = None,
) -> CheckRun:
    """Check one draft file; everything the formatters need comes back in CheckRun.

    `obligations` is a parent already resolved (the web server keeps parents by content hash); it
    takes the place of `parent_path` and of any obligation ruleset. `progress` hears each stage's
    name as it starts: read, parent, check, report (the CLI's progress line on a terminal).
    """
    from engine.parse.dating import draft_date
    from engine.rules.loader import load_rulesets
    from engine.versions.baseline import aliases, apply_baseline, check_compatible, load_baseline

    step = progress or (lambda stage: None)
    step("read")
    refs = ([] if no_core else list(DEFAULT_RULESETS)) + list(rulesets or [])
    loaded = load_rulesets(refs)
    waivers = load_waivers(waivers_path) if waivers_path else []
    base = load_baseline(baseline_path, display_path_of(baseline_path)) if baseline_path else None
    draft = load_plan(draft_path, level=level, jurisdiction=jurisdiction, part=part)
    if display_path:
        draft.source = display_path

    step("parent")
    if obligations is None:
        obligations = resolve_obligations(loaded, parent_path, allow_no_parent)
    if obligations.parsed is not None and (reason := swapped(obligations.parsed, draft, lang)):
        raise PlancheckError("input.swapped", reason=reason)
    parent_name = display_path_of(obligations.source) if obligations.source else ""
    parent_sha = obligations.plan.sha256 if obligations.plan is not None else ""
    if base is not None and baseline_path:
        check_compatible(base, baseline_path, parent_name, parent_sha, loaded.ids)

    step("check")
    vocabulary = run_vocabulary(draft, obligations)
    findings, alignment = check_plans(
        draft, obligations, loaded.rules, lang=lang, date=date, unit_registries=unit_registries,
        vocabulary=vocabulary,
    )
    step("report")
    renamed = aliases(findings, base) if base is not None and any(w.fingerprint for w in waivers) else {}
    active, waived, problems = apply_waivers(findings, waivers, today or dt.date.today(), lang, renamed)
    not_applicable = {
        ref
        for ref, ob in obligations.by_ref.items()
        if ob.not_applicable and (not ob.not_applicable.levels or draft.level in ob.not_applicable.levels)
    }
    na_measures = not_applicable_measures(
        draft, obligations, alignment, loaded.rules, lang=lang, date=date, unit_registries=unit_registries,
        vocabulary=vocabulary,
    )
    not_applicable |= {m.parent_item for m in na_measures}
    pairs = alignment.alignment if alignment else []
    summary = summarize(
        draft.source,
        parent_name,
        active,
        waived,
        coverage(pairs, not_applicable, na_measures),
        loaded.ids,
        fail_on,
        draft.tracked_changes,
    )
    summary.parent_sha256 = parent_sha
    summary.draft_date, summary.draft_date_source = draft_date(draft, date)
    if summary.draft_date is None:
        from engine.rules.kinds import registry

        summary.skipped = [
            r.id
            for r in loaded.rules
            if r.enabled and r.check in NEEDS_DATE_KINDS() and not registry()[r.check].dated_without_date(draft)
        ]
    report = Report(
        version=__version__,
        fingerprints=FINGERPRINT_SCHEME,
        summary=summary,
        alignment=pairs,
        findings=active,
        waived=waived,
        waiver_problems=problems,
    )
    if base is not None:
        report = apply_baseline(report, base)
    descriptions = {r.id: r.description or "" for r in loaded.rules}
    return CheckRun(
        report, draft, obligations.plan, alignment, draft_path, frozenset(not_applicable), descriptions, vocabulary
    )


LEVEL_NAMES = {"national": "国家级", "province": "省级", "city": "市级", "county": "县级", "town": "乡镇级"}


def _bare_title(title: str) -> str:
    """A title without its stage marks (征求意见稿, 送审稿 …: rulesets/data/drafts.yaml) and punctuation, for finding it
    cited elsewhere."""
    import re

    from engine.parse.drafts import unmarked

    return re.sub(r"[\s《》〈〉“”\"'（）()—-]", "", unmarked(title))


def swapped(parent: Plan, draft: Plan, lang: str = "zh") -> str:
    """Why `parent` looks like the draft and `draft` like the parent, or "" when they look right.

    Never claimed when the draft is marked 征求意见稿 and the parent is not: that is the normal case,
    whatever the level inference says. Otherwise any one of: the parent is the 征求意见稿, the parent
    is of a lower level than the draft, the parent cites the draft's title and not the other way.
    """
    if draft.is_draft and not parent.is_draft:
        return ""
    p, d = parent.title or parent.source, draft.title or draft.source
    zh = lang == "zh"
    if parent.is_draft and not draft.is_draft:
        return f"“{p}”是征求意见稿，“{d}”不是" if zh else f"'{p}' is the consultation draft and '{d}' is not"
    lp, ld = LEVEL_RANK.get(parent.level), LEVEL_RANK.get(draft.level)
    if lp is not None and ld is not None and lp > ld:
        if zh:
            return f"“{p}”是{LEVEL_NAMES[parent.level]}方案，比“{d}”（{LEVEL_NAMES[draft.level]}）低"
        return f"'{p}' is a {parent.level}-level plan, below '{d}' ({draft.level})"
    bp, bd = _bare_title(parent.title), _bare_title(draft.title)
    if len(bp) >= 6 and len(bd) >= 6:
        in_parent = bd in _bare_title(parent.preamble + "".join(parent.cited) + parent.title)
        in_draft = bp in _bare_title(draft.preamble + "".join(draft.cited) + draft.title)
        if in_parent and not in_draft and bd != bp:
            return f"“{p}”引用了“{d}”" if zh else f"'{p}' cites '{d}'"
    return ""


@memo(1, copy="shared")  # a frozenset, from the registry
def NEEDS_PARENT_KINDS() -> frozenset[str]:
    from engine.rules.kinds import registry

    return frozenset(name for name, kind in registry().items() if kind.needs_parent)


@memo(1, copy="shared")  # a frozenset, from the registry
def NEEDS_DATE_KINDS() -> frozenset[str]:
    from engine.rules.kinds import registry

    return frozenset(name for name, kind in registry().items() if kind.needs_date)
