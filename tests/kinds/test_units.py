"""The unit and reference checks on whole drafts: recall and zero false alarms on a county draft of our
own (fixtures/units-county-draft.txt), none of these findings on the two real drafts, the registry
and reference data valid, bad registries reported with file and line, and `plancheck units`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from engine import SCHEMAS_DIR
from engine.cli import main
from engine.errors import PlancheckError
from engine.extract.unitnames import REGISTRY_PATH, Where, load_registry, read_registry_file, read_unit
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.dating import draft_date, title_year
from engine.pipeline import check
from engine.rules.kinds.reference_outdated import REFERENCES_PATH

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CHECKS = {"unit_outdated", "unit_level", "unit_naming", "reference_outdated"}


def _found(path: Path, **kw: object) -> set[tuple[str, str | None, str]]:
    run = check(str(path), allow_no_parent=True, **kw)  # type: ignore[arg-type]
    return {(f.check, f.local_item, f.evidence.local or "") for f in run.report.findings if f.check in CHECKS}


def test_county_draft_every_defect_and_no_control() -> None:
    got = _found(FIXTURES / "units-county-draft.txt")
    want = {
        ("reference_outdated", None, "党的十九大"),
        ("reference_outdated", None, "《法治政府建设实施纲要（2015—2020年）》"),
        ("unit_outdated", "2", "县法制办"),
        ("unit_naming", "3", "县发改局"),
        ("unit_outdated", "4", "县工商局"),
        ("unit_outdated", "6", "县环保局"),
        ("unit_level", "8", "省司法厅"),
        ("unit_outdated", "10", "县卫计局"),
        ("reference_outdated", "14", "《中华人民共和国合同法》"),
    }
    assert got == want


def test_county_controls_draft_gets_nothing() -> None:
    # current names full and short, party departments, branches, vertical units, courts, mass
    # organisations, upper bodies quoted in the text, history (原县工商局, 党的十九大以来) and current
    # references (二十大, 2021—2025 纲要, 民法典, 信访工作条例): 60-odd names, none a finding
    assert _found(FIXTURES / "units-county-controls.txt") == set()


@pytest.mark.parametrize("name", ["chengzhong-district-draft.txt", "guangning-county-2016-2020.txt"])
def test_real_drafts_get_none_of_these_findings(name: str) -> None:
    # the district draft has no date: also with a date after the 2018 reform and the 20th congress (in
    # 2025 its 区乡村振兴办 would rightly be reported: the 2023 reform merged it into 农业农村)
    assert _found(FIXTURES / name) == set()
    assert _found(FIXTURES / name, date=dt.date(2023, 6, 1)) == set()


def test_report_says_which_date_was_used() -> None:
    run = check(str(FIXTURES / "chengzhong-district-draft.txt"), allow_no_parent=True)
    s = run.report.summary
    assert (s.draft_date, s.draft_date_source) == (None, "none")
    assert s.skipped == ["unit_outdated", "reference_outdated", "reference_period_ended"]
    s = check(str(FIXTURES / "guangning-county-2016-2020.txt"), allow_no_parent=True).report.summary
    assert (s.draft_date, s.draft_date_source, s.skipped) == ("2017-07-07", "date_line", [])


def test_draft_date_sources() -> None:
    plan = parse_plan(from_text("广宁县法治政府建设实施方案(2021-2025年)\n1.推进依法行政。(牵头单位:县司法局)\n"))
    assert draft_date(plan) == (None, "none")
    assert draft_date(plan, "2023-05-01") == ("2023-05-01", "option")
    assert title_year("广宁县2023年法治政府建设工作要点") == 2023
    assert title_year("关于印发《2019年工作要点》的通知") is None  # another document's year
    signed = parse_plan(from_text("某县法治政府建设工作方案\n某县司法局\n二〇二三年五月\n一、主要任务\n1.推进依法行政。(牵头单位:县司法局)\n"))
    assert draft_date(signed, "2020-01-01") == ("2023-05-01", "date_line")  # the text's own date wins


@pytest.mark.parametrize(
    ("name", "relation"),
    [
        ("区司法局", "self"), ("城中区司法局", "self"), ("城中生态环境局", "self"), ("区委编办", "self"),
        ("市司法局", "upper"), ("自治区司法厅", "upper"), ("司法厅", "upper"), ("司法部", "upper"),
        ("柳北区司法局", "other"), ("市公安局城中分局", "branch"), ("某镇人民政府", "unknown"),
    ],
)
def test_where_a_unit_sits(name: str, relation: str) -> None:
    read = read_unit(name, Where("county", "城中区", "柳州市"), load_registry())
    assert read.relation == relation


def test_shipped_data_match_their_schemas() -> None:
    for data, schema in ((REGISTRY_PATH, "unit_registry"), (REFERENCES_PATH, "references")):
        instance = yaml.safe_load(data.read_text("utf-8"))
        instance = json.loads(json.dumps(instance, default=str))  # dates as ISO strings, as JSON has them
        jsonschema.validate(instance, json.loads((SCHEMAS_DIR / f"{schema}.schema.json").read_text("utf-8")))


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ("bodies:\n  - id: x\n    local: [甲局]\n    colour: red\n", 4, "bodies[0].colour"),
        ("sources: {}\nbodies:\n  - {id: x, local: [甲局]}\nrenames:\n  - {old: [乙局], successor: y, until: 2019-03-31, source: s}\n",
         5, "renames[0].successor"),
        ("bodies: [\n", 2, None),
    ],
)
def test_bad_registry_names_file_line_and_key(tmp_path: Path, text: str, line: int, key: str | None) -> None:
    p = tmp_path / "reg.yaml"
    p.write_text(text, "utf-8")
    with pytest.raises(PlancheckError) as e:
        read_registry_file(p)
    assert e.value.fields["line"] == line
    if key:
        assert e.value.fields["key"] == key
    r = CliRunner().invoke(main, ["check", "--no-parent", "--unit-registry", str(p), str(FIXTURES / "units-county-draft.txt")])
    assert r.exit_code == 2 and "reg.yaml" in r.output and "Traceback" not in r.output


def test_office_registry_adds_units(tmp_path: Path) -> None:
    p = tmp_path / "office.yaml"
    p.write_text("bodies:\n  - {id: roads, local: [公路发展中心, 公路中心]}\n", "utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("广宁县法治政府建设工作方案\n1.加强公路执法。(牵头单位:县公路中心)\n2.加强路政。(牵头单位:县公路发展中心)\n", "utf-8")
    assert _found(draft) == set()  # unknown to the shipped registry: never a guess
    assert _found(draft, unit_registries=(str(p),)) == {("unit_naming", "1", "县公路中心")}


def test_units_command_lists_and_proposes(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["units", "--format", "json", str(FIXTURES / "units-county-draft.txt")])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    by_name = {(x["item"], x["name"]): x for x in rows}
    assert by_name[("2", "县法制办")]["status"] == "outdated" and by_name[("2", "县法制办")]["successor"] == "县司法局"
    assert by_name[("8", "省司法厅")]["relation"] == "upper"
    assert by_name[("1", "县委编办")]["status"] == "current"
    out = tmp_path / "proposed.yaml"
    r = CliRunner().invoke(main, ["units", "--registry", str(out), str(FIXTURES / "chengzhong-district-draft.txt"),
                                  str(FIXTURES / "guangning-county-2016-2020.txt")])
    assert r.exit_code == 0, r.output
    proposed = read_registry_file(out)  # a valid registry, ready to curate
    forms = {f for b in proposed.bodies for f in b.local}
    assert "公路局" in forms and "司法局" not in forms
    r = CliRunner().invoke(main, ["units", "--registry", str(out), str(FIXTURES / "guangning-county-2016-2020.txt")])
    assert r.exit_code == 2  # never overwrites without --force


def test_text_summary_names_the_date_or_the_skipped_checks() -> None:
    draft = str(FIXTURES / "chengzhong-district-draft.txt")
    r = CliRunner().invoke(main, ["check", "--no-parent", "--fail-on", "none", draft])
    assert "已跳过按日期的判断：unit_outdated、reference_outdated、reference_period_ended（只报告文中自身可证的" in r.output.replace(
        "\n  ", ""
    )  # wrapped
    r = CliRunner().invoke(main, ["check", "--no-parent", "--fail-on", "none", "--date", "2023-06-01", "--lang", "en", draft])
    assert "Draft date: 2023-06-01 (from --date)" in r.output.replace("\n  ", " ")
    r = CliRunner().invoke(main, ["check", "--no-parent", "--date", "2023-13-01", draft])
    assert r.exit_code == 2


def test_outside_county_draft_of_another_province_and_domain() -> None:
    # an outside judge's 湖南 county 安全生产 draft (fixtures/units-hunan-safety-draft.txt), written
    # before reading the checks: 9 planted defects, each found by its rule, nothing else
    got = _found(FIXTURES / "units-hunan-safety-draft.txt")
    assert got == {
        ("reference_outdated", None, "党的十九大"),
        ("reference_outdated", None, "“十三五”规划"),
        ("unit_outdated", "5", "县安监局"),
        ("unit_outdated", "9", "县工商局"),
        ("unit_level", "12", "常德市住房和城乡建设局"),
        ("unit_naming", "13", "县住建局"),
        ("unit_outdated", "15", "县卫计局"),
        ("unit_level", "19", "省应急管理厅"),
        ("reference_outdated", "23", "《中华人民共和国合同法》"),
    }


def test_outside_county_controls_get_nothing() -> None:
    # 湖南 county 乡村振兴 plan (fixtures/units-hunan-rural-controls.txt): 160-odd unit mentions in
    # 牵头/责任 clauses (县委编办, 县发改局, 县人社局, 市…局临澧分局, vertical units, courts, 乡镇/村)
    # and references current or quoted as history: none a finding
    assert _found(FIXTURES / "units-hunan-rural-controls.txt") == set()


@pytest.mark.parametrize(
    ("name", "renamed"),
    [
        ("县文化广电新闻出版旅游局", False),  # created by 江西 counties in the 2019 reform: current
        ("县文化广电体育和旅游局", False),
        ("县文广新局", True),  # the body it replaced
        ("县旅游局", True),
    ],
)
def test_county_culture_and_tourism_names(name: str, renamed: bool) -> None:
    read = read_unit(name, Where("county", "某某县", "某某市"), load_registry())
    assert read.known and (read.rename is not None) == renamed, read
