"""Classes measured on blind43 (fixtures/fix43/README.md):

1. the division of labour after a dash closing a measure's heading line — "（一）X——A牵头，B、C配合" (body on the next
   line, or after a 。 on the same one), "——A负责", "──A、B按职责分工负责"; a dash in prose ("——以…为重点") is none
   (rulesets/data/prose_roles.yaml `heading_dash`);
2. "主要责任单位：A" / "次要责任单位：B、C": 次要 is the support's qualifier (roles.yaml `labels.qualifiers`);
3. an unnumbered closing paragraph after the last item — "以上措施自印发之日起施行，有效期至…", "上述措施由X负责解释" — closes the
   plan (rulesets/data/articles.yaml `closing`, `self_heads`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.responsibility import find_responsibility
from engine.parse import articles, frontmatter
from engine.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "fix43"


def _read(name: str) -> list[tuple[str, list[str], list[str]]]:
    plan = load_plan(str(FIXTURES / name))
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


def _roles(text: str) -> tuple[list[str], list[str], str] | None:
    found = find_responsibility(text, prose=True)
    if found is None:
        return None
    r = found.responsibility
    return [u.name for u in r.lead], [u.name for u in r.support], text[found.start : found.end]


# ---- 1. the heading line's dash --------------------------------------------------------------------------------


def test_a_province_plan_whose_headings_end_in_their_division_of_labour():
    assert _read("hubei-province-dept-heading-dash.txt") == [
        ("(一)", ["特种设备安全监察处"], ["省特种设备检验检测研究院", "各市州市场监管局"]),
        ("(二)", ["执法稽查局"], []),
        ("(三)", ["科技和信息化处", "特种设备安全监察处"], []),
        ("(四)", ["特种设备安全监察处", "各市州市场监管局"], []),
        ("(五)", [], []),  # ——以住宅老旧电梯为重点: prose after the dash
        ("(六)", ["新闻宣传处"], ["特种设备安全监察处"]),
    ]


def test_a_county_plan_whose_headings_end_in_a_dash_clause_and_a_stop():
    assert _read("yidu-county-city-heading-dash.txt") == [
        ("1", ["市农业农村局"], ["市卫生健康局", "各乡镇人民政府"]),
        ("2", ["宜昌市生态环境局宜都分局"], []),
        ("3", [], []),  # ——到2026年底，打造…: prose
        ("4", ["市住房和城乡建设局"], ["市财政局", "市农业农村局"]),
    ]


def test_the_dash_clause_is_cut_from_the_heading_and_the_task_stays():
    plan = load_plan(str(FIXTURES / "hubei-province-dept-heading-dash.txt"))
    first = plan.measures[0]
    assert first.responsibility is not None
    assert first.responsibility.text == "——特种设备安全监察处牵头，省特种设备检验检测研究院、各市州市场监管局配合"
    assert "对使用年限15年以上的住宅电梯逐台开展安全评估" in first.text


@pytest.mark.parametrize("dash", ["——", "—", "──", "―", "－－"])
def test_every_dash_of_the_data_opens_the_clause(dash):
    text = f"加强校园食品安全监管{dash}县市场监管局牵头，县教育局配合\n每学期开展一次全覆盖检查。"
    assert _roles(text)[:2] == (["县市场监管局"], ["县教育局"])


@pytest.mark.parametrize(
    "text",
    [
        "推进政务服务改革——以企业和群众需求为导向\n全面推行“一网通办”。",
        "打造示范街区——到2027年，建成示范街区5个\n完善街区配套设施。",
        "加强监管——各地负责\n依托平台开展监测。",  # 各地 is no body
        "完善机制——市发展改革委牵头建立联席会议制度，定期研究重大问题\n每季度召开一次会议。",
        # the heading runs on far past a title before its dash: a sentence of prose, not a heading
        "为全面贯彻落实党中央国务院关于优化营商环境的决策部署进一步激发市场主体活力推动经济社会高质量发展提升"
        "——市发展改革委牵头，市财政局配合\n开展评估。",
        "2025-2027年县商务局负责\n开展评估。",  # an ASCII hyphen is no dash
    ],
)
def test_a_dash_in_prose_names_no_units(text):
    assert _roles(text) is None


# ---- 2. 主要 / 次要 ------------------------------------------------------------------------------------------------


def test_primary_and_secondary_labels_give_lead_and_support():
    assert _read("qujing-city-mine-primary-secondary.txt") == [
        ("(一)", ["市应急管理局"], ["市自然资源和规划局", "各县(市、区)人民政府"]),
        ("(二)", ["市应急管理局"], ["市生态环境局", "市水务局"]),
        ("(三)", ["市应急管理局"], ["市住房和城乡建设局"]),
        ("(四)", ["市工业和信息化局"], ["市应急管理局", "市科学技术局"]),
        ("(五)", ["市应急管理局", "市自然资源和规划局"], []),
    ]


@pytest.mark.parametrize("support", ["次要责任单位", "次要责任部门", "次要负责单位"])
def test_the_secondary_qualifier_composes_with_every_duty_stem(support):
    text = f"开展隐患排查。组织企业全面自查。\n主要责任单位：县应急管理局\n{support}：县工业和信息化局、各乡镇人民政府"
    assert _roles(text)[:2] == (["县应急管理局"], ["县工业和信息化局", "各乡镇人民政府"])


# ---- 3. the closing paragraph ------------------------------------------------------------------------------------


def test_a_closing_paragraph_after_the_last_item_is_no_part_of_it():
    plan = load_plan(str(FIXTURES / "ganzhou-city-measures-closing-paragraph.txt"))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("一", ["市商务局"], ["市财政局"]),
        ("二", ["市商务局"], ["市财政局", "赣州海关"]),
        ("三", ["市人力资源和社会保障局"], ["市教育局"]),
    ]
    last = plan.measures[-1].text
    assert "以上措施自印发之日起施行" not in last and "负责解释" not in last
    assert "上述措施所需资金纳入年度预算统筹安排" in last  # no closing wording: the measure's own


def test_a_closing_paragraph_after_an_item_with_no_units_gives_it_none():
    plan = load_plan(str(FIXTURES / "jianli-county-city-measures-closing.txt"))
    last = plan.measures[-1]
    assert (last.label, last.lead_units, last.support_units) == ("4", [], [])
    assert "上述措施自" not in last.text


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("以上措施自印发之日起施行，有效期至2027年12月31日。", True),
        ("上述措施由市商务局负责解释。", True),
        ("前述政策有效期三年。", True),
        ("本措施自2026年5月1日起实施。", True),
        ("上述措施所需资金纳入年度预算统筹安排。", False),
        ("各地要对以上措施落实情况开展督查，自2026年起每年通报。", False),
        ("为加快发展，制定以下措施。", False),  # a purpose wording frames an article, it closes nothing
    ],
)
def test_closing_wordings_of_the_data(text, closes):
    assert articles.closes(text) is closes


# ---- 4. the title of a notice over a plan whose name quotes another ------------------------------------------------


def test_the_inner_title_line_that_quotes_a_document_is_the_title():
    plan = load_plan(str(FIXTURES / "pengshui-county-division-quoted-title.txt"))
    assert plan.title == "彭水县贯彻落实《重庆市推动大规模设备更新和消费品以旧换新实施方案》重点任务分工方案"
    assert [m.label for m in plan.measures] == ["一", "二", "三"]


def test_without_its_own_line_the_plan_is_titled_as_the_notice_names_it():
    plan = load_plan(str(FIXTURES / "nanning-city-implementing-quoted-law.txt"))
    assert plan.title == "南宁市贯彻实施《广西壮族自治区优化营商环境条例》工作方案"


@pytest.mark.parametrize(
    ("line", "inner"),
    [
        ("某县人民政府办公室关于印发某县贯彻落实《甲实施方案》任务分工方案的通知", "某县贯彻落实《甲实施方案》任务分工方案"),
        ("某市人民政府关于印发落实《甲》和《乙》分工方案的通知", "落实《甲》和《乙》分工方案"),
        ("国务院关于印发国家职业教育改革实施方案的通知", "国家职业教育改革实施方案"),
        ("关于印发《某市实施方案》的通知", "某市实施方案"),
        ("关于印发某市学习《条例》心得的通知", None),  # the name ends in no kind of plan
    ],
)
def test_a_quoted_title_is_one_unit_of_a_bare_wrapper_s_name(line, inner):
    assert frontmatter.wrapper_inner(line) == inner
