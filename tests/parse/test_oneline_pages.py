"""Scraped government pages saved as one line (issue #16): fixtures/oneline/, counted by hand first.

Each page (see fixtures/oneline/README.md) carries a different site's furniture (menus, breadcrumbs with
> » →, 索引号 rows, 【字体：大 中 小】, 分享到 微信 微博, footers with 网站标识码/ICP备/公网安备), with or
without the 印发 notice, numbered 一、（一）1. / 第一条 / 1.（1）; one has no furniture at all, one has
no space anywhere, one is hard-wrapped every 80 characters. The gold (NAME.expected.yaml, same schema as
fixtures/unseen) gives the plan's own title, its level and jurisdiction, its measures in order and each
measure's lead and support units. The page is read as a user's file (`load_document`), as the CLI does.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
import yaml

from engine.ingest import from_text, load_document, normalise_line
from engine.ingest.furniture import top_bar_end
from engine.ingest.readers import split_lines, unwrap
from engine.parse import parse_plan
from engine.parse.numbering import inline_markers

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "oneline"
NAMES = sorted(p.name.removesuffix(".expected.yaml") for p in ROOT.glob("*.expected.yaml"))
_T2S = opencc.OpenCC("t2s")
_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "\u3000": " "})
# words only page furniture carries: none may reach the title, a measure's text or its units
FURNITURE_WORDS = ("首页", "索引号", "ICP备", "公网安备", "网站标识码", "主办", "分享到", "打印", "字体", "浏览次数")


def norm(text: str) -> str:
    return _T2S.convert(text).translate(_WIDTH).replace(" ", "")


def gold(name: str) -> dict:
    return yaml.safe_load((ROOT / f"{name}.expected.yaml").read_text("utf-8"))


def plan_of(name: str):
    return parse_plan(load_document(str(ROOT / gold(name)["file"])))


def test_the_pages_are_there():
    assert len(NAMES) >= 6
    for name in NAMES:
        assert (ROOT / gold(name)["file"]).is_file()


@pytest.mark.parametrize("name", NAMES)
def test_title_is_the_plan_s_own(name):
    plan = plan_of(name)
    assert norm(plan.title) == norm(gold(name)["title"])


@pytest.mark.parametrize("name", NAMES)
def test_level_and_jurisdiction(name):
    plan, want = plan_of(name), gold(name)
    assert plan.level == want["level"]
    place = norm(plan.jurisdiction or "")
    # the short form is the same place (浙江 for 浙江省); an empty or other place is not
    assert place and norm(want["jurisdiction"]).startswith(place)


@pytest.mark.parametrize("name", NAMES)
def test_measures_in_order(name):
    plan, want = plan_of(name), gold(name)
    assert [norm(m.label).rstrip("、.") for m in plan.measures] == [norm(m["ref"]) for m in want["measures"]]
    for m, w in zip(plan.measures, want["measures"], strict=True):
        assert norm(m.text).startswith(norm(w["starts"])) or norm(w["starts"]) in norm(m.text)[:40]


@pytest.mark.parametrize("name", NAMES)
def test_lead_and_support_units(name):
    plan, want = plan_of(name), gold(name)
    got = [([norm(u) for u in m.lead_units], [norm(u) for u in m.support_units]) for m in plan.measures]
    assert got == [([norm(u) for u in w["lead"]], [norm(u) for u in w["support"]]) for w in want["measures"]]


@pytest.mark.parametrize("name", NAMES)
def test_no_furniture_in_the_plan(name):
    plan = plan_of(name)
    for text in (plan.title, *(m.text for m in plan.measures)):
        assert not [w for w in FURNITURE_WORDS if w in text], text


@pytest.mark.parametrize("name", NAMES)
def test_measures_end_where_the_next_part_begins(name):
    """No measure runs on into the next measure, the safeguards or the closing text."""
    plan, want = plan_of(name), gold(name)
    starts = [norm(w["starts"]) for w in want["measures"]]
    after = norm(want["after_last"])
    for k, m in enumerate(plan.measures):
        text = norm(m.text)
        assert after not in text
        assert not [s for s in starts[k + 1 :] if s in text]


# ---- the pieces, on snippets ---------------------------------------------------------------------------


def test_numbering_inside_quotation_marks_is_no_item():
    text = "一、任务(一)推广应用。按照“一、建档；二、赋码；三、回流”三个环节推进。(二)加强治理。二、保障三、考核"
    assert [m.label for m in inline_markers(text)] == ["一", "(一)", "(二)", "二", "三"]


def test_an_unclosed_quotation_mark_does_not_hide_the_rest():
    text = "一、任务(一)推广“浙农码应用。" + "推进建设。" * 30 + "(二)加强治理。二、保障"
    assert [m.label for m in inline_markers(text)] == ["一", "(一)", "(二)", "二"]


def test_the_first_item_may_follow_the_title_with_no_stop():
    assert [m.label for m in inline_markers("某县某某实施细则第一章总则第一条为规范管理，制定本细则。")] == [
        "第一章",
        "第一条",
    ]
    # a 1 after an ordinary word, with no stop, is no first item
    assert inline_markers("推进某某工作1.5倍提升，完成任务") == []


@pytest.mark.parametrize(
    ("line", "cut", "kept"),
    [
        # glued with no space anywhere
        ("当前位置：首页»政务公开»政策文件»市政府办公室文件发布时间：2023-06-09来源：某市人民政府办公室浏览次数："
         "1536【字体：大中小】【打印本页】某市人民政府办公室关于印发《某市某某方案》的通知",
         "发布时间", "某市人民政府办公室关于印发《某市某某方案》的通知"),
        # a footer glued to the last sentence
        ("将其纳入年度考核。扫一扫在手机打开当前页主办单位：某市人民政府办公室网站标识码：5111000001蜀ICP备05012345号",
         "网站标识码", "将其纳入年度考核。"),
        # labels without colons, as a metadata table copied with spaces
        ("信息索引号 12350125003583000X/2024-00056 发文机关 某县人民政府办公室 生成日期 2024-05-20 视力保护色 "
         "某县某某实施细则", "索引号", "某县某某实施细则"),
        # a label whose value is no name, glued to the next document's addressees: the label alone goes
        ("确保各项任务落到实处。文件下载:相关链接:各市、县(市、区)党委和人民政府,自治区各部门:",
         "相关链接", "各市、县(市、区)党委和人民政府,自治区各部门:"),
    ],
)  # fmt: skip
def test_furniture_glued_or_spaced_is_cut(line, cut, kept):
    doc = from_text(line)
    text = "".join(p.text for p in doc.paragraphs)
    assert cut not in text and text.endswith(normalise_line(kept)[0])


@pytest.mark.parametrize(
    "line",
    [
        "通过微信微博等平台发布政策解读。",  # share targets alone are words of a sentence
        "资金来源：县财政预算安排，每年不少于500万元。",
        "支持3D打印、关闭落后产能。",
    ],
)
def test_plan_sentences_with_furniture_words_stay(line):
    assert "".join(p.text for p in from_text(line).paragraphs) == normalise_line(line)[0]


def test_hard_wrapped_text_is_joined_back():
    page = "某市某某行动计划为推进某某工作，制定本计划。一、任务(一)做强产业。(市经济和信息化局牵头，市发展改革委配合)" * 3
    wrapped = "\n".join(page[i : i + 30] for i in range(0, len(page), 30))
    lines = unwrap(split_lines(wrapped))
    assert [t for _, t in lines] == [page]
    assert lines[0][0] == 1


@pytest.mark.parametrize(
    "text",
    [
        # one paragraph a line: lines of all lengths
        "某某方案\n一、总体要求\n到2025年，基本建成某某体系，某某能力显著提升。\n二、任务\n1.加强执法。\n",
        # a table aligned with spaces: its rows are of one width, but columns are no wrap
        "序号  工作任务                    责任单位\n1     建成一体化政务服务平台。    市大数据局\n"
        "2     推进电子证照共享应用。      市政务中心\n",
        # lines of one width that end their sentences: a document set in short lines, not a wrap
        "加强组织领导，明确责任分工，确保工作落实。\n强化资金保障，加大财政投入，确保资金到位。\n"
        "严格督查考核，建立通报制度，确保取得实效。\n",
    ],
)
def test_text_that_is_not_wrapped_stays_as_it_is(text):
    lines = split_lines(text)
    assert unwrap(lines) == lines


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", ["gbk", "traditional"])
def test_the_same_page_in_gbk_or_traditional_characters_reads_the_same(name, form, tmp_path):
    """A page saved by a GBK browser, or published in traditional characters, is the same page."""
    text = (ROOT / gold(name)["file"]).read_text("utf-8")
    path = tmp_path / "page.txt"
    if form == "gbk":
        path.write_bytes(text.replace("»", ">").encode("gbk"))  # GBK has no », its pages write >
    else:
        path.write_text(opencc.OpenCC("s2t").convert(text), "utf-8")
    plan, want = parse_plan(load_document(str(path))), gold(name)
    assert norm(plan.title) == norm(want["title"])
    assert [norm(m.label).rstrip("、.") for m in plan.measures] == [norm(m["ref"]) for m in want["measures"]]
    got = [[norm(u) for u in m.lead_units] for m in plan.measures]
    assert got == [[norm(u) for u in w["lead"]] for w in want["measures"]]


def test_a_run_on_page_broken_in_two_keeps_its_numbering_across_the_break():
    """A page saved without line breaks, printed or copied so that it breaks once, right before an item
    ((三) starts the second half): the second half goes on with the first's numbering ((四), 三、 follow
    (三) and 二、), as the whole line would."""
    first = (
        "某某县2026年乡村振兴重点工作实施方案 为推进乡村全面振兴，制定本方案。一、总体要求 坚持农业农村优先发展。"
        "二、重点任务 (一)稳定粮食生产。全年粮食播种面积稳定在50万亩以上。(牵头单位：县农业农村局；配合单位：各镇人民政府)"
        "(二)推进高标准农田建设。新建高标准农田3万亩。(牵头单位：县农业农村局；配合单位：县水利局)"
    )
    second = (
        "(三)发展乡村旅游。打造乡村旅游精品线路5条。(牵头单位：县文化和旅游局；配合单位：县交通运输局)"
        "(四)加强乡村治理。推进移风易俗。(牵头单位：县委组织部；配合单位：县民政局)"
        "三、保障措施 (一)加强组织领导。各镇要落实主体责任。(二)强化督查考核。定期通报工作进展。"
    )
    plan = parse_plan(from_text(f"{first}\n{second}"))
    assert [(m.label, m.lead_units) for m in plan.measures] == [
        ("(一)", ["县农业农村局"]),
        ("(二)", ["县农业农村局"]),
        ("(三)", ["县文化和旅游局"]),
        ("(四)", ["县委组织部"]),
    ]


def test_an_explanation_run_on_after_the_plan_on_one_line_is_no_part_of_it():
    """A draft for comment saved as one line with its 起草说明 after it (附件： 关于《X》的起草说明 一、起草背景 …):
    the explanation's “第一部分为…” is no measure, as it is none when the page keeps its lines."""
    line = (
        "某某区人民防空事业发展三年行动方案（征求意见稿） 一、工作目标 到2026年底，人防工程人均面积达到1.2平方米。"
        "二、重点任务 (一)加强人防工程建设。2025年底前完成已建工程普查。牵头单位：区人防办；配合单位：区住建局。"
        "(二)完善人防警报设施。新增多媒体警报终端15台。牵头单位：区人防办；配合单位：区应急管理局。"
        "三、保障措施 各成员单位要明确分管领导。 附件： 关于《某某区人民防空事业发展三年行动方案（征求意见稿）》的起草说明 "
        "一、起草背景 为抓好贯彻落实，起草了本方案。二、主要内容 方案共分三个部分：第一部分为工作目标；第二部分为重点任务；"
        "第三部分为保障措施。"
    )
    plan = parse_plan(from_text(line))
    assert [(m.label, m.lead_units) for m in plan.measures] == [("(一)", ["区人防办"]), ("(二)", ["区人防办"])]


