"""parent_covered on hand-built alignments: dropped, curated, merged, split, general, nested."""

import importlib.util
from pathlib import Path

from engine.rules.ruleset import NotApplicable, Scope

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]


PARENT = b.plan(
    b.measure("(一)", "指导思想", "坚持以习近平新时代中国特色社会主义思想为指导", general=True),
    b.measure("(四)", "全面实行政府权责清单制度", "全面厘清政府法定职责"),
    b.measure("(五)", "推进政府机构职能优化协同高效", "推进基层管理扁平化和网格化"),
    b.measure("(九)", "加强重要领域立法", "推进海洋、自由贸易、科技创新等方面立法"),
    b.measure("(十)", "完善立法工作机制", "推进区域协同立法"),
    level="province",
)
DRAFT = b.plan(
    b.measure("1", "全面实行政府权责清单制度", "全面厘清政府法定职责", lead=["区司法局"]),
    b.measure("2", "推进政府机构职能优化协同高效", "推进编制资源向基层倾斜", lead=["区委编办"]),
)


def _run(pairs, **kw):
    # these tests are about dropping and curation: the level-aware skip is tested on its own below
    kw.setdefault("options", {"skip_beyond_level": False})
    return b.run("parent_covered", DRAFT, PARENT, pairs, **kw)


def test_a_district_leaving_out_legislation_measures_is_asked_to_confirm() -> None:
    """(九) 加强重要领域立法 and (十) 完善立法工作机制 in a district's plan: a district has no
    legislative power, so leaving them out is likely the right adaptation (levels.yaml legislation:
    false): information to confirm, not an error."""
    pairs = [b.pair("(四)", ["1"]), b.pair("(九)", [], "dropped"), b.pair("(十)", [], "dropped")]
    hits = b.run("parent_covered", DRAFT, PARENT, pairs, options={})
    assert [(h.parent_item, h.severity) for h in hits] == [("(九)", "info"), ("(十)", "info")]
    assert all("请确认本级不适用" in (h.suggestion or "") for h in hits)
    # a city may legislate: there the same measures must be carried, at the rule's own severity
    city = b.plan(*DRAFT.measures, level="city")
    hits = b.run("parent_covered", city, PARENT, pairs, options={})
    assert [(h.parent_item, h.severity) for h in hits] == [("(九)", None), ("(十)", None)]


def test_dropped_measure_is_reported_with_parent_title() -> None:
    hits = _run([b.pair("(四)", ["1"]), b.pair("(九)", [], "dropped")])
    assert [(h.local_item, h.parent_item, h.parent_quote) for h in hits] == [
        (None, "(九)", "加强重要领域立法")
    ]
    assert "第1项之后" in (hits[0].suggestion or "")


def test_curated_not_applicable_suppresses() -> None:
    na = {"(九)": b.ob("(九)", not_applicable=NotApplicable(reason="区级无立法权"))}
    assert _run([b.pair("(九)", [], "dropped")], obligations=na) == []


def test_not_applicable_for_other_levels_only_still_reports() -> None:
    na = {"(九)": b.ob("(九)", not_applicable=NotApplicable(levels=["town"], reason="乡镇无立法权"))}
    assert len(_run([b.pair("(九)", [], "dropped")], obligations=na)) == 1


def test_merged_and_split_are_covered() -> None:
    pairs = [
        b.pair("(四)", ["1"], "merged"),
        b.pair("(五)", ["1"], "merged"),
        b.pair("(十)", ["1", "2"], "split"),
    ]
    assert _run(pairs) == []


def test_general_not_reported_by_default_but_optionally() -> None:
    pairs = [b.pair("(一)", [], "general")]
    assert _run(pairs) == []
    pairs = [b.pair("(一)", [], "dropped")]
    assert _run(pairs) == []
    assert len(_run(pairs, options={"include_general": True})) == 1


def test_alignment_miss_is_rechecked_against_draft_text() -> None:
    # the aligner called (四) dropped, but its sentences stand verbatim in draft 1
    assert _run([b.pair("(四)", [], "dropped")]) == []
    assert len(_run([b.pair("(四)", [], "dropped")], options={"recheck_threshold": 1})) == 1


def test_sub_measure_of_dropped_measure_is_reported_once() -> None:
    parent = b.plan(
        b.measure("(九)", "加强重要领域立法"),
        b.measure("1", "推进海洋方面立法", parent_measure="(九)"),
        level="province",
    )
    hits = b.run(
        "parent_covered", DRAFT, parent, [b.pair("(九)", [], "dropped"), b.pair("1", [], "dropped")],
        options={"skip_beyond_level": False},
    )  # fmt: skip
    assert [h.parent_item for h in hits] == ["(九)"]


def test_scope_levels_exclude_whole_draft() -> None:
    assert _run([b.pair("(九)", [], "dropped")], scope=Scope(levels=["town"])) == []
