"""Same input, same bytes: for every format (the zip formats across a clock tick, too)."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from engine.report import FORMATTERS

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"


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


def _office_outputs(tmp_path, day: str, *extra: str, env: dict | None = None) -> list[bytes]:
    """The Word copy and both 意见反馈表 files of one check, written on `day` (a faked clock)."""
    import time_machine
    from click.testing import CliRunner

    from engine.cli import main

    outs = [tmp_path / f"{day}-{n}" for n in ("批注.docx", "反馈表.docx", "反馈表.xlsx")]
    with time_machine.travel(f"{day} 10:00:00+08:00", tick=False):
        args = ["check", str(DRAFT), "--parent", str(PARENT), "--author", "城中区司法局", *extra,
                "--format", "docx", "-o", str(outs[0]), "--format", "feedback", "-o", str(outs[1]),
                "--format", "feedback", "-o", str(outs[2])]  # fmt: skip
        r = CliRunner(env=env or {}).invoke(main, args)
    assert r.exit_code in (0, 1), r.output
    return [p.read_bytes() for p in outs]


def test_word_outputs_are_the_same_bytes_on_different_days(tmp_path):
    """Without --today the documents were dated by the clock: two days, two different files."""
    assert _office_outputs(tmp_path, "2026-03-02") == _office_outputs(tmp_path, "2027-11-30")


def test_the_documents_date_follows_the_stated_rule(tmp_path):
    import datetime as dt

    from engine.pipeline import load_plan
    from engine.report.base import office_date

    undated = load_plan(str(DRAFT))  # no date line (the title's year is no date)
    dated = load_plan(str(DRAFT.parent / "guangning-county-2016-2020.txt"))  # 落款 2017年7月7日
    assert office_date(undated, environ={}) == ""
    assert office_date(dated, environ={}) == "2017-07-07"
    assert office_date(undated, environ={"SOURCE_DATE_EPOCH": "1700000000"}) == "2023-11-14"
    assert office_date(dated, environ={"SOURCE_DATE_EPOCH": "1700000000"}) == "2017-07-07"
    assert office_date(dated, dt.date(2026, 6, 30), environ={"SOURCE_DATE_EPOCH": "1"}) == "2026-06-30"
    # and in the files: the form's 日期 and the document properties carry it
    docx_bytes = _office_outputs(tmp_path, "2026-03-02", env={"SOURCE_DATE_EPOCH": "1700000000"})[1]
    z = zipfile.ZipFile(io.BytesIO(docx_bytes))
    assert "2023-11-14" in z.read("word/document.xml").decode()
    assert "2023-11-14T00:00:00Z" in z.read("docProps/core.xml").decode()


def test_a_bad_source_date_epoch_is_a_message(tmp_path):
    from click.testing import CliRunner

    from engine.cli import main

    r = CliRunner(env={"SOURCE_DATE_EPOCH": "yesterday"}).invoke(
        main, ["check", str(DRAFT), "--parent", str(PARENT), "-o", str(tmp_path / "x.docx")]
    )
    assert r.exit_code == 2 and "SOURCE_DATE_EPOCH" in r.output and "Traceback" not in r.output
