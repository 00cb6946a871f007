"""Script and style residue (engine/ingest/script_residue.py, page_furniture.yaml `script_openers`): what a scraper
keeps of a page's <script>, <style> and comments is page furniture wherever it stands — its own lines after the
footer, glued to the footer line, inside a page scraped as one line, in a CMS's <p> — never a measure's text and never
checked; and the page's closing before it is cut too. Plan text that quotes code-like things keeps every character.
The fixtures are fixtures/fix41/ (README.md there)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.ingest.script_residue import cut
from engine.parse import parse_plan
from engine.pipeline import check

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "fix41"
PAGES = sorted(p.name for p in FIX.iterdir() if p.suffix in {".txt", ".html"} and "code-like" not in p.name)
CODE_MARKS = (
    "window.",
    "var ",
    "function",
    "document.",
    "$(",
    "_hmt",
    "<!--",
    "-->",
    '{"',
    "{margin",
    "{color",
)


@pytest.mark.parametrize("name", PAGES)
def test_residue_is_no_paragraph_and_no_part_of_the_last_measure(name: str) -> None:
    doc = load_document(str(FIX / name))
    texts = [p.orig for p in doc.paragraphs]
    assert not [t for t in texts for m in CODE_MARKS if m in t], texts
    removed = " ".join(doc.removed)
    assert any(m in removed for m in CODE_MARKS), doc.removed  # listed as cut, not lost
    last = parse_plan(doc).measures[-1]
    assert last.text.endswith("）") or last.text.endswith(")"), (
        last.text
    )  # ends with its responsibility clause
    assert not any(m in last.text for m in ("网站标识码", "ICP", "主办", "打印")), last.text


@pytest.mark.parametrize("name", PAGES)
def test_no_finding_stands_on_residue(name: str) -> None:
    run = check(str(FIX / name), allow_no_parent=True, fail_on="none")
    quotes = [(f.rule, f.evidence.local or "") for f in run.report.findings]
    assert not [
        q for q in quotes for m in ("common", "_hmt", "bd", "share", "margin", "{", "}") if m in q[1]
    ], quotes


def test_code_like_plan_text_is_kept() -> None:
    path = FIX / "city-digital-services-code-like-text.txt"
    doc = load_document(str(path))
    assert doc.removed == []
    joined = "".join(p.text for p in doc.paragraphs)
    for kept in (
        "http://www.example.gov.cn/zwfw/index.html",
        "zwfw@example.gov.cn",
        "12345热线",
        "window.gov政务中台",
        "var-2.0",
        "T=D×0.6",
        "2.5万亩",
        "申请-->审核-->办结",
        "{标题}{正文}",
        "得分=完成数÷任务数×100",
    ):
        assert kept in joined, kept


@pytest.mark.parametrize(
    "line",
    ["访问www.sh.gov.cn(上海)查看", "函数f(x)=2x+1的图像", "见附件.pdf(共3页)", "a.b(c 上海", "{上海}"],
)
def test_a_statement_that_runs_into_text_is_not_code(line: str) -> None:
    assert cut([(1, line)]) == ([(1, line)], [])


def test_glued_to_the_footer_the_columns_of_the_rest_stay() -> None:
    line = '网站标识码：3100000001window._bd_share_config={"common":{}};'
    ((_, kept),) = cut([(1, line)])[0]
    assert kept.rstrip() == "网站标识码：3100000001" and len(kept) == len(line)


def test_text_after_the_footer_marks_is_the_page_s() -> None:
    """What follows a site's footer line (网站标识码, ICP备) is the page's even when it reads as a sentence."""
    text = "\n".join([
        "某县人民政府办公室关于印发某方案的通知", "各乡镇人民政府，县直各部门：", "一、重点任务",
        "（一）改造老旧管网。更新改造管网120公里。（牵头单位：县水利局）",
        "（二）强化水质检测。每季度检测一次。（牵头单位：县卫生健康局）",
        "【打印本页】 【关闭窗口】", "主办单位：某县人民政府办公室 网站标识码：1234560001 某ICP备12345678号",
        "本站今日访问量：1234人次；累计访问量：567890人次。",
    ])  # fmt: skip
    doc = from_text(text)
    assert (
        parse_plan(doc)
        .measures[-1]
        .text.endswith("（牵头单位：县卫生健康局）".replace("（", "(").replace("）", ")"))
    )
    assert any("访问量" in r for r in doc.removed)


def test_a_numbered_item_after_the_footer_stays() -> None:
    text = "\n".join(["一、重点任务", "（一）改造老旧管网。（牵头单位：县水利局）", "网站标识码：1234560001",
                      "（二）强化水质检测。（牵头单位：县卫生健康局）"])  # fmt: skip
    assert len(parse_plan(from_text(text)).measures) == 2


HOSTILE = {
    "selectors": ".a.a.a.a.a.a.a.a.a ",
    "members": "window.a.a.a.a.a.a.a.a.a.a ",
    "parens": "(a",
    "quotes": '"a',
    "comments": "<!--",
    "json": '{"',
    "jquery": '$("',
    "statements": "var a=1;",
    "braces": "{上",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_megabyte_line_is_read_in_bounded_time(name: str) -> None:
    unit = HOSTILE[name]
    line = "window.x=" + unit * (1_000_000 // len(unit))
    start = time.process_time()
    cut([(1, line), (2, "（一）某某。")])
    assert time.process_time() - start < 5


def test_a_masthead_s_marks_above_a_short_notice_leave_it_whole() -> None:
    text = "\n".join(["某县人民政府网 网站标识码：1234560001", "关于开展春季植树活动的通知",
                      "各单位：定于3月12日开展植树活动，请各单位组织干部职工参加。"])  # fmt: skip
    doc = from_text(text)
    assert any("植树活动，请各单位" in p.text for p in doc.paragraphs), [p.text for p in doc.paragraphs]
