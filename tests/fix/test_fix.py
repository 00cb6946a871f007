"""plancheck fix: edits placed exactly, applied only when the re-check finds nothing new,
the draft never written, .docx output as Word tracked changes."""

from __future__ import annotations

import difflib
import hashlib
import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.fix.apply import Outcome, TextDraft, plan_fixes
from engine.fix.edits import restyle
from engine.fix.run import run_fix
from engine.models import Finding, Fix, TextEdit
from engine.pipeline import check_plans, load_plan
from engine.rules.loader import load_rulesets

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _tally(findings: list[Finding]) -> Counter:
    return Counter((f.rule, f.local_item) for f in findings)


def _check(path: Path, parent: Path | None = PARENT) -> list[Finding]:
    from engine.pipeline import resolve_obligations

    loaded = load_rulesets(["core"])
    obligations = resolve_obligations(loaded, str(parent) if parent else None, parent is None)
    return check_plans(load_plan(str(path)), obligations, loaded.rules)[0]


def test_restyle_follows_the_drafts_widths():
    assert restyle("(牵头单位:区司法局)", "（牵头单位：区财政局）") == "（牵头单位：区司法局）"
    assert restyle("(a)", "half (b) here") == "(a)"
    assert restyle("2021—2025", "（2021-2025年）") == "2021—2025"


def test_restyle_writes_traditional_where_the_line_is_traditional():
    # the line's own variants win (為 not 爲, 臺 not 台); most characters of this line are the same
    # in both scripts, so a share of changed characters would call it simplified
    assert restyle("法治国家、法治社会", "到2035年基本建成法治城中、法治政府、法治社會奠定堅實基礎") == "法治國家、法治社會"
    assert restyle("为台湾后续(试点)", "作為臺灣地區的試點（一）") == "為臺灣後續（試點）"
    assert restyle("法治国家", "到2035年基本建成法治城中、法治政府、法治社会") == "法治国家"
    assert restyle("乾县", "於乾县开展试点工作") == "乾县"  # 於 alone does not make a simplified line traditional


