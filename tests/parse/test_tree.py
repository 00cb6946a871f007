"""Tree building: headings vs measures, sub-measures, restarting numbering, paragraphs of a measure."""

from __future__ import annotations

import re

import pytest

from engine import extract
from engine.models import Measure, Responsibility
from engine.parse import parse_plan
from engine.parse.tree import is_general

T = "某县法治政府建设实施方案\n"


def test_measure_style_under_arabic_headings(doc_of):
    """(1) items carry the tasks, 1. lines are headings: (1) is the measure style."""
    text = T + "\n".join(
        [
            "一、总体要求",
            "1.工作目标",
            "(1)到2025年,基本建成法治政府。",
            "(2)行政执法体制机制基本完善。",
            "2.主要任务",
            "(1)加强规范性文件管理。严格合法性审核。",
            "(2)推进政务公开。",
            "(3)完善考核评价。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["(1)", "(2)", "(1)", "(2)", "(3)"]
    assert [m.ref for m in plan.measures] == ["1(1)", "1(2)", "2(1)", "2(2)", "(3)"]
    assert all(m.parent_measure is None for m in plan.measures)
    assert [(s.label, s.depth) for s in plan.sections] == [("一", 0), ("1", 1), ("2", 1)]
    assert plan.measures[2].path == ["一", "2"] and plan.measures[2].section_titles == [
        "总体要求",
        "主要任务",
    ]
    assert plan.measures[2].title == "加强规范性文件管理"


def test_shallow_node_with_text_stays_a_section(doc_of):
    text = T + "\n".join(
        [
            "一、指导思想",
            "坚持以习近平新时代中国特色社会主义思想为指导。",
            "二、重点任务",
            "1.加强行政执法。严格执法程序。",
            "2.完善行政复议。",
            "三、保障措施",
            "加强组织领导。",
            "3.强化督查考核。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    assert [s.label for s in plan.sections] == ["一", "二", "三"]
    assert plan.sections[0].text == "坚持以习近平新时代中国特色社会主义思想为指导。"
    assert plan.sections[2].text == "加强组织领导。"  # the intro follows the heading, not measure 2
    assert plan.measures[1].text == "完善行政复议。"


def test_general_requirements(doc_of):
    text = T + "\n".join(
        [
            "一、总体要求",
            "(一)指导思想。坚持依法行政。",
            "(二)工作目标。到2025年建成法治政府。",
            "二、主要任务",
            "(三)完善工作目标考核体系。每年考核一次。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [(m.label, m.general) for m in plan.measures] == [("(一)", True), ("(二)", True), ("(三)", False)]
    assert is_general("指导思想和总体目标") and not is_general("完善工作目标考核体系")


def test_sub_measures_follow_their_parent(doc_of):
    text = T + "\n".join(
        [
            "一、主要任务",
            "1.深化审批改革。",
            "(1)清理中介服务。(责任单位:县编办)",
            "(2)推进标准化。",
            "2.强化市场监管。加强事中事后监管。",
            "3.完善执法程序。",
            "(1)建立裁量基准。",
            "4.加强复议工作。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [(m.ref, m.parent_measure) for m in plan.measures] == [
        ("1", None),
        ("1(1)", "1"),
        ("(2)", "1"),
        ("2", None),
        ("3", None),
        ("3(1)", "3"),
        ("4", None),
    ]
    assert plan.measures[0].text == "深化审批改革。"
    assert plan.measures[1].depth == plan.measures[0].depth + 1


def test_numbering_that_restarts_in_every_chapter(doc_of):
    text = T + "\n".join(
        [
            "一、健全职能体系",
            "1.实行权责清单。",
            "2.推进简政便民。",
            "二、健全制度体系",
            "1.加强重要领域立法。",
            "2.加强规范性文件管理。",
            "3.完善立法机制。",
        ]
    )
    plan = parse_plan(doc_of(text))
    refs = [m.ref for m in plan.measures]
    assert refs == ["一1", "一2", "二1", "二2", "3"]
    assert len(set(refs)) == len(refs)


def test_restart_under_two_section_levels(doc_of):
    text = T + "\n".join(
        ["一、甲", "(一)乙", "1.做好甲乙。", "二、丙", "(一)丁", "1.做好丙丁。", "(二)戊", "1.做好戊。"]
    )
    plan = parse_plan(doc_of(text))
    assert [m.ref for m in plan.measures] == ["一(一)1", "二(一)1", "(二)1"]


def test_duplicate_labels_in_one_section_still_unique(doc_of):
    plan = parse_plan(doc_of(T + "一、任务\n1.做好甲。\n1.做好乙。\n2.做好丙。"))
    refs = [m.ref for m in plan.measures]
    assert len(set(refs)) == 3 and refs[0] == "一1"


def test_continuation_paragraphs(doc_of):
    text = (
        T + "一、主要任务\n1.加强执法。严格程序。\n落实执法全过程记录制度。\n\n推行执法公示。\n2.完善复议。"
    )
    plan = parse_plan(doc_of(text))
    m = plan.measures[0]
    assert m.text == "加强执法。严格程序。\n落实执法全过程记录制度。\n推行执法公示。"
    assert (m.line, m.end_line) == (3, 6) and len(m.paragraphs) == 3
    assert m.column == 1


def test_section_text_lines_are_not_measures(doc_of):
    text = T + "\n".join(
        [
            "二、工作目标、具体措施和责任分工",
            " (一)依法全面履行政府职能",
            "工作目标:切实转变政府职能。",
            "具体措施:",
            "  1. 深化行政审批制度改革。加快推进。",
            "  2. 全面推行权责清单制度。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["1", "2"]
    assert plan.sections[1].text == "工作目标:切实转变政府职能。\n具体措施:"
    assert plan.measures[0].column == 3  # the label's column in the original line


def _fake_fill(measure: Measure) -> None:
    """Stands in for extract: finds a (牵头单位:…) clause anywhere in the text."""
    m = re.search(r"[(（]牵头单位[:：][^)）]*[)）]", measure.text)
    if m:
        measure.responsibility = Responsibility(style="牵头单位", text=m.group(), bracket="()")


@pytest.fixture
def fake_extract(monkeypatch):
    monkeypatch.setattr(extract, "fill_measure", _fake_fill)


def test_detached_clause_after_blank_line(doc_of, fake_extract):
    text = (
        T
        + "一、主要任务\n1.优化营商环境。深入实施条例。\n\n(牵头单位:区发改局)\n\n2.推进政务公开。(牵头单位:区政府办)"
    )
    plan = parse_plan(doc_of(text))
    m1, m2 = plan.measures
    assert m1.text == "优化营商环境。深入实施条例。\n(牵头单位:区发改局)"
    assert m1.responsibility.detached and (m1.responsibility.line, m1.responsibility.column) == (5, 1)
    assert not m2.responsibility.detached and m2.responsibility.line == 7


def test_clause_broken_over_two_lines_is_not_detached(doc_of, fake_extract):
    text = T + "一、任务\n1.完善应对机制。加强处置。(牵头单位:区应急局\n、区人防办按职责分工负责)\n2.下一条。"
    plan = parse_plan(doc_of(text))
    m = plan.measures[0]
    assert m.text.endswith("(牵头单位:区应急局\n、区人防办按职责分工负责)")
    assert not m.responsibility.detached


def test_fill_measure_called_for_every_measure(doc_of, monkeypatch):
    seen = []
    monkeypatch.setattr(extract, "fill_measure", lambda m: seen.append(m.ref))
    plan = parse_plan(doc_of(T + "一、任务\n1.甲。\n(1)乙。\n2.丙。"))
    assert seen == [m.ref for m in plan.measures] == ["1", "(1)", "2"]  # (1) is unique: bare label


def test_a_label_a_section_also_uses_is_qualified(doc_of):
    """(四) under 二、配套改革 is 二(四) when 一、's (四) is a section heading over items (issue #16): the bare
    "(四)" would name either. A label used once in the document keeps its bare ref."""
    text = T + "\n".join(
        [
            "一、主要任务",
            "（一）推进源头减量",
            "1.开展绿色设计和绿色供应链建设，培育一批示范企业。",
            "2.逐步减少历史遗留固体废物贮存处置总量。",
            "（二）推进资源化利用",
            "3.推动农作物秸秆全量利用，建立多途径利用模式。",
            "4.推进畜禽粪污资源化利用，建立种养循环发展机制。",
            "（三）强化风险防控",
            "5.筑牢危险废物源头防线，实施强制性清洁生产审核。",
            "6.全面实施危险废物电子转移联单制度。",
            "（四）强化宣传教育",
            "7.加大固体废物环境管理宣传教育，有效化解邻避效应。",
            "二、配套改革",
            "（一）加强组织领导。成立工作领导小组，健全工作机制。",
            "（二）加大资金支持。统筹整合相关资金，明确资金范围和规模。",
            "（三）严格监管执法。依法严厉打击固体废物非法转移、倾倒行为。",
            "（四）强化督查考核。将试点工作纳入年度目标责任考核。",
            "（五）加强信息公开。依法公开固体废物产生、利用与处置信息。",
        ]
    )
    plan = parse_plan(doc_of(text))
    refs = [m.ref for m in plan.measures]
    assert refs == [*"1234567", "二(一)", "二(二)", "二(三)", "二(四)", "(五)"]


_TASKS_BY_ARABIC = [
    "一、工作目标",
    "到2025年，全县农村生活污水治理率达到45%以上。",
    "二、重点任务",
    "（一）推进源头治理",
    "1.编制县域农村生活污水治理专项规划，2024年6月底前完成。（责任单位：县生态环境局）",
    "2.建设乡镇污水处理设施，实现建制镇全覆盖。（责任单位：县住房城乡建设局）",
    "（二）强化运维管理",
    "3.建立设施运行维护长效机制，落实运维经费。（责任单位：县财政局）",
]


@pytest.mark.parametrize(
    "heading",
    ["三、保障措施", "三、组织保障", "三、工作要求", "三、组织实施", "三、有关要求"],
)
def test_safeguard_items_numbered_above_the_tasks_are_not_measures(doc_of, heading):
    """Tasks numbered 1. 2. under （一） sub-headings; the closing safeguards section numbers its general
    requirements （一）…（三） at the sub-heading depth: they are not measures (issue #16, blind3 set)."""
    text = T + "\n".join(
        [
            *_TASKS_BY_ARABIC,
            heading,
            "（一）加强组织领导。成立由县政府分管领导任组长的工作专班，统筹推进各项工作。",
            "（二）强化督促考核。将治理工作纳入乡镇年度目标考核，每半年通报1次进展。",
            "（三）加强宣传引导。引导群众参与设施管护，营造良好氛围。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    assert "加强组织领导" not in plan.measures[-1].text
    assert [s.label for s in plan.sections if s.title == "加强组织领导"] == ["(一)"]


def test_safeguard_items_sharing_the_task_numbering_stay_measures(doc_of):
    """(一)…(五) running on from 二、重点任务 into 三、保障措施 at the same depth are measures like the rest:
    the plan numbers them as its own items."""
    text = T + "\n".join(
        [
            "一、工作目标",
            "到2025年，全市医疗保障信息平台全面建成。",
            "二、重点任务",
            "（一）推进医保支付方式改革。2024年底前实现DRG付费全覆盖。（市医保局牵头，市卫生健康委配合）",
            "（二）加强基金监管。每年开展专项检查不少于2次。（市医保局牵头，市公安局配合）",
            "三、保障措施",
            "（三）加强组织领导。建立联席会议制度。（市医保局牵头）",
            "（四）强化宣传引导。（市医保局牵头，市委宣传部配合）",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)"]


def test_safeguard_items_after_a_task_list_that_is_not_numbered_like_them(doc_of):
    """Tasks numbered 1. 2. directly under 二、 (no sub-headings); 三、保障措施 numbers its requirements （一）
    (a style first used there): still general requirements, not measures."""
    text = T + "\n".join(
        [
            "一、工作目标",
            "到2025年，全区公共法律服务体系基本建成。",
            "二、重点任务",
            "1.建设区公共法律服务中心，2024年底前投入使用。（牵头单位：区司法局）",
            "2.推进法律援助扩面，每年办理案件不少于300件。（牵头单位：区司法局）",
            "三、保障措施",
            "（一）加强组织领导。各单位要把公共法律服务纳入重要议事日程。",
            "（二）强化经费保障。将工作经费纳入区级财政预算。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["1", "2"]


def test_articles_of_the_general_and_supplementary_chapters_are_not_measures(doc_of):
    """第一章 总则 (purpose, goals) and 第五章 附则 (who implements, when it takes effect) frame a 第X条 plan;
    only the articles of the task chapters are measures."""
    text = T + "\n".join(
        [
            "第一章　总则",
            "第一条　为推进全民健身高质量发展，制定本计划。",
            "第二条　到2025年，经常参加体育锻炼人数比例达到40%以上。",
            "第二章　设施建设",
            "第三条　新建居住区按标准配建健身设施。（责任单位：县住房城乡建设局）",
            "第四条　2023年底前建成县级全民健身中心1个。（责任单位：县体育局）",
            "第三章　组织保障",
            "第五条　将全民健身经费纳入县级财政预算。（责任单位：县财政局）",
            "第四章　附则",
            "第六条　本计划由县体育局负责解释。",
            "第七条　本计划自印发之日起施行。",
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["第三条", "第四条", "第五条"]
    assert "本计划由县体育局负责解释" not in plan.measures[-1].text


def test_yanling_refs_name_their_section():
    from pathlib import Path

    from engine.ingest import load_document

    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    draft = parse_plan(load_document(str(fixtures / "eval" / "yanling-zero-waste.txt")))
    refs = [m.ref for m in draft.measures]
    assert refs[16:] == ["三(一)", "三(二)", "三(三)"]  # 二、 has (一)…(六) sections; 三、实施步骤's stages
    assert refs[:16] == [str(i) for i in range(1, 17)]  # used once: unchanged
    # 四、保障措施's (一)…(四) number general requirements at the sub-heading depth, not tasks
    assert [s.title for s in draft.sections if s.path == ["四"]][:2] == ["加强组织领导", "加大资金支持"]
    parent = parse_plan(load_document(str(fixtures / "national" / "gbf2018-128-zero-waste-cities.txt")))
    assert "(六)" in [m.ref for m in parent.measures]  # the only (六) of the parent: unchanged


def _sections_then_safeguards(task_sections: list[list[str]]) -> str:
    lines = ["一、总体要求", "到2027年，全旗农牧业综合生产能力稳步提升。"]
    heads = "二三四五六"
    for k, items in enumerate(task_sections):
        lines += [f"{heads[k]}、第{k + 1}组任务", *items]
    lines += [
        f"{heads[len(task_sections)]}、保障措施",
        "（一）加强组织领导。旗委农村牧区工作领导小组统筹推进各项任务落实。",
        "（二）强化要素保障。旗财政每年安排专项资金支持重点项目建设。",
    ]
    return T + "\n".join(lines)


def test_safeguards_starting_again_where_the_tasks_run_on_are_not_measures(doc_of):
    """(一)…(四) run on across 二、 and 三、 as one numbering; 四、保障措施 starts again at (一): numbered apart
    from the tasks, its items are the plan's general requirements (blind4 伊金霍洛旗, 渝北区)."""
    text = _sections_then_safeguards(
        [
            ["（一）稳定粮食生产。2027年粮食产量稳定在20万吨以上。（旗农牧局牵头，旗财政局配合）",
             "（二）发展设施农业。新建温室大棚500亩。（旗农牧局牵头）"],
            ["（三）促进农牧民增收。培育家庭牧场100个。（旗农牧局牵头，旗人社局配合）",
             "（四）壮大村集体经济。2027年底前消除集体经济薄弱嘎查村。（旗委组织部牵头）"],
        ]
    )  # fmt: skip
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)"]
    assert "加强组织领导" not in plan.measures[-1].text


def test_safeguards_starting_again_like_every_task_section_are_not_measures_where_the_tasks_name_units(doc_of):
    """Every task section starts again at (一), so the restart of 四、保障措施 tells nothing; what does is that
    every task names its units and no safeguard does: they are the plan's general requirements (blind9 张掖市,
    whose examiner counted them out; fixtures/restarts/)."""
    text = _sections_then_safeguards(
        [
            ["（一）稳定粮食生产。（旗农牧局牵头）", "（二）发展设施农业。（旗农牧局牵头）"],
            ["（一）促进农牧民增收。（旗农牧局牵头）", "（二）壮大村集体经济。（旗委组织部牵头）"],
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.ref for m in plan.measures] == ["二(一)", "二(二)", "三(一)", "三(二)"]
    assert [s.title for s in plan.sections if s.path == ["四"]] == ["加强组织领导", "强化要素保障"]


def test_safeguards_starting_again_like_every_task_section_stay_measures_where_no_task_names_units(doc_of):
    """The same layout with no unit named anywhere: nothing tells the safeguards from the tasks, and the plan's
    own numbering counts them among its items."""
    text = _sections_then_safeguards(
        [
            ["（一）稳定粮食生产。2027年粮食产量稳定在20万吨以上。", "（二）发展设施农业。新建温室大棚500亩。"],
            ["（一）促进农牧民增收。培育家庭牧场100个。", "（二）壮大村集体经济。消除集体经济薄弱嘎查村。"],
        ]
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(一)", "(二)", "(一)", "(二)"]


def test_safeguards_starting_again_but_assigning_their_work_like_the_tasks_stay_measures(doc_of):
    """Restarted (一)(二) under 三、保障措施 that end in "（X牵头，Y配合）" as every task does: the plan counts them
    among its tasks (fixtures/unseen 绵阳市, 岳麓区), unlike general requirements that name no one."""
    text = _sections_then_safeguards(
        [
            ["（一）稳定粮食生产。（旗农牧局牵头，旗财政局配合）", "（二）发展设施农业。（旗农牧局牵头）"],
            ["（三）促进农牧民增收。（旗农牧局牵头）", "（四）壮大村集体经济。（旗委组织部牵头）"],
        ]
    ).replace("统筹推进各项任务落实。", "统筹推进各项任务落实。（旗农牧局牵头，旗委办配合）").replace(
        "支持重点项目建设。", "支持重点项目建设。（旗财政局牵头）"
    )
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)", "(一)", "(二)"]


_ARTICLES = [
    "第一条  为深化“双减”工作，结合本县实际，制定本细则。",
    "第二条  本细则适用于本县义务教育阶段学校。",
    "第三条  工作目标：2026年底前，课后服务实现全覆盖。",
    "第四条  压减作业总量。严禁给家长布置作业。\n责任单位：县教育局牵头，各乡镇人民政府配合。",
    "第五条  提升课后服务水平。\n责任单位：县教育局牵头，县财政局配合。",
    "第六条  规范培训机构。\n{sixth}",
    "第七条  加强家校协同。\n责任单位：县妇联牵头，县教育局配合。",
    "第八条  县“双减”工作专项领导小组办公室负责统筹协调。",
    "第九条  本细则由县教育局负责解释。",
    "第十条  本细则自印发之日起施行。",
]


def test_a_flat_article_plan_is_framed_by_the_articles_around_its_tasks(doc_of):
    """No chapters; the task articles each name their units: the articles before the first and after the last
    of them (purpose, scope, goals; coordination, interpretation, entry into force) are not measures, and one
    between them that names no unit stays a measure (blind4 玛纳斯县)."""
    text = "某县减轻学生负担实施细则\n" + "\n".join(_ARTICLES).format(sixth="严禁超前超标培训。")
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["第四条", "第五条", "第六条", "第七条"]
    assert plan.measures[2].lead_units == []


def test_an_article_plan_whose_articles_name_few_units_keeps_them_all(doc_of):
    """No unit lines at all: nothing tells the goals (第三条) and the coordination (第八条) from the tasks, and they stay
    measures; the purpose, scope, interpretation and commencement articles frame the plan by their wording alone
    (rulesets/data/articles.yaml, fixtures/struct37)."""
    text = "某县减轻学生负担实施细则\n" + "\n".join(
        a.split("\n")[0] for a in _ARTICLES
    ).format(sixth="")  # no unit lines at all
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["第三条", "第四条", "第五条", "第六条", "第七条", "第八条"]


@pytest.fixture
def sections_file(tmp_path, monkeypatch):
    """rulesets/data copied to a folder of the test's own, whose sections.yaml the test rewrites; every memo
    cleared before and after, so the file is read again and nothing read from it outlives the test."""
    import shutil

    from engine import memo
    from engine.extract import data

    for f in data.DATA_DIR.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    memo.clear_all()
    yield tmp_path / "sections.yaml"
    memo.clear_all()


def test_principles_headings_come_from_the_data_file(sections_file):
    """基本原则 / 工作原则 are principles headings because rulesets/data/sections.yaml `general_titles` says so, and
    总体目标 is none because `goal_words` holds 目标: a heading the file adds is read as one with no code changed."""
    from engine.parse.tree import is_principle

    assert is_principle("工作原则") and is_principle("指导思想和基本原则")
    assert not is_principle("总体目标") and not is_principle("推进原则")
    text = sections_file.read_text("utf-8")
    sections_file.write_text(text.replace("general_titles:\n", "general_titles:\n  - 推进原则\n"), "utf-8")
    from engine import memo

    memo.clear_all()
    assert is_principle("推进原则") and is_general("推进原则和总体目标")
    sections_file.write_text(text.replace("goal_words:\n", "goal_words:\n  - 原则\n"), "utf-8")
    memo.clear_all()
    assert not is_principle("工作原则") and is_general("工作原则")
