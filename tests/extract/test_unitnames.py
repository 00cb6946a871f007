"""Reading unit names: the trie regex finds exactly what the plain alternation finds, and names read
the same in any order (the memo of read_unit gives what a fresh read gives)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from engine.extract.unitnames import Where, _mentions, load_registry, mentions, read_unit, trie_regex
from engine.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _plain(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def test_trie_regex_matches_what_the_plain_alternation_matches() -> None:
    reg = load_registry()
    words = {f for f in reg.forms}
    trie, plain = re.compile(trie_regex(words)), re.compile(_plain(words))
    texts = [p.read_text("utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    rng = random.Random(7)
    alphabet = "".join(sorted({c for w in words for c in w}))
    texts += ["".join(rng.choice(alphabet) for _ in range(400)) for _ in range(50)]
    texts += ["县" + w + "、" + w[:-1] for w in sorted(words)]
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert re.fullmatch(trie_regex(set()), "") is None


def test_memoised_reads_equal_fresh_reads() -> None:
    reg = load_registry()
    plan = load_plan(str(FIXTURES / "chengzhong-district-draft.txt"))
    where = Where.of(plan)
    first = mentions(plan, reg)
    read_unit.memo.clear()  # type: ignore[attr-defined]
    _mentions.memo.clear()  # type: ignore[attr-defined]
    again = mentions(plan, reg)
    assert first == again and [m.context for m in first] == [m.context for m in again]
    assert all(read_unit(m.read.name, where, reg) == m.read for m in first if m.role != "text")


def test_names_in_text_are_what_the_plain_pattern_finds() -> None:
    import yaml

    from engine.extract.unitnames import _names_in, text_pattern_plain
    from engine.ingest import from_text
    from engine.parse import parse_plan

    reg = load_registry()
    plans = [load_plan(str(path)) for path in sorted(FIXTURES.glob("*.txt"))]
    for case_file in sorted((FIXTURES.parent / "tests" / "cases").glob("*.yaml")):
        for case in yaml.safe_load(case_file.read_text("utf-8"))["cases"]:
            plans.append(parse_plan(from_text(case["draft"], "draft.txt")))
    for plan in plans:
        where = Where.of(plan)
        plain = text_pattern_plain(where, reg)
        for text in [m.text for m in plan.measures] + [plan.closing, plan.preamble]:
            assert list(_names_in(text, where, reg)) == [m.span() for m in plain.finditer(text)], text


def test_a_text_mention_carries_its_clause() -> None:
    """The clause around each name in the text (its context), found from the stops read once: the same
    as searching back and forth from each name (quadratic in a long closing text)."""
    from engine.extract.unitnames import _in_text, _names_in

    reg = load_registry()
    plan = load_plan(str(FIXTURES / "chengzhong-district-draft.txt"))
    where = Where.of(plan)
    text = "\n".join(m.text for m in plan.measures) + "；！？" + plan.closing
    want = []
    for a, b in _names_in(text, where, reg):
        if read_unit(text[a:b], where, reg).known:
            start = max(text.rfind(c, 0, a) for c in "。；;！？\n") + 1
            stop = min((i for i in (text.find(c, b) for c in "。；;！？\n") if i >= 0), default=len(text))
            want.append(text[start:stop])
    got = [m.context for m in _in_text("x", text, where, reg, set())]
    assert got == want and len(got) > 20
