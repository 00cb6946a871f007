"""Fuzzing: whatever a user hands plancheck, the answer is a result or a PlancheckError (exit 2).

Property-based (hypothesis) over every input format, the parser with the whole check after it, the
ruleset loader and the waiver loader. Inputs are built from pieces that reach the interesting code
(numbering, tables, markup, anchors, dates) and then damaged. Sized for CI (well under two minutes
for the folder); `make fuzz` runs the same properties with PLANCHECK_FUZZ_SCALE times more examples.
A crash found here becomes a named regression test beside the property (see the end of this file).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.errors import PlancheckError
from engine.findings import load_waivers
from engine.ingest import budgets, load_document
from engine.models import SourceDoc
from engine.rules.loader import load_ruleset, read_ruleset_file
from engine.rules.ruleset import Ruleset

SCALE = max(1, int(os.environ.get("PLANCHECK_FUZZ_SCALE", "1")))
ROOT = Path(__file__).resolve().parents[2]
PARENT_LINES = (ROOT / "fixtures" / "guangxi-2021-2025-parent.txt").read_text("utf-8").splitlines()


def fuzz(examples: int):  # type: ignore[no-untyped-def]
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


@pytest.fixture(autouse=True)
def _small_budgets(monkeypatch):
    """Budgets cut down so that generated inputs also cross them (each refusal path gets exercised)."""
    for name in budgets.NAMES:
        monkeypatch.delenv(budgets.env_name(name), raising=False)
    monkeypatch.setattr(
        budgets, "_overrides",
        {"paragraphs": 400, "paragraph_chars": 20_000, "part_bytes": 2 * budgets.MB, "pages": 20, "depth": 60,
         "measures": 300, "yaml_nodes": 5_000},
    )  # fmt: skip


_MARKERS = ["一、", "（一）", "(二)", "1.", "2．", "（1）", "①", "第一条", "第三章", "三、", "附件", ""]
_WORDS = ["加强法治建设", "区司法局牵头", "2025年底前", "完成率达到100%", "本方案", "我区", "各乡镇人民政府",
          "\t", "\u3000", "\x0c", "\x1b[31m", "\u200b", "\ufffd", "&amp;", "<", "》", "\r", "牵头单位：", "；"]  # fmt: skip
line = st.builds(lambda m, ws: m + "".join(ws), st.sampled_from(_MARKERS), st.lists(st.sampled_from(_WORDS), max_size=6))
plan_text = st.one_of(
    st.lists(line, max_size=40).map("\n".join),
    st.lists(st.sampled_from(PARENT_LINES), max_size=30).map("\n".join),
    st.text(max_size=300),
)


def _outcome(load) -> SourceDoc | PlancheckError:  # type: ignore[no-untyped-def]
    """A SourceDoc or a PlancheckError that is not an internal error; anything else fails the test."""
    try:
        return load()
    except PlancheckError as e:
        assert e.code != "internal", e.render("en")
        assert e.render("zh") and e.render("en")
        return e


def _load(tmp_path_factory, data: bytes, name: str) -> SourceDoc | PlancheckError:
    path = tmp_path_factory.mktemp("fz") / name
    path.write_bytes(data)
    before = path.read_bytes()
    result = _outcome(lambda: load_document(str(path)))
    assert path.read_bytes() == before  # never modified
    return result


def _damage(data: bytes, cuts: list[tuple[int, int]]) -> bytes:
    """Bytes overwritten at positions (taken modulo the size), and possibly truncated."""
    out = bytearray(data)
    for pos, value in cuts:
        if value == 256:
            del out[pos % max(1, len(out)) :]
        elif out:
            out[pos % len(out)] = value
    return bytes(out)


damage = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 256)), max_size=6)


# --------------------------------------------------------------------------- text


@fuzz(40)
@given(st.one_of(plan_text.map(lambda t: t.encode("utf-8")), plan_text.map(lambda t: t.encode("gb18030", "replace")),
                 st.binary(max_size=600)), st.sampled_from(["d.txt", "d.md", "d.doc", "d.TXT"]))  # fmt: skip
def test_text_bytes(tmp_path_factory, data, name):
    _load(tmp_path_factory, data, name)


# --------------------------------------------------------------------------- .docx


def _docx(paragraphs: list[str], table: list[list[str]]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=max(len(r) for r in table))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


xml_safe = st.lists(line, max_size=15).map(lambda ls: [x.replace("\x0c", "").replace("\x1b", "") for x in ls])
cells = st.lists(st.lists(st.sampled_from(["序号", "任务", "牵头单位", "区司法局", "2025年", "（一）加强", ""]),
                          min_size=1, max_size=4), max_size=5)  # fmt: skip


@fuzz(25)
@given(xml_safe, cells, damage)
def test_docx(tmp_path_factory, paragraphs, table, cuts):
    _load(tmp_path_factory, _damage(_docx(paragraphs, table), cuts), "d.docx")


@fuzz(20)
@given(st.lists(st.tuples(st.sampled_from(["word/document.xml", "word/styles.xml", "[Content_Types].xml", "x"]),
                          st.binary(max_size=300)), max_size=4))  # fmt: skip
def test_docx_parts(tmp_path_factory, parts):
    """A zip with made-up parts: missing, empty or garbage document.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in dict(parts).items():
            z.writestr(name, data)
    _load(tmp_path_factory, buf.getvalue(), "d.docx")


