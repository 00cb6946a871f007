"""Suggestions never paste text another check would flag (issue 21, item 3).

General: on the real seed pair and on generated pairs, every finding's remedy is placed in the draft on
its own (a fix's edits; clause_carried's addition inserted before the measure's responsibility clause)
and the draft is checked again with `plancheck fix`'s machinery (`plan_fixes`, which rejects a remedy
that makes any rule report more in a measure). No remedy may bring a new finding. Targeted: the
addition is written in the draft's widths and level (voice.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from engine.fix.apply import TextDraft, plan_fixes
from engine.fix.run import edited_lines
from engine.ingest import build, from_text, load_document
from engine.models import Finding, Fix, TextEdit
from engine.parse import parse_plan
from engine.pipeline import DEFAULT_RULESETS, check_plans, resolve_obligations
from engine.rules.loader import load_rulesets

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
_ADD = re.compile(r"补充：“(?P<text>.*)”（或按本级实际改写）")


def _checked(path: Path):
    loaded = load_rulesets(list(DEFAULT_RULESETS))
    obligations = resolve_obligations(loaded, str(PARENT), False)
    doc = load_document(str(path))
    text = TextDraft.read(path.read_bytes(), str(path))
    raw = list(enumerate(text.lines, start=1))
    where = {n: [i] for i, (n, _) in enumerate(raw)}
    plan = parse_plan(doc)
    findings, _ = check_plans(plan, obligations, loaded.rules)

    def recheck(fixes: list[Fix]) -> list[Finding]:
        again = build(edited_lines(raw, where, fixes), str(path), doc.format, doc.encoding)
        return check_plans(parse_plan(again), obligations, loaded.rules)[0]

    return plan, text, findings, recheck


def _insertion(plan, text: TextDraft, f: Finding) -> Fix | None:
    """clause_carried's addition as an edit: a sentence before the measure's clause, else at its end."""
    hit = _ADD.search(f.suggestion or "")
    m = plan.measure(f.local_item) if f.local_item else None
    if hit is None or m is None:
        return None
    r = m.responsibility
    if r is not None and r.source == "clause" and r.line and not r.detached:
        line, column = r.line, r.column
    else:
        line = m.end_line or m.line
        column = len(text.lines[line - 1]) + 1
    edit = TextEdit(line=line, column=column, end_column=column, original="", replacement=hit["text"] + "。")
    return Fix(description="add", edits=[edit])


def _new_findings(path: Path) -> list[str]:
    """Each remedy alone: what it made a rule report more of (empty when every remedy is safe)."""
    plan, text, findings, recheck = _checked(path)
    bare = [g.model_copy(update={"fix": None}) for g in findings]
    tried = 0
    problems: list[str] = []
    for i, f in enumerate(findings):
        fix = f.fix or (_insertion(plan, text, f) if f.check == "clause_carried" else None)
        if fix is None:
            continue
        tried += 1
        trial = list(bare)
        trial[i] = f.model_copy(update={"fix": fix})
        outcome = plan_fixes(trial, recheck)
        if any(reason == "new_finding" for _, reason in outcome.skipped):
            before = {(g.rule, g.local_item, g.message) for g in findings}
            grew = [g.message for g in recheck([fix]) if (g.rule, g.local_item, g.message) not in before]
            problems.append(f"{f.rule} {f.local_item}: {f.suggestion} -> {grew}")
    assert tried, "no remedy to place: the test would assert nothing"
    return problems


def test_remedies_on_the_seed_pair_bring_no_new_finding() -> None:
    assert _new_findings(ROOT / "fixtures" / "chengzhong-district-draft.txt") == []


def _dropped_sentences(text: str) -> str:
    """A generated draft with the second sentence of every fourth measure left out (clause_carried)."""
    out = []
    numbered = 0
    for line in text.splitlines():
        if re.match(r"^\s*\d+[．.]", line):
            numbered += 1
            parts = line.split("。")
            if numbered % 4 == 0 and len(parts) > 3:
                line = "。".join(parts[:1] + parts[2:])
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", [3, 6])  # a 区 and a 县 (bench.generate.PLACES)
def test_remedies_on_generated_pairs_bring_no_new_finding(tmp_path: Path, seed: int) -> None:
    if str(ROOT) not in sys.path:  # bench/ is beside the package, not installed (as in tests/bench)
        sys.path.insert(0, str(ROOT))
    from bench.generate import make_draft

    parent = parse_plan(load_document(str(PARENT)))
    text, _ = make_draft(parent, seed)
    path = tmp_path / "draft.txt"
    path.write_text(_dropped_sentences(text), encoding="utf-8")
    assert _new_findings(path) == []


def _ctx(draft_text: str, parent_text: str | None = None):
    from engine.extract.unitnames import load_registry
    from engine.pipeline import data_tables
    from engine.rules.kinds.base import CheckContext

    parent = parse_plan(from_text(parent_text or (
        "广西壮族自治区法治政府建设实施方案（2021—2025年）\n一、主要任务\n（一）加强队伍建设。自治区司法厅加强培训。\n"
    )))  # fmt: skip
    draft = parse_plan(from_text(draft_text))
    data = {**data_tables(), "unit_registry": load_registry()}
    return CheckContext(draft=draft, parent=parent, alignment=None, obligations={}, data=data, lang="zh"), draft


_FULL = "柳州市城中区法治政府建设实施方案\n1．加强队伍建设。加强培训，提高能力。（牵头单位：区司法局）\n"
_HALF = "柳州市城中区法治政府建设实施方案\n1.加强队伍建设。加强培训,提高能力。(牵头单位:区司法局)\n"


def test_addition_takes_the_drafts_widths() -> None:
    from engine.rules.voice import in_draft_voice

    text = "建立健全法治政府建设指标体系,强化指标引领(每年评估)。"
    ctx, draft = _ctx(_FULL)
    assert in_draft_voice(ctx, text, draft.measures[0]) == "建立健全法治政府建设指标体系，强化指标引领（每年评估）"
    ctx, draft = _ctx(_HALF)
    assert in_draft_voice(ctx, text, draft.measures[0]) == "建立健全法治政府建设指标体系,强化指标引领(每年评估)"


def test_addition_speaks_for_the_drafts_level() -> None:
    """The parent's name, self-words and units become the district's; what a district cannot do goes."""
    from engine.rules.voice import in_draft_voice, item_in_draft_voice

    ctx, draft = _ctx(_FULL)
    m = draft.measures[0]
    assert in_draft_voice(ctx, "整合优化全自治区政务服务资源,为广西法治政府建设提供智力支持,保障行政立法、行政执法、"
                               "行政复议等工作有效运行。", m) == "为城中区法治政府建设提供智力支持，保障行政执法、行政复议等工作有效运行"
    # a unit named inside the task becomes the district's counterpart ...
    assert in_draft_voice(ctx, "各单位要配合自治区司法厅建立培训制度,提升全省水平。", m) == (
        "各单位要配合区司法局建立培训制度，提升全区水平"
    )
    # ... while a duty whose actor is a body of the province is the province's (beyond_level.yaml)
    assert in_draft_voice(ctx, "自治区司法厅会同自治区财政厅建立培训制度,提升全省水平。", m) == "提升全区水平"
    assert in_draft_voice(ctx, "推动自治区级法治政府建设示范创建工作,不断培育示范典型。", m) == "不断培育示范典型"
    assert in_draft_voice(ctx, "依法建立和完善自治区、设区市、县(市、区)总体应急预案。", m) == ""
    assert item_in_draft_voice(ctx, "保障行政立法", "行政执法、矛盾纠纷化解", m) == "保障"
    county, cdraft = _ctx("梧州市藤县法治政府建设实施方案\n1．加强队伍建设。加强培训，提高能力。（牵头单位：县司法局）\n")
    assert in_draft_voice(county, "健全市场监管体系,提升全省、全区水平。", cdraft.measures[0]) == (
        "健全市场监管体系，提升全县水平"
    )
