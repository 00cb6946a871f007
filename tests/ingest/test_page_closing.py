"""A page's closing (engine/ingest/footer.py): once a scraped page's footer starts (【打印本页】, 上一篇：…,
相关链接：…, 主办单位：…), the other documents' titles, the link lists, the address and the phone number that
follow are the page's, not the plan's last measure — on a page scraped as one line, on a page a line per
paragraph, in traditional characters and in GBK bytes; and what was cut is listed in `SourceDoc.removed`.
A plan that mentions 上一篇 in a sentence, a 附件 after its signature, a notice's own contact line, or a page
whose buttons stand above the text, keeps every word.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from engine.ingest import from_text, load_document, normalise_line
from engine.parse import parse_plan
from engine.pipeline import check

HEADER = [
    "某县人民政府 首页 政务公开 政务服务",
    "当前位置：首页 > 政务公开 > 政策文件 > 县政府办文件",
    "某县人民政府办公室关于印发某县2025年农村供水保障工作方案的通知",
    "发布时间：2025-03-10 09:30 来源：某县人民政府办公室 【字体：大 中 小】",
]
NOTICE = [
    "各乡镇人民政府，县直各部门：",
    "现将《某县2025年农村供水保障工作方案》印发给你们，请认真组织实施。",
    "某县人民政府办公室",
    "2025年3月8日",
]
PLAN = [
    "某县2025年农村供水保障工作方案",
    "一、工作目标",
    "全县农村自来水普及率达到95%以上，规模化供水工程覆盖人口比例达到70%。",
    "二、重点任务",
    "（一）改造老旧管网。更新改造农村老旧供水管网120公里。（牵头单位：县水利局；配合单位：县财政局）",
    "（二）强化水质检测。每季度开展一次农村饮用水水质检测。（牵头单位：县卫生健康局）",
    "（三）健全管护机制。落实工程管护主体和经费，完善水费收缴制度。（牵头单位：县水利局）",
]
LAST_SENTENCE = "完善水费收缴制度。（牵头单位：县水利局）"
LAST_TEXT = normalise_line(LAST_SENTENCE)[0]  # as a measure's text reads it
FOOTER = [
    "【打印本页】 【关闭窗口】",
    "上一篇：某县人民政府办公室关于做好2025年春季森林防火工作的通知",
    "下一篇：某县人民政府关于公布2025年度耕地地力保护补贴标准的公告",
    "相关链接： 某市人民政府 某省人民政府 中国政府网",
    "主办单位：某县人民政府办公室 地址：某县城关镇人民路1号 联系电话：0123-4567890",
    "版权所有：某县人民政府 网站标识码：1234560001 某ICP备12345678号",
]
# words only the footer carries: none may reach a paragraph
FOOTER_WORDS = ("上一篇", "下一篇", "森林防火", "补贴标准", "中国政府网", "城关镇人民路", "0123-4567890", "版权所有")

_S2T = opencc.OpenCC("s2t")


def one_line(*parts: list[str]) -> str:
    return " ".join(line for part in parts for line in part)


def many_lines(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def assert_footer_cut(doc) -> None:  # type: ignore[no-untyped-def]
    assert not [w for p in doc.paragraphs for w in FOOTER_WORDS if w in p.orig], [p.orig for p in doc.paragraphs]
    assert doc.paragraphs[-1].orig.rstrip().endswith(LAST_SENTENCE)
    removed = " ".join(doc.removed)
    assert all(w in removed for w in FOOTER_WORDS), doc.removed
    last = parse_plan(doc).measures[-1]
    assert last.text.endswith(LAST_TEXT), last.text


@pytest.mark.parametrize("joined", [one_line, many_lines], ids=["one-line", "multi-line"])
def test_the_footer_is_no_part_of_the_last_measure(joined) -> None:  # type: ignore[no-untyped-def]
    doc = from_text(joined(HEADER, NOTICE, PLAN, FOOTER))
    assert_footer_cut(doc)


def test_one_line_page_lists_its_closing_as_removed() -> None:
    doc = from_text(one_line(HEADER, NOTICE, PLAN, FOOTER))
    assert doc.removed[-1] == " ".join(" ".join(FOOTER).split())


def test_glued_with_no_space() -> None:
    page = "".join(line for part in (NOTICE, PLAN, FOOTER) for line in part).replace(" ", "")
    doc = from_text(page)
    assert_footer_cut(doc)


@pytest.mark.parametrize("joined", [one_line, many_lines], ids=["one-line", "multi-line"])
def test_traditional_copy(joined) -> None:  # type: ignore[no-untyped-def]
    doc = from_text(_S2T.convert(joined(HEADER, NOTICE, PLAN, FOOTER)))
    assert doc.traditional
    texts = " ".join(p.text for p in doc.paragraphs)
    assert not [w for w in ("上一篇", "下一篇", "城关镇人民路", "0123-4567890", "版权所有") if w in texts]
    assert parse_plan(doc).measures[-1].text.endswith(LAST_TEXT)


@pytest.mark.parametrize("joined", [one_line, many_lines], ids=["one-line", "multi-line"])
def test_gbk_copy(tmp_path: Path, joined) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.txt"
    path.write_bytes(joined(HEADER, NOTICE, PLAN, FOOTER).encode("gbk"))
    doc = load_document(str(path))
    assert doc.encoding.lower() in ("gbk", "gb18030", "gb2312")
    assert_footer_cut(doc)


def test_format_reports_nothing_in_the_footer(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(one_line(HEADER, NOTICE, PLAN, FOOTER), encoding="utf-8")
    run = check(str(path), allow_no_parent=True, fail_on="none")
    quoted = [f.evidence.local for f in run.report.findings if f.rule == "format"]
    assert not [q for q in quoted if any(w in (q or "") for w in (*FOOTER_WORDS, "主办单位", "地址"))], quoted


# ---- what is not a page's closing stays -----------------------------------------------------------------


def test_nothing_cut_without_a_footer() -> None:
    for text in (one_line(HEADER, NOTICE, PLAN), many_lines(HEADER, NOTICE, PLAN)):
        assert parse_plan(from_text(text)).measures[-1].text.endswith(LAST_TEXT)


@pytest.mark.parametrize("joined", [one_line, many_lines], ids=["one-line", "multi-line"])
def test_a_sentence_about_the_previous_part_stays(joined) -> None:  # type: ignore[no-untyped-def]
    prose = ["上一篇：见前文所列各项任务，本方案不再重复。", "相关链接中的文件由县水利局负责解释。"]
    doc = from_text(joined(NOTICE, PLAN, prose))
    texts = " ".join(p.orig for p in doc.paragraphs)
    assert all(s in texts for s in prose)
    assert not [r for r in doc.removed if "上一篇" in r or "相关链接" in r]


def test_buttons_above_the_text_cut_nothing_below() -> None:
    page = many_lines(["【打印本页】【关闭窗口】", "上一篇"], NOTICE, PLAN)
    doc = from_text(page)
    assert parse_plan(doc).measures[-1].text.endswith(LAST_TEXT)
    assert doc.paragraphs[-1].orig.endswith(LAST_SENTENCE)


@pytest.mark.parametrize("joined", [one_line, many_lines], ids=["one-line", "multi-line"])
def test_signature_and_annex_before_the_footer_stay(joined) -> None:  # type: ignore[no-untyped-def]
    closing = ["某县水利局", "2025年3月8日", "附件：某县2025年农村供水工程项目清单"]
    doc = from_text(joined(NOTICE, PLAN, closing, FOOTER))
    texts = " ".join(p.orig for p in doc.paragraphs)
    assert all(c in texts for c in closing)
    assert not [w for w in FOOTER_WORDS if w in texts]


@pytest.mark.parametrize("joined", [one_line, many_lines], ids=["one-line", "multi-line"])
def test_an_annex_after_the_buttons_stays(joined) -> None:  # type: ignore[no-untyped-def]
    """附件 after the buttons may be the plan's own (a list the page put below them): never cut."""
    doc = from_text(joined(NOTICE, PLAN, FOOTER[:1], ["附件：某县2025年农村供水工程项目清单"], FOOTER[1:]))
    texts = " ".join(p.orig for p in doc.paragraphs)
    assert "附件：某县2025年农村供水工程项目清单" in texts
    assert "城关镇人民路" not in texts and "下一篇" not in texts


