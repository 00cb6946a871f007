"""Rule message templates substitute plain fields only: a ruleset cannot read process internals or
make a report allocate gigabytes through a format spec."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.cli import main
from engine.rules.templates import fill, template_problem

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "template",
    [
        "{rule.__class__.__base__}",
        "{n_lead_units:999999999}",
        "{quote!r}",
        "{fields[0]}",
        "{0}",
        "{}",
        "措施{local_item缺少右括号",
        "多余的右括号}",
    ],
)
def test_anything_but_a_plain_field_is_refused(template: str) -> None:
    assert template_problem(template)


@pytest.mark.parametrize("template", ["第{local_item}条缺少{unit}", "{{字面}}的括号", "没有字段", "{第三条}"])
def test_plain_fields_and_doubled_braces_are_accepted(template: str) -> None:
    assert template_problem(template) is None


def test_fill_substitutes_names_only() -> None:
    fields = {"local_item": "3", "rule": object()}
    assert fill("第{local_item}条{{不变}}{unknown}", fields) == "第3条{不变}{unknown}"
    # even if a template got past the loader, nothing in it is interpreted
    assert fill("{rule.__class__}{local_item:999999999}{local_item!r}", fields) == (
        "{rule.__class__}{local_item:999999999}{local_item!r}"
    )


@pytest.mark.parametrize(
    ("message", "word"),
    [("{rule.__class__.__base__}", "plain field"), ("{n_lead_units:999999999}", "format spec")],
)
def test_a_ruleset_with_a_steering_template_is_refused_at_file_and_line(tmp_path: Path, message: str, word: str) -> None:
    rs = tmp_path / "steer.yaml"
    rs.write_text(
        "id: steer\nrules:\n  - id: x\n    check: pattern\n    severity: info\n"
        f"    message: '{message}'\n    options: {{forbid: ['措施']}}\n",
        "utf-8",
    )
    r = CliRunner().invoke(main, ["rules", "validate", str(rs), "--lang", "en"])
    assert r.exit_code == 2 and f"{rs}:6:" in r.output and word in r.output, r.output
    r = CliRunner().invoke(main, ["check", str(ROOT / "fixtures" / "chengzhong-district-draft.txt"), "--no-parent", "--ruleset", str(rs)])
    assert r.exit_code == 2 and "steer.yaml:6" in r.output and "内部错误" not in r.output, r.output



@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="{}.:![]0a_n!r 第条", max_size=30))
def test_an_accepted_template_fills_only_names_and_a_refused_one_is_never_interpreted(template: str) -> None:
    fields = {"a": "甲", "n": 7}
    out = fill(template, fields)
    if template_problem(template) is None:
        # rebuild the expected text by hand: {name} -> value, {{ -> {, }} -> }
        expected = re.sub(r"\{\{|\}\}|\{([^{}]*)\}", lambda m: {"{{": "{", "}}": "}"}.get(m.group(), str(fields.get(m.group(1), m.group()))), template)
        assert out == expected
    assert len(out) <= len(template) + 10 * template.count("{")  # nothing grows beyond the fields


def test_an_article_label_is_not_wrapped_in_a_second_ordinal() -> None:
    """第{local_item}项 with an article's label (第三条) reads 第三条; a numbered item keeps 第…项."""
    from engine.rules.templates import fill

    assert fill("第{x}项没有明确牵头单位", {"x": "第三条"}) == "第三条没有明确牵头单位"
    assert fill("第{x}项没有明确牵头单位", {"x": "二(三)"}) == "第二(三)项没有明确牵头单位"
    assert fill("上级第{p}项", {"p": "第十二条"}) == "上级第十二条"
    assert fill("第{x}项“{t}”没有明确牵头单位", {"x": "第四章第三节", "t": "推出线路"}) == "第四章第三节“推出线路”没有明确牵头单位"
