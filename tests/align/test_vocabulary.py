"""A run's learnt unit names: an overlay on the shared tokenizer that cuts exactly as jieba would with
the words added (the dictionary's total kept), and that no other run sees."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from engine.align.lexicon import LazyTokenizer
from engine.align.tokenize import (
    TERMS_PATH,
    UNIT_FREQ,
    Vocabulary,
    dictionary_key,
    lcut,
    tokenizer,
    tokens,
    using,
)

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["区发展和改革局", "区发展和改革局办公室", "发展和改革", "区司法局", "城中区人民政府办公室", "区委编办"]


def _reference(words: list[str]) -> LazyTokenizer:
    """The plain definition: a tokenizer of its own, the terms loaded, the words added with
    jieba's add_word, the total put back to the shared one's."""
    tok = LazyTokenizer()
    tok.load_userdict(str(TERMS_PATH))
    total = tok.total
    for w in words:
        tok.add_word(w, UNIT_FREQ)
    tok.total = total
    return tok


def test_overlay_cuts_as_jieba_with_the_words_added() -> None:
    text = (ROOT / "fixtures" / "chengzhong-district-draft.txt").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    lines += [f"由{a}牵头，{b}配合，推进{a[1:]}{b[:3]}工作" for a in NAMES for b in NAMES]
    v = Vocabulary(NAMES)
    assert sum(bool(v.found(line)) for line in lines) > len(NAMES) ** 2  # the added words are met
    ref = _reference(list(v.words))
    with using(v):
        for line in lines:
            assert list(lcut(line)) == ref.lcut(line)
    plain = tokenizer()
    assert all(list(lcut(line)) == plain.lcut(line) for line in lines[:50])  # outside the run: the base


def test_found_words_include_overlapping_and_prefix_ones() -> None:
    v = Vocabulary(NAMES)
    text = "由区发展和改革局办公室牵头"
    assert v.found(text) == ("区发展和改革局", "区发展和改革局办公室", "发展和改革")
    assert v.found("加强统筹") == () and Vocabulary().found(text) == ()
    with using(v):
        assert dictionary_key(text) == v.found(text)
    assert dictionary_key(text) == ()


def test_the_shared_tokenizer_learns_nothing() -> None:
    with pytest.raises(RuntimeError):
        tokenizer().add_word("某某区网格化服务管理中心", UNIT_FREQ)


def test_threads_each_cut_by_their_own_words() -> None:
    text = "由某某区网格化服务管理中心负责"
    got: dict[int, tuple[str, ...]] = {}
    start = threading.Barrier(4)

    def work(i: int) -> None:
        start.wait()
        with using(Vocabulary(["某某区网格化服务管理中心"] if i % 2 else [])):
            for _ in range(50):
                got[i] = tokens(text)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got[1] == got[3] and "某某区网格化服务管理中心" in got[1]
    assert got[0] == got[2] and "某某区网格化服务管理中心" not in got[0]
