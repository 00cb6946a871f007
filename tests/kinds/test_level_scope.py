from engine.rules.kinds import level_scope as k

from ._drafting_helpers import ctx, measure, plan, run


def _phrases(hits) -> list[str]:
    return [h.fields["phrase"] for h in hits]


def test_legislation_at_a_district_but_not_at_a_city() -> None:
    text = "推进城乡建设与管理等方面立法，制定地方性法规。"
    assert len(run(k, ctx(plan([measure("1", text)])))) == 2
    city = plan([measure("1", text)], jurisdiction="柳州市", level="city", parent_j=None)
    assert run(k, ctx(city)) == []


def test_assisting_legislation_and_referring_to_rules_pass() -> None:
    d = plan(
        [
            measure(
                "1",
                "协助配合完善立法协同机制，增强政府立法与人大立法的协同性。细化量化柳州市地方性法规设定的裁量范围。",
            )
        ]
    )
    assert run(k, ctx(d)) == []


def test_subordinates_depend_on_towns_below() -> None:
    streets = plan([measure("1", "各级政府要在区委统一领导下履职，强化各地各领域责任，推动各街道落实。")])
    assert _phrases(run(k, ctx(streets))) == ["各级政府", "各地各领域"]
    towns = plan(
        [measure("1", "各级政府要在县委统一领导下履职，各镇人民政府落实。")],
        jurisdiction="广宁县",
        parent_j="肇庆市",
    )
    assert run(k, ctx(towns)) == []


def test_formulae_with_gejidon_not_report() -> None:
    d = plan(
        [
            measure(
                "1",
                "以及与之相衔接配套的各级各类突发事件应急预案，切实调动各级特别是基层政府工作人员的积极性。",
            )
        ]
    )
    assert run(k, ctx(d)) == []


def test_higher_levels_plan_and_scope() -> None:
    d = plan([measure("1", "依法建立和完善市、区总体应急预案。进一步整合优化全自治区政务服务资源。")])
    assert len(run(k, ctx(d))) == 2
    assert run(k, ctx(d), other_level_plans=False, higher_scope=False) == []


def test_sections_are_checked_too() -> None:
    from engine.models import Section

    s = Section(
        label="(二)",
        style="cn_paren",
        ordinal=2,
        depth=1,
        title="健全依法行政制度体系",
        text="着力实现政府立法质量和效率并重并进。",
    )
    d = plan(
        [measure("1", "推进依法行政。")],
        sections=[s],
        lines=["健全依法行政制度体系", "着力实现政府立法质量和效率并重并进。"],
    )
    hits = run(k, ctx(d))
    assert [(h.local_item, h.line) for h in hits] == [("(二)", 2)]


def test_legislation_verb_and_law_within_one_clause() -> None:
    d = plan([measure("1", "研究制定城市管理方面的政府规章。")])
    assert _phrases(run(k, ctx(d))) == ["制定城市管理方面的政府规章"]
    ok = plan(
        [measure("1", "严格执行上级制定的政府规章，依法制定规范性文件，加强规章备案。制定内部规章制度。")]
    )
    assert run(k, ctx(ok)) == []


def test_localities_only_mentioned_are_not_addressed() -> None:
    county = dict(jurisdiction="嵩县", parent_j="洛阳市")
    mentioned = plan(
        [measure("1", "深刻汲取近期各地火灾事故教训，认真总结各地经验，借鉴各地的好做法，吸引全国各地游客。")],
        **county,
    )
    assert run(k, ctx(mentioned)) == []
    addressed = plan([measure("1", "各地要开展隐患排查，督促各地落实经验做法。")], **county)
    assert _phrases(run(k, ctx(addressed))) == ["各地", "各地"]


def test_localities_as_places_one_goes_to_or_draws_from_are_not_addressed() -> None:
    """各地 as where a town's or county's people go or whom they draw (赴各地艺术院校开展推介, blind20 横道河子镇;
    面向各地客商招商, 吸引各地游客, 来自各地的) names places, not the levels below; 各地要… still addresses them."""
    town = dict(jurisdiction="横道河子镇", parent_j="海林市", level="town")
    mentioned = plan(
        [
            measure("1", "赴各地艺术院校开展推介，每年新签约合作高校10所以上。"),
            measure("2", "面向各地客商开展招商推介，吸引各地游客来镇写生，接待来自各地的研学团队，邀请各地画家来镇采风。"),
        ],
        **town,
    )
    assert run(k, ctx(mentioned)) == []
    addressed = plan([measure("1", "各地要赴重点院校开展推介，指导各地落实。")], **town)
    assert _phrases(run(k, ctx(addressed))) == ["各地", "各地"]
