"""Without a parent, one rule's findings in two measures keep their own fingerprints: fixing the first
must not hand its fingerprint (and its waiver) to the second (review of issue 19)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from engine.cli import main

V1 = """平南县2023年法治政府建设重点任务分工方案

    一、深化行政审批制度改革
    （一）规范市场主体登记。推进“证照分离”改革全覆盖。（牵头单位：县工商局；配合单位：县商务局）
    （二）优化重大投资项目审批。做好项目审批服务。（牵头单位：县发展和改革局；配合单位：县自然资源局）
    二、严格规范行政执法
    （三）加强食品药品安全监管。开展专项检查。（牵头单位：县工商局；配合单位：县卫生健康局）
    （四）加强安全生产执法。开展安全生产检查。（牵头单位：县应急管理局；配合单位：县交通运输局）
"""


def _report(tmp: Path, name: str, text: str, *extra: str) -> dict:
    src = tmp / f"{name}.txt"
    src.write_text(text, "utf-8")
    out = tmp / f"{name}.json"
    r = CliRunner().invoke(main, ["check", str(src), "--no-parent", "--format", "json", "-o", str(out),
                                  "--fail-on", "none", *extra])  # fmt: skip
    assert r.exit_code == 0, r.output
    return json.loads(out.read_text("utf-8"))


def test_fixing_the_first_of_two_same_findings_lists_the_first_as_fixed(tmp_path: Path) -> None:
    v1 = _report(tmp_path, "v1", V1)
    outdated = [f for f in v1["findings"] if f["rule"] == "unit_outdated"]
    assert [f["local_item"] for f in outdated] == ["(一)", "(三)"]
    assert outdated[0]["fingerprint"] != outdated[1]["fingerprint"]
    v2_text = V1.replace("（牵头单位：县工商局；配合单位：县商务局）", "（牵头单位：县市场监督管理局；配合单位：县商务局）")
    v2 = _report(tmp_path, "v2", v2_text, "--baseline", str(tmp_path / "v1.json"))
    assert [f["local_item"] for f in v2["fixed"] if f["rule"] == "unit_outdated"] == ["(一)"]
    kept = next(f for f in v2["findings"] if f["rule"] == "unit_outdated")
    assert kept["local_item"] == "(三)" and kept["baseline"] == "unchanged"
    assert kept["fingerprint"] == outdated[1]["fingerprint"]
