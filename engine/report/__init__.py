"""The one table of output formats. Each format is one module here with one Formatter subclass.

`tests/report/test_registry.py` fails when a module in this folder is missing from FORMATTERS or a
formatter lacks a description. The CLI only looks a name up here and calls `render(ctx)`.
"""

from __future__ import annotations

from engine.errors import PlancheckError
from engine.report.base import Formatter, RenderContext
from engine.report.docx import DocxFormatter
from engine.report.feedback import FeedbackFormatter
from engine.report.github import GithubFormatter
from engine.report.html import HtmlFormatter
from engine.report.json_ import JsonFormatter
from engine.report.junit import JunitFormatter
from engine.report.markdown import MarkdownFormatter
from engine.report.sarif import SarifFormatter
from engine.report.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    f.name: f
    for f in (
        TextFormatter,
        JsonFormatter,
        SarifFormatter,
        JunitFormatter,
        GithubFormatter,
        MarkdownFormatter,
        HtmlFormatter,
        DocxFormatter,
        FeedbackFormatter,
    )
}

DEFAULT_FORMAT = "text"

__all__ = ["DEFAULT_FORMAT", "FORMATTERS", "Formatter", "RenderContext", "get_formatter", "render"]


def get_formatter(name: str) -> Formatter:
    """The formatter for `name`; a PlancheckError that lists the known names otherwise."""
    cls = FORMATTERS.get(name)
    if cls is None:
        raise PlancheckError("option.unknown_format", format=name, known=", ".join(FORMATTERS))
    return cls()


def render(name: str, ctx: RenderContext) -> bytes:
    """Render the report in format `name`. Formats with `needs_output` need ctx.output set by the caller
    (the CLI raises option.output_needed before calling when --output is missing)."""
    return get_formatter(name).render(ctx)
