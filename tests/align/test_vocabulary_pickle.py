"""A check's vocabulary travels with its result from a web worker to the service (pickled)."""

import pickle

from engine.align.tokenize import Vocabulary


def test_a_vocabulary_pickles_after_use() -> None:
    v = Vocabulary(["城中区司法局", "区市场监管局"])
    v.overlay()  # holds the tokenizer and its lock
    again = pickle.loads(pickle.dumps(v))
    assert again.words == v.words and again.found("由城中区司法局牵头") == v.found("由城中区司法局牵头")
