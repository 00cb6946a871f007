"""fixtures/parentfacts: a county's plan (眉县, 陕西 宝鸡) and a town's plan written from it (金渠镇), whose
background keeps the county's facts word for word (眉县是全国重要的猕猴桃生产基地, 眉县地处…, 眉县拥有…) and places
the town in it (位于眉县中部, 眉县境内的…主产区之一, 作为眉县的…大镇). The class of a held-out 榆中县 pair: none of
these is the town speaking for the county. A 全县 planted in the town's plan still is."""

from __future__ import annotations

from pathlib import Path

from engine.pipeline import check

DIR = Path(__file__).resolve().parents[2] / "fixtures" / "parentfacts"
PARENT = DIR / "meixian-county-kiwifruit-parent.txt"
CHILD = DIR / "jinqu-town-kiwifruit-child.txt"


def _self_references(child: Path) -> list[str]:
    run = check(str(child), parent_path=str(PARENT), fail_on="none")
    assert (run.draft.level, run.draft.jurisdiction) == ("town", "金渠镇")
    return [f.evidence.local or "" for f in run.report.findings if f.check == "self_reference"]


def test_the_county_s_facts_kept_by_the_town_raise_nothing() -> None:
    run = check(str(CHILD), parent_path=str(PARENT), fail_on="none")
    assert [(f.check, f.message) for f in run.report.findings] == []


def test_a_planted_county_self_word_is_still_caught(tmp_path: Path) -> None:
    text = CHILD.read_text("utf-8")
    planted = text.replace("全镇猕猴桃标准化种植面积达到3万亩", "全县猕猴桃标准化种植面积达到3万亩")
    assert planted != text
    child = tmp_path / CHILD.name
    child.write_text(planted, "utf-8")
    quotes = _self_references(child)
    assert len(quotes) == 1 and "全县猕猴桃标准化种植面积" in quotes[0], quotes
