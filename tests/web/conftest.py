"""Shared pieces of the web tests: a small parent and draft, and the CLI's JSON to compare with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"

SMALL_PARENT = """某省法治政府建设实施方案
一、主要任务
（一）全面实行政府权责清单制度。2022年年底前，全面完善行政许可事项清单。
（二）推进简政便民。全面推行“一网通办”，压减审批时限。
（三）加强行政监管。健全以“双随机、一公开”监管和“互联网+监管”为基本手段的监管机制。
（四）加强数据共享。2024年年底前建成统一的数据共享平台。
"""

SMALL_DRAFT = """某某区法治政府建设实施方案（征求意见稿）
一、主要任务
1．全面实行政府权责清单制度。2023年年底前，全面完善行政许可事项清单。（牵头单位：区委编办）
2．推进简政便民。推行“一网通办”。（牵头单位：区政务服务管理办公室；配合单位：各有关部门）
3．加强行政监管。严格执行“双随机、一公开”监管。（牵头单位：区市场监管局）
"""


def cli_json(tmp: Path, parent: bytes, draft: bytes, *extra: str, lang: str = "zh") -> dict:
    """The report `plancheck check --format json` writes for these bytes."""
    (tmp / "parent.txt").write_bytes(parent)
    (tmp / "draft.txt").write_bytes(draft)
    out = tmp / "cli.json"
    r = CliRunner().invoke(
        main,
        ["check", str(tmp / "draft.txt"), "--parent", str(tmp / "parent.txt"), "--format", "json",
         "-o", str(out), "--lang", lang, *extra],
        catch_exceptions=False,
    )
    assert r.exit_code in (0, 1), r.output
    return json.loads(out.read_text("utf-8"))


def comparable(report: dict) -> dict:
    """A report without the file names, which differ between a CLI run and an upload."""
    report = json.loads(json.dumps(report))
    for f in [*report["findings"], *report["waived"]]:
        f.pop("file", None)
    report["summary"].pop("draft", None)
    report["summary"].pop("parent", None)
    return report


@pytest.fixture
def small() -> tuple[bytes, bytes]:
    return SMALL_PARENT.encode(), SMALL_DRAFT.encode()
