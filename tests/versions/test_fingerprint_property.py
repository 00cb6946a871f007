"""Property: inserting, removing and renumbering measures around the others never changes the
fingerprint of a finding on a measure nobody touched (random edits of the district draft, fixed seeds)."""

from __future__ import annotations

import random
import re

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import Obligations, check_plans
from engine.rules.loader import load_rulesets
from tests.versions.drafts import PARENT, version1

BENIGN = [  # measures a drafting office might add; none touches another measure's problems
    "规范工作档案管理。各部门建立健全法治政府建设工作档案，做到资料齐全、归档及时。（牵头单位：区司法局）",
    "加强工作调度。定期召开法治政府建设工作调度会，研究解决工作推进中的问题。（牵头单位：区司法局）",
    "做好信息报送。及时报送法治政府建设工作信息和典型经验材料。（牵头单位：区政府办公室）",
]
ITEM = re.compile(r"^(\s*)(\d+)．(.*)$")


@pytest.fixture(scope="module")
def engine_parts():
    return load_rulesets(["core"]), Obligations.from_parent(str(PARENT))


def _check(text: str, engine_parts) -> list:
    loaded, obligations = engine_parts
    plan = parse_plan(from_text(text, "draft.txt"))
    findings, _ = check_plans(plan, obligations, loaded.rules)
    return findings


def _items(lines: list[str]) -> list[int]:
    return [i for i, x in enumerate(lines) if ITEM.match(x)]


def _renumber(lines: list[str]) -> list[str]:
    """1, 2, 3 … in document order, as a drafting office renumbers after an edit."""
    out = list(lines)
    for k, i in enumerate(_items(out), start=1):
        m = ITEM.match(out[i])
        out[i] = f"{m.group(1)}{k}．{m.group(3)}"
    return out


def _insert(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for body in rng.sample(BENIGN, rng.randint(1, len(BENIGN))):
        at = rng.choice(_items(lines))
        lines.insert(at, f"{ITEM.match(lines[at]).group(1)}0．{body}")
    return "\n".join(_renumber(lines))


def _remove(text: str, n: int, renumber: bool) -> str:
    lines = text.split("\n")
    del lines[next(i for i in _items(lines) if ITEM.match(lines[i]).group(2) == str(n))]
    return "\n".join(_renumber(lines) if renumber else lines)


@pytest.mark.parametrize("seed", range(1, 9))
def test_inserting_and_renumbering_keeps_every_fingerprint(seed: int, engine_parts) -> None:
    text = version1()
    before = _check(text, engine_parts)
    edited = _insert(text, random.Random(seed))
    assert edited != text
    after = {f.fingerprint for f in _check(edited, engine_parts)}
    lost = [(f.rule, f.local_item, f.evidence.local) for f in before if f.fingerprint not in after]
    assert lost == []


@pytest.mark.parametrize("seed", range(1, 7))
def test_renumbering_after_a_removal_changes_no_fingerprint(seed: int, engine_parts) -> None:
    """Removing a measure may take findings with it (its words counted in a document-wide check);
    renumbering the rest afterwards changes nothing more."""
    text = version1()
    before = _check(text, engine_parts)
    named = {f.local_item for f in before} | {w for f in before for w in re.findall(r"第(\d+)项", f.message)}
    candidates = [int(m.group(2)) for x in text.split("\n") if (m := ITEM.match(x)) and m.group(2) not in named]
    n = random.Random(seed).choice(candidates)
    gap = {f.fingerprint for f in _check(_remove(text, n, renumber=False), engine_parts) if f.check != "numbering"}
    renumbered = {f.fingerprint for f in _check(_remove(text, n, renumber=True), engine_parts) if f.check != "numbering"}
    assert renumbered == gap
    kept = {f.fingerprint for f in before} & renumbered
    assert len(kept) >= len(before) - 2  # a removal takes few findings with it, never the others'
