"""One line per finding, `file:line:col: severity rule message`, the form editors jump from
(Emacs compile mode, Vim's quickfix, VS Code's problem matchers)."""

from __future__ import annotations

from engine.report.base import Formatter, RenderContext


class CompactFormatter(Formatter):
    name = "compact"
    description = "one line per finding, file:line:col: severity rule message (for editors)"
    suffixes = (".log",)

    def render(self, ctx: RenderContext) -> bytes:
        lines = []
        for _, _, findings in ctx.groups():
            for f in findings:
                place = ctx.finding_file(f)
                if f.line:
                    place += f":{f.line}" + (f":{f.column}" if f.column else "")
                message = " ".join(f.message.split())  # one line whatever the message holds
                if f.evidence.local:
                    quote = " ".join(f.evidence.local.split())
                    message += f"：“{quote}”" if ctx.lang == "zh" else f': "{quote}"'
                lines.append(f"{place}: {f.severity} {f.rule} {message}")
        return "".join(line + "\n" for line in lines).encode("utf-8")
