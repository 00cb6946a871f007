from __future__ import annotations

from engine.models import Report
from engine.report.base import text_width, wrap
from engine.report.json_ import JsonFormatter
from engine.report.text import TextFormatter


def test_findings_grouped_by_measure_in_document_order(ctx):
    out = TextFormatter().render(ctx).decode()
    order = [
        out.index(x)
        for x in (
            "标题与前言",
            "title_basis",
            "1 全面实行政府权责清单制度",
            "deadline_not_later",
            "2 推进简政便民",
            "lead_unit_vague",
            "3 加强行政监管",
            "clause_carried",
            "parent_covered",
            "汇总",
            "已豁免的问题",
            "豁免清单的问题",
        )
    ]
    assert order == sorted(order)
    assert "原文：“2023年年底前”" in out
    assert "上级依据：(一) 全面实行政府权责清单制度" in out
    assert "建议：改为“2022年年底前”或更早" in out
    assert "照搬 1" in out and "缺失 1" in out and "不适用 0" in out
    assert "结果：未通过" in out
    # waived finding listed apart with reason and approver, not among the findings
    head, waived = out.split("已豁免的问题")
    assert "lead_unit_required" not in head
    assert "由区政府统一部署" in waived and "张三" in waived
    assert "已过期" in waived and "未使用" in waived


def test_fits_80_columns(ctx):
    for line in TextFormatter().render(ctx).decode().splitlines():
        assert text_width(line) <= 80, line


def test_english(ctx):
    ctx.lang = "en"
    out = TextFormatter().render(ctx).decode()
    assert "Summary" in out and "[error] deadline_not_later" in out and "Waived findings" in out


def test_wrap_keeps_closing_punctuation_off_line_starts():
    lines = wrap("一二三四五六七八九，十", 18)
    assert all(not ln.startswith("，") for ln in lines)
    assert "".join(lines) == "一二三四五六七八九，十"
    assert all(text_width(ln) <= 18 for ln in lines)


def test_json_round_trips(ctx):
    data = JsonFormatter().render(ctx)
    assert data.endswith(b"}\n")
    assert Report.model_validate_json(data) == ctx.report
    assert "“2023年年底前”".encode() in data  # ensure_ascii=False
    import json

    text = data.decode()
    assert text == json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