def test_fix_of_a_traditional_draft_inserts_no_simplified_characters(tmp_path):
    import opencc

    to_trad = opencc.OpenCC("s2tw").convert
    draft = tmp_path / "trad.txt"
    draft.write_text(to_trad(DRAFT.read_text("utf-8")), "utf-8")
    out = tmp_path / "fixed.txt"
    result = CliRunner().invoke(main, ["fix", str(draft), "--parent", str(PARENT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    old, new = draft.read_text("utf-8").split("\n"), out.read_text("utf-8").split("\n")
    edited = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert len(edited) >= 5
    for a, b in edited:  # every character a fix wrote is in traditional form (or the line's own)
        ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        written = "".join(b[j1:j2] for tag, _, _, j1, j2 in ops if tag in ("insert", "replace"))
        assert [ch for ch in written if ch not in a and to_trad(ch) != ch] == [], (a, b)
    assert "法治國家、法治政府、法治社會" in out.read_text("utf-8")


def test_every_fix_on_the_seed_pair_is_exact():
    """Each edit's original is exactly the file's text at its place, and no fix pastes half-width
    brackets into this full-width draft."""
    lines = DRAFT.read_text("utf-8").split("\n")
    fixes = [f.fix for f in _check(DRAFT) if f.fix is not None]
    assert len(fixes) >= 10
    for fix in fixes:
        for e in fix.edits:
            assert lines[e.line - 1][e.column - 1 : e.end_column - 1] == e.original
            assert not re.search(r"[()]", e.replacement)


def test_fix_writes_a_draft_whose_recheck_has_fewer_findings_and_none_new(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(DRAFT.read_bytes())
    before_hash = _sha(draft)
    out = tmp_path / "fixed.txt"
    result = CliRunner().invoke(main, ["fix", str(draft), "--parent", str(PARENT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _sha(draft) == before_hash  # the draft itself is never written
    before, after = _check(draft), _check(out)
    assert len(after) < len(before)
    grew = {k for k, n in _tally(after).items() if n > _tally(before).get(k, 0)}
    assert not grew, grew
    text = out.read_text("utf-8")
    assert "法治城中、法治政府" not in text and "法治国家、法治政府、法治社会" in text
    assert "2022 年年底前" not in text
    assert "我区地方性法规" not in text  # 我市 before 地方性法规 is reported, never "fixed" into a new error
    # only the edited lines differ
    old, new = DRAFT.read_text("utf-8").split("\n"), text.split("\n")
    assert len(old) == len(new)
    changed = sum(1 for a, b in zip(old, new, strict=True) if a != b)
    assert 0 < changed <= len(result.output)


def test_fix_to_docx_gives_tracked_changes_by_the_author_and_same_bytes_twice(tmp_path):
    outs = []
    for name in ("a.docx", "b.docx"):
        out = tmp_path / name
        r = CliRunner().invoke(
            main, ["fix", str(DRAFT), "--parent", str(PARENT), "-o", str(out), "--author", "城中区司法局"]
        )
        assert r.exit_code == 0, r.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    xml = zipfile.ZipFile(io.BytesIO(outs[0])).read("word/document.xml").decode()
    assert xml.count("<w:del ") >= 10 and "<w:ins " in xml
    assert 'w:author="城中区司法局"' in xml
    assert "<w:delText>-</w:delText>" in xml


def test_a_docx_draft_keeps_its_text_and_gains_revisions(tmp_path):
    import docx

    d = docx.Document()
    for line in DRAFT.read_text("utf-8").split("\n"):
        d.add_paragraph(line.strip())
    src = tmp_path / "draft.docx"
    d.save(src)
    before = _sha(src)
    out = tmp_path / "fixed.docx"
    r = CliRunner().invoke(main, ["fix", str(src), "--parent", str(PARENT), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert _sha(src) == before
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "<w:del " in xml and "<w:ins " in xml
    # accepting every revision gives the text fix writes for the same draft as plain text
    accepted = re.sub(r"<w:del [^>]*>.*?</w:del>", "", xml, flags=re.S)
    assert "法治国家、法治政府、法治社会" in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", accepted))
    txt = CliRunner().invoke(main, ["fix", str(src), "--parent", str(PARENT), "-o", str(tmp_path / "x.txt")])
    assert txt.exit_code == 2 and ".docx" in txt.output


def test_a_pdf_draft_is_refused_with_a_message(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = tmp_path / "draft.pdf"
    c = canvas.Canvas(str(pdf))
    c.setFont("STSong-Light", 12)
    c.drawString(60, 780, "某区工作方案")
    c.drawString(60, 760, "1.完善制度。全面厘清政府法定职责。(牵头单位:区司法局)")
    c.showPage()
    c.save()
    r = CliRunner().invoke(main, ["fix", str(pdf), "--no-parent", "-o", str(tmp_path / "o.txt")])
    assert r.exit_code == 2
    assert "无法修改" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["fix", str(pdf), "--no-parent", "-o", str(tmp_path / "o.txt"), "--lang", "en"])
    assert r.exit_code == 2 and "cannot fix" in r.output


def test_output_onto_the_draft_is_refused(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(DRAFT.read_bytes())
    link = tmp_path / "link.txt"
    link.hardlink_to(draft)
    before = _sha(draft)
    r = CliRunner().invoke(main, ["fix", str(draft), "--parent", str(PARENT), "-o", str(link)])
    assert r.exit_code == 2
    assert _sha(draft) == before


def _finding(rule: str, item: str, line: int, col: int, orig: str, repl: str) -> Finding:
    fix = Fix(description="x", edits=[TextEdit(line=line, column=col, end_column=col + len(orig), original=orig, replacement=repl)])
    return Finding(rule=rule, check=rule, severity="warning", message="m", local_item=item, line=line, fix=fix)


def test_a_fix_that_brings_a_new_finding_is_skipped_and_the_others_kept():
    good = _finding("term", "1", 3, 1, "法制", "法治")
    bad = _finding("self", "2", 5, 1, "我市", "我区")
    before = [good, bad]

    def recheck(fixes: list[Fix]) -> list[Finding]:
        out = []
        if bad.fix not in fixes:
            out.append(bad)
        if bad.fix in fixes:  # the fix in item 2 makes a level finding appear there
            out.append(Finding(rule="level", check="level", severity="error", message="m", local_item="2", line=5))
        return out

    o: Outcome = plan_fixes(before, recheck)
    assert o.applied == [good]
    assert [(f.rule, why) for f, why in o.skipped] == [("self", "new_finding")]


def test_overlapping_fixes_keep_the_first():
    a = _finding("a", "1", 3, 1, "法制政府", "法治政府")
    b = _finding("b", "1", 3, 2, "制政", "治政")
    o = plan_fixes([a, b], lambda fixes: [])
    assert o.applied == [a] and [why for _, why in o.skipped] == ["overlap"]


def test_text_draft_keeps_encoding_breaks_and_bom():
    raw = "\ufeff第一行\r\n第二行 法制\r\n".encode()
    t = TextDraft.read(raw, "x.txt")
    assert t.encode() == raw
    edited = t.applied([Fix(description="x", edits=[TextEdit(line=2, column=5, end_column=7, original="法制", replacement="法治")])])
    assert edited.encode() == "\ufeff第一行\r\n第二行 法治\r\n".encode()
    gbk = "方案\n法制\n".encode("gb18030")
    t = TextDraft.read(gbk, "g.txt")
    out = t.applied([Fix(description="x", edits=[TextEdit(line=2, column=1, end_column=3, original="法制", replacement="法治")])])
    assert out.encode() == "方案\n法治\n".encode("gb18030")


@pytest.mark.parametrize("seed", [3, 11])
def test_fixes_on_generated_drafts_bring_nothing_new(tmp_path, seed):
    """Generated district/county drafts with typical slips (a stray space in a date, 法治 -> 法制,
    another level's self-reference): every applied fix re-checks clean."""
    from bench.generate import make_draft

    parent = load_plan(str(PARENT))
    text, _ = make_draft(parent, seed)
    lines = text.split("\n")
    body = [i for i, line in enumerate(lines) if re.match(r"\s*\d+[.．]", line)]
    assert len(body) > 6
    lines[body[1]] = re.sub(r"(\d{4})年", r"\1 年", lines[body[1]], count=1) + "2024 年底前完成。"
    lines[body[3]] = lines[body[3]].replace("法治", "法制", 1)
    lines[body[5]] = lines[body[5]].replace("。", "，推动我市工作。", 1)
    draft = tmp_path / "gen.txt"
    draft.write_text("\n".join(lines), "utf-8")
    result = run_fix(
        str(draft), str(tmp_path / "out.txt"), parent_path=str(PARENT), rulesets=[], no_core=False,
        allow_no_parent=False, lang="zh", level=None, jurisdiction=None, author="t",
    )  # fmt: skip
    assert result.outcome.applied, "the injected slips carry fixes"
    assert result.data is not None
    out = tmp_path / "out.txt"
    out.write_bytes(result.data)
    before, after = _check(draft), _check(out)
    grew = {k for k, n in _tally(after).items() if n > _tally(before).get(k, 0)}
    assert not grew, grew
    assert len(after) < len(before)


def test_no_safe_fix_writes_nothing(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("某区工作方案\n1.完善制度。全面厘清政府法定职责。(牵头单位:区司法局)\n", "utf-8")
    out = tmp_path / "o.txt"
    r = CliRunner().invoke(main, ["fix", str(draft), "--no-parent", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert not out.exists()
    assert "未写出文件" in r.output


def test_json_and_sarif_carry_the_fix(tmp_path):
    import json

    out = tmp_path / "r.json"
    sarif = tmp_path / "r.sarif"
    r = CliRunner().invoke(
        main,
        ["check", str(DRAFT), "--parent", str(PARENT), "--format", "json", "-o", str(out),
         "--format", "sarif", "-o", str(sarif), "--fail-on", "none"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    findings = json.loads(out.read_text("utf-8"))["findings"]
    fixed = [f for f in findings if f["fix"]]
    assert fixed and all(e["original"] != e["replacement"] for f in fixed for e in f["fix"]["edits"])
    results = json.loads(sarif.read_text("utf-8"))["runs"][0]["results"]
    with_fixes = [x for x in results if x.get("fixes")]
    assert len(with_fixes) == len(fixed)
    change = with_fixes[0]["fixes"][0]["artifactChanges"][0]
    assert change["replacements"][0]["deletedRegion"]["startLine"] >= 1
    assert "text" in change["replacements"][0]["insertedContent"]


def test_quotes_start_and_end_on_words():
    from engine.quote import on_words, shorten

    text = "依法建立和完善市、区总体应急预案和街道以上专项或部门应急预案"
    s = text.index("街道以上专项或部")
    a, b = on_words(text, s, s + len("街道以上专项或部"))
    assert text[a:b].endswith("部门")
    long = "加强涉外法治交流合作，积极营造良好的法治环境，引领科技、人才、产业等积极元素汇集柳州，促进现代化产业体系、基础设施体系不断优化振兴，为深度融入国内大循环和国际国内双循环创造条件"
    short = shorten(long, 40)
    assert "……" in short and len(short) <= 42
    head, tail = short.split("……")
    assert long.startswith(head) and long.endswith(tail)
    assert on_words(head + "x", 0, len(head))[1] == len(head)  # the head ends where a word ends
    assert shorten("短句", 40) == "短句"


def test_a_docx_with_a_table_still_gets_its_body_fixes(tmp_path):
    """A fix inside a table cell cannot be placed by guess: it alone is skipped."""
    import docx

    d = docx.Document()
    lines = DRAFT.read_text("utf-8").split("\n")
    for line in lines[:20]:
        d.add_paragraph(line.strip())
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "任务"
    t.cell(0, 1).text = "牵头单位"
    t.cell(1, 0).text = "健全法制政府建设保障体系"
    t.cell(1, 1).text = "区司法局"
    for line in lines[20:]:
        d.add_paragraph(line.strip())
    src = tmp_path / "with-table.docx"
    d.save(src)
    out = tmp_path / "fixed.docx"
    r = CliRunner().invoke(main, ["fix", str(src), "--parent", str(PARENT), "-o", str(out)])
    assert r.exit_code == 0, r.output
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert xml.count("<w:del ") >= 10


@pytest.mark.parametrize("name", ["fixed.txt", "fixed.docx"])
def test_the_summary_counts_what_check_finds_in_the_written_file(tmp_path, name):
    """"49 → 32" while `plancheck check` of the result said 31: the summary is the check of the file
    written, run the way `check` runs it."""
    out = tmp_path / name
    r = CliRunner().invoke(main, ["fix", str(DRAFT), "--parent", str(PARENT), "-o", str(out)])
    assert r.exit_code == 0, r.output
    summary = re.search(r"(\d+) → (\d+)", r.output)
    assert summary, r.output
    c = CliRunner().invoke(main, ["check", str(out), "--parent", str(PARENT), "--format", "json"])
    import json

    fresh = json.loads(c.output)["findings"]
    before = json.loads(CliRunner().invoke(main, ["check", str(DRAFT), "--parent", str(PARENT), "--format", "json"]).output)
    assert (int(summary.group(1)), int(summary.group(2))) == (len(before["findings"]), len(fresh))


def test_the_recheck_edits_lines_as_the_output_does():
    """Two fixes on one line: each must not shift the other's columns in the re-check's text either."""
    from engine.fix.run import edited_lines

    line = "加快建设法治城中、法治政府、法治社会，推进2022 年年底前完成"
    f1 = Fix(description="a", edits=[TextEdit(line=1, column=7, end_column=9, original="城中", replacement="国")])  # shorter: shifts what follows
    f2 = Fix(description="b", edits=[TextEdit(line=1, column=26, end_column=27, original=" ", replacement="")])
    raw = [(1, line)]
    draft = TextDraft([line], [], "utf-8")
    for order in ([f1, f2], [f2, f1]):
        assert edited_lines(raw, {1: [0]}, order)[0][1] == draft.applied(order).lines[0]
