"""Helpers for the parse tests: documents from text, with or without ingest-style normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.models import Paragraph, SourceDoc

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
_FULL = str.maketrans("（）［］．０１２３４５６７８９", "()[].0123456789")


def make_doc(text: str, *, normalise: bool = False, path: str = "<text>") -> SourceDoc:
    """One paragraph per non-blank line, like ingest; `normalise` does by hand what ingest will do."""
    paras = []
    for i, line in enumerate(text.split("\n")):
        t = line.translate(_FULL).strip() if normalise else line
        if normalise and not t:
            continue
        if normalise:
            start = len(line) - len(line.lstrip())
            cols = list(range(start + 1, start + len(t) + 1))
        else:
            cols = list(range(1, len(line) + 1))
        paras.append(Paragraph(index=len(paras), line=i + 1, text=t, orig=line, cols=cols))
    return SourceDoc(path=path, format="txt", encoding="utf-8", paragraphs=paras)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


@pytest.fixture
def doc_of():
    """make_doc(text, normalise=False): a SourceDoc with one paragraph per line."""
    return make_doc


@pytest.fixture
def read_fixture():
    return fixture_text