@pytest.mark.parametrize("joined", [one_line, many_lines], ids=["one-line", "multi-line"])
def test_a_notice_s_contact_line_stays(joined) -> None:  # type: ignore[no-untyped-def]
    """地址 and 联系电话 close a site's footer, but open nothing: a notice's own contact line is the notice's."""
    contact = ["联系人：王明", "联系电话：0123-7654321", "地址：某县城关镇建设路2号"]
    doc = from_text(joined(NOTICE[:2], contact, NOTICE[2:], PLAN))
    texts = " ".join(p.orig for p in doc.paragraphs)
    assert all(c in texts for c in contact)
    doc = from_text(joined(NOTICE, PLAN, contact))
    texts = " ".join(p.orig for p in doc.paragraphs)
    assert all(c in texts for c in contact)


def test_another_document_after_the_footer_label_stays() -> None:
    """A page that runs on into another document (its addressees) after a link label: the text stays."""
    doc = from_text(one_line(NOTICE, PLAN, ["相关链接：各乡镇人民政府，县直各部门："]))
    assert "各乡镇人民政府，县直各部门：" in " ".join(p.orig for p in doc.paragraphs)


@pytest.mark.parametrize("joined", [one_line, many_lines], ids=["one-line", "multi-line"])
def test_a_numbered_list_of_links_goes_with_its_label(joined) -> None:  # type: ignore[no-untyped-def]
    links = ["相关文件：", "1.某县人民政府办公室关于做好春季森林防火工作的通知", "2.某县人民政府关于公布耕地地力保护补贴标准的公告"]
    doc = from_text(joined(NOTICE, PLAN, FOOTER[:1], links, FOOTER[4:]))
    assert doc.paragraphs[-1].orig.rstrip().endswith(LAST_SENTENCE)
    assert [m.label for m in parse_plan(doc).measures][-1] == "(三)"


