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


def _brute_matches(across, queries, options):
    """_matches by its definition: every pair compared."""
    from rapidfuzz import fuzz

    out = []
    for b, pos in queries:
        _, _, key_b, sent_b = across[b][pos]
        first: dict[int, int] = {}
        for a in range(b):
            for apos, (_, _, key, sent) in enumerate(across[a]):
                if len(key) < options.min_len_across:
                    continue
                if fuzz.ratio(key, key_b) >= options.ratio_across or (sent and sent_b and key_b in key):
                    first.setdefault(a, apos)
        out.append(first)
    return out


def test_matches_equal_every_pair_compared_with_and_without_known_keys() -> None:
    import random

    rng = random.Random(5)
    alphabet = "法治政府建设推进依法行政加强监督完善制度体系"
    base = ["".join(rng.choice(alphabet) for _ in range(rng.randint(10, 60))) for _ in range(40)]

    def variant(s: str) -> str:
        i = rng.randrange(len(s))
        return rng.choice([s, s, s[:i] + rng.choice(alphabet) + s[i + 1 :], s[:i] + s[i + 1 :], s + "等"])

    across = [
        [(0, t, t, rng.random() < 0.3) for t in (variant(rng.choice(base)) for _ in range(rng.randint(1, 6)))]
        for _ in range(30)
    ]
    options = k.Options(ratio_across=95, min_len_across=14)
    queries = [  # as run() asks: long enough units, not all of them
        (b, p)
        for b, units in enumerate(across)
        for p, u in enumerate(units)
        if len(u[2]) >= options.min_len_across and rng.random() < 0.8
    ]
    expected = _brute_matches(across, queries, options)
    assert k._matches(across, queries, options) == expected
    # keys met before, with their matches among themselves, as _parent_keys keeps them
    old = sorted({variant(s) for s in base} | set(base[:20]))
    old = [s for s in old if len(s) >= 14]
    known: dict[str, list[str]] = {s: [] for s in old}
    for i, j in k.near_pairs(old, old, options.ratio_across):
        known[old[i]].append(old[j])
    assert k._matches(across, queries, options, {s: tuple(v) for s, v in known.items()}) == expected
    assert sum(len(x) for x in expected) > 20  # the case has matches to find


def test_a_field_line_every_task_has_is_no_repeated_sentence() -> None:
    """A task list gives each task its 完成时限 (or 责任领导) line; two tasks due at the same date do not
    repeat a sentence (measured blind on a 襄阳市 plan: a false duplicate_sentence warning)."""
    d = plan([
        measure("1", "推进医保支付方式改革，全面开展按病组付费。\n完成时限：2026年12月底前"),
        measure("2", "加强定点医药机构监管，开展飞行检查。\n完成时限：2026年12月底前"),
        measure("3", "做好异地就医直接结算，扩大门诊慢特病结算范围。\n【完成时限】2026年12月底前持续推进"),
        measure("4", "健全待遇保障机制，落实大病保险倾斜政策。\n【完成时限】2026年12月底前持续推进"),
    ])  # fmt: skip
    assert run(k, ctx(d)) == []


def test_a_repeated_sentence_about_deadlines_is_still_a_repeat() -> None:
    sentence = "完成时限要求明确的任务要按月调度进展情况"
    d = plan([measure("1", f"建立台账。{sentence}。"), measure("2", f"健全机制。{sentence}。")])
    assert [h.local_item for h in run(k, ctx(d))] == ["2"]


def test_first_earlier_equals_every_pair_compared() -> None:
    """The earliest earlier key each key repeats, from near pairs found in C (a measure of thousands of
    clauses compared them pair by pair in Python): the same as comparing every pair."""
    import random

    from rapidfuzz import fuzz

    rng = random.Random(7)
    alphabet = "法治政府建设推进依法行政加强监督完善制度体系"
    base = ["".join(rng.choice(alphabet) for _ in range(rng.randint(10, 40))) for _ in range(60)]
    keys = []
    for _ in range(400):
        s = rng.choice(base)
        i = rng.randrange(len(s))
        keys.append(rng.choice([s, s[:i] + rng.choice(alphabet) + s[i + 1 :], s[:i] + s[i + 1 :], s + "等"]))
    for ratio in (90, 95):
        want = {}
        for j in range(len(keys)):
            i = next((i for i in range(j) if fuzz.ratio(keys[i], keys[j]) >= ratio), None)
            if i is not None:
                want[j] = i
        assert k.first_earlier(keys, ratio) == want
        assert len(want) > 100  # the case has repeats to find


def test_a_measure_of_many_clauses_reports_its_repeats() -> None:
    """More clauses than `_WITHIN_PAIRWISE` take the other path: the same repeat found."""
    clauses = [f"推进第{i}批次{'法治政府建设依法行政'[i % 10:]}{'监督制度体系完善'[: i % 8]}工作" for i in range(120)]
    repeat = "重点加强对公共卫生自然灾害事故灾害等突发事件的应急处置"
    body = "，".join([*clauses[:60], repeat, *clauses[60:], repeat.replace("灾害等", "灾难等")]) + "。"
    assert len(clauses) > k._WITHIN_PAIRWISE
    hits = [h for h in run(k, ctx(plan([measure("1", body)])), across=False) if repeat[:6] in h.quote]
    assert [h.quote for h in hits] == [repeat.replace("灾害等", "灾难等")]


def test_near_pairs_equal_every_pair_compared_at_any_ratio() -> None:
    """Prefix filtering (a pair that passes shares one of the rarest few characters of each) loses no
    pair: small alphabets, repeated characters, empty keys, every ratio."""
    import random

    from rapidfuzz import fuzz

    rng = random.Random(11)
    for _ in range(200):
        alpha = rng.choice(["ab", "abc", "法治政府建设", "的的的一是", "abcdefghijklmnop"])
        base = ["".join(rng.choice(alpha) for _ in range(rng.randint(0, 30))) for _ in range(rng.randint(1, 40))]
        keys = [s if rng.random() < 0.5 else s[: rng.randint(0, len(s))] + rng.choice(alpha) + s[rng.randint(0, len(s)) :] for s in base]  # fmt: skip
        queries, ratio = keys[: len(keys) // 2 + 1], rng.choice([50, 75, 90, 95, 99, 100])
        want = {(i, j) for i, q in enumerate(queries) for j, c in enumerate(keys) if fuzz.ratio(c, q) >= ratio}
        assert set(k.near_pairs(queries, keys, ratio)) == want


def test_a_heading_opened_out_by_its_first_sentence_is_no_duplicate() -> None:
    """（三）X。X体系，…: the first sentence restates the heading with a word more (or less); a sentence written twice
    after it is still reported."""
    expanded = "将再生水纳入城市供水统一调度。将再生水纳入城市供水统一调度体系，工业冷却优先使用再生水。"
    shorter = "建设再生水利用配套管网工程。建设再生水利用配套管网，2027年底前新建管网80公里。"
    assert run(k, ctx(plan([measure("1", expanded), measure("2", shorter)]))) == []
    twice = "健全再生水价格机制。建立再生水价格动态调整机制，按季度公布价格。完善价格听证，建立再生水价格动态调整机制。"
    hits = run(k, ctx(plan([measure("1", twice)])))
    assert [h.quote for h in hits] == ["建立再生水价格动态调整机制"]
