"""The one table of output formats. Each format is one module here with one Formatter subclass.

`tests/report/test_registry.py` fails when a module in this folder is missing from FORMATTERS or a
formatter lacks a description. The CLI only looks a name up here and calls `render(ctx)`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from engine.errors import PlancheckError
from engine.report.base import Formatter, RenderContext

# name -> (module in this folder, class). A module is imported only when its format is looked up:
# a plain `check` should not pay for python-docx (docx, feedback).
_TABLE: dict[str, tuple[str, str]] = {
    "text": ("text", "TextFormatter"),
    "json": ("json_", "JsonFormatter"),
    "sarif": ("sarif", "SarifFormatter"),
    "junit": ("junit", "JunitFormatter"),
    "github": ("github", "GithubFormatter"),
    "markdown": ("markdown", "MarkdownFormatter"),
    "html": ("html", "HtmlFormatter"),
    "docx": ("docx", "DocxFormatter"),
    "feedback": ("feedback", "FeedbackFormatter"),
}


class _Formatters(Mapping[str, type[Formatter]]):
    """FORMATTERS as a read-only mapping that imports each formatter on first lookup."""

    def __getitem__(self, name: str) -> type[Formatter]:
        module, cls = _TABLE[name]
        return getattr(importlib.import_module(f"engine.report.{module}"), cls)

    def __iter__(self) -> Iterator[str]:
        return iter(_TABLE)

    def __len__(self) -> int:
        return len(_TABLE)


FORMATTERS: Mapping[str, type[Formatter]] = _Formatters()

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
