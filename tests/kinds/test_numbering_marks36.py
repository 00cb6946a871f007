"""A level written both with numbering marks of one character and typed out (fixtures/pointers36/
huozhou-city-tourism-mixed-marks.txt: ㈠ ㈡ （三） ㈣ and ⒈ ⒉ 3. under them, as a plan put together from parts
typed in WPS, where an input method offers ㈠ for "（一）", and parts typed by hand). The reader reads the structure
as if every label were typed; the numbering check reports the marks at a level that also types a label a mark
could have stood for (engine/rules/kinds/numbering.py `mixed_marks`), never a typed label, and nothing where the
marks run out (㈩ then （十一）) or where a level has marks alone."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.numbering import marks
from engine.pipeline import Obligations, check_plans
from engine.rules.ruleset import Rule

HERE = Path(__file__).resolve().parents[2] / "fixtures"
MIXED = HERE / "pointers36" / "huozhou-city-tourism-mixed-marks.txt"


def _typed(text: str) -> str:
    """`text` with each mark typed out as the form it stands for (㈠ → （一）, ⒈ → 1.)."""
    out = []
    for ch in text:
        if ch in marks() and marks()[ch][0] != "circled":
            ch = unicodedata.normalize("NFKC", ch).replace("(", "（").replace(")", "）")
        out.append(ch)
    return "".join(out)


def _reading(text: str) -> tuple[list[tuple], list[tuple]]:
    plan = parse_plan(from_text(text, "plan.txt"))
    return (
        [(s.label, s.style, s.depth, tuple(s.path)) for s in plan.sections],
        [(m.ref, m.style, m.depth, tuple(m.path), m.text[:8], tuple(m.lead_units), tuple(m.support_units))
         for m in plan.measures],
    )  # fmt: skip


def _numbering(text: str, **options: bool) -> list[tuple[int | None, str, str | None]]:
    draft = parse_plan(from_text(text, "draft.txt"))
    rule = Rule.model_validate({"id": "numbering", "check": "numbering", "severity": "warning", "options": options})
    findings, _ = check_plans(draft, Obligations(None), [rule])
    return [(f.line, f.message, f.suggestion) for f in findings if f.check == "numbering"]


def test_a_level_of_marks_and_typed_labels_reads_as_typed():
    text = MIXED.read_text("utf-8")
    sections, measures = _reading(text)
    assert (sections, measures) == _reading(_typed(text))
    assert [s[0] for s in sections if s[2] == 1] == ["(一)", "(二)", "(三)", "(四)", "(一)", "(二)", "(三)"]
    assert [m[0] for m in measures] == ["(一)1", "(一)2", "3", "(二)1", "(二)2", "(三)1", "(三)2", "(四)1", "(四)2"]
    assert measures[0][5:] == (("市文旅局",), ("市自然资源局", "七里峪生态庄园"))


def test_the_marks_of_a_level_that_also_types_its_labels_are_reported():
    text = MIXED.read_text("utf-8")
    lines = text.splitlines()
    hits = _numbering(text)
    marked = [n for n, line in enumerate(lines, 1) if line[:1] in marks()]
    assert sorted(h[0] for h in hits) == marked  # every mark, and no typed label
    by_line = {h[0]: h for h in hits}
    assert by_line[6][1] == (
        "编号“㈠”：是占一个字符的合成编号符号（带括号的汉字数字），同级另有键入的“（三）”，同一层级应统一写法"
    )
    assert by_line[6][2] == "改为键入的“（一）”（全角左括号＋汉字“一”＋全角右括号，共3个字符）"
    assert by_line[16][2].startswith("改为键入的“（四）”")
    # the level's typed form, the mark's own number, spelled out: a font draws ⒉ as "2."
    assert by_line[8][2] == "改为键入的“2.”（数字2＋半角句点，共2个字符）"
    assert _numbering(text, mixed_marks=False) == []
    assert _numbering(_typed(text)) == []


def test_marks_alone_or_run_out_are_one_way():
    head = "某县某项工作实施方案\n一、主要任务\n"
    alone = head + "㈠完善制度。（县民政局负责）\n㈡加强监管。（县市场监管局负责）\n㈢强化培训。（县人社局负责）\n"
    assert _numbering(alone) == []
    ten = "".join(f"{chr(0x3220 + i)}推进第{i + 1}项工作。（县民政局负责）\n" for i in range(10))
    assert _numbering(head + ten + "（十一）完善第十一项工作。（县民政局负责）\n") == []
    # one typed label a mark could have written is enough
    assert [h[0] for h in _numbering(head + ten.replace("㈤", "（五）"))] == [3, 4, 5, 6, 8, 9, 10, 11, 12]


def test_the_fixture_plans_numbered_with_marks_alone_have_no_such_finding():
    for path in [*sorted((HERE / "enclosed16").glob("*.txt")),
                 HERE / "blind28" / "lvliang-city-caregivers-enclosed-numerals.txt",
                 HERE / "blind29" / "jixi-county-huimo-enclosed-numbers.txt"]:  # fmt: skip
        assert [h for h in _numbering(path.read_text("utf-8")) if "合成编号" in h[1]] == [], path.name


def _numbering_at(text: str, lang: str) -> list[tuple[int | None, int | None, str, str | None]]:
    draft = parse_plan(from_text(text, "draft.txt"))
    rule = Rule.model_validate({"id": "numbering", "check": "numbering", "severity": "warning"})
    findings, _ = check_plans(draft, Obligations(None), [rule], lang=lang)
    return [(f.line, f.column, f.message, f.suggestion) for f in findings if f.check == "numbering"]


def test_each_mark_is_quoted_as_printed_at_its_column_and_its_fix_reads_unlike_it():
    """A report's font may draw ⒈ as "1." and ㈠ as "（一）": every message quotes the mark the line prints (not the
    label it stands for), where it stands, names its kind, and spells the typed label out, in both languages."""
    text = MIXED.read_text("utf-8")
    lines = text.splitlines()
    for lang, quote in (("zh", "编号“{}”："), ("en", "label '{}': ")):
        hits = _numbering_at(text, lang)
        assert hits
        for line, column, message, suggestion in hits:
            mark = lines[line - 1][0]
            assert column == 1  # the mark, not a numeral in the words after it (⒈推进七里峪…)
            assert message.startswith(quote.format(mark)), message
            typed = unicodedata.normalize("NFKC", mark).replace("(", "（").replace(")", "）")
            assert mark not in suggestion and typed in suggestion, suggestion
            assert f"{len(typed)}" in suggestion  # how many characters the typed label takes
    en = {h[0]: h for h in _numbering_at(text, "en")}
    assert en[7][3] == "type '1.' (the number 1 in digits + a half-width full stop: 2 characters)"
    assert "(a digit with a full stop)" in en[7][2]
