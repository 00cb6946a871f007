"""Nothing the user gave is ever written: every output goes through engine/outputs.py, which refuses
an input by identity (same name, symlink, hard link, a file of an extends chain) and writes all or
nothing."""

from __future__ import annotations

import ast
import errno
import hashlib
import json
import os
import shutil
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from engine import outputs
from engine.cli import main
from engine.errors import PlancheckError

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "engine"
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"


@cache
def _tree(path: Path) -> ast.Module:
    """An engine module's syntax tree, parsed once for the three scans below (they only read it)."""
    return ast.parse(path.read_text("utf-8"))


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(DRAFT, tmp_path / "draft.txt")
    shutil.copy(PARENT, tmp_path / "parent.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ----------------------------------------------------------------------- every writer goes through here

_WRITE_MODES = set("wax+")
_WRITE_FLAGS = {"O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND", 1, 2}


def _writes(tree: ast.AST) -> list[tuple[int, str]]:
    """Calls in a module that write a file by themselves."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
        if name in ("write_text", "write_bytes", "mkstemp", "NamedTemporaryFile", "replace", "rename",
                    "copy", "copyfile", "copy2", "move", "symlink_to", "hardlink_to", "link", "truncate"):
            if name in ("replace", "rename") and owner != "os" and (len(node.args) != 1 or owner == "dataclasses"):
                continue  # str.replace(old, new), dataclasses.replace; Path.replace(target) has one argument
            if name == "copy" and owner != "shutil":
                continue  # copy.copy, list.copy
            found.append((node.lineno, name))
        elif name == "open" or (name == "fdopen" and owner == "os"):
            mode = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "mode"), None)
            if owner == "os" and name == "open":
                flags = {n.attr for arg in node.args[1:2] for n in ast.walk(arg) if isinstance(n, ast.Attribute)}
                flags |= {n.value for arg in node.args[1:2] for n in ast.walk(arg) if isinstance(n, ast.Constant)}
                if flags & _WRITE_FLAGS or not flags:
                    found.append((node.lineno, "os.open"))
            elif isinstance(mode, ast.Constant) and isinstance(mode.value, str) and set(mode.value) & _WRITE_MODES:
                found.append((node.lineno, f"open({mode.value!r})"))
            elif mode is not None and not isinstance(mode, ast.Constant):
                found.append((node.lineno, "open(<computed mode>)"))
        elif name == "save" and node.args:
            arg = node.args[0]
            if not (isinstance(arg, ast.Name) and arg.id in ("buf", "buffer", "out", "stream")):
                found.append((node.lineno, "save(<path?>)"))
    return found


def test_every_file_write_goes_through_the_output_module() -> None:
    offenders = []
    for p in sorted(ENGINE.rglob("*.py")):
        if p == ENGINE / "outputs.py":
            continue
        offenders += [f"{p.relative_to(ROOT)}:{line}: {what}" for line, what in _writes(_tree(p))]
    assert offenders == [], "write files through engine.outputs (write_output, write_private)"


def test_the_scanner_sees_the_ways_a_module_could_write() -> None:
    code = (
        "Path('x').write_text('a')\nopen('x', 'w')\nopen(p, mode='ab')\nos.replace(a, b)\n"
        "tempfile.mkstemp()\ndoc.save('x.docx')\nshutil.copy(a, b)\nos.open(p, 1)\nos.open(p, os.O_RDONLY | os.O_NONBLOCK)\n"
        "os.open(p, os.O_WRONLY | os.O_CREAT)\n"
        "Path(a).rename(b)\nopen('x')\nopen('x', 'rb')\n'a'.replace('b', 'c').replace('d', 'e')\n"
        "doc.save(buf)\nx.copy()\n"
    )
    assert [what for _, what in _writes(ast.parse(code))] == [
        "write_text", "open('w')", "open('ab')", "replace", "mkstemp", "save(<path?>)", "copy", "os.open", "os.open", "rename",
    ]


# ----------------------------------------------------------------------- inputs are never outputs


def test_hard_link_to_the_draft_is_refused(work: Path) -> None:
    os.link(work / "draft.txt", work / "hard.txt")
    before = _digest(work / "draft.txt")
    r = run("check", "draft.txt", "--parent", "parent.txt", "-o", "hard.txt")
    assert r.exit_code == 2 and "输入文件相同" in r.output, r.output
    assert _digest(work / "draft.txt") == before and os.stat(work / "hard.txt").st_nlink == 2


def test_symlink_to_the_parent_is_refused_for_derive_force(work: Path) -> None:
    (work / "link.yaml").symlink_to(work / "parent.txt")
    before = _digest(work / "parent.txt")
    r = run("derive", "parent.txt", "-o", "link.yaml", "--force", "--lang", "en")
    assert r.exit_code == 2 and "same file as an input" in r.output, r.output
    assert _digest(work / "parent.txt") == before and (work / "link.yaml").is_symlink()


def test_hard_link_to_the_parent_is_refused_for_derive_force(work: Path) -> None:
    os.link(work / "parent.txt", work / "p.yaml")
    r = run("derive", "parent.txt", "-o", "p.yaml", "--force")
    assert r.exit_code == 2 and _digest(work / "p.yaml") == _digest(PARENT)


def test_a_ruleset_of_the_extends_chain_is_refused(work: Path) -> None:
    assert run("derive", "parent.txt", "-o", "r.yaml").exit_code == 0
    (work / "r2.yaml").write_text("id: r2\nextends: [r.yaml]\nrules: []\n", "utf-8")
    before = _digest(work / "r.yaml")
    r = run("check", "draft.txt", "--ruleset", "r2.yaml", "-o", "r.yaml")
    assert r.exit_code == 2 and "输入文件相同" in r.output, r.output
    assert _digest(work / "r.yaml") == before


def test_a_bundled_ruleset_read_through_core_is_refused(work: Path) -> None:
    # obligations.yaml is read only because core.yaml extends it; a hard link keeps the test's hands off it
    os.link(ROOT / "rulesets" / "obligations.yaml", work / "ob.yaml")
    before = _digest(work / "ob.yaml")
    r = run("check", "draft.txt", "--parent", "parent.txt", "--format", "json", "-o", "ob.yaml")
    assert r.exit_code == 2 and _digest(work / "ob.yaml") == before, r.output


def test_waivers_are_an_input(work: Path) -> None:
    (work / "w.yaml").write_text("- rule: numbering\n  reason: 无\n  approver: 甲\n", "utf-8")
    r = run("check", "draft.txt", "--parent", "parent.txt", "--waivers", "w.yaml", "--format", "json", "-o", "w.yaml")
    assert r.exit_code == 2 and "numbering" in (work / "w.yaml").read_text("utf-8")


def test_two_formats_to_one_file_are_refused(work: Path) -> None:
    r = run("check", "draft.txt", "--parent", "parent.txt", "--format", "json", "-o", "a.json", "--format", "sarif", "-o", "a.json")
    assert r.exit_code == 2 and not (work / "a.json").exists(), r.output


def test_a_new_output_is_written_with_the_usual_permissions(work: Path) -> None:
    assert run("derive", "parent.txt", "-o", "sub/r.yaml").exit_code == 0
    mask = os.umask(0)
    os.umask(mask)
    assert (work / "sub" / "r.yaml").stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in (work / "sub").iterdir()] == ["r.yaml"]  # no temporary file left


def test_an_output_through_a_symlink_replaces_the_target_and_keeps_the_link(work: Path) -> None:
    (work / "real.yaml").write_text("old", "utf-8")
    (work / "link.yaml").symlink_to("real.yaml")
    assert run("derive", "parent.txt", "-o", "link.yaml", "--force").exit_code == 0
    assert (work / "link.yaml").is_symlink() and (work / "real.yaml").read_text("utf-8").startswith("# 上级义务")


# ----------------------------------------------------------------------- batches


def test_a_batch_writes_each_format_to_its_own_file(work: Path) -> None:
    shutil.copy(DRAFT, work / "other.txt")
    r = run("check", "draft.txt", "other.txt", "--parent", "parent.txt", "-j", "1",
            "--format", "text", "-o", "x.txt", "--format", "json", "-o", "y.json")
    assert r.exit_code == 1, r.output
    rows = [json.loads(line) for line in (work / "y.json").read_text("utf-8").splitlines()]
    assert [row["draft"] for row in rows] == ["draft.txt", "other.txt"]
    lines = (work / "x.txt").read_text("utf-8").splitlines()
    assert len(lines) == 2 and lines[0].startswith("draft.txt: 错误 ")


@pytest.mark.parametrize("fmt", ["docx", "sarif", "feedback"])
def test_a_batch_refuses_a_per_draft_format(work: Path, fmt: str) -> None:
    shutil.copy(DRAFT, work / "other.txt")
    r = run("check", "draft.txt", "other.txt", "--parent", "parent.txt", "--format", fmt, "-o", f"batch.{fmt}")
    assert r.exit_code == 2 and fmt in r.output and not (work / f"batch.{fmt}").exists(), r.output


# ----------------------------------------------------------------------- the write itself


def test_the_write_is_all_or_nothing_when_the_disk_is_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"previous report")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PlancheckError) as e:
        outputs.write_output(str(target), b"new report" * 1000)
    assert e.value.code == "output.no_space" and "磁盘已满" in e.value.render("zh")
    assert target.read_bytes() == b"previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_an_interrupted_write_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        outputs.write_output(str(tmp_path / "r.txt"), b"x")
    assert list(tmp_path.iterdir()) == []


def test_output_onto_a_directory_is_a_message(work: Path) -> None:
    (work / "out").mkdir()
    r = run("derive", "parent.txt", "-o", "out", "--force")
    assert r.exit_code == 2 and "文件夹" in r.output and "内部错误" not in r.output, r.output
    r = run("check", "draft.txt", "--parent", "parent.txt", "-o", "out")
    assert r.exit_code == 2 and "文件夹" in r.output and "内部错误" not in r.output, r.output


@pytest.mark.parametrize(
    ("errno_", "code"),
    [(errno.EACCES, "output.unwritable"), (errno.EROFS, "output.unwritable"), (errno.ENAMETOOLONG, "output.name_too_long")],
)
def test_a_place_that_refuses_the_write_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errno_: int, code: str) -> None:
    # simulated: the tests may run as root, who can write into a read-only folder
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno_, os.strerror(errno_))

    monkeypatch.setattr(outputs.tempfile, "mkstemp", refuse)
    with pytest.raises(PlancheckError) as e:
        outputs.write_output(str(tmp_path / "r.txt"), b"x")
    assert e.value.code == code
    assert "r.txt" in e.value.render("en") and "Traceback" not in e.value.render("zh")


def test_a_name_too_long_and_proc_are_messages(work: Path) -> None:
    r = run("derive", "parent.txt", "-o", "x" * 300 + ".yaml")
    assert r.exit_code == 2 and "文件名太长" in r.output, r.output
    if Path("/proc/self").is_dir():
        r = run("derive", "parent.txt", "-o", "/proc/self/plancheck.yaml")
        assert r.exit_code == 2 and "无法写入" in r.output and "内部错误" not in r.output, r.output


def test_dev_null_and_a_pipe_are_written_as_streams(tmp_path: Path) -> None:
    if not Path("/dev/null").exists() or not hasattr(os, "mkfifo"):
        pytest.skip("no /dev/null or named pipes on this system")
    outputs.write_output("/dev/null", b"x")  # `-o /dev/null` discards the report, as with any tool
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        outputs.write_output(str(fifo), b"report")
        assert os.read(reader, 100) == b"report"
    finally:
        os.close(reader)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


# ----------------------------------------------------------------------- what reaches a terminal


def _hostile_draft(work: Path) -> Path:
    lines = (work / "draft.txt").read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "牵头单位" in line)
    lines[at] = lines[at][:6] + "\x0c\x1b[2J\x1b]0;owned\x07" + lines[at][6:]
    path = work / "ctl.txt"
    path.write_text("\n".join(lines), "utf-8")
    return path


def test_no_escape_sequence_reaches_the_terminal(work: Path) -> None:
    _hostile_draft(work)
    for fmt in ("text", "markdown", "github", "json"):
        r = run("check", "ctl.txt", "--parent", "parent.txt", "--format", fmt)
        assert r.exit_code == 1 and "\x1b" not in r.output and "\x07" not in r.output, fmt
    shutil.copy(work / "ctl.txt", work / "c\x1b[2J.txt")
    r = run("check", "c\x1b[2J.txt", "--parent", "parent.txt")
    assert "\x1b" not in r.output and "c\u241b[2J.txt" in r.output  # shown, not obeyed
    r = run("parse", "ctl.txt")
    assert r.exit_code == 0 and "\x1b" not in r.output


def test_the_written_line_shows_an_escape_in_the_output_name_not_obeys_it(work: Path) -> None:
    """`已写入 <name>` and `units --propose` named the output through click.echo, past the cleaning."""
    r = run("check", "draft.txt", "--parent", "parent.txt", "-o", "o\x1b]0;owned\x07.json")
    assert r.exit_code == 1 and "\x1b" not in r.output and "\x07" not in r.output, r.output
    assert "已写入 o\u241b]0;owned\u2407.json" in r.output


def test_terminal_text_goes_through_the_output_module() -> None:
    """Every line for a terminal is written by engine.outputs.echo (cleaned), never click.echo."""
    offenders = [f"{p.relative_to(ROOT)}:{node.lineno}" for p in sorted(ENGINE.rglob("*.py"))
                 for node in ast.walk(_tree(p))
                 if isinstance(node, ast.Attribute) and node.attr in ("echo", "secho")
                 and isinstance(node.value, ast.Name) and node.value.id == "click"]  # fmt: skip
    assert offenders == [], "use engine.outputs.echo"


def test_bidi_overrides_in_a_quote_are_shown_not_obeyed(work: Path) -> None:
    """A right-to-left override or isolate in the draft would make a quoted phrase read in another
    order in a browser, Word or a review page than its characters stand (“Trojan Source”)."""
    assert outputs.clean_text("我\u202e市区\u202c与\u2066县\u2069") == "我\ufffd市区\ufffd与\ufffd县\ufffd"
    assert outputs.clean_text("左\u200f右") == "左\u200f右"  # a mark (RLM) reorders nothing by itself
    text = (work / "draft.txt").read_text("utf-8").replace("我区", "我\u202e区\u202c").replace("牵头", "牵\u2067头\u2069")
    (work / "rlo.txt").write_text(text, "utf-8")
    r = run("check", "rlo.txt", "--parent", "parent.txt", "--format", "compact", "--format", "docx", "-o", "-", "-o", "r.docx")
    assert r.exit_code == 1 and "\ufffd" in r.output
    import zipfile

    with zipfile.ZipFile(work / "r.docx") as z:
        xml = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml")).decode("utf-8")
    bidi = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
    assert not bidi & set(r.output) and not bidi & set(xml)


def test_a_junit_and_docx_report_of_a_draft_with_control_characters_are_well_formed(work: Path) -> None:
    from xml.dom import minidom

    _hostile_draft(work)
    r = run("check", "ctl.txt", "--parent", "parent.txt", "--format", "junit", "-o", "r.xml", "--format", "docx", "-o", "r.docx")
    assert r.exit_code == 1, r.output
    minidom.parse(str(work / "r.xml"))
    import docx

    assert docx.Document(str(work / "r.docx")).paragraphs


def test_a_file_name_that_is_not_utf8_is_shown_not_a_crash(work: Path) -> None:
    name = os.fsdecode(b"plan\xff\x1b[31m.txt")
    try:
        shutil.copy(DRAFT, work / name)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only valid names")
    for args in (["--format", "json"], ["--format", "sarif", "-o", "r.sarif"], []):
        r = run("check", name, "--parent", "parent.txt", *args)
        assert r.exit_code == 1 and "内部错误" not in r.output, r.output
    sarif = (work / "r.sarif").read_text("utf-8")
    assert "plan\ufffd\\u001b[31m.txt" in sarif and "\x1b" not in sarif  # JSON escapes ESC itself
    r = run("check", os.fsdecode(b"gone\xff.txt"), "--parent", "parent.txt")
    assert r.exit_code == 2 and "找不到文件" in r.output and "\ufffd" in r.output, r.output


def test_a_closed_or_full_standard_output_is_a_message(work: Path) -> None:
    import subprocess
    import sys

    exe = str(Path(sys.executable).with_name("plancheck"))
    if not shutil.which("sh"):
        pytest.skip("no POSIX shell to start plancheck with its standard output closed")
    r = subprocess.run(["sh", "-c", 'exec "$0" parse draft.txt >&-', exe], stderr=subprocess.PIPE, check=False)
    assert r.returncode == 2 and "标准输出已关闭" in r.stderr.decode(), r.stderr.decode()
    if Path("/dev/full").exists():
        with open("/dev/full", "wb") as full:
            r = subprocess.run([exe, "parse", "draft.txt"], stdout=full, stderr=subprocess.PIPE, check=False)
        assert r.returncode == 2 and "磁盘已满" in r.stderr.decode(), r.stderr.decode()


def test_a_text_output_is_cleaned_and_a_zip_is_never_touched(tmp_path: Path) -> None:
    outputs.write_output(str(tmp_path / "a.md"), "标题\x1b[2J\n".encode())
    assert (tmp_path / "a.md").read_text("utf-8") == "标题\u241b[2J\n"
    import io
    import zipfile

    for method in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", method) as z:
            z.writestr("x.xml", "<a>\x1b" + "a" * 1000 + "</a>")
        outputs.write_output(str(tmp_path / "b.docx"), buf.getvalue())  # binary forgotten: still intact
        assert (tmp_path / "b.docx").read_bytes() == buf.getvalue()


# ----------------------------------------------------------------------- every file read is an input

# Reads that are not the user's inputs: jieba's own dictionary and plancheck's cache of it; the Word
# report's second read of a draft already noted (and checked against its hash) when it was ingested.
_NOT_INPUTS = {"engine/align/lexicon.py", "engine/report/docx.py"}
# functions whose `open` is a zip member's (ZipFile.open), inside bytes already read and noted
_ZIP_MEMBER_READERS = {("engine/ingest/readers.py", "_unpacked_within_budget")}


def _reads_without_note(tree: ast.AST) -> list[tuple[int, str]]:
    """Functions that read a file but never note it as an input."""
    found = []
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        calls = [n for n in ast.walk(fn) if isinstance(n, ast.Call)]
        names = [c.func.attr if isinstance(c.func, ast.Attribute) else getattr(c.func, "id", "") for c in calls]
        reads = [n for n in names if n in ("read_text", "read_bytes")]
        reads += ["open" for c, n in zip(calls, names, strict=True) if n == "open" and not _writes(c)]
        if reads and "note_input" not in names:
            found.append((fn.lineno, fn.name))
    return found


def test_every_file_read_is_noted_as_an_input() -> None:
    offenders = []
    for p in sorted(ENGINE.rglob("*.py")):
        rel = str(p.relative_to(ROOT))
        if p == ENGINE / "outputs.py" or rel in _NOT_INPUTS:
            continue
        offenders += [
            f"{rel}:{line}: {name}"
            for line, name in _reads_without_note(_tree(p))
            if (rel, name) not in _ZIP_MEMBER_READERS
        ]
    assert offenders == [], "call engine.outputs.note_input(path) where these read a file, so no output can overwrite it"


def test_the_record_of_inputs_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outputs, "_MAX_INPUTS", 3)
    outputs.forget_inputs()
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text("x", "utf-8")
        outputs.note_input(tmp_path / f"{i}.txt")
    assert sorted(Path(p).name for p in outputs.noted_inputs().values()) == ["2.txt", "3.txt", "4.txt"]
    outputs.forget_inputs()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_really_read_only_folder_is_a_message(work: Path) -> None:
    (work / "ro").mkdir()
    os.chmod(work / "ro", 0o500)
    try:
        r = run("derive", "parent.txt", "-o", "ro/r.yaml")
        assert r.exit_code == 2 and "无法写入" in r.output and "内部错误" not in r.output, r.output
    finally:
        os.chmod(work / "ro", 0o700)


# ----------------------------------------------------------------------- properties


def _is_control(c: str) -> bool:
    """C0 (but tab and newline), DEL, C1 and the bidi embedding/isolate controls (U+202A–U+202E,
    U+2066–U+2069: they reorder what a reader sees, so a report shows them too)."""
    code = ord(c)
    return (code < 0x20 and c not in "\t\n") or 0x7F <= code <= 0x9F or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("\u202a")  # hypothesis found it: a bidi control is made visible as a control is
def test_clean_text_leaves_no_control_and_keeps_every_other_character(text: str) -> None:
    cleaned = outputs.clean_text(text)
    assert len(cleaned) == len(text)
    assert not any(_is_control(c) for c in cleaned)
    assert all(a == b for a, b in zip(text, cleaned, strict=True) if not _is_control(a))


@pytest.mark.parametrize(
    "args",
    [
        ["fix", "draft.txt", "--parent", "parent.txt", "-o", "hard.txt"],
        ["diff", "draft.txt", "draft.txt", "--parent", "parent.txt", "-o", "hard.txt"],
        ["rules", "doc", "-o", "core.yaml"],
    ],
    ids=["fix", "diff", "rules-doc"],
)
def test_every_command_refuses_to_write_an_input(work: Path, args: list[str]) -> None:
    os.link(work / "draft.txt", work / "hard.txt")
    os.link(ROOT / "rulesets" / "core.yaml", work / "core.yaml")
    before = {p.name: _digest(p) for p in work.iterdir() if p.is_file()}
    r = run(*args)
    assert r.exit_code == 2 and "输入文件相同" in r.output, r.output
    assert {p.name: _digest(p) for p in work.iterdir() if p.is_file()} == before
