"""lead_unit_vague on hand-built measures: generic-only leads and curated require_units."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]


def _run(*measures, **kw):
    return b.run("lead_unit_vague", b.plan(*measures), **kw)


def test_generic_only_lead_is_reported() -> None:
    m = b.measure(
        "43", "推动法治服务和融入新发展格局", lead=["区政府各有关部门"], generic=("区政府各有关部门",)
    )
    hits = _run(m)
    assert [(h.local_item, h.quote, h.key) for h in hits] == [("43", "区政府各有关部门", "generic")]


def test_generic_detected_without_flag() -> None:
    assert len(_run(b.measure("11", "加强行政决策执行和评估", lead=["区级各行政决策机关"]))) == 1
    assert len(_run(b.measure("12", "某某任务", lead=["各有关部门"]))) == 1


def test_one_named_unit_is_enough() -> None:
    m = b.measure("8", "加强规范性文件监督", lead=["区司法局", "区级其他行政规范性文件制定机关"])
    assert _run(m) == []


def test_generic_support_is_fine() -> None:
    assert _run(b.measure("1", "完善权责清单", lead=["区司法局"], support=["区政府其他有关部门"])) == []


def test_required_unit_missing_from_all_carriers() -> None:
    parent = b.plan(b.measure("(十七)", "严格行政执法标准"), level="province")
    draft = b.plan(
        b.measure("13", "完善行政执法程序", lead=["区司法局"]),
        b.measure("14", "严格行政执法标准", lead=["区司法局"], support=["区财政局"]),
    )
    pairs = [b.pair("(十七)", ["13", "14"], "split")]
    need = {"(十七)": b.ob("(十七)", "严格行政执法标准", require_units=["财政局", "区人力资源和社会保障局"])}
    hits = b.run("lead_unit_vague", draft, parent, pairs, obligations=need)
    assert [(h.local_item, h.parent_item, h.key) for h in hits] == [
        ("13", "(十七)", "required:区人力资源和社会保障局")
    ]
    hits = b.run(
        "lead_unit_vague",
        draft,
        parent,
        pairs,
        obligations=need,
        options={"support_counts_for_required": False},
    )
    assert {h.key for h in hits} == {"required:财政局", "required:区人力资源和社会保障局"}
