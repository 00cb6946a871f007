"""Budgets: each limit refuses an input over it early, with its own message; a real plan is far inside."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from engine.errors import PlancheckError
from engine.i18n import MESSAGES
from engine.ingest import budgets, load_document
from engine.pipeline import load_plan

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    """No budget set by the environment or a previous test leaks into these."""
    for name in budgets.NAMES:
        monkeypatch.delenv(budgets.env_name(name), raising=False)
    monkeypatch.setattr(budgets, "_overrides", {})


def _refused(path: Path, name: str) -> PlancheckError:
    with pytest.raises(PlancheckError) as info:
        load_plan(str(path))
    assert info.value.code == f"budget.{name}"
    assert "这不像一份方案" in info.value.render("zh") and str(path) in info.value.render("zh")
    assert "does not look like a plan" in info.value.render("en")
    return info.value


def test_every_budget_has_a_message_and_a_default():
    for name in budgets.NAMES:
        assert f"budget.{name}" in MESSAGES
        assert getattr(budgets.Budgets(), name) > 0


def test_a_real_plan_is_far_inside_every_budget():
    """The fixture parent, repeated to the size of a 300-page provincial plan (~1 MB), is accepted
    with every budget cut to a fifth of its default."""
    plan = load_plan(str(PARENT))
    big = "\n".join([PARENT.read_text("utf-8")] * 25)  # ~1 MB, ~1,500 measures
    lines = [line for line in big.splitlines() if line.strip()]
    limits = budgets.Budgets()
    assert len(big.encode()) * 5 < limits.input_bytes
    assert len(lines) * 5 < limits.paragraphs
    assert max(map(len, lines)) * 5 < limits.paragraph_chars
    assert len(plan.measures) * 25 * 5 < limits.measures


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [("pages", "5000", 5000), ("input_bytes", "80MB", 80 * budgets.MB), ("part_bytes", "512KiB", 512 * 1024),
     ("unpacked_bytes", "1.5g", int(1.5 * 1024 * budgets.MB))],
)  # fmt: skip
def test_values_parse_with_units(name, value, expected):
    assert budgets.parse_value(name, value) == expected


@pytest.mark.parametrize("setting", ["pages=0", "pages=-3", "pages=10MB", "nosuch=3", "pages", "depth=1e9"])
def test_bad_settings_are_refused(setting):
    with pytest.raises(PlancheckError) as info:
        budgets.configure([setting])
    assert info.value.code == "budget.bad"


def test_environment_then_configure(monkeypatch):
    monkeypatch.setenv("PLANCHECK_BUDGET_PAGES", "7")
    assert budgets.current().pages == 7
    budgets.configure(["pages=9"])
    assert budgets.current().pages == 9
    # exported, so batch workers see it
    import os

    assert os.environ["PLANCHECK_BUDGET_PAGES"] == "9"


def test_paragraphs(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_BUDGET_PARAGRAPHS", "50")
    path = tmp_path / "p.txt"
    path.write_text("\n".join(f"（{i}）措施。" for i in range(51)), "utf-8")
    err = _refused(path, "paragraphs")
    assert err.fields["value"] == "51"
    path.write_text("\n".join(f"（{i}）措施。" for i in range(50)) + "\n\n\n", "utf-8")  # blank lines are free
    assert load_plan(str(path)).measures


def test_paragraph_chars(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_BUDGET_PARAGRAPH_CHARS", "1000")
    path = tmp_path / "p.txt"
    path.write_text("一、总体要求\n" + "措" * 1001, "utf-8")
    _refused(path, "paragraph_chars")


def test_measures_refused_before_extraction(tmp_path, monkeypatch):
    import engine.extract as extract

    monkeypatch.setenv("PLANCHECK_BUDGET_MEASURES", "10")
    monkeypatch.setattr(extract, "fill_measure", lambda m: pytest.fail("extraction ran"))
    _refused(PARENT, "measures")


def test_input_bytes_from_a_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_BUDGET_INPUT_BYTES", "1KB")
    path = tmp_path / "p.txt"
    path.write_text("一、总体要求\n" + "措施。" * 400, "utf-8")
    assert _refused(path, "input_bytes").fields["limit"] == "1024 B"


def _docx_with_document_xml(body_repeats: int) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("一、总体要求")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                para = b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>"
                data = data.replace(b"<w:body>", b"<w:body>" + para * body_repeats)
            z.writestr(info, data)
    return out.getvalue()


def test_docx_part_refused_while_unpacking(tmp_path):
    """A document.xml inflating to ~100 MB (from ~0.3 MB) is refused from a stream, in well under a second."""
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx_with_document_xml(100_000))
    t = time.process_time()
    err = _refused(path, "part_bytes")
    assert "word/document.xml" in err.fields["path"]
    assert time.process_time() - t < 5  # generous: this guards against unpacking it all, not speed


def test_docx_total_unpacked(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_BUDGET_UNPACKED_BYTES", "300KB")
    path = tmp_path / "big.docx"
    path.write_bytes(_docx_with_document_xml(200))
    _refused(path, "unpacked_bytes")


def test_docx_declared_sizes_are_not_trusted(tmp_path, monkeypatch):
    """The budget counts bytes really inflated: a part whose header claims a small size still counts."""
    monkeypatch.setenv("PLANCHECK_BUDGET_PART_BYTES", "100KB")
    data = bytearray(_docx_with_document_xml(200))
    # patch the declared uncompressed size of document.xml in its central directory entry to 10 bytes
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    central = data.find(b"PK\x01\x02" + data[info.header_offset + 4 : info.header_offset + 6])
    while central >= 0:
        name_len = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + name_len] == b"word/document.xml":
            data[central + 24 : central + 28] = (10).to_bytes(4, "little")
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(PlancheckError) as info_:
        load_document(str(path))
    assert info_.value.code in ("budget.part_bytes", "input.corrupt")  # never read past the budget


def test_pdf_pages(tmp_path, monkeypatch, make_pdf):
    monkeypatch.setenv("PLANCHECK_BUDGET_PAGES", "2")
    path = make_pdf(tmp_path / "p.pdf", [["一、总体要求"], ["（一）措施。"], ["（二）措施。"]])
    err = _refused(path, "pages")
    assert err.fields["value"] == "3"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>",
        "<html><body>" + "<div>" * 100_000 + "x",
        "<html><body>" + "<table><tr><td>" * 1000 + "x",
        "<html><body>" + "<table><tr><td>" * 1000 + "x" + "</td></tr></table>" * 1000,
    ],
    ids=["nested", "unclosed", "tables", "closed-tables"],
)
def test_html_depth_refused_before_the_tree_is_built(tmp_path, monkeypatch, html):
    import selectolax.lexbor as lexbor

    monkeypatch.setattr(lexbor, "LexborHTMLParser", lambda *a: pytest.fail("the tree was built"))
    path = tmp_path / "deep.html"
    path.write_text(html, "utf-8")
    _refused(path, "depth")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<p>一、总体要求" * 3000 + "</body></html>",  # unclosed paragraphs are siblings
        "<html><body><ul>" + "<li>（一）措施" * 3000 + "</ul></body></html>",
        "<html><body><table>" + "<tr><td>（一）<td>措施" * 3000 + "</table></body></html>",
        "<html><body>" + "<br><img src=x><hr>" * 3000 + "<p>一、总体要求</p><!--" + "<div>" * 3000,
        "<html><body><script>" + "<div>" * 3000 + "</script><p>一、总体要求</p></body></html>",
    ],
    ids=["p", "li", "cells", "void-and-comment", "script"],
)
def test_html_depth_is_not_fooled_by_ordinary_markup(tmp_path, html):
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    assert load_document(str(path)).paragraphs


def test_cli_budget_option(tmp_path):
    """--budget applies to the run; a bad one is a message and exit 2."""
    cmd = [str(Path(sys.executable).with_name("plancheck"))]
    ok = subprocess.run([*cmd, "parse", str(PARENT), "--budget", "measures=5"], capture_output=True, text=True)
    assert ok.returncode == 2 and "PLANCHECK_BUDGET_MEASURES" in ok.stderr and "Traceback" not in ok.stderr
    bad = subprocess.run([*cmd, "parse", str(PARENT), "--budget", "measures=x", "--lang", "en"],
                         capture_output=True, text=True)  # fmt: skip
    assert bad.returncode == 2 and "bad budget setting" in bad.stderr


def test_total_chars(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_BUDGET_CHARS", "1000")
    path = tmp_path / "p.txt"
    path.write_text("一、总体要求\n" + "\n".join(["（一）措施。" * 10] * 20), "utf-8")
    assert _refused(path, "chars").fields["limit"] == "1,000"


def test_batch_workers_use_the_same_budgets():
    """--budget reaches the worker processes of a batch (exported to their environment)."""
    fixtures = ROOT / "fixtures"
    out = subprocess.run(
        [str(Path(sys.executable).with_name("plancheck")), "check", str(fixtures / "chengzhong-district-draft.txt"),
         str(fixtures / "guangning-county-2016-2020.txt"), "--parent", str(PARENT), "--budget", "measures=61",
         "-j", "2", "--lang", "en"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    lines = out.stdout.splitlines() + out.stderr.splitlines()
    assert any("guangning" in x and "does not look like a plan" in x for x in lines), out
    assert any("chengzhong" in x and "does not look like a plan" not in x for x in lines), out


def _items(n: int, distinct: bool) -> str:
    """n items of three clauses each; `distinct`: every clause its own, else the same three throughout."""
    tag = (lambda i: f"第{i}项") if distinct else (lambda i: "")
    return "某县若干措施\n" + "\n".join(
        f"{i}.推进{tag(i)}基础设施建设，完善{tag(i)}公共服务体系；强化{tag(i)}安全监管。" for i in range(1, n + 1)
    )


def test_clauses_refused_before_extraction(tmp_path, monkeypatch):
    """Every clause is compared with every other for repeats: a document of more distinct clauses than
    any plan holds is refused before extraction, with its message; repeated clauses count once."""
    import engine.extract as extract

    monkeypatch.setenv("PLANCHECK_BUDGET_CLAUSES", "60")
    path = tmp_path / "p.txt"
    path.write_text(_items(30, distinct=True), "utf-8")  # 90 clauses (and the title)
    monkeypatch.setattr(extract, "fill_measure", lambda m: pytest.fail("extraction ran"))
    err = _refused(path, "clauses")
    assert err.fields["value"] == "90" and err.fields["limit"] == "60"
    assert "不同分句" in err.render("zh") and "distinct clauses" in err.render("en")
    monkeypatch.undo()
    monkeypatch.setenv("PLANCHECK_BUDGET_CLAUSES", "60")
    path.write_text(_items(300, distinct=False), "utf-8")
    assert len(load_plan(str(path)).measures) == 300


@pytest.mark.parametrize(("lang", "words"), [("zh", "不同分句的数目"), ("en", "distinct clauses")])
def test_cli_clauses_budget_message_and_exit_2(tmp_path, lang, words):
    path = tmp_path / "p.txt"
    path.write_text(_items(30, distinct=True), "utf-8")
    cmd = [sys.executable, "-m", "engine", "check", str(path), "--no-parent", "--budget", "clauses=60"]
    run = subprocess.run([*cmd, "--lang", lang] if lang == "en" else cmd, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and words in run.stderr and "PLANCHECK_BUDGET_CLAUSES" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
