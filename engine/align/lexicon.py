"""jieba's dictionary, read on demand: the same words, without loading all of them before the first cut.

`jieba.initialize()` unmarshals its whole prefix dictionary (498,000 entries: 0.5–0.8 s and ~60 MB)
before it cuts a single sentence, and a plan reaches a few percent of it. `LazyTokenizer` is a
`jieba.Tokenizer` whose FREQ holds only the entries the texts cut so far can reach. Before each cut it
copies in, from a compact index of the whole dictionary (a marisa trie of the entries and an array of
their frequencies, ~3 MB, read in ~5 ms), every entry that starts with a character or a bigram of the
text it has not met before.

Why the words are exactly jieba's: jieba only ever looks up substrings of the text it cuts. `get_DAG`
walks sentence[k:i] from each position while the fragment is in FREQ; `calc` and the HMM pass read the
FREQ of substrings. A substring of two or more characters starts with one of the text's bigrams, and
one of one character is one of its characters; all entries starting with those are in FREQ before
jieba looks. `total` is the whole dictionary's. Words added with `add_word` (terms, unit names) are
kept over the dictionary's, as they are when added to a loaded jieba. tests/align/test_lexicon.py
compares the words with jieba's own tokenizer.

The index is built once from jieba's dict.txt (~2 s, as jieba builds its own cache) and kept in a cache
directory: $PLANCHECK_CACHE_DIR, else $XDG_CACHE_HOME/plancheck, else ~/.cache/plancheck, else a
folder of the user's in the temporary directory. The cache is never trusted: a folder is used only
when it belongs to the user (or root) and others cannot write to it (the temporary one: nor the group), a file
only when it is a regular file of the user's that others cannot write (opened without following a
link and without blocking, so a planted FIFO or device is skipped, not waited on), and its contents
only when its format, sizes, checksum and trie agree. Anything else is rebuilt and replaced;
where nothing can be written, the index lives in memory for the process. Concurrent runs each write
a whole file and rename it into place, so a reader sees an old index, a new one or none.
"""

from __future__ import annotations

import array
import hashlib
import os
import stat
import struct
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import jieba
import marisa_trie

from engine.outputs import write_private

_FORMAT = b"PLCLEX01"  # bump when the file layout or the entries' meaning changes
_HEADER = struct.Struct("<QQQ")  # total, number of entries, length of the trie's bytes


class Lexicon:
    """Every entry of a jieba dictionary (words and the prefixes jieba adds) with its frequency."""

    def __init__(self, trie: marisa_trie.Trie, freqs: array.array, total: int) -> None:
        self.trie = trie
        self.freqs = freqs  # by the trie's key id
        self.total = total

    @classmethod
    def build(cls) -> Lexicon:
        """From jieba's dictionary file (the one the cache is named after), with jieba's own reader."""
        with _dict_path().open("rb") as f:
            lfreq, total = jieba.Tokenizer.gen_pfdict(f)
        trie = marisa_trie.Trie(lfreq)
        freqs = array.array("I", bytes(4 * len(trie)))
        for key, kid in trie.iteritems():
            freqs[kid] = lfreq[key]
        return cls(trie, freqs, total)

    def to_bytes(self) -> bytes:
        trie = self.trie.tobytes()
        body = _HEADER.pack(self.total, len(self.freqs), len(trie)) + self.freqs.tobytes() + trie
        return _FORMAT + hashlib.sha256(body).digest() + body

    @classmethod
    def from_bytes(cls, data: bytes) -> Lexicon | None:
        """The lexicon in `data`, or None when it is not one of ours, truncated, corrupt or forged
        (a checksum only proves the file is whole: the parts must also agree with each other)."""
        head = len(_FORMAT) + 32
        if len(data) < head + _HEADER.size or not data.startswith(_FORMAT):
            return None
        body = memoryview(data)[head:]
        if hashlib.sha256(body).digest() != data[len(_FORMAT) : head]:
            return None
        total, n, trie_len = _HEADER.unpack_from(body)
        if len(body) != _HEADER.size + 4 * n + trie_len or total == 0:
            return None
        freqs = array.array("I")
        freqs.frombytes(body[_HEADER.size : _HEADER.size + 4 * n])
        trie = marisa_trie.Trie()
        try:
            trie.frombytes(bytes(body[_HEADER.size + 4 * n :]))
        except Exception:  # marisa raises its own errors on a crafted trie
            return None
        if len(trie) != n:
            return None
        return cls(trie, freqs, total)