def test_items_after_bracketed_unit_fields_on_one_line_are_cut():
    """【牵头单位】X 【配合单位】Y closes each item without a stop (a page saved as one line): the next item
    runs on after the last unit, as after 牵头单位：X."""
    line = (
        "某某市深化河湖长制实施方案 一、总体要求 坚持问题导向。二、主要任务 1.压实河湖长履职责任。完善三级河湖长组织体系。"
        "【牵头单位】市河长制办公室 【配合单位】各镇人民政府 2.加强水资源节约集约利用。严格落实用水总量双控。"
        "【牵头单位】市水务局 【配合单位】市农业农村局 3.推进幸福河湖建设。统筹推进防洪安全。"
        "【牵头单位】市水务局 【配合单位】市财政局 三、保障措施 加强组织领导。"
    )
    plan = parse_plan(from_text(line))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["市河长制办公室"], ["各镇人民政府"]),
        ("2", ["市水务局"], ["市农业农村局"]),
        ("3", ["市水务局"], ["市财政局"]),
    ]


# ---- a portal's top bar, decimal numbering: the same plan on lines and on one line -----------------------

_PLAN_LINES = [
    "某某市城乡供水一体化实施方案",
    "为推进城乡供水一体化，制定本方案。",
    "一、总体要求",
    "到2025年，农村自来水普及率达到99%。",
    "二、重点任务",
    "（一）推进水源工程建设。新建水厂3座。（牵头单位：市水利局；配合单位：市发展改革委）",
    "（二）加强管网改造。改造老旧管网200公里。（牵头单位：市住房城乡建设局；配合单位：市财政局）",
    "三、保障措施",
    "加强组织领导，确保各项任务落到实处。",
]


