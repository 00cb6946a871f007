"""Control characters in a draft (pdftotext's form feeds, an ESC sequence), in a message or in a file
name reach no output raw: XML formats stay well-formed, a terminal gets no escape sequence."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.dom import minidom

import docx
import openpyxl
import pytest

from engine.models import Evidence
from engine.report import FORMATTERS
from engine.report.base import RenderContext, clean_context, clean_text

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = "\x0c\x1b[2J\x1b]0;owned\x07\x85\x7f\x00"


@pytest.fixture
def hostile(ctx: RenderContext, fx) -> RenderContext:  # type: ignore[no-untyped-def]
    for p in ctx.draft.paragraphs:
        p.orig = p.orig[:2] + HOSTILE + p.orig[2:]
        p.text = p.text[:2] + HOSTILE + p.text[2:]
    for m in ctx.draft.measures:
        m.text = m.text[:2] + HOSTILE + m.text[2:]
    for f in ctx.report.findings:
        f.message += HOSTILE
        f.suggestion = (f.suggestion or "") + HOSTILE
        f.evidence = Evidence(local=((f.evidence.local if f.evidence else None) or "") + HOSTILE, parent="上级\x0c原文")
    ctx.report.summary.draft = "draft\x1b[31m.txt"
    ctx.rules = {"deadline_not_later": "description\x1b"}
    return ctx


def test_clean_text_keeps_length_tab_and_newline() -> None:
    s = "a\tb\nc" + HOSTILE
    cleaned = clean_text(s)
    assert len(cleaned) == len(s) and cleaned.startswith("a\tb\nc")
    assert not RAW.search(cleaned)
    assert cleaned[5:7] == "\u240c\u241b"  # a form feed and ESC stay visible as ␌ ␛
    plain = "没有控制字符"
    assert clean_text(plain) is plain


def test_a_clean_context_is_not_copied(ctx: RenderContext) -> None:
    assert clean_context(ctx) is ctx


def test_cleaning_copies_and_leaves_the_callers_objects_alone(hostile: RenderContext) -> None:
    cleaned = clean_context(hostile)
    assert cleaned is not hostile and not RAW.search(cleaned.report.model_dump_json())
    assert RAW.search(hostile.report.findings[0].message)  # the caller's report is not modified
    ref = cleaned.draft.measures[0].ref
    assert cleaned.draft.measure(ref) is cleaned.draft.measures[0]  # the plan's index is of the copy


def _xml_parts(data: bytes) -> int:
    n = 0
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                minidom.parseString(z.read(name))  # expat: raises on a character XML 1.0 forbids
                n += 1
    return n


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_no_format_lets_a_control_character_through(hostile: RenderContext, name: str, tmp_path: Path) -> None:
    fmt = FORMATTERS[name]()
    data = fmt.render(hostile)
    if fmt.binary:
        assert _xml_parts(data) > 3
        if name == "docx":
            text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
            assert "\u240c" in text  # the form feed is there, visible
    else:
        text = data.decode("utf-8")
        assert not RAW.search(text), repr(RAW.search(text))
        if name == "junit":
            minidom.parseString(data)
        if name in ("text", "markdown", "html", "junit"):
            assert "\u241b" in text  # ESC made visible, not dropped silently


def test_the_xlsx_feedback_table_is_well_formed(hostile: RenderContext, tmp_path: Path) -> None:
    hostile.output = str(tmp_path / "f.xlsx")
    data = FORMATTERS["feedback"]().render(hostile)
    assert _xml_parts(data) > 3
    rows = list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert any("\u240c" in str(cell) for row in rows for cell in row if cell)
