"""The `plancheck` program: signals are set up before anything heavy is imported, then the CLI runs.

Ctrl-C (SIGINT) or SIGTERM at any moment — while Python imports the libraries, mid-run, in a batch
worker — ends the run with one line and exit code 130 or 143, never a traceback, and never exit 1
(which means "findings"). SIGTERM is turned into an exception (`Terminated`) so that the
`finally` blocks run: a temporary output file is removed (engine/outputs.py), a half-written report
never appears. Only the standard library is imported here, so an interrupt during the imports of
click, pydantic or jieba is caught too.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
from typing import NoReturn


class Terminated(BaseException):
    """SIGTERM, raised where the program is (a BaseException, like KeyboardInterrupt: no `except
    Exception` swallows it)."""


EXIT_SIGINT = 128 + signal.SIGINT  # 130, as a shell reports a process ended by Ctrl-C
EXIT_SIGTERM = 128 + signal.SIGTERM  # 143

_MESSAGES = {
    "zh": "plancheck：已中断；未完成的输出没有写入",
    "en": "plancheck: interrupted; no output was left half-written",
}


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def install() -> None:
    """SIGTERM raises `Terminated` (SIGINT already raises KeyboardInterrupt)."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _raise_terminated)


def ignore_in_worker() -> None:
    """For batch workers: the parent alone answers Ctrl-C and stops them (SIGTERM, silently)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def interruption(exc: BaseException) -> BaseException | None:
    """The Ctrl-C or SIGTERM behind `exc`, if any: Python wraps one that lands while a class is
    being created (pydantic's `__set_name__` during an import) in a RuntimeError."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, KeyboardInterrupt | Terminated):
            return cur
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return None


def stop(exc: BaseException, *, hard: bool = False) -> NoReturn:
    """One line on stderr, in the language asked for on the command line, and the signal's exit code
    (`hard`: at once, without running exit handlers)."""
    for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if sig is not None:
            signal.signal(sig, signal.SIG_IGN)  # a second Ctrl-C while stopping changes nothing
    lang = "en" if _lang_en(sys.argv) else "zh"
    try:
        sys.stderr.write(_MESSAGES[lang] + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    code = EXIT_SIGTERM if isinstance(interruption(exc) or exc, Terminated) else EXIT_SIGINT
    if hard:  # skip exit handlers that would wait for what the signal already ended
        os._exit(code)
    raise SystemExit(code)


def _lang_en(argv: list[str]) -> bool:
    return "--lang=en" in argv or any(a == "--lang" and b == "en" for a, b in itertools.pairwise(argv))


def _finished() -> None:
    """The command has ended and its outputs are whole: a Ctrl-C or SIGTERM while Python shuts down
    (it can take a second) changes nothing. Without this, a KeyboardInterrupt raised there had no
    handler left, and the process died of SIGINT (exit -2) after a complete run."""
    for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if sig is not None:
            signal.signal(sig, signal.SIG_IGN)


def main() -> None:
    install()
    try:
        from engine.cli import main as cli

        # Ctrl-C inside a command is answered by the command wrapper (engine/cli_support.py) before
        # click could turn it into "Aborted!" and exit 1; here: during imports, and SIGTERM anywhere.
        cli(prog_name="plancheck")
    except (KeyboardInterrupt, Terminated) as exc:
        stop(exc)
    except SystemExit:
        _finished()
        raise
    except Exception as exc:
        if (cause := interruption(exc)) is None:
            raise
        stop(cause)
