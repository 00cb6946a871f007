"""How the CLI behaves towards a clerk: formats from the output's name, a line after each file,
swapped inputs caught, usage errors as one line in the run's language, a compact mode for editors."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from engine.cli import main

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
COUNTY = ROOT / "fixtures" / "guangning-county-2016-2020.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def work(tmp_path: Path, monkeypatch) -> Path:
    for p in (PARENT, DRAFT, COUNTY):
        shutil.copy(p, tmp_path / p.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_format_follows_the_output_name(work):
    r = run("check", DRAFT.name, "--parent", PARENT.name, "-o", "批注.docx", "-o", "反馈.xlsx", "-o", "r.json",
            "--author", "城中区司法局", "--today", "2026-12-04", "--min-severity", "warning")
    assert r.exit_code == 1, r.output
    with zipfile.ZipFile(work / "批注.docx") as z:
        assert "word/comments.xml" in z.namelist()
    comments = list(docx.Document(str(work / "批注.docx")).comments)
    assert {c.author for c in comments} == {"城中区司法局"}
    assert (work / "反馈.xlsx").read_bytes()[:2] == b"PK"
    assert (work / "r.json").read_text("utf-8").lstrip().startswith("{")
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("已写入")]
    assert len(lines) == 3
    m = re.fullmatch(r"已写入 批注\.docx（(\d+) 条：错误 (\d+)，警告 (\d+)，提示 0）", lines[0])
    assert m and int(m[1]) == int(m[2]) + int(m[3]) == len(comments)
    assert re.fullmatch(r"已写入 r\.json（\d+ 条：错误 \d+，警告 \d+，提示 [1-9]\d*）", lines[2])


def test_a_contradiction_is_an_error_and_nothing_is_written(work):
    r = run("check", DRAFT.name, "--parent", PARENT.name, "--format", "text", "-o", "批注.docx")
    assert r.exit_code == 2 and "扩展名" in r.output
    assert not (work / "批注.docx").exists()
    r = run("check", DRAFT.name, "--parent", PARENT.name, "--format", "json", "-o", "r.html", "--lang", "en")
    assert r.exit_code == 2 and "does not match --format json" in r.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_swapped_parent_and_draft_are_caught(work, lang):
    r = run("check", PARENT.name, "--parent", DRAFT.name, "--lang", lang)
    assert r.exit_code == 2
    assert ("放反" if lang == "zh" else "swapped") in r.output and "征求意见稿" in r.output
    r = run("check", PARENT.name, "--parent", COUNTY.name, "--lang", lang)
    assert r.exit_code == 2 and ("县级" if lang == "zh" else "county") in r.output
    assert run("check", DRAFT.name, "--parent", PARENT.name).exit_code == 1  # the right way round


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["check"], "缺少 DRAFTS", "missing DRAFTS"),
        (["check", "d.txt", "--bogus"], "没有选项 --bogus", "no such option: --bogus"),
        (["check", "d.txt", "--fail-on", "sometimes"], "而不是“sometimes”", "not 'sometimes'"),
        (["check", "d.txt", "-j", "many"], "应为整数", "must be a whole number"),
        (["frobnicate"], "没有命令 frobnicate", "no such command: frobnicate"),
    ],
)
def test_usage_errors_are_one_line_in_the_runs_language(args, zh, en):
    for lang, want in (("zh", zh), ("en", en)):
        r = CliRunner().invoke(main, [*args, *(["--lang", "en"] if lang == "en" else [])])
        assert r.exit_code == 2
        out = r.output.strip()
        assert "\n" not in out and want in out, out
        assert "Usage:" not in out and "Error:" not in out


def test_the_language_may_come_before_the_command(work):
    # `plancheck --lang en check …` was refused ("no such option") while `check … --lang en` worked
    r = CliRunner().invoke(main, ["--lang", "en", "check", "missing.txt"])
    assert r.exit_code == 2 and "file not found" in r.output, r.output
    r = CliRunner().invoke(main, ["--lang", "en", "rules", "doc", "--ruleset", "missing.yaml"])
    assert r.exit_code == 2 and "找不到" not in r.output, r.output
    # one given after the command wins, for the command and for its usage errors alike
    r = CliRunner().invoke(main, ["--lang", "en", "check", "missing.txt", "--lang", "zh"])
    assert r.exit_code == 2 and "找不到文件" in r.output, r.output
    r = CliRunner().invoke(main, ["--lang", "en", "check", "d.txt", "--bogus"])
    assert r.exit_code == 2 and "no such option: --bogus" in r.output, r.output


def test_every_option_help_is_bilingual():
    def commands(group):
        for cmd in group.commands.values():
            yield cmd
            if hasattr(cmd, "commands"):
                yield from commands(cmd)

    for cmd in commands(main):
        for p in cmd.params:
            if getattr(p, "help", None):
                assert re.search(r"[\u4e00-\u9fff]", p.help) and re.search(r"[a-z]{3}", p.help), (cmd.name, p.name)


def test_compact_mode_for_editors(work):
    r = run("check", DRAFT.name, "--parent", PARENT.name, "--format", "compact")
    lines = r.stdout.splitlines()
    assert lines and all(re.match(r"[^:]+:\d+(:\d+)?: (error|warning|info) \S+ \S", ln) for ln in lines), lines[:3]
    assert all(ln.startswith(DRAFT.name + ":") for ln in lines)


def test_a_word_draft_is_placed_in_paragraphs(work):
    d = docx.Document()
    for line in DRAFT.read_text("utf-8").splitlines():
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    (work / "draft.docx").write_bytes(buf.getvalue())
    r = run("check", "draft.docx", "--parent", PARENT.name)
    assert "段" in r.stdout and "第" in r.stdout
    assert not re.search(r"第\d+行", r.stdout)


class _Tty:
    def __init__(self, tty: bool) -> None:
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


def test_a_progress_line_only_on_a_terminal_and_only_after_a_second():
    import time

    from engine.cli_support import Progress

    quick = _Tty(True)
    p = Progress("zh", quick, delay=0.5)
    p("check")
    p.done()
    assert quick.text == ""  # done within the delay: nothing drawn

    slow = _Tty(True)
    p = Progress("zh", slow, delay=0.05)
    time.sleep(0.2)
    p("check")
    assert "对齐与检查" in slow.text and "[" in slow.text
    p.done()
    assert slow.text.endswith("\r\x1b[K")  # erased at the end

    piped = _Tty(False)
    p = Progress("en", piped, delay=0.0)
    time.sleep(0.05)
    p("check")
    p.done()
    assert piped.text == ""


def _bad_values(p) -> list[str]:
    """Values click refuses for the option's type (an empty list: every string is acceptable)."""
    import click

    t = p.type
    if p.is_flag:
        return []
    if isinstance(t, click.Choice):
        return ["no-such-choice"]
    if isinstance(t, click.IntRange):
        return ["abc", str((t.max or 0) + 1) if t.max is not None else str((t.min or 0) - 1)]
    if isinstance(t, (click.types.IntParamType, click.types.FloatParamType, click.types.BoolParamType)):
        return ["abc"]
    if isinstance(t, click.DateTime):
        return ["2023-02-30", "30/06/2026"]
    if isinstance(t, click.Path) and not t.dir_okay:
        return ["."]
    if isinstance(t, click.Path) and t.exists:
        return ["no/such/file"]
    return []