@pytest.mark.parametrize(
    "bar",
    [
        # greeting, today's date, the menu with spaces and no separator (河南, 湖南, 四川 portals' wording)
        "您好，欢迎访问某某市人民政府门户网站！ 今天是2024年5月6日 星期一 首页 政务公开 政务服务 互动交流 走进某某 无障碍 长者模式",
        "欢迎来到某某市人民政府网站 2024年03月18日 星期一 农历二月初九 网站首页 政务公开 政民互动 网站地图 关怀版",
        "某某市人民政府 您好！欢迎访问某某市人民政府门户网站 今天是：2024年9月12日 星期四 登录 注册 无障碍浏览 繁体版 English",
        # no greeting: the menu alone, then a breadcrumb
        "首页 政务公开 政务服务 互动交流 魅力某某 当前位置：首页 > 政务公开 > 政策文件",
        # a piped edition bar first, then the menu without separators
        "无障碍 | 长者模式 | English 首页 政务公开 政务服务 互动交流",
    ],
)
@pytest.mark.parametrize("glue", [" ", ""])
def test_a_portal_s_top_bar_is_no_part_of_the_title(bar, glue):
    """A page scraped as one line keeps its top bar (greeting, date, menu) right before the plan's heading:
    cut, the title is the plan's own, as on the page whose lines are kept."""
    line = glue.join([bar.replace(" ", glue), *_PLAN_LINES])
    plan = parse_plan(from_text(line))
    assert plan.title == "某某市城乡供水一体化实施方案"
    assert [(m.label, m.lead_units) for m in plan.measures] == [("(一)", ["市水利局"]), ("(二)", ["市住房城乡建设局"])]


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("首页 政务服务 政务公开工作要点 为推进", "首页 政务服务"),  # a title opening with a menu word keeps it
        ("首页 > 政务公开 > 政策文件 某某方案", ""),  # a breadcrumb is not the bar's
        ("政务公开 某某县政务公开工作要点", ""),  # one menu word alone is no bar
        ("欢迎访问某某县人民政府网站 某某县政务公开工作要点 为推进", "欢迎访问某某县人民政府网站"),
    ],
)
def test_where_a_top_bar_ends(text, end):
    assert text[: top_bar_end(text)] == end


