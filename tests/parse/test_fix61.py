"""Classes of fixtures/fix61 (see its README), shown by blind61: a 规划's background sections (发展基础, 面临形势, 基本情况)
and its safeguards read as measures, the 节 numbered through the whole plan; a 附表 / 附件 of projects and a glossary
(名词解释, 术语解释) after the tasks read as measures. The golds themselves are read by tests/parse/test_fix_golds.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.parse import closing
from engine.parse.tree import is_background
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix61"


@pytest.mark.parametrize("title", ["发展基础", "发展现状", "发展基础和面临形势", "机遇与挑战", "基本情况", "规划背景"])
def test_a_background_heading(title):
    assert is_background(title)


@pytest.mark.parametrize("title", ["夯实发展基础", "破解存在问题", "形势与任务", "现状与目标", "重点任务", "保障措施"])
def test_a_task_that_names_the_background_is_none(title):
    assert not is_background(title)


@pytest.mark.parametrize("text", ["名词解释", "名词说明：", "附：术语解释", "附件2 名词解释", "指标说明"])
def test_a_glossary_heading(text):
    assert closing.glossary_head(text)


@pytest.mark.parametrize("text", ["名词解释要准确规范。", "编制重点项目名词解释手册", "附件"])
def test_a_sentence_naming_a_glossary_is_no_heading(text):
    assert not closing.glossary_head(text)


def test_a_project_table_caption_beside_a_task_list():
    assert closing.names_projects("附表 2026—2028年残疾人康复服务重点项目表")
    assert closing.names_projects("附件 重大工程清单")
    assert not closing.names_projects("附表 重点任务分工")


def test_an_appended_table_heading_is_closing():
    assert closing.attachment_head("附表")
    assert closing.attachment_head("附表：郫都区川菜产业重点项目表")
    assert closing.attachment_head("附表1 重点项目表")
    assert not closing.attachment_head("附表所列项目要按期开工。")


def test_a_glossary_cut_in_a_page_that_lost_its_line_breaks():
    text = "（二）甲。（X负责） （三）乙。（Y负责） 名词解释 1.甲：指某事。 2.乙：指某物。"
    cut = closing.glossary_cuts(text, text.index("（三）"))
    assert [text[a:b].strip() for a, b in zip(cut[::2], cut[1::2], strict=True)] == ["名词解释"]


def test_nothing_is_found_alone():
    """The fixtures' plans are sound: checked alone, none draws a finding (blind61's 19 false findings alone were
    background 节, safeguards, 附表 rows and 名词解释 entries read as measures with no unit, numbered 1 not 1.)."""
    for path in sorted(HERE.glob("*.expected.yaml")):
        doc = path.name.removesuffix(".expected.yaml")
        source = next(p for p in HERE.iterdir() if p.stem == doc and p.suffix != ".yaml")
        run = check(str(source), allow_no_parent=True, fail_on="none")
        assert [f.message for f in run.report.findings] == [], doc
