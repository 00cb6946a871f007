"""Normalisation of one line: the table the parser relies on, and the map back to original columns."""

from __future__ import annotations

import pytest

from engine.ingest import from_text, normalise_line
from engine.ingest.normalise import to_simplified
from engine.pipeline import check


def one(text: str):
    doc = from_text(text)
    assert len(doc.paragraphs) == 1, doc.paragraphs
    return doc.paragraphs[0]


@pytest.mark.parametrize(
    ("orig", "text"),
    [
        ("（一）指导思想", "(一)指导思想"),
        ("１．全面实行政府权责清单制度", "1.全面实行政府权责清单制度"),
        ("每年不少于１８０天", "每年不少于180天"),
        ("覆盖率达到９５％", "覆盖率达到95%"),
        ("［牵头单位：区司法局］", "[牵头单位:区司法局]".replace(":", "：")),
        ("推行ＰＰＰ模式，ａｐｐ", "推行PPP模式，app"),
        ("互联网＋政务服务", "互联网+政务服务"),
        # Chinese punctuation and ASCII punctuation both stay as written
        (
            "坚持，推进。落实；明确：协调、“放管服”《纲要》〔2017〕",
            "坚持，推进。落实；明确：协调、“放管服”《纲要》〔2017〕",
        ),
        ("各镇党委、人民政府,县直单位:", "各镇党委、人民政府,县直单位:"),
    ],
)
def test_width_table(orig: str, text: str) -> None:
    p = one(orig)
    assert p.text == text
    assert p.orig == orig
    assert p.cols == list(range(1, len(orig) + 1))  # one character to one character


@pytest.mark.parametrize(
    ("orig", "text"),
    [
        ("到2022 年底前", "到2022年底前"),
        ("到 2 0 2 2年", "到2022年"),
        ("2022年 6 月底前", "2022年6月底前"),
        ("建设法治 政府", "建设法治政府"),
        ("（一） 指导思想", "(一)指导思想"),
        ("提高 20 %", "提高20%"),
        ("2021 2022", "2021 2022"),  # two whole numbers: not glued
        ("PPP   模式 and   more", "PPP模式and more"),  # a space touching Han goes, others collapse
        ("\u3000\u3000为全面推进依法行政，", "为全面推进依法行政，"),
        ("\xa0\xa0\t 一、总体要求 \xa0", "一、总体要求"),
    ],
)
def test_spaces(orig: str, text: str) -> None:
    assert one(orig).text == text


def test_indentation_columns_point_past_the_indent() -> None:
    p = one("\u3000\u3000（二）总体目标。")
    assert p.text == "(二)总体目标。"
    assert p.column(0) == 3
    assert p.orig_span(0, 3) == "（二）"
    assert p.orig_span(3, 7) == "总体目标"


def test_spaced_year_maps_back_to_the_whole_original_span() -> None:
    p = one("到 2 0 2 2年底前完成")
    i = p.text.index("2022年")
    assert p.orig_span(i, i + 5) == "2 0 2 2年"
    assert p.column(i) == 3


@pytest.mark.parametrize(
    ("orig", "text", "cols"),
    [
        ("建設(shè)", "建设", [1, 2]),
        ("綱（gāng）要", "纲要", [1, 8]),
        ("建設(she4)法治", "建设法治", [1, 2, 9, 10]),
        ("專家?guī)?建設", "专家建设", [1, 2, 9, 10]),
        ("法治?府", "法治府", [1, 2, 4]),
        ("專(zhuān)業(yè)化", "专业化", [1, 9, 14]),
    ],
)
def test_scraped_pinyin_junk(orig: str, text: str, cols: list[int]) -> None:
    p = one(orig)
    assert (p.text, p.cols) == (text, cols)


@pytest.mark.parametrize(
    "orig",
    [
        "推行PPP(PPP)模式",
        "开发手机应用(app)",
        "方案(2021-2025年)",
        "附件(a1)",
        "怎么办吗?我们要",  # a real question: particle before the ?
        "这是为什么？",  # a question mark at the end of a sentence
        "要不要推进?",
    ],
)
def test_not_junk(orig: str) -> None:
    assert one(orig).text == normalise_line(orig)[0]
    assert one(orig).text.replace("？", "?").count("?") == orig.replace("？", "?").count("?")
    assert "(" not in orig or "(" in one(orig).text


def test_invisible_characters_and_entity_remnants() -> None:
    p = one("法治\u200b政府\u00ad建设\ufeff&nbsp;&nbsp;推进&amp;nbsp;落实")
    assert p.text == "法治政府建设推进落实"
    assert p.orig_span(0, 4) == "法治\u200b政府"


def test_character_references_left_by_a_scraper_read_as_their_characters() -> None:
    # a news page saved as text keeps &ldquo; &rdquo; &middot; &#x4e00; (blind85's 稍岗镇 page showed it)
    p = one("擦亮&ldquo;中国钢卷尺之乡&rdquo;招牌&middot;&#x4e00;是&#20013;心&amp;ldquo;")
    assert p.text == "擦亮“中国钢卷尺之乡”招牌·一是中心“"
    assert p.orig_span(0, 4).startswith("擦亮&ldquo;中")  # a finding quotes the file as it is
    for kept in ("R&D;研发", "AT&T", "&foo;", "a;b"):  # no reference: the writer's own characters
        assert one(kept).text == normalise_line(kept)[0] == kept


def _alone(tmp_path, text: str) -> list[str]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return [f.message for f in check(str(path), allow_no_parent=True).report.findings]