_DECIMAL_LINES = [
    "某某州石漠化综合治理巩固提升行动方案",
    "为巩固石漠化综合治理成果，制定本方案。",
    "1 总体要求",
    "到2027年，治理石漠化面积120平方公里，林草植被覆盖率提高2.5个百分点。",
    "2 重点任务",
    "2.1 实施封山育林育草。封山育林3.5万亩，年均增长2.5%。",
    "责任单位：州林业局、州财政局",
    "2.2 推进人工造林。完成人工造林1.2万亩，执行GB/T 15776—2023第4.3条。",
    "责任单位：州林业局、州自然资源局",
    "2.2.1 营造水源涵养林0.6万亩。",
    "2.2.2 营造经济林0.6万亩。",
    "2.3 加强草地建设。改良草地0.8万亩。",
    "责任单位：州农业农村局",
    "3 组织实施",
    "各县（市）要结合实际制定具体实施方案，确保各项任务落到实处。",
]


def _read(plan):
    return (
        plan.title,
        [norm(m.label) for m in plan.measures],
        [(m.lead_units, m.support_units) for m in plan.measures],
        norm(plan.measures[-1].text).replace("\n", "").replace("。", "")[-12:],
    )


@pytest.mark.parametrize("glue", [" ", ""])
def test_decimal_numbering_reads_the_same_on_one_line(glue):
    """A plan numbered 1 / 2.1 / 2.2.1 (as a standard numbers its clauses), joined into one line with spaces or
    with nothing: the same title, measures, units and ends of measures as on its lines."""
    on_lines = _read(parse_plan(from_text("\n".join(_DECIMAL_LINES))))
    assert on_lines[1][:2] == ["2.1", "2.2"] and "实施方案" not in on_lines[3]
    assert _read(parse_plan(from_text(glue.join(_DECIMAL_LINES)))) == on_lines