# --------------------------------------------------------------------------- .pdf

_PDF_CACHE: dict[tuple[tuple[str, ...], ...], bytes] = {}


def _pdf(pages: list[list[str]]) -> bytes:
    key = tuple(tuple(p) for p in pages)
    if key not in _PDF_CACHE:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        buf = io.BytesIO()
        c = canvas.Canvas(buf)
        for lines in pages:
            c.setFont("STSong-Light", 12)
            for k, text in enumerate(lines[:30]):
                c.drawString(60, 780 - 20 * k, text)
            c.showPage()
        c.save()
        _PDF_CACHE[key] = buf.getvalue()
    return _PDF_CACHE[key]


@fuzz(25)
@given(st.lists(st.lists(st.sampled_from(PARENT_LINES[:40]), max_size=5), min_size=1, max_size=3), damage)
def test_pdf(tmp_path_factory, pages, cuts):
    _load(tmp_path_factory, _damage(_pdf(pages), cuts), "d.pdf")


# --------------------------------------------------------------------------- .html

_TAGS = ["<p>", "</p>", "<div class='nav'>", "<div>", "</div>", "<table>", "<tr>", "<td>", "</td>", "</tr>",
         "</table>", "<br>", "<script>", "</script>", "<!--", "-->", "<li>", "<ul>", "</ul>", "<span>",
         "<td rowspan=3>", "<td colspan=99999>", "<meta charset='rot13'>", "<meta charset='gbk'>", "<title>",
         "</title>", "<tbody>", "<th>", "&nbsp;", "&#0;", "<![CDATA[", "<?xml?>", "<html>", "<body>"]  # fmt: skip


@fuzz(40)
@given(st.lists(st.one_of(st.sampled_from(_TAGS), line), max_size=80), st.integers(0, 3))
def test_html(tmp_path_factory, pieces, nest):
    html = "<div>" * (nest * 30) + "".join(pieces)  # sometimes past the (lowered) depth budget
    _load(tmp_path_factory, html.encode("utf-8", "replace"), "d.html")


