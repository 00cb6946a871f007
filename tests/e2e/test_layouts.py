"""The same plans in the layouts real offices send: the findings must not depend on the wrapping.

Traditional characters with scraped-page pinyin junk in a GBK file, a government HTML page declared
gb2312, a .docx, and the whole draft delivered as one line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import opencc
import pytest

from engine.pipeline import check

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"


def _summary(draft: Path, parent: Path) -> tuple[list[tuple], object]:
    run = check(str(draft), parent_path=str(parent), fail_on="none")
    keys = [(f.check, f.local_item, f.parent_item, f.message) for f in run.report.findings]
    return keys, run.report.summary.coverage


@pytest.fixture(scope="module")
def baseline() -> tuple[list[tuple], object]:
    return _summary(DRAFT, PARENT)


def test_traditional_gbk_parent_with_pinyin_junk(tmp_path: Path, baseline) -> None:
    trad = opencc.OpenCC("s2t").convert(PARENT.read_text("utf-8"))
    trad = trad.replace("設", "設(shè)", 3).replace("綱要", "綱(gāng)要", 1)
    parent = tmp_path / "parent.txt"
    parent.write_bytes(trad.encode("gb18030"))
    keys, cov = _summary(DRAFT, parent)
    assert cov == baseline[1]
    assert keys == baseline[0]


def test_html_page_declared_gb2312(tmp_path: Path, baseline) -> None:
    body = "".join(f"<p>{line.strip()}</p>\n" for line in DRAFT.read_text("utf-8").splitlines() if line.strip())
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body>"
        "<div>索引号：000014349/2022-00123</div><div>【字体：大 中 小】【打印】</div>"
        f"{body}<div>【关闭窗口】</div></body></html>"
    )
    draft = tmp_path / "draft.html"
    draft.write_bytes(page.encode("gb18030"))
    keys, cov = _summary(draft, PARENT)
    assert cov == baseline[1]
    assert Counter(k[:3] for k in keys) == Counter(k[:3] for k in baseline[0])


def test_docx_draft(tmp_path: Path, baseline) -> None:
    import docx

    d = docx.Document()
    for line in DRAFT.read_text("utf-8").splitlines():
        if line.strip():
            d.add_paragraph(line.strip())
    path = tmp_path / "draft.docx"
    d.save(str(path))
    keys, cov = _summary(path, PARENT)
    assert cov == baseline[1]
    assert Counter(k[:3] for k in keys) == Counter(k[:3] for k in baseline[0])


def test_whole_draft_on_one_line(tmp_path: Path, baseline) -> None:
    path = tmp_path / "oneline.txt"
    path.write_text("".join(line.strip() for line in DRAFT.read_text("utf-8").splitlines()), "utf-8")
    keys, cov = _summary(path, PARENT)
    assert cov.missing == 0 and cov.parent_measures == 50
    base = Counter(k[0] for k in baseline[0])
    got = Counter(k[0] for k in keys)
    # Layout-bound findings (a clause broken over two paragraphs) disappear with the line breaks;
    # nothing may be reported more often than in the multi-line draft.
    for kind, n in got.items():
        assert n <= base[kind], (kind, n, base[kind])
    assert got["level_scope"] == base["level_scope"]
    assert got["lead_unit_vague"] == base["lead_unit_vague"]


def test_fingerprints_do_not_depend_on_the_language() -> None:
    zh = check(str(DRAFT), parent_path=str(PARENT), fail_on="none", lang="zh").report.findings
    en = check(str(DRAFT), parent_path=str(PARENT), fail_on="none", lang="en").report.findings
    assert [f.fingerprint for f in zh] == [f.fingerprint for f in en]
    assert [f.message for f in zh] != [f.message for f in en]
    assert len({f.fingerprint for f in zh}) == len(zh)


@pytest.mark.parametrize("ext", [".docx", ".pdf"])
def test_office_copies_give_the_findings_of_the_text(ext: str) -> None:
    """The seed draft as an office sends it (python -m bench.office_copies: a .docx in 仿宋 with a running
    header and `— N —` page numbers, and LibreOffice's PDF of it): the findings of the .txt, layout
    findings included — the PDF's wrapped lines, page furniture and autospacing leave no trace."""
    base, _ = _summary(DRAFT, PARENT)
    keys, _ = _summary(DRAFT.with_suffix(ext), PARENT)
    assert len(base) > 20  # the draft has real findings to compare
    assert Counter(k[:3] for k in keys) == Counter(k[:3] for k in base)