def _options():
    import click

    def commands(group, path):
        for name, cmd in group.commands.items():
            if isinstance(cmd, click.Group):
                yield from commands(cmd, [*path, name])
            else:
                yield [*path, name], cmd

    for path, cmd in commands(main, []):
        for p in cmd.params:
            if not isinstance(p, click.Option):
                continue
            opt = max(p.opts, key=len)
            if p.is_flag and not p.count:
                yield pytest.param(path, [f"{opt}=1"], id=f"{' '.join(path)} {opt}=1")
            for v in _bad_values(p):
                yield pytest.param(path, [opt, v], id=f"{' '.join(path)} {opt} {v}")


@pytest.mark.parametrize(("path", "args"), list(_options()))
def test_every_bad_option_value_is_refused_in_the_runs_language(path, args):
    """Each option type (integers, ranges, dates, choices, paths, switches): one line, exit 2, Chinese by
    default and English with --lang en — never click's own English sentence in a Chinese run."""
    english = re.compile(r"\b(is not|not a valid|does not|Invalid value|is a directory|Option '|range)\b")
    for lang in ("zh", "en"):
        if lang == "en" and args[0] == "--lang":
            continue  # the language option itself is the bad value
        extra = ["--lang", "en"] if lang == "en" else []
        r = CliRunner().invoke(main, [*path, *args, *extra])  # the bad option first: it is processed first
        out = r.output.strip()
        assert r.exit_code == 2 and "\n" not in out, out
        if lang == "zh":
            assert not english.search(out) and re.search(r"[\u4e00-\u9fff]{2}", out), out
        else:
            assert "用法错误" not in out and "usage:" in out, out


@pytest.mark.parametrize("module", ["engine", "engine.cli"])
def test_every_module_form_runs_the_command(module: str) -> None:
    """`python -m engine.cli …` once exited 0 and printed nothing (no __main__ guard): both forms run plancheck."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-m", module, "--version"], cwd=root, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("plancheck ")