def cache_dirs() -> list[Path]:
    """Where the index may be kept, in order of preference (whether each may be used is decided
    when it is used: `_trusted`)."""
    out = []
    if os.environ.get("PLANCHECK_CACHE_DIR"):
        out.append(Path(os.environ["PLANCHECK_CACHE_DIR"]))
    if os.environ.get("XDG_CACHE_HOME"):
        out.append(Path(os.environ["XDG_CACHE_HOME"]) / "plancheck")
    try:
        out.append(Path.home() / ".cache" / "plancheck")
    except RuntimeError:  # no home directory to be found
        pass
    out.append(_shared_dir())
    return out


def _shared_dir() -> Path:
    return Path(tempfile.gettempdir()) / f"plancheck-{_UID if _UID is not None else 'user'}"


_UID: int | None = os.getuid() if hasattr(os, "getuid") else None
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX; a FIFO or device cannot be planted elsewhere
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_MAX_FILE = 64 * 1024 * 1024  # the index is ~13 MB; anything much larger is not ours


def _owned(st: os.stat_result, others_mask: int) -> bool:
    """The user's own (or root's: a cache an administrator prepared), and nobody in `others_mask`
    may write to it (POSIX; elsewhere: yes)."""
    if _UID is None:
        return True
    return st.st_uid in (_UID, 0) and not st.st_mode & others_mask


def _trusted(directory: Path, *, create: bool) -> bool:
    """Whether the index may be read from (and written to) `directory`.

    The user's own cache folders must belong to the user and not be writable by others; the shared
    temporary folder (anyone may create a name there first) is created private (0700) and must not
    be writable by the group either, nor be a link.
    """
    shared = directory == _shared_dir()
    if create:
        try:
            if shared:
                directory.mkdir(mode=0o700)
            else:
                directory.mkdir(mode=0o700, parents=True)
        except FileExistsError:
            pass
        except OSError:
            return False
    try:
        st = os.lstat(directory) if shared else os.stat(directory)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _owned(st, 0o022 if shared else 0o002)

def _dict_path() -> Path:
    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


def _cache_name() -> str:
    """Named after jieba's version and its dictionary file (path, size, modification time)."""
    path = _dict_path()
    try:
        st = path.stat()
        stamp = f"{path}|{st.st_size}|{st.st_mtime_ns}"
    except OSError:
        stamp = str(path)
    digest = hashlib.sha256(f"{jieba.__version__}|{stamp}".encode()).hexdigest()[:16]
    return f"jieba-lexicon-{digest}.bin"


_lock = threading.Lock()
_lexicon: Lexicon | None = None


def lexicon() -> Lexicon:
    """The index of jieba's default dictionary: from the cache, else built (and saved if possible)."""
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                _lexicon = _load_or_build(_cache_name())
    return _lexicon


def _load_or_build(name: str) -> Lexicon:
    """Read from the first trusted directory holding a good copy, else build; then save it to the
    most preferred trusted directory that lacked one (a missing, corrupt or forged file is replaced)."""
    dirs = cache_dirs()
    for found, d in enumerate(dirs):  # noqa: B007 (used after the loop)
        lex = _read(d, name) if _trusted(d, create=False) else None
        if lex is not None:
            break
    else:
        found, lex = len(dirs), Lexicon.build()
    if found:
        data = lex.to_bytes()
        for d in dirs[:found]:
            if _save(d, name, data):
                break
    return lex


