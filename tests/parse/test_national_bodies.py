"""National bodies as issuers and signers (issue #16, blind36 中国民用航空局综合司 read as of no level).

A ministry, a commission, a State Council office or a national administration under a ministry (中国民用航空局/民航局,
国家铁路局, 中国气象局, 海关总署 …) issuing a plan, itself or through one of its internal offices (综合司, 办公室,
办公厅), speaks for the whole country; so does a 文号 only such a body writes (民航局综司发, 税总发, 署税发). The bodies
and codes are data (rulesets/data/national_bodies.yaml, from the State Council's organisation list). Offices such a
body keeps in places (国家税务总局长春市税务局, 国家矿山安全监察局山西局) are of the place's level, and nothing local
(省林业局, 长沙市邮政管理局, 江西省民航…) is read as national. fixtures/national36 holds whole notices."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from engine.parse import docnumber
from engine.parse.frontmatter import org_names
from engine.parse.level import PROVINCES, infer, is_national, national_codes
from engine.parse.places import gazetteer
from engine.pipeline import load_plan

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "national36"
READINGS: dict[str, dict[str, str]] = yaml.safe_load((FIXTURES / "readings.yaml").read_text("utf-8"))
DATA = yaml.safe_load((ROOT / "rulesets" / "data" / "national_bodies.yaml").read_text("utf-8"))
NAMES = sorted({b["name"] for b in DATA["bodies"]} | {s for b in DATA["bodies"] for s in b.get("short") or ()})


@pytest.mark.parametrize("name", sorted(READINGS))
def test_a_notice_reads_its_issuers_level(name: str) -> None:
    plan = load_plan(str(FIXTURES / name))
    want = READINGS[name]
    assert (plan.level, plan.jurisdiction) == (want["level"], want["jurisdiction"])


@pytest.mark.parametrize("name", NAMES)
def test_every_listed_body_issuing_is_national(name: str) -> None:
    assert infer(["数字经济发展三年行动方案", name], "") == ("全国", None, "national")
    assert is_national(f"{name}关于印发数字经济发展三年行动方案的通知")


@pytest.mark.parametrize("office", ["中国民用航空局综合司", "民航局运输司", "国家铁路局科技与法制司", "中国气象局办公室",
                                    "海关总署办公厅", "交通运输部综合规划司"])
def test_an_internal_office_of_a_national_body_signs_as_it(office: str) -> None:
    assert org_names(office) == [office]
    assert infer(["航班正常提升专项行动方案", office], "")[2] == "national"


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        ("国家税务总局长春市税务局", "city"),  # a vertically managed body's office in a city
        ("国家矿山安全监察局山西局", "province"),
        ("国家能源局山东监管办公室", "province"),
        ("国家金融监督管理总局辽宁监管局", "province"),
        ("国家统计局山西调查总队", "province"),
        ("长沙市邮政管理局", "city"),
        ("江西省民航发展促进中心", "province"),
        ("湖南省林业局", "province"),
    ],
)
def test_an_office_in_a_place_is_of_the_place(issuer: str, level: str) -> None:
    assert not is_national(issuer)
    assert infer(["快递进村三年行动方案", issuer], "")[2] == level
    assert org_names(issuer) == [issuer]  # one body, not the national body and a second one


@pytest.mark.parametrize("issuer", ["省林业局", "市邮政管理局", "民航江西监管局", "中国民用航空华东地区管理局", "运输司"])
def test_a_local_or_unplaced_body_is_not_national(issuer: str) -> None:
    assert infer(["快递进村三年行动方案", issuer], "")[2] != "national"


def test_two_issuers_run_together_stay_two() -> None:
    """A national body and a place's own body run together (a joint notice) are two issuers, not an office."""
    assert org_names("国家能源局吉林省能源局") == ["国家能源局", "吉林省能源局"]
    assert is_national("国家发展改革委北京市人民政府关于印发…的通知")


@pytest.mark.parametrize("number", ["民航局综司发〔2026〕12号", "民航发〔2025〕3号", "国办发〔2024〕5号", "国办函〔2024〕1号",
                                    "工信部联规〔2023〕5号", "人社部发〔2019〕3号", "税总征科发〔2026〕18号", "署税发〔2022〕2号",
                                    "矿安〔2026〕23号", "财建〔2023〕5号"])
def test_a_national_bodys_document_number_is_national(number: str) -> None:
    assert docnumber.read(number) == ("全国", None, "national")


@pytest.mark.parametrize("number", ["川办发〔2019〕12号", "赣市府办字〔2019〕18号", "晋矿安〔2026〕7号", "长税发〔2026〕11号",
                                    "民航华东局发〔2023〕1号", "应政发〔2023〕1号"])
def test_a_local_document_number_is_not(number: str) -> None:
    got = docnumber.read(number)
    assert got is None or got[2] != "national"


def test_no_national_code_opens_a_places_name() -> None:
    """The data's rule: a 文号 code listed as national is no opening of a division's name or a province's abbreviation
    (a local code opens with those: 交口县, 农安县 and 商丘市 are why 交/农/商 are not listed)."""
    names = [p.name for p in gazetteer().places.values()] + list(PROVINCES) + list(PROVINCES.values())
    abbreviations = yaml.safe_load((ROOT / "rulesets" / "data" / "levels.yaml").read_text("utf-8"))["doc_number"]
    for code in national_codes():
        assert not [n for n in names if n.startswith(code) or code.startswith(n)], code
        assert not [a for a in abbreviations["provinces"] if code.startswith(a)], code
