"""Every input format: text encodings, line endings, .docx with tables, .pdf, saved .html, stdin."""

from __future__ import annotations

import codecs

import pytest

from engine.ingest import load_document
from engine.parse import parse_plan

PLAN = "一、总体要求\n（一）指导思想。坚持依法行政，建设法治政府。\n\n1．到２０２５年，基本建成法治政府。\n"
# 镕 堃 犇 are GBK-only: a file declared gb2312 that contains them is really GBK/GB18030
GBK_ONLY = "朱镕基同志、李堃同志、犇牛镇"


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def lines(doc) -> list[int]:
    return [p.line for p in doc.paragraphs]


def test_gbk_only_characters_need_gbk() -> None:
    with pytest.raises(UnicodeEncodeError):
        GBK_ONLY.encode("gb2312")


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: s.encode("utf-8-sig"), "utf-8-sig"),
        (lambda s: s.encode("utf-16"), "utf-16"),
        (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16"),
        (lambda s: s.encode("utf-16-le"), "utf-16-le"),
        (lambda s: s.encode("gbk"), "gb18030"),
        (lambda s: s.encode("gb18030"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-no-bom", "gbk", "gb18030"],
)
def test_text_encodings(tmp_path, encode, encoding) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(encode(PLAN + GBK_ONLY + "\n"))
    doc = load_document(str(path))
    assert doc.encoding == encoding
    assert doc.format == "txt"
    assert texts(doc) == [
        "一、总体要求",
        "(一)指导思想。坚持依法行政，建设法治政府。",
        "1.到2025年，基本建成法治政府。",
        GBK_ONLY,
    ]
    assert lines(doc) == [1, 2, 4, 5]  # the blank line 3 is no paragraph but keeps its number


@pytest.mark.parametrize("eol", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_endings_keep_line_numbers(tmp_path, eol) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.replace("\n", eol).encode("utf-8"))
    doc = load_document(str(path))
    assert lines(doc) == [1, 2, 4]
    assert all("\r" not in p.orig and "\n" not in p.orig for p in doc.paragraphs)
    assert doc.paragraphs[1].orig == "（一）指导思想。坚持依法行政，建设法治政府。"


def test_utf8_with_one_truncated_character_is_tolerated(tmp_path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes((PLAN * 20).encode("utf-8") + "建设".encode()[:-1])
    doc = load_document(str(path))
    assert doc.encoding == "utf-8 (1 bad byte replaced)"
    assert doc.paragraphs[-1].text == "建"


def test_gb_file_with_one_stray_byte_is_tolerated(tmp_path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes((PLAN * 20).encode("gbk") + b"\xff" + "建设".encode("gbk"))
    doc = load_document(str(path))
    assert doc.encoding == "gb18030 (1 bad byte replaced)"
    assert doc.paragraphs[-1].text == "建设"
    assert doc.paragraphs[-1].orig == "\ufffd建设"


def test_markdown_markers_are_layout(tmp_path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# 一、总体要求\n\n## （一）指导思想\n\n- **1．**推进依法行政\n\n**\n", "utf-8")
    doc = load_document(str(path))
    assert doc.format == "md"
    assert texts(doc) == ["一、总体要求", "(一)指导思想", "1.推进依法行政"]
    assert lines(doc) == [1, 3, 5]
    assert doc.paragraphs[1].orig_span(0, 3) == "（一）"
    assert doc.paragraphs[2].column(0) == 5


def test_docx_paragraphs_and_tables_in_order(tmp_path, make_docx) -> None:
    path = make_docx(
        tmp_path / "plan.docx",
        [
            "一、总体要求",
            "",
            "（一）推进依法行政。",
            [
                ["序号", "事项", "联系人"],  # no task or unit column: not a task table (see test_tables.py)
                ["1", "健全依法决策机制", "区司法局"],
                ["2", "严格执法", None],  # merged with 区司法局 above: read once
                ["备注", "<", "<"],  # one cell spanning the row
            ],
            "二、保障措施",
        ],
    )
    doc = load_document(str(path))
    assert doc.format == "docx"
    assert texts(doc) == [
        "一、总体要求",
        "(一)推进依法行政。",
        "序号",
        "事项",
        "联系人",
        "1",
        "健全依法决策机制",
        "区司法局",
        "2",
        "严格执法",
        "备注",
        "二、保障措施",
    ]
    # line = paragraph number: the empty paragraph 2 counts, merged cells are counted once
    assert lines(doc)[:3] == [1, 3, 4]
    assert doc.paragraphs[-1].line == 13  # 3 + 3 + 3 + 2 (continuation skipped) + 1 (span) + 1
    assert doc.paragraphs[1].orig_span(0, 3) == "（一）"


def test_pdf_text_layer_page_by_page(tmp_path, make_pdf) -> None:
    path = make_pdf(
        tmp_path / "plan.pdf",
        [
            ["一、总体要求", "（一）到２０２５年，建成法治政府。", "- 1 -"],
            ["二、工作任务", "1．推进依法行政。", "- 2 -"],
        ],
    )
    doc = load_document(str(path))
    assert doc.format == "pdf"
    assert texts(doc) == ["一、总体要求", "(一)到2025年，建成法治政府。", "二、工作任务", "1.推进依法行政。"]
    assert lines(doc) == [1, 2, 4, 5]  # running line numbers; page numbers are furniture
    assert doc.removed == ["- 1 -", "- 2 -"]


HTML = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于印发方案的通知_政府网</title><style>.a{color:red}</style>
<script>var s = "一、不要读到脚本";</script></head>
<body><form id="form1">
<div class="nav">首页 | 政务公开 | 规范性文件</div>
<table class="xxgk"><tr><td>索引号：</td><td>000-2021-01</td><td>公开日期：</td><td>2021-12-31</td></tr>
<tr><td>文号：</td><td>桂发〔2021〕45号</td></tr></table>
<div id="zoom">
<h1>广西法治政府建设实施方案</h1>
<p>&nbsp;&nbsp;一、总体要求</p>
<p>（一）指导思想。{gbk}<br>第二句&nbsp;在新行。</p>
<ul><li>1．健全制度</li><li>2．严格执法</li></ul>
</div>
<div class="share">分享到：微信 微博</div>
<footer>版权所有：政府办公室</footer>
<p>【字体：大 中 小】【打印本页】【关闭窗口】</p>
</form></body></html>"""


def test_html_saved_from_a_government_site(tmp_path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(HTML.replace("{gbk}", GBK_ONLY).encode("gb18030"))
    doc = load_document(str(path))
    assert doc.format == "html"
    assert doc.encoding == "gb18030"
    assert texts(doc) == [
        "文号:桂发〔2021〕45号".replace(":", "："),
        "广西法治政府建设实施方案",
        "一、总体要求",
        "(一)指导思想。" + GBK_ONLY,
        "第二句在新行。",
        "1.健全制度",
        "2.严格执法",
    ]
    assert "索引号： 000-2021-01 公开日期： 2021-12-31" in doc.removed
    assert "【字体：大 中 小】【打印本页】【关闭窗口】" in doc.removed


def test_html_that_lies_about_its_charset(tmp_path) -> None:
    page = HTML.replace("charset=gb2312", "charset=utf-8").replace("{gbk}", GBK_ONLY)
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    doc = load_document(str(path))
    assert doc.encoding == "gb18030"
    assert "(一)指导思想。" + GBK_ONLY in texts(doc)


def test_stdin_bytes(tmp_path) -> None:
    doc = load_document("-", stdin=PLAN.encode("gbk"))
    assert doc.format == "stdin"
    assert doc.encoding == "gb18030"
    assert texts(doc)[0] == "一、总体要求"


def test_stdin_sniffs_docx(tmp_path, make_docx) -> None:
    path = make_docx(tmp_path / "p.docx", ["一、总体要求"])
    doc = load_document("-", stdin=path.read_bytes())
    assert doc.format == "docx"
    assert texts(doc) == ["一、总体要求"]


def test_doc_extension_that_is_really_html(tmp_path) -> None:
    path = tmp_path / "plan.doc"
    path.write_bytes(HTML.replace("{gbk}", "").encode("gb18030"))
    assert "一、总体要求" in texts(load_document(str(path)))


def test_text_extension_holding_another_format(tmp_path, make_docx, make_pdf) -> None:
    docx_bytes = make_docx(tmp_path / "a.docx", ["一、总体要求"]).read_bytes()
    pdf_bytes = make_pdf(tmp_path / "a.pdf", [["一、总体要求"]]).read_bytes()
    for name, data, fmt in (
        ("d.txt", docx_bytes, "docx"),
        ("p.txt", pdf_bytes, "pdf"),
        ("h.txt", HTML.encode("gb18030"), "html"),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        doc = load_document(str(path))
        assert doc.format == fmt
        assert "一、总体要求" in texts(doc)


def test_government_page_article_body_only(tmp_path) -> None:
    """Navigation, sidebars of related links, share widgets, scripts and the site footer are not the plan."""
    page = """<html><head><title>关于印发方案的通知</title><script>document.write("一、脚本")</script></head><body>
<div class="top-nav"><a>首页</a><a>政务公开</a><a>政策文件</a></div>
<div class="side-bar"><h3>相关文章</h3><ul><li>1．关于做好某某工作的通知</li><li>2．另一篇文章</li></ul></div>
<div class="TRS_Editor"><p>一、总体要求</p><p>（一）到2025年，建成法治政府。</p><p>二、工作任务</p>
<p>1．推进依法行政。（牵头单位：区司法局）</p></div>
<div class="bdsharebuttonbox"><a>分享到微信</a><a>微博</a></div>
<div id="bottom"><p>主办单位：柳州市城中区人民政府办公室</p><p>网站标识码：4502020001 桂ICP备12000000号</p></div>
</body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    doc = load_document(str(path))
    assert texts(doc) == ["一、总体要求", "(一)到2025年，建成法治政府。", "二、工作任务", "1.推进依法行政。(牵头单位：区司法局)"]


def test_unnamed_menus_and_link_lists_are_not_the_article(tmp_path) -> None:
    """Old table-layout sites name nothing: a block that is mostly links is chrome; the article's own
    attachment link stays."""
    menu = "".join(f"<a href='/{k}'>栏目{k}</a> " for k in range(8))
    page = f"""<html><body><table><tr><td>{menu}</td></tr></table>
<div><p>一、总体要求</p><p>（一）到2025年，建成法治政府。</p><p>附件：<a href="/f.doc">任务分工表</a></p></div>
<div><ul><li><a href="/a">关于开展某某工作的通知</a></li><li><a href="/b">某某实施方案</a></li><li><a href="/c">另一篇</a></li></ul></div>
</body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    assert texts(load_document(str(path))) == ["一、总体要求", "(一)到2025年，建成法治政府。", "附件：任务分工表"]


@pytest.mark.parametrize("sep", ["</p><p>", "<br>"])
def test_a_task_table_pasted_into_a_page_as_lines_is_read_as_in_a_text_file(tmp_path, sep) -> None:
    """A 分工表 pasted into the page's editor as text, a <p> (or a <br>) a row, its cells split by single
    spaces or tabs (which a page shows as one space): its rows are measures, as in a .txt."""
    rows = [
        "序号 重点任务 牵头单位 配合单位 完成时限",
        "1 建成一体化政务服务平台。 市大数据局 市财政局 2025年底前",
        "2 推进电子证照共享应用。\t市政务服务中心\t市公安局\t2025年6月底前",
    ]
    page = f"<html><body><div class='TRS_Editor'><p>某某市数字政府建设任务清单{sep}{sep.join(rows)}</p></div></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    plan = parse_plan(load_document(str(path)))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["市大数据局"], ["市财政局"]),
        ("2", ["市政务服务中心"], ["市公安局"]),
    ]


TRADITIONAL = "一、總體要求\n（一）指導思想。堅持依法行政，建設法治政府，推進國家治理體系現代化。\n\n1．到２０２５年，基本建成法治政府。\n"


def test_traditional_characters_saved_as_big5(tmp_path) -> None:
    """Big5 bytes also decode as GBK without error (into kana and private-use mojibake): the
    decoding that reads as plain Chinese wins."""
    data = (TRADITIONAL * 5).encode("big5")
    assert data.decode("gb18030") != TRADITIONAL * 5  # the trap: GB reads these bytes too
    path = tmp_path / "trad.txt"
    path.write_bytes(data)
    doc = load_document(str(path))
    assert doc.encoding == "big5hkscs"
    assert doc.paragraphs[1].orig == "（一）指導思想。堅持依法行政，建設法治政府，推進國家治理體系現代化。"


@pytest.mark.parametrize("text", [PLAN * 5, PLAN + GBK_ONLY], ids=["plain", "gbk-only"])
def test_simplified_gbk_that_big5_could_also_read_stays_gb(tmp_path, text) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("gbk"))
    assert load_document(str(path)).encoding == "gb18030"
