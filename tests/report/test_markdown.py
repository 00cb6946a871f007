from __future__ import annotations

from engine.models import Evidence, Finding
from engine.report.markdown import MarkdownFormatter


def test_tables_and_sections(ctx):
    md = MarkdownFormatter().render(ctx).decode()
    assert md.startswith("## plancheck 0.1.0")
    assert "| 2 | 3 | 1 | 1 |" in md
    assert "| 1 | 2 | 0 | 0 | 1 | 0 | 1 |" in md
    assert "缺失：(四) 加强数据共享" in md
    assert md.count("<details") == md.count("</details>") == 6  # 5 groups + waived
    rows = [ln for ln in md.splitlines() if ln[:3] in ("| 🔴", "| 🟡", "| 🔵") and "`" in ln]
    assert len(rows) == len(ctx.report.findings) + len(ctx.report.waived)
    lt = next(r for r in rows if "format.symbols" in r)
    assert "审批时限&lt;5个工作日" in lt
    cols = [r.count(" | ") for r in rows if "waived" not in r]
    assert len(set(cols[:-1])) == 1


def test_pipes_and_newlines_escaped(ctx):
    ctx.report.findings = [
        Finding(
            rule="r",
            check="c",
            severity="error",
            message="a|b\nc",
            local_item="1",
            line=4,
            column=1,
            evidence=Evidence(local="x|y"),
        )
    ]
    md = MarkdownFormatter().render(ctx).decode()
    row = next(ln for ln in md.splitlines() if "`r`" in ln)
    assert "a\\|b<br>c" in row and "x\\|y" in row
    assert row.replace("\\|", "").count("|") == 8
