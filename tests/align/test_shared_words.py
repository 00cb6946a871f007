"""A Words (tokens, clauses and their facts of one text) is shared by every check of that text,
concurrent ones too: its clauses are filled once, with their facts, whoever asks first."""

from __future__ import annotations

import threading

import engine.align.measures as measures
from engine.align.measures import Unit


def test_a_second_filler_never_leaves_the_clauses_without_facts(monkeypatch) -> None:
    # a text no other test fills (Words are kept by text for the whole process)
    body = "各县（市、区）要确保在2027年底前完成全部农村公路危桥改造，并及时报送进展情况。"
    first_call = threading.Event()
    release = threading.Event()
    real = measures.clause_info
    calls = []

    def slow_clause_info(text: str, with_facts: bool = True):
        calls.append(threading.current_thread().name)
        if len(calls) == 1:  # the first filler stops while it builds the list
            first_call.set()
            release.wait(5)
        return real(text, with_facts)

    monkeypatch.setattr(measures, "clause_info", slow_clause_info)
    units = [Unit(idx=0, ref="1", title="", body=body, general=False, role=None) for _ in range(2)]
    assert units[0].words is units[1].words  # one Words for one text
    got: dict[str, list] = {}
    one = threading.Thread(target=lambda: got.__setitem__("one", units[0].clauses()), name="one")
    two = threading.Thread(target=lambda: got.__setitem__("two", units[1].clauses()), name="two")
    one.start()
    assert first_call.wait(5)
    two.start()
    two.join(0.3)  # before the fix the second filler built, filled and published its own list here
    release.set()
    one.join(5)
    two.join(5)
    assert got["one"] is got["two"] is units[0].clauses()
    assert all(c.strength for c in units[0].clauses())  # 确保 / 及时: every clause has its facts
    assert units[0].clauses()[0].level == "mandatory"
