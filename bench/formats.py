"""Does the format a plan arrives in change what plancheck reads and finds? Every .txt plan of the blind
sets (fixtures/unseen, heldout, blind3), their parent/child pairs and the seed pair, each also as an
office's .docx, as the same .docx with Word automatic numbering, and as LibreOffice's PDF of both.

    python -m bench.formats [--sets …] [--only TEXT] [--no-pdf] [--justify] [--keep DIR] [-v]

The copies are made by bench.office_copies (python-docx, one paragraph per line, 仿宋, running header,
`— N —` footer; tab-separated task tables as Word tables; the second copy with 一、 （一） 1. … as
w:numPr automatic numbering) in a temporary directory (`--keep DIR`
keeps them). For each copy it compares with the .txt:

- measures: the measures `plancheck parse --format json` gives (engine.pipeline.load_plan), as
  (ref, lead units, support units): equal or not, and the first difference;
- findings: `plancheck check` (against the parent for a pair, alone otherwise), Jaccard overlap of the
  multisets of (check, measure, parent measure) keys, layout-only findings (the `format` kind) set
  aside and their count shown (bench.fidelity's keys).

It prints one line per document and form, then the totals per form: documents with equal measures,
documents with overlap 1, and the overlap of all keys pooled. Needs python-docx and LibreOffice
(`soffice`; without it, `--no-pdf` is implied).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.fidelity import Key, finding_keys, overlap
from bench.office_copies import make_docx, to_pdfs
from engine.errors import PlancheckError

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"
SETS = ("unseen", "heldout", "blind3")
FORMS = ("docx", "docx#", "pdf", "pdf#")  # '#': the copy with Word automatic numbering

Measures = list[tuple[str, tuple[str, ...], tuple[str, ...]]]


@dataclass
class Doc:
    name: str
    draft: Path
    parent: Path | None
    copies: dict[str, Path] = field(default_factory=dict)


def documents(sets: list[str]) -> list[Doc]:
    docs: list[Doc] = []
    for s in SETS:
        if s in sets:
            docs += [Doc(f"{s}/{p.stem}", p, None) for p in sorted((FIX / s).glob("*.txt"))]
    if "pairs" in sets:
        docs.append(
            Doc("seed", FIX / "chengzhong-district-draft.txt", FIX / "guangxi-2021-2025-parent.txt")
        )
        docs.append(
            Doc("unseen/pair", FIX / "unseen/pair/luoyang-youth-jobs-child.txt",
                FIX / "unseen/pair/national-youth-jobs-parent.txt")
        )  # fmt: skip
        docs.append(
            Doc("blind3/pair", FIX / "blind3/pair/yinchuan-city-accessibility-child.txt",
                FIX / "blind3/pair/national-accessibility-parent.txt")
        )  # fmt: skip
    return docs


def text_lines(path: Path) -> list[str]:
    """The lines of a .txt plan as the engine decodes it (GBK and UTF-16 plans too)."""
    from engine.ingest.encoding import decode_text

    text, _ = decode_text(path.read_bytes(), str(path))
    return text.lstrip("\ufeff").splitlines()


def make_copies(docs: list[Doc], out: Path, pdf: bool, justify: bool = False) -> None:
    made: list[Path] = []
    for k, doc in enumerate(docs):
        lines = text_lines(doc.draft)
        plain, numbered = out / f"d{k:03d}.docx", out / f"d{k:03d}n.docx"
        make_docx(lines, plain, tables=True, justify=justify)
        make_docx(lines, numbered, numbered=True, tables=True, justify=justify)
        doc.copies["docx"], doc.copies["docx#"] = plain, numbered
        made += [plain, numbered]
    if pdf:
        pdfs = to_pdfs(made, out)
        for doc, (a, b) in zip(docs, zip(pdfs[::2], pdfs[1::2], strict=True), strict=True):
            doc.copies["pdf"], doc.copies["pdf#"] = a, b


def measures(path: Path) -> Measures:
    """The measures `plancheck parse` reads: (ref, lead units, support units)."""
    from engine.pipeline import load_plan

    plan = load_plan(str(path))
    return [(m.ref, tuple(m.lead_units), tuple(m.support_units)) for m in plan.measures]


def first_difference(a: Measures, b: Measures) -> str:
    if [m[0] for m in a] != [m[0] for m in b]:
        only_a = [m[0] for m in a if m[0] not in {x[0] for x in b}]
        only_b = [m[0] for m in b if m[0] not in {x[0] for x in a}]
        return f"refs {len(a)} vs {len(b)}: only txt {only_a[:6]}, only copy {only_b[:6]}"
    for x, y in zip(a, b, strict=True):
        if x != y:
            return f"{x[0]}: txt lead {list(x[1])} support {list(x[2])}, copy lead {list(y[1])} support {list(y[2])}"
    return ""


@dataclass
class Tally:
    docs: int = 0
    same_measures: int = 0
    full_overlap: int = 0
    common: int = 0
    union: int = 0
    layout_txt: int = 0
    layout_copy: int = 0


def run(docs: list[Doc], forms: list[str], verbose: bool) -> dict[str, Tally]:
    tallies = {f: Tally() for f in forms}
    for doc in docs:
        base_m = measures(doc.draft)
        base, base_layout = finding_keys(doc.draft, doc.parent)
        print(f"{doc.name}: {len(base_m)} measures, {sum(base.values())} findings (+{sum(base_layout.values())} layout)")
        for form in forms:
            copy = doc.copies.get(form)
            if copy is None:
                continue
            t = tallies[form]
            try:
                got_m = measures(copy)
                got, layout = finding_keys(copy, doc.parent)
            except PlancheckError as exc:  # the copy cannot be read as a plan at all: nothing in common
                got_m, got, layout = [], Counter(), Counter()
                error = f"  error {exc.code}"
            else:
                error = ""
            same = got_m == base_m
            ov = overlap(base, got)
            t.docs += 1
            t.same_measures += same
            t.full_overlap += ov == 1.0
            t.common += sum((base & got).values())
            t.union += sum((base | got).values())
            t.layout_txt += sum(base_layout.values())
            t.layout_copy += sum(layout.values())
            diff = error or ("" if same else "  " + first_difference(base_m, got_m))
            print(
                f"  {form:6} measures {'same' if same else 'DIFF'} ({len(got_m)})  overlap {ov:.3f}  "
                f"layout {sum(layout.values())}{diff}"
            )
            if verbose:
                _show(base, got, base_layout, layout)
    return tallies


def _show(base: Counter[Key], got: Counter[Key], base_layout: Counter[Key], layout: Counter[Key]) -> None:
    for key, n in sorted((got - base).items()):
        print(f"      only copy: {key} x{n}")
    for key, n in sorted((base - got).items()):
        print(f"      only txt:  {key} x{n}")
    for key, n in sorted((layout - base_layout).items()):
        print(f"      layout only copy: {key} x{n}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="unseen,heldout,blind3,pairs")
    ap.add_argument("--only", help="documents whose name contains this")
    ap.add_argument("--no-pdf", action="store_true", help="no PDF copies (no LibreOffice needed)")
    ap.add_argument("--keep", type=Path, help="write the copies here and keep them")
    ap.add_argument("--justify", action="store_true", help="justified body text (两端对齐), as many offices set it")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the findings only one side has")
    args = ap.parse_args(argv)
    docs = documents(args.sets.split(","))
    if args.only:
        docs = [d for d in docs if args.only in d.name]
    pdf = not args.no_pdf and bool(shutil.which("soffice") or shutil.which("libreoffice"))
    forms = [f for f in FORMS if pdf or not f.startswith("pdf")]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        make_copies(docs, out, pdf, args.justify)
        tallies = run(docs, forms, args.verbose)
    print("\nform    docs  same measures  overlap 1  pooled overlap  layout findings (txt -> copy)")
    for form, t in tallies.items():
        pooled = t.common / t.union if t.union else 1.0
        print(
            f"{form:6} {t.docs:5}  {t.same_measures:13}  {t.full_overlap:9}  {pooled:14.3f}  "
            f"{t.layout_txt} -> {t.layout_copy}"
        )


if __name__ == "__main__":
    main()
