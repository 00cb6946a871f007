"""Text copied out of a justified PDF (pdftotext without -layout, a viewer's copy and paste) breaks each
paragraph at a width that varies from line to line: the lines are joined back by what they say (a line
that ends mid-clause, a bracket left open, a label broken at the line end), not by one width
(engine/ingest/wrap.py, issue #16 item 7)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from engine.ingest import from_text, load_document
from engine.ingest.readers import split_lines, unwrap
from engine.ingest.wrap import width
from engine.parse import parse_plan
from engine.pipeline import check

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"


def _justified(text: str, seed: int, lo: int = 28, hi: int = 40) -> str:
    """Each paragraph broken as a justified page breaks it: a width of lo..hi Han characters, drawn anew
    for every line."""
    rng = random.Random(seed)
    out: list[str] = []
    for line in text.split("\n"):
        cur, room = "", rng.randint(lo, hi) * 2
        for ch in line.strip():
            if width(cur + ch) > room:
                out.append(cur)
                cur, room = "", rng.randint(lo, hi) * 2
            cur += ch
        out.append(cur)
    return "\n".join(out)


def _content(path: Path, parent: Path | None) -> Counter:
    run = check(str(path), parent_path=str(parent) if parent else None, allow_no_parent=parent is None, fail_on="none")
    return Counter((f.check, f.local_item or "", f.parent_item or "") for f in run.report.findings if f.check != "format")


def _measures(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(m.ref, m.lead_units, m.support_units) for m in parse_plan(from_text(text)).measures]


def test_a_plan_wrapped_at_varying_widths_reads_as_written(tmp_path: Path) -> None:
    text = DRAFT.read_text("utf-8")
    for seed in (1, 2):
        wrapped = _justified(text, seed)
        assert len(set(map(len, wrapped.split("\n")))) > 10  # no one width
        assert _measures(wrapped) == _measures(text)
        copy = tmp_path / f"copy{seed}.txt"
        copy.write_text(wrapped, "utf-8")
        assert _content(copy, PARENT) == _content(DRAFT, PARENT)


def test_the_seed_pdf_copied_as_text_gives_the_findings_of_the_txt(tmp_path: Path) -> None:
    """The seed PDF's text as a viewer copies it (pdfium's text, a line per printed line, pages apart by
    form feeds) gives the .txt's findings (layout-only ones aside)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(DRAFT.with_suffix(".pdf")))
    pages = [page.get_textpage().get_text_range() for page in pdf]
    copy = tmp_path / "copied.txt"
    copy.write_text("\f".join(pages).replace("\r\n", "\n"), "utf-8")
    assert _content(copy, PARENT) == _content(DRAFT, PARENT)


def test_units_broken_at_a_line_end_are_read() -> None:
    """A unit's name, a bracket and a 责任单位： label broken at line ends of varying width."""
    text = "\n".join([
        "某市推进数字政府建设实施方案",
        "为加快数字政府建设，提升政府治理能力，结合本市实际，制定本实施方案。",
        "一、重点任务",
        "1．建设一体化政务服务平台。推进政务服务事项全部接入平台，实现",
        "市、县、乡三级政务服务事项网上可办率达到95%以上。（市发展改革委牵头",
        "，市财政局、市自然资",
        "源局配合）",
        "2．推进电子证照共享应用。全面推行电子证照在政务服务、社会生活等领域的共享",
        "互认，2025年底前实现高频电子证照应用全覆盖。责任",
        "单位：市政务服务数据管理局、市公安局",
        "3．完善公共数据开放制度。依法有序推进公共数据向社会开放，编制公共数据开放",
        "目录，健全开放数据质量管理和安全保障制度。责任单位：",
        "市政务服务数据管理局",
        "二、保障措施",
        "各部门要加强协作，确保各项任务落到实处。",
    ])  # fmt: skip
    got = _measures(text)
    assert got == [
        ("1", ["市发展改革委"], ["市财政局", "市自然资源局"]),
        ("2", ["市政务服务数据管理局", "市公安局"], []),
        ("3", ["市政务服务数据管理局"], []),
    ], got


def test_a_page_break_inside_a_paragraph_is_joined_over_but_a_list_of_fields_is_no_wrap() -> None:
    """A paragraph going on over a page break (its header and page number blanked) is one paragraph; a
    task list of short field lines (牵头单位： / 完成时限：) is written a line a field and stays so."""
    page = "推进法治政府建设，健全依法行政制度体系，完善行政决策程序规则，全面推进政务公开，"
    wrapped = "\n".join([
        "某区法治政府建设实施方案", "一、工作任务",
        "1．加强制度建设。" + page[:20], page[20:], page[:25] + "，提高",
        "— 1 —", "\f征求意见稿", "",
        "行政执法质量和效能。（区司法局牵头，区政府各部门配合）",
        "2．深化行政执法体制改革。" + page[:18], page[18:] + "。（区司法局负责）",
        "— 2 —", "\f征求意见稿", "", "3．完善监督机制。" + page[:21], page[21:] + "。（区司法局负责）",
        "4．强化普法宣传。" + page[:19], page[19:] + "。（区司法局负责）",
        "5．加强队伍建设。" + page[:22], page[22:] + "。（区司法局负责）",
    ])  # fmt: skip
    doc = from_text(wrapped)
    first = next(p for p in doc.paragraphs if p.text.startswith("1."))
    assert first.text.endswith("提高行政执法质量和效能。(区司法局牵头，区政府各部门配合)"), first.text
    fields = (ROOT / "fixtures" / "entries" / "deyang-city-old-residential-areas.txt").read_text("utf-8")
    lines = split_lines(fields)
    assert unwrap(lines) == lines
    assert [m.ref for m in parse_plan(load_document(str(ROOT / "fixtures" / "entries" / "deyang-city-old-residential-areas.txt"))).measures][:2] == ["任务1", "任务2"]