@pytest.mark.parametrize("joined", [one_line, many_lines], ids=["one-line", "multi-line"])
def test_a_numbered_heading_after_the_buttons_stays(joined) -> None:  # type: ignore[no-untyped-def]
    """【打印本页】 then 三、保障措施 with no link label before it: the heading is the plan's."""
    doc = from_text(joined(NOTICE, PLAN, FOOTER[:1], ["三、保障措施"], FOOTER[4:]))
    assert "三、保障措施" in " ".join(p.orig for p in doc.paragraphs)
    assert "城关镇人民路" not in " ".join(p.orig for p in doc.paragraphs)


def test_an_event_s_own_sponsors_open_no_closing() -> None:
    """主办单位：… 承办单位：… end an event's plan too: they open a closing only with a footer mark after them."""
    from engine.ingest.footer import closing_cut

    event = ["一、活动安排", "9月23日在县广场举行开幕式。", "二、组织单位", "主办单位：某县人民政府", "承办单位：某县农业农村局"]
    for text in (many_lines(event), one_line(event)):
        lines = [(k + 1, line) for k, line in enumerate(text.splitlines())]
        assert closing_cut(lines) == (lines, [])
    site = [*event, "网站标识码：1234560001 某ICP备12345678号"]
    lines = [(k + 1, line) for k, line in enumerate(site)]
    assert closing_cut(lines)[1] == site[3:]
