"""The lexicon cache is never trusted: only the user's own folders and files are read, every entry is
verified, a FIFO or link planted in it is skipped without blocking, and concurrent runs agree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine import outputs
from engine.align import lexicon
from engine.align.lexicon import Lexicon

ROOT = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(not hasattr(os, "getuid") or not hasattr(os, "mkfifo"), reason="POSIX owners and FIFOs")


@pytest.fixture
def real() -> Lexicon:
    return lexicon.lexicon()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, real: Lexicon) -> list[int]:
    """Count builds, and let a 'build' be the process's own index (the build itself is tested elsewhere)."""
    count: list[int] = []
    monkeypatch.setattr(Lexicon, "build", classmethod(lambda cls: count.append(1) or real))
    return count


@pytest.fixture
def only(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def use(*dirs: Path) -> None:
        monkeypatch.setattr(lexicon, "cache_dirs", lambda: list(dirs))

    return use


def _forged(real: Lexicon) -> bytes:
    """A well-formed index with a valid checksum and different numbers: what a planted file looks like."""
    return Lexicon(real.trie, real.freqs, real.total + 12345).to_bytes()


def test_a_forged_file_with_a_valid_checksum_but_a_bad_trie_is_refused(real: Lexicon) -> None:
    import hashlib

    good = real.to_bytes()
    head = len(lexicon._FORMAT) + 32
    body = bytearray(good[head:])
    body[-len(real.trie.tobytes()) :] = b"\x00" * len(real.trie.tobytes())  # a trie marisa cannot read
    forged = lexicon._FORMAT + hashlib.sha256(bytes(body)).digest() + bytes(body)
    assert Lexicon.from_bytes(forged) is None
    assert Lexicon.from_bytes(good + b"extra") is None  # sizes must add up


@POSIX
def test_a_fifo_in_the_cache_does_not_hang_and_is_replaced(tmp_path: Path, only, builds: list[int], real: Lexicon) -> None:
    name = lexicon._cache_name()
    os.mkfifo(tmp_path / name)
    only(tmp_path)
    assert lexicon._load_or_build(name).total == real.total and builds == [1]
    assert Lexicon.from_bytes((tmp_path / name).read_bytes()) is not None  # a regular file now


@POSIX
def test_a_planted_link_is_not_followed_for_reading_or_writing(tmp_path: Path, only, builds: list[int], real: Lexicon) -> None:
    name = lexicon._cache_name()
    victim = tmp_path / "victim"
    victim.write_bytes(_forged(real))
    os.chmod(victim, 0o600)
    (tmp_path / "cache").mkdir(mode=0o700)
    (tmp_path / "cache" / name).symlink_to(victim)
    only(tmp_path / "cache")
    assert lexicon._load_or_build(name).total == real.total and builds == [1]
    assert victim.read_bytes() == _forged(real)  # untouched: the link was replaced, not written through
    assert not (tmp_path / "cache" / name).is_symlink()


@POSIX
@pytest.mark.parametrize("mode", [0o777, 0o770], ids=["world-writable", "group-writable"])
def test_a_shared_temporary_folder_others_can_write_is_neither_read_nor_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, only, builds: list[int], real: Lexicon, mode: int
) -> None:
    monkeypatch.setattr(lexicon.tempfile, "gettempdir", lambda: str(tmp_path))
    shared = lexicon._shared_dir()
    shared.mkdir()
    os.chmod(shared, mode)
    name = lexicon._cache_name()
    planted = _forged(real)
    (shared / name).write_bytes(planted)
    os.chmod(shared / name, 0o600)
    only(shared)
    assert lexicon._load_or_build(name).total == real.total and builds == [1]  # built, not the planted one
    assert (shared / name).read_bytes() == planted  # and nothing written where others can write


@POSIX
def test_a_shared_temporary_folder_that_is_a_link_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, only, builds: list[int], real: Lexicon) -> None:
    monkeypatch.setattr(lexicon.tempfile, "gettempdir", lambda: str(tmp_path))
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    lexicon._shared_dir().symlink_to(tmp_path / "elsewhere")
    only(lexicon._shared_dir())
    lexicon._load_or_build(lexicon._cache_name())
    assert list((tmp_path / "elsewhere").iterdir()) == []


@POSIX
def test_a_file_of_another_user_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, only, builds: list[int], real: Lexicon) -> None:
    name = lexicon._cache_name()
    (tmp_path / name).write_bytes(_forged(real))
    os.chmod(tmp_path / name, 0o644)
    only(tmp_path)
    monkeypatch.setattr(lexicon, "_owned", lambda st, mask: st.st_mode & 0o777 != 0o644)  # 0644 = "theirs"
    assert lexicon._load_or_build(name).total == real.total and builds == [1]


@POSIX
def test_the_shared_folder_is_made_private_and_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, only, builds: list[int], real: Lexicon) -> None:
    monkeypatch.setattr(lexicon.tempfile, "gettempdir", lambda: str(tmp_path))
    only(lexicon._shared_dir())
    name = lexicon._cache_name()
    lexicon._load_or_build(name)
    assert lexicon._shared_dir().stat().st_mode & 0o777 == 0o700
    assert (lexicon._shared_dir() / name).stat().st_mode & 0o777 == 0o600
    assert lexicon._load_or_build(name).total == real.total and builds == [1]  # read the second time


def test_a_read_only_cache_with_a_corrupt_entry_is_bypassed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, only, builds: list[int], real: Lexicon) -> None:
    import errno

    name = lexicon._cache_name()
    (tmp_path / name).write_bytes(b"PLCLEX01 corrupt")
    os.chmod(tmp_path / name, 0o600)

    def read_only(*args: object, **kwargs: object) -> None:  # simulated: root writes into 0500 folders
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(outputs.tempfile, "mkstemp", read_only)
    only(tmp_path)
    assert lexicon._load_or_build(name).total == real.total and builds == [1]
    assert (tmp_path / name).read_bytes() == b"PLCLEX01 corrupt"


_SNIPPET = """
import sys
from engine.align import lexicon
from engine.align.tokenize import tokenizer
text = open(sys.argv[1], encoding="utf-8").read()[:4000]
print(lexicon.lexicon().total, "|".join(tokenizer().lcut(text)))
"""


def test_eight_concurrent_runs_sharing_one_new_cache_agree(tmp_path: Path) -> None:
    env = {**os.environ, "PLANCHECK_CACHE_DIR": str(tmp_path / "cache")}
    text = str(ROOT / "fixtures" / "chengzhong-district-draft.txt")
    procs = [
        subprocess.Popen([sys.executable, "-c", _SNIPPET, text], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(8)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in results]
    outs = {out for out, _ in results}
    again = subprocess.run([sys.executable, "-c", _SNIPPET, text], env=env, cwd=ROOT, capture_output=True, check=True)
    assert outs == {again.stdout}  # eight at once, and one more reading what they left, say the same
    files = list((tmp_path / "cache").iterdir())
    assert [f.name for f in files] == [lexicon._cache_name()]  # one whole file, no temporary left
    assert Lexicon.from_bytes(files[0].read_bytes()) is not None
