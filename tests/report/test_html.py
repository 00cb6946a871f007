"""The HTML page parsed with selectolax: self-contained, escaped, complete."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from engine.report.html import HtmlFormatter


def page(ctx) -> HTMLParser:
    return HTMLParser(HtmlFormatter().render(ctx).decode())


def test_sections_and_findings(ctx):
    tree = page(ctx)
    assert tree.css_first("h1").text() == "某某区落实《示范方案》的工作方案（征求意见稿）"
    for sel in (
        "#coverage",
        "#pairs",
        "#other",
        "#waived",
        "#waiver-problems",
        "form.filters",
        "style",
        "script",
    ):
        assert tree.css_first(sel) is not None, sel
    cells = tree.css("#coverage .grid li")
    # each tile: how the draft carries the measure, and the worst severity found on it
    assert [li.attributes["class"] for li in cells] == [
        "rel-carried worst-error",
        "rel-adapted worst-warning",
        "rel-adapted worst-warning",
        "rel-missing worst-error",
        "rel-general",
    ]
    assert [n.text() for n in tree.css("#coverage .grid li em.n")] == ["1", "2", "1", "1"]  # (二): a warning and a note
    findings = tree.css(".finding")
    assert len(findings) == len(ctx.report.findings) + len(ctx.report.waived)
    assert {f.attributes["data-severity"] for f in findings} == {"error", "warning", "info"}
    pairs = tree.css("details.pair")
    assert len(pairs) == len(ctx.report.alignment)
    first = pairs[0]
    assert [d.text() for d in first.css(".parent del")] == ["2022"]
    assert [i.text() for i in first.css(".draft ins")] == ["2023"]
    assert first.css_first(".finding code").text() == "deadline_not_later"
    second = pairs[1]
    assert [d.text() for d in second.css(".parent del.dropped")] == ["压减审批时限"]
    assert [i.text() for i in second.css(".draft ins.added")] == ["审批时限<5个工作日 & 更快"]
    # the title finding has no pair: it is listed apart
    assert tree.css_first("#other .finding code").text() == "title_basis"


def test_self_contained_and_escaped(ctx):
    raw = HtmlFormatter().render(ctx).decode()
    tree = HTMLParser(raw)
    for node in tree.css("[src], [href], link"):
        for attr in ("src", "href"):
            value = node.attributes.get(attr) or ""
            assert not value.startswith(("http", "//")), value
    assert "http" not in raw.replace("http-equiv", "")
    assert "<mark>审批时限&lt;5个工作日</mark> &amp; 更快" in raw
    assert "<5个" not in raw


def test_hostile_title_is_escaped(ctx):
    ctx.draft.title = "<script>alert(1)</script>"
    ctx.report.findings[0].message = '"><img src=x onerror=alert(1)>'
    tree = page(ctx)
    assert len(tree.css("script")) == 1
    assert not tree.css("img")
    assert tree.css_first("h1").text() == "<script>alert(1)</script>"


def test_readable_without_js(ctx):
    tree = page(ctx)
    # nothing is hidden by default except the filter form, which needs JS to work
    hidden = [n.tag for n in tree.css("[hidden]")]
    assert hidden == ["form"]
    assert "@media print" in tree.css_first("style").text()


def test_worst_first(ctx):
    tree = page(ctx)
    sections = [n.attributes.get("id") for n in tree.css("body > section")]
    assert sections[0] == "fix-first", sections
    items = tree.css("#fix-first li")
    sevs = [li.attributes["class"] for li in items]
    assert sevs == sorted(sevs, key=lambda c: ("sev-error", "sev-warning").index(c))
    assert len(items) == sum(f.severity in ("error", "warning") for f in ctx.report.findings)
    # every entry jumps to a finding card, and only finding cards carry data-check
    ids = {n.attributes["id"] for n in tree.css("[data-check]")}
    assert {li.css_first("a").attributes["href"][1:] for li in items} <= ids
    assert all("finding" in n.attributes["class"] for n in tree.css("[data-check]"))
    assert "提示 1 条" in tree.css_first("#fix-first .rest").text()


def test_filters_name_the_rules_on_the_cards(ctx):
    tree = page(ctx)
    values = {i.attributes["value"] for i in tree.css('form.filters input[data-f="rule"]')}
    assert values == {f.rule for f in [*ctx.report.findings, *ctx.report.waived]}
    assert {c.text() for c in tree.css(".finding .fhead code")} <= values


def test_the_quoted_words_are_marked_in_the_draft_column(ctx):
    tree = page(ctx)
    assert [m.text() for m in tree.css(".col.draft mark")] == ["审批时限<5个工作日"]


def test_a_word_dropped_inside_a_same_clause_shows(ctx):
    same = next(c for p in ctx.report.alignment for c in p.clauses if c.relation == "same" and c.local_text)
    assert same.parent_text
    untouched = page(ctx)
    assert not untouched.css("span.clause.same del") and not untouched.css("span.clause.same ins")
    same.local_text = same.parent_text.replace("权责", "", 1)
    assert same.local_text != same.parent_text
    tree = page(ctx)
    dropped = [d.text() for d in tree.css("span.clause.same del")]
    assert len(dropped) == 1 and "权责" in dropped[0]  # a word diff: the word that held it


def test_places_in_a_pdf_draft_are_items(ctx):
    from engine.report.base import RenderContext

    ctx.draft.format = "pdf"
    f = next(f for f in ctx.report.findings if f.local_item == "1")
    assert RenderContext.location(ctx, f) == "第1项"
    ctx.draft.format = "docx"
    assert ctx.location(f).startswith(f"第{f.line}段")


def test_findings_outside_the_pairs_are_listed_worst_first(tmp_path):
    """A clerk reads 其他问题 from the top: errors before warnings before notes (issue #18, seen on the
    seed pair, whose notes on the title and preamble came first)."""
    from pathlib import Path

    from click.testing import CliRunner

    from engine.cli import main
    from engine.models import SEVERITY_RANK

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "r.html"
    CliRunner().invoke(main, [
        "check", str(root / "fixtures" / "chengzhong-district-draft.txt"),
        "--parent", str(root / "fixtures" / "guangxi-2021-2025-parent.txt"), "--format", "html", "-o", str(out),
    ])  # fmt: skip
    shown = [n.attributes["data-severity"] for n in HTMLParser(out.read_text("utf-8")).css("#other .finding")]
    assert len(set(shown)) >= 2  # else the order could not be wrong
    assert shown == sorted(shown, key=lambda s: -SEVERITY_RANK[s])


def test_other_findings_follow_the_draft_within_a_severity(tmp_path):
    """Checked alone, every finding is "other": within a severity they come in the draft's order, whatever group they
    sit in (fixtures/fix64 梅河口: a safeguard's lines 22–23 lie outside the measures and once came first)."""
    import re
    from pathlib import Path

    from click.testing import CliRunner

    from engine.cli import main

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "r.html"
    draft = root / "fixtures" / "fix64" / "meihekou-city-ginseng-halfwidth-labels.txt"
    r = CliRunner().invoke(main, ["check", str(draft), "--no-parent", "--format", "html", "-o", str(out)])
    assert r.exit_code == 0, r.output
    tree = HTMLParser(out.read_text("utf-8"))
    assert tree.css_first("#pairs") is None  # no pair to show, so no empty "对应关系" heading
    cards = tree.css("#other .finding")
    places = [tuple(map(int, re.search(r"第(\d+)行第(\d+)列", c.text()).groups())) for c in cards]
    assert len(places) >= 5 and len({line for line, _ in places}) >= 5
    assert places == sorted(places)


def test_a_report_with_nothing_found_says_so_and_offers_no_filters(tmp_path):
    """Checked alone and clean, the page said nothing below its counts: an empty filter bar over nothing."""
    from click.testing import CliRunner

    from engine.cli import main

    draft = tmp_path / "d.txt"
    draft.write_text(
        "某县茶产业提升实施方案\n一、重点任务\n（一）建设标准茶园。新建标准茶园5000亩。（县农业农村局牵头，县林业局配合）\n"
        "（二）培育龙头企业。培育市级以上龙头企业3家。（县工业和信息化局负责）\n二、保障措施\n加强组织领导。\n",
        "utf-8",
    )
    out = tmp_path / "r.html"
    for lang, words in (("zh", "未发现问题。"), ("en", "No findings.")):
        result = CliRunner().invoke(
            main, ["check", str(draft), "--no-parent", "--format", "html", "-o", str(out), "--lang", lang]
        )
        assert result.exit_code == 0, result.output
        tree = HTMLParser(out.read_text("utf-8"))
        assert tree.css_first(".no-findings").text() == words
        assert tree.css_first("form.filters") is None
