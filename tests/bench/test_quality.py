"""The benchmark's injectors do what their key says, and the benchmark runs end to end."""

from __future__ import annotations

import json
import random
import re
from functools import cache
from pathlib import Path

import pytest

from bench.generate import make_draft
from bench.inject import CONTROLS, DEFECTS, inject
from bench.quality import PARENT, _site
from engine.ingest import from_text, load_document
from engine.models import Plan
from engine.parse import parse_plan


@cache
def _setup() -> tuple[Plan, str, Plan, dict, object]:
    parent = parse_plan(load_document(str(PARENT)))
    text, key = make_draft(parent, 1)
    plan = parse_plan(from_text(text, "g.txt"))
    carrier = {ds[0]: p for p, (ds, rel) in key.pairs.items() if rel == "same" and len(ds) == 1}
    return parent, text, plan, carrier, key


def _one(name: str, seed: int = 1):
    parent, text, plan, carrier, key = _setup()
    site = _site(plan, parent, carrier, key.place, [])
    out, entries, skipped, iplan, _ = inject(text, site, [name], random.Random(seed))
    assert not skipped, f"{name} found no place in the generated draft"
    (e,) = entries
    m = next((m for m in iplan.measures if m.ref == e.ref), None)
    return out, e, m, iplan, plan


def _ptext(parent: Plan, ref: str) -> str:
    return next(m.text for m in parent.measures if m.ref == ref)


def test_deadline_later_is_later_than_the_parent() -> None:
    _out, e, m, _, _ = _one("deadline_later")
    year = int(e.text[:4])
    assert e.text in m.text
    assert f"{year - 1}年" in _ptext(_setup()[0], e.parent)
    assert any(d.date and d.date.startswith(str(year)) for d in m.deadlines)


def test_deadline_removed_leaves_no_deadline_of_the_parent() -> None:
    _out, e, m, _, _clean = _one("deadline_removed")
    gone = e.text.lstrip("-").rstrip("，,")
    assert gone not in m.text and gone in _ptext(_setup()[0], e.parent)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_target_weaker_puts_the_weaker_form_in(seed: int) -> None:
    _out, e, m, _, _ = _one("target_weaker", seed)
    old, new = e.text.split("→")
    assert new in m.text and old in _ptext(_setup()[0], e.parent)


def test_lead_removed_and_vague() -> None:
    _, _e, m, _, _ = _one("lead_removed")
    assert m.responsibility is None or not m.lead_units
    _, _e, m, _, _ = _one("lead_vague")
    assert m.responsibility is not None and "各有关" in m.responsibility.text


def test_measure_dropped_renumbers_and_carries_nothing() -> None:
    _out, e, _m, iplan, clean = _one("measure_dropped")
    assert e.ref is None and e.parent
    title = e.text.lstrip("-")
    assert not any(x.title == title for x in iplan.measures)
    assert [x.label for x in iplan.measures] == [str(k) for k in range(1, len(clean.measures))]


def test_clause_dropped_takes_parent_text_out() -> None:
    _out, e, m, _, _ = _one("clause_dropped")
    gone = e.text.lstrip("-")
    assert gone not in m.text.replace(",", "，")


def test_numbering_breaks_the_sequence_at_the_entry() -> None:
    _out, _e, m, iplan, _clean = _one("numbering")
    labels = [int(x.label) for x in iplan.measures if x.label.isdigit()]
    assert labels != list(range(1, len(labels) + 1))
    assert m is not None


@pytest.mark.parametrize("name", ["self_reference", "legislation", "all_levels", "duplicate_in", "duplicate_across"])
def test_inserted_text_is_in_the_measure(name: str) -> None:
    _out, e, m, _, _ = _one(name)
    text = e.text.split("→")[-1]
    assert text.replace("，", ",") in m.text.replace("，", ",")
    if name == "duplicate_in":
        assert m.text.count(text[:10]) >= 2 or e.text in m.text


def test_format_injections() -> None:
    out, e, m, _, _ = _one("date_space")
    assert re.search(r"20\d\d 年", out)
    out, e, m, _, _ = _one("bracket_mixed")
    assert m.responsibility is not None and m.responsibility.bracket == "[]"
    out, e, m, _, _ = _one("clause_detached")
    assert e.text in [line.strip() for line in out.split("\n")]
    assert m.responsibility is not None and m.responsibility.detached


def test_term_swap() -> None:
    _out, e, m, _, _ = _one("term_swap")
    assert e.text.split("→")[-1] in m.text or "法制" in m.text


@pytest.mark.parametrize("name", list(CONTROLS))
def test_controls_have_a_place(name: str) -> None:
    _out, e, m, _, _ = _one(name)
    assert e.control and m is not None


def test_every_defect_names_a_place() -> None:
    for name in DEFECTS:
        _one(name)


def test_benchmark_runs_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("engine.rules.engine")
    from bench.quality import main

    assert main(["--drafts", "2", "--variants", "1", "--jobs", "1", "--no-fixture", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["generated"]["overall"]["injected"] > 10
    assert r["alignment"]["pairs"] > 0
    assert set(r) >= {"generated", "alignment", "control_false_alarms", "misses", "false_alarms"}
    assert Path(PARENT).exists()
