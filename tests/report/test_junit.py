from __future__ import annotations

import xml.etree.ElementTree as ET

from engine.report.junit import JunitFormatter


def test_parses_and_counts(ctx):
    root = ET.fromstring(JunitFormatter().render(ctx))
    parent, rules = root.findall("testsuite")
    cases = parent.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "(一) 全面实行政府权责清单制度",
        "(二) 推进简政便民",
        "(三) 加强行政监管",
        "(四) 加强数据共享",
        "(五) 总体要求",
    ]
    assert all(c.get("classname") == "parent" for c in cases)
    failed = {c.get("name")[:3] for c in cases if c.find("failure") is not None}
    assert failed == {"(一)", "(三)", "(四)"}
    assert parent.get("tests") == "5" and parent.get("failures") == "3"
    rule_cases = {c.get("name"): c for c in rules.findall("testcase")}
    assert set(rule_cases) == {
        "clause_carried",
        "deadline_not_later",
        "format.symbols",
        "lead_unit_required",
        "lead_unit_vague",
        "parent_covered",
        "title_basis",
    }
    failing_rules = {n for n, c in rule_cases.items() if c.find("failure") is not None}
    assert failing_rules == {"format.symbols", "lead_unit_vague", "title_basis"}
    assert rules.get("tests") == "7" and rules.get("failures") == "3"
    assert root.get("tests") == "12" and root.get("failures") == "6"
    fail = cases[0].find("failure")
    assert fail.get("type") == "error" and "2023年年底前" in fail.text
    # the waived finding does not fail its rule, but is recorded
    assert "由区政府统一部署" in rule_cases["lead_unit_required"].find("system-out").text
