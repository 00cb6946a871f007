"""Ctrl-C and SIGTERM at any moment: one line, exit 130 or 143 (never 1, the findings code), no
traceback, no output file or temporary file left, no worker left behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.entry import EXIT_SIGINT, EXIT_SIGTERM, Terminated

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
EXE = str(Path(sys.executable).with_name("plancheck"))
POSIX = pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups and POSIX signals")


def _workers(pid: int) -> list[str]:
    return subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False).stdout.split()


def _interrupt(tmp: Path, args: list[str], sig: int, after: float, *, workers: bool = False) -> tuple[bool, subprocess.CompletedProcess]:
    """Run plancheck in its own process group and signal the whole group (as a terminal's Ctrl-C
    does) after `after` seconds (`workers`: once its batch workers have started, then `after`);
    (was it still running when signalled?, result)."""
    # a child inherits an ignored SIGINT, and Python then installs no KeyboardInterrupt: a signal sent
    # to it would be lost, and the test would fail far from the cause
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN, (
        "Ctrl-C is ignored in this process: an earlier test left it so, or pytest was started in the background of a "
        "non-interactive shell (`cmd &` starts with SIGINT ignored) — run the suite in the foreground"
    )
    p = subprocess.Popen([EXE, *args], cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    # wait until plancheck has installed its handlers (Linux: SigCgt in /proc): a signal before that
    # lands in the interpreter's own start-up, which no program can handle — on a loaded machine a
    # fixed delay could fall there
    for _ in range(400):
        if _handles(p.pid, signal.SIGTERM) or p.poll() is not None:  # plancheck installs it itself
            break
        time.sleep(0.005)
    for _ in range(300 if workers else 0):
        if _workers(p.pid) or p.poll() is not None:
            break
        time.sleep(0.05)
    time.sleep(after)
    running = p.poll() is None
    if running:
        os.killpg(p.pid, sig)
    try:
        out, err = p.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        pytest.fail(f"{args} hung after {signal.Signals(sig).name}")
    for _ in range(30):  # a killed worker may take a moment to be gone
        left = subprocess.run(["pgrep", "-g", str(p.pid)], capture_output=True, text=True, check=False).stdout.split()
        if not left:
            break
        time.sleep(0.1)
    assert left == [], f"processes left behind: {left}"
    return running, subprocess.CompletedProcess(args, p.returncode, out.decode(), err.decode("utf-8", "replace"))


def _handles(pid: int, sig: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True  # no /proc: fall back to the fixed delay alone
    caught = next((ln.split()[1] for ln in status.splitlines() if ln.startswith("SigCgt:")), "0")
    return bool(int(caught, 16) >> (sig - 1) & 1)


def _assert_stopped(r: subprocess.CompletedProcess, code: int, tmp: Path, before: set[str]) -> None:
    assert r.returncode == code, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert "已中断" in r.stderr
    assert {p.name for p in tmp.iterdir()} == before  # no report, no temporary file


@pytest.fixture
def work(tmp_path: Path) -> Path:
    for i in range(6):
        shutil.copy(DRAFT, tmp_path / f"d{i}.txt")
    shutil.copy(PARENT, tmp_path / "parent.txt")
    return tmp_path


@POSIX
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, EXIT_SIGINT), (signal.SIGTERM, EXIT_SIGTERM)])
def test_a_signal_while_starting_up(work: Path, sig: int, code: int) -> None:
    before = {p.name for p in work.iterdir()}
    # 0.3 s: Python is running, plancheck is importing its libraries (a whole run takes seconds)
    running, r = _interrupt(work, ["check", "d0.txt", "--parent", "parent.txt", "-o", "r.json", "--format", "json"], sig, 0.3)
    assert running
    _assert_stopped(r, code, work, before)


@POSIX
def test_a_signal_in_the_middle_of_one_check(work: Path) -> None:
    """Signalled halfway through a check (timed on this machine first): exit 130, one line, and no
    partial or temporary file — a report already finished before the signal may stay, complete."""
    args = ["check", "d0.txt", "--parent", "parent.txt", "--format", "json", "-o", "r.json", "--format", "docx", "-o", "r.docx"]
    t0 = time.monotonic()
    subprocess.run([EXE, *args], cwd=work, capture_output=True, check=False)
    took = time.monotonic() - t0
    for name in ("r.json", "r.docx"):
        (work / name).unlink()
    before = {p.name for p in work.iterdir()}
    running, r = _interrupt(work, args, signal.SIGINT, took / 2)
    if not running:
        pytest.skip("the check finished before the signal on this machine")
    left = {p.name for p in work.iterdir()} - before
    if r.returncode in (0, 1):  # on a loaded machine the signal can land after the check has ended,
        # while Python shuts down: the run is complete, and says so by its own exit code (engine.entry._finished)
        assert left == {"r.json", "r.docx"} and "Traceback" not in r.stderr, (left, r.stderr)
        json.loads((work / "r.json").read_text("utf-8"))
        zipfile.ZipFile(work / "r.docx").testzip()
        return
    assert r.returncode == EXIT_SIGINT, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "已中断" in r.stderr.splitlines()[-1], r.stderr
    assert left <= {"r.json", "r.docx"}, left  # no temporary file
    if "r.json" in left:
        json.loads((work / "r.json").read_text("utf-8"))  # complete, not half-written
    if "r.docx" in left:
        zipfile.ZipFile(work / "r.docx").testzip()


@POSIX
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, EXIT_SIGINT), (signal.SIGTERM, EXIT_SIGTERM)])
def test_a_signal_during_a_batch_with_workers(work: Path, sig: int, code: int) -> None:
    before = {p.name for p in work.iterdir()}
    drafts = [f"d{i % 6}.txt" for i in range(24)]
    # 24 drafts on four workers take seconds: signalled half a second after the workers start
    running, r = _interrupt(work, ["check", *drafts, "--parent", "parent.txt", "-j", "4", "--format", "json", "-o", "r.json"], sig, 0.5, workers=True)
    assert running
    _assert_stopped(r, code, work, before)


@POSIX
def test_english_when_asked(work: Path) -> None:
    before = {p.name for p in work.iterdir()}
    running, r = _interrupt(work, ["check", "d0.txt", "--parent", "parent.txt", "--lang", "en"], signal.SIGINT, 0.3)
    assert running and r.stderr == "plancheck: interrupted; no output was left half-written\n"
    assert {p.name for p in work.iterdir()} == before


@pytest.mark.parametrize(
    ("raised", "code"),
    [
        (KeyboardInterrupt(), EXIT_SIGINT),
        (Terminated(), EXIT_SIGTERM),
        (RuntimeError("Error calling __set_name__"), EXIT_SIGINT),  # Python wraps one that lands in class creation
    ],
)
def test_an_interrupt_inside_a_command_is_one_line_and_its_exit_code(monkeypatch: pytest.MonkeyPatch, raised: BaseException, code: int) -> None:
    import engine.pipeline

    if isinstance(raised, RuntimeError):
        raised.__cause__ = KeyboardInterrupt()

    def interrupted(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(engine.pipeline, "check", interrupted)
    r = CliRunner().invoke(main, ["check", str(DRAFT), "--parent", str(PARENT)])
    assert r.exit_code == code and r.output.strip() == "plancheck：已中断；未完成的输出没有写入", r.output


@POSIX
def test_a_batch_worker_killed_by_the_system_is_a_message_not_a_hang(work: Path) -> None:
    drafts = [f"d{i}.txt" for i in range(6)]
    p = subprocess.Popen([EXE, "check", *drafts, "--parent", "parent.txt", "-j", "2"], cwd=work,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    kids: list[str] = []
    for _ in range(100):  # the workers are forked once the parent is derived (~1-2 s)
        time.sleep(0.1)
        kids = subprocess.run(["pgrep", "-P", str(p.pid)], capture_output=True, text=True, check=False).stdout.split()
        if kids:
            break
    assert kids, "no worker started"
    os.kill(int(kids[0]), signal.SIGKILL)  # as the out-of-memory killer would
    try:
        _, err = p.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        pytest.fail("the batch hung on a dead worker")
    assert p.returncode == 2 and "工作进程意外退出" in err.decode() and "Traceback" not in err.decode(), err.decode()
