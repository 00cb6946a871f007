"""Three structure classes blind37 showed (fixtures/struct37/README.md):

1. article-form documents (若干政策, 暂行办法, 若干措施 in 第X条): the articles of purpose, scope, terms, interpretation,
   commencement and repeal (第一条 为…制定本政策, 本办法适用于…, 本措施由X负责解释, 本措施自…起施行, 《X》同时废止) frame the
   document and are no measures, in any chapter or none, whether or not the tasks name units (rulesets/data/articles.yaml);
2. points run together in ONE paragraph (一是…；二是…, ①…；②…, 第一，…；第二，…) are measures when each closes with its
   own responsibility clause (rulesets/data/inline_enumerations.yaml); otherwise they stay one measure's text;
3. mixed depth: in one section, an item with sub-items that carry the units heads them (no measure), an item without
   sub-items is a measure, at whatever level.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text
from engine.parse import articles, enumerations, parse_plan
from engine.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "struct37"


def _read(name: str) -> list[tuple[str, list[str], list[str]]]:
    plan = load_plan(str(FIXTURES / name))
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


def _plan(lines: list[str]):
    return parse_plan(from_text("\n".join(lines), path="d.txt"))


# ---- 1. framing articles ------------------------------------------------------------------------------------


def test_a_policy_in_articles_naming_no_units_keeps_its_purpose_scope_terms_and_closing_articles_out():
    # 第一条 purpose, 第二条 scope, 第七条 terms, 第八条 interpretation, 第九条 commencement and repeal: no unit anywhere,
    # so nothing but the wording tells them from the tasks
    assert [label for label, _, _ in _read("meitan-county-tea-policy-articles.txt")] == [
        "第三条",
        "第四条",
        "第五条",
        "第六条",
    ]


def test_closing_articles_inside_a_chapter_of_tasks_are_no_measures():
    # no 附则 chapter: 解释 and 施行 stand at the end of 第三章 监督管理; the interpretation names a unit
    assert _read("jingdezhen-city-kiln-sites-chapters.txt") == [
        ("第三条", ["市自然资源和规划局"], ["珠山区人民政府", "市文化广电旅游局"]),
        ("第四条", ["市住房和城乡建设局"], ["珠山区人民政府"]),
        ("第五条", ["市文化广电旅游局"], ["市自然资源和规划局"]),
        ("第六条", ["市城市管理局"], ["珠山区人民政府", "市自然资源和规划局"]),
        ("第七条", ["市政府督查室"], ["市文化广电旅游局"]),
    ]


def test_a_measures_document_where_only_some_articles_name_units():
    # 第三条 and 第四条 name units, 第二条 and 第五条 none (tasks all the same: gaps to report); 第六条 names the unit
    # that interprets the document, which is no task's
    assert _read("nanming-district-startups-articles.txt") == [
        ("第二条", [], []),
        ("第三条", ["区财政局"], ["区人力资源和社会保障局", "人民银行南明支行"]),
        ("第四条", ["区人力资源和社会保障局"], ["共青团南明区委"]),
        ("第五条", [], []),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "为加快魔芋产业全链条发展，根据有关政策规定，结合我市实际，制定本措施。",
        "为了规范城市公共自行车管理，依据有关法律法规，特制定本办法。",
        "本实施细则适用于本县行政区域内义务教育阶段学校。",
        "本政策所称经营主体，是指在我县登记注册的茶叶企业。",
        "本措施由市农业农村局负责解释。",
        "本政策由县林业局会同县财政局负责解释。同一项目符合多项政策的，按照就高不重复原则执行。",
        "本规定的解释权归市商务局。",
        "本措施自印发之日起施行，有效期至2028年12月31日。",
        "本办法自2026年5月1日起实施。",
        "《湄潭县茶产业发展扶持办法（试行）》同时废止。",
        "此前本区出台的相关政策与本措施不一致的，以本措施为准。",
        "国家和省另有规定的，从其规定。",
    ],
)
def test_framing_wordings(text):
    assert articles.frames(text)


@pytest.mark.parametrize(
    "text",
    [
        "支持茶园提质改造。对改造低效茶园的，按每亩300元给予补助，所需资金按本政策规定拨付。",
        "为支持企业技术改造，对设备投资500万元以上的项目给予补助。",  # a purpose clause opening a task
        "清理规范性文件，对与上位法不一致的文件予以废止。",  # a task that repeals rules
        "建立历史建筑保护名录，本办法实施后每年更新一次。",  # the document named later in a task
    ],
)
def test_tasks_are_no_framing_articles(text):
    assert not articles.frames(text)


# ---- 2. points in one paragraph -----------------------------------------------------------------------------


def test_yi_shi_points_each_with_its_clause_are_the_measures():
    assert _read("yuexi-county-rural-delivery-inline.txt") == [
        ("一是", ["县商务局"], ["县邮政管理局", "县供销社"]),
        ("二是", ["县邮政管理局"], []),
        ("三是", ["各乡镇人民政府"], []),
        ("四是", ["县农业农村局", "县商务局"], []),
    ]  # 三、保障措施's 一是…三是 (no clauses) stay that section's text


def test_di_yi_points_each_with_its_clause_are_the_measures():
    assert _read("zhouzhuang-town-fire-safety-diyi.txt") == [
        ("第一", ["镇消防救援站"], ["镇安全生产监督管理办公室", "各社区"]),
        ("第二", ["镇综合行政执法队"], []),
        ("第三", ["镇文体旅游服务中心"], ["镇消防救援站"]),
    ]


def test_circled_points_in_one_paragraph_under_a_heading_beside_measures():
    assert _read("zhangjiajie-city-forest-fire-circled.txt") == [
        ("(一)", ["市林业局"], ["市应急管理局", "各区县人民政府"]),
        ("①", ["各区县人民政府"], []),
        ("②", ["市林业局"], ["市公安局"]),
        ("③", ["市林业局"], []),
        ("(三)", ["市应急管理局"], ["市林业局"]),
    ]


HEAD = [
    "某县茶叶产业提升工作方案",
    "为推动茶叶产业提质增效，制定本方案。",
    "一、工作目标",
    "到2026年，全县茶园面积稳定在10万亩。",
]


def test_points_without_their_own_clauses_stay_one_measure_s_text():
    # the clause after the last point answers for them all (blind8 阳朔县, blind17 库尔勒市): one measure
    plan = _plan([*HEAD,
        "二、主要任务",
        "（一）建设标准化茶园。一是新建生态茶园5000亩；二是改造低产茶园3000亩；三是推广绿色防控技术。（县农业农村局牵头，各乡镇人民政府配合）",
        "（二）培育加工龙头企业。一是支持企业技术改造；二是新增精制加工生产线3条。（县工业和信息化局负责）",
    ])  # fmt: skip
    assert [(m.label, m.lead_units) for m in plan.measures] == [
        ("(一)", ["县农业农村局"]),
        ("(二)", ["县工业和信息化局"]),
    ]
    assert "二是改造低产茶园" in plan.measures[0].text


@pytest.mark.parametrize(
    "text",
    [
        "一是新建生态茶园（县农业农村局负责）；二是改造低产茶园；三是推广绿色防控（县林业局负责）。",  # one without
        "一是新建生态茶园（县农业农村局负责）。",  # one point is no run
        "①新建生态茶园（县农业农村局负责）；❷改造低产茶园（县林业局负责）。",  # two classes of marks
        "二是新建生态茶园（县农业农村局负责）；三是改造低产茶园（县林业局负责）。",  # not from 1
        "新建生态茶园一是（县农业农村局负责）；二是改造低产茶园（县林业局负责）。",  # 一是 at no boundary
    ],
)
def test_no_run_of_points(text):
    assert enumerations.points(text) == []


def test_a_run_of_points_is_found_where_it_stands():
    text = "重点做好两项工作：一是新建生态茶园（县农业农村局负责）；二是改造低产茶园（县林业局牵头，各乡镇配合）。"
    found = enumerations.points(text)
    assert [(text[at:].startswith(mk.label), mk.label, mk.ordinal, mk.style) for at, mk in found] == [
        (True, "一是", 1, "cn_shi"),
        (True, "二是", 2, "cn_shi"),
    ]


# ---- 3. mixed depth ------------------------------------------------------------------------------------------


def test_items_at_the_upper_level_beside_headings_over_deeper_measures():
    # 2. heads (1)(2) in each group; 1. and 3. are measures at the upper level
    assert _read("hainan-province-tropical-fruit-mixed.txt") == [
        ("1", ["省农业农村厅"], ["省财政厅"]),
        ("(1)", ["省农业农村厅"], ["省科技厅"]),
        ("(2)", ["省农业农村厅"], ["省林业局"]),
        ("3", ["省农业农村厅"], []),
        ("1", ["省农业农村厅"], ["省发展改革委"]),
        ("(1)", ["省商务厅"], ["省农业农村厅"]),
        ("(2)", ["省商务厅"], ["海口海关"]),
    ]


def test_a_heading_among_measures_of_its_own_level_heads_its_items():
    # (一)(二)(四)(五) are measures; (三) only heads 1. 2., which name the units: they are the measures, not (三)
    plan = load_plan(str(FIXTURES / "wuyishan-city-tea-tourism-mixed.txt"))
    assert [(m.label, m.parent_measure) for m in plan.measures] == [
        ("(一)", None), ("(二)", None), ("1", None), ("2", None), ("(四)", None), ("(五)", None),
    ]  # fmt: skip


def test_an_item_answering_for_its_items_stays_a_measure_over_them():
    # (二) names its own units: its 1. 2. are its sub-measures, as before
    plan = _plan([*HEAD,
        "二、主要任务",
        "（一）建设标准化茶园。新建生态茶园5000亩。（县农业农村局牵头）",
        "（二）培育加工龙头企业。（县工业和信息化局牵头，县财政局配合）",
        "1.支持企业技术改造。对设备投资500万元以上的给予补助。（县工业和信息化局负责）",
        "2.新增精制加工生产线3条。（县工业和信息化局负责）",
        "（三）打响区域公用品牌。组织企业参加茶博会。（县商务局负责）",
    ])  # fmt: skip
    assert [(m.label, m.parent_measure) for m in plan.measures] == [
        ("(一)", None), ("(二)", None), ("1", "(二)"), ("2", "(二)"), ("(三)", None),
    ]  # fmt: skip


def test_a_heading_over_items_naming_no_units_stays_as_it_was():
    # no unit anywhere: nothing says whose the task is, and the heading is kept over its items as before
    plan = _plan([*HEAD,
        "二、主要任务",
        "（一）建设标准化茶园。新建生态茶园5000亩。",
        "（二）培育加工龙头企业。",
        "1.支持企业技术改造。对设备投资500万元以上的给予补助。",
        "2.新增精制加工生产线3条。",
        "（三）打响区域公用品牌。组织企业参加茶博会。",
    ])  # fmt: skip
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "1", "2", "(三)"]


def test_safeguard_leaves_beside_a_group_stay_out():
    # 三、保障措施: (一) a leaf, (二) over 1. 2. — the section frames the plan whatever its depth
    plan = _plan([*HEAD,
        "二、主要任务",
        "（一）建设标准化茶园。新建生态茶园5000亩。（县农业农村局牵头）",
        "（二）培育加工龙头企业。",
        "1.支持企业技术改造。（县工业和信息化局负责）",
        "2.新增精制加工生产线3条。（县工业和信息化局负责）",
        "三、保障措施",
        "（一）加强组织领导。成立工作专班。",
        "（二）强化要素保障。",
        "1.统筹涉农资金。",
        "2.保障用地指标。",
    ])  # fmt: skip
    assert [m.label for m in plan.measures] == ["(一)", "1", "2"]
