from engine.rules.kinds import self_reference as k

from ._drafting_helpers import ctx, measure, plan, run


def test_other_levels_words_in_a_district_plan() -> None:
    d = plan(
        [measure("1", "细化量化我市地方性法规设定的裁量范围，基本建成覆盖全市的工作体系，我区各部门落实。")]
    )
    hits = run(k, ctx(d))
    assert sorted(h.fields["word"] for h in hits) == ["全市", "我市"]
    assert all(h.local_item == "1" for h in hits)


def test_own_words_reference_contexts_and_quoted_titles_pass() -> None:
    d = plan(
        [
            measure(
                "1",
                "推动我区高效履职，按照全市统一部署，走在全市前列，实施《本市优化营商环境条例》，健全市场监管。",
            )
        ]
    )
    assert run(k, ctx(d)) == []


def test_words_are_chosen_by_the_jurisdiction_suffix() -> None:
    county = plan([measure("1", "结合我县实际，全县各部门落实。")], jurisdiction="广宁县", parent_j="肇庆市")
    assert run(k, ctx(county)) == []
    town = plan([measure("1", "结合我县实际推进。")], jurisdiction="排沙镇", level="town", parent_j="广宁县")
    assert [h.fields["word"] for h in run(k, ctx(town))] == ["我县"]


def test_place_name_replaced_and_kept_via_alignment() -> None:
    parent = plan([measure("(一)", "立足推进广西治理体系和治理能力现代化，不断提高广西经济发展法治保障水平。")],
                  jurisdiction="广西", level="province", parent_j=None)  # fmt: skip
    d = plan([measure("1", "立足推进柳州治理体系和治理能力现代化，不断提高广西经济发展法治保障水平。")])
    hits = run(k, ctx(d, parent, [("(一)", ["1"])]))
    assert {(h.fields["word"], h.parent_item) for h in hits} == {("柳州", "(一)"), ("广西", "(一)")}


def test_own_name_and_enumerated_higher_levels_pass() -> None:
    parent = plan(
        [measure("(一)", "立足推进广西治理体系和治理能力现代化。")],
        jurisdiction="广西",
        level="province",
        parent_j=None,
    )
    d = plan(
        [measure("1", "立足推进城中区治理体系和治理能力现代化，严格执行国家、自治区、柳州市和城中区的规定。")]
    )
    assert run(k, ctx(d, parent, [("(一)", ["1"])])) == []


def test_region_word_after_a_connect_verb_changes_meaning() -> None:
    parent = plan(
        [measure("(一)", "建立全区行政执法数据库。")], jurisdiction="广西", level="province", parent_j=None
    )
    d = plan([measure("1", "积极接入全区行政执法数据库，全区各部门要落实。")])
    hits = run(k, ctx(d, parent, [("(一)", ["1"])]))
    assert [h.quote for h in hits] == ["积极接入全区行政执法数据库"]
    assert run(k, ctx(d, parent), changed_meaning=False) == []


def test_jurisdiction_suffix_is_read_at_the_end() -> None:
    from engine.rules import places

    d = plan([measure("1", "推动全区各部门高效履职，推动我市法治政府建设。")], jurisdiction="宜州", parent_j="河池市",
             title="河池市宜州区法治政府建设实施方案")  # fmt: skip
    assert places.jurisdiction(d) == "宜州区"
    assert places.suffix_of("宜州区", "county") == "区"
    assert places.suffix_of("恭城瑶族自治县", "county") == "自治县"
    assert [h.fields["word"] for h in run(k, ctx(d))] == ["我市"]


def test_parent_name_in_a_lower_plan_unless_a_reference_or_a_proper_name() -> None:
    parent = plan(
        [measure("(一)", "推动各级政府高效履职尽责。")], jurisdiction="广西", level="province", parent_j=None
    )
    d = plan([
        measure("1", "推动广西政府高效履职尽责。"),
        measure("2", "依据广西有关规定，对接广西政务服务平台，助力中国（广西）自由贸易试验区发展。"),
    ])  # fmt: skip
    hits = run(k, ctx(d, parent, [("(一)", ["1"])]))
    assert [(h.local_item, h.fields["word"]) for h in hits] == [("1", "广西")]
    same_level = plan(
        [measure("1", "推动广西政府高效履职尽责。")], jurisdiction="贵州", level="province", parent_j=None
    )
    assert run(k, ctx(same_level, parent)) == []
