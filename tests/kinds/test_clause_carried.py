"""clause_carried on hand-built clause pairs: dropped clauses, moved clauses, items, phrases."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]


PARENT = b.plan(b.measure("(五)", "推进政府机构职能优化协同高效"), level="province")
DRAFT = b.plan(
    b.measure(
        "2",
        "推进政府机构职能优化协同高效",
        "立足构建简约高效的基层管理体制，推进编制资源向基层倾斜",
        lead=["区委编办"],
    ),
    b.measure(
        "13",
        "完善行政执法程序",
        "全面落实行政裁量权基准制度，细化量化各行政执法行为的裁量范围、种类、幅度等并对外公布",
        lead=["区司法局"],
    ),
    b.measure(
        "21",
        "推动完善多元预防调处化解机制",
        "推动完善信访、调解、行政裁决、行政复议、诉讼等综合机制",
        lead=["区信访局"],
    ),
)


def _run(clauses, parent_item="(五)", local=("2",), **kw):
    return b.run("clause_carried", DRAFT, PARENT, [b.pair(parent_item, list(local), "same", clauses)], **kw)


def test_dropped_clause_quotes_title_and_grades_by_strength() -> None:
    cp = b.clause("推进基层管理扁平化和网格化。", None, "dropped", parent_level="normal")
    hits = _run([cp])
    assert [(h.local_item, h.quote, h.parent_quote, h.severity) for h in hits] == [
        ("2", "推进政府机构职能优化协同高效", "推进基层管理扁平化和网格化。", "info")
    ]
    cp = b.clause("必须推进基层管理扁平化和网格化。", None, "dropped", parent_level="mandatory")
    assert [h.severity for h in _run([cp])] == ["error"]
    assert [h.severity for h in _run([cp], options={"severity_by_level": {"mandatory": "warning"}})] == [
        "warning"
    ]


def test_timed_clause_is_at_least_warning() -> None:
    cp = b.clause(
        "2024年年底前建成网格化管理平台。",
        None,
        "dropped",
        parent_deadlines=[b.by_date("2024年年底前", "2024-12-31")],
    )
    assert [h.severity for h in _run([cp])] == ["warning"]


def test_clause_moved_to_another_measure_is_carried() -> None:
    cp = b.clause(
        "全面落实行政裁量权基准制度，细化量化全区各行政执法行为的裁量范围、种类、幅度等并对外公布。",
        None,
        "dropped",
        parent_level="firm",
    )
    assert _run([cp], parent_item="(十七)", local=("2",)) == []


def test_short_and_filler_clauses_are_ignored() -> None:
    assert _run([b.clause("强化指标引领。", None, "dropped")]) == []
    assert _run([b.clause("不断提高行政质量和效率。", None, "dropped")], options={"min_chars": 0}) == []
    assert len(_run([b.clause("强化指标引领。", None, "dropped")], options={"min_chars": 4})) == 1


def test_item_dropped_from_list() -> None:
    diff = [
        ("equal", "推动完善信访、调解、", "推动完善信访、调解、"),
        ("delete", "仲裁、", ""),
        ("equal", "行政裁决、行政复议、诉讼等综合机制", "行政裁决、行政复议、诉讼等综合机制"),
    ]
    cp = b.clause(
        "推动完善信访、调解、仲裁、行政裁决、行政复议、诉讼等综合机制。",
        "推动完善信访、调解、行政裁决、行政复议、诉讼等综合机制",
        "changed",
        local_item="21",
        diff=diff,
        items_dropped=["仲裁"],
    )
    hits = _run([cp], parent_item="(二十四)", local=("21",))
    assert [(h.local_item, h.key, h.quote) for h in hits] == [
        ("21", "items:仲裁", "推动完善信访、调解、行政裁决、行政复议、诉讼等综合机制")
    ]
    assert _run([cp], parent_item="(二十四)", local=("21",), options={"check_items": False}) == []


def test_required_phrase() -> None:
    need = {"(五)": b.ob("(五)", require_phrases=["扁平化和网格化", "编制资源向基层倾斜"])}
    hits = _run([], obligations=need)
    assert [h.key for h in hits] == ["phrase:扁平化和网格化"]


def test_list_items_split_on_pause_marks_and_the_last_join() -> None:
    from engine.rules.kinds.clause_carried import split_items

    assert split_items("推进决策、执行、管理、服务和结果公开") == [
        "推进决策",
        "执行",
        "管理",
        "服务",
        "结果公开",
    ]
    assert split_items("鼓励群众参与、监督") == ["鼓励群众参与", "监督"]  # 参与 is one word
    assert split_items("及时公开") == ["及时公开"]


def test_wording_factors_out_both_plans_level_words_and_rewording() -> None:
    from engine.models import Plan
    from engine.pipeline import data_tables
    from engine.rules.kinds.base import CheckContext
    from engine.rules.kinds.clause_carried import Options, Wording

    def words(parent: tuple[str, str], draft: tuple[str, str]) -> Wording:
        plans = [Plan(source="p", level=lv, jurisdiction=j, measures=[]) for j, lv in (parent, draft)]  # type: ignore[arg-type]
        ctx = CheckContext(
            draft=plans[1], parent=plans[0], alignment=None, obligations={}, data=data_tables()
        )
        o = Options()
        return Wording(ctx, o.synonyms, o.filler_words)

    w = words(("广西壮族自治区", "province"), ("藤县", "county"))
    assert w("全区各级互联") == w("全县各级互联") == "互联"
    assert w("指导和推动广西法治政府建设实践") == w("指导和推动藤县法治政府建设实践")
    assert w("推进廉政建设") == w("推动廉政建设")
    assert w("不断提高行政效能") == w("持续提升行政效能")
    assert w("每年应当举办两期以上") == w("每年举办一期以上")
    # another place and level: a province's 全省 and a city's 我市 / 本市
    w = words(("某省", "province"), ("某州市", "city"))
    assert w("整合全省政务服务资源") == w("整合我市政务服务资源") == w("整合本市政务服务资源")


def test_item_changed_in_place_is_not_dropped() -> None:
    parent = "进一步整合优化全区政务服务资源，构建村级以上全覆盖、全区各级互联、协同联动的政务服务体系。"
    cp = b.clause(parent, parent.replace("全覆盖", "基本覆盖"), "changed", local_item="21")
    assert _run([cp], parent_item="(二十四)", local=("21",)) == []
    cp = b.clause(parent, parent.replace("全区各级互联、", ""), "changed", local_item="21")
    assert [h.fields["items"] for h in _run([cp], parent_item="(二十四)", local=("21",))] == ["全区各级互联"]


def _run_case(parent: str, draft: str, level: str) -> list:
    from tests.kinds.test_cases import run_case

    return run_case("clause_carried", {"parent": parent, "draft": draft, "level": level})


_NATIONAL = "国务院关于印发国家职业教育改革实施方案的通知\n一、主要任务\n(一)多措并举打造“双师型”教师队伍。完善教师资格制度。{}\n"
_CITY = "某省某市职业教育改革实施方案\n1.多措并举打造“双师型”教师队伍。完善教师资格制度。(市教育局负责)\n"


def test_a_dropped_clause_with_a_figure_that_holds_locally_is_a_warning() -> None:
    # 每年至少1个月 is per teacher at every level: a gap to weigh, not a note
    found = _run_case(_NATIONAL.format("职业院校教师每年至少1个月在企业或实训基地实训。"), _CITY, "city")
    assert [f.severity for f in found] == ["warning"]


def test_a_dropped_clause_with_a_national_total_stays_info() -> None:
    # 建设100个基地 is the country's total, shared out: no reason to raise the note
    found = _run_case(_NATIONAL.format("建设100个“双师型”教师培养培训基地。"), _CITY, "city")
    assert [f.severity for f in found] == ["info"]


def _ctx():
    from engine.models import Plan
    from engine.pipeline import data_tables
    from engine.rules.kinds.base import CheckContext

    plans = [Plan(source=s, level=lv, jurisdiction=j, measures=[]) for s, j, lv in (("p", "某省", "province"), ("d", "某县", "county"))]  # type: ignore[arg-type]
    return CheckContext(draft=plans[1], parent=plans[0], alignment=None, obligations={}, data=data_tables())


def test_parts_that_state_no_obligation() -> None:
    from engine.rules.kinds.clause_carried import _not_obligation, _not_obligation_clause

    ctx = _ctx()
    part = ("framing", "exhortation")
    # framing: an adverbial before the requirement, with or without its actor and modal
    assert _not_obligation(ctx, "结合本地产业发展实际，", part) == "according_to"
    assert _not_obligation(ctx, "各医疗机构要按照分级诊疗要求", part) == "according_to"
    assert _not_obligation(ctx, "以乡村振兴为引领", part) == "occasion_or_focus"
    assert _not_obligation(ctx, "在巩固脱贫攻坚成果的基础上", part) == "on_the_basis_of"
    assert _not_obligation(ctx, "在有条件的乡镇", part) == "where_possible"
    assert _not_obligation(ctx, "对符合条件的返乡创业人员", part) == "object_first"
    assert _not_obligation(ctx, "经第三方评估达到验收标准后", part) == "after_review"
    # exhortation: an attitude urged, nothing to carry out or check
    assert _not_obligation(ctx, "牢固树立生态优先理念", part) == "attitude"
    assert _not_obligation(ctx, "营造全社会关心支持养老服务的良好氛围", part) == "atmosphere"
    # a task stays a task: a verb after 根据, a figure, a count, an object
    for task in (
        "根据需要设立医疗废物集中暂存点",
        "根据群众需求每年新增托位200个",
        "树立一批平安校园示范学校",
        "提高农村公路养护水平",
        "以县为单位建立农村公路养护资金保障机制",
        "在2025年底前完成危桥改造",
        "对工作不力的单位严肃追责",
        "对违规收费行为严肃查处",
    ):
        assert _not_obligation(ctx, task, part) is None, task
    # explanatory: a comment opened by a commentary connective; not an added requirement
    assert _not_obligation_clause(ctx, "同时，也必须看到，部分地区问题依然突出。", 2)
    assert _not_obligation_clause(ctx, "由此可见，基层治理能力仍需加强。", 2)
    assert not _not_obligation_clause(ctx, "同时，要加强高标准农田建设后的管护利用。", 2)
    assert not _not_obligation_clause(ctx, "此外，各地要建立农村公路养护考核制度。", 2)
    # a clause made only of framing and exhortation, and one with a requirement in it
    assert _not_obligation_clause(ctx, "根据本地实际，牢固树立安全发展理念。", 2)
    assert not _not_obligation_clause(ctx, "根据本地实际，建立安全生产责任清单。", 2)


def test_enumeration_item_replaced_in_place_versus_cut() -> None:
    from engine.rules.kinds.clause_carried import ClauseCarried, Options, Wording

    ctx, o = _ctx(), Options()
    w = Wording(ctx, o.synonyms, o.filler_words)
    parent = "统筹推进政务服务网、政府网站、实体政务大厅的线上线下融合"
    replaced = "统筹推进政务服务网、12345热线、实体政务大厅的线上线下融合"
    assert ClauseCarried._left_out(parent, replaced, replaced, w, o) == ()
    cut = "统筹推进政务服务网、实体政务大厅的线上线下融合"
    assert ClauseCarried._left_out(parent, cut, cut, w, o) == ("政府网站",)
    # two parent items out, one draft item in their place: the list got shorter, both are reported
    parent = "推动完善信访、调解、仲裁、行政裁决、行政复议、诉讼等综合机制"
    local = "推动完善信访、调解、人民调解员、行政复议、诉讼等综合机制"
    assert ClauseCarried._left_out(parent, local, local, w, o) == ("仲裁", "行政裁决")


def test_moved_clause_with_the_draft_s_own_actor_reports_only_what_is_left_out() -> None:
    # 各级卫生健康行政部门要深化… carried as 深化… inside a longer draft sentence: the clause is not
    # dropped; what the draft left out of it (加快推进职能转变…) is, at the measure that holds it
    parent = (
        "关于印发某省医疗卫生领域“放管服”改革实施方案的通知\n一、主要任务\n(一)优化医疗机构审批服务。"
        "各级卫生健康行政部门要深化“放管服”改革，加快推进职能转变，由重审批向重监管转变。推行医疗机构电子化注册。\n"
    )
    draft = (
        "某市医疗卫生领域“放管服”改革工作方案\n1.优化医疗机构审批服务。"
        "深化“放管服”改革，推行医疗机构和医师电子化注册，实现审批事项网上办理。(牵头单位:市卫生健康委)\n"
    )
    found = _run_case(parent, draft, "city")
    assert [(f.local_item, f.evidence.local) for f in found] == [("1", "深化“放管服”改革，")]
    assert "加快推进职能转变" in found[0].message and "各级卫生健康行政部门" not in found[0].message.split("：")[0]


def test_purpose_phrases_count_only_after_the_action() -> None:
    from engine.rules.kinds.clause_carried import _after_action, _not_obligation, _not_obligation_clause

    ctx = _ctx()
    cls = ("purpose",)
    sentence = "开展农村生活污水治理，提高农村人居环境质量，发挥村民自治组织作用。"
    assert _after_action(ctx, sentence, "提高农村人居环境质量，")
    assert not _after_action(ctx, sentence, "开展农村生活污水治理，")
    # framing or a date before is no action: 以…为契机，发挥…作用 is the task itself
    assert not _after_action(ctx, "以乡村振兴为契机，发挥合作社带动作用。", "发挥合作社带动作用。")
    assert not _after_action(ctx, "2025年底前，提升乡镇卫生院服务能力。", "提升乡镇卫生院服务能力。")
    # a new sentence starts afresh
    assert not _after_action(ctx, "建设养老服务综合体。发挥协会作用，组织培训。", "发挥协会作用，")
    for part, entry in (
        ("发挥示范带动作用", "play_a_role"),
        ("提升居家养老服务质量", "raise_a_level"),
        ("凝聚民心、汇集民智", "rally_support"),
        ("引导形成“邻利效应”", "bring_about_a_pattern"),
        ("推动生产生活方式绿色化", "shift_a_way_of_life"),
        ("为全面推行河长制奠定基础", "lay_a_foundation"),
    ):
        assert _not_obligation(ctx, part, cls, after_action=True) == entry, part
        assert _not_obligation(ctx, part, cls) is None, part  # opening a sentence: the task itself
    # an instrument's role is a purpose wherever it stands; an organisation's role is not
    assert _not_obligation(ctx, "发挥标准在养老服务质量提升中的基础性作用", cls) == "instrument_role"
    assert _not_obligation(ctx, "发挥社会组织在养老服务中的作用", cls) is None
    # tasks after an action stay tasks: an object to build, a figure, a list
    for task in (
        "建立设施运行管护长效机制",
        "提高农村生活污水治理率至60%以上",
        "提升改造乡镇污水处理站20座",
        "形成县乡村三级物流配送网络",
    ):
        assert _not_obligation(ctx, task, cls, after_action=True) is None, task
    # a dropped sentence: only when every part is framing, exhortation or purpose after an action
    assert _not_obligation_clause(ctx, "发挥标准在养老服务质量提升中的基础性作用。", 2)
    assert not _not_obligation_clause(ctx, "建立农产品追溯体系，发挥导向作用。", 2)
    assert not _not_obligation_clause(ctx, "充分发挥农业行业协会作用。", 2)


def test_tier_lists_adapted_to_the_draft_s_level_are_carried() -> None:
    """A tier list (市、县、乡、村四级) written for the draft's level: fewer tiers and a smaller count, in
    digits or Chinese numerals, is level wording at any pair of levels; an item left out of a list of
    things, or of grades (一级、二级、三级: the count is the item), is still left out."""
    from engine.models import Plan
    from engine.pipeline import data_tables
    from engine.rules.kinds.base import CheckContext
    from engine.rules.kinds.clause_carried import ClauseCarried, Options, Wording

    def left_out(levels: tuple[tuple[str, str], tuple[str, str]], parent: str, local: str) -> tuple[str, ...]:
        plans = [Plan(source="x", level=lv, jurisdiction=j, measures=[]) for j, lv in levels]  # type: ignore[arg-type]
        ctx = CheckContext(draft=plans[1], parent=plans[0], alignment=None, obligations={}, data=data_tables())
        o = Options()
        return ClauseCarried._left_out(parent, local, local, Wording(ctx, o.synonyms, o.filler_words), o)

    province_city = (("某省", "province"), ("某市", "city"))
    city_county = (("某市", "city"), ("某县", "county"))
    county_town = (("某县", "county"), ("某镇", "town"))
    adapted = [
        (province_city, "建立省、市、县三级联动机制", "建立市、县两级联动机制"),
        (province_city, "推动省级、市级、县级三级财政共同投入", "推动市级、县级两级财政共同投入"),
        (province_city, "构建省、市、县、乡、村五级书记抓治理格局", "构建市、县、乡、村四级书记抓治理格局"),
        (city_county, "实行市、旗县区、乡镇、村四级网格化管理", "实行县、乡镇、村三级网格化管理"),
        (city_county, "建立市、县(市、区)、乡镇(街道)、村(社区)四级联动机制", "建立县、乡镇、村(社区)三级联动机制"),
        (city_county, "健全市、县、乡、村、组五级网格体系", "健全县、乡、村、组四级网格体系"),
        (city_county, "健全市、县、乡、村、网格5级网格体系", "健全县、乡、村、网格4级网格体系"),
        (county_town, "落实县、乡、村三级责任", "落实乡、村两级责任"),
    ]
    for levels, parent, local in adapted:
        assert left_out(levels, parent, local) == (), parent
    # the wording itself: a count after a level word is level wording (省市县三级 = 市县两级)
    plans = [Plan(source="x", level=lv, jurisdiction=j, measures=[]) for j, lv in province_city]  # type: ignore[arg-type]
    ctx = CheckContext(draft=plans[1], parent=plans[0], alignment=None, obligations={}, data=data_tables())
    w = Wording(ctx, Options().synonyms, Options().filler_words)
    assert w("实行省市县乡村五级网格化管理") == w("实行市县乡村四级网格化管理") == w("实行网格化管理")
    assert w("建成三级医院") != w("建成二级医院")  # a grade, no level word before it: kept
    # still left out: an item of a list of things, a grade of a list of grades
    assert left_out(province_city, "推行垃圾分类、就地减量、资源化利用", "推行垃圾分类、资源化利用") == ("就地减量",)
    assert left_out(
        province_city, "构建省市县三级联动、部门协同、社会参与的工作格局", "构建市县两级联动、社会参与的工作格局"
    ) == ("部门协同",)
    assert left_out(province_city, "推动一级、二级、三级风险隐患全部清零", "推动一级、二级风险隐患全部清零") == ("三级",)
