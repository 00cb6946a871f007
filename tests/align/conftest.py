"""Fixture plans for the align tests, read by the real pipeline (ingest -> parse -> extract)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.models import Plan
from engine.parse import parse_plan

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
GOLD = Path(__file__).resolve().parent / "gold_guangxi_chengzhong.yaml"


@lru_cache(maxsize=4)
def load_plan(path: str) -> Plan:
    return parse_plan(load_document(path))


@pytest.fixture(scope="session")
def parent_plan() -> Plan:
    return load_plan(str(PARENT))


@pytest.fixture(scope="session")
def draft_plan() -> Plan:
    return load_plan(str(DRAFT))
