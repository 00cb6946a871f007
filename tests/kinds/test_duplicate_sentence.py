from engine.rules.kinds import duplicate_sentence as k

from ._drafting_helpers import ctx, measure, plan, run


def test_near_duplicate_within_a_measure_is_reported_on_the_second() -> None:
    d = plan(
        [
            measure(
                "1",
                "重点加强对公共卫生、自然灾害、事故灾害等突发事件的应急处置。加强对公共卫生、自然灾害、事故灾难等突发事件的应急处置。",
            )
        ]
    )
    hits = run(k, ctx(d))
    assert len(hits) == 1 and hits[0].quote.startswith("加强对公共卫生")


def test_same_task_in_two_measures_reported_once_on_the_later() -> None:
    d = plan([
        measure("1", "加大法治政府建设成就经验宣传力度，传播时代强音。"),
        measure("2", "加大法治政府建设成就经验宣传力度，展现良好形象。"),
    ])  # fmt: skip
    hits = run(k, ctx(d))
    assert [(h.local_item, h.fields["other"]) for h in hits] == [("2", "加大法治政府建设成就经验宣传力度")]
    assert run(k, ctx(d), across=False) == []


def test_formulae_repeated_everywhere_are_not_duplicates() -> None:
    phrase = "推动政府治理体系和治理能力现代化"
    d = plan([measure(str(i), f"任务{i}。{phrase}。") for i in range(1, 5)])
    assert run(k, ctx(d)) == []


def test_short_phrases_and_quoted_titles_pass() -> None:
    d = plan([
        measure("1", "加强调解工作，提高质量效率。实施《广西壮族自治区优化营商环境条例配套实施细则》。"),
        measure("2", "加强调解工作，提高质量效率。宣传《广西壮族自治区优化营商环境条例配套实施细则》。"),
    ])  # fmt: skip
    assert run(k, ctx(d)) == []


def test_a_short_sentence_copied_across_is_a_duplicate_though_its_clauses_are_short() -> None:
    d = plan([
        measure("1", "健全调解程序。坚持自愿原则，防止变相强制调解。"),
        measure("2", "完善调解组织网络。坚持自愿原则，防止变相强制调解。"),
    ])  # fmt: skip
    hits = run(k, ctx(d))
    assert [(h.local_item, h.quote) for h in hits] == [("2", "坚持自愿原则，防止变相强制调解")]
