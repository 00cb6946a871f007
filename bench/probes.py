"""Hostile and careless inputs, as an attacker or a hurried clerk would give them: `python -m bench.probes`.

Issue 20's acceptance run. Each probe class builds its inputs in a fresh temporary folder, runs the
installed `plancheck` command in its own process group under a 10 s wall-clock bound and a 1 GB
address-space limit (`resource.setrlimit` in the child), and records the exit code, the first line of
standard error, the wall time, the peak RSS (from `wait4`) and whether every file that was there
before (inputs, hard links, symlink targets) is byte-identical afterwards. A probe fails on a
traceback, an internal error (内部错误), a run past the bound, an exit code other than the one the
class calls for (2 with a message where the input is refused; 0/1 where a report is due; 130/143
when interrupted), a changed input, or a failed check of what it wrote (well-formed .docx/.xlsx/JUnit
XML, no raw control characters on a terminal, byte-identical reports).

    python -m bench.probes                 # every class, a table, exit 1 if any failed
    python -m bench.probes -k docx -k pdf  # only classes whose name contains one of these
    python -m bench.probes --list          # the class names
    python -m bench.probes --json out.json # the table as JSON too

Nothing outside the temporary folders is written; a run takes a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
DRAFT_DOCX = ROOT / "fixtures" / "chengzhong-district-draft.docx"
EXE = str(Path(sys.executable).with_name("plancheck"))
WALL = 10.0
MEMORY = 1 << 30

REFUSE, REPORT, EITHER, SIGINT, SIGTERM = "refuse", "report", "either", "sigint", "sigterm"
ALLOWED = {REFUSE: {2}, REPORT: {0, 1}, EITHER: {0, 1, 2}, SIGINT: {130}, SIGTERM: {143}}
CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\x7f"} | {chr(c) for c in range(0x80, 0xA0)}
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


@dataclass
class Run:
    """One command of a probe: its arguments, standard input, what its exit code must be."""

    args: list[str]
    expect: str = REPORT
    stdin: bytes | Callable[[], object] | None = None
    env: dict[str, str] = field(default_factory=dict)
    signal_after: float | None = None  # seconds after plancheck is ready (or its workers started)
    signal_sig: int = signal.SIGINT
    wait_workers: bool = False
    name: bytes | None = None  # argv given as bytes (file names that are not UTF-8)


@dataclass
class Result:
    probe: str
    code: int | None
    first: str
    seconds: float
    rss_mb: float
    unchanged: bool
    problems: list[str]


@dataclass
class Probe:
    name: str
    build: Callable[[Path], list[Run]]
    verify: Callable[[Path, list[tuple[Run, int | None, bytes, bytes]]], list[str]] | None = None
    may_change: tuple[str, ...] = ()  # files the probe asks plancheck to write (not the user's inputs)


# --------------------------------------------------------------------------------------------------
# material


def copy_pair(d: Path) -> None:
    shutil.copy(DRAFT, d / "d.txt")
    shutil.copy(PARENT, d / "p.txt")


def docx_with(document_xml: bytes, extra: dict[str, bytes] | None = None, rels: bytes | None = None) -> bytes:
    """A minimal .docx around `document_xml`, parts written as given."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'wordprocessingml.document.main+xml"/></Types>')  # fmt: skip
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')  # fmt: skip
        z.writestr("word/document.xml", document_xml)
        if rels is not None:
            z.writestr("word/_rels/document.xml.rels", rels)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraphs_xml(lines: list[str], head: str = "") -> bytes:
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{_x(t)}</w:t></w:r></w:p>" for t in lines)
    return f'<?xml version="1.0" encoding="UTF-8"?>{head}<w:document {W}><w:body>{body}</w:body></w:document>'.encode()


def _x(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def draft_lines() -> list[str]:
    return [ln for ln in DRAFT.read_text("utf-8").splitlines() if ln.strip()]


def pdf_pages(n_pages: int, *, shared_tree: bool = False) -> bytes:
    """A PDF of `n_pages` pages sharing one small content stream; `shared_tree`: a page tree whose
    one intermediate node of 1,000 leaves is listed 1,000 times (a million pages by reference)."""
    content = b"BT /F1 12 Tf 72 720 Td (1. test measure) Tj ET"
    objs: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        4: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        5: b"<< /Type /Page /Parent 6 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
    }
    if shared_tree:
        objs[6] = b"<< /Type /Pages /Parent 2 0 R /Kids [" + b"5 0 R " * 1000 + b"] /Count 1000 >>"
        objs[2] = b"<< /Type /Pages /Kids [" + b"6 0 R " * 1000 + b"] /Count 1000000 >>"
    else:
        first = 7
        for i in range(n_pages):
            objs[first + i] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                               b"/Resources << /Font << /F1 3 0 R >> >> >>")  # fmt: skip
        objs[2] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (first + i) for i in range(n_pages))
                   + b"] /Count %d >>" % n_pages)  # fmt: skip
        objs[6] = b"<< >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n")
    xref = out.tell()
    size = max(objs) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for num in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


