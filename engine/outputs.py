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
import re
import stat
import sys
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from engine.errors import PlancheckError

Identity = tuple[int, int]

_lock = threading.Lock()
_inputs: OrderedDict[Identity, str] = OrderedDict()  # files read by this command -> the name read by
_MAX_INPUTS = 10_000  # a command reads a handful; a long-lived server must not grow without bound


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
            _inputs.move_to_end((st.st_dev, st.st_ino))
            if len(_inputs) > _MAX_INPUTS:
                _inputs.popitem(last=False)


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


# C0 except tab and newline, DEL, C1: invalid in XML 1.0 (C0) or steering a terminal (ESC, CSI, CR);
# and the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which make a
# quote read in another order than its characters stand in the draft (“Trojan Source”) in a browser,
# Word, an editor or a code-review page. No plan needs them; the marks LRM/RLM are left alone.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(m: re.Match[str]) -> str:
    """One character for one: ␌ for a form feed, ␛ for ESC, ␡ for DEL, � for a C1 or bidi control, so
    columns and quotes keep their length and the reader still sees that something was there."""
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def clean_text(text: str) -> str:
    """`text` with every control character but tab and newline made visible; `text` itself when
    there is none (callers test identity to skip copying)."""
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def as_text(s: str) -> str:
    """`s` as text that encodes: a file name's undecodable bytes (surrogates from os.fsdecode) and
    any other lone surrogate become �."""
    try:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return s.encode("utf-8", "replace").decode("utf-8")


def write_output(path: str, data: bytes, *, binary: bool = False) -> None:
    """Write one output file (or stdout for `-`), refusing any input, all or nothing; text (not
    `binary`) without control characters."""
    if path == "-":
        write_stdout(data, binary=binary)
        return
    refuse_inputs([path])
    _replace(Path(path), data if binary else _clean_bytes(data), mode=None)


def _clean_bytes(data: bytes) -> bytes:
    """UTF-8 text with its control characters made visible; anything that is not UTF-8 text (a zip
    written without `binary=True`: not UTF-8, or holding NULs its headers always have) as it is,
    rather than damaged."""
    if b"\x00" in data:
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    cleaned = clean_text(text)
    return data if cleaned is text else cleaned.encode("utf-8")


def write_stdout(data: bytes, *, binary: bool = False) -> None:
    """Standard output; refused when the shell sent it into an input (`>> draft.txt`)."""
    try:
        st = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real descriptor (tests capture stdout)
        st = None
    if st is not None and stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) in noted_inputs():
        raise PlancheckError("option.output_is_input", path="<stdout>")
    if not binary:
        data = _clean_bytes(data)  # a terminal never receives an escape sequence from a report
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # started with standard output closed (`>&-`)
        raise PlancheckError("output.stdout_closed")
    try:
        stream.write(data)
        stream.flush()
    except BrokenPipeError:
        raise  # the reader stopped reading (`| head`): the CLI ends quietly
    except OSError as exc:
        raise _output_error("<stdout>", exc) from None


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Text for the terminal (stdout, or stderr for messages), control characters made visible and a
    name that is not valid UTF-8 shown with its bad bytes as �, never an encoding error."""
    text = as_text(text)
    data = (clean_text(text) + ("\n" if nl else "")).encode("utf-8")
    if not err:
        write_stdout(data)
        return
    if sys.stderr is None:  # started with standard error closed: nowhere to say it
        return
    stream = getattr(sys.stderr, "buffer", None)
    try:
        if stream is None:
            sys.stderr.write(data.decode("utf-8"))
        else:
            sys.stderr.flush()
            stream.write(data)
        sys.stderr.flush()
    except OSError:
        pass


def write_private(path: Path, data: bytes) -> bool:
    """A cache file only the user may read (mode 0600), all or nothing; False where it cannot be
    written (the caller carries on without it)."""
    try:
        _replace(path, data, mode=0o600, make_dirs=False, follow=False)
    except PlancheckError:
        return False
    return True


def write_upload(path: Path, data: bytes) -> None:
    """An uploaded file into the web server's private folder (mode 0600); a failure is the user's
    message (a full disk), not a traceback."""
    _replace(path, data, mode=0o600, make_dirs=False, follow=False)


def _replace(target: Path, data: bytes, *, mode: int | None, make_dirs: bool = True, follow: bool = True) -> None:
    """Write `data` to a temporary file beside `target`, then rename it over `target`.

    `follow`: a symlinked output is written where the link leads (the user's own link); a cache
    file never follows one (a planted link must not aim the write at another file)."""
    shown = os.fspath(target)
    real = Path(os.path.realpath(target)) if follow else target
    try:
        st = os.stat(real) if follow else os.lstat(real)
    except OSError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise PlancheckError("output.is_dir", path=shown)
    if not follow:
        st = st if st is not None and stat.S_ISREG(st.st_mode) else None  # a link, pipe… is replaced
    elif st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        _stream(shown, data)  # /dev/null, /dev/stdout, a pipe the user made: nothing to replace
        return
    elif st is not None and not stat.S_ISREG(st.st_mode):
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