def _read(directory: Path, name: str) -> Lexicon | None:
    """The index in `directory`, or None: never through a link, never blocking on a FIFO or device,
    never a file someone else could have written."""
    try:
        fd = os.open(directory / name, os.O_RDONLY | _NONBLOCK | _NOFOLLOW)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _owned(st, 0o022) or st.st_size > _MAX_FILE:
            return None
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    return Lexicon.from_bytes(b"".join(chunks))


def _save(directory: Path, name: str, data: bytes) -> bool:
    """Write atomically and privately (0600); False where the directory is not ours or not writable."""
    return _trusted(directory, create=True) and write_private(directory / name, data)


class LazyTokenizer(jieba.Tokenizer):
    """A jieba.Tokenizer on jieba's dictionary that reads entries from the lexicon as texts need them.

    Cuts exactly as a loaded `jieba.Tokenizer()` with the same words added. `revision` changes when a
    word is added (never when entries are read in), so caches of cut words can key on it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lex = lexicon()
        self.total = self._lex.total
        self.initialized = True  # nothing for jieba to load
        self.revision = 0
        self._seen: set[str] = set()  # characters and bigrams whose entries are in FREQ
        self._user: set[str] = set()  # words added here: they win over the dictionary's entries
        self._blocks: dict[str, tuple[str, ...]] = {}  # block -> its words (HMM cut)
        self._force_split = len(_force_split)
        self._frozen = False

    def freeze(self) -> None:
        """No word may be added from now on: tokenizers shared by every check never learn."""
        self._frozen = True

    def has_entry(self, fragment: str) -> bool:
        """Whether `fragment` is an entry of the whole dictionary (a word or a word's prefix)."""
        return fragment in self.FREQ or fragment in self._lex.trie

    def learn(self, text: str) -> None:
        """Copy into FREQ every dictionary entry a cut of `text` can look up."""
        grams = {text[i : i + 2] for i in range(len(text) - 1)}
        grams.update(text)
        new = grams - self._seen
        if not new:
            return
        freq, user, trie, freqs = self.FREQ, self._user, self._lex.trie, self._lex.freqs
        for g in new:
            if len(g) == 1:
                kid = trie.get(g)
                if kid is not None and g not in user:
                    freq[g] = freqs[kid]
            else:
                for key, kid in trie.items(g):
                    if key not in user:
                        freq[key] = freqs[kid]
        self._seen |= new  # only once the entries are in: another thread may be cutting

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # jieba's name
        self.learn(sentence)
        return super().get_DAG(sentence)

    def _Tokenizer__cut_DAG(self, block: str) -> Iterator[str]:  # jieba's name, mangled
        """jieba's cut of one block (a run of CJK, letters and digits), remembered.

        jieba splits every text into such blocks at punctuation and cuts each alone, so a block's
        words are the same in whatever text it sits: a clause, its sentence and its measure cost one
        cut. Forgotten when a word is added (here, or a forced split anywhere: jieba keeps those in
        one set for every tokenizer).
        """
        if len(_force_split) != self._force_split:
            self._blocks.clear()
            self._force_split = len(_force_split)
        words = self._blocks.get(block)
        if words is None:
            words = tuple(super()._Tokenizer__cut_DAG(block))
            if len(self._blocks) >= _MAX_BLOCKS:
                self._blocks.clear()
            self._blocks[block] = words
        return iter(words)

    def add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        if self._frozen:
            raise RuntimeError("a shared tokenizer learns nothing: use a run's Vocabulary")
        self._user.add(word)
        super().add_word(word, freq, tag)
        self._blocks.clear()
        self.revision += 1


_force_split = jieba.finalseg.Force_Split_Words
_MAX_BLOCKS = 200_000  # a batch meets new text with every draft; its memory stays bounded
