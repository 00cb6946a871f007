"""What the prose-responsibility tests (test_prose16, test_prose36, test_prose36b) share: the roles read from one
measure's text, and one fixture plan checked alone beside its hand-counted gold."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.gold import closing_overrun, compare
from engine.extract import extract_responsibility
from engine.pipeline import check


def roles_of(text: str, *, prose: bool = True) -> tuple[list[str], list[str]] | None:
    """The lead and support names read from a measure's text as extract sees it (no ingest: full-width brackets
    stay as written), None where it names no unit."""
    r = extract_responsibility(text, prose=prose)
    return None if r is None else ([u.name for u in r.lead], [u.name for u in r.support])


def checked_beside_gold(folder: Path, name: str):
    """(gold, run, differences): NAME's plan in FOLDER checked alone, its gold file, and every way its parse differs
    from the gold (bench.gold.compare, then closing text run into the last measure) — empty when exactly right."""
    gold = yaml.safe_load((folder / f"{name}.expected.yaml").read_text("utf-8"))
    run = check(str(folder / gold["file"]), allow_no_parent=True, fail_on="none")
    got = run.draft.model_dump(mode="json")
    return gold, run, compare(gold, got) + closing_overrun(gold, got)
