"""转发 notices that add their own items (结合我县实际，提出以下贯彻意见：一、…): the notice is the document.

Its heading (with the issuer's line above it) is the title, its issuer's place the jurisdiction and level, the
items under it the measures. fixtures/fix42 holds two such notices (county, city); a notice signed before the
forwarded text (fixtures/forwarded) still reads as the forwarded document.
"""

from __future__ import annotations

from pathlib import Path

from engine.ingest import load_document
from engine.parse import parse_plan

ROOT = Path(__file__).resolve().parents[2] / "fixtures"


def _plan(name: str):
    return parse_plan(load_document(str(ROOT / name)))


def _units(plan) -> list[tuple[list[str], list[str]]]:
    return [([u.name for u in m.responsibility.lead], [u.name for u in m.responsibility.support]) for m in plan.measures]


def test_county_notice_with_its_own_items_is_the_document():
    plan = _plan("fix42/county-office-forwards-with-own-items.txt")
    assert plan.title == "某某县人民政府办公室关于转发某某市农村生活垃圾治理三年行动方案的通知"
    assert (plan.level, plan.jurisdiction) == ("county", "某某县")
    assert [m.ref for m in plan.measures] == ["一", "二", "三"]
    assert _units(plan)[0] == (["县住房城乡建设局"], ["各乡镇人民政府"])


def test_city_notice_with_its_own_requirements_is_the_document():
    plan = _plan("fix42/city-office-forwards-with-own-requirements.txt")
    assert plan.title == "某某市人民政府办公室关于转发省应急管理厅关于加强防汛转移避险工作实施方案的通知"
    assert (plan.level, plan.jurisdiction) == ("city", "某某市")
    assert len(plan.measures) == 2


def test_a_notice_signed_before_the_forwarded_text_still_forwards_it():
    # the forwarded 意见 follows the notice's signature; its preamble's 现提出如下意见 is not the notice's
    plan = _plan("forwarded/city-office-forwards-cited-only.txt")
    assert plan.title == "关于加快冷链物流发展的意见"
