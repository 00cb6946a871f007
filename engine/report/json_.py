"""The Report itself as JSON: the machine-readable record (validated against schemas/report.schema.json)."""

from __future__ import annotations

import json

from engine.report.base import Formatter, RenderContext


class JsonFormatter(Formatter):
    name = "json"
    description = "the full report as JSON (schemas/report.schema.json): sorted keys, UTF-8"
    suffixes = (".json",)

    def render(self, ctx: RenderContext) -> bytes:
        data = ctx.report.model_dump(mode="json")
        return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
