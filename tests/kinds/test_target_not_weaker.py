"""target_not_weaker on hand-built clause pairs: lower numbers, ceilings, frequencies, words."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "obligation_builders", Path(__file__).with_name("obligation_builders.py")
)
b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b)  # type: ignore[union-attr]


PARENT = b.plan(b.measure("(三十九)", "加强法治素养和能力建设"), level="province")


def _run(parent_text, local_text, *, pt=(), lt=(), diff=None, targets=(), **kw):
    draft = b.plan(
        b.measure("36", "加强法治素养和能力建设", local_text, lead=["区司法局"], targets=list(targets or lt))
    )
    cp = b.clause(
        parent_text,
        local_text,
        "changed",
        local_item="36",
        diff=diff,
        parent_targets=list(pt),
        local_targets=list(lt),
        **kw,
    )
    return b.run("target_not_weaker", draft, PARENT, [b.pair("(三十九)", ["36"], "same", [cp])])


P60 = b.target("不少于60学时", 60, ">=", "学时")


def test_lower_floor_is_weaker() -> None:
    hits = _run(
        "每人每年接受不少于60学时的培训",
        "每人每年接受不少于40学时的培训",
        pt=[P60],
        lt=[b.target("不少于40学时", 40, ">=", "学时")],
    )
    assert [(h.quote, h.key) for h in hits] == [("不少于40学时", "target:不少于60学时")]


def test_higher_floor_is_fine() -> None:
    assert (
        _run(
            "每人每年接受不少于60学时的培训",
            "每人每年接受不少于80学时的培训",
            pt=[P60],
            lt=[b.target("不少于80学时", 80, ">=", "学时")],
        )
        == []
    )


def test_ceiling_direction() -> None:
    p = b.target("不超过5%", 5, "<=", kind="percent")
    assert (
        len(
            _run(
                "误差率不超过5%", "误差率不超过8%", pt=[p], lt=[b.target("不超过8%", 8, "<=", kind="percent")]
            )
        )
        == 1
    )
    assert (
        _run("误差率不超过5%", "误差率不超过3%", pt=[p], lt=[b.target("不超过3%", 3, "<=", kind="percent")])
        == []
    )


def test_frequency_every_two_years_is_weaker_than_yearly() -> None:
    p = b.target("每年一次", 1, ">=", kind="frequency", period_years=1)
    loc = b.target("每两年一次", 1, ">=", kind="frequency", period_years=2)
    assert len(_run("每年开展一次示范创建", "每两年开展一次示范创建", pt=[p], lt=[loc])) == 1
    assert _run("每两年开展一次示范创建", "每年开展一次示范创建", pt=[loc], lt=[p]) == []


def test_missing_target() -> None:
    hits = _run("每人每年接受不少于60学时的培训", "每人每年接受业务知识培训", pt=[P60])
    assert [h.key for h in hits] == ["missing:不少于60学时"]


def test_coverage_word_weakened_quotes_draft_word() -> None:
    diff = [
        ("equal", "推动法律顾问配备", "推动法律顾问配备"),
        ("replace", "全", "基本"),
        ("equal", "覆盖", "覆盖"),
    ]
    hits = _run("推动法律顾问配备全覆盖", "推动法律顾问配备基本覆盖", diff=diff)
    assert [h.quote for h in hits] == ["基本覆盖"]


def test_strength_word_weakened() -> None:
    diff = [
        ("replace", "全面", "逐步"),
        ("equal", "推行轻微违法行为免罚清单制度", "推行轻微违法行为免罚清单制度"),
    ]
    hits = _run("全面推行轻微违法行为免罚清单制度", "逐步推行轻微违法行为免罚清单制度", diff=diff)
    assert [h.quote for h in hits] == ["逐步推行轻微违法行为免罚清单制度"]  # the whole phrase, not 逐步推行轻微
    diff = [("replace", "严禁", "不宜"), ("equal", "下达罚没指标", "下达罚没指标")]
    assert len(_run("严禁下达罚没指标", "不宜下达罚没指标", diff=diff)) == 1


def test_softener_inserted_and_mandatory_deleted() -> None:
    diff = [("insert", "", "力争"), ("equal", "实现一网通办", "实现一网通办")]
    assert len(_run("实现一网通办", "力争实现一网通办", diff=diff)) == 1
    diff = [
        ("equal", "新设证明事项", "新设证明事项"),
        ("delete", "必须", ""),
        ("equal", "有法律依据", "有法律依据"),
    ]
    hits = _run("新设证明事项必须有法律依据", "新设证明事项有法律依据", diff=diff)
    assert len(hits) == 1 and hits[0].quote == "新设证明事项"


def test_stronger_and_equivalent_wording_is_fine() -> None:
    diff = [("replace", "逐步", "全面"), ("equal", "推行清单制度", "推行清单制度")]
    assert _run("逐步推行清单制度", "全面推行清单制度", diff=diff) == []
    diff = [("replace", "各级", "区"), ("equal", "政府全面推行清单制度", "政府全面推行清单制度")]
    assert _run("各级政府全面推行清单制度", "区政府全面推行清单制度", diff=diff) == []


def test_quoted_phrases_are_whole_and_on_words() -> None:
    """The message quotes whole phrases (up to punctuation, or cut between words when long), on both
    sides: 村级以上专项或部门应急预案 vs 街道以上专项或部门应急预案, never …专项或部."""
    p = "依法建立和完善总体应急预案和村级以上专项或部门应急预案，以及与之相衔接配套的各类预案"
    q = "依法建立和完善总体应急预案和街道以上专项或部门应急预案，以及与之相衔接配套的各类预案"
    i = p.index("村级")
    diff = [("equal", p[:i], q[:i]), ("replace", "村级", "街道"), ("equal", p[i + 2 :], q[i + 2 :])]
    hits = _run(p, q, diff=diff)
    assert [(h.parent_quote, h.fields["local_text"]) for h in hits] == [
        ("村级以上专项或部门应急预案", "街道以上专项或部门应急预案")
    ]


def test_long_phrase_is_cut_between_words() -> None:
    from engine.align.tokenize import lcut
    from engine.quote import phrase_at

    text = "全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度落实"
    for limit in range(4, 30):
        got = phrase_at(text, 0, limit)
        assert len(got) <= limit
        cuts = {0}
        for w in lcut(text):
            cuts.add(max(cuts) + len(w))
        assert len(got) in cuts, got
        back = phrase_at(text, len(text), limit, back=True)
        assert len(back) <= limit and len(text) - len(back) in cuts, back


def test_the_shipped_rule_is_the_joins_the_kind_expands_to() -> None:
    """rulesets/obligations.yaml writes the targets' judgement out as joins (weaker, missing); a rule
    that names the kind with its own options runs the joins `expand` builds: the two must say the same."""
    import pytest
    from pydantic import ValidationError

    from engine.rules.kinds.target_not_weaker import Options, expand
    from engine.rules.loader import load_rulesets

    rule = next(r for r in load_rulesets(["obligations"]).rules if r.id == "target-not-weaker")
    shipped = Options.model_validate(rule.options)
    assert shipped.weaker is not None and shipped.missing is not None
    assert expand(shipped) == expand(Options())
    assert [w for w, _ in expand(Options(check_missing=False))] == ["weaker"]
    assert expand(Options(check_targets=False)) == []
    with pytest.raises(ValidationError, match="not both"):
        Options.model_validate({**rule.options, "similar_threshold": 0.7})


def test_ask_makes_less_always_weaker() -> None:
    """The fact's `ask` carries the direction (floor, cap, frequency) so the YAML compares l.ask < p.ask."""
    from engine.models import Target
    from engine.rules.target_facts import ask, comparable

    floor60 = Target(text="不少于60学时", kind="number", value=60, unit="学时", comparator=">=")
    floor40 = Target(text="不少于40学时", kind="number", value=40, unit="学时", comparator=">=")
    cap60 = Target(text="不超过60学时", kind="number", value=60, unit="学时", comparator="<=")
    cap15 = Target(text="不超过1.5%", kind="percent", value=1.5, unit="%", comparator="<=")
    cap2 = Target(text="不超过2%", kind="percent", value=2, unit="%", comparator="<=")
    yearly = Target(text="每年一次", kind="frequency", value=1, unit="次", comparator="==", period_years=1)
    biennial = Target(text="每两年一次", kind="frequency", value=1, unit="次", comparator="==", period_years=2)
    assert ask(floor60, floor40) < ask(floor60, floor60)
    assert ask(floor60, cap60) < ask(floor60, floor60)  # a floor became a ceiling
    assert ask(cap15, cap2) < ask(cap15, cap15)  # a higher ceiling asks less
    assert ask(yearly, biennial) < ask(yearly, yearly)
    assert not comparable(cap15, Target(text="达到2%", kind="percent", value=2, unit="%", comparator=">="))
    assert not comparable(floor60, cap2)


def test_one_draft_figure_weakening_two_parent_measures_is_two_findings() -> None:
    """A draft measure that merges two parent measures with the same figure lowers both: one finding
    per parent measure (a join reports a key and quote once per draft measure AND parent measure)."""
    parent = b.plan(b.measure("(三十九)", "加强法治素养和能力建设"), b.measure("(四十)", "加强执法人员培训"),
                    level="province")
    lt = b.target("不少于40学时", 40, ">=", "学时")
    body = "每人每年接受不少于40学时的培训"
    draft = b.plan(b.measure("36", "加强法治素养和能力建设", body, lead=["区司法局"], targets=[lt]))
    pairs = [b.pair(ref, ["36"], "merged", [b.clause("每人每年接受不少于60学时的培训", body, "changed", local_item="36",
                                                      parent_targets=[P60], local_targets=[lt])])
             for ref in ("(三十九)", "(四十)")]
    hits = b.run("target_not_weaker", draft, parent, pairs)
    assert [(h.parent_item, h.quote) for h in hits] == [("(三十九)", "不少于40学时"), ("(四十)", "不少于40学时")]
