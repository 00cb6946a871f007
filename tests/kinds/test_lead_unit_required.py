"""lead_unit_required on hand-built measures: every responsibility style, inheritance, containers."""

import importlib.util
from pathlib import Path

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
    safeguards that name no one are. Emptying safeguards / schedules brings the others back."""
    from engine.pipeline import check

    path = Path(__file__).resolve().parents[2] / "fixtures" / "leads" / "banner-grassland-safeguards.txt"
    run = check(str(path), allow_no_parent=True, fail_on="none")
    assert [f.local_item for f in run.report.findings if f.check == "lead_unit_required"] == ["四(三)", "四(四)"]

    def leads(**options):
        return [h.local_item for h in b.run("lead_unit_required", run.draft, options=options)]

    assert leads() == ["四(三)", "四(四)"]
    assert leads(safeguards=[]) == ["四(一)", "四(二)", "四(三)", "四(四)"]
    assert leads(schedules=[]) == ["三(二)", "四(三)", "四(四)"]
