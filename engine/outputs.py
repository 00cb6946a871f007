"""Every file plancheck writes goes through here, so that nothing the user gave is ever written.

Two promises, kept in one place (`tests/test_outputs.py` fails when a module writes a file some
other way):

- **an input is never an output.** Every file a run reads (drafts, the parent, each ruleset of an
  `extends` chain, waivers, data tables) is noted by identity (device + inode) when it is read, and
  an output that is the same file — by the same name, a symlink or a hard link — is refused with
  `option.output_is_input` before anything is written. Checked again at write time, because the
  full list of inputs (an `extends` chain) is only known once the rulesets are loaded.
- **a write is all or nothing.** The bytes go to a temporary file in the target's folder, which is
  then renamed over the target (`os.replace`); an interrupted, failed or full-disk write leaves the
  old file (or no file) and never half a report.

Failures the user can fix (a directory, a read-only place, a full disk, a name too long) are
`PlancheckError`s with the system's reason, never tracebacks.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from engine.errors import PlancheckError

Identity = tuple[int, int]

_lock = threading.Lock()
_inputs: dict[Identity, str] = {}  # every file read in this process -> the name it was read by


def identity_of(path: str | os.PathLike[str]) -> Identity | None:
    """(device, inode) of the file a path leads to (symlinks followed), or None when there is none."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):  # missing, dangling link, unreadable folder, NUL in the name
        return None
    return (st.st_dev, st.st_ino)


def note_input(path: str | os.PathLike[str], fd: int | None = None) -> None:
    """Remember a file the run reads (by its open descriptor when there is one: the file actually read)."""
    try:
        st = os.fstat(fd) if fd is not None else os.stat(path)
    except (OSError, ValueError):
        return
    if stat.S_ISREG(st.st_mode):
        with _lock:
            _inputs.setdefault((st.st_dev, st.st_ino), os.fspath(path))


def noted_inputs() -> dict[Identity, str]:
    with _lock:
        return dict(_inputs)


def forget_inputs() -> None:
    """For tests and long-lived processes (a server) that start a new run."""
    with _lock:
        _inputs.clear()


def refuse_inputs(outputs: Iterable[str], inputs: Iterable[str] = ()) -> None:
    """Refuse outputs that are one of `inputs` or of the files read so far, or named twice.

    Called before the run (fail fast on the inputs named on the command line) and again by
    `write_output` (every input is known by then).
    """
    known = noted_inputs()
    for p in inputs:
        if p and p != "-":
            ident = identity_of(p)
            if ident is not None:
                known.setdefault(ident, p)
    seen: dict[object, str] = {}
    for o in outputs:
        if not o or o == "-":
            continue
        ident = identity_of(o)
        if ident is not None and ident in known:
            raise PlancheckError("option.output_is_input", path=o)
        key: object = ident if ident is not None else os.path.abspath(o)
        if key in seen:
            raise PlancheckError("option.output_twice", path=o, other=seen[key])
        seen[key] = o


def write_output(path: str, data: bytes) -> None:
    """Write one output file (or stdout for `-`), refusing any input, all or nothing."""
    if path == "-":
        write_stdout(data)
        return
    refuse_inputs([path])
    _replace(Path(path), data, mode=None)


def write_stdout(data: bytes) -> None:
    """Standard output; refused when the shell sent it into an input (`>> draft.txt`)."""
    try:
        st = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real descriptor (tests capture stdout)
        st = None
    if st is not None and stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) in noted_inputs():
        raise PlancheckError("option.output_is_input", path="<stdout>")
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def write_private(path: Path, data: bytes) -> bool:
    """A cache file only the user may read (mode 0600), all or nothing; False where it cannot be
    written (the caller carries on without it)."""
    try:
        _replace(path, data, mode=0o600, make_dirs=False)
    except PlancheckError:
        return False
    return True


def write_upload(path: Path, data: bytes) -> None:
    """An uploaded file into the web server's private folder (mode 0600); a failure is the user's
    message (a full disk), not a traceback."""
    _replace(path, data, mode=0o600, make_dirs=False)


def _replace(target: Path, data: bytes, *, mode: int | None, make_dirs: bool = True) -> None:
    """Write `data` to a temporary file beside `target`, then rename it over `target`."""
    shown = os.fspath(target)
    real = Path(os.path.realpath(target))  # a symlinked output is written where the link leads
    try:
        st = os.stat(real)
    except OSError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise PlancheckError("output.is_dir", path=shown)
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        _stream(shown, data)  # /dev/null, /dev/stdout, a pipe the user made: nothing to replace
        return
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise PlancheckError("output.not_regular", path=shown)  # a disk, a socket
    tmp = None
    try:
        if make_dirs:
            real.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name[:100]}.", suffix=".tmp", dir=real.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode if mode is not None else (stat.S_IMODE(st.st_mode) if st else _default_mode()))
        os.replace(tmp, real)
        tmp = None
    except OSError as exc:
        raise _output_error(shown, exc) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _stream(path: str, data: bytes) -> None:
    try:
        with open(path, "wb", buffering=0) as fh:
            fh.write(data)
    except OSError as exc:
        raise _output_error(path, exc) from None


def _default_mode() -> int:
    """What `open(path, "w")` would have given: 0666 less the umask."""
    with _lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def _output_error(path: str, exc: OSError) -> PlancheckError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return PlancheckError("output.no_space", path=path)
    if exc.errno == errno.ENAMETOOLONG:
        return PlancheckError("output.name_too_long", path=path)
    if exc.errno in (errno.EISDIR, errno.ENOTDIR) and os.path.isdir(path):
        return PlancheckError("output.is_dir", path=path)
    return PlancheckError("output.unwritable", path=path, reason=exc.strerror or type(exc).__name__)
