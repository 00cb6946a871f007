from engine.models import Section
from engine.rules.kinds import term_consistency as k

from ._drafting_helpers import ctx, measure, plan, run


def test_confusable_and_allowed_forms() -> None:
    d = plan([measure("1", "加快建设法制政府，落实重大执法决定法制审核制度，依法制定规范性文件。")])
    hits = run(k, ctx(d))
    assert [h.fields["wrong"] for h in hits] == ["法制"]


def test_parent_usage_makes_a_form_right() -> None:
    parent = plan([measure("(一)", "其它部门配合。")], jurisdiction="广西", level="province", parent_j=None)
    d = plan([measure("1", "其它部门配合。")])
    assert run(k, ctx(d, parent)) == []
    assert len(run(k, ctx(d))) == 1


def test_fixed_formulation_rescoped_and_localised() -> None:
    bad = plan([measure("1", "为到2035年基本建成法治城中、法治政府、法治社会奠定坚实基础。")])
    assert len(run(k, ctx(bad))) == 1
    ok = plan(
        [
            measure(
                "1",
                "坚持法治城中、法治政府、法治社会一体建设。增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            )
        ]
    )
    assert run(k, ctx(ok)) == []


def test_one_character_change_against_the_parent() -> None:
    parent = plan([measure("(一)", "加强对公共卫生、自然灾害、事故灾难、社会安全等重点领域突发事件的应急处置。")],
                  jurisdiction="广西", level="province", parent_j=None)  # fmt: skip
    d = plan([measure("1", "加强对公共卫生、自然灾害、事故灾祸、社会安全等重点领域突发事件的应急处置。")])
    hits = run(k, ctx(d, parent, [("(一)", ["1"])]))
    assert [(h.fields["wrong"], h.fields["right"], h.parent_item) for h in hits] == [
        ("事故灾祸", "事故灾难", "(一)")
    ]


def test_level_adaptations_are_not_term_changes() -> None:
    parent = plan([measure("(一)", "推动全区各级政府高效履职尽责，强化各地重大风险防范化解责任。")],
                  jurisdiction="广西", level="province", parent_j=None)  # fmt: skip
    d = plan([measure("1", "推动我区各级政府高效履职尽责，强化区级重大风险防范化解责任。")])
    assert run(k, ctx(d, parent, [("(一)", ["1"])]), confusables=False, formulations=False) == []


def test_section_heading_against_parent_heading() -> None:
    parent = plan(
        [measure("(三十七)", "打造数字法治政府。")], jurisdiction="广西", level="province", parent_j=None
    )
    parent.measures[0].path = ["九"]
    parent.measures[0].section_titles = ["健全法治政府建设保障体系"]
    s = Section(label="(八)", style="cn_paren", ordinal=8, depth=1, title="健全法制政府建设保障体系", line=1)
    d = plan([measure("1", "打造数字法治政府。")], sections=[s], lines=["(八)健全法制政府建设保障体系"])
    hits = run(k, ctx(d, parent), confusables=False)
    assert [(h.local_item, h.fields["wrong"]) for h in hits] == [("(八)", "法制政府")]


def test_synonym_verbs_are_not_term_changes() -> None:
    parent = plan([measure("(一)", "扎实推进示范创建活动，加快推进行政执法标准化建设。")],
                  jurisdiction="广西", level="province", parent_j=None)  # fmt: skip
    d = plan([measure("1", "扎实推动示范创建活动，加快推动行政执法标准化建设。")])
    assert run(k, ctx(d, parent, [("(一)", ["1"])]), confusables=False, formulations=False) == []


def test_term_span_does_not_depend_on_words_learnt_elsewhere() -> None:
    from engine.align.tokenize import Vocabulary, using

    parent = plan([measure("(一)", "健全法治政府建设保障体系，强化组织领导。")],
                  jurisdiction="广西", level="province", parent_j=None)  # fmt: skip
    d = plan([measure("1", "健全法制政府建设保障体系，强化组织领导。")])
    with using(Vocabulary(["法治政府建设", "法制政府建设"])):  # words a run learnt, as unit names are
        hits = run(k, ctx(d, parent, [("(一)", ["1"])]), confusables=False, formulations=False)
    assert [(h.fields["wrong"], h.fields["right"]) for h in hits] == [("法制政府", "法治政府")]


def test_parent_using_a_wrong_form_elsewhere_does_not_excuse_it() -> None:
    parent = plan(
        [measure("(一)", "强化法治素养，落实法制审核制度。")],
        jurisdiction="广西",
        level="province",
        parent_j=None,
    )
    d = plan([measure("1", "强化法制素养，落实法制审核制度。")])
    assert [h.fields["wrong"] for h in run(k, ctx(d, parent))] == ["法制"]


def test_remembered_slips_stay_bounded_and_give_the_same_hits() -> None:
    parent = plan([measure("(一)", "加强对公共卫生、自然灾害、事故灾难、社会安全等重点领域突发事件的应急处置。")],
                  jurisdiction="广西", level="province", parent_j=None)  # fmt: skip
    drafts = [
        plan([measure("1", f"加强对公共卫生、自然灾害、事故灾祸、社会安全等重点领域突发事件的应急处置{i}。")])
        for i in range(12)
    ]
    fresh = [[h.quote for h in run(k, ctx(d, parent, [("(一)", ["1"])]))] for d in drafts]
    assert all(len(f) == 1 for f in fresh)
    store = k._slips.memo  # engine.memo: its bound is tested in tests/test_memo.py
    store.clear()
    for _ in range(2):  # the second round reads what the first remembered
        again = [[h.quote for h in run(k, ctx(d, parent, [("(一)", ["1"])]))] for d in drafts]
        assert again == fresh
    assert store.hits >= len(drafts) and 0 < len(store) <= store.maxsize


def test_best_match_is_the_same_in_concurrent_threads() -> None:
    """The indexed matchers are kept per thread: the caller sets seq1, so a shared one would let one
    thread score its text against another's."""
    import random
    import threading

    from engine.rules.kinds.term_consistency import best_match

    rng = random.Random(7)
    alphabet = "法治政府建设依法行政推进完善制度机制"
    candidates = ["".join(rng.choice(alphabet) for _ in range(30)) for _ in range(20)]
    texts = ["".join(rng.choice(alphabet) for _ in range(30)) for _ in range(200)]
    want = [best_match(t, candidates) for t in texts]
    got: dict[int, list[tuple[float, int]]] = {}

    def work(n: int) -> None:
        got[n] = [best_match(t, candidates) for t in texts[n::2] * 5]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for n in range(2):
        assert got[n] == want[n::2] * 5
