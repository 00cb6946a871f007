"""Classes measured on blind64 and blind62 (fixtures/fix64/README.md):

1. 支持单位 / 支持部门 as the support label, in a "牵头单位：X；支持单位：Y" line and as a task table's column header
   (rulesets/data/roles.yaml stems.support, `placed`); bare "支持：" and a glued "技术支持单位：" are none;
2. an .html page holding the plan as a plain-text copy (<pre>, or <p> with a <br> every line) hard-wrapped at a fixed
   width: the wrap is joined as a .txt's is, real line breaks are kept (engine/ingest/readers.py `_soft_breaks`);
3. the format check's half-width brackets: one finding per bracket PAIR, at the pair (engine/rules/kinds/format.py
   `_pairs`).
The fixtures' golds themselves are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.responsibility import find_responsibility

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "fix64"


def _roles(text: str) -> tuple[list[str], list[str]] | None:
    found = find_responsibility(text, prose=True)
    if found is None:
        return None
    r = found.responsibility
    return [u.name for u in r.lead], [u.name for u in r.support]


# ---- 1. 支持单位 / 支持部门 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("牵头单位：县农业农村局；支持单位：县财政局、各乡镇人民政府", (["县农业农村局"], ["县财政局", "各乡镇人民政府"])),
        ("牵头部门：市商务局；支持部门：市财政局", (["市商务局"], ["市财政局"])),
        ("（牵头单位：区林业局，支持单位：区水利局）", (["区林业局"], ["区水利局"])),
        ("牵头单位：县农业农村局　支持单位：县财政局", (["县农业农村局"], ["县财政局"])),
        ("（县农业农村局为牵头单位，县财政局为支持单位）", (["县农业农村局"], ["县财政局"])),
    ],
)
def test_zhichi_danwei_is_the_support_label(text, want):
    assert _roles(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "支持：县财政局、县农业农村局",  # bare 支持： is no label (it opens a list of measures as often)
        "支持：对完成改造的果园按每亩500元给予补助。",
        "技术支持单位：某某网络科技有限公司",  # a portal's footer: 技术 + 支持单位 names a service
        "资金支持部门：县财政局",
        "政策支持：县财政局、县农业农村局",
    ],
)
def test_zhichi_after_a_word_or_alone_is_no_label(text):
    assert _roles(text) is None


def test_a_footer_technical_support_field_adds_no_support_unit():
    got = _roles("牵头单位：县农业农村局；技术支持单位：县农业科学研究所")
    assert got is not None and got[1] == []
