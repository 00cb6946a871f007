"""A small hand-built report for the formatter tests: no pipeline needed.

Draft: a title, a preamble, a section heading and three measures (CJK text, `<`, `&`, quotes).
Parent: five measures; (四) is missing from the draft, (五) is a general requirement.
Findings: every severity, one without any location (title), one parent-only, one waived;
waiver problems: one expired, one unused.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from engine.models import (
    AlignmentPair,
    ClausePair,
    Coverage,
    DiffOp,
    Evidence,
    Finding,
    Measure,
    Paragraph,
    Plan,
    Report,
    Summary,
    Waiver,
    WaiverProblem,
)
from engine.report.base import RenderContext

DRAFT_LINES = [
    "某某区落实《示范方案》的工作方案（征求意见稿）",
    "为贯彻落实《示范方案》，结合本区实际，制定本方案。",
    "一、工作任务",
    "1．全面实行政府权责清单制度。2023年年底前，全面完善行政许可事项清单。（牵头单位：区委编办）",
    "2．推进简政便民。推行“一网通办”，审批时限<5个工作日 & 更快。（牵头单位：区政管办；配合单位：各有关部门）",
    "3．加强行政监管。严格执行“双随机、一公开”监管和信用监管。",
]

PARENT_LINES = [
    "示范方案",
    "一、主要任务",
    "（一）全面实行政府权责清单制度。2022年年底前，全面完善行政许可事项清单。",
    "（二）推进简政便民。全面推行“一网通办”，压减审批时限。",
    "（三）加强行政监管。健全以“双随机、一公开”监管和“互联网+监管”为基本手段的监管机制。",
    "（四）加强数据共享。2024年年底前建成统一的数据共享平台。",
    "（五）总体要求。坚持依法行政。",
]

# (char offset in DRAFT_LINES[3], text) of the first finding's evidence
DEADLINE_LOCAL = "2023年年底前"
VAGUE_LOCAL = "各有关部门"
LT_LOCAL = "审批时限<5个工作日"
CLAUSE_LOCAL = "信用监管"


def _paragraphs(lines: list[str]) -> list[Paragraph]:
    return [Paragraph(index=i, line=i + 1, text=t, orig=t) for i, t in enumerate(lines)]


def _measure(
    label: str, ref: str, title: str, idx: int, lines: list[str], style: str = "arabic_dot"
) -> Measure:
    return Measure(
        label=label,
        ref=ref,
        style=style,
        ordinal=1,
        depth=2,
        path=["一"],
        title=title,
        text=lines[idx],
        line=idx + 1,
        column=1,
        end_line=idx + 1,
        paragraphs=[idx],
    )


def make_draft(source: str = "fixtures/draft.txt", fmt: str = "txt") -> Plan:
    from engine.models import Section

    return Plan(
        source=source,
        format=fmt,
        title="某某区落实《示范方案》的工作方案（征求意见稿）",
        level="county",
        is_draft=True,
        preamble=DRAFT_LINES[1],
        sections=[
            Section(label="一", style="cn_dun", ordinal=1, depth=1, title="工作任务", line=3, column=1)
        ],
        measures=[
            _measure("1", "1", "全面实行政府权责清单制度", 3, DRAFT_LINES),
            _measure("2", "2", "推进简政便民", 4, DRAFT_LINES),
            _measure("3", "3", "加强行政监管", 5, DRAFT_LINES),
        ],
        paragraphs=_paragraphs(DRAFT_LINES),
    )


def make_parent() -> Plan:
    from engine.models import Section

    return Plan(
        source="fixtures/parent.txt",
        title="示范方案",
        level="province",
        sections=[
            Section(label="一", style="cn_dun", ordinal=1, depth=1, title="主要任务", line=2, column=1)
        ],
        measures=[
            _measure("(一)", "(一)", "全面实行政府权责清单制度", 2, PARENT_LINES, "cn_paren"),
            _measure("(二)", "(二)", "推进简政便民", 3, PARENT_LINES, "cn_paren"),
            _measure("(三)", "(三)", "加强行政监管", 4, PARENT_LINES, "cn_paren"),
            _measure("(四)", "(四)", "加强数据共享", 5, PARENT_LINES, "cn_paren"),
            _measure("(五)", "(五)", "总体要求", 6, PARENT_LINES, "cn_paren").model_copy(
                update={"general": True}
            ),
        ],
        paragraphs=_paragraphs(PARENT_LINES),
    )


def make_report(draft_file: str = "fixtures/draft.txt") -> Report:
    def col(line: int, text: str) -> int:
        return DRAFT_LINES[line - 1].index(text) + 1

    waiver = Waiver(
        rule="lead_unit_required", item="3", reason="由区政府统一部署", approver="张三", expires="2030-12-31"
    )
    findings = [
        Finding(
            rule="title_basis",
            check="format",
            severity="warning",
            file=draft_file,
            message="标题未写明依据的上级文件文号",
            suggestion="在标题或前言中写明上级文件文号",
            fingerprint="fp-title",
        ),
        Finding(
            rule="deadline_not_later",
            check="deadline_not_later",
            severity="error",
            file=draft_file,
            message="完成时限“2023年年底前”晚于上级要求的“2022年年底前”",
            local_item="1",
            parent_item="(一)",
            path=["一"],
            line=4,
            column=col(4, DEADLINE_LOCAL),
            evidence=Evidence(local=DEADLINE_LOCAL, parent="2022年年底前，全面完善行政许可事项清单。"),
            suggestion="改为“2022年年底前”或更早",
            fingerprint="fp-deadline",
        ),
        Finding(
            rule="lead_unit_vague",
            check="lead_unit_vague",
            severity="warning",
            file=draft_file,
            message="配合单位“各有关部门”没有指明具体单位",
            local_item="2",
            path=["一"],
            line=5,
            column=col(5, VAGUE_LOCAL),
            evidence=Evidence(local=VAGUE_LOCAL),
            suggestion="列出具体的配合单位",
            fingerprint="fp-vague",
        ),
        Finding(
            rule="format.symbols",
            check="pattern",
            severity="info",
            file=draft_file,
            message="正文中使用了半角符号 <、&：请改用“小于”“和”",
            local_item="2",
            path=["一"],
            line=5,
            column=col(5, LT_LOCAL),
            evidence=Evidence(local=LT_LOCAL),
            fingerprint="fp-lt",
        ),
        Finding(
            rule="clause_carried",
            check="clause_carried",
            severity="warning",
            file=draft_file,
            message="上级要求的“互联网+监管”未落实",
            local_item="3",
            parent_item="(三)",
            path=["一"],
            line=6,
            column=col(6, CLAUSE_LOCAL),
            evidence=Evidence(
                local=CLAUSE_LOCAL, parent="健全以“双随机、一公开”监管和“互联网+监管”为基本手段的监管机制"
            ),
            suggestion="补上“互联网+监管”",
            fingerprint="fp-clause",
        ),
        Finding(
            rule="parent_covered",
            check="parent_covered",
            severity="error",
            file=draft_file,
            message="上级条目（四）“加强数据共享”在下级方案中没有对应条目",
            parent_item="(四)",
            evidence=Evidence(parent="2024年年底前建成统一的数据共享平台。"),
            suggestion="增加一条落实措施，或在豁免清单中说明不适用的理由",
            fingerprint="fp-covered",
        ),
    ]
    waived = [
        Finding(
            rule="lead_unit_required",
            check="lead_unit_required",
            severity="warning",
            file=draft_file,
            message="措施没有写明牵头单位",
            local_item="3",
            path=["一"],
            line=6,
            column=1,
            evidence=Evidence(local="3．加强行政监管。"),
            fingerprint="fp-waived",
            waived=True,
            waiver=waiver,
        )
    ]
    problems = [
        WaiverProblem(
            kind="expired",
            waiver=Waiver(rule="x", reason="旧理由", approver="李四", expires="2020-01-01"),
            message="豁免已于 2020-01-01 过期",
        ),
        WaiverProblem(
            kind="unused",
            waiver=Waiver(check="numbering", reason="不需要", approver="王五"),
            message="豁免没有匹配任何问题",
        ),
    ]
    alignment = [
        AlignmentPair(
            parent_item="(一)",
            local_items=["1"],
            relation="same",
            score=0.93,
            clauses=[
                ClausePair(
                    parent_index=0,
                    local_item="1",
                    local_index=0,
                    parent_text="全面实行政府权责清单制度",
                    local_text="全面实行政府权责清单制度",
                    relation="same",
                    score=1.0,
                    diff=[
                        DiffOp(
                            op="equal", parent="全面实行政府权责清单制度", local="全面实行政府权责清单制度"
                        )
                    ],
                ),
                ClausePair(
                    parent_index=1,
                    local_item="1",
                    local_index=1,
                    parent_text="2022年年底前，全面完善行政许可事项清单",
                    local_text="2023年年底前，全面完善行政许可事项清单",
                    relation="changed",
                    score=0.9,
                    diff=[
                        DiffOp(op="replace", parent="2022", local="2023"),
                        DiffOp(
                            op="equal",
                            parent="年年底前，全面完善行政许可事项清单",
                            local="年年底前，全面完善行政许可事项清单",
                        ),
                    ],
                ),
            ],
        ),
        AlignmentPair(
            parent_item="(二)",
            local_items=["2"],
            relation="adapted",
            score=0.7,
            clauses=[
                ClausePair(
                    parent_index=0,
                    local_item="2",
                    local_index=0,
                    parent_text="全面推行“一网通办”",
                    local_text="推行“一网通办”",
                    relation="changed",
                    score=0.8,
                    diff=[
                        DiffOp(op="delete", parent="全面"),
                        DiffOp(op="equal", parent="推行“一网通办”", local="推行“一网通办”"),
                    ],
                ),
                ClausePair(parent_index=1, parent_text="压减审批时限", relation="dropped"),
                ClausePair(
                    local_item="2", local_index=1, local_text="审批时限<5个工作日 & 更快", relation="added"
                ),
            ],
        ),
        AlignmentPair(
            parent_item="(三)",
            local_items=["3"],
            relation="adapted",
            score=0.6,
            clauses=[
                ClausePair(
                    parent_index=0,
                    local_item="3",
                    local_index=0,
                    parent_text="健全以“双随机、一公开”监管和“互联网+监管”为基本手段的监管机制",
                    local_text="严格执行“双随机、一公开”监管和信用监管",
                    relation="changed",
                    score=0.6,
                    diff=[
                        DiffOp(op="replace", parent="健全以", local="严格执行"),
                        DiffOp(op="equal", parent="“双随机、一公开”监管和", local="“双随机、一公开”监管和"),
                        DiffOp(op="replace", parent="“互联网+监管”为基本手段的监管机制", local="信用监管"),
                    ],
                ),
            ],
        ),
        AlignmentPair(parent_item="(四)", local_items=[], relation="dropped"),
        AlignmentPair(parent_item="(五)", local_items=[], relation="general"),
    ]
    return Report(
        version="0.1.0",
        summary=Summary(
            draft=draft_file,
            parent="fixtures/parent.txt",
            errors=2,
            warnings=3,
            infos=1,
            waived=1,
            coverage=Coverage(parent_measures=5, carried=1, adapted=2, general=1, missing=1),
            rulesets=["default"],
            fail_on="error",
            failed=True,
        ),
        alignment=alignment,
        findings=findings,
        waived=waived,
        waiver_problems=problems,
    )


def write_draft_docx(path: Path) -> Path:
    """The draft as a .docx whose runs do not line up with the findings' evidence."""
    d = docx.Document()
    d.core_properties.author = "fixture"
    for i, text in enumerate(DRAFT_LINES):
        p = d.add_paragraph(style="Title" if i == 0 else None)
        if i == 3:  # split the deadline "2023年年底前" across two runs, one bold
            a = text.index("年年底前")
            p.add_run(text[:a])
            r = p.add_run(text[a : a + 4])
            r.bold = True
            p.add_run(text[a + 4 :])
        elif i == 4:
            p.add_run(text[:10])
            p.add_run(text[10:]).font.size = Pt(12)
        else:
            p.add_run(text)
    d.save(str(path))
    return path


@pytest.fixture
def ctx(tmp_path: Path) -> RenderContext:
    return RenderContext(
        report=make_report(),
        draft=make_draft(),
        parent=make_parent(),
        draft_source_path="fixtures/draft.txt",
        cwd=tmp_path,
    )


@pytest.fixture
def docx_ctx(tmp_path: Path) -> RenderContext:
    src = write_draft_docx(tmp_path / "draft.docx")
    return RenderContext(
        report=make_report(str(src)),
        draft=make_draft(str(src), "docx"),
        parent=make_parent(),
        draft_source_path=str(src),
        cwd=tmp_path,
    )


@pytest.fixture
def fx():
    """This module, for tests that need the sample texts or builders."""
    import sys

    return sys.modules[__name__]
