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


def test_every_blind_set_judgement_file_is_well_formed_and_names_documents_of_its_set():
    """bench/judgements/blindN-alone.yaml is read by `bench.precision_alone --set blindN`: every entry names a
    document the set checks (any input form, or the pair's child or parent)."""
    from bench.precision_alone import JUDGEMENTS, blind_set

    paths = sorted(JUDGEMENTS.glob("blind*-alone.yaml"))
    assert {p.name for p in paths} >= {f"blind{n}-alone.yaml" for n in range(3, 9)}
    for path in paths:
        files, judgements = blind_set(path.name.removesuffix("-alone.yaml"))
        assert judgements == path
        names = {f.name for f in files}
        for e in judgements_are_well_formed(path):
            assert e["doc"] in names, (path.name, e)


def test_a_blind_set_is_chosen_by_its_folder_and_the_old_flags_still_work():
    from bench.precision_alone import BLIND3, BLIND3_JUDGEMENTS, ROOT, blind3_files, blind_set, main

    files, judgements = blind_set("blind4")
    assert {f.suffix for f in files} == {".txt", ".docx", ".pdf", ".html"}
    assert any(f.parent.name == "pair" for f in files)
    assert not any(f.suffix in {".py", ".md", ".yaml"} for f in files)
    assert judgements == ROOT / "bench" / "judgements" / "blind4-alone.yaml"
    assert blind_set("blind3") == (blind3_files(), BLIND3_JUDGEMENTS)
    assert all(f.is_relative_to(BLIND3) for f in blind3_files())
    # --blindN is --set blindN; both run (on a file given, to stay quick)
    one = str(BLIND3 / "pair" / "yinchuan-city-accessibility-child.txt")
    assert main(["--blind3", one]) == 0
    assert main(["--set", "blind3", one]) == 0
