"""lead_unit_required on hand-built measures: every responsibility style, inheritance, containers."""

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]


def _run(*measures, **kw):
    return b.run("lead_unit_required", b.plan(*measures), **kw)


def test_missing_lead_is_reported_quoting_title() -> None:
    hits = _run(b.measure("1", "完善权责清单", "全面完善行政许可事项清单"))
    assert [(h.local_item, h.quote, h.key) for h in hits] == [("1", "完善权责清单", "lead")]


def test_every_style_counts() -> None:
    for style in ("牵头单位", "责任单位", "负责部门", "X牵头", "按职责分工负责"):
        assert _run(b.measure("1", "完善权责清单", lead=["区司法局"], style=style)) == []


def test_support_only_is_no_lead() -> None:
    assert len(_run(b.measure("1", "完善权责清单", support=["区财政局"]))) == 1


def test_require_support_option() -> None:
    m = b.measure("1", "完善权责清单", lead=["区司法局"])
    assert _run(m) == []
    hits = _run(m, options={"require_support": True})
    assert [h.key for h in hits] == ["support"]


def test_sub_measures_inherit_by_default() -> None:
    outer = b.measure("1", "加强行政执法", lead=["区司法局"])
    inner = b.measure("(1)", "规范执法程序", parent_measure="1")
    assert _run(outer, inner) == []
    assert [h.local_item for h in _run(outer, inner, options={"inherit": False})] == ["(1)"]


def test_container_whose_sub_measures_all_have_units() -> None:
    outer = b.measure("1", "加强行政执法")
    kids = [b.measure(f"({i})", f"子任务{i}", lead=["区司法局"], parent_measure="1") for i in (1, 2)]
    assert _run(outer, *kids) == []
    assert [h.local_item for h in _run(outer, *kids, options={"skip_containers": False})] == ["1"]


def test_general_measures_are_skipped() -> None:
    assert _run(b.measure("1", "总体目标", "到2025年基本建成法治政府", general=True)) == []


def test_banner_plan_stages_and_safeguard_actors() -> None:
    """fixtures/leads/: 工作步骤 phases and safeguards that name their actor are not reported; the two
    safeguards that name no one are. Emptying safeguards / schedules brings the others back.

    As printed every task names its units and no safeguard does, each section starting again at (一): the
    safeguards frame the plan and are no measures (blind9 张掖市), so nothing is reported. With the tasks'
    units left out nothing tells the safeguards from the tasks, and they are measures to judge."""
    import re

    from engine.ingest import from_text
    from engine.parse import parse_plan
    from engine.pipeline import check

    path = Path(__file__).resolve().parents[2] / "fixtures" / "leads" / "banner-grassland-safeguards.txt"
    run = check(str(path), allow_no_parent=True, fail_on="none")
    assert [f.local_item for f in run.report.findings if f.check == "lead_unit_required"] == []

    draft = parse_plan(from_text(re.sub(r"（牵头单位：[^）]*）", "", path.read_text("utf-8")), str(path)))

    def leads(**options):
        return [h.local_item for h in b.run("lead_unit_required", draft, options=options) if h.local_item[0] != "二"]

    assert leads() == ["四(三)", "四(四)"]
    assert leads(safeguards=[]) == ["四(一)", "四(二)", "四(三)", "四(四)"]
    assert leads(schedules=[]) == ["三(二)", "四(三)", "四(四)"]


def test_the_shipped_rule_is_the_judgement_the_kind_expands_to() -> None:
    """rulesets/obligations.yaml writes lead-unit-required out as conditions over measure facts; a rule
    that names the kind with its own options runs the conditions `expand` builds: the two say the same."""
    from engine.rules.kinds.lead_unit_required import Options, expand
    from engine.rules.loader import load_rulesets

    rule = next(r for r in load_rulesets(["obligations"]).rules if r.id == "lead-unit-required")
    shipped = Options.model_validate(rule.options)
    assert shipped.judge is not None
    assert expand(shipped) == expand(Options())


def test_a_rule_gives_the_judgement_or_the_options_not_both() -> None:
    import pytest
    from pydantic import ValidationError

    from engine.rules.kinds.lead_unit_required import Options

    with pytest.raises(ValidationError, match="not both"):
        Options.model_validate({"inherit": False, "judge": []})
    with pytest.raises(ValidationError, match="no_such_field"):
        Options.model_validate({"judge": [{"role": "lead", "forbid": {"field": "no_such_field", "value": True}}]})


def test_a_written_judgement_takes_effect() -> None:
    """The judgement is data: editing it changes the findings (here: only measures titled …保障)."""
    m1 = b.measure("1", "完善权责清单", "全面完善行政许可事项清单")
    m2 = b.measure("2", "加强经费保障", "将经费纳入财政预算")
    m3 = b.measure("3", "加强行政调解", lead=["区司法局"])
    judge = [{"role": "lead", "forbid": {"all": [{"field": "has_lead", "value": False},
                                               {"field": "title", "op": "matches", "value": "保障"}]}}]
    assert [h.local_item for h in _run(m1, m2, m3)] == ["1", "2"]
    assert [h.local_item for h in _run(m1, m2, m3, options={"judge": judge})] == ["2"]


_EVERY_OPTION = """某市某区生活垃圾分类工作实施方案
一、主要任务
1.推进源头分类。全面推行生活垃圾四分类。(牵头单位:区城市管理局;配合单位:区财政局)
2.完善收运体系。健全分类收运网络。
(1)配齐分类收运车辆。按分类标准配齐车辆。(牵头单位:区城市管理局)
(2)建设中转站。2024年底前建成中转站2座。(牵头单位:区住房和城乡建设局)
3.加强执法检查。(牵头单位:区城市管理执法局)
(1)开展联合执法。每季度开展一次联合执法。
二、进度安排
4.宣传发动阶段(2023年6月底前)。各街道广泛开展宣传。
三、保障措施
5.强化资金保障。区财政统筹安排分类工作经费。
"""


