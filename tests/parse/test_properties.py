"""Whatever the text, parse_plan returns a Plan or raises PlancheckError — never anything else."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.errors import PlancheckError
from engine.models import Paragraph, SourceDoc
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
LINES = {p.name: p.read_text("utf-8").splitlines() for p in sorted(FIXTURES.glob("*.txt"))}
# characters that make numbering, brackets, quotes and dates: the interesting part of the alphabet
SPECIAL = "一二三四五六七八九十百零〇两()（）[]［］〔〕《》〈〉、。；;：:,，.．!?“”①②③⑳第章条号年月日0123456789１２ \u3000\xa0\n县区市省镇街道广西中共委政府方案通知印发转发现将征求意见稿牵头单位"
# PARSE_FUZZ_EXAMPLES=2000 for a longer local run; the default keeps the module fast
SETTINGS = settings(
    max_examples=int(os.environ.get("PARSE_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def doc_from(text: str) -> SourceDoc:
    paras = [
        Paragraph(index=i, line=i + 1, text=line, orig=line, cols=list(range(1, len(line) + 1)))
        for i, line in enumerate(text.split("\n"))
    ]
    return SourceDoc(path="<h>", format="txt", encoding="utf-8", paragraphs=paras)


def check(text: str) -> None:
    try:
        plan = parse_plan(doc_from(text))
    except PlancheckError as e:
        assert e.code == "parse.no_measures", e.render("en")  # "internal" would be a parse bug
        return
    refs = [m.ref for m in plan.measures]
    assert plan.measures and len(set(refs)) == len(refs)
    for m in plan.measures:
        assert m.line >= 1 and m.end_line >= m.line and m.column >= 1
        assert all(0 <= i < len(plan.paragraphs) for i in m.paragraphs)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(SPECIAL) | st.characters(), max_size=400))
def test_arbitrary_text(text):
    check(text)


@st.composite
def mutated_fixture(draw):
    lines = list(LINES[draw(st.sampled_from(sorted(LINES)))])
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "shuffle", "insert", "truncate", "join"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "shuffle":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            pos = draw(st.integers(0, len(lines[i])))
            junk = draw(st.text(alphabet=st.sampled_from(SPECIAL), max_size=8))
            lines[i] = lines[i][:pos] + junk + lines[i][pos:]
        elif op == "truncate":
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + lines[i + 1]]
    return "\n".join(lines)


@SETTINGS
@given(mutated_fixture())
def test_mutated_fixtures(text):
    check(text)


@SETTINGS
@given(
    st.lists(st.sampled_from([ln for lines in LINES.values() for ln in lines]), max_size=12), st.booleans()
)
def test_fixture_lines_in_any_order_and_joined(lines, joined):
    check(("" if joined else "\n").join(lines))
