"""Same input, same bytes: for every format (the zip formats across a clock tick, too)."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from engine.report import FORMATTERS


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_render_twice_same_bytes(name, ctx, docx_ctx):
    fmt = FORMATTERS[name]()
    first = [fmt.render(ctx), fmt.render(docx_ctx)]
    if fmt.binary:
        time.sleep(1.1)  # zip entries and core.xml have one-second resolution
    second = [fmt.render(ctx), fmt.render(docx_ctx)]
    assert first == second


def test_xlsx_twice_same_bytes(ctx, tmp_path):
    ctx.output = str(tmp_path / "f.xlsx")
    fmt = FORMATTERS["feedback"]()
    a = fmt.render(ctx)
    time.sleep(1.1)
    assert fmt.render(ctx) == a


def test_zip_dates_are_fixed(ctx):
    data = FORMATTERS["docx"]().render(ctx)
    z = zipfile.ZipFile(io.BytesIO(data))
    assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core
    assert "w:date" not in z.read("word/comments.xml").decode()
