"""Ingest: bytes -> normalised paragraphs with a map back to the original file.

PLACEHOLDER being replaced by the ingest work: plain UTF-8 text only, no normalisation.
"""

from __future__ import annotations

from pathlib import Path

from engine.models import Paragraph, SourceDoc


def from_text(text: str, path: str = "<text>", fmt: str = "txt", encoding: str = "utf-8") -> SourceDoc:
    """A SourceDoc from text already decoded (tests, stdin, examples in rulesets)."""
    paras = [
        Paragraph(index=i, line=i + 1, text=line, orig=line, cols=list(range(1, len(line) + 1)))
        for i, line in enumerate(text.splitlines())
    ]
    return SourceDoc(path=path, format=fmt, encoding=encoding, paragraphs=paras)  # type: ignore[arg-type]


def load_document(path: str) -> SourceDoc:
    """Read a document from disk (or `-` for stdin)."""
    return from_text(Path(path).read_text("utf-8"), path)
