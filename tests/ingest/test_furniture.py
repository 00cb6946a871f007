"""Page furniture: dropped from every format, recorded in SourceDoc.removed, never plan text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from engine.ingest import from_text, furniture, load_document

GUANGNING = "guangning-county-2016-2020.txt"


@pytest.fixture(scope="module")
def guangning(request):
    return load_document(str(Path(__file__).resolve().parents[2] / "fixtures" / GUANGNING))


def test_guangning_scrape_header_and_footer(guangning) -> None:
    assert guangning.removed == [
        "政府信息公开系统",
        "索引号: GNps-04-2017-0346 公开责任部门 排沙镇",
        "公开日期 2017-09-28 关键词",
        "信息有效性 有效 公开形式 主动公开",
        "内容概述",
        "【字体:\xa0】【关闭窗口",
        "来源:转载于广宁县委、县人民政府公开发文资料",
    ]
    first = guangning.paragraphs[0]
    # the 文号 line keeps its document number; the paragraph points at the original line 4
    assert (first.line, first.text) == (4, "文号宁发〔2017〕10号")
    assert first.orig == "公开目录 规范性文件 文号 宁发〔2017〕10号"
    assert first.orig_span(0, len(first.text)) == "文号 宁发〔2017〕10号"
    second = guangning.paragraphs[1]
    assert second.line == 8
    assert second.text == "关于转发《广宁县法治政府建设实施方案(2016-2020年)的通知》的通知"
    heading = next(p for p in guangning.paragraphs if p.text == "一、指导思想和总体目标")
    assert heading.line == 25
    assert guangning.paragraphs[-1].text.startswith("各镇各部门的党政主要负责人要亲自抓好")


def test_guangning_body_is_whole(guangning) -> None:
    raw = (Path(__file__).resolve().parents[2] / "fixtures" / GUANGNING).read_text("utf-8").splitlines()
    kept = {p.line for p in guangning.paragraphs}
    for n, line in enumerate(raw, 1):
        if n > 10 and line.strip(" \xa0\u3000") and n < len(raw):
            assert n in kept, (n, line)


@pytest.mark.parametrize(
    "line",
    [
        "【字体：大 中 小】【打印本页】【关闭窗口】",
        "【字体：大 中 小】 【打印】 【关闭】",
        "分享到：",
        "扫一扫在手机打开当前页",
        "当前位置：首页 > 政务公开 > 规范性文件",
        "首页 > 信息公开 > 通知公告",
        "发布时间：2021-12-31 09:30 浏览次数：1024",
        "索 引 号：000014349/2021-00512",
        "文件下载：",
        "相关链接：",
        "主题分类：政府工作",
        "【打印】【关闭窗口】",
    ],
)
def test_furniture_lines_are_dropped(line: str) -> None:
    doc = from_text(f"一、总体要求\n{line}\n(一)推进依法行政。\n二、保障措施")
    assert [p.text for p in doc.paragraphs] == ["一、总体要求", "(一)推进依法行政。", "二、保障措施"]
    assert doc.removed == [line]
    assert [p.line for p in doc.paragraphs] == [1, 3, 4]


@pytest.mark.parametrize(
    "line",
    [
        "关键是要把法治政府建设纳入发展总体规划。",  # starts like a label, but it is a sentence
        "打印机、复印机等办公设备采购纳入政府采购。",  # a furniture token inside plan text
        "责任单位：县司法局、县政府办",  # a detached responsibility clause
        "牵头单位：区司法局",
        "当前，法治政府建设还存在一些问题。",
        "来源：《法治政府建设实施纲要》",  # 来源 in the middle of a document is text
        "公开透明，依法公开政府信息，全面推进政务公开。",
        "3",  # a bare number in a text file (page numbers only in PDFs)
        "索引号、公开日期、公开形式等要素要完整" + "，规范政府信息公开目录" * 8 + "。",  # long: text
    ],
)
def test_plan_text_is_never_dropped(line: str) -> None:
    body = "\n".join(f"({n})措施{n}。" for n in range(1, 30))
    doc = from_text(f"{body}\n{line}\n{body}")
    assert doc.removed == []
    assert len(doc.paragraphs) == 59


def test_source_line_at_the_end_is_dropped() -> None:
    doc = from_text("一、总体要求\n(一)推进依法行政。\n\n来源：市司法局\n")
    assert doc.removed == ["来源：市司法局"]


def test_document_number_line_is_kept() -> None:
    doc = from_text(
        "发布机构：自治区人民政府\n发文字号：桂政发〔2021〕45号\n公开方式：主动公开 文号：桂发[2021]7号\n一、总体要求"
    )
    assert [p.text for p in doc.paragraphs] == [
        "发文字号：桂政发〔2021〕45号",
        "文号：桂发[2021]7号",
        "一、总体要求",
    ]
    assert doc.removed == ["发布机构：自治区人民政府"]
    kept = doc.paragraphs[1]
    assert kept.orig_span(0, len(kept.text)) == "文号：桂发[2021]7号"


def test_document_number_kept_on_a_page_run_into_one_line() -> None:
    """字号 (the page's font-size switch) is furniture, but not where it ends 发文字号: on a page scraped as one
    line the label was cut at 字号, leaving a stray 发文 and losing the document number."""
    doc = from_text(
        "当前位置：首页 > 政府文件 索引号：000014349/2024-00012 发布机构：某县人民政府办公室 "
        "发文字号：某政办发〔2024〕9号 发布日期：2024-03-02 字号：[ 大 中 小 ] 各乡镇人民政府："
    )
    texts = [p.text for p in doc.paragraphs]
    assert "发文字号：某政办发〔2024〕9号" in texts
    assert not any(t == "发文" or t.endswith("发文") for t in texts)
    assert any("字号：[ 大 中 小 ]" in r for r in doc.removed)


def test_traditional_page_furniture() -> None:
    doc = from_text("索引號：123\n【字體：大 中 小】【列印本頁】【關閉窗口】\n一、總體要求")
    assert doc.paragraphs[0].text == "一、总体要求"
    assert doc.removed[0] == "索引號：123"


@pytest.mark.parametrize(
    "line",
    [
        "网站标识码：4502000001 桂ICP备05000000号 桂公网安备 45010302000001号",
        "版权所有：柳州市城中区人民政府",
        "Copyright © 2021 www.example.gov.cn All Rights Reserved",
        "建议使用IE9及以上版本浏览器 1280*800分辨率",
    ],
)
def test_site_footer_lines_are_dropped_anywhere(line: str) -> None:
    doc = from_text(f"一、总体要求\n{line}\n(一)推进依法行政。\n二、保障措施")
    assert doc.removed == [line]


def test_site_sponsor_line_only_at_the_edges() -> None:
    body = "\n".join(f"({n})措施{n}。" for n in range(1, 30))
    doc = from_text(f"{body}\n主办单位：区司法局\n{body}\n主办单位：柳州市城中区人民政府办公室")
    assert doc.removed == ["主办单位：柳州市城中区人民政府办公室"]


# Pieces of page furniture and plan text glued at random: the scan that starts only at a furniture word
# (`furniture._scan`) finds exactly what trying every place finds.
_FURNITURE_BITS = st.sampled_from(
    [
        *furniture._words().labels, *furniture._words().tokens, *furniture._words().numeric_labels, "索 引 号", "qq空间", "Qq空间",
        "ICP备", "icp证", "Icp备", "ıCP备", "İcp证", "ſ", "K", "豫", "京", "公网安备", "12345678", "桂ICP备05000000号", "京公网安备 45010302000001号", "号", "-1", "2023-06-09", "2023-6-9 10:20:05",
        "1999-", "【", "】", "[", "]", "：", ":", " ", "  ", ">", "»", "首页", "主页", "网站首页", "政务公开", "推进依法行政",
        "。", "，", "2025年", "20", "19", "\n", "|", "｜", " | ", "   ", "走进永泰", "关于加快推进数字政府建设的实施意见",
    ]
)  # fmt: skip
_GLUED = st.lists(st.one_of(_FURNITURE_BITS, st.characters(codec="utf-8")), max_size=60).map("".join)


@settings(max_examples=500, deadline=None)
@given(_GLUED)
@example("网站标识码：4502000001豫ICP备12345678号-1发布时间：2023-06-09当前位置：首页 > 政务公开")
@example("关于加快推进数字政府建设的实施意见首页  走进永泰   |  政务公开｜互动交流  ")
@example("关于加快推进数字政府建设的实施意见走进永泰|政务公开")
@example("首页" + " " * 25 + "| 政务公开")
@example("京公网安备 45010302000001号豫ıCP备12345678号QQ空间qq空间")
def test_scanning_from_furniture_words_finds_what_every_place_finds(text: str) -> None:
    words = furniture._words()
    for pattern, anchors, back, spaces in (
        (words.closed, words.closed_anchors, furniture._CLOSED_BACK, False),
        (words.crumbs, words.crumbs_anchors, 0, False),
        (furniture._MENU, furniture._PIPES, furniture._NAV_MAX, True),
    ):
        found = [m.span() for m in furniture._scan(pattern, anchors, text, back, spaces=spaces)]
        assert found == [m.span() for m in pattern.finditer(text)]


_FIRST_USE = """
from engine.outputs import noted_inputs
import engine.ingest
read = lambda: sum(p.endswith("page_furniture.yaml") for p in noted_inputs().values())
at_import = read()
engine.ingest.from_text("索引号：11450000MB1234567X\\n一、总体要求")
print(at_import, read())
"""


def test_the_furniture_words_are_read_on_first_use_not_at_import() -> None:
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_USE], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["0", "1"]  # start-up reads no data file; the first page that needs it does


@pytest.mark.parametrize(
    "row",
    ["索 引 号： 360829-2025-000152 信息分类： 农业、农村", "文 号： 安府办字〔2025〕31号 是否有效： 是", "索引号： 360829"],
)
def test_a_metadata_row_with_letter_spaced_labels(row) -> None:
    """A portal aligns its metadata labels with spaces (索 引 号, 文　　号): the row is still metadata, kept on
    one line so that it goes as furniture (its cells apart, 是 of 是否有效：是 was read as an issuer's word)."""
    assert furniture.starts_metadata_row(row)


@pytest.mark.parametrize(
    "row",
    [
        "索引号：11451000MB1523606X/2025-00431 分类：农业、林业、水利；通知",
        "索引號：000014349/2024-00077 分類：城鄉建設、環境保護；意見",  # a traditional-character portal (blind14 百色市)
        "发布机构：某县人民政府办公室 分类：工业、交通；通知",
    ],
)
def test_a_portal_s_category_field_is_never_the_title(row) -> None:
    """分类：农业、林业、水利；通知 (the category field of a disclosure entry, its value a list of categories ending in the
    document's kind) is furniture with its value: were its value left, it would be read as the plan's title."""
    from engine.parse import parse_plan

    text = (f"{row}\n某县柑橘产业发展三年行动方案\n为推动柑橘产业发展，制定本方案。\n一、重点任务\n"
            "（一）建设标准果园。新建标准果园1万亩。（县农业农村局牵头）\n（二）分类推进品种改良。改良低效果园5000亩。（县林业局牵头）")  # fmt: skip
    doc = from_text(text)
    assert doc.paragraphs[0].text == "某县柑橘产业发展三年行动方案"
    assert parse_plan(doc).title == "某县柑橘产业发展三年行动方案"
    assert any(p.text.startswith("(二)分类推进") for p in doc.paragraphs)  # 分类 in plan text stays
