"""Builders for ingest tests: every input file is made in tmp_path from text written here."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _make_docx(path: Path, blocks: list[object]) -> Path:
    """A .docx from blocks: a str is a paragraph; a list of rows (lists of str) is a table.

    A cell given as None is merged with the cell above it (vertical merge); a cell given as "<"
    is merged with the cell on its left (horizontal span).
    """
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows = block
        table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
        for r, row in enumerate(rows):  # type: ignore[arg-type]
            for c, value in enumerate(row):
                if value is None:
                    table.cell(r - 1, c).merge(table.cell(r, c))
                elif value == "<":
                    table.cell(r, c - 1).merge(table.cell(r, c))
                else:
                    table.cell(r, c).text = value
    document.save(str(path))
    return path


def _make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A .pdf whose pages carry the given lines, in reportlab's built-in CID font STSong-Light."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    for lines in pages:
        c.setFont("STSong-Light", 12)
        y = 780
        for line in lines:
            c.drawString(60, y, line)
            y -= 20
        c.showPage()
    c.save()
    return path


class Snapshot:
    """Bytes hash, size and mtime of a file, to prove ingest never changed it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.state = self._take()

    def _take(self) -> tuple[str, int, int] | None:
        if not self.path.is_file():
            return None
        st = os.stat(self.path)
        return hashlib.sha256(self.path.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns

    def unchanged(self) -> bool:
        return self._take() == self.state


@pytest.fixture
def snapshot():
    return Snapshot


@pytest.fixture
def make_docx():
    return _make_docx


@pytest.fixture
def make_pdf():
    return _make_pdf