def plan_like(size_mb: float) -> bytes:
    text = PARENT.read_bytes()
    want = int(size_mb * 2**20)
    return b"\n".join([text] * (want // len(text) + 1))[:want].rsplit(b"\n", 1)[0] + b"\n"


def ruleset(rules: str, extra: str = "") -> str:
    return f"id: probe\nversion: \"1\"\n{extra}rules:\n{rules}"


def rule(check: str, options: str, message: str = "问题", rid: str = "r1") -> str:
    return (f"  - id: {rid}\n    check: {check}\n    severity: warning\n    message: \"{message}\"\n"
            f"    options:\n{options}")  # fmt: skip


CHECK = ["check", "d.txt", "--parent", "p.txt"]


def with_files(files: dict[str, bytes | str], *runs: Run, pair: bool = True) -> Callable[[Path], list[Run]]:
    def build(d: Path) -> list[Run]:
        if pair:
            copy_pair(d)
        for name, data in files.items():
            p = d / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data.encode() if isinstance(data, str) else data)
        return list(runs)

    return build


def link(kind: str, target: str, name: str, *runs: Run, setup: Callable[[Path], None] | None = None) -> Callable[[Path], list[Run]]:
    def build(d: Path) -> list[Run]:
        copy_pair(d)
        if setup:
            setup(d)
        (os.link if kind == "hard" else os.symlink)(d / target if kind == "hard" else target, d / name)
        return list(runs)

    return build


def chain(d: Path) -> None:
    (d / "r.yaml").write_text(ruleset("  []\n"), "utf-8")
    (d / "r2.yaml").write_text("id: probe2\nversion: \"1\"\nextends: [r.yaml]\nrules: []\n", "utf-8")


def waivers(d: Path) -> None:
    (d / "w.yaml").write_text("- rule: lead-unit-named\n  reason: 已另行明确\n  approver: 张三\n  expires: 2030-01-01\n", "utf-8")


# --------------------------------------------------------------------------------------------------
# verifications of what was written


def xml_ok(data: bytes) -> str | None:
    from xml.etree import ElementTree

    try:
        ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        return str(e)
    return None


def zip_xml_ok(path: Path) -> list[str]:
    if not path.exists():
        return [f"{path.name} not written"]
    try:
        with zipfile.ZipFile(path) as z:
            return [f"{path.name}:{n}: {err}" for n in z.namelist() if n.endswith((".xml", ".rels"))
                    for err in [xml_ok(z.read(n))] if err]  # fmt: skip
    except zipfile.BadZipFile as e:
        return [f"{path.name}: {e}"]


def raw_controls(data: bytes, what: str) -> list[str]:
    text = data.decode("utf-8", "replace")
    bad = sorted({f"U+{ord(c):04X}" for c in text if c in CONTROL or c in BIDI})
    return [f"{what} carries raw {', '.join(bad)}"] if bad else []


def verify_outputs(d: Path, runs: list[tuple[Run, int | None, bytes, bytes]]) -> list[str]:
    """Every format written by a control-character probe is well-formed and carries no raw controls."""
    problems: list[str] = []
    for name in ("o.docx", "o.xlsx", "fb.docx"):
        problems += zip_xml_ok(d / name)
    for name in ("o.xml",):
        p = d / name
        problems += [f"{name}: {e}" for e in [xml_ok(p.read_bytes()) if p.exists() else "not written"] if e]
    for name in ("o.json", "o.sarif"):
        p = d / name
        try:
            json.loads(p.read_bytes())
        except (OSError, ValueError) as e:
            problems.append(f"{name}: {e}")
    for name in ("o.txt", "o.log", "o.md", "o.gh"):
        p = d / name
        problems += raw_controls(p.read_bytes(), name) if p.exists() else [f"{name} not written"]
    for _run, _code, out, err in runs:
        problems += raw_controls(out, "stdout") + raw_controls(err, "stderr")
    return problems


def verify_terminal(d: Path, runs: list[tuple[Run, int | None, bytes, bytes]]) -> list[str]:
    problems: list[str] = []
    for _run, _code, out, err in runs:
        problems += raw_controls(out, "stdout") + raw_controls(err, "stderr")
    return problems


def verify_same(*names: str) -> Callable[[Path, list], list[str]]:
    """The runs' standard outputs (or the named files, written by alternate runs) are identical."""

    def check(d: Path, runs: list[tuple[Run, int | None, bytes, bytes]]) -> list[str]:
        outs = [out for _r, _c, out, _e in runs]
        if len(set(outs)) != 1:
            return [f"standard output differs between runs ({len(set(outs))} versions)"]
        return []

    return check


def verify_same_files(d: Path) -> list[str]:
    """The files under a/ and b/ (the same check run twice, different hash seeds) are byte-identical."""
    a = {p.name: p.read_bytes() for p in (d / "a").iterdir()}
    b = {p.name: p.read_bytes() for p in (d / "b").iterdir()}
    if len(a) < 10:
        return [f"only {len(a)} formats written"]
    return [f"{name} differs between runs" for name in sorted(a) if a[name] != b.get(name)]


def verify_batch_two_formats(d: Path, runs: list[tuple[Run, int | None, bytes, bytes]]) -> list[str]:
    code = runs[0][1]
    if code == 2:
        return [] if not (d / "x.sarif").exists() and not (d / "y.json").exists() else ["refused, yet wrote a file"]
    problems = []
    try:
        s = json.loads((d / "x.sarif").read_bytes())
        if "runs" not in s:
            problems.append("x.sarif is not SARIF")
    except (OSError, ValueError) as e:
        problems.append(f"x.sarif: {e}")
    try:
        j = json.loads((d / "y.json").read_bytes())
        if "runs" in j and "$schema" in j:
            problems.append("y.json holds SARIF")
    except (OSError, ValueError) as e:
        problems.append(f"y.json: {e}")
    return problems


def verify_batch_docx(d: Path, runs: list[tuple[Run, int | None, bytes, bytes]]) -> list[str]:
    p = d / "batch.docx"
    if runs[0][1] == 2:
        return ["refused, yet wrote batch.docx"] if p.exists() else []
    return zip_xml_ok(p) if zipfile.is_zipfile(p) else ["batch.docx is not a .docx"]


def verify_no_partial(*names: str) -> Callable[[Path, list], list[str]]:
    def check(d: Path, runs: list[tuple[Run, int | None, bytes, bytes]]) -> list[str]:
        left = [p.name for p in d.iterdir() if p.name in names or ".tmp" in p.name or p.name.startswith(".")]
        return [f"left behind: {', '.join(sorted(left))}"] if left else []

    return check


def verify_cache_same(d: Path, runs: list[tuple[Run, int | None, bytes, bytes]]) -> list[str]:
    """The run with the tampered cache reports what the run with a clean cache reported."""
    outs = [out for _r, _c, out, _e in runs]
    return [] if outs[0] == outs[-1] else ["a tampered cache changed the report"]


# --------------------------------------------------------------------------------------------------
# the classes

FORMATS = ["--format", "docx", "-o", "o.docx", "--format", "feedback", "-o", "o.xlsx", "--format", "feedback",
           "-o", "fb.docx", "--format", "junit", "-o", "o.xml", "--format", "json", "-o", "o.json", "--format",
           "sarif", "-o", "o.sarif", "--format", "text", "-o", "o.txt", "--format", "compact", "-o", "o.log",
           "--format", "markdown", "-o", "o.md", "--format", "html", "-o", "o.html", "--format", "github",
           "-o", "o.gh"]  # fmt: skip


def controls_draft() -> bytes:
    """The draft as pdftotext leaves it (a form feed at each page break) with terminal escapes, a
    bell, backspace, DEL, C1 controls and a right-to-left override planted in its measures; no NUL
    (a file with NULs is refused as binary, which the `nul-bytes` class covers)."""
    lines = DRAFT.read_text("utf-8").splitlines()
    planted = ["\x1b[31m", "\x1b]0;pwned\x07", "\x08", "\x7f", "\x9b2J", "\x85", "\u202e", "\x01"]
    out = []
    for i, ln in enumerate(lines):
        if i % 30 == 29:
            ln = "\x0c" + ln
        elif i % 9 == 4 and len(ln) > 6:
            ln = ln[:4] + planted[i % len(planted)] + ln[4:]
        out.append(ln)
    return "\n".join(out).encode()


def huge_stdin() -> Callable[[], object]:
    def feed(pipe) -> None:
        chunk = b"\xe4\xb8\x80" * 21845 + b"\n"
        try:
            for _ in range(200 * 2**20 // len(chunk)):
                pipe.write(chunk)
        except (BrokenPipeError, OSError):
            pass

    return feed


def fifo(name: str) -> Callable[[Path], None]:
    return lambda d: os.mkfifo(d / name)


def cache_planted(kind: str) -> Callable[[Path], list[Run]]:
    """A cache folder filled by someone else (or a crafted file, or a FIFO): the report must be the
    clean cache's, and no run may hang."""

    def build(d: Path) -> list[Run]:
        copy_pair(d)
        clean, bad = d / "clean-cache", d / "bad-cache"
        clean.mkdir()
        env_clean = {"PLANCHECK_CACHE_DIR": str(clean), "XDG_CACHE_HOME": str(clean)}
        env_bad = {"PLANCHECK_CACHE_DIR": str(bad), "XDG_CACHE_HOME": str(bad)}
        first = Run([*CHECK, "--format", "json"], env=env_clean)

        def tamper() -> None:  # after the clean run, copy its cache and damage every file
            shutil.copytree(clean, bad)
            for p in sorted(bad.rglob("*")):
                if not p.is_file():
                    continue
                data = p.read_bytes()
                if kind == "garbage":
                    p.write_bytes(os.urandom(len(data) or 64))
                elif kind == "forged":  # valid-looking header, body flipped, any checksum recomputed by name
                    p.write_bytes(data[: len(data) // 2] + bytes(b ^ 0x55 for b in data[len(data) // 2 :]))
                elif kind == "fifo":
                    p.unlink()
                    os.mkfifo(p)
                elif kind == "symlink":
                    p.unlink()
                    p.symlink_to("/dev/zero")
                elif kind == "truncated":
                    p.write_bytes(data[:7])
            if kind == "readonly":
                for p in sorted(bad.rglob("*"), reverse=True):
                    p.chmod(0o500 if p.is_dir() else 0o400)
                bad.chmod(0o500)
            if kind == "world-writable":
                bad.chmod(0o777)
                for p in bad.rglob("*"):
                    if p.is_file():
                        p.write_bytes(os.urandom(64))

        return [first, Run([*CHECK, "--format", "json"], env=env_bad, stdin=("tamper", tamper))]

    return build


def concurrent(d: Path) -> list[Run]:
    copy_pair(d)
    return [Run(["__concurrent__"], env={"PLANCHECK_CACHE_DIR": str(d / "c")})]


def sized(mb: int) -> Callable[[Path], list[Run]]:
    """Plan-like text of `mb` MB: checked under 20 MB (the goal: 10 MB in 10 s), refused from 20 MB."""

    def build(d: Path) -> list[Run]:
        copy_pair(d)
        (d / "big.txt").write_bytes(plan_like(mb))
        return [Run(["check", "big.txt", "--parent", "p.txt", "--fail-on", "none", "-o", "o.json"], REFUSE if mb >= 20 else REPORT)]

    return build


PROBES: list[Probe] = [
    # --- the user's files are never written -------------------------------------------------------
    Probe("out-hardlink-draft", link("hard", "d.txt", "hard.txt", Run([*CHECK, "-o", "hard.txt"], REFUSE))),
    Probe("out-symlink-draft", link("sym", "d.txt", "sym.txt", Run([*CHECK, "-o", "sym.txt"], REFUSE))),
    Probe("out-hardlink-parent", link("hard", "p.txt", "hp.txt", Run([*CHECK, "-o", "hp.txt"], REFUSE))),
    Probe("out-is-draft", with_files({}, Run([*CHECK, "-o", "d.txt"], REFUSE))),
    Probe("out-extends-chain", link("hard", "r.yaml", "rl.yaml", Run(["check", "d.txt", "--ruleset", "r2.yaml", "-o", "rl.yaml"], REFUSE), setup=chain)),
    Probe("out-extends-chain-direct", with_files({}, Run(["check", "d.txt", "--ruleset", "r2.yaml", "-o", "r.yaml"], REFUSE)) if False else
          (lambda d: (copy_pair(d), chain(d), [Run(["check", "d.txt", "--ruleset", "r2.yaml", "-o", "r.yaml"], REFUSE)])[2])),
    Probe("out-waivers-hardlink", link("hard", "w.yaml", "wl.yaml", Run([*CHECK, "--waivers", "w.yaml", "-o", "wl.yaml"], REFUSE), setup=waivers)),
    Probe("derive-force-hardlink-parent", link("hard", "p.txt", "hp.yaml", Run(["derive", "p.txt", "-o", "hp.yaml", "--force"], REFUSE))),
    Probe("derive-force-symlink-parent", link("sym", "p.txt", "sp.yaml", Run(["derive", "p.txt", "-o", "sp.yaml", "--force"], REFUSE))),
    Probe("fix-output-hardlink-draft", link("hard", "d.txt", "fx.txt", Run(["fix", "d.txt", "--parent", "p.txt", "-o", "fx.txt"], REFUSE))),
    Probe("batch-two-formats", lambda d: (copy_pair(d), shutil.copy(DRAFT, d / "d2.txt"),
          [Run(["check", "d.txt", "d2.txt", "--parent", "p.txt", "--format", "sarif", "-o", "x.sarif", "--format", "json", "-o", "y.json"], EITHER)])[2],
          verify_batch_two_formats),
    Probe("batch-docx", lambda d: (copy_pair(d), shutil.copy(DRAFT, d / "d2.txt"),
          [Run(["check", "d.txt", "d2.txt", "--parent", "p.txt", "--format", "docx", "-o", "batch.docx"], EITHER)])[2], verify_batch_docx),
    # --- reports cannot be corrupted or steered ---------------------------------------------------
    Probe("control-chars-every-format", with_files({"d.txt": controls_draft()}, Run(CHECK + FORMATS)), verify_outputs),
    Probe("control-chars-terminal-text", with_files({"d.txt": controls_draft()}, Run(CHECK)), verify_terminal),
    Probe("control-chars-docx-draft", lambda d: (copy_pair(d), (d / "d.docx").write_bytes(docx_with(paragraphs_xml(
          [ln.replace("加强", "加\x0c强") for ln in draft_lines()]).replace(b"\x0c", b"&#x1B;"))),
          [Run(["check", "d.docx", "--parent", "p.txt", "-o", "o.docx"], EITHER)])[2],
          lambda d, r: zip_xml_ok(d / "o.docx") if r[0][1] != 2 else []),
    Probe("template-attribute", with_files({"r.yaml": ruleset(rule("pattern", "      forbidden: ['区']\n", "{rule.__class__.__base__}"))},
          Run(["check", "d.txt", "--ruleset", "r.yaml", "--no-core"], REFUSE))),
    Probe("template-format-width", with_files({"r.yaml": ruleset(rule("pattern", "      forbidden: ['区']\n", "{n_lead_units:999999999}"))},
          Run(["check", "d.txt", "--ruleset", "r.yaml", "--no-core"], REFUSE))),
    Probe("template-index", with_files({"r.yaml": ruleset(rule("pattern", "      forbidden: ['区']\n", "{text[0]}{0}"))},
          Run(["check", "d.txt", "--ruleset", "r.yaml", "--no-core"], REFUSE))),
    Probe("cache-garbage", cache_planted("garbage"), verify_cache_same),
    Probe("cache-forged", cache_planted("forged"), verify_cache_same),
    Probe("cache-truncated", cache_planted("truncated"), verify_cache_same),
    Probe("cache-fifo", cache_planted("fifo"), verify_cache_same),
    Probe("cache-symlink-dev-zero", cache_planted("symlink"), verify_cache_same),
    Probe("cache-readonly", cache_planted("readonly"), verify_cache_same),
    Probe("cache-world-writable", cache_planted("world-writable"), verify_cache_same),
    Probe("cache-dir-is-file", with_files({"cf": b"x"}, Run(CHECK, env={"PLANCHECK_CACHE_DIR": "cf"}))),
    Probe("cache-dir-dev-null", with_files({}, Run(CHECK, env={"PLANCHECK_CACHE_DIR": "/dev/null"}))),
    Probe("cache-8-concurrent", concurrent),
    # --- sizes -------------------------------------------------------------------------------------
    *[Probe(f"text-{mb}mb", sized(mb)) for mb in (1, 2, 5, 10, 20, 50)],
    Probe("one-line-5mb", lambda d: (copy_pair(d), (d / "one.txt").write_bytes(plan_like(5).replace(b"\n", b"")),
          [Run(["check", "one.txt", "--parent", "p.txt", "--fail-on", "none", "-o", "o.json"], EITHER)])[2]),
    Probe("docx-bomb-100mb", with_files({"b.docx": docx_with(paragraphs_xml(["一、总体要求"]).replace(b"</w:body>", b"<w:p>" + b" " * (100 * 2**20) + b"</w:p></w:body>"))},
          Run(["check", "b.docx", "--parent", "p.txt"], REFUSE))),
    Probe("docx-many-parts-bomb", with_files({"b.docx": docx_with(paragraphs_xml(["一、总体要求"]), {f"word/media/x{i}.xml": b"\0" * (20 * 2**20) for i in range(8)})},
          Run(["check", "b.docx", "--parent", "p.txt"], REFUSE))),
    Probe("pdf-100000-pages", with_files({"b.pdf": pdf_pages(100_000)}, Run(["check", "b.pdf", "--parent", "p.txt"], REFUSE))),
    Probe("pdf-shared-page-tree", with_files({"b.pdf": pdf_pages(0, shared_tree=True)}, Run(["check", "b.pdf", "--parent", "p.txt"], REFUSE))),
    Probe("html-deep-100000", with_files({"b.html": b"<html><body>" + b"<div>" * 100_000 + "一、总体要求".encode() + b"</div>" * 100_000 + b"</body></html>"},
          Run(["check", "b.html", "--parent", "p.txt"], REFUSE))),
    Probe("html-unclosed-100000", with_files({"b.html": b"<html><body>" + b"<div><span><b>" * 33_000 + "一、总体要求".encode()},
          Run(["check", "b.html", "--parent", "p.txt"], REFUSE))),
    Probe("html-1000-nested-tables", with_files({"b.html": b"<html><body>" + b"<table><tr><td>" * 1000 + "一、总体要求".encode() + b"</td></tr></table>" * 1000},
          Run(["check", "b.html", "--parent", "p.txt"], REFUSE))),
    Probe("regex-pattern-catastrophic", with_files({"a.txt": "一、总体要求\n（一）加强法治建设，区司法局牵头。" + "a" * 200_000 + "\n",
                                                    "r.yaml": ruleset(rule("pattern", "      forbidden: ['(a+)+$']\n"))},
          Run(["check", "a.txt", "--ruleset", "r.yaml", "--no-core"], EITHER))),
    Probe("regex-condition-catastrophic", with_files({"a.txt": "一、总体要求\n（一）加强法治建设，区司法局牵头。" + "a" * 500_000 + "\n",
                                                      "r.yaml": ruleset(rule("condition", "      fact: measure\n      forbid: {field: text, op: matches, value: '(a+)+$'}\n"))},
          Run(["check", "a.txt", "--ruleset", "r.yaml", "--no-core"], EITHER))),
    Probe("yaml-alias-bomb-ruleset", with_files({"r.yaml": "id: probe\nversion: \"1\"\nx0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
                                                 + "".join(f"x{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]\n" for i in range(1, 10))
                                                 + "rules: []\n"},
          Run(["check", "d.txt", "--ruleset", "r.yaml"], REFUSE), Run(["rules", "validate", "r.yaml"], REFUSE))),
    Probe("yaml-alias-bomb-waivers", with_files({"w.yaml": "- &a0 {rule: x, reason: [r, r, r, r, r, r, r, r, r, r], approver: a, expires: 2030-01-01}\n"
                                                 + "".join(f"- &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]\n" for i in range(1, 10))},
          Run([*CHECK, "--waivers", "w.yaml"], REFUSE))),
    Probe("yaml-recursive-alias", with_files({"r.yaml": "id: probe\nversion: \"1\"\nx: &a [*a]\nrules: []\n"}, Run(["rules", "validate", "r.yaml"], REFUSE))),
    # --- operational faults ------------------------------------------------------------------------
    Probe("out-onto-directory", with_files({"adir/x": b""}, Run([*CHECK, "-o", "adir"], REFUSE))),
    Probe("out-read-only-dir", lambda d: (copy_pair(d), (d / "ro").mkdir(), (d / "ro").chmod(0o500),
          [Run([*CHECK, "-o", "ro/out.txt" if os.geteuid() else "/sys/plancheck-out.txt"], REFUSE)])[3]),  # root ignores mode bits
    Probe("out-dev-full", with_files({}, Run([*CHECK, "-o", "/dev/full"], REFUSE), Run([*CHECK, "--format", "docx", "-o", "/dev/full"], REFUSE))),
    Probe("stdout-dev-full", with_files({}, Run([*CHECK, "__stdout_dev_full__"], REFUSE))),
    Probe("out-too-long-name", with_files({}, Run([*CHECK, "-o", "x" * 300 + ".txt"], REFUSE))),
    Probe("out-too-long-path", with_files({}, Run([*CHECK, "-o", "/".join(["y" * 200] * 30) + ".txt"], REFUSE))),
    Probe("out-proc", with_files({}, Run([*CHECK, "-o", "/proc/self/status"], REFUSE), Run([*CHECK, "-o", "/proc/x.txt"], REFUSE))),
    Probe("waiver-2025-02-30", with_files({"w.yaml": "- rule: lead-unit-named\n  reason: r\n  approver: a\n  expires: 2025-02-30\n"},
          Run([*CHECK, "--waivers", "w.yaml"], REFUSE))),
    Probe("html-charset-rot13", with_files({"b.html": '<html><head><meta charset="rot13"></head><body><p>一、总体要求</p><p>（一）加强法治建设。</p></body></html>'},
          Run(["parse", "b.html"], EITHER))),
    Probe("html-charset-base64", with_files({"b.html": '<html><head><meta http-equiv="Content-Type" content="text/html; charset=base64"></head><body><p>一、总体要求</p></body></html>'},
          Run(["parse", "b.html"], EITHER))),
    Probe("non-utf8-file-name", lambda d: (copy_pair(d), shutil.copy(DRAFT, os.path.join(os.fsencode(d), b"\xb2\xdd\xb0\xb8.txt")),
          [Run([], REPORT, name=b"\xb2\xdd\xb0\xb8.txt")])[2], verify_terminal),
    Probe("jobs-minus-1", with_files({}, Run([*CHECK, "-j", "-1"], REFUSE))),
    Probe("jobs-100000", lambda d: (copy_pair(d), shutil.copy(DRAFT, d / "d2.txt"), [Run(["check", "d.txt", "d2.txt", "--parent", "p.txt", "-j", "100000"], EITHER)])[2]),
    Probe("sigint-start-up", with_files({}, Run([*CHECK, "-o", "o.txt"], SIGINT, signal_after=0.0)), verify_no_partial("o.txt")),
    Probe("sigint-mid-run", with_files({}, Run([*CHECK, "-o", "o.docx"], SIGINT, signal_after=1.0)), verify_no_partial("o.docx")),
    Probe("sigterm-mid-run", with_files({}, Run([*CHECK, "-o", "o.docx"], SIGTERM, signal_after=1.0, signal_sig=signal.SIGTERM)), verify_no_partial("o.docx")),
    Probe("sigint-batch-4-workers", lambda d: (copy_pair(d), [shutil.copy(DRAFT, d / f"d{i}.txt") for i in range(6)],
          [Run(["check", *[f"d{i}.txt" for i in range(6)], "--parent", "p.txt", "-j", "4"], SIGINT, signal_after=0.3, wait_workers=True)])[2], verify_terminal),
    Probe("sigterm-batch-4-workers", lambda d: (copy_pair(d), [shutil.copy(DRAFT, d / f"d{i}.txt") for i in range(6)],
          [Run(["check", *[f"d{i}.txt" for i in range(6)], "--parent", "p.txt", "-j", "4"], SIGTERM, signal_after=0.3, wait_workers=True, signal_sig=signal.SIGTERM)])[2]),
    Probe("encrypted-docx", with_files({"e.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
                                        + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512},
          Run(["check", "e.docx", "--parent", "p.txt"], REFUSE))),
    Probe("encrypted-pdf", lambda d: (copy_pair(d), _encrypted_pdf(d / "e.pdf"), [Run(["check", "e.pdf", "--parent", "p.txt"], REFUSE)])[2]),
    Probe("lying-charset", with_files({"b.html": b'<html><head><meta charset="utf-8"></head><body>' + "".join(f"<p>{ln}</p>" for ln in draft_lines()).encode("gb18030") + b"</body></html>"},
          Run(["check", "b.html", "--parent", "p.txt"], REPORT))),
    Probe("stdin-200mb", with_files({}, Run(["check", "-", "--parent", "p.txt"], REFUSE, stdin=huge_stdin()))),
    # --- classes the issue does not list -----------------------------------------------------------
    Probe("docx-external-relationships", with_files({"x.docx": docx_with(paragraphs_xml(draft_lines()).replace(b"<w:body>",
          b'<w:body><w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:link="rIdX"/></w:drawing></w:r></w:p>'),
          rels=b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
               b'Target="http://10.255.255.1/x.png" TargetMode="External"/>'
               b'<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
               b'Target="file:///etc/passwd" TargetMode="External"/></Relationships>')},
          Run(["check", "x.docx", "--parent", "p.txt", "-o", "o.docx"], REPORT)),
          lambda d, r: zip_xml_ok(d / "o.docx")),
    Probe("docx-xxe", with_files({"x.docx": docx_with(paragraphs_xml(["一、总体要求", "&xxe;"], '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace(b"&amp;xxe;", b"&xxe;"))},
          Run(["check", "x.docx", "--parent", "p.txt"], EITHER)), lambda d, r: ["/etc/passwd read"] if any(b"root:" in o for _, _, o, _ in r) else []),
    Probe("docx-zip-slip-names", with_files({"x.docx": docx_with(paragraphs_xml(draft_lines()), {"../../escape.xml": b"<x/>", "/abs.xml": b"<x/>"})},
          Run(["check", "x.docx", "--parent", "p.txt"], REPORT)), lambda d, r: ["escaped"] if (d.parent / "escape.xml").exists() else []),
    Probe("docx-100000-entries", with_files({"x.docx": docx_with(paragraphs_xml(["一、总体要求"]), {f"z/{i}": b"" for i in range(100_000)})},
          Run(["check", "x.docx", "--parent", "p.txt"], EITHER))),
    Probe("docx-deep-xml", with_files({"x.docx": docx_with(f'<w:document {W}><w:body>'.encode() + b"<w:tbl><w:tr><w:tc>" * 30_000 + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * 30_000 + b"</w:body></w:document>")},
          Run(["check", "x.docx", "--parent", "p.txt"], REFUSE))),
    Probe("xlsx-input", with_files({"x.xlsx": docx_with(b"<x/>")}, Run(["check", "x.xlsx", "--parent", "p.txt"], REFUSE))),
    Probe("xlsx-renamed-docx", lambda d: (copy_pair(d), _xlsx(d / "x.docx"), [Run(["check", "x.docx", "--parent", "p.txt"], REFUSE)])[2]),
    Probe("rtf-renamed-docx", with_files({"x.docx": rb"{\rtf1\ansi\ansicpg936 {\fonttbl} \'d2\'bb\'a1\'a2 test\par}"}, Run(["check", "x.docx", "--parent", "p.txt"], REFUSE))),
    Probe("doc-renamed-docx", with_files({"x.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000}, Run(["check", "x.docx", "--parent", "p.txt"], REFUSE))),
    Probe("gzip-renamed-txt", with_files({"x.txt": zlib.compress(DRAFT.read_bytes())}, Run(["check", "x.txt", "--parent", "p.txt"], REFUSE))),
    Probe("nul-bytes", with_files({"x.txt": DRAFT.read_bytes().replace("。".encode(), "。\0".encode())}, Run(["check", "x.txt", "--parent", "p.txt"], EITHER)), verify_terminal),
    Probe("utf16-le-bom", with_files({"x.txt": DRAFT.read_text("utf-8").encode("utf-16")}, Run(["check", "x.txt", "--parent", "p.txt"], REPORT))),
    Probe("utf16-be-bom", with_files({"x.txt": b"\xfe\xff" + DRAFT.read_text("utf-8").encode("utf-16-be")}, Run(["check", "x.txt", "--parent", "p.txt"], REPORT))),
    Probe("utf8-bom-crlf", with_files({"x.txt": b"\xef\xbb\xbf" + DRAFT.read_bytes().replace(b"\n", b"\r\n")}, Run(["check", "x.txt", "--parent", "p.txt"], REPORT))),
    Probe("cr-only", with_files({"x.txt": DRAFT.read_bytes().replace(b"\n", b"\r")}, Run(["check", "x.txt", "--parent", "p.txt"], REPORT))),
    Probe("gbk-draft", with_files({"x.txt": DRAFT.read_text("utf-8").encode("gbk", "replace")}, Run(["check", "x.txt", "--parent", "p.txt"], REPORT))),
    Probe("big5-traditional", lambda d: (copy_pair(d), (d / "x.txt").write_bytes(_traditional().encode("big5", "replace")), [Run(["check", "x.txt", "--parent", "p.txt"], REPORT)])[2]),
    Probe("mixed-encoding", with_files({"x.txt": b"".join(ln.encode("utf-8") if i % 2 else ln.encode("gb18030") for i, ln in enumerate(DRAFT.read_text("utf-8").splitlines(True)))},
          Run(["check", "x.txt", "--parent", "p.txt"], EITHER))),
    Probe("million-short-lines", with_files({"x.txt": "一、总体要求\n" + "（一）a。\n" * 1_000_000}, Run(["check", "x.txt", "--parent", "p.txt"], REFUSE))),
    Probe("100k-measures", with_files({"x.txt": "一、总体要求\n" + "".join(f"{i}.加强法治建设，区司法局牵头，2025年底前完成。\n" for i in range(1, 100_001))},
          Run(["check", "x.txt", "--parent", "p.txt"], REFUSE))),
    Probe("deep-numbering", with_files({"x.txt": "一、总体要求\n" + "".join("1." * k + f" 措施{k}，区司法局牵头。\n" for k in range(1, 400))},
          Run(["check", "x.txt", "--parent", "p.txt"], EITHER))),
    Probe("extends-self", with_files({"r.yaml": "id: probe\nversion: \"1\"\nextends: [r.yaml]\nrules: []\n"}, Run(["check", "d.txt", "--ruleset", "r.yaml"], REFUSE))),
    Probe("extends-cycle", with_files({"a.yaml": "id: a\nextends: [b.yaml]\nrules: []\n", "b.yaml": "id: b\nextends: [a.yaml]\nrules: []\n"},
          Run(["check", "d.txt", "--ruleset", "a.yaml"], REFUSE))),
    Probe("extends-dev-zero", with_files({"r.yaml": "id: probe\nversion: \"1\"\nextends: [/dev/zero]\nrules: []\n"}, Run(["check", "d.txt", "--ruleset", "r.yaml"], REFUSE))),
    Probe("extends-fifo", lambda d: (copy_pair(d), fifo("f.yaml")(d), (d / "r.yaml").write_text("id: probe\nversion: \"1\"\nextends: [f.yaml]\nrules: []\n"),
          [Run(["check", "d.txt", "--ruleset", "r.yaml"], REFUSE)])[3]),
    Probe("ruleset-dev-zero", with_files({}, Run(["check", "d.txt", "--ruleset", "/dev/zero"], REFUSE), Run(["rules", "validate", "/dev/zero"], REFUSE))),
    Probe("ruleset-huge", with_files({"r.yaml": "id: probe\nversion: \"1\"\nrules: []\n" + "#" * (21 * 2**20) + "\n"}, Run(["rules", "validate", "r.yaml"], REFUSE))),
    Probe("ruleset-python-tag", with_files({"r.yaml": "id: !!python/object/apply:os.system ['touch pwned']\nrules: []\n"}, Run(["rules", "validate", "r.yaml"], REFUSE)),
          lambda d, r: ["pwned"] if (d / "pwned").exists() else []),
    Probe("waiver-unknown-rule", with_files({"w.yaml": "- rule: no-such-rule\n  reason: r\n  approver: a\n  expires: 2030-01-01\n"}, Run([*CHECK, "--waivers", "w.yaml"], EITHER))),
    Probe("waivers-binary", with_files({"w.yaml": os.urandom(4096)}, Run([*CHECK, "--waivers", "w.yaml"], REFUSE))),
    Probe("draft-symlink-loop", lambda d: (copy_pair(d), os.symlink("l2.txt", d / "l1.txt"), os.symlink("l1.txt", d / "l2.txt"),
          [Run(["check", "l1.txt", "--parent", "p.txt"], REFUSE)])[3]),
    Probe("draft-fifo", lambda d: (copy_pair(d), fifo("f.txt")(d), [Run(["check", "f.txt", "--parent", "p.txt"], REFUSE)])[2]),
    Probe("draft-dev-zero", with_files({}, Run(["check", "/dev/zero", "--parent", "p.txt"], REFUSE))),
    Probe("draft-dev-urandom-txt", with_files({}, Run(["parse", "/dev/urandom"], REFUSE))),
    Probe("draft-directory", with_files({"adir/x": b""}, Run(["check", "adir", "--parent", "p.txt"], REFUSE))),
    Probe("draft-unreadable", lambda d: (copy_pair(d), (d / "d.txt").chmod(0), [Run(CHECK, REFUSE)])[2] if os.geteuid() else [Run(["--version"], REPORT)]),
    Probe("draft-empty", with_files({"e.txt": b""}, Run(["check", "e.txt", "--parent", "p.txt"], REFUSE))),
    Probe("draft-whitespace-only", with_files({"e.txt": "\u3000 \n\t\n\r\n" * 1000}, Run(["check", "e.txt", "--parent", "p.txt"], REFUSE))),
    Probe("draft-is-parent", with_files({}, Run(["check", "p.txt", "--parent", "p.txt"], EITHER))),
    Probe("zero-width-chars", with_files({"x.txt": DRAFT.read_text("utf-8").replace("司法局", "司\u200b法\u200d局").replace("加强", "加\ufeff强")},
          Run(["check", "x.txt", "--parent", "p.txt"], REPORT)), verify_terminal),
    Probe("rtl-override-evidence", with_files({"x.txt": DRAFT.read_text("utf-8").replace("我区", "我\u202e市\u202c区").replace("牵头", "牵\u2066头\u2069")},
          Run(["check", "x.txt", "--parent", "p.txt"], REPORT), Run(["check", "x.txt", "--parent", "p.txt", "--format", "compact"], REPORT)), verify_terminal),
    Probe("escape-in-file-name", lambda d: (copy_pair(d), shutil.copy(DRAFT, d / "a\x1b[2Jb.txt"),
          [Run(["check", "a\x1b[2Jb.txt", "--parent", "p.txt", "--format", "compact"], REPORT), Run(["check", "a\x1b[2Jb.txt", "--parent", "p.txt", "-o", "o\x1b]0;x\x07.json"], REPORT),
           Run(["check", "missing\x1b[2J.txt", "--parent", "p.txt"], REFUSE)])[2], verify_terminal),
    Probe("newline-in-file-name", lambda d: (copy_pair(d), shutil.copy(DRAFT, d / "a\nfake: 错误.txt"),
          [Run(["check", "a\nfake: 错误.txt", "--parent", "p.txt", "--format", "compact"], REPORT)])[2]),
    Probe("bad-dates", with_files({}, Run([*CHECK, "--today", "2025-02-30"], REFUSE), Run([*CHECK, "--date", "2025-13-01"], REFUSE),
          Run([*CHECK, "--date", "99999-01-01"], REFUSE))),
    Probe("bad-budgets", with_files({}, Run([*CHECK, "--budget", "input_bytes=-1"], REFUSE), Run([*CHECK, "--budget", "nosuch=1"], REFUSE),
          Run([*CHECK, "--budget", "pages=1e999"], REFUSE), Run(CHECK, REFUSE, env={"PLANCHECK_BUDGET_CHARS": "lots"}))),
    Probe("budget-zero", with_files({}, Run([*CHECK, "--budget", "chars=0"], REFUSE))),
    Probe("bad-source-date-epoch", with_files({}, Run([*CHECK, "--format", "docx", "-o", "o.docx"], EITHER, env={"SOURCE_DATE_EPOCH": "99999999999999999999"}),
          Run([*CHECK, "--format", "docx", "-o", "o2.docx"], EITHER, env={"SOURCE_DATE_EPOCH": "-5"}))),
    Probe("output-symlink-to-other-file", lambda d: (copy_pair(d), (d / "keep.txt").write_text("不要改我"), os.symlink("keep.txt", d / "o.txt"),
          [Run([*CHECK, "-o", "o.txt"], REPORT)])[3],  # a symlinked output is written where it leads, as `>` does
          lambda d, r: [] if (d / "o.txt").is_symlink() and "不要改我" not in (d / "keep.txt").read_text() else ["the link was not followed"],
          may_change=("keep.txt", "o.txt")),
    Probe("format-extension-mismatch", with_files({}, Run([*CHECK, "--format", "json", "-o", "o.docx"], REFUSE))),
    Probe("docx-to-stdout", with_files({}, Run([*CHECK, "--format", "docx"], EITHER))),
    Probe("lang-en-refusal", with_files({"e.txt": b""}, Run(["check", "e.txt", "--parent", "p.txt", "--lang", "en"], REFUSE)),
          lambda d, r: [f"not English: {e[:80]!r}" for _, c, _, e in r if any("\u4e00" <= ch <= "\u9fff" for ch in e.decode("utf-8", "replace").splitlines()[0][:30])] if all(c == 2 for _, c, _, _ in r) else []),
    Probe("truncated-pdf", with_files({"t.pdf": pdf_pages(3)[:300]}, Run(["check", "t.pdf", "--parent", "p.txt"], REFUSE))),
    Probe("pdf-named-txt", with_files({"t.txt": pdf_pages(3)}, Run(["check", "t.txt", "--parent", "p.txt"], EITHER))),
    Probe("html-huge-script", with_files({"b.html": b"<html><body><script>" + b"var a=1;" * (2 * 2**20) + b"</script>" + "".join(f"<p>{ln}</p>" for ln in draft_lines()).encode() + b"</body></html>"},
          Run(["check", "b.html", "--parent", "p.txt"], REPORT))),
    Probe("html-entity-flood", with_files({"b.html": b"<html><body><p>" + b"&#x4e00;" * 1_500_000 + b"</p></body></html>"}, Run(["check", "b.html", "--parent", "p.txt"], EITHER))),
    Probe("determinism-hashseed", lambda d: (copy_pair(d), [Run([*CHECK, "--format", "json"], env={"PYTHONHASHSEED": s}) for s in ("0", "1", "random", "12345")])[1],
          verify_same()),
    Probe("determinism-every-format", lambda d: (copy_pair(d), (d / "a").mkdir(), (d / "b").mkdir(),
          [Run(CHECK + [a.replace("o.", f"{k}/o.").replace("fb.", f"{k}/fb.") for a in FORMATS], env={"PYTHONHASHSEED": s})
           for k, s in (("a", "0"), ("b", "4242"))])[3], lambda d, r: verify_same_files(d)),
]


def _traditional() -> str:
    table = str.maketrans("区县务实规划发展进展报关门开业为时间会对与国动场员问题经济资源环护农书长线风险监测协调", "區縣務實規劃發展進展報關門開業為時間會對與國動場員問題經濟資源環護農書長線風險監測協調")
    return DRAFT.read_text("utf-8").translate(table)


def _xlsx(path: Path) -> None:
    try:
        import openpyxl
    except ImportError:
        path.write_bytes(docx_with(b"<x/>"))
        return
    wb = openpyxl.Workbook()
    wb.active["A1"] = "一、总体要求"
    wb.save(path)


def _encrypted_pdf(path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("user", "owner"))
    c.drawString(60, 780, "1. test")
    c.showPage()
    c.save()


# --------------------------------------------------------------------------------------------------
# running


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _snapshot(d: Path) -> dict[str, str]:
    """Every regular file under `d` (symlinks resolved inside `d`), with its hash and inode."""
    out = {}
    for root, dirs, files in os.walk(os.fsencode(d)):
        dirs[:] = [x for x in dirs if b"cache" not in x]  # caches may be rebuilt: they are not the user's
        for name in files:
            p = os.path.join(root, name)
            try:
                st = os.stat(p)
            except OSError:
                continue
            if not os.path.isfile(p) or (os.path.islink(p) and not os.path.realpath(p).startswith(os.fsencode(d))):
                continue
            try:
                with open(p, "rb") as f:
                    out[os.fsdecode(p)] = hashlib.sha256(f.read()).hexdigest() + f":{st.st_ino}"
            except OSError:
                continue
    return out


def _handles(pid: int, sig: int) -> bool:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("SigCgt:"):
                return bool(int(line.split()[1], 16) >> (sig - 1) & 1)
    except OSError:
        return False
    return False


def run_one(run: Run, cwd: Path) -> tuple[int | None, bytes, bytes, float, float]:
    """(exit code or None if killed at the bound, stdout, stderr, seconds, peak RSS MB)."""
    env = {**os.environ, "PLANCHECK_CACHE_DIR": str(cwd.parent / "cache"), **run.env}
    env.pop("PYTHONHASHSEED", None) if "PYTHONHASHSEED" not in run.env else None
    argv: list = [EXE, *run.args]
    stdout_target = subprocess.PIPE
    if run.name is not None:
        argv = [os.fsencode(EXE), b"check", run.name, b"--parent", b"p.txt"]
    if "__stdout_dev_full__" in run.args:
        argv.remove("__stdout_dev_full__")
        stdout_target = open("/dev/full", "wb")
    feeder = None
    stdin = subprocess.DEVNULL
    if run.stdin is not None:
        stdin = subprocess.PIPE
    start = time.monotonic()
    p = subprocess.Popen(argv, cwd=cwd, stdin=stdin, stdout=stdout_target, stderr=subprocess.PIPE, env=env,
                         preexec_fn=_limits, start_new_session=True)  # fmt: skip
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []

    def drain(pipe, into: list[bytes]) -> None:
        for chunk in iter(lambda: pipe.read(65536), b""):
            into.append(chunk)

    readers = [threading.Thread(target=drain, args=(p.stderr, err_chunks), daemon=True)]
    if stdout_target is subprocess.PIPE:
        readers.append(threading.Thread(target=drain, args=(p.stdout, out_chunks), daemon=True))
    for t in readers:
        t.start()
    if run.stdin is not None:
        def feed() -> None:
            try:
                if callable(run.stdin):
                    run.stdin(p.stdin)
                else:
                    p.stdin.write(run.stdin)
            except (BrokenPipeError, OSError):
                pass
            try:
                p.stdin.close()
            except OSError:
                pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
    if run.signal_after is not None:
        for _ in range(400):
            if _handles(p.pid, signal.SIGTERM) or p.poll() is not None:
                break
            time.sleep(0.005)
        if run.wait_workers:
            for _ in range(200):
                kids = subprocess.run(["pgrep", "-P", str(p.pid)], capture_output=True, text=True, check=False).stdout.split()
                if kids or p.poll() is not None:
                    break
                time.sleep(0.05)
        time.sleep(run.signal_after)
        if p.poll() is None:
            os.killpg(p.pid, run.signal_sig)
    code: int | None = None
    rss = 0.0
    deadline = start + WALL
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            rss = usage.ru_maxrss / 1024
            break
        if time.monotonic() > deadline:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _pid, _status, usage = os.wait4(p.pid, 0)
            rss = usage.ru_maxrss / 1024
            break
        time.sleep(0.01)
    p.returncode = code if code is not None else -9
    seconds = time.monotonic() - start
    try:
        os.killpg(p.pid, signal.SIGKILL)  # any worker left behind
    except (ProcessLookupError, PermissionError):
        pass
    for t in readers:
        t.join(2)
    if stdout_target is not subprocess.PIPE:
        stdout_target.close()
    return code, b"".join(out_chunks), b"".join(err_chunks), seconds, rss


def run_concurrent(d: Path) -> tuple[list[str], float, float, int]:
    """8 checks at once sharing one new cache folder; the JSON reports must all be the same."""
    env = {**os.environ, "PLANCHECK_CACHE_DIR": str(d / "c")}
    start = time.monotonic()
    procs = [subprocess.Popen([EXE, *CHECK, "--format", "json"], cwd=d, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, preexec_fn=_limits, start_new_session=True) for _ in range(8)]  # fmt: skip
    outs, problems, codes = [], [], []
    for p in procs:
        try:
            o, e = p.communicate(timeout=max(1.0, 8 * WALL - (time.monotonic() - start)))
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            o, e = p.communicate()
            problems.append("past the bound")
        outs.append(o)
        codes.append(p.returncode)
        if b"Traceback" in e or "内部错误".encode() in e:
            problems.append(e.decode("utf-8", "replace").splitlines()[0])
    if len(set(outs)) != 1:
        problems.append(f"{len(set(outs))} different reports from 8 concurrent runs")
    return problems, time.monotonic() - start, 0.0, codes[0]


def run_probe(probe: Probe, base: Path) -> Result:
    d = base / probe.name
    d.mkdir()
    runs = probe.build(d)
    problems: list[str] = []
    if runs and runs[0].args == ["__concurrent__"]:
        problems, seconds, rss, code = run_concurrent(d)
        return Result(probe.name, code, "", seconds, rss, True, problems)
    before = _snapshot(d)
    records = []
    worst_t, worst_rss, first, last_code = 0.0, 0.0, "", None
    for run in runs:
        if isinstance(run.stdin, tuple):  # ("tamper", fn): run fn first, then the command without stdin
            run.stdin[1]()
            run.stdin = None
            before = _snapshot(d)
        code, out, err, seconds, rss = run_one(run, d)
        records.append((run, code, out, err))
        worst_t, worst_rss = max(worst_t, seconds), max(worst_rss, rss)
        text = err.decode("utf-8", "replace")
        line = next((ln for ln in text.splitlines() if ln.strip()), "")
        first = first or line
        last_code = code
        what = " ".join(a if isinstance(a, str) else repr(a) for a in run.args)[:60] or repr(run.name)
        if code is None:
            problems.append(f"past {WALL:.0f} s: {what}")
        elif code not in ALLOWED[run.expect]:
            problems.append(f"exit {code}, wanted {run.expect}: {what}: {line[:100]}")
        elif run.expect == REFUSE and not line:
            problems.append(f"refused without a message: {what}")
        if "Traceback" in text or b"Traceback" in out:
            problems.append(f"traceback: {what}")
        if "内部错误" in text or "internal error" in text.lower():
            problems.append(f"internal error: {line[:100]}")
        if code in (130, 143) and len([ln for ln in text.splitlines() if ln.strip()]) > 1:
            problems.append(f"interrupted with {len(text.splitlines())} lines of stderr")
    after = _snapshot(d)
    changed = sorted(n for k, v in before.items() if after.get(k) != v and (n := os.path.basename(k)) not in probe.may_change)
    if changed:
        problems.append(f"changed: {', '.join(changed)}")
    if probe.verify:
        problems += probe.verify(d, records)
    return Result(probe.name, last_code, first[:70], worst_t, worst_rss, not changed, problems)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-k", action="append", default=[], help="only classes whose name contains this")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    probes = [p for p in PROBES if not args.k or any(k in p.name for k in args.k)]
    if args.list:
        print("\n".join(p.name for p in probes))
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="plancheck-probes-") as tmp:
        base = Path(tmp) / "w"
        base.mkdir()
        (Path(tmp) / "cache").mkdir(mode=0o700)
        for probe in probes:
            try:
                r = run_probe(probe, base)
            except Exception as e:
                r = Result(probe.name, None, "", 0.0, 0.0, True, [f"probe failed to build: {type(e).__name__}: {e}"])
            results.append(r)
            mark = "ok  " if not r.problems else "FAIL"
            print(f"{mark} {r.probe:32} exit {r.code!s:>4} {r.seconds:6.2f} s {r.rss_mb:7.1f} MB  "
                  f"{'same' if r.unchanged else 'CHANGED'}  {r.first}", flush=True)
            for problem in r.problems:
                print(f"       - {problem}", flush=True)
        for p in Path(tmp).rglob("*"):  # read-only folders made by probes must go too
            if p.is_dir() and not p.is_symlink():
                p.chmod(0o700)
    failed = [r for r in results if r.problems]
    print(f"\n{len(results)} classes, {len(results) - len(failed)} pass, {len(failed)} fail"
          f"{': ' + ', '.join(r.probe for r in failed) if failed else ''}")
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=1), "utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
