"""The one table of check kinds. A kind is a module here exposing `KIND` (a CheckKind subclass).

`tests/rules/test_registry.py` fails when a module in this folder is missing from the table, or a
kind lacks a description, message templates in both languages, or a case file in tests/cases/.
"""

from __future__ import annotations

import importlib

from engine.memo import memo
from engine.rules.kinds.base import CheckKind

KIND_MODULES: tuple[str, ...] = (
    # parent obligations
    "parent_covered",
    "lead_unit_required",
    "lead_unit_vague",
    "deadline_not_later",
    "deadline_carried",
    "target_not_weaker",
    "clause_carried",
    # custom rules written as data
    "pattern",
    "condition",
    "join",
    # drafting quality
    "self_reference",
    "level_scope",
    "term_consistency",
    "duplicate_sentence",
    "numbering",
    "format",
    # unit names and references across levels and time
    "unit_outdated",
    "unit_level",
    "unit_naming",
    "reference_outdated",
    "reference_period_ended",
)


@memo(1, copy="shared")  # one registry per process; kinds are stateless
def registry() -> dict[str, CheckKind]:
    """Every kind by name, instantiated once."""
    kinds: dict[str, CheckKind] = {}
    for name in KIND_MODULES:
        module = importlib.import_module(f"engine.rules.kinds.{name}")
        kind = module.KIND()
        assert kind.name == name, f"{name}.KIND.name is {kind.name!r}"
        kinds[name] = kind
    return kinds
