"""Promises about the code's shape that a refactor must not break silently."""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "engine"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_runtime_touches_durable_rules() -> None:
    users = sorted(
        str(p.relative_to(ENGINE))
        for p in ENGINE.rglob("*.py")
        if any(n.split(".")[0] in ("durable", "durable_rules_engine") for n in _imports(p))
    )
    assert users == ["rules/runtime.py"]


def test_rulesets_are_never_loaded_with_an_unsafe_yaml_loader() -> None:
    for p in ENGINE.rglob("*.py"):
        text = p.read_text("utf-8")
        for bad in ("yaml.load(", "yaml.Loader", "yaml.UnsafeLoader", "yaml.FullLoader", "eval(", "exec("):
            if bad == "yaml.load(" and "Loader=_LineLoader" in text:
                continue  # findings.py: a SafeLoader subclass
            assert bad not in text, f"{p.relative_to(ENGINE)} uses {bad}"
