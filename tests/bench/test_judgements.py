"""The hand-judgement files bench.precision reads are well formed: one entry per finding key."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.precision import PAIRS, ROOT, key_of


def test_every_judgement_file_is_well_formed():
    assert PAIRS
    for path, pairs in PAIRS.items():
        assert pairs
        for parent, draft in pairs:
            assert (ROOT / parent).is_file() and (ROOT / draft).is_file()
        drafts = {Path(d).name for _, d in pairs}
        entries = yaml.safe_load(Path(ROOT / path).read_text("utf-8"))
        assert entries, path
        keys = set()
        for e in entries:
            assert e["verdict"] in {"true", "false", "unclear"}, e
            assert e["rule"] and e["reason"].strip(), e
            draft = e.get("draft") or (pairs[0][1] if len(pairs) == 1 else "")
            assert Path(draft).name in drafts, f"{path}: an entry names no draft of its pairs: {e}"
            k = key_of(draft, e["rule"], e.get("item"), e.get("evidence"), e.get("parent_evidence"))
            assert k not in keys, f"two judgements for one finding: {k}"
            keys.add(k)


def test_the_no_parent_judgements_are_well_formed():
    from bench.precision_alone import DEFAULT_JUDGEMENTS

    judgements_are_well_formed(DEFAULT_JUDGEMENTS)


def test_the_heldout_judgements_are_well_formed_and_name_heldout_documents():
    from bench.precision_alone import HELDOUT, HELDOUT_JUDGEMENTS

    for e in judgements_are_well_formed(HELDOUT_JUDGEMENTS):
        assert (HELDOUT / e["doc"]).is_file(), e


def judgements_are_well_formed(path: Path) -> list[dict]:
    from bench.precision_alone import key

    entries = yaml.safe_load(path.read_text("utf-8"))
    assert entries
    keys = set()
    for e in entries:
        assert e["verdict"] in {"true", "false", "unclear"}, e
        assert e["rule"] and str(e["why"]).strip(), e
        k = key(e["doc"], e["rule"], e["line"], e.get("evidence"))
        assert k not in keys, f"two judgements for one finding: {k}"
        keys.add(k)
    return entries
