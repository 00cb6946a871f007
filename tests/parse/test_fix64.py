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


# ---- 2. a plain-text copy in a page: <pre>, or <p> with a <br> every line -----------------------------------------

_PARA = (
    "　　（一）严格快递包装标准执行。督促寄递企业执行快递包装国家标准和行业标准，禁止使用不符合标准的包装物，"
    "2026年底前实现重点企业全覆盖。（市场监管司牵头，政策法规司、各省（区、市）邮政管理局配合）"
)
_NEXT = (
    "　　（二）推广可循环快递包装。在省会城市和计划单列市开展可循环快递箱规模化应用试点，建立押金退还和回收网点"
    "体系，2027年底前可循环快递包装应用规模达到1500万个。（普遍服务司牵头，发展研究中心配合）"
)


def _wrapped(width: int) -> list[str]:
    out: list[str] = []
    for par in ("　　二、重点任务", _PARA, _NEXT, "　　三、保障措施"):
        out += [par[i : i + width] for i in range(0, len(par), width)]
    return out


def _page(body: str) -> list[str]:
    from engine.ingest.readers import read_html

    return [text for _, text in read_html(f"<html><body>{body}</body></html>", "page.html").lines]


@pytest.mark.parametrize(
    "wrap",
    [
        lambda lines: "<pre>\n" + "\n".join(lines) + "\n</pre>",
        lambda lines: '<div style="white-space: pre-wrap">' + "\n".join(lines) + "</div>",
        lambda lines: "<p>" + "<br>\n".join(lines) + "</p>",
        lambda lines: "<p>" + "<br/>".join(lines) + "</p>",
    ],
    ids=["pre", "pre-wrap-style", "p-br", "p-br-no-newline"],
)
def test_a_copy_hard_wrapped_at_a_fixed_width_is_joined_back(wrap):
    got = _page(wrap(_wrapped(30)))
    assert got == ["二、重点任务", _PARA.strip(), _NEXT.strip(), "三、保障措施"]


def test_a_pre_block_written_a_paragraph_a_line_keeps_its_breaks():
    lines = ["照旺庄镇村庄清洁行动实施方案", "", "一、主要任务", "（一）清理农村生活垃圾，做到日产日清。",
             "（四）拆除违章私搭乱建。", "（镇综合行政执法办公室牵头，各村民委员会配合）", "二、工作要求",
             "（一）加强组织领导。镇成立工作专班，统筹推进。"]  # fmt: skip
    assert _page("<pre>\n" + "\n".join(lines) + "\n</pre>") == [x for x in lines if x]


@pytest.mark.parametrize(
    "body",
    [
        '<p style="text-align:right">国家邮政局<br>2026年5月18日</p>',
        "<p>联系人：王明<br>联系电话：0535-7471234<br>地址：莱阳市照旺庄镇政府路1号<br>邮编：265200</p>",
    ],
)
def test_short_lines_broken_by_br_stay_lines(body):
    assert len(_page(body)) == body.count("<br>") + 1


def test_the_fixture_pages_have_no_space_or_broken_paragraph_finding():
    from engine.pipeline import check

    for name in ("spb-national-express-packaging-pre.html", "changning-city-camellia-oil-br-wrap.html"):
        run = check(str(FIXTURES / name), allow_no_parent=True, fail_on="none")
        assert [f for f in run.report.findings if f.rule == "format"] == [], name


# ---- 3. half-width brackets: one finding per pair, at the pair ---------------------------------------------------


def test_half_width_brackets_give_one_finding_per_pair_at_its_place():
    from engine.pipeline import check

    run = check(str(FIXTURES / "meihekou-city-ginseng-halfwidth-labels.txt"), allow_no_parent=True, fail_on="none")
    found = sorted((f.line, f.column, f.evidence.local) for f in run.report.findings if f.rule == "format")
    assert found == [
        (16, 3, "(一)规范"),
        (17, 3, "(二)壮大"),
        (17, 25, "(含)以上"),  # a pair in the text: its own finding, not folded into the label's
        (18, 3, "(三)建设"),
        (19, 3, "(四)打造"),
        (20, 3, "(五)强化"),
        (20, 43, "(市科学技术局牵头，市农业农村局配合)"),  # the clause's own finding; no width finding beside it
        (22, 3, "(一)加强"),
        (23, 3, "(二)加大"),
    ]
    label = next(f for f in run.report.findings if f.line == 16)
    assert "编号“(一)”" in label.message and len(label.fix.edits) == 2  # both brackets of the pair in its one fix
