"""Where the last measure ends (issue #16 item 3): closing paragraphs, signatures, contact and 抄送
lines are not the last measure's text; a measure's own second paragraph is. And a scraped page on one
line: the site's furniture is cut wherever it stands, the closing and the signature are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.ingest.furniture import inline_spans
from engine.ingest.normalise import same_length_light
from engine.parse import parse_plan
from engine.parse.closing import cuts, is_address, is_firm

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "closing" / "county-water-closing.txt"
CLOSING_WORDS = (
    "本方案自印发之日起施行",
    "附件：",
    "联系人",
    "抄送",
    "印发",
    "宁都县人民政府办公室",
    "2026年5月8日",
)
OWN_PARAGRAPHS = {"(三)": "各乡镇要逐一排查辖区内小型供水工程", "(五)": "各乡镇人民政府要将管护责任落实到村"}
ADDRESS = "各乡镇、各有关部门要充分认识农村供水保障工作的重要性"
SITE_HEAD = (
    "首页 | 政务公开 | 政务服务 | 互动交流 当前位置：首页 > 政务公开 > 政府文件 索引号：360730-2026-00018 "
    "发布机构：宁都县人民政府办公室 发布日期：2026-05-09 【字体：大 中 小】 浏览次数：1532 "
)
SITE_FOOT = (
    " 【打印本页】 【关闭窗口】 相关链接：赣州市人民政府 | 江西省人民政府 主办：宁都县人民政府办公室 "
    "网站标识码：3607300001 赣ICP备05004321号"
)


@pytest.fixture(scope="module")
def text() -> str:
    return FIXTURE.read_text("utf-8")


def _measure_texts(plan) -> dict[str, str]:
    return {m.ref: m.text for m in plan.measures}


def test_closing_kinds_leave_the_last_measure_and_the_bare_section_keeps_its_text(text):
    plan = parse_plan(load_document(str(FIXTURE)))
    assert [m.ref for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)", "(五)"]
    for m in plan.measures:
        assert not any(w in m.text for w in CLOSING_WORDS), (m.ref, m.text)
    for ref, own in OWN_PARAGRAPHS.items():
        assert own in _measure_texts(plan)[ref]
    assert ADDRESS in plan.sections[-1].text and "县财政局要统筹整合涉农资金" in plan.sections[-1].text
    assert "本方案自印发之日起施行" in plan.closing and "抄送" in plan.closing
    assert (plan.date, plan.issuers) == ("2026-05-08", ["宁都县人民政府办公室"])


def test_addresses_after_the_last_item_close_the_plan(text):
    plan = parse_plan(from_text(text.replace("三、保障措施\n", "")))
    last = plan.measures[-1]
    assert last.ref == "(五)" and OWN_PARAGRAPHS["(五)"] in last.text
    assert ADDRESS not in last.text and "县财政局要统筹整合涉农资金" not in last.text
    assert plan.closing.startswith(ADDRESS)


def test_scraped_one_line_page_reads_as_the_document(text):
    multi = parse_plan(load_document(str(FIXTURE)))
    line = SITE_HEAD + " ".join(text.splitlines()) + SITE_FOOT
    doc = from_text(line)
    one = parse_plan(doc)
    assert one.title == multi.title == "宁都县农村供水保障三年行动实施方案"
    assert (one.date, one.issuers, one.doc_number) == (multi.date, multi.issuers, multi.doc_number)
    assert (one.level, one.jurisdiction) == ("county", "宁都县")
    assert [m.label for m in one.measures] == [m.label for m in multi.measures]
    for m in one.measures:
        assert not any(w in m.text for w in (*CLOSING_WORDS, "打印本页", "ICP备", "浏览次数")), m.text
    assert any(r.startswith("首页 | 政务公开") for r in doc.removed)
    assert any("赣ICP备05004321号" in r for r in doc.removed)
    # the columns still point into the original line
    title = doc.paragraphs[0]
    assert line[title.cols[0] - 1 : title.cols[0] - 1 + 4] == "宁都县农"


@pytest.mark.parametrize(
    "line",
    [
        "二、资金保障 来源：县财政预算安排，每年不少于500万元。",  # one label alone mid-line is plan text
        "建立“线上 | 线下”两条服务渠道，方便群众办事。",
        "按照“首页 > 办事指南”路径公开办事流程。",
    ],
)
def test_plan_text_that_looks_like_furniture_stays(line):
    same = same_length_light(line)
    assert len(same) == len(line)
    kept = [line[a:b] for a, b in inline_spans(same)]
    assert all("来源：县财政" not in k for k in kept)
    assert from_text(line).paragraphs[0].text.startswith(line[:4])
    assert "".join(p.text for p in from_text(line).paragraphs).count("。") == 1


@pytest.mark.parametrize(
    "para",
    [
        "各地区、各有关部门要充分认识加快推进工作的重要意义，加强组织领导。",
        "各县(市)人民政府、州直各有关部门要按照职责分工，抓好工作落实。",
        "各地各有关部门要把这项工作摆在重要位置。",
    ],
)
def test_addresses(para):
    assert is_address(para) and not is_firm(para)


@pytest.mark.parametrize(
    "para",
    [
        "各乡镇要逐一排查辖区内小型供水工程。(责任单位：各乡镇人民政府)",  # its own clause: a measure's text
        "县财政局要统筹整合涉农资金。",
        "各类市场主体依法平等参与。",
    ],
)
def test_not_addresses(para):
    assert not is_address(para)


@pytest.mark.parametrize(
    "para",
    [
        "本方案自印发之日起施行。",
        "自2026年4月1日起施行，有效期3年。",
        "有效期至2028年3月31日。",
        "请各省级农业农村部门于2026年12月15日前将年度工作总结报送部农田建设管理司。",
        "联系人：农田建设管理司建设处 电话：010-59191234",
        "抄送：县委办，县人大常委会办。",
        "宁都县人民政府办公室 2026年5月8日印发",
        "附件：任务分工表",
        "(此件公开发布)",
    ],
)
def test_firm_closings(para):
    assert is_firm(para)


def test_one_line_cuts_after_the_clause_and_before_the_signature():
    para = "七、优化服务。建成服务站80个。(责任单位：市人社局)本意见自2026年4月1日起施行。义乌市人民政府办公室2026年3月10日(此件公开发布)"
    got = [para[c:] for c in cuts(para)]
    assert got[0].startswith("本意见自") and got[1].startswith("义乌市人民政府办公室")
    assert got[2].startswith("2026年3月10日") and got[3] == "(此件公开发布)"
    # a sentence of the measure after its clause is not cut
    assert cuts("一、稳岗。返还失业保险费。(责任单位：市人社局)对困难企业给予补助。") == []
