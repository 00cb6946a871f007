"""A web worker sends its CheckRun (with the run's Vocabulary) to the server process by pickling."""

from __future__ import annotations

import pickle

from engine.align.tokenize import Vocabulary


def test_a_used_vocabulary_pickles_and_cuts_alike():
    vocab = Vocabulary(["柳州市城中区司法局", "城中区政务服务中心"])
    vocab.overlay()  # the tokenizer holds locks: it must not travel
    copy = pickle.loads(pickle.dumps(vocab))
    assert copy.words == vocab.words
    text = "由城中区政务服务中心负责"
    assert copy.found(text) == vocab.found(text)
    assert list(copy.overlay().cut(text)) == list(vocab.overlay().cut(text))
