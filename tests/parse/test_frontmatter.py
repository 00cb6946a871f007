"""Front matter: titles over several lines, covering notices, 文号, issuers, dates, drafts, citations."""

from __future__ import annotations

import pytest

from engine.parse import parse_plan
from engine.parse.frontmatter import doc_number_in, parse_date, wrapper_inner

BODY = "一、主要任务\n1.加强执法。严格程序。\n2.完善复议。"


def test_title_over_lines_and_blank_lines(doc_of):
    text = (
        "\n柳州市城中区贯彻执行《柳州市落实〈广西\n\n法治政府建设实施方案(2021-2025年)〉工作方案》的方案(征求意见稿)\n为确保…,制定本方案。\n"
        + BODY
    )
    plan = parse_plan(doc_of(text))
    assert (
        plan.title
        == "柳州市城中区贯彻执行《柳州市落实〈广西法治政府建设实施方案(2021-2025年)〉工作方案》的方案(征求意见稿)"
    )
    assert plan.is_draft and plan.preamble == "为确保…,制定本方案。"
    assert (plan.jurisdiction, plan.parent_jurisdiction) == ("城中区", "柳州市")


def test_title_with_period_on_next_line(doc_of):
    plan = parse_plan(
        doc_of("广宁县法治政府建设实施方案\n(2016—2020年)\n\n为全面推进依法行政,制定本方案。\n" + BODY)
    )
    assert plan.title == "广宁县法治政府建设实施方案(2016—2020年)"
    assert plan.preamble == "为全面推进依法行政,制定本方案。"


def test_title_wrapped_without_blank_line(doc_of):
    plan = parse_plan(doc_of("某某市法治政府建设\n实施方案\n" + BODY))
    assert plan.title == "某某市法治政府建设实施方案" and plan.jurisdiction == "某某市"


@pytest.mark.parametrize("normalise", [False, True])
def test_forwarding_wrapper(doc_of, normalise):
    text = "\n".join(
        [
            "关于转发《平安县法治政府建设实施方案(2016-2020年)的通知》的通知",
            "中共平安县委 平安县人民政府关于印发《平安县法治政府建设实施方案",
            "（2016—2020年）》的通知",
            "平发〔2017〕10号",
            "各镇党委、人民政府,县直各单位:",
            "现将《平安县法治政府建设实施方案（2016—2020年）》印发给你们,请认真贯彻执行。",
            "中共平安县委",
            "平安县人民政府",
            "2017年7月7日",
            "为全面推进依法行政,根据《法治政府建设实施纲要(2015—2020年)》,制定本方案。",
            BODY,
        ]
    )
    plan = parse_plan(doc_of(text, normalise=normalise))
    assert plan.title == "平安县法治政府建设实施方案(2016—2020年)"
    assert plan.doc_number == "平发〔2017〕10号"
    assert plan.issuers == ["中共平安县委", "平安县人民政府"]
    assert plan.date == "2017-07-07"
    assert plan.addressees == "各镇党委、人民政府,县直各单位"
    assert plan.preamble.startswith("为全面推进依法行政")
    assert plan.cited == ["法治政府建设实施纲要(2015—2020年)"]
    assert (plan.jurisdiction, plan.level) == ("平安县", "county")


def test_wrapper_inner():
    assert wrapper_inner("关于转发《X县实施方案(2016-2020年)的通知》的通知") == "X县实施方案(2016-2020年)"
    assert (
        wrapper_inner("现将《广西法治政府建设实施方案(2021—2025年)》印发给你们")
        == "广西法治政府建设实施方案(2021—2025年)"
    )
    assert wrapper_inner("广宁县法治政府建设实施方案") is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("宁发〔2017〕10号", "宁发〔2017〕10号"),
        ("桂发〔2021〕45号", "桂发〔2021〕45号"),
        ("文号 宁发[2017]10号", "宁发[2017]10号"),
        ("宁府办(2017)3号", "宁府办(2017)3号"),
        ("发文字号:桂政发〔2020〕 7号", "桂政发〔2020〕7号"),
        ("根据《X方案》(桂发〔2021〕45号)", None),
        ("2017年7月7日", None),
    ],
)
def test_doc_numbers(text, number):
    assert doc_number_in(text) == number


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2021年12月31日", "2021-12-31"),
        ("2017年7月7日", "2017-07-07"),
        ("二〇一七年七月七日", "2017-07-07"),
        ("2021年13月1日", None),
        ("到2025年12月31日前完成", None),
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


def test_date_and_issuers_at_the_end(doc_of):
    plan = parse_plan(doc_of("某某县加强法治建设的实施意见\n" + BODY + "\n某某县人民政府\n2020年3月2日"))
    assert plan.date == "2020-03-02" and plan.issuers == ["某某县人民政府"]
    assert plan.measures[-1].text == "完善复议。"


@pytest.mark.parametrize("word", ["征求意见稿", "送审稿", "讨论稿"])
def test_draft_words(doc_of, word):
    assert parse_plan(doc_of(f"某某县实施方案({word})\n" + BODY)).is_draft
    assert not parse_plan(doc_of("某某县实施方案\n" + BODY)).is_draft