def _tree_depth(html: str) -> int:
    from selectolax.lexbor import LexborHTMLParser

    deepest, stack = 0, [(LexborHTMLParser(html).root, 1)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        stack.extend((child, d + 1) for child in node.iter())
    return deepest


_NESTING = ["<p>", "</p>", "<div>", "</div>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<b>", "</b>",
            "<i>", "</i>", "<li>", "<ul>", "</ul>", "<span>", "</span>", "<br>", "<th>", "<tbody>", "<dl>", "<dd>",
            "<dt>", "<select>", "<option>", "<font>", "</font>", "x"]  # fmt: skip


@fuzz(150)
@given(st.lists(st.sampled_from(_NESTING), max_size=60))
def test_html_depth_scan_bounds_the_parsers_tree(pieces):
    """The depth budget is checked by a scan before parsing; the tree lexbor then builds is at most
    3 x + 3 as deep as the scan says, so a page the budget admits cannot nest without bound."""
    from engine.ingest.readers import depth_bound

    html = "".join(pieces)
    assert _tree_depth(html) <= 3 * depth_bound(html, 10**6) + 3


# --------------------------------------------------------------------------- parse + check -> report


@fuzz(15)
@given(st.lists(line, min_size=1, max_size=25).map("\n".join))
def test_check_gives_a_report_or_an_error(tmp_path_factory, text):
    """The whole run, as `plancheck check` does it, down to a rendered report."""
    from engine.pipeline import check
    from engine.report import FORMATTERS
    from engine.report.base import RenderContext

    path = tmp_path_factory.mktemp("fz") / "draft.txt"
    path.write_text(text, "utf-8")

    def run():  # type: ignore[no-untyped-def]
        result = check(str(path), parent_path=str(ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"), fail_on="none")
        for name in ("text", "json", "junit"):
            ctx = RenderContext(report=result.report, draft=result.draft, parent=result.parent,
                                draft_source_path=str(path), lang="zh", cwd=Path.cwd(), output=None,
                                rules=result.rule_descriptions, not_applicable=result.not_applicable)  # fmt: skip
            assert isinstance(FORMATTERS[name]().render(ctx), bytes)
        return result

    _outcome(run)


# --------------------------------------------------------------------------- rulesets and waivers

_KINDS = ["pattern", "condition", "format", "lead_unit_required", "nosuch", 3, None]
_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.text(max_size=12),
                    st.sampled_from(["(a+)+$", "(?<=x)y", "\\b", "[", "2025-02-30", "{rule.__class__}", "{n:999999}"]),
                    st.dates().map(str))  # fmt: skip
_options = st.dictionaries(st.sampled_from(["forbidden", "required", "fact", "forbid", "require", "in", "x"]),
                           st.one_of(_VALUES, st.lists(_VALUES, max_size=3),
                                     st.fixed_dictionaries({"field": st.sampled_from(["text", "n_deadlines", "zz"]),
                                                            "op": st.sampled_from(["matches", "eq", "gte", "bad"]),
                                                            "value": _VALUES})), max_size=3)  # fmt: skip
_rule = st.fixed_dictionaries(
    {"id": st.sampled_from(["r1", "r2", "bad id", ""]), "check": st.sampled_from(_KINDS)},
    optional={"severity": st.sampled_from(["error", "warning", "fatal"]), "message": _VALUES, "options": _options,
              "scope": st.fixed_dictionaries({}, optional={"pattern": _VALUES, "levels": st.lists(_VALUES)}),
              "enabled": _VALUES},
)  # fmt: skip
_ruleset = st.fixed_dictionaries(
    {"id": st.sampled_from(["fz", "Bad!", ""])},
    optional={"rules": st.lists(_rule, max_size=3), "extends": st.lists(st.sampled_from(["core", "nosuch", "../x"])),
              "obligations": st.lists(st.fixed_dictionaries({"ref": _VALUES}, optional={"deadline": _VALUES}))},
)  # fmt: skip
_YAML_PIECES = ["&a [x, y]\n", "*a\n", "!!python/object:os.system {}\n", "- ", "  ", "key: ", "2025-02-30\n",
                "[[[[", "{a: b}", "? ", "%YAML 1.1\n", "---\n", "\t", "'", "\"\\u0000\"", "<<: *a\n"]  # fmt: skip


@fuzz(60)
@given(st.one_of(_ruleset.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
                 st.lists(st.sampled_from(_YAML_PIECES), max_size=12).map("".join)))  # fmt: skip
def test_ruleset_loader(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fz") / "r.yaml"
    path.write_text(text, "utf-8")
    result = _outcome(lambda: load_ruleset(path))
    assert isinstance(result, (Ruleset, PlancheckError))
    _, errors = read_ruleset_file(path)  # what `rules validate` reads: a list, never a crash
    assert all(isinstance(e, PlancheckError) and e.code != "internal" for e in errors)


_waiver = st.fixed_dictionaries(
    {}, optional={"rule": _VALUES, "check": _VALUES, "item": _VALUES, "reason": _VALUES, "approver": _VALUES,
                  "expires": _VALUES, "extra": _VALUES},
)  # fmt: skip


@fuzz(60)
@given(st.one_of(st.lists(_waiver, max_size=4).map(lambda w: yaml.safe_dump(w, allow_unicode=True)),
                 st.lists(st.sampled_from(_YAML_PIECES), max_size=12).map("".join)))  # fmt: skip
def test_waiver_loader(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fz") / "w.yaml"
    path.write_text(text, "utf-8")
    _outcome(lambda: load_waivers(str(path)))


# --------------------------------------------------------------------------- regressions found by fuzzing


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "hex", "nosuch"])
def test_html_declaring_a_codec_that_is_not_a_text_encoding(tmp_path_factory, charset):
    """Was "内部错误 LookupError": Python knows rot13/base64 as codecs but they are not text encodings."""
    html = f"<html><head><meta charset='{charset}'></head><body><p>一、总体要求</p><p>（一）加强法治建设。</p></body></html>"
    doc = _load(tmp_path_factory, html.encode("utf-8"), "d.html")
    assert isinstance(doc, SourceDoc) and doc.paragraphs[0].text == "一、总体要求"


def test_html_whose_declared_charset_lies(tmp_path_factory):
    """Was "looks like a binary file": UTF-8 bytes read as the declared utf-16 are noise; detect instead."""
    html = "<html><head><meta charset='utf-16'></head><body><p>一、总体要求</p><p>（一）加强法治建设。</p></body></html>"
    doc = _load(tmp_path_factory, html.encode("utf-8"), "d.html")
    assert isinstance(doc, SourceDoc) and doc.encoding == "utf-8" and doc.paragraphs[0].text == "一、总体要求"
