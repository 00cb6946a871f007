"""Does the format a draft arrives in change its findings? The same draft as .txt, .docx and .pdf.

    python -m bench.fidelity [DRAFT.txt [PARENT]]

For each copy beside DRAFT.txt (same stem, .docx and .pdf, as bench/office_copies.py makes them), and
for the .pdf's text as a viewer copies it (a line per printed line, wrapped at varying widths), it prints the overlap of its findings with the .txt's: |common| / |union| over the multiset of
(check, measure, parent measure) keys, layout-only findings (the `format` kind) set aside and
counted separately, and lists the findings only one side has.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from engine.pipeline import check

ROOT = Path(__file__).resolve().parents[1]
LAYOUT_KINDS = frozenset({"format"})

Key = tuple[str, str, str]


def finding_keys(draft: Path, parent: Path | None) -> tuple[Counter[Key], Counter[Key]]:
    """(content findings, layout-only findings) of one check (alone without a parent), as multisets of keys."""
    if parent is None:
        run = check(str(draft), allow_no_parent=True, fail_on="none")
    else:
        run = check(str(draft), parent_path=str(parent), fail_on="none")
    content: Counter[Key] = Counter()
    layout: Counter[Key] = Counter()
    for f in run.report.findings:
        key = (f.check, f.local_item or "", f.parent_item or "")
        (layout if f.check in LAYOUT_KINDS else content)[key] += 1
    return content, layout


def overlap(a: Counter[Key], b: Counter[Key]) -> float:
    union = sum((a | b).values())
    return 1.0 if union == 0 else sum((a & b).values()) / union


def compare(name: str, tag: str, got: tuple[Counter[Key], Counter[Key]], base: tuple[Counter[Key], Counter[Key]]) -> None:
    """Print how one form's findings (content, layout) differ from the .txt's."""
    (content, layout), (base_content, base_layout) = got, base
    print(
        f"{name}: overlap {overlap(base_content, content):.3f}, {sum(content.values())} findings, "
        f"layout {sum(layout.values())} (txt {sum(base_layout.values())})"
    )
    for key, n in sorted((content - base_content).items()):
        print(f"  only {tag}: {key} x{n}")
    for key, n in sorted((base_content - content).items()):
        print(f"  only .txt: {key} x{n}")
    for key, n in sorted((layout - base_layout).items()):
        print(f"  layout only {tag}: {key} x{n}")


def main(argv: list[str]) -> None:
    draft = Path(argv[0]) if argv else ROOT / "fixtures" / "chengzhong-district-draft.txt"
    parent = Path(argv[1]) if len(argv) > 1 else ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
    base = finding_keys(draft, parent)
    print(f"{draft.name}: {sum(base[0].values())} findings (+{sum(base[1].values())} layout)")
    for ext in (".docx", ".pdf"):
        copy = draft.with_suffix(ext)
        if not copy.exists():
            print(f"{copy.name}: missing (python -m bench.office_copies makes it)")
            continue
        compare(copy.name, ext, finding_keys(copy, parent), base)
    pdf = draft.with_suffix(".pdf")
    if pdf.exists():  # the PDF's text as a viewer copies it: a line per printed line, wrapped at varying widths
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / (draft.stem + ".copied.txt")
            copy.write_text(copied_text(pdf), "utf-8")
            got = finding_keys(copy, parent)
        compare(f"{pdf.name} copied as text", "copied", got, base)


def copied_text(pdf: Path) -> str:
    """pdfium's text of each page (what a viewer's select-all copy gives), pages apart by form feeds."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\f".join(page.get_textpage().get_text_range() for page in doc).replace("\r\n", "\n")
    finally:
        doc.close()


if __name__ == "__main__":
    main(sys.argv[1:])
