"""A plan saved as text from a paged PDF (pdftotext: pages split by form feeds), each page with a running header
and a page number "— N —" (blind5 山东省 as .txt): the furniture is no text of any measure, the lines keep their
numbers, and the plan reads as its PDF does."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

HEADER = "某市防灾减灾规划（2026—2030 年）"
PAGES = [
    [
        "某市防灾减灾规划（2026—2030 年）",
        "第一章 主要任务",
        "（一）完善应急指挥体系。健全市、县两级指挥机构，2026 年底前修订",
        "完善应急预案。（市应急局牵头，市减灾委各成员单位配合）",
        "（二）落实防灾减灾责任制。建立灾害调查评估制度，重大灾害发生后",
        "—1—",
    ],
    [
        HEADER,
        "3 个月内完成调查评估。（市应急局牵头，市委组织部配合）",
        "（三）加强监测网络建设。到 2030 年自动气象站覆盖率达到 100%。（市",
        "气象局牵头，市水利局配合）",
        "（四）提高预警发布能力。预警信息发布时效提高到 10 分钟以内。",
        "—2—",
    ],
    [
        HEADER,
        "（市气象局牵头，市通信管理局配合）",
        "第二章 保障措施",
        "各级政府要把防灾减灾工作摆在重要位置。",
        "—3—",
    ],
]


def _paged() -> str:
    return "\n\n\f".join("\n".join(page) for page in PAGES) + "\n\f"


def test_running_headers_and_page_numbers_are_no_text_of_a_measure():
    doc = from_text(_paged())
    plan = parse_plan(doc)
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)"]
    for m in plan.measures:
        assert HEADER.replace(" ", "") not in m.text.replace(" ", "") and "—" not in m.text, m.text
    assert plan.measures[1].lead_units == ["市应急局"]
    assert plan.measures[3].lead_units == ["市气象局"]
    # lines keep the numbers an editor gives them (the form feed is no line break)
    assert plan.measures[2].line == 1 + _paged().split("\n").index(PAGES[1][2])

    # a text with no page break keeps such a line: nothing shows it repeats on every page
    text = "\n".join([*PAGES[0][1:-1], "—1—"])
    assert [p.text for p in from_text(text).paragraphs][-1] == "—1—"