def test_a_scraped_reference_draws_no_half_width_semicolon_finding(tmp_path) -> None:
    text = (
        "某镇钢卷尺产业提质升级工作方案\n&nbsp;&nbsp;一、重点工作\n"
        "&nbsp;&nbsp;（一）开展摸底建档。建立&ldquo;一企一档&rdquo;；2026年5月底前完成。（牵头单位：镇工业发展办公室）\n"
        "&nbsp;&nbsp;（二）整治喷涂污染。推行&ldquo;三合一&rdquo;整治；年底前完成。（牵头单位：镇生态环境工作站）\n"
    )
    assert not [m for m in _alone(tmp_path, text) if "“;”" in m]
    assert [m for m in _alone(tmp_path, text.replace("；年底", ";年底")) if "“;”" in m]  # the writer's own is reported


def test_a_long_number_before_an_items_label_keeps_its_space() -> None:
    # a page scraped as one line: a field's phone number, then the next item (blind82's 建平县 page showed it)
    assert one("联系电话：0421-7822316 2.推广节水灌溉").text == "联系电话：0421-7822316 2.推广节水灌溉"
    assert one("2 0 2 2年").text == "2022年" and one("1 2.5万亩").text == "12.5万亩"  # digits spaced out still join


def test_traditional_is_simplified_and_flagged() -> None:
    doc = from_text("國務院關於印發法治政府建設實施綱要(2015—2020年)的通知\n一、總體要求")
    assert doc.traditional
    assert doc.paragraphs[0].text == "国务院关于印发法治政府建设实施纲要(2015—2020年)的通知"
    assert doc.paragraphs[1].text == "一、总体要求"
    assert doc.paragraphs[1].orig == "一、總體要求"


def test_simplified_text_is_untouched_by_t2s() -> None:
    words = (
        "著力 显著 制订 制定 台账 干部 范围 复核 后续 系统 联系 发展 面向 只有 准予 出台 了解 "
        "征求意见稿 一系列 余额 于是 里程 斗争 咨询 签订 准则 周边 尽管 采取 涉及 症结 松绑"
    )
    assert to_simplified(words) == words
    assert not from_text(words).traditional


def test_simplified_document_is_never_rewritten_by_t2s() -> None:
    doc = from_text("乾县人民政府关于印发方案的通知\n一、总体要求\n(一)藉此推进，於某某同志负责。")
    assert not doc.traditional
    assert [p.text for p in doc.paragraphs] == [p.orig for p in doc.paragraphs]


def test_traditional_line_in_a_simplified_document_is_converted() -> None:
    doc = from_text(
        "一、总体要求\n推进法治政府建设，落实各项任务，确保取得实效。\n《國務院關於加強法治政府建設的意見》"
    )
    assert not doc.traditional
    assert doc.paragraphs[2].text == "《国务院关于加强法治政府建设的意见》"


def test_qianxian_survives_a_traditional_document() -> None:
    doc = from_text("乾縣人民政府關於印發法治政府建設實施方案的通知")
    assert doc.traditional
    assert doc.paragraphs[0].text == "乾县人民政府关于印发法治政府建设实施方案的通知"


def test_column_mapping_round_trip() -> None:
    orig = "\u3000\u3000（三）到２０２５年 ，建設(shè)法治?府　達到９５％。"
    p = one(orig)
    assert p.text == "(三)到2025年，建设法治府达到95%。"
    assert len(p.cols) == len(p.text)
    for i, ch in enumerate(p.text):
        o = orig[p.cols[i] - 1]
        assert o == ch or normalise_line(o)[0] == ch or to_simplified(o) == ch, (i, ch, o)
    assert p.orig_span(p.text.index("建设"), p.text.index("建设") + 2) == "建設"
    assert p.column(len(p.text)) == p.cols[-1] + 1


def test_two_megabyte_single_line_normalises() -> None:
    """Its time is a benchmark figure (python -m bench.speed), not a test."""
    chunk = "（一）到２０２２ 年底前，建設(shè)法治 政府?府，推进“放管服”改革。"
    text = chunk * (2_000_000 // len(chunk))
    doc = from_text(text)
    assert len(doc.paragraphs) == 1
    assert doc.paragraphs[0].text.startswith("(一)到2022年底前，建設法治政府府，")  # one word: not converted


def test_traditional_fixture_normalises_to_the_simplified_one() -> None:
    """s2t of a real plan (~32% of its characters change) ingests to the same text as the original."""
    from pathlib import Path

    import opencc

    original = (Path(__file__).resolve().parents[2] / "fixtures" / "guangxi-2021-2025-parent.txt").read_text(
        "utf-8"
    )
    traditional = from_text(opencc.OpenCC("s2t").convert(original))
    simplified = from_text(original)
    assert traditional.traditional and not simplified.traditional
    assert [p.text for p in traditional.paragraphs] == [p.text for p in simplified.paragraphs]
    assert [p.cols for p in traditional.paragraphs] == [p.cols for p in simplified.paragraphs]


def test_a_kept_line_gives_each_caller_its_own_columns() -> None:
    from engine.ingest.normalise import _normalise_parts, normalise_parts

    line = "（一）到２０２２ 年底前，建設法治政府。"
    first = normalise_parts(line)
    assert first == _normalise_parts(line)  # the kept result is the plain one
    first.cols.append(999)
    first.simplified_cols.clear()
    assert normalise_parts(line) == _normalise_parts(line)
