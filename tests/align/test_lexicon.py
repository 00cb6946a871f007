"""The lazily read dictionary cuts exactly as jieba with its whole dictionary loaded."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.align import lexicon
from engine.align.lexicon import LazyTokenizer, Lexicon

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [p.read_text("utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
UNITS = ["区发展和改革局", "区市场监管局", "法治政府建设", "行政执法", "城中区司法局"]


@cache
def _loaded() -> jieba.Tokenizer:
    """jieba's own tokenizer, whole dictionary loaded (once: ~1 s)."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def _pair() -> tuple[jieba.Tokenizer, LazyTokenizer]:
    """A fresh loaded tokenizer (a copy of the cached one's dictionary) and a fresh lazy one."""
    full = jieba.Tokenizer()
    full.FREQ, full.total, full.initialized = dict(_loaded().FREQ), _loaded().total, True
    return full, LazyTokenizer()


def test_fixture_plans_cut_the_same() -> None:
    full, lazy = _pair()
    for text in TEXTS:
        assert lazy.lcut(text) == full.lcut(text)
        assert lazy.lcut(text, HMM=False) == full.lcut(text, HMM=False)
        assert lazy.lcut_for_search(text[:3000]) == full.lcut_for_search(text[:3000])
    assert lazy.total == full.total
    assert len(lazy.FREQ) < len(full.FREQ) / 5  # what it is for: most of the dictionary never read


@pytest.mark.parametrize("read_first", [0, 2000], ids=["words-before-any-text", "after-some-text"])
def test_added_words_win_over_the_dictionary(read_first: int) -> None:
    full, lazy = _pair()
    text = TEXTS[1]
    assert lazy.lcut(text[:read_first]) == full.lcut(text[:read_first])
    for tok in (full, lazy):
        for w in UNITS:
            tok.add_word(w, 100000)
        tok.add_word("行政", 7)  # a dictionary word given another frequency
        tok.del_word("执法")  # frequency 0: a forced split
    assert lazy.total == full.total
    try:
        for t in TEXTS:
            assert lazy.lcut(t) == full.lcut(t)
    finally:
        jieba.finalseg.Force_Split_Words.discard("执法")  # del_word's side effect is process-wide


def test_a_block_cut_before_a_word_is_added_is_cut_again() -> None:
    full, lazy = _pair()
    sentence = "加快推进法治政府建设，由区发展和改革局牵头。"
    assert lazy.lcut(sentence) == full.lcut(sentence)
    for tok in (full, lazy):
        tok.add_word("区发展和改革局", 100000)
    assert "区发展和改革局" in lazy.lcut(sentence)
    assert lazy.lcut(sentence) == full.lcut(sentence)


def test_revision_changes_with_words_not_with_reading() -> None:
    lazy = LazyTokenizer()
    lazy.lcut(TEXTS[0][:500])
    assert lazy.revision == 0
    lazy.add_word("区发展和改革局", 100000)
    assert lazy.revision == 1


def test_part_of_speech_tagger_on_it_tags_the_same() -> None:
    import jieba.posseg

    full, lazy = _pair()
    sentence = TEXTS[0][200:800]
    tagged = [(w.word, w.flag) for w in jieba.posseg.POSTokenizer(full).cut(sentence)]
    assert [(w.word, w.flag) for w in jieba.posseg.POSTokenizer(lazy).cut(sentence)] == tagged


_ALPHABET = "".join(sorted(set(TEXTS[1]) - set("\n")))[:600] + "abcXYZ0123456789%+-. ，。"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=80), st.integers(0, 60000))
def test_any_text_cuts_the_same(text: str, at: int) -> None:
    full, lazy = _pair()
    snippet = TEXTS[1][at : at + 60]
    for t in (snippet, text, snippet + text):
        assert lazy.lcut(t) == full.lcut(t)


def test_the_cached_index_round_trips_and_a_corrupt_one_is_refused() -> None:
    data = lexicon.lexicon().to_bytes()
    assert Lexicon.build().to_bytes() == data  # as a fresh machine builds it
    again = Lexicon.from_bytes(data)
    assert again is not None and again.total == lexicon.lexicon().total
    assert len(again.trie) == len(lexicon.lexicon().trie)
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    assert Lexicon.from_bytes(bytes(flipped)) is None
    assert Lexicon.from_bytes(data[: len(data) // 3]) is None
    assert Lexicon.from_bytes(b"") is None


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path))
    name = lexicon._cache_name()
    (tmp_path / name).write_bytes(b"PLCLEX01 not a lexicon")
    lex = lexicon._load_or_build(name)
    assert lex.total == lexicon.lexicon().total
    assert Lexicon.from_bytes((tmp_path / name).read_bytes()) is not None  # replaced by a good one
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind
