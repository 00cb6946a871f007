"""Two versions of the bundled district draft (and of the county plan), made by edits a drafting office
makes between rounds.

Version 2 fixes two defects, keeps the others (one in a reworded measure), adds two new ones and
inserts a measure near the top, so every later item is renumbered. Each edit must apply exactly once:
a fixture that changed under it fails loudly instead of testing nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"

# (old, new): each old text occurs exactly once in version 1
FIXES = [
    ("紧密结合柳州市经济社会发展需要和实际", "紧密结合城中区经济社会发展需要和实际"),  # self-reference in 6
    ("整合各级行政复议职责", "整合区级行政复议职责"),  # level-scope in 24
]
REWORDS = [  # measure 13 keeps its self-reference (我市) while its other sentences change
    ("执法公开信息应当简明扼要，通俗易懂，并进行动态调整，确保执法透明；", "执法公开信息应当准确及时、通俗易懂，并动态更新，确保执法透明；"),
]
REWORDED_DEFECT = [  # measure 31: the very sentence with its self-reference (全区) is reworded, the slip kept
    ("积极对接全区行政执法综合管理监督平台", "主动接入全区行政执法综合管理监督平台"),
]
NEW = [
    ("加强和规范行政应诉工作。", "加强和规范行政应诉工作。积极推动我市行政应诉工作规范化。"),  # self-reference
    ("健全制约协调机制。", "健全制约协调机制。制定有关行政权力运行的地方性法规。"),  # level-scope: no legislative power
]
INSERTED = "健全重大事项台账。区直各部门建立重大行政事项工作台账，按季度报送区司法局备案。（牵头单位：区司法局）"


def edit(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def renumber_with_insert(text: str, title_and_body: str, before: int = 1) -> str:
    """Insert an arabic-numbered measure before item `before` and shift every later number by one."""
    out: list[str] = []
    done = False
    for line in text.split("\n"):
        m = re.match(r"^(\s*)(\d+)([．.]\s*)(.*)$", line)
        if m:
            n = int(m.group(2))
            if n == before and not done:
                out.append(f"{m.group(1)}{n}{m.group(3)}{title_and_body}")
                done = True
            if n >= before:
                line = f"{m.group(1)}{n + 1}{m.group(3)}{m.group(4)}"
        out.append(line)
    assert done, before
    return "\n".join(out)


def version1() -> str:
    return DRAFT.read_text("utf-8")


def version2() -> str:
    text = edit(version1(), FIXES + REWORDS + REWORDED_DEFECT + NEW)
    return renumber_with_insert(text, INSERTED)


# The same story on a county plan checked without a parent: nothing anchors a finding but its own words.
COUNTY = ROOT / "fixtures" / "guangning-county-2016-2020.txt"
COUNTY_FIXES = [
    ("(责任单位:县行政服务中心、县编办、县经信局、县民政局、县信息中心、县直各有关单位,各镇人民政府)",
     "(责任单位:县行政服务中心、县编办)"),  # lead-unit-many in 2
    ("(责任单位:县直属各单位)", "(责任单位:县法制局)"),  # lead-unit-vague in 16
]
COUNTY_REWORDS = [  # 3 keeps its many lead units while its text changes
    ("加快与省对接,网上市县行政审批标准录入模块", "主动加强与省对接,完善网上市县行政审批标准录入模块"),
]
COUNTY_NEW = [
    ("提高重大决策的专家论证质量。", "提高重大决策的专家论证质量。建立我市重大决策专家库。"),  # self-reference
    ("坚持重大决策集体讨论决定。", "坚持重大决策集体讨论决定。制定重大行政决策程序的地方性法规。"),  # level-scope
]
COUNTY_INSERTED = "规范决策档案管理。各部门建立重大决策工作档案,做到资料齐全、归档及时。(责任单位:县法制局)"


def county_version1() -> str:
    return COUNTY.read_text("utf-8")


def county_version2() -> str:
    text = edit(county_version1(), COUNTY_FIXES + COUNTY_REWORDS + COUNTY_NEW)
    return renumber_with_insert(text, COUNTY_INSERTED)