@pytest.mark.parametrize("option, value, before, after", [
    ("inherit", False, [], ["3(1)"]),
    ("skip_containers", False, [], ["2"]),
    ("require_support", True, [], ["2", "2(1)", "(2)", "3", "3(1)"]),
    ("safeguards", [], [], ["5"]),
    ("schedules", [], [], ["4"]),
])
def test_each_option_of_the_kind_takes_effect(option, value, before, after) -> None:
    """A rule that names the kind with its own options: changing each changes the findings (3 leads 3(1);
    2 is a container whose sub-measures lead — with a task sentence of its own: a bare title over them would head
    them, no measure (fixtures/struct37); 4 is a phase; 5 names its actor)."""
    from engine.ingest import from_text
    from engine.parse import parse_plan

    draft = parse_plan(from_text(_EVERY_OPTION, "draft.txt"))

    def found(**options):
        return [(h.local_item, h.key) for h in b.run("lead_unit_required", draft, options=options)]

    assert found() == [(r, "lead") for r in before]
    got = found(**{option: value})
    assert [r for r, _ in got] == after, got


def test_once_when_none_option_takes_effect() -> None:
    text = """国务院办公厅关于全面推行某项审核机制的指导意见
（一）明确审核范围。各地区各部门要依法确定审核范围。
（二）确定审核主体。各级人民政府及其部门要明确审核机构。
（三）规范审核程序。各地区各部门要完善审核程序。
"""
    from engine.ingest import from_text
    from engine.parse import parse_plan

    draft = parse_plan(from_text(text, "opinion.txt"))
    once = b.run("lead_unit_required", draft)
    assert [h.local_item for h in once] == ["(一)"] and "仅在此报告一次" in once[0].fields["missing"]
    each = b.run("lead_unit_required", draft, options={"once_when_none": False})
    assert [h.local_item for h in each] == ["(一)", "(二)", "(三)"]


def test_overview_option_takes_effect() -> None:
    """Goal and scope items of 一、总体要求 (试点目标, 实施范围) are aims, not tasks; emptying `overview`
    reports them, and a task there that names no one is reported either way."""
    from engine.ingest import from_text
    from engine.parse import parse_plan

    draft = parse_plan(from_text("""某某省职业技能提升行动试点方案
一、总体要求
（一）试点目标。到2026年，全省新培养高技能人才5万人以上。
（二）试点范围。选择5个设区市开展试点。
（三）完善培训补贴政策。简化补贴申领程序。
二、重点任务
（一）开展企业职工培训。支持企业开展岗前培训。（省人力资源社会保障厅牵头，省财政厅配合）
""", "draft.txt"))

    def found(**options):
        return [h.local_item for h in b.run("lead_unit_required", draft, options=options)]

    assert found() == ["(三)"]
    assert found(overview=[]) == ["一(一)", "(二)", "(三)"]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_pilot_plan_steps_and_goals_say_who_acts(tmp_path, script) -> None:
    """fixtures/leads/province-eldercare-pilot.txt checked alone: the 实施步骤 and 保障措施 items that name
    their actor in prose, and the 总体要求's 试点范围 / 试点对象, are not reported; the step and the safeguard
    that name no one are. The same in traditional characters."""
    from engine.pipeline import check

    path = Path(__file__).resolve().parents[2] / "fixtures" / "leads" / "province-eldercare-pilot.txt"
    if script == "traditional":
        import opencc

        copy = tmp_path / "pilot-traditional.txt"
        copy.write_text(opencc.OpenCC("s2t").convert(path.read_text(encoding="utf-8")), encoding="utf-8")
        path = copy
    run = check(str(path), allow_no_parent=True, fail_on="none")
    leads = [(f.local_item, f.rule) for f in run.report.findings if f.rule.startswith("lead-unit")]
    assert leads == [("三(四)", "lead-unit-required"), ("四(三)", "lead-unit-required")]


REGULATION_BODY = """
第一条 为规范城市公共自行车管理，方便市民绿色出行，结合本市实际，制定本办法。
第二条 公共自行车站点设置应当符合城市规划，不得占用盲道、消防通道。
第三条 运营单位应当建立车辆巡检制度，及时维修损坏车辆，车辆完好率不低于95%。
第四条 使用人应当遵守道路交通安全法律法规，不得将公共自行车据为己有。
"""


@pytest.mark.parametrize(("title", "found"), [
    ("某某市城市公共自行车管理办法", 0),
    ("某某市城市公共自行车管理办法（试行）", 0),
    ("某某市城市公共自行车运营管理规定（征求意见稿）", 0),
    ("某某市城市公共自行车推广实施方案", 1),
    ("某某市关于加强城市公共自行车管理的实施意见", 1),
])
def test_rules_not_a_plan_get_no_once_for_the_whole_draft(title: str, found: int) -> None:
    """A 管理办法's articles state rules, not tasks: naming no unit at all is its genre (issue 16: a built
    办法 got '全文N项措施均未列明责任单位' on its purpose article). A plan naming none still gets the one finding."""
    from tempfile import TemporaryDirectory

    from engine.pipeline import check

    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(title + "\n" + REGULATION_BODY, encoding="utf-8")
        run = check(str(path), allow_no_parent=True, fail_on="none")
    assert len([f for f in run.report.findings if f.rule == "lead-unit-required"]) == found
