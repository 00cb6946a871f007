"""Hostile long clauses: one measure of ~200,000 characters of responsibility wording (a 会同 chain with no 、, a
unit list of 40,000 names, a run of 由) is read in work linear in its length. Each guard counts the work it bounds
(the characters judged, the patterns tried, the text cut), so none depends on the machine's speed; one end-to-end
bound is generous, as in tests/ingest/test_budgets.py (it took 75 s and 16 GB before)."""

from __future__ import annotations

import bisect
import random
import tempfile
import time
from pathlib import Path

import pytest

from engine import quote
from engine.extract import responsibility as R
from engine.extract import unitnames as U
from engine.pipeline import load_plan

ROOT = Path(__file__).resolve().parents[2]
HEAD = "一、重点任务\n（一）推进工作。"


def _fixture_texts() -> list[str]:
    return [p.read_text("utf-8", errors="ignore") for p in sorted((ROOT / "fixtures").glob("*.txt"))]


def test_a_chain_of_huitong_judges_a_name_window_not_every_prefix(monkeypatch):
    """"X会同X会同…" with no 、: each possible end of the first name was judged on the whole prefix before it."""
    judged: list[int] = []
    real = R.reads_as_unit
    monkeypatch.setattr(R, "reads_as_unit", lambda name: judged.append(len(name)) or real(name))
    text = "州交通运输局会同" * 24000
    R._leading_units(text)
    assert sum(judged) <= 3 * len(text)  # the whole item once or twice, then prefixes of at most _UNIT_CUT_MAX
    assert all(n <= R._UNIT_CUT_MAX or n == len(text) for n in judged)


def test_a_unit_cut_is_the_first_strong_end_as_before():
    # 县住房和城乡|建设局推进: the end after 局 (strong), not after 乡
    assert R._leading_units("县住房和城乡建设局推进改造")[0] == ["县住房和城乡建设局"]
    assert R._leading_units("县财政局、县住房和城乡建设局组织实施")[0] == ["县财政局", "县住房和城乡建设局"]


class _Counting:
    """INLINE_TEXT_RE, counting the places it is tried at."""

    def __init__(self, pattern):
        self.pattern, self.tries = pattern, 0

    def match(self, text, pos=0):
        self.tries += 1
        return self.pattern.match(text, pos)

    def finditer(self, *args):
        return self.pattern.finditer(*args)


@pytest.mark.parametrize(
    "text",
    ["由" * 200_000, ("由" * 50 + "，") * 4000, "由县财政局" * 40_000],
)
def test_a_run_of_you_tries_the_pattern_only_before_a_lead_verb(monkeypatch, text):
    counting = _Counting(R.INLINE_TEXT_RE)
    monkeypatch.setattr(R, "INLINE_TEXT_RE", counting)
    assert R._inline_text_matches.__wrapped__(text) == ()
    assert counting.tries == 0


def test_the_you_matches_are_those_of_finditer():
    texts = [*_fixture_texts(), "由" * 3000 + "牵头", "由由县财政局牵头，县交通运输局配合。" * 40, "由县财政局牵头，" * 500]
    for text in texts:
        want = [(m.span(), m.groupdict()) for m in R.INLINE_TEXT_RE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in R._inline_text_matches.__wrapped__(text)] == want


def test_names_in_one_clause_share_its_text():
    """40,000 names in a list with no clause stop held a copy of the whole list each (16 GB)."""
    text = HEAD + "县财政局、" * 40_000 + "负责。\n"
    plan = load_plan_text(text)
    found = U.mentions(plan, U.load_registry())
    contexts = {id(m.context) for m in found if m.role == "text"}
    assert len([m for m in found if m.role == "text"]) > 1000
    assert len(contexts) <= 2


def load_plan_text(text: str):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "plan.txt"
        path.write_text(text, "utf-8")
        return load_plan(str(path))


def test_prefix_start_reads_the_longest_place_as_the_plain_loop():
    places = ("柳州市", "柳州", "城中区", "中区", "广西壮族自治区", "自治区", "区")
    places = tuple(sorted(places, key=lambda p: (-len(p), p)))
    rng = random.Random(7)
    pieces = ["中共", "柳州市", "城中区", "委", "党委", "人民政府", "政府", "区", "广西壮族自治区", "州"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for end in range(len(text) + 1):
            assert U._prefix_start(text, end, places) == _plain_prefix_start(text, end, places)


def _plain_prefix_start(text, end, places):
    best = None
    for gov in ("人民政府", "政府", ""):
        e1 = end - len(gov)
        if e1 < 0 or text[e1:end] != gov:
            continue
        for party in ("党委", "委", ""):
            e2 = e1 - len(party)
            if e2 < 0 or text[e2:e1] != party:
                continue
            for p in places:
                s0 = e2 - len(p)
                if s0 >= 0 and text[s0:e2] == p:
                    if s0 >= 2 and text[s0 - 2 : s0] == "中共":
                        s0 -= 2
                    best = s0 if best is None else min(best, s0)
                    break
    return best


def test_a_quote_in_a_long_measure_cuts_only_near_its_ends(monkeypatch):
    cut: list[int] = []
    real = quote.lcut
    monkeypatch.setattr(quote, "lcut", lambda t: cut.append(len(t)) or real(t))
    text = "由" * 200_000
    quote.on_words(text, 100, 150_000)
    quote.shorten(text)
    assert cut and max(cut) <= 4 * quote._WINDOW


def test_a_quote_on_words_is_as_the_whole_cut_on_real_text():
    rng = random.Random(3)
    for text in _fixture_texts():
        if len(text) <= quote._WHOLE:
            continue
        b = quote._bounds(text)
        for _ in range(100):
            s = rng.randrange(len(text))
            e = min(len(text), s + rng.randrange(1, 400))
            i, j = bisect.bisect_right(b, s) - 1, bisect.bisect_left(b, e)
            want = (b[i] if s - b[i] <= 4 else s, b[j] if j < len(b) and b[j] - e <= 4 else e)
            assert quote.on_words(text, s, e) == want
        whole = quote._bounds(text)
        half = (80 - len(quote.ELLIPSIS)) // 2
        head = max((x for x in whole if x <= half), default=half) or half
        tail = min((x for x in whole if x >= len(text) - half), default=len(text) - half)
        tail = len(text) - half if tail >= len(text) else tail
        assert quote.shorten(text) == text[:head] + quote.ELLIPSIS + text[tail:]


@pytest.mark.parametrize(
    "body",
    ["州交通运输局会同" * 24000, "县财政局、" * 40000 + "负责。", "由" * 200_000, "县农业农村局牵头，县财政局配合，" * 12000],
    ids=["huitong-chain", "dun-list", "you-run", "lead-support"],
)
def test_a_hostile_clause_parses_in_bounded_time(body):
    t = time.process_time()
    load_plan_text(HEAD + body + "\n")
    assert time.process_time() - t < 20  # generous: this guards against quadratic work (75 s before), not speed
