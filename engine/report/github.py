"""GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding.

With a baseline the title says whether a finding is new or still open (a fixed one has no line to
annotate: it is in the other formats), and a finding still open since the baseline is a notice: the
run fails on new findings only, so only they are shown as errors and warnings (GitHub also shows at
most ten of each per step, which old findings would fill).

Escaping follows the runner's rules (actions/toolkit command.ts): in data `%`, CR and LF are
percent-encoded; in properties `:` and `,` are too.
"""

from __future__ import annotations

from engine.models import Finding
from engine.report.base import Formatter, RenderContext

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    name = "github"
    description = "GitHub Actions annotations (::error/::warning/::notice lines) shown on the pull request"

    def render(self, ctx: RenderContext) -> bytes:
        lines = [_line(ctx, f) for _, _, fs in ctx.groups() for f in fs]
        return "".join(line + "\n" for line in lines).encode("utf-8")


def _line(ctx: RenderContext, f: Finding) -> str:
    props = [f"file={escape_property(ctx.finding_file(f))}"]
    if f.line:
        props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
    title = f"{f.rule} ({ctx.t('bl.' + f.baseline)})" if f.baseline else f.rule
    props.append(f"title={escape_property(title)}")
    body = [f.message]
    if f.evidence.local:
        body.append(f"{ctx.t('quote')}{ctx.colon}“{f.evidence.local}”")
    if f.parent_item or f.evidence.parent:
        basis = ctx.basis(f)
        body.append(f"{ctx.t('basis')}{ctx.colon}{basis}")
    if f.suggestion:
        body.append(f"{ctx.t('suggestion')}{ctx.colon}{f.suggestion}")
    level = "notice" if f.baseline == "unchanged" else LEVEL[f.severity]
    return f"::{level} {','.join(props)}::{escape_data(chr(10).join(body))}"
