"""Suite-wide isolation that pytest-xdist's order needs (each worker runs tests in an order of its own)."""

from __future__ import annotations

import signal

import pytest

_SIGNALS = (signal.SIGINT, *([signal.SIGTERM] if hasattr(signal, "SIGTERM") else []))


@pytest.fixture(autouse=True)
def _signals_restored():  # type: ignore[no-untyped-def]
    """Each test leaves Ctrl-C and SIGTERM as it found them. engine.entry.stop ignores both (right
    for a process about to exit); run in the test process (CliRunner), that outlived the test, and a
    plancheck spawned by a later test in the same process inherited an ignored SIGINT and could not be
    interrupted (tests/cli/test_signals.py: 3 failures under -n 2 from its in-process interrupt test,
    then 6 from a further leak once that test was fixed alone)."""
    saved = {s: signal.getsignal(s) for s in _SIGNALS}
    yield
    for s, handler in saved.items():
        if signal.getsignal(s) is not handler and handler is not None:
            signal.signal(s, handler)
