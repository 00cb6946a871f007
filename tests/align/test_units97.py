"""A dropped measure is not absorbed by an unrelated one (fixtures/units97/pair, README; shown by blind95 鹤壁市 → 淇县):
a parent measure with no one-to-one partner may be carried (merged) only by draft clauses that the draft measure's own
partner does not carry better (engine/align/claims.py). A short deadline clause of the dropped measure ("2027年6月底前
实现全市乡镇水质检测全覆盖") resembling the deadline of a kept one ("…实现全县乡镇规模化供水全覆盖") no longer makes it
`merged`; a real merge (two parent measures in one draft measure) still is. And the duplicate check does not take a
field line's label for words of the sentence (engine/rules/kinds/duplicate_sentence.py `_LINE_LABEL`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from engine.align import align_plans
from engine.align.claims import without_claimed
from engine.pipeline import load_plan
from engine.rules.kinds.duplicate_sentence import _CLAUSE, _units

PAIR = Path(__file__).resolve().parents[2] / "fixtures" / "units97" / "pair"


def _relations() -> dict[str, tuple[str, list[str]]]:
    parent = load_plan(str(PAIR / "hechi-city-rural-water-parent.txt"))
    child = load_plan(str(PAIR / "nandan-county-rural-water-child.txt"))
    out = {}
    for p in align_plans(parent, child).alignment:
        if p.parent_item is not None:
            out[p.parent_item.split("(")[-1]] = (p.relation, p.local_items)
    return out


def test_the_dropped_measure_is_dropped_not_merged():
    rel = _relations()
    assert rel["四)"] == ("dropped", [])
    assert rel["一)"][0] in ("same", "adapted") and rel["一)"][1] == ["二(一)"]


def test_a_real_merge_is_still_merged():
    rel = _relations()
    assert rel["六)"][0] == rel["七)"][0] == "merged"
    assert rel["六)"][1] == rel["七)"][1] == ["(五)"]


def test_claimed_clauses_are_masked_for_their_draft_only():
    mat = np.array([[0.7, 0.2, 0.6], [0.1, 0.9, 0.3]], dtype=np.float32)
    claimed = {5: np.array([0.95, 0.5], dtype=np.float32)}  # draft 5's clauses, carried by its partner
    out = without_claimed(mat, [5, 8], [2, 1], claimed, 0.02)
    # a score its partner's beats by the margin is masked (0.7 < 0.95, 0.2 < 0.5); 0.9 > 0.5 stays; draft 8 has none
    assert out.tolist() == np.array([[0.0, 0.0, 0.6], [0.0, 0.9, 0.3]], dtype=np.float32).tolist()
    assert mat[0, 0] == np.float32(0.7)  # the caller's matrix is left as it was
    assert without_claimed(mat, [5, 8], [2, 1], {}, 0.02) is mat


def test_a_field_lines_label_is_no_word_of_its_clause():
    text = "开展排查。\n网格落实：各村（社区）网格长负总责，专职网格员逐户登记\n县级责任领导：县委常委、组织部部长"
    keys = [k for _, _, k in _units(text, bytes(len(text)), _CLAUSE)]
    assert "各村社区网格长负总责" in keys and "县委常委组织部部长" in keys
    assert not any(k.startswith(("网格落实", "县级责任领导")) for k in keys)
    # a label inside a sentence stays its words
    inline = "开展排查，要求如下：各村（社区）网格长负总责"
    assert _units(inline, bytes(len(inline)), _CLAUSE)[1][2].startswith("要求如下")


MERGE_OWN = Path(__file__).resolve().parents[2] / "fixtures" / "units97" / "merge_own"


def test_a_merge_whose_sentence_its_partner_carries_better_is_still_merged():
    # reviewer's repro: the draft's one sentence joins parent (一) and (二); its partner (一) carries it a little better
    # (the shared deadline), but (二)'s own words 聘请律师担任村级法律顾问 are there and (一) has none of them
    parent = load_plan(str(MERGE_OWN / "parent.txt"))
    child = load_plan(str(MERGE_OWN / "child.txt"))
    rel = {p.parent_item.split("(")[-1]: (p.relation, p.local_items) for p in align_plans(parent, child).alignment
           if p.parent_item is not None}
    assert rel["一)"][0] == rel["二)"][0] == "merged"
    assert rel["二)"][1] == ["(一)"]
    assert rel["三)"][0] in ("same", "adapted")


def test_own_words_keep_a_clause_from_being_claimed():
    mat = np.array([[0.79]], dtype=np.float32)
    claimed = {0: np.array([0.83], dtype=np.float32)}
    assert without_claimed(mat, [0], [1], claimed, 0.02).tolist() == [[0.0]]
    assert without_claimed(mat, [0], [1], claimed, 0.02, {0: np.array([[True]])}).tolist() == [[np.float32(0.79)]]
