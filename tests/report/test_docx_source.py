"""The Word report reads a .docx draft a second time; a draft edited or removed since it was checked
is a message or a plain rendering, never comments on the wrong words or an internal error."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import docx
import pytest

from engine.errors import PlancheckError
from engine.report import FORMATTERS
from engine.report.base import RenderContext


def test_a_draft_edited_since_the_check_is_refused(docx_ctx: RenderContext) -> None:
    src = Path(docx_ctx.draft_source_path)
    docx_ctx.draft.sha256 = hashlib.sha256(src.read_bytes()).hexdigest()
    assert docx.Document(io.BytesIO(FORMATTERS["docx"]().render(docx_ctx))).paragraphs  # unchanged: fine
    src.write_bytes(src.read_bytes() + b"\0")
    with pytest.raises(PlancheckError) as e:
        FORMATTERS["docx"]().render(docx_ctx)
    assert e.value.code == "input.changed"


def test_a_draft_removed_since_the_check_gets_a_rendering_of_its_text(docx_ctx: RenderContext) -> None:
    Path(docx_ctx.draft_source_path).unlink()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(FORMATTERS["docx"]().render(docx_ctx))).paragraphs)
    assert docx_ctx.draft.paragraphs[3].text in text
