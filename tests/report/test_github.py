from __future__ import annotations

from engine.models import Evidence, Finding
from engine.report.github import GithubFormatter, escape_data, escape_property


def test_one_line_per_finding_with_level_and_location(ctx):
    lines = GithubFormatter().render(ctx).decode().splitlines()
    assert len(lines) == len(ctx.report.findings)
    assert lines[1].startswith("::error file=fixtures/draft.txt,line=4,col=16,title=deadline_not_later::")
    assert lines[0].startswith("::warning file=fixtures/draft.txt,title=title_basis::")
    assert any(ln.startswith("::notice ") for ln in lines)
    assert all("\r" not in ln for ln in lines)


def test_escaping():
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_hostile_text_stays_on_one_line(ctx):
    ctx.report.findings = [
        Finding(
            rule="r",
            check="c",
            severity="warning",
            message="第一行\n第二行 100%",
            file="dir,x/a:b.txt",
            line=3,
            column=2,
            evidence=Evidence(local="x::y"),
        )
    ]
    (line,) = GithubFormatter().render(ctx).decode().splitlines()
    assert line.startswith("::warning file=dir%2Cx/a%3Ab.txt,line=3,col=2,title=r::第一行%0A第二行 100%25")
