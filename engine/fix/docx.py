"""Fixes as Word tracked changes: each edit a w:del of the original words and a w:ins of the new,
by `author`, so a clerk accepts or rejects them one by one in Word or WPS.

A .docx draft is read (never written) and a copy returned with its formatting; a text draft is
first rendered as a plain .docx (the same rendering the 批注 report uses). No dates are written, so
the same input gives the same bytes.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from types import SimpleNamespace

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from engine.ingest import reread
from engine.ingest.hidden import reading, shown_runs
from engine.models import Fix, Plan, TextEdit
from engine.report.base import normalize_zip
from engine.report.docx import _nearest, _runs_text, all_paragraphs, anchor, build_rendering


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return str(self.n)


def tracked_docx(source_path: str, plan: Plan, fixes: list[Fix], author: str) -> tuple[bytes, list[Fix]]:
    """(the .docx with tracked changes, the fixes that could not be placed in it)."""
    if source_path.lower().endswith(".docx") and Path(source_path).is_file():
        doc = docx.Document(io.BytesIO(reread(source_path, plan.sha256)))
        by_line = {i + 1: p for i, p in enumerate(all_paragraphs(doc))}
        lead = {line: 0 for line in by_line}
    else:
        doc, by_line = build_rendering(SimpleNamespace(draft=plan))
        orig = {p.line: p.orig for p in plan.paragraphs}
        lead = {line: len(orig.get(line, "")) - len(orig.get(line, "").lstrip()) for line in by_line}
    ids = _Ids()
    unplaced: list[Fix] = []
    # right to left within a paragraph, so earlier offsets stay valid
    edits = sorted(
        ((e, f) for f in fixes for e in f.edits), key=lambda x: (x[0].line, -x[0].column)
    )
    failed: set[int] = set()
    with reading(doc):  # its hidden runs are not the text read: never anchored on nor edited
        for e, f in edits:
            para = by_line.get(e.line)
            if para is None or not _track(para, e, lead.get(e.line, 0), author, ids):
                failed.add(id(f))
    unplaced = [f for f in fixes if id(f) in failed]
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue()), unplaced


def _track(para: DocxParagraph, e: TextEdit, lead: int, author: str, ids: _Ids) -> bool:
    text = _runs_text(para)
    a = e.column - 1 - lead
    b = a + len(e.original)
    if a < 0 or text[a:b] != e.original:
        k = _nearest(text, e.original, max(a, 0)) if e.original else -1
        if k < 0:
            return False
        a, b = k, k + len(e.original)
    if a == b:
        return False  # pure insertions are not proposed by any check
    first, last = anchor(para, a, b)
    runs = shown_runs(para)  # the runs `anchor` counted: a hidden one is never edited
    elements = [r._r for r in runs]  # Run objects are proxies: compare their XML elements
    i, j = elements.index(first._r), elements.index(last._r)
    span = runs[i : j + 1]
    if "".join(r.text for r in span) != e.original:
        return False  # a run that could not be split (a field, a drawing): leave it to the clerk
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), ids.next())
    deleted.set(qn("w:author"), author)
    span[0]._r.addprevious(deleted)
    for r in span:
        for t in r._r.findall(qn("w:t")):
            t.tag = qn("w:delText")
        deleted.append(r._r)
    if e.replacement:
        inserted = OxmlElement("w:ins")
        inserted.set(qn("w:id"), ids.next())
        inserted.set(qn("w:author"), author)
        run = OxmlElement("w:r")
        rpr = span[0]._r.find(qn("w:rPr"))
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = e.replacement
        run.append(t)
        inserted.append(run)
        deleted.addnext(inserted)
    return True
