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
    "compact": ("compact", "CompactFormatter"),
}

# An output's extension -> the format it implies when --format is absent (the first format in _TABLE
# whose `suffixes` list it; tests/report/test_registry.py keeps the two in step). Kept here so that
# choosing a format imports no formatter.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".json": "json",
    ".sarif": "sarif",
    ".sarif.json": "sarif",
    ".xml": "junit",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".xlsx": "feedback",
    ".log": "compact",
}

PLAIN_SUFFIXES = (".txt", ".log")


def implied_format(output: str) -> tuple[str, str] | None:
    """(suffix, format) an output name implies, or None for `-` and names with no known suffix."""
    low = output.lower()
    for suffix in sorted(SUFFIX_FORMATS, key=len, reverse=True):
        if low.endswith(suffix) and output != "-":
            return suffix, SUFFIX_FORMATS[suffix]
    return None


def formats_for(formats: tuple[str, ...], outputs: tuple[str, ...]) -> tuple[str, ...]:
    """The formats of a run: --format as given, else each output's extension, else text; an output
    whose extension belongs to another format than the one given for it is an error."""
    if not formats:
        return tuple((implied_format(o) or ("", DEFAULT_FORMAT))[1] for o in outputs) or (DEFAULT_FORMAT,)
    for name, out in zip(formats, outputs, strict=False):
        implied = implied_format(out)
        if implied is None or name not in _TABLE:
            continue
        suffix, fmt = implied
        chosen = FORMATTERS[name]
        if suffix in PLAIN_SUFFIXES and not chosen.binary:
            continue  # any text format may go into a .txt or .log file
        if fmt != name and suffix not in chosen.suffixes:
            raise PlancheckError("option.format_contradicts", output=out, format=name, suffix=suffix, implied=fmt)
    return formats


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

__all__ = [
    "DEFAULT_FORMAT",
    "FORMATTERS",
    "SUFFIX_FORMATS",
    "Formatter",
    "RenderContext",
    "formats_for",
    "get_formatter",
    "implied_format",
    "render",
]


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
