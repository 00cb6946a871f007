"""Careless and hostile command lines: every one ends in a message and exit 2, never an internal
error or a traceback, and nothing the user gave changes."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(ROOT / "fixtures" / "chengzhong-district-draft.txt", tmp_path / "d.txt")
    shutil.copy(ROOT / "fixtures" / "guangxi-2021-2025-parent.txt", tmp_path / "p.txt")
    (tmp_path / "adir").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")  # no writer: opening it would block the run
    files = {
        "bin.yaml": bytes(range(256)),
        "list.yaml": b"- a\n- b\n",
        "ext_dir.yaml": b"id: x\nextends: [adir]\n",
        "ext_null.yaml": b"id: x\nextends: [/dev/null]\n",
        "null_rule.yaml": b"id: x\nrules: [null]\n",
        "w_deep.yaml": b"[" * 5000 + b"]" * 5000 + b"\n",
        "w_items.yaml": b"- 1\n- [2]\n",
        "w_year.yaml": b"- rule: x\n  reason: r\n  approver: a\n  expires: 99999-01-01\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    return tmp_path


CHEAP = [  # refused before the draft is checked, so each costs little
    (["check", "d.txt", "--parent", "p.txt", "-j", "-1"], "-j"),
    (["check", "d.txt", "--parent", "p.txt", "-j", "100000"], "-j"),
    (["check", "d.txt", "d.txt", "--parent", "p.txt", "-j", "100000"], "-j"),
    (["check", "d.txt", "--ruleset", "adir"], "规则集 adir 是文件夹"),
    (["check", "d.txt", "--ruleset", "nothing.yaml"], "找不到规则集"),
    *([(["check", "d.txt", "--ruleset", "fifo"], "不是普通文件")] if hasattr(os, "mkfifo") else []),
    (["check", "d.txt", "--ruleset", "bin.yaml"], "bin.yaml"),
    (["check", "d.txt", "--ruleset", "list.yaml"], "list.yaml:1"),
    (["check", "d.txt", "--ruleset", "ext_dir.yaml"], "是文件夹"),
    (["check", "d.txt", "--ruleset", "ext_null.yaml"], "不是普通文件"),
    (["check", "d.txt", "--ruleset", "null_rule.yaml"], "null_rule.yaml:2"),
    (["check", "d.txt", "--parent", "p.txt", "--waivers", "w_deep.yaml"], "w_deep.yaml:1"),
    (["check", "d.txt", "--parent", "p.txt", "--waivers", "w_items.yaml"], "w_items.yaml:1"),
    (["check", "d.txt", "--parent", "p.txt", "--waivers", "w_year.yaml"], "not a date"),
    (["check", "d.txt", "--parent", "p.txt", "--waivers", "adir"], "adir"),
    (["check", "d.txt", "--parent", "adir"], "文件夹"),
    (["derive", "p.txt", "-o", "x.yaml", "--id", "bad id"], "bad id"),
    (["check", "-", "--parent", "-"], "标准输入"),
    (["align", "-", "-"], "标准输入"),
    *([(["rules", "doc", "-o", "/proc/self/plancheck.md"], "无法写入")] if Path("/proc/self").is_dir() else []),
]


@pytest.mark.parametrize(("args", "word"), CHEAP, ids=[" ".join(a) for a, _ in CHEAP])
def test_a_message_and_exit_2(work: Path, args: list[str], word: str) -> None:
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in work.iterdir() if p.is_file()}
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    assert r.exit_code == 2, r.output
    assert "内部错误" not in r.output and "Traceback" not in r.output and word in r.output, r.output
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in work.iterdir() if p.is_file()}
    assert after == before


def test_standard_input_closed_is_a_message(work: Path) -> None:
    import subprocess
    import sys

    if not shutil.which("sh"):
        pytest.skip("no POSIX shell to start plancheck with its standard input closed")
    exe = str(Path(sys.executable).with_name("plancheck"))
    r = subprocess.run(["sh", "-c", 'exec "$0" parse - <&-', exe], capture_output=True, check=False)
    assert r.returncode == 2 and "标准输入已关闭" in r.stderr.decode(), r.stderr.decode()


def test_an_input_that_vanishes_between_the_look_and_the_read_is_a_message(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import engine.ingest

    def vanished(path: str, *args: object, **kwargs: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", path)

    monkeypatch.setattr(engine.ingest, "open", vanished, raising=False)  # os.stat still finds it
    r = CliRunner().invoke(main, ["parse", "d.txt"], catch_exceptions=False)
    assert r.exit_code == 2 and "找不到文件：d.txt" in r.output, r.output


def test_a_draft_missing_from_a_batch_is_its_own_line(work: Path) -> None:
    r = CliRunner().invoke(main, ["check", "d.txt", "gone.txt", "--parent", "p.txt", "-j", "1"], catch_exceptions=False)
    assert r.exit_code == 2, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("d.txt: 错误") and lines[1] == "gone.txt: 找不到文件：gone.txt"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_nobody_writes_into_is_a_message_not_a_hang(work: Path) -> None:
    """A plain open of a FIFO waits for a writer for ever; the probe run (bench/probes.py) hung here."""
    import subprocess
    import sys

    os.mkfifo(work / "f.txt")
    exe = str(Path(sys.executable).with_name("plancheck"))
    r = subprocess.run([exe, "parse", "f.txt"], capture_output=True, timeout=60, check=False)
    assert r.returncode == 2 and "f.txt 是命名管道，没有程序在向它写入" in r.stderr.decode(), r.stderr.decode()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_with_a_writer_is_read(work: Path) -> None:
    import threading

    os.mkfifo(work / "f.txt")
    data = (work / "d.txt").read_bytes()

    def write() -> None:
        with open(work / "f.txt", "wb") as fh:  # blocks until plancheck opens the pipe
            fh.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    while writer.is_alive() and not _has_writer(work / "f.txt"):
        writer.join(0.01)
    r = CliRunner().invoke(main, ["parse", "f.txt", "--format", "json"], catch_exceptions=False)
    writer.join(10)
    assert r.exit_code == 0 and '"measures"' in r.output, r.output[:300]


def _has_writer(path: Path) -> bool:
    """Whether a writer is waiting on the FIFO: nothing tells without opening it, so give it a moment."""
    import time

    time.sleep(0.2)
    return True


def test_a_system_reason_is_said_in_chinese() -> None:
    import errno

    from engine.i18n import message

    zh = message("output.unwritable", "zh", path="x", reason=os.strerror(errno.EACCES))
    assert zh == "无法写入 x：没有权限（只读的位置或文件）"
    assert message("input.unreadable", "zh", path="l", reason=os.strerror(errno.ELOOP)) == "无法读取 l：符号链接循环"
    assert message("output.unwritable", "en", path="x", reason=os.strerror(errno.EACCES)).endswith(os.strerror(errno.EACCES))
    assert message("output.unwritable", "zh", path="x", reason="odd") == "无法写入 x：odd"