@pytest.mark.parametrize(
    ("line", "inner"),
    [
        ("国务院关于印发国家职业教育改革实施方案的通知", "国家职业教育改革实施方案"),
        ("国务院办公厅关于印发“无废城市”建设试点工作方案的通知", "“无废城市”建设试点工作方案"),
        ("某某市人民政府关于印发某某市营商环境优化行动计划(2023—2025年)的通知", "某某市营商环境优化行动计划(2023—2025年)"),
        ("某某县人民政府办公室关于转发某某市安全生产专项整治实施方案的通知", "某某市安全生产专项整治实施方案"),
    ],
)  # fmt: skip
def test_bare_wrapper_names_the_issued_plan(line, inner):
    # 关于印发X的通知 written without 《》: the plan is X, not the notice
    assert wrapper_inner(line) == inner


@pytest.mark.parametrize(
    "line",
    ["国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知", "关于加强安全生产工作的通知", "关于印发的通知"],
)
def test_notice_that_issues_nothing_is_no_wrapper(line):
    assert wrapper_inner(line) is None


def test_issuing_notice_title_is_the_issued_plan(doc_of):
    head = "某某市人民政府关于印发某某市优化营商环境\n实施方案的通知\n某政发〔2023〕5号\n各县(区)人民政府,市直各单位:\n"
    sign = "现将《某某市优化营商环境实施方案》印发给你们,请认真贯彻执行。\n某某市人民政府\n2023年3月1日\n"
    # without an attached title line: the document the notice issues
    assert parse_plan(doc_of(head + sign + BODY)).title == "某某市优化营商环境实施方案"
    # with one: that line wins (it may differ from the notice's wording)
    attached = "某某市优化营商环境实施方案(2023—2025年)\n为优化营商环境,制定本方案。\n"
    plan = parse_plan(doc_of(head + sign + attached + BODY))
    assert plan.title == "某某市优化营商环境实施方案(2023—2025年)"
    assert plan.doc_number == "某政发〔2023〕5号" and plan.date == "2023-03-01"


TWO = """某某省人民政府办公厅关于印发某某省河湖长制工作
考核办法和某某省河湖长制工作督查办法的通知
某政办发〔2022〕9号
各市、县人民政府，省直各单位：
《某某省河湖长制工作考核办法》和《某某省河湖长制工作督查办法》已经省人民政府同意，现印发给你们，请认真贯彻执行。
某某省人民政府办公厅
2022年5月6日
某某省河湖长制工作考核办法
一、考核对象
1.各市、县人民政府。
2.省河长制办公室成员单位。
二、考核内容
3.河湖管理保护任务完成情况。
某某省河湖长制工作督查办法
一、督查方式
1.明查暗访相结合。
2.督查结果通报。
"""


def test_a_notice_issuing_two_documents_reads_both_apart(doc_of):
    from engine.errors import PlancheckError

    plan = parse_plan(doc_of(TWO))
    assert plan.documents == ["某某省河湖长制工作考核办法", "某某省河湖长制工作督查办法"]
    assert [(m.ref, m.document) for m in plan.measures] == [("1", 0), ("2", 0), ("3", 0), ("1#2", 1), ("2#2", 1)]
    assert plan.level == "province" and plan.date == "2022-05-06"
    second = parse_plan(doc_of(TWO), part=2)
    assert second.title == "某某省河湖长制工作督查办法" and [m.ref for m in second.measures] == ["1", "2"]
    assert second.doc_number == "某政办发〔2022〕9号" and second.level == "province"
    with pytest.raises(PlancheckError) as e:
        parse_plan(doc_of(TWO), part=3)
    assert e.value.code == "parse.no_document"


def test_one_issued_document_is_not_split(doc_of):
    # the notice names one document: its title line names the plan, nothing is split
    one = TWO.split("某某省河湖长制工作督查办法\n一、督查方式")[0].replace("考核办法和某某省河湖长制工作督查办法", "考核办法")
    plan = parse_plan(doc_of(one))
    assert plan.documents == [] and plan.title == "某某省河湖长制工作考核办法" and len(plan.measures) == 3


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_notice_title_wrapped_before_its_last_words_is_the_notice_not_the_plan(doc_of, gap):
    """A centred notice heading wrapped where the width ran out: its first part "…关于印发X（2026—2028年）" reads as a
    title of its own, the next line "的通知" completes the notice (blind28 黑龙江, a PDF's heading; a copy of it as
    text keeps the break). The plan is the notice's inner title, not the notice's first line."""
    text = (
        "黑龙江省人民政府办公厅文件\n黑政办发〔2026〕9号\n"
        "黑龙江省人民政府办公厅关于印发黑龙江省石墨产业高质量发展行动方案（2026—2028年）" + gap + "的通知\n"
        "各市（地）人民政府（行署），省政府各直属单位：\n"
        "《黑龙江省石墨产业高质量发展行动方案（2026—2028年）》已经省政府同意，现印发给你们，请认真组织实施。\n"
        "黑龙江省人民政府办公厅\n2026年3月24日\n"
        "黑龙江省石墨产业高质量发展行动方案（2026\n—2028年）\n为发挥我省石墨资源优势，制定本行动方案。\n" + BODY
    )
    plan = parse_plan(doc_of(text))
    assert plan.title == "黑龙江省石墨产业高质量发展行动方案(2026—2028年)"
    assert plan.issuers == ["黑龙江省人民政府办公厅"]
