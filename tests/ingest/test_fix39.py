"""Three classes blind39 showed (fixtures/fix39/README.md):

1. a task-table cell listing its units one a line, a whole name filling its line and the next name below it
   (盟发展改革委 / 中国移动通信集团…, 盟大数据中心 / 盟民政局): two units, in the .pdf and its `pdftotext -layout` text,
   while a name truly wrapped stays one (科尔沁右翼前 / 旗人民政府, 中国人民银行 / 兴安盟分行);
2. each division's own self-words (自治旗 我旗/全旗, 盟 我盟, 林区 我区, 苏木 我苏木) accepted, another level's caught;
3. an annex task table whose 序号 restarts under each merged 任务类别 cell: no 顺序错乱 in .docx, .pdf, .html or text,
   a disorder inside one category still reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.ingest.pdf import names_break
from engine.parse import parse_plan
from engine.pipeline import Obligations, check_plans, load_plan
from engine.rules.ruleset import Rule

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix39"

XINGAN = [
    ("1", ["盟大数据中心"], ["盟发展改革委", "中国移动通信集团内蒙古有限公司兴安分公司"]),
    ("2", ["盟农牧局"], ["盟科学技术局", "国网兴安供电公司"]),
    ("3", ["盟商务局"], ["盟市场监管局", "中国邮政集团有限公司兴安盟分公司"]),
    ("4", ["科尔沁右翼前旗人民政府"], ["盟大数据中心", "盟民政局"]),
    ("5", ["盟人力资源和社会保障局"], ["中国人民银行兴安盟分行"]),
]


@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
def test_units_one_a_line_in_a_narrow_cell_stay_apart(suffix: str) -> None:
    plan = load_plan(str(HERE / f"xingan-league-digital-village-units{suffix}"))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == XINGAN


@pytest.mark.parametrize(
    ("last", "line", "two"),
    [
        ("州发展改革委", "中国铁路乌鲁", True),  # a whole name, then a central enterprise's (units.yaml openers)
        ("县商务局", "国网抚松县供", True),
        ("盟大数据中心", "盟民政局", True),  # a 盟's body named by its level word
        ("州商务局", "州自然资源局", True),
        ("市发展改", "革委", False),  # a name wrapped: no name ends at 改
        ("科尔沁右翼前", "旗人民政府", False),  # nor at 前, though 旗 opens a name
        ("中国人民银行", "兴安盟分行", False),  # a branch in a place
        ("县人民政府", "办公室", False),
    ],
)
def test_a_cell_line_starts_a_new_name_only_after_a_whole_one(last: str, line: str, two: bool) -> None:
    assert names_break(last, line) is two


def _findings(name: str, check: str) -> list[tuple[int | None, str]]:
    rule = Rule.model_validate({"id": check, "check": check, "severity": "warning"})
    findings, _ = check_plans(parse_plan(load_document(str(HERE / name))), Obligations(None), [rule])
    return [(f.line, f.message) for f in findings if f.check == check]


@pytest.mark.parametrize(
    ("name", "slip"),
    [
        ("morin-dawa-banner-soybean.txt", "我市"),  # 自治旗: 我旗/全旗/本旗 its own
        ("alxa-league-desert-tourism.txt", "全市"),  # 盟: 我盟/全盟/本盟
        ("shennongjia-forest-district-herbs.txt", "全县"),  # 林区: 我区/全区/本区
        ("yimin-sumu-herding-services.txt", "我镇"),  # 苏木: 我苏木/全苏木/本苏木, 我镇 another level's
    ],
)
def test_each_division_speaks_with_its_own_self_words(name: str, slip: str) -> None:
    got = _findings(name, "self_reference")
    assert len(got) == 1 and f"“{slip}”是其他层级的自称" in got[0][1], got


FORMS = [".docx", ".pdf", ".html", ".txt"]


@pytest.mark.parametrize("suffix", FORMS)
def test_numbers_restarting_under_each_category_cell_are_in_order(suffix: str) -> None:
    assert _findings(f"fusong-county-ginseng-groups{suffix}", "numbering") == []


@pytest.mark.parametrize("suffix", FORMS)
def test_a_disorder_inside_one_category_is_still_reported(suffix: str) -> None:
    got = _findings(f"fusong-county-ginseng-groups-disorder{suffix}", "numbering")
    assert any("“1”：顺序错乱" in msg for _, msg in got), got
