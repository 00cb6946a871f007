"""Every kind module is registered, documented, has options and a case file (and nothing else is)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from engine.i18n import fields_of
from engine.rules.kinds import KIND_MODULES
from engine.rules.loader import kind

KINDS_DIR = Path(__file__).resolve().parents[2] / "engine" / "rules" / "kinds"
CASES_DIR = Path(__file__).resolve().parents[1] / "cases"


def test_every_module_is_registered_and_vice_versa() -> None:
    modules = {p.stem for p in KINDS_DIR.glob("*.py") if p.stem not in ("__init__", "base")}
    assert modules == set(KIND_MODULES)
    assert len(KIND_MODULES) == len(set(KIND_MODULES)), "a kind registered twice is documented twice"


@pytest.mark.parametrize("name", KIND_MODULES)
def test_kind_is_documented(name: str) -> None:
    k = kind(name)
    assert k is not None and k.name == name
    assert k.description.strip() and k.description_en.strip()
    assert k.message.get("zh") and k.message.get("en")
    assert fields_of(k.message["zh"]) == fields_of(k.message["en"])
    assert isinstance(k.Options, type) and issubclass(k.Options, BaseModel)
    for fname, info in k.Options.model_fields.items():
        assert info.description, f"{name}.Options.{fname} has no description"
    assert (CASES_DIR / f"{name}.yaml").is_file(), f"tests/cases/{name}.yaml is missing"
